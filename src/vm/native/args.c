/*
 * args.c - the checks every native method makes on what bytecode hands it,
 * with one wording for every message:
 *   "<method>: argument <n> must be <type>, got <type>"
 *   "<method>: index <i> out of range for length <n>"
 */
#include <string.h>

#include "../classfile.h"
#include "native.h"

const char *pv_type_name(pv_vm *vm, pv_value v)
{
    (void)vm;
    if (pv_is_double(v))
        return "double";
    switch (pv_tag(v)) {
    case PV_TINT: return "int";
    case PV_TLONG: return "long";
    case PV_TFLOAT: return "float";
    case PV_TBOOL: return "bool";
    case PV_TCHAR: return "char";
    case PV_TREF: break;
    default: return "?";
    }
    if (v == PV_NULL)
        return "null";
    switch (pv_obj_kind(v)) {
    case PV_K_STRING: return "string";
    case PV_K_LONGBOX: return "long";
    case PV_K_ARRAY: return "array";
    case PV_K_DIRECTORY: return "directory";
    case PV_K_BINARY: return "binary";
    default: break;
    }
    const struct pv_class *c = ((const struct pv_obj *)pv_as_ptr(v))->cls;
    return c && c->name ? c->name->bytes : "object";
}

bool pv_wrong_type(pv_vm *vm, pv_value v, const char *fn, int argno, const char *want)
{
    if (argno == 0)
        pv_throw(vm, PV_B_TYPE_EXC, "%s: receiver must be %s, got %s", fn, want,
                 pv_type_name(vm, v));
    else
        pv_throw(vm, PV_B_TYPE_EXC, "%s: argument %d must be %s, got %s", fn, argno, want,
                 pv_type_name(vm, v));
    return false;
}

/* ints and longs (immediate or boxed) are interchangeable as arguments. */
static bool integer(pv_vm *vm, pv_value v, int64_t *out)
{
    if (pv_is_int(v))
        *out = pv_as_int(v);
    else if (pv_is_long(vm, v))
        *out = pv_long_of(v);
    else
        return false;
    return true;
}

bool pv_arg_long(pv_vm *vm, pv_value v, const char *fn, int argno, int64_t *out)
{
    return integer(vm, v, out) || pv_wrong_type(vm, v, fn, argno, "long");
}

bool pv_arg_int(pv_vm *vm, pv_value v, const char *fn, int argno, int32_t *out)
{
    int64_t l;
    if (!integer(vm, v, &l))
        return pv_wrong_type(vm, v, fn, argno, "int");
    if (l < INT32_MIN || l > INT32_MAX) {
        pv_throw(vm, PV_B_ARG_EXC, "%s: argument %d (%lld) is out of the int range", fn, argno,
                 (long long)l);
        return false;
    }
    *out = (int32_t)l;
    return true;
}

bool pv_arg_double(pv_vm *vm, pv_value v, const char *fn, int argno, double *out)
{
    return pv_num_double(vm, v, out) || pv_wrong_type(vm, v, fn, argno, "a number");
}

static const char *kind_name(uint32_t kind)
{
    switch (kind) {
    case PV_K_STRING: return "string";
    case PV_K_ARRAY: return "array";
    case PV_K_DIRECTORY: return "directory";
    case PV_K_BINARY: return "binary";
    case PV_K_INSTANCE: return "an object";
    default: return "an internal object";
    }
}

void *pv_arg_kind(pv_vm *vm, pv_value v, uint32_t kind, const char *fn, int argno)
{
    if (pv_obj_kind(v) == kind)
        return pv_as_ptr(v);
    pv_wrong_type(vm, v, fn, argno, kind_name(kind));
    return NULL;
}

struct pv_string *pv_arg_string(pv_vm *vm, pv_value v, const char *fn, int argno)
{
    return pv_arg_kind(vm, v, PV_K_STRING, fn, argno);
}

bool pv_arg_bytes(pv_vm *vm, pv_value v, const char *fn, int argno, const uint8_t **p, size_t *n)
{
    if (pv_obj_kind(v) == PV_K_BINARY) {
        struct pv_binary *b = pv_as_ptr(v);
        *p = b->bytes;
        *n = b->len;
        return true;
    }
    if (pv_obj_kind(v) == PV_K_STRING) {
        struct pv_string *s = pv_as_ptr(v);
        *p = (const uint8_t *)s->bytes;
        *n = s->len;
        return true;
    }
    pv_wrong_type(vm, v, fn, argno, "string or binary");
    return false;
}

void *pv_self_mutable(pv_vm *vm, pv_value v, uint32_t kind, const char *fn)
{
    struct pv_obj *o = pv_arg_kind(vm, v, kind, fn, 0);
    if (o && (o->flags & PV_OF_IMMUTABLE)) {
        pv_throw(vm, PV_B_STATE_EXC, "%s: this %s is immutable", fn, kind_name(kind));
        return NULL;
    }
    return o;
}

bool pv_check_index(pv_vm *vm, const char *fn, int64_t i, uint64_t len)
{
    if (i >= 0 && (uint64_t)i < len)
        return true;
    pv_throw(vm, PV_B_INDEX_EXC, "%s: index %lld out of range for length %llu", fn,
             (long long)i, (unsigned long long)len);
    return false;
}

bool pv_check_range(pv_vm *vm, const char *fn, int64_t off, int64_t n, uint64_t len)
{
    if (off >= 0 && n >= 0 && (uint64_t)off <= len && (uint64_t)n <= len - (uint64_t)off)
        return true;
    pv_throw(vm, PV_B_INDEX_EXC, "%s: offset %lld with count %lld out of range for length %llu", fn,
             (long long)off, (long long)n, (unsigned long long)len);
    return false;
}

int pv_ret_obj(pv_vm *vm, pv_value *ret, void *obj)
{
    if (!obj)
        return pv_throw_oom(vm);
    *ret = pv_from_ptr(obj);
    return PV_NOK;
}

int pv_throw_parse(pv_vm *vm, const char *fn, const struct pv_string *s, const char *type,
                   const char *why)
{
    int n = s->len > 60 ? 60 : (int)s->len;
    return pv_throw(vm, PV_B_ARG_EXC, "%s: cannot parse \"%.*s%s\" as %s: %s", fn, n, s->bytes,
                    s->len > 60 ? "..." : "", type, why);
}

/* ---- the check before every native call ------------------------------------------ */

/* The class an argument type names, for the types that name one: a full
 * name without "[]" (".internal.mutex"); "*", relative names and arrays
 * declare nothing the VM checks.  Copies it NUL-terminated into out. */
static bool declared_class(const char *desc, int i, char *out, size_t outlen)
{
    const char *type;
    size_t len;
    if (!pv_desc_arg(desc, i, &type, &len) || type[0] != '.' || memchr(type, '[', len) || len >= outlen)
        return false;
    memcpy(out, type, len);
    out[len] = 0;
    return true;
}

int pv_native_typed_args(const char *desc, uint16_t *mask)
{
    char name[256];
    int nargs = pv_desc_nargs(desc);
    *mask = 0;
    for (int i = 0; i < nargs; i++)
        if (declared_class(desc, i, name, sizeof name)) {
            if (i >= 16)
                return -1;
            *mask |= (uint16_t)(1u << i);
        }
    return nargs < 0 ? -1 : 0;
}

bool pv_native_call_ok(pv_vm *vm, const struct pv_method *m, const pv_value *args)
{
    /* Invariant: an instance method's args[0] is not null (every invoke
     * instruction raises NullReferenceException first). */
    if (!(m->flags & PV_MF_STATIC) && !pv_instance_of(vm, args[0], m->owner))
        return pv_wrong_type(vm, args[0], m->name->bytes, 0, m->owner->name->bytes);
    const pv_value *argv = args + !(m->flags & PV_MF_STATIC);
    for (uint32_t bits = m->typed_args, i = 0; bits; bits >>= 1, i++) {
        char name[256];
        if (!(bits & 1u) || !declared_class(m->desc->bytes, (int)i, name, sizeof name))
            continue;
        struct pv_class *want = pv_find_class(vm, name);
        if (!want || !pv_instance_of(vm, argv[i], want))
            return pv_wrong_type(vm, argv[i], m->name->bytes, (int)i + 1, name);
    }
    return true;
}
