/*
 * check.c - checking a world's object graph offline (pvm_check), and the
 * heap map it stands on (check.h).
 *
 * The checker opens the image with the engine alone, never with
 * pvm_open: booting binds native code into the world's classes and
 * allocates, and either would follow the very pointers being checked.
 * It trusts nothing it reads.  Every pointer is looked up in the heap map
 * before anything behind it is read; an object's internal blocks are
 * checked for size before the collectors' tracer (pv_gc_trace, which
 * knows what each kind of object refers to) walks them.  So a damaged
 * world yields a list of problems, never a crash.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "gc/gc.h"
#include "pvm.h"

/* ---- the heap map ------------------------------------------------------------- */

static bool in_space(pw_world *w, const void *p, size_t bytes)
{
    uintptr_t base = (uintptr_t)pw_base(w), a = (uintptr_t)p;
    return a >= base && bytes <= pw_size(w) && a - base <= pw_size(w) - bytes;
}

static int span_order(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (struct pv_span *const *)a, y = (uintptr_t) * (struct pv_span *const *)b;
    return x < y ? -1 : x > y;
}

static uintptr_t span_end(const struct pv_span *s) { return (uintptr_t)s + (uintptr_t)s->npages * PV_PAGE; }

int pv_heapmap_build(pv_vm *vm, struct pv_heapmap *m, uint64_t *bad)
{
    *m = (struct pv_heapmap){0};
    uint64_t dropped = 0, limit = pw_size(vm->w) / PV_PAGE;
    size_t cap = 0;
    /* At most one span per page of the space: a longer list has a cycle. */
    for (struct pv_span *s = vm->gc->all; s && m->n < limit; s = s->next) {
        if ((uintptr_t)s % PV_PAGE || !in_space(vm->w, s, PV_SPAN_HDR) || !pv_gc_span_sane(s) ||
            !in_space(vm->w, s, (size_t)s->npages * PV_PAGE)) {
            dropped++;
            break;   /* its next link is no more trustworthy than it */
        }
        if (m->n == cap) {
            cap = cap ? cap * 2 : 256;
            struct pv_span **p = realloc(m->spans, cap * sizeof *p);
            if (!p) {
                pv_heapmap_free(m);
                return -1;
            }
            m->spans = p;
        }
        m->spans[m->n++] = s;
    }
    qsort(m->spans, m->n, sizeof *m->spans, span_order);
    /* Invariant from here: spans sorted and disjoint (a span listed twice,
     * or two that overlap, keep only the first). */
    size_t k = 0;
    for (size_t i = 0; i < m->n; i++) {
        if (k && (uintptr_t)m->spans[i] < span_end(m->spans[k - 1])) {
            dropped++;
            continue;
        }
        m->spans[k++] = m->spans[i];
    }
    m->n = k;
    for (size_t i = 1; HAL_DEBUG && i < m->n; i++)
        HAL_ASSERT(span_end(m->spans[i - 1]) <= (uintptr_t)m->spans[i]);
    if (bad)
        *bad = dropped;
    return 0;
}

void pv_heapmap_free(struct pv_heapmap *m)
{
    free(m->spans);
    *m = (struct pv_heapmap){0};
}

enum pv_slot_state pv_heapmap_find(const struct pv_heapmap *m, const void *p, size_t *bytes)
{
    uintptr_t a = (uintptr_t)p;
    size_t lo = 0, hi = m->n;
    while (lo < hi) {   /* the first span beginning above a */
        size_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)m->spans[mid] <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo || a >= span_end(m->spans[lo - 1]))
        return PV_SLOT_OUTSIDE;
    struct pv_span *s = m->spans[lo - 1];
    uintptr_t off = a - (uintptr_t)s;
    if (off < PV_SPAN_HDR || (off - PV_SPAN_HDR) % s->slot_size || (off - PV_SPAN_HDR) / s->slot_size >= s->nslots)
        return PV_SLOT_INTERIOR;
    if (bytes)
        *bytes = s->slot_size;
    const struct pv_obj *o = p;
    return !o->cls ? PV_SLOT_FREE : o->cls == PV_GC_RAW ? PV_SLOT_BLOCK : PV_SLOT_OBJECT;
}

/* The smallest slot an object of each kind fits in (its fixed part). */
static size_t kind_min_bytes(uint32_t kind)
{
    static const size_t min[PV_K_COUNT] = {
        [PV_K_INSTANCE] = sizeof(struct pv_instance), [PV_K_STRING] = sizeof(struct pv_string) + 1,
        [PV_K_ARRAY] = sizeof(struct pv_array),       [PV_K_DIRECTORY] = sizeof(struct pv_directory),
        [PV_K_BINARY] = sizeof(struct pv_binary),     [PV_K_LONGBOX] = sizeof(struct pv_longbox),
        [PV_K_CLASS] = sizeof(struct pv_class),       [PV_K_METHOD] = sizeof(struct pv_method),
        [PV_K_THREAD] = sizeof(struct pv_thread),     [PV_K_MUTEX] = sizeof(struct pv_mutex),
        [PV_K_COND] = sizeof(struct pv_cond),         [PV_K_SEMA] = sizeof(struct pv_sema),
        [PV_K_NATIVE] = sizeof(struct pv_native_obj),
    };
    return kind < PV_K_COUNT ? min[kind] : 0;
}

/* c is a class: an object big enough for one, whose own class is the
 * class of classes (an object of kind CLASS whose kind is CLASS). */
static bool is_class(const struct pv_heapmap *m, const struct pv_class *c)
{
    size_t n;
    if (pv_heapmap_find(m, c, &n) != PV_SLOT_OBJECT || n < sizeof *c)
        return false;
    const struct pv_class *cc = c->h.cls;
    return pv_heapmap_find(m, cc, &n) == PV_SLOT_OBJECT && n >= sizeof *cc && cc->kind == PV_K_CLASS;
}

bool pv_heapmap_object_of_kind(const struct pv_heapmap *m, const void *p, uint32_t kind)
{
    size_t n;
    if (pv_heapmap_find(m, p, &n) != PV_SLOT_OBJECT)
        return false;
    const struct pv_class *c = ((const struct pv_obj *)p)->cls;
    return is_class(m, c) && c->kind == kind && kind_min_bytes(kind) && n >= kind_min_bytes(kind);
}

/* p is an internal block of at least `bytes` usable bytes (NULL is not). */
static bool is_block(const struct pv_heapmap *m, const void *p, uint64_t bytes)
{
    size_t n;
    return p && pv_heapmap_find(m, (const struct pv_obj *)p - 1, &n) == PV_SLOT_BLOCK &&
           n - sizeof(struct pv_obj) >= bytes;
}

bool pv_heapmap_frame_method(const struct pv_heapmap *m, const struct pv_method *method, uint32_t pc)
{
    return pv_heapmap_object_of_kind(m, method, PV_K_METHOD) && !(method->flags & PV_MF_NATIVE) &&
           is_block(m, method->code, method->code_len) && pc < method->code_len &&
           pv_heapmap_object_of_kind(m, method->owner, PV_K_CLASS) &&
           pv_heapmap_object_of_kind(m, method->name, PV_K_STRING);
}

/* ---- the checker ----------------------------------------------------------------- */

enum problem { P_ROOT, P_HEAP, P_HEADER, P_BLOCK, P_DANGLING, P_THREAD, P_COUNT };
static const char *const problem_name[P_COUNT][2] = {
    {"bad root", "bad roots"},       {"bad heap span", "bad heap spans"},
    {"bad header", "bad headers"},   {"bad internal block", "bad internal blocks"},
    {"dangling reference", "dangling references"}, {"bad thread", "bad threads"},
};
#define MAX_LINES 200   /* problems reported one by one; the rest are counted */

typedef struct checker {
    pv_vm vm;                 /* first: pv_gc_trace's visitor gets &vm back */
    struct pv_heapmap map;
    pvm_check_result *r;
    uint64_t counts[P_COUNT];
    void (*report)(void *ctx, const char *line);
    void *ctx;
    const struct pv_obj *at;  /* the object whose references are visited */
} checker;

static void problem(checker *k, enum problem p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(checker *k, enum problem p, const char *fmt, ...)
{
    k->counts[p]++;
    if (++k->r->problems > MAX_LINES)
        return;
    char line[600];
    int n = snprintf(line, sizeof line, "  %s: ", problem_name[p][0]);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
    va_end(ap);
    k->report(k->ctx, line);
}

static const char *state_text(enum pv_slot_state s)
{
    switch (s) {
    case PV_SLOT_OUTSIDE: return "outside the heap";
    case PV_SLOT_INTERIOR: return "inside a slot, not at its start";
    case PV_SLOT_FREE: return "a free slot";
    case PV_SLOT_BLOCK: return "an internal block, not an object";
    default: return "an object";
    }
}

/* "object 0x... (.class)": the class's name only when it is sound. */
static const char *describe(checker *k, const struct pv_obj *o, char *buf, size_t len)
{
    const struct pv_class *c = o->cls;
    const char *name = "?";
    if (is_class(&k->map, c) && pv_heapmap_object_of_kind(&k->map, c->name, PV_K_STRING)) {
        size_t n;
        pv_heapmap_find(&k->map, c->name, &n);
        if (c->name->len < n - sizeof(struct pv_string) && !memchr(c->name->bytes, 0, c->name->len))
            name = c->name->bytes;
    }
    snprintf(buf, len, "object %#" PRIxPTR " (%s)", (uintptr_t)o, name);
    return buf;
}

static void visit(pv_vm *vm, pv_value v)
{
    checker *k = (checker *)vm;
    const void *p = pv_as_ptr(v);
    enum pv_slot_state s = pv_heapmap_find(&k->map, p, NULL);
    if (s == PV_SLOT_OBJECT)
        return;
    char d[200];
    problem(k, P_DANGLING, "%s refers to %#" PRIxPTR ": %s", describe(k, k->at, d, sizeof d), (uintptr_t)p,
            state_text(s));
}

/* A block field: NULL when n is 0 is fine, else a block of n bytes. */
static bool block_ok(checker *k, const struct pv_obj *o, const void *p, uint64_t n, bool null_ok, const char *what)
{
    if ((null_ok && !p) || is_block(&k->map, p, n))
        return true;
    char d[200];
    problem(k, P_BLOCK, "%s: its %s %#" PRIxPTR " is not an internal block of %" PRIu64 " bytes",
            describe(k, o, d, sizeof d), what, (uintptr_t)p, n);
    return false;
}

static bool class_blocks_ok(checker *k, const struct pv_class *c)
{
    const struct pv_obj *o = &c->h;
    const size_t w = sizeof(void *);
    return block_ok(k, o, c->display, ((uint64_t)c->depth + 1) * w, true, "display") &&
           block_ok(k, o, c->interfaces, (uint64_t)c->ninterfaces * w, !c->ninterfaces, "interfaces") &&
           block_ok(k, o, c->field_names, (uint64_t)c->nfields * w, !c->nfields, "field names") &&
           block_ok(k, o, c->static_names, (uint64_t)c->nstatics * w, !c->nstatics, "static names") &&
           block_ok(k, o, c->statics, (uint64_t)c->nstatics * 8, true, "statics") &&
           block_ok(k, o, c->vtable, (uint64_t)c->nvtable * w, !c->nvtable, "vtable") &&
           block_ok(k, o, c->methods, (uint64_t)c->nmethods * w, !c->nmethods, "methods") &&
           block_ok(k, o, c->kval, (uint64_t)c->nconsts * 8, true, "constants");
}

static const char *method_problem(const struct pv_heapmap *m, const struct pv_method *meth, uint32_t pc)
{
    if (!pv_heapmap_object_of_kind(m, meth, PV_K_METHOD))
        return "is not a method";
    if (meth->flags & PV_MF_NATIVE)
        return "is a native method (only bytecode can be resumed)";
    if (!is_block(m, meth->code, meth->code_len))
        return "has no sound code";
    if (pc >= meth->code_len)
        return "does not hold the frame's pc";
    return "has a damaged owner or name";
}

/* A thread's own consistency: its blocks, state and frames.  False when
 * tracing its stack would read beyond what was checked. */
static bool thread_ok(checker *k, const struct pv_thread *t)
{
    const struct pv_obj *o = &t->h;
    if (t->state > PV_TS_WAIT_JOIN) {
        problem(k, P_THREAD, "thread %" PRIu64 ": impossible state %u", t->id, (unsigned)t->state);
        return false;
    }
    if (t->nframes > t->frames_cap) {
        problem(k, P_THREAD, "thread %" PRIu64 ": %u frames, room for %u", t->id, (unsigned)t->nframes,
                (unsigned)t->frames_cap);
        return false;
    }
    if (!block_ok(k, o, t->frames, (uint64_t)t->frames_cap * sizeof *t->frames, !t->frames_cap, "frames") ||
        !block_ok(k, o, t->stack, (uint64_t)t->stack_cap * 8, !t->stack_cap, "stack"))
        return false;
    if (t->state == PV_TS_DONE && (t->nframes || t->exc != PV_NULL || t->target != PV_NULL || t->name != PV_NULL ||
                                   t->trace != PV_NULL)) {
        problem(k, P_THREAD, "thread %" PRIu64 ": ended, yet it keeps frames or references", t->id);
        return false;
    }
    bool ok = true;
    uint32_t base = 0;
    for (uint32_t i = 0; i < t->nframes; i++) {
        const struct pv_frame *f = &t->frames[i];
        if (!pv_heapmap_frame_method(&k->map, f->m, f->pc)) {
            problem(k, P_THREAD, "thread %" PRIu64 ": frame %u: its method %#" PRIxPTR " %s", t->id, (unsigned)i,
                    (uintptr_t)f->m, method_problem(&k->map, f->m, f->pc));
            ok = false;
        }
        if (f->base < base || f->base > f->sp || f->sp > t->stack_cap) {
            problem(k, P_THREAD, "thread %" PRIu64 ": frame %u: stack range [%u, %u) out of order or beyond the stack (%u)",
                    t->id, (unsigned)i, (unsigned)f->base, (unsigned)f->sp, (unsigned)t->stack_cap);
            return false;
        }
        base = f->base;
    }
    return ok;
}

static void check_object(checker *k, struct pv_span *s, struct pv_obj *o, size_t bytes)
{
    char d[200];
    const struct pv_class *c = o->cls;
    if (!is_class(&k->map, c)) {
        problem(k, P_HEADER, "object %#" PRIxPTR ": its class %#" PRIxPTR " is not a class (%s)", (uintptr_t)o,
                (uintptr_t)c, state_text(pv_heapmap_find(&k->map, c, NULL)));
        return;
    }
    uint32_t kind = c->kind;
    if (!kind_min_bytes(kind)) {
        problem(k, P_HEADER, "%s: its class has kind %u, which no object has", describe(k, o, d, sizeof d),
                (unsigned)kind);
        return;
    }
    uint64_t need = kind_min_bytes(kind);
    if (kind == PV_K_INSTANCE && bytes >= need)
        need += (uint64_t)((struct pv_instance *)o)->nslots * 8;
    else if (kind == PV_K_STRING && bytes >= need)
        need += ((struct pv_string *)o)->len;
    if (bytes < need) {
        problem(k, P_HEADER, "%s: needs %" PRIu64 " bytes, its slot has %zu", describe(k, o, d, sizeof d), need,
                bytes);
        return;
    }
    if ((o->flags & PV_OF_PAGE_MASK) >> PV_OF_PAGE_SHIFT != ((uintptr_t)o - (uintptr_t)s) / PV_PAGE ||
        (o->gc & PV_GC_COLOR) == PV_GC_COLOR) {
        problem(k, P_HEADER, "%s: damaged header (flags %#x, gc %#x)", describe(k, o, d, sizeof d),
                (unsigned)o->flags, (unsigned)o->gc);
        return;
    }
    k->r->objects++;
    bool traceable = true;
    switch (kind) {
    case PV_K_ARRAY: {
        const struct pv_array *a = (const struct pv_array *)o;
        traceable = a->len <= a->cap && block_ok(k, o, a->items, (uint64_t)a->cap * 8, !a->cap, "items");
        if (a->len > a->cap)
            problem(k, P_HEADER, "%s: length %u beyond its capacity %u", describe(k, o, d, sizeof d),
                    (unsigned)a->len, (unsigned)a->cap);
        break;
    }
    case PV_K_DIRECTORY: {
        const struct pv_directory *dir = (const struct pv_directory *)o;
        traceable = block_ok(k, o, dir->e, (uint64_t)dir->cap * sizeof *dir->e, !dir->cap, "entries");
        break;
    }
    case PV_K_BINARY: {
        const struct pv_binary *b = (const struct pv_binary *)o;
        block_ok(k, o, b->bytes, b->cap, !b->cap, "bytes");
        traceable = false;   /* no references */
        break;
    }
    case PV_K_CLASS:
        k->r->classes++;
        traceable = class_blocks_ok(k, (const struct pv_class *)o);
        break;
    case PV_K_THREAD:
        k->r->threads++;
        traceable = thread_ok(k, (const struct pv_thread *)o);
        break;
    default:
        break;
    }
    if (traceable) {
        k->at = o;
        pv_gc_trace(&k->vm, o, visit);
    }
}

/* The root's tables, and the table of live threads entry by entry. */
static void check_root(checker *k, const struct pv_root *root)
{
    const struct pv_heapmap *m = &k->map;
    const struct {
        const void *p;
        uint32_t kind;
        const char *what;
    } tables[] = {
        {root->classes, PV_K_DIRECTORY, "the class table"}, {root->names, PV_K_DIRECTORY, "the published objects"},
        {root->threads, PV_K_ARRAY, "the thread table"},    {root->restart, PV_K_ARRAY, "the restart list"},
        {root->monitors, PV_K_ARRAY, "the monitor table"},
    };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        if (!pv_heapmap_object_of_kind(m, tables[i].p, tables[i].kind))
            problem(k, P_ROOT, "%s (%#" PRIxPTR ") is %s", tables[i].what, (uintptr_t)tables[i].p,
                    pv_heapmap_find(m, tables[i].p, NULL) == PV_SLOT_OBJECT ? "an object of the wrong kind"
                                                                            : state_text(pv_heapmap_find(m, tables[i].p, NULL)));
    const void *threads[] = {root->main_thread, root->runq.head, root->runq.tail};
    for (size_t i = 0; i < sizeof threads / sizeof threads[0]; i++)
        if (threads[i] && !pv_heapmap_object_of_kind(m, threads[i], PV_K_THREAD))
            problem(k, P_ROOT, "%s (%#" PRIxPTR ") is not a thread", i ? "the run queue" : "the main thread",
                    (uintptr_t)threads[i]);
    const struct pv_array *all = root->threads;
    if (!pv_heapmap_object_of_kind(m, all, PV_K_ARRAY) || all->len > all->cap || !is_block(m, all->items, (uint64_t)all->cap * 8))
        return;
    for (uint32_t i = 0; i < all->len; i++) {
        pv_value v = all->items[i];
        const struct pv_thread *t = pv_as_ptr(v);
        if (!pv_is_obj(v) || !pv_heapmap_object_of_kind(m, t, PV_K_THREAD))
            problem(k, P_THREAD, "the thread table's entry %u (%#" PRIx64 ") is not a thread", (unsigned)i, v);
        else if (t->state == PV_TS_DONE || t->index != i)
            problem(k, P_THREAD, "thread %" PRIu64 ": %s", t->id,
                    t->state == PV_TS_DONE ? "ended, yet listed as live" : "its index disagrees with the thread table");
    }
}

static int open_world(const char *image, pw_world **w, char *err, size_t errlen)
{
    pw_options po;
    pw_options_default(&po);
    po.snapshot_interval_ms = 0;   /* only to look: nothing is ever written */
    po.log_level = PW_LOG_ERROR;
    pw_error pe;
    int rc = pw_open(image, &po, w, &pe);
    if (rc < 0)
        snprintf(err, errlen, "%s", pe.msg);
    return rc;
}

int pvm_check(const char *image, pvm_check_result *r, void (*report)(void *ctx, const char *line), void *ctx,
              char *err, size_t errlen)
{
    *r = (pvm_check_result){0};
    checker *k = calloc(1, sizeof *k);
    if (!k) {
        snprintf(err, errlen, "out of host memory");
        return -12;
    }
    int rc = open_world(image, &k->vm.w, err, errlen);
    if (rc < 0) {
        free(k);
        return rc;
    }
    k->r = r;
    k->report = report;
    k->ctx = ctx;
    pw_world *w = k->vm.w;
    struct pv_root *root = pw_root(w);
    char line[400];
    if (!root) {
        problem(k, P_ROOT, "the world has no root: the image holds no Phantom VM world");
    } else if ((uintptr_t)root % 16 || !in_space(w, root, sizeof *root) || root->magic != PV_ROOT_MAGIC) {
        problem(k, P_ROOT, "the world's root (%#" PRIxPTR ") is not a Phantom VM root", (uintptr_t)root);
    } else if (root->version != PV_ROOT_VERSION) {
        problem(k, P_ROOT, "VM format version %u; this Phantom checks version %u", (unsigned)root->version,
                PV_ROOT_VERSION);
    } else if ((uintptr_t)root->gc % 16 || !in_space(w, root->gc, sizeof *root->gc)) {
        problem(k, P_ROOT, "the heap's state (%#" PRIxPTR ") lies outside the space", (uintptr_t)root->gc);
    } else {
        k->vm.root = root;
        k->vm.gc = root->gc;
        uint64_t bad = 0;
        if (pv_heapmap_build(&k->vm, &k->map, &bad) < 0) {
            snprintf(err, errlen, "out of host memory");
            pw_close(w, false);
            free(k);
            return -12;
        }
        if (bad)
            problem(k, P_HEAP, "%" PRIu64 " span%s of the heap's list %s damaged; the objects in %s are not checked",
                    bad, bad == 1 ? "" : "s", bad == 1 ? "is" : "are", bad == 1 ? "it (and those after it)" : "them");
        r->spans = k->map.n;
        check_root(k, root);
        for (size_t i = 0; i < k->map.n; i++) {
            struct pv_span *s = k->map.spans[i];
            for (uint32_t j = 0; j < s->nslots; j++) {
                struct pv_obj *o = pv_gc_span_slot(s, j);
                size_t bytes;
                if (pv_heapmap_find(&k->map, o, &bytes) == PV_SLOT_OBJECT)
                    check_object(k, s, o, bytes);
            }
        }
    }
    if (r->problems > MAX_LINES) {
        snprintf(line, sizeof line, "  ... and %" PRIu64 " more problems", r->problems - MAX_LINES);
        report(ctx, line);
    }
    int n = snprintf(line, sizeof line, "vm: %" PRIu64 " objects (%" PRIu64 " classes, %" PRIu64 " threads) in %" PRIu64
                     " spans: ", r->objects, r->classes, r->threads, r->spans);
    if (!r->problems) {
        snprintf(line + n, sizeof line - (size_t)n, "clean");
    } else {
        n += snprintf(line + n, sizeof line - (size_t)n, "DAMAGED: %" PRIu64 " problem%s (", r->problems,
                      r->problems == 1 ? "" : "s");
        const char *sep = "";
        for (int p = 0; p < P_COUNT; p++)
            if (k->counts[p] && (size_t)n < sizeof line) {
                n += snprintf(line + n, sizeof line - (size_t)n, "%s%" PRIu64 " %s", sep, k->counts[p],
                              problem_name[p][k->counts[p] != 1]);
                sep = ", ";
            }
        if ((size_t)n < sizeof line)
            snprintf(line + n, sizeof line - (size_t)n, ")");
    }
    report(ctx, line);
    pv_heapmap_free(&k->map);
    pw_close(w, false);
    free(k);
    return r->problems ? 1 : 0;
}
