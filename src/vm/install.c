/*
 * install.c - installing class files into the world.
 *
 * A batch of classes (a program) is installed as a unit: every class is
 * verified, created, and every constant resolved before any of them gets
 * a name in the world's class table.  A failure leaves the class table as
 * it was.  The installing thread does not reach a safepoint while it works,
 * so no snapshot ever sees half a program.
 *
 * Installing a class under a name that exists installs a new version
 * of it (update.c): its objects are migrated, its statics carried over.
 * Internal classes cannot be replaced.
 *
 * Reuse (when the caller asks for it: a program run again, the standard
 * library compiled with each program): a class whose class file is the
 * one the bound class was installed from (same crc32c, kept in the class)
 * and whose every class reference (superclass, interfaces, constants)
 * would resolve to the classes the bound class already refers to, is not
 * installed again: the program uses the bound class.  So objects made by
 * yesterday's run keep their class, and today's casts to it succeed; the
 * class's static fields keep their values and its initialiser does not
 * run again.  A class that refers to a class of the batch that is not
 * reused is installed anew (reuse is decided as a fixpoint).
 *
 * After installation the interpreter needs no checks on constants: every
 * CLASS, FIELD and METHOD constant is resolved (pv_cref), and each use of
 * a field or method constant agrees with it (static or not).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "../util/crc32c.h"
#include "class.h"
#include "classfile.h"
#include "install.h"
#include "opcodes.h"
#include "quicken.h"
#include "update.h"

typedef struct batch {
    pv_vm *vm;
    pv_cf **cfs;
    struct pv_class **cls;
    int n;
    char *err;
    size_t errlen;
    uint32_t *crc;        /* of each class file (never 0) */
    bool *reused;         /* NULL: no reuse */
    const char *const *renames;   /* pairs OLD, NEW (pv_install) */
    int nrenames;
} batch;

static int fail(batch *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err, b->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static const char *cf_name(const pv_cf *cf) { return pv_cf_class_name(cf, cf->this_class); }

static int batch_index(batch *b, const char *name)
{
    for (int i = 0; i < b->n; i++)
        if (!strcmp(cf_name(b->cfs[i]), name))
            return i;
    return -1;
}

/* A class by name: this batch first, then the world. */
static struct pv_class *find(batch *b, const char *name)
{
    int i = batch_index(b, name);
    return i >= 0 ? b->cls[i] : pv_find_class(b->vm, name);
}

static int create_class(batch *b, int i, int depth)
{
    pv_cf *cf = b->cfs[i];
    const char *name = cf_name(cf);
    if (b->cls[i])
        return 0;
    if (depth > b->n)
        return fail(b, "class %s: its superclasses form a cycle", name);
    struct pv_class *old = pv_find_class(b->vm, name);
    if (old && (old->flags & PV_CF_NATIVE))
        return fail(b, "class %s: an internal class of that name exists and cannot be replaced", name);
    const char *sname = cf->super_class ? pv_cf_class_name(cf, cf->super_class) : ".internal.object";
    if (!strcmp(name, ".internal.object"))
        return fail(b, "class .internal.object is internal and cannot be replaced");
    int si = batch_index(b, sname);
    if (si >= 0 && create_class(b, si, depth + 1) < 0)
        return -1;
    struct pv_class *super = find(b, sname);
    if (!super)
        return fail(b, "class %s: superclass %s is not in the program or the world", name, sname);
    if (super->flags & (PV_CF_INTERFACE | PV_CF_FINAL))
        return fail(b, "class %s: cannot extend %s %s", name,
                    (super->flags & PV_CF_INTERFACE) ? "interface" : "final class", sname);
    if (super->kind != PV_K_INSTANCE)
        return fail(b, "class %s: cannot extend internal class %s (its objects are not made of fields)", name, sname);
    if ((cf->flags & PV_CF_INTERFACE) && super != b->vm->b[PV_B_OBJECT])
        return fail(b, "interface %s: an interface cannot extend a class", name);
    pv_vm *vm = b->vm;
    struct pv_class *c = pv_class_new(vm, name, super, PV_K_INSTANCE, cf->flags & PV_CF_KNOWN);
    if (!c)
        return fail(b, "class %s: out of memory in the world", name);
    b->cls[i] = c;
    c->cf_crc = b->crc[i];
    for (uint32_t k = 0; k < cf->ninterfaces; k++) {
        const char *in = pv_cf_class_name(cf, cf->interfaces[k]);
        int ii = batch_index(b, in);
        if (ii >= 0 && create_class(b, ii, depth + 1) < 0)
            return -1;
        struct pv_class *ic = find(b, in);
        if (!ic)
            return fail(b, "class %s: interface %s is not in the program or the world", name, in);
        if (!(ic->flags & PV_CF_INTERFACE))
            return fail(b, "class %s: %s is a class, not an interface", name, in);
        if (pv_class_add_interface(vm, c, ic) < 0)
            return fail(b, "class %s: out of memory in the world", name);
    }
    for (uint32_t k = 0; k < cf->nfields; k++) {
        bool is_static = cf->fields[k].flags & PV_MF_STATIC;
        if (pv_class_add_field(vm, c, pv_cf_str(cf, cf->fields[k].name), is_static) < 0)
            return fail(b, "class %s: out of memory in the world", name);
        if (is_static && cf->fields[k].type)   /* a typed number starts at zero, as in Java */
            c->statics[c->nstatics - 1] = pv_type_zero(pv_cf_str(cf, cf->fields[k].type));
    }
    if (cf->source && !(c->source = pv_str_cstr(vm, pv_cf_str(cf, cf->source))))
        return fail(b, "class %s: out of memory in the world", name);
    for (uint32_t k = 0; k < cf->nmethods; k++) {
        const pv_cf_method *cm = &cf->methods[k];
        struct pv_method *m = pv_method_new(vm, c, pv_cf_str(cf, cm->name), pv_cf_str(cf, cm->desc), cm->flags);
        if (!m)
            return fail(b, "class %s: out of memory in the world", name);
        m->nlocals = cm->nlocals;
        m->max_stack = cm->max_stack;
        m->code_len = cm->code_len;
        m->nhandlers = cm->nhandlers;
        m->nlines = cm->nlines;
        if ((cm->code_len && !(m->code = pv_alloc_raw(vm, cm->code_len))) ||
            (cm->nhandlers && !(m->handlers = pv_alloc_raw(vm, cm->nhandlers * sizeof *m->handlers))) ||
            (cm->nlines && !(m->lines = pv_alloc_raw(vm, cm->nlines * sizeof *m->lines))))
            return fail(b, "class %s: out of memory in the world", name);
        if (cm->code_len)
            memcpy(m->code, cm->code, cm->code_len);
        for (uint32_t h = 0; h < cm->nhandlers; h++)
            m->handlers[h] = (struct pv_handler){cm->handlers[h].start, cm->handlers[h].end,
                                                 cm->handlers[h].target, cm->handlers[h].cls};
        for (uint32_t l = 0; l < cm->nlines; l++)
            m->lines[l] = (struct pv_line){cm->lines[l].pc, cm->lines[l].line};
        if (pv_class_add_method(vm, c, m, cm->ordinal, b->err, b->errlen) < 0)
            return -1;
    }
    return 0;
}

/* Resolves constant k of class i.  FIELD constants record in kref.b
 * whether they name a static (1) or an instance field (0). */
static int resolve_const(batch *b, int i, uint32_t k)
{
    pv_cf *cf = b->cfs[i];
    struct pv_class *c = b->cls[i];
    const pv_cf_const *cc = &cf->consts[k];
    pv_vm *vm = b->vm;
    const char *cn = cf_name(cf);
    c->ckind[k] = cc->kind;
    c->kval[k] = PV_NULL;
    struct pv_cref *r = &c->kref[k];
    switch (cc->kind) {
    case PV_CK_UTF8: {
        struct pv_string *s = pv_str_new(vm, cc->s, cc->len);
        if (!s)
            return fail(b, "class %s: out of memory in the world", cn);
        c->kval[k] = pv_from_ptr(s);
        return 0;
    }
    case PV_CK_INT: c->kval[k] = pv_int((int32_t)cc->i); return 0;
    case PV_CK_LONG:
        c->kval[k] = pv_make_long(vm, cc->i);
        return c->kval[k] == PV_NULL ? fail(b, "class %s: out of memory in the world", cn) : 0;
    case PV_CK_FLOAT: {
        float f;
        uint32_t bits = (uint32_t)cc->bits;
        memcpy(&f, &bits, 4);
        c->kval[k] = pv_float(f);
        return 0;
    }
    case PV_CK_DOUBLE: {
        double d;
        memcpy(&d, &cc->bits, 8);
        c->kval[k] = pv_double(d);
        return 0;
    }
    case PV_CK_CLASS: {
        const char *name = pv_cf_class_name(cf, k);
        struct pv_class *t = find(b, name);
        if (!t)
            return fail(b, "class %s: refers to class %s, which is not in the program or the world", cn, name);
        r->p = t;
        c->kval[k] = pv_from_ptr(t);
        return 0;
    }
    case PV_CK_FIELD: {
        const char *owner = pv_cf_class_name(cf, cc->a), *fname = pv_cf_str(cf, cc->b);
        struct pv_class *t = find(b, owner), *so = NULL;
        if (!t)
            return fail(b, "class %s: refers to field %s of class %s, which is not in the program or the world", cn, fname, owner);
        int slot = pv_class_field_slot(t, fname);
        if (slot >= 0) {
            *r = (struct pv_cref){.p = t, .a = (uint32_t)slot, .b = 0};
            return 0;
        }
        int si = pv_class_static_index(t, fname, &so);
        if (si < 0)
            return fail(b, "class %s: class %s has no field %s", cn, owner, fname);
        *r = (struct pv_cref){.p = so, .a = (uint32_t)si, .b = 1};
        return 0;
    }
    case PV_CK_METHOD: {
        const char *owner = pv_cf_class_name(cf, cc->a), *mname = pv_cf_str(cf, cc->b), *desc = pv_cf_str(cf, cc->c);
        struct pv_class *t = find(b, owner);
        if (!t)
            return fail(b, "class %s: refers to method %s of class %s, which is not in the program or the world", cn, mname, owner);
        int nargs = pv_desc_nargs(desc);
        struct pv_method *m = pv_find_method_desc(t, mname, desc);
        if (!m)
            m = pv_find_method(t, mname, nargs);
        if (!m)
            return fail(b, "class %s: class %s has no method %s%s", cn, owner, mname, desc);
        *r = (struct pv_cref){.p = m, .a = (t->flags & PV_CF_INTERFACE) ? PV_NO_ORDINAL : m->ordinal,
                              .b = (uint32_t)nargs};
        return 0;
    }
    default:
        return 0;
    }
}

/* Checks that each instruction's use of a resolved constant fits it. */
static int check_uses(batch *b, int i)
{
    struct pv_class *c = b->cls[i];
    for (uint32_t k = 0; k < c->nmethods; k++) {
        struct pv_method *m = c->methods[k];
        pv_insn in;
        for (uint32_t pc = 0; pv_insn_decode(m->code, m->code_len, pc, &in); pc += in.size) {
            uint8_t op = in.op;
            if (in.fmt != PV_F_K && in.fmt != PV_F_KN)
                continue;
            struct pv_cref *r = &c->kref[in.u];
            const char *why = NULL;
            switch (op) {
            case PV_OP_GETFIELD: case PV_OP_PUTFIELD:
                if (r->b) why = "uses a static field as an instance field";
                break;
            case PV_OP_GETSTATIC: case PV_OP_PUTSTATIC:
                if (!r->b) why = "uses an instance field as a static field";
                break;
            case PV_OP_INVOKESTATIC:
                if (!(((struct pv_method *)r->p)->flags & PV_MF_STATIC)) why = "invokestatic of a method that is not static";
                break;
            case PV_OP_INVOKEVIRTUAL: case PV_OP_INVOKESPECIAL:
                if (((struct pv_method *)r->p)->flags & PV_MF_STATIC) why = "invokes a static method with a receiver";
                else if (op == PV_OP_INVOKESPECIAL && (((struct pv_method *)r->p)->flags & PV_MF_ABSTRACT))
                    why = "invokespecial of an abstract method";
                break;
            case PV_OP_NEW:
                if (((struct pv_class *)r->p)->flags & (PV_CF_INTERFACE | PV_CF_ABSTRACT)) why = "new of an interface or abstract class";
                break;
            default:
                break;
            }
            if (why)
                return fail(b, "class %s, method %s%s, offset %u: %s", c->name->bytes, m->name->bytes,
                            m->desc->bytes, (unsigned)pc, why);
        }
    }
    return 0;
}

/* The class file's identity: crc32c of its bytes, never 0 (0 marks a
 * class whose origin is unknown). */
static int cf_identity(batch *b, int i)
{
    size_t len;
    uint8_t *bytes = pv_cf_write(b->cfs[i], &len);
    if (!bytes)
        return fail(b, "class %s: out of host memory", cf_name(b->cfs[i]));
    uint32_t c = crc32c(0, bytes, len);
    free(bytes);
    b->crc[i] = c ? c : 1;
    return 0;
}

/* Whether class i may still be reused, given the current decisions: each
 * class constant must resolve to the class the bound class resolved it to
 * (a batch class only if that one is reused too). */
static bool still_reusable(batch *b, int i)
{
    const pv_cf *cf = b->cfs[i];
    const struct pv_class *old = b->cls[i];
    if (old->nconsts != cf->nconsts)
        return false;
    for (uint32_t k = 1; k < cf->nconsts; k++) {
        if (cf->consts[k].kind != PV_CK_CLASS)
            continue;
        const char *name = pv_cf_class_name(cf, k);
        int j = batch_index(b, name);
        const struct pv_class *now = j >= 0 ? (b->reused[j] ? b->cls[j] : NULL) : pv_find_class(b->vm, name);
        if (!now || old->kval[k] != pv_from_ptr(now))
            return false;
    }
    return true;
}

/* Decides which classes of the batch are reused (b->cls[i] = the bound
 * class, b->reused[i]); the rest stay NULL, to be created. */
static void choose_reused(batch *b)
{
    for (int i = 0; i < b->n; i++) {
        struct pv_class *old = pv_find_class(b->vm, cf_name(b->cfs[i]));
        b->reused[i] = old && !(old->flags & PV_CF_NATIVE) && old->cf_crc == b->crc[i];
        b->cls[i] = b->reused[i] ? old : NULL;
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < b->n; i++)
            if (b->reused[i] && !still_reusable(b, i)) {
                b->reused[i] = false;
                b->cls[i] = NULL;
                changed = true;
            }
    }
}

/* The world's class that class i of the batch replaces: the one bound to
 * its name, else the OLD of a rename to its name. */
static struct pv_class *replaced_by(batch *b, int i)
{
    const char *name = cf_name(b->cfs[i]);
    for (int r = 0; r < b->nrenames; r++)
        if (!strcmp(b->renames[2 * r + 1], name))
            return pv_find_class(b->vm, b->renames[2 * r]);
    return pv_find_class(b->vm, name);
}

/* Each rename names a class the world has (not internal) and one the
 * batch declares and the world does not; OLD is not in the batch. */
static int check_renames(batch *b)
{
    for (int r = 0; r < b->nrenames; r++) {
        const char *from = b->renames[2 * r], *to = b->renames[2 * r + 1];
        struct pv_class *old = pv_find_class(b->vm, from);
        if (!old)
            return fail(b, "rename %s=%s: the world has no class %s", from, to, from);
        if (old->flags & PV_CF_NATIVE)
            return fail(b, "rename %s=%s: %s is an internal class", from, to, from);
        if (batch_index(b, from) >= 0)
            return fail(b, "rename %s=%s: the program still declares %s", from, to, from);
        if (batch_index(b, to) < 0)
            return fail(b, "rename %s=%s: the program declares no class %s", from, to, to);
        if (pv_find_class(b->vm, to))
            return fail(b, "rename %s=%s: the world already has a class %s", from, to, to);
        for (int q = 0; q < r; q++)
            if (!strcmp(b->renames[2 * q], from) || !strcmp(b->renames[2 * q + 1], to))
                return fail(b, "rename %s=%s: %s or %s is renamed twice", from, to, from, to);
    }
    return 0;
}

/* The classes of the batch that replace a class bound to their name (or
 * renamed to it) are an update (update.c): prepared here, before any name
 * is bound, so a refusal leaves the world as it was.  *out stays NULL
 * when none does. */
static int prepare_update(batch *b, pv_update **out)
{
    pv_update_set s = {calloc((size_t)b->n + 1, sizeof *s.olds), calloc((size_t)b->n + 1, sizeof *s.news),
                       calloc((size_t)b->n + 1, sizeof *s.cfs), 0};
    int rc = s.olds && s.news && s.cfs ? 0 : fail(b, "out of host memory");
    for (int i = 0; rc == 0 && i < b->n; i++) {
        if (b->reused && b->reused[i])
            continue;
        b->cls[i]->version = 1;
        struct pv_class *old = replaced_by(b, i);
        if (!old)
            continue;
        HAL_ASSERT(!(old->flags & PV_CF_NATIVE));   /* create_class and check_renames refused those */
        s.olds[s.n] = old;
        s.news[s.n] = b->cls[i];
        s.cfs[s.n++] = b->cfs[i];
    }
    if (rc == 0 && s.n)
        rc = pv_update_prepare(b->vm, &s, out, b->err, b->errlen);
    free(s.olds);
    free(s.news);
    free(s.cfs);
    return rc;
}

static int install(batch *b)
{
    pv_vm *vm = b->vm;
    pv_cf **cfs = b->cfs;
    struct pv_class **out = b->cls;
    int n = b->n;
    pv_cf_error ve;
    for (int i = 0; i < n; i++) {
        out[i] = NULL;
        if (pv_cf_verify(cfs[i], &ve) < 0)
            return fail(b, "%s", ve.msg);
        if (batch_index(b, cf_name(cfs[i])) != i)
            return fail(b, "class %s is defined twice in the program", cf_name(cfs[i]));
        if (cf_identity(b, i) < 0)
            return -1;
    }
    if (check_renames(b) < 0)
        return -1;
    if (b->reused)
        choose_reused(b);
    for (int i = 0; i < n; i++)
        if (create_class(b, i, 0) < 0)
            return -1;
    for (int i = 0; i < n; i++) {
        if (b->reused && b->reused[i])
            continue;
        struct pv_class *c = out[i];
        uint32_t nk = cfs[i]->nconsts;
        c->nconsts = nk;
        if (!(c->ckind = pv_alloc_raw(vm, nk)) || !(c->kval = pv_alloc_raw(vm, nk * sizeof(pv_value))) ||
            !(c->kref = pv_alloc_raw(vm, nk * sizeof(struct pv_cref))))
            return fail(b, "class %s: out of memory in the world", c->name->bytes);
        for (uint32_t k = 1; k < nk; k++)
            if (resolve_const(b, i, k) < 0)
                return -1;
        if (check_uses(b, i) < 0)
            return -1;
        for (uint32_t k = 0; k < c->nmethods; k++)
            if (c->methods[k]->code)
                pv_quicken(c->methods[k]);
    }
    pv_update *u = NULL;
    if (prepare_update(b, &u) < 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (!(b->reused && b->reused[i]) && pv_class_register(vm, out[i]) < 0) {
            if (u)
                pv_update_abandon(vm, u);
            return fail(b, "class %s: out of memory in the world", out[i]->name->bytes);
        }
    if (u && pv_update_bind(vm, u) < 0) {
        pv_update_abandon(vm, u);
        return fail(b, "out of memory in the world (binding new versions of subclasses)");
    }
    if (u)
        pv_update_commit(vm, u);
    for (int r = 0; r < b->nrenames; r++) {   /* the old names are gone: their classes were replaced */
        struct pv_class *old = pv_find_class(vm, b->renames[2 * r]);
        if (old)
            pv_dir_remove(vm, vm->root->classes, old->name);
    }
    for (int i = 0; b->reused && i < n; i++)   /* a new version keeps its statics: no initialiser */
        b->reused[i] = b->reused[i] || out[i]->version > 1;
    return 0;
}

/* Classes, their strings and tables are referenced without counting
 * (from the class table, constant pools, method tables): everything made
 * while installing is sticky (gc/gc.h).  A batch that fails leaves its
 * objects unreferenced, for the complete collector. */
int pv_install(pv_vm *vm, pv_cf **cfs, int n, struct pv_class **out, bool *reused, const char *const *renames,
               int nrenames, char *err, size_t errlen)
{
    uint32_t *crc = calloc((size_t)n + 1, sizeof *crc);
    if (!crc) {
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    batch b = {vm, cfs, out, n, err, errlen, crc, reused, renames, nrenames};
    vm->alloc_sticky++;
    int rc = install(&b);
    vm->alloc_sticky--;
    free(crc);
    return rc;
}
