/*
 * n_exception.c - the standard exception classes (.phantom.*).
 *
 * They are ordinary field-based classes (Phantom code can extend them)
 * whose methods are native.  .phantom.Exception has the slots `message`
 * and `trace`; the interpreter fills `trace` when the exception is first
 * thrown.  Every class has constructors named like it, with no argument or
 * a message.
 */
#include "native.h"

static struct pv_instance *self(pv_value v) { return pv_as_ptr(v); }

static int exc_init0(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    (void)args;
    (void)ret;
    return PV_NOK;
}

/* The receiver is an exception (pv_native_call_ok); a constructor called
 * again on one made immutable must not change its message. */
static int exc_init1(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_instance *e = self(args[0]);
    if (e->h.flags & PV_OF_IMMUTABLE)
        return pv_throw(vm, PV_B_STATE_EXC, "constructor: this exception is immutable");
    pv_gc_write(vm, &e->slot[PV_EXC_SLOT_MESSAGE], args[1]);
    return PV_NOK;
}

static int exc_message(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = self(args[0])->slot[PV_EXC_SLOT_MESSAGE];
    return PV_NOK;
}

static int exc_trace(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = self(args[0])->slot[PV_EXC_SLOT_TRACE];
    return PV_NOK;
}

/* "class: message", or the class name alone without a message
 * (pv_tostring_native's text of exceptions). */
static int exc_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return pv_ret_obj(vm, ret, pv_tostring_native(vm, args[0]));
}

static const char *const exc_fields[] = {"message", "trace", NULL};

static const pv_native_method exception_methods[] = {
    {"Exception", "()void", PV_NO_ORDINAL, PV_MF_CTOR, exc_init0},
    {"Exception", "(*)void", PV_NO_ORDINAL, PV_MF_CTOR, exc_init1},
    {"getMessage", "()*", PV_NO_ORDINAL, 0, exc_message},
    {"getStackTrace", "()*", PV_NO_ORDINAL, 0, exc_trace},
    {"toString", "()*", 5, 0, exc_tostring},
};

const pv_native_class pv_nc_exception = {
    ".phantom.Exception", NULL, PV_K_INSTANCE, 0, exc_fields, exception_methods, PV_COUNTOF(exception_methods),
};

#define PV_EXCEPTION_CLASS(var, simple, super)                                               \
    static const pv_native_method var##_methods[] = {                                      \
        {simple, "()void", PV_NO_ORDINAL, PV_MF_CTOR, exc_init0},                          \
        {simple, "(*)void", PV_NO_ORDINAL, PV_MF_CTOR, exc_init1},                         \
    };                                                                                     \
    const pv_native_class var = {".phantom." simple, super, PV_K_INSTANCE, 0, NULL, var##_methods, 2}

PV_EXCEPTION_CLASS(pv_nc_runtime_exc, "RuntimeException", ".phantom.Exception");
PV_EXCEPTION_CLASS(pv_nc_null_exc, "NullReferenceException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_index_exc, "IndexOutOfRangeException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_arith_exc, "ArithmeticException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_cast_exc, "CastException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_arity_exc, "ArityException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_nomethod_exc, "NoSuchMethodException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_type_exc, "TypeException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_arg_exc, "ArgumentException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_state_exc, "IllegalStateException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_stack_exc, "StackOverflowException", ".phantom.RuntimeException");
PV_EXCEPTION_CLASS(pv_nc_oom_exc, "OutOfMemoryException", ".phantom.RuntimeException");
