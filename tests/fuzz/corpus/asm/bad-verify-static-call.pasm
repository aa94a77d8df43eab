; expect: class .bad.v, method run()void, offset 0: invokestatic of helper()*, which is not static
; invokestatic of a method this class declares as an instance method
.class .bad.v
.method static run ()void
    .stack 1
    invokestatic .bad.v helper ()*
    pop
    retvoid
.end
.method helper ()*
    pushnull
    return
.end
