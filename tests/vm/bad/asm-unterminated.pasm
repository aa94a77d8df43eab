; expect: t.pasm:4: error: unterminated string
.class .bad.a
.method static run ()void
    pushconst "abc
    retvoid
.end
