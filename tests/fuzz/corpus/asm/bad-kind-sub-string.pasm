; expect: class .bad.k, method run()*, offset 10: sub on a string
.class .bad.k
.method static run ()*
    .stack 2
    pushconst "a"
    pushint 1
    sub
    return
.end
