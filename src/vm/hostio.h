/*
 * hostio.h - host calls that block (console input), run on a helper host
 * thread so that the other VM threads keep running meanwhile.
 *
 * A VM thread that makes such a call waits in PV_TS_WAIT_IO with the call
 * recorded in t->io_op; the result is delivered by the scheduler when the
 * helper finishes.  A snapshot taken meanwhile records the thread still
 * waiting, so after a restart the call is issued again (pv_io_reissue): a
 * call either completed before the snapshot or is repeated, never half.
 */
#ifndef PHANTOM_VM_HOSTIO_H
#define PHANTOM_VM_HOSTIO_H

#include "vm.h"

enum pv_io_op {
    PV_IO_NONE = 0,
    PV_IO_READLINE = 1,   /* a line without its newline, or null at end of input */
    PV_IO_READCHAR = 2,   /* one byte as a char, or int -1 at end of input */
};

/* Starts the call for t (the current thread) and parks it; returns
 * PV_NBLOCK for the native to return. */
int pv_io_submit(pv_vm *vm, struct pv_thread *t, uint32_t op);
/* Issues again the calls of threads that were waiting when the world was
 * snapshotted (boot). */
int pv_io_reissue(pv_vm *vm);
/* Hands finished calls' results to their threads and makes them runnable. */
void pv_io_deliver(pv_vm *vm);
/* Calls in flight. */
bool pv_io_pending(pv_vm *vm);
/* Waits until a call finishes or timeout_ns passes (the caller is in
 * pw_blocking_begin/end). */
void pv_io_wait(pv_vm *vm, uint64_t timeout_ns);
void pv_io_free(pv_vm *vm);

#endif
