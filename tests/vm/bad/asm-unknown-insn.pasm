; expect: t.pasm:4: error: unknown instruction 'frob'
.class .bad.a
.method static run ()void
    frob 1
    retvoid
.end
