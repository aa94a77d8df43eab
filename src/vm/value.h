/*
 * value.h - the VM's values: every value is one 64-bit word (NaN-boxing).
 *
 * Everything in Phantom is an object, down to a single integer, but most
 * values never need the heap: a value whose top 13 bits are all ones (a
 * quiet NaN with the sign bit set, a pattern no arithmetic produces: NaN
 * results are canonicalised to the positive quiet NaN) carries a 3-bit tag
 * and a 48-bit payload; every other pattern is a double.
 *
 *   tag 0  reference  payload = address of an object in the persistent
 *                     space (48 bits cover the whole user address range);
 *                     0 is null
 *   tag 1  int        32-bit two's complement in the low 32 bits
 *   tag 2  long       a long that fits 48 bits; larger longs are heap
 *                     objects of class long (rare)
 *   tag 3  float      IEEE single in the low 32 bits
 *   tag 4  bool       0 or 1
 *   tag 5  char       a Unicode code point
 *   otherwise         double
 *
 * So int, long, float, double, bool and char are classes whose instances
 * need no allocation (5.toString() dispatches on the tag), references are
 * plain addresses (the space is always mapped at the same base), and a
 * value fits one stack slot or field.  Values live in the persistent
 * space: this layout is part of the world format (docs/OBJECTS.md).
 */
#ifndef PHANTOM_VM_VALUE_H
#define PHANTOM_VM_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t pv_value;

#define PV_BOX_MASK 0xFFF8000000000000ull /* sign + exponent + quiet bit */
#define PV_TAG_SHIFT 48
#define PV_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull
#define PV_CANONICAL_NAN 0x7FF8000000000000ull

enum pv_tag { PV_TAG_REF = 0, PV_TAG_INT, PV_TAG_LONG, PV_TAG_FLOAT, PV_TAG_BOOL, PV_TAG_CHAR };

#define PV_BOXED(tag) (PV_BOX_MASK | ((uint64_t)(tag) << PV_TAG_SHIFT))
#define PV_NULL PV_BOXED(PV_TAG_REF)

static inline bool pv_is_double(pv_value v) { return (v & PV_BOX_MASK) != PV_BOX_MASK || ((v >> PV_TAG_SHIFT) & 7) > PV_TAG_CHAR; }
static inline int pv_tag(pv_value v) { return (int)((v >> PV_TAG_SHIFT) & 7); }
static inline bool pv_has_tag(pv_value v, int tag)
{
    return (v & ~PV_PAYLOAD_MASK) == PV_BOXED(tag);
}

static inline pv_value pv_from_int(int32_t i) { return PV_BOXED(PV_TAG_INT) | (uint32_t)i; }
static inline int32_t pv_to_int(pv_value v) { return (int32_t)(uint32_t)v; }
static inline bool pv_is_int(pv_value v) { return pv_has_tag(v, PV_TAG_INT); }

static inline pv_value pv_from_bool(bool b) { return PV_BOXED(PV_TAG_BOOL) | (uint64_t)b; }
static inline bool pv_is_bool(pv_value v) { return pv_has_tag(v, PV_TAG_BOOL); }

static inline pv_value pv_from_char(uint32_t c) { return PV_BOXED(PV_TAG_CHAR) | c; }
static inline bool pv_is_char(pv_value v) { return pv_has_tag(v, PV_TAG_CHAR); }

static inline pv_value pv_from_float(float f)
{
    uint32_t bits;
    memcpy(&bits, &f, 4);
    return PV_BOXED(PV_TAG_FLOAT) | bits;
}
static inline float pv_to_float(pv_value v)
{
    uint32_t bits = (uint32_t)v;
    float f;
    memcpy(&f, &bits, 4);
    return f;
}
static inline bool pv_is_float(pv_value v) { return pv_has_tag(v, PV_TAG_FLOAT); }

static inline pv_value pv_from_double(double d)
{
    pv_value v;
    memcpy(&v, &d, 8);
    return (v & PV_BOX_MASK) == PV_BOX_MASK ? PV_CANONICAL_NAN : v;
}
static inline double pv_to_double(pv_value v)
{
    double d;
    memcpy(&d, &v, 8);
    return d;
}

#define PV_LONG_MIN (-(1ll << 47))
#define PV_LONG_MAX ((1ll << 47) - 1)
static inline bool pv_long_fits(int64_t l) { return l >= PV_LONG_MIN && l <= PV_LONG_MAX; }
static inline pv_value pv_from_small_long(int64_t l)
{
    return PV_BOXED(PV_TAG_LONG) | ((uint64_t)l & PV_PAYLOAD_MASK);
}
static inline int64_t pv_to_small_long(pv_value v)
{
    return (int64_t)(v << 16) >> 16; /* sign-extend 48 bits */
}
static inline bool pv_is_small_long(pv_value v) { return pv_has_tag(v, PV_TAG_LONG); }

static inline bool pv_is_ref(pv_value v) { return pv_has_tag(v, PV_TAG_REF); }
static inline bool pv_is_null(pv_value v) { return v == PV_NULL; }
static inline void *pv_to_ptr(pv_value v) { return (void *)(uintptr_t)(v & PV_PAYLOAD_MASK); }
static inline pv_value pv_from_ptr(const void *p)
{
    return PV_BOXED(PV_TAG_REF) | ((uint64_t)(uintptr_t)p & PV_PAYLOAD_MASK);
}

#endif
