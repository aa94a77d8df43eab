; expect: class .bad.k, method run()*, offset 1: conv on a bool
; a bool is not a number; conv bool takes anything, conv int does not
.class .bad.k
.method static run ()*
    .stack 1
    pushtrue
    conv int
    return
.end
