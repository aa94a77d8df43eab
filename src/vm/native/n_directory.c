/*
 * n_directory.c - .internal.directory: a map from string keys (compared by
 * content) to any values.
 *
 * Order: iterate(), keys() and values() list entries in the byte order of
 * their keys.  The order is deterministic and does not depend on the order
 * of insertion or on the table's history, so a program (and a test) sees
 * the same order after a restart, a clone or a rebuild.
 *
 * Keys must be strings (TypeException otherwise), for every method that
 * takes one.  Methods that modify refuse an immutable directory.
 */
#include <stdlib.h>

#include "native.h"

static struct pv_directory *self(pv_vm *vm, pv_value *args, const char *fn)
{
    return pv_arg_kind(vm, args[0], PV_K_DIRECTORY, fn, 0);
}

static struct pv_string *key_arg(pv_vm *vm, pv_value *args, const char *fn)
{
    if (pv_obj_kind(args[1]) == PV_K_STRING)
        return pv_as_ptr(args[1]);
    pv_throw(vm, PV_B_TYPE_EXC, "%s: key must be string, got %s", fn, pv_type_name(vm, args[1]));
    return NULL;
}

/* put(key, value): the value the key had before, or null. */
static int dir_put(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_directory *d = pv_self_mutable(vm, args[0], PV_K_DIRECTORY, "put");
    struct pv_string *k;
    if (!d || !(k = key_arg(vm, args, "put")))
        return PV_NTHROW;
    pv_value old = pv_dir_get(d, k, NULL);
    if (pv_dir_put(vm, d, k, args[2]) < 0)
        return pv_throw_oom(vm);   /* or over PV_DIR_MAX_CAP, which memory would not hold either */
    *ret = old;
    return PV_NOK;
}

static int dir_get(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_directory *d = self(vm, args, "get");
    struct pv_string *k;
    if (!d || !(k = key_arg(vm, args, "get")))
        return PV_NTHROW;
    *ret = pv_dir_get(d, k, NULL);
    return PV_NOK;
}

/* remove(key): the value removed, or null if the key was absent. */
static int dir_remove(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_directory *d = pv_self_mutable(vm, args[0], PV_K_DIRECTORY, "remove");
    struct pv_string *k;
    if (!d || !(k = key_arg(vm, args, "remove")))
        return PV_NTHROW;
    *ret = pv_dir_get(d, k, NULL);
    pv_dir_remove(vm, d, k);
    return PV_NOK;
}

static int dir_size(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_directory *d = self(vm, args, "size");
    if (!d)
        return PV_NTHROW;
    *ret = pv_int((int32_t)d->count);
    return PV_NOK;
}

static int dir_isempty(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_directory *d = self(vm, args, "isEmpty");
    if (!d)
        return PV_NTHROW;
    *ret = pv_bool(d->count == 0);
    return PV_NOK;
}

static int dir_containskey(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_directory *d = self(vm, args, "containsKey");
    struct pv_string *k;
    bool found;
    if (!d || !(k = key_arg(vm, args, "containsKey")))
        return PV_NTHROW;
    pv_dir_get(d, k, &found);
    *ret = pv_bool(found);
    return PV_NOK;
}

/* A new array of the keys, or of their values, in key order. */
static int listing(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, bool values)
{
    struct pv_directory *d = self(vm, args, fn);
    if (!d)
        return PV_NTHROW;
    pv_value *keys;
    struct pv_array *a = NULL;
    if (pv_dir_sorted_keys(d, &keys) == 0 && (a = pv_array_new(vm, d->count)))
        for (uint32_t i = 0; i < d->count; i++)
            pv_gc_write(vm, &a->items[i], values ? pv_dir_get(d, pv_as_ptr(keys[i]), NULL) : keys[i]);
    free(keys);
    return pv_ret_obj(vm, ret, a);
}

static int dir_iterate(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return listing(vm, args, ret, "iterate", false);
}

static int dir_keys(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return listing(vm, args, ret, "keys", false);
}

static int dir_values(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return listing(vm, args, ret, "values", true);
}

static int dir_clear(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_directory *d = pv_self_mutable(vm, args[0], PV_K_DIRECTORY, "clear");
    if (!d)
        return PV_NTHROW;
    pv_dir_clear(vm, d);
    return PV_NOK;
}

static const pv_native_method methods[] = {
    { "put", "(*,*)*", 8, 0, dir_put },
    { "get", "(*)*", 9, 0, dir_get },
    { "remove", "(*)*", 10, 0, dir_remove },
    { "size", "()*", 11, 0, dir_size },
    { "iterate", "()*", 12, 0, dir_iterate },
    { "containsKey", "(*)*", PV_NO_ORDINAL, 0, dir_containskey },
    { "keys", "()*", PV_NO_ORDINAL, 0, dir_keys },
    { "values", "()*", PV_NO_ORDINAL, 0, dir_values },
    { "isEmpty", "()*", PV_NO_ORDINAL, 0, dir_isempty },
    { "clear", "()*", PV_NO_ORDINAL, 0, dir_clear },
};

const pv_native_class pv_nc_directory = {
    .name = ".internal.directory",
    .kind = PV_K_DIRECTORY,
    .flags = PV_CF_FINAL,
    .methods = methods,
    .nmethods = PV_COUNTOF(methods),
};
