/*
 * readahead.c - after a world is resumed, its pages are read from the
 * image in the background, in large sequential reads, and made resident
 * before the program touches them.
 *
 * Without it every page comes in by a fault of its own: one 4 KiB read and
 * one round trip to the fault handler each, so touching a whole 1 GiB
 * world took as long as Redis loading the same data (BENCHMARKS.md).  The
 * program still starts at once: this thread only adds pages, and a page
 * the program touches first is filled on demand as before.
 *
 * The thread walks the page map in page order (a heap grows upward, and the
 * VM's own structures come first), a batch of up to RA_BATCH present pages
 * at a time.  Pages whose blocks follow each other on the device, as a
 * snapshot writes them, are read with one request; each page is checked
 * against its checksum, and a page that fails is simply left to its fault
 * (which reports real damage as fill() always did).  The pages go to the
 * HAL (hal_tmem_preload), which installs each one under the lock a fault on
 * it would take, clean and write-protected, unless it became resident
 * meanwhile or still() finds the map no longer names the block that was
 * read (the page was loaded, written, saved and evicted since).
 *
 * Invariants:
 *  - a page is installed only with the content fill() would give it at
 *    that instant: same block, and the block's checksum verified;
 *  - the thread never touches the space itself (no fault of its own) and
 *    holds map_lock only around map lookups, as fill() does;
 *  - it stops at a memory budget's half (opt.memory_budget) or at half the
 *    machine's memory, and pw_close stops and joins it before anything is
 *    torn down.
 */
#include "pw_internal.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define RA_BATCH 256u   /* pages per batch: 1 MiB, one request when contiguous */

struct pw_readahead {
    pw_world *w;
    hal_thread *thread;
    atomic_bool stop;
    uint64_t t0;                 /* open time (hal_now_mono_ns) */
    uint64_t limit;              /* resident pages it stops at; 0 none */
    uint64_t pg[RA_BATCH];       /* the batch: pages, ascending */
    pw_entry e[RA_BATCH];        /* ... their map entries when read */
    bool ok[RA_BATCH];           /* ... read and checked */
    uint8_t *buf;                /* RA_BATCH pages, in batch order */
    uint64_t at;                 /* batch index of the run being installed */
};

/* hal_tmem_preload's check, under the page's stripe lock: the map still
 * names the block that was read, so buf holds what fill() would return. */
static bool still(void *ctx, uint64_t pgno, const void *page)
{
    struct pw_readahead *ra = ctx;
    uint64_t i = ra->at + (pgno - ra->pg[ra->at]);
    (void)page;
    HAL_ASSERT(i < RA_BATCH && ra->pg[i] == pgno);
    if (!ra->ok[i])
        return false;
    pw_entry now;
    hal_mutex_lock(&ra->w->map_lock);
    int rc = pw_tree_get(&ra->w->map, pgno, &now);
    hal_mutex_unlock(&ra->w->map_lock);
    return !rc && now.block == ra->e[i].block && now.crc == ra->e[i].crc;
}

/* Collects the next batch of present pages from *next on; their count. */
static unsigned collect(struct pw_readahead *ra, uint64_t *next)
{
    unsigned n = 0;
    hal_mutex_lock(&ra->w->map_lock);
    while (n < RA_BATCH && pw_tree_next(&ra->w->map, next, &ra->e[n]) == 1) {
        ra->pg[n++] = *next;
        (*next)++;
    }
    hal_mutex_unlock(&ra->w->map_lock);
    return n;
}

/* Reads the batch: each run of entries whose pages and blocks both follow
 * one another is one request. */
static void read_batch(struct pw_readahead *ra, unsigned n)
{
    for (unsigned i = 0; i < n;) {
        unsigned k = 1;
        while (i + k < n && ra->pg[i + k] == ra->pg[i] + k && ra->e[i + k].block == ra->e[i].block + k)
            k++;
        uint8_t *dst = ra->buf + (size_t)i * PW_BLOCK_SIZE;
        int rc = pw_store_read_run(&ra->w->store, ra->e[i].block, k, dst);
        for (unsigned j = i; j < i + k; j++)
            ra->ok[j] = !rc && pw_block_crc(dst + (size_t)(j - i) * PW_BLOCK_SIZE) == ra->e[j].crc;
        i += k;
    }
}

/* Hands the batch to the HAL, one run of consecutive pages at a time;
 * returns the pages installed. */
static uint64_t install_batch(struct pw_readahead *ra, unsigned n)
{
    uint64_t taken = 0;
    for (unsigned i = 0; i < n;) {
        unsigned k = 1;
        while (i + k < n && ra->pg[i + k] == ra->pg[i] + k)
            k++;
        ra->at = i;
        taken += hal_tmem_preload(ra->w->mem, ra->pg[i], k, ra->buf + (size_t)i * PW_BLOCK_SIZE, still, ra);
        i += k;
    }
    return taken;
}

static void readahead_main(void *arg)
{
    struct pw_readahead *ra = arg;
    pw_world *w = ra->w;
    uint64_t next = 0, taken = 0;
    hal_thread_background();   /* the program's own faults come first */
    for (;;) {
        if (atomic_load(&ra->stop))
            return;
        if (ra->limit) {
            hal_tmem_stats ms;
            hal_tmem_stats_get(w->mem, &ms);
            if (ms.resident_pages >= ra->limit)
                break;
        }
        unsigned n = collect(ra, &next);
        if (!n)
            break;
        read_batch(ra, n);
        taken += install_batch(ra, n);
        hal_mutex_lock(&w->snap_lock);
        w->st.readahead_pages = taken;
        hal_mutex_unlock(&w->snap_lock);
    }
    uint64_t took = hal_now_mono_ns() - ra->t0;
    hal_mutex_lock(&w->snap_lock);
    w->st.readahead_done_ns = took ? took : 1;
    hal_mutex_unlock(&w->snap_lock);
    pw_log(w, PW_LOG_INFO, "%s: read ahead %llu pages in %.1f ms", w->path, (unsigned long long)taken,
           (double)took / 1e6);
}

int pw_readahead_start(pw_world *w)
{
    struct pw_readahead *ra = calloc(1, sizeof *ra);
    if (!ra || !(ra->buf = hal_pages_alloc((size_t)RA_BATCH * PW_BLOCK_SIZE))) {
        free(ra);
        return -ENOMEM;
    }
    ra->w = w;
    ra->t0 = w->opened_ns;
    uint64_t memory = w->opt.memory_budget ? w->opt.memory_budget : hal_physical_memory();
    ra->limit = memory / 2 / PW_BLOCK_SIZE;
    int rc = hal_thread_start(&ra->thread, readahead_main, ra, "pw-readahead");
    if (rc) {
        hal_pages_free(ra->buf, (size_t)RA_BATCH * PW_BLOCK_SIZE);
        free(ra);
        return rc;
    }
    w->readahead = ra;
    return 0;
}

void pw_readahead_stop(pw_world *w)
{
    struct pw_readahead *ra = w->readahead;
    if (!ra)
        return;
    atomic_store(&ra->stop, true);
    hal_thread_join(ra->thread);
    hal_pages_free(ra->buf, (size_t)RA_BATCH * PW_BLOCK_SIZE);
    free(ra);
    w->readahead = NULL;
}
