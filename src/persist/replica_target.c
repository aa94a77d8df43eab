/*
 * replica_target.c - the two kinds of replica target (replica_target.h):
 * an image written here (pw_rimage: a local replica, and what
 * replica-server writes), and a replica-server over TCP.
 */
#include "replica_target.h"

#include "../util/crc32c.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- pw_rimage ----------------------------------------------------------------- */

static int rimage_dev(pw_rimage *m)
{
    int rc = hal_blockdev_open(m->path, HAL_BD_EXCLUSIVE, &m->dev);
    if (rc == -ENOENT)
        rc = hal_blockdev_open(m->path, HAL_BD_EXCLUSIVE | HAL_BD_CREATE, &m->dev);
    if (!rc && (rc = m->dev->ops->size(m->dev, &m->dev_bytes))) {
        m->dev->ops->close(m->dev);
        m->dev = NULL;
    }
    return rc;
}

int pw_rimage_open(const char *path, pw_rimage **out)
{
    pw_rimage *m = calloc(1, sizeof *m);
    if (!m || !(m->blk = hal_pages_alloc(PW_BLOCK_SIZE))) {
        free(m);
        return -ENOMEM;
    }
    snprintf(m->path, sizeof m->path, "%s", path);
    int rc = rimage_dev(m);
    if (rc) {
        pw_rimage_close(m);
        return rc;
    }
    *out = m;
    return 0;
}

void pw_rimage_close(pw_rimage *m)
{
    if (!m)
        return;
    if (m->dev)
        m->dev->ops->close(m->dev);
    hal_pages_free(m->blk, PW_BLOCK_SIZE);
    free(m);
}

int pw_rimage_state(pw_rimage *m, pr_state *st)
{
    int rc = 0;
    if (m->dev && m->dev->ops->check && m->dev->ops->check(m->dev) == -ENOENT) {
        m->dev->ops->close(m->dev); /* deleted or replaced: a new one is rebuilt */
        m->dev = NULL;
    }
    if (!m->dev && (rc = rimage_dev(m)))
        return rc;
    memset(st, 0, sizeof *st);
    st->image_bytes = m->dev_bytes;
    for (int slot = 0; slot < 2 && !rc; slot++)
        if (m->dev_bytes >= PW_FIRST_DATA_BLOCK * PW_BLOCK_SIZE &&
            !(rc = m->dev->ops->read(m->dev, m->blk, PW_BLOCK_SIZE, (uint64_t)slot * PW_BLOCK_SIZE)))
            memcpy(st->sector[slot], m->blk, PW_ROOT_SECTOR);
    return rc;
}

static int write_slot(pw_rimage *m, uint64_t slot, const uint8_t *sector)
{
    memset(m->blk, 0, PW_BLOCK_SIZE);
    if (sector)
        memcpy(m->blk, sector, PW_ROOT_SECTOR);
    return hal_blockdev_write_durable(m->dev, m->blk, PW_BLOCK_SIZE, slot * PW_BLOCK_SIZE);
}

int pw_rimage_begin(pw_rimage *m, uint64_t image_blocks, bool empty_slots)
{
    if (!m->dev)
        return -EIO;
    int rc = 0;
    uint64_t need = image_blocks * PW_BLOCK_SIZE;
    if (need > m->dev_bytes && (rc = m->dev->ops->grow(m->dev, need)) == 0)
        m->dev_bytes = need;
    if (!rc && empty_slots && (rc = write_slot(m, 0, NULL)) == 0)
        rc = write_slot(m, 1, NULL);
    return rc;
}

int pw_rimage_block(pw_rimage *m, uint64_t block, const void *data)
{
    HAL_ASSERT(block >= PW_FIRST_DATA_BLOCK); /* never a root slot */
    return m->dev->ops->write(m->dev, data, PW_BLOCK_SIZE, block * PW_BLOCK_SIZE);
}

int pw_rimage_commit(pw_rimage *m, const uint8_t *sector, uint64_t generation)
{
    int rc = m->dev->ops->flush(m->dev);
    return rc ? rc : write_slot(m, generation % 2, sector);
}

/* ---- walks ------------------------------------------------------------------------- */

/* The node e refers to at level (-1: a leaf block: data, or a bitmap block). */
static int walk_tree(const pw_walk *wk, const pw_entry *e, int level)
{
    if (!e->block || !wk->want(wk->ctx, e))
        return 0;
    HAL_ASSERT(level < (int)PW_MAX_LEVELS);
    uint8_t *buf = wk->bufs + (size_t)(level + 1) * PW_BLOCK_SIZE;
    int rc = wk->read(wk->ctx, e, buf);
    if (!rc && wk->visit)
        rc = wk->visit(wk->ctx, e, buf);
    if (rc || level < 0)
        return rc;
    const pw_entry *child = (const pw_entry *)(const void *)buf;
    for (unsigned i = 0; i < PW_FANOUT && !rc; i++)
        rc = walk_tree(wk, &child[i], level - 1);
    return rc;
}

/* The history chain (history.c), rewritten by every snapshot that changes
 * it, and below each block the page maps of the older snapshots it lists
 * (each written when its snapshot was the newest: want() takes them only
 * when every block is wanted, as when a replica is built from scratch).
 * A block is copied out before its snapshots' maps are walked, since the
 * walk's buffers are reused level by level. */
static int walk_history(const pw_walk *wk, pw_entry e)
{
    pw_hist_block *blk = NULL;
    int rc = 0;
    while (e.block && !rc && wk->want(wk->ctx, &e)) {
        if ((rc = wk->read(wk->ctx, &e, wk->bufs)) || (wk->visit && (rc = wk->visit(wk->ctx, &e, wk->bufs))))
            break;
        if (!blk && !(blk = malloc(sizeof *blk))) {
            rc = -ENOMEM;
            break;
        }
        memcpy(blk, wk->bufs, sizeof *blk);
        for (uint32_t i = 0; i < blk->count && i < PW_HIST_PER_BLOCK && !rc; i++)
            if (blk->rec[i].map_levels)
                rc = walk_tree(wk, &blk->rec[i].map_root, blk->rec[i].map_levels - 1);
        e = blk->next;
    }
    free(blk);
    return rc;
}

int pw_walk_root(const pw_walk *wk, const pw_rootslot *r)
{
    int rc = walk_tree(wk, &r->map_root, r->map_levels - 1);
    if (!rc)
        rc = walk_tree(wk, &r->bitmap_root, r->bitmap_levels - 1);
    /* The superseded list's chain: written whole by the snapshot that owns it. */
    pw_entry e = r->slist_head;
    while (e.block && !rc && wk->want(wk->ctx, &e)) {
        if (!(rc = wk->read(wk->ctx, &e, wk->bufs)) && wk->visit)
            rc = wk->visit(wk->ctx, &e, wk->bufs);
        if (!rc)
            e = ((const pw_slist_block *)(const void *)wk->bufs)->next;
    }
    return rc ? rc : walk_history(wk, r->history_head);
}

typedef struct verify_ctx {
    pw_rimage *m;
    uint64_t bad;
} verify_ctx;

static bool want_all(void *ctx, const pw_entry *e)
{
    (void)ctx;
    (void)e;
    return true;
}

static int read_checked(void *ctx, const pw_entry *e, uint8_t *buf)
{
    verify_ctx *v = ctx;
    if (e->block < PW_FIRST_DATA_BLOCK || e->block >= v->m->dev_bytes / PW_BLOCK_SIZE) {
        v->bad = e->block;
        return -EBADMSG;
    }
    int rc = v->m->dev->ops->read(v->m->dev, buf, PW_BLOCK_SIZE, e->block * PW_BLOCK_SIZE);
    if (!rc && crc32c(0, buf, PW_BLOCK_SIZE) != e->crc) {
        v->bad = e->block;
        rc = -EBADMSG;
    }
    return rc;
}

int pw_rimage_verify(pw_rimage *m, const pw_rootslot *r, char *why, size_t whylen)
{
    uint8_t *bufs = hal_pages_alloc(PW_WALK_BUFS * PW_BLOCK_SIZE);
    if (!bufs)
        return -ENOMEM;
    verify_ctx v = {m, 0};
    pw_walk wk = {want_all, read_checked, NULL, &v, bufs};
    int rc = pw_walk_root(&wk, r);
    hal_pages_free(bufs, PW_WALK_BUFS * PW_BLOCK_SIZE);
    if (rc == -EBADMSG)
        snprintf(why, whylen, "block %llu is not the block the root names (another history, or damaged)",
                 (unsigned long long)v.bad);
    else if (rc)
        snprintf(why, whylen, "%s", hal_strerror(rc));
    return rc;
}

bool pw_rimage_decode(const uint8_t *sector, uint64_t image_bytes, pw_rootslot *r)
{
    uint8_t blk[PW_BLOCK_SIZE] = {0};
    char why[160];
    memcpy(blk, sector, PW_ROOT_SECTOR);
    return pw_root_decode(blk, image_bytes / PW_BLOCK_SIZE, r, why, sizeof why);
}

bool pw_rimage_newest(const pr_state *st, pw_rootslot *r)
{
    pw_rootslot c;
    bool any = false;
    for (int slot = 0; slot < 2; slot++)
        if (pw_rimage_decode(st->sector[slot], st->image_bytes, &c) && (!any || c.generation > r->generation)) {
            *r = c;
            any = true;
        }
    return any;
}

bool pw_rimage_other_world(const pr_state *st, const uint64_t world_id[2])
{
    pw_rootslot r;
    for (int slot = 0; slot < 2; slot++)
        if (pw_rimage_decode(st->sector[slot], st->image_bytes, &r) && memcmp(r.world_id, world_id, sizeof r.world_id))
            return true;
    return false;
}

/* ---- targets ------------------------------------------------------------------------ */

struct pw_rtarget {
    pw_rimage *img;          /* local; else remote: */
    char uri[256];
    uint8_t *key;
    size_t keylen;
    pr_conn conn;
    bool connected;
    pr_frame *frame;
    uint64_t resent;
    bool catchup;            /* the ship begun catches up: verify (a local image) */
};

int pw_rtarget_open(const char *name, const uint8_t *key, size_t keylen, pw_rtarget **out, pw_error *err)
{
    pw_rtarget *t = calloc(1, sizeof *t);
    if (!t) {
        err->code = -ENOMEM;
        snprintf(err->msg, sizeof err->msg, "replica %s: out of memory", name);
        return -ENOMEM;
    }
    snprintf(t->uri, sizeof t->uri, "%s", name);
    if (!pr_is_uri(name)) {
        int rc = pw_rimage_open(name, &t->img);
        if (rc) {
            free(t);
            err->code = rc;
            if (rc == -EBUSY)
                snprintf(err->msg, sizeof err->msg,
                         "replica %s: in use (another world's replica, or a world open on it)", name);
            else {
                pw_open_error(name, rc, err);
                char tmp[sizeof err->msg];
                snprintf(tmp, sizeof tmp, "replica %s", err->msg);
                memcpy(err->msg, tmp, sizeof tmp);
            }
            return rc;
        }
        *out = t;
        return 0;
    }
    if (!key) {
        free(t);
        err->code = -EINVAL;
        snprintf(err->msg, sizeof err->msg,
                 "replica %s: a replica over TCP needs --replica-key FILE (the secret the server holds too)", name);
        return -EINVAL;
    }
    if (!(t->frame = malloc(sizeof *t->frame)) || !(t->key = malloc(keylen))) {
        free(t->frame);
        free(t);
        err->code = -ENOMEM;
        snprintf(err->msg, sizeof err->msg, "replica %s: out of memory", name);
        return -ENOMEM;
    }
    memcpy(t->key, key, keylen);
    t->keylen = keylen;
    *out = t;
    return 0;
}

void pw_rtarget_drop(pw_rtarget *t)
{
    if (t->connected)
        hal_net_close(t->conn.s);
    t->connected = false;
}

void pw_rtarget_close(pw_rtarget *t)
{
    if (!t)
        return;
    pw_rimage_close(t->img);
    pw_rtarget_drop(t);
    if (t->key)
        pr_wipe(t->key, t->keylen);
    free(t->key);
    free(t->frame);
    free(t);
}

bool pw_rtarget_remote(const pw_rtarget *t) { return !t->img; }
bool pw_rtarget_connected(const pw_rtarget *t) { return t->img || t->connected; }
uint64_t pw_rtarget_resent(const pw_rtarget *t) { return t->resent; }

/* Sets err for a failure (rc) of what, on t, and returns rc. */
static int t_fail(pw_rtarget *t, int rc, pw_error *err, const char *what)
{
    err->code = rc;
    snprintf(err->msg, sizeof err->msg, "%s: %s", what, pw_strerror(rc));
    if (!t->img)
        pw_rtarget_drop(t);
    return rc;
}

/* The server's ERROR text (or what else came) as err. */
static int t_refused(pw_rtarget *t, const pr_frame *f, pw_error *err)
{
    bool said = f->type == PR_ERROR && f->mac_ok;
    err->code = said ? -EPERM : -EPROTO;
    if (said)
        snprintf(err->msg, sizeof err->msg, "the server refused: %.*s", (int)(f->len < 400 ? f->len : 400),
                 (const char *)f->payload);
    else
        snprintf(err->msg, sizeof err->msg, "the server answered out of turn (frame type %u%s)", f->type,
                 f->mac_ok ? "" : ", MAC wrong");
    pw_rtarget_drop(t);
    return err->code;
}

int pw_rtarget_state(pw_rtarget *t, pr_state *st, pw_error *err)
{
    if (t->img) {
        int rc = pw_rimage_state(t->img, st);
        return rc ? t_fail(t, rc, err, "reading its root slots") : 0;
    }
    pw_rtarget_drop(t);
    memset(&t->conn, 0, sizeof t->conn);
    int rc = pr_connect(t->uri, PR_TIMEOUT_MS, &t->conn.s, err);
    if (rc)
        return rc;
    t->connected = true;
    if ((rc = pr_client_handshake(&t->conn, t->key, t->keylen, err))) {
        pw_rtarget_drop(t);
        return rc;
    }
    if ((rc = pr_recv(&t->conn, t->frame, PR_TIMEOUT_MS)))
        return t_fail(t, rc, err, "waiting for the server's state");
    if (t->frame->type != PR_STATE || !t->frame->mac_ok || t->frame->len != sizeof *st)
        return t_refused(t, t->frame, err);
    memcpy(st, t->frame->payload, sizeof *st);
    return 0;
}

int pw_rtarget_begin(pw_rtarget *t, const pr_begin *b, pw_error *err)
{
    t->catchup = b->flags & PR_BEGIN_CATCHUP;
    int rc = t->img ? pw_rimage_begin(t->img, b->image_blocks, !b->base || (b->flags & PR_BEGIN_CATCHUP))
                    : pr_send(&t->conn, PR_BEGIN, b, sizeof *b, NULL, 0);
    return rc ? t_fail(t, rc, err, "starting a snapshot") : 0;
}

int pw_rtarget_block(pw_rtarget *t, uint64_t block, uint32_t crc, const uint8_t *data, pw_error *err)
{
    int rc;
    if (t->img) {
        rc = pw_rimage_block(t->img, block, data);
    } else {
        pr_block_head h = {block, crc, 0};
        rc = pr_send(&t->conn, PR_BLOCK, &h, sizeof h, data, PW_BLOCK_SIZE);
    }
    return rc ? t_fail(t, rc, err, "writing a block") : 0;
}

int pw_rtarget_commit(pw_rtarget *t, const pw_rootslot *r, pw_reread_fn reread, void *ctx, pw_error *err)
{
    uint8_t *blk = hal_pages_alloc(PW_BLOCK_SIZE);
    if (!blk)
        return t_fail(t, -ENOMEM, err, "committing");
    pw_root_encode(r, blk);
    int rc;
    if (t->img) {
        char why[200] = "";
        if (t->catchup && (rc = pw_rimage_verify(t->img, r, why, sizeof why))) {
            err->code = rc;
            snprintf(err->msg, sizeof err->msg, "catching up: %s; it will be rebuilt from scratch", why);
        } else if ((rc = pw_rimage_commit(t->img, blk, r->generation))) {
            t_fail(t, rc, err, "writing the root");
        }
        hal_pages_free(blk, PW_BLOCK_SIZE);
        return rc;
    }
    uint8_t sector[PW_ROOT_SECTOR];
    memcpy(sector, blk, sizeof sector);
    pr_frame *f = t->frame;
    for (int round = 0;; round++) {
        if ((rc = pr_send(&t->conn, PR_COMMIT, sector, sizeof sector, NULL, 0)) ||
            (rc = pr_recv(&t->conn, f, PR_TIMEOUT_MS))) {
            rc = t_fail(t, rc, err, "committing");
            break;
        }
        if (f->type == PR_ACK && f->mac_ok && f->len == 8) {
            uint64_t g;
            memcpy(&g, f->payload, 8);
            rc = g == r->generation ? 0 : t_refused(t, f, err);
            break;
        }
        const pr_resend *rs = (const pr_resend *)(const void *)f->payload;
        if (f->type != PR_RESEND || !f->mac_ok || f->len < 8 || rs->n > PR_RESEND_MAX ||
            f->len != 8 + rs->n * sizeof(pr_block_head)) {
            rc = t_refused(t, f, err);
            break;
        }
        if (round + 1 >= PR_RESEND_ROUNDS) {
            rc = t_fail(t, -EIO, err, "blocks arrived damaged again and again");
            break;
        }
        /* Copied out: the frame buffer is reused by the sends below. */
        pr_resend again;
        memcpy(&again, rs, f->len);
        for (uint32_t i = 0; i < again.n && !rc; i++) {
            if ((rc = reread(ctx, &again.b[i], blk)))
                rc = t_fail(t, rc, err, "reading a block again");
            else if ((rc = pr_send(&t->conn, PR_BLOCK, &again.b[i], sizeof again.b[i], blk, PW_BLOCK_SIZE)))
                rc = t_fail(t, rc, err, "writing a block again");
            t->resent++;
        }
        if (rc)
            break;
    }
    hal_pages_free(blk, PW_BLOCK_SIZE);
    return rc;
}
