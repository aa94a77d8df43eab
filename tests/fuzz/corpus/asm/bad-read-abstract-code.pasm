; expect: t.phc: class .bad.r: method run: an abstract method has code (offset 172)
; mutate: u32 158 2
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
