/*
 * history.c - older snapshots kept by a retention policy, pins, and going
 * back to one of them (docs/DISK-FORMAT.md, section 9; docs/STORAGE.md).
 *
 * A version-2 root names, besides its own page map, a list of older
 * retained snapshots (records: generation, time, page-map root).  Every
 * commit of G+1 puts the committed G into that list, then drops the
 * records the policy no longer keeps.  Page-map blocks are shared by
 * every snapshot that has not changed them; a block is written once, for
 * one position of the map, and lives over a contiguous run of generations.
 * So a block of a snapshot K is used by another retained snapshot only if
 * the nearest retained snapshot before K or the nearest one after K has
 * the same block at the same position, and dropping K releases exactly the
 * blocks of K that neither neighbour has (unique_walk).  The released
 * blocks are superseded by the new root: they stay reserved while the
 * committed root (whose history still names K) is the fallback, and the
 * commit after next hands them out, as any superseded block.
 *
 * Invariants (fsck proves them, check.c):
 *   - records are in increasing generation order, all older than the root,
 *     and the newest is the root's predecessor whenever there is one;
 *   - bitmap(R) = blocks(R) + superseded(R) + {0, 1}, where blocks(R)
 *     includes every record's page map.
 */
#include "pw_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the policy ----------------------------------------------------------------- */

void pw_keep_default(pw_keep *k)
{
    memset(k, 0, sizeof *k);
    k->last = PW_KEEP_DEFAULT_LAST;
    k->minutely = PW_KEEP_DEFAULT_MINUTELY;
    k->hourly = PW_KEEP_DEFAULT_HOURLY;
}

/* A size: bytes, or a number with K, M, G or T (powers of 1024). */
static bool parse_size(const char *v, size_t len, uint64_t *bytes)
{
    uint64_t n = 0;
    size_t i = 0;
    for (; i < len && isdigit((unsigned char)v[i]); i++) {
        if (n > (UINT64_MAX - 9) / 10)
            return false;
        n = n * 10 + (uint64_t)(v[i] - '0');
    }
    if (!i)
        return false;
    unsigned shift = 0;
    if (i < len) {
        const char *u = strchr("KMGT", toupper((unsigned char)v[i]));
        if (!u || !*u)
            return false;
        shift = 10 * (unsigned)(u - "KMGT" + 1);
        i++;
    }
    if (i != len || (n << shift >> shift) != n)
        return false;
    *bytes = n << shift;
    return true;
}

bool pw_keep_parse(const char *text, pw_keep *k, char *why, size_t whylen)
{
    pw_keep_default(k);
    if (!*text) {
        snprintf(why, whylen, "the policy is empty (expected last=N, minutely=N, hourly=N, daily=N, "
                 "budget=SIZE, separated by commas, or none)");
        return false;
    }
    if (!strcmp(text, "none")) {
        memset(k, 0, sizeof *k);
        return true;
    }
    static const char *const names[] = {"last", "minutely", "hourly", "daily", "budget"};
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        size_t nlen = eq ? (size_t)(eq - p) : len;
        int which = -1;
        for (int i = 0; i < 5; i++)
            if (strlen(names[i]) == nlen && !strncmp(p, names[i], nlen))
                which = i;
        if (which < 0 || !eq) {
            snprintf(why, whylen,
                     "'%.*s' is not a setting (expected last=N, minutely=N, hourly=N, daily=N, "
                     "budget=SIZE, separated by commas, or none)",
                     (int)len, p);
            return false;
        }
        const char *v = eq + 1;
        size_t vlen = len - nlen - 1;
        uint64_t n;
        if (which == 4) {
            if (!parse_size(v, vlen, &n) || (n && n < 64 * PW_BLOCK_SIZE)) {
                snprintf(why, whylen,
                         "budget: '%.*s' is not a size of at least 256K (bytes, or a number "
                         "with K, M, G or T, such as 512M), or 0 for no budget",
                         (int)vlen, v);
                return false;
            }
            k->budget_blocks = n / PW_BLOCK_SIZE;
        } else {
            if (!parse_size(v, vlen, &n) || !isdigit((unsigned char)v[vlen - 1]) ||
                n > PW_KEEP_MAX) {
                snprintf(why, whylen, "%s: '%.*s' is not a number from 0 to %u", names[which],
                         (int)vlen, v, PW_KEEP_MAX);
                return false;
            }
            uint16_t *f[4] = {&k->last, &k->minutely, &k->hourly, &k->daily};
            *f[which] = (uint16_t)n;
        }
        p = end ? end + 1 : p + len;
        if (end && !*p) {
            snprintf(why, whylen, "a comma ends the policy");
            return false;
        }
    }
    return true;
}

void pw_keep_format(const pw_keep *k, char *out, size_t n)
{
    int len = snprintf(out, n, "last=%u,minutely=%u,hourly=%u,daily=%u", k->last, k->minutely,
                       k->hourly, k->daily);
    if (k->budget_blocks && len >= 0 && (size_t)len < n) {
        uint64_t b = k->budget_blocks * PW_BLOCK_SIZE;
        const char *u = "";
        if (!(b % (1ull << 30))) {
            b >>= 30;
            u = "G";
        } else if (!(b % (1ull << 20))) {
            b >>= 20;
            u = "M";
        } else {
            b >>= 10;
            u = "K";
        }
        snprintf(out + len, n - (size_t)len, ",budget=%llu%s", (unsigned long long)b, u);
    }
}

/* Keeps the first record of each of the last `count` periods (counted back
 * from now's period). */
static void keep_tier(const pw_hist_rec *h, size_t n, uint64_t now, uint64_t period, uint64_t count,
                      bool *keep)
{
    if (!count)
        return;
    uint64_t cur = now / period;
    for (size_t i = 0; i < n; i++) {
        uint64_t b = h[i].wall_ns / period;
        if (b > cur || cur - b >= count)
            continue;
        if (i == 0 || h[i - 1].wall_ns / period != b)
            keep[i] = true;
    }
}

void pw_history_decide(const pw_hist_rec *h, size_t n, uint64_t now_ns, const pw_keep *k,
                       bool *keep)
{
    for (size_t i = 0; i < n; i++)
        keep[i] = h[i].pinned || i + k->last >= n;
    const uint64_t minute = 60000000000ull;
    keep_tier(h, n, now_ns, minute, k->minutely, keep);
    keep_tier(h, n, now_ns, 60 * minute, k->hourly, keep);
    keep_tier(h, n, now_ns, 24 * 60 * minute, k->daily, keep);
    if (n)
        keep[n - 1] = true; /* the fallback */
}

/* ---- reading ----------------------------------------------------------------------- */

int pw_history_load(pw_store *s, const pw_rootslot *r, pw_hist_rec **out, size_t *n,
                    pw_u64vec *chain, char *why, size_t whylen)
{
    *out = NULL;
    *n = 0;
    if (!r->history_count && !r->history_head.block)
        return 0;
    pw_hist_rec *v = calloc(r->history_count ? r->history_count : 1, sizeof *v);
    pw_hist_block *blk = malloc(sizeof *blk);
    int rc = v && blk ? 0 : -ENOMEM;
    size_t got = 0;
    pw_entry e = r->history_head;
    while (!rc && e.block) {
        if (e.block >= r->image_blocks || (rc = pw_store_read_checked(s, &e, blk))) {
            snprintf(why, whylen, "history block %llu: %s", (unsigned long long)e.block,
                     rc ? hal_strerror(rc) : "outside the image");
            rc = rc ? rc : -EBADMSG;
            break;
        }
        if (blk->magic != PW_HIST_MAGIC || !blk->count || blk->count > PW_HIST_PER_BLOCK ||
            got + blk->count > r->history_count) {
            snprintf(why, whylen, "history block %llu is malformed", (unsigned long long)e.block);
            rc = -EBADMSG;
            break;
        }
        if (chain && (rc = pw_u64vec_push(chain, e.block)))
            break;
        for (uint32_t i = 0; i < blk->count; i++, got++) {
            const pw_hist_rec *h = &blk->rec[i];
            if (h->generation >= r->generation || (got && h->generation <= v[got - 1].generation) ||
                h->map_levels != r->map_levels || h->map_root.block >= r->image_blocks) {
                snprintf(why, whylen, "history record of generation %llu is inconsistent",
                         (unsigned long long)h->generation);
                rc = -EBADMSG;
                break;
            }
            v[got] = *h;
        }
        e = blk->next;
    }
    if (!rc && got != r->history_count) {
        snprintf(why, whylen, "the history holds %zu records, the root says %u", got,
                 r->history_count);
        rc = -EBADMSG;
    }
    free(blk);
    if (rc) {
        free(v);
        if (chain)
            chain->n = 0;
        if (rc == -ENOMEM)
            snprintf(why, whylen, "out of memory");
        return rc;
    }
    *out = v;
    *n = got;
    return 0;
}

/* ---- what a snapshot has that its neighbours do not --------------------------------- */

typedef void (*unique_fn)(void *ctx, const pw_entry *e, bool is_data, uint64_t idx);

static int read_node(pw_store *s, const pw_entry *e, pw_entry *node)
{
    if (!e->block) {
        memset(node, 0, PW_BLOCK_SIZE);
        return 0;
    }
    return pw_store_read_checked(s, e, node);
}

/* Calls fn for every block of the subtree k (a node at `level`) that is
 * not at the same position in p or n (either may be absent).  A node that
 * p or n shares is a shared subtree: nothing below it is unique. */
static int unique_walk(pw_store *s, const pw_entry *k, const pw_entry *p, const pw_entry *n,
                       int level, uint64_t idx, unique_fn fn, void *ctx)
{
    if (!k->block || k->block == p->block || k->block == n->block)
        return 0;
    fn(ctx, k, false, idx);
    pw_entry *nodes = malloc(3 * PW_BLOCK_SIZE);
    if (!nodes)
        return -ENOMEM;
    pw_entry *kn = nodes, *pn = nodes + PW_FANOUT, *nn = nodes + 2 * PW_FANOUT;
    int rc = read_node(s, k, kn);
    if (!rc)
        rc = read_node(s, p, pn);
    if (!rc)
        rc = read_node(s, n, nn);
    for (unsigned i = 0; i < PW_FANOUT && !rc; i++) {
        uint64_t child = (idx << PW_FANOUT_BITS) | i;
        if (level > 0)
            rc = unique_walk(s, &kn[i], &pn[i], &nn[i], level - 1, child, fn, ctx);
        else if (kn[i].block && kn[i].block != pn[i].block && kn[i].block != nn[i].block)
            fn(ctx, &kn[i], true, child);
    }
    free(nodes);
    return rc;
}

/* ---- committing ---------------------------------------------------------------------- */

typedef struct dropping {
    pw_balloc *a;
    uint64_t freed;
} dropping;

static void release(void *ctx, const pw_entry *e, bool is_data, uint64_t idx)
{
    (void)is_data;
    (void)idx;
    dropping *d = ctx;
    pw_balloc_supersede(d->a, e->block);
    d->freed++;
}

/* Drops record i of h (n records, dropped[] marks those gone already):
 * releases what neither retained neighbour shares. */
static int drop(pw_world *w, pw_hist_rec *h, size_t n, bool *dropped, size_t i, dropping *d)
{
    static const pw_entry none = {0, 0, 0};
    const pw_entry *p = &none, *nx = NULL;
    for (size_t j = i; j-- > 0;)
        if (!dropped[j]) {
            p = &h[j].map_root;
            break;
        }
    for (size_t j = i + 1; j < n && !nx; j++)
        if (!dropped[j])
            nx = &h[j].map_root;
    HAL_ASSERT(nx); /* the newest record is never dropped, so K has a newer neighbour */
    dropped[i] = true;
    return unique_walk(&w->store, &h[i].map_root, p, nx, h[i].map_levels - 1, 0, release, d);
}

static bool in_list(const pw_u64vec *v, size_t upto, uint64_t g)
{
    for (size_t i = 0; i < upto; i++)
        if (v->v[i] == g)
            return true;
    return false;
}

/* The committed root joins the history; pins and unpins asked for since
 * the last snapshot apply. */
static int history_next(pw_world *w, pw_hist_rec **out, size_t *n)
{
    const pw_rootslot *c = &w->committed;
    size_t m = w->nhist + (c->generation ? 1 : 0);
    pw_hist_rec *h = calloc(m ? m : 1, sizeof *h);
    if (!h)
        return -ENOMEM;
    if (w->nhist)
        memcpy(h, w->hist, w->nhist * sizeof *h);
    if (c->generation)
        h[m - 1] = (pw_hist_rec){.generation = c->generation,
                                 .wall_ns = c->wall_ns,
                                 .map_root = c->map_root,
                                 .pages_present = c->pages_present,
                                 .map_levels = c->map_levels};
    hal_mutex_lock(&w->pin_lock);
    w->pins_taken = w->pin_want.n;
    w->unpins_taken = w->unpin_want.n;
    for (size_t i = 0; i < m; i++) {
        if (in_list(&w->pin_want, w->pins_taken, h[i].generation))
            h[i].pinned = 1;
        if (in_list(&w->unpin_want, w->unpins_taken, h[i].generation))
            h[i].pinned = 0;
    }
    hal_mutex_unlock(&w->pin_lock);
    *out = h;
    *n = m;
    return 0;
}

/* Writes the chain of records h[0..n) (last block first: each names the
 * next) into newly allocated blocks. */
static int write_chain(pw_world *w, const pw_hist_rec *h, size_t n, uint32_t gen, pw_entry *head)
{
    pw_balloc *a = &w->balloc;
    size_t nb = (n + PW_HIST_PER_BLOCK - 1) / PW_HIST_PER_BLOCK;
    int rc = 0;
    for (size_t k = 0; k < nb && !rc; k++) {
        uint64_t b;
        if (!(rc = pw_balloc_alloc(a, &b)))
            rc = pw_u64vec_push(&w->hist_chain_new, b);
    }
    pw_hist_block *blk = calloc(1, sizeof *blk);
    if (!blk)
        return -ENOMEM;
    pw_entry next = {0, 0, 0};
    for (size_t k = nb; k-- > 0 && !rc;) {
        memset(blk, 0, sizeof *blk);
        blk->magic = PW_HIST_MAGIC;
        blk->generation = gen;
        blk->next = next;
        size_t first = k * PW_HIST_PER_BLOCK;
        blk->count = (uint32_t)(n - first < PW_HIST_PER_BLOCK ? n - first : PW_HIST_PER_BLOCK);
        memcpy(blk->rec, h + first, blk->count * sizeof *h);
        if (!(rc = pw_store_write(&w->store, w->hist_chain_new.v[k], blk)))
            next = (pw_entry){w->hist_chain_new.v[k], pw_block_crc(blk), gen};
    }
    free(blk);
    *head = next;
    return rc;
}

int pw_history_commit(pw_world *w, pw_rootslot *r)
{
    pw_balloc *a = &w->balloc;
    free(w->hist_new);
    w->hist_new = NULL;
    w->hist_chain_new.n = 0;
    pw_hist_rec *h;
    size_t n;
    int rc = history_next(w, &h, &n);
    if (rc)
        return rc;
    bool *keep = calloc(n + 1, 2 * sizeof *keep), *dropped = keep + n + 1;
    if (!keep) {
        free(h);
        return -ENOMEM;
    }
    pw_history_decide(h, n, r->wall_ns, &w->keep, keep);
    dropping d = {a, 0};
    for (size_t i = 0; i < n && !rc; i++)
        if (!keep[i])
            rc = drop(w, h, n, dropped, i, &d);
    /* The budget: blocks in use once the superseded blocks of the
     * committed root and those released here are free again. */
    uint64_t budget = w->keep.budget_blocks;
    for (size_t i = 0; budget && i + 1 < n && !rc; i++) {
        uint64_t gone = a->prev_slist_count + d.freed;
        if (a->used <= gone || a->used - gone <= budget)
            break;
        if (!dropped[i] && !h[i].pinned)
            rc = drop(w, h, n, dropped, i, &d);
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!dropped[i])
            h[m++] = h[i];
    free(keep);
    /* The records stay in generation order, and the committed root (the
     * fallback once this commits) is always the newest of them. */
    HAL_ASSERT(!w->committed.generation || (m && h[m - 1].generation == w->committed.generation));
    for (size_t i = 1; i < m; i++)
        HAL_ASSERT(h[i - 1].generation < h[i].generation);
    w->hist_new = h;
    w->nhist_new = m;
    if (rc)
        return rc;
    for (size_t i = 0; i < w->hist_chain.n; i++) /* the committed chain is replaced */
        pw_balloc_supersede(a, w->hist_chain.v[i]);
    if ((rc = write_chain(w, h, m, (uint32_t)r->generation, &r->history_head)))
        return rc;
    r->history_count = (uint32_t)m;
    r->flags = w->keep_set ? PW_ROOT_KEEP_SET : 0;
    r->keep_last = w->keep_set ? w->keep.last : 0;
    r->keep_minutely = w->keep_set ? w->keep.minutely : 0;
    r->keep_hourly = w->keep_set ? w->keep.hourly : 0;
    r->keep_daily = w->keep_set ? w->keep.daily : 0;
    r->keep_budget_blocks = w->keep_set ? w->keep.budget_blocks : 0;
    return 0;
}

static void drop_front(pw_u64vec *v, size_t k)
{
    if (!k)
        return;
    memmove(v->v, v->v + k, (v->n - k) * sizeof *v->v);
    v->n -= k;
}

void pw_history_commit_done(pw_world *w, bool ok)
{
    if (ok) {
        free(w->hist);
        w->hist = w->hist_new;
        w->nhist = w->nhist_new;
        pw_u64vec t = w->hist_chain;
        w->hist_chain = w->hist_chain_new;
        w->hist_chain_new = t;
        hal_mutex_lock(&w->pin_lock);
        drop_front(&w->pin_want, w->pins_taken);
        drop_front(&w->unpin_want, w->unpins_taken);
        hal_mutex_unlock(&w->pin_lock);
    } else {
        free(w->hist_new);
    }
    w->hist_new = NULL;
    w->nhist_new = 0;
    w->hist_chain_new.n = 0;
    w->pins_taken = w->unpins_taken = 0;
}

/* ---- pins --------------------------------------------------------------------------- */

uint64_t pw_pin_newest(pw_world *w)
{
    hal_mutex_lock(&w->map_lock);
    uint64_t g = w->committed.generation;
    hal_mutex_unlock(&w->map_lock);
    hal_mutex_lock(&w->pin_lock);
    int rc = pw_u64vec_push(&w->pin_want, g);
    hal_mutex_unlock(&w->pin_lock);
    if (rc)
        pw_log(w, PW_LOG_WARN, "%s: out of memory: generation %llu is not pinned", w->path,
               (unsigned long long)g);
    return g;
}

int pw_unpin(pw_world *w, uint64_t generation)
{
    bool known = false;
    hal_mutex_lock(&w->map_lock);
    for (size_t i = 0; i < w->nhist; i++)
        known |= w->hist[i].generation == generation;
    known |= w->committed.generation == generation;
    hal_mutex_unlock(&w->map_lock);
    if (!known)
        return -ENOENT;
    hal_mutex_lock(&w->pin_lock);
    int rc = pw_u64vec_push(&w->unpin_want, generation);
    hal_mutex_unlock(&w->pin_lock);
    return rc;
}

/* ---- opening: view and rollback ------------------------------------------------------ */

static const pw_hist_rec *find_rec(pw_world *w, uint64_t g, char *why, size_t whylen)
{
    for (size_t i = 0; i < w->nhist; i++)
        if (w->hist[i].generation == g)
            return &w->hist[i];
    snprintf(why, whylen,
             "generation %llu is not retained (phantom snapshots --image %s lists those that are)",
             (unsigned long long)g, w->path);
    return NULL;
}

int pw_history_open(pw_world *w, char *why, size_t whylen)
{
    const pw_rootslot *c = &w->committed;
    if (w->opt.keep) {
        w->keep = *w->opt.keep;
        w->keep_set = true;
    } else if (c->flags & PW_ROOT_KEEP_SET) {
        w->keep = (pw_keep){c->keep_last, c->keep_minutely, c->keep_hourly, c->keep_daily,
                            c->keep_budget_blocks};
        w->keep_set = true;
    } else {
        pw_keep_default(&w->keep);
    }
    char hw[200];
    int rc = pw_history_load(&w->store, c, &w->hist, &w->nhist, &w->hist_chain, hw, sizeof hw);
    if (rc) {
        snprintf(why, whylen, "the snapshot history of generation %llu is damaged (%s); run phantom fsck %s",
                 (unsigned long long)c->generation, hw, w->path);
        return rc;
    }
    uint64_t g = w->opt.view_generation;
    if (!g)
        return 0;
    w->readonly = true;   /* a view, of the newest generation too, never writes */
    if (g == c->generation)
        return 0;
    const pw_hist_rec *h = find_rec(w, g, why, whylen);
    if (!h)
        return -ENOENT;
    pw_tree_fini(&w->map);
    pw_tree_init(&w->map, &w->store, h->map_root, h->map_levels);
    return 0;
}

typedef struct positions {
    pw_u64vec pages;
    int rc;
} positions;

static void note_page(void *ctx, const pw_entry *e, bool is_data, uint64_t idx)
{
    (void)e;
    positions *p = ctx;
    if (is_data && !p->rc)
        p->rc = pw_u64vec_push(&p->pages, idx);
}

/* Every page that differs between the committed snapshot and generation
 * rollback_to gets that generation's content, written through the space
 * (a mutator's write), so the next snapshot stores it as new blocks and
 * every retained snapshot stays as it was. */
int pw_history_rollback(pw_world *w, char *why, size_t whylen)
{
    uint64_t g = w->opt.rollback_to;
    const pw_rootslot *c = &w->committed;
    if (!g || g == c->generation)
        return 0;
    const pw_hist_rec *h = find_rec(w, g, why, whylen);
    if (!h)
        return -ENOENT;
    static const pw_entry none = {0, 0, 0};
    positions p = {{0}, 0};
    int rc = unique_walk(&w->store, &h->map_root, &c->map_root, &none, h->map_levels - 1, 0,
                         note_page, &p);
    if (!rc)
        rc = unique_walk(&w->store, &c->map_root, &h->map_root, &none, c->map_levels - 1, 0,
                         note_page, &p);
    if (!rc)
        rc = p.rc;
    pw_tree old;
    pw_tree_init(&old, &w->store, h->map_root, h->map_levels);
    uint8_t *buf = malloc(PW_BLOCK_SIZE);
    if (!buf && !rc)
        rc = -ENOMEM;
    for (size_t i = 0; i < p.pages.n && !rc; i++) {
        pw_entry e;
        if ((rc = pw_tree_get(&old, p.pages.v[i], &e)))
            break;
        if (e.block)
            rc = pw_store_read_checked(&w->store, &e, buf);
        else
            memset(buf, 0, PW_BLOCK_SIZE);
        if (!rc)
            memcpy(w->base + p.pages.v[i] * PW_BLOCK_SIZE, buf, PW_BLOCK_SIZE);
    }
    free(buf);
    pw_tree_fini(&old);
    size_t changed = p.pages.n;
    pw_u64vec_free(&p.pages);
    if (rc)
        snprintf(why, whylen, "cannot read generation %llu to go back to it: %s", (unsigned long long)g,
                 hal_strerror(rc));
    else
        pw_log(w, PW_LOG_INFO, "%s: going back to generation %llu (%zu pages differ)", w->path,
               (unsigned long long)g, changed);
    return rc;
}

void pw_history_close(pw_world *w)
{
    free(w->hist);
    free(w->hist_new);
    pw_u64vec_free(&w->hist_chain);
    pw_u64vec_free(&w->hist_chain_new);
    pw_u64vec_free(&w->pin_want);
    pw_u64vec_free(&w->unpin_want);
}
