; exc_finally.pasm - try/finally as the compiler lays it out: the
; protected code, a copy of the finally code on the normal path, and a
; catch-all handler that runs the finally code and rethrows.  Finally
; blocks run on every way out, nested ones innermost first.
.class .test.fin
.source "fin.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; body(k): k = 0 returns normally, else throws "failure k"
.method static body (*)*
    load 0
    jf fine
    pushconst "failure "
    load 0
    tostring
    concat
    throw
fine:
    pushconst "body finished"
    return
.end

; guarded(k): try { say(body(k)) } finally { say("finally of guarded") }
.method static guarded (*)void
    .locals 2
    .catch any from a to b using fin
a:
    load 0
    invokestatic .test.fin body (*)*
    invokestatic .test.fin say (*)void
    pop
b:
    pushconst "finally of guarded"
    invokestatic .test.fin say (*)void
    pop
    retvoid
fin:
    store 1
    pushconst "finally of guarded"
    invokestatic .test.fin say (*)void
    pop
    load 1
    throw
.end

; nested(k): try { try { guarded(k) } finally { "inner" } } finally { "outer" }
; (the outer range covers the inner handler, whose rethrow it must see)
.method static nested (*)void
    .locals 2
    .catch any from a to b using fin1
    .catch any from a to c using fin2
a:
    load 0
    invokestatic .test.fin guarded (*)void
    pop
b:
    pushconst "finally inner"
    invokestatic .test.fin say (*)void
    pop
    jmp c
fin1:
    store 1
    pushconst "finally inner"
    invokestatic .test.fin say (*)void
    pop
    load 1
    throw
c:
    pushconst "finally outer"
    invokestatic .test.fin say (*)void
    pop
    retvoid
fin2:
    store 1
    pushconst "finally outer"
    invokestatic .test.fin say (*)void
    pop
    load 1
    throw
.end

; run(k): calls nested(k) and catches what comes out
.method static run (*)void
    .catch .internal.string from a to b using caught
a:
    pushconst "-- run "
    load 0
    tostring
    concat
    invokestatic .test.fin say (*)void
    pop
    load 0
    invokestatic .test.fin nested (*)void
    pop
b:
    pushconst "run: returned normally"
    invokestatic .test.fin say (*)void
    pop
    retvoid
caught:
    pushconst "run: caught "
    swap
    concat
    invokestatic .test.fin say (*)void
    pop
    retvoid
.end

.method static main ()void
    pushint 0
    invokestatic .test.fin run (*)void
    pop
    pushint 1
    invokestatic .test.fin run (*)void
    pop
    pushint 2
    invokestatic .test.fin run (*)void
    pop
    retvoid
.end
