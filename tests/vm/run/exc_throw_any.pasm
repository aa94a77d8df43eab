; exc_throw_any.pasm - any object can be thrown: strings, arrays, objects
; of plain classes, exceptions.  Handlers catch by class (the thrown
; object's class or a superclass) or catch anything; the handler gets the
; thrown object itself.
.class .test.thr.plain
.field why

.class .test.thr
.source "thr.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; what(o): throws o; the string handler, the plain handler and the
; catch-all report which one caught it
.method static what (*)void
    .catch .internal.string from a to b using str
    .catch .test.thr.plain from a to b using plain
    .catch any from a to b using other
a:
    load 0
    throw
b:
    retvoid
str:
    pushconst "caught a string: "
    swap
    concat
    invokestatic .test.thr say (*)void
    pop
    retvoid
plain:
    getfield .test.thr.plain why
    pushconst "caught a plain object, why = "
    swap
    concat
    invokestatic .test.thr say (*)void
    pop
    retvoid
other:
    pushconst "caught something else: "
    swap
    invokeord 2 0
    tostring
    concat
    invokestatic .test.thr say (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 1
    pushconst "boom"
    invokestatic .test.thr what (*)void
    pop
    new .test.thr.plain
    dup
    pushconst "because"
    putfield .test.thr.plain why
    invokestatic .test.thr what (*)void
    pop
    pushint 2
    newarray
    invokestatic .test.thr what (*)void
    pop
    new .phantom.IllegalStateException
    invokestatic .test.thr what (*)void
    pop
    ; the very object thrown is the one caught
    new .test.thr.plain
    store 0
    .catch any from t0 to t1 using same
t0:
    load 0
    throw
t1:
    retvoid
same:
    load 0
    refeq
    tostring
    pushconst "the caught object is the thrown one: "
    swap
    concat
    invokestatic .test.thr say (*)void
    pop
    retvoid
.end
