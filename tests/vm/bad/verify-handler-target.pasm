; expect: class .bad.v, method run()void, offset 0: handler 0: target 2 is not an instruction start
.class .bad.v
.method static run ()void
    .stack 1
    .catch any from a to b using 2
a:  pushint 1
b:  pop
    retvoid
.end
