; arith_int.pasm - 32-bit int arithmetic: wrapping, truncating division,
; remainder signs, negation.  Each line is "expression = value".
.class .test.arith_int
.source "arith_int.ph"

; p(label, value): prints "label = value"
.method static p (*,*)void
    load 0
    pushconst " = "
    concat
    load 1
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    pushconst "2147483647 + 1"
    pushint 2147483647
    pushint 1
    add
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-2147483648 - 1"
    pushint -2147483648
    pushint 1
    sub
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "65536 * 65536"
    pushint 65536
    pushint 65536
    mul
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "123456789 * 1000"
    pushint 123456789
    pushint 1000
    mul
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-2147483648 * -1"
    pushint -2147483648
    pushint -1
    mul
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "12 + 30"
    pushint 12
    pushint 30
    add
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "5 - 8"
    pushint 5
    pushint 8
    sub
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "7 / 2"
    pushint 7
    pushint 2
    div
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-7 / 2"
    pushint -7
    pushint 2
    div
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "7 / -2"
    pushint 7
    pushint -2
    div
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-7 / -2"
    pushint -7
    pushint -2
    div
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "7 % 2"
    pushint 7
    pushint 2
    rem
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-7 % 2"
    pushint -7
    pushint 2
    rem
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "7 % -2"
    pushint 7
    pushint -2
    rem
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-7 % -2"
    pushint -7
    pushint -2
    rem
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-2147483648 / -1"
    pushint -2147483648
    pushint -1
    div
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-2147483648 % -1"
    pushint -2147483648
    pushint -1
    rem
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "0 / 5"
    pushint 0
    pushint 5
    div
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-(5)"
    pushint 5
    neg
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-(-2147483648)"
    pushint -2147483648
    neg
    invokestatic .test.arith_int p (*,*)void
    pop
    pushconst "-(0)"
    pushint 0
    neg
    invokestatic .test.arith_int p (*,*)void
    pop
    ; a loop: 10! wraps past 2^31 at 13!
    pushconst "13! (int)"
    invokestatic .test.arith_int fact ()*
    invokestatic .test.arith_int p (*,*)void
    pop
    ; char arithmetic: 'A' + 2
    pushconst "'A' + 2"
    pushconst "A"
    pushint 0
    aload
    pushint 2
    add
    invokestatic .test.arith_int p (*,*)void
    pop
    retvoid
.end

.method static fact ()*
    .locals 2
    pushint 1
    store 0
    pushint 1
    store 1
loop:
    load 0
    load 1
    mul
    store 0
    inclocal 1 1
    load 1
    pushint 13
    pushint 1
    add
    jlt loop
    load 0
    return
.end
