/*
 * snapshot_instant.c - the snapshot instant, path by path, with the
 * interleavings forced rather than hoped for (docs/ARCHITECTURE.md, "The
 * snapshot instant").
 *
 *   first write    a page's first touch is a write: the thread that serves
 *                  the fault is held back (hal_tmem_config.fault_hook) while
 *                  the writer goes on, writes, and asks for a snapshot.  The
 *                  snapshot must hold the write.  Before the fix the uffd
 *                  strategy marked such a page dirty only after mapping it,
 *                  and the held-back handler made every such snapshot miss
 *                  the page: a world resumed with a page from an earlier
 *                  instant (issue 11).
 *   write fault    the same for the first write to a clean resident page.
 *   sync in flight pw_sync called while a snapshot frozen before the write
 *                  is still being written (its disk writes are held): the
 *                  write must be in the snapshot pw_sync waits for.
 *   freed pages    pages the heap frees are zeroed and become holes; after
 *                  reuse they hold the new content, never an old block.
 *   strategies     a world written under one strategy resumes under the
 *                  other, both ways, with the same content.
 *   populated      pages made resident in bulk (hal_tmem_populate, what
 *                  the heap does for pages it hands out) hold what fill()
 *                  gives, are in the next frozen set without any fault, a
 *                  resident page is left alone, and a populated page is
 *                  write-tracked again after the snapshot; readers faulting
 *                  on the same pages meanwhile see the filled content.
 */
#define _GNU_SOURCE
#include "../../src/persist/pw_internal.h"
#include "testlib.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

static char path[256];

/* ---- a fault-serving thread held back until the writer says so ---------- */

typedef struct hold {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    uint64_t page;          /* the page whose fault is held */
    pid_t writer;           /* the writer's thread: never held (mprotect) */
    bool armed, released, held, timed_out;
} hold;

static hold H = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, false, false, false, false};

static pid_t my_tid(void) { return (pid_t)syscall(SYS_gettid); }

/* The hook: holds the serving thread (not the writer itself) after the
 * write fault on H.page was served, until the writer has synced.  The timeout
 * only keeps a broken engine from hanging the test; reaching it fails. */
static void hold_hook(void *ctx, uint64_t pgno, bool write)
{
    (void)ctx;
    if (my_tid() == H.writer || !write) /* a read's fill may end after the arming */
        return;
    pthread_mutex_lock(&H.lock);
    if (H.armed && pgno == H.page) {
        H.armed = false;
        H.held = true;
        struct timespec dl;
        clock_gettime(CLOCK_REALTIME, &dl);
        dl.tv_sec += 20;
        while (!H.released)
            if (pthread_cond_timedwait(&H.cond, &H.lock, &dl)) {
                H.timed_out = true;
                break;
            }
    }
    pthread_mutex_unlock(&H.lock);
}

static void hold_arm(uint64_t page)
{
    pthread_mutex_lock(&H.lock);
    H.page = page;
    H.writer = my_tid();
    H.armed = true;
    H.released = H.held = H.timed_out = false;
    pthread_mutex_unlock(&H.lock);
}

static void hold_release(void)
{
    pthread_mutex_lock(&H.lock);
    H.released = true;
    H.armed = false;
    pthread_cond_broadcast(&H.cond);
    pthread_mutex_unlock(&H.lock);
}

static pw_world *open_world(const char *strategy, bool create, bool hooked)
{
    pw_options o;
    t_options(&o, strategy, create, 64ull << 20);
    o.log_level = PW_LOG_ERROR;
    if (hooked) {
        o.fault_hook = hold_hook;
        o.hook_ctx = NULL;
    }
    if (create)
        unlink(path);
    pw_world *w;
    REQUIRE(t_open(path, &o, &w) == 0);
    return w;
}

static uint64_t page_of(pw_world *w, const void *p)
{
    return (uint64_t)((const uint8_t *)p - (const uint8_t *)pw_base(w)) / HAL_PAGE_SIZE;
}

/* A world with npages pages of pattern `old`, durable, then closed: every
 * page is non-resident at the next open. */
static void make_world(const char *strategy, size_t npages, uint64_t old)
{
    pw_world *w = open_world(strategy, true, false);
    uint64_t *p = pw_alloc_pages(w, npages);
    REQUIRE(p);
    for (size_t i = 0; i < npages * 512; i++)
        p[i] = old;
    pw_set_root(w, p);
    CHECK(pw_sync(w) == 0);
    pw_close(w, false);
}

/* Reopens the world (as after kill -9: no final snapshot before) and
 * counts the words of page k that do not hold want. */
static uint64_t wrong_words(const char *strategy, size_t k, uint64_t want)
{
    pw_world *w = open_world(strategy, false, false);
    uint64_t *p = pw_root(w);
    uint64_t bad = 0;
    for (size_t i = 0; i < 512; i++)
        bad += p[k * 512 + i] != want;
    pw_close(w, false);
    return bad;
}

/* first: the page's first touch is the write (a missing-page fault that
 * maps it writable); otherwise it is read first, so the write is a
 * write-protection fault on a clean resident page. */
static void test_write_held(const char *strategy, bool first)
{
    make_world(strategy, 4, 1111);
    pw_world *w = open_world(strategy, false, true);
    volatile uint64_t *p = pw_root(w);
    size_t k = 2;
    if (!first)
        CHECK_EQ_U64(p[k * 512], 1111); /* maps it clean */
    hold_arm(page_of(w, (const void *)&p[k * 512]));
    for (size_t i = 0; i < 512; i++)
        p[k * 512 + i] = 2222; /* with uffd, goes on while the handler is held */
    CHECK(pw_sync(w) == 0);
    bool held = H.held;
    hold_release();
    pw_close(w, false);
    CHECK(!H.timed_out);
    if (!strcmp(strategy, "uffd"))
        CHECK(held); /* the interleaving really happened */
    uint64_t bad = wrong_words(strategy, k, 2222);
    if (bad)
        fprintf(stderr, "%s: %s write to page %zu: %llu words came back from before the sync\n",
                strategy, first ? "first" : "protected", k, (unsigned long long)bad);
    CHECK_EQ_U64(bad, 0);
}

/* ---- a device whose writes can be held: a snapshot kept in flight ------- */

typedef struct gated {
    hal_blockdev dev;
    hal_blockdev *inner;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool closed_gate;
    int waiting;
} gated;

static int g_read(hal_blockdev *d, void *b, size_t n, uint64_t off)
{
    gated *g = (gated *)d;
    return g->inner->ops->read(g->inner, b, n, off);
}
static int g_write(hal_blockdev *d, const void *b, size_t n, uint64_t off)
{
    gated *g = (gated *)d;
    pthread_mutex_lock(&g->lock);
    g->waiting++;
    pthread_cond_broadcast(&g->cond);
    while (g->closed_gate)
        pthread_cond_wait(&g->cond, &g->lock);
    g->waiting--;
    pthread_mutex_unlock(&g->lock);
    return g->inner->ops->write(g->inner, b, n, off);
}
static int g_flush(hal_blockdev *d) { return ((gated *)d)->inner->ops->flush(((gated *)d)->inner); }
static int g_size(hal_blockdev *d, uint64_t *b)
{
    gated *g = (gated *)d;
    return g->inner->ops->size(g->inner, b);
}
static int g_grow(hal_blockdev *d, uint64_t b)
{
    gated *g = (gated *)d;
    return g->inner->ops->grow(g->inner, b);
}
static void g_close(hal_blockdev *d)
{
    gated *g = (gated *)d;
    g->inner->ops->close(g->inner);
    free(g);
}
static const hal_blockdev_ops gated_ops = {g_read, g_write, g_flush, g_size, g_grow, g_close, NULL, NULL, NULL};

typedef struct sync_call {
    pw_world *w;
    int rc;
} sync_call;

static void *sync_thread(void *arg)
{
    sync_call *c = arg;
    pw_thread_attach(c->w);
    c->rc = pw_sync(c->w);
    pw_thread_detach(c->w);
    return NULL;
}

static void test_sync_in_flight(const char *strategy)
{
    make_world(strategy, 4, 1111);
    gated *g = calloc(1, sizeof *g);
    REQUIRE(g);
    REQUIRE(hal_blockdev_open(path, HAL_BD_EXCLUSIVE, &g->inner) == 0);
    g->dev.ops = &gated_ops;
    snprintf(g->dev.name, sizeof g->dev.name, "%s", path);
    pthread_mutex_init(&g->lock, NULL);
    pthread_cond_init(&g->cond, NULL);
    pw_options o;
    t_options(&o, strategy, false, 0);
    o.log_level = PW_LOG_ERROR;
    o.dev = &g->dev;
    pw_world *w;
    REQUIRE(t_open(path, &o, &w) == 0);
    uint64_t *p = pw_root(w);
    p[0] = 3333; /* dirty: the held snapshot has something to write */

    pthread_mutex_lock(&g->lock);
    g->closed_gate = true;
    pthread_mutex_unlock(&g->lock);
    CHECK(pw_snapshot(w, false) == 0); /* frozen now, then held at its first write */
    pw_blocking_begin(w); /* the snapshot must find this thread parked */
    pthread_mutex_lock(&g->lock);
    while (!g->waiting)
        pthread_cond_wait(&g->cond, &g->lock);
    pthread_mutex_unlock(&g->lock);
    pw_blocking_end(w);

    p[512] = 4444; /* after that snapshot's instant */
    sync_call c = {w, -1};
    pthread_t th;
    REQUIRE(pthread_create(&th, NULL, sync_thread, &c) == 0);
    /* Wait until the sync has asked, then let the first snapshot finish. */
    for (;;) {
        hal_mutex_lock(&w->snap_lock);
        bool asked = w->requested >= 2;
        hal_mutex_unlock(&w->snap_lock);
        if (asked)
            break;
        hal_sleep_ns(1000000);
    }
    pthread_mutex_lock(&g->lock);
    g->closed_gate = false;
    pthread_cond_broadcast(&g->cond);
    pthread_mutex_unlock(&g->lock);
    pw_blocking_begin(w);
    pthread_join(th, NULL);
    pw_blocking_end(w);
    CHECK(c.rc == 0);
    pw_close(w, false);

    pw_world *r = open_world(strategy, false, false);
    uint64_t *q = pw_root(r);
    CHECK_EQ_U64(q[0], 3333);
    CHECK_EQ_U64(q[512], 4444);
    pw_close(r, false);
}

/* Pages freed by the heap become holes; reused, they hold the new data. */
static void test_freed_pages(const char *strategy)
{
    pw_world *w = open_world(strategy, true, false);
    uint64_t **root = pw_alloc(w, 64);
    pw_set_root(w, root);
    uint64_t *a = pw_alloc_pages(w, 8);
    for (size_t i = 0; i < 8 * 512; i++)
        a[i] = 5555;
    root[0] = a;
    CHECK(pw_sync(w) == 0);
    pw_stats st0, st1;
    pw_stats_get(w, &st0);
    root[0] = NULL;
    pw_free_pages(w, a, 8);
    CHECK(pw_sync(w) == 0);
    pw_stats_get(w, &st1);
    CHECK(st1.pages_present + 7 <= st0.pages_present); /* zeroed pages cost no block */
    uint64_t *b = pw_alloc_pages(w, 8); /* the same pages again */
    CHECK(b == a);
    for (size_t i = 0; i < 8 * 512; i += 2)
        b[i] = 6666; /* every other word: the rest must read as zero */
    root[0] = b;
    CHECK(pw_sync(w) == 0);
    pw_close(w, false);

    w = open_world(strategy, false, false);
    root = pw_root(w);
    b = root[0];
    uint64_t bad = 0;
    for (size_t i = 0; i < 8 * 512; i++)
        bad += b[i] != (i % 2 ? 0 : 6666);
    CHECK_EQ_U64(bad, 0);
    pw_close(w, false);
}

/* Written by one strategy, resumed and changed by the other, and back. */
static void test_cross(const char *a, const char *b)
{
    make_world(a, 16, 7000);
    for (int round = 0; round < 4; round++) {
        const char *s = round % 2 ? a : b;
        pw_world *w = open_world(s, false, false);
        uint64_t *p = pw_root(w);
        uint64_t bad = 0;
        for (size_t k = 0; k < 16; k++)
            for (size_t i = 0; i < 512; i++)
                bad += p[k * 512 + i] != 7000 + (uint64_t)round;
        CHECK_EQ_U64(bad, 0);
        for (size_t i = 0; i < 16 * 512; i++)
            p[i] = 7000 + (uint64_t)round + 1;
        CHECK(pw_sync(w) == 0);
        pw_close(w, false);
    }
}

/* ---- bulk population, at the HAL: the instant rule without faults ------- */

#define POP_PAGES 512u

static uint64_t pop_pattern(uint64_t pg, size_t i) { return pg * 1000003u + i + 1; }

static int pop_fill(void *ctx, uint64_t pg, void *dst)
{
    (void)ctx;
    uint64_t *d = dst;
    for (size_t i = 0; i < 512; i++)
        d[i] = pop_pattern(pg, i);
    return 0;
}

static void pop_fatal(void *ctx, int kind, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "populate test: fatal (%d): %s\n", kind, msg);
    abort();
}

typedef struct pop_reader {
    volatile uint64_t *base;
    uint64_t bad;
} pop_reader;

/* Reads pages 300.. from the top down while the main thread populates them
 * from the bottom up: pages are met either way round. */
static void *pop_read(void *arg)
{
    pop_reader *r = arg;
    for (size_t pg = POP_PAGES; pg-- > 300;)
        r->bad += r->base[pg * 512 + 7] != pop_pattern(pg, 7);
    return NULL;
}

static void test_populated(const char *strategy)
{
    void *base = (void *)(uintptr_t)0x6f0000000000ull;
    hal_tmem_config cfg = {.base = base, .size = (uint64_t)POP_PAGES * HAL_PAGE_SIZE,
                           .fill = pop_fill, .fatal = pop_fatal};
    hal_tmem *t;
    char why[256];
    REQUIRE(hal_tmem_open(strategy, &cfg, &t, why, sizeof why) == 0);
    volatile uint64_t *p = base;
    CHECK_EQ_U64(p[3 * 512], pop_pattern(3, 0)); /* page 3 resident by a fault, clean */
    pop_reader r = {p, 0};
    pthread_t th;
    REQUIRE(pthread_create(&th, NULL, pop_read, &r) == 0);
    hal_tmem_populate(t, 300, POP_PAGES - 300);
    pthread_join(th, NULL);
    CHECK_EQ_U64(r.bad, 0);
    hal_tmem_stats stc;
    hal_tmem_stats_get(t, &stc);
    CHECK_EQ_U64(stc.populated_pages + stc.fill_faults, POP_PAGES - 300 + 1); /* and page 3 */
    hal_tmem_populate(t, 0, 200);
    hal_tmem_stats st0;
    hal_tmem_stats_get(t, &st0);
    uint64_t bad = 0;
    for (size_t pg = 0; pg < 200; pg++)
        for (size_t i = 0; i < 512; i++)
            bad += p[pg * 512 + i] != pop_pattern(pg, i);
    CHECK_EQ_U64(bad, 0);
    /* Writes to populated pages need no fault... */
    for (size_t pg = 0; pg < 200; pg++)
        if (pg != 3)
            p[pg * 512] = 42;
    hal_tmem_stats st1;
    hal_tmem_stats_get(t, &st1);
    CHECK_EQ_U64(st1.write_faults, st0.write_faults);
    /* ...because each is dirty already: all of them are in the frozen set,
     * and page 3 (resident and clean before) is not. */
    const uint64_t *pages;
    size_t n;
    CHECK(hal_tmem_freeze(t, &pages, &n) == 0);
    uint64_t missing = 0;
    for (size_t pg = 0, j = 0; pg < POP_PAGES; pg++) {
        while (j < n && pages[j] < pg)
            j++;
        bool in = j < n && pages[j] == pg;
        missing += in != (pg != 3 && pg < 200) && pg < 300;
    }
    CHECK_EQ_U64(missing, 0);
    hal_tmem_thaw(t, true);
    /* After a durable snapshot a populated page is clean and tracked. */
    p[5 * 512] = 43;
    hal_tmem_stats st2;
    hal_tmem_stats_get(t, &st2);
    if (strcmp(strategy, "uffd-async")) { /* its writes never fault; the freeze sees them */
        CHECK_EQ_U64(st2.write_faults, st1.write_faults + 1);
        CHECK_EQ_U64(st2.dirty_pages, 1);
    }
    /* Resident pages are left alone: page 5 keeps the write. */
    hal_tmem_populate(t, 0, 300);
    CHECK_EQ_U64(p[5 * 512], 43);
    hal_tmem_stats st3;
    hal_tmem_stats_get(t, &st3);
    CHECK_EQ_U64(st0.populated_pages, stc.populated_pages + 199);
    CHECK_EQ_U64(st3.populated_pages, st2.populated_pages + 100);
    CHECK_EQ_U64(st3.fill_faults, st2.fill_faults);
    hal_tmem_close(t);
}

/* A page written after hal_tmem_prepare (which with uffd-async copies it
 * while the program runs) and before the freeze is saved as it was at the
 * freeze, and a write after the freeze does not reach the frozen copy. */
static void test_written_after_prepare(const char *strategy)
{
    void *base = (void *)(uintptr_t)0x6f0000000000ull;
    hal_tmem_config cfg = {.base = base, .size = 64ull * HAL_PAGE_SIZE, .fill = pop_fill,
                           .fatal = pop_fatal};
    hal_tmem *t;
    char why[256];
    REQUIRE(hal_tmem_open(strategy, &cfg, &t, why, sizeof why) == 0);
    volatile uint64_t *p = base;
    for (int round = 0; round < 3; round++) {
        p[9 * 512 + 5] = 100 + (uint64_t)round;   /* dirty before prepare */
        p[20 * 512] = 200 + (uint64_t)round;
        CHECK(hal_tmem_prepare(t) == 0);
        p[9 * 512 + 5] = 300 + (uint64_t)round;   /* after the precopy */
        p[30 * 512] = 400 + (uint64_t)round;      /* first written after prepare */
        const uint64_t *pages;
        size_t n;
        CHECK(hal_tmem_freeze(t, &pages, &n) == 0);
        p[9 * 512 + 5] = 500;                     /* after the instant */
        p[20 * 512] = 500;
        p[30 * 512] = 500;
        CHECK_EQ_U64(n, 3);
        uint64_t got[512];
        hal_tmem_read_frozen(t, 9, got);
        CHECK_EQ_U64(got[5], 300 + (uint64_t)round);
        hal_tmem_read_frozen(t, 20, got);
        CHECK_EQ_U64(got[0], 200 + (uint64_t)round);
        hal_tmem_read_frozen(t, 30, got);
        CHECK_EQ_U64(got[0], 400 + (uint64_t)round);
        CHECK_EQ_U64(got[1], pop_pattern(30, 1));
        hal_tmem_thaw(t, true);
        /* The writes after the instant belong to the next snapshot. */
        CHECK(hal_tmem_freeze(t, &pages, &n) == 0);
        CHECK_EQ_U64(n, 3);
        hal_tmem_thaw(t, true);
    }
    hal_tmem_close(t);
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/phantom-instant-%d.img", getpid());
    const char *strategies[4];
    int n = t_usable_strategies(strategies, 4, true);
    REQUIRE(n > 0);
    for (int i = 0; i < n; i++) {
        test_write_held(strategies[i], true);
        test_write_held(strategies[i], false);
        test_sync_in_flight(strategies[i]);
        test_freed_pages(strategies[i]);
        test_populated(strategies[i]);
        test_written_after_prepare(strategies[i]);
    }
    for (int i = 0; n >= 2 && i < n; i++) /* each strategy after and before another */
        test_cross(strategies[i], strategies[(i + 1) % n]);
    unlink(path);
    return test_done("snapshot_instant");
}
