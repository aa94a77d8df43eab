; expect: class .bad.k, method run(*)*, offset 8: array index on a string
.class .bad.k
.method static run (*)*
    .stack 2
    load 0
    pushconst "x"
    aload
    return
.end
