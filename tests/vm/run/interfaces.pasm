; interfaces.pasm - an interface implemented by two unrelated classes
; (with different method layouts, so ordinals differ), called through
; invokevirtual on the interface's method: dispatch is by the object's
; class at run time.  A subclass inherits its parent's interfaces; one
; class implements two interfaces.
.interface .test.ifc.greeter
.method abstract greet (*)*
.end
.method abstract name ()*
.end

.interface .test.ifc.sized
.method abstract size ()*
.end

.class .test.ifc.english
.implements .test.ifc.greeter
.method name ()*
    pushconst "english"
    return
.end
.method greet (*)*
    pushconst "Hello, "
    load 1
    concat
    return
.end

; unrelated, with other methods first so its ordinals differ
.class .test.ifc.robot
.implements .test.ifc.sized .test.ifc.greeter
.field id
.method beep ()*
    pushconst "beep"
    return
.end
.method size ()*
    pushint 42
    return
.end
.method greet (*)*
    pushconst "GREETINGS "
    load 1
    invokename toUpperCase 0
    concat
    pushconst " "
    concat
    load 0
    invokevirtual .test.ifc.robot beep ()*
    concat
    return
.end
.method name ()*
    pushconst "robot"
    return
.end

.class .test.ifc.french extends .test.ifc.english
.method greet (*)*
    pushconst "Bonjour, "
    load 1
    concat
    return
.end
.method name ()*
    pushconst "french"
    return
.end

.class .test.ifc
.source "ifc.ph"

; hi(g): talks to g only through the interface
.method static hi (*)void
    load 0
    invokevirtual .test.ifc.greeter name ()*
    pushconst ": "
    concat
    load 0
    pushconst "world"
    invokevirtual .test.ifc.greeter greet (*)*
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 2
    pushint 3
    newarray
    store 0
    load 0
    pushint 0
    new .test.ifc.english
    astore
    load 0
    pushint 1
    new .test.ifc.robot
    astore
    load 0
    pushint 2
    new .test.ifc.french
    astore
    ; the same call site sees all three classes, twice
    pushint 0
    store 1
loop:
    load 0
    load 1
    pushint 3
    rem
    aload
    invokestatic .test.ifc hi (*)void
    pop
    inclocal 1 1
    load 1
    pushint 6
    jlt loop
    ; the second interface of the robot
    pushconst "robot size: "
    load 0
    pushint 1
    aload
    invokevirtual .test.ifc.sized size ()*
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    ; instanceof through interfaces
    pushconst "french instanceof greeter: "
    load 0
    pushint 2
    aload
    instanceof .test.ifc.greeter
    tostring
    concat
    pushconst ", sized: "
    concat
    load 0
    pushint 2
    aload
    instanceof .test.ifc.sized
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
