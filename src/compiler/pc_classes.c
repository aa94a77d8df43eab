/*
 * pc_classes.c - the classes of the program: declaring them (full names
 * from the package), resolving what they extend and implement (cycles are
 * errors), their fields and methods (types, descriptors, constructors,
 * duplicates), the implicit constructor and the construct shims, and the
 * vtable ordinal of every virtual method.
 *
 * Ordinals.  The compiler writes an explicit ordinal for every virtual
 * method of a program class, computed as the VM's loader would (the first
 * free slot from 8, skipping 14 and 15, unless the method overrides one)
 * but with the override decided by name *and parameter types*: the VM
 * alone matches by name and argument count, which would make f(int) of a
 * subclass override f(string) when the parent declares both.  A method
 * overrides an inherited one with the same name, argument count and
 * parameter types (an untyped parameter matches any type), so toString()
 * takes slot 5, equals(o) 4 and hashCode() 15, as `tostring` and `eq`
 * expect.  An explicit [N] always wins.
 */
#include <string.h>

#include "pc_internal.h"

/* ---- declaring ------------------------------------------------------------------------- */

static pc_class *new_prog_class(pc_ctx *c, const char *full, pc_decl *d, pc_unitinfo *ui)
{
    pc_class *k = pc_alloc(c, sizeof *k);
    k->name = full;
    const char *dot = strrchr(full, '.');
    k->simple = dot ? dot + 1 : full;
    k->decl = d;
    k->ui = ui;
    k->is_interface = d->u.cls.interface;
    k->fields_tail = &k->fields;
    k->methods_tail = &k->methods;
    k->cty.k = PC_TY_CLASS;
    k->cty.cls = k;
    k->ty = &k->cty;
    k->kind = PV_K_INSTANCE;
    return k;
}

static void declare_unit(pc_ctx *c, pc_unitinfo *ui)
{
    for (pc_decl *d = ui->unit->decls; d; d = d->next) {
        if (d->kind != PC_D_CLASS)
            continue;
        const pc_name *n = d->u.cls.name;
        char *full = n->absolute ? pc_name_join(c, n, n->count)
                                 : pc_fmt(c, "%s%s", ui->package, pc_name_join(c, n, n->count));
        char q[80];
        pc_class *old = pc_class_find(c, full);
        if (old && !old->is_extern && ui->lib)
            continue; /* the program's own class replaces the library's */
        if (pc_internal_decl(c, d, full))
            continue; /* a declaration of an internal class: checked against it */
        if (old && old->is_extern) {
            pc_error(c->d, n->loc, "'%s' is an internal class; it cannot be redefined",
                     pc_diag_quote(q, sizeof q, full, strlen(full)));
            continue;
        }
        if (old) {
            pc_error(c->d, n->loc, "class '%s' is declared twice",
                     pc_diag_quote(q, sizeof q, full, strlen(full)));
            pc_note(c->d, old->decl->u.cls.name->loc, "the first declaration is here");
            continue;
        }
        if (strlen(full) > 1000) {
            pc_error(c->d, n->loc, "'%s' cannot be a class name (it is longer than 1000 bytes)",
                     pc_diag_quote(q, sizeof q, full, strlen(full)));
            continue;
        }
        bool bad = false;
        for (uint32_t i = 0; i < n->count; i++)
            if (!pv_cf_name_ok(n->part[i]))
                bad = true;
        if (bad) {
            pc_error(c->d, n->loc, "'%s' cannot be a class name (a component holds a space, a control "
                                   "character or one of ().,[]*:;#\"/)", pc_diag_quote(q, sizeof q, full, strlen(full)));
            continue;
        }
        pc_class *k = new_prog_class(c, full, d, ui);
        pc_class_add(c, k);
        if (c->nprog == c->capprog) {
            uint32_t cap = c->capprog ? c->capprog * 2 : 16;
            pc_class **p = pc_alloc(c, cap * sizeof *p);
            if (c->nprog)
                memcpy(p, c->prog, c->nprog * sizeof *p);
            c->prog = p;
            c->capprog = cap;
        }
        k->index = (int)c->nprog;
        c->prog[c->nprog++] = k;
    }
}

/*
 * The program's units first, then the library's (pc_compiler_add_library_
 * source): a library class named like a program class is left out, so a
 * program may bring its own .phantom.util.map.
 */
void pc_classes_declare(pc_ctx *c)
{
    for (uint32_t u = 0; u < c->nunits; u++)
        if (!c->units[u]->lib)
            declare_unit(c, c->units[u]);
    for (uint32_t u = 0; u < c->nunits; u++)
        if (c->units[u]->lib)
            declare_unit(c, c->units[u]);
}

/* ---- the hierarchy ---------------------------------------------------------------------- */

static void resolve_hier(pc_ctx *c, pc_class *k);

/* The class or interface a type in an extends/implements list names, or NULL (reported). */
static pc_class *hier_type(pc_ctx *c, pc_class *k, const pc_type *t, bool want_iface)
{
    pc_ty *ty = pc_resolve_type(c, k->ui, t);
    if (ty->k == PC_TY_ERROR)
        return NULL;
    pc_class *s = ty->k == PC_TY_CLASS ? ty->cls : pc_ty_method_class(c, ty);
    char q[80];
    const char *tn = pc_ty_str(c, ty);
    if (!s || (ty->k != PC_TY_CLASS && ty->k != PC_TY_STRING)) {
        pc_error(c->d, t->loc, "'%s' is not a class", pc_diag_quote(q, sizeof q, tn, strlen(tn)));
        return NULL;
    }
    resolve_hier(c, s);
    if (s->hier == 1) {
        pc_error(c->d, t->loc, "class '%s' inherits from itself", pc_diag_quote(q, sizeof q, k->name, strlen(k->name)));
        return NULL;
    }
    if (want_iface && !s->is_interface) {
        pc_error(c->d, t->loc, "'%s' is a class, not an interface%s", pc_diag_quote(q, sizeof q, s->name, strlen(s->name)),
                 k->is_interface ? "" : " (a class extends it)");
        return NULL;
    }
    if (!want_iface && s->is_interface) {
        pc_error(c->d, t->loc, "'%s' is an interface; a class implements it ('implements')",
                 pc_diag_quote(q, sizeof q, s->name, strlen(s->name)));
        return NULL;
    }
    if (!want_iface && (s->is_final || (s->is_extern && s->kind != PV_K_INSTANCE))) {
        pc_error(c->d, t->loc, "class '%s' cannot be extended", pc_diag_quote(q, sizeof q, s->name, strlen(s->name)));
        return NULL;
    }
    return s;
}

static void add_iface(pc_ctx *c, pc_class *k, pc_class *i)
{
    pc_class **n = pc_alloc(c, (k->nifaces + 1) * sizeof *n);
    if (k->nifaces)
        memcpy(n, k->ifaces, k->nifaces * sizeof *n);
    n[k->nifaces++] = i;
    k->ifaces = n;
}

static void resolve_hier(pc_ctx *c, pc_class *k)
{
    if (k->hier)
        return;
    k->hier = 1;
    k->super = c->c_object;
    const pc_decl *d = k->decl;
    if (k->is_interface) {
        for (const pc_type *t = d->u.cls.extends; t; t = t->next) {
            pc_class *s = hier_type(c, k, t, true);
            if (s)
                add_iface(c, k, s);
        }
    } else {
        const pc_type *e = d->u.cls.extends;
        if (e) {
            pc_class *s = hier_type(c, k, e, false);
            if (s)
                k->super = s;
        }
        for (const pc_type *t = d->u.cls.implements; t; t = t->next) {
            pc_class *s = hier_type(c, k, t, true);
            if (s)
                add_iface(c, k, s);
        }
    }
    k->hier = 2;
}

/* ---- members ------------------------------------------------------------------------------ */

const char *pc_make_desc(pc_ctx *c, pc_ty **params, uint32_t n, pc_ty *ret)
{
    pc_sb b = {0};
    pc_sb_add(&b, "(");
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            pc_sb_add(&b, ",");
        pc_sb_add(&b, pc_ty_desc(c, params[i]));
    }
    pc_sb_add(&b, ")");
    pc_sb_add(&b, pc_ty_desc(c, ret));
    char *s = pc_strdup(c, b.p);
    pc_sb_free(&b);
    return s;
}

/* The type of a field declared without one, from a literal initialiser. */
static pc_ty *infer_field(pc_ctx *c, pc_class *k, const pc_expr *e)
{
    if (!e)
        return &c->t_any;
    pc_ty *lit = pc_literal_type(c, e);
    if (lit)
        return lit;
    switch (e->kind) {
    case PC_E_IMPORT: return &c->t_string;
    case PC_E_NEW:
        if (e->u.create.class_expr)
            return e->u.create.type ? pc_resolve_type(c, k->ui, e->u.create.type) : &c->t_any;
        return pc_resolve_type(c, k->ui, e->u.create.type);
    case PC_E_NEW_ARRAY: {
        pc_ty *t = pc_resolve_type(c, k->ui, e->u.create.type);
        return t->k == PC_TY_VOID ? pc_ty_array(c, &c->t_any) : pc_ty_array(c, t);
    }
    default: return &c->t_any;
    }
}

static void add_field(pc_ctx *c, pc_class *k, pc_decl *d)
{
    char q[80];
    const char *name = d->u.field.name;
    for (pc_field *f = k->fields; f; f = f->next)
        if (!strcmp(f->name, name)) {
            pc_error(c->d, d->loc, "field '%s' is declared twice in class '%s'",
                     pc_diag_quote(q, sizeof q, name, strlen(name)), k->name);
            if (f->decl)
                pc_note(c->d, f->decl->loc, "the first declaration is here");
            return;
        }
    if (!pv_cf_name_ok(name)) {
        pc_error(c->d, d->loc, "'%s' cannot be a field name", pc_diag_quote(q, sizeof q, name, strlen(name)));
        return;
    }
    pc_field *f = pc_alloc(c, sizeof *f);
    f->name = name;
    f->owner = k;
    f->decl = d;
    f->is_const = (d->mods & PC_MOD_CONST) != 0;
    f->is_static = f->is_const || (d->mods & PC_MOD_STATIC);
    f->ty = d->u.field.type ? pc_resolve_type(c, k->ui, d->u.field.type) : infer_field(c, k, d->u.field.init);
    if (f->ty->k == PC_TY_VOID) {
        pc_error(c->d, d->u.field.type->loc, "a field cannot be void");
        f->ty = &c->t_error;
    }
    if (k->is_interface && !f->is_static) {
        pc_error(c->d, d->loc, "an interface can only have static fields and constants");
        f->is_static = true;
    }
    *k->fields_tail = f;
    k->fields_tail = &f->next;
}

static pc_method *new_method(pc_ctx *c, pc_class *k, const char *name, uint32_t nparams)
{
    pc_method *m = pc_alloc(c, sizeof *m);
    m->name = name;
    m->owner = k;
    m->nparams = nparams;
    m->params = pc_alloc(c, (nparams ? nparams : 1) * sizeof *m->params);
    m->pnames = pc_alloc(c, (nparams ? nparams : 1) * sizeof *m->pnames);
    m->explicit_ord = -1;
    m->ordinal = PV_NO_ORDINAL;
    m->ret = &c->t_void;
    return m;
}

static void append_method(pc_class *k, pc_method *m)
{
    *k->methods_tail = m;
    k->methods_tail = &m->next;
}

static void add_method(pc_ctx *c, pc_class *k, pc_decl *d)
{
    char q[80];
    const char *name = d->u.method.name;
    if (!pv_cf_name_ok(name)) {
        pc_error(c->d, d->loc, "'%s' cannot be a method name", pc_diag_quote(q, sizeof q, name, strlen(name)));
        return;
    }
    if (d->u.method.nparams > PV_CF_MAX_ARGS) {
        pc_error(c->d, d->loc, "method '%s' has %u parameters; at most %u are allowed", name,
                 d->u.method.nparams, PV_CF_MAX_ARGS);
        return;
    }
    pc_method *m = new_method(c, k, name, d->u.method.nparams);
    m->decl = d;
    uint32_t i = 0;
    bool bad = false;
    for (pc_param *p = d->u.method.params; p; p = p->next, i++) {
        m->pnames[i] = p->name;
        m->params[i] = pc_resolve_type(c, k->ui, p->type);
        if (m->params[i]->k == PC_TY_VOID) {
            pc_error(c->d, p->type->loc, "a parameter cannot be void");
            m->params[i] = &c->t_error;
        }
        for (uint32_t j = 0; j < i; j++)
            if (!strcmp(m->pnames[j], p->name)) {
                pc_error(c->d, p->loc, "parameter '%s' is declared twice",
                         pc_diag_quote(q, sizeof q, p->name, strlen(p->name)));
                bad = true;
            }
    }
    m->ret = pc_resolve_type(c, k->ui, d->u.method.ret);
    if (d->mods & PC_MOD_STATIC)
        m->flags |= PV_MF_STATIC;
    if (d->mods & PC_MOD_SYNCHRONIZED)
        m->flags |= PV_MF_SYNCHRONIZED;
    if (d->u.method.ctor) {
        m->flags |= PV_MF_CTOR;
        m->kind = PC_MK_CTOR;
        m->ret = &c->t_void;
        if (k->is_interface) {
            pc_error(c->d, d->loc, "an interface has no constructors");
            bad = true;
        }
        k->has_ctor = true;
    }
    if (d->u.method.ordinal >= 0) {
        if (d->u.method.ordinal > (int32_t)PV_MAX_ORDINAL || (m->flags & (PV_MF_STATIC | PV_MF_CTOR))) {
            pc_error(c->d, d->loc, (m->flags & (PV_MF_STATIC | PV_MF_CTOR))
                                       ? "only virtual methods have ordinals ([%d] on a static method or constructor)"
                                       : "method ordinal %d is above the maximum of 4095",
                     (int)d->u.method.ordinal);
            /* the method is kept, without the ordinal, so that its uses are not errors too */
        } else {
            m->explicit_ord = d->u.method.ordinal;
        }
    }
    if (!d->u.method.body) {
        if (m->flags & (PV_MF_STATIC | PV_MF_CTOR)) {
            pc_error(c->d, d->loc, "%s needs a body", (m->flags & PV_MF_STATIC) ? "a static method" : "a constructor");
            bad = true;
        }
        if (m->flags & PV_MF_SYNCHRONIZED) {
            pc_error(c->d, d->loc, "a method without a body cannot be synchronized");
            m->flags &= ~PV_MF_SYNCHRONIZED;
        }
        m->flags |= PV_MF_ABSTRACT;
        if (!k->is_interface)
            k->is_abstract = true;
    } else if (k->is_interface && !(m->flags & (PV_MF_STATIC | PV_MF_CTOR))) {
        pc_error(c->d, d->loc, "an interface method has no body (only static methods of an interface do)");
        bad = true;
    }
    m->desc = pc_make_desc(c, m->params, m->nparams, m->ret);
    for (pc_method *o = k->methods; o; o = o->next)
        if (!strcmp(o->name, name) && pc_same_params(o, m)) {
            pc_error(c->d, d->loc, "method '%s' with these parameter types is declared twice in class '%s'",
                     pc_diag_quote(q, sizeof q, name, strlen(name)), k->name);
            if (o->decl)
                pc_note(c->d, o->decl->loc, "the first declaration is here");
            bad = true;
            break;
        }
    if (!bad)
        append_method(k, m);
}

/* construct(args): `new *(c)(args)` creates an object of a class known
 * only at run time and calls this by name to run the right constructor. */
static void add_shim(pc_ctx *c, pc_class *k, pc_method *ctor)
{
    for (pc_method *o = k->methods; o; o = o->next)
        if (!strcmp(o->name, "construct") && o->nparams == ctor->nparams && o->kind != PC_MK_SHIM)
            return;
    for (pc_method *o = k->methods; o; o = o->next)
        if (o->kind == PC_MK_SHIM && o->nparams == ctor->nparams)
            return; /* one per argument count: the first constructor with that many */
    pc_method *m = new_method(c, k, "construct", ctor->nparams);
    for (uint32_t i = 0; i < m->nparams; i++) {
        m->params[i] = &c->t_any;
        m->pnames[i] = ctor->pnames[i];
    }
    m->kind = PC_MK_SHIM;
    m->target = ctor;
    m->desc = pc_make_desc(c, m->params, m->nparams, m->ret);
    append_method(k, m);
}

static void add_members(pc_ctx *c, pc_class *k)
{
    for (pc_decl *d = k->decl->u.cls.members; d; d = d->next) {
        if (d->kind == PC_D_FIELD)
            add_field(c, k, d);
        else if (d->kind == PC_D_METHOD)
            add_method(c, k, d);
    }
    if (k->is_interface)
        return;
    bool clash = false; /* class main { static void main() }: that method has the constructor's name */
    for (pc_method *m = k->methods; m; m = m->next)
        if (!strcmp(m->name, k->simple) && !strcmp(m->desc, "()void"))
            clash = true;
    if (!k->has_ctor && !clash) {
        pc_method *m = new_method(c, k, k->simple, 0);
        m->flags = PV_MF_CTOR;
        m->kind = PC_MK_IMPLICIT_CTOR;
        m->desc = "()void";
        append_method(k, m);
        k->has_ctor = true;
    }
    if (!pv_cf_name_ok(k->simple))
        return;
    pc_method *last = NULL;
    for (pc_method *m = k->methods; m; m = m->next)
        last = m;
    for (pc_method *m = k->methods; m; m = m->next) {
        if (m->kind == PC_MK_CTOR || m->kind == PC_MK_IMPLICIT_CTOR)
            add_shim(c, k, m);
        if (m == last)
            break;
    }
}

/* ---- ordinals --------------------------------------------------------------------------- */

static bool reserved_ordinal(uint32_t o)
{
    return o < 8 || o == 14 || o == 15;
}

static void vt_set(pc_ctx *c, pc_class *k, uint32_t o, pc_method *m)
{
    if (o >= k->nvt) {
        uint32_t n = o + 1 > 2 * k->nvt ? o + 1 : 2 * k->nvt;
        pc_method **v = pc_alloc(c, n * sizeof *v);
        if (k->nvt)
            memcpy(v, k->vt, k->nvt * sizeof *v);
        k->vt = v;
        k->nvt = n;
    }
    k->vt[o] = m;
}

static bool params_compatible(pc_method *a, pc_method *b)
{
    if (a->nparams != b->nparams)
        return false;
    for (uint32_t i = 0; i < a->nparams; i++)
        if (!pc_ty_dynamic(a->params[i]) && !pc_ty_dynamic(b->params[i]) &&
            !pc_ty_same(a->params[i], b->params[i]))
            return false;
    return true;
}

/* The method m overrides: the VM's rule (nearest "name/N") for internal
 * classes, name and compatible parameter types for the program's. */
static pc_method *overridden(pc_class *k, pc_method *m)
{
    for (pc_class *s = k->super; s; s = s->super) {
        pc_method *best = NULL;
        for (pc_method *o = s->methods; o; o = o->next) {
            if (strcmp(o->name, m->name) || o->nparams != m->nparams)
                continue;
            if (k->is_extern) /* the first of that name and count in the nearest class */
                return (o->flags & (PV_MF_STATIC | PV_MF_CTOR)) || o->ordinal == PV_NO_ORDINAL ? NULL : o;
            if ((o->flags & (PV_MF_STATIC | PV_MF_CTOR)) || o->ordinal == PV_NO_ORDINAL)
                continue;
            if (pc_same_params(o, m))
                return o;
            if (!best && params_compatible(o, m))
                best = o;
        }
        if (best)
            return best;
    }
    return NULL;
}

/* Gives the virtual method m of k its slot: [N], or its parent's slot for
 * an override, or the first free slot from 8. */
static void place_method(pc_ctx *c, pc_class *k, pc_method *m)
{
    uint32_t o = m->explicit_ord >= 0 ? (uint32_t)m->explicit_ord : PV_NO_ORDINAL;
    if (o == PV_NO_ORDINAL) {
        pc_method *over = overridden(k, m);
        if (over)
            o = over->ordinal;
    }
    if (o == PV_NO_ORDINAL) {
        o = 8;
        while (reserved_ordinal(o) || (o < k->nvt && k->vt[o]))
            o++;
    } else if (o < k->nvt && k->vt[o] && k->vt[o]->owner == k) {
        pc_method *was = k->vt[o];
        if (!k->is_extern && m->decl)
            pc_error(c->d, m->decl->loc, "methods '%s' and '%s' both have ordinal %u in class '%s'",
                     was->name, m->name, (unsigned)o, k->name);
        else if (!k->is_extern && was->decl) /* m is generated (a construct shim): name it */
            pc_error(c->d, was->decl->loc, "method '%s' [%u] takes the ordinal of the generated method '%s' "
                     "(%s) of class '%s'; choose another ordinal", was->name, (unsigned)o, m->name,
                     m->kind == PC_MK_SHIM ? "new *(c)() constructs through it" : "made by the compiler", k->name);
        return;
    }
    if (o > PV_MAX_ORDINAL) {
        if (!k->is_extern && m->decl)
            pc_error(c->d, m->decl->loc, "class '%s' has too many methods (ordinal %u is above 4095)", k->name,
                     (unsigned)o);
        return;
    }
    m->ordinal = o;
    vt_set(c, k, o, m);
}

void pc_class_layout(pc_ctx *c, pc_class *k)
{
    if (k->laid_out)
        return;
    k->laid_out = true;
    if (k->super) {
        pc_class_layout(c, k->super);
        if (k->super->nvt) {
            k->vt = pc_alloc(c, k->super->nvt * sizeof *k->vt);
            memcpy(k->vt, k->super->vt, k->super->nvt * sizeof *k->vt);
            k->nvt = k->super->nvt;
        }
    }
    if (k->is_interface && !k->is_extern)
        return; /* interface methods are found by name and descriptor */
    /* The methods with [N] first, so that the others take the slots left
     * free whatever the order of declaration. */
    for (int pass = 0; pass < 2; pass++)
        for (pc_method *m = k->methods; m; m = m->next)
            if (!(m->flags & (PV_MF_STATIC | PV_MF_CTOR)) && (m->explicit_ord >= 0) == (pass == 0))
                place_method(c, k, m);
}

/* ---- checks ---------------------------------------------------------------------------------- */

static bool implements_method(pc_class *k, pc_method *im)
{
    for (pc_class *s = k; s; s = s->super)
        for (pc_method *m = s->methods; m; m = m->next)
            if (!(m->flags & (PV_MF_STATIC | PV_MF_CTOR | PV_MF_ABSTRACT)) && !strcmp(m->name, im->name) &&
                m->nparams == im->nparams)
                return true;
    return false;
}

static void check_iface(pc_ctx *c, pc_class *k, pc_class *i, int depth, pc_class **seen, uint32_t *nseen)
{
    if (depth > 64)
        return;
    for (uint32_t j = 0; j < *nseen; j++)
        if (seen[j] == i)
            return; /* an interface reached twice is checked once */
    if (*nseen == 256)
        return;
    seen[(*nseen)++] = i;
    for (pc_method *im = i->methods; im; im = im->next) {
        if (im->flags & PV_MF_STATIC)
            continue;
        if (!implements_method(k, im)) {
            pc_error(c->d, k->decl->u.cls.name->loc,
                     "class '%s' does not implement method '%s' (%u argument%s) of interface '%s'", k->name,
                     im->name, im->nparams, im->nparams == 1 ? "" : "s", i->name);
            return;
        }
    }
    for (uint32_t j = 0; j < i->nifaces; j++)
        check_iface(c, k, i->ifaces[j], depth + 1, seen, nseen);
}

void pc_classes_resolve(pc_ctx *c)
{
    for (uint32_t i = 0; i < c->nprog; i++)
        resolve_hier(c, c->prog[i]);
    for (uint32_t i = 0; i < c->nprog; i++)
        add_members(c, c->prog[i]);
    for (uint32_t i = 0; i < c->nbuckets; i++) /* internal classes too: every method knows its slot */
        for (pc_class *k = c->buckets[i]; k; k = k->hash_next)
            pc_class_layout(c, k);
    for (uint32_t i = 0; i < c->nprog; i++) {
        pc_class *k = c->prog[i];
        if (k->is_interface || k->is_abstract)
            continue;
        pc_class *seen[256];
        uint32_t nseen = 0;
        for (pc_class *s = k; s; s = s->super)
            for (uint32_t j = 0; j < s->nifaces; j++)
                check_iface(c, k, s->ifaces[j], 0, seen, &nseen);
        /* abstract methods inherited and never implemented */
        for (pc_class *s = k->super; s; s = s->super)
            for (pc_method *m = s->methods; m; m = m->next)
                if ((m->flags & PV_MF_ABSTRACT) && m->ordinal != PV_NO_ORDINAL &&
                    (m->ordinal >= k->nvt || !k->vt[m->ordinal] || (k->vt[m->ordinal]->flags & PV_MF_ABSTRACT))) {
                    pc_error(c->d, k->decl->u.cls.name->loc,
                             "class '%s' does not implement abstract method '%s' of class '%s'", k->name,
                             m->name, s->name);
                    goto next;
                }
    next:;
    }
}
