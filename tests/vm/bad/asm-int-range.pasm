; expect: t.pasm:4: error: pushint: expected a number from -2147483648 to 2147483647, not 3000000000
.class .bad.a
.method static run ()void
    pushint 3000000000
    pop
    retvoid
.end
