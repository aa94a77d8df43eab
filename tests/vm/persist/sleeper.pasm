; sleeper.pasm - sleeps 3 s once, then says so; tests/crash/vm_restart.c
; kills it in the middle and checks the resumed sleep keeps its deadline.
.class .test.sleeper
.source "sleeper.ph"
.method static main ()void
    pushconst "sleeping"
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 3000
    invokestatic .internal.thread sleep (*)void
    pop
    pushconst "woke"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
