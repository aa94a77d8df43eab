/*
 * parse.c - the parser's machinery and entry points: tokens, errors and
 * recovery (see parse_internal.h), node allocation, the pieces every part
 * of the grammar uses (names, types, attributes, modifiers, lookahead
 * scans), and pc_parse_unit / pc_parse_expression_or_statement.
 */
#include "parse_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tokens ------------------------------------------------------------------------ */

/* Makes the current token the end of input, at the current position. */
static void become_eof(pc_parser *p)
{
    p->tok.kind = PC_TK_EOF;
    p->tok.len = 0;
}

/*
 * Lexes the next token.  A lexical error puts the parser in panic: the bad
 * text is gone from the token stream, so what follows would likely look
 * wrong too, and one message per mistake is enough.
 */
static void lex(pc_parser *p)
{
    int before = p->d->errors;
    pc_lex_next(&p->lx, &p->tok);
    if (p->d->errors > before)
        p->panic = true;
    if (pc_diag_stopped(p->d)) {
        p->stopped = true;
        become_eof(p);
    }
}

void p_advance(pc_parser *p)
{
    pc_tok_kind k = p->tok.kind;
    if (k == PC_TK_EOF)
        return;
    /* tokens never span lines, so the end is on the token's own line */
    p->prev_end = p->tok.loc;
    p->prev_end.off += p->tok.len;
    p->prev_end.col += p->tok.len;
    if (k == PC_TK_SEMI || k == PC_TK_LBRACE || k == PC_TK_RBRACE)
        p->panic = false; /* a construct ended or began: back in step */
    lex(p);
}

bool p_accept(pc_parser *p, pc_tok_kind k)
{
    if (p->tok.kind != k)
        return false;
    p_advance(p);
    return true;
}

pc_token p_peek(const pc_parser *p, int n)
{
    pc_token t = p->tok;
    if (p->stopped)
        return t;
    pc_lexer lx = p->lx;
    lx.d = NULL;
    while (n-- > 0 && t.kind != PC_TK_EOF)
        pc_lex_next(&lx, &t);
    return t;
}

static uint32_t intern_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (uint8_t)s[i];
        h *= 16777619u;
    }
    return h;
}

const char *p_tok_text(pc_parser *p)
{
    const char *s = p->tok.text;
    size_t n = p->tok.tlen;
    if ((p->ninterned + 1) * 2 > p->capintern) {
        /* The old table stays in the arena: the tables together are at most
         * twice the last one, which holds only distinct spellings. */
        uint32_t cap = p->capintern ? p->capintern * 2 : 256;
        const char **t = pc_arena_alloc(p->a, cap * sizeof *t);
        for (uint32_t i = 0; i < p->capintern; i++) {
            const char *k = p->intern[i];
            if (!k)
                continue;
            uint32_t j = intern_hash(k, strlen(k)) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = k;
        }
        p->intern = t;
        p->capintern = cap;
    }
    for (uint32_t i = intern_hash(s, n) & (p->capintern - 1);; i = (i + 1) & (p->capintern - 1)) {
        const char *k = p->intern[i];
        if (!k) {
            k = pc_arena_strndup(p->a, s, n);
            p->intern[i] = k;
            p->ninterned++;
            return k;
        }
        if (!strncmp(k, s, n) && !k[n]) /* an identifier holds no NUL byte */
            return k;
    }
}

/* ---- diagnostics and recovery ---------------------------------------------------------- */

/* Reports an error unless in panic or one was already reported at `at`; true if it was reported. */
static bool report(pc_parser *p, pc_loc at, const char *fmt, va_list ap)
{
    p->reported = false;
    if (p->panic || (p->errors && at.off == p->last_error_off))
        return false;
    if (p->errors == 0)
        p->first_error_at_eof = p->tok.kind == PC_TK_EOF && !p->stopped;
    p->errors++;
    p->last_error_off = at.off;
    pc_diag_vreport(p->d, PC_ERROR, at, fmt, ap);
    p->reported = !pc_diag_stopped(p->d);
    if (pc_diag_stopped(p->d)) {
        p->stopped = true;
        become_eof(p);
    }
    return true;
}

void p_error(pc_parser *p, pc_loc at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (report(p, at, fmt, ap))
        p->panic = true;
    va_end(ap);
}

void p_check(pc_parser *p, pc_loc at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(p, at, fmt, ap);
    va_end(ap);
}

void p_error_found(pc_parser *p, const char *what)
{
    char found[200];
    p_error(p, p->tok.loc, "expected %s, found %s", what,
            pc_tok_describe(&p->tok, found, sizeof found));
}

void p_note(pc_parser *p, pc_loc at, const char *fmt, ...)
{
    if (!p->reported)
        return;
    va_list ap;
    va_start(ap, fmt);
    pc_diag_vreport(p->d, PC_NOTE, at, fmt, ap);
    va_end(ap);
}

void p_warning(pc_parser *p, pc_loc at, const char *fmt, ...)
{
    if (p->panic) /* the parse is out of step: the warning would likely be wrong */
        return;
    va_list ap;
    va_start(ap, fmt);
    pc_diag_vreport(p->d, PC_WARNING, at, fmt, ap);
    va_end(ap);
}

bool p_expect(pc_parser *p, pc_tok_kind k, const char *context)
{
    if (p_accept(p, k))
        return true;
    char what[80];
    snprintf(what, sizeof what, "'%s'%s%s", pc_tok_spelling(k), *context ? " " : "", context);
    p_error_found(p, what);
    return false;
}

bool p_expect_close(pc_parser *p, pc_tok_kind k, pc_loc open)
{
    if (p_accept(p, k))
        return true;
    char what[16];
    snprintf(what, sizeof what, "'%s'", pc_tok_spelling(k));
    p_error_found(p, what);
    const char *o = k == PC_TK_RPAREN ? "(" : k == PC_TK_RBRACKET ? "[" : "{";
    p_note(p, open, "to match this '%s'", o);
    return false;
}

/*
 * A missing ';' is reported just after the previous token, where it
 * belongs.  If the next token starts a new line (or closes a block), the
 * ';' was most likely just forgotten: parsing goes on as if it were there,
 * with no panic, so the next statement is checked normally.
 */
void p_expect_semi(pc_parser *p, const char *context)
{
    if (p_accept(p, PC_TK_SEMI))
        return;
    bool was_panic = p->panic;
    p_error(p, p->prev_end, "expected ';' %s", context);
    if (!was_panic && (p->tok.loc.line > p->prev_end.line || p->tok.kind == PC_TK_RBRACE))
        p->panic = false;
}

void p_sync(pc_parser *p)
{
    while (p->tok.kind != PC_TK_EOF && p->tok.kind != PC_TK_RBRACE) {
        pc_tok_kind k = p->tok.kind;
        p_advance(p);
        if (k == PC_TK_SEMI)
            break;
        if (k == PC_TK_LBRACE) { /* skip the whole block: it belongs to the broken construct */
            for (int depth = 1; depth > 0 && p->tok.kind != PC_TK_EOF; p_advance(p))
                depth += (p->tok.kind == PC_TK_LBRACE) - (p->tok.kind == PC_TK_RBRACE);
            break;
        }
    }
    p->panic = false;
}

void p_next_in_list(pc_parser *p, uint32_t before)
{
    if (p->panic)
        p_sync(p);
    if (p->tok.loc.off == before && p->tok.kind != PC_TK_EOF && p->tok.kind != PC_TK_RBRACE)
        p_advance(p); /* never loop without progress, whatever the element did */
}

bool p_enter(pc_parser *p)
{
    if (p->depth >= PC_MAX_DEPTH) {
        p_error(p, p->tok.loc, "nesting too deep (more than %d levels)", PC_MAX_DEPTH);
        return false;
    }
    p->depth++;
    return true;
}

void p_leave(pc_parser *p)
{
    p->depth--;
}

/* ---- nodes ------------------------------------------------------------------------- */

/* The bytes a node of this kind needs: the header and its own member of
 * u, not the largest one (calls and new), since there are several
 * expressions per statement.  A node whose kind changes after it is made
 * changes to a smaller member (binary -> instanceof, call -> member, new ->
 * new array), and code reads only the member of a node's kind.  Every kind
 * gets at least u.str, so the literal members (i, f, str, name) are always
 * there. */
static size_t expr_size(pc_expr_kind kind)
{
    const pc_expr *e = NULL;
    size_t u;
    switch (kind) {
    case PC_E_BINARY:
    case PC_E_ASSIGN: u = sizeof e->u.binary; break;
    case PC_E_COND: u = sizeof e->u.cond; break;
    case PC_E_UNARY: u = sizeof e->u.unary; break;
    case PC_E_INDEX: u = sizeof e->u.index; break;
    case PC_E_CAST:
    case PC_E_INSTANCEOF: u = sizeof e->u.cast; break;
    case PC_E_INT:
    case PC_E_LONG:
    case PC_E_FLOAT:
    case PC_E_DOUBLE:
    case PC_E_CHAR:
    case PC_E_BOOL:
    case PC_E_STRING:
    case PC_E_IMPORT:
    case PC_E_NULL:
    case PC_E_THIS:
    case PC_E_SUPER:
    case PC_E_NAME: u = 0; break;
    default: return sizeof *e; /* calls, new, errors */
    }
    if (u < sizeof e->u.str)
        u = sizeof e->u.str;
    return offsetof(pc_expr, u) + u;
}

pc_expr *p_new_expr(pc_parser *p, pc_expr_kind kind, pc_loc loc)
{
    pc_expr *e = pc_arena_alloc(p->a, expr_size(kind));
    e->kind = kind;
    e->loc = loc;
    e->height = 1;
    return e;
}

pc_stmt *p_new_stmt(pc_parser *p, pc_stmt_kind kind, pc_loc loc)
{
    pc_stmt *s = pc_arena_alloc(p->a, sizeof *s);
    s->kind = kind;
    s->loc = loc;
    return s;
}

pc_stmt *p_new_simple_stmt(pc_parser *p, pc_stmt_kind kind, pc_loc loc)
{
    const pc_stmt *z = NULL;
    pc_stmt *s = pc_arena_alloc(p->a, offsetof(pc_stmt, u) + sizeof z->u.expr);
    s->kind = kind;
    s->loc = loc;
    return s;
}

pc_decl *p_new_decl(pc_parser *p, pc_decl_kind kind, pc_loc loc)
{
    pc_decl *d = pc_arena_alloc(p->a, sizeof *d);
    d->kind = kind;
    d->loc = loc;
    return d;
}

pc_type *p_new_type(pc_parser *p, pc_type_kind kind, pc_loc loc)
{
    pc_type *t = pc_arena_alloc(p->a, sizeof *t);
    t->kind = kind;
    t->loc = loc;
    return t;
}

/* ---- names ------------------------------------------------------------------------- */

/* Anything that may follow a '.' in a name: an identifier, any keyword, a quoted string. */
bool p_is_component(pc_tok_kind k)
{
    return k == PC_TK_IDENT || k == PC_TK_STRING || (k >= PC_TK_ATTRIBUTE && k <= PC_TK_WHILE);
}

bool p_name_start(const pc_parser *p, int flags)
{
    pc_tok_kind k = p->tok.kind;
    return k == PC_TK_IDENT || k == PC_TK_DOT ||
           (k == PC_TK_STRING && (flags & P_NAME_QUOTED_FIRST));
}

const char *p_component(pc_parser *p)
{
    if (p->tok.kind == PC_TK_IDENT)
        return p_tok_text(p);
    if (p->tok.kind != PC_TK_STRING)
        return pc_tok_spelling(p->tok.kind); /* a keyword */
    if (p->tok.tlen > 0 && !memchr(p->tok.text, 0, p->tok.tlen))
        return p->tok.text;
    p_check(p, p->tok.loc, "a quoted name component must be non-empty and hold no NUL byte");
    return "?";
}

pc_name *p_name(pc_parser *p, int flags)
{
    pc_name *n = pc_arena_alloc(p->a, sizeof *n);
    n->loc = p->tok.loc;
    n->absolute = p_accept(p, PC_TK_DOT);
    bool first_ok = p->tok.kind == PC_TK_IDENT ||
                    (p->tok.kind == PC_TK_STRING && (flags & P_NAME_QUOTED_FIRST)) ||
                    ((n->absolute || (flags & P_NAME_ANY_FIRST)) && p_is_component(p->tok.kind));
    /* The components gather here and are copied into an array of the
     * exact size at the end (most names have one). */
    const char *buf[8], **parts = buf;
    uint32_t cap = 8;
    if (!first_ok) {
        p_error_found(p, "a name");
        const char **one = pc_arena_alloc(p->a, sizeof *one);
        one[0] = "?";
        n->part = one;
        n->count = 1;
        return n;
    }
    parts[n->count++] = p_component(p);
    p_advance(p);
    while (p->tok.kind == PC_TK_DOT) {
        pc_token next = p_peek(p, 1);
        if (!p_is_component(next.kind))
            break;
        if ((flags & P_NAME_BEFORE_CALL) && p_peek(p, 2).kind == PC_TK_LPAREN)
            break;
        p_advance(p);
        if (n->count == cap) {
            const char **bigger = pc_arena_alloc(p->a, 2 * cap * sizeof *bigger);
            memcpy(bigger, parts, cap * sizeof *bigger);
            parts = bigger;
            cap *= 2;
        }
        parts[n->count++] = p_component(p);
        p_advance(p);
    }
    if (parts == buf) {
        const char **exact = pc_arena_alloc(p->a, n->count * sizeof *exact);
        memcpy(exact, buf, n->count * sizeof *exact);
        n->part = exact;
    } else {
        n->part = parts;
    }
    if (!(flags & P_NAME_BEFORE_CALL) && p->tok.kind == PC_TK_DOT &&
        p_peek(p, 1).kind != PC_TK_STAR) { /* only an expression may go on after '.' */
        p_advance(p);
        p_error_found(p, "a name after '.'");
    }
    return n;
}

const char *p_ident(pc_parser *p, const char *what)
{
    if (p->tok.kind != PC_TK_IDENT) {
        p_error_found(p, what);
        return "?";
    }
    const char *s = p_tok_text(p);
    p_advance(p);
    return s;
}

/* ---- types ------------------------------------------------------------------------- */

bool p_builtin_type(pc_tok_kind k, pc_type_kind *kind)
{
    switch (k) {
    case PC_TK_VOID: *kind = PC_T_VOID; return true;
    case PC_TK_INT_KW: *kind = PC_T_INT; return true;
    case PC_TK_LONG_KW: *kind = PC_T_LONG; return true;
    case PC_TK_FLOAT_KW: *kind = PC_T_FLOAT; return true;
    case PC_TK_DOUBLE_KW: *kind = PC_T_DOUBLE; return true;
    case PC_TK_BOOL: *kind = PC_T_BOOL; return true;
    case PC_TK_CHAR_KW: *kind = PC_T_CHAR; return true;
    case PC_TK_STRING_KW: *kind = PC_T_STRING; return true;
    default: return false;
    }
}

bool p_type_start(const pc_parser *p, int flags)
{
    pc_type_kind k;
    return p_builtin_type(p->tok.kind, &k) || p_name_start(p, flags);
}

/* A built-in type or a name, then "[ ]"s; a '[' not followed by ']' is left (new T[n]). */
pc_type *p_type(pc_parser *p, int flags)
{
    pc_type_kind kind;
    pc_type *t;
    if (p_builtin_type(p->tok.kind, &kind)) {
        t = p_new_type(p, kind, p->tok.loc);
        p_advance(p);
    } else {
        t = p_new_type(p, PC_T_NAMED, p->tok.loc);
        if (p_name_start(p, flags))
            t->name = p_name(p, flags & P_NAME_QUOTED_FIRST);
        else {
            p_error_found(p, "a type");
            t->kind = PC_T_VOID;
        }
    }
    return p_array_suffix(p, t);
}

pc_type *p_array_suffix(pc_parser *p, pc_type *t)
{
    while (p->tok.kind == PC_TK_LBRACKET && p_peek(p, 1).kind == PC_TK_RBRACKET) {
        pc_type *arr = p_new_type(p, PC_T_ARRAY, t->loc);
        arr->elem = t;
        t = arr;
        p_advance(p);
        p_advance(p);
    }
    return t;
}

/* ---- lookahead scans ------------------------------------------------------------------ */

/* A quiet copy of the lexer for looking ahead at the token stream. */
typedef struct scan {
    pc_lexer lx;
    pc_token t;
} scan;

static void scan_init(scan *s, const pc_parser *p)
{
    s->lx = p->lx;
    s->lx.d = NULL;
    s->t = p->tok;
}

static void scan_next(scan *s)
{
    pc_lex_next(&s->lx, &s->t);
}

/* Skips what p_type would parse at s; false if no type starts there.  *marked: built-in or []. */
static bool scan_type(scan *s, bool *marked)
{
    pc_type_kind k;
    *marked = false;
    if (p_builtin_type(s->t.kind, &k)) {
        *marked = true;
        scan_next(s);
    } else {
        bool absolute = s->t.kind == PC_TK_DOT;
        if (absolute)
            scan_next(s);
        if (!(s->t.kind == PC_TK_IDENT || (absolute && p_is_component(s->t.kind))))
            return false;
        scan_next(s);
        while (s->t.kind == PC_TK_DOT) {
            scan next = *s;
            scan_next(&next);
            if (!p_is_component(next.t.kind))
                break;
            *s = next;
            scan_next(s);
        }
    }
    while (s->t.kind == PC_TK_LBRACKET) {
        scan next = *s;
        scan_next(&next);
        if (next.t.kind != PC_TK_RBRACKET)
            break;
        *s = next;
        scan_next(s);
        *marked = true;
    }
    return true;
}

/* At a statement's start: "T name" (C-style declaration) rather than an expression? */
bool p_looks_like_decl(const pc_parser *p)
{
    if (p->stopped)
        return false;
    scan s;
    bool marked;
    scan_init(&s, p);
    return scan_type(&s, &marked) && s.t.kind == PC_TK_IDENT;
}

/*
 * At '(': a cast "(T) e" rather than a parenthesised expression?  A
 * built-in or array type is always a cast; "(name) x" is one only if what
 * follows ')' can start an operand but not continue an expression (so
 * "(a) - b" subtracts, as in Java).
 */
bool p_looks_like_cast(const pc_parser *p)
{
    if (p->stopped)
        return false;
    scan s;
    bool marked;
    scan_init(&s, p);
    scan_next(&s);
    if (!scan_type(&s, &marked) || s.t.kind != PC_TK_RPAREN)
        return false;
    if (marked)
        return true;
    scan_next(&s);
    switch (s.t.kind) {
    case PC_TK_IDENT: case PC_TK_INT: case PC_TK_LONG: case PC_TK_FLOAT: case PC_TK_DOUBLE:
    case PC_TK_CHAR: case PC_TK_STRING: case PC_TK_LPAREN: case PC_TK_BANG: case PC_TK_TILDE:
    case PC_TK_THIS: case PC_TK_SUPER: case PC_TK_NULL_KW: case PC_TK_TRUE: case PC_TK_FALSE:
    case PC_TK_NEW: case PC_TK_IMPORT:
        return true;
    default:
        return false;
    }
}

int32_t p_ordinal(pc_parser *p)
{
    const pc_token *t = &p->tok;
    bool too_large = (t->flags & PC_TF_MINVAL) || t->ival > INT32_MAX; /* 0xFFFFFFFF too */
    if (too_large)
        p_check(p, t->loc, "method ordinal too large");
    int32_t n = too_large ? 0 : (int32_t)t->ival;
    p_advance(p);
    return n;
}

/* ---- attributes and modifiers ---------------------------------------------------------- */

/* One attribute: [~] name { + | * | ! | !-> | ->! }. */
static pc_attr *attr(pc_parser *p)
{
    pc_attr *a = pc_arena_alloc(p->a, sizeof *a);
    a->loc = p->tok.loc;
    if (p_accept(p, PC_TK_TILDE))
        a->flags |= PC_ATTR_NOT;
    a->name = p_name(p, P_NAME_ANY_FIRST);
    for (;;) {
        if (p_accept(p, PC_TK_PLUS))
            a->flags |= PC_ATTR_ADD;
        else if (p_accept(p, PC_TK_STAR))
            a->flags |= PC_ATTR_MUL;
        else if (p_accept(p, PC_TK_BANG))
            a->flags |= p_accept(p, PC_TK_ARROW) ? PC_ATTR_SRC : PC_ATTR_REQ;
        else if (p_accept(p, PC_TK_ARROW))
            a->flags |= p_expect(p, PC_TK_BANG, "after '->' in an attribute") ? PC_ATTR_DST : 0;
        else
            return a;
    }
}

/*
 * Attribute uses: '@' attr { ',' attr } (the commas only where no list
 * continues otherwise: not inside parameter lists), any number of times.
 */
void p_attrs(pc_parser *p, pc_attr **list, bool commas)
{
    while (*list)
        list = &(*list)->next;
    while (p_accept(p, PC_TK_AT)) {
        do
            P_APPEND(list, attr(p));
        while (commas && p->tok.kind == PC_TK_COMMA && p_accept(p, PC_TK_COMMA));
    }
}

pc_decl *p_attribute_decl(pc_parser *p)
{
    pc_decl *d = p_new_decl(p, PC_D_ATTRIBUTE, p->tok.loc);
    p_advance(p);
    pc_attr **tail = &d->attrs;
    do
        P_APPEND(tail, attr(p));
    while (p_accept(p, PC_TK_COMMA));
    p_expect_semi(p, "after attribute declaration");
    return d;
}

unsigned p_mods(pc_parser *p, unsigned allowed, const char *what)
{
    unsigned mods = 0;
    for (;;) {
        unsigned m;
        switch (p->tok.kind) {
        case PC_TK_STATIC: m = PC_MOD_STATIC; break;
        case PC_TK_CONST: m = PC_MOD_CONST; break;
        case PC_TK_PUBLIC: m = PC_MOD_PUBLIC; break;
        case PC_TK_PROTECTED: m = PC_MOD_PROTECTED; break;
        case PC_TK_PRIVATE: m = PC_MOD_PRIVATE; break;
        case PC_TK_SYNCHRONIZED:
            if (p_peek(p, 1).kind == PC_TK_LPAREN)
                return mods; /* a synchronized block */
            m = PC_MOD_SYNCHRONIZED;
            break;
        default: return mods;
        }
        if (!(m & allowed))
            p_check(p, p->tok.loc, "'%s' is not allowed on %s", pc_tok_spelling(p->tok.kind), what);
        else if (mods & m)
            p_check(p, p->tok.loc, "duplicate '%s'", pc_tok_spelling(p->tok.kind));
        const unsigned access = PC_MOD_PUBLIC | PC_MOD_PROTECTED | PC_MOD_PRIVATE;
        if ((m & access) && (mods & access & ~m))
            p_check(p, p->tok.loc, "more than one of 'public', 'protected', 'private'");
        mods |= m;
        p_advance(p);
    }
}

/* ---- entry points ------------------------------------------------------------------ */

void pc_unit_free(pc_unit *u)
{
    if (!u)
        return;
    pc_arena_free(&u->arena);
    free(u);
}

/* Sets up p to parse u's source (already copied into the arena). */
static void parser_init(pc_parser *p, pc_unit *u, pc_diag *d, uint32_t first_line)
{
    memset(p, 0, sizeof *p);
    p->d = d;
    p->a = &u->arena;
    pc_lex_init(&p->lx, &u->src, d, &u->arena);
    p->lx.line = first_line;
    p->prev_end = (pc_loc){&u->src, 0, first_line, 1};
    lex(p);
}

static pc_parse_status status_of(const pc_parser *p, int errors_before)
{
    if (p->stopped || p->lx.bad || (p->errors && !p->first_error_at_eof))
        return PC_PARSE_ERROR; /* stopped: the sink gave up, maybe before this parse began */
    if (p->lx.open_comment || p->errors)
        return PC_PARSE_INCOMPLETE;
    return p->d->errors > errors_before ? PC_PARSE_ERROR : PC_PARSE_OK;
}

/* At the top level, where nothing is open: reports and skips a stray '}'. */
static bool stray_brace(pc_parser *p)
{
    if (p->tok.kind != PC_TK_RBRACE)
        return false;
    p_error(p, p->tok.loc, "unmatched '}'");
    p_advance(p);
    return true;
}

/* Top-level items until the end. */
static void parse_items(pc_parser *p, pc_unit *u)
{
    pc_decl **tail = &u->decls;
    while (p->tok.kind != PC_TK_EOF) {
        if (stray_brace(p))
            continue;
        uint32_t before = p->tok.loc.off;
        pc_decl *item = p_top_item(p);
        if (item && item->kind == PC_D_PACKAGE) {
            if (u->package) {
                p_check(p, item->loc, "the package is already declared");
                p_note(p, u->package->loc, "declared here");
            } else {
                u->package = item->u.package;
            }
        }
        P_APPEND(tail, item);
        p_next_in_list(p, before);
    }
}

/* Shell statements until the end; the last one may lack its ';'. */
static void parse_shell_stmts(pc_parser *p, pc_unit *u)
{
    pc_stmt **tail = &u->stmts;
    while (p->tok.kind != PC_TK_EOF) {
        if (stray_brace(p))
            continue;
        uint32_t before = p->tok.loc.off;
        P_APPEND(tail, p_stmt(p, P_STMT_LIST | P_STMT_SHELL));
        p_next_in_list(p, before);
    }
    if (u->stmts && u->stmts == p->open_expr && !u->stmts->next) {
        u->kind = PC_UNIT_EXPR;
        u->expr = u->stmts->u.expr;
        u->stmts = NULL;
    }
}

/* Copies the source into u and parses it; out of memory longjmps out of here (see guarded). */
static void parse_into(pc_unit *u, const char *text, size_t len, const char *name, pc_diag *d,
                       bool shell, uint32_t first_line)
{
    int errors_before = d->errors;
    u->src.name = pc_arena_strndup(&u->arena, name, strlen(name));
    if (len > PC_MAX_SOURCE) {
        pc_error(d, (pc_loc){0}, "%s: source too large (more than %zu bytes)", name,
                 PC_MAX_SOURCE);
        u->src.text = "";
        u->status = PC_PARSE_ERROR;
        return;
    }
    u->src.text = pc_arena_strndup(&u->arena, text, len);
    u->src.len = len;
    pc_parser p;
    parser_init(&p, u, d, first_line);
    if (!shell) {
        u->kind = PC_UNIT_FILE;
        parse_items(&p, u);
    } else if (p_decl_start(&p)) {
        u->kind = PC_UNIT_DECLS;
        parse_items(&p, u);
    } else {
        u->kind = PC_UNIT_STMTS;
        parse_shell_stmts(&p, u);
    }
    u->status = status_of(&p, errors_before);
    if (!shell && u->status == PC_PARSE_INCOMPLETE)
        u->status = PC_PARSE_ERROR; /* a file cannot be continued */
}

/* parse_into with the arena's out-of-memory landing point; false if memory ran out. */
static bool guarded(pc_unit *u, const char *text, size_t len, const char *name, pc_diag *d,
                    bool shell, uint32_t first_line)
{
    jmp_buf oom;
    u->arena.oom = &oom;
    if (setjmp(oom))
        return false; /* nothing of this frame is used after the jump */
    parse_into(u, text, len, name, d, shell, first_line);
    u->arena.oom = NULL; /* the jmp_buf dies with this frame */
    return true;
}

static pc_unit *run(const char *text, size_t len, const char *name, pc_diag *d,
                    const pc_parse_opts *opts, bool shell)
{
    if (!name)
        name = "<input>";
    pc_unit *u = calloc(1, sizeof *u);
    if (u) {
        pc_arena_init(&u->arena);
        u->arena.limit = opts ? opts->mem_limit : 0;
        if (guarded(u, text, len, name, d, shell, (uint32_t)(1 + (opts ? opts->line_shift : 0))))
            return u;
        pc_unit_free(u);
    }
    pc_error(d, (pc_loc){0}, "%s: out of memory", name);
    return NULL;
}

pc_unit *pc_parse_unit(const char *text, size_t len, const char *filename, pc_diag *d,
                       const pc_parse_opts *opts)
{
    return run(text, len, filename, d, opts, false);
}

pc_unit *pc_parse_expression_or_statement(const char *text, size_t len, const char *name,
                                          pc_diag *d, const pc_parse_opts *opts)
{
    return run(text, len, name, d, opts, true);
}
