; expect: class .bad.v, method run(*)*, offset 18: stack depth 2 here but 1 on another path
.class .bad.v
.method static run (*)*
    .stack 2
    pushint 1
    load 0
    jt join
    pushint 2
join:
    return
.end
