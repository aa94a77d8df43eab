; allops.pasm - every instruction at least once, in code that verifies.
.class .test.allops
.field f
.field static s

.method static ops (*,*)*
    .locals 4
    nop
    pushnull
    pop
    pushtrue
    pushfalse
    pop
    pop
    pushint 7
    store 2
    inclocal 2 -1
    load 2
    dup
    dup2
    pop
    pop
    dupx1
    dupx2
    swap
    pop
    pop
    pop
    pop
    load 0
    getfield .test.allops f
    pop
    load 0
    load 1
    putfield .test.allops f
    getstatic .test.allops s
    putstatic .test.allops s
    load 2
    load 2
    add
    load 2
    sub
    load 2
    mul
    load 2
    div
    load 2
    rem
    neg
    load 2
    band
    load 2
    bor
    load 2
    bxor
    bnot
    load 2
    shl
    pushint 1
    shr
    pushint 1
    ushr
    not
    pop
    load 0
    load 1
    eq
    load 0
    load 1
    ne
    load 0
    load 1
    lt
    load 0
    load 1
    le
    load 0
    load 1
    gt
    load 0
    load 1
    ge
    load 0
    load 1
    refeq
    load 0
    load 1
    refne
    pop
    pop
    pop
    pop
    pop
    pop
    pop
    pop
    pushtrue
    jt l1
l1: pushfalse
    jf l2
l2: load 2
    load 2
    jlt l3
l3: load 2
    load 2
    jge l4
l4: jmp l5
l5: load 0
    invokevirtual .test.allops m ()*
    pop
    load 0
    invokeord 5 0
    pop
    load 0
    invokename toString 0
    pop
    invokestatic .test.allops st ()*
    pop
    load 0
    invokespecial .test.allops m ()*
    pop
    new .test.allops
    pop
    pushconst class .test.allops
    newdyn
    pop
    pushint 3
    newarray
    store 3
    load 3
    pushint 0
    load 1
    astore
    load 3
    pushint 0
    aload
    pop
    load 3
    alen
    pop
    load 0
    checkcast .test.allops
    pop
    load 0
    instanceof .test.allops
    pop
    load 2
    conv long
    conv float
    conv double
    conv char
    conv int
    conv bool
    pop
    load 2
    tostring
    pushconst "x"
    concat
    pop
    load 0
    monitorenter
    load 0
    monitorexit
    load 1
    jt thrown
    load 0
    return
thrown:
    load 1
    throw
.end

.method m ()*
    retvoid
.end

.method static st ()*
    pushnull
    return
.end
