/*
 * wa_num.h - the numeric semantics WebAssembly defines and C leaves open
 * or gets wrong: bit patterns of floats, min/max with NaN and signed
 * zeros, round-half-even, float-to-int conversions that trap or
 * saturate, and the integer corner cases (shift counts modulo the width,
 * min-int / -1, zero counts).
 */
#ifndef PHANTOM_WASM_NUM_H
#define PHANTOM_WASM_NUM_H

#include <math.h>
#include <stdint.h>
#include <string.h>

static inline float wa_f32(uint64_t v) { uint32_t b = (uint32_t)v; float f; memcpy(&f, &b, 4); return f; }
static inline double wa_f64(uint64_t v) { double d; memcpy(&d, &v, 8); return d; }
static inline uint64_t wa_of_f32(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }
static inline uint64_t wa_of_f64(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }

/* min and max: a NaN operand gives a NaN; -0 is below +0. */
#define WA_MINMAX(T, min, max)                                                  \
    static inline T min(T a, T b)                                               \
    {                                                                           \
        if (a != a || b != b) return a + b;                                     \
        if (a == b) return signbit(a) ? a : b;                                  \
        return a < b ? a : b;                                                   \
    }                                                                           \
    static inline T max(T a, T b)                                               \
    {                                                                           \
        if (a != a || b != b) return a + b;                                     \
        if (a == b) return signbit(a) ? b : a;                                  \
        return a > b ? a : b;                                                   \
    }
WA_MINMAX(float, wa_fmin32, wa_fmax32)
WA_MINMAX(double, wa_fmin64, wa_fmax64)

static inline uint32_t wa_rotl32(uint32_t x, uint32_t n) { n &= 31; return n ? (x << n) | (x >> (32 - n)) : x; }
static inline uint32_t wa_rotr32(uint32_t x, uint32_t n) { n &= 31; return n ? (x >> n) | (x << (32 - n)) : x; }
static inline uint64_t wa_rotl64(uint64_t x, uint64_t n) { n &= 63; return n ? (x << n) | (x >> (64 - n)) : x; }
static inline uint64_t wa_rotr64(uint64_t x, uint64_t n) { n &= 63; return n ? (x >> n) | (x << (64 - n)) : x; }

/* Float to int: the value's range, open at both ends in the real line
 * (the truncation of anything strictly inside fits). */
enum { WA_CONV_OK = 0, WA_CONV_NAN = 1, WA_CONV_RANGE = 2 };

static inline int wa_conv_check(double d, double lo, double hi)
{
    if (d != d) return WA_CONV_NAN;
    return d > lo && d < hi ? WA_CONV_OK : WA_CONV_RANGE;
}
#define WA_I32_LO -2147483649.0
#define WA_I32_HI 2147483648.0
#define WA_U32_LO -1.0
#define WA_U32_HI 4294967296.0
#define WA_I64_LO -9223372036854777856.0   /* the double below -2^63 */
#define WA_I64_HI 9223372036854775808.0
#define WA_U64_HI 18446744073709551616.0

/* Saturating versions: NaN gives 0, out of range the nearest bound. */
static inline int32_t wa_sat_i32(double d)
{
    if (d != d) return 0;
    if (d <= WA_I32_LO) return INT32_MIN;
    if (d >= WA_I32_HI) return INT32_MAX;
    return (int32_t)d;
}
static inline uint32_t wa_sat_u32(double d)
{
    if (d != d || d <= WA_U32_LO) return 0;
    if (d >= WA_U32_HI) return UINT32_MAX;
    return (uint32_t)d;
}
static inline int64_t wa_sat_i64(double d)
{
    if (d != d) return 0;
    if (d < -9223372036854775808.0) return INT64_MIN;
    if (d >= WA_I64_HI) return INT64_MAX;
    return (int64_t)d;
}
static inline uint64_t wa_sat_u64(double d)
{
    if (d != d || d <= WA_U32_LO) return 0;
    if (d >= WA_U64_HI) return UINT64_MAX;
    return (uint64_t)d;
}

#endif
