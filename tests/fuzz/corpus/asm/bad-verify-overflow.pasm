; expect: class .bad.v, method run()*, offset 5: stack overflow at pushint: depth 2 is above max_stack 1
.class .bad.v
.method static run ()*
    .stack 1
    pushint 1
    pushint 2
    add
    return
.end
