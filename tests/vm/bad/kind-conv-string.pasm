; expect: class .bad.k, method run()*, offset 5: conv on a string
; conv never parses strings
.class .bad.k
.method static run ()*
    .stack 1
    pushconst "12"
    conv int
    return
.end
