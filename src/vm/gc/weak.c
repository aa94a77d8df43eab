/*
 * weak.c - weak references (.internal.weakref, native/n_weakref.c) and
 * how the collectors clear them.
 *
 * A weak reference's target is kept in its word 0 without a count and
 * without being traced (pv_gc_value_ranges skips the word of an object
 * flagged PV_OF_WEAKREF), so it does not keep the target alive.  Every
 * weak reference with a target is listed in the world's registry, a
 * binary of raw pv_values (never traced) kept in the published-objects
 * directory under PV_WEAK_REGISTRY (n_weakref.c lists them); a target is flagged
 * PV_OF_WEAK_TARGET.  Both collectors free through pv_gc_free_object,
 * which calls pv_weak_freeing: a freed target is cleared from every weak
 * reference naming it, a freed weak reference leaves the registry.
 *
 * Invariant: every listed weak reference is a live object whose word 0
 * is null or a live object (or an immediate); checked in debug builds.
 */
#include <string.h>

#include "../vm.h"
#include "gc.h"

struct pv_binary *pv_weak_registry(pv_vm *vm)
{
    pv_value r = pv_dir_get_cstr(vm->root->names, PV_WEAK_REGISTRY);
    return pv_is_obj(r) && ((struct pv_obj *)pv_as_ptr(r))->cls->kind == PV_K_BINARY ? pv_as_ptr(r) : NULL;
}

static pv_value *target_word(struct pv_obj *ref)
{
    return &((struct pv_native_obj *)ref)->w[0];
}

pv_value pv_weak_get(pv_vm *vm, struct pv_obj *ref)
{
    pv_value t = *target_word(ref);
    if (!pv_is_obj(t))
        return t;
    struct pv_obj *o = pv_as_ptr(t);
    struct pv_gc *g = vm->gc;
    PV_GC_ASSERT(pv_gc_is_slot(o) && pv_gc_is_object(o));
    /* Unmarked during a sweep: garbage the sweep has not reached yet.  It
     * must not come back to life: cleared now. */
    if (g->phase == PV_GC_SWEEP && !pv_gc_marked(vm, o)) {
        *target_word(ref) = PV_NULL;
        return PV_NULL;
    }
    /* While marking, what a program reads through a weak reference is
     * alive from then on (the snapshot-at-the-beginning of marking did
     * not see the path). */
    if (g->phase == PV_GC_MARK)
        pv_gc_shade(vm, o);
    return t;
}

void pv_weak_freeing(pv_vm *vm, struct pv_obj *o)
{
    struct pv_binary *reg = pv_weak_registry(vm);
    if (!reg)
        return;
    uint32_t n = reg->len / (uint32_t)sizeof(pv_value);
    pv_value self = pv_from_ptr(o);
    for (uint32_t i = 0; i < n; i++) {
        pv_value v;
        memcpy(&v, reg->bytes + (size_t)i * sizeof v, sizeof v);
        struct pv_obj *ref = pv_as_ptr(v);
        if ((o->flags & PV_OF_WEAKREF) && v == self) {   /* a weak reference goes: off the list */
            memcpy(reg->bytes + (size_t)i * sizeof v, reg->bytes + (size_t)(n - 1) * sizeof v, sizeof v);
            reg->len -= (uint32_t)sizeof v;
            n--;
            i--;
            continue;
        }
        PV_GC_ASSERT(pv_gc_is_slot(ref) && pv_gc_is_object(ref) && (ref->flags & PV_OF_WEAKREF));
        if ((o->flags & PV_OF_WEAK_TARGET) && *target_word(ref) == self)
            *target_word(ref) = PV_NULL;   /* its target goes: cleared */
    }
}
