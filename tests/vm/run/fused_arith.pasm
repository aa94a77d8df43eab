; fused_arith.pasm - arithmetic instruction pairs and triples that the
; loader fuses (src/vm/quicken.c: load+load+add/sub/mul, load+op,
; pushint+op, op+store) give what the unfused instructions give, for
; every kind of operand: ints (wrapping), doubles, mixed int and double,
; longs, and operands that raise (division by zero in a fused
; pushint+div, a string in a fused load+mul).
.class .test.fusedarith
.source "fused.ph"

; show(what, v): prints "what = v"
.method static show (*,*)void
    .locals 2
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

; all(a, b): every fused form with a in local 0 and b in local 1
.method static all (*,*)void
    .locals 3
    pushconst "a+b"
    load 0
    load 1
    add
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "a-b"
    load 0
    load 1
    sub
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "a*b"
    load 0
    load 1
    mul
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "a-b stored"
    load 0
    nop
    load 1
    nop
    sub
    store 2
    load 2
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "a*b stored"
    load 0
    nop
    load 1
    nop
    mul
    store 2
    load 2
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "a+b stored"
    load 0
    nop
    load 1
    nop
    add
    store 2
    load 2
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) + b"
    load 0
    nop
    load 1
    add
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) - b"
    load 0
    nop
    load 1
    sub
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) * b"
    load 0
    nop
    load 1
    mul
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) / b"
    load 0
    nop
    load 1
    div
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) + 7"
    load 0
    nop
    pushint 7
    add
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) - 7"
    load 0
    nop
    pushint 7
    sub
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) * 7"
    load 0
    nop
    pushint 7
    mul
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) / 7"
    load 0
    nop
    pushint 7
    div
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) % 7"
    load 0
    nop
    pushint 7
    rem
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) / -1"
    load 0
    nop
    pushint -1
    div
    invokestatic .test.fusedarith show (*,*)void
    pop
    pushconst "(a) % -1"
    load 0
    nop
    pushint -1
    rem
    invokestatic .test.fusedarith show (*,*)void
    pop
    retvoid
.end

; raises(a, b): fused forms whose unfused second instruction raises
.method static raises (*,*)void
    .locals 3
    .catch any from t0 to t1 using caught0
    .catch any from t1 to t2 using caught1
t0:
    load 0
    nop
    pushint 0
    div
    store 2
t1:
    load 0
    nop
    load 1
    mul
    store 2
t2:
    retvoid
caught0:
    invokeord 5 0
    pushconst "pushint 0; div"
    swap
    invokestatic .test.fusedarith show (*,*)void
    pop
    jmp t1
caught1:
    invokeord 5 0
    pushconst "load; mul"
    swap
    invokestatic .test.fusedarith show (*,*)void
    pop
    retvoid
.end

.method static main ()void
    pushint 100
    pushint 7
    invokestatic .test.fusedarith all (*,*)void
    pop
    pushint 2147483647
    pushint 2
    invokestatic .test.fusedarith all (*,*)void
    pop
    pushint -2147483648
    pushint -1
    invokestatic .test.fusedarith all (*,*)void
    pop
    pushconst 1.5
    pushconst 0.25
    invokestatic .test.fusedarith all (*,*)void
    pop
    pushconst 10.0
    pushint 4
    invokestatic .test.fusedarith all (*,*)void
    pop
    pushconst 1152921504606846976L
    pushint 3
    invokestatic .test.fusedarith all (*,*)void
    pop
    pushint 9
    pushconst "x"
    invokestatic .test.fusedarith raises (*,*)void
    pop
    retvoid
.end
