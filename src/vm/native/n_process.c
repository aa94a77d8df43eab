/*
 * n_process.c - .internal.process: what a program sees of the host process
 * that runs it: environment variables, the exit status of the run, and
 * the host's entropy.  The program's arguments come as main(args).
 *
 * Nothing here is kept in the world except the exit status (in the root,
 * so a program that set it and was then killed and booted ends with it).
 */
#include <string.h>

#include "../../hal/hal.h"
#include "native.h"

/* Environment variable names and values are C strings: a name holding a
 * NUL byte or an '=' cannot name a variable. */
static int p_getenv(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *name = pv_arg_string(vm, args[0], "getenv", 1);
    if (!name)
        return PV_NTHROW;
    if (name->len == 0 || memchr(name->bytes, '\0', name->len) || memchr(name->bytes, '=', name->len)) {
        *ret = PV_NULL;
        return PV_NOK;
    }
    const char *v = hal_getenv(name->bytes);
    if (!v) {
        *ret = PV_NULL;
        return PV_NOK;
    }
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, v));
}

/* The status the run ends with (phantom run's exit status), unless the
 * main thread ends by an uncaught exception (1).  0 to 255, as a host
 * process's status is. */
static int p_set_exit_status(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t code;
    if (!pv_arg_int(vm, args[0], "setExitStatus", 1, &code))
        return PV_NTHROW;
    if (code < 0 || code > 255)
        return pv_throw(vm, PV_B_ARG_EXC, "setExitStatus: %d is not an exit status (0 to 255)", code);
    vm->root->exit_code = code;
    *ret = PV_NULL;
    return PV_NOK;
}

static int p_exit_status(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    *ret = pv_int(vm->root->exit_code);
    return PV_NOK;
}

/* ---- entropy ---------------------------------------------------------------------- */

#define ENTROPY_MAX (1u << 20)   /* bytes in one call: more is a mistake, not a need */

static int entropy_failed(pv_vm *vm, const char *fn, int rc)
{
    return pv_throw(vm, PV_B_STATE_EXC, "%s: the host's entropy source failed: %s", fn, hal_strerror(rc));
}

static int p_random_long(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    int64_t v;
    int rc = hal_random_bytes(&v, sizeof v);
    if (rc < 0)
        return entropy_failed(vm, "randomLong", rc);
    *ret = pv_make_long(vm, v);
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}

static int p_random_bytes(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t n;
    if (!pv_arg_int(vm, args[0], "randomBytes", 1, &n))
        return PV_NTHROW;
    if (n < 0 || (uint32_t)n > ENTROPY_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "randomBytes: %d bytes asked for (0 to %u)", n, ENTROPY_MAX);
    struct pv_binary *b = pv_binary_new(vm, (uint32_t)n);
    if (!b)
        return pv_throw_oom(vm);
    int rc = hal_random_bytes(b->bytes, (size_t)n);
    if (rc < 0)
        return entropy_failed(vm, "randomBytes", rc);
    return pv_ret_obj(vm, ret, b);
}

static const pv_native_method process_methods[] = {
    {"getenv", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, p_getenv},
    {"setExitStatus", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, p_set_exit_status},
    {"exitStatus", "()*", PV_NO_ORDINAL, PV_MF_STATIC, p_exit_status},
    {"randomLong", "()*", PV_NO_ORDINAL, PV_MF_STATIC, p_random_long},
    {"randomBytes", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, p_random_bytes},
};

const pv_native_class pv_nc_process = {
    ".internal.process", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, process_methods, PV_COUNTOF(process_methods),
};
