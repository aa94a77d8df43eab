; expect: class .bad.v, method run()void, offset 0: stack depth 1 here but 0 on another path
; each round of the loop leaves one more value on the stack
.class .bad.v
.method static run ()void
    .stack 100
top:
    pushint 1
    jmp top
.end
