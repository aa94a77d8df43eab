/*
 * wa_read.c - reading the binary format: LEB128 integers, fixed-width
 * floats, names, counts, and the one error message format.
 *
 * Invariant: r->p never passes r->end; once a read fails, r->failed is
 * set and every later read returns 0 without moving.
 */
#include <stdarg.h>

#include "wa_internal.h"

size_t wa_rd_offset(const wa_reader *r) { return (size_t)(r->p - r->base); }

static void vfail(wa_reader *r, size_t off, const char *fmt, va_list ap)
{
    if (r->failed)
        return;
    r->failed = true;
    char why[240];
    vsnprintf(why, sizeof why, fmt, ap);
    if (r->func >= 0)
        snprintf(r->err->msg, sizeof r->err->msg, "function %lld, offset 0x%zx: %s", (long long)r->func, off, why);
    else
        snprintf(r->err->msg, sizeof r->err->msg, "offset 0x%zx: %s", off, why);
}

int wa_fail(wa_reader *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(r, wa_rd_offset(r), fmt, ap);
    va_end(ap);
    return 0;
}

int wa_fail_at(wa_reader *r, size_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(r, off, fmt, ap);
    va_end(ap);
    return 0;
}

uint8_t wa_rd_u8(wa_reader *r)
{
    if (r->failed)
        return 0;
    if (r->p >= r->end)
        return (uint8_t)wa_fail(r, "unexpected end");
    return *r->p++;
}

/* Unsigned LEB128 of at most `bits` bits: at most ceil(bits/7) bytes, and
 * the unused bits of the last byte zero. */
static uint64_t rd_uleb(wa_reader *r, unsigned bits)
{
    uint64_t v = 0;
    unsigned shift = 0;
    size_t start = wa_rd_offset(r);
    for (;;) {
        uint8_t b = wa_rd_u8(r);
        if (r->failed)
            return 0;
        if (shift + 7 > bits && (b & 0x7F) >> (bits - shift)) {
            wa_fail_at(r, start, (b & 0x80) ? "integer representation too long" : "integer too large");
            return 0;
        }
        v |= (uint64_t)(b & 0x7F) << shift;
        shift += 7;
        if (!(b & 0x80))
            return v;
        if (shift >= bits) {
            wa_fail_at(r, start, "integer representation too long");
            return 0;
        }
    }
}

/* Signed LEB128: the unused bits of the last byte must all equal the
 * sign bit. */
static int64_t rd_sleb(wa_reader *r, unsigned bits)
{
    uint64_t v = 0;
    unsigned shift = 0;
    size_t start = wa_rd_offset(r);
    for (;;) {
        uint8_t b = wa_rd_u8(r);
        if (r->failed)
            return 0;
        if (shift + 7 >= bits) {
            /* the last byte: the bits above the value must sign-extend it */
            if (b & 0x80) {
                wa_fail_at(r, start, "integer representation too long");
                return 0;
            }
            unsigned used = bits - shift;                 /* value bits in it: 1..7 */
            unsigned hi = (b & 0x7Fu) >> (used - 1);      /* the sign bit and those above it */
            if (hi != 0 && hi != (0x7Fu >> (used - 1))) {
                wa_fail_at(r, start, "integer too large");
                return 0;
            }
            v |= (uint64_t)(b & 0x7F) << shift;
            if (shift + 7 < 64 && (b & 0x40))
                v |= ~UINT64_C(0) << (shift + 7);
            return (int64_t)v;
        }
        v |= (uint64_t)(b & 0x7F) << shift;
        shift += 7;
        if (!(b & 0x80)) {
            if (b & 0x40)
                v |= ~UINT64_C(0) << shift;
            return (int64_t)v;
        }
    }
}

uint32_t wa_rd_u32(wa_reader *r) { return (uint32_t)rd_uleb(r, 32); }
int32_t wa_rd_s32(wa_reader *r) { return (int32_t)rd_sleb(r, 32); }
int64_t wa_rd_s64(wa_reader *r) { return rd_sleb(r, 64); }

uint32_t wa_rd_fixed32(wa_reader *r)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v |= (uint32_t)wa_rd_u8(r) << (8 * i);
    return v;
}

uint64_t wa_rd_fixed64(wa_reader *r)
{
    uint64_t lo = wa_rd_fixed32(r);
    return lo | (uint64_t)wa_rd_fixed32(r) << 32;
}

static bool utf8_ok(const uint8_t *s, uint32_t n)
{
    for (uint32_t i = 0; i < n;) {
        uint8_t c = s[i];
        uint32_t len, cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return false;
        if (n - i < len)
            return false;
        for (uint32_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

const uint8_t *wa_rd_name(wa_reader *r, uint32_t *len)
{
    size_t start = wa_rd_offset(r);
    uint32_t n = wa_rd_u32(r);
    if (r->failed)
        return NULL;
    if ((size_t)(r->end - r->p) < n) {
        wa_fail(r, "unexpected end (a name of %u bytes)", n);
        return NULL;
    }
    const uint8_t *s = r->p;
    if (!utf8_ok(s, n)) {
        wa_fail_at(r, start, "malformed UTF-8 encoding");
        return NULL;
    }
    r->p += n;
    *len = n;
    return s;
}

uint32_t wa_rd_count(wa_reader *r, uint32_t min_bytes)
{
    uint32_t n = wa_rd_u32(r);
    if (!r->failed && min_bytes && (uint64_t)n * min_bytes > (uint64_t)(r->end - r->p)) {
        wa_fail(r, "unexpected end (%u items cannot fit in the %zu bytes left)", n, (size_t)(r->end - r->p));
        return 0;
    }
    return n;
}

bool wa_is_valtype(uint8_t t) { return t == WA_I32 || t == WA_I64 || t == WA_F32 || t == WA_F64; }

const char *wa_type_name(uint8_t t)
{
    switch (t) {
    case WA_I32: return "i32";
    case WA_I64: return "i64";
    case WA_F32: return "f32";
    case WA_F64: return "f64";
    case WA_FUNCREF: return "funcref";
    case WA_EXTERNREF: return "externref";
    default: return "unknown";
    }
}
