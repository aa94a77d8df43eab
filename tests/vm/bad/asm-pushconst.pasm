; expect: t.pasm:4: error: 'nan' is not an int (write 5L for a long)
.class .bad.a
.method static run ()void
    pushconst nan
    pop
    retvoid
.end
