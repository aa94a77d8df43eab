; native_array.pasm - the native methods of .internal.container.array
; (set takes the value first, as in the original), mixed with the
; interpreter's aload/astore/alen on the same array.
.class .test.narr
.source "narr.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; try(a, name, arg): a.name(arg) by name, or the exception's text
.method static try1 (*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    invokevirtual .internal.container.array get (*)*
b:
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 2
    new .internal.container.array
    store 0
    load 0
    pushint 30
    invokevirtual .internal.container.array push (*)*
    pop
    load 0
    pushint 10
    invokevirtual .internal.container.array add (*)*
    pop
    load 0
    pushconst 20.5
    invokevirtual .internal.container.array push (*)*
    pop
    load 0
    invokestatic .test.narr say (*)void
    pop
    load 0
    pushint 1
    pushint 5
    invokevirtual .internal.container.array insert (*,*)*
    pop
    load 0
    invokestatic .test.narr say (*)void
    pop
    load 0
    invokevirtual .internal.container.array sort ()*
    pop
    load 0
    invokestatic .test.narr say (*)void
    pop
    ; set(value, index) past the end grows with nulls
    load 0
    pushconst "last"
    pushint 6
    invokevirtual .internal.container.array set (*,*)*
    pop
    load 0
    invokestatic .test.narr say (*)void
    pop
    pushconst "size "
    load 0
    invokevirtual .internal.container.array size ()*
    tostring
    concat
    pushconst ", alen "
    concat
    load 0
    alen
    tostring
    concat
    invokestatic .test.narr say (*)void
    pop
    load 0
    invokevirtual .internal.container.array pop ()*
    invokestatic .test.narr say (*)void
    pop
    load 0
    pushint 4
    invokevirtual .internal.container.array removeAt (*)*
    invokestatic .test.narr say (*)void
    pop
    load 0
    invokestatic .test.narr say (*)void
    pop
    load 0
    pushint 20
    invokevirtual .internal.container.array indexOf (*)*
    invokestatic .test.narr say (*)void
    pop
    load 0
    pushconst 20.5
    invokevirtual .internal.container.array contains (*)*
    invokestatic .test.narr say (*)void
    pop
    load 0
    pushint 1
    pushint 3
    invokevirtual .internal.container.array slice (*,*)*
    invokestatic .test.narr say (*)void
    pop
    load 0
    pushconst " | "
    invokevirtual .internal.container.array join (*)*
    invokestatic .test.narr say (*)void
    pop
    ; iterator() is a snapshot: later changes do not show in it
    load 0
    invokevirtual .internal.container.array iterator ()*
    store 1
    load 0
    invokevirtual .internal.container.array clear ()*
    pop
    pushconst "after clear: "
    load 0
    tostring
    concat
    pushconst ", snapshot: "
    concat
    load 1
    tostring
    concat
    invokestatic .test.narr say (*)void
    pop
    ; strings sort by bytes
    pushconst "pear,apple,fig,Banana"
    pushconst ","
    invokevirtual .internal.string split (*)*
    dup
    invokevirtual .internal.container.array sort ()*
    pop
    invokestatic .test.narr say (*)void
    pop
    ; errors
    load 1
    pushint 9
    invokestatic .test.narr try1 (*,*)*
    invokestatic .test.narr say (*)void
    pop
    load 1
    pushconst "0"
    invokestatic .test.narr try1 (*,*)*
    invokestatic .test.narr say (*)void
    pop
    load 1
    pushint 0
    invokestatic .test.narr try1 (*,*)*
    invokestatic .test.narr say (*)void
    pop
    retvoid
.end
