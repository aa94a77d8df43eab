; expect: t.phc: class .bad.r: duplicate method run()void (offset 143)
; mutate: u32 143 5
.class .bad.r
.method run ()void
    retvoid
.end
.method go ()void
    retvoid
.end
