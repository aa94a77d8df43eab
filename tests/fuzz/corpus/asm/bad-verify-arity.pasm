; expect: class .bad.v, method run()void, offset 10: invokestatic passes 2 arguments to .bad.v.helper(*)*, which takes 1
.class .bad.v
.method static run ()void
    .stack 3
    pushint 1
    pushint 2
    invokestatic .bad.v helper (*)* 2
    pop
    retvoid
.end
.method static helper (*)*
    load 0
    return
.end
