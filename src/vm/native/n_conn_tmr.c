/*
 * n_conn_tmr.c - the tmr: and stt: back ends of .internal.connection
 * (docs/INTERNAL-CLASSES.md).
 *
 * tmr: block(_, ms) sleeps ms milliseconds (how every original demo
 * sleeps); invoke(ms, 0) arms a one-shot timer that calls the callback
 * (setCallback(obj, method)) with the Unix time in seconds it was due.
 * A timer is a VM thread asleep until its deadline, then running the
 * callback: both live in the world, so a sleep or an armed timer goes on
 * after a restart with its deadline (the original lost armed timers and
 * restarted sleeps from zero).
 *
 * stt: block(counter, op) reads a counter of the VM (stt_counter below);
 * op 0 and 1 its rate per second since the connect, 2 and 4 its total, 3
 * (previous boots) 0, and op 5 the share of CPU time the process left
 * idle since the previous op 5 on this connection, in percent.
 */
#include "../pvm.h"
#include "../sched.h"
#include "../../hal/hal.h"
#include "n_connection.h"

static struct pv_native_obj *conn(pv_value v) { return pv_as_ptr(v); }

static int tmr_init(pv_vm *vm, pv_value self, struct pv_string *rest, pv_value *ret)
{
    (void)vm;
    (void)self;
    (void)rest;
    *ret = pv_int(0);
    return PV_NOK;
}

static int tmr_block(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret)
{
    (void)self;
    (void)arg;
    (void)ret;
    return pv_sched_block(vm, vm->cur, PV_TS_SLEEPING, pv_deadline_after_ms(op > 0 ? op : 0));
}

/* invoke(ms, 0): 0 once armed (also when no callback is set: nothing will
 * be called); EINVAL for another op; TypeException unless ms is an int. */
static int tmr_invoke(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret)
{
    int32_t ms;
    if (op != 0) {
        *ret = pv_int(CN_EINVAL);
        return PV_NOK;
    }
    if (!pv_arg_int(vm, arg, "invoke", 1, &ms))
        return PV_NTHROW;
    *ret = pv_int(0);
    pv_value obj = conn(self)->w[CN_CALLBACK];
    pv_value mv = conn(self)->w[CN_METHOD];
    struct pv_class *c = obj != PV_NULL ? pv_class_of(vm, obj) : NULL;
    int32_t ord = pv_is_int(mv) ? pv_as_int(mv) : -1;
    struct pv_method *m = c && ord >= 0 && (uint32_t)ord < c->nvtable ? c->vtable[ord] : NULL;
    if (!m)
        return PV_NOK;
    if ((m->flags & (PV_MF_NATIVE | PV_MF_STATIC | PV_MF_ABSTRACT)) || m->nargs > 1)
        return pv_throw(vm, PV_B_NOMETHOD_EXC, "invoke: the callback, method %d of %s, must be a Phantom method "
                        "taking the time", (int)ord, c->name->bytes);
    int64_t due = pv_deadline_after_ms(ms > 0 ? ms : 0);
    pv_value args[2] = {obj, pv_int((int32_t)(due / 1000000000))};
    struct pv_thread *t = pv_thread_start(vm, m, args, 1 + m->nargs, 0);
    if (!t)
        return pv_throw_oom(vm);
    pv_waitq_remove(&vm->root->runq, t);   /* started asleep: it runs at the deadline */
    return pv_sched_block(vm, t, PV_TS_SLEEPING, due) == PV_NBLOCK ? PV_NOK : PV_NTHROW;
}

const struct cn_backend pv_cn_tmr = {"tmr:", tmr_init, tmr_invoke, tmr_block, NULL};

/* ---- stt: ---------------------------------------------------------------------------- */

/* The counters, by the index given to block. */
static bool stt_counter(pv_vm *vm, int32_t i, uint64_t *v)
{
    pvm_gc_stats st;
    pvm_gc_stats_get(vm, &st);
    switch (i) {
    case 0: *v = vm->root->threads->len; return true;
    case 1: *v = st.allocated_objects; return true;
    case 2: *v = st.allocated_bytes; return true;
    case 3: *v = st.live_objects; return true;
    case 4: *v = st.live_bytes; return true;
    case 5: *v = st.rc_freed_objects + st.cycle_freed_objects; return true;
    case 6: *v = st.cycles; return true;
    default: return false;
    }
}

/* The connection keeps three longs in CN_STATE: when it connected, and
 * the last idle sample (monotonic and CPU nanoseconds). */
enum { STT_SINCE, STT_WALL, STT_CPU, STT_N };

static int stt_sample(pv_vm *vm, pv_value self, int64_t since)
{
    struct pv_array *a = pv_array_new(vm, STT_N);
    if (!a)
        return pv_throw_oom(vm);
    pv_gc_write(vm, &conn(self)->w[CN_STATE], pv_from_ptr(a));
    int64_t v[STT_N] = {since, (int64_t)hal_now_mono_ns(), (int64_t)hal_process_cpu_ns()};
    for (int i = 0; i < STT_N; i++) {
        pv_value l = pv_make_long(vm, v[i]);
        if (l == PV_NULL)
            return pv_throw_oom(vm);
        pv_gc_write(vm, &a->items[i], l);
    }
    return PV_NOK;
}

static bool stt_state(pv_value self, int64_t v[STT_N])
{
    pv_value st = conn(self)->w[CN_STATE];
    if (pv_obj_kind(st) != PV_K_ARRAY || ((struct pv_array *)pv_as_ptr(st))->len != STT_N)
        return false;
    for (int i = 0; i < STT_N; i++) {
        pv_num n;
        if (!pv_num_decode(((struct pv_array *)pv_as_ptr(st))->items[i], &n) || n.kind != PV_NUM_INT)
            return false;
        v[i] = n.i;
    }
    return true;
}

static int stt_init(pv_vm *vm, pv_value self, struct pv_string *rest, pv_value *ret)
{
    (void)rest;
    *ret = pv_int(0);
    return stt_sample(vm, self, (int64_t)hal_now_mono_ns());
}

static int stt_block(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret)
{
    int32_t i;
    if (!pv_arg_int(vm, arg, "block", 1, &i))
        return PV_NTHROW;
    int64_t st[STT_N], now = (int64_t)hal_now_mono_ns();
    bool have = stt_state(self, st);
    if (op == 5) {   /* idle percent since the previous op 5 (or the connect) */
        int64_t idle = 100;
        if (have && now > st[STT_WALL]) {
            int64_t busy = ((int64_t)hal_process_cpu_ns() - st[STT_CPU]) * 100 / (now - st[STT_WALL]);
            idle = busy < 0 ? 100 : busy > 100 ? 0 : 100 - busy;
        }
        *ret = pv_int((int32_t)idle);
        return stt_sample(vm, self, have ? st[STT_SINCE] : now);
    }
    uint64_t v;
    if (op < 0 || op > 4 || !stt_counter(vm, i, &v)) {
        *ret = pv_int(-1);
        return PV_NOK;
    }
    if (op == 3)
        v = 0;   /* previous boots: not counted */
    if (op <= 1) {   /* per second since the connect (or the boot that reconnected it) */
        uint64_t secs = have && now > st[STT_SINCE] ? (uint64_t)(now - st[STT_SINCE]) / 1000000000u : 0;
        v = secs ? v / secs : v;
    }
    *ret = pv_int(v > INT32_MAX ? INT32_MAX : (int32_t)v);
    return PV_NOK;
}

const struct cn_backend pv_cn_stt = {"stt:", stt_init, pv_cn_invoke_einval, stt_block, NULL};
