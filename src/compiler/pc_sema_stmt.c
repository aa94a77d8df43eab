/*
 * pc_sema_stmt.c - checking statements and whole method bodies: local
 * variables and their scopes and slots, break/continue targets, return
 * values, the classes a catch clause catches, what foreach iterates; and
 * the control flow that decides which code is unreachable (a warning) and
 * whether a method that returns a value can run off its end (a warning:
 * it then returns null, or the zero of its type, as the original did).
 *
 * Reachability follows Java's rules: return, throw, break and continue
 * end a path; a loop whose condition is the constant true ends one unless
 * a break leaves it; if/else, switch and try join their branches.  After
 * a statement that cannot complete, the next one in the block gets the
 * warning (once per block) and checking goes on as if it were reachable.
 */
#include <stdio.h>
#include <string.h>

#include "pc_internal.h"

#define Q(buf, s) pc_diag_quote(buf, sizeof buf, (s), strlen(s))

/* ---- scopes and locals ------------------------------------------------------------------------ */

/* The innermost visible local called name, or NULL. */
pc_scope_var *pc_scope_find(pc_body *b, const char *name)
{
    if (!b->nbuckets)
        return NULL;
    uint32_t h = pc_hash_str(name);
    for (uint32_t i = b->buckets[h & (b->nbuckets - 1)]; i; i = b->vars[i - 1].older)
        if (b->vars[i - 1].hash == h && !strcmp(b->vars[i - 1].name, name))
            return &b->vars[i - 1];
    return NULL;
}

typedef struct scope_mark {
    uint32_t nvars, next_slot;
} scope_mark;

static scope_mark scope_open(pc_body *b)
{
    return (scope_mark){b->nvars, b->next_slot};
}

/* Ends the scope: its vars leave, newest first, each unlinked from the head of its bucket. */
static void scope_close(pc_body *b, scope_mark m)
{
    while (b->nvars > m.nvars) {
        pc_scope_var *v = &b->vars[--b->nvars];
        b->buckets[v->hash & (b->nbuckets - 1)] = v->older;
    }
    b->next_slot = m.next_slot;
}

/* Room for one more var: vars and the index grow together (the index
 * rebuilt from vars, oldest first, so each bucket stays newest first). */
static void reserve_var(pc_body *b)
{
    if (b->nvars < b->capvars)
        return;
    uint32_t cap = b->capvars ? b->capvars * 2 : 32;
    pc_scope_var *v = pc_alloc(b->c, cap * sizeof *v);
    if (b->nvars)
        memcpy(v, b->vars, b->nvars * sizeof *v);
    b->vars = v;
    b->capvars = cap;
    b->nbuckets = cap;
    b->buckets = pc_alloc(b->c, cap * sizeof *b->buckets);
    for (uint32_t i = 0; i < b->nvars; i++) {
        uint32_t *head = &b->buckets[v[i].hash & (cap - 1)];
        v[i].older = *head;
        *head = i + 1;
    }
}

/* Declares a local; returns its slot (0 and an error if it cannot be). */
static uint16_t declare(pc_body *b, const char *name, pc_ty *ty, bool is_const, pc_loc loc)
{
    pc_ctx *c = b->c;
    char q[80];
    pc_scope_var *old = pc_scope_find(b, name);
    if (old) {
        pc_error(c->d, loc, "'%s' is already declared in this method", Q(q, name));
        if (old->loc.src)
            pc_note(c->d, old->loc, "the first declaration is here");
        /* shadow it anyway, so later uses see the new type */
    }
    if (b->next_slot >= PV_CF_MAX_LOCALS - 64) {
        pc_error(c->d, loc, "too many local variables in this method");
        return 0;
    }
    reserve_var(b);
    uint16_t slot = (uint16_t)b->next_slot++;
    if (b->next_slot > b->max_slot)
        b->max_slot = b->next_slot;
    uint32_t h = pc_hash_str(name);
    uint32_t *head = &b->buckets[h & (b->nbuckets - 1)];
    b->vars[b->nvars] = (pc_scope_var){name, ty, slot, is_const, loc, h, *head};
    *head = ++b->nvars;
    return slot;
}

/* ---- statements ---------------------------------------------------------------------------------- */

static bool stmt(pc_body *b, pc_stmt *s);

/* A statement list; returns whether control can run off its end. */
static bool stmt_list(pc_body *b, pc_stmt *list, bool reachable)
{
    bool warned = false;
    for (pc_stmt *s = list; s; s = s->next) {
        if (!reachable && !warned && s->kind != PC_S_EMPTY) {
            pc_warning(b->c->d, s->loc, "unreachable code");
            warned = true;
        }
        bool r = stmt(b, s);
        if (reachable)
            reachable = r;
    }
    return reachable;
}

static bool var_stmt(pc_body *b, pc_stmt *s)
{
    pc_ctx *c = b->c;
    pc_info *in = pc_info_new(c, s);
    pc_ty *t;
    char what[120], q[80];
    snprintf(what, sizeof what, "the initialiser of '%s'", Q(q, s->u.var.name));
    if (s->u.var.type) {
        t = pc_resolve_type(c, b->ui, s->u.var.type);
        if (t->k == PC_TY_VOID) {
            pc_error(c->d, s->u.var.type->loc, "a variable cannot be void");
            t = &c->t_error;
        }
        if (s->u.var.init) {
            pc_ty *it = pc_sema_expr(b, s->u.var.init);
            if (t->k != PC_TY_ERROR && it->k != PC_TY_ERROR)
                pc_sema_fit(b, s->u.var.init, it, t, what);
        }
    } else if (s->u.var.init) {
        t = pc_sema_expr(b, s->u.var.init);
        if (t->k == PC_TY_VOID) {
            pc_error(c->d, s->u.var.init->loc, "this expression has no value (it calls a void method); it cannot "
                                              "initialise '%s'", Q(q, s->u.var.name));
            t = &c->t_error;
        } else if (t->k == PC_TY_NULL) {
            t = &c->t_any;
        }
    } else {
        t = &c->t_any;
    }
    in->ty = t;
    in->slot = declare(b, s->u.var.name, t, (s->u.var.mods & PC_MOD_CONST) != 0, s->loc);
    if (c->opts->declared && t->k != PC_TY_ERROR)
        c->opts->declared(c->opts->hook_ctx, b->cls->name, s->u.var.name, s->loc.off,
                          t->k == PC_TY_ANY ? "var" : pc_ty_str(c, t));
    return true;
}

static struct pc_target *push_target(pc_body *b, bool is_loop)
{
    struct pc_target *t = &b->targets[b->ntargets < 255 ? b->ntargets : 255];
    b->ntargets++;
    t->is_loop = is_loop;
    t->brk = false;
    return t;
}

static bool pop_target(pc_body *b)
{
    b->ntargets--;
    return b->targets[b->ntargets < 255 ? b->ntargets : 255].brk;
}

static bool loop_body(pc_body *b, pc_stmt *body, bool *brk)
{
    push_target(b, true);
    scope_mark m = scope_open(b);
    bool r = stmt(b, body);
    scope_close(b, m);
    *brk = pop_target(b);
    return r;
}

static bool foreach_stmt(pc_body *b, pc_stmt *s)
{
    pc_ctx *c = b->c;
    pc_info *in = pc_info_new(c, s);
    pc_ty *it = pc_sema_expr(b, s->u.foreach.iter);
    pc_ty *elem = &c->t_error;
    in->iter = 0;
    switch (it->k) {
    case PC_TY_ERROR: break;
    case PC_TY_ARRAY: elem = it->elem; break;
    case PC_TY_STRING: elem = &c->t_char; break;
    case PC_TY_ANY:
    case PC_TY_NULL: elem = &c->t_any; in->iter = 2; break;
    case PC_TY_CLASS:
        if (it->cls == c->c_directory) {
            elem = &c->t_string;
            in->iter = 1;
        } else if (it->cls->is_extern && it->cls->kind == PV_K_BINARY) {
            elem = &c->t_int;
        } else if (it->cls == c->c_object) {
            elem = &c->t_any;
            in->iter = 2;
        } else {
            pc_error(c->d, s->u.foreach.iter->loc, "foreach cannot iterate over %s (an array, a string, a "
                                                  "directory or a binary)", pc_ty_str(c, it));
        }
        break;
    default:
        pc_error(c->d, s->u.foreach.iter->loc, "foreach cannot iterate over %s (an array, a string, a directory "
                                              "or a binary)", pc_ty_str(c, it));
        break;
    }
    scope_mark m = scope_open(b);
    pc_ty *vt = elem;
    if (s->u.foreach.type) {
        vt = pc_resolve_type(c, b->ui, s->u.foreach.type);
        if (vt->k != PC_TY_ERROR && elem->k != PC_TY_ERROR) {
            pc_fit f = pc_ty_fit(c, elem, vt);
            if (f == PC_FIT_NO && !(elem->k == PC_TY_CLASS && elem->cls == c->c_object))
                pc_error(c->d, s->u.foreach.type->loc, "the elements are %s, which a variable of type %s cannot hold",
                         pc_ty_str(c, elem), pc_ty_str(c, vt));
            else if (f == PC_FIT_CONV)
                in->coerce = PC_CONV_CODE(vt);
        }
    }
    in->ty = vt;
    in->slot = declare(b, s->u.foreach.name, vt, false, s->loc);
    bool brk;
    loop_body(b, s->u.foreach.body, &brk);
    scope_close(b, m);
    return true;
}

static bool switch_stmt(pc_body *b, pc_stmt *s)
{
    pc_ctx *c = b->c;
    pc_ty *t = pc_sema_expr(b, s->u.switch_.expr);
    if (t->k == PC_TY_VOID) {
        pc_error(c->d, s->u.switch_.expr->loc, "this expression has no value (it calls a void method)");
        t = &c->t_error;
    }
    push_target(b, false);
    bool has_default = false, last = true;
    for (pc_case *arm = s->u.switch_.cases; arm; arm = arm->next) {
        for (pc_expr *l = arm->labels; l; l = l->next) {
            pc_ty *lt = pc_sema_expr(b, l);
            if (lt->k == PC_TY_ERROR || pc_ty_dynamic(t))
                continue;
            bool ok = lt->k == PC_TY_ANY || lt->k == PC_TY_NULL || (pc_ty_numeric(t) && pc_ty_numeric(lt)) ||
                      pc_ty_same(t, lt) || pc_ty_fit(c, lt, t) != PC_FIT_NO || pc_ty_fit(c, t, lt) != PC_FIT_NO;
            if (!ok)
                pc_error(c->d, l->loc, "a case of %s can never match a switch on %s", pc_ty_str(c, lt),
                         pc_ty_str(c, t));
            /* the same literal twice */
            for (pc_case *a2 = s->u.switch_.cases; a2; a2 = a2->next)
                for (pc_expr *l2 = a2->labels; l2; l2 = l2->next) {
                    if (l2 == l)
                        goto done;
                    if (l2->kind == l->kind && pc_is_literal(l) &&
                        ((l->kind == PC_E_STRING && l->u.str.len == l2->u.str.len &&
                          !memcmp(l->u.str.s, l2->u.str.s, l->u.str.len)) ||
                         (l->kind != PC_E_STRING && l->kind != PC_E_FLOAT && l->kind != PC_E_DOUBLE &&
                          l->u.i == l2->u.i))) {
                        pc_error(c->d, l->loc, "this case value appears twice in the switch");
                        pc_note(c->d, l2->loc, "the first is here");
                        goto done;
                    }
                }
        done:;
        }
        if (arm->has_default)
            has_default = true;
        /* Each arm is a scope of its own: an arm entered directly must not
         * see a variable whose declaration (in an earlier arm) did not run. */
        scope_mark m = scope_open(b);
        last = stmt_list(b, arm->body, true);
        scope_close(b, m);
    }
    bool brk = pop_target(b);
    return !has_default || last || brk;
}

static pc_class *caught_class(pc_body *b, const pc_type *t)
{
    pc_ctx *c = b->c;
    pc_ty *ty = pc_resolve_type(c, b->ui, t);
    if (ty->k == PC_TY_ERROR)
        return NULL;
    pc_class *k = ty->k == PC_TY_CLASS ? ty->cls : pc_ty_method_class(c, ty);
    if (!k || ty->k == PC_TY_VOID)
        pc_error(c->d, t->loc, "%s cannot be caught", pc_ty_str(c, ty));
    return k;
}

static bool try_stmt(pc_body *b, pc_stmt *s)
{
    pc_ctx *c = b->c;
    bool r = stmt(b, s->u.try_.body);
    for (pc_catch *k = s->u.try_.catches; k; k = k->next) {
        pc_info *in = pc_info_new(c, k);
        uint32_t n = 0;
        for (pc_type *t = k->types; t; t = t->next)
            n++;
        in->classes = pc_alloc(c, (n ? n : 1) * sizeof *in->classes);
        in->nclasses = n ? n : 1;
        pc_ty *vt = &c->t_any;
        uint32_t i = 0;
        bool bad = false;
        for (pc_type *t = k->types; t; t = t->next) {
            pc_class *kk = caught_class(b, t);
            if (!kk)
                bad = true;
            in->classes[i++] = kk;
        }
        if (n == 1 && in->classes[0])
            vt = in->classes[0]->ty;
        if (bad)
            vt = &c->t_error;
        scope_mark m = scope_open(b);
        in->ty = vt;
        in->slot = declare(b, k->name, vt, false, k->loc);
        if (stmt(b, k->body))
            r = true;
        scope_close(b, m);
    }
    if (s->u.try_.finally && !stmt(b, s->u.try_.finally))
        return false;
    return r;
}

static bool stmt(pc_body *b, pc_stmt *s)
{
    pc_ctx *c = b->c;
    switch (s->kind) {
    case PC_S_EMPTY:
        return true;
    case PC_S_BLOCK: {
        scope_mark m = scope_open(b);
        bool r = stmt_list(b, s->u.block, true);
        scope_close(b, m);
        return r;
    }
    case PC_S_EXPR:
        pc_sema_expr(b, s->u.expr);
        return true;
    case PC_S_VAR:
        return var_stmt(b, s);
    case PC_S_IF: {
        pc_sema_cond(b, s->u.if_.cond);
        scope_mark m = scope_open(b);
        bool t = stmt(b, s->u.if_.then);
        scope_close(b, m);
        if (!s->u.if_.els)
            return true;
        bool e = stmt(b, s->u.if_.els);
        scope_close(b, m);
        return t || e;
    }
    case PC_S_WHILE: {
        pc_sema_cond(b, s->u.while_.cond);
        bool brk;
        loop_body(b, s->u.while_.body, &brk);
        return !pc_const_true(s->u.while_.cond) || brk;
    }
    case PC_S_DO: {
        bool brk;
        loop_body(b, s->u.do_.body, &brk);
        pc_sema_cond(b, s->u.do_.cond);
        if (s->u.do_.step) {
            bool brk2;
            loop_body(b, s->u.do_.step, &brk2);
            brk = brk || brk2;
        }
        return !pc_const_true(s->u.do_.cond) || brk;
    }
    case PC_S_FOR: {
        scope_mark m = scope_open(b);
        for (pc_stmt *i = s->u.for_.init; i; i = i->next)
            stmt(b, i);
        if (s->u.for_.cond)
            pc_sema_cond(b, s->u.for_.cond);
        for (pc_expr *e = s->u.for_.step; e; e = e->next)
            pc_sema_expr(b, e);
        bool brk;
        loop_body(b, s->u.for_.body, &brk);
        scope_close(b, m);
        return (s->u.for_.cond && !pc_const_true(s->u.for_.cond)) || brk;
    }
    case PC_S_FOREACH:
        return foreach_stmt(b, s);
    case PC_S_SWITCH:
        return switch_stmt(b, s);
    case PC_S_BREAK:
        if (!b->ntargets) {
            pc_error(c->d, s->loc, "'break' outside a loop or switch");
            return true; /* no unreachable-code warning after it as well */
        }
        b->targets[b->ntargets - 1 < 255 ? b->ntargets - 1 : 255].brk = true;
        return false;
    case PC_S_CONTINUE: {
        bool in_loop = false;
        for (int i = b->ntargets; i-- > 0 && !in_loop;)
            in_loop = b->targets[i < 255 ? i : 255].is_loop;
        if (!in_loop) {
            pc_error(c->d, s->loc, "'continue' outside a loop");
            return true;
        }
        return false;
    }
    case PC_S_RETURN: {
        pc_ty *ret = b->m ? b->m->ret : &c->t_void;
        if (s->u.expr) {
            if (ret->k == PC_TY_VOID) {
                /* the original's habit: accepted; the value is computed and dropped */
                pc_ty *t = pc_sema_expr(b, s->u.expr);
                if (t->k != PC_TY_ERROR)
                    pc_warning(c->d, s->u.expr->loc, "%s returns nothing (void); the value of this 'return' is "
                               "computed and dropped", b->m && (b->m->flags & PV_MF_CTOR) ? "a constructor" : "this method");
            } else {
                pc_sema_expect(b, s->u.expr, ret, "the return value");
            }
        } else if (ret->k != PC_TY_VOID && ret->k != PC_TY_ERROR) {
            pc_error(c->d, s->loc, "this method returns %s; 'return' needs a value", pc_ty_str(c, ret));
        }
        return false;
    }
    case PC_S_THROW: {
        pc_ty *t = pc_sema_expr(b, s->u.expr);
        if (t->k == PC_TY_VOID)
            pc_error(c->d, s->u.expr->loc, "this expression has no value (it calls a void method); it cannot be thrown");
        else if (s->u.expr->kind == PC_E_NULL)
            pc_error(c->d, s->u.expr->loc, "null cannot be thrown");
        else if (pc_ty_prim(t))
            pc_error(c->d, s->u.expr->loc, "%s cannot be thrown; throw an object (an exception, a string...)",
                     pc_ty_str(c, t));
        return false;
    }
    case PC_S_TRY:
        return try_stmt(b, s);
    case PC_S_SYNC: {
        pc_ty *t = pc_sema_expr(b, s->u.sync.lock);
        if (pc_ty_prim(t) || t->k == PC_TY_VOID || t->k == PC_TY_NULL)
            pc_error(c->d, s->u.sync.lock->loc, "%s cannot be locked; 'synchronized' needs an object",
                     t->k == PC_TY_VOID ? "a void method's result" : pc_ty_str(c, t));
        return stmt(b, s->u.sync.body);
    }
    }
    return true;
}

/* ---- methods and field initialisers ------------------------------------------------------------------ */

static void body_init(pc_body *b, pc_ctx *c, pc_class *k, pc_method *m, bool is_static)
{
    memset(b, 0, sizeof *b);
    b->c = c;
    b->cls = k;
    b->m = m;
    b->ui = k->ui;
    b->is_static = is_static;
    b->next_slot = b->max_slot = is_static ? 0 : 1;
}

/* The call that may be a constructor call: `super.Parent(...)` or `this.Own(...)` first in a constructor. */
static pc_expr *first_call(pc_stmt *body)
{
    pc_stmt *s = body && body->kind == PC_S_BLOCK ? body->u.block : NULL;
    while (s && s->kind == PC_S_EMPTY)
        s = s->next;
    if (!s || s->kind != PC_S_EXPR || s->u.expr->kind != PC_E_CALL)
        return NULL;
    return s->u.expr;
}

static void check_method(pc_ctx *c, pc_class *k, pc_method *m)
{
    pc_body b;
    body_init(&b, c, k, m, (m->flags & PV_MF_STATIC) != 0);
    uint32_t i = 0;
    for (pc_param *p = m->decl->u.method.params; p && i < m->nparams; p = p->next, i++) {
        if (pc_scope_find(&b, p->name))
            continue; /* reported as a duplicate parameter */
        declare(&b, p->name, m->params[i], false, p->loc);
    }
    if (m->flags & PV_MF_CTOR)
        b.ctor_call_ok = first_call(m->decl->u.method.body);
    bool falls = stmt(&b, m->decl->u.method.body);
    if (falls && m->ret->k != PC_TY_VOID && m->ret->k != PC_TY_ERROR) {
        char q[80];
        const char *zero = pc_ty_numeric(m->ret) ? "0" : m->ret->k == PC_TY_BOOL ? "false" : "null";
        pc_warning(c->d, m->decl->loc, "method '%s' can reach its end without returning a value; it then returns %s",
                   Q(q, m->name), zero);
    }
    if (m->flags & PV_MF_CTOR) {
        /* remembered for code generation: whether the body begins by calling a constructor */
        pc_info *in = pc_info_new(c, m->decl);
        in->ordinal = b.ctor_called;
        in->cexpr = b.ctor_called ? b.ctor_call_ok : NULL;
        /* a parent without a no-argument constructor must be called explicitly */
        pc_class *s = k->super;
        if (!b.ctor_called && !b.ctor_misplaced && s && s->has_ctor) {
            bool has0 = false;
            for (pc_method *pm = s->methods; pm; pm = pm->next)
                if ((pm->flags & PV_MF_CTOR) && pm->owner == s && pm->nparams == 0)
                    has0 = true;
            if (!has0)
                pc_error(c->d, m->decl->loc, "the parent class '%s' has no constructor without arguments; call one "
                                            "first with super.%s(...)", s->name, s->simple);
        }
    }
    m->nlocals = (uint16_t)b.max_slot;
}

/* An implicit constructor needs the parent's no-argument constructor too. */
static void check_implicit_ctor(pc_ctx *c, pc_class *k)
{
    pc_class *s = k->super;
    if (!s || !s->has_ctor)
        return;
    for (pc_method *pm = s->methods; pm; pm = pm->next)
        if ((pm->flags & PV_MF_CTOR) && pm->owner == s && pm->nparams == 0)
            return;
    pc_error(c->d, k->decl->u.cls.name->loc, "class '%s' needs a constructor: its parent '%s' has none without "
                                            "arguments (call one with super.%s(...))", k->name, s->name, s->simple);
}

static void check_fields(pc_ctx *c, pc_class *k)
{
    for (pc_field *f = k->fields; f; f = f->next) {
        pc_expr *init = f->decl ? f->decl->u.field.init : NULL;
        if (!init)
            continue;
        pc_body b;
        body_init(&b, c, k, NULL, f->is_static);
        char what[120], q[80];
        snprintf(what, sizeof what, "the initialiser of field '%s'", Q(q, f->name));
        pc_ty *t = pc_sema_expr(&b, init);
        if (f->ty->k != PC_TY_ERROR && t->k != PC_TY_ERROR)
            pc_sema_fit(&b, init, t, f->ty, what);
        if (b.max_slot > (f->is_static ? 0u : 1u))
            pc_error(c->d, init->loc, "a field initialiser cannot declare variables");
    }
}

void pc_sema_bodies(pc_ctx *c)
{
    /* constants whose value is a literal are replaced by it wherever they are named */
    for (uint32_t i = 0; i < c->nprog; i++)
        for (pc_field *f = c->prog[i]->fields; f; f = f->next) {
            pc_expr *init = f->decl ? f->decl->u.field.init : NULL;
            pc_ty *lt = init && f->is_const ? pc_literal_type(c, init) : NULL;
            if (lt && pc_ty_fit(c, lt, f->ty) != PC_FIT_NO)
                f->const_val = init;
        }
    for (uint32_t i = 0; i < c->nprog; i++) {
        pc_diag hold, *real = pc_lib_hold(c, c->prog[i], &hold);
        check_fields(c, c->prog[i]);
        pc_lib_release(c, c->prog[i], real);
    }
    for (uint32_t i = 0; i < c->nprog; i++) {
        pc_class *k = c->prog[i];
        pc_diag hold, *real = pc_lib_hold(c, k, &hold);
        for (pc_method *m = k->methods; m; m = m->next) {
            if (m->decl && m->decl->u.method.body)
                check_method(c, k, m);
            else
                m->nlocals = (uint16_t)(m->nparams + !(m->flags & PV_MF_STATIC));
            if (m->kind == PC_MK_IMPLICIT_CTOR)
                check_implicit_ctor(c, k);
        }
        pc_lib_release(c, k, real);
    }
}
