/*
 * serve.c - the VM as a server for an interactive tool (pvm.h: serving).
 *
 * pvm_serve_start moves the scheduler onto a host thread of its own, where
 * it keeps running while no VM thread is left (idle, waiting for
 * requests).  Other host threads act on the world only by submitting a
 * request (pvm_call): a function the VM's thread runs between two time
 * slices, where every VM thread is at an instruction boundary and no
 * snapshot can start until the function returns.  So whatever a request
 * does (installing classes, starting a thread, recording notes) is in a
 * snapshot entirely or not at all.
 *
 * Invariants:
 *  - only the VM's host thread touches the world while serving; the host
 *    thread that opened the world stays inside pw_blocking_begin/end from
 *    pvm_serve_start to pvm_serve_stop, so snapshots never wait for it;
 *  - a request lives on its submitter's stack until `done` is set under
 *    the lock, and is never touched by the VM thread after that.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "hostio.h"
#include "interp.h"
#include "pvm.h"
#include "sched.h"
#include "serve.h"

/* Recently ended threads, for pvm_thread_wait. */
#define ENDED_RING 256

struct req {
    int (*fn)(pv_vm *vm, void *ctx);
    void *ctx;
    int rc;
    bool done;
    struct req *next;
};

struct ended { uint64_t id; bool failed; };

struct pv_serve {
    hal_mutex lock;
    hal_cond wake;          /* for the VM thread: a request arrived */
    hal_cond done;          /* for submitters and waiters: a request ran, a thread ended */
    hal_thread *thread;
    struct req *head, *tail;
    atomic_bool pending;    /* head != NULL, read without the lock */
    struct ended ended[ENDED_RING];
    uint64_t nended;        /* ever; the ring holds the last ENDED_RING */
    bool in_place;          /* pvm_requests_open: the caller's own run serves */
    bool closed;            /* pvm_requests_close: pvm_call refuses */
};

/* ---- console output ------------------------------------------------------------ */

void pv_console_write(pv_vm *vm, int stream, const char *s, size_t n)
{
    if (vm->tee_fn)
        vm->tee_fn(vm->tee_ctx, stream, s, n);
    if (vm->commit_output && pv_io_console_commit(vm, stream, s, n) == 0)
        return;
    if (vm->out_fn)
        vm->out_fn(vm->out_ctx, stream, s, n);
    else
        hal_console_write(stream, s, n);
}

void pv_console_printf(pv_vm *vm, int stream, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        pv_console_write(vm, stream, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void pvm_set_output_copy(pv_vm *vm, void (*fn)(void *ctx, int stream, const char *s, size_t n), void *ctx)
{
    vm->tee_ctx = ctx;
    vm->tee_fn = fn;
}

void pvm_set_output(pv_vm *vm, void (*fn)(void *ctx, int stream, const char *s, size_t n), void *ctx)
{
    vm->out_ctx = ctx;
    vm->out_fn = fn;
    /* whole lines go to the hook as they are written */
    vm->out_tty = fn ? true : hal_console_is_tty(1);
}

/* ---- the scheduler's side ----------------------------------------------------------- */

void pv_serve_poll(pv_vm *vm)
{
    struct pv_serve *s = vm->serve;
    if (!atomic_load_explicit(&s->pending, memory_order_acquire))
        return;
    pv_out_flush(vm);   /* output so far comes before whatever the request prints */
    hal_mutex_lock(&s->lock);
    while (s->head) {
        struct req *r = s->head;
        s->head = r->next;
        if (!s->head)
            s->tail = NULL;
        hal_mutex_unlock(&s->lock);
        int rc = r->fn(vm, r->ctx);
        pv_out_flush(vm);
        hal_mutex_lock(&s->lock);
        r->rc = rc;
        r->done = true;
    }
    atomic_store(&s->pending, false);
    hal_cond_broadcast(&s->done);
    hal_mutex_unlock(&s->lock);
}

void pv_serve_idle(pv_vm *vm, uint64_t ns)
{
    struct pv_serve *s = vm->serve;
    uint64_t deadline = hal_now_mono_ns() + ns;
    hal_mutex_lock(&s->lock);
    while (!s->head && !atomic_load(&vm->stop) && hal_cond_wait_until(&s->wake, &s->lock, deadline))
        ;
    hal_mutex_unlock(&s->lock);
}

void pv_serve_thread_ended(pv_vm *vm, uint64_t id, bool failed)
{
    struct pv_serve *s = vm->serve;
    pv_out_flush(vm);   /* the thread's output is out before anyone hears it ended */
    hal_mutex_lock(&s->lock);
    s->ended[s->nended++ % ENDED_RING] = (struct ended){id, failed};
    hal_cond_broadcast(&s->done);
    hal_mutex_unlock(&s->lock);
}

/* ---- the public side ------------------------------------------------------------------ */

static void serve_main(void *arg)
{
    pv_vm *vm = arg;
    pw_thread_attach(vm->w);
    pv_sched_run(vm);
    pw_thread_detach(vm->w);
}

static struct pv_serve *serve_new(void)
{
    struct pv_serve *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    hal_mutex_init(&s->lock);
    hal_cond_init(&s->wake);
    hal_cond_init(&s->done);
    return s;
}

static void serve_free(struct pv_serve *s)
{
    hal_cond_destroy(&s->done);
    hal_cond_destroy(&s->wake);
    hal_mutex_destroy(&s->lock);
    free(s);
}

bool pv_serve_keeps_running(pv_vm *vm) { return vm->serve && !vm->serve->in_place; }

int pvm_requests_open(pv_vm *vm)
{
    HAL_ASSERT(!vm->serve);
    struct pv_serve *s = serve_new();
    if (!s)
        return -12;
    s->in_place = true;
    vm->serve = s;
    return 0;
}

void pvm_requests_close(pv_vm *vm)
{
    struct pv_serve *s = vm->serve;
    if (!s)
        return;
    HAL_ASSERT(s->in_place);
    hal_mutex_lock(&s->lock);
    s->closed = true;
    hal_mutex_unlock(&s->lock);
    pv_serve_poll(vm);   /* those submitted before: run, so their callers return */
}

void pvm_requests_free(pv_vm *vm)
{
    struct pv_serve *s = vm->serve;
    if (!s)
        return;
    HAL_ASSERT(s->in_place && s->closed);
    vm->serve = NULL;
    serve_free(s);
}

int pvm_serve_start(pv_vm *vm)
{
    struct pv_serve *s = serve_new();
    if (!s)
        return -12;
    atomic_store(&vm->stop, false);
    vm->serve = s;
    pw_blocking_begin(vm->w);
    int rc = hal_thread_start(&s->thread, serve_main, vm, "pv-serve");
    if (rc != 0) {
        pw_blocking_end(vm->w);
        vm->serve = NULL;
        serve_free(s);
    }
    return rc;
}

void pvm_serve_stop(pv_vm *vm)
{
    struct pv_serve *s = vm->serve;
    if (!s)
        return;
    hal_mutex_lock(&s->lock);
    atomic_store(&vm->stop, true);
    hal_cond_broadcast(&s->wake);
    hal_mutex_unlock(&s->lock);
    hal_thread_join(s->thread);
    pw_blocking_end(vm->w);
    vm->serve = NULL;
    atomic_store(&vm->stop, false);
    serve_free(s);
}

int pvm_call(pv_vm *vm, int (*fn)(pv_vm *vm, void *ctx), void *ctx)
{
    struct pv_serve *s = vm->serve;
    if (!s)
        return fn(vm, ctx);
    struct req r = {fn, ctx, 0, false, NULL};
    hal_mutex_lock(&s->lock);
    if (s->closed) {   /* the run that served requests has ended */
        hal_mutex_unlock(&s->lock);
        return PVM_E_NOT_SERVING;
    }
    if (s->tail)
        s->tail->next = &r;
    else
        s->head = &r;
    s->tail = &r;
    atomic_store_explicit(&s->pending, true, memory_order_release);
    hal_cond_broadcast(&s->wake);
    while (!r.done)
        hal_cond_wait(&s->done, &s->lock);
    hal_mutex_unlock(&s->lock);
    return r.rc;
}

static int find_ended(struct pv_serve *s, uint64_t id, bool *failed)
{
    uint64_t from = s->nended > ENDED_RING ? s->nended - ENDED_RING : 0;
    for (uint64_t i = from; i < s->nended; i++)
        if (s->ended[i % ENDED_RING].id == id) {
            *failed = s->ended[i % ENDED_RING].failed;
            return 1;
        }
    return 0;
}

static int alive(pv_vm *vm, void *ctx)
{
    uint64_t id = *(uint64_t *)ctx;
    struct pv_array *all = vm->root->threads;
    for (uint32_t i = 0; i < all->len; i++)
        if (((struct pv_thread *)pv_as_ptr(all->items[i]))->id == id)
            return 1;
    return 0;
}

int pvm_thread_wait(pv_vm *vm, uint64_t id, uint32_t timeout_ms, bool *failed)
{
    struct pv_serve *s = vm->serve;
    *failed = false;
    if (!s)
        return !alive(vm, &id);
    uint64_t deadline = hal_now_mono_ns() + (uint64_t)timeout_ms * 1000000u;
    hal_mutex_lock(&s->lock);
    int ended;
    while (!(ended = find_ended(s, id, failed)) && hal_cond_wait_until(&s->done, &s->lock, deadline))
        ;
    hal_mutex_unlock(&s->lock);
    /* Ended so long ago that the ring forgot it: gone from the world. */
    return ended || !pvm_call(vm, alive, &id);
}
