; loops.pasm - a counting loop: labels, jumps, inclocal and a line table.
.class .test.loops
.source "loops.ph"

; static int sum(int n): 1 + 2 + ... + n
.method static sum (.internal.int).internal.int
    .locals 3
    .line 3
    pushint 0
    store 1                 ; s = 0
    pushint 1
    store 2                 ; i = 1
    jmp test
body:
    .line 4
    load 1
    load 2
    add
    store 1                 ; s = s + i
    inclocal 2 1            ; i++
test:
    load 2
    load 0
    pushint 1
    add
    jlt body                ; while (i < n + 1)
    .line 5
    load 1
    return
.end

; the same with a do-while and a countdown, ints wrapping
.method static countdown (*)*
    .locals 2
    pushint 0
    store 1
again:  load 1
        load 0
        add
        store 1
        inclocal 0 -1
        load 0
        pushint 0
        gt
        jt again
    load 1
    return
.end
