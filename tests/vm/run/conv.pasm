; conv.pasm - conv to int, long, float, double, char and bool from every
; numeric kind: truncation toward zero, saturation, NaN to 0, the low
; bits of longs, chars as code points; bool is truthiness.  Converting a
; non-number (a string, null, a bool) raises .phantom.TypeException.
.class .test.conv
.source "conv.ph"

; p(label, v): "label = v (class)"
.method static p (*,*)void
    load 0
    pushconst " = "
    concat
    load 1
    tostring
    concat
    pushconst " ("
    concat
    load 1
    invokeord 2 0
    invokename getName 0
    concat
    pushconst ")"
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static id (*)*
    load 0
    return
.end

; convstr(): converts a string to int; the exception's text or the result
.method static convstr (*)*
    .catch .phantom.TypeException from a to b using h
a:
    load 0
    invokestatic .test.conv id (*)*
    conv int
b:
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    pushconst "int 7 -> long"
    pushint 7
    conv long
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "int -7 -> float"
    pushint -7
    conv float
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "int 16777217 -> float"
    pushint 16777217
    conv float
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "int 7 -> double"
    pushint 7
    conv double
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "int 65 -> char"
    pushint 65
    conv char
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "int 233 -> char"
    pushint 233
    conv char
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "int 0 -> bool"
    pushint 0
    conv bool
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "int 2 -> bool"
    pushint 2
    conv bool
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "long 2^32 + 5 -> int"
    pushconst 4294967301L
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "long 2^31 -> int"
    pushconst 2147483648L
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "long 2^62 + 3 -> int"
    pushconst 4611686018427387907L
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "long 2^53 + 1 -> double"
    pushconst 9007199254740993L
    conv double
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 3.99 -> int"
    pushconst 3.99
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double -3.99 -> int"
    pushconst -3.99
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 1e20 -> int"
    pushconst 1e20
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double -1e20 -> int"
    pushconst -1e20
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double NaN -> int"
    pushconst doublebits 0x7ff8000000000000
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 1e20 -> long"
    pushconst 1e20
    conv long
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double -Infinity -> long"
    pushconst doublebits 0xfff0000000000000
    conv long
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 1e15 + 0.5 -> long"
    pushconst 1000000000000000.5
    conv long
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 0.1 -> float"
    pushconst 0.1
    conv float
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 1e40 -> float"
    pushconst 1e40
    conv float
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 97.9 -> char"
    pushconst 97.9
    conv char
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "float 0.1f -> double"
    pushconst 0.1f
    conv double
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "float -2.5f -> int"
    pushconst -2.5f
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "float 3e9f -> int"
    pushconst 3e9f
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "float 3e9f -> long"
    pushconst 3e9f
    conv long
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "char 'z' -> int"
    pushconst "z"
    pushint 0
    aload
    conv int
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "char 'z' -> double"
    pushconst "z"
    pushint 0
    aload
    conv double
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "null -> bool"
    pushnull
    conv bool
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "string -> bool"
    pushconst "x"
    invokestatic .test.conv id (*)*
    conv bool
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "string \"12\" -> int"
    pushconst "12"
    invokestatic .test.conv convstr (*)*
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "null -> int"
    pushnull
    invokestatic .test.conv convstr (*)*
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "bool true -> int"
    pushtrue
    invokestatic .test.conv convstr (*)*
    invokestatic .test.conv p (*,*)void
    pop
    pushconst "double 0.0 -> bool"
    pushconst 0.0
    conv bool
    invokestatic .test.conv p (*,*)void
    pop
    retvoid
.end
