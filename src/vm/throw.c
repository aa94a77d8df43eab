/*
 * throw.c - raising exceptions from C (natives and the interpreter).
 *
 * Raising only records the exception in the current thread; the
 * interpreter unwinds when the native or instruction returns, and fills in
 * the stack trace then (it knows the frames; C code does not).
 */
#include <stdio.h>

#include "gc/gc.h"
#include "vm.h"

int pv_throw_value(pv_vm *vm, pv_value exc)
{
    vm->cur->exc = exc;
    vm->cur->trace = PV_NULL;
    return PV_NTHROW;
}

int pv_throw_oom(pv_vm *vm)
{
    return pv_throw_value(vm, pv_from_ptr(vm->oom));
}

int pv_throw(pv_vm *vm, enum pv_builtin which, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    struct pv_instance *e = pv_new_instance(vm, vm->b[which]);
    struct pv_string *m = e ? pv_str_cstr(vm, msg) : NULL;
    if (!m)
        return pv_throw_oom(vm);
    pv_gc_write(vm, &e->slot[PV_EXC_SLOT_MESSAGE], pv_from_ptr(m));
    return pv_throw_value(vm, pv_from_ptr(e));
}
