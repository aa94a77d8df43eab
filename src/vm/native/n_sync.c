/*
 * n_sync.c - .internal.mutex, .internal.cond and .internal.sema.
 *
 * Waiting never blocks the host thread: the VM thread is queued on the
 * object and the scheduler runs others (sched.c).  Timeouts are in
 * milliseconds of wall-clock time, so they keep their deadline across a
 * restart.  A timed wait returns true if woken, false if it timed out.
 */
#include "../interp.h"
#include "../sched.h"
#include "native.h"


/* ---- mutex ------------------------------------------------------------------------- */

static int mutex_lock(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    return pv_mutex_acquire(vm, vm->cur, pv_as_ptr(args[0]));
}

static int mutex_unlock(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    if (pv_mutex_release(vm, vm->cur, pv_as_ptr(args[0])) < 0)
        return pv_throw(vm, PV_B_STATE_EXC, "unlock: this thread does not hold the mutex");
    return PV_NOK;
}

static int mutex_trylock(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_mutex *mx = pv_as_ptr(args[0]);
    bool ok = !mx->owner || mx->owner == vm->cur;
    if (ok)
        pv_mutex_acquire(vm, vm->cur, mx);
    *ret = pv_bool(ok);
    return PV_NOK;
}

/* monitorOf(o): the mutex `synchronized(o)` locks, so that a cond can
 * wait on it (Java's Object.wait in the Java library). */
static int mutex_monitor_of(pv_vm *vm, pv_value *args, pv_value *ret)
{
    if (!pv_is_obj(args[0]))
        return pv_throw(vm, args[0] == PV_NULL ? PV_B_NULL_EXC : PV_B_TYPE_EXC, "monitorOf: not an object");
    struct pv_mutex *mx = pv_monitor_of(vm, args[0]);
    if (!mx)
        return pv_throw_oom(vm);
    return pv_ret_obj(vm, ret, mx);
}

static int mutex_is_held(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = pv_bool(((struct pv_mutex *)pv_as_ptr(args[0]))->owner == vm->cur);
    return PV_NOK;
}

static const pv_native_method mutex_methods[] = {
    {"lock", "()void", 8, 0, mutex_lock},
    {"unlock", "()void", 9, 0, mutex_unlock},
    {"trylock", "()*", 10, 0, mutex_trylock},
    {"isHeld", "()*", PV_NO_ORDINAL, 0, mutex_is_held},
    {"monitorOf", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, mutex_monitor_of},
};

const pv_native_class pv_nc_mutex = {
    ".internal.mutex", NULL, PV_K_MUTEX, 0, NULL, mutex_methods, PV_COUNTOF(mutex_methods),
};

/* ---- cond ------------------------------------------------------------------------- */

static int cond_wait_common(pv_vm *vm, pv_value *args, int64_t wake)
{
    struct pv_cond *c = pv_as_ptr(args[0]);
    struct pv_mutex *mx = pv_as_ptr(args[1]);   /* declared .internal.mutex: checked before the call */
    struct pv_thread *t = vm->cur;
    if (mx->owner != t)
        return pv_throw(vm, PV_B_STATE_EXC, "wait: this thread does not hold the mutex");
    uint32_t depth = mx->depth;
    mx->depth = 1;
    pv_mutex_release(vm, t, mx);
    t->wait_depth = depth;
    t->wait_on = pv_from_ptr(c);
    t->wait_mutex = pv_from_ptr(mx);
    pv_waitq_push(&c->q, t);
    return pv_sched_block(vm, t, PV_TS_WAIT_COND, wake);
}

static int cond_wait(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = PV_TRUE;
    return cond_wait_common(vm, args, 0);
}

static int cond_twait(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int64_t ms;
    if (!pv_arg_long(vm, args[2], "twait", 2, &ms))
        return PV_NTHROW;
    *ret = PV_TRUE;
    return cond_wait_common(vm, args, pv_deadline_after_ms(ms));
}

static int cond_signal(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_thread *t = pv_waitq_pop(&((struct pv_cond *)pv_as_ptr(args[0]))->q);
    if (t)
        pv_cond_rewake(vm, t);
    return PV_NOK;
}

static int cond_broadcast(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_thread *t;
    while ((t = pv_waitq_pop(&((struct pv_cond *)pv_as_ptr(args[0]))->q)))
        pv_cond_rewake(vm, t);
    return PV_NOK;
}

static const pv_native_method cond_methods[] = {
    {"wait", "(.internal.mutex)void", 8, 0, cond_wait},
    {"twait", "(.internal.mutex,*)*", 9, 0, cond_twait},
    {"broadcast", "()void", 10, 0, cond_broadcast},
    {"signal", "()void", 11, 0, cond_signal},
};

const pv_native_class pv_nc_cond = {
    ".internal.cond", NULL, PV_K_COND, 0, NULL, cond_methods, PV_COUNTOF(cond_methods),
};

/* ---- sema ------------------------------------------------------------------------- */

static int sema_take(pv_vm *vm, pv_value *args, int64_t wake)
{
    struct pv_sema *s = pv_as_ptr(args[0]);
    if (s->count > 0) {
        s->count--;
        return PV_NOK;
    }
    vm->cur->wait_on = args[0];
    pv_waitq_push(&s->q, vm->cur);
    return pv_sched_block(vm, vm->cur, PV_TS_WAIT_SEMA, wake);
}

static int sema_acquire(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = PV_TRUE;
    return sema_take(vm, args, 0);
}

static int sema_tacquire(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int64_t ms;
    if (!pv_arg_long(vm, args[1], "tacquire", 1, &ms))
        return PV_NTHROW;
    *ret = PV_TRUE;
    return sema_take(vm, args, pv_deadline_after_ms(ms));
}

static int sema_zero(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    (void)ret;
    ((struct pv_sema *)pv_as_ptr(args[0]))->count = 0;
    return PV_NOK;
}

static int sema_release(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_sema *s = pv_as_ptr(args[0]);
    struct pv_thread *t = pv_waitq_pop(&s->q);
    if (t)
        pv_sched_ready(vm, t);
    else
        s->count++;
    return PV_NOK;
}

static const pv_native_method sema_methods[] = {
    {"acquire", "()*", 8, 0, sema_acquire},
    {"tacquire", "(*)*", 9, 0, sema_tacquire},
    {"zero", "()void", 10, 0, sema_zero},
    {"release", "()void", 11, 0, sema_release},
};

const pv_native_class pv_nc_sema = {
    ".internal.sema", NULL, PV_K_SEMA, 0, NULL, sema_methods, PV_COUNTOF(sema_methods),
};
