; fused_cjump.pasm - `load a; pushint k; compare; jt|jf L`, `load b;
; compare; jt|jf L` and `load b; jlt|jge L`, which the loader fuses into
; one instruction each (src/vm/quicken.c), decide as the unfused
; instructions do: every comparison, both jumps, with an int, a double, a
; long, a char and a string (which raises) as an operand, and as a loop
; test (a backward jump).
.class .test.fusedcjump
.source "cjump.ph"

; one(a): a line of T/F, one per comparison with 5 and jump kind
.method static one (*)void
    .locals 2
    pushconst ""
    store 1
    load 0
    pushint 5
    eq
    jt yes1
    load 1
    pushconst "eqjt:n "
    concat
    store 1
    jmp next1
yes1:
    load 1
    pushconst "eqjt:y "
    concat
    store 1
next1:
    load 0
    pushint 5
    eq
    jf yes2
    load 1
    pushconst "eqjf:n "
    concat
    store 1
    jmp next2
yes2:
    load 1
    pushconst "eqjf:y "
    concat
    store 1
next2:
    load 0
    pushint 5
    ne
    jt yes3
    load 1
    pushconst "nejt:n "
    concat
    store 1
    jmp next3
yes3:
    load 1
    pushconst "nejt:y "
    concat
    store 1
next3:
    load 0
    pushint 5
    ne
    jf yes4
    load 1
    pushconst "nejf:n "
    concat
    store 1
    jmp next4
yes4:
    load 1
    pushconst "nejf:y "
    concat
    store 1
next4:
    load 0
    pushint 5
    lt
    jt yes5
    load 1
    pushconst "ltjt:n "
    concat
    store 1
    jmp next5
yes5:
    load 1
    pushconst "ltjt:y "
    concat
    store 1
next5:
    load 0
    pushint 5
    lt
    jf yes6
    load 1
    pushconst "ltjf:n "
    concat
    store 1
    jmp next6
yes6:
    load 1
    pushconst "ltjf:y "
    concat
    store 1
next6:
    load 0
    pushint 5
    le
    jt yes7
    load 1
    pushconst "lejt:n "
    concat
    store 1
    jmp next7
yes7:
    load 1
    pushconst "lejt:y "
    concat
    store 1
next7:
    load 0
    pushint 5
    le
    jf yes8
    load 1
    pushconst "lejf:n "
    concat
    store 1
    jmp next8
yes8:
    load 1
    pushconst "lejf:y "
    concat
    store 1
next8:
    load 0
    pushint 5
    gt
    jt yes9
    load 1
    pushconst "gtjt:n "
    concat
    store 1
    jmp next9
yes9:
    load 1
    pushconst "gtjt:y "
    concat
    store 1
next9:
    load 0
    pushint 5
    gt
    jf yes10
    load 1
    pushconst "gtjf:n "
    concat
    store 1
    jmp next10
yes10:
    load 1
    pushconst "gtjf:y "
    concat
    store 1
next10:
    load 0
    pushint 5
    ge
    jt yes11
    load 1
    pushconst "gejt:n "
    concat
    store 1
    jmp next11
yes11:
    load 1
    pushconst "gejt:y "
    concat
    store 1
next11:
    load 0
    pushint 5
    ge
    jf yes12
    load 1
    pushconst "gejf:n "
    concat
    store 1
    jmp next12
yes12:
    load 1
    pushconst "gejf:y "
    concat
    store 1
next12:
    load 0
    tostring
    pushconst ": "
    concat
    load 1
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; count(): 0..9 counted with a fused loop test (i < 10 as `jt` backward)
.method static count ()void
    .locals 2
    pushint 0
    store 0
    pushint 0
    store 1
top:
    load 1
    load 0
    add
    store 1
    inclocal 0 1
    load 0
    pushint 10
    lt
    jt top
    load 1
    tostring
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; two(a, b): a line of T/F, one per comparison of a with b (from a local) and jump kind
.method static two (*,*)void
    .locals 3
    pushconst ""
    store 2
    load 0
    nop
    load 1
    eq
    jt yes101
    load 2
    pushconst "eqjt:n "
    concat
    store 2
    jmp next101
yes101:
    load 2
    pushconst "eqjt:y "
    concat
    store 2
next101:
    load 0
    nop
    load 1
    eq
    jf yes102
    load 2
    pushconst "eqjf:n "
    concat
    store 2
    jmp next102
yes102:
    load 2
    pushconst "eqjf:y "
    concat
    store 2
next102:
    load 0
    nop
    load 1
    ne
    jt yes103
    load 2
    pushconst "nejt:n "
    concat
    store 2
    jmp next103
yes103:
    load 2
    pushconst "nejt:y "
    concat
    store 2
next103:
    load 0
    nop
    load 1
    ne
    jf yes104
    load 2
    pushconst "nejf:n "
    concat
    store 2
    jmp next104
yes104:
    load 2
    pushconst "nejf:y "
    concat
    store 2
next104:
    load 0
    nop
    load 1
    lt
    jt yes105
    load 2
    pushconst "ltjt:n "
    concat
    store 2
    jmp next105
yes105:
    load 2
    pushconst "ltjt:y "
    concat
    store 2
next105:
    load 0
    nop
    load 1
    lt
    jf yes106
    load 2
    pushconst "ltjf:n "
    concat
    store 2
    jmp next106
yes106:
    load 2
    pushconst "ltjf:y "
    concat
    store 2
next106:
    load 0
    nop
    load 1
    le
    jt yes107
    load 2
    pushconst "lejt:n "
    concat
    store 2
    jmp next107
yes107:
    load 2
    pushconst "lejt:y "
    concat
    store 2
next107:
    load 0
    nop
    load 1
    le
    jf yes108
    load 2
    pushconst "lejf:n "
    concat
    store 2
    jmp next108
yes108:
    load 2
    pushconst "lejf:y "
    concat
    store 2
next108:
    load 0
    nop
    load 1
    gt
    jt yes109
    load 2
    pushconst "gtjt:n "
    concat
    store 2
    jmp next109
yes109:
    load 2
    pushconst "gtjt:y "
    concat
    store 2
next109:
    load 0
    nop
    load 1
    gt
    jf yes110
    load 2
    pushconst "gtjf:n "
    concat
    store 2
    jmp next110
yes110:
    load 2
    pushconst "gtjf:y "
    concat
    store 2
next110:
    load 0
    nop
    load 1
    ge
    jt yes111
    load 2
    pushconst "gejt:n "
    concat
    store 2
    jmp next111
yes111:
    load 2
    pushconst "gejt:y "
    concat
    store 2
next111:
    load 0
    nop
    load 1
    ge
    jf yes112
    load 2
    pushconst "gejf:n "
    concat
    store 2
    jmp next112
yes112:
    load 2
    pushconst "gejf:y "
    concat
    store 2
next112:
    load 0
    nop
    load 1
    jlt yes113
    load 2
    pushconst "jlt:n "
    concat
    store 2
    jmp next113
yes113:
    load 2
    pushconst "jlt:y "
    concat
    store 2
next113:
    load 0
    nop
    load 1
    jge yes114
    load 2
    pushconst "jge:n "
    concat
    store 2
    jmp next114
yes114:
    load 2
    pushconst "jge:y "
    concat
    store 2
next114:
    load 0
    tostring
    pushconst " ? "
    concat
    load 1
    tostring
    concat
    pushconst ": "
    concat
    load 2
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    pushint 4
    invokestatic .test.fusedcjump one (*)void
    pop
    pushint 5
    invokestatic .test.fusedcjump one (*)void
    pop
    pushint 6
    invokestatic .test.fusedcjump one (*)void
    pop
    pushint -2147483648
    invokestatic .test.fusedcjump one (*)void
    pop
    pushconst 5.0
    invokestatic .test.fusedcjump one (*)void
    pop
    pushconst 4.5
    invokestatic .test.fusedcjump one (*)void
    pop
    pushconst 5L
    invokestatic .test.fusedcjump one (*)void
    pop
    pushconst 6L
    invokestatic .test.fusedcjump one (*)void
    pop
    pushint 65
    conv char
    invokestatic .test.fusedcjump one (*)void
    pop
    pushint 4
    pushint 5
    invokestatic .test.fusedcjump two (*,*)void
    pop
    pushint 5
    pushint 5
    invokestatic .test.fusedcjump two (*,*)void
    pop
    pushint 6
    pushint 5
    invokestatic .test.fusedcjump two (*,*)void
    pop
    pushconst 4.5
    pushint 5
    invokestatic .test.fusedcjump two (*,*)void
    pop
    pushint 5
    pushconst 5.0
    invokestatic .test.fusedcjump two (*,*)void
    pop
    pushconst 7L
    pushint 5
    invokestatic .test.fusedcjump two (*,*)void
    pop
    pushint 65
    conv char
    pushint 65
    invokestatic .test.fusedcjump two (*,*)void
    pop
    invokestatic .test.fusedcjump count ()void
    pop
    pushint 5
    pushconst "x"
    invokestatic .test.fusedcjump two (*,*)void
    pop
    retvoid
.end
