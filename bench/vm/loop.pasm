; loop.pasm - a tight integer loop: 100M iterations summing i % 7.
;
;   int s = 0;
;   for (int i = 0; i < 100000000; i++) s = s + i % 7;
;   println(s);
.class .bench.loop
.source "loop.ph"

.method static main ()void
    .locals 2
    pushint 0
    store 0                 ; s
    pushint 0
    store 1                 ; i
    jmp test
body:
    load 0
    load 1
    pushint 7
    rem
    add
    store 0
    inclocal 1 1
test:
    load 1
    pushint 100000000
    jlt body
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
