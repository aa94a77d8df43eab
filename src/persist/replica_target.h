/*
 * replica_target.h - where a replica's blocks go: an image this process
 * writes (a path or NBD URI: pw_rimage, also what replica-server writes
 * into), or a replica-server reached over TCP (replica_proto.h).  Both
 * follow one commit protocol: blocks (into the target's free space), a
 * flush, then the root durably in slot generation % 2.
 */
#ifndef PHANTOM_REPLICA_TARGET_H
#define PHANTOM_REPLICA_TARGET_H

#include "replica_proto.h"

/* ---- an image written block by block ------------------------------------------ */

typedef struct pw_rimage {
    hal_blockdev *dev;
    uint64_t dev_bytes;
    uint8_t *blk;              /* one block */
    char path[256];
} pw_rimage;

/* Opens path (a missing file is created), exclusively.  0 or the HAL's code. */
int pw_rimage_open(const char *path, pw_rimage **out);
void pw_rimage_close(pw_rimage *m);
/* Its size and its two root slots' first sectors.  A file deleted or
 * replaced meanwhile is opened anew (empty) first. */
int pw_rimage_state(pw_rimage *m, pr_state *st);
/* Grows it to image_blocks; with empty_slots (from scratch, or catching
 * up from an older root whose blocks the new ones may overwrite): both
 * root slots are zeroed durably first, so it is no image at all rather
 * than a damaged one. */
int pw_rimage_begin(pw_rimage *m, uint64_t image_blocks, bool empty_slots);
/* Reads every block root r references and checks it against its entry:
 * after a catch-up, that the blocks it did not get are the ones it needs.
 * -EBADMSG names the first that is not, in why. */
int pw_rimage_verify(pw_rimage *m, const pw_rootslot *r, char *why, size_t whylen);
int pw_rimage_block(pw_rimage *m, uint64_t block, const void *data);
/* Flush, then the root (its first sector; the rest of the block is zero)
 * durably into slot generation % 2. */
int pw_rimage_commit(pw_rimage *m, const uint8_t *sector, uint64_t generation);
/* A root slot's first sector, decoded and checked (pw_root_decode). */
bool pw_rimage_decode(const uint8_t *sector, uint64_t image_bytes, pw_rootslot *r);
/* The newest valid root of st into r: false if none. */
bool pw_rimage_newest(const pr_state *st, pw_rootslot *r);
/* The newest valid root among st's sectors that is not world_id's: true
 * if the target holds another world's image. */
bool pw_rimage_other_world(const pr_state *st, const uint64_t world_id[2]);

/* ---- walking a root's blocks ------------------------------------------------------- */

/* Every block root r references that want() accepts, parents before their
 * children: the page map, the bitmap index (with their leaves) and the
 * superseded list's chain.  A node want() refuses is not read, nor
 * anything below it (a copy-on-write tree rewrites every ancestor of a
 * changed block, so a subtree older than a generation holds nothing
 * newer).  The history chain and the page maps of the snapshots it lists
 * are walked the same way.  read() fills buf with the block, checked against its entry;
 * visit() (may be NULL) then sees it. */
typedef struct pw_walk {
    bool (*want)(void *ctx, const pw_entry *e);
    int (*read)(void *ctx, const pw_entry *e, uint8_t *buf);
    int (*visit)(void *ctx, const pw_entry *e, const uint8_t *buf);
    void *ctx;
    uint8_t *bufs;           /* PW_WALK_BUFS blocks */
} pw_walk;
#define PW_WALK_BUFS (PW_MAX_LEVELS + 1)
int pw_walk_root(const pw_walk *wk, const pw_rootslot *r);

/* ---- a target of either kind ------------------------------------------------------- */

typedef struct pw_rtarget pw_rtarget;
/* A block the remote side refused: read it again into buf (checked
 * against its crc). */
typedef int (*pw_reread_fn)(void *ctx, const pr_block_head *b, uint8_t *buf);

/* name: a path, an NBD URI or tcp://HOST:PORT (key: its shared secret). */
int pw_rtarget_open(const char *name, const uint8_t *key, size_t keylen, pw_rtarget **out, pw_error *err);
void pw_rtarget_close(pw_rtarget *t);
bool pw_rtarget_remote(const pw_rtarget *t);
/* A remote target whose connection is up (a local one always is). */
bool pw_rtarget_connected(const pw_rtarget *t);
/* Where the target stands (a remote one: connects anew); err says why
 * not (-EACCES: a wrong key, -EPERM: the server refused). */
int pw_rtarget_state(pw_rtarget *t, pr_state *st, pw_error *err);
int pw_rtarget_begin(pw_rtarget *t, const pr_begin *b, pw_error *err);
int pw_rtarget_block(pw_rtarget *t, uint64_t block, uint32_t crc, const uint8_t *data, pw_error *err);
int pw_rtarget_commit(pw_rtarget *t, const pw_rootslot *r, pw_reread_fn reread, void *ctx, pw_error *err);
/* After a failure: a remote target disconnects (the next state call
 * reconnects and learns where the server stands). */
void pw_rtarget_drop(pw_rtarget *t);
/* Blocks the server refused and got again (corrupt in transit). */
uint64_t pw_rtarget_resent(const pw_rtarget *t);

#endif
