; expect: class .bad.k, method run()*, offset 6: band on a bool and an int
.class .bad.k
.method static run ()*
    .stack 2
    pushtrue
    pushint 1
    band
    return
.end
