/*
 * pc_lookup.c - finding members: fields by name (through superclasses and
 * interfaces), the one class that has a field of some name (for fields of
 * untyped objects), and methods by overload resolution.
 *
 * Overloads.  The candidates are the methods of the class, its ancestors
 * and its interfaces with the name and argument count asked for (an
 * override hides what it overrides).  Each argument costs 0 when its type
 * is the parameter's, a little more for a numeric widening or a subclass,
 * more for an untyped parameter, and most for an untyped argument (which
 * fits any parameter).  The cheapest candidate wins; a tie is ambiguous
 * and, when untyped arguments caused it, the call is left to the VM
 * (invokename: by name and argument count at run time).
 */
#include <stdio.h>
#include <string.h>

#include "pc_internal.h"

typedef struct visited {
    const pc_class *k[256];
    uint32_t n;
} visited;

/* True the first time k is seen (and while there is room to remember it). */
static bool first_visit(visited *v, const pc_class *k)
{
    for (uint32_t i = 0; i < v->n; i++)
        if (v->k[i] == k)
            return false;
    if (v->n == 256)
        return false;
    v->k[v->n++] = k;
    return true;
}

static pc_field *field_in(pc_class *k, const char *name, visited *v)
{
    if (!k || !first_visit(v, k))
        return NULL;
    for (pc_class *s = k; s; s = s->super) {
        for (pc_field *f = s->fields; f; f = f->next)
            if (!strcmp(f->name, name))
                return f;
    }
    for (pc_class *s = k; s; s = s->super)
        for (uint32_t i = 0; i < s->nifaces; i++) {
            pc_field *f = field_in(s->ifaces[i], name, v);
            if (f)
                return f;
        }
    return NULL;
}

pc_field *pc_find_field(pc_class *k, const char *name)
{
    visited v = {.n = 0};
    return field_in(k, name, &v);
}

pc_field *pc_find_field_anywhere(pc_ctx *c, const char *name, bool *ambiguous)
{
    pc_field *found = NULL;
    *ambiguous = false;
    for (uint32_t b = 0; b < c->nbuckets; b++)
        for (pc_class *k = c->buckets[b]; k; k = k->hash_next)
            for (pc_field *f = k->fields; f; f = f->next) {
                if (f->is_static || strcmp(f->name, name))
                    continue;
                if (found && found != f) {
                    /* the same slot seen from two classes is one field */
                    *ambiguous = true;
                    return found;
                }
                found = f;
            }
    return found;
}

bool pc_has_method_named(pc_class *k, const char *name)
{
    for (pc_class *s = k; s; s = s->super)
        for (pc_method *m = s->methods; m; m = m->next)
            if (!(m->flags & PV_MF_CTOR) && !strcmp(m->name, name))
                return true;
    return false;
}

/* ---- overloads ----------------------------------------------------------------------------- */

typedef struct cands {
    pc_method **m;
    uint32_t n, cap;
    pc_ctx *c;
    visited seen;      /* interfaces already collected */
} cands;

static void push(cands *cs, pc_method *m)
{
    for (uint32_t i = 0; i < cs->n; i++) {
        pc_method *o = cs->m[i];
        if (o == m)
            return;
        /* hidden by an override already collected (nearer classes come first) */
        if (pc_same_params(o, m) && !(o->flags & PV_MF_STATIC) == !(m->flags & PV_MF_STATIC))
            return;
        if (o->ordinal != PV_NO_ORDINAL && o->ordinal == m->ordinal && pc_class_is_sub(o->owner, m->owner))
            return;
    }
    if (cs->n == cs->cap) {
        uint32_t cap = cs->cap ? cs->cap * 2 : 8;
        pc_method **n = pc_alloc(cs->c, cap * sizeof *n);
        if (cs->n)
            memcpy(n, cs->m, cs->n * sizeof *n);
        cs->m = n;
        cs->cap = cap;
    }
    cs->m[cs->n++] = m;
}

static void collect(cands *cs, pc_class *k, const char *name, bool ctors, int depth)
{
    if (!k || depth > 200 || (k->is_interface && !first_visit(&cs->seen, k)))
        return;
    if (ctors) {
        for (pc_method *m = k->methods; m; m = m->next)
            if ((m->flags & PV_MF_CTOR) && m->owner == k)
                push(cs, m);
        return;
    }
    for (pc_class *s = k; s; s = s->super)
        for (pc_method *m = s->methods; m; m = m->next)
            if (!(m->flags & PV_MF_CTOR) && !strcmp(m->name, name))
                push(cs, m);
    for (pc_class *s = k; s; s = s->super)
        for (uint32_t i = 0; i < s->nifaces; i++)
            collect(cs, s->ifaces[i], name, false, depth + 1);
    if (k->is_interface && depth == 0 && cs->c->c_object) /* an interface's values are objects too */
        collect(cs, cs->c->c_object, name, false, depth + 1);
}

pc_pick pc_pick_method(pc_ctx *c, pc_class *k, const char *name, pc_ty **args, uint32_t nargs, bool ctors,
                       bool statics_only, pc_method **out, bool *dynamic)
{
    cands cs = {.c = c};
    collect(&cs, k, name, ctors, 0);
    *out = NULL;
    *dynamic = false;
    if (!cs.n)
        return PC_PICK_NONE;
    int best = -1;
    uint32_t nbest = 0;
    bool any_arity = false, any_arg = false;
    for (uint32_t i = 0; i < nargs; i++)
        if (args[i]->k == PC_TY_ANY)
            any_arg = true;
    pc_method *first = NULL;
    for (uint32_t i = 0; i < cs.n; i++) {
        pc_method *m = cs.m[i];
        if (m->nparams != nargs)
            continue;
        if (statics_only && !(m->flags & PV_MF_STATIC))
            continue;
        any_arity = true;
        if (!first)
            first = m;
        int cost = 0;
        for (uint32_t a = 0; a < nargs && cost >= 0; a++) {
            int k1 = pc_ty_cost(c, args[a], m->params[a]);
            cost = k1 < 0 ? -1 : cost + k1;
        }
        if (cost < 0)
            continue;
        if (best < 0 || cost < best) {
            best = cost;
            nbest = 1;
            *out = m;
        } else if (cost == best) {
            nbest++;
        }
    }
    if (!any_arity) {
        if (statics_only) { /* the name exists with this count, but not static: let the caller say so */
            for (uint32_t i = 0; i < cs.n; i++)
                if (cs.m[i]->nparams == nargs) {
                    *out = cs.m[i];
                    return PC_PICK_OK;
                }
        }
        return PC_PICK_ARITY;
    }
    if (best < 0) {
        *out = first;
        return PC_PICK_MISMATCH;
    }
    if (nbest > 1) {
        *dynamic = any_arg;
        return PC_PICK_AMBIGUOUS;
    }
    return PC_PICK_OK;
}

const char *pc_arities(pc_ctx *c, pc_class *k, const char *name, bool ctors)
{
    cands cs = {.c = c};
    collect(&cs, k, name, ctors, 0);
    bool seen[PV_CF_MAX_ARGS + 1] = {0};
    for (uint32_t i = 0; i < cs.n; i++)
        if (cs.m[i]->nparams <= PV_CF_MAX_ARGS)
            seen[cs.m[i]->nparams] = true;
    uint32_t list[8], n = 0;
    for (uint32_t a = 0; a <= PV_CF_MAX_ARGS && n < 8; a++)
        if (seen[a])
            list[n++] = a;
    pc_sb b = {0};
    for (uint32_t i = 0; i < n; i++) {
        char num[16];
        snprintf(num, sizeof num, "%u", list[i]);
        if (i)
            pc_sb_add(&b, i + 1 == n ? " or " : ", ");
        pc_sb_add(&b, num);
    }
    char *s = pc_strdup(c, b.p ? b.p : "no");
    pc_sb_free(&b);
    return s;
}
