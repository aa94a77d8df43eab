; orig_boot.pasm - an original-style program: no main, an instance method
; run(boot) as the entry point.  It prints through the boot object's
; method 16 (consolePrint) and through a console made with
; new .internal.io.tty and its method 17 (putws); neither adds a newline.
; boot.8 (loadClass) finds classes by name.  Calls are by ordinal, as the
; original compiler made them.
.class .test.orig.hello
.source "hello.ph"
.field boot
.field greeting

; the zero-argument constructor runs before run(boot)
.method ctor hello ()void
    load 0
    pushconst "Hello"
    putfield .test.orig.hello greeting
    retvoid
.end

.method run (*)void
    .locals 3
    load 0
    load 1
    putfield .test.orig.hello boot
    load 1
    load 0
    getfield .test.orig.hello greeting
    pushconst " from boot.16\n"
    invokeord 10 1
    invokeord 16 1
    pop
    new .internal.io.tty
    store 2
    load 2
    pushconst "Hello from a console's putws, "
    invokeord 17 1
    pop
    load 2
    pushconst "without a newline until now\n"
    invokeord 17 1
    pop
    ; numbers are printed as their text
    load 1
    pushint 42
    invokeord 16 1
    pop
    load 1
    pushconst "\n"
    invokeord 16 1
    pop
    ; loadClass: a class by name, then an object of it
    load 1
    pushconst ".test.orig.helper"
    invokeord 8 1
    dup
    invokeord 5 0
    pushconst "\n"
    invokeord 10 1
    load 1
    swap
    invokeord 16 1
    pop
    newdyn
    load 1
    invokeord 8 1
    pop
    load 1
    pushconst ".no.such.class"
    invokeord 8 1
    tostring
    pushconst "\n"
    invokeord 10 1
    load 1
    swap
    invokeord 16 1
    pop
    ; the boot object's class
    load 1
    invokeord 2 0
    tostring
    pushconst "\n"
    invokeord 10 1
    load 2
    swap
    invokeord 17 1
    pop
    retvoid
.end

.class .test.orig.helper
.method help (*)void
    load 1
    pushconst "helper.8 called with the boot object\n"
    invokeord 16 1
    pop
    retvoid
.end
