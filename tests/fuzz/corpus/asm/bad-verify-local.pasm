; expect: class .bad.v, method run(*)*, offset 0: load: local 1 is out of range (the method has 1)
.class .bad.v
.method static run (*)*
    .stack 1
    load 1
    return
.end
