/*
 * balloc.c - the block allocator.  Free space is a bitmap that is part of
 * every snapshot, so it is exactly as durable as the snapshot it describes.
 *
 * Retention: the committed snapshot G (with the older snapshots its history
 * names, history.c) and its predecessor G-1 are kept.
 * bitmap(G) marks blocks(G) plus superseded(G) = blocks(G-1) - blocks(G).
 * While G+1 is being written the allocator hands out only blocks clear in
 * bitmap(G), so neither retained snapshot can be touched.  When G+1 is
 * sealed, superseded(G) is cleared (G-1 stops being retained the moment G+1
 * commits), and until the commit those blocks stay in quarantine: not handed
 * out even though their bits are clear.
 *
 * Sealing is a fixpoint: giving a modified bitmap block a new block can
 * modify another bitmap block, and every replaced block lengthens the
 * superseded list, which may need another list block.  Each round only
 * assigns blocks to things that have none yet, so it ends quickly.
 */
#include "pw_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_GROW_CHUNK 4096u /* 16 MiB */

int pw_u64vec_push(pw_u64vec *a, uint64_t x)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 256;
        uint64_t *v = realloc(a->v, cap * sizeof *v);
        if (!v)
            return -ENOMEM;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = x;
    return 0;
}

void pw_u64vec_free(pw_u64vec *a)
{
    free(a->v);
    memset(a, 0, sizeof *a);
}

bool pw_bit_get(const uint8_t *bm, uint64_t bit) { return (bm[bit >> 3] >> (bit & 7)) & 1; }
static void bit_put(uint8_t *bm, uint64_t bit, bool v)
{
    if (v)
        bm[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    else
        bm[bit >> 3] &= (uint8_t)~(1u << (bit & 7));
}

static int cover(pw_balloc *a, uint64_t nbm)
{
    if (nbm <= a->bm_cap)
        return 0;
    uint64_t cap = a->bm_cap ? a->bm_cap : 64;
    while (cap < nbm)
        cap *= 2;
    uint8_t **bm = realloc(a->bm, cap * sizeof *bm);
    if (!bm)
        return -ENOMEM;
    a->bm = bm;
    uint8_t **undo = realloc(a->bm_undo, cap * sizeof *undo);
    if (!undo)
        return -ENOMEM;
    a->bm_undo = undo;
    uint64_t *nw = realloc(a->bm_new, cap * sizeof *nw);
    if (!nw)
        return -ENOMEM;
    a->bm_new = nw;
    for (uint64_t i = a->bm_cap; i < cap; i++) {
        a->bm[i] = a->bm_undo[i] = NULL;
        a->bm_new[i] = 0;
    }
    a->bm_cap = cap;
    return 0;
}

static uint64_t bm_count(uint64_t blocks)
{
    return (blocks + PW_BITS_PER_BITMAP_BLOCK - 1) / PW_BITS_PER_BITMAP_BLOCK;
}

static int load(pw_balloc *a, uint64_t i)
{
    if (a->bm[i])
        return 0;
    uint8_t *b = calloc(1, PW_BLOCK_SIZE);
    if (!b)
        return -ENOMEM;
    pw_entry e;
    int rc = pw_tree_get(&a->index, i, &e);
    if (!rc && e.block)
        rc = pw_store_read_checked(a->store, &e, b);
    if (rc) {
        free(b);
        return rc;
    }
    a->bm[i] = b;
    return 0;
}

/* Changes one bit, keeping the block's committed content for rollback. */
static int set_bit(pw_balloc *a, uint64_t block, bool v)
{
    uint64_t i = block / PW_BITS_PER_BITMAP_BLOCK;
    int rc = load(a, i);
    if (rc)
        return rc;
    if (!a->bm_undo[i]) {
        a->bm_undo[i] = malloc(PW_BLOCK_SIZE);
        if (!a->bm_undo[i])
            return -ENOMEM;
        memcpy(a->bm_undo[i], a->bm[i], PW_BLOCK_SIZE);
    }
    HAL_ASSERT(pw_bit_get(a->bm[i], block % PW_BITS_PER_BITMAP_BLOCK) != v); /* the count stays exact */
    bit_put(a->bm[i], block % PW_BITS_PER_BITMAP_BLOCK, v);
    a->used += v ? 1 : (uint64_t)-1;
    return 0;
}

int pw_balloc_init(pw_balloc *a, pw_store *s, const pw_rootslot *r)
{
    memset(a, 0, sizeof *a);
    a->store = s;
    a->grow_chunk = DEFAULT_GROW_CHUNK;
    pw_tree_init(&a->index, s, r->bitmap_root, r->bitmap_levels ? r->bitmap_levels : 1);
    a->image_blocks = a->image_blocks_committed = r->image_blocks;
    a->used = a->used_committed = r->blocks_used;
    a->nbm = bm_count(a->image_blocks);
    a->prev_slist = r->slist_head;
    a->prev_slist_count = r->slist_count;
    a->cursor = PW_FIRST_DATA_BLOCK;
    int rc = cover(a, a->nbm + 1);
    if (rc)
        return rc;
    if (r->image_blocks < PW_FIRST_DATA_BLOCK) {
        /* A new image: the root slots are permanently allocated. */
        a->image_blocks = PW_FIRST_DATA_BLOCK;
        a->nbm = 1;
        for (uint64_t b = 0; b < PW_FIRST_DATA_BLOCK; b++)
            if ((rc = set_bit(a, b, true)))
                return rc;
    }
    return 0;
}

void pw_balloc_fini(pw_balloc *a)
{
    for (uint64_t i = 0; i < a->bm_cap; i++) {
        free(a->bm[i]);
        free(a->bm_undo[i]);
    }
    free(a->bm);
    free(a->bm_undo);
    free(a->bm_new);
    pw_tree_fini(&a->index);
    pw_u64vec_free(&a->prev_sup);
    pw_u64vec_free(&a->prev_chain);
    pw_u64vec_free(&a->sup);
    pw_u64vec_free(&a->chain);
}

static bool quarantined(const pw_balloc *a, uint64_t block)
{
    size_t lo = 0, hi = a->prev_sup.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->prev_sup.v[mid] < block)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->prev_sup.n && a->prev_sup.v[lo] == block;
}

/* First clear bit in [from, to) that may be handed out, or UINT64_MAX. */
static int find_free(pw_balloc *a, uint64_t from, uint64_t to, uint64_t *out)
{
    *out = UINT64_MAX;
    uint64_t b = from;
    while (b < to) {
        uint64_t i = b / PW_BITS_PER_BITMAP_BLOCK;
        int rc = load(a, i);
        if (rc)
            return rc;
        const uint64_t *words = (const uint64_t *)(const void *)a->bm[i];
        uint64_t end = (i + 1) * PW_BITS_PER_BITMAP_BLOCK;
        if (end > to)
            end = to;
        while (b < end) {
            uint64_t off = b % PW_BITS_PER_BITMAP_BLOCK;
            uint64_t w = words[off / 64] >> (off % 64);
            if (w == UINT64_MAX >> (off % 64)) { /* rest of the word is full */
                b += 64 - off % 64;
                continue;
            }
            if (!((w >> 0) & 1) && !(a->quarantine && quarantined(a, b))) {
                *out = b;
                return 0;
            }
            b++;
        }
    }
    return 0;
}

int pw_balloc_alloc(pw_balloc *a, uint64_t *block)
{
    uint64_t b = UINT64_MAX;
    int rc = 0;
    if (a->used < a->image_blocks) {
        rc = find_free(a, a->cursor, a->image_blocks, &b);
        if (!rc && b == UINT64_MAX)
            rc = find_free(a, PW_FIRST_DATA_BLOCK, a->cursor, &b);
        if (rc)
            return rc;
    }
    if (b == UINT64_MAX) { /* full: extend the image */
        uint64_t grow = a->grow_chunk;
        if (grow < a->image_blocks / 8)
            grow = a->image_blocks / 8; /* geometric, so growth is rare */
        uint64_t want = a->image_blocks + grow;
        if ((rc = pw_store_ensure(a->store, want))) {
            want = a->image_blocks + 1; /* a raw device or a nearly full disk */
            if ((rc = pw_store_ensure(a->store, want)))
                return rc;
        }
        if ((rc = cover(a, bm_count(want) + 1)))
            return rc;
        if ((rc = pw_tree_grow(&a->index, bm_count(want) - 1)))
            return rc;
        b = a->image_blocks;
        a->image_blocks = want;
        a->nbm = bm_count(want);
    }
    /* Neither retained snapshot may lose a block: only a clear bit outside
     * quarantine, past the root slots, is ever handed out. */
    HAL_ASSERT(b >= PW_FIRST_DATA_BLOCK && b < a->image_blocks);
    HAL_ASSERT(!a->bm[b / PW_BITS_PER_BITMAP_BLOCK] ||
               !pw_bit_get(a->bm[b / PW_BITS_PER_BITMAP_BLOCK], b % PW_BITS_PER_BITMAP_BLOCK));
    HAL_ASSERT(!(a->quarantine && quarantined(a, b)));
    if ((rc = set_bit(a, b, true)))
        return rc;
    a->cursor = b + 1 < a->image_blocks ? b + 1 : PW_FIRST_DATA_BLOCK;
    *block = b;
    return 0;
}

void pw_balloc_supersede(pw_balloc *a, uint64_t block)
{
    if (pw_u64vec_push(&a->sup, block))
        a->sup_error = -ENOMEM;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* Reads the committed snapshot's superseded list (once per commit). */
static int load_prev(pw_balloc *a)
{
    if (a->prev_loaded)
        return 0;
    pw_entry e = a->prev_slist;
    pw_slist_block *blk = malloc(sizeof *blk);
    if (!blk)
        return -ENOMEM;
    int rc = 0;
    while (e.block && !rc) {
        if ((rc = pw_store_read_checked(a->store, &e, blk)))
            break;
        if (blk->magic != PW_SLIST_MAGIC || blk->count > PW_SLIST_PER_BLOCK) {
            rc = -EBADMSG;
            break;
        }
        if ((rc = pw_u64vec_push(&a->prev_chain, e.block)))
            break;
        for (uint32_t i = 0; i < blk->count && !rc; i++)
            rc = pw_u64vec_push(&a->prev_sup, blk->blocks[i]);
        e = blk->next;
    }
    free(blk);
    if (!rc && a->prev_sup.n != a->prev_slist_count)
        rc = -EBADMSG;
    if (rc) {
        a->prev_sup.n = a->prev_chain.n = 0;
        return rc;
    }
    if (a->prev_sup.n > 1)
        qsort(a->prev_sup.v, a->prev_sup.n, sizeof(uint64_t), cmp_u64);
    a->prev_loaded = true;
    return 0;
}

static int alloc_cb(void *ctx, uint64_t *block) { return pw_balloc_alloc(ctx, block); }
static void sup_cb(void *ctx, uint64_t block) { pw_balloc_supersede(ctx, block); }

int pw_balloc_assign(pw_balloc *a, pw_tree *t) { return pw_tree_assign(t, alloc_cb, sup_cb, a); }
static void kept_cb(void *ctx, uint64_t block)
{
    (void)ctx;
    (void)block;
}
int pw_balloc_assign_kept(pw_balloc *a, pw_tree *t) { return pw_tree_assign(t, alloc_cb, kept_cb, a); }

int pw_balloc_seal(pw_balloc *a, uint32_t gen, pw_rootslot *r)
{
    int rc = load_prev(a);
    if (rc)
        return rc;
    /* The committed list's own blocks belong to G, so G+1 supersedes them. */
    for (size_t i = 0; i < a->prev_chain.n; i++)
        pw_balloc_supersede(a, a->prev_chain.v[i]);
    a->quarantine = true;
    for (size_t i = 0; i < a->prev_sup.n; i++)
        if ((rc = set_bit(a, a->prev_sup.v[i], false)))
            return rc;

    for (bool changed = true; changed;) {
        changed = false;
        for (uint64_t i = 0; i < a->nbm; i++) {
            if (!a->bm_undo[i] || a->bm_new[i])
                continue;
            pw_entry old;
            if ((rc = pw_tree_get(&a->index, i, &old)) || (rc = pw_balloc_alloc(a, &a->bm_new[i])))
                return rc;
            if (old.block)
                pw_balloc_supersede(a, old.block);
            pw_entry placeholder = {a->bm_new[i], 0, gen};
            if ((rc = pw_tree_set(&a->index, i, &placeholder)))
                return rc;
            changed = true;
        }
        int n = pw_balloc_assign(a, &a->index);
        if (n < 0)
            return n;
        changed |= n > 0;
        size_t need = (a->sup.n + PW_SLIST_PER_BLOCK - 1) / PW_SLIST_PER_BLOCK;
        while (a->chain.n < need) {
            uint64_t b;
            if ((rc = pw_balloc_alloc(a, &b)) || (rc = pw_u64vec_push(&a->chain, b)))
                return rc;
            changed = true;
        }
    }
    if (a->sup_error)
        return a->sup_error;

    /* Contents are final: checksum and queue the writes. */
    for (uint64_t i = 0; i < a->nbm; i++) {
        if (!a->bm_new[i])
            continue;
        pw_entry e = {a->bm_new[i], pw_block_crc(a->bm[i]), gen};
        if ((rc = pw_tree_set(&a->index, i, &e)) ||
            (rc = pw_store_write(a->store, a->bm_new[i], a->bm[i])))
            return rc;
    }
    if ((rc = pw_tree_seal(&a->index, gen, &r->bitmap_root)))
        return rc;

    pw_slist_block *blk = calloc(1, sizeof *blk);
    if (!blk)
        return -ENOMEM;
    pw_entry next = {0, 0, 0};
    for (size_t k = a->chain.n; k-- > 0;) { /* last first: each names the next */
        memset(blk, 0, sizeof *blk);
        blk->magic = PW_SLIST_MAGIC;
        blk->generation = gen;
        blk->next = next;
        size_t first = k * PW_SLIST_PER_BLOCK;
        size_t cnt = a->sup.n - first < PW_SLIST_PER_BLOCK ? a->sup.n - first : PW_SLIST_PER_BLOCK;
        blk->count = (uint32_t)cnt;
        memcpy(blk->blocks, a->sup.v + first, cnt * sizeof(uint64_t));
        if ((rc = pw_store_write(a->store, a->chain.v[k], blk)))
            break;
        next = (pw_entry){a->chain.v[k], pw_block_crc(blk), gen};
    }
    free(blk);
    if (rc)
        return rc;
    r->slist_head = next;
    r->slist_count = a->sup.n;
    r->bitmap_levels = (uint8_t)a->index.levels;
    r->blocks_used = a->used;
    r->image_blocks = a->image_blocks;
    return 0;
}

void pw_balloc_commit_done(pw_balloc *a, const pw_rootslot *r)
{
    for (uint64_t i = 0; i < a->bm_cap; i++) {
        free(a->bm_undo[i]);
        a->bm_undo[i] = NULL;
        a->bm_new[i] = 0;
    }
    pw_tree_commit_done(&a->index, &r->bitmap_root);
    /* What this snapshot superseded is what the next one releases. */
    pw_u64vec_free(&a->prev_sup);
    pw_u64vec_free(&a->prev_chain);
    a->prev_sup = a->sup;
    a->prev_chain = a->chain;
    memset(&a->sup, 0, sizeof a->sup);
    memset(&a->chain, 0, sizeof a->chain);
    if (a->prev_sup.n > 1)
        qsort(a->prev_sup.v, a->prev_sup.n, sizeof(uint64_t), cmp_u64);
    a->prev_loaded = true;
    a->prev_slist = r->slist_head;
    a->prev_slist_count = r->slist_count;
    a->quarantine = false;
    a->used_committed = a->used;
    a->image_blocks_committed = a->image_blocks;
}

void pw_balloc_rollback(pw_balloc *a)
{
    for (uint64_t i = 0; i < a->bm_cap; i++) {
        if (a->bm_undo[i]) {
            memcpy(a->bm[i], a->bm_undo[i], PW_BLOCK_SIZE);
            free(a->bm_undo[i]);
            a->bm_undo[i] = NULL;
        }
        a->bm_new[i] = 0;
    }
    pw_tree_rollback(&a->index);
    a->sup.n = 0;
    a->chain.n = 0;
    a->quarantine = false;
    a->used = a->used_committed;
    a->image_blocks = a->image_blocks_committed;
    a->nbm = bm_count(a->image_blocks);
    a->sup_error = 0;
}
