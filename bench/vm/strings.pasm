; strings.pasm - string building: 1M pieces made by concatenation and
; tostring, joined into one string, then its length.
;
;   array parts = new array();
;   for (int i = 0; i < 1000000; i++) parts.push("item" + i + ";");
;   string s = parts.join("");
;   println(s.length());
.class .bench.strings
.source "strings.ph"

.method static main ()void
    .locals 3
    new .internal.container.array
    store 0                 ; parts
    pushint 0
    store 1                 ; i
    jmp test
body:
    load 0
    pushconst "item"
    load 1
    tostring
    concat
    pushconst ";"
    concat
    invokevirtual .internal.container.array push (*)*
    pop
    inclocal 1 1
test:
    load 1
    pushint 1000000
    jlt body
    load 0
    pushconst ""
    invokevirtual .internal.container.array join (*)*
    store 2                 ; s
    load 2
    invokevirtual .internal.string length ()*
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
