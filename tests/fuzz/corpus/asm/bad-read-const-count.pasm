; expect: t.phc: the constant count is 0, but it includes the unused entry 0 (offset 12)
; mutate: u32 12 0
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
