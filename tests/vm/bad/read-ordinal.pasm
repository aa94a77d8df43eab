; expect: t.phc: class .bad.r: method run: ordinal 5000 is above the maximum of 4095 (offset 162)
; mutate: u32 162 5000
.class .bad.r
.source "r.ph"
.field count : .internal.int
.method run ()void
    .line 7
    pushint 1
    pop
    retvoid
.end
