; truth.pasm - jt, jf and not: null, false and the int 0 are false,
; everything else is true (0L, 0.0, the char 0 and "" included).  jlt and jge compare and jump in one step.
.class .test.truth
.source "truth.ph"

; t(label, v): "label: jt=.. jf=.. not=.."
.method static t (*,*)void
    .locals 3
    load 0
    pushconst ": jt="
    concat
    store 2
    load 1
    jt yes
    load 2
    pushconst "no"
    concat
    store 2
    jmp second
yes:
    load 2
    pushconst "yes"
    concat
    store 2
second:
    load 2
    pushconst " jf="
    concat
    store 2
    load 1
    jf yes2
    load 2
    pushconst "no"
    concat
    store 2
    jmp third
yes2:
    load 2
    pushconst "yes"
    concat
    store 2
third:
    load 2
    pushconst " not="
    concat
    load 1
    not
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

; j(a, b): "a jlt b, a jge b"
.method static j (*,*)void
    load 0
    tostring
    pushconst " vs "
    concat
    load 1
    tostring
    concat
    load 0
    load 1
    jlt less
    pushconst ": not jlt"
    concat
    jmp ge
less:
    pushconst ": jlt"
    concat
ge:
    load 0
    load 1
    jge greq
    pushconst ", not jge"
    concat
    jmp out
greq:
    pushconst ", jge"
    concat
out:
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    pushconst "null"
    pushnull
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "false"
    pushfalse
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "0"
    pushint 0
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "true"
    pushtrue
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "1"
    pushint 1
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "-1"
    pushint -1
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "empty string"
    pushconst ""
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "0L"
    pushconst 0L
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "0.0"
    pushconst 0.0
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "-0.0f"
    pushconst -0.0f
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "char 0"
    pushint 0
    conv char
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "an object"
    new .test.truth
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "an empty array"
    pushint 0
    newarray
    invokestatic .test.truth t (*,*)void
    pop
    pushconst "1 < 2"
    pushint 1
    pushint 2
    lt
    invokestatic .test.truth t (*,*)void
    pop
    pushint 1
    pushint 2
    invokestatic .test.truth j (*,*)void
    pop
    pushint 2
    pushint 2
    invokestatic .test.truth j (*,*)void
    pop
    pushint 3
    pushint 2
    invokestatic .test.truth j (*,*)void
    pop
    pushconst 1099511627776L
    pushint 2
    invokestatic .test.truth j (*,*)void
    pop
    pushconst 1.5
    pushint 2
    invokestatic .test.truth j (*,*)void
    pop
    pushconst doublebits 0x7ff8000000000000
    pushint 2
    invokestatic .test.truth j (*,*)void
    pop
    pushconst "apple"
    pushconst "banana"
    invokestatic .test.truth j (*,*)void
    pop
    pushconst "cherry"
    pushconst "banana"
    invokestatic .test.truth j (*,*)void
    pop
    retvoid
.end
