/*
 * n_weakref.c - .internal.weakref: a reference that does not keep its
 * object alive.  Both collectors clear it when the object is freed
 * (gc/weak.c).  The original declared only getMyObject [8] and set the
 * target from C alone; here a program sets it too.
 */
#include <string.h>

#include "native.h"

/* Makes target the object ref names, listing ref in the registry at its
 * first target (gc/weak.c); -1 out of memory. */
static int weak_set(pv_vm *vm, struct pv_obj *ref, pv_value target)
{
    struct pv_binary *reg = pv_weak_registry(vm);
    if (!reg) {
        struct pv_string *k = pv_str_cstr(vm, PV_WEAK_REGISTRY);
        reg = k ? pv_binary_new(vm, 0) : NULL;
        if (!reg || pv_dir_put(vm, vm->root->names, k, pv_from_ptr(reg)) < 0)
            return -1;
    }
    if (!(ref->flags & PV_OF_WEAKREF)) {
        uint32_t n = reg->len;
        if (pv_binary_resize(vm, reg, n + (uint32_t)sizeof(pv_value)) < 0)
            return -1;
        pv_value v = pv_from_ptr(ref);
        memcpy(reg->bytes + n, &v, sizeof v);
        ref->flags |= PV_OF_WEAKREF;
    }
    if (pv_is_obj(target))
        ((struct pv_obj *)pv_as_ptr(target))->flags |= PV_OF_WEAK_TARGET;
    ((struct pv_native_obj *)ref)->w[0] = target;   /* uncounted: the point of it */
    return 0;
}

static int wr_get(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = pv_weak_get(vm, pv_as_ptr(args[0]));
    return PV_NOK;
}

static int wr_set(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return weak_set(vm, pv_as_ptr(args[0]), args[1]) < 0 ? pv_throw_oom(vm) : PV_NOK;
}

static int wr_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "weakref"));
}

static const pv_native_method weakref_methods[] = {
    {"toString", "()*", 5, 0, wr_tostring},
    {"getMyObject", "()*", 8, 0, wr_get},
    {"setObject", "(*)void", 9, 0, wr_set},
    {"get", "()*", PV_NO_ORDINAL, 0, wr_get},
    {"set", "(*)void", PV_NO_ORDINAL, 0, wr_set},
};

const pv_native_class pv_nc_weakref = {
    ".internal.weakref", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, weakref_methods, PV_COUNTOF(weakref_methods),
};
