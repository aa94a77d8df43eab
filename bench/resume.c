/*
 * resume.c - the program whose whole run is timed for "process start to
 * resumed work" (issue item 4).
 *
 *   resume create MIB IMAGE   make a world holding MIB of data pages, the
 *                             root pointing at a small descriptor; one
 *                             snapshot; close.
 *   resume open IMAGE [STRATEGY]
 *                             open the existing world, read the root and
 *                             one value (in the last data page), check it,
 *                             close without a snapshot, exit 0.
 *   resume touch IMAGE [STRATEGY] [ra|nora]
 *                             open it (with the read-ahead, or without:
 *                             nora), read word 0 of every data page in
 *                             order and check it, and print the
 *                             milliseconds from before the open until the
 *                             first value was read and until every page
 *                             was, the pages the read-ahead loaded and
 *                             the page faults; exit 0 if all matched.
 *
 * The open run is what run-all.sh times from process start to exit.  The
 * world uses the default space size (64 GiB), as a real program would.
 */
#define _GNU_SOURCE
#include "../src/persist/pw.h"
#include "bench_util.h"

#include <unistd.h>

#define MiB (1ull << 20)
#define MAGIC 0x5245534d55424e43ull

typedef struct desc {
    uint64_t magic;
    uint64_t npages;
    uint64_t *data; /* npages pages; word 0 of page i holds i * 2654435761 + 1 */
} desc;

static uint64_t expect(uint64_t i) { return i * 2654435761ull + 1; }

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s create MIB IMAGE | open IMAGE [STRATEGY]\n", argv[0]);
        return 2;
    }
    pw_options o;
    pw_options_default(&o);
    o.snapshot_interval_ms = 0;
    pw_world *w;
    pw_error err;
    if (!strcmp(argv[1], "create")) {
        if (argc != 4)
            return 2;
        uint64_t npages = strtoull(argv[2], NULL, 10) * MiB / 4096;
        unlink(argv[3]);
        o.create = true;
        if (pw_open(argv[3], &o, &w, &err)) {
            fprintf(stderr, "bench: open: %s\n", err.msg);
            return 1;
        }
        desc *d = pw_alloc(w, sizeof *d);
        uint64_t *data = pw_alloc_pages(w, npages);
        if (!d || !data)
            bu_die("out of memory");
        for (uint64_t i = 0; i < npages; i++) {
            data[i * 512] = expect(i);
            if (!(i & 1023))
                pw_safepoint(w);
        }
        d->npages = npages;
        d->data = data;
        d->magic = MAGIC;
        pw_set_root(w, d);
        return pw_close(w, true) ? 1 : 0;
    }
    if (!strcmp(argv[1], "open")) {
        o.strategy = argc > 3 ? argv[3] : NULL;
        if (pw_open(argv[2], &o, &w, &err)) {
            fprintf(stderr, "bench: open: %s\n", err.msg);
            return 1;
        }
        desc *d = pw_root(w);
        int bad = !d || d->magic != MAGIC || !d->npages ||
                  d->data[(d->npages - 1) * 512] != expect(d->npages - 1);
        pw_close(w, false);
        if (bad)
            fprintf(stderr, "bench: the resumed world does not hold the expected data\n");
        return bad;
    }
    if (!strcmp(argv[1], "touch")) {
        o.strategy = argc > 3 && strcmp(argv[3], "default") ? argv[3] : NULL;
        o.no_readahead = argc > 4 && !strcmp(argv[4], "nora");
        uint64_t t0 = bu_now_ns();
        if (pw_open(argv[2], &o, &w, &err)) {
            fprintf(stderr, "bench: open: %s\n", err.msg);
            return 1;
        }
        desc *d = pw_root(w);
        if (!d || d->magic != MAGIC || !d->npages)
            bu_die("the resumed world does not hold the expected data");
        uint64_t bad = d->data[0] != expect(0);
        uint64_t t_first = bu_now_ns();
        for (uint64_t i = 1; i < d->npages; i++)
            bad += d->data[i * 512] != expect(i);
        uint64_t t_all = bu_now_ns();
        pw_stats s;
        pw_stats_get(w, &s);
        printf("%.2f %.1f %llu %llu\n", (t_first - t0) / 1e6, (t_all - t0) / 1e6,
               (unsigned long long)s.mem.preloaded_pages, (unsigned long long)s.mem.fill_faults);
        pw_close(w, false);
        if (bad)
            fprintf(stderr, "bench: %llu pages do not hold the expected data\n", (unsigned long long)bad);
        return bad != 0;
    }
    return 2;
}
