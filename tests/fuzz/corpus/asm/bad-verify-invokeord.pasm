; expect: class .bad.v, method run(*)void, offset 3: invokeord: ordinal 5000 is above the maximum of 4095
.class .bad.v
.method static run (*)void
    .stack 1
    load 0
    invokeord 5000 0
    pop
    retvoid
.end
