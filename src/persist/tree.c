/*
 * tree.c - the copy-on-write radix tree behind the page map and the
 * allocation bitmap's index.
 *
 * A tree of L levels maps an index of 8*L bits to an entry.  Nodes are 256
 * entries (one block); level 0 entries point at payload blocks, level k>0
 * entries at level k-1 nodes.  Nodes are loaded on demand and verified
 * against the checksum in their parent's entry.
 *
 * Invariants:
 *   - a node is dirty iff it differs from its committed block; every
 *     ancestor of a dirty node is dirty;
 *   - a dirty node keeps its committed content in undo until the commit
 *     ends, so an abandoned snapshot can be rolled back in memory;
 *   - committed blocks are never rewritten: a dirty node is written to a
 *     freshly assigned block, and its old block is reported superseded.
 */
#include "pw_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

uint64_t pw_tree_capacity(int levels)
{
    return levels >= 8 ? UINT64_MAX : 1ull << (PW_FANOUT_BITS * (unsigned)levels);
}

int pw_levels_for(uint64_t nidx)
{
    int l = 1;
    while (pw_tree_capacity(l) < nidx)
        l++;
    return l;
}

static unsigned slot_of(uint64_t idx, unsigned level)
{
    return (unsigned)(idx >> (PW_FANOUT_BITS * level)) & (PW_FANOUT - 1);
}

static tnode *node_new(unsigned level)
{
    tnode *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->level = (uint8_t)level;
    if (level > 0) {
        n->child = calloc(PW_FANOUT, sizeof *n->child);
        if (!n->child) {
            free(n);
            return NULL;
        }
    }
    return n;
}

static void node_free(tnode *n)
{
    if (!n)
        return;
    if (n->child)
        for (unsigned i = 0; i < PW_FANOUT; i++)
            node_free(n->child[i]);
    free(n->child);
    free(n->undo);
    free(n);
}

static int node_load(pw_tree *t, const pw_entry *e, unsigned level, tnode **out)
{
    tnode *n = node_new(level);
    if (!n)
        return -ENOMEM;
    if (e->block) {
        int rc = pw_store_read_checked(t->store, e, n->e);
        if (rc) {
            node_free(n);
            return rc;
        }
        n->old_block = e->block;
    }
    *out = n;
    return 0;
}

void pw_tree_init(pw_tree *t, pw_store *s, pw_entry root, int levels)
{
    memset(t, 0, sizeof *t);
    t->store = s;
    t->root_entry = root;
    t->levels = levels;
    t->committed_levels = levels;
}

void pw_tree_fini(pw_tree *t)
{
    node_free(t->root);
    t->root = NULL;
}

static int get_root(pw_tree *t)
{
    if (t->root)
        return 0;
    return node_load(t, &t->root_entry, (unsigned)t->levels - 1, &t->root);
}

static int get_child(pw_tree *t, tnode *n, unsigned s, tnode **out)
{
    if (!n->child[s]) {
        int rc = node_load(t, &n->e[s], n->level - 1u, &n->child[s]);
        if (rc)
            return rc;
    }
    *out = n->child[s];
    return 0;
}

int pw_tree_get(pw_tree *t, uint64_t idx, pw_entry *out)
{
    memset(out, 0, sizeof *out);
    if (idx >= pw_tree_capacity(t->levels))
        return 0;
    if (!t->root && !t->root_entry.block)
        return 0;
    int rc = get_root(t);
    if (rc)
        return rc;
    tnode *n = t->root;
    while (n->level > 0) {
        unsigned s = slot_of(idx, n->level);
        if (!n->child[s] && !n->e[s].block)
            return 0; /* absent subtree */
        if ((rc = get_child(t, n, s, &n)))
            return rc;
    }
    *out = n->e[slot_of(idx, 0)];
    return 0;
}

int pw_tree_next(pw_tree *t, uint64_t *idx, pw_entry *out)
{
    if (!t->root && !t->root_entry.block)
        return 0;
    int rc = get_root(t);
    if (rc)
        return rc;
    uint64_t cap = pw_tree_capacity(t->levels);
    for (uint64_t i = *idx; i < cap;) {
        tnode *n = t->root;
        uint64_t span = 1;   /* indexes an absent entry at n's level covers */
        while (n->level > 0) {
            unsigned s = slot_of(i, n->level);
            if (!n->child[s] && !n->e[s].block) {
                span = 1ull << (PW_FANOUT_BITS * n->level);
                break;
            }
            if ((rc = get_child(t, n, s, &n)))
                return rc;
        }
        if (n->level == 0 && n->e[slot_of(i, 0)].block) {
            *idx = i;
            *out = n->e[slot_of(i, 0)];
            return 1;
        }
        i = (i / span + 1) * span;   /* the next subtree */
    }
    return 0;
}

static int make_dirty(tnode *n)
{
    if (n->dirty)
        return 0;
    n->undo = malloc(sizeof n->e);
    if (!n->undo)
        return -ENOMEM;
    memcpy(n->undo, n->e, sizeof n->e);
    n->dirty = true;
    return 0;
}

int pw_tree_set(pw_tree *t, uint64_t idx, const pw_entry *e)
{
    if (idx >= pw_tree_capacity(t->levels))
        return -ERANGE;
    int rc = get_root(t);
    if (rc)
        return rc;
    tnode *n = t->root;
    for (;;) {
        if ((rc = make_dirty(n)))
            return rc;
        if (n->level == 0)
            break;
        if ((rc = get_child(t, n, slot_of(idx, n->level), &n)))
            return rc;
    }
    HAL_ASSERT(n->dirty && n->undo); /* the whole path is dirty, with its undo */
    n->e[slot_of(idx, 0)] = *e;
    return 0;
}

int pw_tree_grow(pw_tree *t, uint64_t max_idx)
{
    while (max_idx >= pw_tree_capacity(t->levels)) {
        if (t->levels >= (int)PW_MAX_LEVELS)
            return -EFBIG;
        int rc = get_root(t);
        if (rc)
            return rc;
        tnode *top = node_new((unsigned)t->levels);
        if (!top)
            return -ENOMEM;
        top->child[0] = t->root;
        top->e[0] = t->root_entry;
        if ((rc = make_dirty(top))) {
            node_free(top);
            return rc;
        }
        /* The new root has no committed version: rollback empties it. */
        memset(top->undo, 0, sizeof top->e);
        top->undo[0] = t->root_entry;
        t->root = top;
        t->levels++;
    }
    return 0;
}

static int assign(tnode *n, pw_alloc_fn alloc, pw_supersede_fn sup, void *ctx)
{
    if (!n || !n->dirty)
        return 0;
    int count = 0;
    if (n->child)
        for (unsigned i = 0; i < PW_FANOUT; i++) {
            int c = assign(n->child[i], alloc, sup, ctx);
            if (c < 0)
                return c;
            count += c;
        }
    if (!n->new_block) {
        int rc = alloc(ctx, &n->new_block);
        if (rc)
            return rc;
        if (n->old_block)
            sup(ctx, n->old_block);
        count++;
    }
    /* Copy-on-write: a dirty node is never written over its committed block. */
    HAL_ASSERT(n->new_block >= PW_FIRST_DATA_BLOCK && n->new_block != n->old_block);
    return count;
}

int pw_tree_assign(pw_tree *t, pw_alloc_fn alloc, pw_supersede_fn sup, void *ctx)
{
    return assign(t->root, alloc, sup, ctx);
}

static int seal(pw_tree *t, tnode *n, uint32_t gen, pw_entry *out)
{
    HAL_ASSERT(n->dirty && n->new_block); /* pw_tree_assign ran first */
    if (n->child)
        for (unsigned i = 0; i < PW_FANOUT; i++)
            if (n->child[i] && n->child[i]->dirty) {
                int rc = seal(t, n->child[i], gen, &n->e[i]);
                if (rc)
                    return rc;
            }
    out->block = n->new_block;
    out->crc = pw_block_crc(n->e);
    out->gen = gen;
    return pw_store_write(t->store, n->new_block, n->e);
}

int pw_tree_seal(pw_tree *t, uint32_t gen, pw_entry *root_out)
{
    if (!t->root || !t->root->dirty) {
        *root_out = t->root_entry;
        return 0;
    }
    return seal(t, t->root, gen, root_out);
}

static void done(tnode *n)
{
    if (!n || !n->dirty)
        return;
    if (n->child)
        for (unsigned i = 0; i < PW_FANOUT; i++)
            done(n->child[i]);
    n->old_block = n->new_block;
    n->new_block = 0;
    free(n->undo);
    n->undo = NULL;
    n->dirty = false;
}

void pw_tree_commit_done(pw_tree *t, const pw_entry *root)
{
    done(t->root);
    HAL_ASSERT(!t->root || (!t->root->dirty && t->root->old_block == root->block));
    t->root_entry = *root;
    t->committed_levels = t->levels;
}

static void rollback(tnode *n)
{
    if (!n || !n->dirty)
        return;
    if (n->child)
        for (unsigned i = 0; i < PW_FANOUT; i++)
            rollback(n->child[i]);
    memcpy(n->e, n->undo, sizeof n->e);
    free(n->undo);
    n->undo = NULL;
    n->new_block = 0;
    n->dirty = false;
}

void pw_tree_rollback(pw_tree *t)
{
    /* Roots added by pw_tree_grow have no committed version: remove them. */
    while (t->levels > t->committed_levels) {
        tnode *top = t->root;
        t->root = top->child[0];
        top->child[0] = NULL;
        node_free(top);
        t->levels--;
    }
    rollback(t->root);
}
