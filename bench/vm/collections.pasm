; collections.pasm - 1M array appends and 1M reads, then 1M directory puts
; and 1M directory gets with string keys.
;
;   int n = 1000000;
;   array a = new array();
;   for (int i = 0; i < n; i++) a.push(i % 1000);
;   int s = 0;
;   for (int i = 0; i < n; i++) s = s + a[i];
;   directory d = new directory();
;   for (int i = 0; i < n; i++) d.put("k" + i, i % 1000);
;   for (int i = 0; i < n; i++) s = s + d.get("k" + i);
;   println(s);
.class .bench.collections
.source "collections.ph"

.method static main ()void
    .locals 5
    pushint 1000000
    store 0                 ; n
    new .internal.container.array
    store 1                 ; a
    pushint 0
    store 2                 ; i
    jmp pushtest
pushloop:
    load 1
    load 2
    pushint 1000
    rem
    invokevirtual .internal.container.array push (*)*
    pop
    inclocal 2 1
pushtest:
    load 2
    load 0
    jlt pushloop
    pushint 0
    store 3                 ; s
    pushint 0
    store 2
    jmp gettest
getloop:
    load 3
    load 1
    load 2
    aload
    add
    store 3
    inclocal 2 1
gettest:
    load 2
    load 0
    jlt getloop
    new .internal.directory
    store 4                 ; d
    pushint 0
    store 2
    jmp puttest
putloop:
    load 4
    pushconst "k"
    load 2
    tostring
    concat
    load 2
    pushint 1000
    rem
    invokevirtual .internal.directory put (*,*)*
    pop
    inclocal 2 1
puttest:
    load 2
    load 0
    jlt putloop
    pushint 0
    store 2
    jmp dgettest
dgetloop:
    load 3
    load 4
    pushconst "k"
    load 2
    tostring
    concat
    invokevirtual .internal.directory get (*)*
    add
    store 3
    inclocal 2 1
dgettest:
    load 2
    load 0
    jlt dgetloop
    load 3
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
