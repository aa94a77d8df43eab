; hello.pasm - the smallest program: a static main that prints a line.
.class .test.hello
.source "hello.ph"

.method static main ()void
    .line 5
    pushconst "hello, world"
    invokestatic .test.hello println (*)void
    pop
    .line 6
    retvoid
.end

; a stand-in for the runtime's println
.method static println (*)void
    retvoid
.end
