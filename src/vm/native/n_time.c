/*
 * n_time.c - .internal.time: the clocks and the host's time zones.
 * Wall-clock time is what survives a restart meaningfully (sleeps keep
 * wall-clock deadlines); the monotonic clock measures intervals within one
 * run and restarts from an arbitrary origin at every boot.
 *
 * Time zones are the host's database, read by the HAL (hal_tz_local_at).
 * Nothing about a zone is kept in the world: programs keep its name and
 * ask again when they use it, so a world booted on a machine with other
 * time zone data follows that machine's rules.
 */
#include <errno.h>

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

static int t_now_nanos(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return ret_long(vm, ret, (int64_t)hal_now_wall_ns());
}

/* zoneAt(name, epochSecond): [offset in seconds east of UTC, daylight
 * saving time, abbreviation], or null when the host has no zone of that
 * name (or the name cannot be one).  A file that is there but cannot be
 * used raises IllegalStateException naming it. */
static int t_zone_at(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *name = pv_arg_string(vm, args[0], "zoneAt", 1);
    int64_t t;
    if (!name || !pv_arg_long(vm, args[1], "zoneAt", 2, &t))
        return PV_NTHROW;
    hal_tz_local l;
    int rc = strlen(name->bytes) == name->len ? hal_tz_local_at(name->bytes, t, &l) : -EINVAL;
    if (rc == -ENOENT || rc == -EINVAL) {
        *ret = PV_NULL;
        return PV_NOK;
    }
    if (rc < 0)
        return pv_throw(vm, PV_B_STATE_EXC, "zoneAt: cannot use the time zone file %s/%s: %s", hal_tz_dir(),
                        name->bytes, rc == -EILSEQ ? "not a TZif file" : rc == -ENOTSUP ? "it counts leap seconds"
                                                                          : hal_strerror(rc));
    struct pv_array *a = pv_array_new(vm, 0);
    struct pv_string *abbr = pv_str_cstr(vm, l.abbr);
    if (!a || !abbr || pv_array_push(vm, a, pv_int(l.utoff)) < 0 || pv_array_push(vm, a, pv_bool(l.dst)) < 0 ||
        pv_array_push(vm, a, pv_from_ptr(abbr)) < 0)
        return pv_throw_oom(vm);
    *ret = pv_from_ptr(a);
    return PV_NOK;
}

/* The host's own zone's name, or null if it has none that names a zone. */
static int t_host_zone(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    char name[HAL_TZ_NAME];
    if (hal_tz_host_zone(name, sizeof name) < 0) {
        *ret = PV_NULL;
        return PV_NOK;
    }
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, name));
}

static int t_zone_dir(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, hal_tz_dir()));
}

static const pv_native_method time_methods[] = {
    {"nowMillis", "().internal.long", PV_NO_ORDINAL, PV_MF_STATIC, t_now_millis},
    {"nowNanos", "().internal.long", PV_NO_ORDINAL, PV_MF_STATIC, t_now_nanos},
    {"monoNanos", "().internal.long", PV_NO_ORDINAL, PV_MF_STATIC, t_mono_nanos},
    {"zoneAt", "(*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, t_zone_at},
    {"hostZone", "()*", PV_NO_ORDINAL, PV_MF_STATIC, t_host_zone},
    {"zoneDirectory", "()*", PV_NO_ORDINAL, PV_MF_STATIC, t_zone_dir},
};

const pv_native_class pv_nc_time = {
    ".internal.time", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, time_methods, PV_COUNTOF(time_methods),
};
