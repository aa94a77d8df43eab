/*
 * asm.c - the assembler (docs/BYTECODE.md, "Assembly language").
 *
 * One pass over the lines.  A class is built with the constant helpers as
 * its text comes; jumps to labels not yet defined are patched when their
 * method ends.  When the class ends (at the next .class or .interface, or
 * at the end of the text) its constants are put in canonical order, it is
 * written and read back through the strict reader, so the assembler never
 * hands out a class whose structure the loader would refuse, and the
 * verifier computes the max_stack of each method that has no .stack.
 */
#include "asm.h"
#include "object.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const pv_asm_flag pv_asm_class_flags[2] = {{"abstract", PV_CF_ABSTRACT}, {"final", PV_CF_FINAL}};
const pv_asm_flag pv_asm_method_flags[4] = {
    {"static", PV_MF_STATIC}, {"abstract", PV_MF_ABSTRACT}, {"ctor", PV_MF_CTOR},
    {"synchronized", PV_MF_SYNCHRONIZED},
};
const char *const pv_asm_conv_names[PV_CONV_COUNT] = {
    [PV_CONV_INT] = "int", [PV_CONV_LONG] = "long", [PV_CONV_FLOAT] = "float",
    [PV_CONV_DOUBLE] = "double", [PV_CONV_CHAR] = "char", [PV_CONV_BOOL] = "bool",
};

enum { T_WORD, T_STR, T_COLON };
typedef struct tok {
    char *s;        /* NUL-terminated in the line buffer (strings unescaped) */
    uint32_t n;     /* bytes in s */
    uint8_t kind;
} tok;
#define MAX_TOKENS 24

typedef struct label {
    char *name;
    int64_t pc;     /* -1 until defined */
    int line;       /* of the definition, or of the first use */
} label;

/* A code position a jump or a .catch names: a label, or an offset. */
typedef struct ref { bool is_label; uint32_t v; } ref;
typedef struct fixup { uint32_t label, at; } fixup;   /* code[at..at+4) = the label's pc */
typedef struct hsrc { ref r[3]; uint32_t cls; int line; } hsrc;   /* from, to, using */
typedef struct pcline { uint32_t pc; int line; } pcline;

/* The method being assembled. */
typedef struct mstate {
    pv_cf_method m;
    int line;
    bool have_locals, have_stack, line_pending;
    uint32_t pending_line;
    uint32_t capcode, caplines;
    label *labels;
    uint32_t nlabels, caplabels;
    fixup *fix;
    uint32_t nfix, capfix;
    hsrc *hs;
    uint32_t nhs, caphs;
    pcline *pcl;             /* the source line of each instruction */
    uint32_t npcl, cappcl;
} mstate;

/* What the end of the class needs of each of its methods. */
typedef struct minfo {
    int line;
    bool stack_given;
    pcline *pcl;
    uint32_t npcl;
} minfo;

typedef struct asmst {
    const char *file;
    int line;
    pv_cf_error *err;
    bool oom;
    char *lb;                /* the current line, tokenised in place */
    uint32_t caplb;
    tok t[MAX_TOKENS];
    int nt;
    pv_cf *classes;          /* finished classes */
    uint32_t n, cap;
    bool in_class;           /* cf is being assembled */
    pv_cf cf;
    int cls_line;
    bool have_source;
    uint32_t capifs, capfields, capmethods;
    minfo *mi;               /* one per method of cf */
    uint32_t nmi, capmi;
    mstate *ms;              /* the open method, or NULL */
} asmst;

static int aerr_at(asmst *A, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int aerr_at(asmst *A, int line, const char *fmt, ...)
{
    if (A->err) {
        char msg[440];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        snprintf(A->err->msg, sizeof A->err->msg, "%.60s:%d: error: %s", A->file, line, msg);
    }
    return -1;
}
#define aerr(A, ...) aerr_at((A), (A)->line, __VA_ARGS__)

static int nomem(asmst *A) { return aerr(A, "out of memory"); }

/* The array p of *cap items, grown to hold at least need; on out of memory
 * p unchanged, with A->oom set. */
static void *room(asmst *A, void *p, size_t need, uint32_t *cap, size_t size)
{
    if (need <= *cap || A->oom)
        return p;
    size_t c = *cap ? *cap : 8;
    while (c < need)
        c *= 2;
    void *q = c <= UINT32_MAX ? realloc(p, c * size) : NULL;
    if (!q) {
        A->oom = true;
        return p;
    }
    *cap = (uint32_t)c;
    return q;
}
#define ROOM(A, arr, need, cap) (((arr) = room((A), (arr), (need), &(cap), sizeof *(arr))), !(A)->oom)

/* ---- lexing ---------------------------------------------------------------- */

/* Unescapes the string body [r, end) to w (never past r). */
static int unescape(asmst *A, const char *r, const char *end, char *w, uint32_t *len)
{
    const char *w0 = w;
    while (r < end) {
        char c = *r++;
        if (c != '\\') {
            *w++ = c;
            continue;
        }
        switch (c = *r++) {   /* the lexer saw to it that a character follows */
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case '\\': case '"': *w++ = c; break;
        case 'x': {
            unsigned v;
            if (end - r < 2 || !isxdigit((unsigned char)r[0]) || !isxdigit((unsigned char)r[1]) ||
                sscanf(r, "%2x", &v) != 1)
                return aerr(A, "\\x needs two hexadecimal digits");
            if (v == 0)
                return aerr(A, "strings cannot hold NUL (\\x00)");
            *w++ = (char)v;
            r += 2;
            break;
        }
        default: return aerr(A, "unknown escape \\%c", c);
        }
    }
    *len = (uint32_t)(w - w0);
    return 0;
}

/* Splits line s into A->t: words, "strings" and colons; ; or # starts a
 * comment.  Words and strings end up NUL-terminated in A->lb. */
static int lex(asmst *A, const char *s, size_t n)
{
    struct extent { size_t start, end; uint8_t kind; } ext[MAX_TOKENS];
    /* room for the longest string constant with every byte escaped */
    if (n > PV_CF_MAX_STRING * 4u + 64)
        return aerr(A, "the line is too long");
    if (!ROOM(A, A->lb, n + 1, A->caplb))
        return nomem(A);
    char *p = A->lb;
    memcpy(p, s, n);
    p[n] = 0;
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)p[k] < 0x20 && p[k] != '\t' && p[k] != '\r')
            return aerr(A, "control character 0x%02x in the text", (unsigned char)p[k]);
    A->nt = 0;
    for (size_t i = 0;;) {
        while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
            i++;
        if (i == n || p[i] == ';' || p[i] == '#')
            break;
        if (A->nt == MAX_TOKENS)
            return aerr(A, "more than %d words on one line", MAX_TOKENS);
        size_t start = i;
        uint8_t kind = T_WORD;
        if (p[i] == '"') {
            for (i++; i < n && p[i] != '"'; i++)
                i += p[i] == '\\';
            if (i >= n)
                return aerr(A, "unterminated string");
            i++;
            kind = T_STR;
        } else if (p[i] == ':') {
            i++;
            kind = T_COLON;
        } else {
            while (i < n && !strchr(" \t\r;#\":", p[i]))
                i++;
        }
        ext[A->nt++] = (struct extent){start, i, kind};
    }
    /* terminating a word may overwrite the quote or colon after it: their
     * tokens are already known by kind and extent */
    for (int k = 0; k < A->nt; k++) {
        tok *t = &A->t[k];
        t->kind = ext[k].kind;
        t->s = p + ext[k].start;
        t->n = (uint32_t)(ext[k].end - ext[k].start);
        if (t->kind == T_WORD)
            p[ext[k].end] = 0;
        else if (t->kind == T_STR) {
            if (unescape(A, p + ext[k].start + 1, p + ext[k].end - 1, t->s, &t->n) < 0)
                return -1;
            t->s[t->n] = 0;
        }
    }
    return 0;
}

static bool is_word(const tok *t, const char *w) { return t->kind == T_WORD && strcmp(t->s, w) == 0; }

static const char *shown(const tok *t)
{
    return t->kind == T_WORD ? t->s : t->kind == T_STR ? "a string" : ":";
}

static int want_words(asmst *A, const tok *t, int n, const char *what)
{
    for (int i = 0; i < n; i++)
        if (t[i].kind != T_WORD)
            return aerr(A, "%s: expected a name, not %s", what, shown(&t[i]));
    return 0;
}

static int arity(asmst *A, const char *what, int have, int min, int max)
{
    if (have >= min && have <= max)
        return 0;
    if (min == max)
        return aerr(A, "%s takes %d operand%s, not %d", what, min, min == 1 ? "" : "s", have);
    return aerr(A, "%s takes %d to %d operands, not %d", what, min, max, have);
}

/* ---- numbers ----------------------------------------------------------------- */

/* A decimal or 0x-hexadecimal number without a sign, at most max. */
static bool parse_uint(const char *s, uint64_t max, uint64_t *out)
{
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, s += 2;
    if (!(base == 16 ? isxdigit((unsigned char)*s) : isdigit((unsigned char)*s)))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, base);
    if (errno || *end || v > max)
        return false;
    *out = v;
    return true;
}

/* parse_uint with an optional sign, within [lo, hi]. */
static bool parse_int(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    bool neg = s[0] == '-';
    uint64_t m;
    if (!parse_uint(s + (neg || s[0] == '+'), (uint64_t)INT64_MAX + neg, &m))
        return false;
    int64_t v = neg ? (int64_t)(0 - m) : (int64_t)m;
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static int num(asmst *A, const tok *t, int64_t lo, int64_t hi, const char *what, int64_t *v)
{
    if (t->kind == T_WORD && parse_int(t->s, lo, hi, v))
        return 0;
    return aerr(A, "%s: expected a number from %lld to %lld, not %.60s", what, (long long)lo, (long long)hi,
                shown(t));
}

/* ---- code ------------------------------------------------------------------ */

static int need_method(asmst *A, const char *what)
{
    return A->ms ? 0 : aerr(A, "%s outside a method", what);
}

static int need_class(asmst *A, const char *what)
{
    if (!A->in_class)
        return aerr(A, "%s outside a class", what);
    if (A->ms)
        return aerr(A, "%s inside method %s (missing .end?)", what, pv_cf_str(&A->cf, A->ms->m.name));
    return 0;
}

/* A constant index from a helper, which returns 0 when it cannot add one. */
static int kref(asmst *A, uint32_t k, uint32_t *out)
{
    if (!k)
        return aerr(A, "out of memory (or more than %u constants)", PV_CF_MAX_CONSTS);
    *out = k;
    return 0;
}

/* Appends n bytes of code for the current line. */
static int put_code(asmst *A, const uint8_t *b, uint32_t n)
{
    mstate *ms = A->ms;
    pv_cf_method *m = &ms->m;
    if (n > PV_CF_MAX_CODE - m->code_len)
        return aerr(A, "the method's code is longer than %u bytes", PV_CF_MAX_CODE);
    if (ms->line_pending) {
        if (!ROOM(A, m->lines, m->nlines + 1, ms->caplines))
            return nomem(A);
        m->lines[m->nlines++] = (pv_cf_line){m->code_len, ms->pending_line};
        ms->line_pending = false;
    }
    if (!ROOM(A, ms->pcl, ms->npcl + 1, ms->cappcl) || !ROOM(A, m->code, m->code_len + n, ms->capcode))
        return nomem(A);
    ms->pcl[ms->npcl++] = (pcline){m->code_len, A->line};
    memcpy(m->code + m->code_len, b, n);
    m->code_len += n;
    return 0;
}

static void put16(uint8_t *b, uint32_t v) { b[0] = (uint8_t)v, b[1] = (uint8_t)(v >> 8); }
static void put32(uint8_t *b, uint32_t v) { put16(b, v), put16(b + 2, v >> 16); }

/* Encodes in (the inverse of pv_insn_decode) and appends it. */
static int emit(asmst *A, const pv_insn *in)
{
    uint8_t b[8] = {in->op};
    switch (in->fmt) {
    case PV_F_NONE: break;
    case PV_F_I32: put32(b + 1, (uint32_t)in->i); break;
    case PV_F_K: case PV_F_J: put32(b + 1, in->u); break;
    case PV_F_L: put16(b + 1, in->u); break;
    case PV_F_KN: put32(b + 1, in->u); b[5] = (uint8_t)in->i; break;
    case PV_F_ON: put16(b + 1, in->u); b[3] = (uint8_t)in->i; break;
    case PV_F_LI: put16(b + 1, in->u); put16(b + 3, (uint32_t)in->i); break;
    case PV_F_U8: b[1] = (uint8_t)in->u; break;
    }
    return put_code(A, b, (uint32_t)pv_op_size(in->fmt));
}

static bool label_name_ok(const char *s)
{
    if (!isalpha((unsigned char)s[0]) && s[0] != '_')
        return false;
    while (*++s)
        if (!isalnum((unsigned char)*s) && !strchr("_.$", *s))
            return false;
    return true;
}

/* The index of label `name` in the open method, added (undefined) if new. */
static int label_index(asmst *A, const char *name, uint32_t *out)
{
    mstate *ms = A->ms;
    if (!label_name_ok(name))
        return aerr(A, "'%.60s' is not a label name", name);
    for (uint32_t i = 0; i < ms->nlabels; i++)
        if (strcmp(ms->labels[i].name, name) == 0)
            return *out = i, 0;
    if (!ROOM(A, ms->labels, ms->nlabels + 1, ms->caplabels))
        return nomem(A);
    size_t n = strlen(name) + 1;
    char *copy = malloc(n);
    if (!copy)
        return nomem(A);
    memcpy(copy, name, n);
    ms->labels[ms->nlabels] = (label){copy, -1, A->line};
    *out = ms->nlabels++;
    return 0;
}

static int define_label(asmst *A, const char *name)
{
    uint32_t i;
    if (need_method(A, "a label") < 0 || label_index(A, name, &i) < 0)
        return -1;
    label *l = &A->ms->labels[i];
    if (l->pc >= 0)
        return aerr(A, "label %s is defined twice (first at line %d)", name, l->line);
    l->pc = A->ms->m.code_len;
    l->line = A->line;
    return 0;
}

/* A code position: a label, or a number (an absolute offset). */
static int code_ref(asmst *A, const tok *t, ref *r)
{
    int64_t v;
    if (t->kind == T_WORD && isdigit((unsigned char)t->s[0])) {
        r->is_label = false;
        if (num(A, t, 0, UINT32_MAX, "offset", &v) < 0)
            return -1;
        r->v = (uint32_t)v;
        return 0;
    }
    if (t->kind != T_WORD)
        return aerr(A, "expected a label or an offset, not %s", shown(t));
    r->is_label = true;
    return label_index(A, t->s, &r->v);
}

/* ---- instructions ------------------------------------------------------------- */

/* pushconst's number forms: 5 (int), 5L, 1.5 (double), 1.5f, 0x10. */
static int number_const(asmst *A, const char *s, uint32_t *k)
{
    size_t n = strlen(s);
    const char *digits = s + (s[0] == '-' || s[0] == '+');
    bool hex = digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
    bool is_float = !hex && (s[n - 1] == 'f' || s[n - 1] == 'F');
    char buf[80];
    int64_t v;
    if (n >= sizeof buf)
        return aerr(A, "number too long: %.60s", s);
    memcpy(buf, s, n + 1);
    if (s[n - 1] == 'L' && n > 1) {
        buf[n - 1] = 0;
        if (!parse_int(buf, INT64_MIN, INT64_MAX, &v))
            return aerr(A, "'%s' is not a long", s);
        return kref(A, pv_cf_long(&A->cf, v), k);
    }
    if (is_float || (!hex && strpbrk(s, ".eE"))) {
        char *end;
        if (is_float)
            buf[n - 1] = 0;
        if (is_float) {
            float f = strtof(buf, &end);
            uint32_t bits;
            if (*end || end == buf || !isfinite(f))
                return aerr(A, "'%s' is not a finite float (floatbits gives any bit pattern)", s);
            memcpy(&bits, &f, 4);
            return kref(A, pv_cf_float(&A->cf, bits), k);
        }
        double d = strtod(buf, &end);
        uint64_t bits;
        if (*end || end == buf || !isfinite(d))
            return aerr(A, "'%s' is not a finite double (doublebits gives any bit pattern)", s);
        memcpy(&bits, &d, 8);
        return kref(A, pv_cf_double(&A->cf, bits), k);
    }
    if (!parse_int(s, INT32_MIN, INT32_MAX, &v))
        return aerr(A, "'%s' is not an int (write 5L for a long)", s);
    return kref(A, pv_cf_int(&A->cf, (int32_t)v), k);
}

static int push_const(asmst *A, const tok *o, int no, uint32_t *k)
{
    int64_t v;
    uint64_t bits;
    if (no == 1 && o[0].kind == T_STR)
        return kref(A, pv_cf_utf8(&A->cf, o[0].s, o[0].n), k);
    if (no == 1 && o[0].kind == T_WORD)
        return number_const(A, o[0].s, k);
    if (no == 2 && is_word(&o[0], "class") && o[1].kind == T_WORD)
        return kref(A, pv_cf_class(&A->cf, o[1].s), k);
    if (no == 2 && is_word(&o[0], "floatbits"))
        return num(A, &o[1], 0, UINT32_MAX, "floatbits", &v) < 0 ? -1 : kref(A, pv_cf_float(&A->cf, (uint32_t)v), k);
    if (no == 2 && is_word(&o[0], "doublebits") && o[1].kind == T_WORD && parse_uint(o[1].s, UINT64_MAX, &bits))
        return kref(A, pv_cf_double(&A->cf, bits), k);
    return aerr(A, "pushconst takes a \"string\", a number, class NAME, floatbits BITS or doublebits BITS");
}

/* The operands of an instruction with a constant (and a count). */
static int const_operand(asmst *A, pv_insn *in, const tok *o, int no)
{
    const char *mn = pv_opinfo[in->op].mnemonic;
    int64_t v = 0;
    switch (in->op) {
    case PV_OP_PUSHCONST: return push_const(A, o, no, &in->u);
    case PV_OP_GETFIELD: case PV_OP_PUTFIELD: case PV_OP_GETSTATIC: case PV_OP_PUTSTATIC:
        if (arity(A, mn, no, 2, 2) < 0 || want_words(A, o, 2, mn) < 0)
            return -1;
        return kref(A, pv_cf_field_ref(&A->cf, o[0].s, o[1].s), &in->u);
    case PV_OP_INVOKENAME:
        if (arity(A, mn, no, 2, 2) < 0 || want_words(A, o, 1, mn) < 0 || num(A, &o[1], 0, 255, mn, &v) < 0)
            return -1;
        in->i = (int32_t)v;
        return kref(A, pv_cf_utf8(&A->cf, o[0].s, o[0].n), &in->u);
    case PV_OP_INVOKEVIRTUAL: case PV_OP_INVOKESTATIC: case PV_OP_INVOKESPECIAL:
        /* the count is the descriptor's unless given (bad code for tests) */
        if (arity(A, mn, no, 3, 4) < 0 || want_words(A, o, 3, mn) < 0)
            return -1;
        if (no == 4 && num(A, &o[3], 0, 255, mn, &v) < 0)
            return -1;
        if (no == 3 && (v = pv_desc_nargs(o[2].s)) < 0)
            return aerr(A, "malformed descriptor %.80s", o[2].s);
        in->i = (int32_t)v;
        return kref(A, pv_cf_method_ref(&A->cf, o[0].s, o[1].s, o[2].s), &in->u);
    default: /* new, checkcast, instanceof */
        if (arity(A, mn, no, 1, 1) < 0 || want_words(A, o, 1, mn) < 0)
            return -1;
        return kref(A, pv_cf_class(&A->cf, o[0].s), &in->u);
    }
}

static int conv_operand(asmst *A, const tok *t, uint32_t *u)
{
    int64_t v;
    for (uint32_t i = 0; i < PV_CONV_COUNT; i++)
        if (is_word(t, pv_asm_conv_names[i]))
            return *u = i, 0;
    if (t->kind != T_WORD || !parse_int(t->s, 0, 255, &v))
        return aerr(A, "conv: expected int, long, float, double, char or bool, not %.60s", shown(t));
    *u = (uint32_t)v;
    return 0;
}

static int instruction(asmst *A, const tok *t, int nt)
{
    const tok *o = t + 1;
    int no = nt - 1, op = 0;
    int64_t v, w;
    while (op < PV_OP_COUNT && strcmp(pv_opinfo[op].mnemonic, t[0].s) != 0)
        op++;
    if (op == PV_OP_COUNT)
        return aerr(A, "unknown instruction '%.60s'", t[0].s);
    if (need_method(A, t[0].s) < 0)
        return -1;
    pv_insn in = {.op = (uint8_t)op, .fmt = pv_opinfo[op].fmt};
    const char *mn = t[0].s;
    switch (in.fmt) {
    case PV_F_NONE: return arity(A, mn, no, 0, 0) < 0 ? -1 : emit(A, &in);
    case PV_F_I32:
        if (arity(A, mn, no, 1, 1) < 0 || num(A, &o[0], INT32_MIN, INT32_MAX, mn, &v) < 0)
            return -1;
        in.i = (int32_t)v;
        return emit(A, &in);
    case PV_F_L:
        if (arity(A, mn, no, 1, 1) < 0 || num(A, &o[0], 0, 65535, mn, &v) < 0)
            return -1;
        in.u = (uint32_t)v;
        return emit(A, &in);
    case PV_F_LI:
    case PV_F_ON: {
        bool li = in.fmt == PV_F_LI;
        if (arity(A, mn, no, 2, 2) < 0 || num(A, &o[0], 0, 65535, mn, &v) < 0 ||
            num(A, &o[1], li ? INT16_MIN : 0, li ? INT16_MAX : 255, mn, &w) < 0)
            return -1;
        in.u = (uint32_t)v;
        in.i = (int32_t)w;
        return emit(A, &in);
    }
    case PV_F_U8:
        if (arity(A, mn, no, 1, 1) < 0 || conv_operand(A, &o[0], &in.u) < 0)
            return -1;
        return emit(A, &in);
    case PV_F_J: {
        ref r;
        mstate *ms = A->ms;
        if (arity(A, mn, no, 1, 1) < 0 || code_ref(A, &o[0], &r) < 0)
            return -1;
        in.u = r.is_label ? 0 : r.v;
        if (r.is_label) {
            if (!ROOM(A, ms->fix, ms->nfix + 1, ms->capfix))
                return nomem(A);
            ms->fix[ms->nfix++] = (fixup){r.v, ms->m.code_len + 1};
        }
        return emit(A, &in);
    }
    case PV_F_K:
    case PV_F_KN: return const_operand(A, &in, o, no) < 0 ? -1 : emit(A, &in);
    }
    return aerr(A, "%s has an operand format the assembler does not know", mn);
}

/* ---- methods ---------------------------------------------------------------- */

static void mstate_free(mstate *ms)
{
    if (!ms)
        return;
    for (uint32_t i = 0; i < ms->nlabels; i++)
        free(ms->labels[i].name);
    free(ms->labels);
    free(ms->fix);
    free(ms->hs);
    free(ms->pcl);
    free(ms->m.code);
    free(ms->m.lines);
    free(ms->m.handlers);
    free(ms);
}

static int d_method(asmst *A, const tok *t, int nt)
{
    int d = 1;
    int64_t v;
    if (need_class(A, ".method") < 0)
        return -1;
    while (d < nt && !(t[d].kind == T_WORD && t[d].s[0] == '('))
        d++;
    if (d == nt)
        return aerr(A, ".method: expected a descriptor such as (*,*)void");
    if (d < 2 || t[d - 1].kind != T_WORD)
        return aerr(A, ".method: expected the method's name before its descriptor");
    mstate *ms = A->ms = calloc(1, sizeof *ms);
    if (!ms)
        return nomem(A);
    pv_cf_method *m = &ms->m;
    m->ordinal = PV_NO_ORDINAL;
    ms->line = A->line;
    for (int i = 1; i < d - 1; i++) {
        int f = 0;
        while (f < 4 && !is_word(&t[i], pv_asm_method_flags[f].name))
            f++;
        if (f == 4)
            return aerr(A, ".method: unknown modifier %.60s", shown(&t[i]));
        m->flags |= pv_asm_method_flags[f].flag;
    }
    if (d + 1 < nt) {
        if (d + 3 != nt || !is_word(&t[d + 1], "ordinal"))
            return aerr(A, ".method: after the descriptor, expected only 'ordinal N'");
        if (num(A, &t[d + 2], 0, PV_MAX_ORDINAL, "ordinal", &v) < 0)
            return -1;
        m->ordinal = (uint32_t)v;
    }
    int nargs = pv_desc_nargs(t[d].s);
    if (nargs < 0)
        return aerr(A, "malformed descriptor %.80s", t[d].s);
    m->nargs = (uint16_t)nargs;
    if (kref(A, pv_cf_utf8(&A->cf, t[d - 1].s, t[d - 1].n), &m->name) < 0)
        return -1;
    return kref(A, pv_cf_utf8(&A->cf, t[d].s, t[d].n), &m->desc);
}

/* The offset a .catch or jump operand stands for. */
static int resolve(asmst *A, const ref *r, int line, uint32_t *pc)
{
    if (!r->is_label)
        return *pc = r->v, 0;
    const label *l = &A->ms->labels[r->v];
    if (l->pc < 0)
        return aerr_at(A, line, "undefined label %s", l->name);
    *pc = (uint32_t)l->pc;
    return 0;
}

static int d_end(asmst *A, const tok *t, int nt)
{
    mstate *ms = A->ms;
    pv_cf_method *m;
    (void)t;
    if (need_method(A, ".end") < 0 || arity(A, ".end", nt - 1, 0, 0) < 0)
        return -1;
    m = &ms->m;
    if (ms->line_pending)
        return aerr(A, ".line %u is not followed by an instruction", ms->pending_line);
    for (uint32_t i = 0; i < ms->nfix; i++) {
        uint32_t pc = 0;
        const label *l = &ms->labels[ms->fix[i].label];
        if (resolve(A, &(ref){true, ms->fix[i].label}, l->line, &pc) < 0)
            return -1;
        put32(m->code + ms->fix[i].at, pc);
    }
    if (ms->nhs && !(m->handlers = calloc(ms->nhs, sizeof *m->handlers)))
        return nomem(A);
    for (uint32_t i = 0; i < ms->nhs; i++) {
        pv_cf_handler *h = &m->handlers[m->nhandlers++];
        const hsrc *s = &ms->hs[i];
        if (resolve(A, &s->r[0], s->line, &h->start) < 0 || resolve(A, &s->r[1], s->line, &h->end) < 0 ||
            resolve(A, &s->r[2], s->line, &h->target) < 0)
            return -1;
        h->cls = s->cls;
    }
    if (!ms->have_locals)
        m->nlocals = (uint16_t)(m->nargs + !(m->flags & PV_MF_STATIC));
    pv_cf *cf = &A->cf;
    if (!ROOM(A, cf->methods, cf->nmethods + 1, A->capmethods) || !ROOM(A, A->mi, A->nmi + 1, A->capmi))
        return nomem(A);
    A->mi[A->nmi++] = (minfo){ms->line, ms->have_stack, ms->pcl, ms->npcl};
    cf->methods[cf->nmethods++] = *m;
    /* the class owns the code, lines, handlers and line map now */
    *m = (pv_cf_method){0};
    ms->pcl = NULL;
    mstate_free(ms);
    A->ms = NULL;
    return 0;
}

static int d_count(asmst *A, const tok *t, int nt)
{
    bool locals = t[0].s[1] == 'l';
    int64_t v;
    if (need_method(A, t[0].s) < 0 || arity(A, t[0].s, nt - 1, 1, 1) < 0 || num(A, &t[1], 0, 65535, t[0].s, &v) < 0)
        return -1;
    bool *have = locals ? &A->ms->have_locals : &A->ms->have_stack;
    if (*have)
        return aerr(A, "a second %s", t[0].s);
    *have = true;
    *(locals ? &A->ms->m.nlocals : &A->ms->m.max_stack) = (uint16_t)v;
    return 0;
}

static int d_line(asmst *A, const tok *t, int nt)
{
    int64_t v;
    if (need_method(A, ".line") < 0 || arity(A, ".line", nt - 1, 1, 1) < 0 ||
        num(A, &t[1], 0, UINT32_MAX, ".line", &v) < 0)
        return -1;
    A->ms->line_pending = true;
    A->ms->pending_line = (uint32_t)v;
    return 0;
}

static int d_catch(asmst *A, const tok *t, int nt)
{
    mstate *ms = A->ms;
    if (need_method(A, ".catch") < 0)
        return -1;
    if (nt != 8 || t[1].kind != T_WORD || !is_word(&t[2], "from") || !is_word(&t[4], "to") || !is_word(&t[6], "using"))
        return aerr(A, "expected .catch CLASS|any from LABEL to LABEL using LABEL");
    hsrc h = {.line = A->line};
    if (!is_word(&t[1], "any") && kref(A, pv_cf_class(&A->cf, t[1].s), &h.cls) < 0)
        return -1;
    for (int i = 0; i < 3; i++)
        if (code_ref(A, &t[3 + 2 * i], &h.r[i]) < 0)
            return -1;
    if (!ROOM(A, ms->hs, ms->nhs + 1, ms->caphs))
        return nomem(A);
    ms->hs[ms->nhs++] = h;
    return 0;
}

static int d_byte(asmst *A, const tok *t, int nt)
{
    uint8_t b[MAX_TOKENS];
    int64_t v;
    if (need_method(A, ".byte") < 0 || arity(A, ".byte", nt - 1, 1, MAX_TOKENS - 1) < 0)
        return -1;
    for (int i = 1; i < nt; i++) {
        if (num(A, &t[i], 0, 255, ".byte", &v) < 0)
            return -1;
        b[i - 1] = (uint8_t)v;
    }
    return put_code(A, b, (uint32_t)nt - 1);
}

/* ---- classes ---------------------------------------------------------------- */

/* The source line of the instruction at pc (of the method at mi->line if none). */
static int line_at(const minfo *mi, uint32_t pc)
{
    int line = mi->line;
    for (uint32_t i = 0; i < mi->npcl && mi->pcl[i].pc <= pc; i++)
        line = mi->pcl[i].line;
    return line;
}

static void class_free(asmst *A)
{
    for (uint32_t i = 0; i < A->nmi; i++)
        free(A->mi[i].pcl);
    free(A->mi);
    A->mi = NULL;
    A->nmi = A->capmi = 0;
    pv_cf_free(&A->cf);
    A->in_class = false;
}

/* Reads cf's bytes back: the assembler hands out only classes the reader accepts. */
static int check_structure(asmst *A)
{
    size_t n;
    pv_cf copy;
    pv_cf_error e;
    uint8_t *b = pv_cf_write(&A->cf, &n);
    if (!b)
        return aerr_at(A, A->cls_line, "out of memory");
    int rc = pv_cf_read(b, n, NULL, &copy, &e);
    free(b);
    pv_cf_free(&copy);
    return rc < 0 ? aerr_at(A, A->cls_line, "%s", e.msg) : 0;
}

static int end_class(asmst *A)
{
    pv_cf *cf = &A->cf;
    pv_cf_error e;
    if (!A->in_class)
        return 0;
    if (A->ms)
        return aerr_at(A, A->ms->line, "method %s has no .end", pv_cf_str(cf, A->ms->m.name));
    if (pv_cf_canonicalize(cf) < 0)
        return aerr_at(A, A->cls_line, "out of memory");
    if (check_structure(A) < 0)
        return -1;
    for (uint32_t i = 0; i < cf->nmethods; i++) {
        pv_cf_method *m = &cf->methods[i];
        uint32_t depth, bad_pc;
        if (A->mi[i].stack_given || (m->flags & PV_MF_ABSTRACT))
            continue;
        m->max_stack = PV_CF_MAX_STACK;
        if (pv_cf_verify_method(cf, i, &depth, &bad_pc, &e) < 0)
            return aerr_at(A, line_at(&A->mi[i], bad_pc), "%s", e.msg);
        m->max_stack = (uint16_t)depth;
    }
    if (!ROOM(A, A->classes, A->n + 1, A->cap))
        return nomem(A);
    A->classes[A->n++] = *cf;
    *cf = (pv_cf){0};
    class_free(A);
    return 0;
}

static int d_class(asmst *A, const tok *t, int nt)
{
    uint32_t flags = strcmp(t[0].s, ".interface") == 0 ? PV_CF_INTERFACE : 0;
    const char *name, *super = NULL;
    int i = 1;
    if (end_class(A) < 0)
        return -1;
    for (; i < nt; i++) {
        int f = 0;
        while (f < 2 && !is_word(&t[i], pv_asm_class_flags[f].name))
            f++;
        if (f == 2)
            break;
        flags |= pv_asm_class_flags[f].flag;
    }
    if (i == nt || t[i].kind != T_WORD)
        return aerr(A, "%s: expected the class name", t[0].s);
    name = t[i++].s;
    if (i < nt) {
        if (i + 2 != nt || !is_word(&t[i], "extends") || t[i + 1].kind != T_WORD)
            return aerr(A, "%s: after the name, expected only 'extends SUPERCLASS'", t[0].s);
        super = t[i + 1].s;
    }
    A->in_class = true;
    A->cls_line = A->line;
    A->have_source = false;
    A->capifs = A->capfields = A->capmethods = 0;
    A->cf.flags = flags;
    if (kref(A, pv_cf_class(&A->cf, name), &A->cf.this_class) < 0)
        return -1;
    if (!super && strcmp(name, ".internal.object") != 0)
        super = ".internal.object";
    return super ? kref(A, pv_cf_class(&A->cf, super), &A->cf.super_class) : 0;
}

static int d_implements(asmst *A, const tok *t, int nt)
{
    pv_cf *cf = &A->cf;
    if (need_class(A, ".implements") < 0 || arity(A, ".implements", nt - 1, 1, MAX_TOKENS) < 0 ||
        want_words(A, t + 1, nt - 1, ".implements") < 0)
        return -1;
    for (int i = 1; i < nt; i++) {
        if (!ROOM(A, cf->interfaces, cf->ninterfaces + 1, A->capifs))
            return nomem(A);
        if (kref(A, pv_cf_class(cf, t[i].s), &cf->interfaces[cf->ninterfaces]) < 0)
            return -1;
        cf->ninterfaces++;
    }
    return 0;
}

static int d_source(asmst *A, const tok *t, int nt)
{
    if (need_class(A, ".source") < 0)
        return -1;
    if (nt != 2 || t[1].kind != T_STR)
        return aerr(A, "expected .source \"FILE\"");
    if (A->have_source)
        return aerr(A, "a second .source");
    A->have_source = true;
    return kref(A, pv_cf_utf8(&A->cf, t[1].s, t[1].n), &A->cf.source);
}

static int d_field(asmst *A, const tok *t, int nt)
{
    pv_cf *cf = &A->cf;
    pv_cf_field f = {0};
    int colon = 1;
    if (need_class(A, ".field") < 0)
        return -1;
    while (colon < nt && t[colon].kind != T_COLON)
        colon++;
    if (colon < 2 || want_words(A, t + 1, colon - 1, ".field") < 0)
        return aerr(A, "expected .field [static] NAME [: TYPE]");
    for (int i = 1; i < colon - 1; i++) {
        if (!is_word(&t[i], "static"))
            return aerr(A, ".field: unknown modifier %.60s", t[i].s);
        f.flags |= PV_MF_STATIC;
    }
    if (colon < nt && (colon + 2 != nt || t[colon + 1].kind != T_WORD))
        return aerr(A, ".field: expected one type after ':'");
    if (kref(A, pv_cf_utf8(cf, t[colon - 1].s, t[colon - 1].n), &f.name) < 0 ||
        (colon < nt && kref(A, pv_cf_utf8(cf, t[colon + 1].s, t[colon + 1].n), &f.type) < 0))
        return -1;
    if (!ROOM(A, cf->fields, cf->nfields + 1, A->capfields))
        return nomem(A);
    cf->fields[cf->nfields++] = f;
    return 0;
}

static const struct {
    const char *name;
    int (*fn)(asmst *A, const tok *t, int nt);
} directives[] = {
    {".class", d_class}, {".interface", d_class}, {".implements", d_implements},
    {".source", d_source}, {".field", d_field}, {".method", d_method}, {".end", d_end},
    {".locals", d_count}, {".stack", d_count}, {".line", d_line}, {".catch", d_catch},
    {".byte", d_byte},
};

static int one_line(asmst *A, const char *s, size_t n)
{
    if (lex(A, s, n) < 0)
        return -1;
    const tok *t = A->t;
    int nt = A->nt;
    if (nt >= 2 && t[0].kind == T_WORD && t[1].kind == T_COLON && t[0].s[0] != '.') {
        if (define_label(A, t[0].s) < 0)
            return -1;
        t += 2;
        nt -= 2;
    }
    if (nt == 0)
        return 0;
    if (t[0].kind != T_WORD)
        return aerr(A, "expected a directive, a label or an instruction, not %s", shown(&t[0]));
    if (t[0].s[0] != '.')
        return instruction(A, t, nt);
    for (size_t i = 0; i < sizeof directives / sizeof directives[0]; i++)
        if (strcmp(t[0].s, directives[i].name) == 0)
            return directives[i].fn(A, t, nt);
    return aerr(A, "unknown directive %.60s", t[0].s);
}

void pv_asm_free(pv_cf *classes, int n)
{
    for (int i = 0; classes && i < n; i++)
        pv_cf_free(&classes[i]);
    free(classes);
}

int pv_asm(const char *text, size_t len, const char *filename, pv_cf **out_classes, int *out_n,
           pv_cf_error *err)
{
    asmst A = {.file = filename ? filename : "<asm>", .err = err};
    int rc = 0;
    if (err)
        err->msg[0] = 0;
    *out_classes = NULL;
    *out_n = 0;
    for (size_t pos = 0; rc == 0 && pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (++A.line == INT32_MAX)
            rc = aerr(&A, "too many lines");
        else
            rc = one_line(&A, text + pos, end - pos);
        pos = end + 1;
    }
    if (rc == 0)
        rc = end_class(&A);
    if (rc == 0 && A.n > INT32_MAX)
        rc = aerr(&A, "too many classes");
    mstate_free(A.ms);
    class_free(&A);
    free(A.lb);
    if (rc < 0) {
        pv_asm_free(A.classes, (int)A.n);
        return -1;
    }
    *out_classes = A.classes;
    *out_n = (int)A.n;
    return 0;
}
