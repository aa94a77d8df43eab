/*
 * vm_safepoint.c - how long a snapshot waits for every VM thread to reach
 * an instruction boundary, with many runnable threads.
 *
 *   vm_safepoint DIR [THREADS] [SECONDS]
 *
 * Starts THREADS (default 1000) VM threads that spin forever in a loop
 * that writes a field, takes snapshots every 10 ms for SECONDS (default 3),
 * and prints the engine's stop time (request until every mutator parked)
 * and whole pause, p50 and p99, as one markdown table row.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/vm/asm.h"
#include "../src/vm/pvm.h"
#include "bench_util.h"

static const char program[] =
    ".class .bench.spin\n"
    ".field n\n"
    ".method run ()void\n"
    "    .locals 1\n"
    "    load 0\n"
    "    pushint 0\n"
    "    putfield .bench.spin n\n"
    "again:\n"
    "    load 0\n"
    "    load 0\n"
    "    getfield .bench.spin n\n"
    "    pushint 1\n"
    "    add\n"
    "    putfield .bench.spin n\n"
    "    jmp again\n"
    ".end\n"
    ".class .bench.main\n"
    ".method static main (*)void\n"
    "    .locals 2\n"
    "    pushint 0\n"
    "    store 1\n"
    "next:\n"
    "    new .bench.spin\n"
    "    invokestatic .internal.thread start (*)*\n"
    "    pop\n"
    "    inclocal 1 1\n"
    "    load 1\n"
    "    pushint %d\n"
    "    jlt next\n"
    "    retvoid\n"
    ".end\n";

typedef struct stopper { pv_vm *vm; unsigned seconds; } stopper;

static void stop_later(void *arg)
{
    stopper *s = arg;
    hal_sleep_ns((uint64_t)s->seconds * 1000000000ull);
    pvm_request_stop(s->vm);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: vm_safepoint DIR [THREADS] [SECONDS]\n");
        return 2;
    }
    int threads = argc > 2 ? atoi(argv[2]) : 1000;
    unsigned seconds = argc > 3 ? (unsigned)atoi(argv[3]) : 3;
    char img[4096];
    snprintf(img, sizeof img, "%s/vm_safepoint.img", argv[1]);
    remove(img);

    /* The thread count reaches main() as a number inside the program. */
    char src[sizeof program + 64];
    snprintf(src, sizeof src, program, threads);
    pv_cf *cfs;
    int n;
    pv_cf_error cerr;
    if (pv_asm(src, strlen(src), "vm_safepoint", &cfs, &n, &cerr) < 0) {
        fprintf(stderr, "%s\n", cerr.msg);
        return 1;
    }
    pvm_options o = {.image = img, .create = true, .snapshot_interval_ms = 10};
    pv_vm *vm;
    char err[600];
    if (pvm_open(&o, &vm, NULL, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    pv_cf *list[2] = {&cfs[0], &cfs[1]};
    if (pvm_install(vm, list, 2, NULL, err, sizeof err) < 0 ||
        pvm_start(vm, ".bench.main", NULL, 0, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    pv_asm_free(cfs, n);
    stopper st = {vm, seconds};
    hal_thread *ht;
    hal_thread_start(&ht, stop_later, &st, "stopper");
    pvm_run(vm);
    hal_thread_join(ht);
    pw_stats s;
    pw_stats_get(pvm_world(vm), &s);
    printf("| %d runnable threads | %llu | %.3f | %.3f | %.3f | %.3f |\n", threads,
           (unsigned long long)s.pause_count, s.stop_p50_ns / 1e6, s.stop_p99_ns / 1e6, s.pause_p50_ns / 1e6,
           s.pause_p99_ns / 1e6);
    pvm_close(vm, false);
    remove(img);
    return 0;
}
