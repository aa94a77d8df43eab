; spectralnorm.pasm - the benchmarks-game spectral-norm, N = 500, in the
; shape of spectralnorm.lua (indices from 0); prints the norm times 1e9,
; truncated.  sqrt is the native .internal.math.sqrt; it runs once.
.class .bench.spectralnorm
.source "spectralnorm.ph"

;   static double A(int i, int j) { return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1); }
.method static A (.internal.int,.internal.int).internal.double
    pushconst 1.0
    load 0
    load 1
    add
    load 0
    load 1
    add
    pushint 1
    add
    mul
    pushint 2
    div
    load 0
    add
    pushint 1
    add
    conv double
    div
    return
.end

;   static void Av(array x, array y, int n) {
;       for (int i = 0; i < n; i++) {
;           double a = 0.0;
;           for (int j = 0; j < n; j++) a = a + x[j] * A(i, j);
;           y[i] = a;
;       }
;   }
.method static Av (.internal.container.array,.internal.container.array,.internal.int)void
    .locals 6
    pushint 0
    store 3                 ; i
    jmp itest
ibody:
    pushconst 0.0
    store 4                 ; a
    pushint 0
    store 5                 ; j
    jmp jtest
jbody:
    load 4
    load 0
    load 5
    aload
    load 3
    load 5
    invokestatic .bench.spectralnorm A (.internal.int,.internal.int).internal.double
    mul
    add
    store 4
    inclocal 5 1
jtest:
    load 5
    load 2
    jlt jbody
    load 1
    load 3
    load 4
    astore
    inclocal 3 1
itest:
    load 3
    load 2
    jlt ibody
    retvoid
.end

;   static void Atv(array x, array y, int n): the same with A(j, i)
.method static Atv (.internal.container.array,.internal.container.array,.internal.int)void
    .locals 6
    pushint 0
    store 3                 ; i
    jmp itest
ibody:
    pushconst 0.0
    store 4                 ; a
    pushint 0
    store 5                 ; j
    jmp jtest
jbody:
    load 4
    load 0
    load 5
    aload
    load 5
    load 3
    invokestatic .bench.spectralnorm A (.internal.int,.internal.int).internal.double
    mul
    add
    store 4
    inclocal 5 1
jtest:
    load 5
    load 2
    jlt jbody
    load 1
    load 3
    load 4
    astore
    inclocal 3 1
itest:
    load 3
    load 2
    jlt ibody
    retvoid
.end

;   static void AtAv(array x, array y, array t, int n) { Av(x, t, n); Atv(t, y, n); }
.method static AtAv (.internal.container.array,.internal.container.array,.internal.container.array,.internal.int)void
    load 0
    load 2
    load 3
    invokestatic .bench.spectralnorm Av (.internal.container.array,.internal.container.array,.internal.int)void
    pop
    load 2
    load 1
    load 3
    invokestatic .bench.spectralnorm Atv (.internal.container.array,.internal.container.array,.internal.int)void
    pop
    retvoid
.end


;   int n = 500;
;   array u = new array(n), v = new array(n), t = new array(n);
;   for (int i = 0; i < n; i++) u[i] = 1.0;
;   for (int i = 0; i < 10; i++) { AtAv(u, v, t, n); AtAv(v, u, t, n); }
;   double vBv = 0.0, vv = 0.0;
;   for (int i = 0; i < n; i++) { double ui = u[i], vi = v[i]; vBv = vBv + ui * vi; vv = vv + vi * vi; }
;   println((long)(sqrt(vBv / vv) * 1e9));
.method static main ()void
    .locals 9
    pushint 500
    store 0                 ; n
    load 0
    newarray
    store 1                 ; u
    load 0
    newarray
    store 2                 ; v
    load 0
    newarray
    store 3                 ; t
    pushint 0
    store 4                 ; i
    jmp filltest
fill:
    load 1
    load 4
    pushconst 1.0
    astore
    inclocal 4 1
filltest:
    load 4
    load 0
    jlt fill
    pushint 0
    store 4
    jmp powtest
pow:
    load 1
    load 2
    load 3
    load 0
    invokestatic .bench.spectralnorm AtAv (.internal.container.array,.internal.container.array,.internal.container.array,.internal.int)void
    pop
    load 2
    load 1
    load 3
    load 0
    invokestatic .bench.spectralnorm AtAv (.internal.container.array,.internal.container.array,.internal.container.array,.internal.int)void
    pop
    inclocal 4 1
powtest:
    load 4
    pushint 10
    jlt pow
    pushconst 0.0
    store 5                 ; vBv
    pushconst 0.0
    store 6                 ; vv
    pushint 0
    store 4
    jmp sumtest
sum:
    load 1
    load 4
    aload
    store 7                 ; ui
    load 2
    load 4
    aload
    store 8                 ; vi
    load 5
    load 7
    load 8
    mul
    add
    store 5
    load 6
    load 8
    load 8
    mul
    add
    store 6
    inclocal 4 1
sumtest:
    load 4
    load 0
    jlt sum
    load 5
    load 6
    div
    invokestatic .internal.math sqrt (*).internal.double
    pushconst 1e9
    mul
    conv long
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
