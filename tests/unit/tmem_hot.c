/*
 * tmem_hot.c - hot pages (src/hal/posix/tmem_hot.c): a page written again
 * after a snapshot stays writable and is compared at each freeze instead of
 * faulting, for the strategies that see write faults (uffd, mprotect).
 * Each check is something a snapshot's content depends on:
 *
 *   saved at its instant  a hot page written before a freeze is in the
 *                         frozen set with its content at the freeze; writes
 *                         after the freeze (no fault: it stays writable)
 *                         never reach the frozen content;
 *   no fault              writes to a hot page do not fault (the point);
 *   unchanged, left out   a hot page not written since the last snapshot
 *                         is not in the next frozen set; one written back
 *                         to the same bytes is not either (nothing changed);
 *   failed snapshot       after a thaw that was not durable, a hot page is
 *                         saved by the next freeze even if unchanged since;
 *   retired               a hot page unchanged over many freezes goes back
 *                         to fault tracking: its next write faults, and it
 *                         is in the next frozen set;
 *   never evicted         eviction leaves a hot page's content in place;
 *   the pool              every copy-on-write slot a hot page held is back
 *                         in the pool once pages retire (a debug build
 *                         asserts the count at every freeze).
 * A strategy without write faults (uffd-async) has no hot pages; the
 * content checks run for it too.
 */
#define _GNU_SOURCE
#include "../../src/hal/hal.h"
#include "testlib.h"

#include <string.h>

#define PAGES 64u
#define WORDS (HAL_PAGE_SIZE / 8)

static int fill_zero(void *ctx, uint64_t pg, void *dst)
{
    (void)ctx;
    (void)pg;
    memset(dst, 0, HAL_PAGE_SIZE);
    return 0;
}

static void fatal(void *ctx, int kind, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "tmem_hot: fatal (%d): %s\n", kind, msg);
    abort();
}

static bool in_set(const uint64_t *pages, size_t n, uint64_t pg)
{
    for (size_t i = 0; i < n; i++)
        if (pages[i] == pg)
            return true;
    return false;
}

static uint64_t faults(hal_tmem *t)
{
    hal_tmem_stats s;
    hal_tmem_stats_get(t, &s);
    return s.write_faults;
}

/* One snapshot: prepare, freeze, read every frozen page (checking page pg
 * holds want in word 0 if frozen), thaw.  Returns whether pg was frozen. */
static bool snapshot(hal_tmem *t, uint64_t pg, uint64_t want, bool durable)
{
    CHECK(hal_tmem_prepare(t) == 0);
    const uint64_t *pages;
    size_t n;
    CHECK(hal_tmem_freeze(t, &pages, &n) == 0);
    bool frozen = in_set(pages, n, pg);
    uint64_t got[WORDS];
    for (size_t i = 0; i < n; i++) {
        hal_tmem_read_frozen(t, pages[i], got);
        if (pages[i] == pg)
            CHECK_EQ_U64(got[0], want);
    }
    hal_tmem_thaw(t, durable);
    return frozen;
}

static void test_strategy(const char *strategy)
{
    void *base = (void *)(uintptr_t)0x6e0000000000ull;
    hal_tmem_config cfg = {.base = base, .size = (uint64_t)PAGES * HAL_PAGE_SIZE,
                           .fill = fill_zero, .fatal = fatal};
    hal_tmem *t;
    char why[256];
    REQUIRE(hal_tmem_open(strategy, &cfg, &t, why, sizeof why) == 0);
    bool faulting = strcmp(strategy, "uffd-async") != 0;
    volatile uint64_t *p = base;
    const uint64_t H = 7; /* the page made hot */

    /* Resident and clean: first written, then written after a snapshot
     * (the write that makes it hot). */
    p[H * WORDS] = 1;
    CHECK(snapshot(t, H, 1, true));
    p[H * WORDS] = 2;
    CHECK(snapshot(t, H, 2, true));

    /* Saved at its instant, without faults; later writes stay out. */
    for (uint64_t v = 3; v < 10; v++) {
        uint64_t f0 = faults(t);
        p[H * WORDS] = v;
        CHECK(hal_tmem_prepare(t) == 0);
        p[H * WORDS + 1] = v; /* between prepare and freeze */
        const uint64_t *pages;
        size_t n;
        CHECK(hal_tmem_freeze(t, &pages, &n) == 0);
        CHECK(in_set(pages, n, H));
        p[H * WORDS] = 100 + v; /* after the instant */
        p[H * WORDS + 1] = 100 + v;
        uint64_t got[WORDS];
        for (size_t i = 0; i < n; i++) {
            hal_tmem_read_frozen(t, pages[i], got);
            if (pages[i] == H) {
                CHECK_EQ_U64(got[0], v);
                CHECK_EQ_U64(got[1], v);
            }
        }
        hal_tmem_thaw(t, true);
        if (faulting)
            CHECK_EQ_U64(faults(t), f0);       /* hot: no write faulted */
        CHECK(snapshot(t, H, 100 + v, true)); /* the writes after the instant, next */
    }

    /* Unchanged: left out; the same bytes written again: left out too
     * (with uffd-async a write is a write, whatever it wrote). */
    CHECK(!snapshot(t, H, 0, true));
    p[H * WORDS] = p[H * WORDS];
    if (faulting)
        CHECK(!snapshot(t, H, 0, true));
    else
        CHECK(snapshot(t, H, 109, true));

    /* A failed snapshot: saved again by the next one, unchanged or not. */
    p[H * WORDS] = 50;
    CHECK(snapshot(t, H, 50, false));
    CHECK(snapshot(t, H, 50, true));
    CHECK(!snapshot(t, H, 0, true));

    /* Never evicted: its content stays (a hot page is neither dropped nor
     * refilled with zeros). */
    p[H * WORDS] = 60;
    hal_tmem_evict(t, 0);
    CHECK_EQ_U64(p[H * WORDS], 60);
    CHECK(snapshot(t, H, 60, true));

    /* Retired after many unchanged freezes: the next write faults again
     * and is saved. */
    for (int i = 0; i < 80; i++)
        CHECK(!snapshot(t, H, 0, true));
    uint64_t f0 = faults(t);
    p[H * WORDS] = 70;
    if (faulting)
        CHECK_EQ_U64(faults(t), f0 + 1);
    CHECK(snapshot(t, H, 70, true));
    CHECK_EQ_U64(p[H * WORDS], 70);

    /* Many pages hot at once, each saved with its own content. */
    for (int round = 0; round < 3; round++) {
        for (uint64_t pg = 10; pg < PAGES; pg++)
            p[pg * WORDS] = pg * 10 + (uint64_t)round;
        CHECK(hal_tmem_prepare(t) == 0);
        const uint64_t *pages;
        size_t n;
        CHECK(hal_tmem_freeze(t, &pages, &n) == 0);
        for (uint64_t pg = 10; pg < PAGES; pg++)
            p[pg * WORDS] = 0;
        uint64_t got[WORDS], bad = 0, seen = 0;
        for (size_t i = 0; i < n; i++) {
            hal_tmem_read_frozen(t, pages[i], got);
            if (pages[i] >= 10) {
                seen++;
                bad += got[0] != pages[i] * 10 + (uint64_t)round;
            }
        }
        hal_tmem_thaw(t, true);
        CHECK_EQ_U64(bad, 0);
        CHECK_EQ_U64(seen, PAGES - 10);
        CHECK(snapshot(t, 10, 0, true)); /* the zeros written after the instant */
    }
    hal_tmem_close(t);
}

int main(void)
{
    const char *strategies[4];
    int n = t_usable_strategies(strategies, 4, true);
    REQUIRE(n > 0);
    for (int i = 0; i < n; i++)
        test_strategy(strategies[i]);
    return test_done("tmem_hot");
}
