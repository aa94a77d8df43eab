; expect: t.pasm:4: error: undefined label nowhere
.class .bad.a
.method static run ()void
    jmp nowhere
    retvoid
.end
