; expect: class .bad.k, method run()*, offset 5: getfield on an int
.class .bad.k
.field f
.method static run ()*
    .stack 1
    pushint 1
    getfield .bad.k f
    return
.end
