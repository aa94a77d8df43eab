/*
 * value.h - pv_value: one 64-bit word that holds any Phantom value.
 *
 * Everything in Phantom is an object, but small values are not allocated:
 * they are encoded in the word itself ("NaN boxing").  The original Phantom
 * boxed every int into a 36-byte heap object; here an int costs nothing.
 *
 *   a double           its IEEE-754 bits, unless they fall in the tagged
 *                      range below; every NaN is canonicalised to
 *                      PV_CANON_NAN (a positive quiet NaN) so none does
 *   tagged values      bits 63..51 all ones, bits 50..48 the tag,
 *                      bits 47..0 the payload:
 *     tag 0  reference   payload = address in the persistent space; null
 *                        is payload 0
 *     tag 1  int         payload low 32 bits, two's complement
 *     tag 2  long        payload is a sign-extended 48-bit long; longs
 *                        outside 48 bits are boxed objects of class long
 *     tag 3  float       payload low 32 bits, IEEE-754 single
 *     tag 4  bool        payload 0 or 1
 *     tag 5  char        payload a Unicode code point
 *
 * Invariant: a reference payload is either 0 or the address of an object
 * header (struct pv_obj).  No instruction turns a number into a reference
 * or a reference into a number (docs/SECURITY.md), so references cannot
 * be forged.  Addresses in the space fit 48 bits (x86-64 and AArch64 user
 * space), which pv_vm_open checks.
 */
#ifndef PHANTOM_VM_VALUE_H
#define PHANTOM_VM_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t pv_value;

#define PV_TAG_BITS   0xFFF8000000000000ull   /* bits 63..51 */
#define PV_TAG_SHIFT  48
#define PV_PAYLOAD    0x0000FFFFFFFFFFFFull
#define PV_CANON_NAN  0x7FF8000000000000ull

enum pv_tag { PV_TREF = 0, PV_TINT = 1, PV_TLONG = 2, PV_TFLOAT = 3, PV_TBOOL = 4, PV_TCHAR = 5 };

#define PV_MKTAG(t)   (PV_TAG_BITS | ((uint64_t)(t) << PV_TAG_SHIFT))
#define PV_NULL       PV_MKTAG(PV_TREF)
#define PV_TRUE       (PV_MKTAG(PV_TBOOL) | 1u)
#define PV_FALSE      PV_MKTAG(PV_TBOOL)

#define PV_LONG_MIN48 (-(INT64_C(1) << 47))
#define PV_LONG_MAX48 ((INT64_C(1) << 47) - 1)

static inline bool pv_is_tagged(pv_value v) { return (v & PV_TAG_BITS) == PV_TAG_BITS; }
static inline bool pv_is_double(pv_value v) { return !pv_is_tagged(v); }
/* The tag of a tagged value (the top 16 bits hold tag bits 63..48). */
static inline unsigned pv_tag(pv_value v) { return (unsigned)((v >> PV_TAG_SHIFT) & 7u); }
static inline bool pv_has_tag(pv_value v, enum pv_tag t) { return (v >> PV_TAG_SHIFT) == (PV_MKTAG(t) >> PV_TAG_SHIFT); }

static inline bool pv_is_ref(pv_value v) { return pv_has_tag(v, PV_TREF); }
static inline bool pv_is_null(pv_value v) { return v == PV_NULL; }
static inline bool pv_is_obj(pv_value v) { return pv_is_ref(v) && v != PV_NULL; }
static inline bool pv_is_int(pv_value v) { return pv_has_tag(v, PV_TINT); }
static inline bool pv_is_long48(pv_value v) { return pv_has_tag(v, PV_TLONG); }
static inline bool pv_is_float(pv_value v) { return pv_has_tag(v, PV_TFLOAT); }
static inline bool pv_is_bool(pv_value v) { return pv_has_tag(v, PV_TBOOL); }
static inline bool pv_is_char(pv_value v) { return pv_has_tag(v, PV_TCHAR); }

static inline void *pv_as_ptr(pv_value v) { return (void *)(uintptr_t)(v & PV_PAYLOAD); }
static inline pv_value pv_from_ptr(const void *p) { return PV_NULL | ((uint64_t)(uintptr_t)p & PV_PAYLOAD); }

static inline int32_t pv_as_int(pv_value v) { return (int32_t)(uint32_t)v; }
static inline pv_value pv_int(int32_t i) { return PV_MKTAG(PV_TINT) | (uint32_t)i; }

static inline int64_t pv_as_long48(pv_value v)
{
    uint64_t p = v & PV_PAYLOAD;
    return (int64_t)(p ^ (1ull << 47)) - (INT64_C(1) << 47);   /* sign-extend bit 47 */
}
static inline pv_value pv_long48(int64_t l) { return PV_MKTAG(PV_TLONG) | ((uint64_t)l & PV_PAYLOAD); }

static inline float pv_as_float(pv_value v) { float f; uint32_t b = (uint32_t)v; memcpy(&f, &b, 4); return f; }
static inline pv_value pv_float(float f)
{
    uint32_t b;
    if (f != f) b = 0x7FC00000u;   /* canonical NaN */
    else memcpy(&b, &f, 4);
    return PV_MKTAG(PV_TFLOAT) | b;
}

static inline double pv_as_double(pv_value v) { double d; memcpy(&d, &v, 8); return d; }
static inline pv_value pv_double(double d)
{
    pv_value v;
    if (d != d) return PV_CANON_NAN;
    memcpy(&v, &d, 8);
    return v;
}

static inline bool pv_as_bool(pv_value v) { return (v & 1u) != 0; }
static inline pv_value pv_bool(bool b) { return b ? PV_TRUE : PV_FALSE; }
static inline uint32_t pv_as_char(pv_value v) { return (uint32_t)v; }
static inline pv_value pv_char(uint32_t c) { return PV_MKTAG(PV_TCHAR) | c; }

#endif
