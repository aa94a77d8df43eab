; expect: t.phc: class .bad.r: method run: line table pc 99 is outside the code (length 7) (offset 191)
; mutate: u32 191 99
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
