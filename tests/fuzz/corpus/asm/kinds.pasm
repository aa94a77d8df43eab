; kinds.pasm - code the verifier's kind checks must accept: kinds merge to
; "any" where paths join, null is never rejected (it raises its exception
; at run time), add with a string concatenates anything, conv bool takes
; any value, inclocal follows add's rules for numbers.
.class .test.kinds
.field f

.method static merge (*)*
    .locals 2
    load 0
    jf str
    pushint 1
    store 1
    jmp join
str:
    pushconst "s"
    store 1
join:
    load 1                  ; an int or a string: either may work
    pushint 1
    sub
    return
.end

.method static nulls ()*
    pushnull
    getfield .test.kinds f
    pushnull
    pushint 1
    add
    pushnull
    throw
.end

.method static strings ()*
    pushconst "x"
    pushtrue
    add
    conv bool
    pushconst "y"
    alen
    pop
    return
.end

.method static longs ()*
    .locals 1
    pushconst 5L
    store 0
    inclocal 0 -1
    load 0
    pushconst 2.5f
    mul
    return
.end
