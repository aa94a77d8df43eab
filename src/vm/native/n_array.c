/*
 * n_array.c - .internal.container.array: growable arrays of any values.
 *
 * Iteration protocol: iterator() returns a new array holding the elements
 * as they are at the call (a snapshot), to be walked with size() and
 * get(i).  Changing the array while walking the snapshot is therefore safe
 * and never shows half-done changes.
 *
 * Methods that modify the array refuse one made immutable (setImmutable)
 * with IllegalStateException.  Element equality (indexOf, contains) is the
 * native one (pv_equals_native): numbers by value, strings by content,
 * other objects by identity.
 */
#include <stdlib.h>

#include "native.h"

static struct pv_array *self(pv_vm *vm, pv_value *args, const char *fn)
{
    return pv_arg_kind(vm, args[0], PV_K_ARRAY, fn, 0);
}

static struct pv_array *self_mutable(pv_vm *vm, pv_value *args, const char *fn)
{
    return pv_self_mutable(vm, args[0], PV_K_ARRAY, fn);
}

static int grow_failed(pv_vm *vm, const char *fn, int64_t i)
{
    if (i >= PV_ARRAY_MAX)
        return pv_throw(vm, PV_B_INDEX_EXC, "%s: index %lld beyond the largest array (%u)", fn,
                        (long long)i, PV_ARRAY_MAX);
    return pv_throw_oom(vm);
}

static int arr_iterator(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self(vm, args, "iterator");
    if (!a)
        return PV_NTHROW;
    return pv_ret_obj(vm, ret, pv_array_copy(vm, a, 0, a->len));
}

static int arr_get(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self(vm, args, "get");
    int32_t i;
    if (!a || !pv_arg_int(vm, args[1], "get", 1, &i) || !pv_check_index(vm, "get", i, a->len))
        return PV_NTHROW;
    *ret = a->items[i];
    return PV_NOK;
}

/* set(value, index): the original's order.  Past the end the array grows,
 * the slots between filled with null. */
static int arr_set(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_array *a = self_mutable(vm, args, "set");
    int32_t i;
    if (!a || !pv_arg_int(vm, args[2], "set", 2, &i))
        return PV_NTHROW;
    if (i < 0) {
        pv_check_index(vm, "set", i, a->len);   /* raises: i is negative */
        return PV_NTHROW;
    }
    if (pv_array_set(vm, a, (uint32_t)i, args[1]) < 0)
        return grow_failed(vm, "set", i);
    return PV_NOK;
}

static int arr_size(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self(vm, args, "size");
    if (!a)
        return PV_NTHROW;
    *ret = pv_int((int32_t)a->len);
    return PV_NOK;
}

static int push(pv_vm *vm, pv_value *args, const char *fn)
{
    struct pv_array *a = self_mutable(vm, args, fn);
    if (!a)
        return PV_NTHROW;
    if (pv_array_push(vm, a, args[1]) < 0)
        return grow_failed(vm, fn, a->len);
    return PV_NOK;
}

static int arr_add(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return push(vm, args, "add");
}

static int arr_push(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return push(vm, args, "push");
}

/* Removes n items at i (the caller checked the range): the tail moves down
 * and the freed slots go back to null. */
static void remove_items(pv_vm *vm, struct pv_array *a, uint32_t i, uint32_t n)
{
    if (n == 0)
        return;
    pv_gc_release_values(vm, a->items + i, n);
    memmove(a->items + i, a->items + i + n, (size_t)(a->len - i - n) * sizeof *a->items);
    for (uint32_t k = a->len - n; k < a->len; k++)
        a->items[k] = PV_NULL;
    a->len -= n;
}

static int arr_pop(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self_mutable(vm, args, "pop");
    if (!a)
        return PV_NTHROW;
    if (a->len == 0)
        return pv_throw(vm, PV_B_INDEX_EXC, "pop: the array is empty");
    *ret = a->items[a->len - 1];
    remove_items(vm, a, a->len - 1, 1);
    return PV_NOK;
}

static int arr_insert(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_array *a = self_mutable(vm, args, "insert");
    int32_t i;
    if (!a || !pv_arg_int(vm, args[1], "insert", 1, &i))
        return PV_NTHROW;
    if (i < 0 || (uint32_t)i > a->len)   /* i == len appends */
        return pv_throw(vm, PV_B_INDEX_EXC, "insert: index %d out of range for length %u", (int)i, a->len);
    if (pv_array_push(vm, a, PV_NULL) < 0)
        return grow_failed(vm, "insert", a->len);
    memmove(a->items + i + 1, a->items + i, (size_t)(a->len - 1 - (uint32_t)i) * sizeof *a->items);
    a->items[i] = args[2];   /* the slot's old value moved up: only count the new one */
    pv_gc_inc(args[2]);
    return PV_NOK;
}

static int arr_removeat(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self_mutable(vm, args, "removeAt");
    int32_t i;
    if (!a || !pv_arg_int(vm, args[1], "removeAt", 1, &i) ||
        !pv_check_index(vm, "removeAt", i, a->len))
        return PV_NTHROW;
    *ret = a->items[i];
    remove_items(vm, a, (uint32_t)i, 1);
    return PV_NOK;
}

static int64_t index_of(pv_vm *vm, const struct pv_array *a, pv_value v)
{
    for (uint32_t i = 0; i < a->len; i++)
        if (pv_equals_native(vm, a->items[i], v))
            return i;
    return -1;
}

static int arr_indexof(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self(vm, args, "indexOf");
    if (!a)
        return PV_NTHROW;
    *ret = pv_int((int32_t)index_of(vm, a, args[1]));
    return PV_NOK;
}

static int arr_contains(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self(vm, args, "contains");
    if (!a)
        return PV_NTHROW;
    *ret = pv_bool(index_of(vm, a, args[1]) >= 0);
    return PV_NOK;
}

static int arr_clear(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_array *a = self_mutable(vm, args, "clear");
    if (!a)
        return PV_NTHROW;
    remove_items(vm, a, 0, a->len);
    return PV_NOK;
}

static int cmp_numbers(const void *ctx, pv_value a, pv_value b)
{
    (void)ctx;
    pv_num x, y;
    pv_num_decode(a, &x);
    pv_num_decode(b, &y);
    return pv_num_compare(&x, &y);
}

static int cmp_strings(const void *ctx, pv_value a, pv_value b)
{
    (void)ctx;
    return pv_str_compare(pv_as_ptr(a), pv_as_ptr(b));
}

/* Ascending and stable; every element must be a number (compared by value
 * across int, long, float, double, char; NaN last) or every one a string
 * (byte order, which for UTF-8 is code point order). */
static int arr_sort(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_array *a = self_mutable(vm, args, "sort");
    if (!a)
        return PV_NTHROW;
    if (a->len < 2)
        return PV_NOK;
    pv_num n;
    bool numbers = pv_num_decode(a->items[0], &n);
    for (uint32_t i = 0; i < a->len; i++) {
        bool ok = numbers ? pv_num_decode(a->items[i], &n) : pv_obj_kind(a->items[i]) == PV_K_STRING;
        if (!ok)
            return pv_throw(vm, PV_B_TYPE_EXC,
                            "sort: elements must be all numbers or all strings; element %u is %s",
                            i, pv_type_name(vm, a->items[i]));
    }
    if (pv_sort_values(a->items, a->len, numbers ? cmp_numbers : cmp_strings, NULL) < 0)
        return pv_throw_oom(vm);
    return PV_NOK;
}

/* The text of every element (as toString gives it), sep between. */
static int arr_join(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self(vm, args, "join");
    struct pv_string *sep;
    if (!a || !(sep = pv_arg_string(vm, args[1], "join", 1)))
        return PV_NTHROW;
    pv_buf b = { 0 };
    for (uint32_t i = 0; i < a->len && !b.failed; i++) {
        if (i)
            pv_buf_add(&b, sep->bytes, sep->len);
        pv_buf_value(vm, &b, a->items[i]);
    }
    return pv_ret_obj(vm, ret, pv_buf_finish(vm, &b));
}

/* slice(from, to): a new array of the elements [from, to). */
static int arr_slice(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_array *a = self(vm, args, "slice");
    int32_t from, to;
    if (!a || !pv_arg_int(vm, args[1], "slice", 1, &from) || !pv_arg_int(vm, args[2], "slice", 2, &to))
        return PV_NTHROW;
    if (from < 0 || to < from || (uint32_t)to > a->len)
        return pv_throw(vm, PV_B_INDEX_EXC, "slice: from %d to %d out of range for length %u",
                        (int)from, (int)to, a->len);
    return pv_ret_obj(vm, ret, pv_array_copy(vm, a, (uint32_t)from, (uint32_t)to));
}

static const pv_native_method methods[] = {
    { "iterator", "()*", 8, 0, arr_iterator },
    { "get", "(*)*", 10, 0, arr_get },
    { "set", "(*,*)*", 11, 0, arr_set },
    { "size", "()*", 12, 0, arr_size },
    { "add", "(*)*", PV_NO_ORDINAL, 0, arr_add },
    { "push", "(*)*", PV_NO_ORDINAL, 0, arr_push },
    { "pop", "()*", PV_NO_ORDINAL, 0, arr_pop },
    { "insert", "(*,*)*", PV_NO_ORDINAL, 0, arr_insert },
    { "removeAt", "(*)*", PV_NO_ORDINAL, 0, arr_removeat },
    { "indexOf", "(*)*", PV_NO_ORDINAL, 0, arr_indexof },
    { "contains", "(*)*", PV_NO_ORDINAL, 0, arr_contains },
    { "clear", "()*", PV_NO_ORDINAL, 0, arr_clear },
    { "sort", "()*", PV_NO_ORDINAL, 0, arr_sort },
    { "join", "(*)*", PV_NO_ORDINAL, 0, arr_join },
    { "slice", "(*,*)*", PV_NO_ORDINAL, 0, arr_slice },
};

const pv_native_class pv_nc_array = {
    .name = ".internal.container.array",
    .kind = PV_K_ARRAY,
    .flags = PV_CF_FINAL,
    .methods = methods,
    .nmethods = PV_COUNTOF(methods),
};
