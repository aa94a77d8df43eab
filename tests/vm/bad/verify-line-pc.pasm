; expect: class .bad.v, method run()void, offset 2: the line table entry for line 7 is not at an instruction start
; mutate: u32 142 2
; the line table entry moved into the middle of pushint
.class .bad.v
.method static run ()void
    .stack 1
    .line 7
    pushint 1
    pop
    retvoid
.end
