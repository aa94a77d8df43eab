/*
 * alloc_heavy.c - an allocation-heavy program on the engine API: what a
 * growing heap costs in faults, system time and context switches
 * (issue 19 item 2).
 *
 *   alloc_heavy STRATEGY IMAGE [MIB]
 *
 * Allocates MIB (default 256) of small blocks (16..256 bytes) with
 * pw_alloc and pages with pw_alloc_pages (runs of 16, as a collector takes
 * spans), writes each whole, links them into a list from the root, calls
 * pw_safepoint every 64 allocations, with snapshots at 1/s.  A fresh world
 * each run.  Output: one line "@alloc | strategy | wall s | user s | sys s
 * | minor faults | voluntary cs | involuntary cs |" from getrusage of this
 * process (the engine's threads included).
 */
#define _GNU_SOURCE
#include "../src/persist/pw.h"
#include "bench_util.h"

#include <sys/resource.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3)
        bu_die("usage: alloc_heavy STRATEGY IMAGE [MIB]");
    uint64_t mib = argc > 3 ? strtoull(argv[3], NULL, 10) : 256;
    pw_world *w = bu_open_world(argv[1], argv[2], mib);
    pw_set_interval(w, 1000);
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    uint64_t t0 = hal_now_mono_ns();
    uint64_t x = 0x9e3779b97f4a7c15ull, bytes = 0, n = 0;
    void **head = NULL;
    while (bytes < mib << 20) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        size_t size = n % 64 == 63 ? 16 * 4096 : 16 + (size_t)(x % 241);
        void **b = size > 4096 ? pw_alloc_pages(w, size / 4096) : pw_alloc(w, size);
        if (!b)
            bu_die("out of space");
        memset(b, (int)(n & 0xff), size);
        b[0] = head;
        head = b;
        bytes += size;
        if (++n % 64 == 0)
            pw_safepoint(w);
    }
    pw_set_root(w, head);
    uint64_t t1 = hal_now_mono_ns();
    getrusage(RUSAGE_SELF, &r1);
    double user = (double)(r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) +
                  (double)(r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6;
    double sys = (double)(r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) +
                 (double)(r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
    printf("@alloc | %s | %.3f | %.3f | %.3f | %ld | %ld | %ld |\n", argv[1], (double)(t1 - t0) / 1e9,
           user, sys, r1.ru_minflt - r0.ru_minflt, r1.ru_nvcsw - r0.ru_nvcsw,
           r1.ru_nivcsw - r0.ru_nivcsw);
    pw_close(w, false);
    unlink(argv[2]);
    return 0;
}
