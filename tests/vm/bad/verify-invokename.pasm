; expect: class .bad.v, method run(*)void, offset 3: invokename: constant 7 is not a method name
; invokename's constant must be a method name
.class .bad.v
.method static run (*)void
    .stack 1
    load 0
    invokename a.b 0
    pop
    retvoid
.end
