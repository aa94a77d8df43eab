; expect: t.pasm:4: error: unknown escape \q
.class .bad.a
.method static run ()void
    pushconst "a\qb"
    retvoid
.end
