/*
 * pw.h - the persistence engine's public API ("pw": persistent world).
 *
 * A world is a large persistent address space backed by one image file (or
 * raw block device).  Everything a program keeps in it survives kill -9,
 * crashes and power loss: the engine snapshots the space to the image while
 * the program runs, and opening the image again resumes the space as it was
 * at the last durable snapshot.  Pages come in from the image on first
 * touch, so opening costs the same for a small and a huge world.
 *
 * Consistency.  A snapshot is one instant of the whole space.  Threads that
 * modify the space are "mutators": they attach with pw_thread_attach() (the
 * thread that opens the world is attached automatically) and call
 * pw_safepoint() wherever the space is consistent (between transactions,
 * at a VM instruction boundary).  A snapshot instant happens only when every
 * attached thread is at a safepoint or inside pw_blocking_begin/end.  The
 * pause the program sees is the time from the request until release.
 *
 * Pointers into the space stay valid across restarts: the space is always
 * mapped at the address recorded in the image (pw_base()).
 *
 * Thread safety: every function may be called from any attached thread.
 */
#ifndef PHANTOM_PW_H
#define PHANTOM_PW_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../hal/hal.h"

typedef struct pw_world pw_world;

typedef struct pw_error {
    int code;        /* negative errno-style code, or 0 */
    char msg[512];   /* names the file and the problem */
} pw_error;

enum pw_log_level { PW_LOG_ERROR = 0, PW_LOG_WARN = 1, PW_LOG_INFO = 2, PW_LOG_DEBUG = 3 };

/* Snapshot history: which older snapshots a world keeps besides the newest
 * (docs/STORAGE.md, "Snapshot history").  Kept: the `last` newest; the
 * first snapshot of each of the last `minutely` minutes, `hourly` hours and
 * `daily` days (wall clock, UTC, counted back from the newest snapshot);
 * and every pinned one.  Then, while the image's blocks in use exceed
 * budget_blocks (0: no budget), the oldest unpinned ones are dropped.  The
 * snapshot just before the newest is always kept (it is the fallback). */
typedef struct pw_keep {
    uint16_t last, minutely, hourly, daily;
    uint64_t budget_blocks;
} pw_keep;
#define PW_KEEP_DEFAULT_LAST 10u
#define PW_KEEP_DEFAULT_MINUTELY 60u
#define PW_KEEP_DEFAULT_HOURLY 24u
#define PW_KEEP_MAX 10000u /* per tier */
void pw_keep_default(pw_keep *k);
/* Parses a policy ("last=10,minutely=60,hourly=24,daily=0,budget=1G",
 * any subset, starting from the default; "none" keeps only the fallback).
 * false: *why says what is wrong. */
bool pw_keep_parse(const char *text, pw_keep *k, char *why, size_t whylen);
/* The policy as the text pw_keep_parse reads. */
void pw_keep_format(const pw_keep *k, char *out, size_t n);

typedef struct pw_options {
    bool create;                  /* create the image if it does not exist */
    const char *strategy;         /* NULL: best the host supports */
    uint64_t space_size;          /* new worlds; 0: PW_DEFAULT_SPACE_SIZE */
    uint64_t space_base;          /* new worlds; 0: PW_DEFAULT_SPACE_BASE */
    uint32_t snapshot_interval_ms;/* 0: only on request; default via pw_options_default */
    uint64_t memory_budget;       /* bytes of resident pages; 0: unlimited */
    uint64_t cow_limit;           /* bytes for copy-on-write copies; 0: default */
    int log_level;                /* messages at or below go to log (or stderr) */
    void (*log)(void *ctx, int level, const char *msg);
    void *log_ctx;
    hal_blockdev *dev;            /* use this device instead of the path (tests);
                                     the world takes ownership */
    hal_fault_hook_fn fault_hook; /* tests only: hal_tmem_config.fault_hook */
    void *hook_ctx;
    const char *replica;          /* NULL, or a second image kept at most one
                                     snapshot behind (replica.c); created if
                                     missing; or tcp://HOST:PORT of a
                                     replica-server (pw_replica_serve) */
    const char *replica_key;      /* the shared secret's file (tcp:// replicas) */
    bool replica_sync;            /* output commit waits for the replica too:
                                     pw_durable_generation is the older of the
                                     image's and the replica's */
    const pw_keep *keep;          /* NULL: the policy the image holds (or the
                                     default); else this one, stored in the
                                     image from the next snapshot on */
    uint64_t rollback_to;         /* nonzero: resume the world as it was at
                                     this retained generation (a new
                                     snapshot, written before open returns) */
    uint64_t view_generation;     /* nonzero: show this retained generation,
                                     read-only (snapshots are refused) */
    bool no_readahead;            /* do not read the image ahead after open
                                     (readahead.c): pages load only when touched */
} pw_options;

#define PW_DEFAULT_SPACE_SIZE (64ull << 30)
#define PW_DEFAULT_SPACE_BASE 0x300000000000ull
#define PW_MIN_INTERVAL_MS 10u

void pw_options_default(pw_options *o);

/* Opens (or with o->create creates) the world in the image at path.
 * On failure returns a negative code and fills err; the image is untouched. */
int pw_open(const char *path, const pw_options *o, pw_world **out, pw_error *err);
/* Stops snapshots and unmaps the space.  final_snapshot: take and wait for
 * one more snapshot first (otherwise work since the last one is dropped, as
 * after a crash).  Returns the final snapshot's status. */
int pw_close(pw_world *w, bool final_snapshot);

bool pw_is_new(const pw_world *w);        /* created by this open */
void *pw_base(const pw_world *w);
uint64_t pw_size(const pw_world *w);
const char *pw_strategy(const pw_world *w);

/* The root pointer: where a program finds its data after a restart.
 * Stored inside the space, so it is part of every snapshot. */
void *pw_root(pw_world *w);
void pw_set_root(pw_world *w, void *p);

/* Allocation inside the space.  Memory is zeroed, 16-byte aligned. */
void *pw_alloc(pw_world *w, size_t bytes);
void pw_free(pw_world *w, void *p);
void *pw_alloc_pages(pw_world *w, size_t npages);
void pw_free_pages(pw_world *w, void *p, size_t npages);

/* ---- mutators and safepoints --------------------------------------------- */

void pw_thread_attach(pw_world *w);
void pw_thread_detach(pw_world *w);
void pw_safepoint_slow(pw_world *w);
/* Every pw_world begins with this, so the safepoint check inlines. */
struct pw_world_head {
    atomic_int stop_flag; /* nonzero: a snapshot wants the mutators parked */
};
/* Cheap: one atomic load when no snapshot is pending. */
static inline void pw_safepoint(pw_world *w)
{
    if (atomic_load_explicit(&((struct pw_world_head *)(void *)w)->stop_flag, memory_order_acquire))
        pw_safepoint_slow(w);
}
/* Brackets code that does not touch the space and may block (I/O, sleep):
 * snapshots proceed without waiting for this thread. */
void pw_blocking_begin(pw_world *w);
void pw_blocking_end(pw_world *w);

/* ---- snapshots --------------------------------------------------------------- */

/* Codes of snapshots that failed because the image itself is gone (the
 * HAL's codes otherwise: -ENOSPC, -EIO, -EFBIG, ...). */
#define PW_E_IMAGE_GONE (-1001)      /* deleted or replaced while open */
#define PW_E_IMAGE_TRUNCATED (-1002) /* cut shorter than its snapshots */
/* Text for a code of this layer or the HAL's. */
const char *pw_strerror(int code);
/* The word a message of this level begins with on standard error (after
 * "phantom: "): "error: ", "warning: " or nothing. */
const char *pw_log_prefix(int level);

/* Requests a snapshot now.  wait: return once it is durable (or failed). */
int pw_snapshot(pw_world *w, bool wait);
/* Returns once everything the space held when pw_sync was called is durable
 * in the image.  Used to hold back output until it is safe. */
int pw_sync(pw_world *w);
/* ---- output commit ----------------------------------------------------------
 *
 * Output that depends on the state of the space (a reply, a datagram) may
 * leave the process only once that state is durable; otherwise a crash
 * could take back what someone outside already saw.  Holding it back
 * without blocking the program goes by tickets:
 *
 *     uint64_t t = pw_commit_ticket(w);   // on a mutator, after the stores
 *     ... keep the output aside ...
 *     if (pw_durable_generation(w) >= t) release it;
 *
 * Invariant: pw_commit_ticket returns a generation number G such that the
 * snapshot of generation G (or any later one) has its instant after the
 * call, so once pw_durable_generation(w) >= G every store the calling
 * thread made before the call is in a durable snapshot.  (G is the next
 * generation, or the one after it when a snapshot is already under way
 * and may have frozen before the call.)
 *
 * A ticket also asks for that snapshot soon, without waiting: the
 * snapshot thread starts one as soon as it is idle (honouring the backoff
 * after a failure), so every ticket taken while a snapshot is written is
 * served by the next one (group commit): output waits about one
 * snapshot's write time, not the interval.
 *
 * pw_on_commit sets fn, called after every durable snapshot with its
 * generation, on the thread that took it, under the engine's lock: it
 * must only record the number or wake a thread, never block or call the
 * engine.  Once pw_on_commit(w, NULL, NULL) returns, fn runs no more. */
uint64_t pw_commit_ticket(pw_world *w);
uint64_t pw_durable_generation(pw_world *w);
/* Waits until generation g (a ticket) is durable: 0, or -ECANCELED if
 * the world closes first.  Snapshots that fail meanwhile are retried by
 * the engine; this keeps waiting through them.  A thread attached to the
 * world is parked meanwhile (pw_blocking_begin). */
int pw_wait_durable(pw_world *w, uint64_t g);
void pw_on_commit(pw_world *w, void (*fn)(void *ctx, uint64_t generation), void *ctx);

/* 0: periodic off.  A snapshot that takes longer than a quarter of the
 * interval spaces the next one four times its duration away (and says so
 * once), so snapshots do not run back to back.  Each snapshot still costs
 * the program one write fault per page it writes afterwards (BENCHMARKS.md). */
void pw_set_interval(pw_world *w, uint32_t ms);

/* ---- snapshot history -------------------------------------------------------
 *
 * Pins: pw_pin_newest pins the newest durable snapshot (the state before
 * what the caller is about to do, such as a hot code update); the pin is
 * written with the next snapshot and holds until pw_unpin.  pw_unpin(w, g)
 * releases generation g's pin with the next snapshot (-ENOENT: g is not
 * retained).  Both are cheap and never block. */
uint64_t pw_pin_newest(pw_world *w);
int pw_unpin(pw_world *w, uint64_t generation);

typedef struct pw_snapinfo {
    uint64_t generation, wall_ns, pages_present;
    bool pinned;
    bool newest;                  /* the head: what boot resumes */
} pw_snapinfo;
typedef struct pw_history {
    pw_snapinfo *snap;            /* oldest first; the newest last */
    size_t n;
    pw_keep keep;                 /* the policy in force */
    bool keep_stored;             /* the image holds it (else the default) */
    uint64_t blocks_used, image_blocks;
} pw_history;
/* Reads the retained snapshots of the image at path (without opening the
 * world: works beside a running one).  Free with pw_history_free. */
int pw_history_read(const char *path, pw_history *h, pw_error *err);
void pw_history_free(pw_history *h);

typedef struct pw_stats {
    uint64_t generation;          /* newest durable snapshot */
    uint64_t resumed_generation;  /* the snapshot this open started from */
    uint64_t resumed_wall_ns;     /* its instant */
    uint64_t last_durable_wall_ns;
    uint64_t snapshots;           /* committed by this open */
    uint64_t snapshots_failed;
    uint64_t failing;             /* snapshots failed in a row, up to now (0: working) */
    int last_error;               /* code of the newest failure, 0 if none */
    uint64_t pages_written;
    uint64_t bytes_written;       /* data + metadata + roots */
    uint64_t meta_bytes_written;
    uint64_t pause_count;
    uint64_t pause_last_ns;
    uint64_t pause_max_ns;
    uint64_t pause_p50_ns;        /* over the last PW_PAUSE_WINDOW pauses */
    uint64_t pause_p99_ns;
    uint64_t stop_p50_ns;         /* within the pause: until every mutator */
    uint64_t stop_p99_ns;         /* had reached a safepoint */
    uint64_t write_last_ns;       /* freeze to durable, last snapshot */
    /* The interval kept: snapshots are asked for every interval_ms (0: only
     * when a program asks); rate_achieved is durable snapshots per second
     * over the last rate_window_ms (16 intervals, 1 to 60 s, no longer
     * than the world has been open).  behind: the rate is under 90% of the
     * one asked for; behind_why says why (also said once on stderr). */
    uint32_t interval_ms;
    double rate_achieved;
    uint64_t rate_window_ms;
    uint64_t snapshots_late;      /* started after their time, to give the program time */
    bool behind;
    char behind_why[240];
    uint64_t image_blocks;
    uint64_t blocks_used;
    uint64_t pages_present;       /* pages held by the image */
    /* With a replica: the newest snapshot it holds (0: none yet, or being
     * rebuilt), and the blocks copied to it by this open. */
    uint64_t replica_generation;
    uint64_t replica_blocks_shipped;
    /* Read-ahead after open (readahead.c): pages it made resident (also
     * mem.preloaded_pages), and the time from open until it had read the
     * whole image (0 while it runs, or if it did not run). */
    uint64_t readahead_pages;
    uint64_t readahead_done_ns;
    uint64_t replica_wall_ns;     /* the instant of replica_generation */
    uint64_t replica_bytes_shipped;  /* block bytes sent (resent ones too) */
    uint64_t replica_resent;      /* blocks a server refused as damaged and got again */
    uint64_t replica_rebuilds;    /* rebuilt from scratch by this open */
    uint64_t replica_catchups;    /* caught up from an older snapshot by this open */
    bool replica_synced;          /* level: each snapshot ships as it commits */
    bool replica_on;              /* the world has a replica (pw_options.replica) */
    hal_tmem_stats mem;
} pw_stats;
#define PW_PAUSE_WINDOW 4096

void pw_stats_get(pw_world *w, pw_stats *s);

/* ---- replica server ---------------------------------------------------------
 *
 * `phantom replica-server`: receives a world's snapshots over TCP
 * (pw_options.replica = "tcp://HOST:PORT") and writes them into the image
 * at path with the same commit protocol as a local image, so that image
 * is always a complete, valid image at most one snapshot behind, bootable
 * with pw_open.  One client at a time (a new authenticated one replaces
 * the current); runs until *stop becomes true (checked every 200 ms). */
typedef struct pw_replica_server_options {
    const char *listen;           /* [ADDR:]PORT; ADDR default 127.0.0.1; port 0: any */
    const char *image;
    const char *key_file;
    void (*log)(void *ctx, int level, const char *msg);
    void *log_ctx;
    /* Called once listening, with the address and port (tests use port 0). */
    void (*ready)(void *ctx, const char *addr, unsigned port);
    _Atomic bool *stop;
} pw_replica_server_options;
int pw_replica_serve(const pw_replica_server_options *o, pw_error *err);

/* Where the replica at a replica-server (tcp://HOST:PORT; key_file: the
 * shared secret) stands: its newest valid root, if any.  For `phantom info
 * --replica`. */
typedef struct pw_replica_state {
    bool valid;                   /* false: it holds no snapshot */
    uint64_t generation, wall_ns, world_id[2];
} pw_replica_state;
int pw_replica_probe(const char *target, const char *key_file, pw_replica_state *out, pw_error *err);

/* ---- offline tools: inspection and checking -------------------------------- */

typedef struct pw_image_info {
    uint32_t version;
    uint64_t world_id[2];
    uint64_t space_base, space_size;
    uint64_t image_blocks, image_bytes;
    int slots_valid;              /* bitmask: 1 slot A, 2 slot B */
    struct {
        uint64_t generation, wall_ns, pages_present, blocks_used, slist_count;
        uint64_t snapshots_total, bytes_written_total;
        int map_levels, bitmap_levels;
        char problem[160];        /* why the slot is unusable, "" if valid */
    } slot[2];
    int newest;                   /* index of the slot open would use, -1 none */
} pw_image_info;

int pw_image_info_read(const char *path, pw_image_info *info, pw_error *err);

typedef struct pw_fsck_result {
    uint64_t blocks_checked, data_blocks, meta_blocks;
    uint64_t checksum_errors, map_errors, space_errors;
    uint64_t leaked_blocks, double_used_blocks;
    int snapshots_checked;
    uint64_t history_checked;     /* older snapshots the history names, walked */
    int usable_slot;              /* the slot open would use after checking, -1 */
} pw_fsck_result;

/* Checks every checksum of both retained snapshots, the page maps and the
 * free-space accounting, reporting each problem through report().  A check
 * that runs longer than a second also reports, about once a second, a line
 * starting with "progress: ".  Returns 0 when clean, 1 when problems were
 * found, negative when unreadable. */
int pw_fsck(const char *path, hal_blockdev *dev, pw_fsck_result *r,
            void (*report)(void *ctx, const char *line), void *ctx, pw_error *err);

#endif
