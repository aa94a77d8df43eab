; thread_misc.pasm - thread objects: current(), getId(), isAlive(), join
; on a finished thread, join of oneself (IllegalStateException); starting
; an object without run() runs its method 8, one with neither raises
; NoSuchMethodException, null NullReferenceException; an uncaught
; exception in a thread that is not main is reported on standard error
; and ends that thread only: main carries on and the status stays 0.
.class .test.tm.job
.field static seen
.method run ()void
    invokestatic .internal.thread current ()*
    putstatic .test.tm.job seen
    retvoid
.end

.class .test.tm.crasher
.source "crasher.ph"
.method run ()void
    .line 12
    pushconst "crasher: about to fail"
    invokestatic .internal.io.tty println (*)void
    pop
    .line 13
    pushnull
    getfield .test.tm.job2 v
    pop
    retvoid
.end

.class .test.tm.job2
.field v

; no run(): a thread runs its method 8 (the original's convention)
.class .test.tm.norun
.method walk ()void
    pushconst "norun: walk() ran as method 8"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.tm
.source "tm.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; start(o): starts o, or the exception's text
.method static start (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    invokestatic .internal.thread start (*)*
b:
    pop
    pushconst "started"
    return
h:
    invokeord 5 0
    return
.end

.method static joinself ()*
    .catch .phantom.IllegalStateException from a to b using h
a:
    invokestatic .internal.thread current ()*
    invokevirtual .internal.thread join ()void
b:
    pop
    pushconst "joined myself?"
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 3
    invokestatic .internal.thread current ()*
    store 0
    pushconst "main is alive: "
    load 0
    invokevirtual .internal.thread isAlive ()*
    tostring
    concat
    invokestatic .test.tm say (*)void
    pop
    pushconst "current() is a thread: "
    load 0
    instanceof .internal.thread
    tostring
    concat
    pushconst ", twice the same: "
    concat
    load 0
    invokestatic .internal.thread current ()*
    refeq
    tostring
    concat
    invokestatic .test.tm say (*)void
    pop
    new .test.tm.job
    invokestatic .internal.thread start (*)*
    store 1
    pushconst "job alive before it ran: "
    load 1
    invokevirtual .internal.thread isAlive ()*
    tostring
    concat
    invokestatic .test.tm say (*)void
    pop
    load 1
    invokevirtual .internal.thread join ()void
    pop
    pushconst "job alive after join: "
    load 1
    invokevirtual .internal.thread isAlive ()*
    tostring
    concat
    invokestatic .test.tm say (*)void
    pop
    pushconst "inside, current() was the job's thread: "
    getstatic .test.tm.job seen
    load 1
    refeq
    tostring
    concat
    invokestatic .test.tm say (*)void
    pop
    pushconst "ids differ: "
    load 0
    invokevirtual .internal.thread getId ()*
    load 1
    invokevirtual .internal.thread getId ()*
    ne
    tostring
    concat
    invokestatic .test.tm say (*)void
    pop
    load 1
    invokevirtual .internal.thread join ()void
    pop
    pushconst "a second join returns at once"
    invokestatic .test.tm say (*)void
    pop
    invokestatic .test.tm joinself ()*
    invokestatic .test.tm say (*)void
    pop
    new .test.tm.norun
    invokestatic .test.tm start (*)*
    invokestatic .test.tm say (*)void
    pop
    new .test.tm.job2
    invokestatic .test.tm start (*)*
    invokestatic .test.tm say (*)void
    pop
    pushnull
    invokestatic .test.tm start (*)*
    invokestatic .test.tm say (*)void
    pop
    ; a thread that dies of an exception
    new .test.tm.crasher
    invokestatic .internal.thread start (*)*
    store 2
    load 2
    invokevirtual .internal.thread join ()void
    pop
    pushconst "main: the crasher ended, alive: "
    load 2
    invokevirtual .internal.thread isAlive ()*
    tostring
    concat
    invokestatic .test.tm say (*)void
    pop
    retvoid
.end
