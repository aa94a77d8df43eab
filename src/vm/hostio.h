/*
 * hostio.h - host calls that wait (console input, sockets, name lookups),
 * without ever holding the VM's host thread or a host thread per call.
 *
 * A VM thread that makes such a call waits in PV_TS_WAIT_IO with the call
 * recorded in the world: t->io_op says which call, t->wait_on the object
 * it is made on (a socket; null for the console and lookups) and
 * t->wait_mutex its argument (a byte count, a name).  The result reaches
 * the thread through the scheduler (pv_io_deliver) when the host side has
 * it: console reads run on a helper thread, sockets on one I/O thread (an
 * event loop on the HAL's poller), lookups and curl on a short-lived
 * helper each.  A snapshot taken meanwhile records the thread still
 * waiting, so after a restart the call is issued again (pv_io_reissue): a
 * call either completed before the snapshot or is repeated, never half.
 * What "again" means for each socket call is docs/TRANSIENT.md.
 *
 * The numbers below are stored in the world (t->io_op): never renumber.
 */
#ifndef PHANTOM_VM_HOSTIO_H
#define PHANTOM_VM_HOSTIO_H

#include "vm.h"

enum pv_io_op {
    PV_IO_NONE = 0,
    PV_IO_READLINE = 1,      /* console: a line without its newline, or null at end of input */
    PV_IO_READCHAR = 2,      /* console: one byte as a char, or int -1 at end of input */
    PV_IO_NET_ACCEPT = 3,    /* listener: a new connection */
    PV_IO_NET_CONNECT = 4,   /* connection: connected (0) */
    PV_IO_NET_READ = 5,      /* connection: bytes as a binary; wait_mutex = int max */
    PV_IO_NET_READTEXT = 6,  /* the same as a string */
    PV_IO_NET_READLINE = 7,  /* connection: a line as a string; wait_mutex = int max */
    PV_IO_NET_SEND = 8,      /* connection/udp: room in the output queue */
    PV_IO_NET_RECVFROM = 9,  /* udp: [data, host, port]; wait_mutex = int max */
    PV_IO_NET_LOOKUP = 10,   /* name lookup: an array of address strings; wait_mutex = name */
    PV_IO_NET_CURL = 11,     /* HTTP GET: the body; wait_mutex = [url, headers, buffer size] */
    PV_IO_NET_RECVTEXT = 12, /* udp (.internal.udp): the data as a string; wait_mutex = int max */
    PV_IO_READBYTES = 13,    /* console: up to wait_mutex (int) bytes, at most one line, as a binary
                                (empty at end of input), or int -1 on an error */
};
#define PV_IO_READ_MAX 65536u   /* the most bytes PV_IO_READBYTES asks for */

/* Starts a console read for t (the current thread) and parks it; returns
 * PV_NBLOCK for the native to return. */
int pv_io_submit(pv_vm *vm, struct pv_thread *t, uint32_t op);
/* Starts a console read of up to max bytes for t (the current thread)
 * and parks it (PV_IO_READBYTES; the native then returns PV_NBLOCK).
 * -1, t not parked, when the host is out of memory. */
int pv_io_read_bytes(pv_vm *vm, struct pv_thread *t, uint32_t max);
/* Issues again the calls of threads that were waiting when the world was
 * snapshotted (boot, after the restart hooks ran): those not held by a
 * paused boot, or (held) those held, when pvm_resume releases them. */
int pv_io_reissue(pv_vm *vm, bool held);
/* Hands finished calls' results to their threads and makes them runnable. */
void pv_io_deliver(pv_vm *vm);
/* Calls in flight, threads waiting for sockets, or output not yet sent. */
bool pv_io_pending(pv_vm *vm);
/* Waits until a call finishes or timeout_ns passes (the caller is in
 * pw_blocking_begin/end). */
void pv_io_wait(pv_vm *vm, uint64_t timeout_ns);
/* t leaves its wait without a result (killed). */
void pv_io_cancel(pv_vm *vm, struct pv_thread *t);
/* t's deadline passed: its call ends with PV_NET_E_TIMEDOUT. */
void pv_io_timeout(pv_vm *vm, struct pv_thread *t);
/* Before a final close: makes the state behind held output durable and
 * sends it (waiting up to a few seconds for slow peers). */
void pv_io_flush_output(pv_vm *vm);
/* --commit-output: queues console output (stream 1 or 2) to be written
 * once the state that produced it is durable.  0, or -1 if it cannot be
 * held (no memory): the caller writes it now. */
int pv_io_console_commit(pv_vm *vm, int stream, const char *s, size_t n);
void pv_io_free(pv_vm *vm);

#endif
