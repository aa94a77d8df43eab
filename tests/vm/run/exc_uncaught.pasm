; exc_uncaught.pasm - an uncaught exception in the main thread ends the
; program with exit status 1, after printing "Uncaught <class>: <message>"
; and one "at class.method (file:line)" line per frame, innermost first,
; on standard error.  Output printed before it is not lost.
.class .test.x
.source "x.ph"

.method static main ()void
    .line 3
    pushconst "before the failure"
    invokestatic .internal.io.tty println (*)void
    pop
    .line 4
    pushint 10
    invokestatic .test.x outer (*)*
    pop
    .line 5
    pushconst "not reached"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static outer (*)*
    .line 9
    pushint 1
    .line 10
    load 0
    invokestatic .test.x method (*)*
    add
    return
.end

.method static method (*)*
    .line 14
    load 0
    pushint 5
    sub
    .line 15
    pushint 0
    div
    return
.end
