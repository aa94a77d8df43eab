; compare.pasm - lt le gt ge on numbers of every kind (exact across int
; and long, NaN unordered), on strings (by bytes) and chars; eq and ne
; (numbers by value across kinds, NaN equal to nothing, strings by
; content, other values by identity); refeq and refne (identity, values
; by value within one kind: boxed longs too, NaNs are canonical).
.class .test.compare
.source "compare.ph"

; cmp(a, b): prints "a ? b: lt le gt ge eq ne"
.method static cmp (*,*)void
    load 0
    tostring
    pushconst " ? "
    concat
    load 1
    tostring
    concat
    pushconst ":"
    concat
    load 0
    load 1
    lt
    jf nlt
    pushconst " lt"
    concat
nlt:
    load 0
    load 1
    le
    jf nle
    pushconst " le"
    concat
nle:
    load 0
    load 1
    gt
    jf ngt
    pushconst " gt"
    concat
ngt:
    load 0
    load 1
    ge
    jf nge
    pushconst " ge"
    concat
nge:
    load 0
    load 1
    eq
    jf neq
    pushconst " eq"
    concat
neq:
    load 0
    load 1
    ne
    jf nne
    pushconst " ne"
    concat
nne:
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; eqs(a, b): eq, ne, refeq, refne only (for values that do not order)
.method static eqs (*,*)void
    load 0
    tostring
    pushconst " ? "
    concat
    load 1
    tostring
    concat
    pushconst ": eq="
    concat
    load 0
    load 1
    eq
    tostring
    concat
    pushconst " ne="
    concat
    load 0
    load 1
    ne
    tostring
    concat
    pushconst " refeq="
    concat
    load 0
    load 1
    refeq
    tostring
    concat
    pushconst " refne="
    concat
    load 0
    load 1
    refne
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 2
    pushint 1
    pushint 2
    invokestatic .test.compare cmp (*,*)void
    pop
    pushint 2
    pushint 2
    invokestatic .test.compare cmp (*,*)void
    pop
    pushint -2147483648
    pushint 2147483647
    invokestatic .test.compare cmp (*,*)void
    pop
    pushint 5
    pushconst 5L
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst 9007199254740993L
    pushconst 9007199254740992L
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst 4611686018427387904L
    pushint 2147483647
    invokestatic .test.compare cmp (*,*)void
    pop
    pushint 5
    pushconst 5.0
    invokestatic .test.compare cmp (*,*)void
    pop
    pushint 5
    pushconst 5.5f
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst 0.1f
    pushconst 0.1
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst -0.0
    pushconst 0.0
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst doublebits 0x7ff8000000000000
    pushint 1
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst doublebits 0x7ff8000000000000
    pushconst doublebits 0x7ff8000000000000
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst floatbits 0x7fc00000
    pushconst 1.0f
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst doublebits 0xfff0000000000000
    pushconst -1e308
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "abc"
    pushconst "abd"
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "ab"
    pushconst "abc"
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "b"
    pushconst "abc"
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "Z"
    pushconst "a"
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "same"
    pushconst "sa"
    pushconst "me"
    concat
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "é"
    pushconst "z"
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "a"
    pushint 0
    aload
    pushconst "b"
    pushint 0
    aload
    invokestatic .test.compare cmp (*,*)void
    pop
    pushconst "A"
    pushint 0
    aload
    pushint 65
    invokestatic .test.compare cmp (*,*)void
    pop
    ; equality without order
    pushtrue
    pushtrue
    invokestatic .test.compare eqs (*,*)void
    pop
    pushtrue
    pushint 1
    invokestatic .test.compare eqs (*,*)void
    pop
    pushnull
    pushnull
    invokestatic .test.compare eqs (*,*)void
    pop
    pushnull
    pushint 0
    invokestatic .test.compare eqs (*,*)void
    pop
    pushint 7
    pushint 7
    invokestatic .test.compare eqs (*,*)void
    pop
    pushint 7
    pushconst 7L
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst 1152921504606846976L
    pushconst 1152921504606846976L
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst 1152921504606846976L
    pushconst 1152921504606846976.0
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst 1.5
    pushconst 1.5
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst doublebits 0x7ff8000000000000
    pushconst doublebits 0x7ff8000000000000
    invokestatic .test.compare eqs (*,*)void
    pop
    ; a boxed long computed at run time is refeq an equal constant
    pushconst 1073741824L
    pushconst 1073741824L
    mul
    pushconst 1152921504606846976L
    invokestatic .test.compare eqs (*,*)void
    pop
    ; NaNs are canonical: a computed NaN is refeq any NaN constant
    pushconst 0.0
    pushconst 0.0
    div
    pushconst doublebits 0x7ff8000000000123
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst "A"
    pushint 0
    aload
    pushint 65
    invokestatic .test.compare eqs (*,*)void
    pop
    pushint 1
    pushconst 1.0
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst "abc"
    pushconst "abc"
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst "abc"
    pushconst "ab"
    pushconst "c"
    concat
    invokestatic .test.compare eqs (*,*)void
    pop
    pushconst "5"
    pushint 5
    invokestatic .test.compare eqs (*,*)void
    pop
    new .test.compare
    store 0
    new .test.compare
    store 1
    pushconst "object vs itself: "
    load 0
    load 0
    eq
    tostring
    concat
    pushconst ", refeq "
    concat
    load 0
    load 0
    refeq
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "two objects: eq "
    load 0
    load 1
    eq
    tostring
    concat
    pushconst ", ne "
    concat
    load 0
    load 1
    ne
    tostring
    concat
    pushconst ", refne "
    concat
    load 0
    load 1
    refne
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "object vs null: eq "
    load 0
    pushnull
    eq
    tostring
    concat
    pushconst ", refeq "
    concat
    load 0
    pushnull
    refeq
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
