; exc_immutable.pasm - an exception made immutable (setImmutable) is thrown
; as it is: the VM does not write the stack trace into it, so its trace
; stays null while a mutable one gets its trace at the first throw; its
; message stays, and calling its constructor again raises
; IllegalStateException instead of changing the message.
.class .test.ei
.source "ei.ph"

; show(e): "class: message / trace: <trace or null>"
.method static show (*)void
    load 0
    tostring
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "trace: "
    load 0
    invokevirtual .phantom.Exception getStackTrace ()*
    tostring
    concat
    invokestatic .internal.io.tty print (*)void
    pop
    invokestatic .internal.io.tty println ()void
    pop
    retvoid
.end

; throw(e) from line 30, caught here
.method static throw_catch (*)void
    .catch .phantom.ArgumentException from a to b using h
a:
    .line 30
    load 0
    throw
b:
    retvoid
h:
    invokestatic .test.ei show (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 1
    .catch .phantom.IllegalStateException from c to d using h2
    .line 40
    new .phantom.ArgumentException
    dup
    pushconst "frozen"
    invokespecial .phantom.ArgumentException ArgumentException (*)void
    pop
    store 0
    load 0
    invokevirtual .internal.object setImmutable ()*
    pop
    load 0
    invokestatic .test.ei throw_catch (*)void
    pop
    ; the same exception again: still no trace written
    load 0
    invokestatic .test.ei throw_catch (*)void
    pop
c:
    load 0
    pushconst "thawed"
    invokespecial .phantom.ArgumentException ArgumentException (*)void
    pop
d:
    jmp after
h2:
    invokevirtual .phantom.Exception getMessage ()*
    invokestatic .internal.io.tty println (*)void
    pop
after:
    load 0
    tostring
    invokestatic .internal.io.tty println (*)void
    pop
    ; a mutable one gets its trace at the first throw
    .line 50
    new .phantom.ArgumentException
    dup
    pushconst "mutable"
    invokespecial .phantom.ArgumentException ArgumentException (*)void
    pop
    invokestatic .test.ei throw_catch (*)void
    pop
    retvoid
.end
