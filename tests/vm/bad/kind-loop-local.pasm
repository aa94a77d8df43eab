; expect: class .bad.k, method run(*)*, offset 24: sub on a string
; local 1 is a string on both paths into the loop, so sub can never work
.class .bad.k
.method static run (*)*
    .locals 2
    .stack 2
    pushconst "s"
    store 1
top:
    load 0
    jf done
    load 1
    pushint 1
    sub
    pop
    pushconst "t"
    store 1
    jmp top
done:
    load 1
    return
.end
