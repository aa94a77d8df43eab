; invokeord.pasm - calls by ordinal, as original programs make them:
; 5 is toString and 4 equals on any value, 2 getClass, 15 hashCode,
; 11 a string's length, 8 substring, 12 an array's size, 8 a
; directory's put; a class's first own method takes ordinal 8, an
; explicit ordinal wins; a missing ordinal raises NoSuchMethodException.
.class .test.ord.thing
.field v
.method first ()*
    pushconst "first method, ordinal 8"
    return
.end
.method second ()*
    pushconst "second method, ordinal 9"
    return
.end
.method special ()* ordinal 20
    pushconst "explicit ordinal 20"
    return
.end
.method toString ()* ordinal 5
    pushconst "thing.toString"
    return
.end
.method equals (*)* ordinal 4
    pushtrue
    return
.end

.class .test.ord.plain

.class .test.ord
.source "ord.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; ord99(o): o.99(), or the exception's text
.method static ord99 (*)*
    .catch .phantom.NoSuchMethodException from a to b using h
a:
    load 0
    invokeord 99 0
b:
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 1
    pushint 5
    invokeord 5 0
    invokestatic .test.ord say (*)void
    pop
    pushconst 0.25
    invokeord 5 0
    invokestatic .test.ord say (*)void
    pop
    pushconst "itself"
    invokeord 5 0
    invokestatic .test.ord say (*)void
    pop
    pushint 2
    newarray
    invokeord 5 0
    invokestatic .test.ord say (*)void
    pop
    new .test.ord.thing
    store 0
    load 0
    invokeord 5 0
    invokestatic .test.ord say (*)void
    pop
    load 0
    invokeord 8 0
    invokestatic .test.ord say (*)void
    pop
    load 0
    invokeord 9 0
    invokestatic .test.ord say (*)void
    pop
    load 0
    invokeord 20 0
    invokestatic .test.ord say (*)void
    pop
    load 0
    pushint 1
    invokeord 4 1
    invokestatic .test.ord say (*)void
    pop
    new .test.ord.plain
    load 0
    invokeord 4 1
    invokestatic .test.ord say (*)void
    pop
    pushint 65
    pushconst "A"
    pushint 0
    aload
    invokeord 4 1
    invokestatic .test.ord say (*)void
    pop
    load 0
    invokeord 2 0
    invokestatic .test.ord say (*)void
    pop
    pushconst "abc"
    invokeord 15 0
    pushconst "ab"
    pushconst "c"
    concat
    invokeord 15 0
    eq
    invokestatic .test.ord say (*)void
    pop
    pushint 5
    invokeord 15 0
    pushconst 5.0
    invokeord 15 0
    eq
    invokestatic .test.ord say (*)void
    pop
    pushconst "hello, world"
    invokeord 11 0
    invokestatic .test.ord say (*)void
    pop
    pushconst "hello, world"
    pushint 7
    pushint 5
    invokeord 8 2
    invokestatic .test.ord say (*)void
    pop
    pushint 3
    newarray
    invokeord 12 0
    invokestatic .test.ord say (*)void
    pop
    new .internal.directory
    dup
    pushconst "key"
    pushconst "value"
    invokeord 8 2
    pop
    invokeord 5 0
    invokestatic .test.ord say (*)void
    pop
    load 0
    invokestatic .test.ord ord99 (*)*
    invokestatic .test.ord say (*)void
    pop
    pushint 1
    invokestatic .test.ord ord99 (*)*
    invokestatic .test.ord say (*)void
    pop
    retvoid
.end
