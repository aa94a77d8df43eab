; expect: class .bad.v, method run()void, offset 2: handler 0: the exception does not fit max_stack 0
; the exception needs a stack slot
.class .bad.v
.method static run ()void
    .stack 0
    .catch any from a to b using h
a:  nop
b:  retvoid
h:  throw
.end
