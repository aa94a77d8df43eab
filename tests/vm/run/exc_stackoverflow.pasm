; exc_stackoverflow.pasm - unbounded recursion raises
; .phantom.StackOverflowException; the handler in main catches it after
; every recursive frame is gone, and the program carries on normally:
; it recurses deeply again, and a bounded recursion still works.
.class .test.so
.source "so.ph"
.field static depth

; down(n): records n, then calls itself with n + 1, forever
.method static down (*)*
    load 0
    putstatic .test.so depth
    pushint 1
    load 0
    pushint 1
    add
    invokestatic .test.so down (*)*
    add
    return
.end

; sum(n) = n + sum(n - 1), bounded
.method static sum (*)*
    load 0
    jf zero
    load 0
    load 0
    pushint 1
    sub
    invokestatic .test.so sum (*)*
    add
    return
zero:
    pushint 0
    return
.end

; overflow(): runs down(0) and reports
.method static overflow ()void
    .catch .phantom.StackOverflowException from a to b using h
a:
    pushint 0
    invokestatic .test.so down (*)*
    pop
b:
    pushconst "no overflow?"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    invokeord 2 0
    invokevirtual .internal.class getName ()*
    pushconst "caught "
    swap
    concat
    pushconst " after more than 10000 frames: "
    concat
    getstatic .test.so depth
    pushint 10000
    gt
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    invokestatic .test.so overflow ()void
    pop
    pushconst "sum(1000) = "
    pushint 1000
    invokestatic .test.so sum (*)*
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    invokestatic .test.so overflow ()void
    pop
    pushconst "still running: 6 * 7 = "
    pushint 6
    pushint 7
    mul
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
