; expect: class .bad.v, method run()void, offset 6: jump target 2 is not an instruction start
.class .bad.v
.method static run ()void
    .stack 1
    pushint 1
    pop
    jmp 2
.end
