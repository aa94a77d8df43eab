/*
 * check.c - offline inspection of an image: pw_image_info_read (the root
 * slots only) and pw_fsck (everything).
 *
 * fsck walks both retained snapshots completely: every page-map node and
 * data block, every bitmap block and index node, every superseded-list
 * block, verifying each against the checksum in the entry that references
 * it.  Then it proves the free-space invariant of format.h for each root:
 *     bitmap(R) == blocks(R) + superseded(R) + {0, 1}
 * reporting blocks marked used that nothing references (leaks) and blocks
 * in use that the bitmap calls free (they would be handed out twice), and
 * checks that the older retained snapshot is still fully protected by the
 * newer one's bitmap.  It never writes.
 */
#include "pw_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct fsck {
    pw_store store;
    pw_fsck_result *r;
    void (*report)(void *ctx, const char *line);
    void *ctx;
    uint64_t nblocks;             /* blocks the device holds */
    uint8_t *verified;            /* bit per block: content checked ... */
    uint32_t *verified_crc;       /* ... and found to have this crc32c */
    int reported;                 /* lines of detail so far */
    uint64_t started_ns, progress_ns; /* for progress lines */
    /* per snapshot being walked */
    const pw_rootslot *root;
    uint8_t *live;                /* bit per block referenced */
    uint8_t *sup;                 /* bit per block in the superseded list */
    uint8_t *bitmap;              /* the snapshot's allocation bitmap */
    uint8_t *mapped;              /* bit per block walked as part of a page map */
    bool in_map;                  /* walking a page map now */
    uint64_t data_pages;
    uint8_t buf[PW_BLOCK_SIZE];
} fsck;

#define MAX_DETAIL 200 /* individual problems reported before summarising */

static void say(fsck *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(fsck *f, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (f->report)
        f->report(f->ctx, line);
}

static void problem(fsck *f, uint64_t *counter, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void problem(fsck *f, uint64_t *counter, const char *fmt, ...)
{
    (*counter)++;
    if (++f->reported > MAX_DETAIL) {
        if (f->reported == MAX_DETAIL + 1)
            say(f, "  (further problems counted but not listed)");
        return;
    }
    char line[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    say(f, "  generation %llu: %s", (unsigned long long)f->root->generation, line);
}

static bool bget(const uint8_t *bm, uint64_t b) { return (bm[b >> 3] >> (b & 7)) & 1; }
static void bset(uint8_t *bm, uint64_t b) { bm[b >> 3] |= (uint8_t)(1u << (b & 7)); }

/* A page-map block that another snapshot of the same root's history (or
 * the root itself) has at the same place: walked already, and the same
 * content (so the whole subtree below it is shared). */
static bool shared(fsck *f, const pw_entry *e, const char *what)
{
    if (!f->in_map || e->block >= f->nblocks || !bget(f->mapped, e->block))
        return false;
    if (bget(f->verified, e->block) && f->verified_crc[e->block] != e->crc)
        problem(f, &f->r->checksum_errors, "%s, block %llu: checksum differs from another "
                "snapshot's entry for the same block", what, (unsigned long long)e->block);
    return true;
}

/* Claims block b for the snapshot; false if it cannot be read as such. */
static bool claim(fsck *f, uint64_t b, const char *what)
{
    if (b < PW_FIRST_DATA_BLOCK || b >= f->root->image_blocks || b >= f->nblocks) {
        problem(f, &f->r->map_errors, "%s refers to block %llu, outside the image's %llu blocks",
                what, (unsigned long long)b, (unsigned long long)f->root->image_blocks);
        return false;
    }
    if (bget(f->live, b)) {
        problem(f, &f->r->double_used_blocks, "block %llu is used twice (again as %s)",
                (unsigned long long)b, what);
        return false;
    }
    bset(f->live, b);
    if (f->in_map)
        bset(f->mapped, b);
    return true;
}

/* Reads and verifies a referenced block into f->buf.  skip_known: the
 * content was already verified with the same checksum. */
static bool verify(fsck *f, const pw_entry *e, const char *what, bool skip_known)
{
    if (++f->r->blocks_checked % 4096 == 0) {
        uint64_t now = hal_now_mono_ns();
        if (now - f->progress_ns >= 1000000000ull) {
            f->progress_ns = now;
            say(f, "progress: %llu blocks checked of about %llu (%.0f s)",
                (unsigned long long)f->r->blocks_checked, (unsigned long long)f->nblocks,
                (double)(now - f->started_ns) / 1e9);
        }
    }
    if (skip_known && bget(f->verified, e->block) && f->verified_crc[e->block] == e->crc)
        return true;
    int rc = pw_store_read(&f->store, e->block, f->buf);
    if (rc) {
        problem(f, &f->r->checksum_errors, "%s, block %llu: unreadable: %s", what,
                (unsigned long long)e->block, hal_strerror(rc));
        return false;
    }
    if (pw_block_crc(f->buf) != e->crc) {
        problem(f, &f->r->checksum_errors, "%s, block %llu: checksum mismatch", what,
                (unsigned long long)e->block);
        return false;
    }
    bset(f->verified, e->block);
    f->verified_crc[e->block] = e->crc;
    return true;
}

/* Walks a tree; for level-0 entries calls leaf(). */
typedef void (*leaf_fn)(fsck *f, uint64_t idx, const pw_entry *e);

static void walk(fsck *f, const pw_entry *e, int level, uint64_t idx, const char *tree, leaf_fn leaf)
{
    char what[96];
    snprintf(what, sizeof what, "%s node (level %d, index %llu)", tree, level,
             (unsigned long long)idx);
    if (shared(f, e, what) || !claim(f, e->block, what))
        return;
    f->r->meta_blocks++;
    if (!verify(f, e, what, false))
        return;
    pw_entry *node = malloc(PW_BLOCK_SIZE);
    if (!node)
        return;
    memcpy(node, f->buf, PW_BLOCK_SIZE);
    for (unsigned i = 0; i < PW_FANOUT; i++) {
        if (!node[i].block)
            continue;
        uint64_t child = (idx << PW_FANOUT_BITS) | i;
        if (level == 0)
            leaf(f, child, &node[i]);
        else
            walk(f, &node[i], level - 1, child, tree, leaf);
    }
    free(node);
}

static void data_leaf(fsck *f, uint64_t pg, const pw_entry *e)
{
    char what[64];
    snprintf(what, sizeof what, "page %llu", (unsigned long long)pg);
    if (pg >= f->root->space_size / PW_BLOCK_SIZE)
        problem(f, &f->r->map_errors, "page %llu is beyond the space's end", (unsigned long long)pg);
    f->data_pages++;
    if (shared(f, e, what) || !claim(f, e->block, what))
        return;
    f->r->data_blocks++;
    verify(f, e, what, true);
}

static void bitmap_leaf(fsck *f, uint64_t i, const pw_entry *e)
{
    char what[64];
    snprintf(what, sizeof what, "bitmap block %llu", (unsigned long long)i);
    if (!claim(f, e->block, what))
        return;
    f->r->meta_blocks++;
    uint64_t nbm = (f->root->image_blocks + PW_BITS_PER_BITMAP_BLOCK - 1) / PW_BITS_PER_BITMAP_BLOCK;
    if (i >= nbm) {
        problem(f, &f->r->map_errors, "bitmap block %llu is beyond the image's end",
                (unsigned long long)i);
        return;
    }
    if (verify(f, e, what, false))
        memcpy(f->bitmap + i * PW_BLOCK_SIZE, f->buf, PW_BLOCK_SIZE);
}

static void walk_slist(fsck *f)
{
    pw_entry e = f->root->slist_head;
    uint64_t count = 0;
    pw_slist_block *blk = malloc(sizeof *blk);
    if (!blk)
        return;
    while (e.block) {
        if (!claim(f, e.block, "superseded list") || !verify(f, &e, "superseded list", false))
            break;
        f->r->meta_blocks++;
        memcpy(blk, f->buf, sizeof *blk);
        if (blk->magic != PW_SLIST_MAGIC || blk->count > PW_SLIST_PER_BLOCK) {
            problem(f, &f->r->map_errors, "superseded list block %llu is malformed",
                    (unsigned long long)e.block);
            break;
        }
        for (uint32_t i = 0; i < blk->count; i++) {
            uint64_t b = blk->blocks[i];
            if (b < PW_FIRST_DATA_BLOCK || b >= f->root->image_blocks) {
                problem(f, &f->r->map_errors, "superseded block %llu is outside the image",
                        (unsigned long long)b);
                continue;
            }
            if (bget(f->sup, b))
                problem(f, &f->r->space_errors, "block %llu is listed as superseded twice",
                        (unsigned long long)b);
            bset(f->sup, b);
            count++;
        }
        e = blk->next;
    }
    free(blk);
    if (count != f->root->slist_count)
        problem(f, &f->r->map_errors, "superseded list holds %llu blocks, the root says %llu",
                (unsigned long long)count, (unsigned long long)f->root->slist_count);
}

/* The history chain: its blocks, and the page map of every snapshot it
 * names, which may share blocks with each other and with the root's. */
static void walk_history(fsck *f)
{
    const pw_rootslot *r = f->root;
    pw_entry e = r->history_head;
    pw_hist_block *blk = malloc(sizeof *blk);
    if (!blk)
        return;
    uint64_t count = 0, last = 0;
    while (e.block) {
        if (!claim(f, e.block, "history") || !verify(f, &e, "history", false))
            break;
        f->r->meta_blocks++;
        memcpy(blk, f->buf, sizeof *blk);
        if (blk->magic != PW_HIST_MAGIC || !blk->count || blk->count > PW_HIST_PER_BLOCK) {
            problem(f, &f->r->map_errors, "history block %llu is malformed",
                    (unsigned long long)e.block);
            break;
        }
        for (uint32_t i = 0; i < blk->count; i++, count++) {
            const pw_hist_rec *h = &blk->rec[i];
            if (h->generation >= r->generation || h->generation <= last ||
                h->map_levels != r->map_levels) {
                problem(f, &f->r->map_errors, "history record of generation %llu is inconsistent",
                        (unsigned long long)h->generation);
                continue;
            }
            last = h->generation;
            f->in_map = true;
            if (h->map_root.block)
                walk(f, &h->map_root, h->map_levels - 1, 0, "retained page map", data_leaf);
            f->in_map = false;
        }
        e = blk->next;
    }
    free(blk);
    if (count != r->history_count)
        problem(f, &f->r->map_errors, "history holds %llu snapshots, the root says %u",
                (unsigned long long)count, r->history_count);
    f->r->history_checked += count;
}

/* Walks one snapshot and checks its free-space accounting. */
static void check_snapshot(fsck *f, const pw_rootslot *r, uint8_t *live_out, uint8_t *sup_out)
{
    f->root = r;
    f->live = live_out;
    f->sup = sup_out;
    uint64_t nbm = (r->image_blocks + PW_BITS_PER_BITMAP_BLOCK - 1) / PW_BITS_PER_BITMAP_BLOCK;
    f->bitmap = calloc(nbm ? nbm : 1, PW_BLOCK_SIZE);
    f->data_pages = 0;
    if (!f->bitmap) {
        say(f, "out of memory");
        return;
    }
    bset(f->live, 0);
    bset(f->live, 1);
    f->mapped = calloc(1, (size_t)((f->nblocks + 7) / 8) + PW_BLOCK_SIZE);
    if (!f->mapped) {
        say(f, "out of memory");
        free(f->bitmap);
        f->bitmap = NULL;
        return;
    }
    uint64_t errs0 = f->r->checksum_errors + f->r->map_errors + f->r->double_used_blocks;
    f->in_map = true;
    if (r->map_root.block)
        walk(f, &r->map_root, r->map_levels - 1, 0, "page map", data_leaf);
    f->in_map = false;
    if (r->bitmap_root.block)
        walk(f, &r->bitmap_root, r->bitmap_levels - 1, 0, "bitmap index", bitmap_leaf);
    walk_slist(f);
    uint64_t pages = f->data_pages;
    walk_history(f);
    f->data_pages = pages;
    free(f->mapped);
    f->mapped = NULL;
    f->r->snapshots_checked++;
    if (f->data_pages != r->pages_present)
        problem(f, &f->r->map_errors, "page map holds %llu pages, the root says %llu",
                (unsigned long long)f->data_pages, (unsigned long long)r->pages_present);

    bool tree_ok = f->r->checksum_errors + f->r->map_errors + f->r->double_used_blocks == errs0;
    uint64_t bits = 0;
    for (uint64_t b = 0; b < r->image_blocks; b++) {
        bool used = bget(f->bitmap, b), l = bget(f->live, b), s = bget(f->sup, b);
        bits += used;
        if (l && s && b >= PW_FIRST_DATA_BLOCK) {
            problem(f, &f->r->space_errors, "block %llu is both in use and superseded",
                    (unsigned long long)b);
        }
        if (used && !l && !s) {
            problem(f, &f->r->leaked_blocks, "block %llu is marked used but nothing refers to it",
                    (unsigned long long)b);
        }
        if (!used && (l || s) && tree_ok) {
            problem(f, &f->r->double_used_blocks,
                    "block %llu is in use (%s) but marked free: it could be handed out twice",
                    (unsigned long long)b, l ? "referenced" : "superseded");
        }
    }
    if (bits != r->blocks_used)
        problem(f, &f->r->space_errors, "bitmap has %llu blocks set, the root says %llu",
                (unsigned long long)bits, (unsigned long long)r->blocks_used);
    free(f->bitmap);
    f->bitmap = NULL;
}

static void fmt_time(uint64_t wall_ns, char *out, size_t n)
{
    time_t t = (time_t)(wall_ns / 1000000000u);
    const struct tm *tm = wall_ns ? gmtime(&t) : NULL; /* fsck is single-threaded */
    if (!tm) {
        snprintf(out, n, "-");
        return;
    }
    strftime(out, n, "%Y-%m-%d %H:%M:%S UTC", tm);
}

static int open_ro(const char *path, hal_blockdev *dev, pw_store *s, pw_error *err)
{
    int rc = 0;
    if (!dev && (rc = hal_blockdev_open(path, HAL_BD_READONLY, &dev))) {
        pw_open_error(path, rc, err);
        return rc;
    }
    if ((rc = pw_store_init(s, dev))) {
        snprintf(err->msg, sizeof err->msg, "%s: cannot read: %s", path, hal_strerror(rc));
        err->code = rc;
        dev->ops->close(dev);
        return rc;
    }
    if (s->dev_blocks < PW_FIRST_DATA_BLOCK) {
        snprintf(err->msg, sizeof err->msg, "%s: %s", path,
                 s->dev_blocks ? "too short to be a Phantom image"
                               : "empty or too short to be a Phantom image");
        err->code = -EBADMSG;
        pw_store_fini(s);
        dev->ops->close(dev);
        return -EBADMSG;
    }
    return 0;
}

static void close_ro(pw_store *s)
{
    hal_blockdev *dev = s->dev;
    pw_store_fini(s);
    dev->ops->close(dev);
}

static int read_slots(pw_store *s, pw_rootslot r[2], char why[2][160], int *valid)
{
    *valid = 0;
    for (int i = 0; i < 2; i++) {
        uint8_t blk[PW_BLOCK_SIZE];
        int rc = pw_store_read(s, (uint64_t)i, blk);
        memcpy(&r[i], blk, sizeof r[i]);
        if (rc)
            snprintf(why[i], 160, "unreadable: %s", hal_strerror(rc));
        else if (!pw_root_decode(blk, s->dev_blocks, &r[i], why[i], 160))
            ;
        else if (r[i].generation % 2 != (uint64_t)i)
            snprintf(why[i], 160, "generation %llu does not belong in this slot",
                     (unsigned long long)r[i].generation);
        else {
            why[i][0] = 0;
            *valid |= 1 << i;
        }
    }
    return 0;
}

/* Opens path read-only and reads both slots (read_slots). */
static int open_slots(const char *path, pw_store *s, pw_rootslot r[2], char why[2][160], int *valid,
                      pw_error *err)
{
    int rc = open_ro(path, NULL, s, err);
    if (!rc)
        read_slots(s, r, why, valid);
    return rc;
}

int pw_image_info_read(const char *path, pw_image_info *info, pw_error *err)
{
    memset(info, 0, sizeof *info);
    pw_store s;
    pw_rootslot r[2];
    char why[2][160];
    int rc = open_slots(path, &s, r, why, &info->slots_valid, err);
    if (rc)
        return rc;
    uint64_t bytes = s.dev_blocks * PW_BLOCK_SIZE;
    info->image_bytes = bytes;
    info->newest = -1;
    for (int i = 0; i < 2; i++) {
        snprintf(info->slot[i].problem, sizeof info->slot[i].problem, "%s", why[i]);
        if (!(info->slots_valid & (1 << i)))
            continue;
        info->slot[i].generation = r[i].generation;
        info->slot[i].wall_ns = r[i].wall_ns;
        info->slot[i].pages_present = r[i].pages_present;
        info->slot[i].blocks_used = r[i].blocks_used;
        info->slot[i].slist_count = r[i].slist_count;
        info->slot[i].snapshots_total = r[i].snapshots_total;
        info->slot[i].bytes_written_total = r[i].bytes_written_total;
        info->slot[i].map_levels = r[i].map_levels;
        info->slot[i].bitmap_levels = r[i].bitmap_levels;
        if (info->newest < 0 || r[i].generation > r[info->newest].generation)
            info->newest = i;
    }
    if (info->newest >= 0) {
        const pw_rootslot *n = &r[info->newest];
        info->version = n->version;
        info->world_id[0] = n->world_id[0];
        info->world_id[1] = n->world_id[1];
        info->space_base = n->space_base;
        info->space_size = n->space_size;
        info->image_blocks = n->image_blocks;
    } else {
        uint32_t v;
        memcpy(&v, (const uint8_t *)&r[0] + offsetof(pw_rootslot, version), 4);
        info->version = v;
    }
    close_ro(&s);
    if (info->newest < 0) {
        snprintf(err->msg, sizeof err->msg, "%.200s: no usable root (slot A: %.140s; slot B: %.140s)", path,
                 why[0], why[1]);
        err->code = -EBADMSG;
        return -EBADMSG;
    }
    return 0;
}

int pw_fsck(const char *path, hal_blockdev *dev, pw_fsck_result *res,
            void (*report)(void *ctx, const char *line), void *ctx, pw_error *err)
{
    memset(res, 0, sizeof *res);
    res->usable_slot = -1;
    fsck *f = calloc(1, sizeof *f);
    if (!f)
        return -ENOMEM;
    f->r = res;
    f->report = report;
    f->ctx = ctx;
    f->started_ns = f->progress_ns = hal_now_mono_ns();
    int rc = open_ro(path, dev, &f->store, err);
    if (rc) {
        free(f);
        return rc;
    }
    f->nblocks = f->store.dev_blocks;
    pw_rootslot r[2];
    char why[2][160];
    int valid;
    read_slots(&f->store, r, why, &valid);
    for (int i = 0; i < 2; i++) {
        if (valid & (1 << i)) {
            char t[64];
            fmt_time(r[i].wall_ns, t, sizeof t);
            say(f, "slot %c: generation %llu, %s, %llu pages, %llu blocks used", 'A' + i,
                (unsigned long long)r[i].generation, t, (unsigned long long)r[i].pages_present,
                (unsigned long long)r[i].blocks_used);
        } else {
            say(f, "slot %c: %s", 'A' + i, why[i]);
            /* Anything but a never-written slot is damage: a damaged newest
             * root makes open fall back and lose work, a damaged older one
             * leaves nothing to fall back to. */
            if (!strstr(why[i], "empty (never written)"))
                (*(strstr(why[i], "checksum") ? &res->checksum_errors : &res->map_errors))++;
        }
    }
    int order[2] = {0, 1};
    if ((valid & 3) == 3 ? r[1].generation > r[0].generation : (valid & 2)) {
        order[0] = 1;
        order[1] = 0;
    }
    if (!(valid & 3)) {
        snprintf(err->msg, sizeof err->msg, "%.200s: no usable root (slot A: %.140s; slot B: %.140s)", path,
                 why[0], why[1]);
        err->code = -EBADMSG;
        close_ro(&f->store);
        free(f);
        return 1;
    }
    size_t bytes = (size_t)((f->nblocks + 7) / 8) + PW_BLOCK_SIZE;
    f->verified = calloc(1, bytes);
    f->verified_crc = calloc(f->nblocks + 1, sizeof *f->verified_crc);
    uint8_t *live[2] = {calloc(1, bytes), calloc(1, bytes)};
    uint8_t *sup[2] = {calloc(1, bytes), calloc(1, bytes)};
    bool walked[2] = {false, false};
    if (!f->verified || !f->verified_crc || !live[0] || !live[1] || !sup[0] || !sup[1]) {
        snprintf(err->msg, sizeof err->msg, "%s: out of memory for the check", path);
        rc = -ENOMEM;
        goto out;
    }
    uint64_t before = 0;
    for (int k = 0; k < 2; k++) {
        int i = order[k];
        if (!(valid & (1 << i)))
            continue;
        if (k == 1 && r[i].generation + 1 != r[order[0]].generation) {
            say(f, "slot %c: generation %llu is not the predecessor of %llu; not retained",
                'A' + i, (unsigned long long)r[i].generation,
                (unsigned long long)r[order[0]].generation);
            continue;
        }
        check_snapshot(f, &r[i], live[k], sup[k]);
        walked[k] = true;
        uint64_t now = res->checksum_errors + res->map_errors + res->space_errors +
                       res->leaked_blocks + res->double_used_blocks;
        say(f, "generation %llu: %s (with %u older snapshots it retains)",
            (unsigned long long)r[i].generation, now == before ? "clean" : "PROBLEMS FOUND",
            r[i].history_count);
        if (now == before && res->usable_slot < 0)
            res->usable_slot = i;
        before = now;
    }
    /* The older retained snapshot must be protected by the newer's bitmap:
     * superseded(newer) must be exactly blocks(older) - blocks(newer). */
    if (walked[0] && walked[1]) {
        f->root = &r[order[0]];
        for (uint64_t b = PW_FIRST_DATA_BLOCK; b < r[order[0]].image_blocks; b++) {
            bool older = b < r[order[1]].image_blocks && bget(live[1], b);
            bool newer = bget(live[0], b), superseded = bget(sup[0], b);
            if (older && !newer && !superseded)
                problem(f, &res->double_used_blocks,
                        "block %llu of generation %llu is not protected: it could be overwritten",
                        (unsigned long long)b, (unsigned long long)r[order[1]].generation);
            if (superseded && !older)
                problem(f, &res->leaked_blocks,
                        "block %llu is listed as superseded but generation %llu does not use it",
                        (unsigned long long)b, (unsigned long long)r[order[1]].generation);
        }
    }
    rc = res->checksum_errors + res->map_errors + res->space_errors + res->leaked_blocks +
                 res->double_used_blocks
             ? 1
             : 0;
    say(f, "%s: %llu blocks checked (%llu data, %llu metadata), %llu checksum errors, "
           "%llu map errors, %llu free-space errors, %llu leaked, %llu double-used: %s",
        path, (unsigned long long)res->blocks_checked, (unsigned long long)res->data_blocks,
        (unsigned long long)res->meta_blocks, (unsigned long long)res->checksum_errors,
        (unsigned long long)res->map_errors, (unsigned long long)res->space_errors,
        (unsigned long long)res->leaked_blocks, (unsigned long long)res->double_used_blocks,
        rc ? "DAMAGED" : "clean");
out:
    free(f->verified);
    free(f->verified_crc);
    for (int k = 0; k < 2; k++) {
        free(live[k]);
        free(sup[k]);
    }
    close_ro(&f->store);
    free(f);
    return rc;
}

int pw_history_read(const char *path, pw_history *h, pw_error *err)
{
    memset(h, 0, sizeof *h);
    pw_store s;
    pw_rootslot r[2];
    char why[2][160];
    int valid;
    int rc = open_slots(path, &s, r, why, &valid, err);
    if (rc)
        return rc;
    int newest = (valid & 3) == 3 ? r[1].generation > r[0].generation : (valid & 2) ? 1 : 0;
    if (!(valid & (1 << newest))) {
        snprintf(err->msg, sizeof err->msg, "%.200s: no usable root (slot A: %.140s; slot B: %.140s)",
                 path, why[0], why[1]);
        err->code = -EBADMSG;
        close_ro(&s);
        return -EBADMSG;
    }
    const pw_rootslot *c = &r[newest];
    pw_hist_rec *recs;
    size_t n;
    char hwhy[200];
    rc = pw_history_load(&s, c, &recs, &n, NULL, hwhy, sizeof hwhy);
    close_ro(&s);
    if (rc) {
        snprintf(err->msg, sizeof err->msg, "%.200s: the snapshot history is damaged (%s); run phantom fsck",
                 path, hwhy);
        err->code = rc;
        return rc;
    }
    h->snap = calloc(n + 1, sizeof *h->snap);
    if (!h->snap) {
        free(recs);
        snprintf(err->msg, sizeof err->msg, "%s: out of memory", path);
        err->code = -ENOMEM;
        return -ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        h->snap[i] = (pw_snapinfo){recs[i].generation, recs[i].wall_ns, recs[i].pages_present,
                                   recs[i].pinned != 0, false};
    h->snap[n] = (pw_snapinfo){c->generation, c->wall_ns, c->pages_present, false, true};
    h->n = n + 1;
    free(recs);
    h->keep_stored = c->flags & PW_ROOT_KEEP_SET;
    if (h->keep_stored)
        h->keep = (pw_keep){c->keep_last, c->keep_minutely, c->keep_hourly, c->keep_daily,
                            c->keep_budget_blocks};
    else
        pw_keep_default(&h->keep);
    h->blocks_used = c->blocks_used;
    h->image_blocks = c->image_blocks;
    return 0;
}

void pw_history_free(pw_history *h)
{
    free(h->snap);
    memset(h, 0, sizeof *h);
}
