; class_super.pasm - super calls: invokespecial runs exactly the named
; method, not the override, so an override can extend its parent's
; method; a grandchild can skip a level.
.class .test.sup.base
.method greet (*)*
    pushconst "hello "
    load 1
    concat
    return
.end
.method who ()*
    pushconst "base"
    return
.end

.class .test.sup.mid extends .test.sup.base
.method greet (*)*
    load 0
    load 1
    invokespecial .test.sup.base greet (*)*
    pushconst " from mid"
    concat
    return
.end
.method who ()*
    pushconst "mid/"
    load 0
    invokespecial .test.sup.base who ()*
    concat
    return
.end

.class .test.sup.top extends .test.sup.mid
.method greet (*)*
    load 0
    load 1
    invokespecial .test.sup.mid greet (*)*
    pushconst " and top"
    concat
    return
.end
.method who ()*
    pushconst "top/"
    load 0
    invokespecial .test.sup.mid who ()*
    concat
    return
.end
; skips mid: calls base's greet directly
.method plain (*)*
    load 0
    load 1
    invokespecial .test.sup.base greet (*)*
    return
.end

.class .test.sup
.source "sup.ph"

.method static say (*)void
    load 0
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    .locals 1
    new .test.sup.top
    store 0
    load 0
    pushconst "world"
    invokevirtual .test.sup.base greet (*)*
    invokestatic .test.sup say (*)void
    pop
    load 0
    invokevirtual .test.sup.base who ()*
    invokestatic .test.sup say (*)void
    pop
    load 0
    pushconst "there"
    invokevirtual .test.sup.top plain (*)*
    invokestatic .test.sup say (*)void
    pop
    new .test.sup.mid
    pushconst "mid"
    invokevirtual .test.sup.base greet (*)*
    invokestatic .test.sup say (*)void
    pop
    ; invokespecial from outside the hierarchy: the named method, always
    load 0
    invokespecial .test.sup.base who ()*
    invokestatic .test.sup say (*)void
    pop
    retvoid
.end
