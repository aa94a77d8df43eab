/*
 * gc.h - the VM's object heap and its two collectors (docs/GC.md).
 *
 * Heap.  Objects live in spans: runs of pages of the persistent space,
 * each cut into slots of one size class (large objects get a span of
 * their own).  Every span starts with a struct pv_span; a free slot has
 * cls == NULL, and a slot holding an object's internal block (array
 * items, directory tables, stacks) has cls == PV_GC_RAW.  All heap and collector state but the mark bits
 * lives in the space itself (struct pv_gc, hung off the world's root), so
 * a snapshot captures it together with the objects it describes, and a
 * restart resumes it; the mark bits are host memory (pv_gc_host), and a
 * cycle a restart interrupted starts over.
 *
 * The fast collector: deferred reference counting.  An object's count is
 * the number of references to it from counted slots: instance fields,
 * array items, directory keys and values, class statics and the words of
 * native objects.  Stacks, locals and the VM's own structures (threads,
 * queues, the root) are not counted; so an object whose count falls to
 * zero goes into the zero-count table (ZCT), and is freed at the next
 * collection point unless a thread's stack still refers to it.  Objects
 * the VM's structures point to without counting are "sticky" (count
 * PV_GC_STICKY): threads, mutexes, conditions, semaphores, classes,
 * methods and everything made while installing classes.  Only the
 * complete collector frees sticky objects.
 *
 * The complete collector: incremental snapshot-at-the-beginning mark and
 * sweep, in bounded steps between time slices.  Marking starts from the
 * root, every thread's stack and the host's roots; a store that overwrites
 * a reference during marking shades the old value (pv_gc_write), and
 * objects are allocated marked, so everything reachable when marking
 * began, or made since, is marked when the mark stack runs dry.  Sweep
 * then frees every unmarked object, cycles included.
 *
 * Invariants (docs/GC.md explains why each holds):
 *  - collection work runs only on the VM's host thread between time
 *    slices, never inside an instruction: no native holds an unrooted
 *    reference then, and a snapshot (taken only at safepoints) always sees
 *    the collector between two steps;
 *  - an object is marked iff its bit in the mark bitmap of g->color is
 *    set (pv_gc_marked); the bitmaps are host memory, not the world's, so
 *    a cycle writes no object's page to mark it (below);
 *  - a span goes back to the engine only while the ZCT and the mark stack
 *    are empty, so no collector structure points into a released page;
 *  - stale ZCT entries (objects freed since) are harmless: a freed slot has
 *    cls == NULL, and a reused one is judged afresh by the ZCT rule.
 */
#ifndef PHANTOM_VM_GC_H
#define PHANTOM_VM_GC_H

#include "../vm.h"

/* The object header's gc word.  Bits 1..0 held the mark color before
 * the mark bitmaps; they are never written now (an old world's objects
 * may still carry 1 or 2 there), and 3 is a damaged header (check.c). */
#define PV_GC_COLOR   3u
#define PV_GC_INZCT   4u          /* in the zero-count table */
#define PV_GC_ONSTACK 8u          /* scratch of the ZCT scan: a root refers to it */
#define PV_GC_RC_SHIFT 4
#define PV_GC_RC_ONE  (1u << PV_GC_RC_SHIFT)
#define PV_GC_STICKY  (0xFFFFFFFu << PV_GC_RC_SHIFT)   /* count saturated */

/* The header's flags word: bits 8..15 hold the slot's page within its span. */
#define PV_OF_PAGE_SHIFT 8
#define PV_OF_PAGE_MASK  (0xFFu << PV_OF_PAGE_SHIFT)

#define PV_SPAN_MAGIC 0x4e415053u   /* "SPAN" */
#define PV_SPAN_HDR   64u
#define PV_GC_NCLASS  20
#define PV_GC_SMALL_MAX 2048u       /* larger objects get their own span */
#define PV_PAGE 4096u
#define PV_GC_POLL_BYTES (128u << 10)  /* allocation that calls for a collector step */
#define PV_GC_CYCLE_POLL_BYTES (32u << 10)  /* ... while a complete cycle runs */
#define PV_GC_STRESS_POLL_BYTES 4096u

struct pv_span {
    uint32_t magic;
    uint16_t sclass;               /* size class, PV_GC_NCLASS for large */
    uint16_t in_partial;           /* on its class's partial list */
    uint32_t slot_size, nslots;
    uint32_t nfree, npages;
    struct pv_obj *free;           /* free slots, linked through word 2 */
    struct pv_span *next_partial;
    struct pv_span *next, *prev;   /* every span */
    uint64_t pad;
};
_Static_assert(sizeof(struct pv_span) <= PV_SPAN_HDR, "span header");

enum pv_gc_phase { PV_GC_IDLE = 0, PV_GC_MARK = 1, PV_GC_SWEEP = 2 };

/* Counters that live in the world (they survive restarts). */
struct pv_gc_counters {
    uint64_t live_objects, live_bytes;    /* allocated and not freed */
    uint64_t raw_bytes;                   /* in objects' internal blocks */
    uint64_t allocated_objects, allocated_bytes;
    uint64_t rc_freed_objects, rc_freed_bytes;
    uint64_t cycle_freed_objects, cycle_freed_bytes;
    uint64_t cycles;                      /* complete collections finished */
    uint64_t zct_scans;
    uint64_t span_pages;                  /* pages held by the heap */
    uint64_t pages_released;
    uint64_t last_cycle_ns;               /* wall time of the last cycle, start to end */
    uint64_t last_cycle_work_ns;          /* the time its steps took */
};

/* The persistent state (one per world). */
struct pv_gc {
    uint32_t phase;                  /* enum pv_gc_phase */
    uint32_t color;                  /* 1 or 2: "marked" this cycle */
    struct pv_span *cur[PV_GC_NCLASS];       /* allocating from */
    struct pv_span *partial[PV_GC_NCLASS];   /* spans with free slots */
    struct pv_span *all;             /* every span */
    struct pv_span *sweep_at;        /* SWEEP: next span to sweep */
    uint32_t sweep_slot;             /* ... and slot within it */
    uint32_t empty_spans;            /* small spans with every slot free */
    struct pv_span *large_empty;     /* freed large objects' spans */
    struct pv_obj **zct;             /* zero-count table (raw block) */
    uint64_t zct_n, zct_cap;
    uint64_t zct_kept;               /* entries the last scan kept (stacks hold them) */
    struct pv_obj **mstack;          /* mark stack (raw block) */
    uint64_t ms_n, ms_cap;
    uint32_t ms_overflow;            /* a shaded object did not fit */
    uint32_t pad;
    struct pv_obj *chunk_obj;        /* MARK: a big array or directory traced */
    uint64_t chunk_at;               /* ... in pieces, from this value on */
    uint64_t trigger_bytes;          /* start a cycle when live_bytes passes it */
    uint64_t cycle_start_wall_ns;
    uint64_t cycle_work_ns;
    uint64_t cycle_marked_bytes;     /* traced this cycle (objects and blocks) */
    struct pv_gc_counters c;
};

/* Invariant checks, compiled into the sanitizer build (make asan-build
 * defines PV_GC_POISON) and out of the plain one, whose hot paths they
 * would slow. */
#ifdef PV_GC_POISON
#include <assert.h>
#define PV_GC_ASSERT(x) assert(x)
#else
#define PV_GC_ASSERT(x) ((void)0)
#endif

/* Host-side collector state (statistics of this run). */
#define PV_GC_PAUSE_WINDOW 4096
struct pv_gc_host {
    uint64_t pauses[PV_GC_PAUSE_WINDOW];  /* step durations, ring */
    uint64_t npauses, pause_max_ns;
    uint64_t pause_max_cpu_ns;       /* the longest step in this thread's CPU time */
    uint64_t alloc_since_poll;       /* bytes allocated since the last step */
    uint64_t objects_since_poll;     /* objects allocated since the last step */
    uint64_t debt;                   /* cycle work the last steps left undone */
    bool disabled;                   /* PHANTOM_GC=off: no collection at all */
    bool want_full;                  /* world.collect() asked for a complete collection */
    bool stress;                     /* PHANTOM_GC=stress: collect all the time (tests) */
    bool pressure;                   /* an allocation met the limit: collect now */
    bool want_scan;                  /* pv_gc_want_scan: empty the ZCT at the next step */
    bool own_block;                  /* allocating the ZCT or the mark stack */
    uint64_t poll_bytes;             /* allocation that calls for a step */
    uint64_t limit_pages;            /* the heap's share of the memory limit; 0: none */
    bool restart_cycle;              /* the last run stopped in mid-cycle: start one at once */
    /* The mark bitmaps (docs/GC.md, "Mark bits"): one bit per 32 bytes of
     * the space for each color, marks[(color - 1) * marks_words ...].
     * Host memory, reserved for the whole space and touched only where
     * spans are, so marking writes no page of the world and a snapshot
     * never copies a mark.  The price: a restart loses the marks, so a
     * cycle the last run left unfinished starts over (pv_gc_boot). */
    uint64_t *marks;
    uintptr_t marks_base;            /* the space's first byte */
    uint64_t marks_words;            /* 64-bit words per color */
};

/* One mark bit per PV_GC_MARK_GRAIN bytes: slots are at least 32 bytes
 * apart (the smallest size class), so no two share a bit. */
#define PV_GC_MARK_GRAIN_SHIFT 5
#define PV_GC_MARK_GRAIN (1u << PV_GC_MARK_GRAIN_SHIFT)

static inline uint64_t *pv_gc_mark_word(const struct pv_gc_host *h, uint32_t color, const void *p, uint64_t *bit)
{
    uint64_t i = ((uintptr_t)p - h->marks_base) >> PV_GC_MARK_GRAIN_SHIFT;
    PV_GC_ASSERT((color == 1 || color == 2) && (uintptr_t)p >= h->marks_base && i / 64 < h->marks_words);
    *bit = 1ull << (i & 63);
    return h->marks + (uint64_t)(color - 1) * h->marks_words + i / 64;
}
/* The collectors' own tables (the ZCT and the mark stack) may use the last
 * ninth of the heap's share, which objects never get: freeing what the
 * program dropped at the limit needs a bigger ZCT (every child of a freed
 * array joins it), and must not fail for want of the memory it frees. */
#define PV_GC_OWN_SHARE 9u
/* Allocates one of the collectors' own tables (a raw block). */
void *pv_gc_alloc_own(pv_vm *vm, size_t bytes);

/* The object is marked in the current cycle's color. */
static inline bool pv_gc_marked(const pv_vm *vm, const struct pv_obj *o)
{
    uint64_t bit;
    return (*pv_gc_mark_word(vm->gch, vm->gc->color, o, &bit) & bit) != 0;
}

/* Marks o in the current color; true when it was not marked before. */
static inline bool pv_gc_set_mark(pv_vm *vm, const struct pv_obj *o)
{
    uint64_t bit, *w = pv_gc_mark_word(vm->gch, vm->gc->color, o, &bit);
    if (*w & bit)
        return false;
    *w |= bit;
    return true;
}

/* ---- heap (heap.c) -------------------------------------------------------- */
int pv_gc_init(pv_vm *vm, bool new_world, char *err, size_t errlen);
/* After the world's collector state is found (vm->gc), before any step:
 * a cycle the last run left unfinished lost its marks with the process,
 * so it is abandoned here and started over at the first step. */
void pv_gc_boot(pv_vm *vm);
/* Clears the mark bits of color over a span's pages. */
void pv_gc_marks_clear(pv_vm *vm, uint32_t color, const struct pv_span *s);
void pv_gc_free_host(pv_vm *vm);
/* A zeroed object of `bytes` (header included), class cls, count 0 (in
 * the ZCT) or sticky; NULL when the space is full. */
void *pv_gc_alloc(pv_vm *vm, struct pv_class *cls, size_t bytes, bool sticky);
/* Frees one object's slot (its internals are the caller's). */
void pv_gc_free_slot(pv_vm *vm, struct pv_obj *o);
/* Internal blocks: zeroed, 16-byte aligned; freed only by their owner. */
#define PV_GC_RAW ((struct pv_class *)(uintptr_t)16)   /* the class of a block's slot */
void *pv_gc_alloc_raw(pv_vm *vm, size_t bytes);
/* The slot holds an object: not free, not an internal block.  The ZCT and
 * the mark stack may name slots freed since, and reused for either. */
static inline bool pv_gc_is_object(const struct pv_obj *o) { return o->cls && o->cls != PV_GC_RAW; }
void pv_gc_free_raw(pv_vm *vm, void *p);
size_t pv_gc_slot_size(const struct pv_obj *o);
/* o is where a slot of a span begins (not inside a block or an object):
 * what every reference the collectors follow must be. */
bool pv_gc_is_slot(const struct pv_obj *o);
/* Slot i of span s (i < s->nslots). */
struct pv_obj *pv_gc_span_slot(struct pv_span *s, uint32_t i);
/* s's header is one the heap could have made: its magic, and a size
 * class, slot size, page and slot counts that agree (the offline
 * checker, check.c, trusts a span's slots only then). */
bool pv_gc_span_sane(const struct pv_span *s);
/* Returns empty spans beyond a small reserve to the engine. */
void pv_gc_trim(pv_vm *vm, uint64_t max_pages);
/* Calls fn for every object until it returns false. */
void pv_gc_each_object(pv_vm *vm, bool (*fn)(void *ctx, struct pv_obj *o), void *ctx);
/* Frees unmarked objects from the sweep cursor on, looking at about
 * `budget` bytes of slots; true when the whole heap is swept. */
bool pv_gc_sweep_some(pv_vm *vm, int64_t budget);

/* ---- objects (trace.c) ---------------------------------------------------- */
typedef void pv_gc_visit(pv_vm *vm, pv_value v);
/* Calls visit for each reference the object holds. */
void pv_gc_trace(pv_vm *vm, struct pv_obj *o, pv_gc_visit *visit);
/* The runs of values an object holds (slots, items, entries, statics and
 * constants, a thread's stack and value fields): what a pass that
 * rewrites references in place (update.c) walks.  Returns how many. */
#define PV_GC_MAX_RANGES 3
typedef struct pv_gc_range { pv_value *v; size_t n; } pv_gc_range;
int pv_gc_value_ranges(struct pv_obj *o, pv_gc_range r[PV_GC_MAX_RANGES]);
/* Calls visit for each reference a thread holds without counting: its
 * stack (up to the top frame's sp), its fields and its frames' methods. */
void pv_gc_trace_thread_roots(pv_vm *vm, struct pv_thread *t, pv_gc_visit *visit);
/* An object's bytes: its slot and its internal blocks. */
size_t pv_gc_object_bytes(const struct pv_obj *o);
/* Frees an object: its internal blocks, then its slot. */
void pv_gc_free_object(pv_vm *vm, struct pv_obj *o);

/* Weak references (weak.c).  The registry lists every weak reference
 * that was given a target (NULL before the first); pv_weak_get reads a
 * target for a program (null once collected); pv_weak_freeing: o is
 * being freed. */
#define PV_WEAK_REGISTRY ".internal.weakrefs"
struct pv_binary *pv_weak_registry(pv_vm *vm);
pv_value pv_weak_get(pv_vm *vm, struct pv_obj *ref);
void pv_weak_freeing(pv_vm *vm, struct pv_obj *o);

/* ---- reference counts (rc.c) ---------------------------------------------- */
void pv_gc_zct_push(pv_vm *vm, struct pv_obj *o);
/* The references nothing counts: every live thread's stack and fields,
 * and the host's own (the preallocated OutOfMemoryException). */
void pv_gc_each_root(pv_vm *vm, pv_gc_visit *visit);
/* Frees every ZCT object no stack refers to, and what that frees; past
 * the first `at_least` entries it stops at the deadline (hal_now_mono_ns).
 * True when the table holds only objects a stack refers to. */
bool pv_gc_zct_scan(pv_vm *vm, uint64_t at_least, uint64_t deadline);

/* Counts the references in v[0..n) (a block of values copied whole), or
 * releases them (a block about to be dropped whole). */
void pv_gc_retain_values(const pv_value *v, size_t n);
void pv_gc_release_values(pv_vm *vm, const pv_value *v, size_t n);

/* ---- the complete collector (collect.c) ---------------------------------- */
void pv_gc_shade(pv_vm *vm, struct pv_obj *o);
/* An allocation of npages met the memory limit.  Gives empty spans back
 * to the engine right away (this frees no object, so it is safe inside
 * an instruction), and has the next steps start a cycle if none runs and
 * finish it as fast as bounded steps can.  True when npages now fit. */
bool pv_gc_limit_reached(pv_vm *vm, uint64_t npages, uint64_t limit);
/* One bounded step of collection work, between time slices. */
void pv_gc_step(pv_vm *vm);
/* Runs a whole complete cycle now (tests, `world.collect()`). */
void pv_gc_full(pv_vm *vm);
/* Asks the next step (between time slices) to free every ZCT object no
 * stack refers to, however many: objects holding host resources (sockets)
 * the program dropped go at once, not when allocation next calls for a
 * step.  Safe inside an instruction: it frees nothing itself. */
void pv_gc_want_scan(pv_vm *vm);
/* True when there is collection work to do (the scheduler asks); an idle
 * VM (no thread can run) also empties the ZCT. */
bool pv_gc_wants_step(pv_vm *vm, bool idle);

/* ---- barrier ------------------------------------------------------------- */

static inline bool pv_gc_sticky(const struct pv_obj *o) { return (o->gc & PV_GC_STICKY) == PV_GC_STICKY; }

static inline void pv_gc_inc(pv_value v)
{
    if (pv_is_obj(v)) {
        struct pv_obj *o = pv_as_ptr(v);
        if (!pv_gc_sticky(o))
            o->gc += PV_GC_RC_ONE;
    }
}

/* A counted reference to v goes away. */
static inline void pv_gc_dec(pv_vm *vm, pv_value v)
{
    if (pv_is_obj(v)) {
        struct pv_obj *o = pv_as_ptr(v);
        if (!pv_gc_sticky(o) && ((o->gc -= PV_GC_RC_ONE) >> PV_GC_RC_SHIFT) == 0)
            pv_gc_zct_push(vm, o);
        if (vm->gc->phase == PV_GC_MARK)
            pv_gc_shade(vm, o);
    }
}

/* Every store of a value into a counted slot goes through here. */
static inline void pv_gc_write(pv_vm *vm, pv_value *slot, pv_value v)
{
    pv_value old = *slot;
    pv_gc_inc(v);
    *slot = v;
    pv_gc_dec(vm, old);
}

#endif
