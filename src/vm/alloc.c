/*
 * alloc.c - allocating objects in the persistent space, and the questions
 * every part of the VM asks of a value: what is its class, is it an
 * instance of that one.
 */
#include "gc/gc.h"
#include "vm.h"

static bool kind_is_linked(const struct pv_class *cls)
{
    if (!cls)
        return true;   /* the classes of a new world, made before their class */
    switch (cls->kind) {
    case PV_K_CLASS: case PV_K_METHOD: case PV_K_THREAD:
    case PV_K_MUTEX: case PV_K_COND: case PV_K_SEMA:
        return true;
    default:
        return false;
    }
}

void *pv_alloc_obj(pv_vm *vm, struct pv_class *cls, size_t bytes)
{
    return pv_gc_alloc(vm, cls, bytes, vm->alloc_sticky || kind_is_linked(cls));
}

void *pv_alloc_sticky(pv_vm *vm, struct pv_class *cls, size_t bytes)
{
    return pv_gc_alloc(vm, cls, bytes, true);
}

void pv_free_obj(pv_vm *vm, void *o)
{
    if (o)
        pv_gc_free_object(vm, o);
}

void *pv_alloc_raw(pv_vm *vm, size_t bytes)
{
    return pv_gc_alloc_raw(vm, bytes);
}

void pv_free_raw(pv_vm *vm, void *p)
{
    pv_gc_free_raw(vm, p);
}

struct pv_instance *pv_new_instance(pv_vm *vm, struct pv_class *cls)
{
    size_t n = cls->nfields;
    struct pv_instance *o = pv_alloc_obj(vm, cls, sizeof *o + n * sizeof(pv_value));
    if (!o)
        return NULL;
    o->nslots = (uint32_t)n;
    for (size_t i = 0; i < n; i++)
        o->slot[i] = PV_NULL;
    return o;
}

/* Classes are tested with the display of ancestors (O(1)); interfaces by
 * scanning the class's flattened interface list, which is short. */
bool pv_is_subclass(const struct pv_class *c, const struct pv_class *of)
{
    if (!c || !of)
        return false;
    if (of->flags & PV_CF_INTERFACE) {
        for (uint32_t i = 0; i < c->ninterfaces; i++)
            if (c->interfaces[i] == of)
                return true;
        return c == of;
    }
    return of->depth <= c->depth && c->display[of->depth] == of;
}

bool pv_instance_of(pv_vm *vm, pv_value v, const struct pv_class *of)
{
    return v != PV_NULL && pv_is_subclass(pv_class_of(vm, v), of);
}

pv_value pv_new_object(pv_vm *vm, struct pv_class *cls, const char **why)
{
    void *o = NULL;
    *why = NULL;
    if (cls->flags & (PV_CF_INTERFACE | PV_CF_ABSTRACT)) {
        *why = "it is an interface or an abstract class";
        return PV_NULL;
    }
    switch (cls->kind) {
    case PV_K_INSTANCE: o = pv_new_instance(vm, cls); break;
    case PV_K_STRING: o = pv_str_new(vm, "", 0); break;
    case PV_K_ARRAY: o = pv_array_new(vm, 0); break;
    case PV_K_DIRECTORY: o = pv_dir_new(vm); break;
    case PV_K_BINARY: o = pv_alloc_obj(vm, cls, sizeof(struct pv_binary)); break;
    case PV_K_MUTEX: o = pv_alloc_obj(vm, cls, sizeof(struct pv_mutex)); break;
    case PV_K_COND: o = pv_alloc_obj(vm, cls, sizeof(struct pv_cond)); break;
    case PV_K_SEMA: o = pv_alloc_obj(vm, cls, sizeof(struct pv_sema)); break;
    case PV_K_NATIVE: {
        struct pv_native_obj *n = pv_alloc_obj(vm, cls, sizeof *n);
        for (int i = 0; n && i < PV_NATIVE_WORDS; i++)
            n->w[i] = PV_NULL;
        o = n;
        break;
    }
    default:
        *why = "its objects are made by the system, not by new";
        return PV_NULL;
    }
    return o ? pv_from_ptr(o) : PV_NULL;
}
