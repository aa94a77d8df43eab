; classes.pasm - several classes in one file: an interface, an abstract
; class with fields and a constructor, a final subclass; every way to
; call a method.
.interface .test.shape
.method abstract area ()* ordinal 8
.end
.method static unit ()*
    pushint 1
    return
.end

.class abstract .test.base
.implements .test.shape
.source "base.ph"
.field name : .internal.string
.field static count : .internal.int
.field anything

.method ctor base (.internal.string)void
    load 0
    load 1
    putfield .test.base name
    getstatic .test.base count
    pushint 1
    add
    putstatic .test.base count
    retvoid
.end

.method abstract area ()* ordinal 8
.end

.method describe ()*
    load 0
    getfield .test.base name
    pushconst ": "
    concat
    load 0
    invokevirtual .test.base area ()*
    tostring
    concat
    return
.end

.class final .test.square extends .test.base
.field side : .internal.double

.method ctor square (.internal.double)void
    .locals 2
    load 0
    pushconst "square"
    invokespecial .test.base base (.internal.string)void
    pop
    load 0
    load 1
    putfield .test.square side
    retvoid
.end

.method area ()* ordinal 8
    load 0
    getfield .test.square side
    dup
    mul
    return
.end

.method static make (*)*
    new .test.square
    dup
    load 0
    invokespecial .test.square square (.internal.double)void
    pop
    dup
    instanceof .test.shape
    jf bad
    checkcast .test.shape
    return
bad:
    pushnull
    throw
.end

.method static synchronized ords (*)*
    load 0
    invokeord 5 0
    load 0
    invokename toString 0
    concat
    return
.end
