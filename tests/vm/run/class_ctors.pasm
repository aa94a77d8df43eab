; class_ctors.pasm - constructors chaining across three classes: each
; runs its parent's constructor first (by invokespecial), and each
; prints, so the order shows.  Arguments pass down the chain.
.class .test.ctor.a
.field log
.method ctor a (*)void
    load 0
    pushconst "a"
    putfield .test.ctor.a log
    pushconst "a() with "
    load 1
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.ctor.b extends .test.ctor.a
.field extra
.method ctor b (*,*)void
    load 0
    load 1
    invokespecial .test.ctor.a a (*)void
    pop
    load 0
    load 2
    putfield .test.ctor.b extra
    load 0
    load 0
    getfield .test.ctor.a log
    pushconst "b"
    concat
    putfield .test.ctor.a log
    pushconst "b() with "
    load 2
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.ctor.c extends .test.ctor.b
.method ctor c ()void
    pushconst "c() starts"
    invokestatic .internal.io.tty println (*)void
    pop
    load 0
    pushint 1
    pushint 2
    invokespecial .test.ctor.b b (*,*)void
    pop
    load 0
    load 0
    getfield .test.ctor.a log
    pushconst "c"
    concat
    putfield .test.ctor.a log
    pushconst "c() done"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.ctor
.source "ctor.ph"

.method static main ()void
    .locals 1
    new .test.ctor.c
    dup
    invokespecial .test.ctor.c c ()void
    pop
    store 0
    pushconst "log: "
    load 0
    getfield .test.ctor.a log
    concat
    pushconst ", extra: "
    concat
    load 0
    getfield .test.ctor.b extra
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; a b on its own runs a and b only
    new .test.ctor.b
    pushconst "x"
    pushconst "y"
    invokespecial .test.ctor.b b (*,*)void
    pop
    retvoid
.end
