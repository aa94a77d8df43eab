; exc_uncaught_null.pasm - an uncaught runtime error raised by the
; interpreter (a method called on null) deep in a recursion: status 1,
; the message, and a trace naming each frame with its line.
.class .test.un.node
.source "node.ph"
.field next

; depth(): 1 + next.depth(); the last node has no next
.method depth ()*
    .line 20
    pushint 1
    .line 21
    load 0
    getfield .test.un.node next
    invokevirtual .test.un.node depth ()*
    add
    return
.end

.class .test.un
.source "un.ph"

.method static main ()void
    .locals 1
    .line 7
    new .test.un.node
    dup
    new .test.un.node
    putfield .test.un.node next
    store 0
    .line 8
    pushconst "two nodes made"
    invokestatic .internal.io.tty println (*)void
    pop
    .line 9
    load 0
    invokevirtual .test.un.node depth ()*
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
