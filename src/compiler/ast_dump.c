/*
 * ast_dump.c - prints a tree as indented S-expressions, one node per
 * line, for golden tests and debugging:
 *
 *     (class @6:7 basket
 *       (extends .demo.shop.container)
 *       (field @8:9 items : item[])
 *       (method @15:9 add : int [16]
 *         (param @15:18 it : item)
 *         (block @16:5
 *           (expr @17:9
 *             (= @17:22
 *               (index @17:14
 *                 (name @17:9 items)
 *                 (name @17:15 count))
 *               (name @17:24 it)))
 *
 * (tests/lang/parse/original_sample.ast has the whole tree.)
 * Every node shows its position as @LINE:COL.  Heads: declarations and
 * statements by keyword; expressions by kind (int, name, call, ...) or by
 * operator (+, :==, +=, pre++, neg); a call on an object is ".name" with
 * the object as first child, an unqualified one just "name", a call by
 * ordinal ".#16", a computed one ".()" with the method expression second.
 * Output is ASCII: string bytes outside printable ASCII are \xNN.
 */
#include "ast.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct dumper {
    pc_write_fn *write;
    void *ctx;
    size_t n;
    char buf[4096];
} dumper;

static void flush(dumper *d)
{
    if (d->n)
        d->write(d->ctx, d->buf, d->n);
    d->n = 0;
}

static void put(dumper *d, const char *s, size_t n)
{
    while (n) {
        if (d->n == sizeof d->buf)
            flush(d);
        size_t k = sizeof d->buf - d->n < n ? sizeof d->buf - d->n : n;
        memcpy(d->buf + d->n, s, k);
        d->n += k;
        s += k;
        n -= k;
    }
}

static void put_str(dumper *d, const char *s)
{
    put(d, s, strlen(s));
}

static void putf(dumper *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(dumper *d, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (k > 0)
        put(d, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}

/* A new child line: newline and indentation. */
static void line(dumper *d, int indent)
{
    put(d, "\n", 1);
    for (int i = 0; i < indent; i++)
        put(d, "  ", 2);
}

/* "(head @L:C" */
static void open_node(dumper *d, const char *head, pc_loc loc)
{
    putf(d, "(%s @%u:%u", head, loc.line, loc.col);
}

static void quoted(dumper *d, const char *s, size_t n)
{
    put(d, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            putf(d, "\\%c", c);
        else if (c == '\n')
            put_str(d, "\\n");
        else if (c == '\t')
            put_str(d, "\\t");
        else if (c == '\r')
            put_str(d, "\\r");
        else if (c < 0x20 || c >= 0x7f)
            putf(d, "\\x%02x", c);
        else
            put(d, s + i, 1);
    }
    put(d, "\"", 1);
}

/* A name component: bare if it looks like an identifier, else quoted. */
static void component(dumper *d, const char *s)
{
    size_t n = strlen(s);
    bool plain = n > 0 && !(s[0] >= '0' && s[0] <= '9');
    for (size_t i = 0; i < n && plain; i++)
        plain = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
    if (plain)
        put(d, s, n);
    else
        quoted(d, s, n);
}

static void name(dumper *d, const pc_name *n)
{
    for (uint32_t i = 0; i < n->count; i++) {
        if (i || n->absolute)
            put(d, ".", 1);
        component(d, n->part[i]);
    }
}

static void type(dumper *d, const pc_type *t)
{
    static const char *const builtin[] = {
        [PC_T_VOID] = "void", [PC_T_INT] = "int",   [PC_T_LONG] = "long",
        [PC_T_FLOAT] = "float", [PC_T_DOUBLE] = "double", [PC_T_BOOL] = "bool",
        [PC_T_CHAR] = "char", [PC_T_STRING] = "string",
    };
    if (t->kind == PC_T_ARRAY) {
        type(d, t->elem);
        put_str(d, "[]");
    } else if (t->kind == PC_T_NAMED) {
        name(d, t->name);
    } else {
        put_str(d, builtin[t->kind]);
    }
}

/* " : T" if typed. */
static void opt_type(dumper *d, const pc_type *t)
{
    if (t) {
        put_str(d, " : ");
        type(d, t);
    }
}

static void attr(dumper *d, const pc_attr *a)
{
    if (a->flags & PC_ATTR_NOT)
        put(d, "~", 1);
    name(d, a->name);
    static const struct {
        unsigned flag;
        const char *text;
    } marks[] = {{PC_ATTR_ADD, " +"}, {PC_ATTR_MUL, " *"}, {PC_ATTR_REQ, " !"},
                 {PC_ATTR_SRC, " !->"}, {PC_ATTR_DST, " ->!"}};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (a->flags & marks[i].flag)
            put_str(d, marks[i].text);
}

/* " @a @b" */
static void attr_uses(dumper *d, const pc_attr *a)
{
    for (; a; a = a->next) {
        put_str(d, " @");
        attr(d, a);
    }
}

static void mods(dumper *d, unsigned m)
{
    static const struct {
        unsigned mod;
        const char *text;
    } names[] = {{PC_MOD_PUBLIC, " public"}, {PC_MOD_PROTECTED, " protected"},
                 {PC_MOD_PRIVATE, " private"}, {PC_MOD_STATIC, " static"},
                 {PC_MOD_CONST, " const"}, {PC_MOD_SYNCHRONIZED, " synchronized"}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (m & names[i].mod)
            put_str(d, names[i].text);
}

/* ---- expressions ------------------------------------------------------------------------ */

static const char *const op_spellings[PC_OP_COUNT] = {
    [PC_OP_NONE] = "=",      [PC_OP_ADD] = "+",      [PC_OP_SUB] = "-",       [PC_OP_MUL] = "*",
    [PC_OP_DIV] = "/",       [PC_OP_MOD] = "%",      [PC_OP_SHL] = "<<",      [PC_OP_SHR] = ">>",
    [PC_OP_USHR] = ">>>",    [PC_OP_BAND] = "&",     [PC_OP_BOR] = "|",       [PC_OP_BXOR] = "^",
    [PC_OP_AND] = "&&",      [PC_OP_OR] = "||",      [PC_OP_EQ] = "==",       [PC_OP_NE] = "!=",
    [PC_OP_REF_EQ] = ":==",  [PC_OP_REF_NE] = ":!=", [PC_OP_LT] = "<",        [PC_OP_LE] = "<=",
    [PC_OP_GT] = ">",        [PC_OP_GE] = ">=",      [PC_OP_NEG] = "-",       [PC_OP_PLUS] = "+",
    [PC_OP_NOT] = "!",       [PC_OP_BNOT] = "~",     [PC_OP_PREINC] = "++",   [PC_OP_PREDEC] = "--",
    [PC_OP_POSTINC] = "++",  [PC_OP_POSTDEC] = "--",
};

const char *pc_op_spelling(pc_op op)
{
    return (unsigned)op < PC_OP_COUNT ? op_spellings[op] : "?";
}

static void expr(dumper *d, const pc_expr *e, int indent);

static void expr_list(dumper *d, const pc_expr *e, int indent)
{
    for (; e; e = e->next) {
        line(d, indent);
        expr(d, e, indent);
    }
}

static void expr(dumper *d, const pc_expr *e, int indent)
{
    static const char *const unary_heads[PC_OP_COUNT] = {
        [PC_OP_NEG] = "neg",       [PC_OP_PLUS] = "plus",      [PC_OP_NOT] = "!",
        [PC_OP_BNOT] = "~",        [PC_OP_PREINC] = "pre++",   [PC_OP_PREDEC] = "pre--",
        [PC_OP_POSTINC] = "post++", [PC_OP_POSTDEC] = "post--",
    };
    int in = indent + 1;
    switch (e->kind) {
    case PC_E_ERROR: open_node(d, "error", e->loc); break;
    case PC_E_INT: open_node(d, "int", e->loc); putf(d, " %lld", (long long)e->u.i); break;
    case PC_E_LONG: open_node(d, "long", e->loc); putf(d, " %lld", (long long)e->u.i); break;
    case PC_E_FLOAT: open_node(d, "float", e->loc); putf(d, " %.9g", e->u.f); break;
    case PC_E_DOUBLE: open_node(d, "double", e->loc); putf(d, " %.17g", e->u.f); break;
    case PC_E_CHAR: open_node(d, "char", e->loc); putf(d, " %lld", (long long)e->u.i); break;
    case PC_E_BOOL: open_node(d, "bool", e->loc); put_str(d, e->u.i ? " true" : " false"); break;
    case PC_E_STRING:
    case PC_E_IMPORT:
        open_node(d, e->kind == PC_E_STRING ? "string" : "import", e->loc);
        put(d, " ", 1);
        quoted(d, e->u.str.s, e->u.str.len);
        break;
    case PC_E_NULL: open_node(d, "null", e->loc); break;
    case PC_E_THIS: open_node(d, "this", e->loc); break;
    case PC_E_SUPER: open_node(d, "super", e->loc); break;
    case PC_E_NAME:
        open_node(d, "name", e->loc);
        put(d, " ", 1);
        name(d, e->u.name);
        break;
    case PC_E_MEMBER:
        open_node(d, "member", e->loc);
        put(d, " ", 1);
        component(d, e->u.member.name);
        line(d, in);
        expr(d, e->u.member.obj, in);
        break;
    case PC_E_INDEX:
        open_node(d, "index", e->loc);
        line(d, in);
        expr(d, e->u.index.obj, in);
        line(d, in);
        expr(d, e->u.index.index, in);
        break;
    case PC_E_CALL:
        open_node(d, "call", e->loc);
        put(d, " ", 1);
        if (e->u.call.obj)
            put(d, ".", 1);
        if (e->u.call.dyn)
            put_str(d, "()");
        else if (e->u.call.ordinal >= 0)
            putf(d, "#%d", (int)e->u.call.ordinal);
        else
            component(d, e->u.call.name);
        if (e->u.call.obj) {
            line(d, in);
            expr(d, e->u.call.obj, in);
        }
        if (e->u.call.dyn) {
            line(d, in);
            expr(d, e->u.call.dyn, in);
        }
        expr_list(d, e->u.call.args, in);
        break;
    case PC_E_NEW:
    case PC_E_NEW_ARRAY:
        open_node(d, e->kind == PC_E_NEW_ARRAY   ? "new-array"
                     : e->u.create.class_expr ? "new*"
                                              : "new",
                  e->loc);
        if (e->u.create.type) {
            put(d, " ", 1);
            type(d, e->u.create.type);
        }
        if (e->u.create.class_expr) {
            line(d, in);
            expr(d, e->u.create.class_expr, in);
        }
        if (e->u.create.size) {
            line(d, in);
            expr(d, e->u.create.size, in);
        }
        expr_list(d, e->u.create.args, in);
        break;
    case PC_E_UNARY:
        open_node(d, unary_heads[e->u.unary.op] ? unary_heads[e->u.unary.op] : "?", e->loc);
        line(d, in);
        expr(d, e->u.unary.operand, in);
        break;
    case PC_E_BINARY:
    case PC_E_ASSIGN: {
        char head[8];
        snprintf(head, sizeof head, "%s%s", e->kind == PC_E_ASSIGN && e->u.binary.op
                                               ? pc_op_spelling(e->u.binary.op) : "",
                 e->kind == PC_E_ASSIGN ? "=" : pc_op_spelling(e->u.binary.op));
        open_node(d, head, e->loc);
        line(d, in);
        expr(d, e->u.binary.lhs, in);
        line(d, in);
        expr(d, e->u.binary.rhs, in);
        break;
    }
    case PC_E_COND:
        open_node(d, "?:", e->loc);
        line(d, in);
        expr(d, e->u.cond.cond, in);
        line(d, in);
        expr(d, e->u.cond.then, in);
        line(d, in);
        expr(d, e->u.cond.els, in);
        break;
    case PC_E_CAST:
    case PC_E_INSTANCEOF:
        open_node(d, e->kind == PC_E_CAST ? "cast" : "instanceof", e->loc);
        put(d, " ", 1);
        type(d, e->u.cast.type);
        line(d, in);
        expr(d, e->u.cast.expr, in);
        break;
    }
    put(d, ")", 1);
}

/* ---- statements -------------------------------------------------------------------------- */

static void stmt(dumper *d, const pc_stmt *s, int indent);

static void stmt_list(dumper *d, const pc_stmt *s, int indent)
{
    for (; s; s = s->next) {
        line(d, indent);
        stmt(d, s, indent);
    }
}

/* A child line "(word" with the given children, for optional parts. */
static void wrapped_stmt(dumper *d, const char *word, const pc_stmt *s, int indent)
{
    line(d, indent);
    putf(d, "(%s", word);
    line(d, indent + 1);
    stmt(d, s, indent + 1);
    put(d, ")", 1);
}

static void child_expr(dumper *d, const pc_expr *e, int indent)
{
    line(d, indent);
    expr(d, e, indent);
}

static void child_stmt(dumper *d, const pc_stmt *s, int indent)
{
    line(d, indent);
    stmt(d, s, indent);
}

static void stmt(dumper *d, const pc_stmt *s, int indent)
{
    int in = indent + 1;
    switch (s->kind) {
    case PC_S_EMPTY: open_node(d, "empty", s->loc); break;
    case PC_S_BLOCK:
        open_node(d, "block", s->loc);
        stmt_list(d, s->u.block, in);
        break;
    case PC_S_EXPR:
        open_node(d, "expr", s->loc);
        child_expr(d, s->u.expr, in);
        break;
    case PC_S_VAR:
        open_node(d, "var", s->loc);
        put(d, " ", 1);
        component(d, s->u.var.name);
        opt_type(d, s->u.var.type);
        mods(d, s->u.var.mods);
        attr_uses(d, s->u.var.attrs);
        if (s->u.var.init)
            child_expr(d, s->u.var.init, in);
        break;
    case PC_S_IF:
        open_node(d, "if", s->loc);
        child_expr(d, s->u.if_.cond, in);
        child_stmt(d, s->u.if_.then, in);
        if (s->u.if_.els)
            wrapped_stmt(d, "else", s->u.if_.els, in);
        break;
    case PC_S_WHILE:
        open_node(d, "while", s->loc);
        child_expr(d, s->u.while_.cond, in);
        child_stmt(d, s->u.while_.body, in);
        break;
    case PC_S_DO:
        open_node(d, "do", s->loc);
        child_stmt(d, s->u.do_.body, in);
        child_expr(d, s->u.do_.cond, in);
        if (s->u.do_.step)
            wrapped_stmt(d, "between", s->u.do_.step, in);
        break;
    case PC_S_FOR:
        open_node(d, "for", s->loc);
        line(d, in);
        put_str(d, "(init");
        stmt_list(d, s->u.for_.init, in + 1);
        put(d, ")", 1);
        line(d, in);
        put_str(d, "(cond");
        if (s->u.for_.cond)
            child_expr(d, s->u.for_.cond, in + 1);
        put(d, ")", 1);
        line(d, in);
        put_str(d, "(step");
        expr_list(d, s->u.for_.step, in + 1);
        put(d, ")", 1);
        child_stmt(d, s->u.for_.body, in);
        break;
    case PC_S_FOREACH:
        open_node(d, "foreach", s->loc);
        put(d, " ", 1);
        component(d, s->u.foreach.name);
        opt_type(d, s->u.foreach.type);
        child_expr(d, s->u.foreach.iter, in);
        child_stmt(d, s->u.foreach.body, in);
        break;
    case PC_S_SWITCH:
        open_node(d, "switch", s->loc);
        child_expr(d, s->u.switch_.expr, in);
        for (const pc_case *c = s->u.switch_.cases; c; c = c->next) {
            line(d, in);
            open_node(d, "case", c->loc);
            if (c->has_default)
                put_str(d, " default");
            expr_list(d, c->labels, in + 1);
            line(d, in + 1);
            put_str(d, "(body");
            stmt_list(d, c->body, in + 2);
            put_str(d, "))");
        }
        break;
    case PC_S_BREAK: open_node(d, "break", s->loc); break;
    case PC_S_CONTINUE: open_node(d, "continue", s->loc); break;
    case PC_S_RETURN:
    case PC_S_THROW:
        open_node(d, s->kind == PC_S_RETURN ? "return" : "throw", s->loc);
        if (s->u.expr)
            child_expr(d, s->u.expr, in);
        break;
    case PC_S_TRY:
        open_node(d, "try", s->loc);
        child_stmt(d, s->u.try_.body, in);
        for (const pc_catch *c = s->u.try_.catches; c; c = c->next) {
            line(d, in);
            open_node(d, "catch", c->loc);
            put(d, " ", 1);
            component(d, c->name);
            for (const pc_type *t = c->types; t; t = t->next) {
                put_str(d, t == c->types ? " : " : " | ");
                type(d, t);
            }
            child_stmt(d, c->body, in + 1);
            put(d, ")", 1);
        }
        if (s->u.try_.finally)
            wrapped_stmt(d, "finally", s->u.try_.finally, in);
        break;
    case PC_S_SYNC:
        open_node(d, "synchronized", s->loc);
        child_expr(d, s->u.sync.lock, in);
        child_stmt(d, s->u.sync.body, in);
        break;
    }
    put(d, ")", 1);
}

/* ---- declarations -------------------------------------------------------------------------- */

static void decl(dumper *d, const pc_decl *x, int indent)
{
    int in = indent + 1;
    switch (x->kind) {
    case PC_D_PACKAGE:
        open_node(d, "package", x->loc);
        put(d, " ", 1);
        name(d, x->u.package);
        break;
    case PC_D_IMPORT:
        open_node(d, "import", x->loc);
        put(d, " ", 1);
        name(d, x->u.import.name);
        if (x->u.import.all)
            put_str(d, ".*");
        break;
    case PC_D_ATTRIBUTE:
        open_node(d, "attribute", x->loc);
        for (const pc_attr *a = x->attrs; a; a = a->next) {
            put_str(d, a == x->attrs ? " " : ", ");
            attr(d, a);
        }
        break;
    case PC_D_CLASS:
        open_node(d, x->u.cls.interface ? "interface" : "class", x->loc);
        put(d, " ", 1);
        name(d, x->u.cls.name);
        mods(d, x->mods);
        attr_uses(d, x->attrs);
        for (int list = 0; list < 2; list++) {
            const pc_type *t = list ? x->u.cls.implements : x->u.cls.extends;
            if (!t)
                continue;
            line(d, in);
            put_str(d, list ? "(implements" : "(extends");
            for (; t; t = t->next) {
                put(d, " ", 1);
                type(d, t);
            }
            put(d, ")", 1);
        }
        for (const pc_decl *m = x->u.cls.members; m; m = m->next) {
            line(d, in);
            decl(d, m, in);
        }
        break;
    case PC_D_FIELD:
        open_node(d, "field", x->loc);
        put(d, " ", 1);
        component(d, x->u.field.name);
        opt_type(d, x->u.field.type);
        mods(d, x->mods);
        attr_uses(d, x->attrs);
        if (x->u.field.init)
            child_expr(d, x->u.field.init, in);
        break;
    case PC_D_METHOD:
        open_node(d, x->u.method.ctor ? "ctor" : "method", x->loc);
        put(d, " ", 1);
        component(d, x->u.method.name);
        opt_type(d, x->u.method.ret);
        mods(d, x->mods);
        if (x->u.method.ordinal >= 0)
            putf(d, " [%d]", (int)x->u.method.ordinal);
        attr_uses(d, x->attrs);
        for (const pc_param *p = x->u.method.params; p; p = p->next) {
            line(d, in);
            open_node(d, "param", p->loc);
            put(d, " ", 1);
            component(d, p->name);
            opt_type(d, p->type);
            attr_uses(d, p->attrs);
            put(d, ")", 1);
        }
        if (x->u.method.body)
            child_stmt(d, x->u.method.body, in);
        else {
            line(d, in);
            put_str(d, "(no-body)");
        }
        break;
    }
    put(d, ")", 1);
}

/* ---- entry points ------------------------------------------------------------------------ */

void pc_dump_unit(const pc_unit *u, pc_write_fn *write, void *ctx)
{
    static const char *const kinds[] = {
        [PC_UNIT_FILE] = "file", [PC_UNIT_DECLS] = "decls", [PC_UNIT_STMTS] = "stmts",
        [PC_UNIT_EXPR] = "expr",
    };
    dumper d = {write, ctx, 0, {0}};
    put_str(&d, "(unit ");
    put_str(&d, kinds[u->kind]);
    put(&d, " ", 1);
    quoted(&d, u->src.name, strlen(u->src.name));
    for (const pc_decl *x = u->decls; x; x = x->next) {
        line(&d, 1);
        decl(&d, x, 1);
    }
    stmt_list(&d, u->stmts, 1);
    if (u->expr)
        child_expr(&d, u->expr, 1);
    put_str(&d, ")\n");
    flush(&d);
}

void pc_dump_expr(const pc_expr *e, int indent, pc_write_fn *write, void *ctx)
{
    dumper d = {write, ctx, 0, {0}};
    expr(&d, e, indent);
    flush(&d);
}

void pc_dump_stmt(const pc_stmt *s, int indent, pc_write_fn *write, void *ctx)
{
    dumper d = {write, ctx, 0, {0}};
    stmt(&d, s, indent);
    flush(&d);
}
