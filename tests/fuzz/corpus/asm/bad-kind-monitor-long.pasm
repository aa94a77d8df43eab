; expect: class .bad.k, method run()void, offset 5: monitorenter on a long
.class .bad.k
.method static run ()void
    .stack 1
    pushconst 5L
    monitorenter
    retvoid
.end
