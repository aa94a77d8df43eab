/*
 * hostio.c - blocking host calls on a helper thread (hostio.h).
 *
 * The helper thread never touches the persistent space: requests and
 * results live in host memory and name the VM thread only as a pointer the
 * scheduler checks (the thread must still be waiting for that call).  It
 * starts on the first call.  At shutdown a helper blocked in a read cannot
 * be interrupted portably; it is left to end with the process.
 */
#include <stdlib.h>
#include <string.h>

#include "hostio.h"
#include "interp.h"
#include "sched.h"

#define PV_IO_LINE_MAX 65536

struct io_req {
    struct pv_thread *t;
    uint32_t op;
    long n;          /* result length, 0 at end of input, <0 error */
    char *data;
};

struct pv_hostio {
    hal_mutex lock;
    hal_cond cond;            /* requests for the helper; results for the VM */
    hal_thread *thread;
    struct io_req *todo, *done;
    size_t ntodo, ndone, cap_todo, cap_done;
    size_t busy;              /* requests taken by the helper, not yet done */
    bool stop, reading;
};

static int push(struct io_req **v, size_t *n, size_t *cap, struct io_req r)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        struct io_req *nv = realloc(*v, c * sizeof *nv);
        if (!nv)
            return -1;
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = r;
    return 0;
}

static void helper(void *arg)
{
    struct pv_hostio *io = arg;
    hal_mutex_lock(&io->lock);
    for (;;) {
        while (!io->ntodo && !io->stop)
            hal_cond_wait(&io->cond, &io->lock);
        if (io->stop)
            break;
        struct io_req r = io->todo[0];
        memmove(io->todo, io->todo + 1, --io->ntodo * sizeof *io->todo);
        io->busy++;
        io->reading = true;
        hal_mutex_unlock(&io->lock);
        size_t cap = r.op == PV_IO_READCHAR ? 2 : PV_IO_LINE_MAX;
        r.data = malloc(cap);
        r.n = r.data ? hal_console_read_line(r.data, cap) : -12;
        hal_mutex_lock(&io->lock);
        io->reading = false;
        io->busy--;
        if (push(&io->done, &io->ndone, &io->cap_done, r) < 0)
            free(r.data);   /* the thread keeps waiting; a restart reissues */
        hal_cond_broadcast(&io->cond);
    }
    hal_mutex_unlock(&io->lock);
}

static struct pv_hostio *io_get(pv_vm *vm)
{
    if (vm->io)
        return vm->io;
    struct pv_hostio *io = calloc(1, sizeof *io);
    if (!io)
        return NULL;
    hal_mutex_init(&io->lock);
    hal_cond_init(&io->cond);
    if (hal_thread_start(&io->thread, helper, io, "pv-hostio") != 0) {
        hal_cond_destroy(&io->cond);
        hal_mutex_destroy(&io->lock);
        free(io);
        return NULL;
    }
    return vm->io = io;
}

static int enqueue(pv_vm *vm, struct pv_thread *t, uint32_t op)
{
    struct pv_hostio *io = io_get(vm);
    if (!io)
        return -1;
    hal_mutex_lock(&io->lock);
    int rc = push(&io->todo, &io->ntodo, &io->cap_todo, (struct io_req){t, op, 0, NULL});
    hal_cond_broadcast(&io->cond);
    hal_mutex_unlock(&io->lock);
    return rc;
}

int pv_io_submit(pv_vm *vm, struct pv_thread *t, uint32_t op)
{
    pv_out_flush(vm);   /* a prompt shows before the wait */
    if (enqueue(vm, t, op) < 0)
        return pv_throw_oom(vm);
    t->io_op = op;
    return pv_sched_block(vm, t, PV_TS_WAIT_IO, 0);
}

int pv_io_reissue(pv_vm *vm)
{
    struct pv_array *all = vm->root->threads;
    for (uint32_t i = 0; i < all->len; i++) {
        struct pv_thread *t = pv_as_ptr(all->items[i]);
        if (t->state == PV_TS_WAIT_IO && !(t->tflags & PV_TF_HELD) && enqueue(vm, t, t->io_op) < 0)
            return -1;
    }
    return 0;
}

static pv_value result(pv_vm *vm, const struct io_req *r)
{
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

void pv_io_deliver(pv_vm *vm)
{
    struct pv_hostio *io = vm->io;
    if (!io)
        return;
    hal_mutex_lock(&io->lock);
    for (size_t i = 0; i < io->ndone; i++) {
        struct io_req *r = &io->done[i];
        if (r->t->state == PV_TS_WAIT_IO && r->t->io_op == r->op) {
            pv_thread_set_result(r->t, result(vm, r));
            r->t->io_op = PV_IO_NONE;
            pv_sched_ready(vm, r->t);
        }
        free(r->data);
    }
    io->ndone = 0;
    hal_mutex_unlock(&io->lock);
}

bool pv_io_pending(pv_vm *vm)
{
    struct pv_hostio *io = vm->io;
    if (!io)
        return false;
    hal_mutex_lock(&io->lock);
    bool p = io->ntodo || io->busy || io->ndone;
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

void pv_io_free(pv_vm *vm)
{
    struct pv_hostio *io = vm->io;
    if (!io)
        return;
    vm->io = NULL;
    hal_mutex_lock(&io->lock);
    io->stop = true;
    bool reading = io->reading;
    hal_cond_broadcast(&io->cond);
    hal_mutex_unlock(&io->lock);
    if (reading)
        return;   /* blocked in a read: it ends with the process (see above) */
    hal_thread_join(io->thread);
    for (size_t i = 0; i < io->ndone; i++)
        free(io->done[i].data);
    free(io->todo);
    free(io->done);
    hal_cond_destroy(&io->cond);
    hal_mutex_destroy(&io->lock);
    free(io);
}
