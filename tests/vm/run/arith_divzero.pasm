; arith_divzero.pasm - integer division and remainder by zero raise
; .phantom.ArithmeticException (ints and longs alike); reals do not.
.class .test.divzero
.source "divzero.ph"

; try(op, a, b): prints "a op b -> result" or "a op b -> class: message"
.method static try (*,*,*)void
    .locals 4
    .catch .phantom.ArithmeticException from t0 to t1 using caught
t0:
    load 0
    pushconst "/"
    eq
    jf remainder
    load 1
    load 2
    div
    store 3
    jmp done
remainder:
    load 1
    load 2
    rem
    store 3
t1:
done:
    load 1
    tostring
    pushconst " "
    concat
    load 0
    concat
    pushconst " "
    concat
    load 2
    tostring
    concat
    pushconst " -> "
    concat
    load 3
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
caught:
    store 3
    load 3
    invokeord 5 0
    store 3
    jmp done
.end

.method static main ()void
    pushconst "/"
    pushint 1
    pushint 0
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "%"
    pushint 1
    pushint 0
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "/"
    pushint 0
    pushint 0
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "/"
    pushconst 5L
    pushint 0
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "%"
    pushconst 1152921504606846976L
    pushconst 0L
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "/"
    pushint 5
    pushconst 0L
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "/"
    pushint 5
    pushconst 0.0
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "%"
    pushconst 5.0f
    pushint 0
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "/"
    pushint 9
    pushint 3
    invokestatic .test.divzero try (*,*,*)void
    pop
    pushconst "after all that, 6 * 7 = "
    pushint 6
    pushint 7
    mul
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
