; native_string.pasm - the native methods of .internal.string called from
; bytecode (by descriptor, by name and by ordinal), and the exceptions
; they raise.
.class .test.nstr
.source "nstr.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; toint(s): s.toInt(), or the exception's text
.method static toint (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    invokevirtual .internal.string toInt ()*
b:
    return
h:
    invokeord 5 0
    return
.end

; sub(s, i, n): s.substring(i, n), or the exception's text
.method static sub (*,*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    load 2
    invokevirtual .internal.string substring (*,*)*
b:
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 1
    pushconst "  Hello, Phantom World  "
    invokevirtual .internal.string trim ()*
    store 0
    load 0
    invokestatic .test.nstr say (*)void
    pop
    load 0
    invokevirtual .internal.string length ()*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushint 7
    pushint 7
    invokevirtual .internal.string substring (*,*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushint 4
    invokevirtual .internal.string charAt (*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "o"
    invokevirtual .internal.string indexOf (*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "o"
    pushint 5
    invokevirtual .internal.string indexOf (*,*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "o"
    invokevirtual .internal.string lastIndexOf (*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "xyz"
    invokevirtual .internal.string strstr (*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    invokevirtual .internal.string toUpperCase ()*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    invokevirtual .internal.string toLowerCase ()*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "o"
    pushconst "0"
    invokevirtual .internal.string replace (*,*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "Hello"
    invokevirtual .internal.string startsWith (*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "World"
    invokevirtual .internal.string endsWith (*)*
    invokestatic .test.nstr say (*)void
    pop
    load 0
    pushconst "Phan"
    invokevirtual .internal.string contains (*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "a,,b,"
    pushconst ","
    invokevirtual .internal.string split (*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "apple"
    pushconst "banana"
    invokevirtual .internal.string compareTo (*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst ""
    invokevirtual .internal.string isEmpty ()*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "con"
    pushconst "cat"
    invokeord 10 1
    invokestatic .test.nstr say (*)void
    pop
    pushconst "[1, 2.5, \"x\", {\"k\": true}]"
    invokevirtual .internal.string parseJson ()*
    invokestatic .test.nstr say (*)void
    pop
    pushconst " 42 "
    invokestatic .test.nstr toint (*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "-2147483648"
    invokestatic .test.nstr toint (*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "12abc"
    invokestatic .test.nstr toint (*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "1.5e3"
    invokevirtual .internal.string toDouble ()*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "hello world"
    pushint 6
    pushint 6
    invokestatic .test.nstr sub (*,*,*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "hello"
    pushconst "1"
    pushint 1
    invokestatic .test.nstr sub (*,*,*)*
    invokestatic .test.nstr say (*)void
    pop
    pushconst "hello"
    pushint 0
    pushint -1
    invokestatic .test.nstr sub (*,*,*)*
    invokestatic .test.nstr say (*)void
    pop
    retvoid
.end
