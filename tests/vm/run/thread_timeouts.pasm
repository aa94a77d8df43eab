; thread_timeouts.pasm - semaphores and timed waits: acquire takes a
; permit or waits for a release; tacquire gives up after its timeout and
; returns false, or returns true when a release comes in time; a cond's
; twait returns false after its timeout (holding the mutex again) and true
; when signalled; zero drops the permits.
.class .test.to.shared
.field static sema
.field static lock
.field static cond

; releases the semaphore after 20 ms
.class .test.to.releaser
.method run ()void
    pushint 20
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "releaser: release"
    invokestatic .internal.io.tty println (*)void
    pop
    getstatic .test.to.shared sema
    invokevirtual .internal.sema release ()void
    pop
    retvoid
.end

; signals the condition after 20 ms
.class .test.to.signaller
.method run ()void
    pushint 20
    invokestatic .internal.thread sleep (*)void
    pop
    getstatic .test.to.shared lock
    invokevirtual .internal.mutex lock ()void
    pop
    pushconst "signaller: signal"
    invokestatic .internal.io.tty println (*)void
    pop
    getstatic .test.to.shared cond
    invokevirtual .internal.cond signal ()void
    pop
    getstatic .test.to.shared lock
    invokevirtual .internal.mutex unlock ()void
    pop
    retvoid
.end

.class .test.to
.source "to.ph"

.method static say (*,*)void
    load 0
    load 1
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 2
    new .internal.sema
    putstatic .test.to.shared sema
    new .internal.mutex
    putstatic .test.to.shared lock
    new .internal.cond
    putstatic .test.to.shared cond
    ; permits: two releases, two acquires that do not wait
    getstatic .test.to.shared sema
    dup
    invokevirtual .internal.sema release ()void
    pop
    invokevirtual .internal.sema release ()void
    pop
    pushconst "acquire with a permit: "
    getstatic .test.to.shared sema
    invokevirtual .internal.sema acquire ()*
    invokestatic .test.to say (*,*)void
    pop
    pushconst "tacquire with a permit: "
    getstatic .test.to.shared sema
    pushint 1000
    invokevirtual .internal.sema tacquire (*)*
    invokestatic .test.to say (*,*)void
    pop
    ; none left: a short tacquire times out
    pushconst "tacquire(30) with none: "
    getstatic .test.to.shared sema
    pushint 30
    invokevirtual .internal.sema tacquire (*)*
    invokestatic .test.to say (*,*)void
    pop
    ; a release arrives after 20 ms, well within the timeout
    new .test.to.releaser
    invokestatic .internal.thread start (*)*
    store 0
    pushconst "tacquire(5000), released in time: "
    getstatic .test.to.shared sema
    pushint 5000
    invokevirtual .internal.sema tacquire (*)*
    invokestatic .test.to say (*,*)void
    pop
    ; a plain acquire waits for a release too
    new .test.to.releaser
    invokestatic .internal.thread start (*)*
    store 0
    pushconst "acquire, released later: "
    getstatic .test.to.shared sema
    invokevirtual .internal.sema acquire ()*
    invokestatic .test.to say (*,*)void
    pop
    ; zero drops permits
    getstatic .test.to.shared sema
    dup
    dup
    invokevirtual .internal.sema release ()void
    pop
    invokevirtual .internal.sema zero ()void
    pop
    pushconst "tacquire(0) after zero: "
    getstatic .test.to.shared sema
    pushint 0
    invokevirtual .internal.sema tacquire (*)*
    invokestatic .test.to say (*,*)void
    pop
    ; twait with nobody to signal
    getstatic .test.to.shared lock
    invokevirtual .internal.mutex lock ()void
    pop
    pushconst "twait(30) unsignalled: "
    getstatic .test.to.shared cond
    getstatic .test.to.shared lock
    pushint 30
    invokevirtual .internal.cond twait (.internal.mutex,*)*
    invokestatic .test.to say (*,*)void
    pop
    ; the mutex is held again after the timeout: unlock must work
    getstatic .test.to.shared lock
    invokevirtual .internal.mutex unlock ()void
    pop
    pushconst "unlocked after the timeout: "
    getstatic .test.to.shared lock
    invokevirtual .internal.mutex trylock ()*
    invokestatic .test.to say (*,*)void
    pop
    ; twait signalled in time (the lock is held from the trylock)
    new .test.to.signaller
    invokestatic .internal.thread start (*)*
    store 1
    pushconst "twait(5000) signalled: "
    getstatic .test.to.shared cond
    getstatic .test.to.shared lock
    pushint 5000
    invokevirtual .internal.cond twait (.internal.mutex,*)*
    invokestatic .test.to say (*,*)void
    pop
    getstatic .test.to.shared lock
    invokevirtual .internal.mutex unlock ()void
    pop
    load 1
    invokevirtual .internal.thread join ()void
    pop
    pushconst "done"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
