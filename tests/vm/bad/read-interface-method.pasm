; expect: t.phc: class .bad.r: method run: an interface method must be abstract or static (offset 158)
; mutate: u32 8 1
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
