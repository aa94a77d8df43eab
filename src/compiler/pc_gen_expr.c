/*
 * pc_gen_expr.c - code for expressions (docs/LANGUAGE.md, "How constructs
 * compile"): operators, names and fields, assignments and ++/--, calls of
 * every kind, object and array creation, casts, string concatenation, and
 * conditions as jumps (with the fused jlt/jge where they are exact).
 *
 * Everything here follows what sema recorded (pc_info); sema ran without
 * errors, so the records are complete.
 */
#include <stdlib.h>
#include <string.h>

#include "pc_gen.h"

/* ---- constants ------------------------------------------------------------------------ */

uint32_t gen_class_ref(pc_gen *g, const char *name)
{
    return pv_cf_class(g->cf, name);
}

uint32_t gen_field_ref(pc_gen *g, const pc_field *f)
{
    return pv_cf_field_ref(g->cf, f->owner->name, f->name);
}

uint32_t gen_method_ref(pc_gen *g, const pc_method *m)
{
    return pv_cf_method_ref(g->cf, m->owner->name, m->name, m->desc);
}

bool gen_overworked(pc_gen *g)
{
    if (++g->work > GEN_MAX_WORK)
        g->em.too_big = true;
    return g->em.too_big;
}

static pc_info *info(pc_gen *g, const pc_expr *node)
{
    pc_info *in = pc_info_get(g->c, node);
    if (!in) {
        static pc_info none;
        g->em.bad = true; /* sema left a node without a record: a compiler bug */
        memset(&none, 0, sizeof none);
        none.ty = &g->c->t_any;
        return &none;
    }
    return in;
}

/* A string constant; NUL bytes (which UTF8 constants cannot hold) are
 * made at run time as the text of the char '\0'. */
static void push_string(pc_gen *g, const char *s, size_t len)
{
    pc_emit *em = &g->em;
    size_t pos = 0;
    bool first = true;
    for (;;) {
        const char *nul = memchr(s + pos, 0, len - pos);
        size_t end = nul ? (size_t)(nul - s) : len;
        if (end > pos || first) {
            em_k(em, PV_OP_PUSHCONST, pv_cf_utf8(g->cf, s + pos, (uint32_t)(end - pos)));
            if (!first)
                em_op(em, PV_OP_CONCAT);
            first = false;
        }
        if (!nul)
            return;
        em_int(em, 0);
        em_conv(em, PV_CONV_CHAR);
        em_op(em, PV_OP_TOSTRING);
        em_op(em, PV_OP_CONCAT);
        pos = end + 1;
        if (em->too_big)
            return;
    }
}

static uint64_t double_bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static uint32_t float_bits(float f)
{
    uint32_t b;
    memcpy(&b, &f, 4);
    return b;
}

/* Bytes that are not UTF-8 (an imported image) cannot be a class file
 * string: they travel as hex text, in pieces of at most
 * PV_CF_MAX_STRING, and .internal.binary turns them back into bytes when
 * the expression runs: binary.fromHex(hex).toText(). */
static void push_bytes(pc_gen *g, const char *s, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    pc_emit *em = &g->em;
    const size_t piece = PV_CF_MAX_STRING / 2;
    char *hex = malloc(2 * (len < piece ? len : piece) + 1);
    if (!hex) {
        pc_arena_out_of_memory(&g->c->arena);
        return;
    }
    for (size_t pos = 0; pos < len || pos == 0; pos += piece) {
        size_t n = len - pos < piece ? len - pos : piece;
        for (size_t i = 0; i < n; i++) {
            hex[2 * i] = digits[(uint8_t)s[pos + i] >> 4];
            hex[2 * i + 1] = digits[(uint8_t)s[pos + i] & 15];
        }
        em_k(em, PV_OP_PUSHCONST, pv_cf_utf8(g->cf, hex, (uint32_t)(2 * n)));
        if (pos)
            em_op(em, PV_OP_CONCAT);
        if (em->too_big || n == 0)
            break;
    }
    free(hex);
    em_invoke(em, PV_OP_INVOKESTATIC, pv_cf_method_ref(g->cf, ".internal.binary", "fromHex", "(*)*"), 1);
    em_invoke(em, PV_OP_INVOKEVIRTUAL, pv_cf_method_ref(g->cf, ".internal.binary", "toText", "()*"), 0);
}

void gen_zero(pc_gen *g, const pc_ty *t)
{
    pc_emit *em = &g->em;
    switch (t->k) {
    case PC_TY_INT: em_int(em, 0); break;
    case PC_TY_LONG: em_k(em, PV_OP_PUSHCONST, pv_cf_long(g->cf, 0)); break;
    case PC_TY_FLOAT: em_k(em, PV_OP_PUSHCONST, pv_cf_float(g->cf, 0)); break;
    case PC_TY_DOUBLE: em_k(em, PV_OP_PUSHCONST, pv_cf_double(g->cf, 0)); break;
    case PC_TY_CHAR: em_int(em, 0); em_conv(em, PV_CONV_CHAR); break;
    case PC_TY_BOOL: em_op(em, PV_OP_PUSHFALSE); break;
    default: em_op(em, PV_OP_PUSHNULL); break;
    }
}

/* ---- names, members, lvalues ------------------------------------------------------------- */

static void gen_step(pc_gen *g, const pc_step *s)
{
    pc_emit *em = &g->em;
    if (!s->field) {
        em_op(em, PV_OP_ALEN);
    } else if (s->pop_first) {
        em_op(em, PV_OP_POP);
        em_k(em, PV_OP_GETSTATIC, gen_field_ref(g, s->field));
    } else {
        em_k(em, PV_OP_GETFIELD, gen_field_ref(g, s->field));
    }
}

/* The base of a dotted name (before its steps). */
static void gen_base(pc_gen *g, const pc_info *in)
{
    pc_emit *em = &g->em;
    switch (in->rk) {
    case PC_R_LOCAL: em_local(em, PV_OP_LOAD, in->slot); break;
    case PC_R_FIELD:
        em_local(em, PV_OP_LOAD, 0);
        em_k(em, PV_OP_GETFIELD, gen_field_ref(g, in->field));
        break;
    case PC_R_STATIC: em_k(em, PV_OP_GETSTATIC, gen_field_ref(g, in->field)); break;
    case PC_R_CONST: gen_expr(g, in->cexpr, true); break;
    case PC_R_CLASSOBJ: em_k(em, PV_OP_PUSHCONST, gen_class_ref(g, in->cls->name)); break;
    default: em->bad = true; em_op(em, PV_OP_PUSHNULL); break;
    }
}

enum { LV_LOCAL, LV_STATIC, LV_FIELD, LV_ELEM };

typedef struct lval {
    int kind;
    uint32_t slot, ref;
} lval;

/* Pushes what a store into the target needs (object; array and index) and says how to store. */
static void lv_prepare(pc_gen *g, pc_expr *e, lval *lv)
{
    pc_emit *em = &g->em;
    pc_info *in = info(g, e);
    const pc_step *last = NULL;
    switch (e->kind) {
    case PC_E_NAME:
        if (!in->nsteps) {
            if (in->rk == PC_R_LOCAL) {
                *lv = (lval){LV_LOCAL, in->slot, 0};
            } else if (in->rk == PC_R_FIELD) {
                em_local(em, PV_OP_LOAD, 0);
                *lv = (lval){LV_FIELD, 0, gen_field_ref(g, in->field)};
            } else {
                *lv = (lval){LV_STATIC, 0, gen_field_ref(g, in->field)};
            }
            return;
        }
        gen_base(g, in);
        for (uint32_t i = 0; i + 1 < in->nsteps; i++)
            gen_step(g, &in->steps[i]);
        last = &in->steps[in->nsteps - 1];
        break;
    case PC_E_MEMBER:
        if (e->u.member.obj->kind == PC_E_SUPER)
            em_local(em, PV_OP_LOAD, 0);
        else
            gen_expr(g, e->u.member.obj, true);
        last = in->nsteps ? &in->steps[0] : NULL;
        break;
    case PC_E_INDEX:
        gen_expr(g, e->u.index.obj, true);
        gen_expr(g, e->u.index.index, true);
        *lv = (lval){LV_ELEM, 0, 0};
        return;
    default:
        break;
    }
    if (!last || !last->field) {
        em->bad = true;
        *lv = (lval){LV_LOCAL, 0, 0};
        return;
    }
    if (last->pop_first) {
        em_op(em, PV_OP_POP);
        *lv = (lval){LV_STATIC, 0, gen_field_ref(g, last->field)};
    } else {
        *lv = (lval){LV_FIELD, 0, gen_field_ref(g, last->field)};
    }
}

/* Pushes the target's current value, keeping what the store needs below it. */
static void lv_load(pc_gen *g, const lval *lv)
{
    pc_emit *em = &g->em;
    switch (lv->kind) {
    case LV_LOCAL: em_local(em, PV_OP_LOAD, lv->slot); break;
    case LV_STATIC: em_k(em, PV_OP_GETSTATIC, lv->ref); break;
    case LV_FIELD: em_op(em, PV_OP_DUP); em_k(em, PV_OP_GETFIELD, lv->ref); break;
    case LV_ELEM: em_op(em, PV_OP_DUP2); em_op(em, PV_OP_ALOAD); break;
    }
}

/* Copies the value on top below what the store needs (so it remains after the store). */
static void lv_keep(pc_gen *g, const lval *lv)
{
    static const int op[] = {[LV_LOCAL] = PV_OP_DUP, [LV_STATIC] = PV_OP_DUP, [LV_FIELD] = PV_OP_DUPX1,
                             [LV_ELEM] = PV_OP_DUPX2};
    em_op(&g->em, op[lv->kind]);
}

static void lv_store(pc_gen *g, const lval *lv, bool want)
{
    pc_emit *em = &g->em;
    if (want)
        lv_keep(g, lv);
    switch (lv->kind) {
    case LV_LOCAL: em_local(em, PV_OP_STORE, lv->slot); break;
    case LV_STATIC: em_k(em, PV_OP_PUTSTATIC, lv->ref); break;
    case LV_FIELD: em_k(em, PV_OP_PUTFIELD, lv->ref); break;
    case LV_ELEM: em_op(em, PV_OP_ASTORE); break;
    }
}

/* ---- operators ------------------------------------------------------------------------------ */

static int arith_op(pc_op op)
{
    switch (op) {
    case PC_OP_ADD: return PV_OP_ADD;
    case PC_OP_SUB: return PV_OP_SUB;
    case PC_OP_MUL: return PV_OP_MUL;
    case PC_OP_DIV: return PV_OP_DIV;
    case PC_OP_MOD: return PV_OP_REM;
    case PC_OP_SHL: return PV_OP_SHL;
    case PC_OP_SHR: return PV_OP_SHR;
    case PC_OP_USHR: return PV_OP_USHR;
    case PC_OP_BAND: return PV_OP_BAND;
    case PC_OP_BOR: return PV_OP_BOR;
    case PC_OP_BXOR: return PV_OP_BXOR;
    case PC_OP_EQ: return PV_OP_EQ;
    case PC_OP_NE: return PV_OP_NE;
    case PC_OP_REF_EQ: return PV_OP_REFEQ;
    case PC_OP_REF_NE: return PV_OP_REFNE;
    case PC_OP_LT: return PV_OP_LT;
    case PC_OP_LE: return PV_OP_LE;
    case PC_OP_GT: return PV_OP_GT;
    case PC_OP_GE: return PV_OP_GE;
    default: return PV_OP_NOP;
    }
}

/* An operand of string '+': its text (strings that cannot be null need no tostring). */
static void gen_text(pc_gen *g, pc_expr *e)
{
    gen_expr(g, e, true);
    if (e->kind == PC_E_STRING || e->kind == PC_E_IMPORT)
        return;
    pc_info *in = pc_info_get(g->c, e);
    if (in && in->str_concat && e->kind == PC_E_BINARY)
        return;
    em_op(&g->em, PV_OP_TOSTRING);
}

static void gen_binary(pc_gen *g, pc_expr *e, pc_info *in)
{
    pc_emit *em = &g->em;
    pc_op op = e->u.binary.op;
    pc_expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
    if (op == PC_OP_AND || op == PC_OP_OR) {
        int other = em_label(em), end = em_label(em);
        gen_cond(g, l, other, op == PC_OP_OR);
        gen_expr(g, r, true);
        if (info(g, r)->ty->k != PC_TY_BOOL)
            em_conv(em, PV_CONV_BOOL);
        em_jump(em, PV_OP_JMP, end);
        em_place(em, other);
        em_at(em, e->loc);
        em_op(em, op == PC_OP_OR ? PV_OP_PUSHTRUE : PV_OP_PUSHFALSE);
        em_place(em, end);
        return;
    }
    if (in->str_concat) {
        gen_text(g, l);
        gen_text(g, r);
        em_at(em, e->loc);
        em_op(em, PV_OP_CONCAT);
        return;
    }
    gen_expr(g, l, true);
    gen_expr(g, r, true);
    em_at(em, e->loc);
    int o = arith_op(op);
    if (in->ref_cmp && o == PV_OP_EQ)
        o = PV_OP_REFEQ;
    else if (in->ref_cmp && o == PV_OP_NE)
        o = PV_OP_REFNE;
    em_op(em, o);
}

/* A side-effect-free operand that can be evaluated out of order. */
static bool simple(pc_gen *g, const pc_expr *e)
{
    if (e->kind == PC_E_INT || e->kind == PC_E_LONG || e->kind == PC_E_CHAR || e->kind == PC_E_FLOAT ||
        e->kind == PC_E_DOUBLE)
        return true;
    if (e->kind != PC_E_NAME)
        return false;
    pc_info *in = pc_info_get(g->c, e);
    return in && !in->nsteps && (in->rk == PC_R_LOCAL || in->rk == PC_R_CONST);
}

void gen_cond(pc_gen *g, pc_expr *e, int label, bool when)
{
    pc_emit *em = &g->em;
    if (gen_overworked(g))
        return;
    if (pc_const_true(e) || pc_const_false(e)) {
        if (pc_const_true(e) == when)
            em_jump(em, PV_OP_JMP, label);
        return;
    }
    if (e->kind == PC_E_UNARY && e->u.unary.op == PC_OP_NOT) {
        gen_cond(g, e->u.unary.operand, label, !when);
        return;
    }
    if (e->kind == PC_E_BINARY) {
        pc_op op = e->u.binary.op;
        pc_expr *l = e->u.binary.lhs, *r = e->u.binary.rhs;
        if (op == PC_OP_AND || op == PC_OP_OR) {
            bool and = op == PC_OP_AND;
            if (and == when) { /* both must be `when` */
                int skip = em_label(em);
                gen_cond(g, l, skip, !when);
                gen_cond(g, r, label, when);
                em_place(em, skip);
            } else { /* either decides */
                gen_cond(g, l, label, when);
                gen_cond(g, r, label, when);
            }
            return;
        }
        pc_info *in = info(g, e);
        bool integral = in->opty && (in->opty->k == PC_TY_INT || in->opty->k == PC_TY_LONG);
        bool swap = (op == PC_OP_GT || op == PC_OP_LE) && simple(g, l) && simple(g, r);
        if (op == PC_OP_LT || op == PC_OP_GE || swap) {
            /* a < b, a >= b; a > b as b < a, a <= b as b >= a */
            bool less = op == PC_OP_LT || op == PC_OP_GT;
            if (when || integral) { /* negation is exact only without NaN */
                gen_expr(g, swap ? r : l, true);
                gen_expr(g, swap ? l : r, true);
                em_at(em, e->loc);
                em_jump(em, less == when ? PV_OP_JLT : PV_OP_JGE, label);
                return;
            }
        }
    }
    gen_expr(g, e, true);
    em_at(em, e->loc);
    em_jump(em, when ? PV_OP_JT : PV_OP_JF, label);
}

/* ---- assignment, ++ and -- ------------------------------------------------------------------- */

static bool incable(const pc_ty *t, bool any_ok)
{
    return t->k == PC_TY_INT || t->k == PC_TY_LONG || t->k == PC_TY_FLOAT || t->k == PC_TY_DOUBLE ||
           (any_ok && t->k == PC_TY_ANY);
}

static void gen_assign(pc_gen *g, pc_expr *e, pc_info *in, bool want)
{
    pc_emit *em = &g->em;
    pc_expr *target = e->u.binary.lhs, *r = e->u.binary.rhs;
    pc_op op = e->u.binary.op;
    lval lv;
    if (op == PC_OP_NONE) {
        lv_prepare(g, target, &lv);
        gen_expr(g, r, true);
        em_at(em, e->loc);
        lv_store(g, &lv, want);
        return;
    }
    pc_ty *tt = info(g, target)->ty;
    if (target->kind == PC_E_NAME && info(g, target)->rk == PC_R_LOCAL && !info(g, target)->nsteps &&
        (op == PC_OP_ADD || op == PC_OP_SUB) && r->kind == PC_E_INT && !in->narrow && !in->str_concat &&
        incable(tt, false) && !info(g, r)->coerce) {
        int64_t d = op == PC_OP_ADD ? r->u.i : -r->u.i;
        if (d >= -32768 && d <= 32767) {
            uint32_t slot = info(g, target)->slot;
            em_at(em, e->loc);
            em_inclocal(em, slot, (int16_t)d);
            if (want)
                em_local(em, PV_OP_LOAD, slot);
            return;
        }
    }
    lv_prepare(g, target, &lv);
    lv_load(g, &lv);
    if (in->lconv)
        em_conv(em, PC_CONV_OF(in->lconv));
    if (in->str_concat) {
        em_op(em, PV_OP_TOSTRING);
        gen_text(g, r);
        em_at(em, e->loc);
        em_op(em, PV_OP_CONCAT);
    } else {
        gen_expr(g, r, true);
        em_at(em, e->loc);
        em_op(em, arith_op(op));
    }
    if (in->narrow)
        em_conv(em, pc_ty_conv(in->narrow));
    lv_store(g, &lv, want);
}

static void gen_incdec(pc_gen *g, pc_expr *e, pc_info *in, bool want)
{
    pc_emit *em = &g->em;
    pc_op op = e->u.unary.op;
    pc_expr *target = e->u.unary.operand;
    bool post = op == PC_OP_POSTINC || op == PC_OP_POSTDEC;
    bool inc = op == PC_OP_PREINC || op == PC_OP_POSTINC;
    pc_info *ti = info(g, target);
    if (target->kind == PC_E_NAME && ti->rk == PC_R_LOCAL && !ti->nsteps && incable(ti->ty, true)) {
        if (want && post)
            em_local(em, PV_OP_LOAD, ti->slot);
        em_at(em, e->loc);
        em_inclocal(em, ti->slot, inc ? 1 : -1);
        if (want && !post)
            em_local(em, PV_OP_LOAD, ti->slot);
        return;
    }
    lval lv;
    lv_prepare(g, target, &lv);
    lv_load(g, &lv);
    if (want && post)
        lv_keep(g, &lv);
    em_at(em, e->loc);
    em_int(em, 1);
    em_op(em, inc ? PV_OP_ADD : PV_OP_SUB);
    if (in->narrow)
        em_conv(em, pc_ty_conv(in->narrow));
    lv_store(g, &lv, want && !post);
}

/* ---- calls and creation --------------------------------------------------------------------------- */

static uint32_t gen_args(pc_gen *g, pc_expr *args)
{
    uint32_t n = 0;
    for (pc_expr *a = args; a; a = a->next, n++)
        gen_expr(g, a, true);
    return n;
}

static void gen_receiver(pc_gen *g, pc_expr *e, pc_info *in)
{
    if (in->implicit_this || !e->u.call.obj || e->u.call.obj->kind == PC_E_SUPER ||
        e->u.call.obj->kind == PC_E_THIS)
        em_local(&g->em, PV_OP_LOAD, 0);
    else
        gen_expr(g, e->u.call.obj, true);
}

static void gen_call(pc_gen *g, pc_expr *e, pc_info *in)
{
    pc_emit *em = &g->em;
    pc_ctx *c = g->c;
    uint32_t n;
    switch (in->rk) {
    case PC_R_CALL_PRINT: {
        if (!c->c_tty) {
            em->bad = true;
            em_op(em, PV_OP_PUSHNULL);
            return;
        }
        if (in->println0) {
            em_at(em, e->loc);
            em_invoke(em, PV_OP_INVOKESTATIC, pv_cf_method_ref(g->cf, c->c_tty->name, "println", "()void"), 0);
            return;
        }
        gen_expr(g, e->u.call.args, true);
        em_at(em, e->loc);
        em_op(em, PV_OP_TOSTRING);
        em_invoke(em, PV_OP_INVOKESTATIC, pv_cf_method_ref(g->cf, c->c_tty->name, in->name, "(*)void"), 1);
        return;
    }
    case PC_R_CALL_STATIC:
        if (in->discard_recv && e->u.call.obj) {
            gen_expr(g, e->u.call.obj, true);
            em_op(em, PV_OP_POP);
        }
        n = gen_args(g, e->u.call.args);
        em_at(em, e->loc);
        em_invoke(em, PV_OP_INVOKESTATIC, gen_method_ref(g, in->method), n);
        return;
    case PC_R_CALL_VIRTUAL:
    case PC_R_CALL_SPECIAL:
        gen_receiver(g, e, in);
        n = gen_args(g, e->u.call.args);
        em_at(em, e->loc);
        em_invoke(em, in->rk == PC_R_CALL_VIRTUAL ? PV_OP_INVOKEVIRTUAL : PV_OP_INVOKESPECIAL,
                  gen_method_ref(g, in->method), n);
        return;
    case PC_R_CALL_NAME:
        gen_receiver(g, e, in);
        n = gen_args(g, e->u.call.args);
        em_at(em, e->loc);
        em_invoke(em, PV_OP_INVOKENAME, pv_cf_utf8(g->cf, in->name, (uint32_t)strlen(in->name)), n);
        return;
    case PC_R_CALL_ORD:
        gen_expr(g, e->u.call.obj, true);
        n = gen_args(g, e->u.call.args);
        em_at(em, e->loc);
        em_invokeord(em, (uint32_t)in->ordinal, n);
        return;
    default:
        em->bad = true;
        em_op(em, PV_OP_PUSHNULL);
        return;
    }
}

static void gen_new(pc_gen *g, pc_expr *e, pc_info *in)
{
    pc_emit *em = &g->em;
    switch (in->rk) {
    case PC_R_NEW:
        em_at(em, e->loc);
        em_k(em, PV_OP_NEW, gen_class_ref(g, in->cls->name));
        if (in->method) {
            em_op(em, PV_OP_DUP);
            uint32_t n = gen_args(g, e->u.create.args);
            em_at(em, e->loc);
            em_invoke(em, PV_OP_INVOKESPECIAL, gen_method_ref(g, in->method), n);
            em_op(em, PV_OP_POP);
        }
        return;
    case PC_R_NEW_EMPTY:
        em_at(em, e->loc);
        em_int(em, 0);
        em_op(em, PV_OP_NEWARRAY);
        return;
    case PC_R_NEW_ARRAY: {
        gen_expr(g, e->u.create.size, true);
        em_at(em, e->loc);
        em_op(em, PV_OP_NEWARRAY);
        if (!in->prim_elem)
            return;
        /* fill with the element type's zero: for (i = 0; i < a.length; i++) a[i] = 0; */
        uint32_t a = em_temp(em), i = em_temp(em);
        int body = em_label(em), test = em_label(em);
        em_local(em, PV_OP_STORE, a);
        em_int(em, 0);
        em_local(em, PV_OP_STORE, i);
        int32_t d = em->depth;
        em_jump(em, PV_OP_JMP, test);
        em_place_loop(em, body, d);
        em_local(em, PV_OP_LOAD, a);
        em_local(em, PV_OP_LOAD, i);
        gen_zero(g, in->ty->elem);
        em_op(em, PV_OP_ASTORE);
        em_inclocal(em, i, 1);
        em_place(em, test);
        em_local(em, PV_OP_LOAD, i);
        em_local(em, PV_OP_LOAD, a);
        em_op(em, PV_OP_ALEN);
        em_jump(em, PV_OP_JLT, body);
        em_local(em, PV_OP_LOAD, a);
        em_free_temp(em, i);
        em_free_temp(em, a);
        return;
    }
    case PC_R_NEW_DYN: {
        gen_expr(g, e->u.create.class_expr, true);
        em_at(em, e->loc);
        em_op(em, PV_OP_NEWDYN);
        em_op(em, PV_OP_DUP);
        uint32_t n = gen_args(g, e->u.create.args);
        em_at(em, e->loc);
        em_invoke(em, PV_OP_INVOKENAME, pv_cf_utf8(g->cf, "construct", 9), n);
        em_op(em, PV_OP_POP);
        return;
    }
    default:
        em->bad = true;
        em_op(em, PV_OP_PUSHNULL);
        return;
    }
}

/* ---- the dispatcher -------------------------------------------------------------------------------- */

/* Generates e's value (or, with !want, its effects only). */
static void gen_value(pc_gen *g, pc_expr *e, pc_info *in, bool want, bool *handled)
{
    pc_emit *em = &g->em;
    em_at(em, e->loc);
    switch (e->kind) {
    case PC_E_INT: em_int(em, (int32_t)e->u.i); break;
    case PC_E_LONG: em_k(em, PV_OP_PUSHCONST, pv_cf_long(g->cf, e->u.i)); break;
    case PC_E_FLOAT: em_k(em, PV_OP_PUSHCONST, pv_cf_float(g->cf, float_bits((float)e->u.f))); break;
    case PC_E_DOUBLE: em_k(em, PV_OP_PUSHCONST, pv_cf_double(g->cf, double_bits(e->u.f))); break;
    case PC_E_CHAR: em_int(em, (int32_t)e->u.i); em_conv(em, PV_CONV_CHAR); break;
    case PC_E_BOOL: em_op(em, e->u.i ? PV_OP_PUSHTRUE : PV_OP_PUSHFALSE); break;
    case PC_E_STRING: push_string(g, e->u.str.s, e->u.str.len); break;
    case PC_E_IMPORT:
        if (in->raw_bytes)
            push_bytes(g, in->name, in->name_len);
        else
            push_string(g, in->name ? in->name : "", in->name_len);
        break;
    case PC_E_NULL: em_op(em, PV_OP_PUSHNULL); break;
    case PC_E_THIS: em_local(em, PV_OP_LOAD, 0); break;
    case PC_E_NAME:
        gen_base(g, in);
        for (uint32_t i = 0; i < in->nsteps; i++)
            gen_step(g, &in->steps[i]);
        break;
    case PC_E_MEMBER:
        if (e->u.member.obj->kind == PC_E_SUPER)
            em_local(em, PV_OP_LOAD, 0);
        else
            gen_expr(g, e->u.member.obj, true);
        em_at(em, e->loc);
        for (uint32_t i = 0; i < in->nsteps; i++)
            gen_step(g, &in->steps[i]);
        break;
    case PC_E_INDEX:
        gen_expr(g, e->u.index.obj, true);
        gen_expr(g, e->u.index.index, true);
        em_at(em, e->loc);
        em_op(em, PV_OP_ALOAD);
        break;
    case PC_E_CALL: gen_call(g, e, in); break;
    case PC_E_NEW:
    case PC_E_NEW_ARRAY: gen_new(g, e, in); break;
    case PC_E_UNARY:
        switch (e->u.unary.op) {
        case PC_OP_PREINC:
        case PC_OP_PREDEC:
        case PC_OP_POSTINC:
        case PC_OP_POSTDEC:
            gen_incdec(g, e, in, want);
            *handled = true; /* the value is there only if wanted */
            return;
        case PC_OP_PLUS:
            gen_expr(g, e->u.unary.operand, true);
            if (info(g, e->u.unary.operand)->ty->k == PC_TY_CHAR)
                em_conv(em, PV_CONV_INT);
            break;
        case PC_OP_NEG:
        case PC_OP_NOT:
        case PC_OP_BNOT:
            gen_expr(g, e->u.unary.operand, true);
            em_at(em, e->loc);
            em_op(em, e->u.unary.op == PC_OP_NEG ? PV_OP_NEG : e->u.unary.op == PC_OP_NOT ? PV_OP_NOT : PV_OP_BNOT);
            break;
        default:
            em->bad = true;
            em_op(em, PV_OP_PUSHNULL);
            break;
        }
        break;
    case PC_E_BINARY: gen_binary(g, e, in); break;
    case PC_E_ASSIGN:
        gen_assign(g, e, in, want);
        *handled = true;
        return;
    case PC_E_COND: {
        int els = em_label(em), end = em_label(em);
        gen_cond(g, e->u.cond.cond, els, false);
        gen_expr(g, e->u.cond.then, true);
        em_jump(em, PV_OP_JMP, end);
        em_place(em, els);
        gen_expr(g, e->u.cond.els, true);
        em_place(em, end);
        break;
    }
    case PC_E_CAST:
        gen_expr(g, e->u.cast.expr, true);
        em_at(em, e->loc);
        if (in->rk == PC_R_CAST_CONV)
            em_conv(em, pc_ty_conv(in->ty));
        else if (in->rk == PC_R_CAST_CHECK)
            em_k(em, PV_OP_CHECKCAST, gen_class_ref(g, in->name));
        break;
    case PC_E_INSTANCEOF:
        gen_expr(g, e->u.cast.expr, true);
        em_at(em, e->loc);
        em_k(em, PV_OP_INSTANCEOF, gen_class_ref(g, in->name));
        break;
    case PC_E_SUPER:
    case PC_E_ERROR:
        em->bad = true;
        em_op(em, PV_OP_PUSHNULL);
        break;
    }
}

void gen_expr(pc_gen *g, pc_expr *e, bool want)
{
    if (gen_overworked(g)) {
        if (want)
            em_op(&g->em, PV_OP_PUSHNULL);
        return;
    }
    pc_info *in = info(g, e);
    pc_loc saved = g->em.cur;
    bool handled = false;
    gen_value(g, e, in, want, &handled);
    if (!handled && !want)
        em_op(&g->em, PV_OP_POP);
    else if (want && in->coerce)
        em_conv(&g->em, PC_CONV_OF(in->coerce));
    else if (want && in->to_text)
        em_op(&g->em, PV_OP_TOSTRING);
    g->em.cur = saved;
}
