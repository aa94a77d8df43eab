/*
 * pvm.h - the VM's public API, for the tools and the compiler.
 *
 * A VM runs one world: pvm_open opens (or creates) the image, creates the
 * world's root and internal classes when new, binds native code by name
 * and rebuilds host state (timers, consoles) when resumed.  Programs are
 * installed as class files (pvm_install) and started (pvm_start); pvm_run
 * runs every thread until no non-daemon thread is left.
 */
#ifndef PHANTOM_PVM_H
#define PHANTOM_PVM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "classfile.h"

typedef struct pv_vm pv_vm;

typedef struct pvm_options {
    const char *image;              /* path of the world's image */
    bool create;                    /* create it if missing */
    uint32_t snapshot_interval_ms;  /* 0: the engine's default */
    int verbose;                    /* 0 quiet, 1 boot messages, 2 more */
    bool inspect;                   /* only to look: no restart hooks, no
                                       threads run, no snapshots; close
                                       with pvm_close(vm, false) */
} pvm_options;

typedef struct pvm_boot_info {
    bool is_new;
    uint64_t generation;            /* snapshot resumed from */
    uint64_t snapshot_age_ms;       /* how old it was */
    uint64_t boots;
    uint32_t threads;
    uint32_t classes;
} pvm_boot_info;

/* 0, or a negative code with a message naming the image and the problem. */
int pvm_open(const pvm_options *o, pv_vm **out, pvm_boot_info *info, char *err, size_t errlen);
/* final: take a last snapshot so the world is saved exactly as it is. */
int pvm_close(pv_vm *vm, bool final);

/* Installs classes (see install.c); 0 or -1 with a message. */
int pvm_install(pv_vm *vm, pv_cf **cfs, int n, char *err, size_t errlen);

/* Starts the program whose entry class is `cls`: static main() or
 * main(args), instance main(), or the original run(boot) / run() on a new
 * instance.  Static initialisers ("<clinit>" methods) of `inits` (the
 * classes just installed, n of them) run first, in order, in the same
 * thread.  0, or -1 with a message. */
int pvm_start(pv_vm *vm, const char *cls, const char *const *inits, int n, char *err, size_t errlen);

/* Takes a snapshot and waits until it is durable: 0, or negative. */
int pvm_snapshot(pv_vm *vm);

/* Asks pvm_run to return after the current time slice (any host thread). */
void pvm_request_stop(pv_vm *vm);

/* The persistence engine's world under the VM (statistics, tools). */
struct pw_world *pvm_world(pv_vm *vm);

/* Live threads in the world. */
uint32_t pvm_thread_count(pv_vm *vm);

/* The collectors' counters (docs/GC.md).  Counts and bytes live in the
 * world and survive restarts; pauses are of this run. */
typedef struct pvm_gc_stats {
    uint64_t live_objects, live_bytes;
    uint64_t allocated_objects, allocated_bytes;
    uint64_t rc_freed_objects, rc_freed_bytes;        /* the fast collector */
    uint64_t cycle_freed_objects, cycle_freed_bytes;  /* the complete collector */
    uint64_t cycles, zct_scans;
    uint64_t heap_pages, pages_released;
    uint64_t last_cycle_ns, last_cycle_work_ns;       /* start to end; its steps' time */
    const char *phase;                                /* "idle", "mark", "sweep" */
    uint64_t steps, step_p50_ns, step_p99_ns, step_max_ns;
    bool disabled;                                    /* PHANTOM_GC=off */
} pvm_gc_stats;
void pvm_gc_stats_get(pv_vm *vm, pvm_gc_stats *s);

/* Runs until no non-daemon thread is left; the program's exit code. */
int pvm_run(pv_vm *vm);

/* Program output written so far is flushed to standard output. */
void pvm_flush(pv_vm *vm);

#endif
