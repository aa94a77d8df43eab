; exc_messages.pasm - what exception objects say about themselves:
; getMessage() (null without one), toString() ("class: message", or the
; class alone), getStackTrace() (filled in at the first throw, "at
; class.method (file:line)" per frame), and the tostring instruction,
; which gives the same text as toString().
.class .test.em.Oops extends .phantom.Exception
.method ctor Oops (*)void
    load 0
    load 1
    invokespecial .phantom.Exception Exception (*)void
    pop
    retvoid
.end

.class .test.em
.source "em.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; describe(e): the four views of e
.method static describe (*)void
    pushconst "getMessage: "
    load 0
    invokevirtual .phantom.Exception getMessage ()*
    tostring
    concat
    invokestatic .test.em say (*)void
    pop
    pushconst "toString:   "
    load 0
    invokevirtual .phantom.Exception toString ()*
    concat
    invokestatic .test.em say (*)void
    pop
    pushconst "tostring:   "
    load 0
    tostring
    concat
    invokestatic .test.em say (*)void
    pop
    pushconst "trace:      "
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

.method static thrower ()void
    .line 30
    new .test.em.Oops
    dup
    pushconst "it broke"
    invokespecial .test.em.Oops Oops (*)void
    pop
    .line 31
    throw
.end

.method static main ()void
    .catch any from a to b using h1
    .catch any from c to d using h2
    .line 40
    ; made, never thrown: no trace yet
    new .phantom.Exception
    dup
    invokespecial .phantom.Exception Exception ()void
    pop
    invokestatic .test.em describe (*)void
    pop
    new .phantom.ArgumentException
    dup
    pushconst "bad argument"
    invokespecial .phantom.ArgumentException ArgumentException (*)void
    pop
    invokestatic .test.em describe (*)void
    pop
a:
    .line 45
    invokestatic .test.em thrower ()void
    pop
b:
    retvoid
h1:
    invokestatic .test.em describe (*)void
    pop
c:
    .line 50
    pushconst "x"
    pushint 3
    aload
    pop
d:
    retvoid
h2:
    invokestatic .test.em describe (*)void
    pop
    retvoid
.end
