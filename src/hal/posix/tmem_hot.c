/*
 * tmem_hot.c - hot pages: pages the program writes snapshot after snapshot
 * are left writable, and the freeze compares them with a copy instead of
 * catching their writes (strategies with write faults: uffd, mprotect).
 *
 * Why: with those strategies every snapshot write-protects its frozen set,
 * so the program faults on each such page again at its next write: two
 * context switches and a TLB shootdown per page and snapshot.  A program
 * that keeps writing the same few dozen pages (a server's counters, its
 * threads' stacks, the allocator's headers) at hundreds of snapshots a
 * second (output commit) spent more CPU in those faults than in its own
 * work (BENCHMARKS.md, issue 14).
 *
 * How: a write fault on a clean page makes it hot (if the hot set has room
 * and a COW slot is free) instead of dirty: it stays writable, owns a COW
 * slot holding its content as of the last snapshot that saved it, and a
 * flag "must be saved" (force).  The freeze (program stopped) compares
 * each hot page with its slot; a page that differs, or must be saved, is
 * copied into its slot and joins the frozen set with the slot as its
 * frozen copy (so the program may write it at once and the snapshot reads
 * the slot); one that is equal is unchanged since that snapshot and is
 * left out.  A hot page unchanged over TMEM_HOT_IDLE freezes goes back to
 * ordinary tracking (hal_tmem_prepare: protected, then compared once
 * more), so pages written once do not cost a comparison forever.
 *
 * Invariants (debug builds check them in tmem.c's check_running and here):
 *   a hot page is resident, never dirty, pending nor write-protected;
 *   while RUNNING its slot holds what the last successful snapshot that
 *     included it wrote, unless force is set (a failed snapshot sets it);
 *   the instant rule becomes: a page the program can write is dirty or hot,
 *     and the freeze saves every hot page whose content may differ from
 *     what is durable.
 * The table changes under the COW pool lock: fault handlers add entries
 * (after their stripe lock: stripe, then pool, as everywhere), the
 * snapshot thread removes them in hal_tmem_prepare; the freeze reads it
 * with the program stopped.
 */
#define _GNU_SOURCE
#include "tmem_internal.h"

#include <string.h>

bool tmem_hot_is(const hal_tmem *t, uint64_t pg) { return t->hot_slot && t->hot_slot[pg]; }

bool tmem_hot_is_copy(const hal_tmem *t, uint64_t pg, int32_t slot)
{
    return t->hot_slot && t->hot_slot[pg] == (uint32_t)slot + 1;
}

/* Index of pg in the table, or -1 (under the pool lock). */
static int find(const hal_tmem *t, uint64_t pg)
{
    for (uint32_t i = 0; i < t->nhot; i++)
        if (t->hot[i].pg == pg)
            return (int)i;
    return -1;
}

bool tmem_hot_note_write(hal_tmem *t, uint64_t pg)
{
    if (!t->hot_slot)
        return false;
    /* A dirty or pending page is tracked already and saved by the next
     * snapshot as it is; only a clean page changes tracking here. */
    if (tmem_test(t->dirty, pg) || tmem_test(t->pending, pg))
        return false;
    bool hot = false;
    tmem_pool_lock(t);
    if (t->hot_slot[pg]) { /* cannot fault (never protected); kept safe anyway */
        int i = find(t, pg);
        if (i >= 0)
            t->hot[i].force = true;
        hot = true;
    } else if (t->nhot < t->hot_cap && t->cow_nfree > t->cow_slots / 2) {
        int32_t s = t->cow_free[--t->cow_nfree];
        t->hot_slot[pg] = (uint32_t)s + 1;
        t->hot[t->nhot++] = (tmem_hot_entry){.pg = pg, .idle = 0, .force = true, .save = false};
        hot = true;
    }
    tmem_pool_unlock(t);
    return hot;
}

/* Removes entry i (pool lock held): its slot goes back to the pool. */
static void drop_entry(hal_tmem *t, int i)
{
    uint64_t pg = t->hot[i].pg;
    t->cow_free[t->cow_nfree++] = (int32_t)t->hot_slot[pg] - 1;
    t->hot_slot[pg] = 0;
    t->hot[i] = t->hot[--t->nhot];
}

int tmem_hot_retire(hal_tmem *t)
{
    if (!t->hot_slot)
        return 0;
    uint64_t idle[TMEM_HOT_MAX];
    uint32_t n = 0;
    tmem_pool_lock(t);
    for (uint32_t i = 0; i < t->nhot; i++)
        if (!t->hot[i].force && t->hot[i].idle >= TMEM_HOT_IDLE)
            idle[n++] = t->hot[i].pg;
    tmem_pool_unlock(t);
    int rc = 0;
    for (uint32_t k = 0; k < n && !rc; k++) {
        uint64_t pg = idle[k];
        /* Protected first, then compared: a write before the protection
         * shows in the comparison, one after it faults and waits for the
         * stripe lock, then finds the page clean or dirty as decided here. */
        tmem_lock(t, pg);
        rc = t->ops->protect(t, pg, 1);
        if (!rc) {
            tmem_pool_lock(t);
            bool same = !memcmp(t->ops->view(t, pg), tmem_cow_page(t, (int32_t)t->hot_slot[pg] - 1),
                                HAL_PAGE_SIZE);
            int i = find(t, pg);
            HAL_ASSERT(i >= 0);
            if (i >= 0) {
                bool force = t->hot[i].force;
                drop_entry(t, i);
                if (!same || force)
                    tmem_mark_dirty(t, pg); /* protected and dirty: the next snapshot saves it */
            }
            tmem_pool_unlock(t);
        }
        tmem_unlock(t, pg);
    }
    return rc;
}

uint32_t tmem_hot_collect(hal_tmem *t)
{
    if (!t->hot_slot)
        return 0;
    tmem_pool_lock(t);
    uint32_t n = t->nhot;
    tmem_pool_unlock(t);
    uint32_t saved = 0;
    for (uint32_t i = 0; i < n; i++) {
        tmem_hot_entry *e = &t->hot[i];
        uint8_t *copy = tmem_cow_page(t, (int32_t)t->hot_slot[e->pg] - 1);
        const void *now = t->ops->view(t, e->pg);
        HAL_ASSERT(tmem_test(t->resident, e->pg) && !tmem_test(t->dirty, e->pg));
        HAL_ASSERT(!tmem_test(t->pending, e->pg));
        e->save = e->force || memcmp(now, copy, HAL_PAGE_SIZE) != 0;
        if (!e->save) {
            if (e->idle < UINT8_MAX)
                e->idle++;
            continue;
        }
        memcpy(copy, now, HAL_PAGE_SIZE);
        e->force = false;
        e->idle = 0;
        uint64_t w = e->pg >> 6;
        atomic_fetch_or_explicit(&t->fresh[w], 1ull << (e->pg & 63), memory_order_relaxed);
        atomic_fetch_or_explicit(&t->fresh_summary[w >> 6], 1ull << (w & 63), memory_order_relaxed);
        saved++;
    }
    t->hot_frozen = n;
    return saved;
}

void tmem_hot_attach(hal_tmem *t)
{
    if (!t->hot_slot)
        return;
    for (uint32_t i = 0; i < t->hot_frozen; i++) {
        tmem_hot_entry *e = &t->hot[i];
        if (!e->save)
            continue;
        e->save = false;
        ssize_t k = tmem_frozen_index(t, e->pg);
        HAL_ASSERT(k >= 0);
        if (k < 0)
            continue;
        t->cow_of[k] = (int32_t)t->hot_slot[e->pg] - 1;
        tmem_set(t->saved, e->pg); /* writable: the snapshot reads the slot */
    }
    t->hot_frozen = 0;
}

void tmem_hot_forget_save(hal_tmem *t, uint64_t pg)
{
    tmem_pool_lock(t);
    int i = find(t, pg);
    if (i >= 0)
        t->hot[i].force = true;
    tmem_pool_unlock(t);
}

uint64_t tmem_hot_written(hal_tmem *t)
{
    if (!t->hot_slot)
        return 0;
    uint64_t n = 0;
    tmem_pool_lock(t);
    for (uint32_t i = 0; i < t->nhot; i++)
        n += t->hot[i].force;
    tmem_pool_unlock(t);
    return n;
}
