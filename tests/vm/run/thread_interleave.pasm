; thread_interleave.pasm - three threads print sequences, sleeping 200,
; 400 and 600 ms between lines, from starting points chosen so that no two
; lines are due within 100 ms of each other: the interleaving is decided by
; the clock alone, with room for a loaded host's late wake-ups (which a
; thread's later sleeps inherit).  At 20 ms apart (the first version) a
; host with ten busy processes on two cores reordered lines now and then;
; a stall of 100 ms is five times what such a host showed.  Main joins
; all three.
;   a: 200 400 600 800    b: 300 700    c: 500 1100   (ms)
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
    pushint 200
    pushint 200
    pushint 4
    invokestatic .test.il start (*,*,*,*)*
    store 0
    pushconst "b"
    pushint 300
    pushint 400
    pushint 2
    invokestatic .test.il start (*,*,*,*)*
    store 1
    pushconst "c"
    pushint 500
    pushint 600
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
