/*
 * replica.c - a continuous replica: a second image (a path, or anything
 * hal_blockdev_open takes) that holds the same snapshots as the world's
 * image, block for block, at most one snapshot behind.
 *
 * Shipping snapshot G (after its root is durable in the image): copy every
 * block G wrote to the same block number of the replica, flush, then write
 * G's root into its slot durably.  The blocks G wrote are exactly those
 * whose referring entry carries G's generation (a copy-on-write tree
 * rewrites every ancestor of a changed block, so a subtree whose entry
 * has an older generation holds nothing new): the walk descends only into
 * those.
 *
 * Invariant (what makes the replica bootable at every instant): before a
 * ship of G the replica's roots are G-1 and G-2 (or only G-1), the same as
 * the image had while G was written; G wrote only blocks free in both
 * (docs/DISK-FORMAT.md, section 9), so the copies land in the replica's
 * free space and its newest root stays whole until G's root replaces the
 * older one.  A crash anywhere leaves G-1 or G.
 *
 * When the replica is not at G-1 (new, lost, another world's, behind more
 * than one, or a ship failed), it is rebuilt: both root slots are zeroed
 * first (the replica is then no image at all, rather than a damaged one),
 * every block reachable from G is copied, and G's root written last.
 * The rebuild runs on the snapshot thread between snapshots, so a large
 * world's next snapshot waits for it.
 *
 * A replica whose device fails is left alone (it keeps whatever valid
 * snapshot it had) and rebuilt at a later snapshot, with backoff.  A
 * device that holds another world's image is refused at open, never
 * overwritten.
 */
#include "pw_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLICA_RETRY_MIN_NS 1000000000ull   /* 1 s */
#define REPLICA_RETRY_MAX_NS 60000000000ull  /* 60 s */

struct pw_replica {
    hal_blockdev *dev;
    uint64_t dev_bytes;
    uint64_t generation;     /* the replica's newest root, equal to the image's; 0: unknown */
    uint64_t retry_ns;       /* after a failure: no attempt before this (monotonic) */
    uint64_t backoff_ns;
    uint8_t *buf;            /* PW_MAX_LEVELS + 1 blocks: one per level of a walk */
    uint64_t blocks_shipped; /* statistics */
};

/* Copies block e->block (checked against its CRC) from the image to the
 * replica; buf receives it. */
static int copy_block(pw_world *w, pw_replica *p, const pw_entry *e, uint8_t *buf)
{
    int rc = pw_store_read_checked(&w->store, e, buf);
    if (rc)
        return rc;
    p->blocks_shipped++;
    return p->dev->ops->write(p->dev, buf, PW_BLOCK_SIZE, e->block * PW_BLOCK_SIZE);
}

/* A tree of the image (the page map or the bitmap index): the node e
 * refers to at level (level -1: a leaf block: data, or a bitmap block).
 * all: every block; else only those generation g32 wrote. */
static int ship_tree(pw_world *w, pw_replica *p, const pw_entry *e, int level, uint32_t g32, bool all)
{
    if (!e->block || (!all && e->gen != g32))
        return 0;
    HAL_ASSERT(level < (int)PW_MAX_LEVELS);
    uint8_t *buf = p->buf + (size_t)(level + 1) * PW_BLOCK_SIZE;
    int rc = copy_block(w, p, e, buf);
    if (rc || level < 0)
        return rc;
    const pw_entry *child = (const pw_entry *)(const void *)buf;
    for (unsigned i = 0; i < PW_FANOUT && !rc; i++)
        rc = ship_tree(w, p, &child[i], level - 1, g32, all);
    return rc;
}

/* The superseded list's chain: written whole by the snapshot that owns it. */
static int ship_slist(pw_world *w, pw_replica *p, pw_entry e, uint32_t g32, bool all)
{
    int rc = 0;
    while (e.block && !rc && (all || e.gen == g32)) {
        if ((rc = copy_block(w, p, &e, p->buf)) == 0)
            e = ((const pw_slist_block *)(const void *)p->buf)->next;
    }
    return rc;
}

/* The history chain, rewritten by every snapshot; on a rebuild also the
 * page map of every snapshot it names (their blocks were shipped, when
 * each was the newest, only to a replica that was there then). */
static int ship_history(pw_world *w, pw_replica *p, pw_entry e, uint32_t g32, bool all)
{
    int rc = 0;
    pw_hist_block *blk = all ? malloc(sizeof *blk) : NULL;
    if (all && !blk)
        return -ENOMEM;
    while (e.block && !rc && (all || e.gen == g32)) {
        if ((rc = copy_block(w, p, &e, p->buf)))
            break;
        e = ((const pw_hist_block *)(const void *)p->buf)->next;
        if (!all)
            continue;
        memcpy(blk, p->buf, sizeof *blk);
        for (uint32_t i = 0; i < blk->count && i < PW_HIST_PER_BLOCK && !rc; i++)
            rc = ship_tree(w, p, &blk->rec[i].map_root, blk->rec[i].map_levels - 1, g32, true);
    }
    free(blk);
    return rc;
}

static int write_slot(pw_replica *p, uint64_t slot, const pw_rootslot *r)
{
    uint8_t *blk = p->buf;
    memset(blk, 0, PW_BLOCK_SIZE);
    if (r)
        pw_root_encode(r, blk);
    return hal_blockdev_write_durable(p->dev, blk, PW_BLOCK_SIZE, slot * PW_BLOCK_SIZE);
}

/* Ships root r: its new blocks (all: every block, after emptying both
 * slots), a flush, then the root. */
static int ship(pw_world *w, pw_replica *p, const pw_rootslot *r, bool all)
{
    int rc = 0;
    uint64_t need = r->image_blocks * PW_BLOCK_SIZE;
    if (need > p->dev_bytes && (rc = p->dev->ops->grow(p->dev, need)) == 0)
        p->dev_bytes = need;
    if (!rc && all) {
        p->generation = 0;
        rc = write_slot(p, 0, NULL);
        if (!rc)
            rc = write_slot(p, 1, NULL);
    }
    uint32_t g32 = (uint32_t)r->generation;
    if (!rc)
        rc = ship_tree(w, p, &r->map_root, r->map_levels - 1, g32, all);
    if (!rc)
        rc = ship_tree(w, p, &r->bitmap_root, r->bitmap_levels - 1, g32, all);
    if (!rc)
        rc = ship_slist(w, p, r->slist_head, g32, all);
    if (!rc)
        rc = ship_history(w, p, r->history_head, g32, all);
    if (!rc)
        rc = p->dev->ops->flush(p->dev);
    if (!rc)
        rc = write_slot(p, r->generation % 2, r);
    if (!rc)
        p->generation = r->generation;
    return rc;
}

/* Whether the device holds a valid root of another world: then it is
 * somebody's image, never to be overwritten. */
static bool other_world(pw_world *w, pw_replica *p)
{
    for (int slot = 0; slot < 2; slot++) {
        pw_rootslot r;
        char why[160];
        if (p->dev->ops->read(p->dev, p->buf, PW_BLOCK_SIZE, (uint64_t)slot * PW_BLOCK_SIZE) == 0 &&
            pw_root_decode(p->buf, p->dev_bytes / PW_BLOCK_SIZE, &r, why, sizeof why) &&
            memcmp(r.world_id, w->committed.world_id, sizeof r.world_id))
            return true;
    }
    return false;
}

/* The replica's newest valid root, if it is one of this world's: its
 * generation when its bytes equal want's (or prev's), else 0. */
static uint64_t replica_at(pw_world *w, pw_replica *p)
{
    uint64_t at = 0;
    uint8_t *mine = p->buf + PW_BLOCK_SIZE;
    for (int slot = 0; slot < 2; slot++) {
        if (p->dev->ops->read(p->dev, p->buf, PW_BLOCK_SIZE, (uint64_t)slot * PW_BLOCK_SIZE))
            return 0;
        const pw_rootslot *cands[2] = {&w->committed, &w->prev_root};
        for (int c = 0; c < 2; c++) {
            const pw_rootslot *r = cands[c];
            if (!r->generation || r->generation % 2 != (uint64_t)slot)
                continue;
            pw_root_encode(r, mine);
            if (!memcmp(mine, p->buf, PW_ROOT_SECTOR) && r->generation > at)
                at = r->generation;
        }
    }
    return at;
}

/* Opens path (creating a missing file) into p->dev and p->dev_bytes. */
static int open_dev(pw_replica *p, const char *path)
{
    int rc = hal_blockdev_open(path, HAL_BD_EXCLUSIVE, &p->dev);
    if (rc == -ENOENT)
        rc = hal_blockdev_open(path, HAL_BD_EXCLUSIVE | HAL_BD_CREATE, &p->dev);
    if (!rc && (rc = p->dev->ops->size(p->dev, &p->dev_bytes))) {
        p->dev->ops->close(p->dev);
        p->dev = NULL;
    }
    return rc;
}

/* A replica file deleted or replaced while the world runs is lost: its
 * path gets a new one (rebuilt by the next ship). */
static int reopen_if_gone(pw_world *w, pw_replica *p)
{
    if (!p->dev->ops->check || p->dev->ops->check(p->dev) != -ENOENT)
        return 0;
    char path[sizeof p->dev->name];
    snprintf(path, sizeof path, "%s", p->dev->name);
    p->dev->ops->close(p->dev);
    p->dev = NULL;
    p->generation = 0;
    pw_log(w, PW_LOG_WARN, "replica %s: the file was deleted or replaced: rebuilding it", path);
    return open_dev(p, path);
}

int pw_replica_open(pw_world *w, const char *path, pw_error *err_out)
{
    pw_error scratch, *err = err_out ? err_out : &scratch;
    if (!strcmp(path, w->path)) {
        err->code = -EINVAL;
        snprintf(err->msg, sizeof err->msg, "replica %s: is the image itself", path);
        return -EINVAL;
    }
    pw_replica *p = calloc(1, sizeof *p);
    if (!p || !(p->buf = hal_pages_alloc((PW_MAX_LEVELS + 1) * PW_BLOCK_SIZE))) {
        free(p);
        err->code = -ENOMEM;
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", path);
        return -ENOMEM;
    }
    int rc = open_dev(p, path);
    if (!rc && p->dev_bytes >= PW_FIRST_DATA_BLOCK * PW_BLOCK_SIZE && other_world(w, p))
        rc = -EEXIST;
    if (rc) {
        if (p->dev)
            p->dev->ops->close(p->dev);
        hal_pages_free(p->buf, (PW_MAX_LEVELS + 1) * PW_BLOCK_SIZE);
        free(p);
        if (rc == -EBUSY || rc == -EEXIST) {
            err->code = rc;
            snprintf(err->msg, sizeof err->msg,
                     rc == -EBUSY ? "replica %s: in use (another world's replica, or a world open on it)"
                                  : "replica %s: holds another world's image, which a replica would "
                                    "overwrite; remove it or choose another path",
                     path);
        } else {
            pw_open_error(path, rc, err);
            char tmp[sizeof err->msg];
            snprintf(tmp, sizeof tmp, "replica %s", err->msg);
            memcpy(err->msg, tmp, sizeof tmp);
        }
        return rc;
    }
    p->backoff_ns = REPLICA_RETRY_MIN_NS;
    if (p->dev_bytes >= PW_FIRST_DATA_BLOCK * PW_BLOCK_SIZE && w->committed.generation)
        p->generation = replica_at(w, p);
    w->st.replica_generation = p->generation; /* no other thread yet */
    w->replica = p;
    return 0;
}

void pw_replica_close(pw_world *w)
{
    pw_replica *p = w->replica;
    if (!p)
        return;
    if (p->dev)
        p->dev->ops->close(p->dev);
    hal_pages_free(p->buf, (PW_MAX_LEVELS + 1) * PW_BLOCK_SIZE);
    free(p);
    w->replica = NULL;
}

void pw_replica_ship(pw_world *w)
{
    pw_replica *p = w->replica;
    if (!p)
        return;
    const pw_rootslot *r = &w->committed;
    const char *name = w->opt.replica;
    uint64_t now = hal_now_mono_ns();
    if (now < p->retry_ns)
        return;
    int rc = p->dev ? reopen_if_gone(w, p) : open_dev(p, name);
    if (p->generation == r->generation && !rc)
        return;
    bool all = !p->generation || p->generation + 1 != r->generation;
    if (all && p->generation)
        pw_log(w, PW_LOG_WARN, "replica %s: at generation %llu, the image at %llu: rebuilding it", name,
               (unsigned long long)p->generation, (unsigned long long)r->generation);
    if (!rc)
        rc = ship(w, p, r, all);
    if (rc) {
        pw_log(w, PW_LOG_ERROR,
               "replica %s: cannot ship snapshot %llu: %s; it will be rebuilt in %llu s at the earliest",
               name, (unsigned long long)r->generation, pw_strerror(rc),
               (unsigned long long)(p->backoff_ns / 1000000000ull));
        p->generation = 0; /* unknown: the next attempt rebuilds */
        p->retry_ns = now + p->backoff_ns;
        p->backoff_ns = p->backoff_ns * 2 > REPLICA_RETRY_MAX_NS ? REPLICA_RETRY_MAX_NS : p->backoff_ns * 2;
    } else {
        p->backoff_ns = REPLICA_RETRY_MIN_NS;
    }
    hal_mutex_lock(&w->snap_lock);
    w->st.replica_generation = p->generation;
    w->st.replica_blocks_shipped = p->blocks_shipped;
    hal_mutex_unlock(&w->snap_lock);
}
