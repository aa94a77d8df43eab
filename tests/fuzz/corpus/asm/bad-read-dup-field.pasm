; expect: t.phc: class .bad.r: duplicate field a (offset 102)
; mutate: u32 102 5
.class .bad.r
.field a
.field b
