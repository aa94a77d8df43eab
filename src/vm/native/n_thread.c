/*
 * n_thread.c - .internal.thread, .internal.world and .internal.boot: the
 * classes through which programs start threads, sleep, and reach the
 * world's published-objects directory.
 *
 * A thread runs a method of a target object: run() if its class has one,
 * else the method at ordinal 8 with no arguments (the original's
 * convention for boot.startThread).
 */
#include "../interp.h"
#include "../sched.h"
#include "../pvm.h"
#include "../serve.h"
#include "n_orig_sys.h"
#include "native.h"
#include "n_window.h"

/* The body of a thread is a bytecode method: a native one has no code
 * to run in a frame (pv_thread_push_entry refuses it).  So the target
 * must be an object of a class written in Phantom; numbers, strings,
 * arrays, mutexes and the other internal objects are refused with
 * TypeException, and an object whose run() or method 8 is native (an
 * exception's getMessage) with NoSuchMethodException. */
static int start_on(pv_vm *vm, pv_value target, uint32_t tflags, const char *fn, pv_value *ret)
{
    if (target == PV_NULL)
        return pv_throw(vm, PV_B_NULL_EXC, "%s: the target object is null", fn);
    if (pv_obj_kind(target) != PV_K_INSTANCE) {
        pv_wrong_type(vm, target, fn, 1, "an object with a run() method");
        return PV_NTHROW;
    }
    struct pv_class *c = pv_class_of(vm, target);
    struct pv_method *m = pv_find_method(c, "run", 0);
    if (!m || (m->flags & PV_MF_STATIC))
        m = c->nvtable > 8 ? c->vtable[8] : NULL;
    /* The original's thread classes take one argument, `run(var parent)`:
     * it receives null (there is no parent object to hand over). */
    if (!m || m->nargs > 1 || (m->flags & (PV_MF_ABSTRACT | PV_MF_STATIC | PV_MF_NATIVE)))
        return pv_throw(vm, PV_B_NOMETHOD_EXC, "%s: class %s has no run() method (or method 8) to run", fn,
                        c->name->bytes);
    pv_value args[2] = {target, PV_NULL};
    struct pv_thread *t = pv_thread_start(vm, m, args, 1 + m->nargs, tflags);
    return pv_ret_obj(vm, ret, t);
}


static int do_sleep(pv_vm *vm, pv_value msv, const char *fn)
{
    int64_t ms;
    if (!pv_arg_long(vm, msv, fn, 1, &ms))
        return PV_NTHROW;
    return pv_sched_block(vm, vm->cur, PV_TS_SLEEPING, pv_deadline_after_ms(ms));
}

/* ---- .internal.thread ------------------------------------------------------------ */

static int th_start(pv_vm *vm, pv_value *args, pv_value *ret) { return start_on(vm, args[0], 0, "start", ret); }
static int th_start_daemon(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return start_on(vm, args[0], PV_TF_DAEMON, "startDaemon", ret);
}
static int th_sleep(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return do_sleep(vm, args[0], "sleep");
}
static int th_current(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    *ret = pv_from_ptr(vm->cur);
    return PV_NOK;
}
static int th_yield(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    pv_waitq_push(&vm->root->runq, vm->cur);   /* to the back of the queue */
    vm->cur->state = PV_TS_RUNNABLE;
    return PV_NBLOCK;
}
static int th_id(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_thread *t = pv_as_ptr(args[0]);
    *ret = pv_make_long(vm, (int64_t)t->id);
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}
static int th_alive(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = pv_bool(((struct pv_thread *)pv_as_ptr(args[0]))->state != PV_TS_DONE);
    return PV_NOK;
}
static int th_join(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_thread *t = pv_as_ptr(args[0]);
    if (t->state == PV_TS_DONE)
        return PV_NOK;
    if (t == vm->cur)
        return pv_throw(vm, PV_B_STATE_EXC, "join: a thread cannot wait for itself");
    vm->cur->wait_on = args[0];
    pv_waitq_push(&t->joiners, vm->cur);
    return pv_sched_block(vm, vm->cur, PV_TS_WAIT_JOIN, 0);
}

static const pv_native_method thread_methods[] = {
    /* the fixed ordinals first: the others take the slots left free */
    {"pause", "()void", 10, 0, pv_orig_th_pause},
    {"unpause", "()void", 11, 0, pv_orig_th_unpause},
    {"getEnvironment", "()*", 12, 0, pv_orig_th_environment},
    {"getUser", "()*", 13, 0, pv_orig_th_user},
    {"getOsInterface", "()*", 14, 0, pv_orig_th_os_interface},
    {"start", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, th_start},
    {"startDaemon", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, th_start_daemon},
    {"sleep", "(*)void", PV_NO_ORDINAL, PV_MF_STATIC, th_sleep},
    {"current", "()*", PV_NO_ORDINAL, PV_MF_STATIC, th_current},
    {"yield", "()void", PV_NO_ORDINAL, PV_MF_STATIC, th_yield},
    {"getId", "()*", PV_NO_ORDINAL, 0, th_id},
    {"isAlive", "()*", PV_NO_ORDINAL, 0, th_alive},
    {"join", "()void", PV_NO_ORDINAL, 0, th_join},
};

const pv_native_class pv_nc_thread = {
    ".internal.thread", NULL, PV_K_THREAD, 0, NULL, thread_methods, PV_COUNTOF(thread_methods),
};

/* ---- .internal.world ------------------------------------------------------------- */

static int w_my_thread(pv_vm *vm, pv_value *args, pv_value *ret) { return th_current(vm, args, ret); }

static int w_publish(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_string *k = pv_arg_string(vm, args[1], "publish", 1);
    if (!k)
        return PV_NTHROW;
    return pv_dir_put(vm, vm->root->names, k, args[2]) < 0 ? pv_throw_oom(vm) : PV_NOK;
}

static int w_lookup(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *k = pv_arg_string(vm, args[1], "lookup", 1);
    if (!k)
        return PV_NTHROW;
    *ret = pv_dir_get(vm->root->names, k, NULL);
    return PV_NOK;
}

static int w_boots(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    *ret = pv_make_long(vm, (int64_t)vm->root->boots);
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}

/* collect(): a complete collection before the caller goes on.  It cannot
 * run inside this native (the caller's registers hold references the
 * collector would not see): the thread yields, and the scheduler runs
 * it between slices. */
static int w_collect(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    vm->gch->want_full = true;
    return th_yield(vm, args, ret);
}

/* gcStats(): the collectors' counters as a directory of longs. */
static int w_gc_stats(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    pvm_gc_stats st;
    pvm_gc_stats_get(vm, &st);
    struct pv_directory *d = pv_dir_new(vm);
    if (!d)
        return pv_throw_oom(vm);
    *ret = pv_from_ptr(d);   /* a stack slot: the ZCT keeps it */
    const struct { const char *k; uint64_t v; } f[] = {
        {"liveObjects", st.live_objects}, {"liveBytes", st.live_bytes}, {"blockBytes", st.block_bytes},
        {"allocatedObjects", st.allocated_objects}, {"allocatedBytes", st.allocated_bytes},
        {"rcFreedObjects", st.rc_freed_objects}, {"rcFreedBytes", st.rc_freed_bytes},
        {"cycleFreedObjects", st.cycle_freed_objects}, {"cycleFreedBytes", st.cycle_freed_bytes},
        {"cycles", st.cycles}, {"heapPages", st.heap_pages}, {"pagesReleased", st.pages_released},
        {"steps", st.steps}, {"stepP50Ns", st.step_p50_ns}, {"stepP99Ns", st.step_p99_ns},
        {"stepMaxNs", st.step_max_ns},
        {"stepMaxCpuNs", st.step_max_cpu_ns}, {"memoryLimit", st.memory_limit}, {"heapLimit", st.heap_limit},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        struct pv_string *k = pv_str_cstr(vm, f[i].k);
        pv_value v = pv_make_long(vm, (int64_t)f[i].v);
        if (!k || v == PV_NULL || pv_dir_put(vm, d, k, v) < 0)
            return pv_throw_oom(vm);
    }
    return PV_NOK;
}

/* startThread(entry, arg) [9]: declared by the original (its VM lacked
 * it): a thread running entry's run() or method 8, as thread.start does;
 * arg is not passed (the body takes none or receives null).  0. */
static int w_start_thread(pv_vm *vm, pv_value *args, pv_value *ret)
{
    if (start_on(vm, args[1], 0, "startThread", ret))
        return PV_NTHROW;
    *ret = pv_int(0);
    return PV_NOK;
}

/* log(msg) [10]: the text of msg and a newline on standard error (the
 * original's system log). */
static int w_log(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_string *s = pv_tostring_native(vm, args[1]);
    if (!s)
        return pv_throw_oom(vm);
    pv_out_flush(vm);
    pv_console_printf(vm, 2, "%.*s\n", (int)s->len, s->bytes);
    return PV_NOK;
}

static const pv_native_method world_methods[] = {
    /* the fixed ordinals first: the others take the slots left free */
    {"getMyThread", "()*", 8, 0, w_my_thread},
    {"startThread", "(*,*)*", 9, 0, w_start_thread},
    {"log", "(*)void", 10, 0, w_log},
    {"publish", "(*,*)void", PV_NO_ORDINAL, 0, w_publish},
    {"lookup", "(*)*", PV_NO_ORDINAL, 0, w_lookup},
    {"boots", "()*", PV_NO_ORDINAL, 0, w_boots},
    {"collect", "()void", PV_NO_ORDINAL, 0, w_collect},
    {"gcStats", "()*", PV_NO_ORDINAL, 0, w_gc_stats},
};

const pv_native_class pv_nc_world = {
    ".internal.world", NULL, PV_K_NATIVE, 0, NULL, world_methods, PV_COUNTOF(world_methods),
};

/* ---- .internal.boot -------------------------------------------------------------- */

static int b_print(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_string *s = pv_tostring_native(vm, args[1]);
    if (!s)
        return pv_throw_oom(vm);
    pv_out_write(vm, s->bytes, s->len);
    return PV_NOK;
}

static int b_start_thread(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return start_on(vm, args[1], 0, "startThread", ret);
}

static int b_sleep(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return do_sleep(vm, args[1], "sleep");
}

static const pv_native_method boot_methods[] = {
    {"toString", "()*", 5, 0, pv_orig_boot_tostring},
    {"loadClass", "(*)*", 8, 0, pv_orig_boot_load_class},
    {"consolePrint", "(*)void", 16, 0, b_print},
    {"setClassLoader", "(*)void", 17, 0, pv_orig_boot_set_loader},
    {"startThread", "(*)*", 18, 0, b_start_thread},
    {"createBinary", "(*)*", 19, 0, pv_orig_boot_create_binary},
    {"setScreenBackground", "(*)void", 20, 0, pv_boot_set_background},
    {"sleep", "(*)void", 21, 0, b_sleep},
    {"setOsInterface", "(*)void", 22, 0, pv_orig_boot_set_os},
    {"getKernelEnvironment", "()*", 23, 0, pv_orig_boot_kernel_env},
    {"reboot", "()void", 24, 0, pv_orig_boot_reboot},
};

const pv_native_class pv_nc_boot = {
    ".internal.boot", NULL, PV_K_NATIVE, 0, NULL, boot_methods, PV_COUNTOF(boot_methods),
};
