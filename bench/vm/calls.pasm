; calls.pasm - 10M virtual calls on one object.
;
;   class counter {
;       int n;
;       counter() { n = 0; }
;       void add(int k) { n = n + k; }
;   }
;   var c = new counter();
;   for (int i = 0; i < 10000000; i++) c.add(i % 3);
;   println(c.n);
.class .bench.calls.counter
.source "calls.ph"
.field n : .internal.int

.method ctor counter ()void
    load 0
    pushint 0
    putfield .bench.calls.counter n
    retvoid
.end

.method add (.internal.int)void
    load 0
    load 0
    getfield .bench.calls.counter n
    load 1
    add
    putfield .bench.calls.counter n
    retvoid
.end

.class .bench.calls
.source "calls.ph"

.method static main ()void
    .locals 2
    new .bench.calls.counter
    dup
    invokespecial .bench.calls.counter counter ()void
    pop
    store 0                 ; c
    pushint 0
    store 1                 ; i
    jmp test
body:
    load 0
    load 1
    pushint 3
    rem
    invokevirtual .bench.calls.counter add (.internal.int)void
    pop
    inclocal 1 1
test:
    load 1
    pushint 10000000
    jlt body
    load 0
    getfield .bench.calls.counter n
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
