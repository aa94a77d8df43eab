; expect: t.phc: class .bad.r: the source file name is constant 2, a class constant, not a utf8 constant (offset 122)
; mutate: u32 122 2
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
