/*
 * update_derive.c - new versions of the classes an update does not name
 * but must replace: a class bound in the world that extends a class being
 * replaced (update.h).  Its layout and vtable are built on its parent's,
 * so the parent's new version needs a new version of it too.
 *
 * A derived version is the old class rebuilt on the new version of its
 * superclass: the same own fields (after the parent's new ones), statics,
 * interfaces, methods (their code copied: the old version and its code
 * are freed once no frame runs them) and constants.  Its constants still
 * name the old versions; commit points them at the new ones, as it does
 * every class's.  Its cf_crc is the old one's: a later run of the program
 * it came from reuses it (install.c), since its constants then resolve to
 * the classes the program's class file names.
 *
 * Invariant: a derived class has the old class's name, kind and flags,
 * and nfields == super->nfields + (the old class's own fields).
 */
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "class.h"
#include "update_impl.h"

static int copy_method(pv_vm *vm, struct pv_class *c, const struct pv_method *om, char *err, size_t errlen)
{
    struct pv_method *m = pv_method_new(vm, c, om->name->bytes, om->desc->bytes, om->flags);
    if (!m)
        return -1;
    m->nlocals = om->nlocals;
    m->max_stack = om->max_stack;
    m->code_len = om->code_len;
    m->nhandlers = om->nhandlers;
    m->nlines = om->nlines;
    if ((om->code_len && !(m->code = pv_alloc_raw(vm, om->code_len))) ||
        (om->nhandlers && !(m->handlers = pv_alloc_raw(vm, om->nhandlers * sizeof *m->handlers))) ||
        (om->nlines && !(m->lines = pv_alloc_raw(vm, om->nlines * sizeof *m->lines))))
        return -1;
    if (om->code_len)
        memcpy(m->code, om->code, om->code_len);
    if (om->nhandlers)
        memcpy(m->handlers, om->handlers, om->nhandlers * sizeof *m->handlers);
    if (om->nlines)
        memcpy(m->lines, om->lines, om->nlines * sizeof *m->lines);
    /* an override keeps the new parent's ordinal, the others take free ones */
    return pv_class_add_method(vm, c, m, PV_NO_ORDINAL, err, errlen);
}

static struct pv_class *derive(pv_vm *vm, const pv_update_set *s, struct pv_class *old, struct pv_class *super,
                               char *err, size_t errlen)
{
    struct pv_class *c = pv_class_new(vm, old->name->bytes, super, PV_K_INSTANCE, old->flags & PV_CF_KNOWN);
    if (!c)
        return NULL;
    c->cf_crc = old->cf_crc;
    c->source = old->source;
    for (uint32_t i = 0; i < old->ninterfaces; i++) {
        int k = pv_update_index(s, old->interfaces[i]);
        if (pv_class_add_interface(vm, c, k >= 0 ? s->news[k] : old->interfaces[i]) < 0)
            return NULL;
    }
    for (uint32_t j = old->super->nfields; j < old->nfields; j++)
        if (pv_class_add_field(vm, c, old->field_names[j]->bytes, false) < 0)
            return NULL;
    for (uint32_t j = 0; j < old->nstatics; j++)
        if (pv_class_add_field(vm, c, old->static_names[j]->bytes, true) < 0)
            return NULL;
    for (uint32_t k = 0; k < old->nmethods; k++)
        if (copy_method(vm, c, old->methods[k], err, errlen) < 0)
            return NULL;
    uint32_t nk = old->nconsts;
    c->nconsts = nk;
    if (nk && (!(c->ckind = pv_alloc_raw(vm, nk)) || !(c->kval = pv_alloc_raw(vm, nk * sizeof(pv_value))) ||
               !(c->kref = pv_alloc_raw(vm, nk * sizeof(struct pv_cref)))))
        return NULL;
    if (nk) {
        memcpy(c->ckind, old->ckind, nk);
        memcpy(c->kval, old->kval, nk * sizeof(pv_value));
        memcpy(c->kref, old->kref, nk * sizeof(struct pv_cref));
    }
    HAL_ASSERT(c->nfields == super->nfields + (old->nfields - old->super->nfields));
    return c;
}

static int add_pair(pv_update_set *s, struct pv_class *old, struct pv_class *neu)
{
    size_t n = (size_t)s->n + 1;
    struct pv_class **o = realloc(s->olds, n * sizeof *o);
    if (o)
        s->olds = o;
    struct pv_class **nw = realloc(s->news, n * sizeof *nw);
    if (nw)
        s->news = nw;
    pv_cf **cf = realloc(s->cfs, n * sizeof *cf);
    if (cf)
        s->cfs = cf;
    if (!o || !nw || !cf)
        return -1;
    s->olds[s->n] = old;
    s->news[s->n] = neu;
    s->cfs[s->n++] = NULL;   /* no class file: its slots' types are not known */
    return 0;
}

int pv_update_derive_subclasses(pv_vm *vm, pv_update *u)
{
    struct pv_directory *d = vm->root->classes;
    u->nbatch = u->set.n;
    for (bool more = true; more;) {   /* until no bound subclass is left behind (chains of them) */
        more = false;
        for (uint32_t i = 0; i < d->cap; i++) {
            if (!pv_is_obj(d->e[i].key) || !pv_is_obj(d->e[i].val))
                continue;
            struct pv_class *c = pv_as_ptr(d->e[i].val);
            if ((c->flags & PV_CF_NATIVE) || !c->super || pv_update_index(&u->set, c) >= 0)
                continue;
            int p = pv_update_index(&u->set, c->super);
            if (p < 0)
                continue;
            struct pv_class *neu = derive(vm, &u->set, c, u->set.news[p], u->err, u->errlen);
            if (!neu || add_pair(&u->set, c, neu) < 0)
                return -1;
            more = true;
        }
    }
    return 0;
}

int pv_update_bind(pv_vm *vm, pv_update *u)
{
    for (int i = u->nbatch; i < u->set.n; i++)
        if (pv_class_register(vm, u->set.news[i]) < 0)
            return -1;
    return 0;
}
