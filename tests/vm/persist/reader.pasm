; reader.pasm - reads lines from standard input while a daemon thread
; ticks; tests/crash/vm_restart.c kills it while it waits for input and
; checks that the resumed world issues the read again.
.class .test.reader
.source "reader.ph"
.method run ()void
    .locals 1
again:
    pushconst "tick"
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 20
    invokestatic .internal.thread sleep (*)void
    pop
    jmp again
.end
.method static main ()void
    .locals 2
    new .test.reader
    invokestatic .internal.thread startDaemon (*)*
    pop
    new .internal.io.tty
    store 0
next:
    load 0
    invokename readLine 0
    dup
    store 1
    pushnull
    refeq
    jt eof
    pushconst "got: "
    load 1
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    jmp next
eof:
    pushconst "eof"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
