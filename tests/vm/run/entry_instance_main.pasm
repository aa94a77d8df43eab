; entry_instance_main.pasm - an instance main() as the entry point: an
; object of the class is made, its zero-argument constructor runs, then
; main() runs on it.
.class .test.eim
.source "eim.ph"
.field name

.method ctor eim ()void
    pushconst "constructor"
    invokestatic .internal.io.tty println (*)void
    pop
    load 0
    pushconst "instance main"
    putfield .test.eim name
    retvoid
.end

.method main ()void
    load 0
    getfield .test.eim name
    pushconst " on a "
    concat
    load 0
    invokeord 2 0
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
