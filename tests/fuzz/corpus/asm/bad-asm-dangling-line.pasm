; expect: t.pasm:6: error: .line 9 is not followed by an instruction
.class .bad.a
.method static run ()void
    retvoid
    .line 9
.end
