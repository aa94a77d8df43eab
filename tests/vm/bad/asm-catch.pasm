; expect: t.pasm:4: error: expected .catch CLASS|any from LABEL to LABEL using LABEL
.class .bad.a
.method static run ()void
    .catch any from a until b using c
    retvoid
.end
