; expect: t.pasm:6: error: label here is defined twice (first at line 4)
.class .bad.a
.method static run ()void
here:
    nop
here:
    retvoid
.end
