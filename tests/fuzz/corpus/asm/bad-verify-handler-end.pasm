; expect: class .bad.v, method run()void, offset 0: handler 0: end 3 is not an instruction start
.class .bad.v
.method static run ()void
    .stack 1
    .catch any from 0 to 3 using h
    pushint 1
    pop
    retvoid
h:  throw
.end
