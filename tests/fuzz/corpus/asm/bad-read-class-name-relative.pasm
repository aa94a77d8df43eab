; expect: t.phc: constant 2: the class name "xbad.r" is not a full class name (offset 27)
; mutate: set 21 78
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
