; expect: t.phc: class .bad.r: field count: unknown flags 0x2 (offset 138)
; mutate: u32 138 2
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
