; expect: class .bad.v, method run()void, offset 1: handler 0: range 1..0 is empty or outside the code (length 3)
.class .bad.v
.method static run ()void
    .stack 1
    .catch any from b to a using h
a:  nop
b:  retvoid
h:  throw
.end
