; expect: class .bad.k, method run()void, offset 5: throw on an int
.class .bad.k
.method static run ()void
    .stack 1
    pushint 1
    throw
.end
