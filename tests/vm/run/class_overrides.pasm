; class_overrides.pasm - eq, ne and tostring on objects whose class
; overrides equals (ordinal 4) or toString (ordinal 5) in Phantom: eq
; calls equals and takes the truth of its result, ne negates it, refeq
; still compares identity; tostring calls toString.
.class .test.ov.money
.field cents

.method ctor money (*)void
    load 0
    load 1
    putfield .test.ov.money cents
    retvoid
.end

; equal when the other is money with the same cents; answers an int,
; as original programs did (1 or 0)
.method equals (*)* ordinal 4
    load 1
    instanceof .test.ov.money
    jf no
    load 0
    getfield .test.ov.money cents
    load 1
    getfield .test.ov.money cents
    eq
    jf no
    pushint 1
    return
no:
    pushint 0
    return
.end

.method toString ()* ordinal 5
    load 0
    getfield .test.ov.money cents
    pushint 100
    div
    tostring
    pushconst "."
    concat
    load 0
    getfield .test.ov.money cents
    pushint 100
    rem
    dup
    pushint 10
    jge two
    pop
    pushconst "0"
    load 0
    getfield .test.ov.money cents
    pushint 100
    rem
    tostring
    concat
two:
    tostring
    concat
    pushconst " EUR"
    concat
    return
.end

.class .test.ov
.source "ov.ph"

.method static m (*)*
    new .test.ov.money
    dup
    load 0
    invokespecial .test.ov.money money (*)void
    pop
    return
.end

.method static main ()void
    .locals 3
    pushint 1250
    invokestatic .test.ov m (*)*
    store 0
    pushint 1250
    invokestatic .test.ov m (*)*
    store 1
    pushint 305
    invokestatic .test.ov m (*)*
    store 2
    pushconst "tostring: "
    load 0
    tostring
    concat
    pushconst " and "
    concat
    load 2
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "same amount, eq: "
    load 0
    load 1
    eq
    tostring
    concat
    pushconst ", ne: "
    concat
    load 0
    load 1
    ne
    tostring
    concat
    pushconst ", refeq: "
    concat
    load 0
    load 1
    refeq
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "other amount, eq: "
    load 0
    load 2
    eq
    tostring
    concat
    pushconst ", ne: "
    concat
    load 0
    load 2
    ne
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "money eq string: "
    load 0
    pushconst "12.50 EUR"
    eq
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; eq in a jump, as a compiler would use it
    load 0
    load 1
    eq
    jf differ
    pushconst "jf after eq: equal"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
differ:
    pushconst "jf after eq: different"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
