; thread_cond.pasm - producer and consumer over a two-slot buffer, with a
; mutex and two conditions (not full, not empty) used with wait and
; signal.  The consumer gets 1..20 in order; the producer waits whenever
; the buffer is full.  Then broadcast wakes three waiters at once.
.class .test.pc.shared
.field static lock
.field static notfull
.field static notempty
.field static buf
.field static fullwaits
.field static woken

.class .test.pc.producer
.method run ()void
    .locals 2
    pushint 1
    store 1
next:
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex lock ()void
    pop
full:
    getstatic .test.pc.shared buf
    invokevirtual .internal.container.array size ()*
    pushint 2
    jlt room
    getstatic .test.pc.shared fullwaits
    pushint 1
    add
    putstatic .test.pc.shared fullwaits
    getstatic .test.pc.shared notfull
    getstatic .test.pc.shared lock
    invokevirtual .internal.cond wait (.internal.mutex)void
    pop
    jmp full
room:
    getstatic .test.pc.shared buf
    load 1
    invokevirtual .internal.container.array push (*)*
    pop
    getstatic .test.pc.shared notempty
    invokevirtual .internal.cond signal ()void
    pop
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex unlock ()void
    pop
    inclocal 1 1
    load 1
    pushint 21
    jlt next
    retvoid
.end

.class .test.pc.consumer
.field got
.method run ()void
    .locals 3
    load 0
    pushconst ""
    putfield .test.pc.consumer got
    pushint 0
    store 1
next:
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex lock ()void
    pop
empty:
    getstatic .test.pc.shared buf
    invokevirtual .internal.container.array size ()*
    jt take
    getstatic .test.pc.shared notempty
    getstatic .test.pc.shared lock
    invokevirtual .internal.cond wait (.internal.mutex)void
    pop
    jmp empty
take:
    getstatic .test.pc.shared buf
    pushint 0
    invokevirtual .internal.container.array removeAt (*)*
    store 2
    getstatic .test.pc.shared notfull
    invokevirtual .internal.cond signal ()void
    pop
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex unlock ()void
    pop
    load 0
    load 0
    getfield .test.pc.consumer got
    load 2
    tostring
    concat
    pushconst " "
    concat
    putfield .test.pc.consumer got
    ; a slow consumer: the producer must wait for room
    pushint 1
    invokestatic .internal.thread sleep (*)void
    pop
    inclocal 1 1
    load 1
    pushint 20
    jlt next
    retvoid
.end

; waits once on notempty, then counts itself woken
.class .test.pc.waiter
.method run ()void
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex lock ()void
    pop
    getstatic .test.pc.shared notempty
    getstatic .test.pc.shared lock
    invokevirtual .internal.cond wait (.internal.mutex)void
    pop
    getstatic .test.pc.shared woken
    pushint 1
    add
    putstatic .test.pc.shared woken
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex unlock ()void
    pop
    retvoid
.end

.class .test.pc
.source "pc.ph"

.method static main ()void
    .locals 4
    new .internal.mutex
    putstatic .test.pc.shared lock
    new .internal.cond
    putstatic .test.pc.shared notfull
    new .internal.cond
    putstatic .test.pc.shared notempty
    new .internal.container.array
    putstatic .test.pc.shared buf
    pushint 0
    putstatic .test.pc.shared fullwaits
    pushint 0
    putstatic .test.pc.shared woken
    new .test.pc.consumer
    store 0
    load 0
    invokestatic .internal.thread start (*)*
    store 1
    new .test.pc.producer
    invokestatic .internal.thread start (*)*
    store 2
    load 1
    invokevirtual .internal.thread join ()void
    pop
    load 2
    invokevirtual .internal.thread join ()void
    pop
    pushconst "consumed: "
    load 0
    getfield .test.pc.consumer got
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "the producer waited for room: "
    getstatic .test.pc.shared fullwaits
    pushint 0
    gt
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; three waiters, one broadcast
    new .test.pc.waiter
    invokestatic .internal.thread start (*)*
    pop
    new .test.pc.waiter
    invokestatic .internal.thread start (*)*
    pop
    new .test.pc.waiter
    invokestatic .internal.thread start (*)*
    store 3
    pushint 10
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "woken before the broadcast: "
    getstatic .test.pc.shared woken
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex lock ()void
    pop
    getstatic .test.pc.shared notempty
    invokevirtual .internal.cond broadcast ()void
    pop
    getstatic .test.pc.shared lock
    invokevirtual .internal.mutex unlock ()void
    pop
    load 3
    invokevirtual .internal.thread join ()void
    pop
    pushint 10
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "woken by the broadcast: "
    getstatic .test.pc.shared woken
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
