; entry_main_args.pasm - the entry point static main(args) gets an array
; of the command-line arguments (none here); the entry class is the first
; class of the program that declares an entry point, whatever came before.
.class .test.ema.helper
.method static shout (*)*
    load 0
    invokevirtual .internal.string toUpperCase ()*
    return
.end

.class .test.ema
.source "ema.ph"
.method static main (*)void
    pushconst "args: "
    load 0
    tostring
    concat
    pushconst ", an array: "
    concat
    load 0
    instanceof .internal.container.array
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "helper says "
    pushconst "hi"
    invokestatic .test.ema.helper shout (*)*
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; a second class with main: not the entry point
.class .test.ema.other
.method static main ()void
    pushconst "wrong entry point"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
