/*
 * lex.c - the lexer.  One token per call; comments and whitespace are
 * skipped before it.  Errors are reported where they are found and the
 * token is repaired so the parser can go on (see lex.h).
 *
 * Invariants: lx->pos never exceeds src->len, and every call either
 * consumes at least one byte or returns PC_TK_EOF, so lexing always ends.
 */
#include "lex.h"

#include "utf8.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const spellings[PC_TK_COUNT] = {
    [PC_TK_EOF] = "end of input",
    [PC_TK_IDENT] = "identifier",
    [PC_TK_INT] = "integer literal",
    [PC_TK_LONG] = "long literal",
    [PC_TK_FLOAT] = "float literal",
    [PC_TK_DOUBLE] = "double literal",
    [PC_TK_CHAR] = "character literal",
    [PC_TK_STRING] = "string literal",
#define SPELLING_(name, spelling) [PC_TK_##name] = spelling,
    PC_KEYWORDS(SPELLING_) PC_PUNCTUATION(SPELLING_)
#undef SPELLING_
};

/* Lengths of the punctuation spellings (0 for other kinds). */
static const unsigned char punct_len[PC_TK_COUNT] = {
#define LENGTH_(name, spelling) [PC_TK_##name] = sizeof(spelling) - 1,
    PC_PUNCTUATION(LENGTH_)
#undef LENGTH_
};

#define FIRST_KEYWORD PC_TK_ATTRIBUTE
#define LAST_KEYWORD PC_TK_WHILE
#define FIRST_PUNCT PC_TK_LPAREN

const char *pc_tok_spelling(pc_tok_kind k)
{
    return (unsigned)k < PC_TK_COUNT ? spellings[k] : "?";
}

char *pc_tok_describe(const pc_token *t, char *buf, size_t n)
{
    char q[160];
    const char *src = t->loc.src ? t->loc.src->text + t->loc.off : "";
    switch (t->kind) {
    case PC_TK_EOF:
    case PC_TK_CHAR:
    case PC_TK_STRING:
        snprintf(buf, n, "%s", spellings[t->kind]);
        break;
    case PC_TK_IDENT:
        snprintf(buf, n, "identifier '%s'", pc_diag_quote(q, sizeof q, t->text, t->tlen));
        break;
    case PC_TK_INT:
    case PC_TK_LONG:
    case PC_TK_FLOAT:
    case PC_TK_DOUBLE:
        snprintf(buf, n, "number '%s'", pc_diag_quote(q, sizeof q, src, t->len));
        break;
    default:
        snprintf(buf, n, "'%s'", pc_tok_spelling(t->kind));
        break;
    }
    return buf;
}

/* ---- reading bytes ---------------------------------------------------------------- */

void pc_lex_init(pc_lexer *lx, const pc_source *src, pc_diag *d, pc_arena *a)
{
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->d = d;
    lx->a = a;
    lx->line = 1;
    lx->col = 1;
}

/* The byte k ahead of the current one, or -1 past the end. */
static int peekc(const pc_lexer *lx, size_t k)
{
    size_t i = (size_t)lx->pos + k;
    return i < lx->src->len ? (unsigned char)lx->src->text[i] : -1;
}

static void adv(pc_lexer *lx)
{
    if (lx->pos >= lx->src->len)
        return;
    if (lx->src->text[lx->pos] == '\n') {
        lx->line++;
        lx->col = 1;
    } else {
        lx->col++;
    }
    lx->pos++;
}

static pc_loc here(const pc_lexer *lx)
{
    return (pc_loc){lx->src, lx->pos, lx->line, lx->col};
}

static void lex_error(pc_lexer *lx, pc_loc at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void lex_error(pc_lexer *lx, pc_loc at, const char *fmt, ...)
{
    lx->bad = true;
    if (!lx->d)
        return;
    va_list ap;
    va_start(ap, fmt);
    pc_diag_vreport(lx->d, PC_ERROR, at, fmt, ap);
    va_end(ap);
}

static bool is_ident_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_ident_char(int c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static bool is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* ---- whitespace and comments -------------------------------------------------------- */

static void skip_space(pc_lexer *lx)
{
    for (;;) {
        int c = peekc(lx, 0);
        if (is_space(c)) {
            adv(lx);
        } else if (c == '/' && peekc(lx, 1) == '/') {
            while (peekc(lx, 0) >= 0 && peekc(lx, 0) != '\n')
                adv(lx);
        } else if (c == '/' && peekc(lx, 1) == '*') {
            pc_loc start = here(lx);
            adv(lx);
            adv(lx);
            while (!(peekc(lx, 0) == '*' && peekc(lx, 1) == '/')) {
                if (peekc(lx, 0) < 0) {
                    lx->open_comment = true;
                    if (lx->d)
                        pc_error(lx->d, start, "unterminated comment");
                    return;
                }
                adv(lx);
            }
            adv(lx);
            adv(lx);
        } else {
            return;
        }
    }
}

/* ---- identifiers and keywords --------------------------------------------------------- */

static pc_tok_kind keyword(const char *s, size_t n)
{
    int lo = FIRST_KEYWORD, hi = LAST_KEYWORD;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const char *k = spellings[mid];
        int c = strncmp(s, k, n);
        if (c == 0 && k[n] != 0)
            c = -1; /* s is a proper prefix of k */
        if (c == 0)
            return (pc_tok_kind)mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return PC_TK_IDENT;
}

static void lex_word(pc_lexer *lx, pc_token *t)
{
    while (is_ident_char(peekc(lx, 0)))
        adv(lx);
    t->text = lx->src->text + t->loc.off;
    t->tlen = lx->pos - t->loc.off;
    t->kind = keyword(t->text, t->tlen);
}

/* ---- numbers ------------------------------------------------------------------------ */

/* Consumes letters and digits glued to a number ("12abc") and reports them. */
static void number_suffix(pc_lexer *lx)
{
    if (!is_ident_char(peekc(lx, 0)))
        return;
    pc_loc at = here(lx);
    uint32_t from = lx->pos;
    while (is_ident_char(peekc(lx, 0)))
        adv(lx);
    char q[160];
    lex_error(lx, at, "invalid suffix '%s' on number",
              pc_diag_quote(q, sizeof q, lx->src->text + from, lx->pos - from));
}

static void lex_hex(pc_lexer *lx, pc_token *t)
{
    adv(lx);
    adv(lx);
    uint64_t v = 0;
    bool overflow = false, any = false;
    for (int h; (h = hex_value(peekc(lx, 0))) >= 0; adv(lx)) {
        overflow |= v > (UINT64_MAX >> 4);
        v = (v << 4) | (uint64_t)h;
        any = true;
    }
    t->kind = PC_TK_INT;
    if (peekc(lx, 0) == 'L' || peekc(lx, 0) == 'l') {
        adv(lx);
        t->kind = PC_TK_LONG;
    }
    if (!any)
        lex_error(lx, t->loc, "hexadecimal literal needs digits after '0x'");
    else if (overflow)
        lex_error(lx, t->loc, "integer literal does not fit in 64 bits");
    else if (t->kind == PC_TK_INT && v > UINT32_MAX)
        lex_error(lx, t->loc, "hexadecimal literal does not fit in an int; add 'L' for a long");
    t->ival = t->kind == PC_TK_INT ? (v & UINT32_MAX) : v;
    number_suffix(lx);
}

/* Integer part already consumed up to `digits_end`: classify and range-check it. */
static void finish_integer(pc_lexer *lx, pc_token *t, uint32_t digits_end)
{
    const char *s = lx->src->text;
    uint64_t v = 0;
    bool overflow = false;
    for (uint32_t i = t->loc.off; i < digits_end; i++) {
        unsigned dgt = (unsigned)(s[i] - '0');
        overflow |= v > (UINT64_MAX - dgt) / 10;
        v = v * 10 + dgt;
    }
    uint64_t max = t->kind == PC_TK_LONG ? (uint64_t)INT64_MAX : (uint64_t)INT32_MAX;
    if (overflow || (v > max + 1 && (t->kind == PC_TK_LONG || v > (uint64_t)INT64_MAX + 1)))
        lex_error(lx, t->loc, "integer literal too large even for a long");
    else if (v > max + 1)
        lex_error(lx, t->loc, "integer literal too large for an int; add 'L' for a long");
    else if (v == max + 1)
        t->flags |= PC_TF_MINVAL;
    t->ival = v;
    if (digits_end - t->loc.off > 1 && s[t->loc.off] == '0' && lx->d)
        pc_warning(lx->d, t->loc,
                   "leading zero: Phantom has no octal literals, so this is decimal %llu",
                   (unsigned long long)v);
}

static void lex_number(pc_lexer *lx, pc_token *t)
{
    if (peekc(lx, 0) == '0' && (peekc(lx, 1) == 'x' || peekc(lx, 1) == 'X')) {
        lex_hex(lx, t);
        return;
    }
    while (peekc(lx, 0) >= '0' && peekc(lx, 0) <= '9')
        adv(lx);
    uint32_t digits_end = lx->pos;
    bool real = false;
    if (peekc(lx, 0) == '.' && peekc(lx, 1) >= '0' && peekc(lx, 1) <= '9') {
        real = true;
        adv(lx);
        while (peekc(lx, 0) >= '0' && peekc(lx, 0) <= '9')
            adv(lx);
    }
    int e1 = peekc(lx, 1), sign = e1 == '+' || e1 == '-';
    int e2 = peekc(lx, 1 + (size_t)sign);
    if ((peekc(lx, 0) == 'e' || peekc(lx, 0) == 'E') && e2 >= '0' && e2 <= '9') {
        real = true;
        adv(lx);
        if (sign)
            adv(lx);
        while (peekc(lx, 0) >= '0' && peekc(lx, 0) <= '9')
            adv(lx);
    }
    uint32_t end = lx->pos;
    int c = peekc(lx, 0);
    t->kind = real ? PC_TK_DOUBLE : PC_TK_INT;
    if (c == 'f' || c == 'F') {
        t->kind = PC_TK_FLOAT;
        adv(lx);
    } else if (c == 'd' || c == 'D') {
        t->kind = PC_TK_DOUBLE;
        adv(lx);
    } else if ((c == 'L' || c == 'l') && !real) {
        t->kind = PC_TK_LONG;
        adv(lx);
    }
    if (t->kind == PC_TK_INT || t->kind == PC_TK_LONG) {
        finish_integer(lx, t, digits_end);
    } else {
        /* strtod needs a terminated copy; it assumes the "C" numeric locale */
        char buf[80];
        size_t n = end - t->loc.off;
        if (n >= sizeof buf) {
            lex_error(lx, t->loc, "numeric literal too long");
        } else {
            memcpy(buf, lx->src->text + t->loc.off, n);
            buf[n] = 0;
            t->fval = strtod(buf, NULL);
            if (isinf(t->fval) || (t->kind == PC_TK_FLOAT && fabs(t->fval) > FLT_MAX))
                lex_error(lx, t->loc, "floating-point literal out of range");
            else if (t->kind == PC_TK_FLOAT)
                t->fval = (float)t->fval; /* a float literal's value is the nearest float */
        }
    }
    number_suffix(lx);
}

/* ---- strings and characters ------------------------------------------------------------- */

/* True at the end of a quoted literal's line: strings and characters do not span lines. */
static bool at_line_end(const pc_lexer *lx)
{
    int c = peekc(lx, 0);
    return c < 0 || c == '\n' || c == '\r';
}

/*
 * Consumes the escape sequence at the backslash and returns its value:
 * a code point, or (*byte set) a raw byte from \xHH.  Bad escapes are
 * reported and yield the escaped character itself.
 */
static uint32_t lex_escape(pc_lexer *lx, bool *byte)
{
    pc_loc at = here(lx);
    adv(lx);
    *byte = false;
    if (at_line_end(lx))
        return '\\'; /* the caller reports the unterminated literal */
    int c = peekc(lx, 0);
    adv(lx);
    switch (c) {
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'b': return '\b';
    case 'f': return '\f';
    case '0': return 0;
    case '\\':
    case '\'':
    case '"': return (uint32_t)c;
    case 'x':
    case 'u': {
        int digits = c == 'x' ? 2 : 4;
        uint32_t v = 0;
        for (int i = 0; i < digits; i++) {
            int h = hex_value(peekc(lx, 0));
            if (h < 0) {
                lex_error(lx, at, "'\\%c' needs %d hexadecimal digits", c, digits);
                return v;
            }
            v = v * 16 + (uint32_t)h;
            adv(lx);
        }
        if (c == 'x')
            *byte = true;
        else if (v >= 0xd800 && v <= 0xdfff)
            lex_error(lx, at, "'\\u%04X' is a surrogate, not a character", (unsigned)v);
        return v;
    }
    default:
        *byte = c >= 0x80; /* keep a stray non-ASCII byte as it was */
        if (c > 0x20 && c < 0x7f)
            lex_error(lx, at, "unknown escape sequence '\\%c'", c);
        else
            lex_error(lx, at, "unknown escape sequence");
        return (uint32_t)c;
    }
}

/* Offset of the closing quote of the literal opened at lx->pos, or of its line end. */
static uint32_t literal_end(const pc_lexer *lx, char quote)
{
    const char *s = lx->src->text;
    size_t i = (size_t)lx->pos + 1, n = lx->src->len;
    while (i < n && s[i] != quote && s[i] != '\n' && s[i] != '\r')
        i += s[i] == '\\' && i + 1 < n && s[i + 1] != '\n' && s[i + 1] != '\r' ? 2 : 1;
    return (uint32_t)i;
}

static void lex_string(pc_lexer *lx, pc_token *t)
{
    t->kind = PC_TK_STRING;
    uint32_t raw = literal_end(lx, '"') - lx->pos;
    char *buf = lx->d ? pc_arena_alloc(lx->a, raw + 1) : NULL; /* decoding never grows text */
    size_t n = 0;
    adv(lx);
    while (peekc(lx, 0) != '"') {
        if (at_line_end(lx)) {
            lex_error(lx, t->loc, "unterminated string literal");
            break;
        }
        if (peekc(lx, 0) == '\\') {
            bool byte;
            uint32_t v = lex_escape(lx, &byte);
            char enc[4];
            size_t k = byte ? (enc[0] = (char)v, 1) : pc_utf8_encode(v, enc);
            if (buf)
                memcpy(buf + n, enc, k);
            n += k;
        } else {
            if (buf)
                buf[n] = lx->src->text[lx->pos];
            n++;
            adv(lx);
        }
    }
    if (peekc(lx, 0) == '"')
        adv(lx);
    if (buf)
        buf[n] = 0;
    t->text = buf ? buf : "";
    t->tlen = buf ? n : 0;
}

static void lex_char(pc_lexer *lx, pc_token *t)
{
    t->kind = PC_TK_CHAR;
    adv(lx);
    int count = 0;
    bool bad_utf8 = false;
    while (peekc(lx, 0) != '\'' && !at_line_end(lx)) {
        uint32_t v;
        if (peekc(lx, 0) == '\\') {
            bool byte;
            v = lex_escape(lx, &byte);
        } else {
            size_t avail = lx->src->len - lx->pos;
            size_t k = pc_utf8_decode(lx->src->text + lx->pos, avail, &v);
            if (k == 0) {
                v = (unsigned char)lx->src->text[lx->pos];
                if (!bad_utf8)
                    lex_error(lx, here(lx), "invalid UTF-8 in character literal");
                bad_utf8 = true;
                k = 1;
            }
            while (k--)
                adv(lx);
        }
        if (count++ == 0)
            t->ival = v;
    }
    if (peekc(lx, 0) != '\'')
        lex_error(lx, t->loc, "unterminated character literal");
    else if (count == 0)
        lex_error(lx, t->loc, "empty character literal");
    else if (count > 1)
        lex_error(lx, t->loc, "character literal holds more than one character; use a string");
    if (peekc(lx, 0) == '\'')
        adv(lx);
}

/* ---- punctuation and stray bytes ---------------------------------------------------------- */

/* The longest operator or punctuation at the current position (PC_TK_EOF: none). */
static pc_tok_kind punctuation(const pc_lexer *lx)
{
    pc_tok_kind best = PC_TK_EOF;
    size_t best_len = 0, avail = lx->src->len - lx->pos;
    const char *s = lx->src->text + lx->pos;
    for (int k = FIRST_PUNCT; k < PC_TK_COUNT; k++) {
        size_t n = punct_len[k];
        if (spellings[k][0] == s[0] && n > best_len && n <= avail &&
            memcmp(s, spellings[k], n) == 0) {
            best = (pc_tok_kind)k;
            best_len = n;
        }
    }
    return best;
}

/* True if a token or whitespace can start at the current byte. */
static bool starts_something(const pc_lexer *lx)
{
    int c = peekc(lx, 0);
    return c < 0 || is_space(c) || is_ident_char(c) || c == '"' || c == '\'' ||
           punctuation(lx) != PC_TK_EOF;
}

static void report_stray(pc_lexer *lx, pc_loc at)
{
    const char *s = lx->src->text + lx->pos;
    uint32_t cp;
    size_t k = pc_utf8_decode(s, lx->src->len - lx->pos, &cp);
    if (k == 1 && cp > 0x20 && cp < 0x7f)
        lex_error(lx, at, "invalid character '%c'", (int)cp);
    else if (k > 1)
        lex_error(lx, at, "invalid character U+%04X outside a string or comment", (unsigned)cp);
    else
        lex_error(lx, at, "invalid byte 0x%02X", (unsigned char)*s);
}

/* Skips a run of bytes that start no token; only the first run of a line is reported. */
static void skip_stray(pc_lexer *lx)
{
    pc_loc at = here(lx);
    if (lx->stray_line != at.line) /* garbage comes in lines: one message each */
        report_stray(lx, at);
    lx->stray_line = at.line;
    lx->bad = true;
    do
        adv(lx);
    while (!starts_something(lx));
}

void pc_lex_next(pc_lexer *lx, pc_token *t)
{
    for (;;) {
        skip_space(lx);
        memset(t, 0, sizeof *t);
        t->loc = here(lx);
        int c = peekc(lx, 0);
        if (c < 0) {
            t->kind = PC_TK_EOF;
        } else if (is_ident_start(c)) {
            lex_word(lx, t);
        } else if (c >= '0' && c <= '9') {
            lex_number(lx, t);
        } else if (c == '"') {
            lex_string(lx, t);
        } else if (c == '\'') {
            lex_char(lx, t);
        } else if ((t->kind = punctuation(lx)) != PC_TK_EOF) {
            for (size_t n = punct_len[t->kind]; n; n--)
                adv(lx);
        } else {
            skip_stray(lx);
            continue;
        }
        t->len = lx->pos - t->loc.off;
        return;
    }
}
