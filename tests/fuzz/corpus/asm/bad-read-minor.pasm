; expect: t.phc: class file version 1.1 is not supported (this VM reads 1.0 to 1.0) (offset 4)
; mutate: u16 6 1
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
