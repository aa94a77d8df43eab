/*
 * classfile.c - the class file format (docs/BYTECODE.md, "Class files"):
 * the strict reader, the deterministic writer, the constant helpers that
 * producers use, the canonical constant order, and the instruction decoder
 * shared with the verifier and the disassembler.
 *
 * The reader trusts nothing.  Every count is checked against what the rest
 * of the file could possibly hold before anything is allocated for it, so
 * memory stays within a small multiple of the file's size; every string is
 * checked once per role however many constants or members use it, and
 * duplicate members are found by sorting interned ids, so the work stays
 * close to linear in the file's size.
 *
 * This file knows nothing of the persistent world: it runs on malloc.
 */
#include "classfile.h"
#include "object.h"
#include "opcodes.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- names and descriptors ------------------------------------------------ */

/* Bytes a name component may hold: printable, and none of the characters
 * that separate names in descriptors, in the assembly language or in the
 * loader's "name(desc)" and "name/N" lookup keys. */
static bool name_byte(unsigned char c)
{
    return c > 0x20 && c != 0x7F && !strchr("().,[]*:;#\"/", c);
}

/* Length of the dotted name at s ("a.b" or ".a.b"; the leading dot is
 * required when absolute), 0 if there is none. */
static size_t scan_name(const char *s, bool absolute)
{
    size_t n = 0;
    if (s[0] == '.')
        n = 1;
    else if (absolute)
        return 0;
    for (;;) {
        size_t start = n;
        while (name_byte((unsigned char)s[n]))
            n++;
        if (n == start)
            return 0;
        if (s[n] != '.')
            return n;
        n++;
    }
}

/* Length of the argument type at s: "*" or a name other than "void", then
 * any number of "[]"; 0 if there is none. */
static size_t scan_type(const char *s)
{
    size_t n = s[0] == '*' ? 1 : scan_name(s, false);
    if (n == 0 || (n == 4 && memcmp(s, "void", 4) == 0))
        return 0;
    while (s[n] == '[' && s[n + 1] == ']')
        n += 2;
    return n;
}

/* Walks a descriptor's argument types: the count, or -1 if malformed;
 * the type of argument `want` (from 0) goes to *type and *len when
 * there is one. */
static int desc_args(const char *desc, int want, const char **type, size_t *len)
{
    if (!desc || desc[0] != '(')
        return -1;
    const char *s = desc + 1;
    int n = 0;
    while (*s != ')') {
        size_t t = scan_type(s);
        if (t == 0 || n + 1 > (int)PV_CF_MAX_ARGS)
            return -1;
        if (n++ == want) {
            *type = s;
            *len = t;
        }
        s += t;
        if (*s == ',' && s[1] != ')')
            s++;
        else if (*s != ')')
            return -1;
    }
    s++;
    if (strcmp(s, "void") == 0)
        return n;
    size_t r = scan_type(s);
    return r && s[r] == 0 ? n : -1;
}

int pv_desc_nargs(const char *desc)
{
    return desc_args(desc, -1, NULL, NULL);
}

bool pv_desc_arg(const char *desc, int i, const char **type, size_t *len)
{
    return i >= 0 && desc_args(desc, i, type, len) > i;
}

bool pv_cf_name_ok(const char *s)
{
    size_t n = 0;
    if (!s)
        return false;
    while (name_byte((unsigned char)s[n]))
        n++;
    return n > 0 && s[n] == 0;
}

static bool class_name_ok(const char *s)
{
    size_t n = scan_name(s, true);
    while (n && s[n] == '[' && s[n + 1] == ']')
        n += 2;
    return n && s[n] == 0;
}

static bool type_ok(const char *s)
{
    size_t n = scan_type(s);
    return n && s[n] == 0;
}

/* Well-formed UTF-8 (no overlong forms, surrogates or code points above
 * U+10FFFF) without NUL bytes. */
static bool utf8_ok(const uint8_t *s, uint32_t len)
{
    uint32_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            if (c == 0)
                return false;
            i++;
            continue;
        }
        uint32_t more, cp, min;
        if ((c & 0xE0) == 0xC0)
            more = 1, cp = c & 0x1Fu, min = 0x80;
        else if ((c & 0xF0) == 0xE0)
            more = 2, cp = c & 0x0Fu, min = 0x800;
        else if ((c & 0xF8) == 0xF0)
            more = 3, cp = c & 0x07u, min = 0x10000;
        else
            return false;
        if (len - i - 1 < more)
            return false;
        for (uint32_t k = 1; k <= more; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += more + 1;
    }
    return true;
}

/* ---- the constant lookup table ---------------------------------------------
 * Open addressing over constant indices (0 = empty), at most half full.
 * Two uses: the producers' pool (cf->pool), which also owns the capacity
 * of cf->consts, and temporary tables for interning and canonicalising. */

struct pv_cf_pool {
    const pv_cf_const *consts; /* the array the producer pool indexes */
    uint32_t cap;              /* entries allocated there */
    uint32_t nconsts;          /* consts[1..nconsts) are in the table */
    uint32_t count, size;      /* entries in slot[], its size (0 or a power of two) */
    uint32_t *slot;
};
typedef struct pv_cf_pool pool;

static uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

/* A hash of the fields that matter for k's kind (the others may be stale). */
static uint32_t const_hash(const pv_cf_const *k)
{
    uint64_t h = mix(0, k->kind);
    switch (k->kind) {
    case PV_CK_UTF8: {
        uint64_t f = 0xCBF29CE484222325ull; /* FNV-1a over the bytes */
        for (uint32_t i = 0; i < k->len; i++)
            f = (f ^ (uint8_t)k->s[i]) * 0x100000001B3ull;
        h = mix(h, f ^ k->len);
        break;
    }
    case PV_CK_INT: case PV_CK_LONG: h = mix(h, (uint64_t)k->i); break;
    case PV_CK_FLOAT: case PV_CK_DOUBLE: h = mix(h, k->bits); break;
    case PV_CK_METHOD: h = mix(h, k->c); /* fall through */
    case PV_CK_FIELD: h = mix(h, k->b); /* fall through */
    case PV_CK_CLASS: h = mix(h, k->a); break;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static bool const_same(const pv_cf_const *x, const pv_cf_const *y)
{
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case PV_CK_UTF8: return x->len == y->len && (x->len == 0 || memcmp(x->s, y->s, x->len) == 0);
    case PV_CK_INT: case PV_CK_LONG: return x->i == y->i;
    case PV_CK_FLOAT: case PV_CK_DOUBLE: return x->bits == y->bits;
    case PV_CK_CLASS: return x->a == y->a;
    case PV_CK_FIELD: return x->a == y->a && x->b == y->b;
    case PV_CK_METHOD: return x->a == y->a && x->b == y->b && x->c == y->c;
    }
    return false;
}

/* The index of a constant equal to k among those in the table, or 0. */
static uint32_t table_get(const pool *p, const pv_cf_const *consts, const pv_cf_const *k)
{
    if (p->size == 0)
        return 0;
    for (uint32_t h = const_hash(k) & (p->size - 1);; h = (h + 1) & (p->size - 1)) {
        uint32_t i = p->slot[h];
        if (i == 0 || const_same(&consts[i], k))
            return i;
    }
}

/* Makes room for n entries in all; -1 on out of memory (table unchanged). */
static int table_reserve(pool *p, const pv_cf_const *consts, uint32_t n)
{
    if ((uint64_t)n * 2 <= p->size)
        return 0;
    uint32_t size = 16;
    while (size < (uint64_t)n * 2)
        size *= 2;
    uint32_t *slot = calloc(size, sizeof *slot);
    if (!slot)
        return -1;
    for (uint32_t k = 0; k < p->size; k++) {
        uint32_t i = p->slot[k], h;
        if (i == 0)
            continue;
        h = const_hash(&consts[i]) & (size - 1);
        while (slot[h])
            h = (h + 1) & (size - 1);
        slot[h] = i;
    }
    free(p->slot);
    p->slot = slot;
    p->size = size;
    return 0;
}

/* Adds constant i, which must not be in the table yet. */
static int table_put(pool *p, const pv_cf_const *consts, uint32_t i)
{
    if (table_reserve(p, consts, p->count + 1) < 0)
        return -1;
    uint32_t h = const_hash(&consts[i]) & (p->size - 1);
    while (p->slot[h])
        h = (h + 1) & (p->size - 1);
    p->slot[h] = i;
    p->count++;
    return 0;
}

static void pool_free(pool *p)
{
    if (p) {
        free(p->slot);
        free(p);
    }
}

uint32_t *pv_cf_utf8_ids(const pv_cf *cf)
{
    uint32_t *ids = calloc(cf->nconsts ? cf->nconsts : 1, sizeof *ids);
    pool t = {0};
    if (!ids)
        return NULL;
    for (uint32_t i = 1; i < cf->nconsts; i++) {
        if (cf->consts[i].kind != PV_CK_UTF8)
            continue;
        uint32_t j = table_get(&t, cf->consts, &cf->consts[i]);
        if (j == 0 && table_put(&t, cf->consts, j = i) < 0) {
            free(t.slot);
            free(ids);
            return NULL;
        }
        ids[i] = j;
    }
    free(t.slot);
    return ids;
}

/* ---- constant helpers for producers --------------------------------------- */

/* cf's pool, (re)built when missing or when the constants were changed
 * behind the helpers' back (reallocated, added or removed).  Afterwards
 * cf->consts has room for pool->cap entries and nconsts >= 1. */
static pool *producer_pool(pv_cf *cf)
{
    pool *p = cf->pool;
    if (p && p->consts == cf->consts && p->nconsts == cf->nconsts && cf->consts)
        return p;
    if (!p && !(p = cf->pool = calloc(1, sizeof *p)))
        return NULL;
    free(p->slot);
    *p = (pool){0};
    uint32_t n = cf->nconsts ? cf->nconsts : 1, cap = 16;
    while (cap < n)
        cap *= 2;
    pv_cf_const *k = realloc(cf->consts, cap * sizeof *k);
    if (!k)
        return NULL;
    memset(k + cf->nconsts, 0, (cap - cf->nconsts) * sizeof *k);
    cf->consts = k;
    cf->nconsts = n;
    for (uint32_t i = 1; i < n; i++)
        if (!table_get(p, k, &k[i]) && table_put(p, k, i) < 0)
            return NULL; /* p->consts stays NULL: rebuilt next time */
    p->consts = k;
    p->cap = cap;
    p->nconsts = n;
    return p;
}

/* The index of a constant equal to k, appended if there is none; 0 on out
 * of memory or when the pool is full.  k->s is copied. */
static uint32_t add_const(pv_cf *cf, const pv_cf_const *k)
{
    pool *p = producer_pool(cf);
    if (!p)
        return 0;
    uint32_t i = table_get(p, cf->consts, k);
    if (i)
        return i;
    if (cf->nconsts >= PV_CF_MAX_CONSTS)
        return 0;
    if (cf->nconsts == p->cap) {
        pv_cf_const *g = realloc(cf->consts, 2 * (size_t)p->cap * sizeof *g);
        if (!g)
            return 0;
        memset(g + p->cap, 0, p->cap * sizeof *g);
        cf->consts = g;
        p->consts = g;
        p->cap *= 2;
    }
    pv_cf_const c = *k;
    if (c.kind == PV_CK_UTF8) {
        if (!(c.s = malloc((size_t)c.len + 1)))
            return 0;
        if (c.len)
            memcpy(c.s, k->s, c.len);
        c.s[c.len] = 0;
    }
    i = cf->nconsts;
    cf->consts[i] = c;
    if (table_put(p, cf->consts, i) < 0) {
        free(c.s);
        cf->consts[i] = (pv_cf_const){0};
        return 0;
    }
    p->nconsts = ++cf->nconsts;
    return i;
}

uint32_t pv_cf_utf8(pv_cf *cf, const char *s, uint32_t len)
{
    if (len > PV_CF_MAX_STRING)
        return 0;
    return add_const(cf, &(pv_cf_const){.kind = PV_CK_UTF8, .s = (char *)s, .len = len});
}

uint32_t pv_cf_int(pv_cf *cf, int32_t v) { return add_const(cf, &(pv_cf_const){.kind = PV_CK_INT, .i = v}); }
uint32_t pv_cf_long(pv_cf *cf, int64_t v) { return add_const(cf, &(pv_cf_const){.kind = PV_CK_LONG, .i = v}); }
uint32_t pv_cf_float(pv_cf *cf, uint32_t bits)
{
    return add_const(cf, &(pv_cf_const){.kind = PV_CK_FLOAT, .bits = bits});
}

uint32_t pv_cf_double(pv_cf *cf, uint64_t bits)
{
    return add_const(cf, &(pv_cf_const){.kind = PV_CK_DOUBLE, .bits = bits});
}

uint32_t pv_cf_class(pv_cf *cf, const char *name)
{
    size_t n = strlen(name);
    uint32_t u = n <= PV_CF_MAX_STRING ? pv_cf_utf8(cf, name, (uint32_t)n) : 0;
    return u ? add_const(cf, &(pv_cf_const){.kind = PV_CK_CLASS, .a = u}) : 0;
}

uint32_t pv_cf_field_ref(pv_cf *cf, const char *cls, const char *name)
{
    uint32_t c = pv_cf_class(cf, cls), n = c ? pv_cf_utf8(cf, name, (uint32_t)strlen(name)) : 0;
    return n ? add_const(cf, &(pv_cf_const){.kind = PV_CK_FIELD, .a = c, .b = n}) : 0;
}

uint32_t pv_cf_method_ref(pv_cf *cf, const char *cls, const char *name, const char *desc)
{
    uint32_t c = pv_cf_class(cf, cls);
    uint32_t n = c ? pv_cf_utf8(cf, name, (uint32_t)strlen(name)) : 0;
    uint32_t d = n ? pv_cf_utf8(cf, desc, (uint32_t)strlen(desc)) : 0;
    return d ? add_const(cf, &(pv_cf_const){.kind = PV_CK_METHOD, .a = c, .b = n, .c = d}) : 0;
}

const char *pv_cf_str(const pv_cf *cf, uint32_t i)
{
    return i && i < cf->nconsts && cf->consts[i].kind == PV_CK_UTF8 ? cf->consts[i].s : NULL;
}

const char *pv_cf_class_name(const pv_cf *cf, uint32_t i)
{
    return i && i < cf->nconsts && cf->consts[i].kind == PV_CK_CLASS ? pv_cf_str(cf, cf->consts[i].a) : NULL;
}

/* ---- instructions ------------------------------------------------------------ */

int pv_insn_decode(const uint8_t *code, uint32_t len, uint32_t pc, pv_insn *out)
{
    if (pc >= len || code[pc] >= PV_OP_COUNT)
        return 0;
    uint8_t fmt = pv_opinfo[code[pc]].fmt;
    int size = pv_op_size(fmt);
    if ((uint32_t)size > len - pc)
        return 0;
    const uint8_t *p = code + pc + 1;
    *out = (pv_insn){.op = code[pc], .fmt = fmt, .size = (uint8_t)size};
    switch (fmt) {
    case PV_F_NONE: break;
    case PV_F_I32: out->i = (int32_t)pv_rd32(p); break;
    case PV_F_K: case PV_F_J: out->u = pv_rd32(p); break;
    case PV_F_L: out->u = pv_rd16(p); break;
    case PV_F_KN: out->u = pv_rd32(p); out->i = p[4]; break;
    case PV_F_ON: out->u = pv_rd16(p); out->i = p[2]; break;
    case PV_F_LI: out->u = pv_rd16(p); out->i = (int16_t)pv_rd16(p + 2); break;
    case PV_F_U8: out->u = p[0]; break;
    }
    return size;
}

/* ---- reader ---------------------------------------------------------------- */

const char *pv_cf_kind_name(unsigned kind)
{
    static const char *const name[PV_CK_COUNT] = {
        "unused", "utf8", "int", "long", "float", "double", "class", "field", "method",
    };
    return kind < PV_CK_COUNT ? name[kind] : "unknown";
}

/* What a UTF8 constant has been checked as (each role once per string). */
enum { ROLE_CLASS = 1, ROLE_NAME = 2, ROLE_TYPE = 4, ROLE_DESC = 8 };
typedef struct role_memo {
    uint8_t done, ok;
    int16_t nargs;   /* ROLE_DESC: the argument count */
} role_memo;

/* A member's identity for the duplicate check: key, file offset, index. */
typedef struct dupkey { uint64_t key; uint32_t at, index; } dupkey;

typedef struct reader {
    const uint8_t *b;
    size_t len, pos;
    const char *what;
    pv_cf *cf;
    const char *cls;       /* the class's name once known */
    const char *meth;      /* the method being read */
    uint32_t *at;          /* file offset of each constant */
    role_memo *memo;       /* per constant */
    uint32_t *ids;         /* pv_cf_utf8_ids, once the constants are read */
    pv_cf_error *err;
} reader;

/* Fills the error: "what: class C: method M: problem (offset N)". */
static int fail(reader *r, size_t at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(reader *r, size_t at, const char *fmt, ...)
{
    if (!r->err)
        return -1;
    char problem[360];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(problem, sizeof problem, fmt, ap);
    va_end(ap);
    snprintf(r->err->msg, sizeof r->err->msg, "%s%s%s%.160s%s%s%.100s%s%s (offset %zu)",
             r->what && *r->what ? r->what : "", r->what && *r->what ? ": " : "",
             r->cls ? "class " : "", r->cls ? r->cls : "", r->cls ? ": " : "",
             r->meth ? "method " : "", r->meth ? r->meth : "", r->meth ? ": " : "", problem, at);
    return -1;
}

static int oom(reader *r) { return fail(r, r->pos, "out of memory"); }

static int need(reader *r, size_t n, const char *item)
{
    return r->len - r->pos >= n ? 0 : fail(r, r->pos, "the file ends inside %s", item);
}

/* Reads an n-byte (n <= 8) little-endian integer. */
static int get_le(reader *r, size_t n, uint64_t *v, const char *item)
{
    if (need(r, n, item) < 0)
        return -1;
    *v = 0;
    for (size_t i = 0; i < n; i++)
        *v |= (uint64_t)r->b[r->pos + i] << (8 * i);
    r->pos += n;
    return 0;
}

static int get_u16(reader *r, uint16_t *v, const char *item)
{
    uint64_t x = 0;
    int rc = get_le(r, 2, &x, item);
    *v = (uint16_t)x;
    return rc;
}

static int get_u32(reader *r, uint32_t *v, const char *item)
{
    uint64_t x = 0;
    int rc = get_le(r, 4, &x, item);
    *v = (uint32_t)x;
    return rc;
}

/* Reads a count and checks that count entries of at least `each` bytes
 * could still follow and that it is within max. */
static int get_count(reader *r, uint32_t *n, size_t each, uint32_t max, const char *item)
{
    size_t at = r->pos;
    if (get_u32(r, n, item) < 0)
        return -1;
    if (*n > max)
        return fail(r, at, "%u %s, more than the limit of %u", *n, item, max);
    if ((uint64_t)*n * each > r->len - r->pos)
        return fail(r, at, "%u %s exceed the file", *n, item);
    return 0;
}

static bool is_kind(const pv_cf *cf, uint32_t i, int kind)
{
    return i > 0 && i < cf->nconsts && cf->consts[i].kind == kind;
}

/* Checks that constant i (referenced as `item`) has the given kind. */
static int want_kind(reader *r, size_t at, uint32_t i, int kind, const char *item)
{
    if (is_kind(r->cf, i, kind))
        return 0;
    if (i == 0 || i >= r->cf->nconsts)
        return fail(r, at, "%s is constant %u, which does not exist", item, i);
    return fail(r, at, "%s is constant %u, a %s constant, not a %s constant", item, i,
                pv_cf_kind_name(r->cf->consts[i].kind), pv_cf_kind_name(kind));
}

/* Whether UTF8 constant i is valid in role (checked once per string). */
static bool role_ok(reader *r, uint32_t i, int role)
{
    role_memo *m = &r->memo[i];
    if (!(m->done & role)) {
        const char *s = r->cf->consts[i].s;
        bool ok = false;
        switch (role) {
        case ROLE_CLASS: ok = class_name_ok(s); break;
        case ROLE_NAME: ok = pv_cf_name_ok(s); break;
        case ROLE_TYPE: ok = type_ok(s); break;
        case ROLE_DESC: ok = (m->nargs = (int16_t)pv_desc_nargs(s)) >= 0; break;
        }
        m->done |= (uint8_t)role;
        m->ok |= ok ? (uint8_t)role : 0;
    }
    return (m->ok & role) != 0;
}

static const char *const role_what[] = {
    [ROLE_CLASS] = "a class name", [ROLE_NAME] = "a valid name",
    [ROLE_TYPE] = "a type", [ROLE_DESC] = "a method descriptor",
};

/* Reads a u32 UTF8 reference (0 allowed when optional) valid in role. */
static int get_utf8(reader *r, uint32_t *v, int role, bool optional, const char *item)
{
    size_t at = r->pos;
    if (get_u32(r, v, item) < 0)
        return -1;
    if (*v == 0 && optional)
        return 0;
    if (want_kind(r, at, *v, PV_CK_UTF8, item) < 0)
        return -1;
    if (role && !role_ok(r, *v, role))
        return fail(r, at, "%s \"%.80s\" is not %s", item, r->cf->consts[*v].s, role_what[role]);
    return 0;
}

/* Reads a u32 CLASS reference (0 allowed when optional). */
static int get_class(reader *r, uint32_t *v, bool optional, const char *item)
{
    size_t at = r->pos;
    if (get_u32(r, v, item) < 0)
        return -1;
    return *v == 0 && optional ? 0 : want_kind(r, at, *v, PV_CK_CLASS, item);
}

static int read_const(reader *r, uint32_t i)
{
    pv_cf_const *k = &r->cf->consts[i];
    size_t at = r->at[i] = (uint32_t)r->pos;
    uint64_t kind, v;
    if (get_le(r, 1, &kind, "a constant") < 0)
        return -1;
    k->kind = (uint8_t)kind;
    switch (kind) {
    case PV_CK_UTF8:
        if (get_u32(r, &k->len, "a constant") < 0)
            return -1;
        if (k->len > PV_CF_MAX_STRING)
            return fail(r, at, "constant %u: string length %u is above the limit of %u", i, k->len, PV_CF_MAX_STRING);
        if (need(r, k->len, "a string constant") < 0)
            return -1;
        if (!utf8_ok(r->b + r->pos, k->len))
            return fail(r, at, "constant %u: the string is not valid UTF-8 or holds a NUL byte", i);
        if (!(k->s = malloc((size_t)k->len + 1)))
            return oom(r);
        memcpy(k->s, r->b + r->pos, k->len);
        k->s[k->len] = 0;
        r->pos += k->len;
        return 0;
    case PV_CK_INT:
        if (get_le(r, 4, &v, "a constant") < 0)
            return -1;
        k->i = (int32_t)(uint32_t)v;
        return 0;
    case PV_CK_LONG:
        if (get_le(r, 8, &v, "a constant") < 0)
            return -1;
        k->i = (int64_t)v;
        return 0;
    case PV_CK_FLOAT: return get_le(r, 4, &k->bits, "a constant");
    case PV_CK_DOUBLE: return get_le(r, 8, &k->bits, "a constant");
    case PV_CK_METHOD:
        return get_u32(r, &k->a, "a constant") || get_u32(r, &k->b, "a constant") ||
               get_u32(r, &k->c, "a constant") ? -1 : 0;
    case PV_CK_FIELD:
        return get_u32(r, &k->a, "a constant") || get_u32(r, &k->b, "a constant") ? -1 : 0;
    case PV_CK_CLASS: return get_u32(r, &k->a, "a constant");
    default: return fail(r, at, "constant %u has unknown kind %u", i, (unsigned)kind);
    }
}

/* Checks the references between constants once all of them are read. */
static int check_const(reader *r, uint32_t i)
{
    const pv_cf_const *k = &r->cf->consts[i];
    size_t at = r->at[i];
    char item[64];
    switch (k->kind) {
    case PV_CK_CLASS:
        snprintf(item, sizeof item, "constant %u: the class name", i);
        if (want_kind(r, at, k->a, PV_CK_UTF8, item) < 0)
            return -1;
        if (!role_ok(r, k->a, ROLE_CLASS))
            return fail(r, at, "%s \"%.80s\" is not a full class name", item, r->cf->consts[k->a].s);
        return 0;
    case PV_CK_FIELD:
    case PV_CK_METHOD:
        snprintf(item, sizeof item, "constant %u: the class", i);
        if (want_kind(r, at, k->a, PV_CK_CLASS, item) < 0)
            return -1;
        snprintf(item, sizeof item, "constant %u: the name", i);
        if (want_kind(r, at, k->b, PV_CK_UTF8, item) < 0)
            return -1;
        if (!role_ok(r, k->b, ROLE_NAME))
            return fail(r, at, "%s \"%.80s\" is not a valid name", item, r->cf->consts[k->b].s);
        if (k->kind == PV_CK_FIELD)
            return 0;
        snprintf(item, sizeof item, "constant %u: the descriptor", i);
        if (want_kind(r, at, k->c, PV_CK_UTF8, item) < 0)
            return -1;
        return role_ok(r, k->c, ROLE_DESC) ? 0 : fail(r, at, "%s \"%.80s\" is malformed", item, r->cf->consts[k->c].s);
    }
    return 0;
}

static int read_consts(reader *r)
{
    pv_cf *cf = r->cf;
    size_t at = r->pos;
    uint32_t n;
    /* the smallest constant (an int, or an empty string) is 5 bytes */
    if (get_count(r, &n, 5, PV_CF_MAX_CONSTS, "constants") < 0)
        return -1;
    if (n == 0)
        return fail(r, at, "the constant count is 0, but it includes the unused entry 0");
    if (!(cf->consts = calloc(n, sizeof *cf->consts)) || !(r->at = calloc(n, sizeof *r->at)) ||
        !(r->memo = calloc(n, sizeof *r->memo)))
        return oom(r);
    cf->nconsts = n;
    for (uint32_t i = 1; i < n; i++)
        if (read_const(r, i) < 0)
            return -1;
    for (uint32_t i = 1; i < n; i++)
        if (check_const(r, i) < 0)
            return -1;
    return (r->ids = pv_cf_utf8_ids(cf)) ? 0 : oom(r);
}

static int cmp_dupkey(const void *x, const void *y)
{
    const dupkey *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* The entry of keys that repeats an earlier one at the smallest offset,
 * or NULL if all keys differ.  Sorts keys. */
static const dupkey *first_dup(dupkey *keys, uint32_t n)
{
    const dupkey *d = NULL;
    qsort(keys, n, sizeof *keys, cmp_dupkey);
    for (uint32_t i = 1; i < n; i++)
        if (keys[i].key == keys[i - 1].key && (!d || keys[i].at < d->at))
            d = &keys[i];
    return d;
}

static int read_header(reader *r)
{
    pv_cf *cf = r->cf;
    if (get_class(r, &cf->this_class, false, "the class") < 0)
        return -1;
    r->cls = pv_cf_class_name(cf, cf->this_class);
    bool root = strcmp(r->cls, ".internal.object") == 0;
    size_t at = r->pos;
    if (get_class(r, &cf->super_class, true, "the superclass") < 0)
        return -1;
    if (!cf->super_class && !root)
        return fail(r, at, "no superclass (only .internal.object has none)");
    if (cf->super_class && root)
        return fail(r, at, ".internal.object cannot have a superclass");
    if (get_utf8(r, &cf->source, 0, true, "the source file name") < 0)
        return -1;
    if (get_count(r, &cf->ninterfaces, 4, PV_CF_MAX_MEMBERS, "interfaces") < 0)
        return -1;
    if (!(cf->interfaces = calloc(cf->ninterfaces + 1, sizeof *cf->interfaces)))
        return oom(r);
    for (uint32_t i = 0; i < cf->ninterfaces; i++)
        if (get_class(r, &cf->interfaces[i], false, "an interface") < 0)
            return -1;
    return 0;
}

static int read_fields(reader *r)
{
    pv_cf *cf = r->cf;
    if (get_count(r, &cf->nfields, 12, PV_CF_MAX_MEMBERS, "fields") < 0)
        return -1;
    dupkey *keys = calloc(cf->nfields + 1, sizeof *keys);
    if (!keys || !(cf->fields = calloc(cf->nfields + 1, sizeof *cf->fields))) {
        free(keys);
        return oom(r);
    }
    int rc = 0;
    for (uint32_t i = 0; i < cf->nfields && rc == 0; i++) {
        pv_cf_field *f = &cf->fields[i];
        size_t at = r->pos;
        keys[i] = (dupkey){0, (uint32_t)at, i};
        if (get_utf8(r, &f->name, ROLE_NAME, false, "a field name") < 0 ||
            get_u32(r, &f->flags, "a field") < 0) {
            rc = -1;
            break;
        }
        keys[i].key = r->ids[f->name];
        if (f->flags & ~PV_MF_STATIC)
            rc = fail(r, at + 4, "field %s: unknown flags 0x%x", cf->consts[f->name].s, f->flags);
        else
            rc = get_utf8(r, &f->type, ROLE_TYPE, true, "a field type");
    }
    const dupkey *d = rc == 0 ? first_dup(keys, cf->nfields) : NULL;
    if (d)
        rc = fail(r, d->at, "duplicate field %s", cf->consts[cf->fields[d->index].name].s);
    free(keys);
    return rc;
}

static int read_handlers(reader *r, pv_cf_method *m, bool abstract)
{
    size_t at = r->pos;
    if (get_count(r, &m->nhandlers, 16, PV_CF_MAX_CODE, "exception handlers") < 0)
        return -1;
    if (abstract && m->nhandlers)
        return fail(r, at, "an abstract method has exception handlers");
    if (!(m->handlers = calloc(m->nhandlers + 1, sizeof *m->handlers)))
        return oom(r);
    for (uint32_t i = 0; i < m->nhandlers; i++) {
        pv_cf_handler *h = &m->handlers[i];
        if (get_u32(r, &h->start, "a handler") < 0 || get_u32(r, &h->end, "a handler") < 0 ||
            get_u32(r, &h->target, "a handler") < 0 || get_class(r, &h->cls, true, "a handler's class") < 0)
            return -1;
    }
    return 0;
}

static int read_lines(reader *r, pv_cf_method *m)
{
    if (get_count(r, &m->nlines, 8, PV_CF_MAX_CODE, "line table entries") < 0)
        return -1;
    if (!(m->lines = calloc(m->nlines + 1, sizeof *m->lines)))
        return oom(r);
    for (uint32_t i = 0; i < m->nlines; i++) {
        pv_cf_line *l = &m->lines[i];
        size_t at = r->pos;
        if (get_u32(r, &l->pc, "the line table") < 0 || get_u32(r, &l->line, "the line table") < 0)
            return -1;
        if (l->pc >= m->code_len)
            return fail(r, at, "line table pc %u is outside the code (length %u)", l->pc, m->code_len);
        if (i > 0 && l->pc <= m->lines[i - 1].pc)
            return fail(r, at, "line table pc %u does not follow pc %u", l->pc, m->lines[i - 1].pc);
    }
    return 0;
}

static int read_code(reader *r, pv_cf_method *m, bool abstract)
{
    size_t at = r->pos;
    if (get_u32(r, &m->code_len, "the code length") < 0)
        return -1;
    if (abstract && m->code_len)
        return fail(r, at, "an abstract method has code");
    if (!abstract && !m->code_len)
        return fail(r, at, "no code (only abstract methods have none)");
    if (m->code_len > r->len - r->pos)
        return fail(r, at, "code length %u exceeds the file", m->code_len);
    if (m->code_len > PV_CF_MAX_CODE)
        return fail(r, at, "code length %u is above the limit of %u", m->code_len, PV_CF_MAX_CODE);
    if (!(m->code = malloc(m->code_len + 1)))
        return oom(r);
    memcpy(m->code, r->b + r->pos, m->code_len);
    r->pos += m->code_len;
    return 0;
}

static int read_method(reader *r, pv_cf_method *m)
{
    const pv_cf *cf = r->cf;
    const uint32_t usable = PV_MF_KNOWN & ~PV_MF_NATIVE;
    size_t at = r->pos;
    uint32_t flags;
    if (get_utf8(r, &m->name, ROLE_NAME, false, "a method name") < 0)
        return -1;
    r->meth = cf->consts[m->name].s;
    if (get_utf8(r, &m->desc, ROLE_DESC, false, "the descriptor") < 0)
        return -1;
    at = r->pos;
    if (get_u32(r, &m->flags, "the method flags") < 0)
        return -1;
    flags = m->flags;
    if (flags & ~usable)
        return fail(r, at, "unknown method flags 0x%x", flags & ~usable);
    if ((flags & PV_MF_ABSTRACT) && (flags & PV_MF_STATIC))
        return fail(r, at, "a method cannot be both abstract and static");
    if ((cf->flags & PV_CF_INTERFACE) && !(flags & (PV_MF_ABSTRACT | PV_MF_STATIC)))
        return fail(r, at, "an interface method must be abstract or static");
    at = r->pos;
    if (get_u32(r, &m->ordinal, "the ordinal") < 0)
        return -1;
    if (m->ordinal != PV_NO_ORDINAL && m->ordinal > PV_MAX_ORDINAL)
        return fail(r, at, "ordinal %u is above the maximum of %u", m->ordinal, PV_MAX_ORDINAL);
    at = r->pos;
    if (get_u16(r, &m->nargs, "the argument count") < 0)
        return -1;
    int want = r->memo[m->desc].nargs;
    if (m->nargs != want)
        return fail(r, at, "nargs %u does not match the %d arguments of %s", m->nargs, want,
                    cf->consts[m->desc].s);
    at = r->pos;
    if (get_u16(r, &m->nlocals, "the local count") < 0 || get_u16(r, &m->max_stack, "max_stack") < 0)
        return -1;
    unsigned params = m->nargs + !(flags & PV_MF_STATIC);
    if (m->nlocals < params)
        return fail(r, at, "nlocals %u is less than the %u the arguments%s need", m->nlocals, params,
                    flags & PV_MF_STATIC ? "" : " and the receiver");
    bool abstract = (flags & PV_MF_ABSTRACT) != 0;
    if (read_code(r, m, abstract) < 0 || read_handlers(r, m, abstract) < 0 || read_lines(r, m) < 0)
        return -1;
    r->meth = NULL;
    return 0;
}

static int read_methods(reader *r)
{
    pv_cf *cf = r->cf;
    /* name, desc, flags, ordinal, 3 u16, code length, 2 counts */
    if (get_count(r, &cf->nmethods, 34, PV_CF_MAX_MEMBERS, "methods") < 0)
        return -1;
    dupkey *keys = calloc(cf->nmethods + 1, sizeof *keys);
    if (!keys || !(cf->methods = calloc(cf->nmethods + 1, sizeof *cf->methods))) {
        free(keys);
        return oom(r);
    }
    int rc = 0;
    for (uint32_t i = 0; i < cf->nmethods && rc == 0; i++) {
        keys[i] = (dupkey){0, (uint32_t)r->pos, i};
        rc = read_method(r, &cf->methods[i]);
        if (rc == 0)
            keys[i].key = (uint64_t)r->ids[cf->methods[i].name] << 32 | r->ids[cf->methods[i].desc];
    }
    const dupkey *d = rc == 0 ? first_dup(keys, cf->nmethods) : NULL;
    if (d) {
        const pv_cf_method *m = &cf->methods[d->index];
        rc = fail(r, d->at, "duplicate method %s%s", cf->consts[m->name].s, cf->consts[m->desc].s);
    }
    free(keys);
    return rc;
}

static int read_class(reader *r)
{
    pv_cf *cf = r->cf;
    uint16_t major, minor;
    if (r->len > PV_CF_MAX_BYTES)
        return fail(r, 0, "the file is %zu bytes, more than the limit of %u", r->len, PV_CF_MAX_BYTES);
    if (r->len < 4 || memcmp(r->b, PV_CF_MAGIC, 4) != 0)
        return fail(r, 0, "not a Phantom class file (no PHCL magic)");
    r->pos = 4;
    if (get_u16(r, &major, "the header") < 0 || get_u16(r, &minor, "the header") < 0)
        return -1;
    /* a newer minor version may hold what this reader cannot check */
    if (major != PV_CF_VERSION_MAJOR || minor > PV_CF_VERSION_MINOR)
        return fail(r, 4, "class file version %u.%u is not supported (this VM reads %u.0 to %u.%u)", major,
                    minor, PV_CF_VERSION_MAJOR, PV_CF_VERSION_MAJOR, PV_CF_VERSION_MINOR);
    if (get_u32(r, &cf->flags, "the header") < 0)
        return -1;
    if (cf->flags & ~PV_CF_KNOWN)
        return fail(r, 8, "unknown class flags 0x%x", cf->flags & ~PV_CF_KNOWN);
    if (read_consts(r) < 0 || read_header(r) < 0 || read_fields(r) < 0 || read_methods(r) < 0)
        return -1;
    if (r->pos != r->len)
        return fail(r, r->pos, "%zu bytes of junk after the class", r->len - r->pos);
    return 0;
}

int pv_cf_read(const uint8_t *bytes, size_t len, const char *what, pv_cf *out, pv_cf_error *err)
{
    reader r = {.b = bytes, .len = len, .what = what, .cf = out, .err = err};
    memset(out, 0, sizeof *out);
    if (!bytes)
        r.len = 0;
    int rc = read_class(&r);
    free(r.at);
    free(r.memo);
    free(r.ids);
    if (rc < 0)
        pv_cf_free(out);
    return rc;
}

/* ---- writer ---------------------------------------------------------------- */

typedef struct wbuf {
    uint8_t *p;
    size_t len, cap;
    bool bad;    /* out of memory, or cf is inconsistent */
} wbuf;

static void put(wbuf *w, const void *src, size_t n)
{
    if (w->bad || n == 0)
        return;
    if (n > w->cap - w->len) {
        size_t cap = w->cap ? w->cap : 256;
        while (cap - w->len < n)
            cap *= 2;
        uint8_t *p = realloc(w->p, cap);
        if (!p) {
            w->bad = true;
            return;
        }
        w->p = p;
        w->cap = cap;
    }
    memcpy(w->p + w->len, src, n);
    w->len += n;
}

static void put_u8(wbuf *w, uint8_t v) { put(w, &v, 1); }
static void put_u16(wbuf *w, uint16_t v) { put(w, (uint8_t[]){(uint8_t)v, (uint8_t)(v >> 8)}, 2); }
static void put_u32(wbuf *w, uint32_t v)
{
    put(w, (uint8_t[]){(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)}, 4);
}
static void put_u64(wbuf *w, uint64_t v)
{
    put_u32(w, (uint32_t)v);
    put_u32(w, (uint32_t)(v >> 32));
}

/* n items from p, which may only be NULL when n is 0. */
static bool present(wbuf *w, const void *p, uint32_t n)
{
    if (n && !p)
        w->bad = true;
    return !w->bad;
}

static void write_const(wbuf *w, const pv_cf_const *k)
{
    put_u8(w, k->kind);
    switch (k->kind) {
    case PV_CK_UTF8:
        put_u32(w, k->len);
        if (present(w, k->s, k->len))
            put(w, k->s, k->len);
        break;
    case PV_CK_INT: put_u32(w, (uint32_t)k->i); break;
    case PV_CK_LONG: put_u64(w, (uint64_t)k->i); break;
    case PV_CK_FLOAT: put_u32(w, (uint32_t)k->bits); break;
    case PV_CK_DOUBLE: put_u64(w, k->bits); break;
    case PV_CK_CLASS: put_u32(w, k->a); break;
    case PV_CK_FIELD: put_u32(w, k->a); put_u32(w, k->b); break;
    case PV_CK_METHOD: put_u32(w, k->a); put_u32(w, k->b); put_u32(w, k->c); break;
    default: w->bad = true;
    }
}

static void write_method(wbuf *w, const pv_cf_method *m)
{
    put_u32(w, m->name);
    put_u32(w, m->desc);
    put_u32(w, m->flags);
    put_u32(w, m->ordinal);
    put_u16(w, m->nargs);
    put_u16(w, m->nlocals);
    put_u16(w, m->max_stack);
    put_u32(w, m->code_len);
    if (present(w, m->code, m->code_len))
        put(w, m->code, m->code_len);
    put_u32(w, m->nhandlers);
    for (uint32_t i = 0; present(w, m->handlers, m->nhandlers) && i < m->nhandlers; i++) {
        const pv_cf_handler *h = &m->handlers[i];
        put_u32(w, h->start);
        put_u32(w, h->end);
        put_u32(w, h->target);
        put_u32(w, h->cls);
    }
    put_u32(w, m->nlines);
    for (uint32_t i = 0; present(w, m->lines, m->nlines) && i < m->nlines; i++) {
        put_u32(w, m->lines[i].pc);
        put_u32(w, m->lines[i].line);
    }
}

uint8_t *pv_cf_write(const pv_cf *cf, size_t *len_out)
{
    wbuf w = {0};
    put(&w, PV_CF_MAGIC, 4);
    put_u16(&w, PV_CF_VERSION_MAJOR);
    put_u16(&w, PV_CF_VERSION_MINOR);
    put_u32(&w, cf->flags);
    put_u32(&w, cf->nconsts);
    for (uint32_t i = 1; present(&w, cf->consts, cf->nconsts) && i < cf->nconsts; i++)
        write_const(&w, &cf->consts[i]);
    put_u32(&w, cf->this_class);
    put_u32(&w, cf->super_class);
    put_u32(&w, cf->source);
    put_u32(&w, cf->ninterfaces);
    for (uint32_t i = 0; present(&w, cf->interfaces, cf->ninterfaces) && i < cf->ninterfaces; i++)
        put_u32(&w, cf->interfaces[i]);
    put_u32(&w, cf->nfields);
    for (uint32_t i = 0; present(&w, cf->fields, cf->nfields) && i < cf->nfields; i++) {
        put_u32(&w, cf->fields[i].name);
        put_u32(&w, cf->fields[i].flags);
        put_u32(&w, cf->fields[i].type);
    }
    put_u32(&w, cf->nmethods);
    for (uint32_t i = 0; present(&w, cf->methods, cf->nmethods) && i < cf->nmethods; i++)
        write_method(&w, &cf->methods[i]);
    if (w.bad) {
        free(w.p);
        return NULL;
    }
    *len_out = w.len;
    return w.p;
}

void pv_cf_free(pv_cf *cf)
{
    if (!cf)
        return;
    for (uint32_t i = 0; cf->consts && i < cf->nconsts; i++)
        free(cf->consts[i].s);
    for (uint32_t i = 0; cf->methods && i < cf->nmethods; i++) {
        free(cf->methods[i].code);
        free(cf->methods[i].handlers);
        free(cf->methods[i].lines);
    }
    free(cf->consts);
    free(cf->interfaces);
    free(cf->fields);
    free(cf->methods);
    pool_free(cf->pool);
    memset(cf, 0, sizeof *cf);
}

/* ---- canonical form ------------------------------------------------------------
 * Constants are numbered in the order a fixed walk of the class first
 * reaches them (the class, its superclass, source, interfaces, fields, then
 * each method's name, descriptor, code and handlers), a constant after the
 * constants it refers to; equal constants are merged, unreferenced ones
 * dropped.  The walk decodes code up to the first byte that does not
 * decode, so raw bytes after it are left alone. */

typedef struct renum {
    pv_cf *cf;
    uint32_t *map;         /* old index -> new index, 0 = not reached yet */
    pv_cf_const *nk;       /* the new constants */
    uint32_t n;            /* nk[0..n) are in use */
    pool t;                /* over nk, to merge equal constants */
} renum;

/* The new index of constant i, numbering it (after what it refers to) the
 * first time.  Indices out of range are left as they are. */
static uint32_t renum_ref(renum *r, uint32_t i)
{
    if (i == 0 || i >= r->cf->nconsts)
        return i;
    if (r->map[i])
        return r->map[i];
    pv_cf_const k = r->cf->consts[i];
    switch (k.kind) {
    case PV_CK_CLASS: k.a = renum_ref(r, k.a); break;
    case PV_CK_FIELD: k.a = renum_ref(r, k.a); k.b = renum_ref(r, k.b); break;
    case PV_CK_METHOD:
        k.a = renum_ref(r, k.a);
        k.b = renum_ref(r, k.b);
        k.c = renum_ref(r, k.c);
        break;
    }
    uint32_t j = table_get(&r->t, r->nk, &k);
    if (j == 0) {
        r->nk[j = r->n++] = k;
        table_put(&r->t, r->nk, j); /* cannot fail: reserved for every constant */
    }
    return r->map[i] = j;
}

static void renum_code(renum *r, pv_cf_method *m)
{
    pv_insn in;
    for (uint32_t pc = 0; pv_insn_decode(m->code, m->code_len, pc, &in); pc += in.size) {
        if (in.fmt != PV_F_K && in.fmt != PV_F_KN)
            continue;
        uint32_t v = renum_ref(r, in.u);
        memcpy(m->code + pc + 1, (uint8_t[]){(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)}, 4);
    }
}

/* Whether every reference between constants has the right kind, so that
 * the walk is finite (each step goes from method or field to class to utf8). */
static bool refs_ok(const pv_cf *cf)
{
    for (uint32_t i = 1; i < cf->nconsts; i++) {
        const pv_cf_const *k = &cf->consts[i];
        if ((k->kind == PV_CK_CLASS && !is_kind(cf, k->a, PV_CK_UTF8)) ||
            ((k->kind == PV_CK_FIELD || k->kind == PV_CK_METHOD) &&
             (!is_kind(cf, k->a, PV_CK_CLASS) || !is_kind(cf, k->b, PV_CK_UTF8))) ||
            (k->kind == PV_CK_METHOD && !is_kind(cf, k->c, PV_CK_UTF8)))
            return false;
    }
    return true;
}

int pv_cf_canonicalize(pv_cf *cf)
{
    if (cf->nconsts == 0 || !refs_ok(cf))
        return cf->nconsts == 0 ? 0 : -1;
    renum r = {.cf = cf, .n = 1};
    r.map = calloc(cf->nconsts, sizeof *r.map);
    r.nk = calloc(cf->nconsts, sizeof *r.nk);
    if (!r.map || !r.nk || table_reserve(&r.t, r.nk, cf->nconsts) < 0) {
        free(r.map);
        free(r.nk);
        free(r.t.slot);
        return -1;
    }
    cf->this_class = renum_ref(&r, cf->this_class);
    cf->super_class = renum_ref(&r, cf->super_class);
    cf->source = renum_ref(&r, cf->source);
    for (uint32_t i = 0; i < cf->ninterfaces; i++)
        cf->interfaces[i] = renum_ref(&r, cf->interfaces[i]);
    for (uint32_t i = 0; i < cf->nfields; i++) {
        cf->fields[i].name = renum_ref(&r, cf->fields[i].name);
        cf->fields[i].type = renum_ref(&r, cf->fields[i].type);
    }
    for (uint32_t i = 0; i < cf->nmethods; i++) {
        pv_cf_method *m = &cf->methods[i];
        m->name = renum_ref(&r, m->name);
        m->desc = renum_ref(&r, m->desc);
        renum_code(&r, m);
        for (uint32_t h = 0; h < m->nhandlers; h++)
            m->handlers[h].cls = renum_ref(&r, m->handlers[h].cls);
    }
    /* the new constants took over the strings of the first old constant
     * mapped to them; free every other string */
    for (uint32_t i = 1; i < cf->nconsts; i++)
        if (cf->consts[i].kind == PV_CK_UTF8 && (!r.map[i] || r.nk[r.map[i]].s != cf->consts[i].s))
            free(cf->consts[i].s);
    free(cf->consts);
    free(r.map);
    free(r.t.slot);
    pool_free(cf->pool);
    cf->pool = NULL;
    cf->consts = r.nk;
    cf->nconsts = r.n;
    return 0;
}
