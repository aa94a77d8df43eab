; expect: class .bad.v, method run(*)void, offset 3: getfield cannot use constant 1, a utf8 constant
; getfield of constant 1, the class's name (a utf8 constant)
.class .bad.v
.method static run (*)void
    .stack 1
    load 0
    .byte 0x0f 1 0 0 0
    pop
    retvoid
.end
