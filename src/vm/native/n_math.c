/*
 * n_math.c - .internal.math: the functions of C's <math.h> that programs
 * need, as static methods on doubles (any number is accepted and
 * converted).  Results follow IEEE-754 as the C library computes them.
 */
#include <math.h>

#include "native.h"

/* One-argument functions share one body, told apart by the method name. */
#define PV_MATH1(fname, expr)                                          \
    static int m_##fname(pv_vm *vm, pv_value *args, pv_value *ret)     \
    {                                                                  \
        double x;                                                      \
        if (!pv_arg_double(vm, args[0], #fname, 1, &x))                \
            return PV_NTHROW;                                          \
        *ret = pv_double(expr);                                        \
        return PV_NOK;                                                 \
    }

PV_MATH1(sqrt, sqrt(x))
PV_MATH1(sin, sin(x))
PV_MATH1(cos, cos(x))
PV_MATH1(tan, tan(x))
PV_MATH1(asin, asin(x))
PV_MATH1(acos, acos(x))
PV_MATH1(atan, atan(x))
PV_MATH1(exp, exp(x))
PV_MATH1(log, log(x))
PV_MATH1(log10, log10(x))
PV_MATH1(floor, floor(x))
PV_MATH1(ceil, ceil(x))
PV_MATH1(round, floor(x + 0.5))
PV_MATH1(fabs, fabs(x))

#define PV_MATH2(fname, expr)                                          \
    static int m_##fname(pv_vm *vm, pv_value *args, pv_value *ret)     \
    {                                                                  \
        double x, y;                                                   \
        if (!pv_arg_double(vm, args[0], #fname, 1, &x) ||              \
            !pv_arg_double(vm, args[1], #fname, 2, &y))                \
            return PV_NTHROW;                                          \
        *ret = pv_double(expr);                                        \
        return PV_NOK;                                                 \
    }

PV_MATH2(pow, pow(x, y))
PV_MATH2(atan2, atan2(x, y))
PV_MATH2(hypot, hypot(x, y))
PV_MATH2(fmod, fmod(x, y))

static int m_pi(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    (void)args;
    *ret = pv_double(3.14159265358979323846);
    return PV_NOK;
}

static int m_e(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    (void)args;
    *ret = pv_double(2.71828182845904523536);
    return PV_NOK;
}

#define ONE(n) {#n, "(*).internal.double", PV_NO_ORDINAL, PV_MF_STATIC, m_##n}
#define TWO(n) {#n, "(*,*).internal.double", PV_NO_ORDINAL, PV_MF_STATIC, m_##n}

static const pv_native_method math_methods[] = {
    ONE(sqrt), ONE(sin), ONE(cos), ONE(tan), ONE(asin), ONE(acos), ONE(atan), ONE(exp), ONE(log),
    ONE(log10), ONE(floor), ONE(ceil), ONE(round), ONE(fabs),
    TWO(pow), TWO(atan2), TWO(hypot), TWO(fmod),
    {"PI", "().internal.double", PV_NO_ORDINAL, PV_MF_STATIC, m_pi},
    {"E", "().internal.double", PV_NO_ORDINAL, PV_MF_STATIC, m_e},
};

const pv_native_class pv_nc_math = {
    ".internal.math", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, math_methods, PV_COUNTOF(math_methods),
};
