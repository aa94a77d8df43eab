; expect: t.phc: class .bad.r: method run: a method cannot be both abstract and static (offset 158)
; mutate: u32 158 3
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
