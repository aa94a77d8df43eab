; consts.pasm - every form of constant, with the values that are easy to
; get wrong: extremes, negative zero, denormals, NaN payloads, escapes.
.class .test.consts

.method static all ()void
    .locals 1
    pushconst "plain"
    pop
    pushconst "quote \" backslash \\ newline \n tab \t cr \r hex \x01 \x7f"
    pop
    pushconst "UTF-8: héllo wörld ✓ 𝄞"
    pop
    pushconst ""
    pop
    pushconst 0
    pop
    pushconst -2147483648
    pop
    pushconst 2147483647
    pop
    pushconst 0x7ffffffe
    pop
    pushconst 5L
    pop
    pushconst -9223372036854775808L
    pop
    pushconst 9223372036854775807L
    pop
    pushconst 1.5
    pop
    pushconst -0.0
    pop
    pushconst 0.1
    pop
    pushconst 1e300
    pop
    pushconst 4.9e-324
    pop
    pushconst 100.0
    pop
    pushconst 1.5f
    pop
    pushconst -0.0f
    pop
    pushconst 1e-45f
    pop
    pushconst 3.4028235e38f
    pop
    pushconst floatbits 0x7fc00001
    pop
    pushconst floatbits 0x7f800000
    pop
    pushconst doublebits 0xfff0000000000000
    pop
    pushconst doublebits 0x7ff8000000000123
    pop
    pushconst class .test.consts
    pop
    pushint -1
    pop
    pushint 2147483647
    store 0
    retvoid
.end
