; expect: class .bad.v, method run()void, offset 1: load: local 3 is out of range (the method has 0)
; unreachable code is checked too
.class .bad.v
.method static run ()void
    .stack 1
    retvoid
    load 3
    retvoid
.end
