; thread_10k.pasm - 10,000 live threads at once: each blocks on one
; semaphore; main checks that none got through, releases the semaphore
; 10,000 times, joins every thread, and counts the ones that ran to the
; end.
.class .test.tk.worker
.field static gate
.field static passed
.field static finished

.method run ()void
    getstatic .test.tk.worker gate
    invokevirtual .internal.sema acquire ()*
    pop
    getstatic .test.tk.worker passed
    pushint 1
    add
    putstatic .test.tk.worker passed
    ; give the others a turn between passing the gate and finishing
    invokestatic .internal.thread yield ()void
    pop
    getstatic .test.tk.worker finished
    pushint 1
    add
    putstatic .test.tk.worker finished
    retvoid
.end

.class .test.tk
.source "tk.ph"

.method static main ()void
    .locals 3
    new .internal.sema
    putstatic .test.tk.worker gate
    pushint 0
    putstatic .test.tk.worker passed
    pushint 0
    putstatic .test.tk.worker finished
    pushint 10000
    newarray
    store 0
    pushint 0
    store 1
start:
    load 0
    load 1
    new .test.tk.worker
    invokestatic .internal.thread start (*)*
    astore
    inclocal 1 1
    load 1
    pushint 10000
    jlt start
    pushconst "started 10000 threads"
    invokestatic .internal.io.tty println (*)void
    pop
    ; let every one of them run up to the gate
    pushint 20
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "past the gate before it opened: "
    getstatic .test.tk.worker passed
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; count the live ones
    pushint 0
    store 2
    pushint 0
    store 1
alive:
    load 0
    load 1
    aload
    invokevirtual .internal.thread isAlive ()*
    jf dead
    inclocal 2 1
dead:
    inclocal 1 1
    load 1
    pushint 10000
    jlt alive
    pushconst "alive: "
    load 2
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; open the gate for all of them
    pushint 0
    store 1
open:
    getstatic .test.tk.worker gate
    invokevirtual .internal.sema release ()void
    pop
    inclocal 1 1
    load 1
    pushint 10000
    jlt open
    pushint 0
    store 1
join:
    load 0
    load 1
    aload
    invokevirtual .internal.thread join ()void
    pop
    inclocal 1 1
    load 1
    pushint 10000
    jlt join
    pushconst "joined all; passed "
    getstatic .test.tk.worker passed
    tostring
    concat
    pushconst ", finished "
    concat
    getstatic .test.tk.worker finished
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
