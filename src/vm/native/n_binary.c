/*
 * n_binary.c - .internal.binary: a resizable block of bytes.
 *
 * Its size changes only through resize(n) (never by writing past the end,
 * unlike arrays), so an index error is always caught.  toString (inherited)
 * shows the bytes as lowercase hex ("00ff10"); toText() gives them as a
 * string, and fromString(s) makes a binary of a string's bytes.
 */
#include "native.h"

struct pv_binary *pv_binary_new(pv_vm *vm, uint32_t len)
{
    struct pv_binary *b = pv_alloc_obj(vm, vm->b[PV_B_BINARY], sizeof *b);
    if (b && pv_binary_resize(vm, b, len) < 0) {
        pv_free_obj(vm, b);
        return NULL;
    }
    return b;
}

struct pv_binary *pv_binary_of(pv_vm *vm, const void *bytes, uint32_t len)
{
    struct pv_binary *b = pv_binary_new(vm, len);
    if (b && len)
        memcpy(b->bytes, bytes, len);
    return b;
}

/* Growing doubles the block; bytes between the old and the new size are
 * zeroed whether they are fresh or left over from a shrink. */
int pv_binary_resize(pv_vm *vm, struct pv_binary *b, uint32_t len)
{
    if (len > PV_BINARY_MAX)
        return -1;
    if (len > b->cap) {
        uint64_t cap = (uint64_t)b->cap * 2;
        if (cap < len)
            cap = len;
        if (cap > PV_BINARY_MAX)
            cap = PV_BINARY_MAX;
        uint8_t *bytes = pv_alloc_raw(vm, (size_t)cap);
        if (!bytes)
            return -1;
        if (b->len)
            memcpy(bytes, b->bytes, b->len);
        pv_free_raw(vm, b->bytes);
        b->bytes = bytes;
        b->cap = (uint32_t)cap;
    } else if (len > b->len) {
        memset(b->bytes + b->len, 0, len - b->len);
    }
    b->len = len;
    return 0;
}

static struct pv_binary *self(pv_vm *vm, pv_value *args, const char *fn)
{
    return pv_arg_kind(vm, args[0], PV_K_BINARY, fn, 0);
}

static int bin_getbyte(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_binary *b = self(vm, args, "getByte");
    int32_t i;
    if (!b || !pv_arg_int(vm, args[1], "getByte", 1, &i) || !pv_check_index(vm, "getByte", i, b->len))
        return PV_NTHROW;
    *ret = pv_int(b->bytes[i]);
    return PV_NOK;
}

/* setByte(index, value) keeps the low 8 bits of value, so -1 and 255 both
 * store 0xff. */
static int bin_setbyte(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_binary *b = pv_self_mutable(vm, args[0], PV_K_BINARY, "setByte");
    int32_t i, v;
    if (!b || !pv_arg_int(vm, args[1], "setByte", 1, &i) || !pv_arg_int(vm, args[2], "setByte", 2, &v) ||
        !pv_check_index(vm, "setByte", i, b->len))
        return PV_NTHROW;
    b->bytes[i] = (uint8_t)v;
    return PV_NOK;
}

/* setRange(src, srcOff, dstOff, len): copies len bytes of binary src from
 * srcOff into this one at dstOff.  Both ranges must lie inside their
 * binaries; src may be this binary, ranges overlapping. */
static int bin_setrange(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_binary *b = pv_self_mutable(vm, args[0], PV_K_BINARY, "setRange"), *src;
    int32_t so, dofs, n;
    if (!b || !(src = pv_arg_kind(vm, args[1], PV_K_BINARY, "setRange", 1)) ||
        !pv_arg_int(vm, args[2], "setRange", 2, &so) || !pv_arg_int(vm, args[3], "setRange", 3, &dofs) ||
        !pv_arg_int(vm, args[4], "setRange", 4, &n) || !pv_check_range(vm, "setRange", so, n, src->len) ||
        !pv_check_range(vm, "setRange", dofs, n, b->len))
        return PV_NTHROW;
    if (n)
        memmove(b->bytes + dofs, src->bytes + so, (size_t)n);
    return PV_NOK;
}

static int bin_size(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_binary *b = self(vm, args, "size");
    if (!b)
        return PV_NTHROW;
    *ret = pv_int((int32_t)b->len);
    return PV_NOK;
}

static int bin_resize(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    struct pv_binary *b = pv_self_mutable(vm, args[0], PV_K_BINARY, "resize");
    int32_t n;
    if (!b || !pv_arg_int(vm, args[1], "resize", 1, &n))
        return PV_NTHROW;
    if (n < 0 || (uint32_t)n > PV_BINARY_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "resize: size %d is not between 0 and %u", (int)n,
                        PV_BINARY_MAX);
    if (pv_binary_resize(vm, b, (uint32_t)n) < 0)
        return pv_throw_oom(vm);
    return PV_NOK;
}

static int bin_totext(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_binary *b = self(vm, args, "toText");
    if (!b)
        return PV_NTHROW;
    return pv_ret_obj(vm, ret, pv_str_new(vm, (const char *)b->bytes, b->len));
}

static int bin_fromstring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = pv_arg_string(vm, args[0], "fromString", 1);
    if (!s)
        return PV_NTHROW;
    return pv_ret_obj(vm, ret, pv_binary_of(vm, s->bytes, s->len));
}

static int hex_digit(uint8_t ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* fromHex("00ff"): the bytes written as hex digits (what toString shows);
 * the compiler builds imported non-UTF-8 files with it. */
static int bin_fromhex(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = pv_arg_string(vm, args[0], "fromHex", 1);
    if (!s)
        return PV_NTHROW;
    if (s->len % 2)
        return pv_throw(vm, PV_B_ARG_EXC, "fromHex: %u hex digits, not an even number", (unsigned)s->len);
    for (uint32_t i = 0; i < s->len; i++)
        if (hex_digit((uint8_t)s->bytes[i]) < 0)
            return pv_throw(vm, PV_B_ARG_EXC, "fromHex: offset %u: not a hex digit", (unsigned)i);
    struct pv_binary *b = pv_binary_new(vm, s->len / 2);
    for (uint32_t i = 0; b && i < s->len / 2; i++)
        b->bytes[i] = (uint8_t)(hex_digit((uint8_t)s->bytes[2 * i]) << 4 | hex_digit((uint8_t)s->bytes[2 * i + 1]));
    return pv_ret_obj(vm, ret, b);
}

static const pv_native_method methods[] = {
    { "getByte", "(*)*", 8, 0, bin_getbyte },
    { "setByte", "(*,*)*", 9, 0, bin_setbyte },
    { "setRange", "(*,*,*,*)*", 10, 0, bin_setrange },
    { "size", "()*", PV_NO_ORDINAL, 0, bin_size },
    { "resize", "(*)*", PV_NO_ORDINAL, 0, bin_resize },
    { "toText", "()*", PV_NO_ORDINAL, 0, bin_totext },
    { "fromString", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, bin_fromstring },
    { "fromHex", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, bin_fromhex },
};

const pv_native_class pv_nc_binary = {
    .name = ".internal.binary",
    .kind = PV_K_BINARY,
    .flags = PV_CF_FINAL,
    .methods = methods,
    .nmethods = PV_COUNTOF(methods),
};
