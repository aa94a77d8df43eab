; class_static.pasm - static fields and methods: statics start null, are
; shared by every caller, belong to their class (a subclass's static of
; the same name is another field); static initialisers (<clinit>) of every
; class of the program run before main, in the order of the classes.
.class .test.stat.counter
.field static count
.field static label
.method static <clinit> ()void
    pushint 100
    putstatic .test.stat.counter count
    pushconst "clinit of counter"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
.method static next ()*
    getstatic .test.stat.counter count
    pushint 1
    add
    dup
    putstatic .test.stat.counter count
    return
.end

.class .test.stat.sub extends .test.stat.counter
.field static count
.method static <clinit> ()void
    pushconst "clinit of sub"
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.stat
.source "stat.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static nothing ()void
    retvoid
.end

; fib(n) as a static recursive method
.method static fib (*)*
    load 0
    pushint 2
    jlt small
    load 0
    pushint 1
    sub
    invokestatic .test.stat fib (*)*
    load 0
    pushint 2
    sub
    invokestatic .test.stat fib (*)*
    add
    return
small:
    load 0
    return
.end

.method static main ()void
    pushconst "main starts; count = "
    getstatic .test.stat.counter count
    tostring
    concat
    invokestatic .test.stat say (*)void
    pop
    invokestatic .test.stat.counter next ()*
    pop
    invokestatic .test.stat.counter next ()*
    pop
    pushconst "after two next(): "
    invokestatic .test.stat.counter next ()*
    tostring
    concat
    invokestatic .test.stat say (*)void
    pop
    pushconst "label (never set): "
    getstatic .test.stat.counter label
    tostring
    concat
    invokestatic .test.stat say (*)void
    pop
    pushconst "sub.count is its own: "
    getstatic .test.stat.sub count
    tostring
    concat
    invokestatic .test.stat say (*)void
    pop
    pushint 7
    putstatic .test.stat.sub count
    pushconst "counter.count still "
    getstatic .test.stat.counter count
    tostring
    concat
    pushconst ", sub.count "
    concat
    getstatic .test.stat.sub count
    tostring
    concat
    invokestatic .test.stat say (*)void
    pop
    ; a call of a void method pushes null
    pushconst "a void method returns "
    invokestatic .test.stat nothing ()void
    tostring
    concat
    invokestatic .test.stat say (*)void
    pop
    pushconst "fib(20) = "
    pushint 20
    invokestatic .test.stat fib (*)*
    tostring
    concat
    invokestatic .test.stat say (*)void
    pop
    retvoid
.end
