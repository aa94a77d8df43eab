; thread_sync.pasm - synchronized blocks as monitorenter/monitorexit on a
; shared object, under contention: three threads each add 1 to a field
; 300 times, yielding inside the block; the monitor is reentrant (a
; nested block on the same object inside).  The total is exact.  A
; monitor held by one thread makes another wait.
.class .test.sy.account
.field balance

.class .test.sy.worker
.field static acct

.method run ()void
    .locals 3
    pushint 0
    store 1
loop:
    getstatic .test.sy.worker acct
    monitorenter
    getstatic .test.sy.worker acct
    getfield .test.sy.account balance
    store 2
    invokestatic .internal.thread yield ()void
    pop
    ; a nested block on the same object
    getstatic .test.sy.worker acct
    monitorenter
    getstatic .test.sy.worker acct
    load 2
    pushint 1
    add
    putfield .test.sy.account balance
    getstatic .test.sy.worker acct
    monitorexit
    getstatic .test.sy.worker acct
    monitorexit
    inclocal 1 1
    load 1
    pushint 300
    jlt loop
    retvoid
.end

; holds the monitor of the account for 30 ms, printing around it
.class .test.sy.holder
.method run ()void
    getstatic .test.sy.worker acct
    monitorenter
    pushconst "holder: in"
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 30
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "holder: out"
    invokestatic .internal.io.tty println (*)void
    pop
    getstatic .test.sy.worker acct
    monitorexit
    retvoid
.end

.class .test.sy
.source "sy.ph"

.method static main ()void
    .locals 4
    new .test.sy.account
    dup
    pushint 0
    putfield .test.sy.account balance
    putstatic .test.sy.worker acct
    new .test.sy.worker
    invokestatic .internal.thread start (*)*
    store 0
    new .test.sy.worker
    invokestatic .internal.thread start (*)*
    store 1
    new .test.sy.worker
    invokestatic .internal.thread start (*)*
    store 2
    load 0
    invokevirtual .internal.thread join ()void
    pop
    load 1
    invokevirtual .internal.thread join ()void
    pop
    load 2
    invokevirtual .internal.thread join ()void
    pop
    pushconst "balance: "
    getstatic .test.sy.worker acct
    getfield .test.sy.account balance
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; main waits at monitorenter while the holder sleeps inside
    new .test.sy.holder
    invokestatic .internal.thread start (*)*
    store 3
    pushint 10
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "main: entering"
    invokestatic .internal.io.tty println (*)void
    pop
    getstatic .test.sy.worker acct
    monitorenter
    pushconst "main: in"
    invokestatic .internal.io.tty println (*)void
    pop
    getstatic .test.sy.worker acct
    monitorexit
    load 3
    invokevirtual .internal.thread join ()void
    pop
    retvoid
.end
