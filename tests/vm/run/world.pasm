; world.pasm - the .internal.world object: publish and lookup share
; objects by name across the whole world (any thread, any object of the
; class), boots counts the starts of the world (1 for a new one), and
; getMyThread (method 8) is the calling thread.
.class .test.wd.reader
.method run ()void
    new .internal.world
    pushconst "config"
    invokevirtual .internal.world lookup (*)*
    pushconst "reader thread sees: "
    swap
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.class .test.wd
.source "wd.ph"
.method static main ()void
    .locals 2
    new .internal.world
    store 0
    pushconst "boots: "
    load 0
    invokevirtual .internal.world boots ()*
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    pushconst "lookup before publish: "
    load 0
    pushconst "config"
    invokevirtual .internal.world lookup (*)*
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    new .internal.directory
    store 1
    load 1
    pushconst "mode"
    pushconst "fast"
    invokevirtual .internal.directory put (*,*)*
    pop
    load 0
    pushconst "config"
    load 1
    invokevirtual .internal.world publish (*,*)void
    pop
    ; another world object, same world
    pushconst "same object through a new world object: "
    new .internal.world
    pushconst "config"
    invokevirtual .internal.world lookup (*)*
    load 1
    refeq
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    new .test.wd.reader
    invokestatic .internal.thread start (*)*
    invokevirtual .internal.thread join ()void
    pop
    pushconst "getMyThread is current(): "
    load 0
    invokeord 8 0
    invokestatic .internal.thread current ()*
    refeq
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
