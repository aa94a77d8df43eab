; expect: t.pasm:4: error: pushint takes 1 operand, not 0
.class .bad.a
.method static run ()void
    pushint
    retvoid
.end
