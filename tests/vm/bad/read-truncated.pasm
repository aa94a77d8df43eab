; expect: t.phc: the file ends inside a string constant (offset 100)
; mutate: truncate 101
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
