/*
 * sched.h - VM threads: creation, the run queue, sleeping and waiting, and
 * the scheduler loop.  Thread state lives in the world (pv_thread, the run
 * queue and wait queues are persistent); only the timer heap is host-side,
 * rebuilt from the threads' wall-clock deadlines at every boot, so a sleep
 * keeps its deadline across a restart.
 */
#ifndef PHANTOM_VM_SCHED_H
#define PHANTOM_VM_SCHED_H

#include "vm.h"

int pv_sched_init(pv_vm *vm);      /* host state; rebuilds timers */
int pv_sched_resume(pv_vm *vm);    /* releases the threads a paused boot held */
void pv_sched_free(pv_vm *vm);

/* A new runnable thread calling m with argc values (receiver first). */
struct pv_thread *pv_thread_start(pv_vm *vm, struct pv_method *m, const pv_value *args, int argc,
                                  uint32_t tflags);
void pv_sched_ready(pv_vm *vm, struct pv_thread *t);
/* Parks the current thread until wall-clock time wake_ns (0: no timeout)
 * in state `state`; the caller has queued it where it waits.  Returns
 * PV_NBLOCK for a native to return. */
int pv_sched_block(pv_vm *vm, struct pv_thread *t, uint32_t state, int64_t wake_ns);
/* The value the blocked call of t returns when t runs again. */
void pv_thread_set_result(struct pv_thread *t, pv_value v);

void pv_waitq_push(struct pv_waitq *q, struct pv_thread *t);
struct pv_thread *pv_waitq_pop(struct pv_waitq *q);
void pv_waitq_remove(struct pv_waitq *q, struct pv_thread *t);

/* Recursive mutexes (also behind synchronized).  acquire returns PV_NOK
 * or PV_NBLOCK (queued; ownership is handed over before t runs again);
 * release returns -1 if t does not own mx. */
int pv_mutex_acquire(pv_vm *vm, struct pv_thread *t, struct pv_mutex *mx);
int pv_mutex_release(pv_vm *vm, struct pv_thread *t, struct pv_mutex *mx);

/* A thread taken off a condition's queue (signalled or timed out) takes
 * its mutex back, at its old depth, before it runs: at once if the mutex
 * is free, else by queueing for it. */
void pv_cond_rewake(pv_vm *vm, struct pv_thread *t);

/* The wall-clock deadline ms milliseconds from now (negative: now). */
int64_t pv_deadline_after_ms(int64_t ms);

/* Ends t now, as if it had returned from every frame, releasing every
 * monitor it holds (not explicit .internal.mutex locks).  t must not be
 * running (vm->cur != t): the scheduler is between time slices. */
void pv_thread_kill(pv_vm *vm, struct pv_thread *t);

/* Runs threads until no non-daemon thread is left (or vm->stop);
 * while serving (vm->serve), until vm->stop only.
 * Returns the program's exit code. */
int pv_sched_run(pv_vm *vm);

/* Calls visit for each object the scheduler's host state refers to
 * (threads in the timer heap): roots for the complete collector. */
void pv_sched_each_host_root(pv_vm *vm, void (*visit)(pv_vm *vm, pv_value v));

#endif
