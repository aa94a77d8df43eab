; expect: t.phc: not a Phantom class file (no PHCL magic) (offset 0)
; mutate: set 0 58
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
