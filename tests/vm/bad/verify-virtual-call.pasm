; expect: class .bad.v, method run()void, offset 3: invokevirtual of static method helper()*
.class .bad.v
.method run ()void
    .stack 1
    load 0
    invokevirtual .bad.v helper ()*
    pop
    retvoid
.end
.method static helper ()*
    pushnull
    return
.end
