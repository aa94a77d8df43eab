/*
 * engine_units.c - white-box tests of the engine's pieces: crc32c, the
 * copy-on-write tree, the block allocator's retention rules, the in-space
 * heap, the memory budget (eviction and reload of clean pages), and
 * output commit tickets.
 */
#define _GNU_SOURCE
#include "../../src/persist/pw_internal.h"
#include "../../src/util/crc32c.h"
#include "testlib.h"

#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

static char path[256];

static uint32_t crc_reference(const uint8_t *p, size_t n)
{
    uint32_t c = ~0u;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
    }
    return ~c;
}

static void test_crc(void)
{
    CHECK_EQ_U64(crc32c(0, "123456789", 9), 0xE3069283u);
    uint8_t buf[1000];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 7 + 3);
    for (size_t n = 0; n < sizeof buf; n += 37)
        CHECK_EQ_U64(crc32c(0, buf, n), crc_reference(buf, n));
    /* continuation: crc of a+b equals crc of b continued from crc of a */
    CHECK_EQ_U64(crc32c(crc32c(0, buf, 100), buf + 100, 900), crc32c(0, buf, 1000));
}

static pw_store *open_store(bool fresh)
{
    if (fresh)
        unlink(path);
    hal_blockdev *d;
    REQUIRE(hal_blockdev_open(path, fresh ? HAL_BD_CREATE : 0, &d) == 0);
    pw_store *s = calloc(1, sizeof *s);
    REQUIRE(pw_store_init(s, d) == 0);
    return s;
}

static void close_store(pw_store *s)
{
    hal_blockdev *d = s->dev;
    pw_store_fini(s);
    d->ops->close(d);
    free(s);
}

typedef struct counter_alloc {
    uint64_t next;
    uint64_t superseded[64];
    int nsup;
} counter_alloc;

static int c_alloc(void *ctx, uint64_t *b)
{
    counter_alloc *c = ctx;
    *b = c->next++;
    return 0;
}
static void c_sup(void *ctx, uint64_t b)
{
    counter_alloc *c = ctx;
    if (c->nsup < 64)
        c->superseded[c->nsup++] = b;
}

static void test_tree(void)
{
    pw_store *s = open_store(true);
    REQUIRE(pw_store_ensure(s, 1000) == 0);
    pw_tree t;
    pw_entry none = {0, 0, 0};
    pw_tree_init(&t, s, none, 3);
    uint64_t idx[] = {0, 1, 255, 256, 65535, 65536, 16777215};
    for (int i = 0; i < 7; i++) {
        pw_entry e = {100 + (uint64_t)i, 7u * (uint32_t)i, 1};
        CHECK(pw_tree_set(&t, idx[i], &e) == 0);
    }
    pw_entry e;
    CHECK(pw_tree_set(&t, 1ull << 24, &e) == -ERANGE);
    counter_alloc ca = {.next = 2};
    int n = pw_tree_assign(&t, c_alloc, c_sup, &ca);
    CHECK(n > 0);
    CHECK(ca.nsup == 0); /* nothing was committed before */
    pw_entry root;
    CHECK(pw_tree_seal(&t, 1, &root) == 0);
    CHECK(pw_store_flush(s) == 0);
    pw_tree_commit_done(&t, &root);
    CHECK(root.block != 0);

    /* A change, then a rollback: the committed entries come back. */
    pw_entry changed = {999, 1, 2};
    CHECK(pw_tree_set(&t, 256, &changed) == 0);
    CHECK(pw_tree_grow(&t, 1ull << 30) == 0);
    CHECK(t.levels == 4);
    pw_tree_rollback(&t);
    CHECK(t.levels == 3);
    CHECK(pw_tree_get(&t, 256, &e) == 0 && e.block == 103);

    /* Reload from disk: every entry verified against the checksums. */
    pw_tree_fini(&t);
    pw_tree_init(&t, s, root, 3);
    for (int i = 0; i < 7; i++) {
        CHECK(pw_tree_get(&t, idx[i], &e) == 0);
        CHECK_EQ_U64(e.block, 100 + (uint64_t)i);
    }
    CHECK(pw_tree_get(&t, 12345, &e) == 0 && e.block == 0); /* absent */

    /* COW: a second commit supersedes exactly the nodes on the path. */
    CHECK(pw_tree_set(&t, 65536, &changed) == 0);
    ca.nsup = 0;
    n = pw_tree_assign(&t, c_alloc, c_sup, &ca);
    CHECK_EQ_U64(n, 3);       /* leaf, middle, root */
    CHECK_EQ_U64(ca.nsup, 3); /* their old blocks */
    CHECK(pw_tree_seal(&t, 2, &root) == 0);
    CHECK(pw_store_flush(s) == 0);
    pw_tree_commit_done(&t, &root);

    /* A damaged node is detected, never trusted. */
    uint8_t junk[PW_BLOCK_SIZE];
    memset(junk, 0x5a, sizeof junk);
    CHECK(s->dev->ops->write(s->dev, junk, sizeof junk, root.block * PW_BLOCK_SIZE) == 0);
    pw_tree_fini(&t);
    pw_tree_init(&t, s, root, 3);
    CHECK(pw_tree_get(&t, 0, &e) == -EBADMSG);
    pw_tree_fini(&t);
    close_store(s);
}

static bool bit_set(pw_balloc *a, uint64_t b)
{
    uint64_t i = b / PW_BITS_PER_BITMAP_BLOCK;
    return a->bm[i] && pw_bit_get(a->bm[i], b % PW_BITS_PER_BITMAP_BLOCK);
}

/* One commit of the allocator alone (as snapshot.c does it). */
static void commit(pw_balloc *a, pw_rootslot *r, uint32_t gen)
{
    CHECK(pw_balloc_seal(a, gen, r) == 0);
    CHECK(pw_store_flush(a->store) == 0);
    pw_balloc_commit_done(a, r);
}

static void test_balloc(void)
{
    pw_store *s = open_store(true);
    pw_rootslot r;
    memset(&r, 0, sizeof r);
    r.bitmap_levels = 1;
    pw_balloc a;
    REQUIRE(pw_balloc_init(&a, s, &r) == 0);
    uint64_t first[100];
    for (int i = 0; i < 100; i++) {
        CHECK(pw_balloc_alloc(&a, &first[i]) == 0);
        CHECK(first[i] >= PW_FIRST_DATA_BLOCK);
        for (int j = 0; j < i; j++)
            CHECK(first[j] != first[i]);
    }
    commit(&a, &r, 1);
    CHECK_EQ_U64(r.blocks_used, a.used);
    /* generation 2 replaces 10 blocks: they stay reserved (generation 1
     * is retained) and are listed as superseded */
    for (int i = 0; i < 10; i++)
        pw_balloc_supersede(&a, first[i]);
    uint64_t b;
    for (int i = 0; i < 10; i++)
        CHECK(pw_balloc_alloc(&a, &b) == 0);
    commit(&a, &r, 2);
    CHECK(r.slist_count >= 10);
    for (int i = 0; i < 10; i++)
        CHECK(bit_set(&a, first[i]));
    /* generation 3's seal releases them (generation 1 is no longer
     * retained once 3 commits), but not one is handed out before the
     * commit: they are quarantined */
    bool reused = false;
    for (int k = 0; k < 500; k++) {
        CHECK(pw_balloc_alloc(&a, &b) == 0);
        for (int i = 0; i < 10; i++)
            reused |= b == first[i];
    }
    CHECK(!reused);
    uint64_t used_before = a.used;
    commit(&a, &r, 3);
    for (int i = 0; i < 10; i++)
        CHECK(!bit_set(&a, first[i]));
    CHECK(a.used < used_before + 20);
    /* a rollback restores the bitmap exactly */
    uint64_t used = a.used;
    for (int k = 0; k < 50; k++)
        CHECK(pw_balloc_alloc(&a, &b) == 0);
    pw_balloc_rollback(&a);
    CHECK_EQ_U64(a.used, used);
    pw_balloc_fini(&a);
    close_store(s);
}

static pw_world *open_world(const char *strategy, uint64_t budget, bool fresh)
{
    if (fresh)
        unlink(path);
    pw_options o;
    t_options(&o, strategy, true, 256ull << 20);
    o.memory_budget = budget;
    pw_world *w;
    if (t_open(path, &o, &w))
        REQUIRE(0);
    return w;
}

static void test_heap(void)
{
    pw_world *w = open_world(NULL, 0, true);
    void *small[200];
    for (int i = 0; i < 200; i++) {
        small[i] = pw_alloc(w, (size_t)(1 + i * 13 % 2000));
        REQUIRE(small[i]);
        CHECK(((uintptr_t)small[i] & 15) == 0);
        memset(small[i], 0xee, (size_t)(1 + i * 13 % 2000));
    }
    for (int i = 0; i < 200; i += 2)
        pw_free(w, small[i]);
    for (int i = 0; i < 200; i += 2) { /* reused memory comes back zeroed */
        unsigned char *p = pw_alloc(w, (size_t)(1 + i * 13 % 2000));
        bool zero = true;
        for (int k = 0; k < 1 + i * 13 % 2000; k++)
            zero &= p[k] == 0;
        CHECK(zero);
        small[i] = p;
    }
    for (int i = 0; i < 200; i++)
        pw_free(w, small[i]);
    /* whole pages: freed runs coalesce and return to the bump pointer */
    uint8_t *a = pw_alloc_pages(w, 10), *b = pw_alloc_pages(w, 20), *c = pw_alloc_pages(w, 5);
    REQUIRE(a && b && c);
    CHECK(b == a + 10 * 4096 && c == b + 20 * 4096);
    pw_free_pages(w, b, 20);
    uint8_t *d = pw_alloc_pages(w, 8); /* fits in b's run */
    CHECK(d >= b && d < b + 20 * 4096);
    pw_free_pages(w, d, 8);
    pw_free_pages(w, a, 10);
    pw_free_pages(w, c, 5);
    uint8_t *again = pw_alloc_pages(w, 35);
    CHECK(again == a); /* everything merged back */
    pw_free_pages(w, again, 35);
    CHECK(pw_alloc_pages(w, (256u << 20) / 4096) == NULL); /* larger than the space */
    void *big = pw_alloc(w, 100000);
    CHECK(big != NULL);
    pw_free(w, big);

    /* freeing something that is not a block stops the program loudly */
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(2);
        char local[64];
        pw_free(w, local + 16);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK(!(WIFEXITED(st) && WEXITSTATUS(st) == 0));
    pw_close(w, false);
}

static void test_budget(const char *strategy)
{
    const uint64_t budget = 4ull << 20, total = 32ull << 20;
    pw_world *w = open_world(strategy, budget, true);
    uint64_t *data = pw_alloc_pages(w, total / 4096);
    REQUIRE(data);
    pw_set_root(w, data);
    /* write in slices, snapshotting so written pages become evictable */
    for (uint64_t off = 0; off < total / 8; off++) {
        data[off] = off * 2654435761u;
        if (off % (1u << 17) == (1u << 17) - 1) {
            CHECK(pw_snapshot(w, true) == 0);
            hal_tmem_evict(w->mem, budget / 4096);
        }
    }
    CHECK(pw_snapshot(w, true) == 0);
    hal_tmem_evict(w->mem, budget / 4096);
    pw_stats st;
    pw_stats_get(w, &st);
    CHECK(st.mem.resident_pages <= budget / 4096);
    CHECK(st.mem.evictions > 0);
    /* every value reads back, through reloads of evicted pages */
    uint64_t bad = 0;
    for (uint64_t off = 0; off < total / 8; off++) {
        bad += data[off] != off * 2654435761u;
        if (off % (1u << 16) == 0)
            hal_tmem_evict(w->mem, budget / 4096);
    }
    CHECK_EQ_U64(bad, 0);
    pw_stats_get(w, &st);
    CHECK(st.mem.fill_faults > total / 4096); /* pages came back from the image */
    pw_close(w, false);
}

/* Snapshots are instants: a mutator sets every page to the same epoch
 * between safepoints, while snapshots run every 10 ms and copy-on-write
 * keeps each one consistent.  Every snapshot, and the state after a
 * reopen, must show a single epoch on every page. */
static void test_consistency(const char *strategy)
{
    const uint64_t npages = 3000;
    pw_options o;
    pw_options_default(&o);
    o.create = true;
    o.strategy = strategy;
    o.snapshot_interval_ms = 10;
    o.space_size = 256ull << 20;
    unlink(path);
    pw_world *w;
    pw_error err;
    REQUIRE(pw_open(path, &o, &w, &err) == 0);
    uint64_t *pages = pw_alloc_pages(w, npages);
    REQUIRE(pages);
    pw_set_root(w, pages);
    uint64_t seed = 77;
    uint64_t t_end = hal_now_mono_ns() + 1500000000ull, t_cap = t_end + 30000000000ull;
    uint64_t epoch = 0;
    pw_stats st = {0};
    /* At least 1.5 s and five snapshots (a loaded machine paces them out). */
    while (hal_now_mono_ns() < t_end || (st.snapshots < 5 && hal_now_mono_ns() < t_cap)) {
        epoch++;
        for (uint64_t k = 0; k < npages; k++) { /* scattered order */
            uint64_t i = (k * 1237 + t_rand(&seed) % 2) % npages;
            pages[i * 512] = epoch;
            pages[i * 512 + 511] = epoch;
        }
        for (uint64_t i = 0; i < npages; i++) /* the ones the scatter missed */
            pages[i * 512] = pages[i * 512 + 511] = epoch;
        pw_safepoint(w);
        pw_stats_get(w, &st);
    }
    CHECK(st.snapshots >= 5);
    pw_close(w, false); /* as after a crash: the last snapshot counts */

    o.create = false;
    o.snapshot_interval_ms = 0;
    REQUIRE(pw_open(path, &o, &w, &err) == 0);
    pages = pw_root(w);
    REQUIRE(pages);
    uint64_t e = pages[0], mixed = 0;
    for (uint64_t i = 0; i < npages; i++)
        mixed += pages[i * 512] != e || pages[i * 512 + 511] != e;
    CHECK_EQ_U64(mixed, 0);
    CHECK(e > 0 && e <= epoch);
    pw_close(w, false);
}

/* Output commit (pw.h): with periodic snapshots off, a ticket alone gets
 * its snapshot soon; once pw_durable_generation reaches the ticket, what
 * was stored before it survives a crash (pw_close without a final
 * snapshot, then reopen); the commit hook reports each generation; and
 * many tickets taken while one snapshot is written share the next
 * (group commit), far fewer snapshots than tickets. */
struct commit_seen { atomic_uint_fast64_t last, calls; };

static void on_commit(void *ctx, uint64_t generation)
{
    struct commit_seen *c = ctx;
    atomic_store(&c->last, generation);
    atomic_fetch_add(&c->calls, 1);
}

/* The engine's own wait (it parks this attached thread, so a snapshot
 * can stop the world meanwhile). */
static bool wait_durable(pw_world *w, uint64_t ticket)
{
    return pw_wait_durable(w, ticket) == 0 && pw_durable_generation(w) >= ticket;
}

static void test_commit_ticket(void)
{
    pw_world *w = open_world(NULL, 0, true);
    struct commit_seen seen = {0};
    pw_on_commit(w, on_commit, &seen);
    uint64_t *v = pw_alloc_pages(w, 1);
    REQUIRE(v);
    pw_set_root(w, v);
    uint64_t g0 = pw_durable_generation(w);
    v[0] = 41;
    uint64_t t1 = pw_commit_ticket(w);
    CHECK(t1 > g0);
    CHECK(wait_durable(w, t1));
    CHECK(atomic_load(&seen.last) >= t1);
    /* group commit: 2,000 tickets, each after a store */
    uint64_t snaps0 = seen.calls, last = 0;
    for (uint64_t i = 1; i <= 2000; i++) {
        v[1] = i;
        uint64_t t = pw_commit_ticket(w);
        CHECK(t >= last);   /* tickets never go back */
        last = t;
        pw_safepoint(w);
    }
    CHECK(wait_durable(w, last));
    CHECK(seen.calls - snaps0 < 1000);
    v[0] = 42;
    uint64_t t2 = pw_commit_ticket(w);
    CHECK(wait_durable(w, t2));
    v[0] = 43;
    pw_on_commit(w, NULL, NULL);
    uint64_t calls = atomic_load(&seen.calls);
    CHECK(pw_snapshot(w, true) == 0);
    CHECK_EQ_U64(atomic_load(&seen.calls), calls);   /* no hook after it was cleared */
    v[0] = 44;   /* no ticket, no snapshot: lost with the crash */
    pw_close(w, false);
    w = open_world(NULL, 0, false);
    v = pw_root(w);
    REQUIRE(v);
    CHECK_EQ_U64(v[0], 43);
    CHECK_EQ_U64(v[1], 2000);
    pw_close(w, false);
}

/* ---- the interval kept (issue 19 item 6) ------------------------------------ */

/* A device whose flush takes slow_ms: snapshots slower than the interval. */
typedef struct slow_dev {
    hal_blockdev dev;
    hal_blockdev *inner;
    unsigned slow_ms;
} slow_dev;

static hal_blockdev *inner_of(hal_blockdev *d) { return ((slow_dev *)d)->inner; }
static int s_read(hal_blockdev *d, void *b, size_t n, uint64_t off)
{
    return inner_of(d)->ops->read(inner_of(d), b, n, off);
}
static int s_write(hal_blockdev *d, const void *b, size_t n, uint64_t off)
{
    return inner_of(d)->ops->write(inner_of(d), b, n, off);
}
static int s_flush(hal_blockdev *d)
{
    hal_sleep_ns((uint64_t)((slow_dev *)d)->slow_ms * 1000000u);
    return inner_of(d)->ops->flush(inner_of(d));
}
static int s_size(hal_blockdev *d, uint64_t *b) { return inner_of(d)->ops->size(inner_of(d), b); }
static int s_grow(hal_blockdev *d, uint64_t b) { return inner_of(d)->ops->grow(inner_of(d), b); }
static void s_close(hal_blockdev *d)
{
    inner_of(d)->ops->close(inner_of(d));
    free(d);
}
static const hal_blockdev_ops slow_ops = {s_read, s_write, s_flush, s_size, s_grow, s_close, NULL, NULL, NULL};

typedef struct said {
    int behind;     /* "cannot keep up" lines logged */
} said;

static void count_log(void *ctx, int level, const char *msg)
{
    (void)level;
    said *s = ctx;
    s->behind += strstr(msg, "snapshots cannot keep up") != NULL;
}

/* Snapshots run at the interval asked for, and the achieved rate is in the
 * statistics; when they cannot (each one is slower than the interval), the
 * engine says so once, with why, and pw_stats shows it.  The bounds are
 * loose: the machine may be busy. */
static void test_interval_kept(unsigned slow_ms, uint32_t interval_ms)
{
    unlink(path);
    {
        pw_world *w = open_world(NULL, 0, true); /* an image to open */
        pw_close(w, true);
    }
    slow_dev *d = calloc(1, sizeof *d);
    REQUIRE(d && hal_blockdev_open(path, HAL_BD_EXCLUSIVE, &d->inner) == 0);
    d->dev.ops = &slow_ops;
    d->slow_ms = slow_ms;
    snprintf(d->dev.name, sizeof d->dev.name, "%s", path);
    said seen = {0};
    pw_options o;
    t_options(&o, NULL, false, 0);
    o.dev = &d->dev;
    o.snapshot_interval_ms = interval_ms;
    o.log = count_log;
    o.log_ctx = &seen;
    pw_world *w;
    REQUIRE(t_open(path, &o, &w) == 0);
    pw_blocking_begin(w); /* the opening thread is attached: let snapshots stop it */
    /* A whole window, then a few snapshots judged against it. */
    uint64_t window_ms = (uint64_t)interval_ms * PW_RATE_INTERVALS;
    window_ms = window_ms < PW_RATE_MIN_MS ? PW_RATE_MIN_MS : window_ms;
    hal_sleep_ns((window_ms + 4 * (interval_ms + 2 * slow_ms)) * 1000000u);
    pw_blocking_end(w);
    pw_stats st;
    pw_stats_get(w, &st);
    pw_close(w, false);
    double asked = 1000.0 / interval_ms;
    CHECK_EQ_U64(st.interval_ms, interval_ms);
    CHECK(st.rate_window_ms >= (uint64_t)interval_ms * PW_RATE_INTERVALS);
    CHECK(st.rate_achieved > 0 && st.rate_achieved <= asked * 1.2);
    if (slow_ms > interval_ms) {
        CHECK(st.behind);
        CHECK(strstr(st.behind_why, "a snapshot takes") != NULL);
        CHECK(st.snapshots_late > 0);
        CHECK_EQ_U64((uint64_t)seen.behind, 1); /* said once */
        CHECK(st.rate_achieved < asked * 0.9);
    } else if (!st.behind) {
        CHECK_EQ_U64((uint64_t)seen.behind, 0);
    }
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/phantom-units-%d.img", getpid());
    test_crc();
    test_tree();
    test_balloc();
    test_heap();
    test_commit_ticket();
    test_interval_kept(0, 100);
    test_interval_kept(150, 50);
    for (const char *const *s = hal_tmem_strategies(); *s; s++) {
        char why[200];
        if (!hal_tmem_probe(*s, why, sizeof why)) {
            if (strcmp(*s, "uffd-async")) /* cannot evict: docs/ARCHITECTURE.md 4.2.1 */
                test_budget(*s);
            test_consistency(*s);
        }
    }
    test_budget(NULL); /* the automatic choice keeps a budget */
    unlink(path);
    return test_done("engine_units");
}
