; expect: class .bad.v, method run(*)void, offset 14: falls off the end of the code
; the last reachable instruction must end the flow
.class .bad.v
.method static run (*)void
    .stack 1
    load 0
    jt done
    pushint 1
    pop
done:
    nop
.end
