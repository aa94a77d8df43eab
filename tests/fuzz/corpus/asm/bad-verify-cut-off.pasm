; expect: class .bad.v, method run()void, offset 1: pushint is cut off by the end of the code
; pushint needs four bytes of operand
.class .bad.v
.method static run ()void
    .stack 1
    retvoid
    .byte 4 1 0
.end
