; workers.pasm - the program the VM kill loop (tests/crash/vm_killloop.c)
; kills and resumes again and again.  Three workers each print "wK I" for
; I = 0, 1, 2, ... up to N-1, sleeping K milliseconds between lines and
; checking an invariant of their own state (sum == I*(I-1)/2) at every step;
; a fourth thread computes without sleeping (time slices and safepoints in
; the middle of a loop) and checks its own invariant.  Main joins them all
; and prints "done".
.class .test.worker
.source "workers.ph"
.field k
.field i
.field sum
.field n

.method run ()void
    .locals 1
loop:
    .line 10
    load 0
    getfield .test.worker i
    load 0
    getfield .test.worker n
    jge finished
    .line 11
    pushconst "w"
    load 0
    getfield .test.worker k
    tostring
    concat
    pushconst " "
    concat
    load 0
    getfield .test.worker i
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    .line 12
    load 0
    load 0
    getfield .test.worker sum
    load 0
    getfield .test.worker i
    add
    putfield .test.worker sum
    load 0
    load 0
    getfield .test.worker i
    pushint 1
    add
    putfield .test.worker i
    .line 13
    load 0
    getfield .test.worker sum
    load 0
    getfield .test.worker i
    load 0
    getfield .test.worker i
    pushint 1
    sub
    mul
    pushint 2
    div
    eq
    jt ok
    pushconst "BAD worker state"
    invokestatic .internal.io.tty println (*)void
    pop
ok:
    .line 14
    load 0
    getfield .test.worker k
    invokestatic .internal.thread sleep (*)void
    pop
    jmp loop
finished:
    retvoid
.end

.class .test.cruncher
.source "workers.ph"
.field steps
.field total
.field n

; Each step adds 1..20000 to total in a tight loop; total must always be
; steps * 200010000 (as a long).
.method run ()void
    .locals 3
outer:
    .line 30
    load 0
    getfield .test.cruncher steps
    load 0
    getfield .test.cruncher n
    jge finished
    pushint 1
    store 1
inner:
    load 0
    load 0
    getfield .test.cruncher total
    load 1
    conv long
    add
    putfield .test.cruncher total
    inclocal 1 1
    load 1
    pushint 20001
    jlt inner
    .line 31
    load 0
    load 0
    getfield .test.cruncher steps
    pushint 1
    add
    putfield .test.cruncher steps
    load 0
    getfield .test.cruncher total
    load 0
    getfield .test.cruncher steps
    conv long
    pushconst 200010000L
    mul
    eq
    jt fine
    pushconst "BAD cruncher state"
    invokestatic .internal.io.tty println (*)void
    pop
fine:
    pushint 1
    invokestatic .internal.thread sleep (*)void
    pop
    jmp outer
finished:
    pushconst "c "
    load 0
    getfield .test.cruncher steps
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.workers
.source "workers.ph"

.method static main ()void
    .locals 3
    .line 50
    pushint 0
    newarray
    store 0                     ; threads = new array
    pushint 1
    store 1                     ; k = 1
start:
    load 0
    load 1
    new .test.worker
    dup
    load 1
    putfield .test.worker k
    dup
    pushint 0
    putfield .test.worker i
    dup
    pushint 0
    putfield .test.worker sum
    dup
    pushint 2000
    putfield .test.worker n
    invokestatic .internal.thread start (*)*
    astore                      ; threads[k] = thread.start(worker)
    inclocal 1 1
    load 1
    pushint 4
    jlt start
    .line 55
    load 0
    pushint 4
    new .test.cruncher
    dup
    pushint 0
    putfield .test.cruncher steps
    dup
    pushconst 0L
    putfield .test.cruncher total
    dup
    pushint 300
    putfield .test.cruncher n
    invokestatic .internal.thread start (*)*
    astore                      ; threads[4] = thread.start(cruncher)
    .line 56
    pushint 1
    store 1
join:
    load 0
    load 1
    aload
    invokename join 0
    pop
    inclocal 1 1
    load 1
    pushint 5
    jlt join
    .line 57
    pushconst "done"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
