; expect: class .bad.k, method run()*, offset 6: add on a bool
.class .bad.k
.method static run ()*
    .stack 2
    pushtrue
    pushint 1
    add
    return
.end
