/*
 * collect.c - the complete collector, and the pacing of all collection
 * work.
 *
 * A cycle: IDLE -> MARK -> SWEEP -> IDLE.
 *  - Starting flips the mark color, so every object becomes unmarked at
 *    once, and shades the roots: the world's root, every thread's stack
 *    and fields, the host's roots.  This is the only step whose work grows
 *    with the number of threads.
 *  - MARK pops the mark stack in bounded steps.  pv_gc_write shades the
 *    value a store overwrites, the ZCT shades the references of what it
 *    frees, and new objects are born marked: snapshot at the beginning.
 *  - When the mark stack is empty every object reachable at the start, or
 *    made since, is marked.  The monitor table holds its keys weakly: its
 *    entries for unmarked objects are dropped now.
 *  - SWEEP walks the spans and frees every unmarked object.  Spans made
 *    during the sweep are linked in front of the cursor and hold only
 *    marked objects.
 *
 * Every step runs between time slices on the VM's host thread and is
 * bounded by PV_GC_STEP_NS, so a snapshot never waits long for one and
 * never sees one half done.  All state but the mark bits is in the
 * world; those are in host memory (gc.h), so a cycle a restart
 * interrupted starts over (pv_gc_boot).
 */
#include "../interp.h"
#include "../sched.h"
#include <stdlib.h>
#include <string.h>

#include "../pvm.h"
#include "gc.h"

#define PV_GC_STEP_NS 400000u          /* a step's time for the ZCT */
#define PV_GC_MAX_STEP_NS 700000u      /* a step never works longer */
/* Pacing of a cycle: per byte the program allocates, a step marks
 * PV_GC_MARK_RATIO bytes of objects, or sweeps PV_GC_SWEEP_RATIO bytes of
 * slots (and at least PV_GC_MIN_WORK bytes).  A cycle thus ends before
 * the program has allocated a quarter of the live bytes again, and the
 * next one starts when the heap has grown by what the last one marked:
 * the heap stays within about 2.5 times the live data however fast the
 * program allocates. */
#define PV_GC_MARK_RATIO 4u
#define PV_GC_SWEEP_RATIO 16u
#define PV_GC_MIN_WORK (64u << 10)
#define PV_GC_ZCT_LIMIT 32768u         /* ZCT entries that call for a scan */
#define PV_GC_MIN_TRIGGER (8ull << 20)
#define PV_GC_TRIM_PAGES 64u          /* pages a step returns to the engine */

/* What a cycle's trigger weighs: objects and their internal blocks. */
static uint64_t heap_bytes(const struct pv_gc *g) { return g->c.live_bytes + g->c.raw_bytes; }

/* A cycle starts when the heap passes the paced trigger, or half the
 * memory limit, whichever comes first: with a limit, a cycle must be done
 * (its garbage freed) before the heap can reach it. */
static bool cycle_due(pv_vm *vm)
{
    const struct pv_gc *g = vm->gc;
    uint64_t t = g->trigger_bytes, half_limit = vm->gch->limit_pages * PV_PAGE / 2;
    if (half_limit && half_limit < t)
        t = half_limit;
    return heap_bytes(g) > t;
}


bool pv_gc_wants_step(pv_vm *vm, bool idle)
{
    struct pv_gc *g = vm->gc;
    if (vm->gch->disabled)
        return false;
    const struct pv_gc_host *h = vm->gch;
    uint64_t unscanned = g->zct_n - g->zct_kept;   /* ZCT entries no scan has kept */
    return h->want_full || h->want_scan || h->pressure || h->restart_cycle || h->alloc_since_poll >= h->poll_bytes || unscanned >= PV_GC_ZCT_LIMIT ||
           (idle && unscanned) || g->phase != PV_GC_IDLE || cycle_due(vm);
}

static void ms_push(pv_vm *vm, struct pv_obj *o)
{
    struct pv_gc *g = vm->gc;
    if (g->ms_n == g->ms_cap) {
        uint64_t cap = g->ms_cap ? g->ms_cap * 2 : 4096;
        struct pv_obj **s = pv_gc_alloc_own(vm, cap * sizeof *s);
        if (!s) {
            /* No space for a bigger mark stack: o stays marked but
             * untraced, and mark_some rescans the marked objects. */
            g->ms_overflow = 1;
            return;
        }
        if (g->ms_n)
            memcpy(s, g->mstack, g->ms_n * sizeof *s);
        pv_free_raw(vm, g->mstack);
        g->mstack = s;
        g->ms_cap = cap;
    }
    g->mstack[g->ms_n++] = o;
}

void pv_gc_shade(pv_vm *vm, struct pv_obj *o)
{
    /* Only live objects are shaded: a reference to a freed slot here is a
     * reference some root or counted slot kept past the object's end. */
    PV_GC_ASSERT(pv_gc_is_slot(o) && pv_gc_is_object(o));
    if (pv_gc_set_mark(vm, o))
        ms_push(vm, o);
}

static void shade_value(pv_vm *vm, pv_value v) { pv_gc_shade(vm, pv_as_ptr(v)); }

/* ---- starting and finishing marking ------------------------------------- */

static void shade_ptr(pv_vm *vm, const void *p)
{
    if (p)
        pv_gc_shade(vm, (struct pv_obj *)p);
}

/* Steps come more often while a cycle runs, so each one is short, and
 * more often still while they owe work: rather than one long pause, the
 * program is slowed by many short ones until the cycle has caught up. */
static void set_poll(pv_vm *vm)
{
    struct pv_gc_host *h = vm->gch;
    h->poll_bytes = h->stress || h->debt ? PV_GC_STRESS_POLL_BYTES
                    : vm->gc->phase == PV_GC_IDLE ? PV_GC_POLL_BYTES : PV_GC_CYCLE_POLL_BYTES;
}

#ifdef PV_GC_POISON
/* The invariant pv_gc_sweep_some keeps: the bitmap of the color a cycle
 * starts with is clear over every span. */
static bool marks_clear(pv_vm *vm)
{
    for (const struct pv_span *s = vm->gc->all; s; s = s->next) {
        uint64_t bit;
        const uint64_t *w = pv_gc_mark_word(vm->gch, vm->gc->color, s, &bit);
        for (uint64_t i = 0; i < (uint64_t)s->npages * (PV_PAGE / PV_GC_MARK_GRAIN / 64); i++)
            if (w[i])
                return false;
    }
    return true;
}
#endif

static void mark_start(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    struct pv_root *root = vm->root;
    uint64_t t0 = hal_now_mono_ns();
    g->color = 3 - g->color;
    PV_GC_ASSERT(marks_clear(vm));
    g->phase = PV_GC_MARK;
    g->cycle_start_wall_ns = hal_now_wall_ns();
    shade_ptr(vm, root->classes);
    shade_ptr(vm, root->names);
    shade_ptr(vm, root->threads);
    shade_ptr(vm, root->restart);
    shade_ptr(vm, root->main_thread);
    for (int b = 0; b < PV_B_COUNT; b++)
        shade_ptr(vm, vm->b[b]);
    /* The monitor table: the array itself, and its mutexes; its keys are
     * weak (dropped in mark_finish when nothing else keeps them). */
    struct pv_array *mon = root->monitors;
    (void)pv_gc_set_mark(vm, &mon->h);
    for (uint32_t i = 1; i < mon->len; i += 2)
        if (pv_is_obj(mon->items[i]))
            shade_value(vm, mon->items[i]);
    pv_gc_each_root(vm, shade_value);
    pv_sched_each_host_root(vm, shade_value);
    g->cycle_marked_bytes = 0;
    g->cycle_work_ns = hal_now_mono_ns() - t0;
    set_poll(vm);
}

static bool is_marked(pv_vm *vm, pv_value v)
{
    return !pv_is_obj(v) || pv_gc_marked(vm, pv_as_ptr(v));
}

/* True when some monitor-table key is unmarked. */
static bool monitors_have_garbage(pv_vm *vm)
{
    struct pv_array *t = vm->root->monitors;
    for (uint32_t i = 0; i < t->len; i += 2)
        if (!is_marked(vm, t->items[i]))
            return true;
    return false;
}

static void mark_finish(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    if (monitors_have_garbage(vm))
        pv_monitors_prune(vm, is_marked);
    g->phase = PV_GC_SWEEP;
    g->sweep_at = g->all;
    g->sweep_slot = 0;
}

static void sweep_finish(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    g->phase = PV_GC_IDLE;
    g->c.cycles++;
    g->c.last_cycle_ns = hal_now_wall_ns() - g->cycle_start_wall_ns;
    g->c.last_cycle_work_ns = g->cycle_work_ns;
    /* The trigger counts from what marking found reachable, not from
     * what the sweep left: objects made during the cycle all survive it
     * (they are born marked), and counting them would let each cycle's
     * floating garbage raise the next trigger. */
    uint64_t t = heap_bytes(g) + (g->cycle_marked_bytes > PV_GC_MIN_TRIGGER / 2 ? g->cycle_marked_bytes
                                                                                : PV_GC_MIN_TRIGGER / 2);
    g->trigger_bytes = t > PV_GC_MIN_TRIGGER ? t : PV_GC_MIN_TRIGGER;
    set_poll(vm);
}

/* Arrays and directories hold their values in one block; a big block is
 * traced PV_GC_CHUNK values at a time, so no step is held up by it (after
 * a snapshot, shading each value may cost a write fault).  The
 * block may grow, shrink or move between steps: it is found afresh each
 * time, and the barrier has shaded whatever left it. */
#define PV_GC_CHUNK 256u

static const pv_value *value_block(struct pv_obj *o, uint64_t *n)
{
    if (!pv_gc_is_object(o)) {
        *n = 0;
        return NULL;
    }
    if (o->cls->kind == PV_K_ARRAY) {
        struct pv_array *a = (struct pv_array *)o;
        *n = a->items ? a->len : 0;
        return a->items;
    }
    if (o->cls->kind == PV_K_DIRECTORY) {
        struct pv_directory *d = (struct pv_directory *)o;
        *n = d->e ? (uint64_t)d->cap * 2 : 0;
        return (const pv_value *)d->e;
    }
    *n = 0;
    return NULL;
}

/* Traces the next piece of the big block in progress; true when done. */
static bool chunk_some(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    uint64_t n;
    const pv_value *v = value_block(g->chunk_obj, &n);
    uint64_t end = g->chunk_at + PV_GC_CHUNK < n ? g->chunk_at + PV_GC_CHUNK : n;
    for (uint64_t i = g->chunk_at; v && i < end; i++)
        if (pv_is_obj(v[i]))
            shade_value(vm, v[i]);
    g->chunk_at = end;
    if (!v || end >= n) {
        g->chunk_obj = NULL;
        return true;
    }
    return false;
}

static void trace_popped(pv_vm *vm, struct pv_obj *o)
{
    uint64_t n;
    if (value_block(o, &n) && n > PV_GC_CHUNK) {
        struct pv_gc *g = vm->gc;   /* mark_some never pops while a block is in progress */
        g->chunk_obj = o;
        g->chunk_at = 0;
        return;
    }
    pv_gc_trace(vm, o, shade_value);
}

static bool trace_if_marked(void *ctx, struct pv_obj *o)
{
    pv_vm *vm = ctx;
    if (pv_gc_marked(vm, o))
        pv_gc_trace(vm, o, shade_value);
    return true;
}

/* Pops the mark stack until `budget` bytes of objects were traced; true
 * when marking is done.
 * After an overflow (ms_push), tracing every marked object again finds
 * the children of those that never made it onto the stack. */
static bool mark_some(pv_vm *vm, int64_t budget)
{
    struct pv_gc *g = vm->gc;
    if (g->chunk_obj && !chunk_some(vm))
        return false;
    while (g->ms_n && budget > 0) {
        struct pv_obj *o = g->mstack[--g->ms_n];
        if (!pv_gc_is_object(o))
            continue;   /* freed by the ZCT since it was shaded */
        size_t bytes = pv_gc_object_bytes(o);
        g->cycle_marked_bytes += bytes;
        budget -= (int64_t)bytes;
        trace_popped(vm, o);
        if (g->chunk_obj)
            return false;   /* a big block: its pieces come first */
    }
    if (g->ms_n == 0 && g->ms_overflow) {
        g->ms_overflow = 0;
        pv_gc_each_object(vm, trace_if_marked, vm);
    }
    return g->ms_n == 0 && !g->ms_overflow;
}

/* ---- steps ---------------------------------------------------------------- */

/* Pages may go back to the engine only while no collector structure names
 * a freed slot (gc.h).  Two may: the ZCT, until a scan reaches its end
 * (the sweep frees objects the table still names), and during MARK the
 * mark stack (an object shaded and then freed by the ZCT stays on it
 * until popped).  Dropping such entries makes trimming safe whenever it
 * is wanted, so memory the program dropped becomes usable for any size
 * of object at once, in any phase: without it, a heap at the memory
 * limit whose garbage sat in spans of other size classes could give
 * nothing back until a long ZCT cascade or a whole cycle ended.  The walk
 * costs one header read per entry: it is done only while the table is
 * short, or when the heap is near the limit.  Returns false, leaving the
 * table as it was, when it was not done. */
#define PV_GC_SCRUB_MAX 16384u

static bool scrub(struct pv_obj **e, uint64_t *n, uint64_t *prefix, bool near_limit)
{
    if (*n > PV_GC_SCRUB_MAX && !near_limit)
        return false;
    uint64_t kept = 0, kept_prefix = 0;
    for (uint64_t i = 0; i < *n; i++)
        if (pv_gc_is_object(e[i])) {
            kept_prefix += i < *prefix;
            e[kept++] = e[i];
        }
    *n = kept;
    *prefix = kept_prefix;
    return true;
}

/* True when no ZCT or mark-stack entry names a freed slot. */
static bool entries_live(pv_vm *vm, bool zct_done, bool near_limit)
{
    struct pv_gc *g = vm->gc;
    uint64_t none = 0;
    if (!zct_done && !scrub(g->zct, &g->zct_n, &g->zct_kept, near_limit))
        return false;
    if (g->phase == PV_GC_MARK) {
        if (!scrub(g->mstack, &g->ms_n, &none, near_limit))
            return false;
        if (g->chunk_obj && !pv_gc_is_object(g->chunk_obj))
            g->chunk_obj = NULL;
    }
    return true;
}

/* Pages an allocation at the limit may give back at once: 4 MiB, a
 * millisecond or two of zeroing by the engine. */
#define PV_GC_LIMIT_TRIM_PAGES 1024u

bool pv_gc_limit_reached(pv_vm *vm, uint64_t npages, uint64_t limit)
{
    struct pv_gc *g = vm->gc;
    struct pv_gc_host *h = vm->gch;
    h->pressure = true;
    h->alloc_since_poll = h->poll_bytes;   /* the slice ends at the next allocation's poll */
    /* Not while the collectors grow their own tables: the ZCT scan or
     * marking is walking the very entries entries_live would move. */
    if (!h->own_block && entries_live(vm, false, true))
        pv_gc_trim(vm, npages > PV_GC_LIMIT_TRIM_PAGES ? npages : PV_GC_LIMIT_TRIM_PAGES);
    return g->c.span_pages + npages <= limit;
}

static void record_pause(pv_vm *vm, uint64_t ns, uint64_t cpu_ns)
{
    struct pv_gc_host *h = vm->gch;
    if (cpu_ns > h->pause_max_cpu_ns)
        h->pause_max_cpu_ns = cpu_ns;
    h->pauses[h->npauses++ % PV_GC_PAUSE_WINDOW] = ns;
    if (ns > h->pause_max_ns)
        h->pause_max_ns = ns;
}

/* Marks `work` bytes of objects (or sweeps PV_GC_SWEEP_RATIO / MARK_RATIO
 * times as many) in pieces of 2 KiB, stopping early at the deadline; the
 * time counts toward the cycle's work.  Returns the work done. */
static uint64_t cycle_work(pv_vm *vm, uint64_t work, uint64_t deadline)
{
    struct pv_gc *g = vm->gc;
    uint64_t t0 = hal_now_mono_ns();
    int64_t left = work > INT64_MAX ? INT64_MAX : (int64_t)work;
    const int64_t piece = 2 << 10;   /* after a snapshot each object may cost a write fault */
    do {
        if (g->phase == PV_GC_MARK) {
            if (mark_some(vm, piece))
                mark_finish(vm);
        } else if (g->phase == PV_GC_SWEEP &&
                   pv_gc_sweep_some(vm, piece * (PV_GC_SWEEP_RATIO / PV_GC_MARK_RATIO))) {
            g->cycle_work_ns += hal_now_mono_ns() - t0;
            sweep_finish(vm);
            return work;
        }
        left -= piece;
    } while (g->phase != PV_GC_IDLE && left > 0 && hal_now_mono_ns() < deadline);
    g->cycle_work_ns += hal_now_mono_ns() - t0;
    return g->phase == PV_GC_IDLE || left <= 0 ? work : work - (uint64_t)left;
}

void pv_gc_step(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    if (vm->gch->disabled)
        return;
    if (vm->gch->want_full) {
        vm->gch->want_full = false;
        pv_gc_full(vm);
        return;
    }
    uint64_t t0 = hal_now_mono_ns(), cpu0 = hal_thread_cpu_ns();
    uint64_t allocated = vm->gch->alloc_since_poll, objects = vm->gch->objects_since_poll;
    vm->gch->alloc_since_poll = vm->gch->objects_since_poll = 0;
    struct pv_gc_host *h = vm->gch;
    if (g->phase == PV_GC_IDLE && (cycle_due(vm) || h->stress || h->pressure || h->restart_cycle))
        mark_start(vm);
    h->restart_cycle = false;
    /* At the limit the whole cycle is owed at once: the steps come every
     * 4 KiB of allocation, each as long as any other, until it is done. */
    if (h->pressure)
        h->debt += 2 * heap_bytes(g);
    h->pressure = false;
    /* Stress mode does one piece of work per step, so that cycles stretch
     * across as many slices (and barriers) as possible. */
    if (g->phase != PV_GC_IDLE) {
        /* Work a step could not finish by its deadline (marking a big
         * world right after a snapshot is slow: every page faults) is a
         * debt the next steps pay, so the cycle keeps pace anyway; they
         * come every 4 KiB of allocation until it is paid (set_poll). */
        uint64_t work = h->debt + allocated * PV_GC_MARK_RATIO;
        if (work < PV_GC_MIN_WORK)
            work = PV_GC_MIN_WORK;
        if (h->stress)
            work = 1;
        uint64_t done = cycle_work(vm, work, t0 + PV_GC_MAX_STEP_NS);
        h->debt = g->phase == PV_GC_IDLE || done >= work ? 0 : work - done;
    } else {
        h->debt = 0;
    }
    /* The scan comes last: the sweep may have freed objects the ZCT still
     * names, and only a finished scan leaves it free of such entries.  It
     * looks at no fewer entries than twice the objects made since the last
     * step, so the table cannot outgrow it however fast they come; beyond
     * that (a big structure dropped at once) it stops at the deadline. */
    bool near_limit = h->limit_pages && g->c.span_pages > h->limit_pages / 4 * 3;
    bool zct_done = pv_gc_zct_scan(vm, h->want_scan ? UINT64_MAX : 2 * objects, t0 + PV_GC_STEP_NS);
    h->want_scan = false;
    if ((zct_done && g->phase != PV_GC_MARK) || entries_live(vm, zct_done, near_limit))
        pv_gc_trim(vm, PV_GC_TRIM_PAGES);
    set_poll(vm);
    record_pause(vm, hal_now_mono_ns() - t0, hal_thread_cpu_ns() - cpu0);
}

void pv_gc_boot(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    if (g->phase == PV_GC_IDLE)
        return;
    /* The bitmaps start clear (fresh host memory), which is what the next
     * cycle's start needs; the mark stack, the piece in progress and the
     * sweep cursor belonged to the lost marks.  Objects the sweep did not
     * reach wait for the new cycle, and counts raised by the ZCT meanwhile
     * stay safe (too high, never too low). */
    g->phase = PV_GC_IDLE;
    g->ms_n = 0;
    g->ms_overflow = 0;
    g->chunk_obj = NULL;
    g->chunk_at = 0;
    g->sweep_at = NULL;
    g->sweep_slot = 0;
    vm->gch->restart_cycle = true;
    set_poll(vm);
}

void pv_gc_want_scan(pv_vm *vm)
{
    vm->gch->want_scan = true;
}

void pv_gc_full(pv_vm *vm)
{
    struct pv_gc *g = vm->gc;
    if (vm->gch->disabled)
        return;
    /* A cycle in progress began before the caller's garbage was made:
     * finish it, then run a whole one. */
    while (!pv_gc_zct_scan(vm, UINT64_MAX, UINT64_MAX))
        ;
    while (g->phase != PV_GC_IDLE)
        (void)cycle_work(vm, UINT64_MAX, UINT64_MAX);
    mark_start(vm);
    while (g->phase != PV_GC_IDLE)
        (void)cycle_work(vm, UINT64_MAX, UINT64_MAX);
    while (!pv_gc_zct_scan(vm, UINT64_MAX, UINT64_MAX))
        ;
    pv_gc_trim(vm, UINT64_MAX);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void pvm_gc_stats_get(pv_vm *vm, pvm_gc_stats *s)
{
    const struct pv_gc *g = vm->gc;
    const struct pv_gc_host *h = vm->gch;
    static const char *const phases[] = {"idle", "mark", "sweep"};
    *s = (pvm_gc_stats){
        .live_objects = g->c.live_objects, .live_bytes = g->c.live_bytes, .block_bytes = g->c.raw_bytes,
        .allocated_objects = g->c.allocated_objects, .allocated_bytes = g->c.allocated_bytes,
        .rc_freed_objects = g->c.rc_freed_objects, .rc_freed_bytes = g->c.rc_freed_bytes,
        .cycle_freed_objects = g->c.cycle_freed_objects, .cycle_freed_bytes = g->c.cycle_freed_bytes,
        .cycles = g->c.cycles, .zct_scans = g->c.zct_scans,
        .heap_pages = g->c.span_pages, .pages_released = g->c.pages_released,
        .last_cycle_ns = g->c.last_cycle_ns, .last_cycle_work_ns = g->c.last_cycle_work_ns,
        .phase = g->phase < 3 ? phases[g->phase] : "?",
        .steps = h->npauses, .step_max_ns = h->pause_max_ns,
        .step_max_cpu_ns = h->pause_max_cpu_ns, .disabled = h->disabled,
        .memory_limit = vm->memory_limit, .heap_limit = vm->heap_limit,
    };
    size_t n = h->npauses < PV_GC_PAUSE_WINDOW ? h->npauses : PV_GC_PAUSE_WINDOW;
    uint64_t *sorted = n ? malloc(n * sizeof *sorted) : NULL;
    if (sorted) {
        memcpy(sorted, h->pauses, n * sizeof *sorted);
        qsort(sorted, n, sizeof *sorted, cmp_u64);
        s->step_p50_ns = sorted[n / 2];
        s->step_p99_ns = sorted[n * 99 / 100];
        free(sorted);
    }
}
