; expect: t.pasm:3: error: pushint outside a method
.class .bad.a
    pushint 1
