; exc_in_handler.pasm - exceptions raised inside handlers: a handler's
; code is protected only by the ranges that cover it, so a throw there
; goes to an outer handler of the same method, or to the caller, and the
; first exception is dropped.
.class .test.eih
.source "eih.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; local(): the first handler throws; an outer range of the same method
; covers the handler and catches the second exception
.method static local ()void
    .catch .internal.string from a to b using first
    .catch any from a to c using second
a:
    pushconst "first exception"
    throw
b:
    retvoid
first:
    pushconst "local: handling "
    swap
    concat
    invokestatic .test.eih say (*)void
    pop
    ; a runtime error inside the handler: read a field of null
    pushnull
    getfield .test.eih.box v
    pop
    retvoid
c:
second:
    invokeord 5 0
    pushconst "local: second handler caught "
    swap
    concat
    invokestatic .test.eih say (*)void
    pop
    retvoid
.end

; escape(): the handler throws and nothing in this method covers it
.method static escape ()void
    .catch any from a to b using h
a:
    pushconst "original"
    throw
b:
    retvoid
h:
    pushconst "escape: handling "
    swap
    concat
    invokestatic .test.eih say (*)void
    pop
    pushconst "replacement"
    throw
.end

; caller(): catches what escape() lets out
.method static caller ()void
    .catch any from a to b using h
a:
    invokestatic .test.eih escape ()void
    pop
b:
    retvoid
h:
    pushconst "caller caught "
    swap
    concat
    invokestatic .test.eih say (*)void
    pop
    retvoid
.end

; chain(n): each level catches, and throws a longer message up
.method static chain (*)void
    .catch .internal.string from a to b using h
a:
    load 0
    jt deeper
    pushconst "0"
    throw
deeper:
    load 0
    pushint 1
    sub
    invokestatic .test.eih chain (*)void
    pop
b:
    retvoid
h:
    load 0
    tostring
    concat
    throw
.end

.method static main ()void
    .catch .internal.string from a to b using h
    invokestatic .test.eih local ()void
    pop
    invokestatic .test.eih caller ()void
    pop
a:
    pushint 5
    invokestatic .test.eih chain (*)void
    pop
b:
    retvoid
h:
    pushconst "chain of handlers: "
    swap
    concat
    invokestatic .test.eih say (*)void
    pop
    retvoid
.end

.class .test.eih.box
.field v
