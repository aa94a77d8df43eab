; arith_long.pasm - 64-bit longs: small ones are immediates, those beyond
; 48 bits are boxed, and nothing else tells them apart.  Ints meeting longs
; become longs; longs wrap at 64 bits.
.class .test.arith_long
.source "arith_long.ph"

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
    .locals 3
    pushconst "2147483647 + 1L"
    pushint 2147483647
    pushconst 1L
    add
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "2^47 - 1 + 1 (crosses 48 bits)"
    pushconst 140737488355327L
    pushconst 1L
    add
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "-2^47 - 1"
    pushconst -140737488355328L
    pushint 1
    sub
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "2^40 * 2^20"
    pushconst 1099511627776L
    pushint 1048576
    mul
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "Long.MAX + 1"
    pushconst 9223372036854775807L
    pushint 1
    add
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "Long.MIN - 1"
    pushconst -9223372036854775808L
    pushconst 1L
    sub
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "3037000500L * 3037000500L"
    pushconst 3037000500L
    pushconst 3037000500L
    mul
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "1000000007L * 1000000009L"
    pushconst 1000000007L
    pushconst 1000000009L
    mul
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "-7L / 2"
    pushconst -7L
    pushint 2
    div
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "-7L % 2"
    pushconst -7L
    pushint 2
    rem
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "10^18 / 7"
    pushconst 1000000000000000000L
    pushint 7
    div
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "10^18 % 7"
    pushconst 1000000000000000000L
    pushint 7
    rem
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "Long.MIN / -1"
    pushconst -9223372036854775808L
    pushconst -1L
    div
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "-(Long.MIN)"
    pushconst -9223372036854775808L
    neg
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "-(2^50)"
    pushconst 1125899906842624L
    neg
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "-(5L)"
    pushconst 5L
    neg
    invokestatic .test.arith_long p (*,*)void
    pop
    ; 2^62 by doubling a long 62 times
    pushconst 1L
    store 0
    pushint 0
    store 1
dbl:
    load 0
    load 0
    add
    store 0
    inclocal 1 1
    load 1
    pushint 62
    jlt dbl
    pushconst "2^62 by doubling"
    load 0
    invokestatic .test.arith_long p (*,*)void
    pop
    ; and halving it back down past 48 bits
    pushconst "2^62 / 2^20"
    load 0
    pushint 1048576
    div
    invokestatic .test.arith_long p (*,*)void
    pop
    ; boxed and immediate longs compare and equal by value
    pushconst "2^62 == 4611686018427387904L"
    load 0
    pushconst 4611686018427387904L
    eq
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "2^62 > 2^62 - 1"
    load 0
    load 0
    pushint 1
    sub
    gt
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "class of 2^62"
    load 0
    invokeord 2 0
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "class of 5L"
    pushconst 5L
    invokeord 2 0
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "class of 2147483647 + 1L"
    pushint 2147483647
    pushconst 1L
    add
    invokeord 2 0
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "2^62 instanceof .internal.long"
    load 0
    instanceof .internal.long
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "inclocal on a long: 2^48 - 2 + 3"
    pushconst 281474976710654L
    invokestatic .test.arith_long id (*)*
    store 2
    inclocal 2 3
    load 2
    invokestatic .test.arith_long p (*,*)void
    pop
    pushconst "2^48 hashCode == 2^48 as double hashCode"
    pushconst 281474976710656L
    invokeord 15 0
    pushconst 281474976710656.0
    invokeord 15 0
    eq
    invokestatic .test.arith_long p (*,*)void
    pop
    retvoid
.end

; the identity: its result's kind is unknown to the verifier
.method static id (*)*
    load 0
    return
.end
