/*
 * update.c - hot code update: new versions of classes the world has
 * (update.h; docs/VM.md, "Updating classes").
 *
 * Protocol, all of it between two safepoints (inside pv_install, which a
 * VM request or a tool runs before any thread does):
 *  1. prepare: finish any complete collection (so no mark stack or sweep
 *     is in progress, and garbage is not migrated); make new versions of
 *     the bound classes that extend one being replaced (update_derive.c);
 *     list every instance
 *     of every class being replaced by walking the heap; check the
 *     refusals (update_check.c); make a new object for each instance
 *     whose new layout does not fit its slot.  Nothing visible changes:
 *     a refusal or a failed allocation leaves only garbage.
 *  2. the caller binds the new names (pv_update_bind the derived ones);
 *  3. commit, which cannot fail: pin the newest durable snapshot (the
 *     world before the update, kept in the history until released); migrate every instance (values by name,
 *     new fields at their type's zero); for moved ones, point every
 *     reference in the heap, the threads and the host's roots at the new
 *     object and free the old; carry static fields over by name; point
 *     every constant of every class (old versions too, whose code frames
 *     may still run) at the new versions, fields and methods; forget
 *     every call cache; start a thread running upgrade() on each migrated
 *     object whose new class has that method (start_upgrades).
 *
 * Invariants after commit (checked with HAL_ASSERT in debug builds):
 *  - no object's class is one the update replaced;
 *  - an instance has exactly its class's nfields slots, within its slot;
 *  - counts are unchanged for every value that carried over: a value
 *    dropped with a removed field is released, a moved object's count
 *    goes with it to its new place.
 * Old versions stay in the world, unbound, while frames run their code
 * (frames keep their methods alive, gc/trace.c); the complete collector
 * frees them, with their code, once none does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "callcache.h"
#include "class.h"
#include "gc/gc.h"
#include "sched.h"
#include "serve.h"
#include "update_impl.h"

static int by_address(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct pv_update_inst *)a)->obj;
    uintptr_t y = (uintptr_t)((const struct pv_update_inst *)b)->obj;
    return x < y ? -1 : x > y;
}

struct walk { pv_update *u; bool oom; const struct pv_class *count_cls; uint64_t count; };

static bool list_instance(void *ctx, struct pv_obj *o)
{
    struct walk *w = ctx;
    pv_update *u = w->u;
    int i = o->cls->kind == PV_K_INSTANCE ? pv_update_index(&u->set, o->cls) : -1;
    if (i < 0)
        return true;
    if (u->ninst == u->inst_cap) {
        uint64_t cap = u->inst_cap ? u->inst_cap * 2 : 256;
        struct pv_update_inst *n = realloc(u->inst, cap * sizeof *n);
        if (!n) {
            w->oom = true;
            return false;
        }
        u->inst = n;
        u->inst_cap = cap;
    }
    u->inst[u->ninst++] = (struct pv_update_inst){(struct pv_instance *)o, NULL, i};
    return true;
}

static bool count_instance(void *ctx, struct pv_obj *o)
{
    struct walk *w = ctx;
    w->count += o->cls == w->count_cls;
    return true;
}

uint64_t pv_update_count_of(const pv_update *u, const struct pv_class *c)
{
    struct walk w = {.count_cls = c};
    pv_gc_each_object(u->vm, count_instance, &w);
    return w.count;
}

struct pv_string *pv_update_field_name(const struct pv_cref *r)
{
    const struct pv_class *c = r->p;
    return r->b ? c->static_names[r->a] : c->field_names[r->a];
}

int pv_update_field_after(const pv_update_set *s, const struct pv_cref *r)
{
    struct pv_class *nc = s->news[pv_update_index(s, r->p)], *owner;
    const char *name = pv_update_field_name(r)->bytes;
    if (!r->b)
        return pv_class_field_slot(nc, name);
    /* a static of the class itself: its own statics only (an inherited
     * one belongs to an ancestor, whose constant is not rewritten) */
    int i = pv_class_static_index(nc, name, &owner);
    return owner == nc ? i : -1;
}

/* A constructor of nc taking what ctor takes (a renamed class's
 * constructors have its new name). */
static struct pv_method *same_ctor(const struct pv_class *nc, const struct pv_method *ctor)
{
    struct pv_method *by_count = NULL;
    for (uint32_t i = 0; i < nc->nmethods; i++) {
        struct pv_method *n = nc->methods[i];
        if (!(n->flags & PV_MF_CTOR))
            continue;
        if (!strcmp(n->desc->bytes, ctor->desc->bytes))
            return n;
        if (n->nargs == ctor->nargs && !by_count)
            by_count = n;
    }
    return by_count;
}

/* Whether calls compiled against descriptor a may call a method of
 * descriptor b: the same number of arguments, and each argument type and
 * the result the same or untyped (`*`) on one side.  (int to string is
 * a broken contract: the caller would get a value of another kind.) */
static bool desc_compatible(const char *a, const char *b)
{
    for (;;) {
        size_t la = strcspn(a, "(),"), lb = strcspn(b, "(),");
        bool wild = (la == 1 && *a == '*') || (lb == 1 && *b == '*');
        if (!wild && (la != lb || memcmp(a, b, la)))
            return false;
        if (a[la] != b[lb])
            return false;
        if (!a[la])
            return true;
        a += la + 1;
        b += lb + 1;
    }
}

struct pv_method *pv_update_method_after(const pv_update_set *s, const struct pv_method *m)
{
    struct pv_class *nc = s->news[pv_update_index(s, m->owner)];
    if ((m->flags & PV_MF_CTOR) && strcmp(nc->name->bytes, m->owner->name->bytes))
        return same_ctor(nc, m);
    struct pv_method *n = pv_find_method_desc(nc, m->name->bytes, m->desc->bytes);
    if (!n && (n = pv_find_method(nc, m->name->bytes, m->nargs)) && !desc_compatible(m->desc->bytes, n->desc->bytes))
        n = NULL;
    return n && !!(n->flags & PV_MF_STATIC) == !!(m->flags & PV_MF_STATIC) ? n : NULL;
}

/* The r-th slot named like slot j of from's list, in to's; -1 if none. */
static int32_t same_field(const struct pv_class *from, uint32_t j, const struct pv_class *to)
{
    const char *name = from->field_names[j]->bytes;
    uint32_t r = 0;
    for (uint32_t k = 0; k < j; k++)
        r += !strcmp(from->field_names[k]->bytes, name);
    for (uint32_t k = 0; k < to->nfields; k++)
        if (!strcmp(to->field_names[k]->bytes, name) && r-- == 0)
            return (int32_t)k;
    return -1;
}

static int make_maps(pv_update *u)
{
    u->maps = calloc((size_t)u->set.n, sizeof *u->maps);
    if (!u->maps)
        return -1;
    for (int i = 0; i < u->set.n; i++) {
        struct pv_class *oc = u->set.olds[i], *nc = u->set.news[i];
        struct pv_update_map *m = &u->maps[i];
        m->from = calloc((size_t)nc->nfields + 1, sizeof *m->from);
        m->def = calloc((size_t)nc->nfields + 1, sizeof *m->def);
        if (!m->from || !m->def)
            return -1;
        for (uint32_t j = 0; j < nc->nfields; j++) {
            m->from[j] = same_field(nc, j, oc);
            m->def[j] = pv_type_zero(pv_update_slot_type(&u->set, nc, j));
        }
    }
    return 0;
}

static size_t instance_bytes(uint32_t nslots) { return sizeof(struct pv_instance) + nslots * sizeof(pv_value); }

/* New objects for the instances whose new layout does not fit their
 * slot.  They are ordinary objects (count 0, in the ZCT): if the update
 * is abandoned, the fast collector frees them. */
static int make_moved(pv_vm *vm, pv_update *u)
{
    uint32_t sticky = vm->alloc_sticky;
    vm->alloc_sticky = 0;   /* pv_install makes its own objects sticky; instances are not */
    int rc = 0;
    for (uint64_t k = 0; k < u->ninst && rc == 0; k++) {
        struct pv_update_inst *in = &u->inst[k];
        struct pv_class *nc = u->set.news[in->cls_index];
        if (instance_bytes(nc->nfields) <= pv_gc_slot_size(&in->obj->h))
            continue;
        if (!(in->moved_to = pv_new_instance(vm, nc)))
            rc = -1;
        else
            u->nmoved++;
    }
    vm->alloc_sticky = sticky;
    return rc;
}

static void free_update(pv_update *u)
{
    for (int i = 0; u->maps && i < u->set.n; i++) {
        free(u->maps[i].from);
        free(u->maps[i].def);
    }
    free(u->maps);
    free(u->inst);
    free(u->set.olds);
    free(u->set.news);
    free(u->set.cfs);
    free(u);
}

int pv_update_prepare(pv_vm *vm, const pv_update_set *s, pv_update **out, char *err, size_t errlen)
{
    HAL_ASSERT(s->n > 0);
    pv_update *u = calloc(1, sizeof *u);
    if (!u) {
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    size_t n = (size_t)s->n;
    *u = (pv_update){.vm = vm, .set = {malloc(n * sizeof *s->olds), malloc(n * sizeof *s->news),
                                       malloc(n * sizeof *s->cfs), s->n},
                     .err = err, .errlen = errlen};
    err[0] = 0;
    if (!u->set.olds || !u->set.news || !u->set.cfs) {
        free_update(u);
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    memcpy(u->set.olds, s->olds, n * sizeof *s->olds);
    memcpy(u->set.news, s->news, n * sizeof *s->news);
    memcpy(u->set.cfs, s->cfs, n * sizeof *s->cfs);
    if (vm->gc->phase != PV_GC_IDLE)
        pv_gc_full(vm);
    if (pv_update_derive_subclasses(vm, u) < 0) {
        free_update(u);
        snprintf(err, errlen, "the update is refused, nothing changed: out of memory in the world "
                              "(new versions of the subclasses of the classes it replaces)");
        return -1;
    }
    struct walk w = {.u = u};
    pv_gc_each_object(vm, list_instance, &w);
    if (w.oom || make_maps(u) < 0) {
        free_update(u);
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    if (u->ninst)
        qsort(u->inst, u->ninst, sizeof *u->inst, by_address);
    if (pv_update_check(vm, u) < 0) {
        char head[64];
        snprintf(head, sizeof head, "the update is refused, nothing changed:\n");
        size_t hl = strlen(head), bl = strlen(err);
        if (hl + bl < errlen) {
            memmove(err + hl, err, bl + 1);
            memcpy(err, head, hl);
        }
        free_update(u);
        return -1;
    }
    if (make_moved(vm, u) < 0) {
        free_update(u);
        snprintf(err, errlen, "the update is refused, nothing changed: out of memory in the world "
                              "(migrated objects that grow need new room)");
        return -1;
    }
    *out = u;
    return 0;
}

void pv_update_abandon(pv_vm *vm, pv_update *u)
{
    (void)vm;
    free_update(u);
}

/* ---- commit ----------------------------------------------------------------- */

static void migrate(pv_vm *vm, pv_update *u, struct pv_update_inst *in)
{
    const struct pv_update_map *m = &u->maps[in->cls_index];
    struct pv_class *nc = u->set.news[in->cls_index];
    struct pv_instance *o = in->obj;
    uint32_t n = nc->nfields;
    pv_value *v = malloc((n + 1) * sizeof *v);
    bool *kept = calloc((size_t)o->nslots + 1, sizeof *kept);
    HAL_ASSERT(v && kept);   /* a few words per field: host memory this small does not run out */
    for (uint32_t j = 0; j < n; j++) {
        v[j] = m->from[j] >= 0 ? o->slot[m->from[j]] : m->def[j];
        if (m->from[j] >= 0)
            kept[m->from[j]] = true;
    }
    for (uint32_t j = 0; j < o->nslots; j++)
        if (!kept[j])
            pv_gc_dec(vm, o->slot[j]);   /* a removed field's value is released */
    struct pv_instance *to = in->moved_to ? in->moved_to : o;
    HAL_ASSERT(instance_bytes(n) <= pv_gc_slot_size(&to->h));
    if (to != o) {
        /* the count of references goes with the object: every one is
         * pointed at the new place by rewrite_refs */
        to->h.gc = (to->h.gc & (PV_GC_RC_ONE - 1)) | (o->h.gc & ~(PV_GC_RC_ONE - 1));
        to->h.flags |= o->h.flags & PV_OF_IMMUTABLE;
    } else {
        memset(o->slot, 0, pv_gc_slot_size(&o->h) - sizeof *o);
    }
    memcpy(to->slot, v, n * sizeof *v);
    to->nslots = n;
    to->h.cls = nc;
    free(v);
    free(kept);
}

static struct pv_instance *moved(const pv_update *u, pv_value v)
{
    if (!pv_is_obj(v))
        return NULL;
    struct pv_update_inst key = {.obj = pv_as_ptr(v)};
    const struct pv_update_inst *in = bsearch(&key, u->inst, u->ninst, sizeof *u->inst, by_address);
    return in ? in->moved_to : NULL;
}

static void rewrite_values(const pv_update *u, pv_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct pv_instance *to = moved(u, v[i]);
        if (to)
            v[i] = pv_from_ptr(to);
    }
}

static bool rewrite_object(void *ctx, struct pv_obj *o)
{
    pv_update *u = ctx;
    pv_gc_range r[PV_GC_MAX_RANGES];
    for (int i = pv_gc_value_ranges(o, r); i-- > 0;)
        rewrite_values(u, r[i].v, r[i].n);
    return true;
}

/* Every reference to a moved object, wherever it is, to its new place. */
static void rewrite_refs(pv_vm *vm, pv_update *u)
{
    pv_gc_each_object(vm, rewrite_object, u);
    if (vm->oom && moved(u, pv_from_ptr(vm->oom)))
        vm->oom = moved(u, pv_from_ptr(vm->oom));
    for (uint64_t k = 0; k < u->ninst; k++)
        if (u->inst[k].moved_to)
            pv_gc_free_slot(vm, &u->inst[k].obj->h);
}

static void carry_statics(pv_vm *vm, struct pv_class *oc, struct pv_class *nc)
{
    for (uint32_t i = 0; i < nc->nstatics; i++)
        for (uint32_t j = 0; j < oc->nstatics; j++)
            if (!strcmp(nc->static_names[i]->bytes, oc->static_names[j]->bytes))
                pv_gc_write(vm, &nc->statics[i], oc->statics[j]);
    for (uint32_t j = 0; j < oc->nstatics; j++)   /* the old code reaches the new statics */
        pv_gc_write(vm, &oc->statics[j], PV_NULL);
}

/* Points one class's constants at the new versions; a field or method
 * the new version lacks stays on the old one (only an old frame's code
 * can hold such a constant, and update_check.c refused the ones it
 * would reach). */
static void rebind_constants(pv_update *u, struct pv_class *c)
{
    const pv_update_set *s = &u->set;
    for (uint32_t i = 0; i < c->ninterfaces; i++)
        if (pv_update_index(s, c->interfaces[i]) >= 0)
            c->interfaces[i] = s->news[pv_update_index(s, c->interfaces[i])];
    for (uint32_t k = 1; k < c->nconsts; k++) {
        struct pv_cref *r = &c->kref[k];
        r->cache_cls = NULL;
        r->cache_m = NULL;
        int i;
        switch (c->ckind[k]) {
        case PV_CK_CLASS:
            if ((i = pv_update_index(s, r->p)) >= 0) {
                r->p = s->news[i];
                c->kval[k] = pv_from_ptr(r->p);
            }
            break;
        case PV_CK_FIELD:
            if ((i = pv_update_index(s, r->p)) >= 0) {
                int at = pv_update_field_after(s, r);
                if (at >= 0) {
                    r->p = s->news[i];
                    r->a = (uint32_t)at;
                }
            }
            break;
        case PV_CK_METHOD:
            if (pv_update_index(s, ((struct pv_method *)r->p)->owner) >= 0) {
                struct pv_method *m = pv_update_method_after(s, r->p);
                if (m) {
                    r->a = r->a == PV_NO_ORDINAL ? PV_NO_ORDINAL : m->ordinal;
                    r->p = m;
                }
            }
            break;
        default:
            break;
        }
    }
}

static bool rebind_class(void *ctx, struct pv_obj *o)
{
    if (o->cls->kind == PV_K_CLASS && ((struct pv_class *)o)->kref)
        rebind_constants(ctx, (struct pv_class *)o);
    return true;
}

/* Debug builds: the invariants above, over the whole heap. */
static bool no_old_instance(void *ctx, struct pv_obj *o)
{
    pv_update *u = ctx;
    if (o->cls->kind != PV_K_INSTANCE)
        return true;
    HAL_ASSERT(pv_update_index(&u->set, o->cls) < 0);
    for (int i = 0; i < u->set.n; i++)
        HAL_ASSERT(o->cls != u->set.news[i] || ((struct pv_instance *)o)->nslots == o->cls->nfields);
    return true;
}

/* upgrade(): a new thread for each migrated object whose new class has
 * an instance method upgrade() of no arguments, which it runs on that
 * object.  Started in the step of the update (a snapshot holds the
 * migrated object and its pending upgrade together), in the order of the
 * objects' addresses; an exception ends only its own thread, reported as
 * any uncaught one. */
static void start_upgrades(pv_vm *vm, const pv_update *u)
{
    uint64_t failed = 0;
    uint32_t sticky = vm->alloc_sticky;
    vm->alloc_sticky = 0;   /* threads are counted objects, as any thread's */
    for (uint64_t k = 0; k < u->ninst; k++) {
        const struct pv_update_inst *in = &u->inst[k];
        struct pv_instance *o = in->moved_to ? in->moved_to : in->obj;
        struct pv_method *m = pv_find_method(o->h.cls, "upgrade", 0);
        if (!m || (m->flags & (PV_MF_STATIC | PV_MF_NATIVE | PV_MF_CTOR)) || !m->code)
            continue;
        pv_value self = pv_from_ptr(o);
        if (!pv_thread_start(vm, m, &self, 1, 0))
            failed++;
    }
    vm->alloc_sticky = sticky;
    if (failed)
        pv_console_printf(vm, 2, "phantom: update: out of memory in the world: upgrade() did not run on %llu "
                                 "migrated objects\n", (unsigned long long)failed);
}

void pv_update_commit(pv_vm *vm, pv_update *u)
{
    HAL_ASSERT(vm->gc->phase == PV_GC_IDLE);   /* prepare finished any cycle; nothing ran since */
    /* The newest durable snapshot holds the world before this update: it
     * stays in the history until released (phantom snapshots --unpin). */
    pw_pin_newest(vm->w);
    for (uint64_t k = 0; k < u->ninst; k++)
        migrate(vm, u, &u->inst[k]);
    if (u->nmoved)
        rewrite_refs(vm, u);
    for (int i = 0; i < u->set.n; i++) {
        carry_statics(vm, u->set.olds[i], u->set.news[i]);
        uint32_t was = u->set.olds[i]->version ? u->set.olds[i]->version : 1;
        u->set.news[i]->version = was + 1;
    }
    pv_gc_each_object(vm, rebind_class, u);
    pv_call_cache_clear(vm);   /* its entries name the old versions' methods */
    if (HAL_DEBUG)
        pv_gc_each_object(vm, no_old_instance, u);
    start_upgrades(vm, u);
    free_update(u);
}
