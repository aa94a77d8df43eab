/*
 * rc.c - the fast collector: deferred reference counting.
 *
 * Counts cover references from counted slots only (gc.h), so a count of
 * zero means "maybe garbage": only stacks, thread fields and the host's
 * roots may still hold the object.  The ZCT remembers such objects; a scan
 * flags everything those roots refer to (PV_GC_ONSTACK), frees every ZCT
 * object left unflagged, and lets what that frees cascade: a freed
 * object's references are released, and children whose count falls to
 * zero join the table being scanned.  Flagged objects stay in the table
 * for the next scan.
 *
 * With the complete collector:
 *  - during MARK, a freed object's children are shaded (its references
 *    vanish without passing through pv_gc_write, and marking must still
 *    see what was reachable when it began);
 *  - during SWEEP, an unmarked object is garbage whose children are
 *    garbage too or marked: it is freed without touching their counts,
 *    because a child the sweep freed already may have been reused.
 */
#include "gc.h"

static void zct_grow(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    uint64_t cap = g->zct_cap ? g->zct_cap * 2 : 4096;
    struct pv_obj **z = pv_gc_alloc_own(vm, cap * sizeof *z);
    if (!z)
        return;   /* the object stays out: the complete collector finds it */
    if (g->zct_n)
        memcpy(z, g->zct, g->zct_n * sizeof *z);
    pv_free_raw(vm, g->zct);
    g->zct = z;
    g->zct_cap = cap;
}

void pv_gc_zct_push(pv_vm *vm, struct pv_obj *o)
{
    struct pv_gc *g = vm->gc;
    if (o->gc & PV_GC_INZCT)
        return;
    if (g->zct_n == g->zct_cap) {
        zct_grow(vm);
        if (g->zct_n == g->zct_cap)
            return;
    }
    o->gc |= PV_GC_INZCT;
    g->zct[g->zct_n++] = o;
}

void pv_gc_retain_values(const pv_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pv_gc_inc(v[i]);
}

void pv_gc_release_values(pv_vm *vm, const pv_value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pv_gc_dec(vm, v[i]);
}

static void flag_root(pv_vm *vm, pv_value v)
{
    (void)vm;
    ((struct pv_obj *)pv_as_ptr(v))->gc |= PV_GC_ONSTACK;
}

static void unflag_root(pv_vm *vm, pv_value v)
{
    (void)vm;
    ((struct pv_obj *)pv_as_ptr(v))->gc &= ~PV_GC_ONSTACK;
}

void pv_gc_each_root(pv_vm *vm, pv_gc_visit *visit)
{
    struct pv_array *all = vm->root->threads;
    for (uint32_t i = 0; i < all->len; i++)
        pv_gc_trace_thread_roots(vm, pv_as_ptr(all->items[i]), visit);
    if (vm->oom)
        visit(vm, pv_from_ptr(vm->oom));
}

bool pv_gc_zct_scan(pv_vm *vm, uint64_t at_least, uint64_t deadline)
{
    struct pv_gc *g = vm->gc;
    if (!g->zct_n)
        return true;
    g->c.zct_scans++;
    pv_gc_each_root(vm, flag_root);
    uint64_t kept = 0, i = 0;
    /* Entries pushed while scanning (children freed objects released)
     * are looked at in this same pass: i runs to the growing end. */
    for (; i < g->zct_n; i++) {
        if ((i & 63) == 63 && i >= at_least && hal_now_mono_ns() >= deadline)
            break;
        struct pv_obj *o = g->zct[i];
        if (!pv_gc_is_object(o) || !(o->gc & PV_GC_INZCT))
            continue;   /* freed since it was pushed, or a stale duplicate */
        if (o->gc >> PV_GC_RC_SHIFT) {
            o->gc &= ~PV_GC_INZCT;   /* counted again: not garbage */
            continue;
        }
        if (o->gc & PV_GC_ONSTACK) {
            g->zct[kept++] = o;      /* a stack holds it: look again next time */
            continue;
        }
        bool garbage_of_sweep = g->phase == PV_GC_SWEEP && !pv_gc_marked(vm, o);
        if (!garbage_of_sweep)
            pv_gc_trace(vm, o, pv_gc_dec);   /* its references go away uncounted: shaded in MARK */
        g->c.rc_freed_objects++;
        g->c.rc_freed_bytes += pv_gc_slot_size(o);
        pv_gc_free_object(vm, o);
    }
    bool done = i == g->zct_n;
    g->zct_kept = kept;
    /* Entries not reached before the deadline wait for the next step. */
    while (i < g->zct_n)
        g->zct[kept++] = g->zct[i++];
    g->zct_n = kept;
    pv_gc_each_root(vm, unflag_root);
    return done;
}
