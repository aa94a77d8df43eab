/*
 * callcache.h - the host-side cache of virtual calls that miss their
 * constant's one-entry cache (pv_vm.call_cache).
 *
 * A method constant caches one (class, method) pair in the world
 * (pv_cref.cache_cls/cache_m).  Interface calls find no common vtable slot,
 * and the compiler writes one constant for every call of the same method
 * in a class (the canonical form merges equal constants), so a site that
 * sees several classes, or two sites of one method that see different
 * ones (`g.apply(f.apply(x))`), would miss on every call and look the
 * method up by name.  This direct-mapped table, keyed by (class, key),
 * catches those: a hit costs a hash and two compares.  It is host memory,
 * never part of the world, so the persistent layout is unchanged and a
 * snapshot never sees it.
 */
#ifndef PHANTOM_VM_CALLCACHE_H
#define PHANTOM_VM_CALLCACHE_H

#include <stdint.h>
#include <string.h>

#include "vm.h"

static inline struct pv_call_cache *pv_call_cache_slot(pv_vm *vm, const struct pv_class *c, const void *key)
{
    uint64_t x = ((uint64_t)(uintptr_t)c ^ ((uint64_t)(uintptr_t)key >> 3)) * 0x9E3779B97F4A7C15ull;
    return &vm->call_cache[x >> 56 & (PV_CALL_CACHE_SIZE - 1)];
}

/* The method cached for (c, key), or NULL. */
static inline struct pv_method *pv_call_cache_get(pv_vm *vm, const struct pv_class *c, const void *key)
{
    struct pv_call_cache *e = pv_call_cache_slot(vm, c, key);
    return e->cls == c && e->key == key ? e->callee : NULL;
}

static inline void pv_call_cache_put(pv_vm *vm, const struct pv_class *c, const void *key, struct pv_method *m)
{
    *pv_call_cache_slot(vm, c, key) = (struct pv_call_cache){.cls = c, .key = key, .callee = m};
}

/* Empties the table: a class or method is about to be freed, or
 * constants were rebound to other methods. */
static inline void pv_call_cache_clear(pv_vm *vm)
{
    memset(vm->call_cache, 0, sizeof vm->call_cache);
}

#endif
