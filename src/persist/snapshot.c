/*
 * snapshot.c - one snapshot, from the frozen instant to the durable root.
 *
 * The commit protocol (the whole of it):
 *   1. pause: stop the mutators at safepoints, freeze the dirty set (write
 *      protect it), resume.  This is the only part programs wait for.
 *   2. data: for each frozen page, read its frozen content (copy-on-write
 *      keeps it stable), write it to a newly allocated block, and point the
 *      page map at it.  All-zero pages become holes and cost no block.
 *   3. metadata: assign blocks to the modified page-map nodes, then write
 *      the history (the committed snapshot joins it, the policy drops
 *      others: history.c), then seal the allocation bitmap and superseded
 *      list (balloc.c), then queue the node writes.  Only blocks free in
 *      the committed bitmap are written, so every retained snapshot stays
 *      intact whatever happens from here.
 *   4. flush: every data and metadata block is durable.
 *   5. root: write the new root into slot generation % 2 (the older of the
 *      two), durably (a write with FUA where the device has it, else a
 *      write and a flush).  The snapshot exists from the moment that
 *      returns.
 * Any failure before the root flush abandons the snapshot: in-memory state
 * rolls back, the frozen pages become dirty again, and the next attempt
 * writes them anew.  A crash at any point leaves the newest complete root
 * (or, if its write was torn, the one before) with all its blocks intact.
 */
#include "pw_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static bool all_zero(const uint8_t *p)
{
    const uint64_t *w = (const uint64_t *)(const void *)p;
    for (size_t i = 0; i < PW_BLOCK_SIZE / 8; i++)
        if (w[i])
            return false;
    return true;
}


/* Step 2 for one page.  *delta gets the change in pages present, *written
 * counts data blocks written. */
static int write_page(pw_world *w, uint64_t pg, uint32_t gen, int64_t *delta, uint64_t *written)
{
    /* Read straight into the write batch: one copy per page. */
    uint8_t *slot = pw_store_next_slot(&w->store);
    hal_tmem_read_frozen(w->mem, pg, slot);
    bool zero = all_zero(slot);
    uint32_t crc = zero ? 0 : pw_block_crc(slot);
    pw_entry old, e = {0, 0, 0};
    hal_mutex_lock(&w->map_lock);
    int rc = pw_tree_get(&w->map, pg, &old);
    if (!rc && !(zero && !old.block)) {
        if (!zero) {
            rc = pw_balloc_alloc(&w->balloc, &e.block);
            e.crc = crc;
            e.gen = gen;
        }
        /* old.block stays: the committed snapshot joins the history. */
        if (!rc)
            rc = pw_tree_set(&w->map, pg, &e);
        *delta += (e.block != 0) - (old.block != 0);
    }
    hal_mutex_unlock(&w->map_lock);
    if (!rc && e.block) {
        rc = pw_store_commit_slot(&w->store, e.block);
        (*written)++;
    }
    return rc;
}

static int write_root(pw_world *w, const pw_rootslot *r)
{
    uint8_t *blk = w->stage;
    pw_root_encode(r, blk);
    return hal_blockdev_write_durable(w->store.dev, blk, PW_BLOCK_SIZE, (r->generation % 2) * PW_BLOCK_SIZE);
}

/* A failed root write may still have reached the disk, naming blocks the
 * next attempt is free to reuse.  Before anything is reused, put back what
 * the slot held (the retained predecessor's root, or nothing) and make
 * that durable. */
static int settle_root(pw_world *w)
{
    if (!w->root_uncertain)
        return 0;
    uint8_t *blk = w->stage;
    memset(blk, 0, PW_BLOCK_SIZE);
    uint64_t slot = (w->committed.generation + 1) % 2;
    if (w->prev_root.generation % 2 == slot && w->prev_root.generation)
        pw_root_encode(&w->prev_root, blk);
    int rc = hal_blockdev_write_durable(w->store.dev, blk, PW_BLOCK_SIZE, slot * PW_BLOCK_SIZE);
    if (!rc)
        w->root_uncertain = false;
    return rc;
}

/* The pause, and within it the stop: the time until every mutator had
 * reached a safepoint.  w->pauses holds both rings, stops second. */
static void record_pause(pw_world *w, uint64_t ns, uint64_t stop_ns)
{
    hal_mutex_lock(&w->snap_lock);
    w->pauses[w->st.pause_count % PW_PAUSE_WINDOW] = ns;
    w->pauses[PW_PAUSE_WINDOW + w->st.pause_count % PW_PAUSE_WINDOW] = stop_ns;
    w->st.pause_count++;
    w->st.pause_last_ns = ns;
    if (ns > w->st.pause_max_ns)
        w->st.pause_max_ns = ns;
    hal_mutex_unlock(&w->snap_lock);
}

/* The image must still be the file the world was opened from, and whole:
 * a snapshot written to a deleted file, or beside retained snapshots whose
 * blocks were cut off, would count as durable while nothing could ever
 * boot it.  Says what is wrong (once per failure streak) and returns
 * PW_E_IMAGE_GONE or PW_E_IMAGE_TRUNCATED. */
static int check_image(pw_world *w)
{
    hal_blockdev *d = w->store.dev;
    bool first = !w->fail_streak;
    if (d->ops->check && d->ops->check(d) == -ENOENT) {
        if (first)
            pw_log(w, PW_LOG_ERROR,
                   "%s: the image file was deleted or replaced while the world ran: no snapshot can "
                   "be saved any more, and what the world did since snapshot %llu is lost when this "
                   "process ends",
                   w->path, (unsigned long long)w->committed.generation);
        return PW_E_IMAGE_GONE;
    }
    uint64_t bytes;
    if (d->ops->size(d, &bytes) == 0 && bytes / PW_BLOCK_SIZE < w->committed.image_blocks) {
        if (first)
            pw_log(w, PW_LOG_ERROR,
                   "%s: the image file was truncated while the world ran (%llu bytes; its snapshots "
                   "need %llu): they are damaged, no snapshot can be saved, and the image may not "
                   "boot again (phantom fsck %s)",
                   w->path, (unsigned long long)bytes,
                   (unsigned long long)(w->committed.image_blocks * PW_BLOCK_SIZE), w->path);
        return PW_E_IMAGE_TRUNCATED;
    }
    return 0;
}

int pw_snapshot_take(pw_world *w)
{
    if (w->readonly) /* an older generation, opened to look at */
        return -EROFS;
    int crc = check_image(w);
    if (crc)
        return crc;
    hal_mutex_lock(&w->snap_lock);
    w->snapshotting = true;   /* a ticket taken from now on may precede the instant */
    hal_mutex_unlock(&w->snap_lock);
    /* 1. pause.  Protecting the dirty set before the stop leaves the pause
     * only the pages first written in between. */
    int prc = hal_tmem_prepare(w->mem);
    uint64_t t0 = hal_now_mono_ns();
    pw_world_stop(w);
    uint64_t t_stopped = hal_now_mono_ns();
    const uint64_t *pages;
    size_t n;
    int rc = hal_tmem_freeze(w->mem, &pages, &n);
    uint64_t wall = hal_now_wall_ns();
    pw_world_resume(w);
    uint64_t t1 = hal_now_mono_ns();
    record_pause(w, t1 - t0, t_stopped - t0);
    if (!rc)
        rc = prc;
    if (rc) {
        hal_tmem_thaw(w->mem, false);
        pw_log(w, PW_LOG_WARN, "%s: cannot freeze the space for a snapshot: %s", w->path,
               hal_strerror(rc));
        hal_mutex_lock(&w->snap_lock);
        w->snapshotting = false;
        hal_mutex_unlock(&w->snap_lock);
        return rc;
    }

    pw_rootslot r = w->committed;
    uint64_t gen = r.generation + 1;
    uint32_t g32 = (uint32_t)gen;
    uint64_t bytes0 = w->store.bytes_written;
    uint64_t written = 0;
    int64_t delta = 0;

    rc = settle_root(w);
    /* 2. data */
    for (size_t i = 0; i < n && !rc; i++)
        rc = write_page(w, pages[i], g32, &delta, &written);
    if (!rc)
        rc = pw_store_drain(&w->store);
    uint64_t data_bytes = w->store.bytes_written - bytes0;

    /* 3. metadata */
    if (!rc) {
        hal_mutex_lock(&w->map_lock);
        int a = pw_balloc_assign_kept(&w->balloc, &w->map);
        rc = a < 0 ? a : 0;
        if (!rc)
            rc = pw_tree_seal(&w->map, g32, &r.map_root);
        r.generation = gen;
        r.wall_ns = wall;
        r.map_levels = (uint8_t)w->map.levels;
        r.pages_present = (uint64_t)((int64_t)r.pages_present + delta);
        if (!rc)
            rc = pw_history_commit(w, &r);
        if (!rc)
            rc = pw_balloc_seal(&w->balloc, g32, &r);
        hal_mutex_unlock(&w->map_lock);
    }
    /* 4. flush, 5. root */
    if (!rc)
        rc = pw_store_flush(&w->store);
    if (!rc) {
        r.snapshots_total++;
        r.bytes_written_total += w->store.bytes_written - bytes0 + PW_BLOCK_SIZE;
        rc = write_root(w, &r);
        w->root_uncertain = rc != 0;
    }

    hal_mutex_lock(&w->map_lock);
    if (!rc) {
        pw_tree_commit_done(&w->map, &r.map_root);
        pw_balloc_commit_done(&w->balloc, &r);
        pw_history_commit_done(w, true);
        w->prev_root = w->committed;
        w->committed = r;
    } else {
        pw_tree_rollback(&w->map);
        pw_balloc_rollback(&w->balloc);
        pw_history_commit_done(w, false);
        w->store.run_len = 0;
    }
    hal_mutex_unlock(&w->map_lock);
    hal_tmem_thaw(w->mem, rc == 0);

    uint64_t t2 = hal_now_mono_ns();
    hal_mutex_lock(&w->snap_lock);
    w->snapshotting = false;
    if (!rc) {
        w->st.snapshots++;
        w->st.pages_written += written;
        w->st.generation = gen;
        w->st.last_durable_wall_ns = wall;
        w->st.write_last_ns = t2 - t1;
        w->st.bytes_written += w->store.bytes_written - bytes0 + PW_BLOCK_SIZE;
        w->st.meta_bytes_written += w->store.bytes_written - bytes0 - data_bytes + PW_BLOCK_SIZE;
        pw_durable_tell_locked(w);
    } else {
        w->st.snapshots_failed++;
    }
    hal_mutex_unlock(&w->snap_lock);
    if (!rc)
        pw_replica_ship(w);
    return rc;
}
