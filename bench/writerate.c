/*
 * writerate.c - how fast a snapshot makes data durable (issue item 3).
 *
 *   writerate STRATEGY DIRTY_MIB IMAGE N
 *
 * Allocates DIRTY_MIB of pages in a new world and writes every page (so
 * each is a data block, not a hole); the first snapshot writes them all
 * into a fresh image.  Then N times: write one byte in every page again and
 * take a snapshot, which rewrites the whole dirty set to newly allocated
 * blocks.  The rate is data bytes (bytes_written - meta_bytes_written) over
 * write_last_ns (from the release of the pause until the root is durable:
 * reading frozen pages, checksums, page-map updates, writes, fdatasync,
 * root write and its fdatasync).  Reported: the median of the N rewrites,
 * and the first (fresh image) snapshot on its own.
 *
 * Output: "@rate | ... |" markdown rows.
 */
#define _GNU_SOURCE
#include "../src/persist/pw.h"
#include "bench_util.h"

#include <unistd.h>

#define MiB (1ull << 20)

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s STRATEGY DIRTY_MIB IMAGE N\n", argv[0]);
        return 2;
    }
    const char *strategy = argv[1];
    unsigned mib = (unsigned)atoi(argv[2]);
    const char *img = argv[3];
    int n = atoi(argv[4]);
    if (n > 32)
        n = 32;
    pw_world *w = bu_open_world(strategy, img, mib);
    uint64_t npages = (uint64_t)mib * MiB / 4096;
    uint8_t *p = pw_alloc_pages(w, npages);
    if (!p)
        bu_die("out of memory");
    double data_rate[33], total_rate[33], secs[33];
    uint64_t data_b[33], meta_b[33];
    for (int r = 0; r <= n; r++) {
        for (uint64_t i = 0; i < npages; i++) {
            p[i * 4096 + (uint64_t)r * 8] = (uint8_t)(r + 1);
            if (!(i & 1023))
                pw_safepoint(w);
        }
        pw_stats a, b;
        pw_stats_get(w, &a);
        if (pw_snapshot(w, true))
            bu_die("snapshot failed");
        pw_stats_get(w, &b);
        uint64_t total = b.bytes_written - a.bytes_written;
        uint64_t meta = b.meta_bytes_written - a.meta_bytes_written;
        secs[r] = (double)b.write_last_ns / 1e9;
        data_b[r] = total - meta;
        meta_b[r] = meta;
        data_rate[r] = (double)(total - meta) / secs[r];
        total_rate[r] = (double)total / secs[r];
        fprintf(stderr, "  [%s] snapshot %d: %.1f MiB data + %.2f MiB meta in %.3f s = %.0f MB/s\n",
                strategy, r, (double)(total - meta) / MiB, (double)meta / MiB, secs[r],
                data_rate[r] / 1e6);
    }
    printf("@rate | phantom %s, first snapshot (fresh image) | %.0f MiB | 1 | %.3f | %.0f | %.0f |\n",
           strategy, (double)data_b[0] / MiB, secs[0], data_rate[0] / 1e6, total_rate[0] / 1e6);
    (void)meta_b;
    double dmed = bu_median_d(data_rate + 1, (size_t)n), tmed = bu_median_d(total_rate + 1, (size_t)n),
           smed = bu_median_d(secs + 1, (size_t)n);
    printf("@rate | phantom %s, rewrite of all pages | %.0f MiB | %d | %.3f | %.0f | %.0f |\n",
           strategy, (double)data_b[1] / MiB, n, smed, dmed / 1e6, tmed / 1e6);
    pw_close(w, false);
    unlink(img);
    return 0;
}
