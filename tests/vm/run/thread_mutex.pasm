; thread_mutex.pasm - a mutex under contention: four threads add 1 to a
; shared counter 500 times each, reading it, yielding to the others while
; holding the lock, then writing it back.  Without the lock updates would
; be lost; with it the total is exact.  trylock fails while another
; thread holds the mutex; lock is reentrant.
.class .test.mx.adder
.field static lock
.field static count
.field static maxwaiting
.field name

.method run ()void
    .locals 3
    pushint 0
    store 1
loop:
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex lock ()void
    pop
    getstatic .test.mx.adder count
    store 2
    invokestatic .internal.thread yield ()void
    pop
    load 2
    pushint 1
    add
    putstatic .test.mx.adder count
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex unlock ()void
    pop
    inclocal 1 1
    load 1
    pushint 500
    jlt loop
    retvoid
.end

; the same without the lock: updates get lost
.class .test.mx.racer
.field static count
.method run ()void
    .locals 3
    pushint 0
    store 1
loop:
    getstatic .test.mx.racer count
    store 2
    invokestatic .internal.thread yield ()void
    pop
    load 2
    pushint 1
    add
    putstatic .test.mx.racer count
    inclocal 1 1
    load 1
    pushint 500
    jlt loop
    retvoid
.end

; holds the lock for a while
.class .test.mx.holder
.method run ()void
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex lock ()void
    pop
    pushint 30
    invokestatic .internal.thread sleep (*)void
    pop
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex unlock ()void
    pop
    retvoid
.end

.class .test.mx
.source "mx.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; four(cls): starts four threads of class cls and joins them
.method static four (*)void
    .locals 3
    pushint 4
    newarray
    store 1
    pushint 0
    store 2
start:
    load 1
    load 2
    load 0
    newdyn
    invokestatic .internal.thread start (*)*
    astore
    inclocal 2 1
    load 2
    pushint 4
    jlt start
    pushint 0
    store 2
join:
    load 1
    load 2
    aload
    invokevirtual .internal.thread join ()void
    pop
    inclocal 2 1
    load 2
    pushint 4
    jlt join
    retvoid
.end

.method static main ()void
    .locals 2
    new .internal.mutex
    putstatic .test.mx.adder lock
    pushint 0
    putstatic .test.mx.adder count
    pushint 0
    putstatic .test.mx.racer count
    pushconst class .test.mx.adder
    invokestatic .test.mx four (*)void
    pop
    pushconst "with the mutex: "
    getstatic .test.mx.adder count
    tostring
    concat
    invokestatic .test.mx say (*)void
    pop
    pushconst class .test.mx.racer
    invokestatic .test.mx four (*)void
    pop
    pushconst "without it, updates were lost: "
    getstatic .test.mx.racer count
    pushint 2000
    lt
    tostring
    concat
    invokestatic .test.mx say (*)void
    pop
    ; trylock while another thread holds the lock
    new .test.mx.holder
    invokestatic .internal.thread start (*)*
    store 0
    pushint 10
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "trylock while held elsewhere: "
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex trylock ()*
    tostring
    concat
    invokestatic .test.mx say (*)void
    pop
    ; lock waits for the holder
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex lock ()void
    pop
    pushconst "got the lock after the holder; holder alive: "
    load 0
    invokevirtual .internal.thread isAlive ()*
    tostring
    concat
    invokestatic .test.mx say (*)void
    pop
    ; reentrant: trylock and lock again while holding it, then unlock thrice
    pushconst "trylock while holding it: "
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex trylock ()*
    tostring
    concat
    invokestatic .test.mx say (*)void
    pop
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex lock ()void
    pop
    getstatic .test.mx.adder lock
    dup
    dup
    invokevirtual .internal.mutex unlock ()void
    pop
    invokevirtual .internal.mutex unlock ()void
    pop
    invokevirtual .internal.mutex unlock ()void
    pop
    load 0
    invokevirtual .internal.thread join ()void
    pop
    pushconst "free again: "
    getstatic .test.mx.adder lock
    invokevirtual .internal.mutex trylock ()*
    tostring
    concat
    invokestatic .test.mx say (*)void
    pop
    retvoid
.end
