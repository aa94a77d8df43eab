; expect: t.phc: class .bad.r: 4294967295 fields, more than the limit of 65535 (offset 130)
; mutate: u32 130 0xffffffff
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
