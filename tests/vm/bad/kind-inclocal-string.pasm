; expect: class .bad.k, method run()void, offset 8: inclocal on a local holding a string
.class .bad.k
.method static run ()void
    .locals 1
    .stack 1
    pushconst "a"
    store 0
    inclocal 0 1
    retvoid
.end
