/*
 * array.c - growable arrays of values.
 *
 * Items live in a separate block of cap slots so the array object itself
 * never moves when it grows.  Slots in [len, cap) always hold PV_NULL:
 * growing then only has to move len, and no stale reference hides beyond
 * the end (the collectors will scan whole blocks).
 */
#include <stdlib.h>

#include "gc/gc.h"
#include "native/native.h"
#include "vm.h"

static void fill_null(pv_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = PV_NULL;
}

/* Makes room for at least `need` slots: doubling, so n pushes cost O(n). */
static int grow(pv_vm *vm, struct pv_array *a, uint32_t need)
{
    if (need <= a->cap)
        return 0;
    if (need > PV_ARRAY_MAX)
        return -1;
    uint64_t cap = a->cap ? (uint64_t)a->cap * 2 : 4;
    if (cap < need)
        cap = need;
    if (cap > PV_ARRAY_MAX)
        cap = PV_ARRAY_MAX;
    pv_value *items = pv_alloc_raw(vm, (size_t)cap * sizeof *items);
    if (!items)
        return -1;
    if (a->len)
        memcpy(items, a->items, a->len * sizeof *items);
    fill_null(items + a->len, (size_t)cap - a->len);
    pv_free_raw(vm, a->items);
    a->items = items;
    a->cap = (uint32_t)cap;
    return 0;
}

struct pv_array *pv_array_new(pv_vm *vm, uint32_t len)
{
    if (len > PV_ARRAY_MAX)
        return NULL;
    struct pv_array *a = pv_alloc_obj(vm, vm->b[PV_B_ARRAY], sizeof *a);
    if (!a)
        return NULL;
    if (len) {
        pv_value *items = pv_alloc_raw(vm, (size_t)len * sizeof *items);
        if (!items) {
            pv_free_obj(vm, a);
            return NULL;
        }
        fill_null(items, len);
        a->items = items;
        a->cap = a->len = len;
    }
    return a;
}

int pv_array_set(pv_vm *vm, struct pv_array *a, uint32_t i, pv_value v)
{
    if (i >= PV_ARRAY_MAX || (i >= a->cap && grow(vm, a, i + 1) < 0))
        return -1;
    pv_gc_write(vm, &a->items[i], v);
    if (i >= a->len)
        a->len = i + 1;
    return 0;
}

int pv_array_push(pv_vm *vm, struct pv_array *a, pv_value v)
{
    return pv_array_set(vm, a, a->len, v);
}

struct pv_array *pv_array_copy(pv_vm *vm, const struct pv_array *a, uint32_t from, uint32_t to)
{
    struct pv_array *c = pv_array_new(vm, to - from);
    if (c && to > from)
    {
        memcpy(c->items, a->items + from, (size_t)(to - from) * sizeof *c->items);
        pv_gc_retain_values(c->items, to - from);
    }
    return c;
}

/* Bottom-up merge sort: stable (equal numbers of different types keep
 * their order) and O(n log n) for any input, unlike qsort on either count. */
int pv_sort_values(pv_value *v, size_t n, pv_value_cmp cmp, const void *ctx)
{
    if (n < 2)
        return 0;
    pv_value *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return -1;
    pv_value *src = v, *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = cmp(ctx, src[j], src[i]) < 0 ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        pv_value *t = src;
        src = dst;
        dst = t;
    }
    if (src != v)
        memcpy(v, src, n * sizeof *v);
    free(tmp);
    return 0;
}
