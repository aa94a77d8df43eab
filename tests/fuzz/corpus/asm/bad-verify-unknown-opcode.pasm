; expect: class .bad.v, method run()void, offset 1: unknown opcode 200
.class .bad.v
.method static run ()void
    .stack 1
    nop
    .byte 200
    retvoid
.end
