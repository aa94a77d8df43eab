; expect: t.phc: class .bad.r: 2 bytes of junk after the class (offset 199)
; mutate: append 00 00
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
