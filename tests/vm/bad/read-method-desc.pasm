; expect: t.phc: class .bad.r: method run: the descriptor "count" is not a method descriptor (offset 154)
; mutate: u32 154 6
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
