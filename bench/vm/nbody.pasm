; nbody.pasm - the benchmarks-game n-body, 500k steps, in the shape of
; nbody.lua (same operations in the same order, so the same doubles);
; prints the energy before and after, times 1e9, truncated.
;
; sqrt is the native .internal.math.sqrt, as Lua's math.sqrt is native.
.class .bench.nbody.body
.source "nbody.ph"
.field x : .internal.double
.field y : .internal.double
.field z : .internal.double
.field vx : .internal.double
.field vy : .internal.double
.field vz : .internal.double
.field mass : .internal.double

;   body(double x, double y, double z, double vx, double vy, double vz, double mass)
.method ctor body (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double)void
    load 0
    load 1
    putfield .bench.nbody.body x
    load 0
    load 2
    putfield .bench.nbody.body y
    load 0
    load 3
    putfield .bench.nbody.body z
    load 0
    load 4
    putfield .bench.nbody.body vx
    load 0
    load 5
    putfield .bench.nbody.body vy
    load 0
    load 6
    putfield .bench.nbody.body vz
    load 0
    load 7
    putfield .bench.nbody.body mass
    retvoid
.end

.class .bench.nbody
.source "nbody.ph"
.field static SOLAR_MASS : .internal.double
.field static DAYS_PER_YEAR : .internal.double


;   static void advance(array bodies, int nbody, double dt)
.method static advance (.internal.container.array,.internal.int,.internal.double)void
    .locals 20
    pushint 0
    store 3                 ; i
    jmp itest
ibody:
    load 0
    load 3
    aload
    store 4                 ; bi
    load 4
    getfield .bench.nbody.body x
    store 5                 ; bix
    load 4
    getfield .bench.nbody.body y
    store 6                 ; biy
    load 4
    getfield .bench.nbody.body z
    store 7                 ; biz
    load 4
    getfield .bench.nbody.body mass
    store 8                 ; bimass
    load 4
    getfield .bench.nbody.body vx
    store 9                 ; bivx
    load 4
    getfield .bench.nbody.body vy
    store 10                ; bivy
    load 4
    getfield .bench.nbody.body vz
    store 11                ; bivz
    load 3
    pushint 1
    add
    store 12                ; j
    jmp jtest
jbody:
    load 0
    load 12
    aload
    store 13                ; bj
    load 5
    load 13
    getfield .bench.nbody.body x
    sub
    store 14                ; dx
    load 6
    load 13
    getfield .bench.nbody.body y
    sub
    store 15                ; dy
    load 7
    load 13
    getfield .bench.nbody.body z
    sub
    store 16                ; dz
    load 14
    load 14
    mul
    load 15
    load 15
    mul
    add
    load 16
    load 16
    mul
    add
    store 17                ; d2
    load 17
    invokestatic .internal.math sqrt (*).internal.double
    store 18                ; mag
    load 2
    load 18
    load 17
    mul
    div
    store 18                ; mag = dt / (mag * d2)
    load 13
    getfield .bench.nbody.body mass
    load 18
    mul
    store 19                ; bm
    load 9
    load 14
    load 19
    mul
    sub
    store 9
    load 10
    load 15
    load 19
    mul
    sub
    store 10
    load 11
    load 16
    load 19
    mul
    sub
    store 11
    load 8
    load 18
    mul
    store 19                ; bm = bimass * mag
    load 13
    load 13
    getfield .bench.nbody.body vx
    load 14
    load 19
    mul
    add
    putfield .bench.nbody.body vx
    load 13
    load 13
    getfield .bench.nbody.body vy
    load 15
    load 19
    mul
    add
    putfield .bench.nbody.body vy
    load 13
    load 13
    getfield .bench.nbody.body vz
    load 16
    load 19
    mul
    add
    putfield .bench.nbody.body vz
    inclocal 12 1
jtest:
    load 12
    load 1
    jlt jbody
    load 4
    load 9
    putfield .bench.nbody.body vx
    load 4
    load 10
    putfield .bench.nbody.body vy
    load 4
    load 11
    putfield .bench.nbody.body vz
    load 4
    load 5
    load 2
    load 9
    mul
    add
    putfield .bench.nbody.body x
    load 4
    load 6
    load 2
    load 10
    mul
    add
    putfield .bench.nbody.body y
    load 4
    load 7
    load 2
    load 11
    mul
    add
    putfield .bench.nbody.body z
    inclocal 3 1
itest:
    load 3
    load 1
    jlt ibody
    retvoid
.end

;   static double energy(array bodies, int nbody)
.method static energy (.internal.container.array,.internal.int).internal.double
    .locals 14
    pushconst 0.0
    store 2                 ; e
    pushint 0
    store 3                 ; i
    jmp itest
ibody:
    load 0
    load 3
    aload
    store 4                 ; bi
    load 4
    getfield .bench.nbody.body vx
    store 5                 ; vx
    load 4
    getfield .bench.nbody.body vy
    store 6                 ; vy
    load 4
    getfield .bench.nbody.body vz
    store 7                 ; vz
    load 4
    getfield .bench.nbody.body mass
    store 8                 ; bim
    load 2
    pushconst 0.5
    load 8
    mul
    load 5
    load 5
    mul
    load 6
    load 6
    mul
    add
    load 7
    load 7
    mul
    add
    mul
    add
    store 2
    load 3
    pushint 1
    add
    store 9                 ; j
    jmp jtest
jbody:
    load 0
    load 9
    aload
    store 10                ; bj
    load 4
    getfield .bench.nbody.body x
    load 10
    getfield .bench.nbody.body x
    sub
    store 11                ; dx
    load 4
    getfield .bench.nbody.body y
    load 10
    getfield .bench.nbody.body y
    sub
    store 12                ; dy
    load 4
    getfield .bench.nbody.body z
    load 10
    getfield .bench.nbody.body z
    sub
    store 13                ; dz
    load 2
    load 8
    load 10
    getfield .bench.nbody.body mass
    mul
    load 11
    load 11
    mul
    load 12
    load 12
    mul
    add
    load 13
    load 13
    mul
    add
    invokestatic .internal.math sqrt (*).internal.double
    div
    sub
    store 2
    inclocal 9 1
jtest:
    load 9
    load 1
    jlt jbody
    inclocal 3 1
itest:
    load 3
    load 1
    jlt ibody
    load 2
    return
.end

;   static void offsetMomentum(array b, int nbody)
.method static offsetMomentum (.internal.container.array,.internal.int)void
    .locals 8
    pushconst 0.0
    store 2                 ; px
    pushconst 0.0
    store 3                 ; py
    pushconst 0.0
    store 4                 ; pz
    pushint 0
    store 5                 ; i
    jmp itest
ibody:
    load 0
    load 5
    aload
    store 6                 ; bi
    load 6
    getfield .bench.nbody.body mass
    store 7                 ; bim
    load 2
    load 6
    getfield .bench.nbody.body vx
    load 7
    mul
    add
    store 2
    load 3
    load 6
    getfield .bench.nbody.body vy
    load 7
    mul
    add
    store 3
    load 4
    load 6
    getfield .bench.nbody.body vz
    load 7
    mul
    add
    store 4
    inclocal 5 1
itest:
    load 5
    load 1
    jlt ibody
    load 0
    pushint 0
    aload
    load 2
    neg
    getstatic .bench.nbody SOLAR_MASS
    div
    putfield .bench.nbody.body vx
    load 0
    pushint 0
    aload
    load 3
    neg
    getstatic .bench.nbody SOLAR_MASS
    div
    putfield .bench.nbody.body vy
    load 0
    pushint 0
    aload
    load 4
    neg
    getstatic .bench.nbody SOLAR_MASS
    div
    putfield .bench.nbody.body vz
    retvoid
.end

;   new body(x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, mass * SOLAR_MASS)
.method static planet (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double).bench.nbody.body
    new .bench.nbody.body
    dup
    load 0
    load 1
    load 2
    load 3
    getstatic .bench.nbody DAYS_PER_YEAR
    mul
    load 4
    getstatic .bench.nbody DAYS_PER_YEAR
    mul
    load 5
    getstatic .bench.nbody DAYS_PER_YEAR
    mul
    load 6
    getstatic .bench.nbody SOLAR_MASS
    mul
    invokespecial .bench.nbody.body body (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double)void
    pop
    return
.end

;   SOLAR_MASS = 4 * PI * PI; DAYS_PER_YEAR = 365.24;
;   array bodies = [sun, jupiter, saturn, uranus, neptune];
;   offsetMomentum(bodies, 5);
;   double e0 = energy(bodies, 5);
;   for (int i = 0; i < 500000; i++) advance(bodies, 5, 0.01);
;   double e1 = energy(bodies, 5);
;   println((long)(e0 * 1e9) + " " + (long)(e1 * 1e9));
.method static main ()void
    .locals 5
    pushconst 4.0
    pushconst 3.141592653589793
    mul
    pushconst 3.141592653589793
    mul
    putstatic .bench.nbody SOLAR_MASS
    pushconst 365.24
    putstatic .bench.nbody DAYS_PER_YEAR
    pushint 5
    newarray
    store 0                 ; bodies
    ; the sun
    load 0
    pushint 0
    new .bench.nbody.body
    dup
    pushconst 0.0
    pushconst 0.0
    pushconst 0.0
    pushconst 0.0
    pushconst 0.0
    pushconst 0.0
    getstatic .bench.nbody SOLAR_MASS
    invokespecial .bench.nbody.body body (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double)void
    pop
    astore
    ; jupiter
    load 0
    pushint 1
    pushconst 4.84143144246472090e+00
    pushconst -1.16032004402742839e+00
    pushconst -1.03622044471123109e-01
    pushconst 1.66007664274403694e-03
    pushconst 7.69901118419740425e-03
    pushconst -6.90460016972063023e-05
    pushconst 9.54791938424326609e-04
    invokestatic .bench.nbody planet (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double).bench.nbody.body
    astore
    ; saturn
    load 0
    pushint 2
    pushconst 8.34336671824457987e+00
    pushconst 4.12479856412430479e+00
    pushconst -4.03523417114321381e-01
    pushconst -2.76742510726862411e-03
    pushconst 4.99852801234917238e-03
    pushconst 2.30417297573763929e-05
    pushconst 2.85885980666130812e-04
    invokestatic .bench.nbody planet (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double).bench.nbody.body
    astore
    ; uranus
    load 0
    pushint 3
    pushconst 1.28943695621391310e+01
    pushconst -1.51111514016986312e+01
    pushconst -2.23307578892655734e-01
    pushconst 2.96460137564761618e-03
    pushconst 2.37847173959480950e-03
    pushconst -2.96589568540237556e-05
    pushconst 4.36624404335156298e-05
    invokestatic .bench.nbody planet (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double).bench.nbody.body
    astore
    ; neptune
    load 0
    pushint 4
    pushconst 1.53796971148509165e+01
    pushconst -2.59193146099879641e+01
    pushconst 1.79258772950371181e-01
    pushconst 2.68067772490389322e-03
    pushconst 1.62824170038242295e-03
    pushconst -9.51592254519715870e-05
    pushconst 5.15138902046611451e-05
    invokestatic .bench.nbody planet (.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double,.internal.double).bench.nbody.body
    astore
    load 0
    pushint 5
    invokestatic .bench.nbody offsetMomentum (.internal.container.array,.internal.int)void
    pop
    load 0
    pushint 5
    invokestatic .bench.nbody energy (.internal.container.array,.internal.int).internal.double
    store 1                 ; e0
    pushint 0
    store 3                 ; i
    jmp test
body:
    load 0
    pushint 5
    pushconst 0.01
    invokestatic .bench.nbody advance (.internal.container.array,.internal.int,.internal.double)void
    pop
    inclocal 3 1
test:
    load 3
    pushint 500000
    jlt body
    load 0
    pushint 5
    invokestatic .bench.nbody energy (.internal.container.array,.internal.int).internal.double
    store 2                 ; e1
    load 1
    pushconst 1e9
    mul
    conv long
    tostring
    pushconst " "
    concat
    load 2
    pushconst 1e9
    mul
    conv long
    tostring
    concat
    invokestatic .internal.io.tty println (*)void
    pop
    retvoid
.end
