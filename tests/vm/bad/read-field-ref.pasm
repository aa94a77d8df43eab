; expect: t.phc: constant 8: the class is constant 1, a utf8 constant, not a class constant (offset 83)
; mutate: u32 84 1
.class .bad.r
.field static f
.method static run ()void
    getstatic .bad.r f
    pop
    retvoid
.end
