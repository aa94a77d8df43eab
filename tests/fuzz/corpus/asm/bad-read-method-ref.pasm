; expect: t.phc: constant 7: the descriptor "run" is malformed (offset 77)
; mutate: u32 86 5
.class .bad.r
.method static run ()void
    invokestatic .bad.r run ()void
    pop
    retvoid
.end
