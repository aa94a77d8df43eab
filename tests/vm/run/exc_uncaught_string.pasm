; exc_uncaught_string.pasm - an uncaught thrown string: its class is
; .internal.string and its text is the message; exit status 1.
.class .test.us
.source "us.ph"

.method static main ()void
    .line 2
    pushconst "partial output"
    invokestatic .internal.io.tty print (*)void
    pop
    .line 3
    invokestatic .test.us fail ()void
    retvoid
.end

.method static fail ()void
    .line 7
    pushconst "something went wrong"
    throw
.end
