; strings.pasm - tostring of every kind of value, concat (of two strings
; only: anything else raises TypeException), add with a string on either
; side (the other operand's built-in text), alen and aload on strings
; (characters, not bytes), and strings as values (equal by content).
.class .test.strings
.source "strings.ph"
.field static greeting

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; cc(a, b): concat a b, or the class of the exception it raises
.method static cc (*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    concat
b:
    return
h:
    invokeord 2 0
    invokevirtual .internal.class getName ()*
    pushconst "concat raised "
    swap
    concat
    return
.end

.method static main ()void
    .locals 3
    pushint -12
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst 9223372036854775807L
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst 2.0
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst 1.5E-4
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst 1e21
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst 100.0f
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushtrue
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushnull
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst "q"
    pushint 0
    aload
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst class .internal.string
    tostring
    invokestatic .test.strings say (*)void
    pop
    ; an array with nested values
    pushint 3
    newarray
    store 0
    load 0
    pushint 0
    pushint 1
    astore
    load 0
    pushint 1
    pushconst "a"
    astore
    pushint 2
    newarray
    store 1
    load 1
    pushint 0
    pushconst 2.5
    astore
    load 0
    pushint 2
    load 1
    astore
    load 0
    tostring
    invokestatic .test.strings say (*)void
    pop
    ; a tostring of a string is the string itself
    pushconst "same"
    dup
    tostring
    refeq
    tostring
    invokestatic .test.strings say (*)void
    pop
    ; concat and add
    pushconst "con"
    pushconst "cat"
    concat
    invokestatic .test.strings say (*)void
    pop
    pushconst "x="
    pushnull
    add
    invokestatic .test.strings say (*)void
    pop
    ; concat takes strings only
    pushconst "x="
    pushnull
    invokestatic .test.strings cc (*,*)*
    invokestatic .test.strings say (*)void
    pop
    pushconst "n="
    pushint 42
    invokestatic .test.strings cc (*,*)*
    invokestatic .test.strings say (*)void
    pop
    new .test.strings
    pushconst "!"
    invokestatic .test.strings cc (*,*)*
    invokestatic .test.strings say (*)void
    pop
    pushconst "a"
    pushconst "b"
    invokestatic .test.strings cc (*,*)*
    invokestatic .test.strings say (*)void
    pop
    pushconst "n="
    pushint 42
    add
    invokestatic .test.strings say (*)void
    pop
    pushint 42
    pushconst " is n"
    add
    invokestatic .test.strings say (*)void
    pop
    pushconst "d="
    pushconst 0.5
    add
    pushconst ", b="
    add
    pushfalse
    add
    invokestatic .test.strings say (*)void
    pop
    pushint 1
    pushint 2
    add
    pushconst "3"
    add
    invokestatic .test.strings say (*)void
    pop
    pushconst ""
    pushconst ""
    concat
    alen
    tostring
    invokestatic .test.strings say (*)void
    pop
    ; lengths and bytes
    pushconst "hello"
    alen
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst "héllo"
    alen
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst "hello"
    pushint 1
    aload
    tostring
    invokestatic .test.strings say (*)void
    pop
    pushconst "hello"
    pushint 4
    aload
    invokeord 2 0
    tostring
    invokestatic .test.strings say (*)void
    pop
    ; built up in a loop: "0123456789"
    pushconst ""
    store 2
    pushint 0
    store 1
loop:
    load 2
    load 1
    tostring
    concat
    store 2
    inclocal 1 1
    load 1
    pushint 10
    jlt loop
    load 2
    invokestatic .test.strings say (*)void
    pop
    ; equal by content, not by identity
    load 2
    pushconst "0123456789"
    eq
    tostring
    pushconst " "
    concat
    load 2
    pushconst "0123456789"
    refeq
    tostring
    concat
    invokestatic .test.strings say (*)void
    pop
    ; a static field holding a string
    pushconst "hi there"
    putstatic .test.strings greeting
    getstatic .test.strings greeting
    invokestatic .test.strings say (*)void
    pop
    retvoid
.end
