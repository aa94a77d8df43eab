/*
 * tmem_costs.c - where the pause and the slowdown go: the unit costs of the
 * tracked-memory layer (src/hal), measured directly on a region without
 * the engine around it.
 *
 *   tmem_costs STRATEGY [LABEL]
 *
 * LABEL is appended to the strategy name in the output (run-all.sh runs it
 * once more under taskset -c 0, "all threads on CPU 0": with uffd every
 * fault is served by another thread, and where that thread runs matters).
 *
 * On a 256 MiB resident region (65536 pages, all written once and frozen
 * and thawed, so they are resident, clean and write-protected):
 *   - freeze of 655 / 6553 random pages, and of 6553 / 65536 consecutive
 *     pages, called alone (it protects the whole dirty set itself): per
 *     frozen page, and per protection run (the strategy makes one
 *     protection call per run of consecutive pages);
 *   - the same random sets with hal_tmem_prepare() first (as the engine
 *     does before stopping the world): the time of prepare, then of the
 *     freeze that follows (which is what the pause contains);
 *   - write fault on a clean page (dirty tracking; what every page written
 *     after a snapshot costs once), no snapshot in progress;
 *   - write fault on a frozen page (copy-on-write before the write).
 * Medians over several repetitions.  Output: "@tmem | ... |" rows.
 */
#define _GNU_SOURCE
#include "../src/hal/hal.h"
#include "bench_util.h"

#define NPAGES 65536u
#define REPS 15

static int fill(void *ctx, uint64_t pg, void *dst)
{
    (void)ctx;
    (void)pg;
    memset(dst, 0, HAL_PAGE_SIZE);
    return 0;
}

static void fatal(void *ctx, int kind, const char *msg)
{
    (void)ctx;
    (void)kind;
    fprintf(stderr, "tmem_costs: fatal: %s\n", msg);
    exit(1);
}

static hal_tmem *t;
static char name[96];
static uint8_t *base;
static uint64_t rng = 0x5EEDull;

static size_t runs_of(const uint64_t *pg, size_t n)
{
    size_t r = 0;
    for (size_t i = 0; i < n; i++)
        r += i == 0 || pg[i] != pg[i - 1] + 1;
    return r;
}

/* Dirty k pages (random or consecutive), time the freeze (after a timed
 * hal_tmem_prepare when prepare is set), thaw. */
static void freeze_cost(const char *strategy, uint64_t k, bool contiguous, bool prepare)
{
    uint64_t ns[REPS], pns[REPS];
    size_t frozen = 0, runs = 0;
    for (int r = 0; r < REPS; r++) {
        for (uint64_t i = 0; i < k; i++) {
            uint64_t p = contiguous ? i : bu_rand(&rng) % NPAGES;
            base[p * HAL_PAGE_SIZE + 8] = (uint8_t)r;
        }
        const uint64_t *pg;
        size_t n;
        uint64_t t0 = bu_now_ns();
        if (prepare && hal_tmem_prepare(t))
            bu_die("prepare failed");
        uint64_t t1 = bu_now_ns();
        if (hal_tmem_freeze(t, &pg, &n))
            bu_die("freeze failed");
        ns[r] = bu_now_ns() - t1;
        pns[r] = t1 - t0;
        frozen = n;
        runs = runs_of(pg, n);
        hal_tmem_thaw(t, true);
    }
    uint64_t med = bu_pct(ns, REPS, 50);
    if (prepare) {
        uint64_t pmed = bu_pct(pns, REPS, 50);
        printf("@tmem | %s | prepare, %llu %s pages dirty (outside the pause) | %zu pages in %zu runs "
               "| %.3f ms | %.3f us/run |\n",
               strategy, (unsigned long long)k, contiguous ? "consecutive" : "random", frozen, runs,
               bu_ms(pmed), (double)pmed / 1e3 / (double)runs);
        printf("@tmem | %s | freeze after prepare (the pause's share) | %zu pages | %.3f ms | %.3f "
               "us/page |\n",
               strategy, frozen, bu_ms(med), (double)med / 1e3 / (double)frozen);
        return;
    }
    printf("@tmem | %s | freeze alone, %llu %s pages dirty | %zu pages in %zu runs | %.3f ms | %.3f "
           "us/page, %.3f us/run |\n",
           strategy, (unsigned long long)k, contiguous ? "consecutive" : "random", frozen, runs,
           bu_ms(med), (double)med / 1e3 / (double)frozen, (double)med / 1e3 / (double)runs);
}

/* Time writing one byte into each of k random distinct clean (or frozen)
 * pages: every write faults once. */
static void fault_cost(const char *strategy, bool frozen)
{
    uint64_t ns[REPS];
    const uint64_t k = 8192;
    for (int r = 0; r < REPS; r++) {
        uint64_t start = (bu_rand(&rng) % (NPAGES / k)) * k; /* a fresh block of k pages */
        const uint64_t *pg;
        size_t n;
        if (frozen) {
            for (uint64_t i = 0; i < k; i++)
                base[(start + i) * HAL_PAGE_SIZE + 16] = (uint8_t)r;
            if (hal_tmem_freeze(t, &pg, &n))
                bu_die("freeze failed");
        }
        uint64_t t0 = bu_now_ns();
        for (uint64_t i = 0; i < k; i++)
            base[(start + (i * 4099) % k) * HAL_PAGE_SIZE + 24] = (uint8_t)(r + 1);
        ns[r] = bu_now_ns() - t0;
        if (!frozen && hal_tmem_freeze(t, &pg, &n))
            bu_die("freeze failed");
        hal_tmem_thaw(t, true);
    }
    uint64_t med = bu_pct(ns, REPS, 50);
    printf("@tmem | %s | write fault on a %s page | %llu faults | %.3f ms | %.2f us/fault |\n",
           strategy, frozen ? "frozen (copy-on-write)" : "clean (dirty tracking)",
           (unsigned long long)k, bu_ms(med), (double)med / 1e3 / (double)k);
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: %s STRATEGY [LABEL]\n", argv[0]);
        return 2;
    }
    const char *strategy = argv[1];
    snprintf(name, sizeof name, "%s%s%s", strategy, argc > 2 ? ", " : "", argc > 2 ? argv[2] : "");
    hal_tmem_config cfg = {
        .base = (void *)(uintptr_t)0x300000000000ull,
        .size = (uint64_t)NPAGES * HAL_PAGE_SIZE * 2,
        .fill = fill,
        .fatal = fatal,
    };
    char why[256];
    if (hal_tmem_open(strategy, &cfg, &t, why, sizeof why)) {
        fprintf(stderr, "tmem_costs: %s: %s\n", strategy, why);
        return 1;
    }
    base = cfg.base;
    for (uint64_t i = 0; i < NPAGES; i++)
        base[i * HAL_PAGE_SIZE] = 1;
    const uint64_t *pg;
    size_t n;
    if (hal_tmem_freeze(t, &pg, &n))
        bu_die("freeze failed");
    hal_tmem_thaw(t, true);

    freeze_cost(name, NPAGES / 100, false, false);
    freeze_cost(name, NPAGES / 10, false, false);
    freeze_cost(name, NPAGES / 10, true, false);
    freeze_cost(name, NPAGES, true, false);
    freeze_cost(name, NPAGES / 100, false, true);
    freeze_cost(name, NPAGES / 10, false, true);
    fault_cost(name, false);
    fault_cost(name, true);
    hal_tmem_close(t);
    return 0;
}
