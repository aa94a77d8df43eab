/*
 * pause.c - snapshot pause (issue items 1 and 5).
 *
 *   pause STRATEGY RESIDENT_MIB IMAGE N_1PCT N_10PCT N_RUNNING
 *
 * Creates a world, allocates RESIDENT_MIB of pages and writes every one
 * (so all are resident and hold data), takes one snapshot to make them all
 * clean, then measures snapshots with 1% and with 10% of the resident pages
 * dirtied in between (distinct random pages, one byte written in each).
 *
 * "parked": the mutator dirties the pages, calls pw_safepoint(), then
 *   pw_snapshot(w, true).  It waits inside pw_snapshot (a blocking region),
 *   so the engine's pause is stop + freeze + release with no time to
 *   safepoint: that time is excluded.
 * "running": the mutator dirties the pages, then keeps working - random
 *   8-byte writes into the pages it dirtied this round, pw_safepoint()
 *   every 1000 writes - while another, unattached thread requests the
 *   snapshot and waits for it.  The engine's pause then includes the time
 *   the mutator needs to reach its next safepoint, and the mutator writes
 *   into the space while the engine prepares the freeze (pages protected by
 *   hal_tmem_prepare and written again before the stop are protected inside
 *   the pause) and while the snapshot is written (copy-on-write faults).
 *   Pages written after a freeze are dirty for the next snapshot, so a
 *   running snapshot can hold more pages than the round dirtied: the notes
 *   give the mean pages written per snapshot.
 *   The mutator also times its stop: pw_safepoint() is spelled out (poll
 *   the stop flag, then pw_safepoint_slow) and the slow call is timed, from
 *   seeing the request until it may continue - what the mutator itself
 *   sees, without the time to reach the safepoint but with the time it
 *   takes to be woken and scheduled again.
 *
 * Every pause number is pw_stats.pause_last_ns read after the snapshot
 * (periodic snapshots are off, so each request is exactly one pause).
 *
 * Output: lines "@pause | ... |" and "@bytes | ... |" (markdown table rows
 * collected by run-all.sh); progress goes to stderr.
 */
#define _GNU_SOURCE
#include "../src/persist/pw.h"
#include "bench_util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#define MiB (1ull << 20)

/* The check pw_safepoint() makes (pw.h), so that the stop can be timed. */
static inline bool stop_requested(pw_world *pw)
{
    return atomic_load_explicit(&((struct pw_world_head *)(void *)pw)->stop_flag,
                                memory_order_acquire);
}


static pw_world *w;
static uint8_t *space;      /* the resident pages */
static uint64_t npages;
static uint64_t *perm;      /* page indexes, partially shuffled per round */
static uint64_t rng = 0x9E3779B97F4A7C15ull;
static const char *strategy;
static unsigned mib;

static void dirty_round(uint64_t k, uint8_t val)
{
    for (uint64_t i = 0; i < k; i++) {
        uint64_t j = i + bu_rand(&rng) % (npages - i);
        uint64_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
        space[perm[i] * 4096 + 8 + bu_rand(&rng) % 4000] = val;
    }
}

typedef struct acc {
    uint64_t *pause;        /* per snapshot, ns */
    uint64_t *stall;        /* running: longest pw_safepoint per snapshot */
    uint64_t *wall;         /* request to durable */
    size_t n;
    uint64_t dirty_bytes, data_bytes, meta_bytes, pages_written;
    uint64_t write_ns;
} acc;

static void acc_init(acc *a, size_t cap)
{
    memset(a, 0, sizeof *a);
    a->pause = calloc(cap + 1, 8);
    a->stall = calloc(cap + 1, 8);
    a->wall = calloc(cap + 1, 8);
}

static void snap_account(acc *a, const pw_stats *before, const pw_stats *after, uint64_t k,
                         uint64_t wall)
{
    if (after->pause_count != before->pause_count + 1)
        fprintf(stderr, "bench: warning: %llu pauses for one snapshot\n",
                (unsigned long long)(after->pause_count - before->pause_count));
    a->pause[a->n] = after->pause_last_ns;
    a->wall[a->n] = wall;
    a->n++;
    uint64_t total = after->bytes_written - before->bytes_written;
    uint64_t meta = after->meta_bytes_written - before->meta_bytes_written;
    a->dirty_bytes += k * 4096;
    a->data_bytes += total - meta;
    a->meta_bytes += meta;
    a->pages_written += after->pages_written - before->pages_written;
    a->write_ns += after->write_last_ns;
}

static void run_parked(acc *a, uint64_t k, size_t n)
{
    for (size_t r = 0; r < n; r++) {
        dirty_round(k, (uint8_t)(r % 250 + 1));
        pw_safepoint(w);
        pw_stats s0, s1;
        pw_stats_get(w, &s0);
        uint64_t t0 = bu_now_ns();
        if (pw_snapshot(w, true))
            bu_die("snapshot failed");
        uint64_t t1 = bu_now_ns();
        pw_stats_get(w, &s1);
        snap_account(a, &s0, &s1, k, t1 - t0);
    }
}

/* ---- running mode ---------------------------------------------------------- */

static pthread_mutex_t mx = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int want;            /* requests posted by the mutator */
static atomic_int served;   /* requests completed by the requester */
static bool quit;
static pw_stats rq_before, rq_after;
static uint64_t rq_wall;

static void *requester(void *arg)
{
    (void)arg;
    int seen = 0;
    pthread_mutex_lock(&mx);
    for (;;) {
        while (want == seen && !quit)
            pthread_cond_wait(&cv, &mx);
        if (quit)
            break;
        seen = want;
        pthread_mutex_unlock(&mx);
        pw_stats_get(w, &rq_before);
        uint64_t t0 = bu_now_ns();
        if (pw_snapshot(w, true))
            bu_die("snapshot failed");
        rq_wall = bu_now_ns() - t0;
        pw_stats_get(w, &rq_after);
        atomic_store(&served, seen);
        pthread_mutex_lock(&mx);
    }
    pthread_mutex_unlock(&mx);
    return NULL;
}

static void run_running(acc *a, uint64_t k, size_t n)
{
    pthread_t th;
    quit = false;
    want = 0;
    atomic_store(&served, 0);
    pthread_create(&th, NULL, requester, NULL);
    for (size_t r = 0; r < n; r++) {
        dirty_round(k, (uint8_t)(r % 250 + 1));
        pw_safepoint(w);
        pthread_mutex_lock(&mx);
        int my = ++want;
        pthread_cond_signal(&cv);
        pthread_mutex_unlock(&mx);
        uint64_t stopped = 0;
        int stops = 0;
        while (atomic_load(&served) < my) {
            for (int i = 0; i < 1000; i++) {
                uint64_t x = bu_rand(&rng);
                uint64_t *pg = (uint64_t *)(void *)(space + perm[x % k] * 4096);
                pg[1 + (x >> 40) % 500] = x | 1; /* word 0 keeps the page's marker */
            }
            /* pw_safepoint(w), spelled out so the stop itself is timed */
            if (stop_requested(w)) {
                uint64_t t0 = bu_now_ns();
                pw_safepoint_slow(w);
                stopped += bu_now_ns() - t0;
                stops++;
            }
        }
        if (stops != 1)
            fprintf(stderr, "bench: warning: the mutator stopped %d times for one snapshot\n", stops);
        a->stall[a->n] = stopped;
        snap_account(a, &rq_before, &rq_after, k, rq_wall);
    }
    pthread_mutex_lock(&mx);
    quit = true;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mx);
    pthread_join(th, NULL);
}

/* ---- report ------------------------------------------------------------------ */

static void report(acc *a, const char *mode, unsigned pct, uint64_t k)
{
    size_t n = a->n;
    uint64_t *wl = a->wall;
    double wall_p50 = bu_ms(bu_pct(wl, n, 50));
    uint64_t p50 = bu_pct(a->pause, n, 50), p99 = bu_pct(a->pause, n, 99),
             mx_ = bu_pct(a->pause, n, 100);
    printf("@pause | phantom %s, %s | %u MiB | %u%% (%llu pages) | %zu | %.3f | %.3f | %.3f | "
           "request-to-durable p50 %.1f ms; %.0f pages/snapshot |\n",
           strategy, mode, mib, pct, (unsigned long long)k, n, bu_ms(p50), bu_ms(p99), bu_ms(mx_),
           wall_p50, (double)a->pages_written / (double)n);
    if (!strcmp(mode, "running")) {
        uint64_t s50 = bu_pct(a->stall, n, 50), s99 = bu_pct(a->stall, n, 99),
                 smx = bu_pct(a->stall, n, 100);
        printf("@pause | phantom %s, running: mutator's own stall | %u MiB | %u%% (%llu pages) | "
               "%zu | %.3f | %.3f | %.3f | time inside pw_safepoint_slow() per snapshot |\n",
               strategy, mib, pct, (unsigned long long)k, n, bu_ms(s50), bu_ms(s99), bu_ms(smx));
    } else {
        double per = (double)n;
        printf("@bytes | %s | %u MiB | %u%% | %.2f | %.2f | %.2f | %.3f | %.3f | %s |\n", strategy,
               mib, pct, (double)a->dirty_bytes / per / MiB, (double)a->data_bytes / per / MiB,
               (double)a->meta_bytes / per / MiB, (double)a->data_bytes / (double)a->dirty_bytes,
               (double)(a->data_bytes + a->meta_bytes) / (double)a->dirty_bytes,
               a->pages_written == a->dirty_bytes / 4096 ? "yes" : "NO");
    }
    fflush(stdout);
}

int main(int argc, char **argv)
{
    if (argc != 7) {
        fprintf(stderr, "usage: %s STRATEGY RESIDENT_MIB IMAGE N_1PCT N_10PCT N_RUNNING\n", argv[0]);
        return 2;
    }
    strategy = argv[1];
    mib = (unsigned)atoi(argv[2]);
    const char *img = argv[3];
    size_t n1 = (size_t)atoi(argv[4]), n10 = (size_t)atoi(argv[5]), nrun = (size_t)atoi(argv[6]);
    w = bu_open_world(strategy, img, mib);
    npages = (uint64_t)mib * MiB / 4096;
    space = pw_alloc_pages(w, npages);
    perm = malloc(npages * sizeof *perm);
    if (!space || !perm)
        bu_die("out of memory");
    for (uint64_t i = 0; i < npages; i++) {
        perm[i] = i;
        space[i * 4096] = 1; /* resident, and a data page (not a hole) */
        if (!(i & 1023))
            pw_safepoint(w);
    }
    pw_set_root(w, space);
    uint64_t t0 = bu_now_ns();
    if (pw_snapshot(w, true))
        bu_die("initial snapshot failed");
    fprintf(stderr, "  [%s %u MiB] populated; initial snapshot %.0f ms\n", strategy, mib,
            bu_ms(bu_now_ns() - t0));

    unsigned pcts[2] = {1, 10};
    size_t counts[2] = {n1, n10};
    for (int p = 0; p < 2; p++) {
        uint64_t k = npages * pcts[p] / 100;
        acc a;
        acc_init(&a, counts[p]);
        run_parked(&a, k, 2); /* warm-up, not counted */
        a.n = 0;
        a.dirty_bytes = a.data_bytes = a.meta_bytes = a.pages_written = a.write_ns = 0;
        run_parked(&a, k, counts[p]);
        report(&a, "parked", pcts[p], k);
        fprintf(stderr, "  [%s %u MiB] %u%% parked done\n", strategy, mib, pcts[p]);
        if (nrun) {
            acc b;
            acc_init(&b, nrun);
            run_running(&b, k, nrun);
            report(&b, "running", pcts[p], k);
            fprintf(stderr, "  [%s %u MiB] %u%% running done\n", strategy, mib, pcts[p]);
        }
    }
    pw_close(w, false);
    unlink(img);
    return 0;
}
