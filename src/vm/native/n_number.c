/*
 * n_number.c - the classes of immediate values: .internal.int, .long,
 * .float, .double, .bool and .char.
 *
 * Their instances are the values themselves (args[0] is the immediate, or
 * a struct pv_longbox for a long beyond 48 bits), so they are immutable and
 * final.  toString, equals, hashCode come from .internal.object, whose
 * native notions already treat numbers by value (5.equals(5.0) is true).
 *
 * What each class adds:
 *   numbers and char   compareTo(x) against any number; toInt(), toLong(),
 *                      toFloat(), toDouble() converting as casts do
 *   int, long          static parse(s), MAX_VALUE(), MIN_VALUE(), abs(x),
 *                      min(a, b), max(a, b)
 *   float, double      the same, with MIN_VALUE() the smallest positive
 *                      value as in Java, plus static isNaN(x), isInfinite(x)
 *   bool               compareTo(b) (false < true), static parse(s)
 *   char               static isDigit(c), isLetter(c), isLetterOrDigit(c),
 *                      isWhitespace(c), isUpperCase(c), isLowerCase(c),
 *                      toUpperCase(c), toLowerCase(c), digitValue(c): Unicode,
 *                      from the host's tables (hal.h)
 */
#include <float.h>
#include <math.h>

#include "native.h"

/* ---- shared by every numeric class ------------------------------------------------ */

static bool arg_num(pv_vm *vm, pv_value v, const char *fn, int argno, pv_num *out)
{
    return pv_num_decode(v, out) || pv_wrong_type(vm, v, fn, argno, "a number");
}

static int num_compareto(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_num a, b;
    if (!arg_num(vm, args[0], "compareTo", 0, &a) || !arg_num(vm, args[1], "compareTo", 1, &b))
        return PV_NTHROW;
    *ret = pv_int(pv_num_compare(&a, &b));
    return PV_NOK;
}

static double num_as_double(const pv_num *n)
{
    return n->kind == PV_NUM_INT ? (double)n->i : n->d;
}

static int64_t num_as_long(const pv_num *n)
{
    return n->kind == PV_NUM_INT ? n->i : pv_double_to_long(n->d);
}

/* toInt from a long keeps the low 32 bits, as the cast does. */
static int num_toint(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_num n;
    if (!arg_num(vm, args[0], "toInt", 0, &n))
        return PV_NTHROW;
    *ret = pv_int(n.kind == PV_NUM_INT ? (int32_t)(uint32_t)n.i : pv_double_to_int(n.d));
    return PV_NOK;
}

static int num_tolong(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_num n;
    if (!arg_num(vm, args[0], "toLong", 0, &n))
        return PV_NTHROW;
    *ret = pv_make_long(vm, num_as_long(&n));
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}

static int num_tofloat(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_num n;
    if (!arg_num(vm, args[0], "toFloat", 0, &n))
        return PV_NTHROW;
    *ret = pv_float((float)num_as_double(&n));
    return PV_NOK;
}

static int num_todouble(pv_vm *vm, pv_value *args, pv_value *ret)
{
    pv_num n;
    if (!arg_num(vm, args[0], "toDouble", 0, &n))
        return PV_NTHROW;
    *ret = pv_double(num_as_double(&n));
    return PV_NOK;
}

#define NUM_COMMON                                                  \
    { "compareTo", "(*)*", PV_NO_ORDINAL, 0, num_compareto },       \
    { "toInt", "()*", PV_NO_ORDINAL, 0, num_toint },                \
    { "toLong", "()*", PV_NO_ORDINAL, 0, num_tolong },              \
    { "toFloat", "()*", PV_NO_ORDINAL, 0, num_tofloat },            \
    { "toDouble", "()*", PV_NO_ORDINAL, 0, num_todouble }

#define STATIC (PV_MF_STATIC)

/* parse(s) for every class: the text must be a string. */
static struct pv_string *parse_arg(pv_vm *vm, pv_value *args)
{
    return pv_arg_string(vm, args[0], "parse", 1);
}

/* ---- int ------------------------------------------------------------------------------------ */

static int int_parse(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = parse_arg(vm, args);
    int32_t v;
    const char *err;
    if (!s)
        return PV_NTHROW;
    if ((err = pv_parse_int(s->bytes, s->len, &v)))
        return pv_throw_parse(vm, "parse", s, "int", err);
    *ret = pv_int(v);
    return PV_NOK;
}

static int int_max_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)args;
    *ret = pv_int(INT32_MAX);
    return PV_NOK;
}

static int int_min_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)args;
    *ret = pv_int(INT32_MIN);
    return PV_NOK;
}

/* abs(MIN_VALUE) is MIN_VALUE: ints wrap, as in Java. */
static int int_abs(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t x;
    if (!pv_arg_int(vm, args[0], "abs", 1, &x))
        return PV_NTHROW;
    *ret = pv_int(x < 0 ? (int32_t)(0u - (uint32_t)x) : x);
    return PV_NOK;
}

static int int_minmax(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, bool want_max)
{
    int32_t a, b;
    if (!pv_arg_int(vm, args[0], fn, 1, &a) || !pv_arg_int(vm, args[1], fn, 2, &b))
        return PV_NTHROW;
    *ret = pv_int((a < b) == want_max ? b : a);
    return PV_NOK;
}

static int int_min(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return int_minmax(vm, args, ret, "min", false);
}

static int int_max(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return int_minmax(vm, args, ret, "max", true);
}

static const pv_native_method int_methods[] = {
    NUM_COMMON,
    { "parse", "(*)*", PV_NO_ORDINAL, STATIC, int_parse },
    { "MAX_VALUE", "()*", PV_NO_ORDINAL, STATIC, int_max_value },
    { "MIN_VALUE", "()*", PV_NO_ORDINAL, STATIC, int_min_value },
    { "abs", "(*)*", PV_NO_ORDINAL, STATIC, int_abs },
    { "min", "(*,*)*", PV_NO_ORDINAL, STATIC, int_min },
    { "max", "(*,*)*", PV_NO_ORDINAL, STATIC, int_max },
};

const pv_native_class pv_nc_int = {
    .name = ".internal.int",
    .kind = PV_K_VALUE,
    .flags = PV_CF_FINAL,
    .methods = int_methods,
    .nmethods = PV_COUNTOF(int_methods),
};

/* ---- long ------------------------------------------------------------------------------------ */

static int ret_long(pv_vm *vm, pv_value *ret, int64_t l)
{
    *ret = pv_make_long(vm, l);
    return *ret == PV_NULL ? pv_throw_oom(vm) : PV_NOK;
}

static int long_parse(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = parse_arg(vm, args);
    int64_t v;
    const char *err;
    if (!s)
        return PV_NTHROW;
    if ((err = pv_parse_long(s->bytes, s->len, &v)))
        return pv_throw_parse(vm, "parse", s, "long", err);
    return ret_long(vm, ret, v);
}

static int long_max_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return ret_long(vm, ret, INT64_MAX);
}

static int long_min_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return ret_long(vm, ret, INT64_MIN);
}

static int long_abs(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int64_t x;
    if (!pv_arg_long(vm, args[0], "abs", 1, &x))
        return PV_NTHROW;
    return ret_long(vm, ret, x < 0 ? (int64_t)(0u - (uint64_t)x) : x);
}

static int long_minmax(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, bool want_max)
{
    int64_t a, b;
    if (!pv_arg_long(vm, args[0], fn, 1, &a) || !pv_arg_long(vm, args[1], fn, 2, &b))
        return PV_NTHROW;
    return ret_long(vm, ret, (a < b) == want_max ? b : a);
}

static int long_min(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return long_minmax(vm, args, ret, "min", false);
}

static int long_max(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return long_minmax(vm, args, ret, "max", true);
}

static const pv_native_method long_methods[] = {
    NUM_COMMON,
    { "parse", "(*)*", PV_NO_ORDINAL, STATIC, long_parse },
    { "MAX_VALUE", "()*", PV_NO_ORDINAL, STATIC, long_max_value },
    { "MIN_VALUE", "()*", PV_NO_ORDINAL, STATIC, long_min_value },
    { "abs", "(*)*", PV_NO_ORDINAL, STATIC, long_abs },
    { "min", "(*,*)*", PV_NO_ORDINAL, STATIC, long_min },
    { "max", "(*,*)*", PV_NO_ORDINAL, STATIC, long_max },
};

/* Kind LONGBOX, not VALUE: the long's objects (values beyond 48 bits) are
 * struct pv_longbox, and the kind is how code recognises them. */
const pv_native_class pv_nc_long = {
    .name = ".internal.long",
    .kind = PV_K_LONGBOX,
    .flags = PV_CF_FINAL,
    .methods = long_methods,
    .nmethods = PV_COUNTOF(long_methods),
};

/* ---- float and double: the same functions, the result's width chosen by
 * the class (`single`) ---------------------------------------------------------------------- */

static int ret_real(pv_value *ret, double d, bool single)
{
    *ret = single ? pv_float((float)d) : pv_double(d);
    return PV_NOK;
}

static int real_parse(pv_vm *vm, pv_value *args, pv_value *ret, bool single)
{
    struct pv_string *s = parse_arg(vm, args);
    double d = 0;
    float f = 0;
    const char *err;
    if (!s)
        return PV_NTHROW;
    /* A float parsed directly: through a double it could round twice. */
    err = single ? pv_parse_float(s->bytes, s->len, &f) : pv_parse_double(s->bytes, s->len, &d);
    if (err)
        return pv_throw_parse(vm, "parse", s, single ? "float" : "double", err);
    return ret_real(ret, single ? f : d, single);
}

static int real_abs(pv_vm *vm, pv_value *args, pv_value *ret, bool single)
{
    double x;
    if (!pv_arg_double(vm, args[0], "abs", 1, &x))
        return PV_NTHROW;
    return ret_real(ret, fabs(x), single);
}

/* As Java: NaN if either is NaN, and -0.0 is below 0.0. */
static int real_minmax(pv_vm *vm, pv_value *args, pv_value *ret, bool single, bool want_max)
{
    const char *fn = want_max ? "max" : "min";
    double a, b;
    if (!pv_arg_double(vm, args[0], fn, 1, &a) || !pv_arg_double(vm, args[1], fn, 2, &b))
        return PV_NTHROW;
    double r;
    if (isnan(a) || isnan(b))
        r = NAN;
    else if (a == b)
        r = (signbit(a) != 0) == want_max ? b : a;
    else
        r = (a < b) == want_max ? b : a;
    return ret_real(ret, r, single);
}

static int real_is(pv_vm *vm, pv_value *args, pv_value *ret, bool want_nan)
{
    double x;
    if (!pv_arg_double(vm, args[0], want_nan ? "isNaN" : "isInfinite", 1, &x))
        return PV_NTHROW;
    *ret = pv_bool(want_nan ? isnan(x) : isinf(x));
    return PV_NOK;
}

static int float_parse(pv_vm *vm, pv_value *a, pv_value *r) { return real_parse(vm, a, r, true); }
static int float_abs(pv_vm *vm, pv_value *a, pv_value *r) { return real_abs(vm, a, r, true); }
static int float_min(pv_vm *vm, pv_value *a, pv_value *r) { return real_minmax(vm, a, r, true, false); }
static int float_max(pv_vm *vm, pv_value *a, pv_value *r) { return real_minmax(vm, a, r, true, true); }
static int double_parse(pv_vm *vm, pv_value *a, pv_value *r) { return real_parse(vm, a, r, false); }
static int double_abs(pv_vm *vm, pv_value *a, pv_value *r) { return real_abs(vm, a, r, false); }
static int double_min(pv_vm *vm, pv_value *a, pv_value *r) { return real_minmax(vm, a, r, false, false); }
static int double_max(pv_vm *vm, pv_value *a, pv_value *r) { return real_minmax(vm, a, r, false, true); }
static int real_isnan(pv_vm *vm, pv_value *a, pv_value *r) { return real_is(vm, a, r, true); }
static int real_isinf(pv_vm *vm, pv_value *a, pv_value *r) { return real_is(vm, a, r, false); }

static int float_max_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)args;
    return ret_real(ret, FLT_MAX, true);
}

static int float_min_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)args;
    return ret_real(ret, 0x1p-149, true);   /* smallest positive (subnormal) float */
}

static int double_max_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)args;
    return ret_real(ret, DBL_MAX, false);
}

static int double_min_value(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm, (void)args;
    return ret_real(ret, 0x1p-1074, false);   /* smallest positive (subnormal) double */
}

static const pv_native_method float_methods[] = {
    NUM_COMMON,
    { "parse", "(*)*", PV_NO_ORDINAL, STATIC, float_parse },
    { "MAX_VALUE", "()*", PV_NO_ORDINAL, STATIC, float_max_value },
    { "MIN_VALUE", "()*", PV_NO_ORDINAL, STATIC, float_min_value },
    { "abs", "(*)*", PV_NO_ORDINAL, STATIC, float_abs },
    { "min", "(*,*)*", PV_NO_ORDINAL, STATIC, float_min },
    { "max", "(*,*)*", PV_NO_ORDINAL, STATIC, float_max },
    { "isNaN", "(*)*", PV_NO_ORDINAL, STATIC, real_isnan },
    { "isInfinite", "(*)*", PV_NO_ORDINAL, STATIC, real_isinf },
};

const pv_native_class pv_nc_float = {
    .name = ".internal.float",
    .kind = PV_K_VALUE,
    .flags = PV_CF_FINAL,
    .methods = float_methods,
    .nmethods = PV_COUNTOF(float_methods),
};

static const pv_native_method double_methods[] = {
    NUM_COMMON,
    { "parse", "(*)*", PV_NO_ORDINAL, STATIC, double_parse },
    { "MAX_VALUE", "()*", PV_NO_ORDINAL, STATIC, double_max_value },
    { "MIN_VALUE", "()*", PV_NO_ORDINAL, STATIC, double_min_value },
    { "abs", "(*)*", PV_NO_ORDINAL, STATIC, double_abs },
    { "min", "(*,*)*", PV_NO_ORDINAL, STATIC, double_min },
    { "max", "(*,*)*", PV_NO_ORDINAL, STATIC, double_max },
    { "isNaN", "(*)*", PV_NO_ORDINAL, STATIC, real_isnan },
    { "isInfinite", "(*)*", PV_NO_ORDINAL, STATIC, real_isinf },
};

const pv_native_class pv_nc_double = {
    .name = ".internal.double",
    .kind = PV_K_VALUE,
    .flags = PV_CF_FINAL,
    .methods = double_methods,
    .nmethods = PV_COUNTOF(double_methods),
};

/* ---- bool ------------------------------------------------------------------------------------- */

static bool arg_bool(pv_vm *vm, pv_value v, const char *fn, int argno, bool *out)
{
    if (!pv_is_bool(v))
        return pv_wrong_type(vm, v, fn, argno, "bool");
    *out = pv_as_bool(v);
    return true;
}

static int bool_compareto(pv_vm *vm, pv_value *args, pv_value *ret)
{
    bool a = false, b = false;
    if (!arg_bool(vm, args[0], "compareTo", 0, &a) || !arg_bool(vm, args[1], "compareTo", 1, &b))
        return PV_NTHROW;
    *ret = pv_int((int)a - (int)b);
    return PV_NOK;
}

/* Exactly "true" or "false". */
static int bool_parse(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = parse_arg(vm, args);
    if (!s)
        return PV_NTHROW;
    if (s->len == 4 && memcmp(s->bytes, "true", 4) == 0)
        *ret = PV_TRUE;
    else if (s->len == 5 && memcmp(s->bytes, "false", 5) == 0)
        *ret = PV_FALSE;
    else
        return pv_throw_parse(vm, "parse", s, "bool", "not true or false");
    return PV_NOK;
}

static const pv_native_method bool_methods[] = {
    { "compareTo", "(*)*", PV_NO_ORDINAL, 0, bool_compareto },
    { "parse", "(*)*", PV_NO_ORDINAL, STATIC, bool_parse },
};

const pv_native_class pv_nc_bool = {
    .name = ".internal.bool",
    .kind = PV_K_VALUE,
    .flags = PV_CF_FINAL,
    .methods = bool_methods,
    .nmethods = PV_COUNTOF(bool_methods),
};

/* ---- char --------------------------------------------------------------------------------------- */

/* Unicode classes and case mapping come from the host's tables
 * (hal_char_classes): code points, not bytes. */
enum { IS_DIGIT, IS_LETTER, IS_LETTER_OR_DIGIT, IS_SPACE, IS_UPPER, IS_LOWER, TO_UPPER, TO_LOWER, DIGIT_VALUE };

static int char_op(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, int op)
{
    if (!pv_is_char(args[0])) {
        pv_wrong_type(vm, args[0], fn, 1, "char");
        return PV_NTHROW;
    }
    uint32_t c = pv_as_char(args[0]);
    static const unsigned class_of[] = {
        [IS_DIGIT] = HAL_CH_DIGIT, [IS_LETTER] = HAL_CH_LETTER, [IS_LETTER_OR_DIGIT] = HAL_CH_LETTER | HAL_CH_DIGIT,
        [IS_SPACE] = HAL_CH_SPACE, [IS_UPPER] = HAL_CH_UPPER, [IS_LOWER] = HAL_CH_LOWER,
    };
    switch (op) {
    case TO_UPPER: *ret = pv_char(hal_char_upper(c)); break;
    case TO_LOWER: *ret = pv_char(hal_char_lower(c)); break;
    case DIGIT_VALUE: *ret = pv_int(hal_char_digit(c)); break;
    default: *ret = pv_bool((hal_char_classes(c) & class_of[op]) != 0); break;
    }
    return PV_NOK;
}

static int char_isdigit(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "isDigit", IS_DIGIT); }
static int char_isletter(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "isLetter", IS_LETTER); }
static int char_isalnum(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "isLetterOrDigit", IS_LETTER_OR_DIGIT); }
static int char_isspace(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "isWhitespace", IS_SPACE); }
static int char_isupper(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "isUpperCase", IS_UPPER); }
static int char_islower(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "isLowerCase", IS_LOWER); }
static int char_upper(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "toUpperCase", TO_UPPER); }
static int char_lower(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "toLowerCase", TO_LOWER); }
static int char_digit(pv_vm *vm, pv_value *a, pv_value *r) { return char_op(vm, a, r, "digitValue", DIGIT_VALUE); }

static const pv_native_method char_methods[] = {
    NUM_COMMON,
    { "isDigit", "(*)*", PV_NO_ORDINAL, STATIC, char_isdigit },
    { "isLetter", "(*)*", PV_NO_ORDINAL, STATIC, char_isletter },
    { "isLetterOrDigit", "(*)*", PV_NO_ORDINAL, STATIC, char_isalnum },
    { "isWhitespace", "(*)*", PV_NO_ORDINAL, STATIC, char_isspace },
    { "isUpperCase", "(*)*", PV_NO_ORDINAL, STATIC, char_isupper },
    { "isLowerCase", "(*)*", PV_NO_ORDINAL, STATIC, char_islower },
    { "toUpperCase", "(*)*", PV_NO_ORDINAL, STATIC, char_upper },
    { "toLowerCase", "(*)*", PV_NO_ORDINAL, STATIC, char_lower },
    { "digitValue", "(*)*", PV_NO_ORDINAL, STATIC, char_digit },
};

const pv_native_class pv_nc_char = {
    .name = ".internal.char",
    .kind = PV_K_VALUE,
    .flags = PV_CF_FINAL,
    .methods = char_methods,
    .nmethods = PV_COUNTOF(char_methods),
};
