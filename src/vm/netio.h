/*
 * netio.h - the host side of waiting calls, shared by hostio.c (the
 * completion queue, the console reader, helper jobs) and netio.c (sockets
 * on the I/O thread), and the socket operations the internal network
 * classes (native/n_net.c) are made of.
 *
 * Threads and locks.  Three kinds of host threads hand results to the VM's
 * host thread through one queue of completions (struct io_done) under
 * io->lock: the console reader, the I/O thread (an event loop on the HAL
 * poller), and helper jobs (name lookups, curl).  None of them touches the
 * persistent space: completions name VM threads and sockets only by host
 * pointers and numbers, and the VM's thread checks each against the world
 * when it delivers (pv_io_deliver).  Socket state (struct net_sock) is host
 * memory under io->lock; the engine's lock may be taken inside io->lock
 * (pw_commit_ticket), never the other way round (the commit hook only
 * stores a number and wakes the poller).
 */
#ifndef PHANTOM_VM_NETIO_H
#define PHANTOM_VM_NETIO_H

#include <stdatomic.h>

#include "hostio.h"

/* ---- error codes of the internal network classes ------------------------
 * What a socket call returns when it fails: stable numbers, documented in
 * docs/INTERNAL-CLASSES.md, which the library (.phantom.net) turns into
 * exceptions.  pv_net_error maps any HAL code onto them. */
enum pv_net_error {
    PV_NET_E_REFUSED = -1,        /* connection refused */
    PV_NET_E_RESET = -2,          /* connection reset by the peer */
    PV_NET_E_TIMEDOUT = -3,       /* timed out */
    PV_NET_E_NAME_NOT_FOUND = -4, /* the name does not exist */
    PV_NET_E_LOST = -5,           /* connection lost at restart */
    PV_NET_E_CLOSED = -6,         /* the socket was closed */
    PV_NET_E_ADDRESS_IN_USE = -7, /* address already in use */
    PV_NET_E_BAD_ADDRESS = -8,    /* not a valid address or port */
    PV_NET_E_UNREACHABLE = -9,    /* network or host unreachable */
    PV_NET_E_TOO_LONG = -10,      /* a line longer than asked */
    PV_NET_E_STATE = -11,         /* not connected, or connected already */
    PV_NET_E_IO = -12,            /* any other failure of the host */
    PV_NET_E_LOOKUP = -13,        /* the name lookup itself failed */
};
#define PV_NET_E_LAST PV_NET_E_LOOKUP
int pv_net_error(int hal_code);
const char *pv_net_error_text(int code);

/* ---- the persistent side of a socket --------------------------------------
 * Sockets are PV_K_NATIVE objects; their words: */
enum {
    NW_SLOT = 0,    /* int: host table slot, valid with SERIAL and BOOT */
    NW_SERIAL = 1,  /* int: the host socket's serial (slots are reused) */
    NW_BOOT = 2,    /* int: low 31 bits of root->boots when made: host state of an older boot is gone */
    NW_STATE = 3,   /* int: enum net_state | flags << 8 */
    NW_HOST = 4,    /* string: the host asked for (listen, bind, connect) */
    NW_PORT = 5,    /* int: the port (a listener's or bound socket's actual port) */
    NW_TIMEOUT = 6, /* int: milliseconds a wait may last, 0 for ever */
    NW_ERROR = 7,   /* int: why a restart could not rebuild it (a PV_NET_E_*), or 0 */
};
enum net_state {
    NS_NEW = 0,        /* made, nothing asked yet */
    NS_CONNECTING = 1,
    NS_OPEN = 2,       /* a connection */
    NS_LISTENING = 3,
    NS_BOUND = 4,      /* a UDP socket */
    NS_CLOSED = 5,     /* closed by the program */
    NS_FAILED = 6,     /* a restart could not rebuild it: NW_ERROR says why */
};
#define NF_NO_COMMIT 1u   /* output leaves at once, not after its state is durable */
#define NF_LISTED 2u      /* in root->restart */

/* ---- completions and helper jobs ------------------------------------------ */

enum io_done_kind { DONE_CONSOLE = 1, DONE_READY = 2, DONE_JOB = 3 };

struct io_job;
struct io_done {
    uint8_t kind;
    uint32_t op;             /* DONE_CONSOLE */
    struct pv_thread *t;     /* DONE_CONSOLE */
    long n;                  /* DONE_CONSOLE: length, 0 at end, < 0 error */
    char *data;              /* DONE_CONSOLE (malloc'd) */
    uint32_t slot, serial;   /* DONE_READY: the socket the poller saw ready */
    struct io_job *job;      /* DONE_JOB */
};

/* A call that blocks on the host (a name lookup, curl) runs on a helper
 * thread of its own: run() there, without touching the world; finish()
 * later on the VM's thread, which delivers the result.  The waiting VM
 * thread, when there is one, is t waiting in op; a job working for a
 * socket (connect by name) names it by slot and serial instead. */
struct io_job {
    void (*run)(struct io_job *j);
    void (*finish)(pv_vm *vm, struct io_job *j);
    struct pv_hostio *io;
    hal_thread *thread;
    struct pv_thread *t;
    uint32_t op;
    uint32_t slot, serial;
    char *text, *text2;      /* inputs (malloc'd) */
    int rc;                  /* the outcome: >= 0, or a HAL / PV_NET_E_ code */
    uint16_t port;
    int naddrs;
    hal_netaddr addrs[8];
    char *body;              /* curl's result (malloc'd) */
    size_t body_len, body_cap;
    uint64_t ticket;         /* curl: the request leaves once this is durable */
};

struct pv_net;
struct pv_hostio {
    hal_mutex lock;
    hal_cond cond;            /* requests for the console reader; results for the VM */
    hal_thread *console;      /* the console reader, started on the first read */
    struct io_done *todo;     /* console reads asked (kind DONE_CONSOLE, no result yet) */
    size_t ntodo, cap_todo;
    size_t busy;              /* console requests taken by the reader, not yet done */
    bool stop, reading;
    struct io_done *done;     /* completions, for pv_io_deliver */
    size_t ndone, cap_done;
    size_t jobs;              /* helper jobs running */
    pw_world *w;
    struct pv_net *net;       /* sockets (netio.c), NULL until the first */
};

/* vm->io, made on first use; NULL on out of memory. */
struct pv_hostio *pv_io_get(pv_vm *vm);
/* Queues a completion and wakes the VM thread (io->lock held).  -1 on out
 * of memory: the call stays unanswered (a restart reissues it). */
int pv_io_post(struct pv_hostio *io, struct io_done d);
/* Starts j on a helper thread (j->io set here); -1 if it could not. */
int pv_io_start_job(pv_vm *vm, struct io_job *j);
void pv_io_job_free(struct io_job *j);
/* Parks t (the current thread) in WAIT_IO for op on obj with argument
 * arg, until a result or its timeout (ms, 0 for none).  Returns PV_NBLOCK. */
int pv_io_park(pv_vm *vm, struct pv_thread *t, uint32_t op, pv_value obj, pv_value arg, int32_t timeout_ms);
/* Hands v to t, waiting in WAIT_IO, and makes it runnable. */
void pv_io_answer(pv_vm *vm, struct pv_thread *t, pv_value v);

/* ---- sockets (netio.c): the I/O thread's side of hostio ------------------- */

bool pv_net_is_op(uint32_t op);
void pv_net_deliver_ready(pv_vm *vm, uint32_t slot, uint32_t serial);
/* A thread waiting for a socket call at boot: issue it again or answer. */
int pv_net_reissue(pv_vm *vm, struct pv_thread *t);
void pv_net_cancel(pv_vm *vm, struct pv_thread *t);
bool pv_net_pending(struct pv_hostio *io);
void pv_net_flush_output(pv_vm *vm);
int pv_net_console_commit(pv_vm *vm, int stream, const char *s, size_t n);
void pv_net_free(struct pv_hostio *io);

/* ---- the socket operations of the internal classes (netio.c) --------------
 * Each is a native's body: self is the socket object (its class checked),
 * the arguments are checked; results go to *ret, or the thread parks
 * (PV_NBLOCK).  Failures are results (PV_NET_E_* ints), not exceptions. */
enum net_kind { NK_LISTENER = 1, NK_STREAM = 2, NK_UDP = 3 };
int pv_net_listen(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, pv_value *ret);
int pv_net_accept(pv_vm *vm, pv_value self, pv_value *ret);
int pv_net_connect(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, pv_value *ret);
int pv_net_read(pv_vm *vm, pv_value self, uint32_t op, int32_t max, pv_value *ret);
int pv_net_write(pv_vm *vm, pv_value self, const void *bytes, uint32_t len, pv_value *ret);
int pv_net_shutdown_output(pv_vm *vm, pv_value self, pv_value *ret);
int pv_net_udp_bind(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, pv_value *ret);
int pv_net_sendto(pv_vm *vm, pv_value self, struct pv_string *host, int32_t port, const void *bytes,
                  uint32_t len, pv_value *ret);
/* op PV_IO_NET_RECVFROM ([data, host, port]) or PV_IO_NET_RECVTEXT (data as a string). */
int pv_net_recvfrom(pv_vm *vm, pv_value self, uint32_t op, int32_t max, pv_value *ret);
int pv_net_close(pv_vm *vm, pv_value self);
/* The collectors are freeing object o: if it is a socket naming a host
 * socket of this boot, that socket is closed as close() would (output
 * already queued still leaves), by the I/O thread.  Takes only a lock of
 * its own, so it is safe wherever objects are freed (io->lock held or
 * not); does nothing for other objects. */
void pv_net_forget(pv_vm *vm, struct pv_obj *o);
/* Which address the socket's peer has (connections) as "host", port. */
int pv_net_peer(pv_vm *vm, pv_value self, bool port, pv_value *ret);
/* Takes o out of root->restart (its order does not matter). */
void pv_restart_list_remove(pv_vm *vm, pv_value o);
/* The restart hook of listeners and UDP sockets: bind again. */
int pv_net_restart(pv_vm *vm, pv_value self);
/* A name lookup for the current thread: an array of address strings. */
int pv_net_lookup(pv_vm *vm, struct pv_string *name, pv_value *ret);
/* The original's HTTP GET (.internal.tcp.curl, connection url:): the body,
 * or "" on any failure; buffer: the most bytes of reply kept. */
int pv_net_curl(pv_vm *vm, struct pv_string *url, struct pv_string *headers, int32_t buffer, pv_value *ret);

#endif
