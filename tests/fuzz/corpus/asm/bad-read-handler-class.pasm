; expect: t.phc: class .bad.r: method run: a handler's class is constant 7, a utf8 constant, not a class constant (offset 175)
; mutate: u32 175 7
.class .bad.r
.method static run ()void
    .catch .phantom.Exception from a to b using h
a:  nop
b:  retvoid
h:  pop
    retvoid
.end
