; expect: t.phc: class .bad.r: method run: nlocals 0 is less than the 1 the arguments and the receiver need (offset 168)
; mutate: u16 168 0
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
