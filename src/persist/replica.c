/*
 * replica.c - a continuous replica: a second image (a path, an NBD URI, or
 * a replica-server at tcp://HOST:PORT: replica_target.h) that holds the
 * same snapshots as the world's image, block for block.
 *
 * Shipping snapshot G (after its root is durable in the image): send
 * every block G wrote to the same block number of the replica, then G's
 * root, which the target writes only after a flush (the commit protocol of
 * snapshot.c).  The blocks G wrote are exactly those whose referring entry
 * carries G's generation (a copy-on-write tree rewrites every ancestor of a
 * changed block, so a subtree whose entry has an older generation holds
 * nothing new): the walk descends only into those.
 *
 * Invariant (what makes the replica bootable at every instant): before a
 * ship of G the replica's roots are G-1 and G-2 (or only G-1), the same as
 * the image had while G was written; G wrote only blocks free in both
 * (docs/DISK-FORMAT.md, section 9), so the copies land in the replica's
 * free space and its newest root stays whole until G's root replaces the
 * older one.  A crash anywhere leaves G-1 or G.
 *
 * Two modes.  In step (synced): the replica holds the committed root, and
 * the snapshot thread ships each next snapshot right after its commit, so
 * the replica is never more than one snapshot behind.  Otherwise the
 * replica thread brings it to the committed root R in the background
 * while snapshots go on, then by single steps until it is level, and
 * hands over to the snapshot thread:
 *   - behind (it holds an older root B of this world: a server that was
 *     down or unreachable for a while): catch up.  Every block R
 *     references with a generation up to B is one B referenced too (a
 *     block is written once, and once unreferenced never referenced
 *     again), so only the blocks written after B are sent; as they may
 *     land on blocks B used, both root slots are zeroed first, and the
 *     target reads back every block of R against its checksum before R's
 *     root is written (a B from another history of the world fails that,
 *     and the replica is then rebuilt);
 *   - lost (new, emptied, another copy, a server restarted with an empty
 *     image): rebuild: both root slots are zeroed first (the replica is
 *     then no image at all, rather than a damaged one), every block
 *     reachable from R is copied, R's root written last.
 *
 * Reading R's blocks while snapshots go on is safe as long as the image's
 * committed generation is at most R + 1: the snapshot being written then
 * takes only blocks free in the bitmap of R + 1, which covers R's.  A ship
 * checks that before its root is sent and starts over if it was overtaken;
 * after two steps in a row that did not make it level (overtaken, or
 * landed behind again) the snapshot thread waits for the replica thread
 * (hold) after its next commit, so a world too large to copy in two
 * intervals still gets its replica.
 *
 * Failures (a device error, a server gone) are logged and retried with
 * backoff (1 s doubling to 60 s); the replica keeps whatever valid snapshot
 * it had.  A target that holds another world's image is never written.
 */
#include "replica_target.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPLICA_RETRY_MIN_NS 1000000000ull   /* 1 s */
#define REPLICA_RETRY_MAX_NS 60000000000ull  /* 60 s */
#define REPLICA_OVERTAKEN_HOLD 2              /* rebuilds overtaken before the hold */
#define REPLICA_OVERTAKEN (-1101)             /* a ship's snapshot was no longer retained */
#define REPLICA_LOST (-1102)                  /* needs a rebuild: the replica thread's work */

struct pw_replica {
    pw_rtarget *t;
    const char *name;
    uint8_t *buf;            /* PW_MAX_LEVELS + 1 blocks: one per level of a walk */
    hal_thread *thread;      /* the background rebuilds */

    /* Under lock.  Only one thread ships at a time: the snapshot thread
     * while synced, else the replica thread. */
    hal_mutex lock;
    hal_cond wake;           /* the replica thread: work, or stop */
    hal_cond held;           /* the snapshot thread: the hold ended */
    bool stopping, synced, hold;
    int overtaken;
    uint64_t generation;     /* the replica's newest root (the image's); 0: unknown */
    uint64_t wall_ns;        /* its instant */
    uint64_t retry_ns;       /* after a failure: no attempt before this (monotonic) */
    uint64_t backoff_ns;
    /* Statistics: counted by whichever thread ships, read by publish(). */
    _Atomic uint64_t blocks_shipped, bytes_shipped, rebuilds, catchups;
};

/* ---- one ship --------------------------------------------------------------------- */

typedef struct ship_ctx {
    pw_world *w;
    pw_replica *p;
    pw_error err;
    /* the ship under way: root gen from base (scratch: from nothing) */
    bool scratch;
    uint64_t gen, base;
} ship_ctx;

/* The blocks a ship sends: every one (from scratch), those generation
 * gen wrote (one step), or those written after base (catching up).
 * Generations in entries are their low 32 bits: compared modulo 2^32. */
static bool want_block(void *ctx, const pw_entry *e)
{
    const ship_ctx *c = ctx;
    return c->scratch || (uint32_t)(e->gen - (uint32_t)c->base - 1) < (uint32_t)(c->gen - c->base);
}

static int read_block(void *ctx, const pw_entry *e, uint8_t *buf)
{
    ship_ctx *c = ctx;
    int rc = pw_store_read_checked(&c->w->store, e, buf);
    if (rc) {
        c->err.code = rc;
        snprintf(c->err.msg, sizeof c->err.msg, "reading block %llu of the image: %s",
                 (unsigned long long)e->block, pw_strerror(rc));
    }
    return rc;
}

static int send_block(void *ctx, const pw_entry *e, const uint8_t *buf)
{
    ship_ctx *c = ctx;
    c->p->blocks_shipped++;
    c->p->bytes_shipped += PW_BLOCK_SIZE;
    return pw_rtarget_block(c->p->t, e->block, e->crc, buf, &c->err);
}

static int reread(void *ctx, const pr_block_head *b, uint8_t *buf)
{
    ship_ctx *c = ctx;
    pw_entry e = {b->block, b->crc, 0};
    c->p->bytes_shipped += PW_BLOCK_SIZE;
    return pw_store_read_checked(&c->w->store, &e, buf);
}

/* Whether root r's blocks are all still as r wrote them (see the top). */
static bool retained(pw_world *w, const pw_rootslot *r)
{
    hal_mutex_lock(&w->map_lock);
    bool ok = w->committed.generation <= r->generation + 1;
    hal_mutex_unlock(&w->map_lock);
    return ok;
}

/* Ships root r: the blocks written after base (0: every block), then the
 * root.  catchup: base is older than r's predecessor.  REPLICA_OVERTAKEN
 * if r stopped being retained meanwhile. */
static int ship(ship_ctx *c, const pw_rootslot *r, uint64_t base, bool catchup)
{
    pr_begin b = {r->generation, base, r->image_blocks, {r->world_id[0], r->world_id[1]},
                  catchup ? PR_BEGIN_CATCHUP : 0};
    c->scratch = !base;
    c->gen = r->generation;
    c->base = base;
    int rc = pw_rtarget_begin(c->p->t, &b, &c->err);
    pw_walk wk = {want_block, read_block, send_block, c, c->p->buf};
    if (!rc)
        rc = pw_walk_root(&wk, r);
    if ((!rc || rc == -EBADMSG) && !retained(c->w, r)) {
        if (pw_rtarget_remote(c->p->t))
            pw_rtarget_drop(c->p->t); /* the server forgets the unfinished ship */
        return REPLICA_OVERTAKEN;
    }
    if (!rc)
        rc = pw_rtarget_commit(c->p->t, r, reread, c, &c->err);
    return rc;
}

/* The generation of the replica's newest root if it is byte for byte one
 * of the image's two retained roots (cur, prev), else 0. */
static uint64_t replica_at(const pr_state *st, const pw_rootslot *cur, const pw_rootslot *prev)
{
    uint64_t at = 0;
    uint8_t mine[PW_BLOCK_SIZE];
    const pw_rootslot *cands[2] = {cur, prev};
    for (int c = 0; c < 2; c++) {
        const pw_rootslot *r = cands[c];
        if (!r->generation)
            continue;
        pw_root_encode(r, mine);
        if (!memcmp(mine, st->sector[r->generation % 2], PW_ROOT_SECTOR) && r->generation > at)
            at = r->generation;
    }
    return at;
}

/* Sets, under snap_lock, what pw_stats says about the replica. */
static void publish(pw_world *w, pw_replica *p)
{
    hal_mutex_lock(&w->snap_lock);
    w->st.replica_generation = p->generation;
    w->st.replica_wall_ns = p->wall_ns;
    w->st.replica_blocks_shipped = p->blocks_shipped;
    w->st.replica_bytes_shipped = p->bytes_shipped;
    w->st.replica_resent = pw_rtarget_resent(p->t);
    w->st.replica_rebuilds = p->rebuilds;
    w->st.replica_catchups = p->catchups;
    w->st.replica_synced = p->synced;
    hal_mutex_unlock(&w->snap_lock);
    pw_durable_changed(w);
}

/* One step towards the committed root: learn where the replica stands,
 * then ship the committed root (a single step from the one before it, or
 * from scratch).  0 when the step landed (p->generation says where). */
static int step(pw_world *w, pw_replica *p, ship_ctx *c, bool synced)
{
    pw_rootslot cur, prev;
    hal_mutex_lock(&w->map_lock);
    cur = w->committed;
    prev = w->prev_root;
    hal_mutex_unlock(&w->map_lock);
    pr_state st;
    pw_rootslot theirs;
    uint64_t at, older = 0; /* older: the target's own root of this world, to catch up from */
    int rc = 0;
    if (synced && pw_rtarget_remote(p->t) && pw_rtarget_connected(p->t)) {
        at = p->generation; /* the connection's last ACK; the server checks it at BEGIN */
    } else if ((rc = pw_rtarget_state(p->t, &st, &c->err))) {
        return rc;
    } else if (pw_rimage_other_world(&st, cur.world_id)) {
        c->err.code = -EEXIST;
        snprintf(c->err.msg, sizeof c->err.msg,
                 "holds another world's image, which a replica would overwrite; remove it or choose "
                 "another");
        return -EEXIST;
    } else {
        at = replica_at(&st, &cur, &prev);
        if (!at && pw_rimage_newest(&st, &theirs) && !memcmp(theirs.world_id, cur.world_id, sizeof cur.world_id) &&
            theirs.generation + 1 < cur.generation)
            older = theirs.generation;
    }
    if (at != cur.generation) {
        bool one = at && at + 1 == cur.generation;
        if (!one && synced)
            return REPLICA_LOST;
        if (!one) {
            if (at || older || p->generation)
                pw_log(w, PW_LOG_WARN, "replica %s: at generation %llu, the image at %llu: %s", p->name,
                       (unsigned long long)(older ? older : at ? at : p->generation),
                       (unsigned long long)cur.generation,
                       older ? "catching up (sending what was written since)" : "rebuilding it");
            if (older)
                p->catchups++;
            else
                p->rebuilds++;
        }
        hal_mutex_lock(&p->lock);
        p->generation = at;
        hal_mutex_unlock(&p->lock);
        if ((rc = ship(c, &cur, one ? at : older, !one && older)))
            return rc;
    }
    hal_mutex_lock(&p->lock);
    p->generation = cur.generation;
    p->wall_ns = cur.wall_ns;
    hal_mutex_unlock(&p->lock);
    return 0;
}

/* After a failed step (not an overtaking): log it and back off. */
static void failed(pw_world *w, pw_replica *p, const ship_ctx *c)
{
    uint64_t now = hal_now_mono_ns();
    hal_mutex_lock(&p->lock);
    pw_log(w, PW_LOG_ERROR, "replica %s: %s; trying again in %llu s", p->name, c->err.msg,
           (unsigned long long)(p->backoff_ns / 1000000000ull));
    p->synced = false;
    p->hold = false;
    p->overtaken = 0;
    p->retry_ns = now + p->backoff_ns;
    p->backoff_ns = p->backoff_ns * 2 > REPLICA_RETRY_MAX_NS ? REPLICA_RETRY_MAX_NS : p->backoff_ns * 2;
    hal_cond_broadcast(&p->held);
    hal_mutex_unlock(&p->lock);
}

static void replica_thread(void *arg)
{
    pw_world *w = arg;
    pw_replica *p = w->replica;
    ship_ctx *c = malloc(sizeof *c);
    hal_mutex_lock(&p->lock);
    while (c && !p->stopping) {
        uint64_t now = hal_now_mono_ns();
        if (p->synced || now < p->retry_ns) {
            if (p->synced)
                hal_cond_wait(&p->wake, &p->lock);
            else
                hal_cond_wait_until(&p->wake, &p->lock, p->retry_ns);
            continue;
        }
        hal_mutex_unlock(&p->lock);
        *c = (ship_ctx){.w = w, .p = p};
        int rc = step(w, p, c, false);
        if (rc && rc != REPLICA_OVERTAKEN) {
            failed(w, p, c);
        } else {
            hal_mutex_lock(&p->lock);
            if (rc) {
                if (++p->overtaken >= REPLICA_OVERTAKEN_HOLD && !p->hold) {
                    p->hold = true;
                    pw_log(w, PW_LOG_WARN,
                           "replica %s: snapshots overtook its rebuild %d times: they wait for it now",
                           p->name, p->overtaken);
                }
            } else {
                /* Level if no snapshot committed since (map_lock inside
                 * p->lock: the snapshot thread takes p->lock after each
                 * commit, so it then ships the next one itself). */
                hal_mutex_lock(&w->map_lock);
                p->synced = p->generation == w->committed.generation;
                hal_mutex_unlock(&w->map_lock);
                p->backoff_ns = REPLICA_RETRY_MIN_NS;
                if (!p->synced && ++p->overtaken >= REPLICA_OVERTAKEN_HOLD)
                    p->hold = true; /* snapshots outrun the catching up: they wait for it */
                if (p->synced) {
                    p->hold = false;
                    p->overtaken = 0;
                    hal_cond_broadcast(&p->held);
                }
            }
            hal_mutex_unlock(&p->lock);
        }
        publish(w, p);
        hal_mutex_lock(&p->lock);
    }
    hal_mutex_unlock(&p->lock);
    free(c);
}

/* ---- the engine's calls ------------------------------------------------------------ */

int pw_replica_open(pw_world *w, const char *name, pw_error *err_out)
{
    pw_error scratch, *err = err_out ? err_out : &scratch;
    if (!strcmp(name, w->path)) {
        err->code = -EINVAL;
        snprintf(err->msg, sizeof err->msg, "replica %s: is the image itself", name);
        return -EINVAL;
    }
    uint8_t *key = NULL;
    size_t keylen = 0;
    int rc = w->opt.replica_key ? pr_key_load(w->opt.replica_key, &key, &keylen, err) : 0;
    if (rc)
        return rc;
    pw_replica *p = calloc(1, sizeof *p);
    if (!p || !(p->buf = hal_pages_alloc((PW_MAX_LEVELS + 1) * PW_BLOCK_SIZE))) {
        free(p);
        if (key)
            pr_wipe(key, keylen);
        free(key);
        err->code = -ENOMEM;
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", name);
        return -ENOMEM;
    }
    p->name = name;
    rc = pw_rtarget_open(name, key, keylen, &p->t, err);
    if (key)
        pr_wipe(key, keylen);
    free(key);
    /* Where it stands: a wrong key or another world's image is refused
     * now; a server not reachable yet is only retried. */
    pr_state st;
    pw_error why;
    int src = rc ? rc : pw_rtarget_state(p->t, &st, &why);
    if (!rc && !src && st.image_bytes >= PW_FIRST_DATA_BLOCK * PW_BLOCK_SIZE &&
        pw_rimage_other_world(&st, w->committed.world_id)) {
        rc = err->code = -EEXIST;
        snprintf(err->msg, sizeof err->msg,
                 "replica %s: holds another world's image, which a replica would overwrite; remove it or "
                 "choose another path",
                 name);
    } else if (!rc && (src == -EACCES || src == -EPERM || src == -EPROTO || src == -EINVAL)) {
        rc = err->code = src;
        snprintf(err->msg, sizeof err->msg, "replica %s: %s", name, why.msg);
    } else if (!rc && src) {
        pw_log(w, PW_LOG_WARN, "replica %s: %s; the world runs on and keeps trying", name, why.msg);
    }
    if (rc) {
        pw_rtarget_close(p->t);
        hal_pages_free(p->buf, (PW_MAX_LEVELS + 1) * PW_BLOCK_SIZE);
        free(p);
        return rc;
    }
    hal_mutex_init(&p->lock);
    hal_cond_init(&p->wake);
    hal_cond_init(&p->held);
    p->backoff_ns = REPLICA_RETRY_MIN_NS;
    if (!src && w->committed.generation) {
        p->generation = replica_at(&st, &w->committed, &w->prev_root);
        p->synced = p->generation == w->committed.generation;
        p->wall_ns = p->synced ? w->committed.wall_ns : w->prev_root.wall_ns;
    }
    w->st.replica_generation = p->generation; /* no other thread yet */
    w->st.replica_wall_ns = p->wall_ns;
    w->st.replica_on = true;
    w->replica = p;
    return 0;
}

void pw_replica_close(pw_world *w)
{
    pw_replica *p = w->replica;
    if (!p)
        return;
    if (p->thread) {
        hal_mutex_lock(&p->lock);
        p->stopping = true;
        hal_cond_broadcast(&p->wake);
        hal_mutex_unlock(&p->lock);
        hal_thread_join(p->thread);
    }
    pw_rtarget_close(p->t);
    hal_pages_free(p->buf, (PW_MAX_LEVELS + 1) * PW_BLOCK_SIZE);
    hal_mutex_destroy(&p->lock);
    hal_cond_destroy(&p->wake);
    hal_cond_destroy(&p->held);
    free(p);
    w->replica = NULL;
}

/* Whether the world is closing (the hold must not keep it open). */
static bool world_stopping(pw_world *w)
{
    hal_mutex_lock(&w->snap_lock);
    bool s = w->stopping;
    hal_mutex_unlock(&w->snap_lock);
    return s;
}

void pw_replica_ship(pw_world *w)
{
    pw_replica *p = w->replica;
    if (!p)
        return;
    hal_mutex_lock(&p->lock);
    if (!p->thread) {
        /* At open: a replica one snapshot behind catches up now, before
         * the next snapshot can put it two behind; anything else is the
         * replica thread's. */
        if (p->generation && p->generation + 1 == w->committed.generation)
            p->synced = true;
        if (hal_thread_start(&p->thread, replica_thread, w, "pw-replica")) {
            p->thread = NULL;
            pw_log(w, PW_LOG_ERROR, "replica %s: cannot start its thread: replication is off", p->name);
            hal_mutex_unlock(&p->lock);
            return;
        }
    }
    if (!p->synced) {
        hal_cond_signal(&p->wake);
        while (p->hold && !p->synced && !world_stopping(w))
            hal_cond_wait_until(&p->held, &p->lock, hal_now_mono_ns() + 100000000ull);
        hal_mutex_unlock(&p->lock);
        return;
    }
    hal_mutex_unlock(&p->lock);
    ship_ctx c = {.w = w, .p = p};
    int rc = step(w, p, &c, true);
    if (rc == REPLICA_LOST) {
        hal_mutex_lock(&p->lock);
        p->synced = false;
        hal_mutex_unlock(&p->lock);
    } else if (rc) {
        failed(w, p, &c);
    } else {
        hal_mutex_lock(&p->lock);
        p->backoff_ns = REPLICA_RETRY_MIN_NS;
        hal_mutex_unlock(&p->lock);
    }
    if (rc) {
        hal_mutex_lock(&p->lock);
        hal_cond_signal(&p->wake);
        hal_mutex_unlock(&p->lock);
    }
    publish(w, p);
}

int pw_replica_probe(const char *target, const char *key_file, pw_replica_state *out, pw_error *err)
{
    memset(out, 0, sizeof *out);
    if (!pr_is_uri(target)) {
        err->code = -EINVAL;
        snprintf(err->msg, sizeof err->msg, "%s: not tcp://HOST:PORT", target);
        return -EINVAL;
    }
    uint8_t *key = NULL;
    size_t keylen = 0;
    int rc = key_file ? pr_key_load(key_file, &key, &keylen, err) : 0;
    pw_rtarget *t = NULL;
    if (!rc)
        rc = pw_rtarget_open(target, key, keylen, &t, err);
    if (key)
        pr_wipe(key, keylen);
    free(key);
    pr_state st;
    pw_rootslot r;
    if (!rc && !(rc = pw_rtarget_state(t, &st, err)) && (out->valid = pw_rimage_newest(&st, &r))) {
        out->generation = r.generation;
        out->wall_ns = r.wall_ns;
        memcpy(out->world_id, r.world_id, sizeof r.world_id);
    }
    pw_rtarget_close(t);
    return rc;
}
