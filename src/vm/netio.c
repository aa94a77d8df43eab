/*
 * netio.c - sockets for the internal network classes (netio.h), on one
 * I/O host thread.
 *
 * The VM's thread does every socket call itself, non-blocking, under
 * io->lock.  When a call would wait, the VM thread parks in WAIT_IO, is
 * listed among the socket's waiters, and the socket is armed in the HAL
 * poller.  The I/O thread waits on the poller; when a socket becomes ready
 * it posts one DONE_READY completion, and the VM's thread (pv_io_deliver)
 * tries the waiters' calls again.  So no host thread is ever held per
 * connection, and thousands of idle connections cost one poller entry and
 * a little host memory each.
 *
 * Output commit.  Bytes a program sends are queued per socket, each chunk
 * with a ticket (pw_commit_ticket) taken when it was sent: a chunk leaves
 * only once pw_durable_generation reaches its ticket, so nobody outside
 * sees output whose state a crash could take back, and after a restart
 * nothing is sent twice (what was queued and not released is host memory,
 * gone with the process, and the restored world has not sent it yet).
 * The engine's commit hook wakes the I/O thread, which sends what became
 * releasable; a ticket also asks for the snapshot, so the wait is about
 * one snapshot's write.  A socket with NF_NO_COMMIT queues chunks with
 * ticket 0, released at once.  Chunks leave in order.
 *
 * Invariants (io->lock held):
 *  - a net_sock is in the table at its slot until destroyed; its object
 *    names it by (slot, serial, boot), so a stale object finds nothing;
 *  - every thread in s->waiters is in WAIT_IO with t->wait_on the object
 *    of s; it leaves the list when answered, cancelled or timed out;
 *  - s->armed is what the poller was last asked for s and not yet
 *    reported (one-shot); s->ready_posted: a DONE_READY for s is queued,
 *    so input interest waits until the VM's thread has looked;
 *  - chunks in s->out are in sending order; held counts their bytes over
 *    every socket.
 *
 * Dropped sockets.  An object the program let go of without close() is
 * freed by the collectors; pv_net_forget lists its host socket (slot and
 * serial) under net->dead_lock, the only lock it takes, and the I/O
 * thread closes what is listed, and so does the VM's thread before it
 * makes a socket.  No thread can be waiting on such a socket: a waiting
 * thread holds the object.  Lock order: io->lock, then dead_lock.  The
 * collectors free a dropped object when a step scans the ZCT, which
 * allocation alone may not bring about soon enough for file descriptors:
 * every RECLAIM_EVERY sockets made, the next step is asked to scan it
 * whole (pv_gc_want_scan), so a program that drops its sockets keeps
 * about that many open, not up to the host's limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "native/native.h"
#include "netio.h"
#include "sched.h"

#define OUT_LIMIT (1u << 20)        /* queued bytes a socket holds before its writer waits */
#define READ_MAX (16u << 20)        /* the most bytes one read may ask for */
#define DGRAM_MAX 65536u
#define POLL_BATCH 256
#define RECLAIM_EVERY 64u

struct out_chunk {
    struct out_chunk *next;
    uint64_t ticket;                /* releasable once this generation is durable; 0 at once */
    hal_netaddr to;                 /* datagrams */
    bool fin;                       /* the end of the sending side, after what came before */
    uint8_t stream;                 /* console output (--commit-output): 1 or 2 */
    size_t len, off;
    char data[];
};

struct net_sock {
    uint32_t serial;
    uint8_t kind;                   /* enum net_kind */
    bool connecting, closing, eof, commit, ready_posted;
    hal_sock fd;                    /* -1: none (yet) */
    uint32_t armed;
    int error;                      /* a HAL code once the stream failed, else 0 */
    char *rbuf;                     /* received, not yet read */
    size_t rlen, rcap;
    struct out_chunk *out, *out_tail;
    size_t out_bytes;
    hal_netaddr addrs[8];           /* connect: the candidates, tried in order */
    int naddrs, next_addr;
    struct pv_thread **waiters;
    size_t nwait, capwait;
};

struct pv_net {
    struct pv_hostio *io;
    hal_poller *poller;
    hal_thread *thread;
    bool stop;
    struct net_sock **socks;
    uint32_t nsocks, capsocks;
    uint32_t *free_slots;
    uint32_t nfree;
    uint32_t next_serial;
    size_t held;                    /* bytes queued on every socket and the console */
    struct out_chunk *console, *console_tail;   /* --commit-output: console output held */
    atomic_uint_fast64_t durable;   /* set by the commit hook */
    uint64_t drained;               /* the durable generation last acted on */
    struct pv_class *conn_class;    /* .internal.net.connection, for accept */
    struct pv_class *sock_classes[3];   /* listener, connection, udp: objects that name a socket */
    uint32_t made;                  /* sockets made since the collectors were last asked to scan */
    hal_mutex dead_lock;            /* guards dead[]: sockets whose objects were freed */
    uint64_t *dead;                 /* tokens (slot, serial) */
    size_t ndead, capdead;
};

static char *copy_text(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    return p ? memcpy(p, s, n) : NULL;
}

/* ---- errors -------------------------------------------------------------------------- */

int pv_net_error(int hal_code)
{
    switch (hal_code) {
    case -111: return PV_NET_E_REFUSED;         /* ECONNREFUSED */
    case -104: case -32: return PV_NET_E_RESET; /* ECONNRESET, EPIPE */
    case -110: return PV_NET_E_TIMEDOUT;        /* ETIMEDOUT */
    case HAL_E_NONAME: return PV_NET_E_NAME_NOT_FOUND;
    case HAL_E_NAMEFAIL: return PV_NET_E_LOOKUP;
    case -98: return PV_NET_E_ADDRESS_IN_USE;   /* EADDRINUSE */
    case -99: case -22: case -97: return PV_NET_E_BAD_ADDRESS; /* EADDRNOTAVAIL, EINVAL, EAFNOSUPPORT */
    case -101: case -113: return PV_NET_E_UNREACHABLE;          /* ENETUNREACH, EHOSTUNREACH */
    default: return hal_code < 0 && hal_code >= PV_NET_E_LAST ? hal_code : PV_NET_E_IO;
    }
}

const char *pv_net_error_text(int code)
{
    static const char *const text[] = {
        "connection refused", "connection reset by the peer", "timed out", "name not found",
        "connection lost at restart", "the socket is closed", "address already in use",
        "not a valid address or port", "network or host unreachable", "line too long",
        "not connected, or connected already", "input/output error", "name lookup failed",
    };
    return code < 0 && code >= PV_NET_E_LAST ? text[-code - 1] : "no error";
}

/* ---- the table ------------------------------------------------------------------------ */

static uint64_t token(uint32_t slot, uint32_t serial) { return (uint64_t)serial << 32 | slot; }

static struct net_sock *sock_at(struct pv_net *net, uint32_t slot, uint32_t serial)
{
    struct net_sock *s = slot < net->nsocks ? net->socks[slot] : NULL;
    return s && s->serial == serial ? s : NULL;
}

static bool releasable(struct pv_net *net, const struct out_chunk *c)
{
    return c->ticket <= atomic_load(&net->durable);
}

static bool wants_input(uint32_t op)
{
    return op == PV_IO_NET_ACCEPT || op == PV_IO_NET_READ || op == PV_IO_NET_READTEXT ||
           op == PV_IO_NET_READLINE || op == PV_IO_NET_RECVFROM || op == PV_IO_NET_RECVTEXT;
}

/* Asks the poller for what s needs now. */
static void arm(struct pv_net *net, uint32_t slot, struct net_sock *s)
{
    if (s->fd < 0)
        return;
    uint32_t want = 0;
    for (size_t i = 0; i < s->nwait && !s->ready_posted; i++)
        if (wants_input(s->waiters[i]->io_op))
            want |= HAL_POLL_IN;
    if ((s->connecting && !s->ready_posted) || (s->out && releasable(net, s->out)))
        want |= HAL_POLL_OUT;
    if (want && want != s->armed && hal_poller_set(net->poller, s->fd, want, token(slot, s->serial)) == 0)
        s->armed = want;
}

static void free_chunks(struct pv_net *net, struct net_sock *s)
{
    while (s->out) {
        struct out_chunk *c = s->out;
        s->out = c->next;
        net->held -= c->len;
        free(c);
    }
    s->out_tail = NULL;
    s->out_bytes = 0;
}

static void destroy(struct pv_net *net, uint32_t slot)
{
    struct net_sock *s = net->socks[slot];
    HAL_ASSERT(s && !s->nwait);
    if (s->fd >= 0) {
        hal_poller_remove(net->poller, s->fd);
        hal_net_close(s->fd);
    }
    free_chunks(net, s);
    free(s->rbuf);
    free(s->waiters);
    free(s);
    net->socks[slot] = NULL;
    net->free_slots[net->nfree++] = slot;
}

static void post_ready(struct pv_hostio *io, uint32_t slot, struct net_sock *s)
{
    if (!s->ready_posted && pv_io_post(io, (struct io_done){.kind = DONE_READY, .slot = slot, .serial = s->serial}) == 0)
        s->ready_posted = true;
}

/* Sends what may leave of s's queue. */
static void drain(struct pv_net *net, uint32_t slot, struct net_sock *s)
{
    while (s->out && releasable(net, s->out) && s->fd >= 0 && !s->connecting) {
        struct out_chunk *c = s->out;
        long n = c->fin ? hal_net_shutdown_write(s->fd)
                 : s->kind == NK_UDP ? hal_net_sendto(s->fd, c->data, c->len, &c->to)
                                     : hal_net_send(s->fd, c->data + c->off, c->len - c->off);
        if (n == -11)   /* EAGAIN: the poller says when there is room */
            break;
        if (n < 0 && s->kind != NK_UDP) {
            s->error = (int)n;
            free_chunks(net, s);
            break;
        }
        c->off = n < 0 || s->kind == NK_UDP ? c->len : c->off + (size_t)n;   /* a datagram that failed is dropped */
        if (c->off == c->len) {
            s->out = c->next;
            if (!s->out)
                s->out_tail = NULL;
            s->out_bytes -= c->len;
            net->held -= c->len;
            free(c);
        }
    }
    if (s->closing && !s->out) {
        destroy(net, slot);
        return;
    }
    for (size_t k = 0; k < s->nwait; k++)   /* writers waiting for room */
        if (s->waiters[k]->io_op == PV_IO_NET_SEND && (s->out_bytes < OUT_LIMIT || s->error))
            post_ready(net->io, slot, s);
    arm(net, slot, s);
}

/* A socket in the table for fd (or none yet: fd -1). */
static struct net_sock *sock_new(struct pv_net *net, uint8_t kind, hal_sock fd, uint32_t *slot_out)
{
    if (!net->nfree) {
        uint32_t cap = net->capsocks ? net->capsocks * 2 : 64;
        struct net_sock **ns = realloc(net->socks, cap * sizeof *ns);
        if (!ns)
            return NULL;
        net->socks = ns;
        uint32_t *nf = realloc(net->free_slots, cap * sizeof *nf);
        if (!nf)
            return NULL;
        net->free_slots = nf;
        for (uint32_t i = cap; i > net->capsocks; i--)
            net->free_slots[net->nfree++] = i - 1;
        for (uint32_t i = net->capsocks; i < cap; i++)
            net->socks[i] = NULL;
        net->capsocks = cap;
    }
    struct net_sock *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    uint32_t slot = net->free_slots[--net->nfree];
    s->serial = ++net->next_serial;
    s->kind = kind;
    s->fd = -1;
    s->commit = true;
    if (slot >= net->nsocks)
        net->nsocks = slot + 1;
    net->socks[slot] = s;
    if (fd >= 0) {
        s->fd = fd;
        hal_poller_add(net->poller, fd, 0, token(slot, s->serial));
    }
    *slot_out = slot;
    return s;
}

/* Writes the console output whose state is durable. */
static void release_console(struct pv_net *net)
{
    while (net->console && releasable(net, net->console)) {
        struct out_chunk *c = net->console;
        hal_console_write(c->stream, c->data, c->len);
        net->console = c->next;
        if (!net->console)
            net->console_tail = NULL;
        net->held -= c->len;
        free(c);
    }
}

/* ---- the I/O thread ------------------------------------------------------------------ */

/* Closes the sockets whose objects the collectors freed (io->lock held). */
static void close_dead(struct pv_net *net);

/* Before the VM's thread makes a host socket (io->lock held): the
 * dropped ones go first, and now and then the collectors are asked to
 * look for more. */
static void reclaim(pv_vm *vm, struct pv_net *net)
{
    close_dead(net);
    if (++net->made >= RECLAIM_EVERY) {
        net->made = 0;
        pv_gc_want_scan(vm);
    }
}

static void close_dead(struct pv_net *net)
{
    hal_mutex_lock(&net->dead_lock);
    uint64_t *dead = net->dead;
    size_t n = net->ndead;
    net->dead = NULL;
    net->ndead = net->capdead = 0;
    hal_mutex_unlock(&net->dead_lock);
    for (size_t i = 0; i < n; i++) {
        uint32_t slot = (uint32_t)dead[i];
        struct net_sock *s = sock_at(net, slot, (uint32_t)(dead[i] >> 32));
        if (!s || s->closing || s->nwait)
            continue;
        s->closing = true;
        drain(net, slot, s);   /* destroys it unless output is still held */
    }
    free(dead);
}

static void io_thread(void *arg)
{
    struct pv_hostio *io = arg;
    struct pv_net *net = io->net;
    hal_poll_event ev[POLL_BATCH];
    for (;;) {
        int n = hal_poller_wait(net->poller, ev, POLL_BATCH, -1);
        hal_mutex_lock(&io->lock);
        if (net->stop) {
            hal_mutex_unlock(&io->lock);
            return;
        }
        close_dead(net);
        for (int i = 0; i < n; i++) {
            uint32_t slot = (uint32_t)ev[i].token, serial = (uint32_t)(ev[i].token >> 32);
            struct net_sock *s = sock_at(net, slot, serial);
            if (!s)
                continue;
            s->armed = 0;
            bool input = false;
            for (size_t k = 0; k < s->nwait; k++)
                input |= wants_input(s->waiters[k]->io_op);
            if ((s->connecting && (ev[i].events & (HAL_POLL_OUT | HAL_POLL_ERR))) ||
                (input && (ev[i].events & (HAL_POLL_IN | HAL_POLL_ERR))))
                post_ready(io, slot, s);
            drain(net, slot, s);   /* output, and arms again (may destroy a closed s) */
        }
        uint64_t g = atomic_load(&net->durable);
        if (g != net->drained) {
            net->drained = g;
            release_console(net);
            for (uint32_t slot = 0; slot < net->nsocks; slot++)
                if (net->socks[slot] && net->socks[slot]->out)
                    drain(net, slot, net->socks[slot]);
        }
        hal_mutex_unlock(&io->lock);
    }
}

static void on_commit(void *ctx, uint64_t generation)
{
    struct pv_net *net = ctx;
    atomic_store(&net->durable, generation);
    hal_poller_wake(net->poller);
}

/* io->net, made (with its thread) on first use; io->lock held. */
static struct pv_net *net_get(pv_vm *vm, struct pv_hostio *io)
{
    if (io->net)
        return io->net;
    struct pv_net *net = calloc(1, sizeof *net);
    if (!net || hal_poller_open(&net->poller) < 0) {
        free(net);
        return NULL;
    }
    net->io = io;
    hal_mutex_init(&net->dead_lock);
    static const char *const sock_names[3] = {".internal.net.listener", ".internal.net.connection", ".internal.net.udp"};
    for (int i = 0; i < 3; i++)
        net->sock_classes[i] = pv_find_class(vm, sock_names[i]);
    atomic_store(&net->durable, pw_durable_generation(vm->w));
    net->drained = atomic_load(&net->durable);
    io->net = net;
    if (hal_thread_start(&net->thread, io_thread, io, "pv-netio") != 0) {
        hal_poller_close(net->poller);
        free(net);
        io->net = NULL;
        return NULL;
    }
    pw_on_commit(vm->w, on_commit, net);
    return net;
}

/* ---- objects and their host sockets ------------------------------------------------ */

static struct pv_native_obj *obj(pv_value v) { return pv_as_ptr(v); }
static int32_t word_int(pv_value self, int w) { return pv_is_int(obj(self)->w[w]) ? pv_as_int(obj(self)->w[w]) : 0; }
static uint32_t state_of(pv_value self) { return (uint32_t)word_int(self, NW_STATE) & 0xffu; }
static uint32_t flags_of(pv_value self) { return (uint32_t)word_int(self, NW_STATE) >> 8; }
static int32_t boot_tag(pv_vm *vm) { return (int32_t)(vm->root->boots & 0x7fffffff); }

static void set_word(pv_vm *vm, pv_value self, int w, pv_value v) { pv_gc_write(vm, &obj(self)->w[w], v); }

static void set_state(pv_vm *vm, pv_value self, uint32_t state, uint32_t flags)
{
    set_word(vm, self, NW_STATE, pv_int((int32_t)(state | flags << 8)));
}

static void bind_obj(pv_vm *vm, pv_value self, uint32_t slot, const struct net_sock *s)
{
    set_word(vm, self, NW_SLOT, pv_int((int32_t)slot));
    set_word(vm, self, NW_SERIAL, pv_int((int32_t)s->serial));
    set_word(vm, self, NW_BOOT, pv_int(boot_tag(vm)));
}

/* The host socket of self in this boot, or NULL (io->lock held). */
static struct net_sock *sock_of(pv_vm *vm, pv_value self, uint32_t *slot)
{
    struct pv_net *net = vm->io ? vm->io->net : NULL;
    if (!net || word_int(self, NW_BOOT) != boot_tag(vm) || !pv_is_int(obj(self)->w[NW_SLOT]))
        return NULL;
    *slot = (uint32_t)word_int(self, NW_SLOT);
    return sock_at(net, *slot, (uint32_t)word_int(self, NW_SERIAL));
}

/* Why self has no usable host socket, as a result. */
static pv_value no_sock(pv_value self)
{
    switch (state_of(self)) {
    case NS_CLOSED: return pv_int(PV_NET_E_CLOSED);
    case NS_NEW: return pv_int(PV_NET_E_STATE);
    case NS_FAILED: return pv_int(word_int(self, NW_ERROR) ? word_int(self, NW_ERROR) : PV_NET_E_LOST);
    default: return pv_int(PV_NET_E_LOST);   /* open in an earlier boot */
    }
}

static int add_waiter(struct net_sock *s, struct pv_thread *t)
{
    if (s->nwait == s->capwait) {
        size_t cap = s->capwait ? s->capwait * 2 : 4;
        struct pv_thread **w = realloc(s->waiters, cap * sizeof *w);
        if (!w)
            return -1;
        s->waiters = w;
        s->capwait = cap;
    }
    s->waiters[s->nwait++] = t;
    return 0;
}

static void remove_waiter(struct net_sock *s, size_t i)
{
    memmove(s->waiters + i, s->waiters + i + 1, (s->nwait - i - 1) * sizeof *s->waiters);
    s->nwait--;
}

/* Parks the current thread on s for op (io->lock held; unlocks). */
static int park_on(pv_vm *vm, pv_value self, uint32_t slot, struct net_sock *s, uint32_t op, pv_value arg)
{
    struct pv_hostio *io = vm->io;
    struct pv_thread *t = vm->cur;
    if (add_waiter(s, t) < 0) {
        hal_mutex_unlock(&io->lock);
        return pv_throw_oom(vm);
    }
    t->io_op = op;   /* arm() reads it */
    arm(io->net, slot, s);
    hal_mutex_unlock(&io->lock);
    return pv_io_park(vm, t, op, self, arg, word_int(self, NW_TIMEOUT));
}

/* ---- the calls, tried without waiting ------------------------------------------------ */

/* Receives more into s->rbuf (room for at least `room` more bytes): 1 if
 * bytes came, 0 if none yet, -1 at end of stream or on an error (s->eof,
 * s->error). */
static int recv_more(struct net_sock *s, size_t room)
{
    if (s->rcap - s->rlen < room) {
        size_t cap = s->rlen + room;
        char *nb = realloc(s->rbuf, cap);
        if (!nb) {
            s->error = -12;
            return -1;
        }
        s->rbuf = nb;
        s->rcap = cap;
    }
    long n = hal_net_recv(s->fd, s->rbuf + s->rlen, s->rcap - s->rlen);
    if (n == -11)
        return 0;
    if (n <= 0) {
        if (n < 0)
            s->error = (int)n;
        s->eof = true;
        return -1;
    }
    s->rlen += (size_t)n;
    return 1;
}

static pv_value take_bytes(pv_vm *vm, struct net_sock *s, size_t n, size_t skip, bool text)
{
    void *o = text ? (void *)pv_str_new(vm, s->rbuf, n) : (void *)pv_binary_of(vm, s->rbuf, (uint32_t)n);
    if (!o)
        return pv_int(PV_NET_E_IO);
    memmove(s->rbuf, s->rbuf + n + skip, s->rlen - n - skip);
    s->rlen -= n + skip;
    return pv_from_ptr(o);
}

/* A read of up to max bytes (or a line of at most max) from s: true with
 * *out set, false if it must wait. */
static bool try_read(pv_vm *vm, struct net_sock *s, uint32_t op, int32_t max, pv_value *out)
{
    for (;;) {
        if (op == PV_IO_NET_READLINE) {
            char *nl = s->rlen ? memchr(s->rbuf, '\n', s->rlen) : NULL;
            if (nl) {
                size_t len = (size_t)(nl - s->rbuf), keep = len && s->rbuf[len - 1] == '\r' ? len - 1 : len;
                if (keep > (size_t)max) {
                    *out = pv_int(PV_NET_E_TOO_LONG);
                    return true;
                }
                *out = take_bytes(vm, s, keep, len - keep + 1, true);
                return true;
            }
            if (s->rlen > (size_t)max) {
                *out = pv_int(PV_NET_E_TOO_LONG);
                return true;
            }
        } else if (s->rlen) {
            *out = take_bytes(vm, s, s->rlen < (size_t)max ? s->rlen : (size_t)max, 0, op == PV_IO_NET_READTEXT);
            return true;
        }
        if (s->eof) {
            if (s->error && !s->rlen)
                *out = pv_int(pv_net_error(s->error));
            else if (op == PV_IO_NET_READLINE && s->rlen)   /* the last line, without an ending */
                *out = take_bytes(vm, s, s->rlen, 0, true);
            else
                *out = PV_NULL;
            return true;
        }
        if (s->error) {
            *out = pv_int(pv_net_error(s->error));
            return true;
        }
        size_t room = op == PV_IO_NET_READLINE || max > 65536 ? 65536 : (size_t)max;
        if (recv_more(s, room) == 0)
            return false;
    }
}

static bool try_accept(pv_vm *vm, pv_value self, struct net_sock *ls, pv_value *out)
{
    struct pv_net *net = vm->io->net;
    hal_sock fd;
    hal_netaddr peer;
    reclaim(vm, net);
    int rc = hal_net_accept(ls->fd, &fd, &peer);
    if (rc == -11)
        return false;
    if (rc < 0) {
        *out = pv_int(pv_net_error(rc));
        return true;
    }
    if (!net->conn_class)
        net->conn_class = pv_find_class(vm, ".internal.net.connection");
    const char *why;
    pv_value c = net->conn_class ? pv_new_object(vm, net->conn_class, &why) : PV_NULL;
    char text[HAL_NETADDR_TEXT];
    hal_net_addr_text(&peer, text, sizeof text);
    struct pv_string *host = c != PV_NULL ? pv_str_cstr(vm, text) : NULL;
    uint32_t slot;
    struct net_sock *s = host ? sock_new(net, NK_STREAM, fd, &slot) : NULL;
    if (!s) {
        hal_net_close(fd);
        *out = pv_int(PV_NET_E_IO);
        return true;
    }
    s->commit = ls->commit;
    bind_obj(vm, c, slot, s);
    set_word(vm, c, NW_HOST, pv_from_ptr(host));
    set_word(vm, c, NW_PORT, pv_int(peer.port));
    set_state(vm, c, NS_OPEN, flags_of(self) & NF_NO_COMMIT);
    *out = c;
    return true;
}

static bool try_recvfrom(pv_vm *vm, struct net_sock *s, uint32_t op, int32_t max, pv_value *out)
{
    char *buf = malloc((size_t)max);
    if (!buf) {
        *out = pv_int(PV_NET_E_IO);
        return true;
    }
    hal_netaddr from;
    long n = hal_net_recvfrom(s->fd, buf, (size_t)max, &from);
    if (n == -11) {
        free(buf);
        return false;
    }
    if (n < 0) {
        free(buf);
        *out = pv_int(pv_net_error((int)n));
        return true;
    }
    if (op == PV_IO_NET_RECVTEXT) {
        struct pv_string *str = pv_str_new(vm, buf, (size_t)n);
        free(buf);
        *out = str ? pv_from_ptr(str) : pv_int(PV_NET_E_IO);
        return true;
    }
    char text[HAL_NETADDR_TEXT];
    hal_net_addr_text(&from, text, sizeof text);
    struct pv_array *a = pv_array_new(vm, 3);
    struct pv_binary *b = a ? pv_binary_of(vm, buf, (uint32_t)n) : NULL;
    struct pv_string *h = b ? pv_str_cstr(vm, text) : NULL;
    free(buf);
    if (!h) {
        *out = pv_int(PV_NET_E_IO);
        return true;
    }
    pv_gc_write(vm, &a->items[0], pv_from_ptr(b));
    pv_gc_write(vm, &a->items[1], pv_from_ptr(h));
    a->items[2] = pv_int(from.port);
    *out = pv_from_ptr(a);
    return true;
}

/* Starts connecting s to its next candidate address: 1 if it waits for
 * the poller, else done with *rc (0 connected, or an error). */
static bool connect_next(struct pv_net *net, uint32_t slot, struct net_sock *s, int *rc)
{
    *rc = PV_NET_E_REFUSED;
    while (s->next_addr < s->naddrs) {
        hal_sock fd;
        int r = hal_net_connect(&s->addrs[s->next_addr++], &fd);
        if (r == 0 || r == -115) {   /* EINPROGRESS */
            s->fd = fd;
            hal_poller_add(net->poller, fd, 0, token(slot, s->serial));
            if (r == 0) {
                s->connecting = false;
                *rc = 0;
                return false;
            }
            s->connecting = true;
            return true;
        }
        *rc = pv_net_error(r);
    }
    s->connecting = false;
    return false;
}

/* The connect of s was reported ready: 1 if it still waits. */
static bool connect_progress(struct pv_net *net, uint32_t slot, struct net_sock *s, int *rc)
{
    int st = hal_net_connect_status(s->fd);
    if (st == 0) {
        s->connecting = false;
        *rc = 0;
        return false;
    }
    hal_poller_remove(net->poller, s->fd);
    hal_net_close(s->fd);
    s->fd = -1;
    s->armed = 0;
    if (connect_next(net, slot, s, rc))
        return true;
    if (*rc == PV_NET_E_REFUSED && st != -111)
        *rc = pv_net_error(st);
    return false;
}

/* Answers s's connect waiters with rc and sets their object's state. */
static void answer_connect(pv_vm *vm, struct net_sock *s, int rc)
{
    for (size_t i = 0; i < s->nwait;) {
        struct pv_thread *t = s->waiters[i];
        if (t->io_op != PV_IO_NET_CONNECT) {
            i++;
            continue;
        }
        pv_value self = t->wait_on;
        set_state(vm, self, rc == 0 ? NS_OPEN : NS_NEW, flags_of(self));
        remove_waiter(s, i);
        pv_io_answer(vm, t, pv_int(rc));
    }
}

/* Tries the call t waits for on s: true if answered. */
static bool try_waiter(pv_vm *vm, struct net_sock *s, struct pv_thread *t)
{
    pv_value out = PV_NULL;
    int32_t arg = pv_is_int(t->wait_mutex) ? pv_as_int(t->wait_mutex) : 0;
    bool done;
    switch (t->io_op) {
    case PV_IO_NET_ACCEPT: done = try_accept(vm, t->wait_on, s, &out); break;
    case PV_IO_NET_READ:
    case PV_IO_NET_READTEXT:
    case PV_IO_NET_READLINE: done = try_read(vm, s, t->io_op, arg, &out); break;
    case PV_IO_NET_RECVFROM:
    case PV_IO_NET_RECVTEXT: done = try_recvfrom(vm, s, t->io_op, arg, &out); break;
    case PV_IO_NET_SEND:
        done = s->out_bytes < OUT_LIMIT || s->error;
        out = s->error ? pv_int(pv_net_error(s->error)) : pv_int(arg);
        break;
    default: done = false; break;   /* connects: answer_connect */
    }
    if (done)
        pv_io_answer(vm, t, out);
    return done;
}

void pv_net_deliver_ready(pv_vm *vm, uint32_t slot, uint32_t serial)
{
    struct pv_hostio *io = vm->io;
    hal_mutex_lock(&io->lock);
    struct net_sock *s = io->net ? sock_at(io->net, slot, serial) : NULL;
    if (!s) {
        hal_mutex_unlock(&io->lock);
        return;
    }
    s->ready_posted = false;
    int rc;
    if (s->connecting && !connect_progress(io->net, slot, s, &rc))
        answer_connect(vm, s, rc);
    for (size_t i = 0; i < s->nwait;) {
        struct pv_thread *t = s->waiters[i];
        if (t->io_op != PV_IO_NET_CONNECT && try_waiter(vm, s, t))
            remove_waiter(s, i);
        else
            i++;
    }
    arm(io->net, slot, s);
    hal_mutex_unlock(&io->lock);
}

/* ---- the natives' bodies --------------------------------------------------------------- */

/* Locks io and finds self's host socket; NULL (unlocked, *ret set) if there is none. */
static struct net_sock *enter(pv_vm *vm, pv_value self, uint32_t *slot, pv_value *ret)
{
    struct pv_hostio *io = vm->io;
    if (!io) {
        *ret = no_sock(self);
        return NULL;
    }
    hal_mutex_lock(&io->lock);
    struct net_sock *s = sock_of(vm, self, slot);
    if (!s || s->closing) {
        hal_mutex_unlock(&io->lock);
        *ret = no_sock(self);
        return NULL;
    }
    return s;
}

/* Locks io with its network started; NULL (unlocked) on out of memory. */
static struct pv_net *enter_net(pv_vm *vm)
{
    struct pv_hostio *io = pv_io_get(vm);
    if (!io)
        return NULL;
    hal_mutex_lock(&io->lock);
    struct pv_net *net = net_get(vm, io);
    if (!net)
        hal_mutex_unlock(&io->lock);
    return net;
}

static int check_port(int32_t port, bool zero_ok)
{
    return port < (zero_ok ? 0 : 1) || port > 65535 ? PV_NET_E_BAD_ADDRESS : 0;
}

/* Lists self in the restart list (listeners, UDP sockets: bound again at boot). */
static int list_for_restart(pv_vm *vm, pv_value self)
{
    if (flags_of(self) & NF_LISTED)
        return 0;
    if (pv_array_push(vm, vm->root->restart, self) < 0)
        return -1;
    set_state(vm, self, state_of(self), flags_of(self) | NF_LISTED);
    return 0;
}

void pv_restart_list_remove(pv_vm *vm, pv_value o)
{
    struct pv_array *l = vm->root->restart;
    for (uint32_t i = 0; i < l->len; i++)
        if (l->items[i] == o) {
            pv_gc_write(vm, &l->items[i], l->items[l->len - 1]);
            pv_gc_write(vm, &l->items[--l->len], PV_NULL);
            return;
        }
}

static void unlist(pv_vm *vm, pv_value self)
{
    pv_restart_list_remove(vm, self);
    set_state(vm, self, state_of(self), flags_of(self) & ~NF_LISTED);
}

/* Makes the host side of a listener or UDP socket from its words. */
static int open_bound(pv_vm *vm, pv_value self, uint8_t kind)
{
    struct pv_string *host = pv_as_ptr(obj(self)->w[NW_HOST]);
    hal_netaddr a;
    if (hal_net_addr_parse(host->bytes, (uint16_t)word_int(self, NW_PORT), &a) < 0)
        return PV_NET_E_BAD_ADDRESS;
    struct pv_net *net = enter_net(vm);
    if (!net)
        return PV_NET_E_IO;
    hal_sock fd;
    reclaim(vm, net);
    int rc = kind == NK_LISTENER ? hal_net_listen(&a, 1024, &fd) : hal_net_udp_open(&a, &fd);
    uint32_t slot;
    struct net_sock *s = rc == 0 ? sock_new(net, kind, fd, &slot) : NULL;
    if (rc == 0 && !s) {
        hal_net_close(fd);
        rc = -12;
    }
    if (s) {
        hal_netaddr local;
        if (hal_net_local_addr(fd, &local) == 0)
            set_word(vm, self, NW_PORT, pv_int(local.port));
        s->commit = !(flags_of(self) & NF_NO_COMMIT);
        bind_obj(vm, self, slot, s);
    }
    hal_mutex_unlock(&vm->io->lock);
    return rc ? pv_net_error(rc) : 0;
}

static int bound_open(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, uint8_t kind, pv_value *ret)
{
    uint32_t st = state_of(self);
    if (st != NS_NEW && st != NS_CLOSED && st != NS_FAILED) {
        *ret = pv_int(PV_NET_E_STATE);
        return PV_NOK;
    }
    if (check_port(port, true)) {
        *ret = pv_int(PV_NET_E_BAD_ADDRESS);
        return PV_NOK;
    }
    set_word(vm, self, NW_HOST, pv_from_ptr(host));
    set_word(vm, self, NW_PORT, pv_int(port));
    set_word(vm, self, NW_ERROR, pv_int(0));
    int rc = open_bound(vm, self, kind);
    if (rc == 0) {
        set_state(vm, self, kind == NK_LISTENER ? NS_LISTENING : NS_BOUND, flags_of(self));
        if (list_for_restart(vm, self) < 0)
            return pv_throw_oom(vm);
    }
    *ret = pv_int(rc);
    return PV_NOK;
}

int pv_net_listen(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, pv_value *ret)
{
    return bound_open(vm, self, host, port, NK_LISTENER, ret);
}

int pv_net_udp_bind(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, pv_value *ret)
{
    return bound_open(vm, self, host, port, NK_UDP, ret);
}

int pv_net_restart(pv_vm *vm, pv_value self)
{
    uint32_t st = state_of(self);
    if (st != NS_LISTENING && st != NS_BOUND && st != NS_FAILED)
        return PV_NOK;
    bool listener = pv_class_of(vm, self) && !strcmp(pv_class_of(vm, self)->name->bytes, ".internal.net.listener");
    if (!pv_is_obj(obj(self)->w[NW_HOST]))
        return PV_NOK;
    int rc = open_bound(vm, self, listener ? NK_LISTENER : NK_UDP);
    set_word(vm, self, NW_ERROR, pv_int(rc));
    set_state(vm, self, rc ? NS_FAILED : listener ? NS_LISTENING : NS_BOUND, flags_of(self));
    return PV_NOK;
}

int pv_net_accept(pv_vm *vm, pv_value self, pv_value *ret)
{
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, ret);
    if (!s)
        return PV_NOK;
    if (s->kind != NK_LISTENER) {
        hal_mutex_unlock(&vm->io->lock);
        *ret = pv_int(PV_NET_E_STATE);
        return PV_NOK;
    }
    if (try_accept(vm, self, s, ret)) {
        hal_mutex_unlock(&vm->io->lock);
        return PV_NOK;
    }
    return park_on(vm, self, slot, s, PV_IO_NET_ACCEPT, PV_NULL);
}

/* ---- connecting, with a lookup when the host is a name ----------------------------------- */

static void lookup_run(struct io_job *j)
{
    j->rc = hal_net_resolve(j->text, j->port, j->addrs, (int)(sizeof j->addrs / sizeof j->addrs[0]));
    if (j->rc > 0)
        j->naddrs = j->rc;
}

/* The lookup for a connect by name is done: start connecting. */
static void connect_lookup_done(pv_vm *vm, struct io_job *j)
{
    struct pv_hostio *io = vm->io;
    hal_mutex_lock(&io->lock);
    struct net_sock *s = io->net ? sock_at(io->net, j->slot, j->serial) : NULL;
    if (s && s->connecting && s->fd < 0) {
        memcpy(s->addrs, j->addrs, sizeof s->addrs);
        s->naddrs = j->naddrs;
        s->next_addr = 0;
        int rc = pv_net_error(j->rc);
        if (j->rc < 0 || !connect_next(io->net, j->slot, s, &rc))
            answer_connect(vm, s, j->rc < 0 ? pv_net_error(j->rc) : rc);
        else
            arm(io->net, j->slot, s);
    }
    hal_mutex_unlock(&io->lock);
}

/* Starts the connect of self to its words' host and port for t; returns
 * 1 if t waits (listed on the new socket), else 0 with *rc. */
static int start_connect(pv_vm *vm, pv_value self, struct pv_thread *t, int *rc)
{
    struct pv_string *host = pv_as_ptr(obj(self)->w[NW_HOST]);
    uint16_t port = (uint16_t)word_int(self, NW_PORT);
    struct pv_net *net = enter_net(vm);
    if (!net) {
        *rc = PV_NET_E_IO;
        return 0;
    }
    uint32_t slot;
    reclaim(vm, net);
    struct net_sock *s = sock_new(net, NK_STREAM, -1, &slot);
    if (!s || add_waiter(s, t) < 0) {
        if (s)
            destroy(net, slot);
        hal_mutex_unlock(&vm->io->lock);
        *rc = PV_NET_E_IO;
        return 0;
    }
    t->io_op = PV_IO_NET_CONNECT;
    s->commit = !(flags_of(self) & NF_NO_COMMIT);
    s->connecting = true;
    bind_obj(vm, self, slot, s);
    set_state(vm, self, NS_CONNECTING, flags_of(self));
    bool waits;
    if (hal_net_addr_parse(host->bytes, port, &s->addrs[0]) == 0 && host->len) {
        s->naddrs = 1;
        waits = connect_next(net, slot, s, rc);
        if (waits)
            arm(net, slot, s);
    } else {
        struct io_job *j = calloc(1, sizeof *j);
        if (j) {
            j->run = lookup_run;
            j->finish = connect_lookup_done;
            j->slot = slot;
            j->serial = s->serial;
            j->port = port;
            j->text = copy_text(host->bytes);
        }
        hal_mutex_unlock(&vm->io->lock);
        waits = j && j->text && pv_io_start_job(vm, j) == 0;
        if (!waits && j)
            pv_io_job_free(j);
        hal_mutex_lock(&vm->io->lock);
        *rc = PV_NET_E_IO;
        s = sock_at(net, slot, s->serial);
        if (!s)
            waits = false;
    }
    if (!waits && s) {
        s->nwait = 0;
        set_state(vm, self, *rc == 0 ? NS_OPEN : NS_NEW, flags_of(self));
        if (*rc)
            destroy(net, slot);
    }
    hal_mutex_unlock(&vm->io->lock);
    return waits;
}

int pv_net_connect(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, pv_value *ret)
{
    if (state_of(self) != NS_NEW && state_of(self) != NS_CLOSED) {
        *ret = pv_int(PV_NET_E_STATE);
        return PV_NOK;
    }
    if (check_port(port, false) || !host->len || memchr(host->bytes, 0, host->len)) {
        *ret = pv_int(PV_NET_E_BAD_ADDRESS);
        return PV_NOK;
    }
    set_word(vm, self, NW_HOST, pv_from_ptr(host));
    set_word(vm, self, NW_PORT, pv_int(port));
    int rc;
    if (start_connect(vm, self, vm->cur, &rc))
        return pv_io_park(vm, vm->cur, PV_IO_NET_CONNECT, self, PV_NULL, word_int(self, NW_TIMEOUT));
    *ret = pv_int(rc);
    return PV_NOK;
}

/* ---- reading and writing -------------------------------------------------------------- */

int pv_net_read(pv_vm *vm, pv_value self, uint32_t op, int32_t max, pv_value *ret)
{
    if (max < 1 || (uint32_t)max > READ_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "read: %ld bytes is not between 1 and %u", (long)max, READ_MAX);
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, ret);
    if (!s)
        return PV_NOK;
    if (s->kind != NK_STREAM || s->connecting) {
        hal_mutex_unlock(&vm->io->lock);
        *ret = pv_int(PV_NET_E_STATE);
        return PV_NOK;
    }
    if (try_read(vm, s, op, max, ret)) {
        hal_mutex_unlock(&vm->io->lock);
        return PV_NOK;
    }
    return park_on(vm, self, slot, s, op, pv_int(max));
}

int pv_net_recvfrom(pv_vm *vm, pv_value self, uint32_t op, int32_t max, pv_value *ret)
{
    if (max < 1 || (uint32_t)max > DGRAM_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "recvFrom: %ld bytes is not between 1 and %u", (long)max, DGRAM_MAX);
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, ret);
    if (!s)
        return PV_NOK;
    if (try_recvfrom(vm, s, op, max, ret)) {
        hal_mutex_unlock(&vm->io->lock);
        return PV_NOK;
    }
    return park_on(vm, self, slot, s, op, pv_int(max));
}

/* Queues bytes on s (io->lock held): 0, or -1 on out of host memory. */
static int queue_out(pv_vm *vm, uint32_t slot, struct net_sock *s, const void *bytes, uint32_t len,
                     const hal_netaddr *to)
{
    struct pv_net *net = vm->io->net;
    struct out_chunk *c = calloc(1, sizeof *c + len);
    if (!c)
        return -1;
    if (bytes)
        memcpy(c->data, bytes, len);
    else
        c->fin = true;
    c->len = len;
    c->ticket = s->commit ? pw_commit_ticket(vm->w) : 0;
    if (to)
        c->to = *to;
    if (s->out_tail)
        s->out_tail->next = c;
    else
        s->out = c;
    s->out_tail = c;
    s->out_bytes += len;
    net->held += len;
    drain(net, slot, s);
    return 0;
}

/* Queues len bytes (io->lock held; unlocks): the result is len, and the
 * writer waits only while its socket holds over OUT_LIMIT bytes. */
static int send_queued(pv_vm *vm, pv_value self, uint32_t slot, struct net_sock *s, const void *bytes,
                       uint32_t len, const hal_netaddr *to, pv_value *ret)
{
    if (queue_out(vm, slot, s, bytes, len, to) < 0) {
        hal_mutex_unlock(&vm->io->lock);
        return pv_throw_oom(vm);
    }
    *ret = pv_int((int32_t)len);
    if (s->out_bytes < OUT_LIMIT) {
        hal_mutex_unlock(&vm->io->lock);
        return PV_NOK;
    }
    return park_on(vm, self, slot, s, PV_IO_NET_SEND, pv_int((int32_t)len));
}

int pv_net_write(pv_vm *vm, pv_value self, const void *bytes, uint32_t len, pv_value *ret)
{
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, ret);
    if (!s)
        return PV_NOK;
    int err = s->kind != NK_STREAM || s->connecting ? PV_NET_E_STATE : s->error ? pv_net_error(s->error) : 0;
    if (err || !len) {
        hal_mutex_unlock(&vm->io->lock);
        *ret = pv_int(err);
        return PV_NOK;
    }
    return send_queued(vm, self, slot, s, bytes, len, NULL, ret);
}

int pv_net_sendto(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, const void *bytes,
                  uint32_t len, pv_value *ret)
{
    hal_netaddr to;
    if (check_port(port, false) || hal_net_addr_parse(host->bytes, (uint16_t)port, &to) < 0 || !host->len) {
        *ret = pv_int(PV_NET_E_BAD_ADDRESS);
        return PV_NOK;
    }
    if (len > DGRAM_MAX - 8 - 20) {
        *ret = pv_int(PV_NET_E_TOO_LONG);
        return PV_NOK;
    }
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, ret);
    if (!s)
        return PV_NOK;
    return send_queued(vm, self, slot, s, bytes, len, &to, ret);
}

/* The end of the sending side goes after the bytes queued before it, so
 * it is queued too, as a chunk of its own. */
int pv_net_shutdown_output(pv_vm *vm, pv_value self, pv_value *ret)
{
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, ret);
    if (!s)
        return PV_NOK;
    int rc = s->kind != NK_STREAM || s->connecting ? PV_NET_E_STATE : 0;
    if (!rc && queue_out(vm, slot, s, NULL, 0, NULL) < 0) {
        hal_mutex_unlock(&vm->io->lock);
        return pv_throw_oom(vm);
    }
    hal_mutex_unlock(&vm->io->lock);
    *ret = pv_int(rc);
    return PV_NOK;
}

int pv_net_close(pv_vm *vm, pv_value self)
{
    uint32_t st = state_of(self);
    if (flags_of(self) & NF_LISTED)
        unlist(vm, self);
    if (st != NS_NEW)
        set_state(vm, self, NS_CLOSED, flags_of(self));
    pv_value ignored;
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, &ignored);
    if (!s)
        return PV_NOK;
    while (s->nwait) {   /* other threads waiting on it */
        struct pv_thread *t = s->waiters[--s->nwait];
        pv_io_answer(vm, t, pv_int(PV_NET_E_CLOSED));
    }
    s->closing = true;
    drain(vm->io->net, slot, s);   /* destroys it unless output is still held */
    hal_mutex_unlock(&vm->io->lock);
    return PV_NOK;
}

void pv_net_forget(pv_vm *vm, struct pv_obj *o)
{
    struct pv_net *net = vm->io ? vm->io->net : NULL;
    if (!net || (o->cls != net->sock_classes[0] && o->cls != net->sock_classes[1] && o->cls != net->sock_classes[2]))
        return;
    pv_value self = pv_from_ptr(o);
    uint32_t st = state_of(self);
    if (word_int(self, NW_BOOT) != boot_tag(vm) || !pv_is_int(obj(self)->w[NW_SLOT]) || st == NS_NEW ||
        st == NS_CLOSED || st == NS_FAILED)
        return;
    uint64_t t = token((uint32_t)word_int(self, NW_SLOT), (uint32_t)word_int(self, NW_SERIAL));
    hal_mutex_lock(&net->dead_lock);
    if (net->ndead == net->capdead) {
        size_t cap = net->capdead ? net->capdead * 2 : 16;
        uint64_t *d = realloc(net->dead, cap * sizeof *d);
        if (d) {
            net->dead = d;
            net->capdead = cap;
        }
    }
    bool listed = net->ndead < net->capdead;   /* out of host memory: the socket stays open until exit */
    if (listed)
        net->dead[net->ndead++] = t;
    hal_mutex_unlock(&net->dead_lock);
    if (listed)
        hal_poller_wake(net->poller);
}

int pv_net_peer(pv_vm *vm, pv_value self, bool port, pv_value *ret)
{
    (void)vm;
    if (port) {
        *ret = obj(self)->w[NW_PORT] == PV_NULL ? pv_int(0) : obj(self)->w[NW_PORT];
        return PV_NOK;
    }
    *ret = obj(self)->w[NW_HOST];
    return PV_NOK;
}

/* ---- name lookups ------------------------------------------------------------------------ */

static void lookup_done(pv_vm *vm, struct io_job *j)
{
    struct pv_thread *t = j->t;
    if (t->state != PV_TS_WAIT_IO || t->io_op != PV_IO_NET_LOOKUP)
        return;
    if (j->rc < 0) {
        pv_io_answer(vm, t, pv_int(pv_net_error(j->rc)));
        return;
    }
    struct pv_array *a = pv_array_new(vm, 0);
    for (int i = 0; a && i < j->naddrs; i++) {
        char text[HAL_NETADDR_TEXT];
        hal_net_addr_text(&j->addrs[i], text, sizeof text);
        struct pv_string *s = pv_str_cstr(vm, text);
        if (!s || pv_array_push(vm, a, pv_from_ptr(s)) < 0)
            a = NULL;
    }
    pv_io_answer(vm, t, a ? pv_from_ptr(a) : pv_int(PV_NET_E_IO));
}

/* Starts a lookup of name for t (now, or again at boot). */
static int start_lookup(pv_vm *vm, struct pv_thread *t, struct pv_string *name)
{
    struct io_job *j = calloc(1, sizeof *j);
    if (!j)
        return -1;
    j->run = lookup_run;
    j->finish = lookup_done;
    j->t = t;
    j->op = PV_IO_NET_LOOKUP;
    j->text = copy_text(name->bytes);
    if (!j->text || pv_io_start_job(vm, j) < 0) {
        pv_io_job_free(j);
        return -1;
    }
    return 0;
}

int pv_net_lookup(pv_vm *vm, struct pv_string *name, pv_value *ret)
{
    if (!name->len || memchr(name->bytes, 0, name->len)) {
        *ret = pv_int(PV_NET_E_BAD_ADDRESS);
        return PV_NOK;
    }
    if (start_lookup(vm, vm->cur, name) < 0)
        return pv_throw_oom(vm);
    return pv_io_park(vm, vm->cur, PV_IO_NET_LOOKUP, PV_NULL, pv_from_ptr(name), 0);
}

/* ---- curl: the original's HTTP GET, on a helper thread ------------------------------------- */

#define CURL_TIMEOUT_MS 50000

/* Waits for s to be ready for events, up to the curl timeout. */
static bool curl_wait(hal_sock s, uint32_t events)
{
    int r = hal_net_wait(s, events, CURL_TIMEOUT_MS);
    return r > 0;
}

static bool curl_send(hal_sock s, const char *p, size_t n)
{
    while (n) {
        long k = hal_net_send(s, p, n);
        if (k == -11 && curl_wait(s, HAL_POLL_OUT))
            continue;
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

/* The request leaves only once the state that asked for it is durable
 * (output commit), like every socket's output. */
static void curl_run(struct io_job *j)
{
    const char *url = j->text;
    j->rc = -1;
    if (strncmp(url, "http://", 7) || strlen(url) > 512)
        return;
    const char *host = url + 7, *slash = strchr(host, '/');
    if (!slash)
        return;
    char hostport[256];
    size_t hl = (size_t)(slash - host);
    if (!hl || hl >= sizeof hostport)
        return;
    memcpy(hostport, host, hl);
    hostport[hl] = 0;
    long port = 80;
    char *colon = strrchr(hostport, ':');
    if (colon && !strchr(colon, ']')) {
        char *end;
        port = strtol(colon + 1, &end, 10);
        if (*end || port < 1 || port > 65535)
            return;
        *colon = 0;
    }
    if (pw_wait_durable(j->io->w, j->ticket) < 0)
        return;   /* the world closes: the call is issued again at the next boot */
    hal_netaddr addrs[4];
    int n = hal_net_resolve(hostport, (uint16_t)port, addrs, 4);
    hal_sock s = -1;
    for (int i = 0; i < n && s < 0; i++) {
        int rc = hal_net_connect(&addrs[i], &s);
        if (rc == -115 && (!curl_wait(s, HAL_POLL_OUT) || hal_net_connect_status(s))) {
            hal_net_close(s);
            s = -1;
        } else if (rc && rc != -115) {
            s = -1;
        }
    }
    if (s < 0)
        return;
    char head[2048];
    int hn = snprintf(head, sizeof head,
                      "GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: PhantomOSNetTest/0.1 (PhantomOS i686; ru)\r\n"
                      "Accept: text/html,text/plain\r\nConnection: close\r\n",
                      slash, hostport);
    bool ok = hn > 0 && (size_t)hn < sizeof head && curl_send(s, head, (size_t)hn) &&
              curl_send(s, j->text2, strlen(j->text2)) && curl_send(s, "\r\n", 2);
    j->body = ok ? malloc(j->body_cap + 1) : NULL;
    while (j->body && j->body_len < j->body_cap) {
        long k = hal_net_recv(s, j->body + j->body_len, j->body_cap - j->body_len);
        if (k == -11 && curl_wait(s, HAL_POLL_IN))
            continue;
        if (k <= 0)
            break;   /* the end, an error or a timeout: what came counts */
        j->body_len += (size_t)k;
    }
    hal_net_close(s);
    if (j->body)
        j->rc = 0;
}

/* The text after the first blank line, or "" (no body, or a failure). */
static void curl_done(pv_vm *vm, struct io_job *j)
{
    struct pv_thread *t = j->t;
    if (t->state != PV_TS_WAIT_IO || t->io_op != PV_IO_NET_CURL)
        return;
    const char *body = "";
    size_t len = 0;
    for (size_t i = 0; j->rc == 0 && i + 1 < j->body_len; i++) {
        if (j->body[i] == '\n' && (j->body[i + 1] == '\n' || (j->body[i + 1] == '\r' && i + 2 < j->body_len &&
                                                               j->body[i + 2] == '\n'))) {
            size_t start = i + (j->body[i + 1] == '\n' ? 2 : 3);
            body = j->body + start;
            len = j->body_len - start;
            break;
        }
    }
    struct pv_string *s = pv_str_new(vm, body, len);
    pv_io_answer(vm, t, s ? pv_from_ptr(s) : PV_NULL);
}

static int start_curl(pv_vm *vm, struct pv_thread *t, pv_value args)
{
    struct pv_array *a = pv_as_ptr(args);
    struct pv_string *url = pv_as_ptr(a->items[0]), *headers = pv_as_ptr(a->items[1]);
    struct io_job *j = calloc(1, sizeof *j);
    if (!j)
        return -1;
    j->run = curl_run;
    j->finish = curl_done;
    j->t = t;
    j->op = PV_IO_NET_CURL;
    j->body_cap = (size_t)pv_as_int(a->items[2]);
    j->ticket = pw_commit_ticket(vm->w);
    j->text = copy_text(url->bytes);
    j->text2 = copy_text(headers->bytes);
    if (!j->text || !j->text2 || pv_io_start_job(vm, j) < 0) {
        pv_io_job_free(j);
        return -1;
    }
    return 0;
}

int pv_net_curl(pv_vm *vm, struct pv_string *url, struct pv_string *headers, int32_t buffer, pv_value *ret)
{
    struct pv_array *a = pv_array_new(vm, 3);
    if (!a)
        return pv_throw_oom(vm);
    pv_gc_write(vm, &a->items[0], pv_from_ptr(url));
    pv_gc_write(vm, &a->items[1], pv_from_ptr(headers));
    a->items[2] = pv_int(buffer);
    if (start_curl(vm, vm->cur, pv_from_ptr(a)) < 0) {
        *ret = pv_from_ptr(pv_str_new(vm, "", 0));
        return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
    }
    return pv_io_park(vm, vm->cur, PV_IO_NET_CURL, PV_NULL, pv_from_ptr(a), 0);
}

/* ---- boot, cancel, shutdown ------------------------------------------------------------------- */

bool pv_net_is_op(uint32_t op) { return op >= PV_IO_NET_ACCEPT && op <= PV_IO_NET_RECVTEXT; }

/* docs/TRANSIENT.md: what each waiting call does at boot. */
int pv_net_reissue(pv_vm *vm, struct pv_thread *t)
{
    uint32_t op = t->io_op;
    if (op == PV_IO_NET_LOOKUP)
        return start_lookup(vm, t, pv_as_ptr(t->wait_mutex));
    if (op == PV_IO_NET_CURL)
        return start_curl(vm, t, t->wait_mutex);
    pv_value self = t->wait_on;
    if (op == PV_IO_NET_CONNECT) {   /* not connected before the snapshot: connect again */
        int rc;
        set_state(vm, self, NS_NEW, flags_of(self));
        if (!start_connect(vm, self, t, &rc))
            pv_io_answer(vm, t, pv_int(rc));
        return 0;
    }
    pv_value ignored;
    uint32_t slot;
    struct net_sock *s = enter(vm, self, &slot, &ignored);
    if (!s || op == PV_IO_NET_SEND || s->kind == NK_STREAM) {   /* a connection cannot survive */
        if (s)
            hal_mutex_unlock(&vm->io->lock);
        pv_io_answer(vm, t, no_sock(self));
        return 0;
    }
    if (add_waiter(s, t) < 0) {   /* a listener or UDP socket bound again by its restart hook */
        hal_mutex_unlock(&vm->io->lock);
        return -1;
    }
    arm(vm->io->net, slot, s);
    hal_mutex_unlock(&vm->io->lock);
    return 0;
}

void pv_net_cancel(pv_vm *vm, struct pv_thread *t)
{
    struct pv_hostio *io = vm->io;
    if (t->wait_on == PV_NULL)
        return;   /* a lookup or curl: its result is dropped when it comes */
    hal_mutex_lock(&io->lock);
    uint32_t slot;
    struct net_sock *s = sock_of(vm, t->wait_on, &slot);
    for (size_t i = 0; s && i < s->nwait; i++)
        if (s->waiters[i] == t) {
            remove_waiter(s, i);
            break;
        }
    hal_mutex_unlock(&io->lock);
}

bool pv_net_pending(struct pv_hostio *io)
{
    struct pv_net *net = io->net;
    if (!net)
        return false;
    if (net->held)
        return true;
    for (uint32_t i = 0; i < net->nsocks; i++)
        if (net->socks[i] && net->socks[i]->nwait)
            return true;
    return false;
}

int pv_net_console_commit(pv_vm *vm, int stream, const char *s, size_t n)
{
    struct out_chunk *c = calloc(1, sizeof *c + n);
    if (!c)
        return -1;
    struct pv_net *net = enter_net(vm);
    if (!net) {
        free(c);
        return -1;
    }
    memcpy(c->data, s, n);
    c->len = n;
    c->stream = (uint8_t)stream;
    c->ticket = pw_commit_ticket(vm->w);
    if (net->console_tail)
        net->console_tail->next = c;
    else
        net->console = c;
    net->console_tail = c;
    net->held += n;
    release_console(net);
    hal_mutex_unlock(&vm->io->lock);
    return 0;
}

void pv_net_flush_output(pv_vm *vm)
{
    struct pv_hostio *io = vm->io;
    hal_mutex_lock(&io->lock);
    bool held = io->net && io->net->held;
    hal_mutex_unlock(&io->lock);
    if (!held)
        return;
    pw_sync(vm->w);   /* the held output's state becomes durable; the hook wakes the I/O thread */
    uint64_t end = hal_now_mono_ns() + 5000000000ull;
    pw_blocking_begin(vm->w);
    for (;;) {
        hal_mutex_lock(&io->lock);
        held = io->net->held != 0;
        hal_mutex_unlock(&io->lock);
        if (!held || hal_now_mono_ns() > end)
            break;
        hal_poller_wake(io->net->poller);
        hal_sleep_ns(1000000);
    }
    pw_blocking_end(vm->w);
}

void pv_net_free(struct pv_hostio *io)
{
    struct pv_net *net = io->net;
    if (!net)
        return;
    pw_on_commit(io->w, NULL, NULL);
    hal_mutex_lock(&io->lock);
    net->stop = true;
    hal_mutex_unlock(&io->lock);
    hal_poller_wake(net->poller);
    hal_thread_join(net->thread);
    for (uint32_t i = 0; i < net->nsocks; i++)
        if (net->socks[i]) {
            net->socks[i]->nwait = 0;
            destroy(net, i);
        }
    while (net->console) {   /* not durable: dropped, as a crash would */
        struct out_chunk *c = net->console;
        net->console = c->next;
        free(c);
    }
    hal_poller_close(net->poller);
    hal_mutex_destroy(&net->dead_lock);
    free(net->dead);
    free(net->socks);
    free(net->free_slots);
    free(net);
    io->net = NULL;
}
