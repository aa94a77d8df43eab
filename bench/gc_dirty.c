/*
 * gc_dirty.c - what one complete garbage-collection cycle costs the
 * snapshots: pages of the world it dirties, and bytes the next snapshot
 * writes, on a large world (issue 19 item 4: mark bits in the objects'
 * headers dirty every live page; in a side bitmap, none).
 *
 *   gc_dirty DIR [MIB] [STRATEGY]
 *
 * Builds a world of MIB (default 1024) MiB of live objects (a linked list
 * of small instances, none of them garbage), lets the collectors settle
 * and takes snapshots until one writes nearly nothing.  Then, with no
 * program running, it times one snapshot without a cycle (the floor), and
 * one complete cycle (pv_gc_full) followed by a snapshot, and prints one
 * markdown table row: the strategy, live MiB, the cycle's wall time, the
 * pages and bytes the snapshot after the cycle wrote, the pages the HAL
 * counted dirty and its write faults during the cycle, and the floor's
 * pages.  The same source builds against the old collector, so two builds
 * run side by side (bench/gc_dirty.sh).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/vm/asm.h"
#include "../src/vm/gc/gc.h"
#include "../src/vm/pvm.h"
#include "bench_util.h"

/* 13 fields: an instance takes a 128-byte slot (header, count, fields). */
static const char program[] =
    ".class .gcd.node\n"
    ".field next\n.field a\n.field b\n.field c\n.field d\n.field e\n.field f\n"
    ".field g\n.field h\n.field i\n.field j\n.field k\n.field l\n"
    ".class .gcd.main\n"
    ".field static head\n"
    ".method static main (*)void\n"
    "    .locals 3\n"
    "    pushint 0\n"
    "    store 1\n"
    "again:\n"
    "    new .gcd.node\n"
    "    store 2\n"
    "    load 2\n"
    "    getstatic .gcd.main head\n"
    "    putfield .gcd.node next\n"
    "    load 2\n"
    "    putstatic .gcd.main head\n"
    "    inclocal 1 1\n"
    "    load 1\n"
    "    pushint %d\n"
    "    jlt again\n"
    "    retvoid\n"
    ".end\n";

#define NODE_BYTES 128

static int full_cycle(pv_vm *vm, void *ctx)
{
    (void)ctx;
    pv_gc_full(vm);
    return 0;
}

static void fail(const char *what, const char *err)
{
    fprintf(stderr, "gc_dirty: %s: %s\n", what, err);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gc_dirty DIR [MIB] [STRATEGY]\n");
        return 2;
    }
    long mib = argc > 2 ? atol(argv[2]) : 1024;
    const char *strategy = argc > 3 ? argv[3] : NULL;
    char img[4096];
    snprintf(img, sizeof img, "%s/gc_dirty.img", argv[1]);
    remove(img);
    char src[sizeof program + 64];
    snprintf(src, sizeof src, program, (int)(mib * 1048576 / NODE_BYTES));
    pv_cf *cfs;
    int n;
    pv_cf_error cerr;
    if (pv_asm(src, strlen(src), "gc_dirty", &cfs, &n, &cerr) < 0)
        fail("assembling", cerr.msg);
    /* No periodic snapshot: each one below is taken when asked. */
    pvm_options o = {.image = img, .create = true, .snapshot_interval_ms = 3600000, .strategy = strategy};
    pv_vm *vm;
    char err[600];
    if (pvm_open(&o, &vm, NULL, err, sizeof err) < 0)
        fail("opening", err);
    pv_cf *list[2] = {&cfs[0], &cfs[1]};
    if (pvm_install(vm, list, 2, NULL, err, sizeof err) < 0 || pvm_start(vm, ".gcd.main", NULL, 0, err, sizeof err) < 0)
        fail("starting", err);
    pv_asm_free(cfs, n);
    if (pvm_run_program(vm) != 0)
        fail("building", "the program failed");
    pw_world *w = pvm_world(vm);
    /* Settle: a whole cycle frees what building left, then snapshots until
     * the dirty set is empty. */
    pvm_call(vm, full_cycle, NULL);
    pw_stats s0, s1, s2;
    for (int i = 0; i < 3; i++)
        if (pvm_snapshot(vm) < 0)
            fail("snapshot", "failed");
    pw_stats_get(w, &s0);
    if (pvm_snapshot(vm) < 0)
        fail("snapshot", "failed");
    pw_stats_get(w, &s1);
    uint64_t t0 = bu_now_ns();
    pvm_call(vm, full_cycle, NULL);
    uint64_t cycle_ns = bu_now_ns() - t0;
    pw_stats sc;
    pw_stats_get(w, &sc);
    if (pvm_snapshot(vm) < 0)
        fail("snapshot", "failed");
    pw_stats_get(w, &s2);
    pvm_gc_stats g;
    pvm_gc_stats_get(vm, &g);
    printf("| %s | %llu | %.2f | %llu | %.1f | %llu | %llu | %llu |\n", pw_strategy(w),
           (unsigned long long)(g.live_bytes >> 20), cycle_ns / 1e9,
           (unsigned long long)(s2.pages_written - s1.pages_written),
           (double)(s2.bytes_written - s1.bytes_written) / 1048576.0, (unsigned long long)sc.mem.dirty_pages,
           (unsigned long long)(sc.mem.write_faults - s1.mem.write_faults),
           (unsigned long long)(s1.pages_written - s0.pages_written));
    pvm_close(vm, false);
    remove(img);
    return 0;
}
