; expect: t.phc: class .bad.r: method run: nargs 1 does not match the 0 arguments of ()void (offset 166)
; mutate: u16 166 1
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
