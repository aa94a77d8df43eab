; exc_unwind.pasm - unwinding through frames whose operand stacks are not
; empty: the frames between the throw and the handler are dropped with
; their operands, the handler's frame gets an empty stack plus the
; exception, and its locals survive.  A frame above the catcher keeps
; computing with the operands it had pushed before the call.  Done many
; times over so a leak of stack slots would show.
.class .test.unw
.source "unw.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; deep(n): n > 0: 1000 + (n * deep(n - 1)) with operands on the stack
; across the call; n == 0 throws
.method static deep (*)*
    load 0
    jf bottom
    pushint 1000
    load 0
    load 0
    pushint 1
    sub
    invokestatic .test.unw deep (*)*
    mul
    add
    return
bottom:
    pushconst "bottom reached"
    throw
.end

; middle(): 100 + catcher() where catcher catches deep's exception
.method static middle ()*
    pushint 100
    pushint 20
    pushint 3
    invokestatic .test.unw catcher ()*
    add
    add
    add
    return
.end

; catcher(): try { return 7 + 8 * deep(5) } catch { return 5 }
.method static catcher ()*
    .locals 2
    .catch .internal.string from a to b using h
    pushint 77
    store 1
a:
    pushint 7
    pushint 8
    pushint 5
    invokestatic .test.unw deep (*)*
    mul
    add
b:
    return
h:
    store 0
    ; the stack holds nothing else: 2 + 3 on it makes 5, and local 1 is intact
    pushint 2
    pushint 3
    add
    load 1
    pushint 77
    eq
    jt ok
    pop
    pushint -1
ok:
    return
.end

.method static main ()void
    .locals 4
    .catch .internal.string from a to b using h
    pushint 0
    store 0
    pushint 0
    store 1
again:
a:
    ; leave junk on the stack, then fail five frames down
    pushint 1
    pushint 2
    pushint 3
    pushint 4
    invokestatic .test.unw deep (*)*
    pop
    pop
    pop
    pop
b:
    pushconst "not reached"   ; falls into the handler, where it would show
h:
    store 2
    inclocal 1 1
    ; a computation right after the catch sees a clean stack
    pushint 6
    pushint 7
    mul
    load 0
    add
    store 0
    load 1
    pushint 10000
    jlt again
    pushconst "caught "
    load 1
    tostring
    concat
    pushconst " times, sum of 6*7 each time = "
    concat
    load 0
    tostring
    concat
    pushconst ", last: "
    concat
    load 2
    concat
    invokestatic .test.unw say (*)void
    pop
    ; a frame above the catcher keeps its operands: 100 + 20 + 3 + 5
    pushconst "middle() = "
    invokestatic .test.unw middle ()*
    tostring
    concat
    invokestatic .test.unw say (*)void
    pop
    ; and the same call without a throw, for comparison
    pushconst "deep-free: 1000 + 2 * (1000 + 1 * 7) = "
    pushint 1000
    pushint 2
    pushint 1000
    pushint 1
    pushint 7
    mul
    add
    mul
    add
    tostring
    concat
    invokestatic .test.unw say (*)void
    pop
    retvoid
.end
