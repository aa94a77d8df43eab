; arith_float.pasm - floats and doubles: promotion across int, long,
; float and double (the wider kind wins; any real makes the result real),
; IEEE division by zero, remainder of reals, and the Java-style text.
.class .test.arith_float
.source "arith_float.ph"

; p(label, value): "label = value (class)"
.method static p (*,*)void
    load 0
    pushconst " = "
    concat
    load 1
    tostring
    concat
    pushconst " ("
    concat
    load 1
    invokeord 2 0
    invokename getName 0
    concat
    pushconst ")"
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    pushconst "1 + 1.5f"
    pushint 1
    pushconst 1.5f
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1.5f + 1"
    pushconst 1.5f
    pushint 1
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1 + 1.5"
    pushint 1
    pushconst 1.5
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "10L * 0.5f"
    pushconst 10L
    pushconst 0.5f
    mul
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "0.5f + 0.25"
    pushconst 0.5f
    pushconst 0.25
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "7 / 2.0"
    pushint 7
    pushconst 2.0
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "7 / 2"
    pushint 7
    pushint 2
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "7L / 2"
    pushconst 7L
    pushint 2
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "0.1 + 0.2"
    pushconst 0.1
    pushconst 0.2
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "0.1f + 0.2f"
    pushconst 0.1f
    pushconst 0.2f
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1.0 / 3"
    pushconst 1.0
    pushint 3
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1.0f / 3"
    pushconst 1.0f
    pushint 3
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1.0 / 0"
    pushconst 1.0
    pushint 0
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "-1 / 0.0"
    pushint -1
    pushconst 0.0
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "0.0 / 0.0"
    pushconst 0.0
    pushconst 0.0
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1.0f / 0"
    pushconst 1.0f
    pushint 0
    div
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "5 % 0.0"
    pushint 5
    pushconst 0.0
    rem
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "7.5 % 2"
    pushconst 7.5
    pushint 2
    rem
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "-7.5 % 2"
    pushconst -7.5
    pushint 2
    rem
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "-(0.0)"
    pushconst 0.0
    neg
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "-(2.5f)"
    pushconst 2.5f
    neg
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1e7 * 1"
    pushconst 1e7
    pushint 1
    mul
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1234567.0 + 0"
    pushconst 1234567.0
    pushint 0
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "0.001 - 0.00085"
    pushconst 0.001
    pushconst 0.00085
    sub
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "1e300 * 1e10"
    pushconst 1e300
    pushconst 1e10
    mul
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "2^53 + 1L + 0.0"
    pushconst 9007199254740993L
    pushconst 0.0
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "3.4028235e38f * 10"
    pushconst 3.4028235e38f
    pushint 10
    mul
    invokestatic .test.arith_float p (*,*)void
    pop
    pushconst "'a' + 0.5"
    pushconst "a"
    pushint 0
    aload
    pushconst 0.5
    add
    invokestatic .test.arith_float p (*,*)void
    pop
    retvoid
.end
