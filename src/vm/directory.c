/*
 * directory.c - hash tables from string keys (compared by content) to
 * values: open addressing with linear probing over a power-of-two table.
 *
 * A slot's key is PV_NULL when the slot is empty and PV_FALSE when it is a
 * tombstone (its entry was removed; probes continue past it).  count +
 * tombs stays at most 3/4 of cap, so every probe sequence meets an empty
 * slot.  Growing rehashes into a table sized for twice the live entries,
 * which also drops the tombstones (so a table that only churns does not
 * grow without bound).
 */
#include <stdlib.h>

#include "native/native.h"
#include "gc/gc.h"
#include "vm.h"

#define DIR_MIN_CAP 8u

struct pv_directory *pv_dir_new(pv_vm *vm)
{
    return pv_alloc_obj(vm, vm->b[PV_B_DIRECTORY], sizeof(struct pv_directory));
}

/* A key given as two pieces of bytes, a ++ b (b may be empty), and its
 * hash: a lookup can then use a key that was never built as a string. */
struct key {
    const char *a, *b;
    uint32_t alen, blen, hash;
};

static struct key whole(const char *bytes, uint32_t len, uint32_t h)
{
    return (struct key){.a = bytes, .alen = len, .b = "", .blen = 0, .hash = h};
}

/* The slot holding the key, or if absent the slot where it should go:
 * the first tombstone passed, else the empty slot that ended the probe. */
static uint32_t find(const struct pv_directory *d, const struct key *key, bool *found)
{
    uint32_t mask = d->cap - 1, i = key->hash & mask, tomb = UINT32_MAX, len = key->alen + key->blen;
    for (;;) {
        pv_value k = d->e[i].key;
        if (k == PV_NULL) {
            *found = false;
            return tomb != UINT32_MAX ? tomb : i;
        }
        if (k == PV_FALSE) {
            if (tomb == UINT32_MAX)
                tomb = i;
        } else {
            struct pv_string *s = pv_as_ptr(k);
            if (s->len == len && pv_str_hash(s) == key->hash && memcmp(s->bytes, key->a, key->alen) == 0 &&
                (key->blen == 0 || memcmp(s->bytes + key->alen, key->b, key->blen) == 0)) {
                *found = true;
                return i;
            }
        }
        i = (i + 1) & mask;
    }
}

static pv_value get(struct pv_directory *d, const struct key *key, bool *found)
{
    bool f = false;
    uint32_t i = d->cap ? find(d, key, &f) : 0;
    if (found)
        *found = f;
    return f ? d->e[i].val : PV_NULL;
}

pv_value pv_dir_get(struct pv_directory *d, struct pv_string *key, bool *found)
{
    struct key k = whole(key->bytes, key->len, pv_str_hash(key));
    return get(d, &k, found);
}

pv_value pv_dir_get_cstr(struct pv_directory *d, const char *key)
{
    size_t len = strlen(key);
    if (len > PV_STR_MAX)
        return PV_NULL;
    struct key k = whole(key, (uint32_t)len, pv_hash_bytes(key, len));
    return get(d, &k, NULL);
}

uint32_t pv_dir_hash2(const char *a, size_t alen, const char *b, size_t blen)
{
    return pv_hash_done(pv_hash_more(pv_hash_more(PV_HASH_START, a, alen), b, blen));
}

pv_value pv_dir_get2(struct pv_directory *d, const char *a, size_t alen, const char *b, size_t blen, uint32_t h)
{
    if (alen > PV_STR_MAX || blen > PV_STR_MAX - alen)
        return PV_NULL;
    struct key k = {.a = a, .alen = (uint32_t)alen, .b = b, .blen = (uint32_t)blen, .hash = h};
    HAL_ASSERT(h == pv_dir_hash2(a, alen, b, blen));
    return get(d, &k, NULL);
}

static struct pv_dir_entry *new_table(pv_vm *vm, uint32_t cap)
{
    struct pv_dir_entry *e = pv_alloc_raw(vm, (size_t)cap * sizeof *e);
    if (e)
        for (uint32_t i = 0; i < cap; i++)
            e[i].key = e[i].val = PV_NULL;
    return e;
}

/* Rehashes into a table with room for `live` entries at most half full. */
static int resize(pv_vm *vm, struct pv_directory *d, uint32_t live)
{
    uint64_t cap = DIR_MIN_CAP;
    while (cap < (uint64_t)live * 2)
        cap *= 2;
    if (cap > PV_DIR_MAX_CAP)
        return -1;
    struct pv_dir_entry *e = new_table(vm, (uint32_t)cap);
    if (!e)
        return -1;
    uint32_t mask = (uint32_t)cap - 1;
    for (uint32_t i = 0; i < d->cap; i++) {
        pv_value k = d->e[i].key;
        if (k == PV_NULL || k == PV_FALSE)
            continue;
        uint32_t j = pv_str_hash(pv_as_ptr(k)) & mask;
        while (e[j].key != PV_NULL)
            j = (j + 1) & mask;
        e[j] = d->e[i];
    }
    pv_free_raw(vm, d->e);
    d->e = e;
    d->cap = (uint32_t)cap;
    d->tombs = 0;
    return 0;
}

int pv_dir_put(pv_vm *vm, struct pv_directory *d, struct pv_string *key, pv_value v)
{
    struct key k = whole(key->bytes, key->len, pv_str_hash(key));
    bool found = false;
    uint32_t i = d->cap ? find(d, &k, &found) : 0;
    if (found) {
        pv_gc_write(vm, &d->e[i].val, v);
        return 0;
    }
    if ((uint64_t)(d->count + d->tombs + 1) * 4 > (uint64_t)d->cap * 3) {
        if (resize(vm, d, d->count + 1) < 0)
            return -1;
        i = find(d, &k, &found);
    }
    if (d->e[i].key == PV_FALSE)
        d->tombs--;
    pv_gc_write(vm, &d->e[i].key, pv_from_ptr(key));
    pv_gc_write(vm, &d->e[i].val, v);
    d->count++;
    return 0;
}

bool pv_dir_remove(pv_vm *vm, struct pv_directory *d, struct pv_string *key)
{
    struct key k = whole(key->bytes, key->len, pv_str_hash(key));
    bool found = false;
    uint32_t i = d->cap ? find(d, &k, &found) : 0;
    if (!found)
        return false;
    pv_gc_write(vm, &d->e[i].key, PV_FALSE);
    pv_gc_write(vm, &d->e[i].val, PV_NULL);
    d->count--;
    d->tombs++;
    return true;
}

void pv_dir_clear(pv_vm *vm, struct pv_directory *d)
{
    if (d->e)
        pv_gc_release_values(vm, (const pv_value *)d->e, (size_t)d->cap * 2);
    pv_free_raw(vm, d->e);
    d->e = NULL;
    d->cap = d->count = d->tombs = 0;
}

struct pv_directory *pv_dir_copy(pv_vm *vm, const struct pv_directory *d)
{
    struct pv_directory *c = pv_dir_new(vm);
    if (!c || !d->cap)
        return c;
    c->e = pv_alloc_raw(vm, (size_t)d->cap * sizeof *c->e);
    if (!c->e) {
        pv_free_obj(vm, c);
        return NULL;
    }
    memcpy(c->e, d->e, (size_t)d->cap * sizeof *c->e);
    pv_gc_retain_values((const pv_value *)c->e, (size_t)c->cap * 2);
    c->cap = d->cap;
    c->count = d->count;
    c->tombs = d->tombs;
    return c;
}

static int key_cmp(const void *ctx, pv_value a, pv_value b)
{
    (void)ctx;
    return pv_str_compare(pv_as_ptr(a), pv_as_ptr(b));
}

int pv_dir_sorted_keys(const struct pv_directory *d, pv_value **out)
{
    *out = NULL;
    if (!d->count)
        return 0;
    pv_value *keys = malloc((size_t)d->count * sizeof *keys);
    if (!keys)
        return -1;
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->cap; i++)
        if (d->e[i].key != PV_NULL && d->e[i].key != PV_FALSE)
            keys[n++] = d->e[i].key;
    if (pv_sort_values(keys, n, key_cmp, NULL) < 0) {
        free(keys);
        return -1;
    }
    *out = keys;
    return 0;
}
