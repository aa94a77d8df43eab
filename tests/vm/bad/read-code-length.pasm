; expect: t.phc: class .bad.r: method run: code length 99999999 exceeds the file (offset 172)
; mutate: u32 172 99999999
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
