; deadlock.pasm - two threads each hold one mutex and wait for the
; other's: nothing can wake them, so the VM says so on standard error and
; ends with status 1 instead of hanging.
.class .test.dl.shared
.field static m1
.field static m2

.class .test.dl.other
.method run ()void
    getstatic .test.dl.shared m2
    invokevirtual .internal.mutex lock ()void
    pop
    pushint 20
    invokestatic .internal.thread sleep (*)void
    pop
    getstatic .test.dl.shared m1
    invokevirtual .internal.mutex lock ()void
    pop
    pushconst "other: never here"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.dl
.source "dl.ph"
.method static main ()void
    new .internal.mutex
    putstatic .test.dl.shared m1
    new .internal.mutex
    putstatic .test.dl.shared m2
    getstatic .test.dl.shared m1
    invokevirtual .internal.mutex lock ()void
    pop
    new .test.dl.other
    invokestatic .internal.thread start (*)*
    pop
    pushint 10
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "main: taking the second mutex"
    invokestatic .internal.io.tty println (*)void
    pop
    getstatic .test.dl.shared m2
    invokevirtual .internal.mutex lock ()void
    pop
    pushconst "main: never here"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
