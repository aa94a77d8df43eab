/*
 * trace.c - what each kind of object refers to, and how one is freed.
 *
 * The only place that knows the layouts of object.h from the collectors'
 * side: marking, the ZCT's recursive freeing and the statistics all go
 * through pv_gc_trace.  A class or method is freed with its internal
 * blocks once nothing refers to it: an old version an update replaced
 * (update.c) whose code no frame runs, or a batch that failed to install.
 */
#include "../callcache.h"
#include "../netio.h"
#include "gc.h"

static void trace_values(pv_vm *vm, const pv_value *v, size_t n, pv_gc_visit *visit)
{
    for (size_t i = 0; i < n; i++)
        if (pv_is_obj(v[i]))
            visit(vm, v[i]);
}

static void visit_ptr(pv_vm *vm, const void *p, pv_gc_visit *visit)
{
    if (p)
        visit(vm, pv_from_ptr(p));
}

static void trace_ptrs(pv_vm *vm, void *const *p, size_t n, pv_gc_visit *visit)
{
    for (size_t i = 0; p && i < n; i++)
        visit_ptr(vm, p[i], visit);
}

static void trace_class(pv_vm *vm, struct pv_class *c, pv_gc_visit *visit)
{
    visit_ptr(vm, c->name, visit);
    visit_ptr(vm, c->super, visit);
    visit_ptr(vm, c->lookup, visit);
    visit_ptr(vm, c->source, visit);
    if (c->display)
        trace_ptrs(vm, (void *const *)c->display, c->depth + 1, visit);
    trace_ptrs(vm, (void *const *)c->interfaces, c->ninterfaces, visit);
    trace_ptrs(vm, (void *const *)c->field_names, c->nfields, visit);
    trace_ptrs(vm, (void *const *)c->static_names, c->nstatics, visit);
    trace_ptrs(vm, (void *const *)c->vtable, c->nvtable, visit);
    trace_ptrs(vm, (void *const *)c->methods, c->nmethods, visit);
    if (c->statics)
        trace_values(vm, c->statics, c->nstatics, visit);
    if (c->kval)
        trace_values(vm, c->kval, c->nconsts, visit);
}

static void trace_waitq(pv_vm *vm, const struct pv_waitq *q, pv_gc_visit *visit)
{
    visit_ptr(vm, q->head, visit);
    visit_ptr(vm, q->tail, visit);
}

/* A thread's values: its stack up to the top frame's sp, then its fields
 * (exc, trace, target, name are adjacent; so are wait_on, wait_mutex). */
static int thread_value_ranges(struct pv_thread *t, pv_gc_range r[PV_GC_MAX_RANGES])
{
    int n = 0;
    if (t->stack && t->nframes)
        r[n++] = (pv_gc_range){t->stack, t->frames[t->nframes - 1].sp};
    r[n++] = (pv_gc_range){&t->exc, 4};
    r[n++] = (pv_gc_range){&t->wait_on, 2};
    return n;
}

void pv_gc_trace_thread_roots(pv_vm *vm, struct pv_thread *t, pv_gc_visit *visit)
{
    pv_gc_range r[PV_GC_MAX_RANGES];
    for (int i = thread_value_ranges(t, r); i-- > 0;)
        trace_values(vm, r[i].v, r[i].n, visit);
    /* The methods its frames run: an old version of a class (replaced by
     * an update, update.c) lives on while a frame runs its code. */
    for (uint32_t i = 0; t->frames && i < t->nframes; i++)
        visit_ptr(vm, t->frames[i].m, visit);
}

int pv_gc_value_ranges(struct pv_obj *o, pv_gc_range r[PV_GC_MAX_RANGES])
{
    switch (o->cls->kind) {
    case PV_K_INSTANCE: {
        struct pv_instance *in = (struct pv_instance *)o;
        r[0] = (pv_gc_range){in->slot, in->nslots};
        return 1;
    }
    case PV_K_ARRAY: {
        struct pv_array *a = (struct pv_array *)o;
        r[0] = (pv_gc_range){a->items, a->items ? a->len : 0};
        return 1;
    }
    case PV_K_DIRECTORY: {
        struct pv_directory *d = (struct pv_directory *)o;
        r[0] = (pv_gc_range){(pv_value *)d->e, d->e ? (size_t)d->cap * 2 : 0};
        return 1;
    }
    case PV_K_CLASS: {
        struct pv_class *c = (struct pv_class *)o;
        r[0] = (pv_gc_range){c->statics, c->statics ? c->nstatics : 0};
        r[1] = (pv_gc_range){c->kval, c->kval ? c->nconsts : 0};
        return 2;
    }
    case PV_K_THREAD:
        return thread_value_ranges((struct pv_thread *)o, r);
    case PV_K_NATIVE:
        /* a weak reference's word 0 is its target, neither traced nor counted (weak.c) */
        if (o->flags & PV_OF_WEAKREF)
            r[0] = (pv_gc_range){((struct pv_native_obj *)o)->w + 1, PV_NATIVE_WORDS - 1};
        else
            r[0] = (pv_gc_range){((struct pv_native_obj *)o)->w, PV_NATIVE_WORDS};
        return 1;
    default:
        return 0;
    }
}

void pv_gc_trace(pv_vm *vm, struct pv_obj *o, pv_gc_visit *visit)
{
    switch (o->cls->kind) {
    case PV_K_INSTANCE: {
        struct pv_instance *in = (struct pv_instance *)o;
        trace_values(vm, in->slot, in->nslots, visit);
        /* the class of an instance is kept alive by its instances (an old
         * version that an update replaced is not in the class table) */
        visit_ptr(vm, o->cls, visit);
        break;
    }
    case PV_K_ARRAY:
    case PV_K_DIRECTORY:
    case PV_K_NATIVE: {
        pv_gc_range r[PV_GC_MAX_RANGES];
        trace_values(vm, r[0].v, pv_gc_value_ranges(o, r) ? r[0].n : 0, visit);
        break;
    }
    case PV_K_CLASS:
        trace_class(vm, (struct pv_class *)o, visit);
        break;
    case PV_K_METHOD: {
        struct pv_method *m = (struct pv_method *)o;
        visit_ptr(vm, m->owner, visit);
        visit_ptr(vm, m->name, visit);
        visit_ptr(vm, m->desc, visit);
        break;
    }
    case PV_K_THREAD: {
        struct pv_thread *t = (struct pv_thread *)o;
        /* An ended thread holds no uncounted reference (sched.c, thread_end). */
        PV_GC_ASSERT(t->state != PV_TS_DONE || (t->target == PV_NULL && t->name == PV_NULL &&
                                                  t->trace == PV_NULL && t->exc == PV_NULL));
        pv_gc_trace_thread_roots(vm, t, visit);
        visit_ptr(vm, t->next, visit);
        visit_ptr(vm, t->prev, visit);
        trace_waitq(vm, &t->joiners, visit);
        break;
    }
    case PV_K_MUTEX: {
        struct pv_mutex *mx = (struct pv_mutex *)o;
        visit_ptr(vm, mx->owner, visit);
        trace_waitq(vm, &mx->q, visit);
        break;
    }
    case PV_K_COND:
        trace_waitq(vm, &((struct pv_cond *)o)->q, visit);
        break;
    case PV_K_SEMA:
        trace_waitq(vm, &((struct pv_sema *)o)->q, visit);
        break;
    default:   /* strings, binaries, boxed longs: no references */
        break;
    }
}

static size_t block_bytes(const void *p)
{
    return p ? pv_gc_slot_size((const struct pv_obj *)p - 1) : 0;
}

size_t pv_gc_object_bytes(const struct pv_obj *o)
{
    size_t n = pv_gc_slot_size(o);
    switch (o->cls->kind) {
    case PV_K_ARRAY: return n + block_bytes(((const struct pv_array *)o)->items);
    case PV_K_DIRECTORY: return n + block_bytes(((const struct pv_directory *)o)->e);
    case PV_K_BINARY: return n + block_bytes(((const struct pv_binary *)o)->bytes);
    case PV_K_THREAD: return n + block_bytes(((const struct pv_thread *)o)->stack);
    default: return n;
    }
}

/* A class is unreachable only once no instance, frame, class or table
 * refers to it: an old version replaced by an update (update.c), or a
 * batch whose installation failed.  Every block is its own (class.c
 * copies what it inherits). */
static void free_class_blocks(pv_vm *vm, struct pv_class *c)
{
    void *blocks[] = {c->display, c->interfaces, c->field_names, c->static_names, c->statics,
                      c->vtable,  c->methods,    c->ckind,       c->kval,         c->kref};
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        pv_free_raw(vm, blocks[i]);
}

/* Freeing: the internal blocks an object owns, then its slot.  Objects
 * of a class that has no internal blocks need nothing but the slot. */
void pv_gc_free_object(pv_vm *vm, struct pv_obj *o)
{
    if (o->flags & (PV_OF_WEAKREF | PV_OF_WEAK_TARGET))
        pv_weak_freeing(vm, o);
    switch (o->cls->kind) {
    case PV_K_ARRAY:
        pv_free_raw(vm, ((struct pv_array *)o)->items);
        break;
    case PV_K_DIRECTORY:
        pv_free_raw(vm, ((struct pv_directory *)o)->e);
        break;
    case PV_K_BINARY:
        pv_free_raw(vm, ((struct pv_binary *)o)->bytes);
        break;
    case PV_K_THREAD:
        pv_free_raw(vm, ((struct pv_thread *)o)->stack);
        pv_free_raw(vm, ((struct pv_thread *)o)->frames);
        break;
    case PV_K_STRING:
        pv_str_forget(vm, (struct pv_string *)o);
        break;
    case PV_K_CLASS:
        pv_call_cache_clear(vm);
        free_class_blocks(vm, (struct pv_class *)o);
        break;
    case PV_K_NATIVE:
        pv_net_forget(vm, o);   /* a socket the program dropped without close() */
        break;
    case PV_K_METHOD:
        pv_call_cache_clear(vm);
        pv_free_raw(vm, ((struct pv_method *)o)->code);
        pv_free_raw(vm, ((struct pv_method *)o)->handlers);
        pv_free_raw(vm, ((struct pv_method *)o)->lines);
        break;
    default:
        break;
    }
    pv_gc_free_slot(vm, o);
}
