; thread_sleep_order.pasm - threads wake in the order of their deadlines,
; not of their starting: five threads started with sleeps of 50, 10, 40,
; 20 and 30 ms print 10, 20, 30, 40, 50.  Main sleeps 60 ms meanwhile and
; prints last; a sleep of 0 (or less) only yields.
.class .test.so.sleeper
.field ms
.method run ()void
    load 0
    getfield .test.so.sleeper ms
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "woke after "
    load 0
    getfield .test.so.sleeper ms
    tostring
    concat
    pushconst " ms"
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.so
.source "so.ph"

.method static start (*)void
    new .test.so.sleeper
    dup
    load 0
    putfield .test.so.sleeper ms
    invokestatic .internal.thread start (*)*
    pop
    retvoid
.end

.method static main ()void
    pushint 50
    invokestatic .test.so start (*)void
    pop
    pushint 10
    invokestatic .test.so start (*)void
    pop
    pushint 40
    invokestatic .test.so start (*)void
    pop
    pushint 20
    invokestatic .test.so start (*)void
    pop
    pushint 30
    invokestatic .test.so start (*)void
    pop
    pushconst "main: started five sleepers"
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 0
    invokestatic .internal.thread sleep (*)void
    pop
    pushint -5
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "main: slept 0 and -5 ms"
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 70
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "main: woke after 70 ms"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
