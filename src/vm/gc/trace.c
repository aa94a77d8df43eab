/*
 * trace.c - what each kind of object refers to, and how one is freed.
 *
 * The only place that knows the layouts of object.h from the collectors'
 * side: marking, the ZCT's recursive freeing and the statistics all go
 * through pv_gc_trace.  Classes and methods are traced but never freed
 * with their internals: the class table keeps every installed class
 * reachable for the life of the world.
 */
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

void pv_gc_trace_thread_roots(pv_vm *vm, struct pv_thread *t, pv_gc_visit *visit)
{
    if (t->stack && t->nframes)
        trace_values(vm, t->stack, t->frames[t->nframes - 1].sp, visit);
    const pv_value fields[] = {t->exc, t->trace, t->target, t->name, t->wait_on, t->wait_mutex};
    trace_values(vm, fields, sizeof fields / sizeof fields[0], visit);
}

void pv_gc_trace(pv_vm *vm, struct pv_obj *o, pv_gc_visit *visit)
{
    switch (o->cls->kind) {
    case PV_K_INSTANCE: {
        struct pv_instance *in = (struct pv_instance *)o;
        trace_values(vm, in->slot, in->nslots, visit);
        break;
    }
    case PV_K_ARRAY: {
        struct pv_array *a = (struct pv_array *)o;
        if (a->items)
            trace_values(vm, a->items, a->len, visit);
        break;
    }
    case PV_K_DIRECTORY: {
        struct pv_directory *d = (struct pv_directory *)o;
        if (d->e)
            trace_values(vm, (const pv_value *)d->e, (size_t)d->cap * 2, visit);
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
    case PV_K_NATIVE:
        trace_values(vm, ((struct pv_native_obj *)o)->w, PV_NATIVE_WORDS, visit);
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

/* Freeing: the internal blocks an object owns, then its slot.  Objects
 * of a class that has no internal blocks need nothing but the slot. */
void pv_gc_free_object(pv_vm *vm, struct pv_obj *o)
{
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
    default:
        break;
    }
    pv_gc_free_slot(vm, o);
}
