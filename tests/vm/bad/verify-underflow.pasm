; expect: class .bad.v, method run()void, offset 0: stack underflow at pop
.class .bad.v
.method run ()void
    .stack 1
    pop
    retvoid
.end
