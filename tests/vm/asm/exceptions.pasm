; exceptions.pasm - handlers: a typed catch, a catch-all that rethrows,
; nested ranges.
.class .test.exc
.source "exc.ph"

.method static safediv (*,*)*
    .catch .phantom.ArithmeticException from start to stop using caught
start:
    load 0
    load 1
    div
stop:
    return
caught:
    store 0                 ; the exception
    pushint 0
    return
.end

.method static rethrow (*)void
    .locals 2
    .catch .phantom.NullReferenceException from a to b using h1
    .catch any from a to c using h2
a:
    load 0
    invokename run 0
    pop
b:
    load 0
    invokeord 8 0
    pop
c:
    retvoid
h1:
    pop
    retvoid
h2:
    store 1
    load 1
    throw
.end

.method static fail (*)void
    pushconst "failed: "
    load 0
    tostring
    concat
    throw
.end
