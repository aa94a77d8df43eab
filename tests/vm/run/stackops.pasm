; stackops.pasm - the operand-stack shuffles and the locals: dup, dup2,
; dupx1, dupx2, swap, pop, nop, load, store, inclocal.  Each case leaves
; its stack in an array to print it bottom first.
.class .test.stackops
.source "stackops.ph"

; show3(label, a, b, c) prints "label: a b c"
.method static show (*,*,*,*)void
    load 0
    pushconst ": "
    concat
    load 1
    tostring
    concat
    pushconst " "
    concat
    load 2
    tostring
    concat
    pushconst " "
    concat
    load 3
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 6
    ; dup: 1 2 -> 1 2 2
    pushconst "dup of 1 2"
    pushint 1
    pushint 2
    dup
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; swap: 1 2 3 -> 1 3 2
    pushconst "swap of 1 2 3"
    pushint 1
    pushint 2
    pushint 3
    swap
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; dupx1: a b -> b a b
    pushconst "dupx1 of a b"
    pushconst "a"
    pushconst "b"
    dupx1
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; dup2: a b -> a b a b; show the top three
    pushconst "a"
    pushconst "b"
    dup2
    store 1
    store 2
    store 3
    store 4
    pushconst "dup2 of a b (bottom..top)"
    load 4
    load 3
    pushconst " "
    concat
    load 2
    concat
    load 1
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; dupx2: a b c -> c a b c
    pushconst "a"
    pushconst "b"
    pushconst "c"
    dupx2
    store 1
    store 2
    store 3
    store 4
    pushconst "dupx2 of a b c (bottom..top)"
    load 4
    load 3
    pushconst " "
    concat
    load 2
    concat
    load 1
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; pop and nop leave the rest alone
    pushconst "pop/nop"
    pushint 10
    pushint 20
    pushint 99
    nop
    pop
    nop
    pushint 30
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; inclocal: by +1, -5, +32767, -32768, and wrapping at the int range
    pushint 0
    store 0
    inclocal 0 1
    pushconst "inclocal"
    load 0
    inclocal 0 -5
    load 0
    inclocal 0 32767
    inclocal 0 -32768
    load 0
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    pushint 2147483647
    store 5
    inclocal 5 1
    pushint -2147483648
    store 4
    inclocal 4 -1
    pushconst "inclocal wraps"
    load 5
    load 4
    pushconst "ok"
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; inclocal on a double and on a char held in untyped locals
    pushconst 2.5
    invokestatic .test.stackops id (*)*
    store 1
    inclocal 1 2
    pushconst "x"
    pushint 0
    aload
    invokestatic .test.stackops id (*)*
    store 2
    inclocal 2 1
    pushconst "inclocal on 2.5 and 'x'"
    load 1
    load 2
    load 2
    invokeord 2 0
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    ; locals are separate per call: recursion keeps them
    pushconst "sum 1..100 recursively"
    pushint 100
    invokestatic .test.stackops sum (*)*
    pushint 10
    invokestatic .test.stackops sum (*)*
    pushint 0
    invokestatic .test.stackops sum (*)*
    invokestatic .test.stackops show (*,*,*,*)void
    pop
    retvoid
.end

.method static id (*)*
    load 0
    return
.end

; sum(n) = n + sum(n - 1), with n kept on the stack across the call
.method static sum (*)*
    load 0
    pushint 0
    gt
    jf zero
    load 0
    load 0
    pushint 1
    sub
    invokestatic .test.stackops sum (*)*
    add
    return
zero:
    pushint 0
    return
.end
