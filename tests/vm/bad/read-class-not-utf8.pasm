; expect: t.phc: constant 2: the class name is constant 4, a class constant, not a utf8 constant (offset 27)
; mutate: u32 28 4
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
