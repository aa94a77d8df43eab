/*
 * string.c - string objects, the text of any value, and equality and
 * hashing of values as the VM sees them when no Phantom-written method
 * decides (natives cannot call back into bytecode).
 *
 * Strings are immutable UTF-8 byte sequences, NUL-terminated for C.  Their
 * hash is computed on first use and cached in the object (0 means "not yet",
 * so a real hash is never 0).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "native/native.h"
#include "vm.h"

/* ---- strings ------------------------------------------------------------------ */

struct pv_string *pv_str_alloc(pv_vm *vm, size_t len)
{
    if (len > PV_STR_MAX)
        return NULL;
    struct pv_string *s = pv_alloc_obj(vm, vm->b[PV_B_STRING], sizeof *s + len + 1);
    if (!s)
        return NULL;
    s->h.flags |= PV_OF_IMMUTABLE;
    s->len = (uint32_t)len;
    return s;
}

struct pv_string *pv_str_new(pv_vm *vm, const char *bytes, size_t len)
{
    struct pv_string *s = pv_str_alloc(vm, len);
    if (s && len)
        memcpy(s->bytes, bytes, len);
    return s;
}

struct pv_string *pv_str_cstr(pv_vm *vm, const char *cs)
{
    return pv_str_new(vm, cs, strlen(cs));
}

struct pv_string *pv_str_fmt(pv_vm *vm, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    struct pv_string *s = pv_str_alloc(vm, (size_t)n);
    if (!s)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s->bytes, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* FNV-1a: simple, and good enough for the short keys directories hold.
 * It runs byte by byte, so pieces hashed in turn give the hash of their
 * concatenation (pv_hash_more), which lets a lookup key be hashed without
 * being built. */
uint32_t pv_hash_more(uint32_t state, const void *p, size_t n)
{
    const uint8_t *b = p;
    uint32_t h = state;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 16777619u;
    }
    return h;
}

uint32_t pv_hash_bytes(const void *p, size_t n)
{
    return pv_hash_done(pv_hash_more(PV_HASH_START, p, n));
}

uint32_t pv_str_hash(struct pv_string *s)
{
    if (!s->hash)
        s->hash = pv_hash_bytes(s->bytes, s->len);
    return s->hash;
}

bool pv_str_eq(const struct pv_string *a, const struct pv_string *b)
{
    if (a == b)
        return true;
    if (a->len != b->len || (a->hash && b->hash && a->hash != b->hash))
        return false;
    return memcmp(a->bytes, b->bytes, a->len) == 0;
}

int pv_str_compare(const struct pv_string *a, const struct pv_string *b)
{
    uint32_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->bytes, b->bytes, n);
    if (c == 0)
        return a->len < b->len ? -1 : a->len > b->len;
    return c < 0 ? -1 : 1;
}

bool pv_is_string(pv_vm *vm, pv_value v)
{
    (void)vm;
    return pv_obj_kind(v) == PV_K_STRING;
}

size_t pv_utf8_decode(const uint8_t *p, size_t n, uint32_t *cp)
{
    uint8_t c = p[0];
    size_t len;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        goto bad;
    }
    if (len > n)
        goto bad;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            goto bad;
        v = v << 6 | (p[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are not text. */
    if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        goto bad;
    *cp = v;
    return len;
bad:
    *cp = 0xFFFD;
    return 1;
}

pv_value pv_str_char_at(const struct pv_string *s, uint32_t i)
{
    uint32_t cp;
    pv_utf8_decode((const uint8_t *)s->bytes + i, s->len - i, &cp);
    return pv_char(cp);
}

/* ---- the text buffer ---------------------------------------------------------- */

static bool buf_reserve(pv_buf *b, size_t n)
{
    if (b->failed)
        return false;
    if (n > PV_STR_MAX - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + n + 1;   /* room for a NUL, so vsnprintf can write in place */
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void pv_buf_add(pv_buf *b, const void *s, size_t n)
{
    if (n && buf_reserve(b, n)) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
}

void pv_buf_addc(pv_buf *b, char c)
{
    pv_buf_add(b, &c, 1);
}

void pv_buf_addf(pv_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Code points that are not Unicode scalar values print as U+FFFD. */
void pv_buf_utf8(pv_buf *b, uint32_t cp)
{
    uint8_t u[4];
    size_t n;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (uint8_t)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (uint8_t)(0xC0 | cp >> 6), u[1] = (uint8_t)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        u[0] = (uint8_t)(0xE0 | cp >> 12), u[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3F));
        u[2] = (uint8_t)(0x80 | (cp & 0x3F)), n = 3;
    } else {
        u[0] = (uint8_t)(0xF0 | cp >> 18), u[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3F));
        u[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3F)), u[3] = (uint8_t)(0x80 | (cp & 0x3F)), n = 4;
    }
    pv_buf_add(b, u, n);
}

struct pv_string *pv_buf_finish(pv_vm *vm, pv_buf *b)
{
    struct pv_string *s = b->failed ? NULL : pv_str_new(vm, b->p, b->len);
    pv_buf_free(b);
    return s;
}

void pv_buf_free(pv_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- the text of a value ------------------------------------------------------------ */

/* The decimal text of v in out (24 bytes suffice); returns its length.
 * Faster than snprintf, which shows in programs that print numbers. */
static size_t format_i64(int64_t v, char *out)
{
    char tmp[24];
    size_t n = 0;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t len = 0;
    if (v < 0)
        out[len++] = '-';
    while (n)
        out[len++] = tmp[--n];
    return len;
}

static void value_text(pv_vm *vm, pv_buf *b, pv_value v, int depth);

/* Past PV_TOSTRING_MAX bytes, the text of a container ends with "...". */
static bool text_full(pv_buf *b)
{
    if (b->len < PV_TOSTRING_MAX)
        return false;
    pv_buf_add(b, "...", 3);
    return true;
}

/* Containers nested PV_TOSTRING_DEPTH deep show as "..." (which also ends
 * cycles: an array holding itself). */
static bool container_cut(pv_buf *b, int depth)
{
    if (depth < PV_TOSTRING_DEPTH)
        return text_full(b);
    pv_buf_add(b, "...", 3);
    return true;
}

static void array_text(pv_vm *vm, pv_buf *b, const struct pv_array *a, int depth)
{
    pv_buf_addc(b, '[');
    for (uint32_t i = 0; i < a->len && !b->failed; i++) {
        if (i)
            pv_buf_add(b, ", ", 2);
        if (text_full(b))
            break;
        value_text(vm, b, a->items[i], depth + 1);
    }
    pv_buf_addc(b, ']');
}

/* Directories print as {key: value, ...} with keys in byte order, so the
 * text does not depend on the history of the table. */
static void dir_text(pv_vm *vm, pv_buf *b, struct pv_directory *d, int depth)
{
    pv_value *keys;
    if (pv_dir_sorted_keys(d, &keys) < 0) {
        b->failed = true;
        return;
    }
    pv_buf_addc(b, '{');
    for (uint32_t i = 0; i < d->count && !b->failed; i++) {
        if (i)
            pv_buf_add(b, ", ", 2);
        if (text_full(b))
            break;
        struct pv_string *k = pv_as_ptr(keys[i]);
        pv_buf_add(b, k->bytes, k->len);
        pv_buf_add(b, ": ", 2);
        value_text(vm, b, pv_dir_get(d, k, NULL), depth + 1);
    }
    pv_buf_addc(b, '}');
    free(keys);
}

/* Binaries print as lowercase hex, two digits per byte. */
static void binary_text(pv_buf *b, const struct pv_binary *bin)
{
    static const char hex[] = "0123456789abcdef";
    for (uint32_t i = 0; i < bin->len && !b->failed; i++) {
        if (text_full(b))
            break;
        char two[2] = { hex[bin->bytes[i] >> 4], hex[bin->bytes[i] & 15] };
        pv_buf_add(b, two, 2);
    }
}

/* Exceptions as "class: message", or the class alone without a message
 * (what .phantom.Exception's toString gives, so an exception inside an
 * array reads the same as on its own). */
static bool exception_text(pv_vm *vm, pv_buf *b, const struct pv_instance *e, int depth)
{
    const struct pv_class *exc = vm->b[PV_B_EXCEPTION];
    if (!exc || !e->h.cls->name || e->nslots < PV_EXC_NSLOTS || !pv_is_subclass(e->h.cls, exc))
        return false;
    pv_buf_add(b, e->h.cls->name->bytes, e->h.cls->name->len);
    if (e->slot[PV_EXC_SLOT_MESSAGE] != PV_NULL) {
        pv_buf_add(b, ": ", 2);
        value_text(vm, b, e->slot[PV_EXC_SLOT_MESSAGE], depth + 1);
    }
    return true;
}

static void object_text(pv_vm *vm, pv_buf *b, pv_value v, int depth)
{
    struct pv_obj *o = pv_as_ptr(v);
    uint32_t kind = o->cls ? o->cls->kind : PV_K_COUNT;
    switch (kind) {
    case PV_K_STRING: {
        const struct pv_string *s = (const struct pv_string *)o;
        pv_buf_add(b, s->bytes, s->len);
        return;
    }
    case PV_K_LONGBOX:
        pv_buf_addf(b, "%lld", (long long)((struct pv_longbox *)o)->v);
        return;
    case PV_K_ARRAY:
        if (!container_cut(b, depth))
            array_text(vm, b, (struct pv_array *)o, depth);
        return;
    case PV_K_DIRECTORY:
        if (!container_cut(b, depth))
            dir_text(vm, b, (struct pv_directory *)o, depth);
        return;
    case PV_K_BINARY:
        binary_text(b, (struct pv_binary *)o);
        return;
    case PV_K_CLASS: {
        const struct pv_string *name = ((struct pv_class *)o)->name;
        if (name) {
            pv_buf_addf(b, "class %s", name->bytes);
            return;
        }
        break;
    }
    case PV_K_INSTANCE:
        if (exception_text(vm, b, (struct pv_instance *)o, depth))
            return;
        break;
    default:
        break;
    }
    /* Anything else: its class and where it lives, which identifies it
     * for as long as the world exists (the space never moves). */
    const struct pv_string *cname = o->cls ? o->cls->name : NULL;
    uintptr_t off = (uintptr_t)o - (uintptr_t)pw_base(vm->w);
    pv_buf_addf(b, "%s@%llx", cname ? cname->bytes : "object", (unsigned long long)off);
}

static void value_text(pv_vm *vm, pv_buf *b, pv_value v, int depth)
{
    char num[PV_NUMFMT_MAX];
    if (pv_is_double(v)) {
        pv_buf_add(b, num, pv_format_double(pv_as_double(v), false, num));
        return;
    }
    switch (pv_tag(v)) {
    case PV_TREF:
        if (v == PV_NULL)
            pv_buf_add(b, "null", 4);
        else
            object_text(vm, b, v, depth);
        break;
    case PV_TINT:
        pv_buf_add(b, num, format_i64(pv_as_int(v), num));
        break;
    case PV_TLONG:
        pv_buf_add(b, num, format_i64(pv_as_long48(v), num));
        break;
    case PV_TFLOAT:
        pv_buf_add(b, num, pv_format_double(pv_as_float(v), true, num));
        break;
    case PV_TBOOL:
        if (pv_as_bool(v))
            pv_buf_add(b, "true", 4);
        else
            pv_buf_add(b, "false", 5);
        break;
    case PV_TCHAR:
        pv_buf_utf8(b, pv_as_char(v));
        break;
    default:
        pv_buf_add(b, "?", 1);
        break;
    }
}

void pv_buf_value(pv_vm *vm, pv_buf *b, pv_value v)
{
    value_text(vm, b, v, 0);
}

struct pv_string *pv_tostring_native(pv_vm *vm, pv_value v)
{
    if (pv_obj_kind(v) == PV_K_STRING)
        return pv_as_ptr(v);
    if (pv_is_int(v)) {   /* the common case, without a host buffer */
        char num[24];
        return pv_str_new(vm, num, format_i64(pv_as_int(v), num));
    }
    pv_buf b = { 0 };
    value_text(vm, &b, v, 0);
    return pv_buf_finish(vm, &b);
}

/* ---- equality and hashing -------------------------------------------------------- */

/* Numbers compare as `==` does: by value across encodings, -0.0 equal to
 * 0.0, and NaN equal to nothing, itself included (so numbers are looked
 * at before identity). */
bool pv_equals_native(pv_vm *vm, pv_value a, pv_value b)
{
    (void)vm;
    pv_num x, y;
    if (pv_num_decode(a, &x)) {
        if (!pv_num_decode(b, &y) || (x.kind == PV_NUM_DBL && isnan(x.d)) ||
            (y.kind == PV_NUM_DBL && isnan(y.d)))
            return false;
        return pv_num_compare(&x, &y) == 0;
    }
    if (a == b)
        return true;
    if (pv_obj_kind(a) == PV_K_STRING && pv_obj_kind(b) == PV_K_STRING)
        return pv_str_eq(pv_as_ptr(a), pv_as_ptr(b));
    return false;
}

/* Objects hash by identity: their address, which never changes. */
uint32_t pv_hash_native(pv_vm *vm, pv_value v)
{
    (void)vm;
    pv_num n;
    if (pv_num_decode(v, &n))
        return pv_num_hash(&n);
    if (pv_obj_kind(v) == PV_K_STRING)
        return pv_str_hash(pv_as_ptr(v));
    uint64_t h = v * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}
