; bits.pasm - shifts (count masked to 5 bits for ints, 6 for longs; the
; left operand decides the width), and, or, xor, not on ints, longs and
; bools.
.class .test.bits
.source "bits.ph"

.method static p (*,*)void
    load 0
    pushconst " = "
    concat
    load 1
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end

.method static main ()void
    pushconst "1 << 4"
    pushint 1
    pushint 4
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1 << 31"
    pushint 1
    pushint 31
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1 << 32"
    pushint 1
    pushint 32
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1 << 33"
    pushint 1
    pushint 33
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1 << -1"
    pushint 1
    pushint -1
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1L << 33"
    pushconst 1L
    pushint 33
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1L << 63"
    pushconst 1L
    pushint 63
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1L << 64"
    pushconst 1L
    pushint 64
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "1 << 33L"
    pushint 1
    pushconst 33L
    shl
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "-16 >> 2"
    pushint -16
    pushint 2
    shr
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "-16 >>> 28"
    pushint -16
    pushint 28
    ushr
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "-1 >>> 0"
    pushint -1
    pushint 0
    ushr
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "-16L >> 2"
    pushconst -16L
    pushint 2
    shr
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "-1L >>> 60"
    pushconst -1L
    pushint 60
    ushr
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "-1L >>> 1"
    pushconst -1L
    pushint 1
    ushr
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "0x7fffffff >> 30"
    pushint 0x7fffffff
    pushint 30
    shr
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "12 & 10"
    pushint 12
    pushint 10
    band
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "12 | 10"
    pushint 12
    pushint 10
    bor
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "12 ^ 10"
    pushint 12
    pushint 10
    bxor
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "~0"
    pushint 0
    bnot
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "~2147483647"
    pushint 2147483647
    bnot
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "~5L"
    pushconst 5L
    bnot
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "~(2^50)"
    pushconst 1125899906842624L
    bnot
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "-1 & 2^40 (int meets long)"
    pushint -1
    pushconst 1099511627776L
    band
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "0xff00ff00ff00L | 0xff"
    pushconst 0xff00ff00ff00L
    pushint 255
    bor
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "2^60 ^ -1L"
    pushconst 1152921504606846976L
    pushconst -1L
    bxor
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "true & false"
    pushtrue
    pushfalse
    band
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "true | false"
    pushtrue
    pushfalse
    bor
    invokestatic .test.bits p (*,*)void
    pop
    pushconst "true ^ true"
    pushtrue
    pushtrue
    bxor
    invokestatic .test.bits p (*,*)void
    pop
    retvoid
.end
