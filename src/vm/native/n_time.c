/*
 * n_time.c - .internal.time: the clocks.  Wall-clock time is what survives
 * a restart meaningfully (sleeps keep wall-clock deadlines); the monotonic
 * clock measures intervals within one run and restarts from an arbitrary
 * origin at every boot.
 */
#include "native.h"

static int ret_long(pv_vm *vm, pv_value *ret, int64_t v)
{
    *ret = pv_make_long(vm, v);
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}

static int t_now_millis(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return ret_long(vm, ret, (int64_t)(hal_now_wall_ns() / 1000000));
}

static int t_mono_nanos(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return ret_long(vm, ret, (int64_t)hal_now_mono_ns());
}

static const pv_native_method time_methods[] = {
    {"nowMillis", "().internal.long", PV_NO_ORDINAL, PV_MF_STATIC, t_now_millis},
    {"monoNanos", "().internal.long", PV_NO_ORDINAL, PV_MF_STATIC, t_mono_nanos},
};

const pv_native_class pv_nc_time = {
    ".internal.time", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, time_methods, PV_COUNTOF(time_methods),
};
