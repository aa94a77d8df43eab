; expect: t.pasm:3: error: method run has no .end
.class .bad.a
.method static run ()void
    retvoid
.class .bad.b
