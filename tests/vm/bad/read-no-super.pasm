; expect: t.phc: class .bad.r: no superclass (only .internal.object has none) (offset 118)
; mutate: u32 118 0
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
