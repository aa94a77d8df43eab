; expect: class .bad.v, method run()*, offset 5: conv: unknown conversion 9
.class .bad.v
.method static run ()*
    .stack 1
    pushint 1
    conv 9
    return
.end
