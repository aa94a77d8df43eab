; exc_uncaught_overflow.pasm - an uncaught stack overflow: status 1, and
; a trace cut to its innermost frames with a count of the rest.
.class .test.uo
.source "uo.ph"

.method static main ()void
    .line 2
    pushint 0
    invokestatic .test.uo down (*)*
    pop
    retvoid
.end

.method static down (*)*
    .line 6
    load 0
    pushint 1
    add
    invokestatic .test.uo down (*)*
    return
.end
