; objects.pasm - new, newdyn, getfield, putfield, getstatic, putstatic:
; fields start null, subclasses inherit their parent's fields, statics
; are one per class, newdyn makes an object of a class given at run time.
.class abstract .test.obj.shape
.field name
.field static made
.method describe ()*
    load 0
    getfield .test.obj.shape name
    return
.end

.class .test.obj.point extends .test.obj.shape
.field x
.field y
.method ctor point ()void
    load 0
    pushconst "point"
    putfield .test.obj.shape name
    getstatic .test.obj.shape made
    jt counted
    pushint 0
    putstatic .test.obj.shape made
counted:
    getstatic .test.obj.shape made
    pushint 1
    add
    putstatic .test.obj.shape made
    retvoid
.end

.class .test.obj.other
.field z

.class .test.objects
.source "objects.ph"
.field static last

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; mk(c): newdyn c, or the exception's text
.method static mk (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    newdyn
b:
    return
h:
    invokeord 5 0
    return
.end

; getx(o): o.x as a point, or the exception's text
.method static getx (*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    getfield .test.obj.point x
b:
    return
h:
    invokeord 5 0
    return
.end

; setx(o, v): o.x = v; "set" or the exception's text
.method static setx (*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    putfield .test.obj.point x
b:
    pushconst "set"
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 3
    new .test.obj.point
    store 0
    pushconst "fresh point: x="
    load 0
    getfield .test.obj.point x
    tostring
    concat
    pushconst " name="
    concat
    load 0
    getfield .test.obj.shape name
    tostring
    concat
    invokestatic .test.objects say (*)void
    pop
    ; new does not run a constructor: call it
    load 0
    invokespecial .test.obj.point point ()void
    pop
    load 0
    pushint 3
    putfield .test.obj.point x
    load 0
    pushint 4
    putfield .test.obj.point y
    pushconst "after ctor: "
    load 0
    invokevirtual .test.obj.shape describe ()*
    concat
    pushconst " ("
    concat
    load 0
    getfield .test.obj.point x
    tostring
    concat
    pushconst ", "
    concat
    load 0
    getfield .test.obj.point y
    tostring
    concat
    pushconst ")"
    concat
    invokestatic .test.objects say (*)void
    pop
    ; newdyn from a class constant and from getClass()
    pushconst class .test.obj.point
    newdyn
    store 1
    load 1
    invokespecial .test.obj.point point ()void
    pop
    load 0
    invokeord 2 0
    newdyn
    store 2
    load 2
    invokespecial .test.obj.point point ()void
    pop
    load 2
    pushint 30
    putfield .test.obj.point x
    pushconst "newdyn: "
    load 1
    invokevirtual .test.obj.shape describe ()*
    concat
    pushconst " and "
    concat
    load 2
    invokeord 2 0
    tostring
    concat
    pushconst " x="
    concat
    load 2
    getfield .test.obj.point x
    tostring
    concat
    pushconst ", first x still "
    concat
    load 0
    getfield .test.obj.point x
    tostring
    concat
    invokestatic .test.objects say (*)void
    pop
    pushconst "points made: "
    getstatic .test.obj.shape made
    tostring
    concat
    invokestatic .test.objects say (*)void
    pop
    ; statics of different classes are different
    pushconst "objects.last before: "
    getstatic .test.objects last
    tostring
    concat
    invokestatic .test.objects say (*)void
    pop
    load 2
    putstatic .test.objects last
    pushconst "objects.last is the third point: "
    getstatic .test.objects last
    load 2
    refeq
    tostring
    concat
    invokestatic .test.objects say (*)void
    pop
    ; internal classes made by new and newdyn
    new .internal.container.array
    invokestatic .test.objects say (*)void
    pop
    pushconst class .internal.directory
    newdyn
    invokestatic .test.objects say (*)void
    pop
    new .internal.string
    alen
    invokestatic .test.objects say (*)void
    pop
    ; what newdyn refuses
    pushnull
    invokestatic .test.objects mk (*)*
    invokestatic .test.objects say (*)void
    pop
    pushconst "point"
    invokestatic .test.objects mk (*)*
    invokestatic .test.objects say (*)void
    pop
    pushconst class .test.obj.shape
    invokestatic .test.objects mk (*)*
    invokestatic .test.objects say (*)void
    pop
    pushconst class .internal.thread
    invokestatic .test.objects mk (*)*
    invokestatic .test.objects say (*)void
    pop
    pushconst class .internal.int
    invokestatic .test.objects mk (*)*
    invokestatic .test.objects say (*)void
    pop
    ; fields of the wrong object
    new .test.obj.other
    invokestatic .test.objects getx (*)*
    invokestatic .test.objects say (*)void
    pop
    pushnull
    invokestatic .test.objects getx (*)*
    invokestatic .test.objects say (*)void
    pop
    pushconst "str"
    invokestatic .test.objects getx (*)*
    invokestatic .test.objects say (*)void
    pop
    pushnull
    pushint 1
    invokestatic .test.objects setx (*,*)*
    invokestatic .test.objects say (*)void
    pop
    ; an immutable object refuses field stores but still reads
    load 0
    invokeord 14 0
    pop
    load 0
    pushint 99
    invokestatic .test.objects setx (*,*)*
    invokestatic .test.objects say (*)void
    pop
    load 0
    invokestatic .test.objects getx (*)*
    invokestatic .test.objects say (*)void
    pop
    retvoid
.end
