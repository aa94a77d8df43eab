/*
 * pc_sema_expr.c - checking expressions: what every name denotes, the
 * type of every expression, which method every call reaches and how,
 * which conversions happen; all recorded in the side table (pc_info) for
 * code generation.
 *
 * Errors.  An expression with an error has the poison type (PC_TY_ERROR),
 * which fits everything and has every member, silently: one mistake gives
 * one message.  Untyped values (PC_TY_ANY) are accepted where a type is
 * wanted and checked by the VM at run time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pc_internal.h"

#define Q(buf, s) pc_diag_quote(buf, sizeof buf, (s), strlen(s))

static pc_ty *set(pc_info *in, pc_ty *t)
{
    in->ty = t;
    return t;
}

static pc_ty *err(pc_info *in, pc_body *b)
{
    return set(in, &b->c->t_error);
}

bool pc_is_literal(const pc_expr *e)
{
    switch (e->kind) {
    case PC_E_INT:
    case PC_E_LONG:
    case PC_E_FLOAT:
    case PC_E_DOUBLE:
    case PC_E_CHAR:
    case PC_E_BOOL:
    case PC_E_STRING:
    case PC_E_NULL:
        return true;
    default:
        return false;
    }
}

bool pc_const_true(const pc_expr *e)
{
    return (e->kind == PC_E_BOOL || e->kind == PC_E_INT) && e->u.i != 0;
}

bool pc_const_false(const pc_expr *e)
{
    return (e->kind == PC_E_BOOL || e->kind == PC_E_INT) && e->u.i == 0;
}

/* ---- fitting values to places ---------------------------------------------------------- */

/* Makes e the cast (to)e of what it was: the node becomes the cast, and a
 * copy of it (with its record) becomes the cast's operand, so every parent
 * pointer to e stays valid. */
static void wrap_checkcast(pc_ctx *c, pc_expr *e, pc_ty *to)
{
    pc_expr *inner = pc_alloc(c, sizeof *inner);
    *inner = *e;
    inner->next = NULL;
    e->kind = PC_E_CAST;
    e->info = NULL;
    memset(&e->u, 0, sizeof e->u);
    e->u.cast.expr = inner;
    pc_info *ci = pc_info_new(c, e);
    ci->ty = to;
    ci->rk = PC_R_CAST_CHECK;
    ci->name = pc_ty_class_name(c, to);
}

/*
 * The original compiler's habits, accepted with a warning (docs/LANGUAGE.md,
 * "Habits of the original compiler"): a class value where a subclass is
 * wanted is cast, checked at run time; a long where an int is wanted keeps
 * its low 32 bits; an int passed where a string is declared is passed as
 * its text (arguments only: fit_args).
 */
typedef enum habit { HABIT_NONE, HABIT_DOWNCAST, HABIT_NARROW, HABIT_TEXT } habit;

static habit habit_of(const pc_ty *from, const pc_ty *to)
{
    if (from->k == PC_TY_CLASS && to->k == PC_TY_CLASS && pc_class_is_sub(to->cls, from->cls))
        return HABIT_DOWNCAST;
    if (from->k == PC_TY_LONG && to->k == PC_TY_INT)
        return HABIT_NARROW;
    if (from->k == PC_TY_INT && to->k == PC_TY_STRING)
        return HABIT_TEXT;
    return HABIT_NONE;
}

/* True if e (which does not fit) was accepted as a downcast or narrowing. */
static bool fit_habit(pc_body *b, pc_expr *e, pc_info *in, pc_ty *from, pc_ty *to, const char *what)
{
    pc_ctx *c = b->c;
    habit h = in ? habit_of(from, to) : HABIT_NONE;
    if (h == HABIT_DOWNCAST) {
        pc_warning(c->d, e->loc, "implicit downcast in %s from %s to %s (checked when it runs; write a cast)",
                   what, pc_ty_str(c, from), pc_ty_str(c, to));
        wrap_checkcast(c, e, to);
        return true;
    }
    if (h == HABIT_NARROW) {
        pc_warning(c->d, e->loc, "implicit narrowing in %s from long to int (the low 32 bits are kept; write a cast)",
                   what);
        in->coerce = PC_CONV_CODE(to);
        return true;
    }
    return false;
}

void pc_sema_fit(pc_body *b, pc_expr *e, pc_ty *from, pc_ty *to, const char *what)
{
    pc_ctx *c = b->c;
    pc_info *in = pc_info_get(c, e);
    if (from->k == PC_TY_VOID) {
        pc_error(c->d, e->loc, "this expression has no value (it calls a void method); it cannot be used in %s",
                 what);
        return;
    }
    if (from->k == PC_TY_INT && to->k == PC_TY_CHAR && e->kind == PC_E_INT && e->u.i >= 0 && e->u.i <= 0x10FFFF) {
        if (in)
            in->coerce = PC_CONV_CODE(to); /* a constant that fits: char c = 65; */
        return;
    }
    switch (pc_ty_fit(c, from, to)) {
    case PC_FIT_SAME:
        return;
    case PC_FIT_CONV:
        if (in)
            in->coerce = PC_CONV_CODE(to);
        return;
    case PC_FIT_NO:
        break;
    }
    if (fit_habit(b, e, in, from, to, what))
        return;
    const char *hint = "";
    if (from->k == PC_TY_STRING && pc_ty_numeric(to))
        hint = " (to read a number from a string use toInt(), toLong(), toDouble()...)";
    else if (pc_ty_numeric(from) && pc_ty_numeric(to))
        hint = " (a narrowing conversion needs a cast)";
    else if (from->k == PC_TY_CLASS && to->k == PC_TY_CLASS && pc_class_is_sub(to->cls, from->cls))
        hint = " (a cast converts to a subclass)";
    pc_error(c->d, e->loc, "type mismatch in %s: expected %s, got %s%s", what, pc_ty_str(c, to),
             pc_ty_str(c, from), hint);
}

void pc_sema_expect(pc_body *b, pc_expr *e, pc_ty *to, const char *what)
{
    pc_ty *t = pc_sema_expr(b, e);
    pc_sema_fit(b, e, t, to, what);
}

void pc_sema_cond(pc_body *b, pc_expr *e)
{
    pc_ty *t = pc_sema_expr(b, e);
    if (t->k == PC_TY_VOID)
        pc_error(b->c->d, e->loc, "this expression has no value (it calls a void method); it cannot be a condition");
}

/* Marks a char operand to be converted to int (bitwise operators refuse chars). */
static pc_ty *char_to_int(pc_body *b, pc_expr *e, pc_ty *t)
{
    if (t->k == PC_TY_CHAR) {
        pc_info_get(b->c, e)->coerce = PC_CONV_CODE(&b->c->t_int);
        return &b->c->t_int;
    }
    return t;
}

/* ---- names ---------------------------------------------------------------------------------- */

static void add_step(pc_body *b, pc_info *in, pc_field *f, bool pop_first)
{
    pc_step *s = pc_alloc(b->c, (in->nsteps + 1) * sizeof *s);
    if (in->nsteps)
        memcpy(s, in->steps, in->nsteps * sizeof *s);
    s[in->nsteps].field = f;
    s[in->nsteps].pop_first = pop_first;
    in->steps = s;
    in->nsteps++;
}

/* One member step `.name` on a value of type t; returns the member's type. */
static pc_ty *member_step(pc_body *b, pc_info *in, pc_ty *t, const char *name, pc_loc at)
{
    pc_ctx *c = b->c;
    char q[80], q2[80];
    if (t->k == PC_TY_ERROR)
        return t;
    if (!strcmp(name, "length") &&
        (t->k == PC_TY_ARRAY || t->k == PC_TY_STRING || t->k == PC_TY_ANY || t->k == PC_TY_NULL ||
         (t->k == PC_TY_CLASS && t->cls->is_extern && (t->cls->kind == PV_K_ARRAY || t->cls->kind == PV_K_BINARY)))) {
        add_step(b, in, NULL, false);
        return &c->t_int;
    }
    if (t->k == PC_TY_CLASS) {
        pc_field *f = pc_find_field(t->cls, name);
        if (!f) {
            pc_error(c->d, at, "class '%s' has no field '%s'", Q(q, t->cls->name), Q(q2, name));
            return &c->t_error;
        }
        add_step(b, in, f, f->is_static);
        return f->ty;
    }
    if (t->k == PC_TY_ANY || t->k == PC_TY_NULL) {
        bool amb;
        pc_field *f = pc_find_field_anywhere(c, name, &amb);
        if (amb) {
            pc_error(c->d, at, "several classes have a field '%s'; give the object a type (a typed "
                               "variable or a cast) to say which", Q(q, name));
            return &c->t_error;
        }
        if (!f) {
            pc_error(c->d, at, "no class has a field '%s'", Q(q, name));
            return &c->t_error;
        }
        add_step(b, in, f, false);
        return f->ty;
    }
    if (t->k == PC_TY_VOID)
        pc_error(c->d, at, "a void method's result has no field '%s'", Q(q, name));
    else
        pc_error(c->d, at, "%s has no field '%s'%s", pc_ty_str(c, t), Q(q, name),
                 t->k == PC_TY_STRING || t->k == PC_TY_ARRAY ? " (did you mean a method call, with '()'?)" : "");
    return &c->t_error;
}

/* The field `name` of this class (or an ancestor) as the base of a name. */
static bool base_field(pc_body *b, pc_info *in, const char *name, pc_loc at)
{
    pc_field *f = pc_find_field(b->cls, name);
    if (!f)
        return false;
    in->field = f;
    if (f->is_static) {
        in->rk = PC_R_STATIC;
    } else {
        if (b->is_static) {
            char q[80];
            pc_error(b->c->d, at, "instance field '%s' cannot be used in a static method (there is no 'this')",
                     Q(q, name));
            in->ty = &b->c->t_error;
            in->rk = PC_R_NONE;
            return true;
        }
        in->rk = PC_R_FIELD;
        in->implicit_this = true;
    }
    in->ty = f->ty;
    return true;
}

/* A global (pc_options.global) as the base of a name: a static field of
 * the class the hook names. */
static bool base_global(pc_body *b, pc_info *in, const char *name)
{
    const pc_options *o = b->c->opts;
    const char *owner = o->global ? o->global(o->hook_ctx, b->cls->name, name) : NULL;
    pc_class *k = owner ? pc_class_find(b->c, owner) : NULL;
    pc_field *f = k ? pc_find_field(k, name) : NULL;
    if (!f || !f->is_static)
        return false;
    in->field = f;
    in->rk = PC_R_STATIC;
    in->ty = f->ty;
    return true;
}

/*
 * A dotted name: a local, a field of this class, a global or a class, then fields.
 * As a receiver (of a call) it may stay a class (PC_R_CLASS); as a value
 * it may not.  Records the resolution in e's info and returns its type.
 */
static pc_ty *resolve_name(pc_body *b, pc_expr *e, bool receiver)
{
    pc_ctx *c = b->c;
    pc_info *in = pc_info_new(c, e);
    const pc_name *n = e->u.name;
    char q[80], q2[80];
    uint32_t used = 0;
    in->ty = &c->t_error;
    if (!n->absolute) {
        pc_scope_var *v = pc_scope_find(b, n->part[0]);
        if (v) {
            in->rk = PC_R_LOCAL;
            in->slot = v->slot;
            in->ty = v->ty;
            used = 1;
        } else if (base_field(b, in, n->part[0], n->loc)) {
            if (in->ty->k == PC_TY_ERROR && in->rk == PC_R_NONE)
                return in->ty;
            used = 1;
        } else if (base_global(b, in, n->part[0])) {
            used = 1;
        }
    }
    pc_class *k = NULL;
    if (!used) {
        for (uint32_t cnt = n->count; cnt > 0 && !k; cnt--)
            if ((k = pc_resolve_class(c, b->ui, n, cnt)))
                used = cnt;
        if (!k) {
            pc_error(c->d, n->loc, "unknown name '%s'", Q(q, n->absolute ? pc_name_spell(c, n) : n->part[0]));
            return err(in, b);
        }
        in->rk = PC_R_CLASS;
        in->cls = k;
        in->ty = k->ty;
        if (used < n->count) {
            const char *fname = n->part[used];
            if (!strcmp(fname, "class") && used + 1 == n->count) {
                in->rk = PC_R_CLASSOBJ;
                pc_class *kc = pc_class_find(c, ".internal.class");
                return set(in, kc ? kc->ty : &c->t_any);
            }
            pc_field *f = pc_find_field(k, fname);
            if (!f) {
                pc_error(c->d, n->loc, "class '%s' has no field '%s'", Q(q, k->name), Q(q2, fname));
                return err(in, b);
            }
            if (!f->is_static) {
                pc_error(c->d, n->loc, "field '%s' of class '%s' is not static; it needs an object",
                         Q(q, fname), Q(q2, k->name));
                return err(in, b);
            }
            in->rk = PC_R_STATIC;
            in->field = f;
            in->ty = f->ty;
            used++;
        } else if (!receiver) {
            pc_error(c->d, n->loc, "'%s' is a class, not a value", Q(q, k->name));
            return err(in, b);
        }
    }
    /* a constant as the whole name is replaced by its value */
    if (in->rk == PC_R_STATIC && used == n->count && in->field->const_val) {
        in->rk = PC_R_CONST;
        in->cexpr = in->field->const_val;
    }
    pc_ty *t = in->ty;
    for (uint32_t i = used; i < n->count && t->k != PC_TY_ERROR; i++)
        t = member_step(b, in, t, n->part[i], n->loc);
    return set(in, t);
}

/* ---- lvalues ----------------------------------------------------------------------------------- */

/* Checks the target of an assignment or ++/--; returns its type (poison if it cannot be assigned). */
static pc_ty *lvalue(pc_body *b, pc_expr *e, const char *op)
{
    pc_ctx *c = b->c;
    char q[80];
    switch (e->kind) {
    case PC_E_NAME: {
        pc_ty *t = resolve_name(b, e, false);
        pc_info *in = pc_info_get(c, e);
        if (t->k == PC_TY_ERROR)
            return t;
        if (in->nsteps && !in->steps[in->nsteps - 1].field) {
            pc_error(c->d, e->loc, "'length' cannot be assigned ('%s')", op);
            return &c->t_error;
        }
        if (in->rk == PC_R_CONST || (!in->nsteps && in->field && in->field->is_const)) {
            pc_error(c->d, e->loc, "'%s' is a constant; it cannot be assigned", Q(q, in->field->name));
            return &c->t_error;
        }
        if (in->rk == PC_R_LOCAL && !in->nsteps) {
            pc_scope_var *v = pc_scope_find(b, e->u.name->part[0]);
            if (v && v->is_const) {
                pc_error(c->d, e->loc, "'%s' is a constant; it cannot be assigned", Q(q, v->name));
                return &c->t_error;
            }
        }
        if (in->nsteps && in->steps[in->nsteps - 1].field->is_const) {
            pc_error(c->d, e->loc, "'%s' is a constant; it cannot be assigned",
                     Q(q, in->steps[in->nsteps - 1].field->name));
            return &c->t_error;
        }
        return t;
    }
    case PC_E_MEMBER: {
        pc_ty *t = pc_sema_expr(b, e);
        pc_info *in = pc_info_get(c, e);
        if (t->k == PC_TY_ERROR || !in->nsteps)
            return t;
        if (!in->steps[0].field) {
            pc_error(c->d, e->loc, "'length' cannot be assigned ('%s')", op);
            return &c->t_error;
        }
        if (in->steps[0].field->is_const) {
            pc_error(c->d, e->loc, "'%s' is a constant; it cannot be assigned", Q(q, in->steps[0].field->name));
            return &c->t_error;
        }
        return t;
    }
    case PC_E_INDEX: {
        pc_ty *t = pc_sema_expr(b, e);
        pc_ty *ot = pc_info_get(c, e->u.index.obj)->ty;
        if (ot->k == PC_TY_STRING) {
            pc_error(c->d, e->loc, "strings cannot be changed; the characters of a string cannot be assigned");
            return &c->t_error;
        }
        return t;
    }
    case PC_E_ERROR:
        pc_info_new(c, e)->ty = &c->t_error;
        return &c->t_error;
    default:
        pc_sema_expr(b, e);
        pc_error(c->d, e->loc, "the target of '%s' must be a variable, a field or an array element", op);
        return &c->t_error;
    }
}

/* ---- operators ---------------------------------------------------------------------------------- */

/*
 * The type of lhs op rhs for the arithmetic, bitwise and shift operators
 * (also used by compound assignment); records string concatenation and
 * operand conversions.  at: the operator, for messages.
 */
static pc_ty *arith(pc_body *b, pc_info *in, pc_op op, pc_expr *l, pc_ty *lt, pc_expr *r, pc_ty *rt, pc_loc at)
{
    pc_ctx *c = b->c;
    if (lt->k == PC_TY_ERROR || rt->k == PC_TY_ERROR)
        return &c->t_error;
    const char *sp = pc_op_spelling(op);
    if (lt->k == PC_TY_VOID || rt->k == PC_TY_VOID) {
        pc_error(c->d, at, "an operand of '%s' has no value (it calls a void method)", sp);
        return &c->t_error;
    }
    bool ld = lt->k == PC_TY_ANY, rd = rt->k == PC_TY_ANY;
    switch (op) {
    case PC_OP_ADD:
        if (lt->k == PC_TY_STRING || rt->k == PC_TY_STRING) {
            in->str_concat = true;
            return &c->t_string;
        }
        if (pc_ty_numeric(lt) && pc_ty_numeric(rt))
            return pc_ty_promote(c, lt, rt);
        if ((ld || pc_ty_numeric(lt) || lt->k == PC_TY_CLASS) && (rd || pc_ty_numeric(rt) || rt->k == PC_TY_CLASS) &&
            (ld || rd))
            return &c->t_any; /* the VM decides: numbers add, strings concatenate */
        break;
    case PC_OP_SUB:
    case PC_OP_MUL:
    case PC_OP_DIV:
    case PC_OP_MOD:
        if (pc_ty_numeric(lt) && pc_ty_numeric(rt))
            return pc_ty_promote(c, lt, rt);
        if ((ld || pc_ty_numeric(lt)) && (rd || pc_ty_numeric(rt)))
            return &c->t_any;
        break;
    case PC_OP_SHL:
    case PC_OP_SHR:
    case PC_OP_USHR:
        if ((pc_ty_integral(lt) || ld) && (pc_ty_integral(rt) || rd)) {
            lt = char_to_int(b, l, lt);
            char_to_int(b, r, rt);
            return ld ? &c->t_any : lt;
        }
        break;
    case PC_OP_BAND:
    case PC_OP_BOR:
    case PC_OP_BXOR:
        if (lt->k == PC_TY_BOOL && rt->k == PC_TY_BOOL)
            return &c->t_bool;
        if ((pc_ty_integral(lt) || ld) && (pc_ty_integral(rt) || rd)) {
            lt = char_to_int(b, l, lt);
            rt = char_to_int(b, r, rt);
            return ld || rd ? &c->t_any : pc_ty_promote(c, lt, rt);
        }
        if ((lt->k == PC_TY_BOOL && rd) || (ld && rt->k == PC_TY_BOOL))
            return &c->t_any;
        break;
    default:
        break;
    }
    if (op == PC_OP_ADD)
        pc_error(c->d, at, "operator '+' cannot add %s and %s", pc_ty_str(c, lt), pc_ty_str(c, rt));
    else
        pc_error(c->d, at, "operator '%s' cannot be applied to %s and %s", sp, pc_ty_str(c, lt), pc_ty_str(c, rt));
    return &c->t_error;
}

static pc_ty *binary(pc_body *b, pc_expr *e, pc_info *in)
{
    pc_ctx *c = b->c;
    pc_op op = e->u.binary.op;
    pc_expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
    if (op == PC_OP_AND || op == PC_OP_OR) {
        pc_sema_cond(b, l);
        pc_sema_cond(b, r);
        return &c->t_bool;
    }
    pc_ty *lt = pc_sema_expr(b, l), *rt = pc_sema_expr(b, r);
    switch (op) {
    case PC_OP_EQ:
    case PC_OP_NE:
    case PC_OP_REF_EQ:
    case PC_OP_REF_NE:
        if (lt->k == PC_TY_VOID || rt->k == PC_TY_VOID) {
            pc_error(c->d, e->loc, "an operand of '%s' has no value (it calls a void method)", pc_op_spelling(op));
            return &c->t_error;
        }
        if (lt->k == PC_TY_ERROR || rt->k == PC_TY_ERROR)
            return &c->t_error;
        if (l->kind == PC_E_NULL || r->kind == PC_E_NULL)
            in->ref_cmp = true;
        return &c->t_bool;
    case PC_OP_LT:
    case PC_OP_LE:
    case PC_OP_GT:
    case PC_OP_GE: {
        if (lt->k == PC_TY_ERROR || rt->k == PC_TY_ERROR)
            return &c->t_error;
        bool ok = (pc_ty_numeric(lt) || lt->k == PC_TY_ANY) && (pc_ty_numeric(rt) || rt->k == PC_TY_ANY);
        ok = ok || ((lt->k == PC_TY_STRING || lt->k == PC_TY_ANY) && (rt->k == PC_TY_STRING || rt->k == PC_TY_ANY));
        if (!ok) {
            pc_error(c->d, e->loc, "operator '%s' cannot compare %s and %s", pc_op_spelling(op), pc_ty_str(c, lt),
                     pc_ty_str(c, rt));
            return &c->t_error;
        }
        in->opty = pc_ty_numeric(lt) && pc_ty_numeric(rt) ? pc_ty_promote(c, lt, rt) : &c->t_any;
        return &c->t_bool;
    }
    default: {
        pc_ty *t = arith(b, in, op, l, lt, r, rt, e->loc);
        in->opty = t;
        return t;
    }
    }
}

static pc_ty *unary(pc_body *b, pc_expr *e, pc_info *in)
{
    pc_ctx *c = b->c;
    pc_op op = e->u.unary.op;
    pc_expr *x = e->u.unary.operand;
    const char *sp = pc_op_spelling(op);
    if (op == PC_OP_NOT) {
        pc_sema_cond(b, x);
        return &c->t_bool;
    }
    if (op >= PC_OP_PREINC) {
        pc_ty *t = lvalue(b, x, sp);
        if (t->k == PC_TY_ERROR)
            return t;
        if (!pc_ty_numeric(t) && t->k != PC_TY_ANY) {
            pc_error(c->d, e->loc, "operator '%s' needs a number, not %s", sp, pc_ty_str(c, t));
            return &c->t_error;
        }
        in->opty = t->k == PC_TY_CHAR ? &c->t_int : t;
        if (t->k == PC_TY_CHAR)
            in->narrow = t;
        return t;
    }
    pc_ty *t = pc_sema_expr(b, x);
    if (t->k == PC_TY_ERROR)
        return t;
    if (op == PC_OP_BNOT) {
        if (pc_ty_integral(t))
            return char_to_int(b, x, t);
        if (t->k == PC_TY_ANY)
            return t;
    } else { /* - + */
        if (pc_ty_numeric(t))
            return t->k == PC_TY_CHAR ? &c->t_int : t;
        if (t->k == PC_TY_ANY)
            return t;
    }
    pc_error(c->d, e->loc, "operator '%s' needs a number, not %s", sp, pc_ty_str(c, t));
    return &c->t_error;
}

static pc_ty *assign(pc_body *b, pc_expr *e, pc_info *in)
{
    pc_ctx *c = b->c;
    pc_op op = e->u.binary.op;
    pc_expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
    char opname[8];
    snprintf(opname, sizeof opname, "%s=", op == PC_OP_NONE ? "" : pc_op_spelling(op));
    pc_ty *lt = lvalue(b, l, opname);
    if (op == PC_OP_NONE) {
        pc_ty *rt = pc_sema_expr(b, r);
        if (lt->k != PC_TY_ERROR && rt->k != PC_TY_ERROR)
            pc_sema_fit(b, r, rt, lt, "assignment");
        return lt;
    }
    pc_ty *rt = pc_sema_expr(b, r);
    if (lt->k == PC_TY_ERROR || rt->k == PC_TY_ERROR)
        return &c->t_error;
    pc_ty *t = arith(b, in, op, l, lt, r, rt, e->loc);
    /* the left operand is read through the target: its conversion (char to
     * int for bitwise operators) applies to the value read, not the target */
    pc_info *li = pc_info_get(c, l);
    if (li) {
        in->lconv = li->coerce;
        li->coerce = 0;
    }
    if (t->k == PC_TY_ERROR)
        return t;
    in->opty = t;
    if (in->str_concat && pc_ty_fit(c, &c->t_string, lt) == PC_FIT_NO) {
        pc_error(c->d, e->loc, "'+=' with a string makes a string, which %s cannot hold", pc_ty_str(c, lt));
        return &c->t_error;
    }
    if (pc_ty_numeric(t) && pc_ty_numeric(lt)) {
        if (!pc_ty_same(t, lt))
            in->narrow = lt; /* back to the target's type, as Java's x op= y is x = (T)(x op y) */
    } else if (t->k != PC_TY_ANY && lt->k != PC_TY_ANY && pc_ty_fit(c, t, lt) == PC_FIT_NO) {
        pc_error(c->d, e->loc, "type mismatch in '%s': the result is %s, the target %s", opname, pc_ty_str(c, t),
                 pc_ty_str(c, lt));
        return &c->t_error;
    }
    return lt;
}

/* ---- calls ---------------------------------------------------------------------------------------- */

static pc_ty **arg_types(pc_body *b, pc_expr *args, uint32_t n)
{
    pc_ty **t = pc_alloc(b->c, (n ? n : 1) * sizeof *t);
    uint32_t i = 0;
    for (pc_expr *a = args; a && i < n; a = a->next, i++)
        t[i] = pc_sema_expr(b, a);
    return t;
}

static bool any_error(pc_ty **t, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (t[i]->k == PC_TY_ERROR)
            return true;
    return false;
}

/* Fits each argument to its parameter. */
static void fit_args(pc_body *b, pc_method *m, pc_expr *args, pc_ty **at, uint32_t n)
{
    uint32_t i = 0;
    for (pc_expr *a = args; a && i < n; a = a->next, i++) {
        char what[160], q[80];
        const char *mn = (m->flags & PV_MF_CTOR) ? m->owner->simple : m->name;
        if (at[i]->k == PC_TY_VOID)
            continue; /* reported by no_values */
        snprintf(what, sizeof what, "argument %u of '%s'", i + 1, Q(q, mn));
        pc_info *ai = pc_info_get(b->c, a);
        if (ai && habit_of(at[i], m->params[i]) == HABIT_TEXT) {
            /* the original's habit: an int where a string is declared; passed as its text */
            pc_warning(b->c->d, a->loc, "an int passed as %s, which is a string (its decimal text is passed)", what);
            ai->to_text = true;
            continue;
        }
        pc_sema_fit(b, a, at[i], m->params[i], what);
    }
}

/* The original's habit: a void result as an argument.  Every call leaves
 * a value (null for a void method), so null is passed; from here on the
 * argument counts as null for overload resolution. */
static void no_values(pc_body *b, pc_expr *args, pc_ty **at, uint32_t n)
{
    uint32_t i = 0;
    for (pc_expr *a = args; a && i < n; a = a->next, i++)
        if (at[i]->k == PC_TY_VOID && b->c->opts->void_args_refused) {
            pc_error(b->c->d, a->loc, "this argument has no value (it calls a void method)");
        } else if (at[i]->k == PC_TY_VOID) {
            pc_warning(b->c->d, a->loc, "this argument has no value (it calls a void method); null is passed");
            at[i] = &b->c->t_null;
            pc_info_get(b->c, a)->ty = &b->c->t_null;
        }
}

/* Whether the only method of a call (the closest one) takes these
 * arguments once the original compiler's habits are allowed (fit_habit,
 * and an int where a string is declared). */
static bool habits_fit(pc_ctx *c, pc_method *m, pc_ty **at, uint32_t n)
{
    if (!m || m->nparams != n)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        if (pc_ty_fit(c, at[i], m->params[i]) == PC_FIT_NO && habit_of(at[i], m->params[i]) == HABIT_NONE)
            return false;
    }
    return true;
}

/*
 * Overload resolution of name(args) in class k with its messages.  what
 * names the class for messages ("class .a.b", "string").  Returns the
 * method, or NULL when reported (or decided at run time: *dynamic).
 */
static pc_method *pick(pc_body *b, pc_class *k, const char *what, const char *name, pc_expr *args, pc_ty **at,
                       uint32_t n, bool ctors, bool statics_only, pc_loc loc, bool *dynamic)
{
    pc_ctx *c = b->c;
    pc_method *m;
    char q[80];
    *dynamic = false;
    pc_pick r = pc_pick_method(c, k, name, at, n, ctors, statics_only, &m, dynamic);
    switch (r) {
    case PC_PICK_OK:
        return m;
    case PC_PICK_NONE:
        if (ctors)
            pc_error(c->d, loc, "%s has no constructor", what);
        else
            pc_error(c->d, loc, "%s has no method '%s'", what, Q(q, name));
        return NULL;
    case PC_PICK_ARITY:
        if (ctors)
            pc_error(c->d, loc, "the constructor of %s takes %s argument%s, not %u", what,
                     pc_arities(c, k, name, true), "s", n);
        else
            pc_error(c->d, loc, "method '%s' of %s takes %s argument%s, not %u", Q(q, name), what,
                     pc_arities(c, k, name, false), strcmp(pc_arities(c, k, name, false), "1") ? "s" : "", n);
        return NULL;
    case PC_PICK_MISMATCH:
        if (habits_fit(c, m, at, n))
            return m; /* the caller's fit_args warns */
        if (!any_error(at, n))
            fit_args(b, m, args, at, n); /* reports the first argument that does not fit */
        return NULL;
    case PC_PICK_AMBIGUOUS:
        if (*dynamic)
            return NULL;
        if (!any_error(at, n))
            pc_error(c->d, loc, "the call of '%s' is ambiguous: several methods of %s fit these arguments; "
                                "cast an argument to choose", ctors ? k->simple : Q(q, name), what);
        return NULL;
    }
    return NULL;
}

static const char *class_what(pc_ctx *c, pc_class *k, pc_ty *t)
{
    if (t && t->k != PC_TY_CLASS)
        return pc_ty_str(c, t);
    return pc_fmt(c, "%s '%s'", k->is_interface ? "interface" : "class", k->name);
}

/* A call on a value of type t (the receiver is obj, or this when obj is NULL). */
static pc_ty *call_on(pc_body *b, pc_expr *e, pc_info *in, pc_ty *t, pc_ty **at)
{
    pc_ctx *c = b->c;
    const char *name = e->u.call.name;
    uint32_t n = e->u.call.nargs;
    if (t->k == PC_TY_ERROR || any_error(at, n))
        return &c->t_error;
    no_values(b, e->u.call.args, at, n);
    if (t->k == PC_TY_ANY || t->k == PC_TY_NULL) {
        in->rk = PC_R_CALL_NAME;
        in->name = name;
        in->nargs = (uint16_t)n;
        return &c->t_any;
    }
    if (t->k == PC_TY_VOID) {
        pc_error(c->d, e->loc, "a void method's result has no methods");
        return &c->t_error;
    }
    pc_class *k = pc_ty_method_class(c, t);
    if (!k) {
        pc_error(c->d, e->loc, "%s has no methods", pc_ty_str(c, t));
        return &c->t_error;
    }
    bool dynamic;
    pc_method *m = pick(b, k, class_what(c, k, t), name, e->u.call.args, at, n, false, false, e->loc, &dynamic);
    if (!m) {
        if (!dynamic)
            return &c->t_error;
        in->rk = PC_R_CALL_NAME;
        in->name = name;
        in->nargs = (uint16_t)n;
        return &c->t_any;
    }
    fit_args(b, m, e->u.call.args, at, n);
    in->method = m;
    in->rk = (m->flags & PV_MF_STATIC) ? PC_R_CALL_STATIC : PC_R_CALL_VIRTUAL;
    in->discard_recv = (m->flags & PV_MF_STATIC) != 0;
    return m->ret;
}

static pc_ty *ctor_call(pc_body *b, pc_expr *e, pc_info *in, pc_class *k, pc_ty **at, bool is_super)
{
    pc_ctx *c = b->c;
    uint32_t n = e->u.call.nargs;
    if (!b->m || !(b->m->flags & PV_MF_CTOR)) {
        pc_error(c->d, e->loc, "a constructor can only be called from a constructor (and as its first statement)");
        return &c->t_error;
    }
    if (e != b->ctor_call_ok) {
        pc_error(c->d, e->loc, "a call of %s constructor must be the first statement of a constructor",
                 is_super ? "the parent's" : "another");
        b->ctor_misplaced = true;
        return &c->t_error;
    }
    b->ctor_called = is_super ? 1 : 2; /* even if the call is wrong: no "call one first" on top */
    if (any_error(at, n))
        return &c->t_error;
    no_values(b, e->u.call.args, at, n);
    bool dynamic;
    pc_method *m = pick(b, k, class_what(c, k, NULL), k->simple, e->u.call.args, at, n, true, false, e->loc, &dynamic);
    if (!m)
        return &c->t_error;
    if (m == b->m) {
        pc_error(c->d, e->loc, "a constructor cannot call itself");
        return &c->t_error;
    }
    fit_args(b, m, e->u.call.args, at, n);
    in->rk = PC_R_CALL_SPECIAL;
    in->method = m;
    in->implicit_this = true;
    return &c->t_void;
}

static pc_ty *call(pc_body *b, pc_expr *e, pc_info *in)
{
    pc_ctx *c = b->c;
    char q[80], q2[80];
    pc_expr *obj = e->u.call.obj;
    uint32_t n = e->u.call.nargs;
    const char *name = e->u.call.name;
    if (e->u.call.dyn) {
        pc_sema_expr(b, e->u.call.dyn);
        if (obj && obj->kind != PC_E_SUPER)
            pc_sema_expr(b, obj);
        arg_types(b, e->u.call.args, n);
        pc_error(c->d, e->loc, "calls through a computed method ('o.(e)(...)') are not supported; call the method "
                               "by name or by ordinal");
        return &c->t_error;
    }
    if (e->u.call.ordinal >= 0) {
        if (!obj || obj->kind == PC_E_SUPER) {
            arg_types(b, e->u.call.args, n);
            pc_error(c->d, e->loc, "a call by ordinal needs an object ('o.%d(...)')", (int)e->u.call.ordinal);
            return &c->t_error;
        }
        pc_ty *t = obj->kind == PC_E_NAME ? resolve_name(b, obj, false) : pc_sema_expr(b, obj);
        pc_ty **at = arg_types(b, e->u.call.args, n);
        if (t->k == PC_TY_ERROR || any_error(at, n))
            return &c->t_error;
        no_values(b, e->u.call.args, at, n);
        if (t->k == PC_TY_VOID) {
            pc_error(c->d, obj->loc, "a void method's result has no methods");
            return &c->t_error;
        }
        if (e->u.call.ordinal > (int32_t)PV_MAX_ORDINAL) {
            pc_error(c->d, e->loc, "method ordinal %d is above the maximum of 4095", (int)e->u.call.ordinal);
            return &c->t_error;
        }
        in->rk = PC_R_CALL_ORD;
        in->ordinal = e->u.call.ordinal;
        in->nargs = (uint16_t)n;
        return &c->t_any;
    }
    if (!obj) {
        pc_ty **at = arg_types(b, e->u.call.args, n);
        if (!pc_has_method_named(b->cls, name)) {
            if ((!strcmp(name, "print") && n == 1) || (!strcmp(name, "println") && n <= 1)) {
                if (any_error(at, n))
                    return &c->t_error;
                if (!c->c_tty) {
                    pc_error(c->d, e->loc, "%s needs the internal class .internal.io.tty, which this system lacks",
                             name);
                    return &c->t_error;
                }
                no_values(b, e->u.call.args, at, n);
                in->rk = PC_R_CALL_PRINT;
                in->println0 = n == 0;
                in->name = name;
                return &c->t_void;
            }
            if (!strcmp(name, "print") || !strcmp(name, "println"))
                pc_error(c->d, e->loc, "%s takes %s argument, not %u", name,
                         name[5] ? "0 or 1" : "1", n);
            else
                pc_error(c->d, e->loc, "unknown method '%s'", Q(q, name));
            return &c->t_error;
        }
        if (any_error(at, n))
            return &c->t_error;
        no_values(b, e->u.call.args, at, n);
        bool dynamic;
        pc_method *m = pick(b, b->cls, class_what(c, b->cls, NULL), name, e->u.call.args, at, n, false, false, e->loc,
                            &dynamic);
        if (!m && dynamic && !b->is_static) {
            in->rk = PC_R_CALL_NAME;
            in->name = name;
            in->nargs = (uint16_t)n;
            in->implicit_this = true;
            return &c->t_any;
        }
        if (!m && dynamic) { /* in a static method: take the first that fits */
            pc_pick_method(c, b->cls, name, at, n, false, true, &m, &dynamic);
            if (!m)
                return &c->t_error;
        }
        if (!m)
            return &c->t_error;
        fit_args(b, m, e->u.call.args, at, n);
        in->method = m;
        if (m->flags & PV_MF_STATIC) {
            in->rk = PC_R_CALL_STATIC;
        } else if (b->is_static) {
            pc_error(c->d, e->loc, "instance method '%s' cannot be called from a static method (there is no 'this')",
                     Q(q, name));
            return &c->t_error;
        } else {
            in->rk = PC_R_CALL_VIRTUAL;
            in->implicit_this = true;
        }
        return m->ret;
    }
    if (obj->kind == PC_E_SUPER) {
        pc_info_new(c, obj)->ty = b->cls->super ? b->cls->super->ty : &c->t_error;
        pc_ty **at = arg_types(b, e->u.call.args, n);
        pc_class *s = b->cls->super;
        if (b->is_static) {
            pc_error(c->d, obj->loc, "'super' cannot be used in a static method");
            return &c->t_error;
        }
        if (!s) {
            pc_error(c->d, obj->loc, "class '%s' has no parent class", Q(q, b->cls->name));
            return &c->t_error;
        }
        if (!strcmp(name, s->simple) && s->has_ctor)
            return ctor_call(b, e, in, s, at, true);
        if (any_error(at, n))
            return &c->t_error;
        no_values(b, e->u.call.args, at, n);
        bool dynamic;
        pc_method *m = pick(b, s, class_what(c, s, NULL), name, e->u.call.args, at, n, false, false, e->loc, &dynamic);
        if (!m && dynamic)
            pc_pick_method(c, s, name, at, n, false, false, &m, &dynamic);
        if (!m)
            return &c->t_error;
        if (m->flags & PV_MF_ABSTRACT) {
            pc_error(c->d, e->loc, "method '%s' of class '%s' is abstract; it cannot be called through 'super'",
                     Q(q, name), Q(q2, m->owner->name));
            return &c->t_error;
        }
        fit_args(b, m, e->u.call.args, at, n);
        in->method = m;
        in->rk = (m->flags & PV_MF_STATIC) ? PC_R_CALL_STATIC : PC_R_CALL_SPECIAL;
        in->implicit_this = true;
        return m->ret;
    }
    if (obj->kind == PC_E_THIS && !strcmp(name, b->cls->simple) && !b->is_static && b->cls->has_ctor &&
        !pc_has_method_named(b->cls, name)) {
        pc_info_new(c, obj)->ty = b->cls->ty;
        pc_ty **at = arg_types(b, e->u.call.args, n);
        return ctor_call(b, e, in, b->cls, at, false);
    }
    if (obj->kind == PC_E_NAME) {
        pc_ty *t = resolve_name(b, obj, true);
        pc_info *oi = pc_info_get(c, obj);
        pc_ty **at = arg_types(b, e->u.call.args, n);
        if (oi->rk == PC_R_CLASS && !oi->nsteps) {
            pc_class *k = oi->cls;
            if (any_error(at, n))
                return &c->t_error;
            no_values(b, e->u.call.args, at, n);
            bool dynamic;
            pc_method *m = pick(b, k, class_what(c, k, NULL), name, e->u.call.args, at, n, false, true, e->loc,
                                &dynamic);
            if (!m && dynamic)
                pc_pick_method(c, k, name, at, n, false, true, &m, &dynamic);
            if (!m)
                return &c->t_error;
            if (!(m->flags & PV_MF_STATIC)) {
                pc_error(c->d, e->loc, "method '%s' of %s is not static; call it on an object", Q(q, name),
                         class_what(c, k, NULL));
                return &c->t_error;
            }
            fit_args(b, m, e->u.call.args, at, n);
            in->method = m;
            in->rk = PC_R_CALL_STATIC;
            in->static_recv = true;
            return m->ret;
        }
        return call_on(b, e, in, t, at);
    }
    pc_ty *t = pc_sema_expr(b, obj);
    pc_ty **at = arg_types(b, e->u.call.args, n);
    return call_on(b, e, in, t, at);
}

/* ---- object creation ------------------------------------------------------------------------------ */

static pc_ty *size_expr(pc_body *b, pc_expr *e, const char *what)
{
    pc_ctx *c = b->c;
    pc_ty *t = pc_sema_expr(b, e);
    if (t->k == PC_TY_CHAR)
        return char_to_int(b, e, t);
    if (t->k != PC_TY_INT && !pc_ty_dynamic(t)) {
        pc_error(c->d, e->loc, "%s must be an int, not %s", what, pc_ty_str(c, t));
        return &c->t_error;
    }
    return t;
}

static pc_ty *create(pc_body *b, pc_expr *e, pc_info *in)
{
    pc_ctx *c = b->c;
    char q[80];
    uint32_t n = e->u.create.nargs;
    if (e->kind == PC_E_NEW_ARRAY) {
        pc_ty *et = pc_resolve_type(c, b->ui, e->u.create.type);
        pc_ty *st = size_expr(b, e->u.create.size, "an array size");
        if (et->k == PC_TY_VOID)
            et = &c->t_any;
        if (et->k == PC_TY_ERROR || st->k == PC_TY_ERROR)
            return &c->t_error;
        in->rk = PC_R_NEW_ARRAY;
        in->prim_elem = pc_ty_prim(et);
        return pc_ty_array(c, et);
    }
    if (e->u.create.class_expr) {
        pc_ty *ct = pc_sema_expr(b, e->u.create.class_expr);
        pc_ty *t = e->u.create.type ? pc_resolve_type(c, b->ui, e->u.create.type) : &c->t_any;
        pc_ty **at = arg_types(b, e->u.create.args, n);
        if (ct->k == PC_TY_ERROR || t->k == PC_TY_ERROR || any_error(at, n))
            return &c->t_error;
        no_values(b, e->u.create.args, at, n);
        if (pc_ty_prim(ct) || ct->k == PC_TY_STRING || ct->k == PC_TY_VOID) {
            pc_error(c->d, e->u.create.class_expr->loc, "'new *(...)' needs a class object, not %s", pc_ty_str(c, ct));
            return &c->t_error;
        }
        if (t->k == PC_TY_VOID || pc_ty_prim(t)) {
            pc_error(c->d, e->loc, "objects made by 'new *(...)' cannot have the type %s", pc_ty_str(c, t));
            return &c->t_error;
        }
        in->rk = PC_R_NEW_DYN;
        in->nargs = (uint16_t)n;
        return t;
    }
    pc_ty *t = pc_resolve_type(c, b->ui, e->u.create.type);
    pc_ty **at = arg_types(b, e->u.create.args, n);
    if (t->k == PC_TY_ERROR || any_error(at, n))
        return &c->t_error;
    no_values(b, e->u.create.args, at, n);
    if (t->k == PC_TY_ARRAY) {
        if (n) {
            pc_error(c->d, e->loc, "'new %s()' makes an empty array and takes no arguments (new T[n] makes one "
                                   "of n elements)", pc_ty_str(c, t));
            return &c->t_error;
        }
        in->rk = PC_R_NEW_EMPTY;
        return t;
    }
    pc_class *k = t->k == PC_TY_CLASS ? t->cls : t->k == PC_TY_STRING ? c->c_string : NULL;
    if (!k) {
        pc_error(c->d, e->loc, "values of %s are not made with 'new'", pc_ty_str(c, t));
        return &c->t_error;
    }
    if (k->is_interface || k->is_abstract) {
        pc_error(c->d, e->loc, "'%s' is %s; it cannot be instantiated", Q(q, k->name),
                 k->is_interface ? "an interface" : "an abstract class");
        return &c->t_error;
    }
    if (k->is_extern && (k->kind == PV_K_VALUE || k->kind == PV_K_LONGBOX || k->kind == PV_K_CLASS ||
                         k->kind == PV_K_METHOD || k->kind == PV_K_THREAD)) {
        pc_error(c->d, e->loc, "objects of '%s' are made by the system, not by 'new'", Q(q, k->name));
        return &c->t_error;
    }
    in->rk = PC_R_NEW;
    in->cls = k;
    if (!k->has_ctor) {
        if (n) {
            pc_error(c->d, e->loc, "'%s' has no constructor that takes arguments", Q(q, k->name));
            return &c->t_error;
        }
        return t;
    }
    bool dynamic;
    pc_method *m = pick(b, k, class_what(c, k, NULL), k->simple, e->u.create.args, at, n, true, false, e->loc, &dynamic);
    if (!m && dynamic)
        pc_pick_method(c, k, k->simple, at, n, true, false, &m, &dynamic);
    if (!m)
        return &c->t_error;
    fit_args(b, m, e->u.create.args, at, n);
    in->method = m;
    return t;
}

/* ---- casts -------------------------------------------------------------------------------------------- */

static bool related(pc_class *a, pc_class *b)
{
    return pc_class_is_sub(a, b) || pc_class_is_sub(b, a) || a->is_interface || b->is_interface;
}

/* Whether a value of the reference type from may be one of type to: one
 * fits the other, two classes are related (a subclass may implement any
 * interface), arrays whose elements may be cast (primitive elements must
 * be the same).  Strings and arrays implement no interface of a program. */
static bool castable(pc_ctx *c, const pc_ty *from, const pc_ty *to)
{
    if (pc_ty_fit(c, from, to) == PC_FIT_SAME || pc_ty_fit(c, to, from) == PC_FIT_SAME)
        return true;
    if (from->k == PC_TY_CLASS && to->k == PC_TY_CLASS)
        return related(from->cls, to->cls);
    if (from->k == PC_TY_ARRAY && to->k == PC_TY_ARRAY) {
        const pc_ty *fe = from->elem, *te = to->elem;
        if (pc_ty_prim(fe) || pc_ty_prim(te))
            return pc_ty_same(fe, te);
        return castable(c, fe, te);
    }
    return false;
}

static pc_ty *cast(pc_body *b, pc_expr *e, pc_info *in)
{
    pc_ctx *c = b->c;
    pc_ty *to = pc_resolve_type(c, b->ui, e->u.cast.type);
    pc_ty *from = pc_sema_expr(b, e->u.cast.expr);
    in->rk = PC_R_CAST_NONE;
    if (to->k == PC_TY_ERROR || from->k == PC_TY_ERROR)
        return &c->t_error;
    const char *fs = pc_ty_str(c, from), *ts = pc_ty_str(c, to);
    if (to->k == PC_TY_VOID || from->k == PC_TY_VOID) {
        pc_error(c->d, e->loc, "cannot cast %s to %s", fs, ts);
        return &c->t_error;
    }
    if (pc_ty_same(from, to))
        return to;
    if (pc_ty_prim(to)) {
        if (to->k == PC_TY_BOOL || pc_ty_numeric(from) || from->k == PC_TY_ANY ||
            (from->k == PC_TY_CLASS && from->cls == c->c_object)) {
            if (to->k != PC_TY_BOOL && from->k == PC_TY_BOOL)
                goto bad;
            in->rk = PC_R_CAST_CONV;
            return to;
        }
        goto bad;
    }
    if (from->k == PC_TY_NULL || (to->k == PC_TY_CLASS && to->cls == c->c_object) ||
        (from->k != PC_TY_ANY && pc_ty_fit(c, from, to) == PC_FIT_SAME))
        return to; /* widening: nothing to do (an untyped value is checked) */
    if (pc_ty_prim(from))
        goto bad;
    if (from->k != PC_TY_ANY && !castable(c, from, to))
        goto bad;
    in->rk = PC_R_CAST_CHECK;
    in->name = pc_ty_class_name(c, to);
    return to;
bad:
    if (from->k == PC_TY_STRING && pc_ty_numeric(to))
        pc_error(c->d, e->loc, "cannot cast string to %s; to read a number use toInt(), toLong(), toFloat() or "
                               "toDouble()", ts);
    else if (to->k == PC_TY_STRING)
        pc_error(c->d, e->loc, "cannot cast %s to string; use toString() or \"\" + x", fs);
    else
        pc_error(c->d, e->loc, "cannot cast %s to %s", fs, ts);
    return &c->t_error;
}

/* ---- literals ----------------------------------------------------------------------------------------- */

/*
 * import "file": the file's bytes, as a string.  The file is looked for
 * next to the source, then (as the original compiler did) relative to the
 * current directory.  Bytes that are not UTF-8 (images) are kept as they
 * are: codegen then builds the string at run time (raw_bytes).
 */
static pc_ty *import_file(pc_body *b, pc_expr *e, pc_info *in)
{
    pc_ctx *c = b->c;
    char q[80];
    const char *name = e->u.str.s;
    if (!c->opts->read_file) {
        pc_error(c->d, e->loc, "import \"%s\": files cannot be read here", Q(q, name));
        return &c->t_error;
    }
    bool beside = name[0] != '/' && b->ui->dir[0];
    const char *path = beside ? pc_fmt(c, "%s%s", b->ui->dir, name) : name;
    char *data = NULL, why[200] = "";
    size_t len = 0;
    if (c->opts->read_file(c->opts->read_ctx, path, &data, &len, why, sizeof why) < 0 &&
        (!beside || c->opts->read_file(c->opts->read_ctx, name, &data, &len, why, sizeof why) < 0)) {
        if (beside)
            pc_error(c->d, e->loc, "import \"%s\": cannot read %s (nor %s in the current directory): %s",
                     Q(q, name), path, name, why);
        else
            pc_error(c->d, e->loc, "import \"%s\": cannot read %s: %s", Q(q, name), path, why);
        return &c->t_error;
    }
    bool ok = len <= PC_IMPORT_MAX;
    if (ok) {
        in->name = pc_strndup(c, data, len);
        in->name_len = len;
        in->raw_bytes = !pc_utf8_ok(data, len, true);
    }
    free(data);
    if (!ok) {
        pc_error(c->d, e->loc, "import \"%s\": the file is larger than %u MiB", Q(q, name), PC_IMPORT_MAX >> 20);
        return &c->t_error;
    }
    return &c->t_string;
}

/* ---- the dispatcher -------------------------------------------------------------------------------------- */

pc_ty *pc_sema_expr(pc_body *b, pc_expr *e)
{
    pc_ctx *c = b->c;
    if (e->kind == PC_E_NAME)
        return resolve_name(b, e, false);
    pc_info *in = pc_info_new(c, e);
    char q[80];
    switch (e->kind) {
    case PC_E_ERROR: return err(in, b);
    case PC_E_INT: return set(in, &c->t_int);
    case PC_E_LONG: return set(in, &c->t_long);
    case PC_E_FLOAT: return set(in, &c->t_float);
    case PC_E_DOUBLE: return set(in, &c->t_double);
    case PC_E_CHAR: return set(in, &c->t_char);
    case PC_E_BOOL: return set(in, &c->t_bool);
    case PC_E_NULL: return set(in, &c->t_null);
    case PC_E_STRING:
        if (!pc_utf8_ok(e->u.str.s, e->u.str.len, true) || e->u.str.len > PV_CF_MAX_STRING) {
            pc_error(c->d, e->loc, "a string constant must be valid UTF-8 text of at most 16 MiB ('\\x' escapes "
                                   "that make invalid UTF-8 cannot be used)");
            return err(in, b);
        }
        return set(in, &c->t_string);
    case PC_E_IMPORT: return set(in, import_file(b, e, in));
    case PC_E_THIS:
        if (b->is_static) {
            pc_error(c->d, e->loc, "'this' cannot be used in a static method");
            return err(in, b);
        }
        return set(in, b->cls->ty);
    case PC_E_SUPER:
        pc_error(c->d, e->loc, "'super' must be followed by a member: super.name or super.method(...)");
        return err(in, b);
    case PC_E_MEMBER: {
        pc_expr *obj = e->u.member.obj;
        pc_ty *t;
        if (obj->kind == PC_E_SUPER) {
            if (b->is_static) {
                pc_error(c->d, obj->loc, "'super' cannot be used in a static method");
                pc_info_new(c, obj)->ty = &c->t_error;
                return err(in, b);
            }
            pc_info_new(c, obj)->ty = b->cls->ty;
            t = b->cls->super ? b->cls->super->ty : &c->t_error;
        } else {
            t = pc_sema_expr(b, obj);
        }
        return set(in, member_step(b, in, t, e->u.member.name, e->loc));
    }
    case PC_E_INDEX: {
        pc_ty *t = pc_sema_expr(b, e->u.index.obj);
        pc_ty *it = size_expr(b, e->u.index.index, "an array index");
        if (t->k == PC_TY_ERROR || it->k == PC_TY_ERROR)
            return err(in, b);
        switch (t->k) {
        case PC_TY_ARRAY: return set(in, t->elem);
        case PC_TY_STRING: return set(in, &c->t_char);
        case PC_TY_ANY:
        case PC_TY_NULL: return set(in, &c->t_any);
        case PC_TY_CLASS:
            if (t->cls->is_extern && t->cls->kind == PV_K_BINARY)
                return set(in, &c->t_int);
            if (t->cls->is_extern && t->cls->kind == PV_K_ARRAY)
                return set(in, &c->t_any);
            if (t->cls == c->c_object)
                return set(in, &c->t_any);
            break;
        default: break;
        }
        pc_error(c->d, e->loc, "%s cannot be indexed", pc_ty_str(c, t));
        return err(in, b);
    }
    case PC_E_CALL: return set(in, call(b, e, in));
    case PC_E_NEW:
    case PC_E_NEW_ARRAY: return set(in, create(b, e, in));
    case PC_E_UNARY: return set(in, unary(b, e, in));
    case PC_E_BINARY: return set(in, binary(b, e, in));
    case PC_E_ASSIGN: return set(in, assign(b, e, in));
    case PC_E_COND: {
        pc_sema_cond(b, e->u.cond.cond);
        pc_ty *a = pc_sema_expr(b, e->u.cond.then), *d = pc_sema_expr(b, e->u.cond.els);
        if (a->k == PC_TY_ERROR || d->k == PC_TY_ERROR)
            return err(in, b);
        if (a->k == PC_TY_VOID || d->k == PC_TY_VOID) {
            pc_error(c->d, e->loc, "a branch of '?:' has no value (it calls a void method)");
            return err(in, b);
        }
        if (pc_ty_same(a, d))
            return set(in, a);
        if (pc_ty_numeric(a) && pc_ty_numeric(d)) {
            pc_ty *t = pc_ty_promote(c, a, d);
            pc_sema_fit(b, e->u.cond.then, a, t, "'?:'");
            pc_sema_fit(b, e->u.cond.els, d, t, "'?:'");
            return set(in, t);
        }
        if (a->k == PC_TY_NULL && pc_ty_ref(d))
            return set(in, d);
        if (d->k == PC_TY_NULL && pc_ty_ref(a))
            return set(in, a);
        if (pc_ty_fit(c, a, d) == PC_FIT_SAME && !pc_ty_dynamic(d))
            return set(in, d);
        if (pc_ty_fit(c, d, a) == PC_FIT_SAME && !pc_ty_dynamic(a))
            return set(in, a);
        return set(in, &c->t_any);
    }
    case PC_E_CAST: return set(in, cast(b, e, in));
    case PC_E_INSTANCEOF: {
        pc_ty *to = pc_resolve_type(c, b->ui, e->u.cast.type);
        pc_ty *from = pc_sema_expr(b, e->u.cast.expr);
        if (to->k == PC_TY_ERROR || from->k == PC_TY_ERROR)
            return err(in, b);
        if (from->k == PC_TY_VOID) {
            pc_error(c->d, e->loc, "the operand of 'instanceof' has no value (it calls a void method)");
            return err(in, b);
        }
        in->name = pc_ty_class_name(c, to);
        if (!in->name) {
            pc_error(c->d, e->u.cast.type->loc, "'instanceof' needs a class, not %s", pc_ty_str(c, to));
            return err(in, b);
        }
        return set(in, &c->t_bool);
    }
    case PC_E_NAME: break;
    }
    pc_error(c->d, e->loc, "this expression cannot be compiled (%s)", Q(q, "unknown kind"));
    return err(in, b);
}
