/*
 * tmem.c - tracked memory: the strategy-independent part.  Dirty tracking,
 * freeze/thaw of the frozen set, copy-on-write copies with a bounded pool
 * (writers wait rather than exhaust memory), and eviction of clean pages.
 */
#define _GNU_SOURCE
#include "tmem_internal.h"

#include <errno.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_COW_LIMIT (256ull << 20)

/* Best first: hal_tmem_open(NULL) takes the first that works here. */
static const tmem_ops *const all_ops[] = {&tmem_uffd_async_ops, &tmem_uffd_ops, &tmem_mprotect_ops};
#define NOPS (sizeof all_ops / sizeof all_ops[0])

const char *const *hal_tmem_strategies(void)
{
    static const char *names[NOPS + 1];
    for (size_t i = 0; i < NOPS; i++)
        names[i] = all_ops[i]->name;
    return names;
}

static void unknown_strategy(const char *name, char *why, size_t whylen)
{
    int k = snprintf(why, whylen, "unknown snapshot strategy '%s' (known:", name);
    for (size_t i = 0; i < NOPS && k > 0 && (size_t)k < whylen; i++)
        k += snprintf(why + k, whylen - (size_t)k, "%s %s", i ? "," : "", all_ops[i]->name);
    if (k > 0 && (size_t)k < whylen)
        snprintf(why + k, whylen - (size_t)k, ")");
}

static const tmem_ops *find_ops(const char *name)
{
    for (size_t i = 0; i < NOPS; i++)
        if (!strcmp(all_ops[i]->name, name))
            return all_ops[i];
    return NULL;
}

int hal_tmem_probe(const char *strategy, char *why, size_t whylen)
{
    const tmem_ops *ops = find_ops(strategy);
    if (!ops) {
        unknown_strategy(strategy, why, whylen);
        return -EINVAL;
    }
    return ops->probe(why, whylen);
}

/* The stripe and pool locks sleep in the kernel when they find the lock
 * held, instead of spinning with sched_yield: a holder preempted on a busy
 * machine (the handler thread in the middle of a fill, the snapshot thread
 * protecting a run) otherwise has its waiters burn the CPU it needs, which
 * made an engine-API writer fault-bound beside a spinning snapshot thread
 * (issue 19).  A short spin first covers the common case, a holder that is
 * running and releases within a few hundred nanoseconds.
 *
 * Async-signal-safety, for the mprotect strategy's SIGSEGV handler, which
 * takes a stripe lock on the faulting thread:
 *   - the lock is atomics plus the futex system call (a raw syscall, safe
 *     in a signal handler; the handler saves and restores errno);
 *   - the handler can interrupt a holder of the same lock only if the
 *     holder faults on the space while holding it, and no holder does:
 *     every code path that holds a stripe or pool lock touches only the
 *     engine's alias (mprotect), the COW pool, the bitmaps and the bounce
 *     buffers, never the program's view of the space.  A spin lock had the
 *     same requirement (it would spin forever), so nothing new is asked;
 *   - a sleeping waiter needs the holder to run, which it always can: the
 *     holder is another thread, or an outer frame of this thread that the
 *     rule above excludes. */
static long futex(tmem_lockword *w, int op, uint32_t val)
{
    return syscall(SYS_futex, (uint32_t *)w, op | FUTEX_PRIVATE_FLAG, val, NULL, NULL, 0);
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

static void lockword_take(hal_tmem *t, tmem_lockword *w)
{
    uint32_t c = 0;
    if (atomic_compare_exchange_strong_explicit(w, &c, 1, memory_order_acquire, memory_order_relaxed))
        return;
    for (int spin = 0; spin < 100; spin++) {
        cpu_relax();
        c = 0;
        if (atomic_load_explicit(w, memory_order_relaxed) == 0 &&
            atomic_compare_exchange_weak_explicit(w, &c, 1, memory_order_acquire, memory_order_relaxed))
            return;
    }
    atomic_fetch_add_explicit(&t->lock_waits, 1, memory_order_relaxed);
    /* Held: announce a sleeper (2) and sleep until the word changes.
     * Taking it by exchange leaves it at 2, so our release wakes whoever
     * else may be asleep. */
    while (atomic_exchange_explicit(w, 2, memory_order_acquire) != 0)
        futex(w, FUTEX_WAIT, 2);
}

static void lockword_give(tmem_lockword *w)
{
    if (atomic_exchange_explicit(w, 0, memory_order_release) == 2)
        futex(w, FUTEX_WAKE, 1);
}

void tmem_lock(hal_tmem *t, uint64_t pgno) { lockword_take(t, &t->stripe[pgno % TMEM_STRIPES]); }

void tmem_unlock(hal_tmem *t, uint64_t pgno) { lockword_give(&t->stripe[pgno % TMEM_STRIPES]); }

static void pool_lock(hal_tmem *t) { lockword_take(t, &t->cow_lock); }
static void pool_unlock(hal_tmem *t) { lockword_give(&t->cow_lock); }

static int32_t cow_take(hal_tmem *t)
{
    pool_lock(t);
    int32_t s = t->cow_nfree ? t->cow_free[--t->cow_nfree] : -1;
    pool_unlock(t);
    return s;
}

static void cow_give(hal_tmem *t, int32_t s)
{
    pool_lock(t);
    t->cow_free[t->cow_nfree++] = s;
    pool_unlock(t);
}

static uint8_t *cow_page(hal_tmem *t, int32_t s) { return t->cow_pool + (size_t)s * HAL_PAGE_SIZE; }

void tmem_pool_lock(hal_tmem *t) { pool_lock(t); }
void tmem_pool_unlock(hal_tmem *t) { pool_unlock(t); }
uint8_t *tmem_cow_page(hal_tmem *t, int32_t slot) { return cow_page(t, slot); }

/* Index of pgno in the sorted frozen list, or -1. */
static ssize_t frozen_index(hal_tmem *t, uint64_t pgno)
{
    size_t lo = 0, hi = t->nfrozen;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->frozen_list[mid] < pgno)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nfrozen && t->frozen_list[lo] == pgno ? (ssize_t)lo : -1;
}

ssize_t tmem_frozen_index(hal_tmem *t, uint64_t pgno) { return frozen_index(t, pgno); }

void tmem_mark_dirty(hal_tmem *t, uint64_t pgno)
{
    HAL_ASSERT(tmem_test(t->resident, pgno));
    uint64_t bit = 1ull << (pgno & 63);
    uint64_t old = atomic_fetch_or_explicit(&t->dirty[pgno >> 6], bit, memory_order_acq_rel);
    if (!(old & bit)) {
        atomic_fetch_add_explicit(&t->ndirty, 1, memory_order_relaxed);
        uint64_t w = pgno >> 6;
        atomic_fetch_or_explicit(&t->dirty_summary[w >> 6], 1ull << (w & 63), memory_order_acq_rel);
    }
}

static void mark_resident(hal_tmem *t, uint64_t pgno)
{
    /* Only a page nobody has could be filled: nothing may track it yet. */
    HAL_ASSERT(!tmem_test(t->resident, pgno) && !tmem_test(t->dirty, pgno));
    HAL_ASSERT(!tmem_test(t->frozen, pgno) && !tmem_test(t->pending, pgno));
    tmem_set(t->resident, pgno);
    atomic_fetch_add_explicit(&t->nresident, 1, memory_order_relaxed);
}

void tmem_note_filled(hal_tmem *t, uint64_t pgno, bool dirty)
{
    mark_resident(t, pgno);
    atomic_fetch_add_explicit(&t->fill_faults, 1, memory_order_relaxed);
    if (dirty)
        tmem_mark_dirty(t, pgno);
}

bool tmem_note_write(hal_tmem *t, uint64_t pgno)
{
    atomic_fetch_add_explicit(&t->write_faults, 1, memory_order_relaxed);
    bool throttled = false;
    for (;;) {
        if (!tmem_test(t->resident, pgno))
            return false;
        if (!tmem_test(t->frozen, pgno) || tmem_test(t->saved, pgno))
            break;
        ssize_t i = frozen_index(t, pgno);
        HAL_ASSERT(t->phase == TMEM_FROZEN && i >= 0); /* frozen pages are listed */
        if (i < 0 || t->cow_of[i] >= 0)
            break;
        int32_t s = cow_take(t);
        if (s >= 0) {
            memcpy(cow_page(t, s), t->ops->view(t, pgno), HAL_PAGE_SIZE);
            t->cow_of[i] = s;
            atomic_fetch_add_explicit(&t->cow_copies, 1, memory_order_relaxed);
            break;
        }
        /* Pool exhausted: wait for the snapshot writer to save pages and
         * return copies, instead of growing memory without bound. */
        tmem_unlock(t, pgno);
        if (!throttled) {
            throttled = true;
            atomic_fetch_add_explicit(&t->cow_throttled, 1, memory_order_relaxed);
        }
        struct timespec ts = {0, 50000};
        nanosleep(&ts, NULL);
        tmem_lock(t, pgno);
    }
    if (!tmem_hot_note_write(t, pgno))
        tmem_mark_dirty(t, pgno);
    return true;
}

static void *zalloc_pages(size_t bytes)
{
    return bytes ? hal_pages_alloc((bytes + HAL_PAGE_SIZE - 1) & ~(size_t)(HAL_PAGE_SIZE - 1)) : NULL;
}
static void free_pages(void *p, size_t bytes)
{
    hal_pages_free(p, (bytes + HAL_PAGE_SIZE - 1) & ~(size_t)(HAL_PAGE_SIZE - 1));
}

static void tmem_free(hal_tmem *t)
{
    free_pages((void *)t->dirty, t->bitmap_bytes);
    free_pages((void *)t->dirty_summary, t->bitmap_bytes / 64 + 8);
    free_pages((void *)t->resident, t->bitmap_bytes);
    free_pages((void *)t->frozen, t->bitmap_bytes);
    free_pages((void *)t->saved, t->bitmap_bytes);
    free_pages((void *)t->pending, t->bitmap_bytes);
    free_pages((void *)t->pending_summary, t->bitmap_bytes / 64 + 8);
    free_pages((void *)t->fresh, t->bitmap_bytes);
    free_pages((void *)t->fresh_summary, t->bitmap_bytes / 64 + 8);
    free(t->frozen_list);
    free(t->cow_of);
    free_pages(t->cow_pool, (size_t)t->cow_slots * HAL_PAGE_SIZE);
    free(t->cow_free);
    free_pages(t->populate_buf, (size_t)TMEM_POPULATE_BATCH * HAL_PAGE_SIZE);
    if (t->precopy_slot)
        free_pages(t->precopy_slot, t->npages * sizeof *t->precopy_slot);
    if (t->hot_slot)
        free_pages(t->hot_slot, t->npages * sizeof *t->hot_slot);
    hal_mutex_destroy(&t->populate_lock);
    free(t);
}

int hal_tmem_open(const char *strategy, const hal_tmem_config *cfg, hal_tmem **out, char *why,
                  size_t whylen)
{
    if (!strategy) { /* the best that works: probe, and also set up */
        int rc = -ENOTSUP;
        for (size_t i = 0; i < NOPS; i++) {
            if (cfg->bounded && all_ops[i]->unbounded)
                continue;
            rc = hal_tmem_open(all_ops[i]->name, cfg, out, why, whylen);
            if (rc == 0 || rc == -EEXIST)
                return rc; /* -EEXIST: the address is taken; no strategy helps */
        }
        return rc;
    }
    const tmem_ops *ops = find_ops(strategy);
    if (!ops) {
        unknown_strategy(strategy, why, whylen);
        return -EINVAL;
    }
    int prc = ops->probe(why, whylen);
    if (prc)
        return prc;
    if ((uintptr_t)cfg->base % HAL_PAGE_SIZE || !cfg->size || cfg->size % HAL_PAGE_SIZE) {
        snprintf(why, whylen, "space base and size must be page aligned");
        return -EINVAL;
    }
    hal_tmem *t = calloc(1, sizeof *t);
    if (!t)
        return -ENOMEM;
    t->ops = ops;
    t->cfg = *cfg;
    t->base = cfg->base;
    t->npages = cfg->size / HAL_PAGE_SIZE;
    t->words = (size_t)((t->npages + 63) / 64);
    t->bitmap_bytes = t->words * 8;
    /* Bitmaps are mapped, not touched: a 64 GiB space costs only the words
     * that pages actually use. */
    t->dirty = zalloc_pages(t->bitmap_bytes);
    t->dirty_summary = zalloc_pages(t->bitmap_bytes / 64 + 8);
    t->resident = zalloc_pages(t->bitmap_bytes);
    t->frozen = zalloc_pages(t->bitmap_bytes);
    t->saved = zalloc_pages(t->bitmap_bytes);
    t->pending = zalloc_pages(t->bitmap_bytes);
    t->pending_summary = zalloc_pages(t->bitmap_bytes / 64 + 8);
    t->fresh = zalloc_pages(t->bitmap_bytes);
    t->fresh_summary = zalloc_pages(t->bitmap_bytes / 64 + 8);
    uint64_t limit = cfg->cow_limit ? cfg->cow_limit : DEFAULT_COW_LIMIT;
    t->cow_slots = (uint32_t)(limit / HAL_PAGE_SIZE < 16 ? 16 : limit / HAL_PAGE_SIZE);
    t->cow_pool = zalloc_pages((size_t)t->cow_slots * HAL_PAGE_SIZE);
    t->cow_free = malloc(sizeof(int32_t) * t->cow_slots);
    t->populate_buf = zalloc_pages((size_t)TMEM_POPULATE_BATCH * HAL_PAGE_SIZE);
    if (ops->harvest)
        t->precopy_slot = zalloc_pages(t->npages * sizeof *t->precopy_slot);
    else
        t->hot_slot = zalloc_pages(t->npages * sizeof *t->hot_slot);
    t->hot_cap = t->cow_slots / 4 < TMEM_HOT_MAX ? t->cow_slots / 4 : TMEM_HOT_MAX;
    hal_mutex_init(&t->populate_lock);
    for (size_t i = 0; i < TMEM_STRIPES; i++)
        atomic_init(&t->stripe[i], 0);
    atomic_init(&t->cow_lock, 0);
    if (!t->dirty || !t->dirty_summary || !t->resident || !t->frozen || !t->saved || !t->pending ||
        !t->pending_summary || !t->fresh || !t->fresh_summary || !t->cow_pool || !t->cow_free ||
        !t->populate_buf || (ops->harvest ? !t->precopy_slot : !t->hot_slot)) {
        tmem_free(t);
        snprintf(why, whylen, "out of memory for page-state bitmaps");
        return -ENOMEM;
    }
    for (uint32_t i = 0; i < t->cow_slots; i++)
        t->cow_free[i] = (int32_t)(t->cow_slots - 1 - i);
    t->cow_nfree = t->cow_slots;
    int rc = ops->init(t, why, whylen);
    if (rc) {
        tmem_free(t);
        return rc;
    }
    *out = t;
    return 0;
}

void hal_tmem_close(hal_tmem *t)
{
    if (!t)
        return;
    t->ops->fini(t);
    tmem_free(t);
}

const char *hal_tmem_name(const hal_tmem *t) { return t->ops->name; }

static int frozen_reserve(hal_tmem *t, size_t n)
{
    if (n <= t->frozen_cap)
        return 0;
    size_t cap = t->frozen_cap ? t->frozen_cap : 1024;
    while (cap < n)
        cap *= 2;
    uint64_t *l = realloc(t->frozen_list, cap * sizeof *l);
    if (!l)
        return -ENOMEM;
    t->frozen_list = l;
    int32_t *c = realloc(t->cow_of, cap * sizeof *c);
    if (!c)
        return -ENOMEM;
    t->cow_of = c;
    t->frozen_cap = cap;
    return 0;
}

/* A freeze that failed: the pages of word w in bits are dirty again. */
static void redirty(hal_tmem *t, size_t w, uint64_t bits)
{
    atomic_fetch_or(&t->dirty[w], bits);
    atomic_fetch_or(&t->dirty_summary[w >> 6], 1ull << (w & 63));
    atomic_fetch_add(&t->ndirty, (uint64_t)__builtin_popcountll(bits));
}

/* Moves every dirty bit into bm (and its summary); returns pages moved.
 * Safe while writers run: a bit set concurrently either moves now or stays
 * for the next call, and its summary bit is set after it. */
static uint64_t move_dirty(hal_tmem *t, _Atomic uint64_t *bm, _Atomic uint64_t *bm_summary)
{
    uint64_t moved = 0;
    size_t swords = (t->words + 63) / 64;
    for (size_t s = 0; s < swords; s++) {
        /* A plain load first: most summary words are zero, and an atomic
         * exchange of each would cost a locked instruction per 256 KiB of
         * space (thousands per snapshot) for nothing. */
        if (!atomic_load_explicit(&t->dirty_summary[s], memory_order_relaxed))
            continue;
        uint64_t sum = atomic_exchange_explicit(&t->dirty_summary[s], 0, memory_order_acq_rel);
        while (sum) {
            size_t w = s * 64 + (size_t)__builtin_ctzll(sum);
            sum &= sum - 1;
            uint64_t bits = atomic_exchange_explicit(&t->dirty[w], 0, memory_order_acq_rel);
            if (!bits)
                continue;
            atomic_fetch_or_explicit(&bm[w], bits, memory_order_relaxed);
            atomic_fetch_or_explicit(&bm_summary[w >> 6], 1ull << (w & 63), memory_order_relaxed);
            moved += (uint64_t)__builtin_popcountll(bits);
        }
    }
    atomic_fetch_sub(&t->ndirty, moved);
    return moved;
}

static void lock_run(hal_tmem *t, uint64_t first, uint64_t n, bool lock)
{
    uint64_t k = n < TMEM_STRIPES ? n : TMEM_STRIPES;
    /* Always in ascending stripe order: fault handlers hold one at most. */
    for (uint64_t s = 0; s < TMEM_STRIPES; s++) {
        uint64_t off = (s + TMEM_STRIPES - first % TMEM_STRIPES) % TMEM_STRIPES;
        if (off >= k)
            continue;
        if (lock)
            tmem_lock(t, s);
        else
            tmem_unlock(t, s);
    }
}

/* Write-protects every run of pages set in bm.  running: writers may be
 * faulting, so each run is protected under its pages' stripe locks (a write
 * fault holds its page's lock from marking the page dirty until removing
 * the protection, so it cannot undo this protection unseen). */
static int protect_runs(hal_tmem *t, _Atomic uint64_t *bm, _Atomic uint64_t *bm_summary,
                        bool running)
{
    uint64_t first = 0, n = 0;
    int rc = 0;
    size_t swords = (t->words + 63) / 64;
    for (size_t s = 0; s <= swords && !rc; s++) {
        uint64_t sum = s < swords ? atomic_load(&bm_summary[s]) : 0;
        do {
            uint64_t bits = 0, w = 0;
            if (sum) {
                w = s * 64 + (uint64_t)__builtin_ctzll(sum);
                sum &= sum - 1;
                bits = atomic_load(&bm[w]);
            }
            for (;;) {
                uint64_t pg = bits ? w * 64 + (uint64_t)__builtin_ctzll(bits) : UINT64_MAX;
                if (n && pg != first + n) { /* the run ends: protect it */
                    if (running)
                        lock_run(t, first, n, true);
                    rc = t->ops->protect(t, first, n);
                    if (running)
                        lock_run(t, first, n, false);
                    n = 0;
                    if (rc)
                        return rc;
                }
                if (!bits)
                    break;
                if (!n)
                    first = pg;
                n++;
                bits &= bits - 1;
            }
        } while (sum);
    }
    return rc;
}

/* The freeze's last step (program stopped): pending and fresh pages become
 * the frozen set, listed in order, or with rc (the freeze failed) dirty
 * again.  Harvesting strategies also give each frozen page its copy:
 * its precopy if current, else one taken now (slots were counted and the
 * pool grown by freeze_copying); a failed freeze drops the precopies, to
 * be redone by the next snapshot.  Returns the frozen pages. */
static bool precopy(hal_tmem *t, uint64_t pg);
static size_t form_frozen(hal_tmem *t, int rc)
{
    bool copying = t->ops->harvest != NULL;
    size_t n = 0;
    size_t swords = (t->words + 63) / 64;
    for (size_t s = 0; s < swords; s++) {
        if (!atomic_load_explicit(&t->pending_summary[s], memory_order_relaxed) &&
            !atomic_load_explicit(&t->fresh_summary[s], memory_order_relaxed))
            continue; /* as in move_dirty */
        uint64_t sum = atomic_exchange(&t->pending_summary[s], 0) | atomic_exchange(&t->fresh_summary[s], 0);
        while (sum) {
            size_t w = s * 64 + (size_t)__builtin_ctzll(sum);
            sum &= sum - 1;
            uint64_t fresh = atomic_exchange(&t->fresh[w], 0);
            uint64_t bits = atomic_exchange(&t->pending[w], 0) | fresh;
            if (rc) {
                redirty(t, w, bits);
            } else {
                atomic_fetch_or_explicit(&t->frozen[w], bits, memory_order_relaxed);
                atomic_fetch_and_explicit(&t->saved[w], ~bits, memory_order_relaxed);
            }
            for (; bits && (copying || !rc); bits &= bits - 1) {
                uint64_t b = bits & -bits, pg = (uint64_t)w * 64 + (uint64_t)__builtin_ctzll(bits);
                if (copying && rc && t->precopy_slot[pg])
                    cow_give(t, (int32_t)t->precopy_slot[pg] - 1);
                if (copying && !rc && ((fresh & b) || !t->precopy_slot[pg])) {
                    bool ok = precopy(t, pg);
                    HAL_ASSERT(ok); /* counted by freeze_copying */
                    (void)ok;
                }
                if (!rc) {
                    t->frozen_list[n] = pg;
                    t->cow_of[n++] = copying ? (int32_t)t->precopy_slot[pg] - 1 : -1;
                }
                if (copying)
                    t->precopy_slot[pg] = 0;
            }
        }
    }
    t->npending = 0;
    t->nfrozen = n;
    t->phase = TMEM_FROZEN;
    return n;
}

/* ---- snapshots without write faults (harvesting strategies) ---------------
 *
 * With uffd-async no write reaches us, so a frozen page cannot be copied on
 * its first write after the freeze.  Instead every frozen page is copied,
 * and the instant is kept by when:
 *   prepare, program running: rounds of harvest (protect again and mark
 *     dirty what was written) then copy each page marked in that round
 *     into its own COW slot (its precopy); a write during or after the
 *     copy lands on a page the harvest just protected, so the kernel marks
 *     it written again and a later harvest reports it;
 *   freeze, program stopped: a last harvest; the pages it reports, and
 *     those with no precopy, are copied now; every other precopy is current.
 * Invariant (checked at the freeze in debug builds): once the freeze
 * returns, every frozen page's COW slot equals the page as it was at the
 * freeze instant, so read_frozen serves the slot and the program may write
 * the page at once.  The pause costs the last round's pages, not the
 * interval's.  Rounds stop when one marks few pages or stops shrinking. */
#define PRECOPY_ROUNDS 4
#define PRECOPY_ENOUGH 64u /* pages: a round this small is left to the stop */

/* Harvesting strategies only: adds at least `more` slots to the COW pool.
 * Every frozen page needs a copy with them (no write fault tells which
 * will be written), so a dirty set larger than the configured pool grows
 * it rather than failing the snapshot: the memory is the dirty set's size,
 * as a fork()-based snapshot would pay.  Called by the snapshot thread
 * while no copy is being read (RUNNING, or the stop), so moving the pool
 * invalidates no pointer into it. */
static int pool_grow(hal_tmem *t, uint32_t more)
{
    uint32_t add = more > t->cow_slots / 4 ? more : t->cow_slots / 4;
    size_t old = (size_t)t->cow_slots * HAL_PAGE_SIZE, bytes = old + (size_t)add * HAL_PAGE_SIZE;
    int32_t *f = realloc(t->cow_free, sizeof(int32_t) * (t->cow_slots + add));
    if (!f)
        return -ENOMEM;
    t->cow_free = f;
    void *p = mremap(t->cow_pool, old, bytes, MREMAP_MAYMOVE);
    if (p == MAP_FAILED)
        return -ENOMEM;
    pool_lock(t);
    t->cow_pool = p;
    for (uint32_t i = 0; i < add; i++)
        t->cow_free[t->cow_nfree++] = (int32_t)(t->cow_slots + i);
    t->cow_slots += add;
    pool_unlock(t);
    return 0;
}

/* Copies page pg into its precopy slot (taking one if it has none, and
 * growing the pool if it is empty).  False if no memory could be had. */
static bool precopy(hal_tmem *t, uint64_t pg)
{
    uint32_t s = t->precopy_slot[pg];
    if (!s) {
        int32_t k = cow_take(t);
        if (k < 0 && pool_grow(t, 1) == 0)
            k = cow_take(t);
        if (k < 0)
            return false;
        s = (uint32_t)k + 1;
        t->precopy_slot[pg] = s;
        t->nprecopied++;
    }
    memcpy(cow_page(t, (int32_t)s - 1), t->ops->view(t, pg), HAL_PAGE_SIZE);
    return true;
}

/* Runs body for each page pg set in bm (with its summary words sums). */
#define FOR_EACH_MARKED(t, bm, sums, pg, body)                                      \
    do {                                                                           \
        size_t swords_ = ((t)->words + 63) / 64;                                   \
        for (size_t s_ = 0; s_ < swords_; s_++)                                    \
            for (uint64_t sum_ = atomic_load(&(sums)[s_]); sum_; sum_ &= sum_ - 1) { \
                size_t w_ = s_ * 64 + (size_t)__builtin_ctzll(sum_);               \
                for (uint64_t b_ = atomic_load(&(bm)[w_]); b_; b_ &= b_ - 1) {     \
                    uint64_t pg = (uint64_t)w_ * 64 + (uint64_t)__builtin_ctzll(b_); \
                    body;                                                          \
                }                                                                  \
            }                                                                      \
    } while (0)

/* Moves bm into pending (both cleared), for a round's pages. */
static void join_pending(hal_tmem *t, _Atomic uint64_t *bm, _Atomic uint64_t *sums)
{
    size_t swords = (t->words + 63) / 64;
    for (size_t s = 0; s < swords; s++) {
        if (!atomic_load_explicit(&sums[s], memory_order_relaxed))
            continue; /* as in move_dirty */
        uint64_t sum = atomic_exchange(&sums[s], 0);
        atomic_fetch_or(&t->pending_summary[s], sum);
        for (; sum; sum &= sum - 1) {
            size_t w = s * 64 + (size_t)__builtin_ctzll(sum);
            atomic_fetch_or(&t->pending[w], atomic_exchange(&bm[w], 0));
        }
    }
}

static int precopy_rounds(hal_tmem *t)
{
    uint64_t last = UINT64_MAX;
    for (int round = 0; round < PRECOPY_ROUNDS; round++) {
        int rc = t->ops->harvest(t);
        if (rc)
            return rc;
        uint64_t n = move_dirty(t, t->fresh, t->fresh_summary);
        FOR_EACH_MARKED(t, t->fresh, t->fresh_summary, pg, precopy(t, pg));
        join_pending(t, t->fresh, t->fresh_summary);
        t->npending += n;
        if (n <= PRECOPY_ENOUGH || n > last / 2)
            break;
        last = n;
    }
    return 0;
}

/* Debug builds, program stopped: the invariant above. */
static void check_copies(hal_tmem *t)
{
    if (!HAL_DEBUG)
        return;
    for (size_t i = 0; i < t->nfrozen; i++) {
        HAL_ASSERT(t->cow_of[i] >= 0);
        HAL_ASSERT(!memcmp(cow_page(t, t->cow_of[i]), t->ops->view(t, t->frozen_list[i]),
                           HAL_PAGE_SIZE));
    }
}

/* The freeze of a harvesting strategy (program stopped). */
static int freeze_copying(hal_tmem *t)
{
    int rc = t->ops->harvest(t);
    uint64_t nfresh = move_dirty(t, t->fresh, t->fresh_summary);
    if (!rc)
        rc = frozen_reserve(t, (size_t)(t->npending + nfresh));
    /* Slots needed now: frozen pages without a precopy. */
    uint64_t need = 0;
    FOR_EACH_MARKED(t, t->fresh, t->fresh_summary, pg, need += !t->precopy_slot[pg]);
    FOR_EACH_MARKED(t, t->pending, t->pending_summary, pg,
                    need += !t->precopy_slot[pg] && !tmem_test(t->fresh, pg));
    if (!rc && need > t->cow_nfree)
        rc = pool_grow(t, (uint32_t)(need - t->cow_nfree)); /* failing: abandoned, pages stay dirty */
    form_frozen(t, rc);
    t->nprecopied = 0;
    check_copies(t);
    return rc;
}

int hal_tmem_prepare(hal_tmem *t)
{
    HAL_ASSERT(t->phase == TMEM_RUNNING);
    if (t->ops->harvest)
        return precopy_rounds(t);
    int rc = tmem_hot_retire(t);
    if (rc)
        return rc;
    t->npending += move_dirty(t, t->pending, t->pending_summary);
    return protect_runs(t, t->pending, t->pending_summary, true);
}

/* Debug builds: what RUNNING promises (tmem_internal.h).  Writers may run:
 * a page is made resident before it is marked dirty or pending, and only
 * this thread (the snapshot's) makes pages non-resident, so reading the
 * marks before the resident bits never reports a false violation. */
static void check_running(hal_tmem *t)
{
    HAL_ASSERT(t->phase == TMEM_RUNNING && t->nfrozen == 0);
    if (!HAL_DEBUG)
        return;
    /* Under the pool lock: a write fault may make a page hot meanwhile. */
    pool_lock(t);
    HAL_ASSERT(t->cow_nfree + t->nprecopied + t->nhot == t->cow_slots);
    for (uint32_t i = 0; i < t->nhot; i++) /* tmem_hot.c's invariants */
        HAL_ASSERT(tmem_test(t->resident, t->hot[i].pg) && !tmem_test(t->frozen, t->hot[i].pg) &&
                   !tmem_test(t->pending, t->hot[i].pg));
    pool_unlock(t);
    _Atomic uint64_t *marks[2] = {t->dirty, t->pending}, *sums[2] = {t->dirty_summary, t->pending_summary};
    size_t swords = (t->words + 63) / 64;
    for (int k = 0; k < 2; k++)
        for (size_t s = 0; s < swords; s++)
            for (uint64_t sum = atomic_load(&sums[k][s]); sum; sum &= sum - 1) {
                size_t w = s * 64 + (size_t)__builtin_ctzll(sum);
                uint64_t m = atomic_load(&marks[k][w]);
                HAL_ASSERT((m & ~atomic_load(&t->resident[w])) == 0);
                HAL_ASSERT(atomic_load(&t->frozen[w]) == 0);
            }
}

int hal_tmem_freeze(hal_tmem *t, const uint64_t **pages, size_t *npages)
{
    check_running(t);
    if (t->ops->harvest) {
        int rc = freeze_copying(t);
        *pages = t->frozen_list;
        *npages = t->nfrozen;
        return rc;
    }
    uint64_t bound = t->npending + move_dirty(t, t->fresh, t->fresh_summary) + t->nhot;
    int rc = frozen_reserve(t, (size_t)bound);
    if (!rc)
        rc = protect_runs(t, t->fresh, t->fresh_summary, false);
    if (!rc) /* after the protection: hot pages stay writable */
        tmem_hot_collect(t);
    size_t n = form_frozen(t, rc);
    if (!rc)
        tmem_hot_attach(t);
    HAL_ASSERT(rc || n <= bound); /* a page may be both pending and fresh */
    *pages = t->frozen_list;
    *npages = n;
    return rc;
}

void hal_tmem_read_frozen(hal_tmem *t, uint64_t pgno, void *dst)
{
    tmem_lock(t, pgno);
    ssize_t i = frozen_index(t, pgno);
    HAL_ASSERT(t->phase == TMEM_FROZEN && i >= 0 && tmem_test(t->frozen, pgno));
    HAL_ASSERT(tmem_test(t->resident, pgno));
    if (i >= 0 && t->cow_of[i] >= 0) {
        memcpy(dst, cow_page(t, t->cow_of[i]), HAL_PAGE_SIZE);
        if (!tmem_hot_is_copy(t, pgno, t->cow_of[i]))
            cow_give(t, t->cow_of[i]);
        t->cow_of[i] = -1;
    } else {
        memcpy(dst, t->ops->view(t, pgno), HAL_PAGE_SIZE);
    }
    tmem_set(t->saved, pgno);
    tmem_unlock(t, pgno);
}

void hal_tmem_thaw(hal_tmem *t, bool durable)
{
    HAL_ASSERT(t->phase == TMEM_FROZEN);
    for (size_t i = 0; i < t->nfrozen; i++) {
        uint64_t pg = t->frozen_list[i];
        HAL_ASSERT(tmem_test(t->frozen, pg) && tmem_test(t->resident, pg));
        tmem_lock(t, pg);
        if (!durable && tmem_hot_is(t, pg))
            tmem_hot_forget_save(t, pg); /* writable: saved again by the next freeze */
        else if (!durable)
            tmem_mark_dirty(t, pg); /* abandoned: must be written again */
        if (t->cow_of[i] >= 0) {
            if (!tmem_hot_is_copy(t, pg, t->cow_of[i]))
                cow_give(t, t->cow_of[i]);
            t->cow_of[i] = -1;
        }
        tmem_set(t->saved, pg);
        tmem_clear(t->frozen, pg);
        tmem_unlock(t, pg);
    }
    t->nfrozen = 0;
    t->phase = TMEM_RUNNING;
    check_running(t);
}

/* Marks n pages from first resident (and dirty, when they are to be
 * writable: the instant rule) and maps them with the content at src;
 * stops the process if the host refuses.  Under their stripe locks. */
static void install_run(hal_tmem *t, uint64_t first, uint64_t n, const uint8_t *src, bool writable)
{
    for (uint64_t p = first; p < first + n; p++) {
        mark_resident(t, p);
        if (writable)
            tmem_mark_dirty(t, p);
    }
    int rc = t->ops->install(t, first, n, src, writable);
    if (rc) {
        char msg[200];
        snprintf(msg, sizeof msg, "cannot map pages %llu..%llu of the persistent space: %s",
                 (unsigned long long)first, (unsigned long long)(first + n - 1), hal_strerror(rc));
        t->cfg.fatal(t->cfg.ctx, HAL_FATAL_HOST, msg);
    }
}

/* Installs the pages of one batch (at most TMEM_POPULATE_BATCH, so each
 * has its own stripe) that are not resident.  Under the batch's stripe
 * locks, as a first-touch fault does it for one page: every such page is
 * filled into the bounce pages, then marked resident and dirty, and only
 * then mapped writable (the instant rule); a fault on one of them waits for
 * the lock and then finds it resident.  Holding the locks across the
 * install also keeps hal_tmem_prepare from protecting a page marked but
 * not yet mapped (see serve_missing in tmem_uffd.c). */
static void populate_batch(hal_tmem *t, uint64_t first, uint64_t n)
{
    lock_run(t, first, n, true);
    uint64_t run_first = 0, run_n = 0;
    for (uint64_t pg = first; pg <= first + n; pg++) {
        bool take = pg < first + n && !tmem_test(t->resident, pg);
        if (take) {
            if (!run_n)
                run_first = pg;
            uint8_t *dst = t->populate_buf + (pg - first) * HAL_PAGE_SIZE;
            int rc = t->cfg.fill(t->cfg.ctx, pg, dst);
            if (rc) {
                char msg[160];
                snprintf(msg, sizeof msg, "cannot load page %llu of the persistent space: %s",
                         (unsigned long long)pg, hal_strerror(rc));
                t->cfg.fatal(t->cfg.ctx, HAL_FATAL_FILL, msg);
            }
            run_n++;
            continue;
        }
        if (!run_n)
            continue;
        install_run(t, run_first, run_n, t->populate_buf + (run_first - first) * HAL_PAGE_SIZE, true);
        atomic_fetch_add_explicit(&t->populated, run_n, memory_order_relaxed);
        run_n = 0;
    }
    lock_run(t, first, n, false);
}

void hal_tmem_populate(hal_tmem *t, uint64_t first, uint64_t n)
{
    HAL_ASSERT(first <= t->npages && n <= t->npages - first);
    hal_mutex_lock(&t->populate_lock);
    while (n) {
        uint64_t k = n < TMEM_POPULATE_BATCH ? n : TMEM_POPULATE_BATCH;
        populate_batch(t, first, k);
        first += k;
        n -= k;
    }
    hal_mutex_unlock(&t->populate_lock);
}

/* One batch of hal_tmem_preload (at most TMEM_POPULATE_BATCH pages, so
 * each has its own stripe), under the batch's stripe locks as a read
 * fault holds its page's: a page is taken only if it is not resident and
 * the caller confirms src still holds what fill() would return for it
 * (the image may have moved on since src was read: a page loaded, written,
 * saved and evicted meanwhile has a newer block).  Taken pages are marked
 * resident, not dirty, and mapped write-protected: from then on they are
 * exactly as if a read fault had filled them, so write tracking, freezes
 * and eviction treat them alike. */
static uint64_t preload_batch(hal_tmem *t, uint64_t first, uint64_t n, const uint8_t *src,
                              hal_preload_check_fn still, void *ctx)
{
    lock_run(t, first, n, true);
    uint64_t run_first = 0, run_n = 0, taken = 0;
    for (uint64_t pg = first; pg <= first + n; pg++) {
        const uint8_t *page = src + (pg - first) * HAL_PAGE_SIZE;
        if (pg < first + n && !tmem_test(t->resident, pg) && still(ctx, pg, page)) {
            if (!run_n)
                run_first = pg;
            run_n++;
            continue;
        }
        if (!run_n)
            continue;
        install_run(t, run_first, run_n, src + (run_first - first) * HAL_PAGE_SIZE, false);
        taken += run_n;
        run_n = 0;
    }
    lock_run(t, first, n, false);
    atomic_fetch_add_explicit(&t->preloaded, taken, memory_order_relaxed);
    return taken;
}

uint64_t hal_tmem_preload(hal_tmem *t, uint64_t first, uint64_t n, const void *src, hal_preload_check_fn still,
                          void *ctx)
{
    HAL_ASSERT(first <= t->npages && n <= t->npages - first);
    uint64_t taken = 0;
    while (n) {
        uint64_t k = n < TMEM_POPULATE_BATCH ? n : TMEM_POPULATE_BATCH;
        taken += preload_batch(t, first, k, src, still, ctx);
        src = (const uint8_t *)src + k * HAL_PAGE_SIZE;
        first += k;
        n -= k;
    }
    return taken;
}

void hal_tmem_evict(hal_tmem *t, uint64_t target)
{
    uint64_t scanned = 0;
    while (atomic_load(&t->nresident) > target && scanned < t->npages) {
        uint64_t pg = t->evict_hand;
        t->evict_hand = pg + 1 >= t->npages ? 0 : pg + 1;
        scanned++;
        if (!(pg & 63) && !atomic_load_explicit(&t->resident[pg >> 6], memory_order_relaxed)) {
            uint64_t skip = 63;
            if (pg + 64 > t->npages)
                skip = t->npages - pg - 1;
            t->evict_hand = pg + skip + 1 >= t->npages ? 0 : pg + skip + 1;
            scanned += skip;
            continue;
        }
        if (!tmem_test(t->resident, pg))
            continue;
        tmem_lock(t, pg);
        if (tmem_test(t->resident, pg) && !tmem_test(t->dirty, pg) && !tmem_test(t->frozen, pg) &&
            !tmem_test(t->pending, pg) && !tmem_hot_is(t, pg) && t->ops->drop(t, pg) == 0) {
            tmem_clear(t->resident, pg);
            atomic_fetch_sub(&t->nresident, 1);
            atomic_fetch_add(&t->evictions, 1);
        }
        tmem_unlock(t, pg);
    }
}

void hal_tmem_stats_get(hal_tmem *t, hal_tmem_stats *s)
{
    s->resident_pages = atomic_load(&t->nresident);
    s->dirty_pages = atomic_load(&t->ndirty) + tmem_hot_written(t);
    s->fill_faults = atomic_load(&t->fill_faults);
    s->write_faults = atomic_load(&t->write_faults);
    s->cow_copies = atomic_load(&t->cow_copies);
    s->cow_throttled = atomic_load(&t->cow_throttled);
    s->evictions = atomic_load(&t->evictions);
    s->lock_waits = atomic_load(&t->lock_waits);
    s->populated_pages = atomic_load(&t->populated);
    s->preloaded_pages = atomic_load(&t->preloaded);
}
