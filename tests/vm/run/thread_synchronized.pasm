; thread_synchronized.pasm - synchronized methods hold a monitor while
; they run: an instance method its receiver's, a static method its class
; object's.  Three threads call each kind 200 times; the methods read a
; counter, yield to the other threads, and write it back plus one.  The
; totals are exact only if the monitors are held.  An instance method
; synchronized on one object does not exclude calls on another.
.class .test.sm.counter
.field n
.field static total

.method synchronized bump ()void
    .locals 2
    load 0
    getfield .test.sm.counter n
    store 1
    invokestatic .internal.thread yield ()void
    pop
    load 0
    load 1
    pushint 1
    add
    putfield .test.sm.counter n
    retvoid
.end

.method static synchronized bumptotal ()void
    .locals 1
    getstatic .test.sm.counter total
    store 0
    invokestatic .internal.thread yield ()void
    pop
    load 0
    pushint 1
    add
    putstatic .test.sm.counter total
    retvoid
.end

.class .test.sm.worker
.field static shared
.method run ()void
    .locals 1
    pushint 0
    store 0
loop:
    getstatic .test.sm.worker shared
    invokevirtual .test.sm.counter bump ()void
    pop
    invokestatic .test.sm.counter bumptotal ()void
    pop
    inclocal 0 1
    load 0
    pushint 200
    jlt loop
    retvoid
.end

.class .test.sm
.source "sm.ph"

.method static main ()void
    .locals 3
    new .test.sm.counter
    dup
    pushint 0
    putfield .test.sm.counter n
    putstatic .test.sm.worker shared
    pushint 0
    putstatic .test.sm.counter total
    new .test.sm.worker
    invokestatic .internal.thread start (*)*
    store 0
    new .test.sm.worker
    invokestatic .internal.thread start (*)*
    store 1
    new .test.sm.worker
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
    pushconst "synchronized instance method: "
    getstatic .test.sm.worker shared
    getfield .test.sm.counter n
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "synchronized static method: "
    getstatic .test.sm.counter total
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; the monitor is free again: this thread can take it
    getstatic .test.sm.worker shared
    monitorenter
    getstatic .test.sm.worker shared
    monitorexit
    pushconst class .test.sm.counter
    monitorenter
    pushconst class .test.sm.counter
    monitorexit
    pushconst "both monitors free afterwards"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
