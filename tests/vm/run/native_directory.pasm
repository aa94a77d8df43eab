; native_directory.pasm - .internal.directory (keys compared by content,
; listed in byte order whatever the order of insertion) and
; .internal.binary, called from bytecode.
.class .test.ndir
.source "ndir.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; put(d, k, v): d.put(k, v), or the exception's text
.method static put (*,*,*)*
    .catch .phantom.RuntimeException from a to b using h
a:
    load 0
    load 1
    load 2
    invokevirtual .internal.directory put (*,*)*
b:
    return
h:
    invokeord 5 0
    return
.end

.method static main ()void
    .locals 3
    new .internal.directory
    store 0
    load 0
    pushconst "pear"
    pushint 3
    invokevirtual .internal.directory put (*,*)*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    pushconst "apple"
    pushint 1
    invokevirtual .internal.directory put (*,*)*
    pop
    load 0
    pushconst "fig"
    pushnull
    invokevirtual .internal.directory put (*,*)*
    pop
    ; a key built at run time finds the constant's entry
    load 0
    pushconst "pe"
    pushconst "ar"
    concat
    pushint 30
    invokevirtual .internal.directory put (*,*)*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    invokestatic .test.ndir say (*)void
    pop
    load 0
    invokevirtual .internal.directory size ()*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    pushconst "fig"
    invokevirtual .internal.directory containsKey (*)*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    pushconst "kiwi"
    invokevirtual .internal.directory get (*)*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    invokevirtual .internal.directory keys ()*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    invokevirtual .internal.directory values ()*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    pushconst "apple"
    invokevirtual .internal.directory remove (*)*
    invokestatic .test.ndir say (*)void
    pop
    load 0
    invokestatic .test.ndir say (*)void
    pop
    load 0
    pushint 5
    pushint 5
    invokestatic .test.ndir put (*,*,*)*
    invokestatic .test.ndir say (*)void
    pop
    ; 100 keys, removed again but for two
    pushint 0
    store 1
fill:
    load 0
    pushconst "k"
    load 1
    tostring
    concat
    load 1
    invokevirtual .internal.directory put (*,*)*
    pop
    inclocal 1 1
    load 1
    pushint 100
    jlt fill
    pushint 0
    store 1
drain:
    load 0
    pushconst "k"
    load 1
    tostring
    concat
    invokevirtual .internal.directory remove (*)*
    pop
    inclocal 1 1
    load 1
    pushint 98
    jlt drain
    load 0
    invokestatic .test.ndir say (*)void
    pop
    load 0
    invokevirtual .internal.directory clear ()*
    pop
    load 0
    invokevirtual .internal.directory isEmpty ()*
    invokestatic .test.ndir say (*)void
    pop
    ; binary
    pushconst "AB"
    invokestatic .internal.binary fromString (*)*
    store 2
    load 2
    pushint 4
    invokevirtual .internal.binary resize (*)*
    pop
    load 2
    pushint 3
    pushint -1
    invokevirtual .internal.binary setByte (*,*)*
    pop
    load 2
    invokestatic .test.ndir say (*)void
    pop
    load 2
    pushint 1
    aload
    invokestatic .test.ndir say (*)void
    pop
    load 2
    pushint 2
    pushint 67
    astore
    load 2
    pushint 3
    invokevirtual .internal.binary resize (*)*
    pop
    load 2
    invokevirtual .internal.binary toText ()*
    invokestatic .test.ndir say (*)void
    pop
    load 2
    alen
    invokestatic .test.ndir say (*)void
    pop
    retvoid
.end
