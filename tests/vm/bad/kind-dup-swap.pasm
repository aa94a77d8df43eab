; expect: class .bad.k, method run()*, offset 12: neg on a string
; kinds follow values through stack shuffles
.class .bad.k
.method static run ()*
    .stack 3
    pushconst "a"
    pushint 1
    swap
    dup
    neg
    return
.end
