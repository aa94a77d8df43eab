; expect: class .bad.v, method run()void, offset 0: pushconst: constant 255 does not exist
.class .bad.v
.method static run ()void
    .stack 1
    .byte 0x05 0xff 0 0 0
    pop
    retvoid
.end
