; arrays.pasm - newarray, aload, astore (a store past the end grows the
; array, the slots between are null), alen; index errors, bad sizes,
; indices that are not ints, indexing things that are not arrays, and
; storing into a string (TypeException) or an immutable array.
.class .test.arrays
.source "arrays.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static id (*)*
    load 0
    return
.end

; get(a, i): a[i], or the exception's text
.method static get (*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    aload
b:
    return
h:
    invokeord 5 0
    return
.end

; put(a, i, v): a[i] = v; "stored" or the exception's text
.method static put (*,*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    load 2
    astore
b:
    pushconst "stored"
    return
h:
    invokeord 5 0
    return
.end

; putc(a, i, v): a[i] = v; "stored" or the exception's class
.method static putc (*,*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    load 2
    astore
b:
    pushconst "stored"
    return
h:
    invokeord 2 0
    invokevirtual .internal.class getName ()*
    return
.end

; make(n): newarray n, or the exception's text
.method static make (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    newarray
b:
    return
h:
    invokeord 5 0
    return
.end

; len(v): alen v, or the exception's text
.method static len (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    alen
b:
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 3
    pushint 3
    newarray
    store 0
    load 0
    invokestatic .test.arrays say (*)void
    pop
    load 0
    alen
    invokestatic .test.arrays say (*)void
    pop
    load 0
    pushint 0
    pushconst "zero"
    astore
    load 0
    pushint 2
    pushint 2
    astore
    load 0
    invokestatic .test.arrays say (*)void
    pop
    ; growth: store at 6 in a 3-element array
    load 0
    pushint 6
    pushconst "six"
    astore
    load 0
    invokestatic .test.arrays say (*)void
    pop
    pushconst "length after a[6] = six: "
    load 0
    alen
    tostring
    concat
    invokestatic .test.arrays say (*)void
    pop
    ; an empty array grows from nothing; fill 0..99 with squares
    pushint 0
    newarray
    store 1
    pushint 0
    store 2
fill:
    load 1
    load 2
    load 2
    load 2
    mul
    astore
    inclocal 2 1
    load 2
    pushint 100
    jlt fill
    pushconst "100 squares, length "
    load 1
    alen
    tostring
    concat
    pushconst ", a[99] = "
    concat
    load 1
    pushint 99
    aload
    tostring
    concat
    invokestatic .test.arrays say (*)void
    pop
    ; errors
    load 0
    pushint 7
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    load 0
    pushint -1
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    load 0
    pushint -1
    pushint 0
    invokestatic .test.arrays put (*,*,*)*
    invokestatic .test.arrays say (*)void
    pop
    load 0
    pushconst "1"
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    load 0
    pushconst 1L
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    pushnull
    pushint 0
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    pushint 5
    pushint 0
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    new .test.arrays
    pushint 0
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    pushconst "abc"
    pushint 3
    invokestatic .test.arrays get (*,*)*
    invokestatic .test.arrays say (*)void
    pop
    pushconst "abc"
    pushint 0
    pushconst "x"
    invokestatic .test.arrays putc (*,*,*)*
    invokestatic .test.arrays say (*)void
    pop
    pushint -1
    invokestatic .test.arrays make (*)*
    invokestatic .test.arrays say (*)void
    pop
    pushint 268435457
    invokestatic .test.arrays make (*)*
    invokestatic .test.arrays say (*)void
    pop
    load 0
    pushint 268435456
    pushint 1
    invokestatic .test.arrays put (*,*,*)*
    invokestatic .test.arrays say (*)void
    pop
    pushconst "3"
    invokestatic .test.arrays make (*)*
    invokestatic .test.arrays say (*)void
    pop
    pushint 0
    invokestatic .test.arrays make (*)*
    invokestatic .test.arrays say (*)void
    pop
    pushnull
    invokestatic .test.arrays len (*)*
    invokestatic .test.arrays say (*)void
    pop
    pushint 12
    invokestatic .test.arrays len (*)*
    invokestatic .test.arrays say (*)void
    pop
    new .test.arrays
    invokestatic .test.arrays len (*)*
    invokestatic .test.arrays say (*)void
    pop
    ; an immutable array refuses stores
    load 0
    invokeord 14 0
    pop
    load 0
    pushint 0
    pushconst "no"
    invokestatic .test.arrays put (*,*,*)*
    invokestatic .test.arrays say (*)void
    pop
    load 0
    invokestatic .test.arrays say (*)void
    pop
    retvoid
.end
