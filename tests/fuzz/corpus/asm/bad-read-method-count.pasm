; expect: t.phc: class .bad.r: 1000 methods exceed the file (offset 146)
; mutate: u32 146 1000
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
