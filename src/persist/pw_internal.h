/*
 * pw_internal.h - the persistence engine's modules and how they fit.
 *
 *   store.c     image I/O: root slots, checked block reads, batched writes
 *   tree.c      copy-on-write radix tree of entries (page map, bitmap index)
 *   balloc.c    block allocator: allocation bitmap, superseded lists
 *   snapshot.c  one snapshot: freeze, write data, write metadata, commit
 *   world.c     open/close, mutators and safepoints, the snapshot thread
 *   history.c   older snapshots kept by policy: retention, pins, rollback
 *   heap.c      allocation inside the persistent space
 *   check.c     offline inspection: pw_image_info_read, pw_fsck
 *   replica.c   continuous replicas: what to ship, the replica thread
 *   replica_target.c  where it goes: an image written here, or a server
 *   replica_proto.c   the replication stream: frames, MACs, handshake
 *   replica_server.c  pw_replica_serve: the stream's receiving end
 */
#ifndef PHANTOM_PW_INTERNAL_H
#define PHANTOM_PW_INTERNAL_H

#include "format.h"
#include "pw.h"

#include <stdatomic.h>

_Static_assert(PW_BLOCK_SIZE == HAL_PAGE_SIZE, "a page is a block");
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the image format is little-endian and this engine writes it natively"
#endif

/* ---- store ----------------------------------------------------------------- */

typedef struct pw_store {
    hal_blockdev *dev;
    const char *name;            /* for messages */
    _Atomic uint64_t dev_blocks; /* blocks the device holds now */
    /* pending sequential write run */
    uint8_t *run_buf;
    uint64_t run_first, run_len, run_cap; /* invariant: run_len < run_cap */
    uint8_t *spare;                       /* one block, for moving a slot */
    uint64_t bytes_written;
} pw_store;

int pw_store_init(pw_store *s, hal_blockdev *dev);
/* The error for a failed hal_blockdev_open(path) with rc: the image and why. */
void pw_open_error(const char *path, int rc, pw_error *err);
void pw_store_fini(pw_store *s);
/* Reads block b and checks it against e (crc).  -EBADMSG on mismatch. */
int pw_store_read_checked(pw_store *s, const pw_entry *e, void *buf);
int pw_store_read(pw_store *s, uint64_t block, void *buf);
/* Reads n consecutive blocks from block b in one request (no checks). */
int pw_store_read_run(pw_store *s, uint64_t block, uint64_t n, void *buf);
/* Queues a block write; consecutive blocks are merged into one request. */
int pw_store_write(pw_store *s, uint64_t block, const void *buf);
/* Zero-copy variant: fill the buffer pw_store_next_slot() returns, then
 * queue it with pw_store_commit_slot(block), or simply do not (the slot is
 * reused).  Valid until the next call that queues or drains. */
uint8_t *pw_store_next_slot(pw_store *s);
int pw_store_commit_slot(pw_store *s, uint64_t block);
int pw_store_drain(pw_store *s);  /* issue queued writes */
int pw_store_flush(pw_store *s);  /* drain, then make everything durable */
int pw_store_ensure(pw_store *s, uint64_t blocks); /* grow the device */
uint32_t pw_block_crc(const void *block);

/* A root slot block <-> its root.  decode checks signature, checksum,
 * version and fields, and on failure says why. */
void pw_root_encode(const pw_rootslot *r, uint8_t *block);
bool pw_root_decode(const uint8_t *block, uint64_t dev_blocks, pw_rootslot *r, char *why,
                    size_t whylen);

/* ---- tree ------------------------------------------------------------------ */

typedef struct tnode tnode;
struct tnode {
    pw_entry e[PW_FANOUT];      /* exactly the on-disk node */
    tnode **child;              /* inner nodes: loaded children */
    pw_entry *undo;             /* content at the last commit, while dirty */
    uint64_t new_block;         /* assigned during a commit, 0 before */
    uint64_t old_block;         /* the block holding the committed version */
    uint8_t level;              /* 0: entries reference leaves/data */
    bool dirty;
};

typedef struct pw_tree {
    pw_store *store;
    tnode *root;
    pw_entry root_entry;        /* committed */
    int levels, committed_levels;
} pw_tree;

typedef int (*pw_alloc_fn)(void *ctx, uint64_t *block);
typedef void (*pw_supersede_fn)(void *ctx, uint64_t block);

void pw_tree_init(pw_tree *t, pw_store *s, pw_entry root, int levels);
void pw_tree_fini(pw_tree *t);
/* Entry at index, or an absent entry; negative on read/checksum error. */
int pw_tree_get(pw_tree *t, uint64_t idx, pw_entry *out);
/* The first present entry (block != 0) at index *idx or after: 1 with *idx
 * and *out set, 0 if there is none, or a negative error. */
int pw_tree_next(pw_tree *t, uint64_t *idx, pw_entry *out);
/* Sets the entry (loading and creating nodes, marking the path dirty). */
int pw_tree_set(pw_tree *t, uint64_t idx, const pw_entry *e);
/* Adds levels until the tree can index max_idx. */
int pw_tree_grow(pw_tree *t, uint64_t max_idx);
/* Gives every dirty node without one a new block, reporting the old block
 * as superseded.  Returns how many were assigned, or negative. */
int pw_tree_assign(pw_tree *t, pw_alloc_fn alloc, pw_supersede_fn sup, void *ctx);
/* Computes checksums bottom-up into the parents, queues the node writes,
 * and returns the new root entry. */
int pw_tree_seal(pw_tree *t, uint32_t gen, pw_entry *root_out);
void pw_tree_commit_done(pw_tree *t, const pw_entry *root);
void pw_tree_rollback(pw_tree *t);
uint64_t pw_tree_capacity(int levels); /* indexes addressable */
int pw_levels_for(uint64_t nidx);

typedef struct pw_u64vec {
    uint64_t *v;
    size_t n, cap;
} pw_u64vec;
int pw_u64vec_push(pw_u64vec *a, uint64_t x);
void pw_u64vec_free(pw_u64vec *a);

/* ---- block allocator -------------------------------------------------------- */

typedef struct pw_balloc {
    pw_store *store;
    pw_tree index;              /* bitmap block number -> bitmap block */
    uint8_t **bm;               /* loaded bitmap blocks (NULL: not loaded) */
    uint8_t **bm_undo;          /* committed content while modified */
    uint64_t *bm_new;           /* block assigned this commit (0: none) */
    uint64_t nbm;               /* bitmap blocks covering image_blocks */
    uint64_t bm_cap;
    uint64_t image_blocks;      /* blocks the image spans */
    uint64_t used;              /* bits set */
    uint64_t used_committed, image_blocks_committed;
    uint64_t cursor;
    uint64_t grow_chunk;        /* blocks to add when the image is full */
    /* Superseded by the committed snapshot: reserved until the next commit
     * succeeds (the snapshot before it is retained until then). */
    pw_entry prev_slist;
    uint64_t prev_slist_count;
    bool prev_loaded;
    pw_u64vec prev_sup;         /* sorted once loaded */
    pw_u64vec prev_chain;       /* blocks holding prev_sup on disk */
    bool quarantine;            /* prev_sup bits are cleared: skip them */
    /* Superseded by the snapshot being written, and where that list goes. */
    pw_u64vec sup;
    pw_u64vec chain;
    int sup_error;              /* recording a superseded block failed
                                   (reported by pw_balloc_seal) */
} pw_balloc;

int pw_balloc_init(pw_balloc *a, pw_store *s, const pw_rootslot *r);
void pw_balloc_fini(pw_balloc *a);
int pw_balloc_alloc(pw_balloc *a, uint64_t *block);
void pw_balloc_supersede(pw_balloc *a, uint64_t block);
/* pw_tree_assign with blocks from this allocator.  The page map's
 * replaced nodes are not superseded: the snapshot they belong to joins the
 * history (history.c), which releases them when it drops that snapshot. */
int pw_balloc_assign(pw_balloc *a, pw_tree *t);
int pw_balloc_assign_kept(pw_balloc *a, pw_tree *t);
/* Finishes a commit's allocation: releases the previous snapshot's
 * superseded blocks, assigns blocks to the bitmap and superseded list until
 * nothing changes, then writes them.  Fills the root's allocation fields. */
int pw_balloc_seal(pw_balloc *a, uint32_t gen, pw_rootslot *r);
void pw_balloc_commit_done(pw_balloc *a, const pw_rootslot *r);
void pw_balloc_rollback(pw_balloc *a);
bool pw_bit_get(const uint8_t *bm, uint64_t bit);

/* ---- snapshot history -------------------------------------------------------- */

/* Reads root r's history chain (oldest first) and the blocks holding it.
 * On failure says why. */
int pw_history_load(pw_store *s, const pw_rootslot *r, pw_hist_rec **out, size_t *n,
                    pw_u64vec *chain, char *why, size_t whylen);
/* The retention decision (pure): keep[i] for each of the n records
 * (oldest first) at wall-clock time now_ns.  The newest is always kept. */
void pw_history_decide(const pw_hist_rec *h, size_t n, uint64_t now_ns, const pw_keep *k,
                       bool *keep);

/* ---- the world ------------------------------------------------------------------ */

typedef struct pw_header pw_header; /* page 0 of the space: heap.c */

/* The achieved snapshot rate is counted over the last PW_RATE_INTERVALS
 * intervals, at least PW_RATE_MIN_MS and at most PW_RATE_MAX_MS.  The ring
 * of recent snapshots holds more than such a window can: at most 16, or
 * 1000 / PW_MIN_INTERVAL_MS = 100 in the shortest window. */
#define PW_RATE_INTERVALS 16u
#define PW_RATE_MIN_MS 1000u
#define PW_RATE_MAX_MS 60000u
#define PW_RATE_RING 128u
_Static_assert(PW_RATE_RING > PW_RATE_INTERVALS && PW_RATE_RING > PW_RATE_MIN_MS / PW_MIN_INTERVAL_MS,
               "the ring holds a whole window");

typedef struct pw_replica pw_replica;

struct pw_world {
    struct pw_world_head head;  /* first: pw_safepoint reads it inline */
    char path[256];
    pw_options opt;
    pw_store store;
    hal_tmem *mem;
    uint8_t *base;
    uint64_t size;
    bool is_new;
    pw_header *hdr;

    hal_mutex map_lock;         /* guards map and balloc structure */
    pw_tree map;
    pw_balloc balloc;
    pw_rootslot committed;          /* the newest durable root */
    pw_rootslot prev_root;          /* the other slot's root, if retained */
    bool root_uncertain;            /* a root write failed: did it land? */

    /* mutators (the stop flag is in head) */
    hal_mutex sp_lock;
    hal_cond sp_resume, sp_parked;
    int attached, parked;

    /* snapshot thread */
    hal_thread *snap_thread;
    hal_mutex snap_lock;
    hal_cond snap_wake, snap_done;
    bool stopping;
    uint64_t requested, done_seq;   /* request sequence numbers */
    int last_result;
    uint32_t interval_ms;
    bool interval_changed;          /* pw_set_interval since the last wait */
    bool behind_said;               /* said once that the asked rate is not kept */
    /* The last PW_RATE_RING durable snapshots: when each started and how
     * long it took (ns, monotonic), for the achieved rate (under snap_lock). */
    uint64_t rate_start[PW_RATE_RING], rate_took[PW_RATE_RING], rate_bytes[PW_RATE_RING];
    uint64_t rate_count;
    uint64_t opened_ns;
    uint64_t fail_streak;
    /* output commit (pw_commit_ticket; under snap_lock) */
    bool snapshotting;              /* pw_snapshot_take runs: its instant may be past */
    uint64_t commit_want;           /* the highest generation a ticket asked for */
    uint64_t last_ticket_ns;        /* when the newest ticket was taken (group commit) */
    void (*on_commit)(void *ctx, uint64_t generation);
    uint64_t durable_told;          /* the newest generation on_commit was given */
    void *on_commit_ctx;
    uint8_t *stage;                 /* one page, for reading frozen pages */

    hal_mutex heap_lock;
    pw_replica *replica;            /* NULL: none (replica.c) */
    struct pw_readahead *readahead; /* NULL: not running (readahead.c) */

    /* Snapshot history (history.c; under map_lock).  hist: the committed
     * root's records, oldest first; hist_new: the ones the snapshot being
     * written will commit. */
    pw_hist_rec *hist, *hist_new;
    size_t nhist, nhist_new;
    pw_u64vec hist_chain, hist_chain_new; /* blocks holding each list */
    pw_keep keep;
    bool keep_set;                  /* stored in the image (PW_ROOT_KEEP_SET) */
    bool readonly;                  /* opened to view an older generation */
    hal_mutex pin_lock;             /* guards the two lists below */
    pw_u64vec pin_want, unpin_want; /* applied by the next snapshot */
    size_t pins_taken, unpins_taken;/* how many of them it applies */

    /* statistics (under snap_lock) */
    pw_stats st;
    uint64_t *pauses;               /* rings of PW_PAUSE_WINDOW pauses, then stops */
};

void pw_log(pw_world *w, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Continuous replicas (replica.c).  Open: the target, and where it stands
 * against the image's committed root (or a clear error: a wrong key,
 * another world's image).  Ship: after a durable snapshot, on the
 * snapshot thread (or the opener, before it starts): a replica in step
 * gets that snapshot now; any other is the replica thread's work (started
 * by the first call), woken here.  Failures are logged and retried later,
 * never returned. */
int pw_replica_open(pw_world *w, const char *path, pw_error *err);
void pw_replica_ship(pw_world *w);
void pw_replica_close(pw_world *w);
/* A snapshot's part in the history (snapshot.c, under map_lock): after the
 * page map is sealed and before the allocator is, builds the history the
 * new root r names (the committed root joins it; the policy drops others,
 * releasing their blocks as superseded), writes it, and fills r's history
 * fields.  commit_done: the snapshot committed (ok) or was abandoned. */
int pw_history_commit(pw_world *w, pw_rootslot *r);
void pw_history_commit_done(pw_world *w, bool ok);
/* At open (world.c): load the committed root's history; then, for
 * view_generation, point the page map at that snapshot; for rollback_to,
 * write that snapshot's content into the space (the caller snapshots it).
 * On failure, why says what is wrong (the caller names the image). */
int pw_history_open(pw_world *w, char *why, size_t whylen);
int pw_history_rollback(pw_world *w, char *why, size_t whylen);
void pw_history_close(pw_world *w);
/* Read-ahead (readahead.c): after an open that resumed a world, a thread
 * reads the image's pages in large sequential runs and makes them resident
 * before the program touches them; stop joins it (pw_close, first). */
int pw_readahead_start(pw_world *w);
void pw_readahead_stop(pw_world *w);
/* Output commit's durable generation may have moved (a snapshot, or with
 * replica_sync a replica's ack): tells on_commit and wakes the waiters.
 * _locked: under snap_lock, without the wake-up. */
void pw_durable_changed(pw_world *w);
void pw_durable_tell_locked(pw_world *w);
/* Takes one snapshot now (on the snapshot thread). */
int pw_snapshot_take(pw_world *w);
void pw_world_stop(pw_world *w);   /* bring mutators to their safepoints */
void pw_world_resume(pw_world *w);
int pw_heap_init(pw_world *w);     /* format or check page 0 */

#endif
