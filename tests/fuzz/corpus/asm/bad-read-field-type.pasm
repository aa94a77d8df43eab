; expect: t.phc: class .bad.r: a field type "()void" is not a type (offset 142)
; mutate: u32 142 9
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
