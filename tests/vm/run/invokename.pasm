; invokename.pasm - calls by name and argument count on receivers whose
; class is known only at run time: user objects, strings, arrays,
; directories and immediate values (5.toString() runs in .internal.int).
.class .test.byname.duck
.method quack ()*
    pushconst "Quack!"
    return
.end
.method add (*,*)*
    load 1
    load 2
    add
    return
.end
.method toString ()* ordinal 5
    pushconst "a duck"
    return
.end

.class .test.byname.robot
.method quack ()*
    pushconst "BEEP-QUACK"
    return
.end

.class .test.byname
.source "byname.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 2
    ; duck typing: two unrelated classes, one call site
    pushint 2
    newarray
    store 0
    load 0
    pushint 0
    new .test.byname.duck
    astore
    load 0
    pushint 1
    new .test.byname.robot
    astore
    pushint 0
    store 1
loop:
    load 0
    load 1
    aload
    invokename quack 0
    invokestatic .test.byname say (*)void
    pop
    inclocal 1 1
    load 1
    pushint 2
    jlt loop
    ; arguments
    load 0
    pushint 0
    aload
    pushint 20
    pushint 22
    invokename add 2
    invokestatic .test.byname say (*)void
    pop
    ; toString by name: written in Phantom, and native
    load 0
    pushint 0
    aload
    invokename toString 0
    invokestatic .test.byname say (*)void
    pop
    pushint 5
    invokename toString 0
    invokestatic .test.byname say (*)void
    pop
    pushconst 2.5
    invokename toString 0
    invokestatic .test.byname say (*)void
    pop
    pushtrue
    invokename toString 0
    invokestatic .test.byname say (*)void
    pop
    pushconst 1152921504606846976L
    invokename toString 0
    invokestatic .test.byname say (*)void
    pop
    ; methods of the value classes
    pushint 5
    pushconst 7.5
    invokename compareTo 1
    invokestatic .test.byname say (*)void
    pop
    pushconst 7.9
    invokename toInt 0
    invokestatic .test.byname say (*)void
    pop
    pushint 5
    invokename getClass 0
    invokestatic .test.byname say (*)void
    pop
    pushint 5
    pushconst 5.0
    invokename equals 1
    invokestatic .test.byname say (*)void
    pop
    ; strings, arrays, directories
    pushconst "hello"
    invokename length 0
    invokestatic .test.byname say (*)void
    pop
    pushconst "hello"
    pushint 1
    pushint 3
    invokename substring 2
    invokestatic .test.byname say (*)void
    pop
    pushconst "a-b-c"
    pushconst "-"
    invokename split 1
    dup
    invokename size 0
    invokestatic .test.byname say (*)void
    pop
    pushconst "+"
    invokename join 1
    invokestatic .test.byname say (*)void
    pop
    new .internal.directory
    dup
    pushconst "k"
    pushint 1
    invokename put 2
    pop
    pushconst "k"
    invokename get 1
    invokestatic .test.byname say (*)void
    pop
    ; a class object answers too
    pushconst class .test.byname.duck
    invokename getName 0
    invokestatic .test.byname say (*)void
    pop
    retvoid
.end
