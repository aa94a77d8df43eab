/*
 * number.c - longs (immediate or boxed), numbers across their encodings,
 * and numbers to and from text.
 *
 * A long that fits 48 bits is an immediate; a bigger one is an immutable
 * struct pv_longbox.  Code outside this file never needs to know which:
 * pv_make_long picks, pv_long_of reads both.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "native/native.h"
#include "vm.h"

pv_value pv_make_long(pv_vm *vm, int64_t l)
{
    if (l >= PV_LONG_MIN48 && l <= PV_LONG_MAX48)
        return pv_long48(l);
    struct pv_longbox *b = pv_alloc_obj(vm, vm->b[PV_B_LONG], sizeof *b);
    if (!b)
        return PV_NULL;
    b->h.flags |= PV_OF_IMMUTABLE;
    b->v = l;
    return pv_from_ptr(b);
}

bool pv_is_long(pv_vm *vm, pv_value v)
{
    (void)vm;
    return pv_is_long48(v) || pv_obj_kind(v) == PV_K_LONGBOX;
}

int64_t pv_long_of(pv_value v)
{
    if (pv_is_long48(v))
        return pv_as_long48(v);
    return ((const struct pv_longbox *)pv_as_ptr(v))->v;
}

/* ---- numbers of any encoding ---------------------------------------------------- */

bool pv_num_decode(pv_value v, pv_num *out)
{
    if (pv_is_double(v)) {
        out->kind = PV_NUM_DBL, out->d = pv_as_double(v);
        return true;
    }
    switch (pv_tag(v)) {
    case PV_TINT:
        out->kind = PV_NUM_INT, out->i = pv_as_int(v);
        return true;
    case PV_TLONG:
        out->kind = PV_NUM_INT, out->i = pv_as_long48(v);
        return true;
    case PV_TCHAR:
        out->kind = PV_NUM_INT, out->i = pv_as_char(v);
        return true;
    case PV_TFLOAT:
        out->kind = PV_NUM_DBL, out->d = pv_as_float(v);
        return true;
    case PV_TREF:
        if (pv_obj_kind(v) != PV_K_LONGBOX)
            return false;
        out->kind = PV_NUM_INT, out->i = pv_long_of(v);
        return true;
    default:
        return false;
    }
}

bool pv_num_double(pv_vm *vm, pv_value v, double *out)
{
    (void)vm;
    pv_num n;
    if (!pv_num_decode(v, &n))
        return false;
    *out = n.kind == PV_NUM_INT ? (double)n.i : n.d;
    return true;
}

#define TWO63 9223372036854775808.0   /* 2^63, exact as a double */

/* The whole part of d as an int64 when d is an integer in int64's range.
 * (Casts truncate, exactly, once d is known to be in range: no libm.) */
static bool double_integral(double d, int64_t *out)
{
    if (!(d >= -TWO63 && d < TWO63) || (double)(int64_t)d != d)
        return false;
    *out = (int64_t)d;
    return true;
}

/* i against d exactly: converting i to double would round big longs. */
static int cmp_int_double(int64_t i, double d)
{
    if (isnan(d) || d >= TWO63)
        return -1;
    if (d < -TWO63)
        return 1;
    int64_t ti = (int64_t)d;   /* d truncated, exactly */
    if (i != ti)
        return i < ti ? -1 : 1;
    double t = (double)ti;
    return d > t ? -1 : d < t ? 1 : 0;
}

static int cmp_double(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) - isnan(b);
    return a < b ? -1 : a > b;
}

int pv_num_compare(const pv_num *a, const pv_num *b)
{
    if (a->kind == PV_NUM_INT && b->kind == PV_NUM_INT)
        return a->i < b->i ? -1 : a->i > b->i;
    if (a->kind == PV_NUM_DBL && b->kind == PV_NUM_DBL)
        return cmp_double(a->d, b->d);
    if (a->kind == PV_NUM_INT)
        return cmp_int_double(a->i, b->d);
    return -cmp_int_double(b->i, a->d);
}

static uint32_t mix64(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return (uint32_t)h;
}

/* Integers hash by value; a double that is an integer hashes as that
 * integer (and -0.0 as 0), so numbers that are equal hash alike. */
uint32_t pv_num_hash(const pv_num *n)
{
    int64_t i;
    if (n->kind == PV_NUM_INT)
        return mix64((uint64_t)n->i);
    if (double_integral(n->d, &i))
        return mix64((uint64_t)i);
    return mix64(pv_double(n->d) ^ 0x5bd1e995u);   /* pv_double: one NaN */
}

int32_t pv_double_to_int(double d)
{
    if (isnan(d))
        return 0;
    if (d >= 2147483647.0)
        return INT32_MAX;
    if (d <= -2147483648.0)
        return INT32_MIN;
    return (int32_t)d;
}

int64_t pv_double_to_long(double d)
{
    if (isnan(d))
        return 0;
    if (d >= TWO63)
        return INT64_MAX;
    if (d <= -TWO63)
        return INT64_MIN;
    return (int64_t)d;
}

/* ---- parsing -------------------------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void trim(const char **s, size_t *len)
{
    while (*len && is_space(**s))
        (*s)++, (*len)--;
    while (*len && is_space((*s)[*len - 1]))
        (*len)--;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

const char *pv_parse_long(const char *s, size_t len, int64_t *out)
{
    trim(&s, &len);
    bool neg = false;
    if (len && (*s == '-' || *s == '+'))
        neg = *s == '-', s++, len--;
    if (!len)
        return "not a number";
    uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(s[i]))
            return "not a number";
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (limit - d) / 10)
            return "out of range";
        v = v * 10 + d;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return NULL;
}

const char *pv_parse_int(const char *s, size_t len, int32_t *out)
{
    int64_t v;
    const char *err = pv_parse_long(s, len, &v);
    if (err)
        return err;
    if (v < INT32_MIN || v > INT32_MAX)
        return "out of range";
    *out = (int32_t)v;
    return NULL;
}

/* Checks the text against Java's decimal grammar (strtod alone would also
 * take hex, "inf", "nan(...)"), then lets the C library do the rounding. */
static const char *parse_real(const char *s, size_t len, bool single, double *out)
{
    trim(&s, &len);
    const char *p = s, *end = s + len;
    bool neg = false;
    if (p < end && (*p == '-' || *p == '+'))
        neg = *p++ == '-';
    if ((size_t)(end - p) == 8 && memcmp(p, "Infinity", 8) == 0) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return NULL;
    }
    if (p == s && len == 3 && memcmp(s, "NaN", 3) == 0) {
        *out = NAN;
        return NULL;
    }
    size_t digits = 0;
    while (p < end && is_digit(*p))
        p++, digits++;
    if (p < end && *p == '.')
        for (p++; p < end && is_digit(*p); p++)
            digits++;
    if (!digits)
        return "not a number";
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '-' || *p == '+'))
            p++;
        if (p == end || !is_digit(*p))
            return "not a number";
        while (p < end && is_digit(*p))
            p++;
    }
    if (p != end)
        return "not a number";
    char small[64], *copy = len < sizeof small ? small : malloc(len + 1);
    if (!copy)
        return "out of memory";
    memcpy(copy, s, len);
    copy[len] = 0;
    *out = single ? (double)strtof(copy, NULL) : strtod(copy, NULL);
    if (copy != small)
        free(copy);
    return NULL;
}

const char *pv_parse_double(const char *s, size_t len, double *out)
{
    return parse_real(s, len, false, out);
}

const char *pv_parse_float(const char *s, size_t len, float *out)
{
    double d;
    const char *err = parse_real(s, len, true, &d);
    if (!err)
        *out = (float)d;
    return err;
}

/* ---- formatting ------------------------------------------------------------------------- */

static size_t put(char *out, size_t at, const char *s, size_t n)
{
    memcpy(out + at, s, n);
    return at + n;
}

/* Finds the fewest significant digits that read back as d, then lays them
 * out as Java does: plain for 1e-3 <= |d| < 1e7, else d.dddE[-]x; always
 * at least one digit after the point. */
size_t pv_format_double(double d, bool single, char *out)
{
    const char *special = isnan(d) ? "NaN"
                        : isinf(d) ? (d < 0 ? "-Infinity" : "Infinity")
                        : d == 0   ? (signbit(d) ? "-0.0" : "0.0")
                                   : NULL;
    if (special) {
        strcpy(out, special);
        return strlen(special);
    }

    char e[40];
    int maxprec = single ? 9 : 17;
    for (int prec = 1; prec <= maxprec; prec++) {
        snprintf(e, sizeof e, "%.*e", prec - 1, d);
        if (single ? strtof(e, NULL) == (float)d : strtod(e, NULL) == d)
            break;
    }
    /* e is "[-]D[.DDD]e[+-]XX": collect the digits and the exponent. */
    char dig[20];
    size_t nd = 0, at = 0;
    const char *p = e;
    if (*p == '-')
        out[at++] = '-', p++;
    for (; *p != 'e'; p++)
        if (*p != '.')
            dig[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && dig[nd - 1] == '0')
        nd--;

    if (exp >= -3 && exp < 7) {
        if (exp < 0) {
            at = put(out, at, "0.", 2);
            for (int i = -1; i > exp; i--)
                out[at++] = '0';
            at = put(out, at, dig, nd);
        } else {
            size_t ip = (size_t)exp + 1;   /* digits before the point */
            for (size_t i = 0; i < ip; i++)
                out[at++] = i < nd ? dig[i] : '0';
            out[at++] = '.';
            if (nd > ip)
                at = put(out, at, dig + ip, nd - ip);
            else
                out[at++] = '0';
        }
    } else {
        out[at++] = dig[0];
        out[at++] = '.';
        if (nd > 1)
            at = put(out, at, dig + 1, nd - 1);
        else
            out[at++] = '0';
        at += (size_t)snprintf(out + at, PV_NUMFMT_MAX - at, "E%d", exp);
    }
    out[at] = 0;
    return at;
}
