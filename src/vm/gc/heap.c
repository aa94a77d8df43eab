/*
 * heap.c - the object heap: spans of slots carved from the engine's pages.
 *
 * Allocation is lock-free because only the VM's host thread allocates
 * objects (vm.h's threading model).  A span serves one size class; its
 * free slots form a list through their third word (the header's first two
 * words stay cls == NULL and gc == 0, which is how every walker tells a
 * free slot).  A span whose slots are all free may go back to the engine,
 * which zeroes the pages: they stop costing snapshot writes and, once no
 * retained snapshot needs their old blocks, disk space.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

static const uint32_t class_size[PV_GC_NCLASS] = {
    32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 512, 640, 768, 1024, 1280, 1536, 2048,
};

/* Pages per span of a class: enough for at least eight slots. */
static uint32_t class_pages(uint32_t size)
{
    uint32_t n = 1;
    while ((n * PV_PAGE - PV_SPAN_HDR) / size < 8)
        n++;
    return n;
}

/* size_index[(bytes + 15) / 16] is the smallest class that holds bytes. */
static uint8_t size_index[PV_GC_SMALL_MAX / 16 + 1];

static void size_index_init(void)
{
    uint32_t c = 0;
    for (uint32_t i = 0; i <= PV_GC_SMALL_MAX / 16; i++) {
        while (class_size[c] < i * 16)
            c++;
        size_index[i] = (uint8_t)c;
    }
}

static struct pv_obj **free_link(struct pv_obj *o) { return (struct pv_obj **)((char *)o + 16); }
static struct pv_obj *slot_at(struct pv_span *s, uint32_t i)
{
    return (struct pv_obj *)((char *)s + PV_SPAN_HDR + (size_t)i * s->slot_size);
}

static struct pv_span *span_of(const struct pv_obj *o)
{
    uintptr_t page = (uintptr_t)o & ~(uintptr_t)(PV_PAGE - 1);
    return (struct pv_span *)(page - ((o->flags & PV_OF_PAGE_MASK) >> PV_OF_PAGE_SHIFT) * (uintptr_t)PV_PAGE);
}

size_t pv_gc_slot_size(const struct pv_obj *o) { return span_of(o)->slot_size; }

struct pv_obj *pv_gc_span_slot(struct pv_span *s, uint32_t i) { return slot_at(s, i); }

bool pv_gc_span_sane(const struct pv_span *s)
{
    if (s->magic != PV_SPAN_MAGIC || !s->npages || s->sclass > PV_GC_NCLASS || s->nfree > s->nslots)
        return false;
    if (s->sclass == PV_GC_NCLASS)
        return s->nslots == 1 && (uint64_t)s->slot_size == (uint64_t)s->npages * PV_PAGE - PV_SPAN_HDR;
    return s->slot_size == class_size[s->sclass] && s->npages == class_pages(s->slot_size) &&
           s->nslots == (s->npages * PV_PAGE - PV_SPAN_HDR) / s->slot_size;
}

bool pv_gc_is_slot(const struct pv_obj *o)
{
    const struct pv_span *s = span_of(o);
    uintptr_t at = (uintptr_t)o - (uintptr_t)s;
    return s->magic == PV_SPAN_MAGIC && at >= PV_SPAN_HDR && (at - PV_SPAN_HDR) % s->slot_size == 0 &&
           (at - PV_SPAN_HDR) / s->slot_size < s->nslots;
}

int pv_gc_init(pv_vm *vm, bool new_world, char *err, size_t errlen)
{
    if (!size_index[PV_GC_SMALL_MAX / 16])
        size_index_init();
    struct pv_gc_host *h = calloc(1, sizeof *h);
    if (!h) {
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    const char *env = getenv("PHANTOM_GC");
    h->disabled = env && !strcmp(env, "off");
    h->stress = env && !strcmp(env, "stress");
    h->poll_bytes = h->stress ? PV_GC_STRESS_POLL_BYTES : PV_GC_POLL_BYTES;
    h->limit_pages = vm->heap_limit / PV_PAGE;
    vm->gch = h;
    h->marks_base = (uintptr_t)pw_base(vm->w);
    h->marks_words = (pw_size(vm->w) / PV_GC_MARK_GRAIN + 63) / 64;
    if (!(h->marks = hal_pages_reserve(2 * h->marks_words * sizeof *h->marks))) {
        snprintf(err, errlen, "out of host memory for the collector's mark bitmaps (%llu MiB)",
                 (unsigned long long)(2 * h->marks_words * sizeof *h->marks >> 20));
        return -1;
    }
    if (new_world) {
        /* The collector's state comes before any object: pw_alloc gives
         * it raw space, and the first objects already count. */
        struct pv_gc *g = pw_alloc(vm->w, sizeof *g);
        if (!g) {
            snprintf(err, errlen, "out of memory creating the world");
            return -1;
        }
        g->color = 1;
        g->trigger_bytes = 8u << 20;
        vm->gc = g;
    }
    return 0;
}

void pv_gc_free_host(pv_vm *vm)
{
    if (vm->gch)
        hal_pages_free(vm->gch->marks, 2 * vm->gch->marks_words * sizeof *vm->gch->marks);
    free(vm->gch);
    vm->gch = NULL;
}

void pv_gc_marks_clear(pv_vm *vm, uint32_t color, const struct pv_span *s)
{
    uint64_t bit, *w = pv_gc_mark_word(vm->gch, color, s, &bit);
    PV_GC_ASSERT(bit == 1 && PV_PAGE / PV_GC_MARK_GRAIN % 64 == 0);   /* spans are page aligned */
    memset(w, 0, (size_t)s->npages * (PV_PAGE / PV_GC_MARK_GRAIN / 8));
}

static void span_link_all(struct pv_gc *g, struct pv_span *s)
{
    s->prev = NULL;
    s->next = g->all;
    if (g->all)
        g->all->prev = s;
    g->all = s;
}

/* The memory limit is kept here, where the heap takes pages: every object
 * and block lives in a span, so span_pages never passes limit_pages. */
static struct pv_span *span_new(pv_vm *vm, uint32_t sclass, uint32_t slot_size, uint32_t npages)
{
    struct pv_gc *g = vm->gc;
    uint64_t limit = vm->gch->limit_pages;
    if (!vm->gch->own_block)
        limit -= limit / PV_GC_OWN_SHARE;
    if (limit && g->c.span_pages + npages > limit && !pv_gc_limit_reached(vm, npages, limit))
        return NULL;
    struct pv_span *s = pw_alloc_pages(vm->w, npages);
    if (!s)
        return NULL;
    s->magic = PV_SPAN_MAGIC;
    s->sclass = (uint16_t)sclass;
    s->slot_size = slot_size;
    s->npages = npages;
    s->nslots = sclass == PV_GC_NCLASS ? 1 : (npages * PV_PAGE - PV_SPAN_HDR) / slot_size;
    s->nfree = s->nslots;
    /* Its pages may have held another span, whose marks are stale: the
     * next cycle's color must start clear here (pv_gc_sweep_some). */
    pv_gc_marks_clear(vm, 1, s);
    pv_gc_marks_clear(vm, 2, s);
    for (uint32_t i = s->nslots; i-- > 0;) {
        struct pv_obj *o = slot_at(s, i);
        *free_link(o) = s->free;
        s->free = o;
    }
    span_link_all(g, s);
    if (sclass < PV_GC_NCLASS)
        g->empty_spans++;
    g->c.span_pages += npages;
    return s;
}

static void span_release(pv_vm *vm, struct pv_span *s)
{
    struct pv_gc *g = vm->gc;
    if (g->sweep_at == s) {
        g->sweep_at = s->next;
        g->sweep_slot = 0;
    }
    if (s->prev)
        s->prev->next = s->next;
    else
        g->all = s->next;
    if (s->next)
        s->next->prev = s->prev;
    g->c.span_pages -= s->npages;
    g->c.pages_released += s->npages;
    pw_free_pages(vm->w, s, s->npages);
}

static struct pv_span *refill(pv_vm *vm, uint32_t c)
{
    struct pv_gc *g = vm->gc;
    struct pv_span *s;
    while ((s = g->partial[c])) {
        g->partial[c] = s->next_partial;
        s->in_partial = 0;
        s->next_partial = NULL;
        if (s->nfree)
            break;
    }
    if (!s)
        s = span_new(vm, c, class_size[c], class_pages(class_size[c]));
    g->cur[c] = s;
    return s;
}

/* A freed large object's span, taken back from large_empty for a new
 * object of npages pages: one as small as possible that wastes at most a
 * quarter of itself, or at the memory limit any that fits; NULL if none.
 *
 * Why this is safe in any phase, MARK included, while giving the span to
 * the engine is not (gc.h): the new object starts where the old one did,
 * right after the same span header, so a stale ZCT or mark-stack entry
 * that named the old object now names the new one, which both walkers
 * judge afresh, exactly as for a reused small slot.  Blocks never take
 * such a span: a block's span goes back to the engine when it is freed,
 * and a stale entry must never point into returned pages. */
static struct pv_span *reuse_large(pv_vm *vm, uint32_t npages, bool at_limit)
{
    struct pv_gc *g = vm->gc;
    struct pv_span **best = NULL;
    uint32_t looked = 0;
    for (struct pv_span **link = &g->large_empty; *link && (at_limit || looked < 64); link = &(*link)->next_partial) {
        uint32_t n = (*link)->npages;
        looked++;
        if (n >= npages && (at_limit || n - npages <= npages / 4) && (!best || n < (*best)->npages))
            best = link;
    }
    if (!best)
        return NULL;
    struct pv_span *s = *best;
    *best = s->next_partial;
    s->next_partial = NULL;
    struct pv_obj *o = s->free;
    PV_GC_ASSERT(s->nfree == 1 && o == slot_at(s, 0));
    memset(o, 0, s->slot_size);
    s->free = o;
    return s;
}

/* A zeroed slot of at least `bytes`, its page bits set, and its size in
 * *size; NULL when the space is full or at the memory limit.  `object`:
 * for an object, which may reuse a freed large object's span. */
static struct pv_obj *take_slot(pv_vm *vm, size_t bytes, bool object, size_t *size)
{
    struct pv_gc *g = vm->gc;
    struct pv_span *s;
    struct pv_obj *o;
    if (bytes <= PV_GC_SMALL_MAX) {
        uint32_t c = size_index[(bytes + 15) / 16];
        s = g->cur[c];
        if (!s || !s->free) {
            if (!(s = refill(vm, c)))
                return NULL;
        }
        if (s->nfree == s->nslots)
            g->empty_spans--;
        o = s->free;
        s->free = *free_link(o);
        memset(o, 0, s->slot_size);
        o->flags = (uint32_t)(((uintptr_t)o - (uintptr_t)s) / PV_PAGE) << PV_OF_PAGE_SHIFT;
    } else {
        if (bytes > (size_t)UINT32_MAX - PV_SPAN_HDR - PV_PAGE)
            return NULL;
        uint32_t npages = (uint32_t)((bytes + PV_SPAN_HDR + PV_PAGE - 1) / PV_PAGE);
        uint64_t limit = vm->gch->limit_pages - vm->gch->limit_pages / PV_GC_OWN_SHARE;
        bool at_limit = limit && g->c.span_pages + npages > limit;
        if (!(object && (s = reuse_large(vm, npages, at_limit))) &&
            !(s = span_new(vm, PV_GC_NCLASS, npages * PV_PAGE - PV_SPAN_HDR, npages)))
            return NULL;
        o = s->free;   /* zero: fresh pages from the engine, or cleared by reuse_large */
        s->free = NULL;
        *free_link(o) = NULL;
    }
    s->nfree--;
    vm->gch->alloc_since_poll += s->slot_size;
    *size = s->slot_size;
    return o;
}

void *pv_gc_alloc(pv_vm *vm, struct pv_class *cls, size_t bytes, bool sticky)
{
    struct pv_gc *g = vm->gc;
    size_t size;
    struct pv_obj *o = take_slot(vm, bytes, true, &size);
    if (!o)
        return NULL;
    o->cls = cls;
    vm->gch->objects_since_poll++;
    g->c.live_objects++;
    g->c.live_bytes += size;
    g->c.allocated_objects++;
    g->c.allocated_bytes += size;
    /* Black allocation: born marked (docs/GC.md), while a cycle runs.
     * Outside one no mark is read, and the next cycle starts with the
     * other bitmap, so setting one would be work for nothing. */
    if (g->phase != PV_GC_IDLE)
        (void)pv_gc_set_mark(vm, o);
    if (sticky) {
        o->gc = PV_GC_STICKY;
    } else {
        pv_gc_zct_push(vm, o);
    }
    return o;
}

/* Internal blocks (array items, directory tables, stacks, class tables)
 * are slots too, behind a header whose class is PV_GC_RAW: every walker
 * skips them, and their owner frees them. */
void *pv_gc_alloc_raw(pv_vm *vm, size_t bytes)
{
    if (bytes > SIZE_MAX - sizeof(struct pv_obj))
        return NULL;
    size_t size;
    struct pv_obj *o = take_slot(vm, bytes + sizeof *o, false, &size);
    if (!o)
        return NULL;
    o->cls = PV_GC_RAW;
    vm->gc->c.raw_bytes += size;
    return o + 1;
}

void *pv_gc_alloc_own(pv_vm *vm, size_t bytes)
{
    vm->gch->own_block = true;
    void *p = pv_gc_alloc_raw(vm, bytes);
    vm->gch->own_block = false;
    return p;
}

static void give_slot(pv_vm *vm, struct pv_obj *o)
{
    struct pv_gc *g = vm->gc;
    struct pv_span *s = span_of(o);
#ifdef PV_GC_POISON
    /* A reference into unmapped memory in every word: a use after free
     * crashes at once instead of reading stale values. */
    for (size_t i = 3; i < s->slot_size / 8; i++)
        ((uint64_t *)o)[i] = PV_NULL | 0xdead0000ull;
#endif
    o->cls = NULL;
    o->gc = 0;
    o->flags = 0;
    *free_link(o) = s->free;
    s->free = o;
    s->nfree++;
    if (s->sclass == PV_GC_NCLASS) {
        /* A large span is its object: it goes back to the engine at the
         * next trim. */
        s->next_partial = g->large_empty;
        g->large_empty = s;
        return;
    }
    if (s->nfree == s->nslots)
        g->empty_spans++;
    if (!s->in_partial && g->cur[s->sclass] != s) {
        s->in_partial = 1;
        s->next_partial = g->partial[s->sclass];
        g->partial[s->sclass] = s;
    }
}

void pv_gc_free_slot(pv_vm *vm, struct pv_obj *o)
{
    struct pv_gc *g = vm->gc;
    g->c.live_objects--;
    g->c.live_bytes -= span_of(o)->slot_size;
    give_slot(vm, o);
}

void pv_gc_free_raw(pv_vm *vm, void *p)
{
    if (!p)
        return;
    struct pv_obj *o = (struct pv_obj *)p - 1;
    struct pv_span *s = span_of(o);
    vm->gc->c.raw_bytes -= s->slot_size;
    if (s->sclass == PV_GC_NCLASS) {
        /* No collector structure ever points into a block's span (only
         * objects are in the ZCT or on the mark stack): it goes now. */
        span_release(vm, s);
        return;
    }
    give_slot(vm, o);
}

/* Keeps one empty span per class for reuse; the rest (and every freed
 * large object's span) go back to the engine, up to max_pages pages a
 * call (the engine zeroes each page: releasing a whole heap at once would
 * be a long pause).  Callers guarantee the ZCT and the mark stack are
 * empty (gc.h's invariant). */
void pv_gc_trim(pv_vm *vm, uint64_t max_pages)
{
    struct pv_gc *g = vm->gc;
    uint64_t pages = 0;
    while (g->large_empty && pages < max_pages) {
        struct pv_span *s = g->large_empty;
        g->large_empty = s->next_partial;
        pages += s->npages;
        span_release(vm, s);
    }
    if (g->empty_spans <= PV_GC_NCLASS)
        return;
    for (uint32_t c = 0; c < PV_GC_NCLASS && pages < max_pages; c++) {
        bool kept = false;
        struct pv_span **link = &g->partial[c];
        while (*link) {
            struct pv_span *s = *link;
            if (s->nfree == s->nslots && kept && pages < max_pages) {
                *link = s->next_partial;
                g->empty_spans--;
                pages += s->npages;
                span_release(vm, s);
                continue;
            }
            if (s->nfree == s->nslots)
                kept = true;
            link = &s->next_partial;
        }
    }
}

/* Walks every object of the heap (for `phantom info`-style counts and the
 * tests); stops early when fn returns false. */
void pv_gc_each_object(pv_vm *vm, bool (*fn)(void *ctx, struct pv_obj *o), void *ctx)
{
    for (struct pv_span *s = vm->gc->all; s; s = s->next)
        for (uint32_t i = 0; i < s->nslots; i++) {
            struct pv_obj *o = slot_at(s, i);
            if (pv_gc_is_object(o) && !fn(ctx, o))
                return;
        }
}

/* The sweep's walk: frees unmarked objects from the cursor on, until
 * `budget` bytes of slots were looked at; true when the whole heap is
 * swept.
 * Invariant: when a cycle starts, the mark bitmap of its color is clear
 * over every span (mark_start asserts it).  The sweep keeps it: it clears
 * the other color's bits of each span it finishes (the cycle before this
 * one left them; nothing reads them now), and every span made after the
 * sweep began is cleared in both colors by span_new.  So no cycle start
 * has to clear a bitmap as big as the heap in one pause. */
bool pv_gc_sweep_some(pv_vm *vm, int64_t budget)
{
    struct pv_gc *g = vm->gc;
    while (g->sweep_at && budget > 0) {
        struct pv_span *s = g->sweep_at;
        while (g->sweep_slot < s->nslots && budget > 0) {
            struct pv_obj *o = slot_at(s, g->sweep_slot++);
            budget -= s->slot_size;
            if (pv_gc_is_object(o) && !pv_gc_marked(vm, o)) {
                g->c.cycle_freed_objects++;
                g->c.cycle_freed_bytes += s->slot_size;
                pv_gc_free_object(vm, o);
            }
        }
        if (g->sweep_slot >= s->nslots && g->sweep_at == s) {
            pv_gc_marks_clear(vm, 3 - g->color, s);
            g->sweep_at = s->next;
            g->sweep_slot = 0;
        }
    }
    return !g->sweep_at;
}
