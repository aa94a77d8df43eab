/*
 * update_check.c - what an update refuses (update.h), found before
 * anything changes.
 *
 * Refused, each with how many objects or frames it concerns:
 *  - a class in the world, not in the update, whose code uses a field or
 *    method the new version no longer has (a subclass outside the update
 *    is not refused: update_derive.c makes its new version);
 *  - a frame running the old code of a class whose new version no longer
 *    has a field that code uses (the old code goes on running on migrated
 *    objects, reaching their fields by name);
 *  - a field whose declared type the value it carries over does not fit.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "update_impl.h"

static void fault(pv_update *u, const char *fmt, ...)
{
    if (u->nfaults++ >= 20)
        return;
    size_t at = strlen(u->err);
    if (at + 4 >= u->errlen)
        return;
    if (at)
        u->err[at++] = '\n', u->err[at] = 0;
    snprintf(u->err + at, u->errlen - at, "  ");
    at += 2;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(u->err + at, u->errlen - at, fmt, ap);
    va_end(ap);
}

pv_value pv_type_zero(const char *type)
{
    if (!type)
        return PV_NULL;
    if (!strncmp(type, ".internal.", 10))
        type += 10;
    if (!strcmp(type, "int"))
        return pv_int(0);
    if (!strcmp(type, "long"))
        return pv_long48(0);
    if (!strcmp(type, "float"))
        return pv_float(0.0f);
    if (!strcmp(type, "double"))
        return pv_double(0.0);
    if (!strcmp(type, "bool"))
        return PV_FALSE;
    if (!strcmp(type, "char"))
        return pv_char(0);
    return PV_NULL;
}

int pv_update_index(const pv_update_set *s, const struct pv_class *old)
{
    for (int i = 0; i < s->n; i++)
        if (s->olds[i] == old)
            return i;
    return -1;
}

static struct pv_class *new_version(const pv_update_set *s, struct pv_class *c)
{
    int i = pv_update_index(s, c);
    return i >= 0 ? s->news[i] : c;
}

bool pv_update_value_fits(pv_vm *vm, const pv_update_set *s, pv_value v, const char *type)
{
    if (!type || !strcmp(type, "*") || !strcmp(type, ".internal.object"))
        return true;
    const char *t = !strncmp(type, ".internal.", 10) ? type + 10 : type;
    if (!strcmp(t, "int")) return pv_is_int(v);
    if (!strcmp(t, "long")) return pv_is_int(v) || pv_is_long(vm, v);
    if (!strcmp(t, "float")) return pv_is_float(v);
    if (!strcmp(t, "double")) return pv_is_double(v);
    if (!strcmp(t, "bool")) return pv_is_bool(v);
    if (!strcmp(t, "char")) return pv_is_char(v);
    if (v == PV_NULL)
        return true;
    struct pv_class *want = NULL;
    for (int i = 0; i < s->n && !want; i++)
        if (!strcmp(s->news[i]->name->bytes, type))
            want = s->news[i];
    if (!want)
        want = pv_find_class(vm, type);
    return !want || pv_is_subclass(new_version(s, pv_class_of(vm, v)), want);
}

/* The declared type of instance slot j of new class c: from the class
 * file of the class that declares the slot, when that class is in the
 * update; NULL (untyped, or not known) otherwise. */
const char *pv_update_slot_type(const pv_update_set *s, const struct pv_class *c, uint32_t j)
{
    while (c->super && c->super->nfields > j)
        c = c->super;
    int i = -1;
    for (int k = 0; k < s->n && i < 0; k++)
        if (s->news[k] == c)
            i = k;
    if (i < 0 || !s->cfs[i])
        return NULL;
    const pv_cf *cf = s->cfs[i];
    uint32_t own = j - (c->super ? c->super->nfields : 0);
    for (uint32_t k = 0; k < cf->nfields; k++) {
        if (cf->fields[k].flags & PV_MF_STATIC)
            continue;
        if (own-- == 0)
            return cf->fields[k].type ? pv_cf_str(cf, cf->fields[k].type) : NULL;
    }
    return NULL;
}

/* A class the update does not name (bound in the world, or derived:
 * update_derive.c) whose code uses a field or method of a class being
 * replaced that the new version no longer has. */
static void check_uses(pv_update *u, struct pv_class *c)
{
    const pv_update_set *s = &u->set;
    for (uint32_t k = 1; k < c->nconsts; k++) {
        const struct pv_cref *r = &c->kref[k];
        if (c->ckind[k] == PV_CK_FIELD && pv_update_index(s, r->p) >= 0 &&
            pv_update_field_after(s, r) < 0)
            fault(u, "class %s uses field %s of %s, which the new version does not have", c->name->bytes,
                  pv_update_field_name(r)->bytes, ((struct pv_class *)r->p)->name->bytes);
        if (c->ckind[k] == PV_CK_METHOD && pv_update_index(s, ((struct pv_method *)r->p)->owner) >= 0 &&
            !pv_update_method_after(s, r->p)) {
            struct pv_method *m = r->p;
            fault(u, "class %s calls %s.%s%s, which the new version does not have", c->name->bytes,
                  m->owner->name->bytes, m->name->bytes, m->desc->bytes);
        }
    }
}

/* Frames running old code that uses a field the new version drops. */
static void check_frames(pv_vm *vm, pv_update *u)
{
    struct pv_array *all = vm->root->threads;
    for (int i = 0; i < u->set.n; i++) {
        struct pv_class *old = u->set.olds[i];
        uint64_t frames = 0;
        for (uint32_t t = 0; t < all->len; t++) {
            struct pv_thread *th = pv_as_ptr(all->items[t]);
            for (uint32_t f = 0; f < th->nframes; f++)
                frames += th->frames[f].m->owner == old;
        }
        if (!frames)
            continue;
        for (uint32_t k = 1; k < old->nconsts; k++)
            if (old->ckind[k] == PV_CK_FIELD && pv_update_index(&u->set, old->kref[k].p) >= 0 &&
                pv_update_field_after(&u->set, &old->kref[k]) < 0) {
                fault(u, "%llu frames still run code of %s that uses field %s, which the new version "
                         "drops: update when they have returned",
                      (unsigned long long)frames, old->name->bytes, pv_update_field_name(&old->kref[k])->bytes);
                break;
            }
    }
}

/* Values that do not fit the declared type of the field they move to. */
static void check_values(pv_vm *vm, pv_update *u)
{
    for (int i = 0; i < u->set.n; i++) {
        const struct pv_update_map *m = &u->maps[i];
        struct pv_class *nc = u->set.news[i];
        for (uint32_t j = 0; j < nc->nfields; j++) {
            const char *type = pv_update_slot_type(&u->set, nc, j);
            if (m->from[j] < 0 || !type)
                continue;
            uint64_t bad = 0;
            for (uint64_t o = 0; o < u->ninst; o++)
                if (u->inst[o].cls_index == i &&
                    !pv_update_value_fits(vm, &u->set, u->inst[o].obj->slot[m->from[j]], type))
                    bad++;
            if (bad)
                fault(u, "field %s of %s is now declared %s, which %llu of its objects' values do not fit",
                      nc->field_names[j]->bytes, nc->name->bytes, type, (unsigned long long)bad);
        }
    }
}

int pv_update_check(pv_vm *vm, pv_update *u)
{
    struct pv_directory *d = vm->root->classes;
    for (uint32_t i = 0; i < d->cap; i++) {
        struct pv_dir_entry *e = &d->e[i];
        if (!pv_is_obj(e->key) || !pv_is_obj(e->val))
            continue;
        struct pv_class *c = pv_as_ptr(e->val);
        int at = pv_update_index(&u->set, c);
        if ((at < 0 || at >= u->nbatch) && !(c->flags & PV_CF_NATIVE))
            check_uses(u, c);
    }
    check_frames(vm, u);
    check_values(vm, u);
    if (!u->nfaults)
        return 0;
    if (u->nfaults > 20) {
        size_t at = strlen(u->err);
        snprintf(u->err + at, u->errlen - at, "\n  ... and %llu more", (unsigned long long)u->nfaults - 20);
    }
    return -1;
}
