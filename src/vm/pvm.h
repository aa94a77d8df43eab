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
    const char *strategy;           /* snapshot strategy; NULL: the best the
                                       host offers (any world opens under any) */
    const char *replica;            /* NULL, or a second image kept at most one
                                       snapshot behind (pw_options.replica) */
    const char *replica_key;        /* pw_options.replica_key */
    bool replica_sync;              /* pw_options.replica_sync */
    int verbose;                    /* 0 quiet, 1 boot messages, 2 more */
    uint64_t memory_limit;          /* bytes the process may use; 0: the
                                       default (pvm_open, docs/GC.md) */
    bool inspect;                   /* only to look: no restart hooks, no
                                       threads run, no snapshots; close
                                       with pvm_close(vm, false) */
    bool paused;                    /* resume with every thread of the world
                                       held: none runs, no restart hook runs;
                                       threads started after the boot run.
                                       Allowed when the last boot crashed. */
    bool commit_output;             /* console output leaves only once the state
                                       that produced it is durable (as socket
                                       output always does; docs/TRANSIENT.md) */
    struct pd_display *display;     /* the web display the windows show on
                                       (src/display/display.h), or NULL */
    const struct pw_keep *keep;     /* NULL, or the snapshot history's policy
                                       (pw_options.keep) */
    uint64_t snapshot;              /* nonzero: a retained generation: resume
                                       the world as it was then (a rollback),
                                       or with inspect, look at it */
    bool view;                      /* with snapshot: open that generation to
                                       look at with code running (phantom
                                       attach --snapshot): the world's threads
                                       held for good, no restart hooks, nothing
                                       ever written to the image; close with
                                       pvm_close(vm, false) */
    void (*log)(void *ctx, int level, const char *msg);   /* the engine's messages
                                       (pw_options.log); NULL: standard error */
    void *log_ctx;
} pvm_options;

/* pvm_open: the last boot of this world crashed the VM (a fatal fault
 * within moments of resuming its threads); only a paused boot opens it.
 * A paused boot that ends cleanly (pvm_close) clears this. */
#define PVM_E_LAST_BOOT_CRASHED (-2001)

typedef struct pvm_boot_info {
    bool is_new;
    uint64_t generation;            /* snapshot resumed from */
    uint64_t snapshot_age_ms;       /* how old it was */
    uint64_t boots;
    uint32_t threads;
    uint32_t classes;
    uint64_t objects;               /* live objects in the world */
    uint64_t memory_limit;          /* the limit in effect, in bytes */
    /* Boots before this one that failed early, in a row: a thread of the
     * world ended by an uncaught exception before the boot had run for a
     * few seconds (docs/VM.md, "A world that fails at every boot").  Tools
     * warn from PVM_FAILED_BOOTS_WARN on; last_failure says what ended
     * the last of them (which thread, which exception, where). */
    uint32_t failed_boots;
    char last_failure[600];
} pvm_boot_info;
#define PVM_FAILED_BOOTS_WARN 3

/* The smallest memory limit a world runs with. */
#define PVM_MIN_MEMORY_LIMIT (32ull << 20)

/* 0, or a negative code with a message naming the image and the problem. */
int pvm_open(const pvm_options *o, pv_vm **out, pvm_boot_info *info, char *err, size_t errlen);
/* final: take a last snapshot so the world is saved exactly as it is. */
int pvm_close(pv_vm *vm, bool final);

/* Installs classes (see install.c); 0 or -1 with a message.  reused: NULL
 * to install every class anew; else classes already in the world from the
 * same class file (and referring to the same classes) are used as they
 * are, with reused[i] set: their initialisers must not run again.  A class
 * bound to a name already gets a new version (update.c: its objects are
 * migrated, its statics carried over) and reused[i] set too. */
int pvm_install(pv_vm *vm, pv_cf **cfs, int n, bool *reused, char *err, size_t errlen);
/* pvm_install with renames: nrenames pairs of full class names, OLD then
 * NEW (renames[2k], renames[2k+1]): the program's class NEW is the new
 * version of the world's class OLD (its objects migrated), and the name
 * OLD is gone.  Refused when OLD is not in the world, NEW is there already
 * or not in the program. */
int pvm_install_renaming(pv_vm *vm, pv_cf **cfs, int n, bool *reused, const char *const *renames, int nrenames,
                         char *err, size_t errlen);

/* Starts the program whose entry class is `cls`: static main() or
 * main(args), instance main(), or the original run(boot) / run() on a new
 * instance.  Static initialisers ("<clinit>" methods) of `inits` (the
 * classes just installed, n of them) run first, in order, in the same
 * thread.  0, or -1 with a message. */
int pvm_start(pv_vm *vm, const char *cls, const char *const *inits, int n, char *err, size_t errlen);
/* pvm_start passing the program's arguments: main(args) receives argv
 * (argc strings) as an array of strings; the other entry points ignore
 * them. */
int pvm_start_args(pv_vm *vm, const char *cls, const char *const *inits, int n, const char *const *argv,
                   int argc, char *err, size_t errlen);

/* pvm_start for a thread of its own: not the program's main thread (its
 * end sets no exit code); *id is the new thread's id. */
int pvm_start_thread(pv_vm *vm, const char *cls, const char *const *inits, int n, uint64_t *id, char *err,
                     size_t errlen);

/* Takes a snapshot and waits until it is durable: 0, or negative. */
int pvm_snapshot(pv_vm *vm);

/* Asks pvm_run to return after the current time slice (any host thread). */
void pvm_request_stop(pv_vm *vm);

/* Whether pvm_run returned because a program called boot.reboot(): the
 * caller closes the world (final snapshot) and boots it again. */
bool pvm_reboot_requested(const pv_vm *vm);

/* The persistence engine's world under the VM (statistics, tools). */
struct pw_world *pvm_world(pv_vm *vm);

/* Live threads in the world. */
uint32_t pvm_thread_count(pv_vm *vm);

/* The collectors' counters (docs/GC.md).  Counts and bytes live in the
 * world and survive restarts; pauses are of this run. */
typedef struct pvm_gc_stats {
    uint64_t live_objects, live_bytes;
    uint64_t block_bytes;                             /* objects' internal blocks (array items, ...) */
    uint64_t allocated_objects, allocated_bytes;
    uint64_t rc_freed_objects, rc_freed_bytes;        /* the fast collector */
    uint64_t cycle_freed_objects, cycle_freed_bytes;  /* the complete collector */
    uint64_t cycles, zct_scans;
    uint64_t heap_pages, pages_released;
    uint64_t last_cycle_ns, last_cycle_work_ns;       /* start to end; its steps' time */
    const char *phase;                                /* "idle", "mark", "sweep" */
    uint64_t steps, step_p50_ns, step_p99_ns, step_max_ns;
    uint64_t step_max_cpu_ns;                         /* the longest step in CPU time: what the
                                                         collector did, not the host's preemption */
    uint64_t memory_limit, heap_limit;                /* bytes: the process's, and the heap's share */
    bool disabled;                                    /* PHANTOM_GC=off */
} pvm_gc_stats;
void pvm_gc_stats_get(pv_vm *vm, pvm_gc_stats *s);

/* Runs until no non-daemon thread is left; the program's exit code. */
int pvm_run(pv_vm *vm);
/* Runs until the program of pvm_start, and every non-daemon thread it (or
 * they) started, has ended; the world's other threads run meanwhile and
 * stay in the world, to continue at the next boot.  The exit code. */
int pvm_run_program(pv_vm *vm);

/* Program output written so far is flushed to standard output. */
void pvm_flush(pv_vm *vm);

/* ---- serving (serve.c): the VM on a host thread of its own -------------------
 *
 * For interactive tools.  pvm_serve_start runs the scheduler on a new host
 * thread that keeps running when no VM thread is left (idle until asked).
 * From then until pvm_serve_stop, the caller touches the world only
 * through pvm_call, and the functions marked "VM thread" below must be
 * called only from inside a pvm_call (or when not serving).  Stopping
 * leaves every VM thread where it is: pvm_close(vm, true) saves them, and
 * the next boot continues them. */
int pvm_serve_start(pv_vm *vm);
void pvm_serve_stop(pv_vm *vm);
/* Runs fn(vm, ctx) on the VM's host thread between two time slices (every
 * VM thread at an instruction boundary, no snapshot until fn returns) and
 * returns its result.  Not serving: calls fn directly. */
int pvm_call(pv_vm *vm, int (*fn)(pv_vm *vm, void *ctx), void *ctx);
/* pvm_call after pvm_requests_close: the run that served requests ended. */
#define PVM_E_NOT_SERVING (-2002)
#define PVM_E_NOT_PAUSED (-2003)      /* pvm_resume: the world's threads are not held */
#define PVM_E_VIEW (-2004)            /* pvm_resume: a view (pvm_options.view) never resumes */
/* Requests served in place: from pvm_requests_open on, the caller's own
 * pvm_run / pvm_run_program runs other host threads' pvm_call requests
 * between time slices (and ends as it always does: when the program
 * ends).  After the run, pvm_requests_close makes pvm_call refuse
 * (PVM_E_NOT_SERVING) and runs those already submitted; then, once no
 * other thread can call, pvm_requests_free. */
int pvm_requests_open(pv_vm *vm);
void pvm_requests_close(pv_vm *vm);
void pvm_requests_free(pv_vm *vm);
/* Waits up to timeout_ms for thread `id` to end: 1 if it has ended (and
 * *failed: by an uncaught exception), 0 if still running.  Any thread. */
int pvm_thread_wait(pv_vm *vm, uint64_t id, uint32_t timeout_ms, bool *failed);
/* Sends the VM's console output (program output: stream 1; uncaught
 * exceptions and debug output: stream 2) to fn instead of the host
 * console, a line at a time; fn runs on the VM's thread.  NULL: back to
 * the console.  Set it before pvm_serve_start. */
void pvm_set_output(pv_vm *vm, void (*fn)(void *ctx, int stream, const char *s, size_t n), void *ctx);
/* A copy of the console output to fn as well (in pieces, not lines),
 * leaving where it goes and how it is buffered as they were.  Set it
 * before the world runs. */
void pvm_set_output_copy(pv_vm *vm, void (*fn)(void *ctx, int stream, const char *s, size_t n), void *ctx);

/* ---- inspection and control (inspect.c); VM thread ------------------------- */

typedef struct pvm_thread_info {
    uint64_t id;
    const char *state;      /* "runnable", "sleeping", "waiting for a lock", ... */
    bool daemon;
    bool held;              /* held by a paused boot: it does not run */
    bool damaged;           /* a frame does not run sound bytecode
                               (entry and where say so; phantom fsck --vm) */
    char entry[160];        /* what it runs: class.method of its first frame */
    char where[200];        /* where it is: class.method (file:line) of its top frame */
} pvm_thread_info;

/* Fills out[0, max) with the live threads, oldest first; returns how many
 * there are (may be more than max). */
int pvm_threads(pv_vm *vm, pvm_thread_info *out, int max);
/* Ends thread `id` at once, where it stands (it is between instructions),
 * releasing the monitors it holds as an uncaught exception would: 0, or
 * -1 if no live thread has that id. */
int pvm_thread_kill(pv_vm *vm, uint64_t id);
/* Releases every thread a paused boot held (pvm_options.paused): from
 * now on the world runs as if it had been booted normally, each thread
 * going on from where it stands (restart hooks, sleeps, host calls and
 * the collectors included).  0; PVM_E_NOT_PAUSED if the world's threads
 * are not held; -12 out of host memory.  Call it where no thread runs
 * (pvm_call). */
int pvm_resume(pv_vm *vm);

/* The value of static field `field` of class `cls` as text: its class,
 * and for objects their fields and values, `depth` levels deep (strings
 * quoted).  Arrays, directories and the library's containers (list, map,
 * set, queue, stack) show their first items on one line, unless raw asks
 * for the fields and slots they are made of.  Never runs bytecode (no
 * toString calls).  0, or -1 with the reason in buf. */
int pvm_describe_static(pv_vm *vm, const char *cls, const char *field, int depth, bool raw, char *buf, size_t len);

bool pvm_class_exists(pv_vm *vm, const char *name);
/* The version of class `name`: 1 as first installed, one more at each
 * update that replaced it (update.c); 0 if the world has no such class. */
uint32_t pvm_class_version(pv_vm *vm, const char *name);
/* For completion.  The full name of the class of the value in static
 * field `field` of class `cls`, into buf: 0, or -1 if there is no such
 * field or it holds null. */
int pvm_static_class(pv_vm *vm, const char *cls, const char *field, char *buf, size_t len);
/* Calls fn for every member of class cls, its own and inherited: the
 * instance fields and methods when instance, else the static ones;
 * constructors left out, a name overridden in several classes given
 * each time.  0, or -1 if the world has no class cls. */
int pvm_class_members(pv_vm *vm, const char *cls, bool instance,
                      void (*fn)(void *ctx, const char *name, bool is_method), void *ctx);
/* Calls fn for the full name of every class in the world. */
void pvm_classes(pv_vm *vm, void (*fn)(void *ctx, const char *name), void *ctx);

/* Notes: a persistent map of strings for tools (the shell keeps its
 * workspace in one), a directory published in the world's published-
 * objects directory under `book` (programs can see it there).  put with
 * val NULL removes the key; 0, or -1 when the world is out of memory. */
int pvm_note_put(pv_vm *vm, const char *book, const char *key, const char *val);
void pvm_notes(pv_vm *vm, const char *book, void (*fn)(void *ctx, const char *key, const char *val), void *ctx);

/* ---- checking a world offline (check.c) --------------------------------------- */

typedef struct pvm_check_result {
    uint64_t objects, classes, threads, spans;   /* checked */
    uint64_t problems;
} pvm_check_result;

/* Walks the object graph of the world in `image` without booting it (the
 * image is opened only to look; nothing runs, nothing is written) and
 * reports through report() one line per problem ("  dangling reference:
 * ...", "  bad header: ...", "  bad thread: ...", ...) and a summary line
 * starting "vm: " that ends "clean" or holds "DAMAGED".  Every pointer is
 * checked before it is followed, so a damaged world cannot crash it.
 * Returns 0 clean, 1 problems found, or a negative code with err filled
 * when the image cannot be opened. */
int pvm_check(const char *image, pvm_check_result *r, void (*report)(void *ctx, const char *line), void *ctx,
              char *err, size_t errlen);

/* What the VM counts.  The object and collector fields are 0 until the
 * garbage collector fills them in. */
typedef struct pvm_stats {
    uint32_t threads, runnable, classes;
    uint64_t boots;
    pvm_gc_stats gc;         /* objects and the collectors */
} pvm_stats;
void pvm_stats_get(pv_vm *vm, pvm_stats *out);

#endif
