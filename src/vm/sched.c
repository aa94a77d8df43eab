/*
 * sched.c - the scheduler (sched.h).
 *
 * One host thread runs every VM thread in turn: each runs until it blocks,
 * ends, or has made PV_SLICE backward branches and calls, then goes to the
 * back of the run queue.  Blocking never blocks the host thread: waits for
 * the host (console input, sockets) are hostio.c's.
 *
 * Invariants:
 *  - a thread is in at most one queue: the run queue (RUNNABLE, except
 *    the one running now) or the wait queue of the mutex, condition,
 *    semaphore or thread in t->wait_on;
 *  - a SLEEPING or timed-waiting thread has wake_wall_ns != 0 and an entry
 *    in the host timer heap; entries whose thread has since woken are
 *    recognised (deadline or state changed) and dropped;
 *  - root->nondaemon counts live threads without PV_TF_DAEMON, and
 *    vm->run_live those of them that have PV_TF_THIS_RUN.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc/gc.h"
#include "hostio.h"
#include "native/n_window.h"
#include "interp.h"
#include "sched.h"
#include "serve.h"

#define PV_SLICE 20000u

struct timer { int64_t at; struct pv_thread *t; };

struct pv_sched {
    struct timer *heap;
    size_t n, cap;
};

/* ---- queues ------------------------------------------------------------------ */

void pv_waitq_push(struct pv_waitq *q, struct pv_thread *t)
{
    t->next = NULL;
    t->prev = q->tail;
    if (q->tail)
        q->tail->next = t;
    else
        q->head = t;
    q->tail = t;
}

void pv_waitq_remove(struct pv_waitq *q, struct pv_thread *t)
{
    if (t->prev)
        t->prev->next = t->next;
    else if (q->head == t)
        q->head = t->next;
    else
        return;   /* not in this queue */
    if (t->next)
        t->next->prev = t->prev;
    else
        q->tail = t->prev;
    t->next = t->prev = NULL;
}

struct pv_thread *pv_waitq_pop(struct pv_waitq *q)
{
    struct pv_thread *t = q->head;
    if (t)
        pv_waitq_remove(q, t);
    return t;
}

static struct pv_waitq *runq(pv_vm *vm) { return &vm->root->runq; }

void pv_sched_ready(pv_vm *vm, struct pv_thread *t)
{
    t->state = PV_TS_RUNNABLE;
    t->wake_wall_ns = 0;
    t->wait_on = PV_NULL;
    pv_waitq_push(runq(vm), t);
}

/* ---- timers ------------------------------------------------------------------ */

static int timer_push(pv_vm *vm, int64_t at, struct pv_thread *t)
{
    struct pv_sched *s = vm->sched;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        struct timer *h = realloc(s->heap, cap * sizeof *h);
        if (!h)
            return -1;
        s->heap = h;
        s->cap = cap;
    }
    size_t i = s->n++;
    while (i && s->heap[(i - 1) / 2].at > at) {
        s->heap[i] = s->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    s->heap[i] = (struct timer){at, t};
    return 0;
}

static struct timer timer_pop(pv_vm *vm)
{
    struct pv_sched *s = vm->sched;
    struct timer top = s->heap[0], last = s->heap[--s->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= s->n)
            break;
        if (c + 1 < s->n && s->heap[c + 1].at < s->heap[c].at)
            c++;
        if (s->heap[c].at >= last.at)
            break;
        s->heap[i] = s->heap[c];
        i = c;
    }
    if (s->n)
        s->heap[i] = last;
    return top;
}

void pv_thread_set_result(struct pv_thread *t, pv_value v)
{
    struct pv_frame *f = &t->frames[t->nframes - 1];
    t->stack[f->sp - 1] = v;
}

int pv_sched_block(pv_vm *vm, struct pv_thread *t, uint32_t state, int64_t wake_ns)
{
    t->state = state;
    t->wake_wall_ns = wake_ns;
    if (wake_ns && timer_push(vm, wake_ns, t) < 0) {
        t->state = PV_TS_RUNNABLE;
        t->wake_wall_ns = 0;
        return pv_throw_oom(vm);
    }
    return PV_NBLOCK;
}

static void grant_mutex(pv_vm *vm, struct pv_mutex *mx, struct pv_thread *t)
{
    mx->owner = t;
    mx->depth = t->wait_depth ? t->wait_depth : 1;
    t->wait_depth = 0;
    pv_sched_ready(vm, t);
}

void pv_cond_rewake(pv_vm *vm, struct pv_thread *t)
{
    struct pv_mutex *mx = pv_as_ptr(t->wait_mutex);
    t->wake_wall_ns = 0;
    if (!mx->owner) {
        grant_mutex(vm, mx, t);
    } else {
        t->state = PV_TS_WAIT_MUTEX;
        t->wait_on = pv_from_ptr(mx);
        pv_waitq_push(&mx->q, t);
    }
}

int64_t pv_deadline_after_ms(int64_t ms)
{
    if (ms < 0)
        ms = 0;
    if (ms > INT64_C(1) << 40)   /* about 35 years: far enough, and no overflow */
        ms = INT64_C(1) << 40;
    return (int64_t)hal_now_wall_ns() + ms * 1000000;
}

/* A timed wait ran out (or a sleep ended). */
static void timeout(pv_vm *vm, struct pv_thread *t)
{
    switch (t->state) {
    case PV_TS_SLEEPING:
        pv_sched_ready(vm, t);
        break;
    case PV_TS_WAIT_COND:
        pv_waitq_remove(&((struct pv_cond *)pv_as_ptr(t->wait_on))->q, t);
        pv_thread_set_result(t, PV_FALSE);
        pv_cond_rewake(vm, t);
        break;
    case PV_TS_WAIT_SEMA: {
        struct pv_sema *s = pv_as_ptr(t->wait_on);
        pv_waitq_remove(&s->q, t);
        pv_thread_set_result(t, PV_FALSE);
        pv_sched_ready(vm, t);
        break;
    }
    case PV_TS_WAIT_IO:   /* a socket call with a timeout */
        pv_io_timeout(vm, t);
        break;
    default:
        break;
    }
}

static void fire_timers(pv_vm *vm, int64_t now)
{
    struct pv_sched *s = vm->sched;
    while (s->n && s->heap[0].at <= now) {
        struct timer tm = timer_pop(vm);
        if (tm.t->wake_wall_ns == tm.at && tm.t->state != PV_TS_RUNNABLE && tm.t->state != PV_TS_DONE)
            timeout(vm, tm.t);
    }
}

/* ---- mutexes ----------------------------------------------------------------- */

int pv_mutex_acquire(pv_vm *vm, struct pv_thread *t, struct pv_mutex *mx)
{
    if (!mx->owner) {
        mx->owner = t;
        mx->depth = 1;
        return PV_NOK;
    }
    if (mx->owner == t) {
        mx->depth++;
        return PV_NOK;
    }
    t->wait_on = pv_from_ptr(mx);
    t->wait_depth = 1;
    pv_waitq_push(&mx->q, t);
    return pv_sched_block(vm, t, PV_TS_WAIT_MUTEX, 0);
}

int pv_mutex_release(pv_vm *vm, struct pv_thread *t, struct pv_mutex *mx)
{
    if (mx->owner != t)
        return -1;
    if (--mx->depth)
        return 0;
    struct pv_thread *next = pv_waitq_pop(&mx->q);
    mx->owner = NULL;
    if (next)
        grant_mutex(vm, mx, next);
    return 0;
}

/* ---- threads ------------------------------------------------------------------ */

struct pv_thread *pv_thread_start(pv_vm *vm, struct pv_method *m, const pv_value *args, int argc,
                                  uint32_t tflags)
{
    struct pv_thread *t = pv_alloc_obj(vm, vm->b[PV_B_THREAD], sizeof *t);
    if (!t)
        return NULL;
    t->id = ++vm->root->next_thread_id;
    if (vm->cur && (vm->cur->tflags & PV_TF_THIS_RUN))
        tflags |= PV_TF_THIS_RUN; /* a program's threads are part of its run */
    t->tflags = tflags;
    t->exc = t->trace = t->name = t->wait_on = t->wait_mutex = PV_NULL;
    t->target = argc ? args[0] : PV_NULL;
    if (pv_thread_push_entry(vm, t, m, args, argc) < 0)
        return NULL;
    t->index = vm->root->threads->len;
    if (pv_array_push(vm, vm->root->threads, pv_from_ptr(t)) < 0)
        return NULL;
    if (!(tflags & PV_TF_DAEMON)) {
        vm->root->nondaemon++;
        vm->run_live += (tflags & PV_TF_THIS_RUN) != 0;
    }
    pv_sched_ready(vm, t);
    return t;
}

/* Prints the uncaught exception; one of a thread the world brought with
 * it (not started by this process) is also evidence for the boot guard. */
static void print_uncaught(pv_vm *vm, struct pv_thread *t)
{
    pv_value e = t->exc;
    struct pv_class *c = pv_class_of(vm, e);
    pv_value msg = e;
    if (pv_instance_of(vm, e, vm->b[PV_B_EXCEPTION]))
        msg = ((struct pv_instance *)pv_as_ptr(e))->slot[PV_EXC_SLOT_MESSAGE];
    struct pv_string *ms = msg == PV_NULL ? NULL : pv_tostring_native(vm, msg);
    pv_out_flush(vm);
    const char *cname = c ? c->name->bytes : "null", *text = ms ? ms->bytes : "";
    pv_console_printf(vm, 2, "Uncaught %s: %s\n", cname, text);
    const struct pv_string *trace = pv_is_obj(t->trace) ? pv_as_ptr(t->trace) : NULL;
    if (trace)
        pv_console_write(vm, 2, trace->bytes, trace->len);
    if (!(t->tflags & PV_TF_THIS_RUN) && vm->guard_armed) {
        char what[600];
        int at = trace ? (int)strcspn(trace->bytes, "\n") : 0;
        snprintf(what, sizeof what, "thread %llu ended by uncaught %s: %.200s%s%.*s", (unsigned long long)t->id,
                 cname, text, at ? "; " : "", at > 200 ? 200 : at, trace ? trace->bytes + strspn(trace->bytes, " \t") : "");
        pv_boot_guard_uncaught(vm, what);
    }
}

static void thread_end(pv_vm *vm, struct pv_thread *t)
{
    struct pv_root *root = vm->root;
    bool failed = t->exc != PV_NULL;
    if (failed)
        print_uncaught(vm, t);
    if (t == root->main_thread) {
        if (failed)   /* else the status stays what the program set (.internal.process.setExitStatus) */
            root->exit_code = 1;
        root->main_thread = NULL;
    }
    t->state = PV_TS_DONE;
    /* Invariant: a thread's uncounted references (its stack and the fields
     * pv_gc_trace_thread_roots visits) are roots of the ZCT scan only while
     * the thread is in root->threads.  A thread that leaves it drops every
     * one of them: the thread object itself lives on (joiners, arrays keep
     * it), and a field left behind would name an object the ZCT frees,
     * whose slot marking would later trace.  No barrier is needed during
     * MARK: these references were shaded when marking began, or name
     * objects made since (born marked). */
    t->exc = t->trace = t->target = t->name = t->wait_on = t->wait_mutex = PV_NULL;
    struct pv_thread *j;
    while ((j = pv_waitq_pop(&t->joiners)))
        pv_sched_ready(vm, j);
    /* The table of threads is traced in pieces during MARK (collect.c):
     * moving the last thread into the gap goes through the barrier, or a
     * thread moved from the untraced end into the traced part would never
     * be marked, and the sweep would free it while it runs. */
    struct pv_array *all = root->threads;
    uint32_t i = t->index;
    if (i < all->len && all->items[i] == pv_from_ptr(t)) {
        struct pv_thread *last = pv_as_ptr(all->items[all->len - 1]);
        pv_gc_write(vm, &all->items[i], pv_from_ptr(last));
        last->index = i;
        pv_gc_write(vm, &all->items[--all->len], PV_NULL);
    }
    if (!(t->tflags & PV_TF_DAEMON)) {
        root->nondaemon--;
        vm->run_live -= (t->tflags & PV_TF_THIS_RUN) != 0;
    }
    /* Free the stacks now; the thread object stays valid for joiners. */
    pv_free_raw(vm, t->stack);
    pv_free_raw(vm, t->frames);
    t->stack = NULL;
    t->frames = NULL;
    t->stack_cap = t->frames_cap = 0;
    if (vm->serve)
        pv_serve_thread_ended(vm, t->id, failed);
}

/* Takes t out of whatever queue it waits in; it is then in none. */
static void unqueue(pv_vm *vm, struct pv_thread *t)
{
    switch (t->state) {
    case PV_TS_RUNNABLE:
        pv_waitq_remove(runq(vm), t);
        break;
    case PV_TS_WAIT_MUTEX:
        pv_waitq_remove(&((struct pv_mutex *)pv_as_ptr(t->wait_on))->q, t);
        break;
    case PV_TS_WAIT_COND:
        pv_waitq_remove(&((struct pv_cond *)pv_as_ptr(t->wait_on))->q, t);
        break;
    case PV_TS_WAIT_SEMA:
        pv_waitq_remove(&((struct pv_sema *)pv_as_ptr(t->wait_on))->q, t);
        break;
    case PV_TS_WAIT_JOIN:
        pv_waitq_remove(&((struct pv_thread *)pv_as_ptr(t->wait_on))->joiners, t);
        break;
    case PV_TS_WAIT_IO:   /* a late result is dropped: the thread no longer waits for it */
        pv_io_cancel(vm, t);
        break;
    default:   /* sleeping: its timer is dropped when it fires */
        break;
    }
}

void pv_thread_kill(pv_vm *vm, struct pv_thread *t)
{
    unqueue(vm, t);
    /* Every monitor it holds (synchronized methods and blocks), as unwinding
     * an uncaught exception would release them: fully, whatever the depth. */
    struct pv_array *mon = vm->root->monitors;
    for (uint32_t i = 0; i + 1 < mon->len; i += 2) {
        struct pv_mutex *mx = mon->items[i] != PV_NULL ? pv_as_ptr(mon->items[i + 1]) : NULL;
        if (mx && mx->owner == t) {
            mx->depth = 1;
            pv_mutex_release(vm, t, mx);
        }
    }
    t->wake_wall_ns = 0;
    t->io_op = PV_IO_NONE;
    t->exc = PV_NULL;   /* killed, not failed: thread_end reports no exception */
    t->nframes = 0;
    thread_end(vm, t);
}

void pv_sched_each_host_root(pv_vm *vm, void (*visit)(pv_vm *vm, pv_value v))
{
    struct pv_sched *s = vm->sched;
    for (size_t i = 0; s && i < s->n; i++)
        visit(vm, pv_from_ptr(s->heap[i].t));
}

/* ---- the loop -------------------------------------------------------------------- */

/* The run queue is rebuilt at boot from the threads' states: the thread
 * that was running when the snapshot was taken had left the queue (a
 * thread is dequeued while it runs), and must not be lost.
 *
 * A paused boot holds every thread it finds (PV_TF_HELD): none is queued,
 * none gets a timer or its host call again, and one that something else
 * wakes meanwhile is dropped when the loop would run it, still RUNNABLE,
 * so the next boot that is not paused queues it as usual. */
int pv_sched_init(pv_vm *vm)
{
    if (!(vm->sched = calloc(1, sizeof *vm->sched)))
        return -1;
    struct pv_array *all = vm->root->threads;
    vm->root->runq = (struct pv_waitq){NULL, NULL};
    for (uint32_t i = 0; i < all->len; i++) {
        struct pv_thread *t = pv_as_ptr(all->items[i]);
        t->tflags &= ~(PV_TF_THIS_RUN | PV_TF_PARKED); /* a run ends with its process; the queue is rebuilt */
        t->tflags = vm->paused ? t->tflags | PV_TF_HELD : t->tflags & ~PV_TF_HELD;
        if (vm->paused)
            continue;
        if (t->state == PV_TS_RUNNABLE)
            pv_waitq_push(runq(vm), t);
        if (t->wake_wall_ns && timer_push(vm, t->wake_wall_ns, t) < 0)
            return -1;
    }
    return pv_io_reissue(vm, false);
}

/* pvm_resume: the held threads get what pv_sched_init gives a boot that is
 * not paused.  The run queue is rebuilt rather than added to: a held thread
 * that something woke may still be in it (the loop drops it only when it
 * would run it), and a thread must never be queued twice.  Invariant: no
 * thread runs now (requests are served between time slices). */
int pv_sched_resume(pv_vm *vm)
{
    HAL_ASSERT(!vm->cur);
    if (pv_io_reissue(vm, true) < 0)
        return -1;
    struct pv_array *all = vm->root->threads;
    vm->root->runq = (struct pv_waitq){NULL, NULL};
    for (uint32_t i = 0; i < all->len; i++) {
        struct pv_thread *t = pv_as_ptr(all->items[i]);
        bool held = t->tflags & PV_TF_HELD;
        t->tflags &= ~PV_TF_HELD;
        if (t->state == PV_TS_RUNNABLE && !(t->tflags & PV_TF_PARKED))
            pv_waitq_push(runq(vm), t);
        if (held && t->wake_wall_ns && timer_push(vm, t->wake_wall_ns, t) < 0)
            return -1;
    }
    return 0;
}

void pv_sched_free(pv_vm *vm)
{
    pv_io_free(vm);
    if (vm->sched)
        free(vm->sched->heap);
    free(vm->sched);
    vm->sched = NULL;
}

int pv_sched_run(pv_vm *vm)
{
    struct pv_root *root = vm->root;
    while (!atomic_load_explicit(&vm->stop, memory_order_relaxed) &&
           ((vm->run_program_only ? vm->run_live > 0 : root->nondaemon > 0) || pv_serve_keeps_running(vm) ||
            vm->display || vm->paused)) {
        if (pv_stop_requested(vm)) {
            pv_out_flush(vm);
            pw_safepoint(vm->w);
        }
        if (vm->serve)
            pv_serve_poll(vm);
        if (vm->sched->n)
            fire_timers(vm, (int64_t)hal_now_wall_ns());
        pv_io_deliver(vm);
        pv_win_deliver_input(vm);
        if (vm->guard_armed)
            pv_boot_guard_running(vm);
        struct pv_thread *t = pv_waitq_pop(runq(vm));
        if (t && (t->tflags & PV_TF_HELD))
            continue;
        if (t && (t->tflags & PV_TF_PAUSED)) {
            t->tflags |= PV_TF_PARKED;   /* unpause() queues it again */
            continue;
        }
        if (!t) {
            bool io = pv_io_pending(vm);
            /* a paused world waits for pvm_resume (or a stop), not for its threads */
            if (!vm->sched->n && !io && !pv_serve_keeps_running(vm) && !vm->display && !vm->paused) {
                pv_out_flush(vm);
                hal_console_printf(2, "phantom: deadlock: %u thread%s wait%s for each other and nothing can wake them\n",
                                   (unsigned)root->threads->len, root->threads->len == 1 ? "" : "s",
                                   root->threads->len == 1 ? "s" : "");
                root->exit_code = 1;
                break;
            }
            /* Idle: collect first (a step at a time, so snapshots and
             * wake-ups are not held up), then wait for the next deadline
             * or host call, letting snapshots run meanwhile. */
            if (pv_gc_wants_step(vm, true)) {
                pv_gc_step(vm);
                continue;
            }
            int64_t wait = vm->sched->n ? vm->sched->heap[0].at - (int64_t)hal_now_wall_ns() : 50000000;
            pv_out_flush(vm);
            if (wait > 0) {
                pw_blocking_begin(vm->w);
                uint64_t w = (uint64_t)(wait < 50000000 ? wait : 50000000);
                if (pv_serve_keeps_running(vm))   /* requests wake it; a host call's result within 5 ms */
                    pv_serve_idle(vm, w / (io ? 10 : 1));
                else   /* I/O wakes it; requests served in place within 5 ms */
                    pv_io_wait(vm, vm->serve && w > 5000000 ? 5000000 : w);
                pw_blocking_end(vm->w);
            }
            continue;
        }
        HAL_ASSERT(!(t->tflags & PV_TF_HELD));   /* a paused boot's threads never run */
        vm->cur = t;
        enum pv_run_result r = pv_interp_run(vm, t, PV_SLICE);
        vm->cur = NULL;
        if (pv_gc_wants_step(vm, false))
            pv_gc_step(vm);
        if (r == PV_RUN_YIELD)
            pv_waitq_push(runq(vm), t);
        else if (r == PV_RUN_DONE)
            thread_end(vm, t);
    }
    pv_out_flush(vm);
    return root->exit_code;
}
