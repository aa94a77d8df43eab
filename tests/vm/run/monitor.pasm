; monitor.pasm - monitorenter and monitorexit in one thread: monitors
; are reentrant, one per object; exiting a monitor not held, and
; synchronizing on null or a value, raise.
.class .test.monitor
.source "monitor.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; enter(o): "entered" or the exception's text
.method static enter (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    monitorenter
b:
    pushconst "entered"
    return
h:
    invokeord 5 0
    return
.end

; leave(o): "left" or the exception's text
.method static leave (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    monitorexit
b:
    pushconst "left"
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 2
    new .test.monitor
    store 0
    new .test.monitor
    store 1
    ; nested three times on one object, and another object inside
    load 0
    monitorenter
    load 0
    monitorenter
    load 1
    monitorenter
    load 0
    monitorenter
    pushconst "inside three monitors of one object and one of another"
    invokestatic .test.monitor say (*)void
    pop
    load 0
    monitorexit
    load 1
    monitorexit
    load 0
    monitorexit
    load 0
    monitorexit
    pushconst "all released"
    invokestatic .test.monitor say (*)void
    pop
    ; one more exit is one too many
    load 0
    invokestatic .test.monitor leave (*)*
    invokestatic .test.monitor say (*)void
    pop
    load 1
    invokestatic .test.monitor leave (*)*
    invokestatic .test.monitor say (*)void
    pop
    pushnull
    invokestatic .test.monitor enter (*)*
    invokestatic .test.monitor say (*)void
    pop
    pushint 5
    invokestatic .test.monitor enter (*)*
    invokestatic .test.monitor say (*)void
    pop
    ; strings and arrays are objects: they have monitors
    pushconst "lock"
    invokestatic .test.monitor enter (*)*
    invokestatic .test.monitor say (*)void
    pop
    pushconst "lock"
    invokestatic .test.monitor leave (*)*
    invokestatic .test.monitor say (*)void
    pop
    ; many objects, each with its own monitor (the table grows)
    pushint 0
    store 1
more:
    new .test.monitor
    dup
    monitorenter
    monitorexit
    inclocal 1 1
    load 1
    pushint 200
    jlt more
    pushconst "200 more monitors used"
    invokestatic .test.monitor say (*)void
    pop
    ; the first object's monitor is still free and still its own
    load 0
    invokestatic .test.monitor enter (*)*
    invokestatic .test.monitor say (*)void
    pop
    load 0
    invokestatic .test.monitor leave (*)*
    invokestatic .test.monitor say (*)void
    pop
    retvoid
.end
