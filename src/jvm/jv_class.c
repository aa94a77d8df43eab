/*
 * jv_class.c - reading a JVM class file (JVMS chapter 4), strictly.
 *
 * Invariants of a class jv_class_read accepted:
 *  - every constant index the translator follows (this/super class,
 *    member references, name-and-types, strings, method handles and
 *    types, invokedynamic, bootstrap arguments, handler catch types) is
 *    inside the pool and of the kind the JVMS requires;
 *  - every Utf8 constant used as a name or descriptor is well formed
 *    modified UTF-8, names and descriptors are well formed;
 *  - a method's code is 1..65535 bytes inside the file, its handlers'
 *    ranges lie inside it, its line table's pcs too.
 * Anything else is refused before it is used, with the offset where it
 * was found.  The reader never allocates more than a small multiple of
 * the file's size (every count is checked against the bytes left).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jvm.h"

typedef struct rd {
    const uint8_t *p;
    size_t len, pos;
    jv_class *c;
    jv_error *err;
    int rc;
} rd;

static int fail(rd *r, size_t off, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (r->c->name)
        snprintf(r->err->msg, sizeof r->err->msg, "%s: class %s: %s (offset %zu)", r->c->file, r->c->name, what, off);
    else
        snprintf(r->err->msg, sizeof r->err->msg, "%s: %s (offset %zu)", r->c->file, what, off);
    r->rc = JV_E_FORMAT;
    return -1;
}

static int need(rd *r, size_t n, const char *what)
{
    if (r->len - r->pos < n)
        return fail(r, r->pos, "%s is cut off by the end of the file", what);
    return 0;
}

static int u1(rd *r, uint8_t *v, const char *what)
{
    if (need(r, 1, what) < 0)
        return -1;
    *v = r->p[r->pos++];
    return 0;
}

static int u2(rd *r, uint16_t *v, const char *what)
{
    if (need(r, 2, what) < 0)
        return -1;
    *v = (uint16_t)(r->p[r->pos] << 8 | r->p[r->pos + 1]);
    r->pos += 2;
    return 0;
}

static int u4(rd *r, uint32_t *v, const char *what)
{
    if (need(r, 4, what) < 0)
        return -1;
    const uint8_t *p = r->p + r->pos;
    *v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    r->pos += 4;
    return 0;
}

/* An attribute's header, at r's position: its name (a Utf8 constant) and
 * length.  NULL once it failed; `whose` begins the message ("member f",
 * "a class"). */
static const char *attr_header(rd *r, const char *whose, uint32_t *len)
{
    uint16_t ni;
    size_t at = r->pos;
    if (u2(r, &ni, "an attribute name") < 0 || u4(r, len, "an attribute length") < 0)
        return NULL;
    const char *an = jv_utf8(r->c, ni);
    if (!an)
        fail(r, at, "%s attribute's name is not a Utf8 constant", whose);
    return an;
}

/* Decodes modified UTF-8 (JVMS 4.4.7) into standard UTF-8 in out (at
 * least 3/2 the input's length + 1 bytes: a 6-byte surrogate pair becomes
 * 4 bytes, a 2-byte NUL 1, others keep their size).  -1 if malformed; sets
 * *bad when the text holds U+0000 or a lone surrogate, which a Phantom
 * string cannot hold. */
static int mutf8(const uint8_t *s, size_t n, char *out, size_t *outn, const char **bad)
{
    size_t o = 0;
    *bad = NULL;
    for (size_t i = 0; i < n;) {
        uint8_t b = s[i];
        uint32_t cp;
        if (b == 0 || b >= 0xF0 || (b >= 0x80 && b < 0xC0))
            return -1;
        if (b < 0x80) {
            cp = b;
            i++;
        } else if (b < 0xE0) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
                return -1;
            cp = (uint32_t)(b & 0x1F) << 6 | (s[i + 1] & 0x3F);
            if (cp < 0x80 && cp != 0)
                return -1;
            i += 2;
        } else {
            if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80)
                return -1;
            cp = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
            if (cp < 0x800)
                return -1;
            i += 3;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 2 < n && s[i] == 0xED && (s[i + 1] & 0xF0) == 0xB0 &&
                (s[i + 2] & 0xC0) == 0x80) {
                uint32_t lo = (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F) | 0xD000;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 3;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                *bad = "a lone surrogate";
            }
        }
        if (cp == 0)
            *bad = "the character U+0000";
        if (cp < 0x80) {
            out[o++] = (char)cp;
        } else if (cp < 0x800) {
            out[o++] = (char)(0xC0 | cp >> 6);
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out[o++] = (char)(0xE0 | cp >> 12);
            out[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            out[o++] = (char)(0xF0 | cp >> 18);
            out[o++] = (char)(0x80 | (cp >> 12 & 0x3F));
            out[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
            out[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    out[o] = 0;
    *outn = o;
    return 0;
}

const char *jv_utf8(const jv_class *c, uint32_t i)
{
    return i && i < c->ncp && c->cp[i].tag == JV_C_UTF8 ? c->cp[i].raw : NULL;
}

const char *jv_class_name(const jv_class *c, uint32_t i)
{
    return i && i < c->ncp && c->cp[i].tag == JV_C_CLASS ? jv_utf8(c, c->cp[i].a) : NULL;
}

/* One field type at *d (advanced past it), or false. */
static bool field_type(const char **d)
{
    const char *p = *d;
    int dims = 0;
    while (*p == '[') {
        if (++dims > 255)
            return false;
        p++;
    }
    if (strchr("BCDFIJSZ", *p) && *p) {
        *d = p + 1;
        return true;
    }
    if (*p != 'L')
        return false;
    const char *e = strchr(p, ';');
    if (!e || e == p + 1)
        return false;
    for (const char *q = p + 1; q < e; q++)
        if (*q == '.' || *q == '[' || (*q == '/' && (q == p + 1 || q[-1] == '/' || q + 1 == e)))
            return false;
    *d = e + 1;
    return true;
}

bool jv_field_desc_ok(const char *d)
{
    return d && field_type(&d) && !*d;
}

bool jv_method_desc_ok(const char *d)
{
    if (!d || *d++ != '(')
        return false;
    int slots = 0;
    while (*d != ')') {
        char k = *d;
        if (!field_type(&d))
            return false;
        slots += (k == 'J' || k == 'D') ? 2 : 1;
    }
    d++;
    if (slots > 255)
        return false;
    if (*d == 'V')
        return d[1] == 0;
    return field_type(&d) && !*d;
}

/* An unqualified name (JVMS 4.2.2): no . ; [ / ; methods also no < >
 * unless <init> or <clinit>. */
static bool member_name_ok(const char *s, bool method)
{
    if (!s || !*s)
        return false;
    if (method && (!strcmp(s, "<init>") || !strcmp(s, "<clinit>")))
        return true;
    for (; *s; s++)
        if (strchr(".;[/", *s) || (method && (*s == '<' || *s == '>')))
            return false;
    return true;
}

/* A class name in internal form, or an array descriptor. */
static bool class_name_ok(const char *s)
{
    if (!s || !*s)
        return false;
    if (*s == '[')
        return jv_field_desc_ok(s);
    if (*s == '/' || s[strlen(s) - 1] == '/')
        return false;
    for (const char *p = s; *p; p++)
        if (*p == '.' || *p == ';' || *p == '[' || (*p == '/' && p[1] == '/'))
            return false;
    return true;
}

static int check_index(rd *r, size_t off, uint32_t i, uint8_t tag, const char *what)
{
    if (!i || i >= r->c->ncp || r->c->cp[i].tag != tag)
        return fail(r, off, "%s: constant %u is not a %s constant", what, (unsigned)i,
                    tag == JV_C_UTF8 ? "Utf8" : tag == JV_C_CLASS ? "Class" : tag == JV_C_NAMETYPE ? "NameAndType"
                    : tag == JV_C_MHANDLE ? "MethodHandle" : "suitable");
    return 0;
}

static int read_pool(rd *r)
{
    jv_class *c = r->c;
    if (u2(r, &c->ncp, "the constant pool count") < 0)
        return -1;
    if (c->ncp == 0)
        return fail(r, r->pos - 2, "the constant pool count is 0");
    if ((size_t)(c->ncp - 1) * 3 > r->len - r->pos)
        return fail(r, r->pos - 2, "constant pool count %u exceeds the file", (unsigned)c->ncp);
    c->cp = calloc(c->ncp, sizeof *c->cp);
    if (!c->cp)
        return r->rc = JV_E_NOMEM, snprintf(r->err->msg, sizeof r->err->msg, "out of host memory"), -1;
    size_t *offs = calloc(c->ncp, sizeof *offs);
    if (!offs)
        return r->rc = JV_E_NOMEM, snprintf(r->err->msg, sizeof r->err->msg, "out of host memory"), -1;
    int rc = 0;
    for (uint32_t i = 1; i < c->ncp && rc == 0; i++) {
        jv_cp *k = &c->cp[i];
        size_t at = offs[i] = r->pos;
        uint32_t v32 = 0;
        uint16_t len;
        if (u1(r, &k->tag, "a constant's tag") < 0) {
            rc = -1;
            break;
        }
        switch (k->tag) {
        case JV_C_UTF8: {
            if (u2(r, &len, "a Utf8 constant's length") < 0 || need(r, len, "a Utf8 constant") < 0) {
                rc = -1;
                break;
            }
            k->raw = malloc((size_t)len + 1);
            char *std = malloc((size_t)len * 3 / 2 + 2);
            size_t n;
            if (!k->raw || !std) {
                free(std);
                r->rc = JV_E_NOMEM;
                snprintf(r->err->msg, sizeof r->err->msg, "out of host memory");
                rc = -1;
                break;
            }
            memcpy(k->raw, r->p + r->pos, len);
            k->raw[len] = 0;
            if (mutf8(r->p + r->pos, len, std, &n, &k->str_bad) < 0) {
                free(std);
                rc = fail(r, at, "constant %u: malformed modified UTF-8", i);
                break;
            }
            if (k->str_bad) {
                free(std);
            } else {
                k->str = std;
                k->len = (uint32_t)n;
            }
            r->pos += len;
            break;
        }
        case JV_C_INTEGER: case JV_C_FLOAT:
            rc = u4(r, &v32, "a 4-byte constant");
            k->bits = v32;
            break;
        case JV_C_LONG: case JV_C_DOUBLE: {
            uint32_t lo = 0;
            rc = u4(r, &v32, "an 8-byte constant") < 0 || u4(r, &lo, "an 8-byte constant") < 0 ? -1 : 0;
            k->bits = (uint64_t)v32 << 32 | lo;
            if (rc == 0 && ++i >= c->ncp)
                rc = fail(r, at, "constant %u: an 8-byte constant takes the pool's last entry", i - 1);
            break;
        }
        case JV_C_CLASS: case JV_C_STRING: case JV_C_MTYPE: case JV_C_MODULE: case JV_C_PACKAGE:
            rc = u2(r, &k->a, "a constant's index");
            break;
        case JV_C_FIELDREF: case JV_C_METHODREF: case JV_C_IMETHODREF: case JV_C_NAMETYPE:
        case JV_C_DYNAMIC: case JV_C_INDY:
            rc = u2(r, &k->a, "a constant's index") < 0 || u2(r, &k->b, "a constant's index") < 0 ? -1 : 0;
            break;
        case JV_C_MHANDLE:
            rc = u1(r, &k->kind, "a method handle's kind") < 0 || u2(r, &k->a, "a method handle's index") < 0 ? -1 : 0;
            if (rc == 0 && (k->kind < 1 || k->kind > 9))
                rc = fail(r, at, "constant %u: method handle kind %u is not 1..9", i, (unsigned)k->kind);
            break;
        default:
            rc = fail(r, at, "constant %u: unknown tag %u", i, (unsigned)k->tag);
        }
    }
    /* Second pass: every reference has the right kind. */
    for (uint32_t i = 1; i < c->ncp && rc == 0; i++) {
        jv_cp *k = &c->cp[i];
        char what[32];
        snprintf(what, sizeof what, "constant %u", i);
        switch (k->tag) {
        case JV_C_CLASS:
            if ((rc = check_index(r, offs[i], k->a, JV_C_UTF8, what)) == 0 && !class_name_ok(c->cp[k->a].raw))
                rc = fail(r, offs[i], "%s: \"%s\" is not a class name", what, c->cp[k->a].raw);
            break;
        case JV_C_STRING:
            rc = check_index(r, offs[i], k->a, JV_C_UTF8, what);
            break;
        case JV_C_MTYPE:
            if ((rc = check_index(r, offs[i], k->a, JV_C_UTF8, what)) == 0 && !jv_method_desc_ok(c->cp[k->a].raw))
                rc = fail(r, offs[i], "%s: \"%s\" is not a method descriptor", what, c->cp[k->a].raw);
            break;
        case JV_C_MODULE: case JV_C_PACKAGE:
            rc = check_index(r, offs[i], k->a, JV_C_UTF8, what);
            break;
        case JV_C_NAMETYPE:
            rc = check_index(r, offs[i], k->a, JV_C_UTF8, what) < 0 || check_index(r, offs[i], k->b, JV_C_UTF8, what) < 0
                     ? -1 : 0;
            break;
        case JV_C_FIELDREF: case JV_C_METHODREF: case JV_C_IMETHODREF: {
            if (check_index(r, offs[i], k->a, JV_C_CLASS, what) < 0 ||
                check_index(r, offs[i], k->b, JV_C_NAMETYPE, what) < 0) {
                rc = -1;
                break;
            }
            const jv_cp *nt = &c->cp[k->b];
            const char *name = jv_utf8(c, nt->a), *desc = jv_utf8(c, nt->b);
            if (!name || !desc) {
                rc = fail(r, offs[i], "%s: its name and type are not Utf8 constants", what);
                break;
            }
            bool field = k->tag == JV_C_FIELDREF;
            if (!member_name_ok(name, !field) || !strcmp(name, "<clinit>"))
                rc = fail(r, offs[i], "%s: \"%s\" is not a %s name", what, name, field ? "field" : "method");
            else if (field ? !jv_field_desc_ok(desc) : !jv_method_desc_ok(desc))
                rc = fail(r, offs[i], "%s: \"%s\" is not a %s descriptor", what, desc, field ? "field" : "method");
            break;
        }
        case JV_C_DYNAMIC: case JV_C_INDY: {
            if (check_index(r, offs[i], k->b, JV_C_NAMETYPE, what) < 0) {
                rc = -1;
                break;
            }
            const jv_cp *nt = &c->cp[k->b];
            const char *name = jv_utf8(c, nt->a), *desc = jv_utf8(c, nt->b);
            if (!name || !desc || !member_name_ok(name, false))
                rc = fail(r, offs[i], "%s: bad name and type", what);
            else if (k->tag == JV_C_INDY ? !jv_method_desc_ok(desc) : !jv_field_desc_ok(desc))
                rc = fail(r, offs[i], "%s: \"%s\" is not a descriptor of the right kind", what, desc);
            break;
        }
        case JV_C_MHANDLE: {
            uint8_t want = k->kind <= 4 ? JV_C_FIELDREF : k->kind == 9 ? JV_C_IMETHODREF : JV_C_METHODREF;
            if (k->a && k->a < c->ncp && (k->kind == 6 || k->kind == 7) && c->cp[k->a].tag == JV_C_IMETHODREF)
                want = JV_C_IMETHODREF;
            rc = check_index(r, offs[i], k->a, want, what);
            break;
        }
        default:
            break;
        }
    }
    free(offs);
    return rc;
}

static int read_class_ref(rd *r, const char **name, bool allow_zero, const char *what)
{
    uint16_t i;
    size_t at = r->pos;
    if (u2(r, &i, what) < 0)
        return -1;
    if (!i && allow_zero) {
        *name = NULL;
        return 0;
    }
    if (check_index(r, at, i, JV_C_CLASS, what) < 0)
        return -1;
    *name = jv_class_name(r->c, i);
    if (**name == '[')
        return fail(r, at, "%s: an array class", what);
    return 0;
}

static int skip_attr(rd *r, uint32_t alen)
{
    if (need(r, alen, "an attribute") < 0)
        return -1;
    r->pos += alen;
    return 0;
}

static int read_code(rd *r, jv_method *m, uint32_t alen)
{
    size_t start = r->pos, at;
    uint32_t clen;
    if (need(r, alen, "a Code attribute") < 0 || u2(r, &m->max_stack, "max_stack") < 0 ||
        u2(r, &m->max_locals, "max_locals") < 0)
        return -1;
    at = r->pos;
    if (u4(r, &clen, "the code length") < 0)
        return -1;
    if (clen == 0 || clen > 65535)
        return fail(r, at, "method %s: code length %u is not 1..65535", m->name, (unsigned)clen);
    if (need(r, clen, "the code") < 0)
        return -1;
    m->has_code = true;
    m->code = r->p + r->pos;
    m->code_len = clen;
    m->code_offset = (uint32_t)r->pos;
    r->pos += clen;
    at = r->pos;
    if (u2(r, &m->nhandlers, "the exception table length") < 0)
        return -1;
    if ((size_t)m->nhandlers * 8 > r->len - r->pos)
        return fail(r, at, "method %s: exception table length %u exceeds the file", m->name, (unsigned)m->nhandlers);
    m->handlers = calloc(m->nhandlers ? m->nhandlers : 1, sizeof *m->handlers);
    if (!m->handlers)
        return r->rc = JV_E_NOMEM, -1;
    for (uint16_t i = 0; i < m->nhandlers; i++) {
        jv_handler *h = &m->handlers[i];
        at = r->pos;
        if (u2(r, &h->start, "a handler") < 0 || u2(r, &h->end, "a handler") < 0 || u2(r, &h->target, "a handler") < 0 ||
            u2(r, &h->catch_type, "a handler") < 0)
            return -1;
        if (h->start >= h->end || h->end > clen || h->target >= clen)
            return fail(r, at, "method %s: handler %u: range %u..%u -> %u is outside the code (length %u)", m->name,
                        (unsigned)i, h->start, h->end, h->target, (unsigned)clen);
        if (h->catch_type && check_index(r, at, h->catch_type, JV_C_CLASS, "a handler's catch type") < 0)
            return -1;
    }
    uint16_t nattr;
    if (u2(r, &nattr, "the Code attribute count") < 0)
        return -1;
    for (uint16_t i = 0; i < nattr; i++) {
        uint32_t len;
        at = r->pos;
        char whose[300];
        snprintf(whose, sizeof whose, "method %s: an", m->name);
        const char *an = attr_header(r, whose, &len);
        if (!an)
            return -1;
        if (strcmp(an, "LineNumberTable") != 0) {
            if (skip_attr(r, len) < 0)
                return -1;
            continue;
        }
        size_t end = r->pos + len;
        uint16_t n;
        if (need(r, len, "a LineNumberTable") < 0 || u2(r, &n, "a LineNumberTable") < 0)
            return -1;
        if (len != 2 + (uint32_t)n * 4)
            return fail(r, at, "method %s: LineNumberTable length %u does not match its %u entries", m->name,
                        (unsigned)len, (unsigned)n);
        jv_line *nl = realloc(m->lines, (m->nlines + n + 1) * sizeof *nl);
        if (!nl)
            return r->rc = JV_E_NOMEM, -1;
        m->lines = nl;
        for (uint16_t k = 0; k < n; k++) {
            jv_line *l = &m->lines[m->nlines];
            at = r->pos;
            if (u2(r, &l->pc, "a line entry") < 0 || u2(r, &l->line, "a line entry") < 0)
                return -1;
            if (l->pc >= clen)
                return fail(r, at, "method %s: line table pc %u is outside the code", m->name, (unsigned)l->pc);
            m->nlines++;
        }
        r->pos = end;
    }
    if (r->pos - start != alen)
        return fail(r, start, "method %s: Code attribute length %u does not match its contents (%zu)", m->name,
                    (unsigned)alen, r->pos - start);
    return 0;
}

static int read_members(rd *r, bool methods)
{
    jv_class *c = r->c;
    uint16_t n;
    size_t at = r->pos;
    if (u2(r, &n, methods ? "the method count" : "the field count") < 0)
        return -1;
    if ((size_t)n * 8 > r->len - r->pos)
        return fail(r, at, "%s count %u exceeds the file", methods ? "method" : "field", (unsigned)n);
    if (methods) {
        c->methods = calloc(n ? n : 1, sizeof *c->methods);
        if (!c->methods)
            return r->rc = JV_E_NOMEM, -1;
    } else {
        c->fields = calloc(n ? n : 1, sizeof *c->fields);
        if (!c->fields)
            return r->rc = JV_E_NOMEM, -1;
    }
    for (uint16_t i = 0; i < n; i++) {
        uint16_t flags, ni, di, nattr;
        at = r->pos;
        if (u2(r, &flags, "a member") < 0 || u2(r, &ni, "a member") < 0 || u2(r, &di, "a member") < 0)
            return -1;
        const char *name = jv_utf8(c, ni), *desc = jv_utf8(c, di);
        if (!name || !desc)
            return fail(r, at, "%s %u: name or descriptor is not a Utf8 constant", methods ? "method" : "field", (unsigned)i);
        if (!member_name_ok(name, methods))
            return fail(r, at, "\"%s\" is not a %s name", name, methods ? "method" : "field");
        if (methods ? !jv_method_desc_ok(desc) : !jv_field_desc_ok(desc))
            return fail(r, at, "%s %s: \"%s\" is not a descriptor", methods ? "method" : "field", name, desc);
        for (uint16_t k = 0; k < i; k++) {
            const char *on = methods ? c->methods[k].name : c->fields[k].name;
            const char *od = methods ? c->methods[k].desc : c->fields[k].desc;
            if (!strcmp(on, name) && !strcmp(od, desc))
                return fail(r, at, "%s %s%s%s is declared twice", methods ? "method" : "field", name,
                            methods ? "" : " ", desc);
        }
        jv_method *m = methods ? &c->methods[i] : NULL;
        jv_field *f = methods ? NULL : &c->fields[i];
        if (m) {
            *m = (jv_method){.flags = flags, .name = name, .desc = desc};
            c->nmethods = (uint16_t)(i + 1);
        } else {
            *f = (jv_field){.flags = flags, .name = name, .desc = desc};
            c->nfields = (uint16_t)(i + 1);
        }
        if (u2(r, &nattr, "an attribute count") < 0)
            return -1;
        for (uint16_t a = 0; a < nattr; a++) {
            uint32_t alen;
            size_t aat = r->pos;
            char whose[300];
            snprintf(whose, sizeof whose, "member %s: an", name);
            const char *an = attr_header(r, whose, &alen);
            if (!an)
                return -1;
            if (m && !strcmp(an, "Code")) {
                if (m->has_code)
                    return fail(r, aat, "method %s: two Code attributes", name);
                if (read_code(r, m, alen) < 0)
                    return -1;
            } else if (f && !strcmp(an, "ConstantValue")) {
                if (alen != 2 || u2(r, &f->constant, "a ConstantValue") < 0)
                    return alen != 2 ? fail(r, aat, "field %s: ConstantValue length %u is not 2", name, (unsigned)alen) : -1;
                uint8_t t = f->constant < c->ncp ? c->cp[f->constant].tag : 0;
                if (!f->constant || (t != JV_C_INTEGER && t != JV_C_LONG && t != JV_C_FLOAT && t != JV_C_DOUBLE &&
                                     t != JV_C_STRING))
                    return fail(r, aat, "field %s: ConstantValue %u is not a constant value", name, (unsigned)f->constant);
            } else if (skip_attr(r, alen) < 0) {
                return -1;
            }
        }
        if (m) {
            bool bodyless = flags & (JV_ACC_ABSTRACT | JV_ACC_NATIVE);
            if (bodyless && m->has_code)
                return fail(r, at, "method %s%s: abstract or native with code", name, desc);
            if (!bodyless && !m->has_code)
                return fail(r, at, "method %s%s: no Code attribute", name, desc);
            int slots = !(flags & JV_ACC_STATIC);
            for (const char *d = desc + 1; *d != ')';) {
                char k = *d;
                field_type(&d);
                slots += (k == 'J' || k == 'D') ? 2 : 1;
            }
            if (m->has_code && m->max_locals < slots)
                return fail(r, at, "method %s%s: max_locals %u is below its %d argument slots", name, desc,
                            (unsigned)m->max_locals, slots);
        }
    }
    return 0;
}

static int read_class_attrs(rd *r)
{
    jv_class *c = r->c;
    uint16_t nattr;
    if (u2(r, &nattr, "the class attribute count") < 0)
        return -1;
    for (uint16_t a = 0; a < nattr; a++) {
        uint32_t alen;
        size_t at = r->pos;
        const char *an = attr_header(r, "a class", &alen);
        if (!an)
            return -1;
        if (!strcmp(an, "SourceFile")) {
            uint16_t si;
            if (alen != 2 || u2(r, &si, "SourceFile") < 0)
                return alen != 2 ? fail(r, at, "SourceFile length %u is not 2", (unsigned)alen) : -1;
            if (check_index(r, at, si, JV_C_UTF8, "SourceFile") < 0)
                return -1;
            c->source = c->cp[si].raw;
        } else if (!strcmp(an, "BootstrapMethods")) {
            size_t end = r->pos + alen;
            uint16_t n;
            if (c->bootstraps)
                return fail(r, at, "two BootstrapMethods attributes");
            if (need(r, alen, "BootstrapMethods") < 0 || u2(r, &n, "BootstrapMethods") < 0)
                return -1;
            if ((size_t)n * 4 > alen)
                return fail(r, at, "BootstrapMethods count %u exceeds the attribute", (unsigned)n);
            c->bootstraps = calloc(n ? n : 1, sizeof *c->bootstraps);
            if (!c->bootstraps)
                return r->rc = JV_E_NOMEM, -1;
            for (uint16_t i = 0; i < n; i++) {
                jv_bootstrap *b = &c->bootstraps[i];
                size_t bat = r->pos;
                if (r->pos + 4 > end || u2(r, &b->handle, "a bootstrap method") < 0 || u2(r, &b->nargs, "a bootstrap method") < 0)
                    return r->pos + 4 > end ? fail(r, bat, "bootstrap method %u is cut off", (unsigned)i) : -1;
                if (check_index(r, bat, b->handle, JV_C_MHANDLE, "a bootstrap method") < 0)
                    return -1;
                if (r->pos + (size_t)b->nargs * 2 > end)
                    return fail(r, bat, "bootstrap method %u: arguments are cut off", (unsigned)i);
                b->args = calloc(b->nargs ? b->nargs : 1, sizeof *b->args);
                if (!b->args)
                    return r->rc = JV_E_NOMEM, -1;
                c->nbootstraps = (uint16_t)(i + 1);
                for (uint16_t k = 0; k < b->nargs; k++) {
                    u2(r, &b->args[k], "a bootstrap argument");
                    uint8_t t = b->args[k] < c->ncp ? c->cp[b->args[k]].tag : 0;
                    if (!b->args[k] || !(t == JV_C_STRING || t == JV_C_CLASS || t == JV_C_INTEGER || t == JV_C_LONG ||
                                         t == JV_C_FLOAT || t == JV_C_DOUBLE || t == JV_C_MHANDLE || t == JV_C_MTYPE ||
                                         t == JV_C_DYNAMIC))
                        return fail(r, r->pos - 2, "bootstrap method %u: argument %u is not a loadable constant",
                                    (unsigned)i, (unsigned)k);
                }
            }
            if (r->pos != end)
                return fail(r, at, "BootstrapMethods length %u does not match its contents", (unsigned)alen);
        } else if (skip_attr(r, alen) < 0) {
            return -1;
        }
    }
    /* every invokedynamic constant names a bootstrap method that exists */
    for (uint32_t i = 1; i < c->ncp; i++)
        if ((c->cp[i].tag == JV_C_INDY || c->cp[i].tag == JV_C_DYNAMIC) && c->cp[i].a >= c->nbootstraps)
            return fail(r, r->pos, "constant %u: bootstrap method %u does not exist", i, (unsigned)c->cp[i].a);
    return 0;
}

int jv_class_read(const uint8_t *buf, size_t len, const char *file, jv_class *c, jv_error *err)
{
    memset(c, 0, sizeof *c);
    size_t flen = strlen(file) + 1;
    c->file = malloc(flen);
    c->bytes = malloc(len ? len : 1);
    if (!c->file || !c->bytes) {
        free(c->file);
        free(c->bytes);
        c->file = NULL;
        c->bytes = NULL;
        snprintf(err->msg, sizeof err->msg, "%s: out of host memory", file);
        return JV_E_NOMEM;
    }
    memcpy(c->file, file, flen);
    if (len)
        memcpy(c->bytes, buf, len);
    c->len = len;
    rd r = {.p = c->bytes, .len = len, .c = c, .err = err, .rc = 0};
    uint32_t magic;
    uint16_t ifc;
    int ok = -1;
    if (len > JV_MAX_CLASS_BYTES) {
        fail(&r, 0, "a class file of %zu bytes is above the limit of %u", len, JV_MAX_CLASS_BYTES);
        goto out;
    }
    if (u4(&r, &magic, "the magic number") < 0)
        goto out;
    if (magic != 0xCAFEBABE) {
        fail(&r, 0, "not a class file (magic 0x%08X, not 0xCAFEBABE)", (unsigned)magic);
        goto out;
    }
    if (u2(&r, &c->minor, "the version") < 0 || u2(&r, &c->major, "the version") < 0)
        goto out;
    if (c->major < 45 || c->major > 61) {
        fail(&r, 6, "class file version %u.%u is not supported (45 to 61: Java 1.1 to 17)", (unsigned)c->major,
             (unsigned)c->minor);
        goto out;
    }
    if (read_pool(&r) < 0)
        goto out;
    size_t at = r.pos;
    if (u2(&r, &c->flags, "the access flags") < 0 || read_class_ref(&r, &c->name, false, "this_class") < 0)
        goto out;
    if (read_class_ref(&r, &c->super, true, "super_class") < 0)
        goto out;
    if (!c->super && strcmp(c->name, "java/lang/Object") != 0) {
        fail(&r, at + 4, "no superclass (only java/lang/Object has none)");
        goto out;
    }
    if ((c->flags & JV_ACC_INTERFACE) && (!c->super || strcmp(c->super, "java/lang/Object") != 0)) {
        fail(&r, at + 4, "an interface whose superclass is not java/lang/Object");
        goto out;
    }
    at = r.pos;
    if (u2(&r, &ifc, "the interface count") < 0)
        goto out;
    if ((size_t)ifc * 2 > r.len - r.pos) {
        fail(&r, at, "interface count %u exceeds the file", (unsigned)ifc);
        goto out;
    }
    c->interfaces = calloc(ifc ? ifc : 1, sizeof *c->interfaces);
    if (!c->interfaces) {
        r.rc = JV_E_NOMEM;
        goto out;
    }
    for (uint16_t i = 0; i < ifc; i++, c->ninterfaces++)
        if (read_class_ref(&r, &c->interfaces[i], false, "an interface") < 0)
            goto out;
    if (read_members(&r, false) < 0 || read_members(&r, true) < 0 || read_class_attrs(&r) < 0)
        goto out;
    if (r.pos != r.len) {
        fail(&r, r.pos, "%zu bytes after the end of the class", r.len - r.pos);
        goto out;
    }
    ok = 0;
out:
    if (ok < 0) {
        int rc = r.rc ? r.rc : JV_E_FORMAT;
        if (rc == JV_E_NOMEM && !strstr(err->msg, "memory"))
            snprintf(err->msg, sizeof err->msg, "%s: out of host memory", file);
        jv_class_free(c);
        return rc;
    }
    return 0;
}

void jv_class_free(jv_class *c)
{
    for (uint32_t i = 0; c->cp && i < c->ncp; i++) {
        free(c->cp[i].str);
        free(c->cp[i].raw);
    }
    free(c->cp);
    for (uint16_t i = 0; c->methods && i < c->nmethods; i++) {
        free(c->methods[i].handlers);
        free(c->methods[i].lines);
    }
    free(c->methods);
    free(c->fields);
    free(c->interfaces);
    for (uint16_t i = 0; c->bootstraps && i < c->nbootstraps; i++)
        free(c->bootstraps[i].args);
    free(c->bootstraps);
    free(c->bytes);
    free(c->file);
    memset(c, 0, sizeof *c);
}
