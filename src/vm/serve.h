/*
 * serve.h - the VM as a server (pvm_serve_start, pvm_call in pvm.h): the
 * scheduler's hooks, and the console output every VM message goes through.
 */
#ifndef PHANTOM_VM_SERVE_H
#define PHANTOM_VM_SERVE_H

#include "vm.h"

/* Runs the requests other host threads submitted (scheduler loop, on the
 * VM's thread, between time slices: no VM thread is running). */
void pv_serve_poll(pv_vm *vm);
/* Idle: waits up to ns for a request (the caller is inside
 * pw_blocking_begin/end, so snapshots go on meanwhile). */
void pv_serve_idle(pv_vm *vm, uint64_t ns);
/* Whether the scheduler goes on while no thread is left: serving on a
 * thread of its own (pvm_serve_start), not in place (pvm_requests_open). */
bool pv_serve_keeps_running(pv_vm *vm);
/* A VM thread ended (failed: by an uncaught exception); wakes waiters. */
void pv_serve_thread_ended(pv_vm *vm, uint64_t id, bool failed);

/* Console output of the VM (program output, uncaught exceptions): through
 * the hook of pvm_set_output when one is set, else to the host console. */
void pv_console_write(pv_vm *vm, int stream, const char *s, size_t n);
void pv_console_printf(pv_vm *vm, int stream, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
