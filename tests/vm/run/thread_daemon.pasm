; thread_daemon.pasm - daemon threads do not keep the program alive: one
; spins forever without blocking, one sleeps in a loop forever, one waits
; on a semaphore nobody releases.  Main runs alongside them (the spinner
; cannot starve it) and the program ends when main does, with status 0.
.class .test.dm.spinner
.field static spins
.method run ()void
loop:
    getstatic .test.dm.spinner spins
    pushint 1
    add
    putstatic .test.dm.spinner spins
    jmp loop
.end

.class .test.dm.napper
.method run ()void
loop:
    pushint 5
    invokestatic .internal.thread sleep (*)void
    pop
    jmp loop
.end

.class .test.dm.waiter
.method run ()void
    new .internal.sema
    invokevirtual .internal.sema acquire ()*
    pop
    pushconst "never printed"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.dm
.source "dm.ph"

.method static main ()void
    .locals 1
    pushint 0
    putstatic .test.dm.spinner spins
    new .test.dm.spinner
    invokestatic .internal.thread startDaemon (*)*
    pop
    new .test.dm.napper
    invokestatic .internal.thread startDaemon (*)*
    pop
    new .test.dm.waiter
    invokestatic .internal.thread startDaemon (*)*
    pop
    pushconst "main: three daemons started"
    invokestatic .internal.io.tty println (*)void
    pop
    ; main computes while the spinner spins
    pushint 0
    store 0
work:
    inclocal 0 1
    load 0
    pushint 100000
    jlt work
    pushint 20
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "main: counted to "
    load 0
    tostring
    concat
    pushconst ", the spinner got time too: "
    concat
    getstatic .test.dm.spinner spins
    pushint 0
    gt
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "main: done"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
