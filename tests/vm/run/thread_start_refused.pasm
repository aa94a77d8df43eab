; thread_start_refused.pasm - only an object written in Phantom with a
; run() (or method 8) written in Phantom can be a thread's body.  Numbers,
; bools, strings, arrays, binaries, mutexes and classes are refused with
; TypeException, and an exception object, whose method 8 is a native
; method, with NoSuchMethodException: a native method never becomes a
; thread's body (it used to, and crashed the VM at every boot of the world
; that kept the thread).  tests/unit/native_calls.c boots the world this
; program leaves, which must come up cleanly.
.class .test.tsr
.source "tsr.ph"

; try(x): .internal.thread.start(x), printing what it raised
.method static try (*)void
    .locals 2
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    invokestatic .internal.thread start (*)*
    pop
    pushconst "started?!"
    invokestatic .internal.io.tty println (*)void
    pop
b:
    retvoid
h:
    store 1
    load 1
    invokevirtual .internal.object getClass ()*
    invokevirtual .internal.class getName ()*
    pushconst ": "
    concat
    load 1
    invokevirtual .phantom.Exception getMessage ()*
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    pushint 5
    invokestatic .test.tsr try (*)void
    pop
    pushconst 5L
    invokestatic .test.tsr try (*)void
    pop
    pushconst 2.5
    invokestatic .test.tsr try (*)void
    pop
    pushtrue
    invokestatic .test.tsr try (*)void
    pop
    pushconst "run"
    invokestatic .test.tsr try (*)void
    pop
    pushint 2
    newarray
    invokestatic .test.tsr try (*)void
    pop
    new .internal.binary
    invokestatic .test.tsr try (*)void
    pop
    new .internal.mutex
    invokestatic .test.tsr try (*)void
    pop
    pushconst class .test.tsr
    invokestatic .test.tsr try (*)void
    pop
    new .phantom.ArgumentException
    invokestatic .test.tsr try (*)void
    pop
    ; startDaemon goes the same way
    .catch .phantom.TypeException from c to d using h2
c:
    pushint 5
    invokestatic .internal.thread startDaemon (*)*
    pop
d:
    retvoid
h2:
    invokevirtual .phantom.Exception getMessage ()*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "the world stays bootable"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
