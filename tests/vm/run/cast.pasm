; cast.pasm - instanceof and checkcast: classes, superclasses, interfaces,
; internal classes and value classes; null is an instance of nothing but
; passes every checkcast; a failed checkcast raises
; .phantom.CastException.
.interface .test.cast.pet
.method abstract name ()*
.end

.class .test.cast.animal
.method name ()*
    pushconst "animal"
    return
.end

.class .test.cast.dog extends .test.cast.animal
.implements .test.cast.pet
.method name ()*
    pushconst "dog"
    return
.end

.class .test.cast
.source "cast.ph"

; inst(label, v): which of the classes v is an instance of
.method static inst (*,*)void
    load 0
    pushconst ":"
    concat
    load 1
    instanceof .test.cast.animal
    jf a
    pushconst " animal"
    concat
a:
    load 1
    instanceof .test.cast.dog
    jf b
    pushconst " dog"
    concat
b:
    load 1
    instanceof .test.cast.pet
    jf c
    pushconst " pet"
    concat
c:
    load 1
    instanceof .internal.object
    jf d
    pushconst " object"
    concat
d:
    load 1
    instanceof .internal.string
    jf e
    pushconst " string"
    concat
e:
    load 1
    instanceof .internal.int
    jf f
    pushconst " int"
    concat
f:
    load 1
    instanceof .internal.container.array
    jf g
    pushconst " array"
    concat
g:
    load 1
    instanceof .phantom.RuntimeException
    jf h
    pushconst " RuntimeException"
    concat
h:
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; todog(v): checkcast to dog; the result's text or the exception's
.method static todog (*)*
    .catch .phantom.CastException from a to b using h
a:
    load 0
    checkcast .test.cast.dog
b:
    dup
    jf isnull
    invokevirtual .test.cast.dog name ()*
    pushconst "cast ok: "
    swap
    concat
    return
isnull:
    pop
    pushconst "cast ok: null"
    return
h:
    invokeord 5 0
    return
.end

; topet(v): checkcast to the interface
.method static topet (*)*
    .catch .phantom.CastException from a to b using h
a:
    load 0
    checkcast .test.cast.pet
b:
    pop
    pushconst "pet cast ok"
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    pushconst "null"
    pushnull
    invokestatic .test.cast inst (*,*)void
    pop
    pushconst "animal"
    new .test.cast.animal
    invokestatic .test.cast inst (*,*)void
    pop
    pushconst "dog"
    new .test.cast.dog
    invokestatic .test.cast inst (*,*)void
    pop
    pushconst "\"s\""
    pushconst "s"
    invokestatic .test.cast inst (*,*)void
    pop
    pushconst "5"
    pushint 5
    invokestatic .test.cast inst (*,*)void
    pop
    pushconst "5L"
    pushconst 5L
    invokestatic .test.cast inst (*,*)void
    pop
    pushconst "array"
    pushint 1
    newarray
    invokestatic .test.cast inst (*,*)void
    pop
    pushconst "ArithmeticException"
    new .phantom.ArithmeticException
    invokestatic .test.cast inst (*,*)void
    pop
    new .test.cast.dog
    invokestatic .test.cast todog (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushnull
    invokestatic .test.cast todog (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    new .test.cast.animal
    invokestatic .test.cast todog (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "str"
    invokestatic .test.cast todog (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushint 3
    invokestatic .test.cast todog (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    new .test.cast.dog
    invokestatic .test.cast topet (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    new .test.cast.animal
    invokestatic .test.cast topet (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    pushnull
    invokestatic .test.cast topet (*)*
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
