/*
 * tmem_internal.h - what the tracked-memory strategies share: page state
 * bitmaps, the copy-on-write pool, and the strategy table.
 *
 * Page state lives in four bitmaps indexed by page number:
 *   resident  the page is mapped and holds its content;
 *   dirty     written since the last freeze (never set for a non-resident
 *             page);
 *   frozen    a member of the frozen set (changed only by freeze and thaw);
 *   saved     the writer has read the frozen content (or it was copied),
 *             so later writes need no copy;
 *   pending   written before the coming freeze and protected ahead of it
 *             (hal_tmem_prepare); a later write makes the page dirty again.
 * A frozen page that is not saved is write-protected: the first write to it
 * faults, and tmem_note_write() copies it before the write proceeds.
 * Every transition of one page happens under that page's stripe lock; the
 * dirty bitmap is also updated atomically because freeze reads it whole.
 *
 * Invariants (checked with HAL_ASSERT in debug builds):
 *   dirty, pending, frozen  each imply resident;
 *   a page the program can write is dirty (the instant rule, hal.h);
 *   the region is RUNNING (no frozen set) or FROZEN (between freeze and
 *   thaw); freeze and prepare happen only while RUNNING, read_frozen and
 *   thaw only while FROZEN;
 *   while RUNNING no page is frozen and every copy-on-write slot is free
 *   but those holding precopies (harvesting strategies, tmem.c).
 */
#ifndef PHANTOM_HAL_TMEM_INTERNAL_H
#define PHANTOM_HAL_TMEM_INTERNAL_H

#include "../hal.h"

#include <stdatomic.h>
#include <sys/types.h>

#define TMEM_STRIPES 256u

/* signals.c: a fatal fault is about to end the process; appends the armed
 * crash note's line (hal_crash_note_arm), once.  Async-signal-safe. */
void hal_posix_note_crash(int sig);
/* tmem_mprotect.c: its SIGSEGV handler is installed, and calls
 * hal_posix_note_crash for every fault that is not its own. */
bool tmem_mprotect_owns_segv(void);

typedef struct tmem_ops {
    const char *name;
    int (*probe)(char *why, size_t whylen);
    int (*init)(hal_tmem *t, char *why, size_t whylen);
    void (*fini)(hal_tmem *t);
    /* Write-protect n consecutive frozen pages (world stopped). */
    int (*protect)(hal_tmem *t, uint64_t first, uint64_t n);
    /* Make a clean resident page non-resident (under its stripe lock). */
    int (*drop)(hal_tmem *t, uint64_t pgno);
    /* Where the engine may read a resident page without faulting. */
    const void *(*view)(hal_tmem *t, uint64_t pgno);
    /* Map n consecutive pages, not mapped now, with the content at src (n
     * pages), under their stripe locks, after they were marked resident:
     * writable when they were also marked dirty (hal_tmem_populate), else
     * write-protected like a page a read fault filled (hal_tmem_preload).
     * 0 or a negative error (errno kept for the caller's message). */
    int (*install)(hal_tmem *t, uint64_t first, uint64_t n, const uint8_t *src, bool writable);
    /* Strategies whose write faults never reach user space (uffd-async):
     * marks dirty every page written since the previous harvest and
     * write-protects it again, atomically per page.  NULL for strategies
     * that see each write fault and call tmem_note_write(). */
    int (*harvest)(hal_tmem *t);
    bool unbounded;               /* cannot evict nor keep cow_limit (uffd-async) */
} tmem_ops;

/* Pages hal_tmem_populate fills and installs at once: one ioctl or one
 * mprotect per run of up to this many pages, each under its own stripe. */
#define TMEM_POPULATE_BATCH 64u
_Static_assert(TMEM_POPULATE_BATCH <= TMEM_STRIPES, "a batch locks distinct stripes");

enum tmem_phase { TMEM_RUNNING, TMEM_FROZEN };

/* Hot pages (tmem_hot.c): at most this many, and at most a quarter of the
 * COW pool; one unchanged over TMEM_HOT_IDLE freezes is tracked by faults
 * again. */
#define TMEM_HOT_MAX 256u
#define TMEM_HOT_IDLE 32u

typedef struct tmem_hot_entry {
    uint64_t pg;
    uint8_t idle;                 /* freezes since its content last changed */
    bool force;                   /* its slot is not what is durable: save it */
    bool save;                    /* saved by the freeze in progress */
} tmem_hot_entry;

/* A lock that sleeps when held (a futex): 0 free, 1 held, 2 held and
 * someone may sleep on it.  See tmem_lock() for why not a hal_mutex. */
typedef _Atomic uint32_t tmem_lockword;

struct hal_tmem {
    const tmem_ops *ops;
    enum tmem_phase phase;        /* changed by freeze and thaw only */
    hal_tmem_config cfg;
    uint8_t *base;
    uint64_t npages;
    size_t words;                 /* 64-bit words per bitmap */
    size_t bitmap_bytes;

    _Atomic uint64_t *dirty;
    _Atomic uint64_t *dirty_summary; /* bit per dirty word that may be nonzero */
    _Atomic uint64_t *resident;
    _Atomic uint64_t *frozen;
    _Atomic uint64_t *saved;
    /* Written before the freeze and already protected by hal_tmem_prepare
     * (they join the frozen set at the freeze), and the pages first
     * written after prepare, collected by the freeze: each with a summary
     * bit per word, like dirty. */
    _Atomic uint64_t *pending, *pending_summary;
    _Atomic uint64_t *fresh, *fresh_summary;
    uint64_t npending;

    uint64_t *frozen_list;        /* sorted; valid from freeze to thaw */
    size_t nfrozen, frozen_cap;
    int32_t *cow_of;              /* per frozen index: COW slot or -1 */

    uint8_t *cow_pool;            /* cow_slots pages */
    uint32_t cow_slots;
    int32_t *cow_free;            /* stack of free slot numbers */
    uint32_t cow_nfree;
    tmem_lockword cow_lock;

    tmem_lockword stripe[TMEM_STRIPES];
    uint64_t evict_hand;
    /* hal_tmem_populate's bounce pages (TMEM_POPULATE_BATCH), and the lock
     * that gives them to one populating thread at a time.  Taken before
     * any stripe lock, never inside a fault handler. */
    hal_mutex populate_lock;
    uint8_t *populate_buf;

    _Atomic uint64_t nresident, ndirty;
    _Atomic uint64_t fill_faults, write_faults, cow_copies, cow_throttled, evictions;
    _Atomic uint64_t lock_waits, populated, preloaded;

    /* Harvesting strategies: the COW slot (plus one; 0 none) holding a
     * copy of each page taken while the program ran (hal_tmem_prepare),
     * and how many slots such copies hold. */
    uint32_t *precopy_slot;
    uint32_t nprecopied;

    /* Hot pages (tmem_hot.c), strategies with write faults only (NULL
     * otherwise): per page its COW slot plus one (0: not hot), and the
     * table of hot pages (under the pool lock). */
    uint32_t *hot_slot;
    tmem_hot_entry hot[TMEM_HOT_MAX];
    uint32_t nhot, hot_cap, hot_frozen;

    void *impl;                   /* strategy's own state */
};

extern const tmem_ops tmem_uffd_async_ops;
extern const tmem_ops tmem_uffd_ops;
extern const tmem_ops tmem_mprotect_ops;

static inline bool tmem_test(_Atomic uint64_t *bm, uint64_t pg)
{
    return (atomic_load_explicit(&bm[pg >> 6], memory_order_acquire) >> (pg & 63)) & 1;
}
static inline void tmem_set(_Atomic uint64_t *bm, uint64_t pg)
{
    atomic_fetch_or_explicit(&bm[pg >> 6], 1ull << (pg & 63), memory_order_acq_rel);
}
static inline void tmem_clear(_Atomic uint64_t *bm, uint64_t pg)
{
    atomic_fetch_and_explicit(&bm[pg >> 6], ~(1ull << (pg & 63)), memory_order_acq_rel);
}

/* The stripe lock of a page.  Futex-based locks, not hal_mutex: the
 * mprotect strategy takes them inside a SIGSEGV handler, where only
 * async-signal-safe operations are allowed (tmem.c says why these are). */
void tmem_lock(hal_tmem *t, uint64_t pgno);
void tmem_unlock(hal_tmem *t, uint64_t pgno);

/* A write fault on a resident, protected page.  Caller holds the stripe
 * lock (it may be dropped and retaken while waiting for copy-on-write
 * memory).  Secures the frozen content if needed and marks the page dirty;
 * the caller then removes the protection before unlocking.  Returns false
 * if the page is no longer resident (evicted while the lock was dropped):
 * the access must simply fault again. */
bool tmem_note_write(hal_tmem *t, uint64_t pgno);
/* A page has just been filled (caller holds the stripe lock). */
void tmem_note_filled(hal_tmem *t, uint64_t pgno, bool dirty);
/* Marks a resident page dirty (caller holds the stripe lock). */
void tmem_mark_dirty(hal_tmem *t, uint64_t pgno);

/* tmem.c, for tmem_hot.c: the COW pool's lock and pages, and a page's
 * index in the frozen list (or -1). */
void tmem_pool_lock(hal_tmem *t);
void tmem_pool_unlock(hal_tmem *t);
uint8_t *tmem_cow_page(hal_tmem *t, int32_t slot);
ssize_t tmem_frozen_index(hal_tmem *t, uint64_t pgno);

/* tmem_hot.c: hot pages (see there).  Each is a no-op, or false, when the
 * strategy has none. */
bool tmem_hot_is(const hal_tmem *t, uint64_t pg);
/* slot is pg's hot copy (kept by read_frozen and thaw, not given back). */
bool tmem_hot_is_copy(const hal_tmem *t, uint64_t pg, int32_t slot);
/* From tmem_note_write (stripe lock held), after the frozen content was
 * secured: true if pg is hot now and must not be marked dirty. */
bool tmem_hot_note_write(hal_tmem *t, uint64_t pg);
/* hal_tmem_prepare (program running): hot pages idle too long go back to
 * fault tracking. */
int tmem_hot_retire(hal_tmem *t);
/* The freeze, program stopped, before form_frozen: hot pages that changed
 * are copied to their slots and marked fresh; returns how many. */
uint32_t tmem_hot_collect(hal_tmem *t);
/* The freeze, after form_frozen: those pages' slots become their frozen
 * copies. */
void tmem_hot_attach(hal_tmem *t);
/* A failed snapshot: hot page pg must be saved by the next one. */
void tmem_hot_forget_save(hal_tmem *t, uint64_t pg);

/* Hot pages known written since the last freeze (they count as dirty in
 * the statistics; others may have changed too, which the freeze sees). */
uint64_t tmem_hot_written(hal_tmem *t);

/* tmem_pagemap.c: PAGEMAP_SCAN for the uffd-async strategy. */
int tmem_pagemap_open(char *why, size_t whylen);
/* The pages of [page, page + 1 page) reported written (and protected). */
int tmem_pagemap_scan_probe(int fd, void *page, uint64_t *npages, char *why, size_t whylen);
/* The harvest (tmem_ops.harvest) over the whole region. */
int tmem_pagemap_harvest(hal_tmem *t, int fd);

#endif
