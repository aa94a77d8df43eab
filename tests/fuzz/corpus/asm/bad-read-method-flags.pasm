; expect: t.phc: class .bad.r: method run: unknown method flags 0x10 (offset 158)
; mutate: u32 158 0x10
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
