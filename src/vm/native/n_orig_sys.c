/*
 * n_orig_sys.c - the original Phantom's system methods of .internal.thread,
 * .internal.boot and .internal.class, and the class .internal.closure
 * (docs/INTERNAL-CLASSES.md; ordinals are the original's).
 *
 * World-wide settings the original kept in root slots (the OS interface,
 * the class loader, the environments) live in the world's
 * published-objects directory under names starting with ".internal.",
 * which are reserved: they persist with the world without a change of
 * its root's layout.
 */
#include <stdio.h>
#include <string.h>

#include "../class.h"
#include "../sched.h"
#include "n_orig_sys.h"
#include "native.h"

#define KEY_OS ".internal.osInterface"
#define KEY_LOADER ".internal.classLoader"
#define KEY_ENV ".internal.environment"
#define KEY_KERNEL_ENV ".internal.kernelEnvironment"

static pv_value world_get(pv_vm *vm, const char *key)
{
    return pv_dir_get_cstr(vm->root->names, key);
}

/* -1 when out of memory (nothing raised). */
static int world_put(pv_vm *vm, const char *key, pv_value v)
{
    struct pv_string *k = pv_str_cstr(vm, key);
    return k && pv_dir_put(vm, vm->root->names, k, v) == 0 ? 0 : -1;
}

/* ---- .internal.thread ----------------------------------------------------------------- */

/* pause() [10]: the thread stops being scheduled until unpause().  A
 * paused thread goes on waiting for what it waited for (a sleep, a mutex,
 * input); once it could run, the scheduler parks it (sched.c).  The flag
 * is in the world: a paused thread stays paused across restarts. */
int pv_orig_th_pause(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_thread *t = pv_as_ptr(args[0]);
    if (t->state == PV_TS_DONE)
        return PV_NOK;
    t->tflags |= PV_TF_PAUSED;
    if (t != vm->cur)
        return PV_NOK;
    pv_waitq_push(&vm->root->runq, t); /* popped, it is parked */
    t->state = PV_TS_RUNNABLE;
    return PV_NBLOCK;
}

int pv_orig_th_unpause(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_thread *t = pv_as_ptr(args[0]);
    bool parked = t->tflags & PV_TF_PARKED;
    t->tflags &= ~(PV_TF_PAUSED | PV_TF_PARKED);
    if (parked && t->state == PV_TS_RUNNABLE)
        pv_sched_ready(vm, t);
    return PV_NOK;
}

/* getEnvironment() [12]: the world's environment, a directory of strings
 * shared by every thread (the original made one .phantom.environment
 * object per thread, of a library class that does not exist). */
int pv_orig_th_environment(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    pv_value env = world_get(vm, KEY_ENV);
    if (env == PV_NULL) {
        struct pv_directory *d = pv_dir_new(vm);
        if (!d || world_put(vm, KEY_ENV, pv_from_ptr(d)) < 0)
            return pv_throw_oom(vm);
        env = pv_from_ptr(d);
    }
    *ret = env;
    return PV_NOK;
}

/* getUser() [13]: null, as in the original (no thread has an owner). */
int pv_orig_th_user(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    (void)args;
    *ret = PV_NULL;
    return PV_NOK;
}

int pv_orig_th_os_interface(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    *ret = world_get(vm, KEY_OS);
    return PV_NOK;
}

/* ---- .internal.boot ------------------------------------------------------------------- */

int pv_orig_boot_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "bootstrap"));
}

/* loadClass(name) [8]: the class, or what the class loader set by
 * setClassLoader gives for a name the world lacks: its method 8 is called
 * with the name in this native's place (PV_NCALL), or null without one. */
int pv_orig_boot_load_class(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *n = pv_arg_string(vm, args[1], "loadClass", 1);
    if (!n)
        return PV_NTHROW;
    struct pv_class *c = pv_find_class(vm, n->bytes);
    if (c) {
        *ret = pv_from_ptr(c);
        return PV_NOK;
    }
    pv_value loader = world_get(vm, KEY_LOADER);
    struct pv_class *lc = loader != PV_NULL ? pv_class_of(vm, loader) : NULL;
    struct pv_method *m = lc && lc->nvtable > 8 ? lc->vtable[8] : NULL;
    if (!m || (m->flags & PV_MF_NATIVE) || m->nargs != 1) {
        *ret = PV_NULL;
        return PV_NOK;
    }
    args[0] = loader;
    *ret = pv_from_ptr(m);
    return PV_NCALL;
}

static int set_world(pv_vm *vm, const char *key, pv_value v)
{
    return world_put(vm, key, v) < 0 ? pv_throw_oom(vm) : PV_NOK;
}

int pv_orig_boot_set_loader(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return set_world(vm, KEY_LOADER, args[1]);
}

int pv_orig_boot_set_os(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return set_world(vm, KEY_OS, args[1]);
}

int pv_orig_boot_create_binary(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t n;
    if (!pv_arg_int(vm, args[1], "createBinary", 1, &n))
        return PV_NTHROW;
    if (n < 0 || (uint32_t)n > PV_BINARY_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "createBinary: size %d is out of range", (int)n);
    return pv_ret_obj(vm, ret, pv_binary_new(vm, (uint32_t)n));
}

/* getKernelEnvironment() [23]: the persistent "key=value" array, made at
 * first use with the original's defaults. */
int pv_orig_boot_kernel_env(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    static const char *const defaults[] = {
        "root.shell=.ru.dz.phantom.system.shell",
        "root.init=.ru.dz.phantom.system.init",
        "root.boot=.ru.dz.phantom.system.boot",
    };
    pv_value env = world_get(vm, KEY_KERNEL_ENV);
    if (env == PV_NULL) {
        struct pv_array *a = pv_array_new(vm, PV_COUNTOF(defaults));
        if (!a)
            return pv_throw_oom(vm);
        env = pv_from_ptr(a);
        *ret = env; /* a stack slot: the ZCT keeps it while the strings are made */
        for (size_t i = 0; i < PV_COUNTOF(defaults); i++) {
            struct pv_string *s = pv_str_cstr(vm, defaults[i]);
            if (!s)
                return pv_throw_oom(vm);
            pv_gc_write(vm, &a->items[i], pv_from_ptr(s));
        }
        if (world_put(vm, KEY_KERNEL_ENV, env) < 0)
            return pv_throw_oom(vm);
    }
    *ret = env;
    return PV_NOK;
}

/* reboot() [24]: "snapshot and restart the world".  The VM stops at the
 * next safe point; the tool running it writes the snapshot and boots the
 * world again in the same process (cmd_run.c), where every thread goes
 * on, this one returning null from reboot(). */
int pv_orig_boot_reboot(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    vm->reboot_requested = true;
    atomic_store(&vm->stop, true);
    pv_waitq_push(&vm->root->runq, vm->cur);
    vm->cur->state = PV_TS_RUNNABLE;
    return PV_NBLOCK;
}

/* ---- .internal.class ------------------------------------------------------------------ */

static bool name_ok(const struct pv_string *n)
{
    if (n->len < 2 || n->bytes[0] != '.' || n->bytes[n->len - 1] == '.' || memchr(n->bytes, 0, n->len))
        return false;
    for (uint32_t i = 1; i < n->len; i++)
        if (n->bytes[i] <= ' ' || strchr("()[],*:;#\"/", n->bytes[i]) || (n->bytes[i] == '.' && n->bytes[i - 1] == '.'))
            return false;
    return true;
}

/* newClass(name, nslots, iface) [8] (broken in the original): a new class
 * of that full name in the world, extending .internal.object, with nslots
 * untyped fields f0, f1, ... and no methods, implementing iface if it is
 * an interface (null: none).  Objects are made of it with new *(c)(). */
int pv_orig_class_new(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *n = pv_arg_string(vm, args[1], "newClass", 1);
    int32_t nslots;
    if (!n || !pv_arg_int(vm, args[2], "newClass", 2, &nslots))
        return PV_NTHROW;
    if (!name_ok(n))
        return pv_throw(vm, PV_B_ARG_EXC, "newClass: '%.80s' is not a full class name (.a.b)", n->bytes);
    if (nslots < 0 || nslots > 4096)
        return pv_throw(vm, PV_B_ARG_EXC, "newClass: %d fields (0 to 4096)", (int)nslots);
    struct pv_class *iface = NULL;
    if (args[3] != PV_NULL) {
        iface = pv_arg_kind(vm, args[3], PV_K_CLASS, "newClass", 3);
        if (!iface)
            return PV_NTHROW;
        if (!(iface->flags & PV_CF_INTERFACE))
            return pv_throw(vm, PV_B_ARG_EXC, "newClass: %s is not an interface", iface->name->bytes);
    }
    if (pv_find_class(vm, n->bytes))
        return pv_throw(vm, PV_B_STATE_EXC, "newClass: class %s exists already", n->bytes);
    struct pv_class *c = pv_class_new(vm, n->bytes, vm->b[PV_B_OBJECT], PV_K_INSTANCE, 0);
    if (!c)
        return pv_throw_oom(vm);
    for (int32_t i = 0; i < nslots; i++) {
        char f[16];
        snprintf(f, sizeof f, "f%d", (int)i);
        if (pv_class_add_field(vm, c, f, false) < 0)
            return pv_throw_oom(vm);
    }
    if ((iface && pv_class_add_interface(vm, c, iface) < 0) || pv_class_register(vm, c) < 0)
        return pv_throw_oom(vm);
    *ret = pv_from_ptr(c);
    return PV_NOK;
}

/* newClass() as the original declares it: it cannot know what to make. */
int pv_orig_class_new0(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    return pv_throw(vm, PV_B_ARG_EXC, "newClass: give the name, the number of fields and an interface or null: "
                    "newClass(name, nfields, iface)");
}

static int static_slot(pv_vm *vm, pv_value *args, const char *fn, int32_t *slot)
{
    struct pv_class *c = pv_as_ptr(args[0]);
    if (!pv_arg_int(vm, args[1], fn, 1, slot))
        return PV_NTHROW;
    if (!pv_check_index(vm, fn, *slot, c->nstatics))
        return PV_NTHROW;
    return PV_NOK;
}

/* setStatic(slot, value) [10], getStatic(slot) [11]: the class's static
 * fields by index, in declaration order (inherited ones are the parent's). */
int pv_orig_class_set_static(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    int32_t slot;
    if (static_slot(vm, args, "setStatic", &slot))
        return PV_NTHROW;
    struct pv_class *c = pv_as_ptr(args[0]);
    pv_gc_write(vm, &c->statics[slot], args[2]);
    return PV_NOK;
}

int pv_orig_class_get_static(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t slot;
    if (static_slot(vm, args, "getStatic", &slot))
        return PV_NTHROW;
    *ret = ((struct pv_class *)pv_as_ptr(args[0]))->statics[slot];
    return PV_NOK;
}

/* instanceOf(obj) [14]: int 1 if obj is of this class or a subclass. */
int pv_orig_class_instance_of(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = pv_int(pv_instance_of(vm, args[1], pv_as_ptr(args[0])));
    return PV_NOK;
}

/* ---- .internal.closure ---------------------------------------------------------------- */

/* An object and a method ordinal.  call(arg) runs the object's method at
 * that ordinal with one argument, in place of this call (PV_NCALL). */
enum { CL_OBJECT = 0, CL_ORDINAL = 1 };

static pv_value *cl_words(pv_value self)
{
    return ((struct pv_native_obj *)pv_as_ptr(self))->w;
}

static int cl_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_value *w = cl_words(args[0]);
    return pv_ret_obj(vm, ret, pv_str_fmt(vm, "closure of method %d", pv_is_int(w[CL_ORDINAL]) ? (int)pv_as_int(w[CL_ORDINAL]) : 0));
}

static int cl_get_ordinal(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    pv_value o = cl_words(args[0])[CL_ORDINAL];
    *ret = pv_is_int(o) ? o : pv_int(0);
    return PV_NOK;
}

static int cl_set_ordinal(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    int32_t n;
    if (!pv_arg_int(vm, args[1], "setOrdinal", 1, &n))
        return PV_NTHROW;
    if (n < 0 || n > 4095)
        return pv_throw(vm, PV_B_ARG_EXC, "setOrdinal: ordinal %d (0 to 4095)", (int)n);
    cl_words(args[0])[CL_ORDINAL] = pv_int(n);
    return PV_NOK;
}

static int cl_set_object(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    pv_gc_write(vm, &cl_words(args[0])[CL_OBJECT], args[1]);
    return PV_NOK;
}

static int cl_get_object(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = cl_words(args[0])[CL_OBJECT];
    return PV_NOK;
}

static int cl_call(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_value *w = cl_words(args[0]);
    pv_value obj = w[CL_OBJECT];
    int32_t ord = pv_is_int(w[CL_ORDINAL]) ? pv_as_int(w[CL_ORDINAL]) : 0;
    if (obj == PV_NULL)
        return pv_throw(vm, PV_B_NULL_EXC, "call: the closure has no object (setObject)");
    struct pv_class *c = pv_class_of(vm, obj);
    struct pv_method *m = c && (uint32_t)ord < c->nvtable ? c->vtable[ord] : NULL;
    if (!m)
        return pv_throw(vm, PV_B_NOMETHOD_EXC, "call: class %s has no method %d", c ? c->name->bytes : "?", (int)ord);
    args[0] = obj;
    *ret = pv_from_ptr(m);
    return PV_NCALL;
}

static const pv_native_method closure_methods[] = {
    {"toString", "()*", 5, 0, cl_tostring},
    {"call", "(*)*", 8, 0, cl_call},
    {"getOrdinal", "()*", 9, 0, cl_get_ordinal},
    {"setOrdinal", "(*)void", 10, 0, cl_set_ordinal},
    {"setObject", "(*)void", 11, 0, cl_set_object},
    {"getObject", "()*", 12, 0, cl_get_object},
};

const pv_native_class pv_nc_closure = {
    ".internal.closure", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, closure_methods, PV_COUNTOF(closure_methods),
};
