/*
 * pc_gen_class.c - one class file per program class: the class's names,
 * flags, interfaces and fields; every method, with constructors (the
 * parent's constructor, then the field initialisers, then the body), the
 * implicit constructor of a class that declares none, the construct shims
 * behind `new *(c)(...)`, and the static initialiser `<clinit>` (static
 * field initialisers, in order), which the VM runs before the program
 * starts.
 *
 * Each method is checked by the verifier as soon as the class is complete.
 * A refusal about the kind of a value ("sub on a string") is the program's
 * fault, where an untyped variable always holds a value the operation
 * cannot take: it is reported at the expression.  Any other refusal is a
 * compiler bug, reported as an internal error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pc_gen.h"

static const char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static bool primitive_default(const pc_field *f)
{
    return pc_ty_prim(f->ty);
}

static bool needs_clinit(const pc_class *k)
{
    for (pc_field *f = k->fields; f; f = f->next)
        if (f->is_static && ((f->decl && f->decl->u.field.init) || primitive_default(f)))
            return true;
    return false;
}

/*
 * Field initialisers (static ones for <clinit>, instance ones for
 * constructors).  zeros: every field of a primitive type gets its type's
 * zero; else the fields with an initialiser get its value.  The zeros
 * come first (in a constructor, before the parent's constructor runs), so
 * that a field is never seen unset, and a value given meanwhile to a field
 * without initialiser (by a method the parent's constructor calls, by
 * another static initialiser) is kept, as in Java.
 */
static void gen_field_inits(pc_gen *g, bool statics, bool zeros)
{
    pc_emit *em = &g->em;
    for (pc_field *f = g->k->fields; f; f = f->next) {
        if (f->is_static != statics)
            continue;
        pc_expr *init = f->decl ? f->decl->u.field.init : NULL;
        if (zeros ? !primitive_default(f) : !init)
            continue;
        if (f->decl)
            em_at(em, f->decl->loc);
        if (!statics)
            em_local(em, PV_OP_LOAD, 0);
        if (!zeros)
            gen_expr(g, init, true);
        else
            gen_zero(g, f->ty);
        if (f->decl)
            em_at(em, f->decl->loc);
        em_k(em, statics ? PV_OP_PUTSTATIC : PV_OP_PUTFIELD, gen_field_ref(g, f));
    }
}

static pc_method *parent_ctor0(pc_class *k)
{
    pc_class *s = k->super;
    if (!s)
        return NULL;
    for (pc_method *m = s->methods; m; m = m->next)
        if ((m->flags & PV_MF_CTOR) && m->owner == s && m->nparams == 0)
            return m;
    return NULL;
}

/* The start of every constructor: the zeros of its primitive fields, the
 * parent's constructor unless the body calls one itself, then the field
 * initialisers (all but the parent's constructor left to another
 * constructor of this class when it delegates to one).  Returns the
 * statement of the body's explicit constructor call, if any. */
static pc_stmt *gen_ctor_prologue(pc_gen *g, pc_method *m)
{
    pc_emit *em = &g->em;
    pc_info *in = m->decl ? pc_info_get(g->c, m->decl) : NULL;
    pc_stmt *first = NULL;
    if (!(in && in->ordinal == 2))
        gen_field_inits(g, false, true);
    if (in && in->ordinal && in->cexpr) {
        for (pc_stmt *s = m->decl->u.method.body->u.block; s; s = s->next)
            if (s->kind == PC_S_EXPR && s->u.expr == in->cexpr) {
                first = s;
                break;
            }
        if (!first)
            em->bad = true;
        else
            gen_stmt(g, first);
        if (in->ordinal == 2)
            return first; /* this.Own(...) ran the initialisers */
    } else {
        pc_method *pc = parent_ctor0(g->k);
        if (pc) {
            em_local(em, PV_OP_LOAD, 0);
            em_invoke(em, PV_OP_INVOKESPECIAL, gen_method_ref(g, pc), 0);
            em_op(em, PV_OP_POP);
        }
    }
    gen_field_inits(g, false, false);
    return first;
}

static void gen_default_return(pc_gen *g, const pc_method *m)
{
    pc_emit *em = &g->em;
    if (!em->reachable)
        return;
    if (m->ret->k == PC_TY_VOID || (m->flags & PV_MF_CTOR)) {
        em_op(em, PV_OP_RETVOID);
        return;
    }
    gen_zero(g, m->ret);
    em_op(em, PV_OP_RETURN);
}

typedef struct method_out {
    pc_eloc *locs;
    uint32_t nlocs;
    pc_loc at;
} method_out;

/* Generates m into out; -1 (reported) when it cannot be. */
static int gen_method(pc_gen *g, pc_method *m, pv_cf_method *out, method_out *mo)
{
    pc_ctx *c = g->c;
    pv_cf *cf = g->cf;
    const char *name = m->kind == PC_MK_CLINIT ? "<clinit>" : m->name;
    out->name = pv_cf_utf8(cf, name, (uint32_t)strlen(name));
    out->desc = pv_cf_utf8(cf, m->desc, (uint32_t)strlen(m->desc));
    out->flags = m->flags & (PV_MF_STATIC | PV_MF_ABSTRACT | PV_MF_CTOR | PV_MF_SYNCHRONIZED);
    out->ordinal = m->ordinal;
    out->nargs = (uint16_t)m->nparams;
    uint32_t base = m->nparams + !(m->flags & PV_MF_STATIC);
    if (m->nlocals > base)
        base = m->nlocals;
    out->nlocals = (uint16_t)base;
    pc_loc at = m->decl ? m->decl->loc : g->k->decl->u.cls.name->loc;
    mo->at = at;
    if (m->flags & PV_MF_ABSTRACT)
        return 0;
    g->m = m;
    g->ntargets = g->ntries = 0;
    g->work = 0;
    em_init(&g->em, c, cf, base);
    pc_emit *em = &g->em;
    em_at(em, at);
    switch (m->kind) {
    case PC_MK_CLINIT:
        gen_field_inits(g, true, true);
        gen_field_inits(g, true, false);
        break;
    case PC_MK_IMPLICIT_CTOR:
        gen_ctor_prologue(g, m);
        break;
    case PC_MK_SHIM:
        em_local(em, PV_OP_LOAD, 0);
        for (uint32_t i = 0; i < m->nparams; i++)
            em_local(em, PV_OP_LOAD, i + 1);
        em_invoke(em, PV_OP_INVOKESPECIAL, gen_method_ref(g, m->target), m->nparams);
        em_op(em, PV_OP_POP);
        break;
    case PC_MK_CTOR: {
        pc_stmt *skip = gen_ctor_prologue(g, m);
        for (pc_stmt *s = m->decl->u.method.body->u.block; s && em->reachable; s = s->next)
            if (s != skip)
                gen_stmt(g, s);
        break;
    }
    default:
        gen_stmt(g, m->decl->u.method.body);
        break;
    }
    gen_default_return(g, m);
    int rc = 0;
    if (em->too_big) {
        pc_error(c->d, at, "method '%s' is too large to compile (its code, with the copies of its finally "
                           "blocks, exceeds the class file's limits)", name);
        rc = -1;
    } else if (em_finish(em, out) < 0) {
        pc_error(c->d, at, "internal compiler error: inconsistent code generated for method '%s' of class '%s'",
                 name, g->k->name);
        c->internal_error = true;
        rc = -1;
    } else {
        out->nlocals = (uint16_t)em->max_locals;
        mo->locs = em->locs;
        mo->nlocs = em->nlocs;
        em->locs = NULL;
    }
    em_free(em);
    return rc;
}

/* Whether a verifier message is about the kind of a value (the program's fault). */
static bool kind_complaint(const char *msg)
{
    static const char *const kinds[] = {"any value", "null", "an object", "an int", "a bool", "a long",
                                        "a float", "a double", "a char", "a string"};
    if (strstr(msg, "compares a string with a number"))
        return true;
    const char *on = strstr(msg, " on ");
    if (!on || strstr(msg, "another path"))
        return false;
    size_t n = strlen(msg);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t k = strlen(kinds[i]);
        if (n >= k && !strcmp(msg + n - k, kinds[i]))
            return true;
    }
    return false;
}

/* The operation an instruction performs, as the program wrote it. */
static const char *operation(const char *mn)
{
    static const char *const names[][2] = {
        {"add", "'+'"}, {"sub", "'-'"}, {"mul", "'*'"}, {"div", "'/'"}, {"rem", "'%'"}, {"neg", "unary '-'"},
        {"band", "'&'"}, {"bor", "'|'"}, {"bxor", "'^'"}, {"bnot", "'~'"}, {"shl", "'<<'"}, {"shr", "'>>'"},
        {"ushr", "'>>>'"}, {"lt", "'<'"}, {"le", "'<='"}, {"gt", "'>'"}, {"ge", "'>='"}, {"jlt", "a comparison"},
        {"jge", "a comparison"}, {"inclocal", "'++', '--' or '+='"}, {"getfield", "reading a field"},
        {"putfield", "setting a field"}, {"aload", "indexing"}, {"astore", "storing an element"},
        {"alen", "'length'"}, {"throw", "'throw'"}, {"monitorenter", "'synchronized'"},
        {"monitorexit", "'synchronized'"}, {"conv", "a cast"}, {"concat", "string concatenation"},
        {"newdyn", "'new *(...)'"}, {"newarray", "an array size"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(names[i][0], mn))
            return names[i][1];
    return NULL;
}

/* A verifier complaint about kinds in the program's terms:
 * "sub on a string" -> "'-' cannot work on a string". */
static void explain(char *out, size_t cap, const char *why)
{
    char mn[32];
    size_t n = strcspn(why, " ");
    snprintf(mn, sizeof mn, "%.*s", (int)(n < sizeof mn ? n : sizeof mn - 1), why);
    const char *op = operation(mn);
    if (!op) {
        snprintf(out, cap, "%s", why);
        return;
    }
    const char *rest = why + n;
    if (!strncmp(rest, " on a local holding ", 20))
        snprintf(out, cap, "%s cannot work on a variable holding %s", op, rest + 20);
    else if (!strncmp(rest, " on ", 4))
        snprintf(out, cap, "%s cannot work on %s", op, rest + 4);
    else if (!strcmp(rest, " compares a string with a number"))
        snprintf(out, cap, "%s cannot compare a string with a number", op);
    else
        snprintf(out, cap, "%s", why);
}

/* The reason part of a verifier message ("class C, method M, offset N: reason"). */
static const char *reason_of(const char *msg)
{
    const char *r = strstr(msg, "offset ");
    r = r ? strchr(r, ':') : NULL;
    return r ? r + 2 : msg;
}

static int verify_methods(pc_gen *g, method_out *mos)
{
    pc_ctx *c = g->c;
    int rc = 0;
    for (uint32_t i = 0; i < g->cf->nmethods; i++) {
        if (g->cf->methods[i].flags & PV_MF_ABSTRACT)
            continue;
        pv_cf_error err;
        uint32_t bad_pc = 0;
        if (pv_cf_verify_method(g->cf, i, NULL, &bad_pc, &err) == 0)
            continue;
        const char *why = reason_of(err.msg);
        if (kind_complaint(why)) {
            pc_emit tmp = {.locs = mos[i].locs, .nlocs = mos[i].nlocs};
            pc_loc at = em_loc_of(&tmp, bad_pc);
            char text[400];
            explain(text, sizeof text, why);
            pc_error(c->d, at.src ? at : mos[i].at, "%s (the value here is always of that kind, even if untyped)",
                     text);
        } else {
            pc_error(c->d, mos[i].at, "internal compiler error: %s", err.msg);
            c->internal_error = true;
        }
        rc = -1;
    }
    return rc;
}

pv_cf *pc_gen_class(pc_ctx *c, pc_class *k)
{
    pv_cf *cf = calloc(1, sizeof *cf);
    if (!cf)
        pc_arena_out_of_memory(&c->arena);
    pc_gen *g = calloc(1, sizeof *g);
    if (!g)
        pc_arena_out_of_memory(&c->arena);
    g->c = c;
    g->k = k;
    g->cf = cf;
    cf->this_class = pv_cf_class(cf, k->name);
    cf->super_class = pv_cf_class(cf, k->super ? k->super->name : ".internal.object");
    const char *src = k->ui && k->ui->unit->src.name ? basename_of(k->ui->unit->src.name) : NULL;
    if (src && *src && strlen(src) < 4096 && pc_utf8_ok(src, strlen(src), false))
        cf->source = pv_cf_utf8(cf, src, (uint32_t)strlen(src));
    cf->flags = (k->is_interface ? PV_CF_INTERFACE : 0) | (k->is_abstract ? PV_CF_ABSTRACT : 0);
    cf->ninterfaces = k->nifaces;
    cf->interfaces = calloc(k->nifaces ? k->nifaces : 1, sizeof *cf->interfaces);
    for (uint32_t i = 0; i < k->nifaces; i++)
        cf->interfaces[i] = pv_cf_class(cf, k->ifaces[i]->name);
    uint32_t nf = 0, nm = 0;
    for (pc_field *f = k->fields; f; f = f->next)
        nf++;
    for (pc_method *m = k->methods; m; m = m->next)
        nm++;
    pc_method clinit = {0};
    if (needs_clinit(k)) {
        clinit = (pc_method){.name = "<clinit>", .owner = k, .ret = &c->t_void, .flags = PV_MF_STATIC,
                             .ordinal = PV_NO_ORDINAL, .desc = "()void", .kind = PC_MK_CLINIT, .explicit_ord = -1};
        nm++;
    }
    cf->nfields = nf;
    cf->fields = calloc(nf ? nf : 1, sizeof *cf->fields);
    uint32_t i = 0;
    for (pc_field *f = k->fields; f; f = f->next, i++) {
        cf->fields[i].name = pv_cf_utf8(cf, f->name, (uint32_t)strlen(f->name));
        cf->fields[i].flags = f->is_static ? PV_MF_STATIC : 0;
        const char *t = pc_ty_dynamic(f->ty) ? NULL : pc_ty_desc(c, f->ty);
        cf->fields[i].type = t ? pv_cf_utf8(cf, t, (uint32_t)strlen(t)) : 0;
    }
    cf->nmethods = nm;
    cf->methods = calloc(nm ? nm : 1, sizeof *cf->methods);
    method_out *mos = calloc(nm ? nm : 1, sizeof *mos);
    if (!cf->interfaces || !cf->fields || !cf->methods || !mos)
        pc_arena_out_of_memory(&c->arena);
    int rc = 0;
    i = 0;
    for (pc_method *m = k->methods; m; m = m->next, i++)
        if (gen_method(g, m, &cf->methods[i], &mos[i]) < 0)
            rc = -1;
    if (clinit.kind == PC_MK_CLINIT && gen_method(g, &clinit, &cf->methods[i], &mos[i]) < 0)
        rc = -1;
    if (rc == 0 && cf->nconsts >= PV_CF_MAX_CONSTS - 1) {
        pc_error(c->d, k->decl->u.cls.name->loc, "class '%s' is too large (more than %u constants)", k->name,
                 PV_CF_MAX_CONSTS);
        rc = -1;
    }
    if (rc == 0)
        rc = verify_methods(g, mos);
    for (uint32_t j = 0; j < nm; j++)
        free(mos[j].locs);
    free(mos);
    free(g);
    if (rc == 0 && pv_cf_canonicalize(cf) < 0) {
        pc_error(c->d, k->decl->u.cls.name->loc, "internal compiler error: class '%s' has a broken constant pool",
                 k->name);
        c->internal_error = true;
        rc = -1;
    }
    if (rc < 0) {
        pv_cf_free(cf);
        free(cf);
        return NULL;
    }
    return cf;
}
