; class_virtual.pasm - single inheritance with virtual dispatch: a call
; through the base class's method runs the override of the object's
; class; methods not overridden are inherited; an override keeps its
; parent's ordinal, so calls by ordinal dispatch the same way.
.class .test.virt.animal
.field name
.method speak ()*
    pushconst "..."
    return
.end
.method legs ()*
    pushint 4
    return
.end
.method describe ()*
    load 0
    invokevirtual .test.virt.animal kind ()*
    pushconst " with "
    concat
    load 0
    invokevirtual .test.virt.animal legs ()*
    tostring
    concat
    pushconst " legs says "
    concat
    load 0
    invokevirtual .test.virt.animal speak ()*
    concat
    return
.end
.method kind ()*
    pushconst "animal"
    return
.end

.class .test.virt.dog extends .test.virt.animal
.method speak ()*
    pushconst "woof"
    return
.end
.method kind ()*
    pushconst "dog"
    return
.end

.class .test.virt.puppy extends .test.virt.dog
.method speak ()*
    pushconst "yip"
    return
.end

.class .test.virt.bird extends .test.virt.animal
.method legs ()*
    pushint 2
    return
.end
.method kind ()*
    pushconst "bird"
    return
.end
.method speak ()*
    pushconst "tweet"
    return
.end

.class .test.virt
.source "virt.ph"

.method static main ()void
    .locals 2
    pushint 4
    newarray
    store 0
    load 0
    pushint 0
    new .test.virt.animal
    astore
    load 0
    pushint 1
    new .test.virt.dog
    astore
    load 0
    pushint 2
    new .test.virt.puppy
    astore
    load 0
    pushint 3
    new .test.virt.bird
    astore
    pushint 0
    store 1
loop:
    load 0
    load 1
    aload
    invokevirtual .test.virt.animal describe ()*
    invokestatic .internal.io.tty println (*)void
    pop
    inclocal 1 1
    load 1
    pushint 4
    jlt loop
    ; the same calls by ordinal: speak is method 8 of animal and of
    ; every subclass
    pushint 0
    store 1
ords:
    load 0
    load 1
    aload
    invokeord 8 0
    invokestatic .internal.io.tty println (*)void
    pop
    inclocal 1 1
    load 1
    pushint 4
    jlt ords
    ; a call through the subclass's own reference
    new .test.virt.puppy
    invokevirtual .test.virt.dog kind ()*
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
