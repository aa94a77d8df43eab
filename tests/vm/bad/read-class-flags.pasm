; expect: t.phc: unknown class flags 0x10 (offset 8)
; mutate: u32 8 0x10
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
