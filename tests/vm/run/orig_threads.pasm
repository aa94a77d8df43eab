; orig_threads.pasm - original-style threads: boot.18 (startThread) runs
; an object's method 8 in a new thread, boot.21 sleeps, a
; .internal.world's method 8 (getMyThread) answers the calling thread.
; The worker prints at 0, 40 and 80 ms; main prints at 60 ms, then
; waits for the worker.
.class .test.ot.worker
.field boot
.field console
; method 8: the thread's body
.method go ()void
    .locals 2
    new .internal.world
    invokeord 8 0
    invokestatic .internal.thread current ()*
    refeq
    store 1
    load 0
    getfield .test.ot.worker console
    pushconst "worker: started; getMyThread is this thread: "
    load 1
    tostring
    concat
    pushconst "\n"
    concat
    invokeord 17 1
    pop
    load 0
    getfield .test.ot.worker boot
    pushint 40
    invokeord 21 1
    pop
    load 0
    getfield .test.ot.worker console
    pushconst "worker: 40 ms\n"
    invokeord 17 1
    pop
    load 0
    getfield .test.ot.worker boot
    pushint 40
    invokeord 21 1
    pop
    load 0
    getfield .test.ot.worker console
    pushconst "worker: 80 ms, done\n"
    invokeord 17 1
    pop
    retvoid
.end

.class .test.ot.main
.source "ot.ph"
.method run (*)void
    .locals 4
    new .test.ot.worker
    store 2
    load 2
    load 1
    putfield .test.ot.worker boot
    load 2
    new .internal.io.tty
    putfield .test.ot.worker console
    load 1
    load 2
    invokeord 18 1
    store 3
    load 1
    pushconst "main: started the worker\n"
    invokeord 16 1
    pop
    load 1
    pushint 60
    invokeord 21 1
    pop
    load 1
    pushconst "main: 60 ms\n"
    invokeord 16 1
    pop
    ; the world's idea of main's thread is not the worker's
    load 1
    pushconst "main: getMyThread is the worker: "
    new .internal.world
    invokeord 8 0
    load 3
    refeq
    tostring
    concat
    pushconst "\n"
    concat
    invokeord 16 1
    pop
    load 3
    invokename join 0
    pop
    load 1
    pushconst "main: the worker has ended\n"
    invokeord 16 1
    pop
    retvoid
.end
