; expect: t.pasm:3: error: malformed descriptor (*,)void
.class .bad.a
.method static run (*,)void
    retvoid
.end
