/*
 * json.c - a small, strict JSON parser (RFC 8259) building Phantom values:
 * objects become directories (a repeated key keeps its last value), arrays
 * arrays, strings strings, true/false bools, null null.  A number without
 * fraction or exponent becomes an int, or a long if it needs more than 32
 * bits, or a double beyond 64; any other number a double.
 *
 * Input is untrusted: nesting is limited to PV_JSON_MAX_DEPTH (the parser
 * recurses), and every error names the byte offset where it was found.
 * String contents are copied as they are (not checked to be valid UTF-8);
 * escapes, \uXXXX surrogate pairs included, are decoded to UTF-8.
 */
#include "native.h"

struct jp {
    pv_vm *vm;
    const char *s;
    size_t len, pos;
    int depth;
    pv_buf text;     /* string contents being decoded, reused */
};

static int fail(struct jp *p, const char *why)
{
    return pv_throw(p->vm, PV_B_ARG_EXC, "parseJson: offset %zu: %s", p->pos, why);
}

static int oom(struct jp *p)
{
    return pv_throw_oom(p->vm);
}

static void skip_ws(struct jp *p)
{
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

/* The next non-blank byte, or 0 at the end (NUL is never valid there). */
static char peek(struct jp *p)
{
    skip_ws(p);
    return p->pos < p->len ? p->s[p->pos] : 0;
}

static int hex4(struct jp *p, uint32_t *out)
{
    if (p->len - p->pos < 4)
        return fail(p, "truncated \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p->s[p->pos++];
        int d = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
        if (d < 0) {
            p->pos--;
            return fail(p, "bad hex digit in \\u escape");
        }
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return PV_NOK;
}

static int escape(struct jp *p)
{
    if (p->pos >= p->len)
        return fail(p, "unterminated string");
    char c = p->s[p->pos++];
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const char *e = c ? strchr(from, c) : NULL;
    if (e) {
        pv_buf_addc(&p->text, to[e - from]);
        return PV_NOK;
    }
    if (c != 'u') {
        p->pos--;
        return fail(p, "bad escape");
    }
    uint32_t cp, lo;
    if (hex4(p, &cp))
        return PV_NTHROW;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return fail(p, "unpaired surrogate in \\u escape");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (p->len - p->pos < 2 || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u')
            return fail(p, "unpaired surrogate in \\u escape");
        p->pos += 2;
        if (hex4(p, &lo))
            return PV_NTHROW;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return fail(p, "unpaired surrogate in \\u escape");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    pv_buf_utf8(&p->text, cp);
    return PV_NOK;
}

/* At the opening quote. */
static int string(struct jp *p, struct pv_string **out)
{
    p->pos++;
    p->text.len = 0;
    for (;;) {
        size_t start = p->pos;
        while (p->pos < p->len && p->s[p->pos] != '"' && p->s[p->pos] != '\\' &&
               (unsigned char)p->s[p->pos] >= 0x20)
            p->pos++;
        pv_buf_add(&p->text, p->s + start, p->pos - start);
        if (p->pos >= p->len)
            return fail(p, "unterminated string");
        char c = p->s[p->pos++];
        if (c == '"')
            break;
        if (c != '\\') {
            p->pos--;
            return fail(p, "control character in string");
        }
        if (escape(p))
            return PV_NTHROW;
    }
    if (p->text.failed)
        return oom(p);
    *out = pv_str_new(p->vm, p->text.p ? p->text.p : "", p->text.len);
    return *out ? PV_NOK : oom(p);
}

static size_t digits(struct jp *p)
{
    size_t n = 0;
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
        p->pos++, n++;
    return n;
}

static int number(struct jp *p, pv_value *out)
{
    size_t start = p->pos;
    bool integral = true;
    if (p->s[p->pos] == '-')
        p->pos++;
    if (p->pos < p->len && p->s[p->pos] == '0')
        p->pos++;   /* no leading zeros: "01" ends after the 0 and fails as trailing text */
    else if (!digits(p))
        return fail(p, "bad number");
    if (p->pos < p->len && p->s[p->pos] == '.') {
        p->pos++;
        integral = false;
        if (!digits(p))
            return fail(p, "bad number: digits expected after '.'");
    }
    if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
        p->pos++;
        integral = false;
        if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
            p->pos++;
        if (!digits(p))
            return fail(p, "bad number: digits expected in exponent");
    }
    const char *text = p->s + start;
    size_t n = p->pos - start;
    int64_t l;
    if (integral && !pv_parse_long(text, n, &l)) {
        *out = l >= INT32_MIN && l <= INT32_MAX ? pv_int((int32_t)l) : pv_make_long(p->vm, l);
        return *out == PV_NULL ? oom(p) : PV_NOK;
    }
    double d;
    if (pv_parse_double(text, n, &d))
        return oom(p);   /* the grammar was checked above: only memory can fail */
    *out = pv_double(d);
    return PV_NOK;
}

static int literal(struct jp *p, const char *word, pv_value v, pv_value *out)
{
    size_t n = strlen(word);
    if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
        return fail(p, "unexpected word");
    p->pos += n;
    *out = v;
    return PV_NOK;
}

static int value(struct jp *p, pv_value *out);

static int array(struct jp *p, pv_value *out)
{
    struct pv_array *a = pv_array_new(p->vm, 0);
    if (!a)
        return oom(p);
    *out = pv_from_ptr(a);
    p->pos++;
    if (peek(p) == ']') {
        p->pos++;
        return PV_NOK;
    }
    for (;;) {
        pv_value v;
        if (value(p, &v))
            return PV_NTHROW;
        if (pv_array_push(p->vm, a, v) < 0)
            return oom(p);
        char c = peek(p);
        p->pos++;
        if (c == ']')
            return PV_NOK;
        if (c != ',') {
            p->pos--;
            return fail(p, c ? "expected ',' or ']'" : "unexpected end of input");
        }
    }
}

static int object(struct jp *p, pv_value *out)
{
    struct pv_directory *d = pv_dir_new(p->vm);
    if (!d)
        return oom(p);
    *out = pv_from_ptr(d);
    p->pos++;
    if (peek(p) == '}') {
        p->pos++;
        return PV_NOK;
    }
    for (;;) {
        struct pv_string *key;
        pv_value v;
        char c = peek(p);
        if (c != '"')
            return fail(p, c ? "expected a string key" : "unexpected end of input");
        if (string(p, &key))
            return PV_NTHROW;
        if (peek(p) != ':')
            return fail(p, "expected ':'");
        p->pos++;
        if (value(p, &v))
            return PV_NTHROW;
        if (pv_dir_put(p->vm, d, key, v) < 0)
            return oom(p);
        c = peek(p);
        p->pos++;
        if (c == '}')
            return PV_NOK;
        if (c != ',') {
            p->pos--;
            return fail(p, c ? "expected ',' or '}'" : "unexpected end of input");
        }
    }
}

static int value(struct jp *p, pv_value *out)
{
    char c = peek(p);
    switch (c) {
    case '{':
    case '[': {
        if (p->depth >= PV_JSON_MAX_DEPTH)
            return fail(p, "nested too deeply");
        p->depth++;
        int rc = c == '{' ? object(p, out) : array(p, out);
        p->depth--;
        return rc;
    }
    case '"': {
        struct pv_string *s;
        if (string(p, &s))
            return PV_NTHROW;
        *out = pv_from_ptr(s);
        return PV_NOK;
    }
    case 't':
        return literal(p, "true", PV_TRUE, out);
    case 'f':
        return literal(p, "false", PV_FALSE, out);
    case 'n':
        return literal(p, "null", PV_NULL, out);
    case 0:
        if (p->pos >= p->len)
            return fail(p, "unexpected end of input");
        return fail(p, "unexpected character");
    default:
        if (c == '-' || (c >= '0' && c <= '9'))
            return number(p, out);
        return fail(p, "unexpected character");
    }
}

int pv_json_parse(pv_vm *vm, const char *s, size_t len, pv_value *out)
{
    struct jp p = { .vm = vm, .s = s, .len = len };
    pv_value v;
    int rc = value(&p, &v);
    if (rc == PV_NOK && peek(&p))
        rc = fail(&p, "unexpected text after the value");
    else if (rc == PV_NOK && p.pos < p.len)
        rc = fail(&p, "unexpected character");
    pv_buf_free(&p.text);
    if (rc == PV_NOK)
        *out = v;
    return rc;
}
