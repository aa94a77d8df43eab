; expect: class .bad.v, method run()void, offset 0: jump target 100 is outside the code (length 5)
.class .bad.v
.method static run ()void
    .stack 1
    jmp 100
.end
