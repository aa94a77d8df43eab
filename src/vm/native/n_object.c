/*
 * n_object.c - .internal.object, the root of every class.
 *
 * Its methods work on any value, immediates included (an int's class is
 * .internal.int, which inherits them), and every internal class relies on
 * them for getClass, clone, equals, toString and hashCode rather than
 * repeating them.  Natives cannot call back into bytecode, so equals,
 * toString and hashCode here are the native notions (pv_equals_native,
 * pv_tostring_native, pv_hash_native): a Phantom class that wants its own
 * overrides them.
 */
#include "native.h"

static int obj_construct(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)args, (void)ret;
    return PV_NOK;
}

static int obj_getclass(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = pv_from_ptr(pv_class_of(vm, args[0]));
    return PV_NOK;
}

static struct pv_instance *clone_instance(pv_vm *vm, const struct pv_instance *o)
{
    size_t bytes = sizeof *o + (size_t)o->nslots * sizeof(pv_value);
    struct pv_instance *c = pv_alloc_obj(vm, o->h.cls, bytes);
    if (c) {
        c->nslots = o->nslots;
        memcpy(c->slot, o->slot, (size_t)o->nslots * sizeof(pv_value));
        pv_gc_retain_values(c->slot, o->nslots);
    }
    return c;
}

static struct pv_binary *clone_binary(pv_vm *vm, const struct pv_binary *b)
{
    struct pv_binary *c = pv_binary_new(vm, b->len);
    if (c && b->len)
        memcpy(c->bytes, b->bytes, b->len);
    return c;
}

/* A shallow copy: the copy's slots refer to the same objects.  Immutable
 * values (immediates, strings, anything made immutable) are their own clone. */
static int obj_clone(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_value self = args[0];
    if (!pv_is_obj(self) || (((struct pv_obj *)pv_as_ptr(self))->flags & PV_OF_IMMUTABLE)) {
        *ret = self;
        return PV_NOK;
    }
    void *o = pv_as_ptr(self);
    switch (pv_obj_kind(self)) {
    case PV_K_INSTANCE:
        return pv_ret_obj(vm, ret, clone_instance(vm, o));
    case PV_K_ARRAY: {
        const struct pv_array *a = o;
        return pv_ret_obj(vm, ret, pv_array_copy(vm, a, 0, a->len));
    }
    case PV_K_BINARY:
        return pv_ret_obj(vm, ret, clone_binary(vm, o));
    case PV_K_DIRECTORY:
        return pv_ret_obj(vm, ret, pv_dir_copy(vm, o));
    default:
        return pv_throw(vm, PV_B_TYPE_EXC, "clone: %s objects cannot be cloned",
                        pv_type_name(vm, self));
    }
}

static int obj_equals(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = pv_bool(pv_equals_native(vm, args[0], args[1]));
    return PV_NOK;
}

static int obj_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return pv_ret_obj(vm, ret, pv_tostring_native(vm, args[0]));
}

/* Immediates are immutable already.  Only the interpreter's field stores
 * and the natives that modify containers check the flag. */
static int obj_setimmutable(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)ret;
    if (pv_is_obj(args[0]))
        ((struct pv_obj *)pv_as_ptr(args[0]))->flags |= PV_OF_IMMUTABLE;
    return PV_NOK;
}

static int obj_hashcode(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = pv_int((int32_t)pv_hash_native(vm, args[0]));
    return PV_NOK;
}

static const pv_native_method methods[] = {
    { "construct", "()*", 0, 0, obj_construct },
    { "destruct", "()*", 1, 0, obj_construct },
    { "getClass", "()*", 2, 0, obj_getclass },
    { "clone", "()*", 3, 0, obj_clone },
    { "equals", "(*)*", 4, 0, obj_equals },
    { "toString", "()*", 5, 0, obj_tostring },
    { "setImmutable", "()*", 14, 0, obj_setimmutable },
    { "hashCode", "()*", 15, 0, obj_hashcode },
};

const pv_native_class pv_nc_object = {
    .name = ".internal.object",
    .super = NULL,
    .kind = PV_K_INSTANCE,
    .methods = methods,
    .nmethods = PV_COUNTOF(methods),
};
