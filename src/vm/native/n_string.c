/*
 * n_string.c - .internal.string: immutable UTF-8 text.
 *
 * Indices and lengths count characters (Unicode code points), not bytes:
 * "héllo".length() is 5 and substring(0, 2) is "hé".  A byte that is not
 * part of valid UTF-8 counts as one character (U+FFFD), as everywhere
 * else the VM decodes text.  The language's s.length and s[i] (the
 * interpreter's alen and aload) count characters too, through the
 * functions below.  Byte access is explicit: byteLength(), byteAt(i),
 * bytes(), charAtByte(i).  The original Phantom counted bytes, which is
 * the same for ASCII text.
 *
 * ASCII strings are the common case and stay as fast as byte indexing:
 * whether a string is all ASCII is found once and kept in its header's
 * flags (PV_OF_STR_SCANNED, PV_OF_STR_ASCII), which needs no change of
 * the persistent layout.  Other strings walk their bytes to convert, from
 * the VM's cursor on the string when that is nearer (vm->str_cursor).
 * Case mapping and trim() know Unicode, from the host's tables (hal.h).
 * Every method that looks for text (indexOf, replace, split, ...)
 * compares bytes.
 */
#define _GNU_SOURCE   /* memmem */
#include <stdlib.h>
#include <string.h>

#include "native.h"

/* ---- characters and bytes ------------------------------------------------------- */

bool pv_str_is_ascii(struct pv_string *s)
{
    if (!(s->h.flags & PV_OF_STR_SCANNED)) {
        bool ascii = true;
        for (uint32_t i = 0; i < s->len && ascii; i++)
            ascii = (uint8_t)s->bytes[i] < 0x80;
        s->h.flags |= PV_OF_STR_SCANNED | (ascii ? PV_OF_STR_ASCII : 0u);
    }
    return (s->h.flags & PV_OF_STR_ASCII) != 0;
}

/* The byte offset `n` characters after byte `at` (s->len at most), and in
 * *left how many of them were past the end. */
static uint32_t skip_chars(const struct pv_string *s, uint32_t at, uint32_t n, uint32_t *left)
{
    while (n > 0 && at < s->len) {
        uint32_t cp;
        at += (uint32_t)pv_utf8_decode((const uint8_t *)s->bytes + at, s->len - at, &cp);
        n--;
    }
    *left = n;
    return at;
}

/* The start of the character that ends at byte `at` (0 < at <= s->len, at
 * a character's start or the end).  A lead byte (0xC2 to 0xF4) always
 * starts a character, since no decoding takes one as a continuation: so
 * the character is the valid sequence from the nearest lead byte up to
 * `at`, if there is one, else the single byte before `at` (U+FFFD). */
static uint32_t char_before(const struct pv_string *s, uint32_t at)
{
    HAL_ASSERT(at > 0 && at <= s->len);
    for (uint32_t q = at - 1, k = 0; k < 4; q--, k++) {
        uint8_t b = (uint8_t)s->bytes[q];
        if ((b & 0xC0) != 0x80) {
            uint32_t cp;
            bool lead = b >= 0xC2 && b <= 0xF4;
            return lead && pv_utf8_decode((const uint8_t *)s->bytes + q, s->len - q, &cp) == at - q ? q : at - 1;
        }
        if (q == 0)
            break;
    }
    return at - 1;
}

/* The VM's cursor on s, moved to the front (the most recent); a new one
 * at the start of s if it has none, in place of the least recent. */
static struct pv_str_cursor *cursor_of(pv_vm *vm, const struct pv_string *s)
{
    struct pv_str_cursor *c = vm->str_cursor;
    size_t n = PV_COUNTOF(vm->str_cursor), i = 0;
    while (i < n - 1 && c[i].s != s)
        i++;
    struct pv_str_cursor found = c[i].s == s ? c[i] : (struct pv_str_cursor){s, 0, 0, 0};
    memmove(c + 1, c, i * sizeof *c);
    c[0] = found;
    return &c[0];
}

void pv_str_forget(pv_vm *vm, const struct pv_string *s)
{
    for (size_t i = 0; i < PV_COUNTOF(vm->str_cursor); i++)
        if (vm->str_cursor[i].s == s)
            vm->str_cursor[i] = (struct pv_str_cursor){0};
}

/* Moves the cursor to character ch, or to the end if s has fewer: from
 * where it is, backward when that is nearer than the start. */
static void cursor_seek_char(const struct pv_string *s, struct pv_str_cursor *c, uint32_t ch)
{
    if (ch < c->ch && ch < c->ch - ch)
        c->ch = 0, c->byte = 0;
    while (c->ch > ch) {
        c->byte = char_before(s, c->byte);
        c->ch--;
    }
    uint32_t left;
    uint32_t to = skip_chars(s, c->byte, ch - c->ch, &left);
    c->ch = ch - left;
    c->byte = to;
}

uint32_t pv_str_chars(pv_vm *vm, struct pv_string *s)
{
    if (pv_str_is_ascii(s))
        return s->len;
    struct pv_str_cursor *c = cursor_of(vm, s);
    if (c->chars == 0) {
        uint32_t left;
        skip_chars(s, c->byte, UINT32_MAX, &left);
        c->chars = c->ch + (UINT32_MAX - left);
    }
    return c->chars;
}

bool pv_str_char_offset(pv_vm *vm, struct pv_string *s, int64_t ch, uint32_t *byte)
{
    if (ch < 0 || ch > s->len)
        return false;
    if (pv_str_is_ascii(s)) {
        *byte = (uint32_t)ch;
        return true;
    }
    struct pv_str_cursor *c = cursor_of(vm, s);
    cursor_seek_char(s, c, (uint32_t)ch);
    *byte = c->byte;
    return c->ch == ch;
}

uint32_t pv_str_char_to_byte(pv_vm *vm, struct pv_string *s, uint32_t ch)
{
    uint32_t byte;
    return pv_str_char_offset(vm, s, ch, &byte) ? byte : s->len;
}

uint32_t pv_str_byte_to_char(pv_vm *vm, struct pv_string *s, uint32_t byte)
{
    if (pv_str_is_ascii(s))
        return byte;
    struct pv_str_cursor *c = cursor_of(vm, s);
    if (byte < c->byte && byte < c->byte - byte)
        c->ch = 0, c->byte = 0;
    while (c->byte > byte) {
        c->byte = char_before(s, c->byte);
        c->ch--;
    }
    while (c->byte < byte && c->byte < s->len) {
        uint32_t cp;
        c->byte += (uint32_t)pv_utf8_decode((const uint8_t *)s->bytes + c->byte, s->len - c->byte, &cp);
        c->ch++;
    }
    return c->ch;
}

static struct pv_string *self(pv_vm *vm, pv_value *args, const char *fn)
{
    return pv_arg_string(vm, args[0], fn, 0);
}

/* Byte offset of pat in s at or after from, or -1. */
static int64_t find(const struct pv_string *s, const struct pv_string *pat, int64_t from)
{
    if (from < 0)
        from = 0;
    if (from > s->len || pat->len > s->len - from)
        return -1;
    const char *p = memmem(s->bytes + from, s->len - (size_t)from, pat->bytes, pat->len);
    return p ? p - s->bytes : -1;
}

static int str_substring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "substring");
    int32_t at, n;
    uint32_t from, left, to = 0;
    if (!s || !pv_arg_int(vm, args[1], "substring", 1, &at) || !pv_arg_int(vm, args[2], "substring", 2, &n))
        return PV_NTHROW;
    bool ok = n >= 0 && pv_str_char_offset(vm, s, at, &from);
    if (ok)
        to = skip_chars(s, from, (uint32_t)n, &left);
    if (!ok || left) {   /* outside the characters: raises, naming their count */
        pv_check_range(vm, "substring", at, n, pv_str_chars(vm, s));
        return PV_NTHROW;
    }
    return pv_ret_obj(vm, ret, pv_str_new(vm, s->bytes + from, to - from));
}

static int str_charat(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "charAt");
    int32_t i;
    uint32_t at;
    if (!s || !pv_arg_int(vm, args[1], "charAt", 1, &i))
        return PV_NTHROW;
    if (!pv_str_char_offset(vm, s, i, &at) || at == s->len) {   /* raises, naming the count */
        pv_check_index(vm, "charAt", i, pv_str_chars(vm, s));
        return PV_NTHROW;
    }
    *ret = pv_str_char_at(s, at);
    return PV_NOK;
}

/* The character whose encoding starts at byte i (U+FFFD inside one):
 * what foreach over a string calls as it walks the bytes. */
static int str_charat_byte(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "charAtByte");
    int32_t i;
    if (!s || !pv_arg_int(vm, args[1], "charAtByte", 1, &i) || !pv_check_index(vm, "charAtByte", i, s->len))
        return PV_NTHROW;
    *ret = pv_str_char_at(s, (uint32_t)i);
    return PV_NOK;
}

static int str_byteat(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "byteAt");
    int32_t i;
    if (!s || !pv_arg_int(vm, args[1], "byteAt", 1, &i) || !pv_check_index(vm, "byteAt", i, s->len))
        return PV_NTHROW;
    *ret = pv_int((uint8_t)s->bytes[i]);
    return PV_NOK;
}

static int str_bytelength(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "byteLength");
    if (!s)
        return PV_NTHROW;
    *ret = pv_int((int32_t)s->len);
    return PV_NOK;
}

static int str_bytes(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "bytes");
    if (!s)
        return PV_NTHROW;
    return pv_ret_obj(vm, ret, pv_binary_of(vm, s->bytes, s->len));
}

static int str_concat(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "concat"), *t;
    if (!s || !(t = pv_arg_string(vm, args[1], "concat", 1)))
        return PV_NTHROW;
    struct pv_string *r = pv_str_alloc(vm, (size_t)s->len + t->len);
    if (r) {
        memcpy(r->bytes, s->bytes, s->len);
        memcpy(r->bytes + s->len, t->bytes, t->len);
    }
    return pv_ret_obj(vm, ret, r);
}

static int str_length(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "length");
    if (!s)
        return PV_NTHROW;
    *ret = pv_int((int32_t)pv_str_chars(vm, s));
    return PV_NOK;
}

static int str_isempty(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "isEmpty");
    if (!s)
        return PV_NTHROW;
    *ret = pv_bool(s->len == 0);
    return PV_NOK;
}

/* indexOf(s), indexOf(s, from) and the original strstr(s). */
static int index_of(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, bool has_from)
{
    struct pv_string *s = self(vm, args, fn), *pat;
    int32_t from = 0;
    if (!s || !(pat = pv_arg_string(vm, args[1], fn, 1)) ||
        (has_from && !pv_arg_int(vm, args[2], fn, 2, &from)))
        return PV_NTHROW;
    uint32_t at;
    int64_t hit = pv_str_char_offset(vm, s, from < 0 ? 0 : from, &at) ? find(s, pat, at) : -1;
    *ret = pv_int(hit < 0 ? -1 : (int32_t)pv_str_byte_to_char(vm, s, (uint32_t)hit));
    return PV_NOK;
}

static int str_strstr(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return index_of(vm, args, ret, "strstr", false);
}

static int str_indexof(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return index_of(vm, args, ret, "indexOf", false);
}

static int str_indexof_from(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return index_of(vm, args, ret, "indexOf", true);
}

static int str_lastindexof(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "lastIndexOf"), *pat;
    if (!s || !(pat = pv_arg_string(vm, args[1], "lastIndexOf", 1)))
        return PV_NTHROW;
    int64_t at = -1;
    if (pat->len <= s->len)
        for (int64_t i = s->len - pat->len; i >= 0 && at < 0; i--)
            if (memcmp(s->bytes + i, pat->bytes, pat->len) == 0)
                at = i;
    *ret = pv_int(at < 0 ? -1 : (int32_t)pv_str_byte_to_char(vm, s, (uint32_t)at));
    return PV_NOK;
}

/* startsWith, endsWith, contains: where pat must be found. */
enum { AT_START, AT_END, ANYWHERE };

static int match(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, int where)
{
    struct pv_string *s = self(vm, args, fn), *pat;
    if (!s || !(pat = pv_arg_string(vm, args[1], fn, 1)))
        return PV_NTHROW;
    bool ok = pat->len <= s->len;
    if (ok && where == AT_START)
        ok = memcmp(s->bytes, pat->bytes, pat->len) == 0;
    else if (ok && where == AT_END)
        ok = memcmp(s->bytes + s->len - pat->len, pat->bytes, pat->len) == 0;
    else if (ok)
        ok = find(s, pat, 0) >= 0;
    *ret = pv_bool(ok);
    return PV_NOK;
}

static int str_startswith(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return match(vm, args, ret, "startsWith", AT_START);
}

static int str_endswith(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return match(vm, args, ret, "endsWith", AT_END);
}

static int str_contains(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return match(vm, args, ret, "contains", ANYWHERE);
}

/* Every occurrence, left to right, not overlapping. */
static int str_replace(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "replace"), *a, *b;
    if (!s || !(a = pv_arg_string(vm, args[1], "replace", 1)) ||
        !(b = pv_arg_string(vm, args[2], "replace", 2)))
        return PV_NTHROW;
    if (a->len == 0)
        return pv_throw(vm, PV_B_ARG_EXC, "replace: the text to replace is empty");
    pv_buf out = { 0 };
    int64_t at = 0, hit;
    while ((hit = find(s, a, at)) >= 0) {
        pv_buf_add(&out, s->bytes + at, (size_t)(hit - at));
        pv_buf_add(&out, b->bytes, b->len);
        at = hit + a->len;
    }
    pv_buf_add(&out, s->bytes + at, (size_t)(s->len - at));
    return pv_ret_obj(vm, ret, pv_buf_finish(vm, &out));
}

/* Whether the character starting at byte `at` is white space (Unicode,
 * hal_char_classes); *n receives its length in bytes. */
static bool space_at(const struct pv_string *s, uint32_t at, uint32_t *n)
{
    uint32_t cp;
    *n = (uint32_t)pv_utf8_decode((const uint8_t *)s->bytes + at, s->len - at, &cp);
    return (hal_char_classes(cp) & HAL_CH_SPACE) != 0;
}

static int str_trim(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "trim");
    if (!s)
        return PV_NTHROW;
    uint32_t lo = 0, hi = s->len, n;
    while (lo < hi && space_at(s, lo, &n))
        lo += n;
    while (hi > lo && space_at(s, char_before(s, hi), &n))
        hi -= n;
    if (lo == 0 && hi == s->len) {
        *ret = args[0];
        return PV_NOK;
    }
    return pv_ret_obj(vm, ret, pv_str_new(vm, s->bytes + lo, hi - lo));
}

/* Each character mapped by itself (simple case mapping: "ß" stays, as it
 * has no single upper case form); the bytes of a character that maps to
 * itself are copied as they are, so bytes that are not UTF-8 stay. */
static int change_case(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, bool upper)
{
    struct pv_string *s = self(vm, args, fn);
    if (!s)
        return PV_NTHROW;
    if (pv_str_is_ascii(s)) {   /* the common case: byte for byte */
        struct pv_string *r = pv_str_new(vm, s->bytes, s->len);
        for (uint32_t i = 0; r && i < r->len; i++)
            r->bytes[i] = (char)(upper ? hal_char_upper((uint8_t)r->bytes[i]) : hal_char_lower((uint8_t)r->bytes[i]));
        return pv_ret_obj(vm, ret, r);
    }
    pv_buf out = {0};
    for (uint32_t at = 0; at < s->len;) {
        uint32_t cp;
        size_t n = pv_utf8_decode((const uint8_t *)s->bytes + at, s->len - at, &cp);
        uint32_t to = upper ? hal_char_upper(cp) : hal_char_lower(cp);
        if (to == cp)
            pv_buf_add(&out, s->bytes + at, n);
        else
            pv_buf_utf8(&out, to);
        at += (uint32_t)n;
    }
    return pv_ret_obj(vm, ret, pv_buf_finish(vm, &out));
}

static int str_upper(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return change_case(vm, args, ret, "toUpperCase", true);
}

static int str_lower(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return change_case(vm, args, ret, "toLowerCase", false);
}

static int push_piece(pv_vm *vm, struct pv_array *out, const char *p, size_t n)
{
    struct pv_string *piece = pv_str_new(vm, p, n);
    return piece ? pv_array_push(vm, out, pv_from_ptr(piece)) : -1;
}

/* The pieces between separators, empty ones included ("a,,b," gives "a",
 * "", "b", ""); an empty separator splits into characters. */
static int str_split(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "split"), *sep;
    if (!s || !(sep = pv_arg_string(vm, args[1], "split", 1)))
        return PV_NTHROW;
    struct pv_array *out = pv_array_new(vm, 0);
    if (!out)
        return pv_throw_oom(vm);
    int rc = 0;
    int64_t at = 0, hit;
    if (sep->len == 0) {
        while (at < s->len && rc == 0) {
            uint32_t cp;
            size_t n = pv_utf8_decode((const uint8_t *)s->bytes + at, s->len - (size_t)at, &cp);
            rc = push_piece(vm, out, s->bytes + at, n);
            at += (int64_t)n;
        }
    } else {
        while (rc == 0 && (hit = find(s, sep, at)) >= 0) {
            rc = push_piece(vm, out, s->bytes + at, (size_t)(hit - at));
            at = hit + sep->len;
        }
        if (rc == 0)
            rc = push_piece(vm, out, s->bytes + at, (size_t)(s->len - at));
    }
    return pv_ret_obj(vm, ret, rc == 0 ? out : NULL);
}

static int str_compareto(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "compareTo"), *t;
    if (!s || !(t = pv_arg_string(vm, args[1], "compareTo", 1)))
        return PV_NTHROW;
    *ret = pv_int(pv_str_compare(s, t));
    return PV_NOK;
}

/* ---- parsing -------------------------------------------------------------------- */

static int str_toint(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "toInt");
    int32_t v;
    const char *err;
    if (!s)
        return PV_NTHROW;
    if ((err = pv_parse_int(s->bytes, s->len, &v)))
        return pv_throw_parse(vm, "toInt", s, "int", err);
    *ret = pv_int(v);
    return PV_NOK;
}

static int str_tolong(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "toLong");
    int64_t v;
    const char *err;
    if (!s)
        return PV_NTHROW;
    if ((err = pv_parse_long(s->bytes, s->len, &v)))
        return pv_throw_parse(vm, "toLong", s, "long", err);
    *ret = pv_make_long(vm, v);
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}

static int str_tofloat(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "toFloat");
    float v;
    const char *err;
    if (!s)
        return PV_NTHROW;
    if ((err = pv_parse_float(s->bytes, s->len, &v)))
        return pv_throw_parse(vm, "toFloat", s, "float", err);
    *ret = pv_float(v);
    return PV_NOK;
}

static int str_todouble(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "toDouble");
    double v;
    const char *err;
    if (!s)
        return PV_NTHROW;
    if ((err = pv_parse_double(s->bytes, s->len, &v)))
        return pv_throw_parse(vm, "toDouble", s, "double", err);
    *ret = pv_double(v);
    return PV_NOK;
}

static int str_parsejson(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = self(vm, args, "parseJson");
    if (!s)
        return PV_NTHROW;
    return pv_json_parse(vm, s->bytes, s->len, ret);
}

static const pv_native_method methods[] = {
    { "substring", "(*,*)*", 8, 0, str_substring },
    { "charAt", "(*)*", 9, 0, str_charat },
    { "concat", "(*)*", 10, 0, str_concat },
    { "length", "()*", 11, 0, str_length },
    { "strstr", "(*)*", 12, 0, str_strstr },
    { "toInt", "()*", 16, 0, str_toint },
    { "toLong", "()*", 17, 0, str_tolong },
    { "toFloat", "()*", 18, 0, str_tofloat },
    { "toDouble", "()*", 19, 0, str_todouble },
    { "parseJson", "()*", 20, 0, str_parsejson },
    { "indexOf", "(*)*", PV_NO_ORDINAL, 0, str_indexof },
    { "indexOf", "(*,*)*", PV_NO_ORDINAL, 0, str_indexof_from },
    { "lastIndexOf", "(*)*", PV_NO_ORDINAL, 0, str_lastindexof },
    { "startsWith", "(*)*", PV_NO_ORDINAL, 0, str_startswith },
    { "endsWith", "(*)*", PV_NO_ORDINAL, 0, str_endswith },
    { "contains", "(*)*", PV_NO_ORDINAL, 0, str_contains },
    { "replace", "(*,*)*", PV_NO_ORDINAL, 0, str_replace },
    { "trim", "()*", PV_NO_ORDINAL, 0, str_trim },
    { "toUpperCase", "()*", PV_NO_ORDINAL, 0, str_upper },
    { "toLowerCase", "()*", PV_NO_ORDINAL, 0, str_lower },
    { "split", "(*)*", PV_NO_ORDINAL, 0, str_split },
    { "compareTo", "(*)*", PV_NO_ORDINAL, 0, str_compareto },
    { "isEmpty", "()*", PV_NO_ORDINAL, 0, str_isempty },
    { "byteLength", "()*", PV_NO_ORDINAL, 0, str_bytelength },
    { "byteAt", "(*)*", PV_NO_ORDINAL, 0, str_byteat },
    { "bytes", "()*", PV_NO_ORDINAL, 0, str_bytes },
    { "charAtByte", "(*)*", PV_NO_ORDINAL, 0, str_charat_byte },
};

const pv_native_class pv_nc_string = {
    .name = ".internal.string",
    .kind = PV_K_STRING,
    .flags = PV_CF_FINAL,
    .methods = methods,
    .nmethods = PV_COUNTOF(methods),
};
