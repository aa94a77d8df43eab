/*
 * slowdown.c - what periodic snapshots cost a memory-writing program
 * (issue item 2).
 *
 *   slowdown STRATEGY WORKING_SET_MIB IMAGE WRITES ROUNDS [CAP_SECONDS [HOT_MIB]]
 *
 * The workload: WRITES random 8-byte writes over a WORKING_SET_MIB array
 * inside the space, pw_safepoint() every 1000 writes; fixed work, timed
 * wall clock.  The array is allocated and written whole first, and a
 * snapshot makes it clean, so every run starts from the same state.
 *
 * Each round runs the workload once with snapshots off (interval 0), once
 * at 1 snapshot/s (interval 1000 ms) and once at 10/s (100 ms), in a
 * rotating order; between runs periodic snapshots are turned off and one
 * untimed snapshot leaves the space clean again.  Reported: the median
 * time of each setting over the rounds and the ratio to "off", plus the
 * snapshots actually completed during the timed runs (fewer than the
 * setting asks when a snapshot takes over half the interval: the engine
 * then gives the program as long as the snapshot took before the next one,
 * docs/ARCHITECTURE.md "The interval kept").
 *
 * CAP_SECONDS (default 0: none) bounds one 10/s run (4 x CAP_SECONDS for
 * the other settings, a safety net only): a run still going after that long
 * stops, and its time for the whole work is extrapolated from the writes it
 * completed (steady state: the same snapshot cycle repeats).
 * Rows with extrapolated runs say so.
 *
 * HOT_MIB (default 0: the whole working set) confines the writes to the
 * first HOT_MIB of the array (the rest stays allocated, resident, clean):
 * a program with locality, whose dirty set per snapshot is bounded.
 *
 * Output: one "@slow | ... |" markdown row, and "@slowx | ... |" details.
 */
#define _GNU_SOURCE
#include "../src/persist/pw.h"
#include "bench_util.h"

#include <unistd.h>

#define MiB (1ull << 20)

int main(int argc, char **argv)
{
    if (argc < 6 || argc > 8) {
        fprintf(stderr,
                "usage: %s STRATEGY WORKING_SET_MIB IMAGE WRITES ROUNDS [CAP_SECONDS [HOT_MIB]]\n",
                argv[0]);
        return 2;
    }
    const char *strategy = argv[1];
    unsigned mib = (unsigned)atoi(argv[2]);
    const char *img = argv[3];
    uint64_t writes = strtoull(argv[4], NULL, 10);
    int rounds = atoi(argv[5]);
    uint64_t cap_ns = argc > 6 ? (uint64_t)(atof(argv[6]) * 1e9) : 0;
    unsigned hot = argc > 7 ? (unsigned)atoi(argv[7]) : 0;
    if (hot > mib)
        hot = 0;
    pw_world *w = bu_open_world(strategy, img, mib);
    uint64_t words = (uint64_t)mib * MiB / 8;
    uint64_t *arr = pw_alloc_pages(w, words * 8 / 4096);
    if (!arr)
        bu_die("out of memory");
    for (uint64_t i = 0; i < words; i += 512) {
        arr[i] = i + 1;
        if (!(i & ((1u << 19) - 1)))
            pw_safepoint(w);
    }
    pw_set_root(w, arr);
    uint64_t span = hot ? (uint64_t)hot * MiB / 8 : words; /* words written */
    if (pw_snapshot(w, true))
        bu_die("initial snapshot failed");

    const uint32_t intervals[3] = {0, 1000, 100};
    const char *names[3] = {"off", "1/s", "10/s"};
    double secs[3][64];
    uint64_t snaps[3] = {0}, pmax[3] = {0}, cow[3] = {0}, wfault[3] = {0};
    double rate_sum[3] = {0};
    int capped[3] = {0};
    if (rounds > 64)
        rounds = 64;
    uint64_t rng = 0xC0FFEEull;
    for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < 3; k++) {
            int s = (k + r) % 3;
            pw_stats a, b;
            pw_stats_get(w, &a);
            pw_set_interval(w, intervals[s]);
            uint64_t cap = s == 2 ? cap_ns : cap_ns * 4; /* the cap is for 10/s */
            uint64_t t0 = bu_now_ns(), done = 0;
            for (uint64_t i = 0; i < writes; i += 1000) {
                for (int j = 0; j < 1000; j++)
                    arr[bu_rand(&rng) % span] = i + (uint64_t)j;
                pw_safepoint(w);
                done = i + 1000;
                if (cap && !(i % 1000000) && bu_now_ns() - t0 > cap)
                    break;
            }
            uint64_t t1 = bu_now_ns();
            pw_set_interval(w, 0);
            pw_stats_get(w, &b);
            if (pw_snapshot(w, true)) /* untimed: clean slate for the next run */
                bu_die("snapshot failed");
            double ran = (double)(t1 - t0) / 1e9;
            secs[s][r] = done < writes ? ran * (double)writes / (double)done : ran;
            capped[s] += done < writes;
            snaps[s] += b.snapshots - a.snapshots;
            rate_sum[s] += (double)(b.snapshots - a.snapshots) / ran;
            if (b.pause_max_ns > pmax[s])
                pmax[s] = b.pause_max_ns;
            cow[s] += b.mem.cow_copies - a.mem.cow_copies;
            wfault[s] += b.mem.write_faults - a.mem.write_faults;
            fprintf(stderr, "  [%s] round %d %-4s %.3f s%s, %llu snapshots\n", strategy, r,
                    names[s], secs[s][r], done < writes ? " (capped, extrapolated)" : "",
                    (unsigned long long)(b.snapshots - a.snapshots));
        }
    }
    double med[3], lo[3], hi[3];
    for (int s = 0; s < 3; s++) {
        med[s] = bu_median_d(secs[s], (size_t)rounds); /* sorts */
        lo[s] = secs[s][0];
        hi[s] = secs[s][rounds - 1];
    }
    char what[96];
    if (hot)
        snprintf(what, sizeof what, "%u MiB, writes in a hot %u MiB", mib, hot);
    else
        snprintf(what, sizeof what, "%u MiB, writes uniform over all", mib);
    printf("@slow | %s | %s, %llu M writes | %d | %.3f | %.3f%s | %+.1f%% | %.2f | %.3f%s | "
           "%+.1f%% | %.2f |\n",
           strategy, what, (unsigned long long)(writes / 1000000), rounds, med[0], med[1],
           capped[1] ? " (extrapolated)" : "", (med[1] / med[0] - 1) * 100, rate_sum[1] / rounds,
           med[2], capped[2] ? " (extrapolated)" : "", (med[2] / med[0] - 1) * 100,
           rate_sum[2] / rounds);
    for (int s = 0; s < 3; s++)
        printf("@slowx | %s | %s | %s | %.3f - %.3f%s | %.1f | %.0f | %.0f |\n", strategy, what,
               names[s], lo[s], hi[s], capped[s] ? " (extrapolated)" : "",
               (double)snaps[s] / rounds, (double)wfault[s] / rounds, (double)cow[s] / rounds);
    (void)pmax;
    pw_close(w, false);
    unlink(img);
    return 0;
}
