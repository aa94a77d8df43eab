/*
 * hostio.c - waiting host calls (hostio.h): the queue of completions the
 * VM's thread delivers, the console reader, and helper jobs.  Sockets are
 * netio.c's; netio.h describes the threads and the lock.
 *
 * The console reader starts on the first read.  At shutdown a reader or a
 * job blocked in the host cannot be interrupted portably; the shared state
 * is then left to end with the process.
 */
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "native/native.h"
#include "netio.h"
#include "sched.h"

#define PV_IO_LINE_MAX 65536

static int push(struct io_done **v, size_t *n, size_t *cap, struct io_done d)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        struct io_done *nv = realloc(*v, c * sizeof *nv);
        if (!nv)
            return -1;
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = d;
    return 0;
}

int pv_io_post(struct pv_hostio *io, struct io_done d)
{
    int rc = push(&io->done, &io->ndone, &io->cap_done, d);
    hal_cond_broadcast(&io->cond);
    return rc;
}

static void console_reader(void *arg)
{
    struct pv_hostio *io = arg;
    hal_mutex_lock(&io->lock);
    for (;;) {
        while (!io->ntodo && !io->stop)
            hal_cond_wait(&io->cond, &io->lock);
        if (io->stop)
            break;
        struct io_done r = io->todo[0];
        memmove(io->todo, io->todo + 1, --io->ntodo * sizeof *io->todo);
        io->busy++;
        io->reading = true;
        hal_mutex_unlock(&io->lock);
        size_t cap = r.op == PV_IO_READCHAR ? 2 : r.op == PV_IO_READBYTES ? (size_t)r.n + 1 : PV_IO_LINE_MAX;
        r.data = malloc(cap);
        r.n = r.data ? hal_console_read_line(r.data, cap) : -12;
        hal_mutex_lock(&io->lock);
        io->reading = false;
        io->busy--;
        if (pv_io_post(io, r) < 0)
            free(r.data);   /* the thread keeps waiting; a restart reissues */
    }
    hal_mutex_unlock(&io->lock);
}

struct pv_hostio *pv_io_get(pv_vm *vm)
{
    if (vm->io)
        return vm->io;
    struct pv_hostio *io = calloc(1, sizeof *io);
    if (!io)
        return NULL;
    hal_mutex_init(&io->lock);
    hal_cond_init(&io->cond);
    io->w = vm->w;
    return vm->io = io;
}

static int enqueue_console(pv_vm *vm, struct pv_thread *t, uint32_t op)
{
    struct pv_hostio *io = pv_io_get(vm);
    if (!io)
        return -1;
    hal_mutex_lock(&io->lock);
    int rc = 0;
    if (!io->console && hal_thread_start(&io->console, console_reader, io, "pv-console") != 0)
        rc = -1;
    /* PV_IO_READBYTES: how many bytes, from the thread's wait (set before this) */
    long max = op == PV_IO_READBYTES && pv_is_int(t->wait_mutex) ? pv_as_int(t->wait_mutex) : 0;
    if (max < 1 || max > (long)PV_IO_READ_MAX)
        max = PV_IO_READ_MAX;
    if (!rc)
        rc = push(&io->todo, &io->ntodo, &io->cap_todo,
                  (struct io_done){.kind = DONE_CONSOLE, .t = t, .op = op, .n = max});
    hal_cond_broadcast(&io->cond);
    hal_mutex_unlock(&io->lock);
    return rc;
}

int pv_io_park(pv_vm *vm, struct pv_thread *t, uint32_t op, pv_value obj, pv_value arg, int32_t timeout_ms)
{
    t->io_op = op;
    t->wait_on = obj;
    t->wait_mutex = arg;
    return pv_sched_block(vm, t, PV_TS_WAIT_IO, timeout_ms > 0 ? pv_deadline_after_ms(timeout_ms) : 0);
}

void pv_io_answer(pv_vm *vm, struct pv_thread *t, pv_value v)
{
    HAL_ASSERT(t->state == PV_TS_WAIT_IO);
    pv_thread_set_result(t, v);
    t->io_op = PV_IO_NONE;
    t->wait_on = t->wait_mutex = PV_NULL;
    pv_sched_ready(vm, t);
}

int pv_io_submit(pv_vm *vm, struct pv_thread *t, uint32_t op)
{
    pv_out_flush(vm);   /* a prompt shows before the wait */
    if (enqueue_console(vm, t, op) < 0)
        return pv_throw_oom(vm);
    return pv_io_park(vm, t, op, PV_NULL, PV_NULL, 0);
}

int pv_io_read_bytes(pv_vm *vm, struct pv_thread *t, uint32_t max)
{
    pv_out_flush(vm);   /* a prompt shows before the wait */
    pv_value arg = pv_int((int32_t)max);
    t->wait_mutex = arg;
    if (enqueue_console(vm, t, PV_IO_READBYTES) < 0) {
        t->wait_mutex = PV_NULL;
        return -1;
    }
    return pv_io_park(vm, t, PV_IO_READBYTES, PV_NULL, arg, 0) == PV_NBLOCK ? 0 : -1;
}

/* ---- helper jobs ------------------------------------------------------------------ */

static void job_main(void *arg)
{
    struct io_job *j = arg;
    j->run(j);
    struct pv_hostio *io = j->io;
    hal_mutex_lock(&io->lock);
    if (pv_io_post(io, (struct io_done){.kind = DONE_JOB, .job = j}) < 0)
        j->rc = -12;   /* cannot happen often: the job then stays unfinished (leaks) */
    hal_mutex_unlock(&io->lock);
}

int pv_io_start_job(pv_vm *vm, struct io_job *j)
{
    struct pv_hostio *io = pv_io_get(vm);
    if (!io)
        return -1;
    j->io = io;
    hal_mutex_lock(&io->lock);
    io->jobs++;
    hal_mutex_unlock(&io->lock);
    if (hal_thread_start(&j->thread, job_main, j, "pv-job") != 0) {
        hal_mutex_lock(&io->lock);
        io->jobs--;
        hal_mutex_unlock(&io->lock);
        return -1;
    }
    return 0;
}

void pv_io_job_free(struct io_job *j)
{
    free(j->text);
    free(j->text2);
    free(j->body);
    free(j);
}

/* ---- boot, delivery, waiting ---------------------------------------------------------- */

int pv_io_reissue(pv_vm *vm, bool held)
{
    struct pv_array *all = vm->root->threads;
    for (uint32_t i = 0; i < all->len; i++) {
        struct pv_thread *t = pv_as_ptr(all->items[i]);
        if (t->state != PV_TS_WAIT_IO || !(t->tflags & PV_TF_HELD) != !held)
            continue;
        int rc = pv_net_is_op(t->io_op) ? pv_net_reissue(vm, t) : enqueue_console(vm, t, t->io_op);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static pv_value console_result(pv_vm *vm, const struct io_done *r)
{
    if (r->op == PV_IO_READBYTES) {
        struct pv_binary *b = r->n < 0 ? NULL : pv_binary_of(vm, r->data, (uint32_t)r->n);
        return b ? pv_from_ptr(b) : pv_int(-1);
    }
    if (r->n <= 0)
        return r->op == PV_IO_READCHAR ? pv_int(-1) : PV_NULL;
    if (r->op == PV_IO_READCHAR)
        return pv_char((uint8_t)r->data[0]);
    size_t n = (size_t)r->n;
    if (r->data[n - 1] == '\n')   /* the line without its ending, \n or \r\n */
        n--;
    if (n && r->data[n - 1] == '\r')
        n--;
    struct pv_string *s = pv_str_new(vm, r->data, n);
    return s ? pv_from_ptr(s) : PV_NULL;
}

/* The completions are taken out of the queue first: delivering one may
 * start more work (a socket call issued again) that posts to it. */
void pv_io_deliver(pv_vm *vm)
{
    struct pv_hostio *io = vm->io;
    if (!io)
        return;
    hal_mutex_lock(&io->lock);
    size_t n = io->ndone;
    struct io_done *done = io->done;
    io->done = NULL;
    io->ndone = io->cap_done = 0;
    hal_mutex_unlock(&io->lock);
    for (size_t i = 0; i < n; i++) {
        struct io_done *r = &done[i];
        switch (r->kind) {
        case DONE_CONSOLE:
            if (r->t->state == PV_TS_WAIT_IO && r->t->io_op == r->op)
                pv_io_answer(vm, r->t, console_result(vm, r));
            free(r->data);
            break;
        case DONE_READY:
            pv_net_deliver_ready(vm, r->slot, r->serial);
            break;
        case DONE_JOB:
            hal_thread_join(r->job->thread);
            hal_mutex_lock(&io->lock);
            io->jobs--;
            hal_mutex_unlock(&io->lock);
            r->job->finish(vm, r->job);
            pv_io_job_free(r->job);
            break;
        }
    }
    free(done);
}

bool pv_io_pending(pv_vm *vm)
{
    struct pv_hostio *io = vm->io;
    if (!io)
        return false;
    hal_mutex_lock(&io->lock);
    bool p = io->ntodo || io->busy || io->ndone || io->jobs || pv_net_pending(io);
    hal_mutex_unlock(&io->lock);
    return p;
}

void pv_io_wait(pv_vm *vm, uint64_t timeout_ns)
{
    struct pv_hostio *io = vm->io;
    if (!io) {
        hal_sleep_ns(timeout_ns);
        return;
    }
    uint64_t deadline = hal_now_mono_ns() + timeout_ns;
    hal_mutex_lock(&io->lock);
    while (!io->ndone && hal_cond_wait_until(&io->cond, &io->lock, deadline))
        ;
    hal_mutex_unlock(&io->lock);
}

void pv_io_cancel(pv_vm *vm, struct pv_thread *t)
{
    if (vm->io && pv_net_is_op(t->io_op))
        pv_net_cancel(vm, t);
    t->io_op = PV_IO_NONE;
    t->wait_on = t->wait_mutex = PV_NULL;
}

void pv_io_timeout(pv_vm *vm, struct pv_thread *t)
{
    pv_io_cancel(vm, t);
    pv_io_answer(vm, t, pv_int(PV_NET_E_TIMEDOUT));
}

void pv_io_flush_output(pv_vm *vm)
{
    if (vm->io)
        pv_net_flush_output(vm);
}

/* Only while the scheduler exists: output written after pv_sched_free
 * (messages at the very end) goes out at once. */
int pv_io_console_commit(pv_vm *vm, int stream, const char *s, size_t n)
{
    return vm->sched ? pv_net_console_commit(vm, stream, s, n) : -1;
}

void pv_io_free(pv_vm *vm)
{
    struct pv_hostio *io = vm->io;
    if (!io)
        return;
    vm->io = NULL;
    pv_net_free(io);
    hal_mutex_lock(&io->lock);
    io->stop = true;
    bool stuck = io->reading || io->jobs;
    hal_cond_broadcast(&io->cond);
    hal_mutex_unlock(&io->lock);
    if (stuck)
        return;   /* blocked in the host: it ends with the process (see above) */
    if (io->console)
        hal_thread_join(io->console);
    for (size_t i = 0; i < io->ndone; i++)
        free(io->done[i].data);
    free(io->todo);
    free(io->done);
    hal_cond_destroy(&io->cond);
    hal_mutex_destroy(&io->lock);
    free(io);
}
