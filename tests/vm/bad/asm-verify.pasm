; expect: t.pasm:6: error: class .bad.a, method run()void, offset 1: stack underflow at pop
; without .stack the assembler verifies, and names the line
.class .bad.a
.method static run ()void
    nop
    pop
    retvoid
.end
