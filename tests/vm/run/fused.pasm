; fused.pasm - instruction sequences the loader fuses (src/vm/quicken.c),
; run on their fast paths and on every slow one: load;load;aload on an
; array, a string, a null and past the end; load;load;jlt/jge and
; load;pushint;jlt/jge on ints, doubles, a long and non-numbers; jumps
; into the middle of a fused sequence; load;load;load;aload (the leading
; pair is taken apart so the triple runs).
.class .test.fused
.source "fused.ph"

; at(a, i): a[i] through load;load;aload, or the exception's class
.method static at (*,*)*
    .locals 2
try:
    .line 10
    load 0
    load 1
    aload
    return
end:
caught:
    invokevirtual .internal.object getClass ()*
    return
    .catch any from try to end using caught
.end

; below(a, b): "<" or ">=" through load;load;jlt and load;load;jge
.method static below (*,*)*
    .locals 2
    load 0
    load 1
    jlt yes
    load 0
    load 1
    jge no
    pushconst "unordered"
    return
yes:
    pushconst "<"
    return
no:
    pushconst ">="
    return
.end

; belowSeven(a): the same against the constant 7 (load;pushint;jlt/jge)
.method static belowSeven (*)*
    .locals 1
    .line 30
    load 0
    pushint 7
    jlt yes
    load 0
    pushint 7
    jge no
    pushconst "unordered"
    return
yes:
    pushconst "<7"
    return
no:
    pushconst ">=7"
    return
.end

; third(x, a, i): x + a[i], as load;load;load;aload;add
.method static third (*,*,*)*
    .locals 3
    load 0
    load 1
    load 2
    aload
    add
    return
.end

; middle(n): the sum of 0..n-1, entering the loop test
; load;load;jlt at its second instruction
.method static middle (int)int
    .locals 3
    pushint 0
    store 1
    pushint 0
    store 2
    load 1
    jmp second
top:
    load 2
    load 1
    add
    store 2
    inclocal 1 1
    load 1
second:
    load 0
    jlt top
    load 2
    return
.end

.method static main ()void
    .locals 2
    pushint 3
    newarray
    store 0
    load 0
    pushint 1
    pushint 42
    astore
    load 0
    pushint 1
    invokestatic .test.fused at (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    load 0
    pushint 3
    invokestatic .test.fused at (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    load 0
    pushint -1
    invokestatic .test.fused at (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "héllo"
    pushint 1
    invokestatic .test.fused at (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushnull
    pushint 0
    invokestatic .test.fused at (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    load 0
    pushconst "x"
    invokestatic .test.fused at (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 1
    pushint 2
    invokestatic .test.fused below (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 2
    pushint 2
    invokestatic .test.fused below (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst 1.5
    pushint 2
    invokestatic .test.fused below (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst 0.0
    pushconst 0.0
    div
    pushconst 1.0
    invokestatic .test.fused below (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "a"
    pushconst "b"
    invokestatic .test.fused below (*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 6
    invokestatic .test.fused belowSeven (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 7
    invokestatic .test.fused belowSeven (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst 6.5
    invokestatic .test.fused belowSeven (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst 5000000000L
    invokestatic .test.fused belowSeven (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 100
    load 0
    pushint 1
    invokestatic .test.fused third (*,*,*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 10
    invokestatic .test.fused middle (int)int
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "abc"
    invokestatic .test.fused belowSeven (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
