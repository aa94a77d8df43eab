/*
 * heap.c - allocation inside the persistent space.
 *
 * All allocator state lives in the space itself (page 0 holds the header),
 * so it is captured by the same snapshot as the data it describes and is
 * always consistent with it after a restart.  Pointers are absolute
 * addresses: the space is always mapped at the same base.
 *
 * Pages: a bump pointer plus an address-ordered list of free runs, coalesced
 * on free.  Freed pages are zeroed, which makes them holes in the next
 * snapshot (no data block, no write), all but the first page of each free
 * run, which holds the run's 16-byte header.  Zeroing touches the pages, so
 * freeing a large run that is not resident reads it in first; a discard
 * that skips that is a possible improvement.
 * Small blocks: segregated free lists by size class, carved from pages;
 * each block carries a 16-byte header naming its class, so pw_free needs no
 * size.  Requests above the largest class get whole pages.
 */
#include "pw_internal.h"

#include <errno.h>
#include <string.h>

#define HEADER_MAGIC 0x31444c524f574850ull /* "PHWORLD1" */
#define HEADER_VERSION 1u
#define BLOCK_MAGIC 0x4b4c42u             /* "BLK" */
#define BLOCK_HDR 16u

static const uint32_t class_size[] = {32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 2048};
#define NCLASS (sizeof class_size / sizeof class_size[0])
#define LARGE NCLASS

struct pw_header {
    uint64_t magic;
    uint32_t version;
    uint32_t page_size;
    uint64_t root;             /* the program's root pointer */
    uint64_t next_page;        /* pages below are allocated or on free_runs */
    uint64_t free_runs;        /* address of the first free run */
    uint64_t class_free[NCLASS];
    uint64_t pages_in_use;
};

typedef struct run {
    uint64_t npages;
    uint64_t next;             /* address of the next run, higher address */
} run;

typedef struct block_hdr {
    uint32_t magic;
    uint32_t cls;              /* class index, or LARGE */
    uint64_t info;             /* LARGE: npages; free small block: next */
} block_hdr;

_Static_assert(sizeof(block_hdr) == BLOCK_HDR, "block header");
_Static_assert(sizeof(struct pw_header) <= PW_BLOCK_SIZE, "header fits page 0");

int pw_heap_init(pw_world *w)
{
    pw_header *h = (pw_header *)w->base;
    w->hdr = h;
    if (h->magic == 0 && h->next_page == 0) { /* a fresh space */
        h->magic = HEADER_MAGIC;
        h->version = HEADER_VERSION;
        h->page_size = PW_BLOCK_SIZE;
        h->next_page = 1;
        h->pages_in_use = 1;
        return 0;
    }
    if (h->magic != HEADER_MAGIC || h->version != HEADER_VERSION || h->page_size != PW_BLOCK_SIZE)
        return -EBADMSG;
    return 0;
}

void *pw_root(pw_world *w) { return (void *)(uintptr_t)w->hdr->root; }
void pw_set_root(pw_world *w, void *p) { w->hdr->root = (uint64_t)(uintptr_t)p; }

static uint8_t *page_addr(pw_world *w, uint64_t pg) { return w->base + pg * PW_BLOCK_SIZE; }

/* Debug builds, after every page operation: the free runs are in address
 * order, lie between page 1 and the bump pointer, never touch each other
 * (pages_give merges neighbours) and the last never touches the bump
 * pointer (it would have gone back to it); with the pages in use they
 * account for every page below the bump pointer. */
static void check_pages(pw_world *w)
{
    if (!HAL_DEBUG)
        return;
    const pw_header *h = w->hdr;
    uint64_t free_pages = 0, prev_end = (uint64_t)(uintptr_t)page_addr(w, 1);
    for (uint64_t a = h->free_runs; a; a = ((const run *)(uintptr_t)a)->next) {
        const run *r = (const run *)(uintptr_t)a;
        HAL_ASSERT(a % PW_BLOCK_SIZE == 0 && r->npages > 0);
        HAL_ASSERT(a >= prev_end && (a > prev_end || prev_end == (uint64_t)(uintptr_t)page_addr(w, 1)));
        prev_end = a + r->npages * PW_BLOCK_SIZE;
        HAL_ASSERT(prev_end < (uint64_t)(uintptr_t)page_addr(w, h->next_page));
        free_pages += r->npages;
    }
    HAL_ASSERT(h->pages_in_use + free_pages == h->next_page);
}

/* Pages handed out are written by their new owner at once (a span's free
 * list, an object's header, a run header cleared), so the first
 * POPULATE_MAX of them are made resident and writable in one go rather
 * than one fault each.  Beyond that (a large array) the pages fault in as
 * they are touched, so a huge allocation does not cost its whole size in
 * memory at once. */
#define POPULATE_MAX 256u

static void populate(pw_world *w, const uint8_t *p, size_t n)
{
    uint64_t first = (uint64_t)(p - w->base) / PW_BLOCK_SIZE;
    hal_tmem_populate(w->mem, first, n < POPULATE_MAX ? n : POPULATE_MAX);
}

static void *pages_take(pw_world *w, size_t n)
{
    pw_header *h = w->hdr;
    uint64_t *link = &h->free_runs;
    while (*link) {
        run *r = (run *)(uintptr_t)*link;
        if (r->npages >= n) {
            /* The whole run, or its tail: the run header stays put. */
            uint8_t *p = (uint8_t *)r + (r->npages - n) * PW_BLOCK_SIZE;
            populate(w, p, n);
            if (r->npages == n) {
                *link = r->next;
                memset(p, 0, sizeof *r);
            } else {
                r->npages -= n;
            }
            h->pages_in_use += n;
            check_pages(w);
            return p;
        }
        link = &r->next;
    }
    if (h->next_page + n > w->size / PW_BLOCK_SIZE)
        return NULL;
    uint8_t *p = page_addr(w, h->next_page);
    populate(w, p, n);
    h->next_page += n;
    h->pages_in_use += n;
    check_pages(w);
    return p;
}

static void pages_give(pw_world *w, uint8_t *p, size_t n)
{
    pw_header *h = w->hdr;
    HAL_ASSERT(p >= page_addr(w, 1) && p + n * PW_BLOCK_SIZE <= page_addr(w, h->next_page));
    HAL_ASSERT(h->pages_in_use >= n + 1);
    memset(p, 0, n * PW_BLOCK_SIZE);
    h->pages_in_use -= n;
    uint64_t addr = (uint64_t)(uintptr_t)p;
    uint64_t *link = &h->free_runs;
    run *prev = NULL;
    while (*link && *link < addr) {
        prev = (run *)(uintptr_t)*link;
        link = &prev->next;
    }
    run *r = (run *)p;
    r->npages = n;
    r->next = *link;
    *link = addr;
    if (r->next && addr + n * PW_BLOCK_SIZE == r->next) { /* merge with the next run */
        run *nx = (run *)(uintptr_t)r->next;
        r->npages += nx->npages;
        r->next = nx->next;
        memset(nx, 0, sizeof *nx);
    }
    if (prev && (uint64_t)(uintptr_t)prev + prev->npages * PW_BLOCK_SIZE == addr) {
        prev->npages += r->npages;
        prev->next = r->next;
        memset(r, 0, sizeof *r);
        r = prev;
    }
    /* A run that reaches the bump pointer goes back to it. */
    if (!r->next && (uint64_t)(uintptr_t)r + r->npages * PW_BLOCK_SIZE ==
                        (uint64_t)(uintptr_t)page_addr(w, h->next_page)) {
        h->next_page -= r->npages;
        uint64_t *l = &h->free_runs;
        while (*l != (uint64_t)(uintptr_t)r)
            l = &((run *)(uintptr_t)*l)->next;
        *l = 0;
        memset(r, 0, sizeof *r);
    }
    check_pages(w);
}

void *pw_alloc_pages(pw_world *w, size_t npages)
{
    if (!npages)
        return NULL;
    hal_mutex_lock(&w->heap_lock);
    void *p = pages_take(w, npages);
    hal_mutex_unlock(&w->heap_lock);
    return p;
}

void pw_free_pages(pw_world *w, void *p, size_t npages)
{
    if (!p || !npages)
        return;
    hal_mutex_lock(&w->heap_lock);
    pages_give(w, p, npages);
    hal_mutex_unlock(&w->heap_lock);
}

void *pw_alloc(pw_world *w, size_t bytes)
{
    size_t total = bytes + BLOCK_HDR;
    if (total < bytes)
        return NULL;
    unsigned c = 0;
    while (c < NCLASS && class_size[c] < total)
        c++;
    hal_mutex_lock(&w->heap_lock);
    block_hdr *b = NULL;
    if (c == LARGE) {
        size_t n = (total + PW_BLOCK_SIZE - 1) / PW_BLOCK_SIZE;
        if ((b = pages_take(w, n)))
            *b = (block_hdr){BLOCK_MAGIC, LARGE, n};
    } else {
        pw_header *h = w->hdr;
        if (!h->class_free[c]) {
            uint8_t *pg = pages_take(w, 1);
            for (uint32_t off = 0; pg && off + class_size[c] <= PW_BLOCK_SIZE; off += class_size[c]) {
                block_hdr *f = (block_hdr *)(pg + off);
                *f = (block_hdr){BLOCK_MAGIC, c, h->class_free[c]};
                h->class_free[c] = (uint64_t)(uintptr_t)f;
            }
        }
        if ((b = (block_hdr *)(uintptr_t)h->class_free[c])) {
            HAL_ASSERT(b->magic == BLOCK_MAGIC && b->cls == c); /* a free block of this class */
            h->class_free[c] = b->info;
            memset(b + 1, 0, class_size[c] - BLOCK_HDR);
            b->info = 0;
        }
    }
    hal_mutex_unlock(&w->heap_lock);
    return b ? b + 1 : NULL;
}

void pw_free(pw_world *w, void *p)
{
    if (!p)
        return;
    block_hdr *b = (block_hdr *)p - 1;
    if ((uint8_t *)b < w->base + PW_BLOCK_SIZE || (uint8_t *)b >= w->base + w->size ||
        b->magic != BLOCK_MAGIC || b->cls > LARGE) {
        pw_log(w, PW_LOG_ERROR, "pw_free(%p): not a block allocated by pw_alloc", p);
        hal_abort();
    }
    hal_mutex_lock(&w->heap_lock);
    if (b->cls == LARGE) {
        pages_give(w, (uint8_t *)b, b->info);
    } else {
        b->info = w->hdr->class_free[b->cls];
        w->hdr->class_free[b->cls] = (uint64_t)(uintptr_t)b;
    }
    hal_mutex_unlock(&w->heap_lock);
}
