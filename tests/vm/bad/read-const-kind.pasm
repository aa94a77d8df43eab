; expect: t.phc: constant 2 has unknown kind 9 (offset 27)
; mutate: u8 27 9
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
