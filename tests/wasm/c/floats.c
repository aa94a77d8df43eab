/* floats.c - printf of floats and doubles, and exact arithmetic on them. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void)
{
    double d[] = {0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-300, 1e300, 123456789.123456789, 0.1, 2.5, 1.0 / 3.0,
                  DBL_MAX, DBL_MIN, 5e-324};
    /* %a of a subnormal (5e-324) is written differently by musl and glibc:
     * both are right, so it is left out */
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++)
        printf("%g | %.17g | %e | %.3f | %a\n", d[i], d[i], d[i], d[i], i + 1 < sizeof d / sizeof d[0] ? d[i] : 0.0);
    /* separate statements: a compiler may fuse a * b + c into one fma */
    volatile float seed = 1.0f;
    float f = seed;
    for (int i = 0; i < 30; i++) {
        f = f * 1.1f;
        f = f + 0.3f;
    }
    printf("float %.9g %f\n", f, (double)f);
    printf("inf %f %f nan %f\n", INFINITY, -INFINITY, NAN);
    printf("sqrt %.17g %.17g\n", sqrt(2.0), (double)sqrtf(2.0f));
    printf("floor %g ceil %g trunc %g round %g rint %g\n", floor(-2.5), ceil(-2.5), trunc(-2.5), round(-2.5), rint(-2.5));
    printf("fmin %g fmax %g fabs %g copysign %g\n", fmin(1.0, -0.0), fmax(-3.0, 2.0), fabs(-7.25), copysign(3.0, -0.0));
    double sum = 0;
    for (int i = 1; i <= 100000; i++)
        sum += 1.0 / ((double)i * i);
    printf("basel %.15f\n", sum);
    long long big = (long long)1e18;
    printf("conv %lld %d %u %.1f\n", big, (int)-3.99, (unsigned)3.99, (double)(1ull << 63));
    return 0;
}
