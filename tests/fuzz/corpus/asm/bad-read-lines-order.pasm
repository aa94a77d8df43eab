; expect: t.phc: class .bad.r: method run: line table pc 0 does not follow pc 0 (offset 145)
; mutate: u32 145 0
.class .bad.r
.method static run ()void
    .line 1
    nop
    .line 2
    retvoid
.end
