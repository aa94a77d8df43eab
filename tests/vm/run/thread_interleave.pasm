; thread_interleave.pasm - three threads print sequences, sleeping 40, 80
; and 120 ms between lines (10/20/30 ms scaled by 4), from starting points
; chosen so that no two lines are due within 20 ms of each other: the
; interleaving is decided by the clock alone, with room for a loaded
; host's late wake-ups (which a thread's later sleeps inherit).  Main
; joins all three.
;   a: 40 80 120 160    b: 60 140    c: 100 220   (ms)
.class .test.il.worker
.field name
.field first
.field period
.field count

.method ctor worker (*,*,*,*)void
    load 0
    load 1
    putfield .test.il.worker name
    load 0
    load 2
    putfield .test.il.worker first
    load 0
    load 3
    putfield .test.il.worker period
    load 0
    load 4
    putfield .test.il.worker count
    retvoid
.end

.method run ()void
    .locals 2
    load 0
    getfield .test.il.worker first
    invokestatic .internal.thread sleep (*)void
    pop
    pushint 1
    store 1
loop:
    load 0
    getfield .test.il.worker name
    pushconst " "
    concat
    load 1
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    load 1
    load 0
    getfield .test.il.worker count
    jge done
    load 0
    getfield .test.il.worker period
    invokestatic .internal.thread sleep (*)void
    pop
    inclocal 1 1
    jmp loop
done:
    retvoid
.end

.class .test.il
.source "il.ph"

; start(name, first, period, count): a started worker thread
.method static start (*,*,*,*)*
    new .test.il.worker
    dup
    load 0
    load 1
    load 2
    load 3
    invokespecial .test.il.worker worker (*,*,*,*)void
    pop
    invokestatic .internal.thread start (*)*
    return
.end

.method static main ()void
    .locals 3
    pushconst "a"
    pushint 40
    pushint 40
    pushint 4
    invokestatic .test.il start (*,*,*,*)*
    store 0
    pushconst "b"
    pushint 60
    pushint 80
    pushint 2
    invokestatic .test.il start (*,*,*,*)*
    store 1
    pushconst "c"
    pushint 100
    pushint 120
    pushint 2
    invokestatic .test.il start (*,*,*,*)*
    store 2
    pushconst "three threads started"
    invokestatic .internal.io.tty println (*)void
    pop
    load 0
    invokevirtual .internal.thread join ()void
    pop
    pushconst "a joined"
    invokestatic .internal.io.tty println (*)void
    pop
    load 1
    invokevirtual .internal.thread join ()void
    pop
    load 2
    invokevirtual .internal.thread join ()void
    pop
    pushconst "all joined"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
