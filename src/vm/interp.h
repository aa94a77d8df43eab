/*
 * interp.h - the bytecode interpreter and VM threads' frames.
 */
#ifndef PHANTOM_VM_INTERP_H
#define PHANTOM_VM_INTERP_H

#include "vm.h"

enum pv_run_result {
    PV_RUN_YIELD = 0,    /* budget used up: back of the run queue */
    PV_RUN_BLOCKED = 1,  /* waiting (sleep, lock, I/O); the thread is not queued */
    PV_RUN_DONE = 2,     /* no frames left; t->exc set if it ended by an exception */
};

/* Runs t for about `budget` backward branches and calls. */
enum pv_run_result pv_interp_run(pv_vm *vm, struct pv_thread *t, uint32_t budget);

/* Pushes a call of m with argc values (receiver first for instance
 * methods) on t, as an entry frame: its result is discarded, and when it
 * returns the frame below resumes where it was.  m must be a bytecode
 * method (callers refuse natives with an exception of their own first);
 * -1 for a native m, or on out of memory. */
int pv_thread_push_entry(pv_vm *vm, struct pv_thread *t, struct pv_method *m,
                         const pv_value *args, int argc);

/* The stack trace of t as text, one "    at class.method (file:line)"
 * line per frame, top first. */
struct pv_string *pv_thread_trace(pv_vm *vm, struct pv_thread *t);

/* The source line of pc in m, 0 if unknown. */
uint32_t pv_method_line(const struct pv_method *m, uint32_t pc);

/* Program output: buffered, flushed at newlines on a terminal, before
 * every snapshot and when the VM goes idle or exits. */
/* Rebuilds the monitor table with only the entries whose key `keep`
 * accepts (the complete collector drops unreachable ones). */
void pv_monitors_prune(pv_vm *vm, bool (*keep)(pv_vm *vm, pv_value key));
/* The mutex behind `synchronized(obj)` (obj an object, not an immediate
 * or null), made on first use; NULL when out of memory. */
struct pv_mutex *pv_monitor_of(pv_vm *vm, pv_value obj);

void pv_out_write(pv_vm *vm, const char *s, size_t n);
void pv_out_flush(pv_vm *vm);

#endif
