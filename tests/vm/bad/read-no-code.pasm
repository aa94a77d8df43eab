; expect: t.phc: class .bad.r: method run: no code (only abstract methods have none) (offset 172)
; mutate: u32 172 0
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
