; exc_catch_class.pasm - handlers by class: the first handler in the
; table whose range covers the instruction and whose class matches wins;
; a superclass catches its subclasses; a non-matching handler is passed
; over, to an outer one or to the caller.  User exceptions extend
; .phantom.Exception and reach its message through its constructor.
.class .test.cc.MyError extends .phantom.RuntimeException
.field code
.method ctor MyError (*,*)void
    load 0
    load 1
    invokespecial .phantom.RuntimeException RuntimeException (*)void
    pop
    load 0
    load 2
    putfield .test.cc.MyError code
    retvoid
.end

.class .test.cc
.source "cc.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; raise(k): 0 divides by zero, 1 indexes null, 2 throws a MyError,
; 3 throws a string, else returns normally
.method static raise (*)void
    load 0
    pushint 0
    eq
    jf n1
    pushint 1
    pushint 0
    div
    pop
n1:
    load 0
    pushint 1
    eq
    jf n2
    pushnull
    pushint 0
    aload
    pop
n2:
    load 0
    pushint 2
    eq
    jf n3
    new .test.cc.MyError
    dup
    pushconst "custom failure"
    pushint 42
    invokespecial .test.cc.MyError MyError (*,*)void
    pop
    throw
n3:
    load 0
    pushint 3
    eq
    jf n4
    pushconst "a string"
    throw
n4:
    retvoid
.end

; inner(k): catches only ArithmeticException itself
.method static inner (*)*
    .catch .phantom.ArithmeticException from a to b using arith
a:
    load 0
    invokestatic .test.cc raise (*)void
    pop
b:
    pushconst "inner: no exception"
    return
arith:
    invokevirtual .phantom.Exception getMessage ()*
    pushconst "inner caught ArithmeticException: "
    swap
    concat
    return
.end

; outer(k): MyError before RuntimeException before anything
.method static outer (*)*
    .catch .test.cc.MyError from a to b using mine
    .catch .phantom.RuntimeException from a to b using runtime
    .catch any from a to b using other
a:
    load 0
    invokestatic .test.cc inner (*)*
b:
    return
mine:
    dup
    invokevirtual .phantom.Exception getMessage ()*
    pushconst "outer caught MyError: "
    swap
    concat
    pushconst ", code "
    concat
    swap
    getfield .test.cc.MyError code
    tostring
    concat
    return
runtime:
    invokeord 2 0
    invokevirtual .internal.class getName ()*
    pushconst "outer caught a RuntimeException: "
    swap
    concat
    return
other:
    pushconst "outer caught something: "
    swap
    concat
    return
.end

.method static main ()void
    .locals 1
    pushint 0
    store 0
loop:
    load 0
    invokestatic .test.cc outer (*)*
    invokestatic .test.cc say (*)void
    pop
    inclocal 0 1
    load 0
    pushint 5
    jlt loop
    ; MyError is an Exception, a RuntimeException and itself
    new .test.cc.MyError
    instanceof .phantom.Exception
    invokestatic .test.cc say (*)void
    pop
    retvoid
.end
