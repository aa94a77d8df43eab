; exc_runtime.pasm - every kind of runtime error, each raised by the
; interpreter or a native and caught by a handler for exactly its class
; (a wrong class would escape and end the program).  Each line shows the
; case, the class caught and the message.
.interface .test.rt.named
.method abstract name ()*
.end

.class .test.rt.thing
.field v
.method get ()*
    load 0
    getfield .test.rt.thing v
    return
.end

.class .test.rt
.source "rt.ph"

.method static id (*)*
    load 0
    return
.end

; reportc(label, e): "label -> Class"
.method static reportc (*,*)void
    load 0
    pushconst " -> "
    concat
    load 1
    invokeord 2 0
    invokevirtual .internal.class getName ()*
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; report(label, e): "label -> Class: message"
.method static report (*,*)void
    load 0
    pushconst " -> "
    concat
    load 1
    invokeord 2 0
    invokevirtual .internal.class getName ()*
    concat
    pushconst ": "
    concat
    load 1
    invokevirtual .phantom.Exception getMessage ()*
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; getfield on null
.method static c0 ()void
    .catch .phantom.NullReferenceException from a to b using h
a:
    pushnull
    invokestatic .test.rt id (*)*
    getfield .test.rt.thing v
    pop
b:
    pushconst "getfield on null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "getfield on null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; putfield on null
.method static c1 ()void
    .catch .phantom.NullReferenceException from a to b using h
a:
    pushnull
    invokestatic .test.rt id (*)*
    pushint 1
    putfield .test.rt.thing v
b:
    pushconst "putfield on null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "putfield on null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; invokevirtual on null
.method static c2 ()void
    .catch .phantom.NullReferenceException from a to b using h
a:
    pushnull
    invokestatic .test.rt id (*)*
    invokevirtual .test.rt.thing get ()*
    pop
b:
    pushconst "invokevirtual on null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "invokevirtual on null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; invokename on null
.method static c3 ()void
    .catch .phantom.NullReferenceException from a to b using h
a:
    pushnull
    invokename get 0
    pop
b:
    pushconst "invokename on null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "invokename on null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; invokeord on null
.method static c4 ()void
    .catch .phantom.NullReferenceException from a to b using h
a:
    pushnull
    invokeord 5 0
    pop
b:
    pushconst "invokeord on null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "invokeord on null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; invokespecial on null
.method static c5 ()void
    .catch .phantom.NullReferenceException from a to b using h
a:
    pushnull
    invokestatic .test.rt id (*)*
    invokespecial .test.rt.thing get ()*
    pop
b:
    pushconst "invokespecial on null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "invokespecial on null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; throw null
.method static c6 ()void
    .catch .phantom.NullReferenceException from a to b using h
a:
    pushnull
    invokestatic .test.rt id (*)*
    throw
b:
    pushconst "throw null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "throw null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; aload past the end
.method static c7 ()void
    .catch .phantom.IndexOutOfRangeException from a to b using h
a:
    pushint 2
    newarray
    pushint 2
    aload
    pop
b:
    pushconst "aload past the end: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "aload past the end"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; native get past the end
.method static c8 ()void
    .catch .phantom.IndexOutOfRangeException from a to b using h
a:
    pushint 2
    newarray
    pushint 5
    invokevirtual .internal.container.array get (*)*
    pop
b:
    pushconst "native get past the end: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "native get past the end"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; checkcast
.method static c9 ()void
    .catch .phantom.CastException from a to b using h
a:
    pushconst "text"
    invokestatic .test.rt id (*)*
    checkcast .test.rt.thing
    pop
b:
    pushconst "checkcast: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "checkcast"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; invokename with too many arguments
.method static c10 ()void
    .catch .phantom.ArityException from a to b using h
a:
    new .test.rt.thing
    pushint 1
    invokename get 1
    pop
b:
    pushconst "invokename with too many arguments: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "invokename with too many arguments"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; invokename of a native with too few
.method static c11 ()void
    .catch .phantom.ArityException from a to b using h
a:
    pushconst "abc"
    invokename substring 0
    pop
b:
    pushconst "invokename of a native with too few: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "invokename of a native with too few"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; invokename of a missing method
.method static c12 ()void
    .catch .phantom.NoSuchMethodException from a to b using h
a:
    new .test.rt.thing
    invokename fly 0
    pop
b:
    pushconst "invokename of a missing method: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "invokename of a missing method"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; interface method on a class without it
.method static c13 ()void
    .catch .phantom.NoSuchMethodException from a to b using h
a:
    new .test.rt.thing
    invokestatic .test.rt id (*)*
    invokevirtual .test.rt.named name ()*
    pop
b:
    pushconst "interface method on a class without it: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "interface method on a class without it"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end


; add int and object
.method static c15 ()void
    .catch .phantom.TypeException from a to b using h
a:
    pushint 1
    new .test.rt.thing
    add
    pop
b:
    pushconst "add int and object: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "add int and object"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; mul string and int
.method static c16 ()void
    .catch .phantom.TypeException from a to b using h
a:
    pushconst "ab"
    invokestatic .test.rt id (*)*
    pushint 3
    mul
    pop
b:
    pushconst "mul string and int: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "mul string and int"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; neg of null
.method static c17 ()void
    .catch .phantom.TypeException from a to b using h
a:
    pushnull
    neg
    pop
b:
    pushconst "neg of null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "neg of null"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; lt int and string
.method static c18 ()void
    .catch .phantom.TypeException from a to b using h
a:
    pushint 1
    pushconst "1"
    invokestatic .test.rt id (*)*
    lt
    pop
b:
    pushconst "lt int and string: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "lt int and string"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; band double and int
.method static c19 ()void
    .catch .phantom.TypeException from a to b using h
a:
    pushconst 1.5
    invokestatic .test.rt id (*)*
    pushint 1
    band
    pop
b:
    pushconst "band double and int: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "band double and int"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; string method given an int
.method static c20 ()void
    .catch .phantom.TypeException from a to b using h
a:
    pushconst "abc"
    pushint 1
    invokevirtual .internal.string concat (*)*
    pop
b:
    pushconst "string method given an int: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "string method given an int"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; parse a bad number
.method static c21 ()void
    .catch .phantom.ArgumentException from a to b using h
a:
    pushconst "twelve"
    invokestatic .internal.int parse (*)*
    pop
b:
    pushconst "parse a bad number: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "parse a bad number"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end

; unlock a mutex not held
.method static c22 ()void
    .catch .phantom.IllegalStateException from a to b using h
a:
    new .internal.mutex
    invokevirtual .internal.mutex unlock ()void
    pop
b:
    pushconst "unlock a mutex not held: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "unlock a mutex not held"
    swap
    invokestatic .test.rt report (*,*)void
    pop
    retvoid
.end
; inclocal on a string (the class only: the message is the VM's to choose)
.method static c23 ()void
    .locals 1
    .catch .phantom.TypeException from a to b using h
a:
    pushconst "s"
    invokestatic .test.rt id (*)*
    store 0
    inclocal 0 1
b:
    pushconst "inclocal on a string: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "inclocal on a string"
    swap
    invokestatic .test.rt reportc (*,*)void
    pop
    retvoid
.end

; inclocal on null (the class only: the message is the VM's to choose)
.method static c24 ()void
    .locals 1
    .catch .phantom.TypeException from a to b using h
a:
    pushnull
    invokestatic .test.rt id (*)*
    store 0
    inclocal 0 1
b:
    pushconst "inclocal on null: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "inclocal on null"
    swap
    invokestatic .test.rt reportc (*,*)void
    pop
    retvoid
.end

; band of a char and an int (the class only: the message is the VM's to choose)
.method static c25 ()void
    .locals 1
    .catch .phantom.TypeException from a to b using h
a:
    pushconst "a"
    pushint 0
    aload
    invokestatic .test.rt id (*)*
    pushint 1
    band
    pop
b:
    pushconst "band of a char and an int: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "band of a char and an int"
    swap
    invokestatic .test.rt reportc (*,*)void
    pop
    retvoid
.end

; shl of a char (the class only: the message is the VM's to choose)
.method static c26 ()void
    .locals 1
    .catch .phantom.TypeException from a to b using h
a:
    pushconst "a"
    pushint 0
    aload
    invokestatic .test.rt id (*)*
    pushint 1
    shl
    pop
b:
    pushconst "shl of a char: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "shl of a char"
    swap
    invokestatic .test.rt reportc (*,*)void
    pop
    retvoid
.end

; bnot of a bool (the class only: the message is the VM's to choose)
.method static c27 ()void
    .locals 1
    .catch .phantom.TypeException from a to b using h
a:
    pushtrue
    invokestatic .test.rt id (*)*
    bnot
    pop
b:
    pushconst "bnot of a bool: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "bnot of a bool"
    swap
    invokestatic .test.rt reportc (*,*)void
    pop
    retvoid
.end

; band of a bool and an int (the class only: the message is the VM's to choose)
.method static c28 ()void
    .locals 1
    .catch .phantom.TypeException from a to b using h
a:
    pushtrue
    invokestatic .test.rt id (*)*
    pushint 1
    band
    pop
b:
    pushconst "band of a bool and an int: no exception"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
h:
    pushconst "band of a bool and an int"
    swap
    invokestatic .test.rt reportc (*,*)void
    pop
    retvoid
.end

.method static main ()void
    invokestatic .test.rt c0 ()void
    pop
    invokestatic .test.rt c1 ()void
    pop
    invokestatic .test.rt c2 ()void
    pop
    invokestatic .test.rt c3 ()void
    pop
    invokestatic .test.rt c4 ()void
    pop
    invokestatic .test.rt c5 ()void
    pop
    invokestatic .test.rt c6 ()void
    pop
    invokestatic .test.rt c7 ()void
    pop
    invokestatic .test.rt c8 ()void
    pop
    invokestatic .test.rt c9 ()void
    pop
    invokestatic .test.rt c10 ()void
    pop
    invokestatic .test.rt c11 ()void
    pop
    invokestatic .test.rt c12 ()void
    pop
    invokestatic .test.rt c13 ()void
    pop
    invokestatic .test.rt c15 ()void
    pop
    invokestatic .test.rt c16 ()void
    pop
    invokestatic .test.rt c17 ()void
    pop
    invokestatic .test.rt c18 ()void
    pop
    invokestatic .test.rt c19 ()void
    pop
    invokestatic .test.rt c20 ()void
    pop
    invokestatic .test.rt c21 ()void
    pop
    invokestatic .test.rt c22 ()void
    pop
    invokestatic .test.rt c23 ()void
    pop
    invokestatic .test.rt c24 ()void
    pop
    invokestatic .test.rt c25 ()void
    pop
    invokestatic .test.rt c26 ()void
    pop
    invokestatic .test.rt c27 ()void
    pop
    invokestatic .test.rt c28 ()void
    pop
    pushconst "every error was caught as its class"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
