; expect: t.phc: constant 1: the string is not valid UTF-8 or holds a NUL byte (offset 16)
; mutate: set 22 c0 80
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
