; expect: t.pasm:3: error: class .bad.a: duplicate method run()void (offset 136)
; the reader's checks, at the class's line
.class .bad.a
.method static run ()void
    retvoid
.end
.method static run ()void
    retvoid
.end
