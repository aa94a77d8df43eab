/*
 * pc_types.c - the compiler's types: spelling them for messages and
 * descriptors, which values fit where (and with what conversion), numeric
 * promotion, and overload costs.  Plus the small utilities every phase
 * uses: arena strings, a growing string, and the side table in which sema
 * records what each AST node means.
 *
 * The rules (docs/LANGUAGE.md, "Types"):
 *  - numbers widen implicitly: char -> int -> long -> float -> double
 *    (with a conv instruction, so a long variable holds a long);
 *  - null fits every reference type (string, classes, arrays);
 *  - a class fits its ancestors and the interfaces it implements; every
 *    value fits .internal.object;
 *  - an untyped value fits everything and everything fits untyped: such
 *    uses are checked at run time;
 *  - narrowing (long to int, a class to its subclass) needs a cast.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pc_internal.h"
#include "utf8.h"

/* ---- memory -------------------------------------------------------------------------- */

void *pc_alloc(pc_ctx *c, size_t n)
{
    return pc_arena_alloc(&c->arena, n);
}

char *pc_strdup(pc_ctx *c, const char *s)
{
    return pc_arena_strndup(&c->arena, s, strlen(s));
}

char *pc_strndup(pc_ctx *c, const char *s, size_t n)
{
    return pc_arena_strndup(&c->arena, s, n);
}

char *pc_fmt(pc_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = pc_alloc(c, (size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);
    return s;
}

void pc_sb_addn(pc_sb *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            abort(); /* as the arena does: the compiler's host memory is not optional */
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

void pc_sb_add(pc_sb *b, const char *s)
{
    pc_sb_addn(b, s, strlen(s));
}

void pc_sb_free(pc_sb *b)
{
    free(b->p);
    *b = (pc_sb){0};
}

/* ---- the side table ------------------------------------------------------------------- */

pc_info *pc_info_fresh(pc_ctx *c, struct pc_info **slot)
{
    if (*slot)
        memset(*slot, 0, sizeof **slot);
    else
        *slot = pc_alloc(c, sizeof **slot);
    return *slot;
}

/* ---- types ------------------------------------------------------------------------------ */

pc_ty *pc_ty_array(pc_ctx *c, pc_ty *elem)
{
    if (elem->k == PC_TY_ERROR)
        return elem;
    if (!elem->arr) {
        pc_ty *a = pc_alloc(c, sizeof *a);
        a->k = PC_TY_ARRAY;
        a->elem = elem;
        elem->arr = a;
    }
    return elem->arr;
}

bool pc_ty_numeric(const pc_ty *t)
{
    return t->k >= PC_TY_CHAR && t->k <= PC_TY_DOUBLE;
}

bool pc_ty_integral(const pc_ty *t)
{
    return t->k == PC_TY_CHAR || t->k == PC_TY_INT || t->k == PC_TY_LONG;
}

bool pc_ty_prim(const pc_ty *t)
{
    return t->k >= PC_TY_BOOL && t->k <= PC_TY_DOUBLE;
}

bool pc_ty_ref(const pc_ty *t)
{
    return t->k == PC_TY_NULL || t->k == PC_TY_STRING || t->k == PC_TY_CLASS || t->k == PC_TY_ARRAY;
}

bool pc_ty_dynamic(const pc_ty *t)
{
    return t->k == PC_TY_ERROR || t->k == PC_TY_ANY;
}

static const char *const prim_names[] = {
    [PC_TY_BOOL] = "bool", [PC_TY_CHAR] = "char", [PC_TY_INT] = "int",
    [PC_TY_LONG] = "long", [PC_TY_FLOAT] = "float", [PC_TY_DOUBLE] = "double",
};

static const char *spell(pc_ctx *c, const pc_ty *t, bool desc)
{
    switch (t->k) {
    case PC_TY_ERROR: return desc ? "*" : "<error>";
    case PC_TY_ANY: return desc ? "*" : "untyped";
    case PC_TY_VOID: return "void";
    case PC_TY_NULL: return desc ? "*" : "null";
    case PC_TY_STRING: return desc ? ".internal.string" : "string";
    case PC_TY_CLASS: return t->cls->name;
    case PC_TY_ARRAY: {
        const pc_ty *e = t->elem;
        int dims = 1;
        while (e->k == PC_TY_ARRAY)
            e = e->elem, dims++;
        const char *base = e->k == PC_TY_ANY ? (desc ? "*" : "void") : spell(c, e, desc);
        size_t n = strlen(base);
        char *s = pc_alloc(c, n + 2 * (size_t)dims + 1);
        memcpy(s, base, n);
        for (int i = 0; i < dims; i++)
            memcpy(s + n + 2 * (size_t)i, "[]", 2);
        return s;
    }
    default: return prim_names[t->k];
    }
}

const char *pc_ty_str(pc_ctx *c, const pc_ty *t)
{
    return spell(c, t, false);
}

const char *pc_ty_desc(pc_ctx *c, const pc_ty *t)
{
    return spell(c, t, true);
}

static const char *const value_class_names[] = {
    [PC_TY_BOOL] = ".internal.bool", [PC_TY_CHAR] = ".internal.char", [PC_TY_INT] = ".internal.int",
    [PC_TY_LONG] = ".internal.long", [PC_TY_FLOAT] = ".internal.float", [PC_TY_DOUBLE] = ".internal.double",
};

const char *pc_ty_class_name(pc_ctx *c, const pc_ty *t)
{
    (void)c;
    switch (t->k) {
    case PC_TY_STRING: return ".internal.string";
    case PC_TY_CLASS: return t->cls->name;
    case PC_TY_ARRAY: return ".internal.container.array";
    default: return pc_ty_prim(t) ? value_class_names[t->k] : NULL;
    }
}

pc_class *pc_ty_method_class(pc_ctx *c, const pc_ty *t)
{
    switch (t->k) {
    case PC_TY_STRING: return c->c_string;
    case PC_TY_CLASS: return t->cls;
    case PC_TY_ARRAY: return c->c_array;
    default: return pc_ty_prim(t) ? c->c_value[t->k] : NULL;
    }
}

int pc_ty_conv(const pc_ty *t)
{
    switch (t->k) {
    case PC_TY_INT: return PV_CONV_INT;
    case PC_TY_LONG: return PV_CONV_LONG;
    case PC_TY_FLOAT: return PV_CONV_FLOAT;
    case PC_TY_DOUBLE: return PV_CONV_DOUBLE;
    case PC_TY_CHAR: return PV_CONV_CHAR;
    case PC_TY_BOOL: return PV_CONV_BOOL;
    default: return -1;
    }
}

bool pc_ty_same(const pc_ty *a, const pc_ty *b)
{
    if (a == b)
        return true;
    if (a->k != b->k)
        return false;
    if (a->k == PC_TY_CLASS)
        return a->cls == b->cls;
    if (a->k == PC_TY_ARRAY)
        return pc_ty_same(a->elem, b->elem);
    return true;
}

static int num_rank(const pc_ty *t)
{
    switch (t->k) {
    case PC_TY_CHAR:
    case PC_TY_INT: return 0;
    case PC_TY_LONG: return 1;
    case PC_TY_FLOAT: return 2;
    case PC_TY_DOUBLE: return 3;
    default: return -1;
    }
}

pc_ty *pc_ty_promote(pc_ctx *c, pc_ty *a, pc_ty *b)
{
    int r = num_rank(a) > num_rank(b) ? num_rank(a) : num_rank(b);
    static const pc_tk by_rank[] = {PC_TY_INT, PC_TY_LONG, PC_TY_FLOAT, PC_TY_DOUBLE};
    switch (by_rank[r < 0 ? 0 : r]) {
    case PC_TY_LONG: return &c->t_long;
    case PC_TY_FLOAT: return &c->t_float;
    case PC_TY_DOUBLE: return &c->t_double;
    default: return &c->t_int;
    }
}

bool pc_class_is_sub(const pc_class *k, const pc_class *of)
{
    /* a walk over the superclasses and (once each) the interfaces: interface
     * graphs may share ancestors, so a plain recursion could take exponential time */
    enum { MAX = 1024 };
    const pc_class *todo[MAX], *seen[MAX];
    uint32_t ntodo = 0, nseen = 0;
    todo[ntodo++] = k;
    while (ntodo) {
        for (const pc_class *x = todo[--ntodo]; x; x = x->super) {
            if (x == of)
                return true;
            bool visited = false;
            for (uint32_t i = 0; i < nseen && !visited; i++)
                visited = seen[i] == x;
            if (visited || nseen == MAX)
                break;
            seen[nseen++] = x;
            for (uint32_t i = 0; i < x->nifaces && ntodo < MAX; i++)
                todo[ntodo++] = x->ifaces[i];
        }
    }
    return false;
}

/* Rank distance of numeric widening, or -1 when from does not widen to to. */
static int widen(const pc_ty *from, const pc_ty *to)
{
    if (!pc_ty_numeric(from) || !pc_ty_numeric(to))
        return -1;
    if (to->k == PC_TY_CHAR)
        return from->k == PC_TY_CHAR ? 0 : -1;
    int rf = num_rank(from), rt = num_rank(to);
    if (rf > rt)
        return -1;
    return rt - rf + (from->k == PC_TY_CHAR);
}

pc_fit pc_ty_fit(pc_ctx *c, const pc_ty *from, const pc_ty *to)
{
    if (pc_ty_dynamic(from) || pc_ty_dynamic(to))
        return PC_FIT_SAME;
    if (pc_ty_same(from, to))
        return PC_FIT_SAME;
    if (to->k == PC_TY_VOID || from->k == PC_TY_VOID)
        return PC_FIT_NO;
    if (to->k == PC_TY_CLASS && to->cls == c->c_object)
        return PC_FIT_SAME; /* everything is an object */
    if (pc_ty_numeric(from) && pc_ty_numeric(to))
        return widen(from, to) >= 0 ? PC_FIT_CONV : PC_FIT_NO;
    if (from->k == PC_TY_NULL)
        return pc_ty_ref(to) ? PC_FIT_SAME : PC_FIT_NO;
    switch (to->k) {
    case PC_TY_CLASS:
        if (from->k == PC_TY_CLASS)
            return pc_class_is_sub(from->cls, to->cls) ? PC_FIT_SAME : PC_FIT_NO;
        if (from->k == PC_TY_ARRAY)
            return to->cls == c->c_array ? PC_FIT_SAME : PC_FIT_NO;
        return PC_FIT_NO;
    case PC_TY_ARRAY:
        if (from->k == PC_TY_CLASS && from->cls == c->c_array)
            return PC_FIT_SAME; /* a growable array of anything */
        if (from->k == PC_TY_ARRAY) {
            const pc_ty *fe = from->elem, *te = to->elem;
            if (te->k == PC_TY_ANY || fe->k == PC_TY_ANY)
                return PC_FIT_SAME;
            if (pc_ty_prim(fe) || pc_ty_prim(te))
                return pc_ty_same(fe, te) ? PC_FIT_SAME : PC_FIT_NO;
            return pc_ty_fit(c, fe, te) == PC_FIT_SAME ? PC_FIT_SAME : PC_FIT_NO;
        }
        return PC_FIT_NO;
    default:
        return PC_FIT_NO;
    }
}

int pc_ty_cost(pc_ctx *c, const pc_ty *from, const pc_ty *to)
{
    if (from->k == PC_TY_ERROR)
        return 0;
    if (to->k == PC_TY_ANY)
        return from->k == PC_TY_ANY ? 0 : 20;
    if (from->k == PC_TY_ANY)
        return 30;
    if (pc_ty_same(from, to))
        return 0;
    if (pc_ty_fit(c, from, to) == PC_FIT_NO)
        return -1;
    int w = widen(from, to);
    if (w >= 0)
        return 1 + w;
    if (from->k == PC_TY_CLASS && to->k == PC_TY_CLASS) {
        int d = 1;
        for (const pc_class *k = from->cls; k && k != to->cls && d < 15; k = k->super)
            d++;
        return d;
    }
    return to->k == PC_TY_CLASS && to->cls == c->c_object ? 16 : 1;
}

bool pc_utf8_ok(const char *s, size_t len, bool nul_ok)
{
    for (size_t i = 0; i < len;) {
        if (s[i] == 0) {
            if (!nul_ok)
                return false;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = pc_utf8_decode(s + i, len - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

bool pc_same_params(const pc_method *a, const pc_method *b)
{
    if (a->nparams != b->nparams)
        return false;
    for (uint32_t i = 0; i < a->nparams; i++)
        if (!pc_ty_same(a->params[i], b->params[i]))
            return false;
    return true;
}

pc_ty *pc_literal_type(pc_ctx *c, const pc_expr *e)
{
    switch (e->kind) {
    case PC_E_INT: return &c->t_int;
    case PC_E_LONG: return &c->t_long;
    case PC_E_FLOAT: return &c->t_float;
    case PC_E_DOUBLE: return &c->t_double;
    case PC_E_CHAR: return &c->t_char;
    case PC_E_BOOL: return &c->t_bool;
    case PC_E_STRING: return &c->t_string;
    default: return NULL;
    }
}
