/*
 * check.h - telling a sound pointer into the heap from a damaged one
 * without following it (check.c).
 *
 * A heap map lists the heap's spans sorted by address, each one checked
 * (pv_gc_span_sane) before it is listed.  Looking a pointer up in it reads
 * nothing but span headers already checked, so any pointer, however
 * damaged, can be classified safely: the offline checker (pvm_check)
 * builds one from a world it does not trust, and the tools' view of
 * threads (pvm_threads) uses one to describe a damaged thread instead of
 * crashing on it.
 */
#ifndef PHANTOM_VM_CHECK_H
#define PHANTOM_VM_CHECK_H

#include "vm.h"

struct pv_span;

struct pv_heapmap {
    struct pv_span **spans;   /* sorted by address, none overlapping */
    size_t n;
};

/* What a pointer points at. */
enum pv_slot_state {
    PV_SLOT_OUTSIDE = 0,   /* in no span (or NULL) */
    PV_SLOT_INTERIOR,      /* inside a span, but not where a slot begins */
    PV_SLOT_FREE,
    PV_SLOT_BLOCK,         /* an object's internal block (header PV_GC_RAW) */
    PV_SLOT_OBJECT,
};

/* The spans of vm->gc's list that are sane, in the space and not
 * overlapping; *bad (may be NULL) counts the ones left out.  -1 when out
 * of host memory. */
int pv_heapmap_build(pv_vm *vm, struct pv_heapmap *m, uint64_t *bad);
void pv_heapmap_free(struct pv_heapmap *m);
/* Where p points; for FREE, BLOCK and OBJECT *bytes (may be NULL) is the
 * slot's size, header included. */
enum pv_slot_state pv_heapmap_find(const struct pv_heapmap *m, const void *p, size_t *bytes);
/* p is an object whose class is a class object of kind `kind`, in a slot
 * big enough for that kind's struct; every pointer that check followed was
 * looked up first. */
bool pv_heapmap_object_of_kind(const struct pv_heapmap *m, const void *p, uint32_t kind);
/* m is a bytecode method whose owner, name and code are sound and whose
 * code holds pc: what a thread's frame must run. */
bool pv_heapmap_frame_method(const struct pv_heapmap *m, const struct pv_method *method, uint32_t pc);

#endif
