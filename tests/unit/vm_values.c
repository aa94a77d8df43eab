/*
 * vm_values.c - values, strings, numbers, arrays, directories, binaries,
 * JSON and every native method of those internal classes, driven from C.
 *
 * There is no loader or interpreter here: setup() opens a real world and
 * makes a minimal VM by hand (one bare class object per builtin, a thread
 * to receive exceptions), and call() invokes native methods by name the
 * way the interpreter does (receiver in args[0], arguments after it).
 */
#include "../../src/vm/native/native.h"
#include "testlib.h"

#include <math.h>

extern const pv_native_class pv_nc_object, pv_nc_string, pv_nc_int, pv_nc_long, pv_nc_float,
    pv_nc_double, pv_nc_bool, pv_nc_char, pv_nc_array, pv_nc_directory, pv_nc_binary;

static const pv_native_class *const mine[] = {
    &pv_nc_object, &pv_nc_string, &pv_nc_int, &pv_nc_long, &pv_nc_float, &pv_nc_double,
    &pv_nc_bool, &pv_nc_char, &pv_nc_array, &pv_nc_directory, &pv_nc_binary,
};

static const char *const builtin_names[PV_B_COUNT] = {
#define PV_B_NAME(id, name) name,
    PV_BUILTINS(PV_B_NAME)
#undef PV_B_NAME
};

static char img[256];
static pw_world *w;
static pv_vm vm;
static struct pv_thread thr;
static struct pv_class *point;   /* a Phantom-like class with two slots */

/* ---- the minimal VM ------------------------------------------------------------------- */

static void init_class(struct pv_class *c, const char *name, uint32_t kind, struct pv_class *super)
{
    c->kind = kind;
    c->super = super;
    c->depth = super ? super->depth + 1 : 0;
    c->display = pv_alloc_raw(&vm, (c->depth + 1) * sizeof *c->display);
    REQUIRE(c->display);
    for (uint32_t i = 0; i < c->depth; i++)
        c->display[i] = super->display[i];
    c->display[c->depth] = c;
    if (name)
        REQUIRE((c->name = pv_str_cstr(&vm, name)));
}

static struct pv_class *bare_class(const char *name, uint32_t kind, struct pv_class *super)
{
    struct pv_class *c = pv_alloc_obj(&vm, vm.b[PV_B_CLASS], sizeof *c);
    REQUIRE(c);
    init_class(c, name, kind, super);
    return c;
}

/* Kinds come from this VM's own descriptors where there is one, so the
 * test checks them too; exceptions are instances with the message slots. */
static uint32_t builtin_kind(const char *name)
{
    for (size_t i = 0; i < PV_COUNTOF(mine); i++)
        if (strcmp(mine[i]->name, name) == 0)
            return mine[i]->kind;
    if (strncmp(name, ".phantom.", 9) == 0)
        return PV_K_INSTANCE;
    if (strcmp(name, ".internal.class") == 0)
        return PV_K_CLASS;
    if (strcmp(name, ".internal.thread") == 0)
        return PV_K_THREAD;
    return PV_K_NATIVE;
}

static void setup(void)
{
    pw_options o;
    t_options(&o, NULL, true, 1ull << 30);
    REQUIRE(t_open(img, &o, &w) == 0);
    vm.w = w;
    char gerr[200];
    REQUIRE(pv_gc_init(&vm, true, gerr, sizeof gerr) == 0);
    vm.cur = &thr;
    thr.exc = PV_NULL;

    /* The class of classes first (every class object is one of it), then
     * object and string, which naming any class needs. */
    struct pv_class *klass = pv_alloc_obj(&vm, NULL, sizeof *klass);
    REQUIRE(klass);
    klass->h.cls = vm.b[PV_B_CLASS] = klass;
    struct pv_class *object = vm.b[PV_B_OBJECT] = bare_class(NULL, PV_K_INSTANCE, NULL);
    vm.b[PV_B_STRING] = bare_class(NULL, PV_K_STRING, object);
    init_class(klass, ".internal.class", PV_K_CLASS, object);
    REQUIRE((object->name = pv_str_cstr(&vm, ".internal.object")));
    REQUIRE((vm.b[PV_B_STRING]->name = pv_str_cstr(&vm, ".internal.string")));

    for (int b = 0; b < PV_B_COUNT; b++) {
        if (vm.b[b])
            continue;
        const char *name = builtin_names[b];
        struct pv_class *super = object;
        if (b > PV_B_EXCEPTION)
            super = b == PV_B_RUNTIME_EXC ? vm.b[PV_B_EXCEPTION] : vm.b[PV_B_RUNTIME_EXC];
        vm.b[b] = bare_class(name, builtin_kind(name), super);
        if (b >= PV_B_EXCEPTION)
            vm.b[b]->nfields = PV_EXC_NSLOTS;
    }
    REQUIRE((vm.oom = pv_new_instance(&vm, vm.b[PV_B_OOM_EXC])));
    point = bare_class(".test.point", PV_K_INSTANCE, object);
    point->nfields = 2;
}

static void teardown(void)
{
    pw_close(w, false);
    unlink(img);
}

/* ---- helpers -------------------------------------------------------------------------- */

static pv_value S(const char *s)
{
    struct pv_string *str = pv_str_cstr(&vm, s);
    REQUIRE(str);
    return pv_from_ptr(str);
}

static int desc_nargs(const char *desc)
{
    if (desc[1] == ')')
        return 0;
    int n = 1;
    for (const char *p = desc; *p && *p != ')'; p++)
        n += *p == ',';
    return n;
}

static const pv_native_method *lookup(const pv_native_class *c, const char *name, int nvals)
{
    for (uint32_t i = 0; i < c->nmethods; i++) {
        const pv_native_method *m = &c->methods[i];
        int want = desc_nargs(m->desc) + !(m->flags & PV_MF_STATIC);
        if (strcmp(m->name, name) == 0 && want == nvals)
            return m;
    }
    return c == &pv_nc_object ? NULL : lookup(&pv_nc_object, name, nvals);   /* inherited */
}

static pv_value R;   /* the last call's result */

/* Calls c's method `name` with n values (the receiver first for instance
 * methods), as the interpreter would: result in R, exception in thr.exc. */
static int call(const pv_native_class *c, const char *name, int n, ...)
{
    const pv_native_method *m = lookup(c, name, n);
    if (!m)
        fprintf(stderr, "no method %s/%d in %s\n", name, n, c->name);
    REQUIRE(m);
    pv_value args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, pv_value);
    va_end(ap);
    thr.exc = PV_NULL;
    R = PV_NULL;
    int rc = m->fn(&vm, args, &R);
    CHECK((rc == PV_NOK) == (thr.exc == PV_NULL));
    return rc;
}

/* The pending exception is of class `which` and its message contains part. */
static bool exc_is(enum pv_builtin which, const char *part)
{
    if (thr.exc == PV_NULL) {
        fprintf(stderr, "  no exception (wanted %s)\n", builtin_names[which]);
        return false;
    }
    struct pv_instance *e = pv_as_ptr(thr.exc);
    pv_value mv = e->nslots ? e->slot[PV_EXC_SLOT_MESSAGE] : PV_NULL;
    const char *msg = pv_is_obj(mv) ? ((struct pv_string *)pv_as_ptr(mv))->bytes : "";
    bool ok = e->h.cls == vm.b[which] && (!part || strstr(msg, part));
    if (!ok)
        fprintf(stderr, "  exception %s: \"%s\" (wanted %s with \"%s\")\n", e->h.cls->name->bytes,
                msg, builtin_names[which], part ? part : "");
    return ok;
}

#define CHECK_THROWS(expr, which, part)                                                  \
    do {                                                                                 \
        int rc_ = (expr);                                                                \
        CHECK(rc_ == PV_NTHROW && exc_is(which, part));                                  \
    } while (0)
#define CHECK_OK(expr) CHECK((expr) == PV_NOK)

static bool is_text(pv_value v, const char *want)
{
    if (pv_obj_kind(v) != PV_K_STRING) {
        fprintf(stderr, "  not a string (wanted \"%s\")\n", want);
        return false;
    }
    const struct pv_string *s = pv_as_ptr(v);
    bool ok = s->len == strlen(want) && memcmp(s->bytes, want, s->len) == 0 && s->bytes[s->len] == 0;
    if (!ok)
        fprintf(stderr, "  got \"%s\", wanted \"%s\"\n", s->bytes, want);
    return ok;
}

/* pv_tostring_native(v) is `want`. */
static bool shows(pv_value v, const char *want)
{
    struct pv_string *s = pv_tostring_native(&vm, v);
    return s && is_text(pv_from_ptr(s), want);
}

static struct pv_array *arr_of(int n, ...)
{
    struct pv_array *a = pv_array_new(&vm, 0);
    REQUIRE(a);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        REQUIRE(pv_array_push(&vm, a, va_arg(ap, pv_value)) == 0);
    va_end(ap);
    return a;
}

static pv_value boxed_long(int64_t l)
{
    struct pv_longbox *b = pv_alloc_obj(&vm, vm.b[PV_B_LONG], sizeof *b);
    REQUIRE(b);
    b->v = l;
    return pv_from_ptr(b);
}

static pv_value dbl_bits(uint64_t bits)
{
    double d;
    memcpy(&d, &bits, 8);
    return pv_double(d);
}

/* ---- value encoding ---------------------------------------------------------------------- */

static void test_encoding(void)
{
    static const int32_t ints[] = { 0, 1, -1, 42, INT32_MAX, INT32_MIN };
    for (size_t i = 0; i < PV_COUNTOF(ints); i++) {
        pv_value v = pv_int(ints[i]);
        CHECK(pv_is_int(v) && !pv_is_double(v) && !pv_is_ref(v));
        CHECK(pv_as_int(v) == ints[i]);
    }
    static const int64_t longs[] = { 0, -1, PV_LONG_MAX48, PV_LONG_MIN48, PV_LONG_MAX48 + 1,
                                     PV_LONG_MIN48 - 1, INT64_MAX, INT64_MIN, 1ll << 50 };
    for (size_t i = 0; i < PV_COUNTOF(longs); i++) {
        pv_value v = pv_make_long(&vm, longs[i]);
        bool fits = longs[i] >= PV_LONG_MIN48 && longs[i] <= PV_LONG_MAX48;
        CHECK(pv_is_long48(v) == fits);
        CHECK(pv_is_obj(v) == !fits);
        CHECK(pv_is_long(&vm, v));
        CHECK(pv_long_of(v) == longs[i]);
        CHECK(pv_class_of(&vm, v) == vm.b[PV_B_LONG]);
        if (!fits)
            CHECK(((struct pv_obj *)pv_as_ptr(v))->flags & PV_OF_IMMUTABLE);
    }
    CHECK(!pv_is_long(&vm, pv_int(1)) && !pv_is_long(&vm, PV_NULL) && !pv_is_long(&vm, S("1")));

    /* Every NaN, whatever its sign and payload (even one whose bits fall in
     * the tagged range), becomes the one canonical NaN, a double. */
    static const uint64_t nans[] = { 0x7FF8000000000000ull, 0xFFF8000000000000ull,
                                     0x7FF0000000000001ull, 0xFFFC000000000123ull,
                                     0xFFF9000000000005ull, 0x7FFFFFFFFFFFFFFFull };
    for (size_t i = 0; i < PV_COUNTOF(nans); i++) {
        pv_value v = dbl_bits(nans[i]);
        CHECK(v == PV_CANON_NAN);
        CHECK(pv_is_double(v) && isnan(pv_as_double(v)));
    }
    pv_value nz = pv_double(-0.0);
    CHECK(pv_is_double(nz) && signbit(pv_as_double(nz)) && pv_as_double(nz) == 0);
    static const double dbls[] = { 0.0, 1.5, -2.25, 1e308, -1e-308, 5e-324, HUGE_VAL, -HUGE_VAL };
    for (size_t i = 0; i < PV_COUNTOF(dbls); i++) {
        pv_value v = pv_double(dbls[i]);
        CHECK(pv_is_double(v) && pv_as_double(v) == dbls[i]);
    }
    pv_value fnan = pv_float(nanf(""));
    CHECK(pv_is_float(fnan) && isnan(pv_as_float(fnan)) && fnan == (PV_MKTAG(PV_TFLOAT) | 0x7FC00000u));
    CHECK(pv_float(-nanf("")) == fnan);
    CHECK(signbit(pv_as_float(pv_float(-0.0f))));
    CHECK(pv_as_float(pv_float(3.25f)) == 3.25f && pv_as_float(pv_float(-1e30f)) == -1e30f);
    CHECK(pv_is_bool(PV_TRUE) && pv_as_bool(PV_TRUE) && !pv_as_bool(PV_FALSE));
    CHECK(pv_is_char(pv_char(0x1F600)) && pv_as_char(pv_char(0x1F600)) == 0x1F600);
    CHECK(pv_is_null(PV_NULL) && pv_is_ref(PV_NULL) && !pv_is_obj(PV_NULL));
    pv_value s = S("x");
    CHECK(pv_is_obj(s) && pv_from_ptr(pv_as_ptr(s)) == s);
    CHECK(pv_class_of(&vm, pv_double(1)) == vm.b[PV_B_DOUBLE]);
    CHECK(pv_class_of(&vm, s) == vm.b[PV_B_STRING]);
    printf("encoding: ok\n");
}

/* ---- text ---------------------------------------------------------------------------------- */

static void test_strings(void)
{
    struct pv_string *a = pv_str_new(&vm, "hello", 5), *b = pv_str_cstr(&vm, "hello");
    REQUIRE(a && b);
    CHECK(a != b && pv_str_eq(a, b) && a->bytes[5] == 0);
    CHECK(a->h.flags & PV_OF_IMMUTABLE);
    CHECK(a->h.cls == vm.b[PV_B_STRING] && pv_is_string(&vm, pv_from_ptr(a)));
    CHECK(!pv_is_string(&vm, pv_int(1)) && !pv_is_string(&vm, PV_NULL));
    CHECK(a->hash == 0 && pv_str_hash(a) != 0 && a->hash == pv_str_hash(a));
    CHECK(pv_str_hash(a) == pv_str_hash(b));
    CHECK(pv_str_hash(pv_str_new(&vm, "", 0)) != 0);
    CHECK(!pv_str_eq(a, pv_str_cstr(&vm, "hellO")) && !pv_str_eq(a, pv_str_cstr(&vm, "hell")));
    CHECK(is_text(pv_from_ptr(pv_str_fmt(&vm, "%s-%d-%.1f", "x", 42, 2.5)), "x-42-2.5"));
    struct pv_string *nul = pv_str_new(&vm, "a\0b", 3);
    CHECK(nul->len == 3 && nul->bytes[1] == 0 && nul->bytes[3] == 0);
    CHECK(pv_str_compare(a, b) == 0 && pv_str_compare(pv_str_cstr(&vm, "ab"), pv_str_cstr(&vm, "abc")) < 0);
    CHECK(pv_str_compare(pv_str_cstr(&vm, "b"), pv_str_cstr(&vm, "abc")) > 0);
    CHECK(pv_str_compare(pv_str_cstr(&vm, "\xc3\xa9"), pv_str_cstr(&vm, "z")) > 0);   /* é after z */
    printf("strings: ok\n");
}

static void test_tostring(void)
{
    CHECK(shows(pv_int(5), "5") && shows(pv_int(-2147483647 - 1), "-2147483648"));
    CHECK(shows(pv_long48(-7), "-7") && shows(pv_make_long(&vm, INT64_MIN), "-9223372036854775808"));
    CHECK(shows(pv_make_long(&vm, INT64_MAX), "9223372036854775807"));
    static const struct { double d; const char *s; } dbl[] = {
        { 3.0, "3.0" }, { 0.1, "0.1" }, { -2.5, "-2.5" }, { 100.0, "100.0" }, { 1e7, "1.0E7" },
        { 1234567.0, "1234567.0" }, { 9999999.0, "9999999.0" }, { 0.001, "0.001" },
        { 0.0001, "1.0E-4" }, { 1.5e300, "1.5E300" }, { 1.5e-300, "1.5E-300" },
        { 123456789012.0, "1.23456789012E11" }, { 0.1 + 0.2, "0.30000000000000004" },
        { 1.0 / 3, "0.3333333333333333" }, { 0.0, "0.0" }, { -0.0, "-0.0" },
        { NAN, "NaN" }, { HUGE_VAL, "Infinity" }, { -HUGE_VAL, "-Infinity" },
        { 2.0 / 3 * 1e-5, "6.666666666666667E-6" }, { 1.7976931348623157e308, "1.7976931348623157E308" },
    };
    for (size_t i = 0; i < PV_COUNTOF(dbl); i++)
        CHECK(shows(pv_double(dbl[i].d), dbl[i].s));
    static const struct { float f; const char *s; } flt[] = {
        { 0.1f, "0.1" }, { 3.0f, "3.0" }, { 1.0f / 3, "0.33333334" }, { 1e10f, "1.0E10" },
        { -0.0f, "-0.0" }, { 16777216.0f, "1.6777216E7" }, { 3.4028235e38f, "3.4028235E38" },
    };
    for (size_t i = 0; i < PV_COUNTOF(flt); i++)
        CHECK(shows(pv_float(flt[i].f), flt[i].s));
    CHECK(shows(pv_float(nanf("")), "NaN") && shows(pv_float(-HUGE_VALF), "-Infinity"));
    CHECK(shows(PV_TRUE, "true") && shows(PV_FALSE, "false") && shows(PV_NULL, "null"));
    CHECK(shows(pv_char('A'), "A") && shows(pv_char(0x20AC), "\xe2\x82\xac"));
    CHECK(shows(pv_char(0x1F600), "\xf0\x9f\x98\x80") && shows(pv_char(0xE9), "\xc3\xa9"));
    CHECK(shows(pv_char(0xD800), "\xef\xbf\xbd") && shows(pv_char(0x110000), "\xef\xbf\xbd"));
    pv_value s = S("text");
    CHECK(pv_tostring_native(&vm, s) == pv_as_ptr(s));   /* a string is its own text */

    struct pv_array *inner = arr_of(2, pv_double(2.5), PV_NULL);
    struct pv_array *a = arr_of(4, pv_int(1), S("a"), pv_from_ptr(inner), pv_char('z'));
    CHECK(shows(pv_from_ptr(a), "[1, a, [2.5, null], z]"));
    CHECK(shows(pv_from_ptr(pv_array_new(&vm, 0)), "[]"));
    struct pv_array *self = arr_of(1, PV_NULL);
    self->items[0] = pv_from_ptr(self);   /* a cycle ends at the depth limit */
    CHECK(shows(pv_from_ptr(self), "[[[[...]]]]"));
    struct pv_array *huge = pv_array_new(&vm, 400000);
    REQUIRE(huge);
    struct pv_string *ht = pv_tostring_native(&vm, pv_from_ptr(huge));
    REQUIRE(ht);
    CHECK(ht->len < PV_TOSTRING_MAX + 64 && strcmp(ht->bytes + ht->len - 4, "...]") == 0);

    struct pv_directory *d = pv_dir_new(&vm);
    REQUIRE(d);
    CHECK(shows(pv_from_ptr(d), "{}"));
    pv_dir_put(&vm, d, pv_str_cstr(&vm, "b"), S("x"));
    pv_dir_put(&vm, d, pv_str_cstr(&vm, "a"), pv_int(1));
    pv_dir_put(&vm, d, pv_str_cstr(&vm, "c"), pv_from_ptr(arr_of(1, PV_TRUE)));
    CHECK(shows(pv_from_ptr(d), "{a: 1, b: x, c: [true]}"));

    struct pv_binary *bin = pv_binary_new(&vm, 3);
    REQUIRE(bin);
    bin->bytes[0] = 0x00, bin->bytes[1] = 0xff, bin->bytes[2] = 0x1a;
    CHECK(shows(pv_from_ptr(bin), "00ff1a"));

    struct pv_instance *p = pv_new_instance(&vm, point);
    REQUIRE(p);
    char want[64];
    snprintf(want, sizeof want, ".test.point@%llx",
             (unsigned long long)((uintptr_t)p - (uintptr_t)pw_base(w)));
    CHECK(shows(pv_from_ptr(p), want));
    CHECK(shows(pv_from_ptr(vm.b[PV_B_STRING]), "class .internal.string"));
    struct pv_instance *e = pv_new_instance(&vm, vm.b[PV_B_ARG_EXC]);
    REQUIRE(e);
    CHECK(shows(pv_from_ptr(e), ".phantom.ArgumentException"));
    e->slot[PV_EXC_SLOT_MESSAGE] = S("bad argument");
    CHECK(shows(pv_from_ptr(arr_of(1, pv_from_ptr(e))), "[.phantom.ArgumentException: bad argument]"));
    printf("tostring: ok\n");
}

/* ---- numbers ------------------------------------------------------------------------------- */

static bool eq(pv_value a, pv_value b)
{
    return pv_equals_native(&vm, a, b) && pv_equals_native(&vm, b, a);
}

static void test_equality(void)
{
    /* Five, in every encoding: equal to each other, hashed alike. */
    pv_value five[] = { pv_int(5), pv_long48(5), boxed_long(5), pv_float(5.0f), pv_double(5.0),
                        pv_char(5) };
    for (size_t i = 0; i < PV_COUNTOF(five); i++)
        for (size_t j = 0; j < PV_COUNTOF(five); j++) {
            CHECK(eq(five[i], five[j]));
            CHECK(pv_hash_native(&vm, five[i]) == pv_hash_native(&vm, five[j]));
        }
    CHECK(eq(pv_double(0.0), pv_double(-0.0)) && eq(pv_int(0), pv_double(-0.0)));
    CHECK(pv_hash_native(&vm, pv_double(-0.0)) == pv_hash_native(&vm, pv_int(0)));
    /* NaN equals nothing, as with `==`, itself included. */
    pv_value nan = pv_double(NAN);
    CHECK(!pv_equals_native(&vm, nan, nan) && !eq(pv_float(nanf("")), nan) && !eq(nan, pv_int(0)));
    CHECK(!eq(pv_float(nanf("")), pv_float(nanf(""))) && !eq(nan, PV_NULL));
    CHECK(eq(pv_float(0.5f), pv_double(0.5)) && !eq(pv_float(0.1f), pv_double(0.1)));
    CHECK(eq(pv_char('A'), pv_int(65)));
    CHECK(!eq(pv_double(0.5), pv_int(0)) && !eq(pv_int(1), PV_TRUE) && !eq(pv_int(0), PV_NULL));
    /* Exact across long and double: 2^53 + 1 is no double. */
    int64_t big = (1ll << 53) + 1;
    CHECK(!eq(pv_make_long(&vm, big), pv_double((double)big)));
    CHECK(eq(pv_make_long(&vm, 1ll << 53), pv_double(9007199254740992.0)));
    CHECK(pv_hash_native(&vm, pv_make_long(&vm, 1ll << 60)) == pv_hash_native(&vm, pv_double(0x1p60)));
    CHECK(!eq(pv_make_long(&vm, INT64_MAX), pv_double(0x1p63)));
    CHECK(eq(pv_make_long(&vm, INT64_MIN), pv_double(-0x1p63)));
    CHECK(eq(boxed_long(INT64_MAX), pv_make_long(&vm, INT64_MAX)));

    pv_value s1 = S("same"), s2 = S("same");
    CHECK(eq(s1, s2) && pv_hash_native(&vm, s1) == pv_hash_native(&vm, s2) && !eq(s1, S("other")));
    CHECK(!eq(s1, pv_int(0)));
    CHECK(eq(PV_NULL, PV_NULL) && eq(PV_TRUE, PV_TRUE) && !eq(PV_TRUE, PV_FALSE));
    pv_value a1 = pv_from_ptr(arr_of(1, pv_int(1))), a2 = pv_from_ptr(arr_of(1, pv_int(1)));
    CHECK(eq(a1, a1) && !eq(a1, a2));   /* containers: identity */

    pv_num x, y;
    CHECK(pv_num_decode(pv_make_long(&vm, INT64_MAX), &x) && pv_num_decode(pv_double(0x1p63), &y));
    CHECK(pv_num_compare(&x, &y) < 0 && pv_num_compare(&y, &x) > 0);
    CHECK(pv_num_decode(pv_double(NAN), &y) && pv_num_compare(&x, &y) < 0);
    CHECK(pv_num_decode(pv_double(-1.5), &y) && pv_num_decode(pv_int(-1), &x) && pv_num_compare(&x, &y) > 0);
    CHECK(pv_num_decode(pv_int(-2), &x) && pv_num_compare(&x, &y) < 0);
    CHECK(!pv_num_decode(PV_TRUE, &x) && !pv_num_decode(S("1"), &x) && !pv_num_decode(PV_NULL, &x));
    double d;
    CHECK(pv_num_double(&vm, pv_char('a'), &d) && d == 97);
    CHECK(pv_num_double(&vm, boxed_long(1ll << 60), &d) && d == 0x1p60);
    CHECK(!pv_num_double(&vm, PV_FALSE, &d));
    printf("equality: ok\n");
}

static void test_parse_convert(void)
{
    int32_t i;
    int64_t l;
    double d;
    float f;
    CHECK(!pv_parse_int("2147483647", 10, &i) && i == INT32_MAX);
    CHECK(!pv_parse_int("-2147483648", 11, &i) && i == INT32_MIN);
    CHECK(!pv_parse_int(" +42\n", 5, &i) && i == 42);
    CHECK(pv_parse_int("2147483648", 10, &i) && strcmp(pv_parse_int("2147483648", 10, &i), "out of range") == 0);
    static const char *const bad_ints[] = { "", " ", "-", "+", "1a", "0x10", "1 2", "--1", "1.0", "1e3" };
    for (size_t k = 0; k < PV_COUNTOF(bad_ints); k++)
        CHECK(pv_parse_int(bad_ints[k], strlen(bad_ints[k]), &i) != NULL);
    CHECK(!pv_parse_long("9223372036854775807", 19, &l) && l == INT64_MAX);
    CHECK(!pv_parse_long("-9223372036854775808", 20, &l) && l == INT64_MIN);
    CHECK(pv_parse_long("9223372036854775808", 19, &l) != NULL);
    CHECK(pv_parse_long("-9223372036854775809", 20, &l) != NULL);
    CHECK(pv_parse_long("99999999999999999999999", 23, &l) != NULL);
    CHECK(!pv_parse_long("000123", 6, &l) && l == 123);

    static const struct { const char *s; double d; } reals[] = {
        { "1", 1 }, { "-2.5", -2.5 }, { ".5", 0.5 }, { "5.", 5 }, { "1e10", 1e10 },
        { "1.5E-3", 1.5e-3 }, { "+7", 7 }, { " 3.25 ", 3.25 }, { "1e400", HUGE_VAL },
        { "-1e400", -HUGE_VAL }, { "Infinity", HUGE_VAL }, { "-Infinity", -HUGE_VAL },
        { "0.30000000000000004", 0.1 + 0.2 },
    };
    for (size_t k = 0; k < PV_COUNTOF(reals); k++)
        CHECK(!pv_parse_double(reals[k].s, strlen(reals[k].s), &d) && d == reals[k].d);
    CHECK(!pv_parse_double("NaN", 3, &d) && isnan(d));
    static const char *const bad_reals[] = { "", ".", "e5", "1e", "1e+", "0x1p3", "inf", "nan",
                                             "-NaN", "1.2.3", "1,5", "Infinity1", "- 1" };
    for (size_t k = 0; k < PV_COUNTOF(bad_reals); k++)
        CHECK(pv_parse_double(bad_reals[k], strlen(bad_reals[k]), &d) != NULL);
    CHECK(!pv_parse_float("0.1", 3, &f) && f == 0.1f);
    CHECK(!pv_parse_float("1e39", 4, &f) && isinf(f));
    /* a long text goes through the heap copy */
    char longnum[300];
    memset(longnum, '0', sizeof longnum - 3);
    memcpy(longnum + sizeof longnum - 3, "12", 3);
    CHECK(!pv_parse_double(longnum, strlen(longnum), &d) && d == 12);

    CHECK(pv_double_to_int(NAN) == 0 && pv_double_to_int(1e10) == INT32_MAX);
    CHECK(pv_double_to_int(-1e10) == INT32_MIN && pv_double_to_int(-3.9) == -3 && pv_double_to_int(3.9) == 3);
    CHECK(pv_double_to_long(NAN) == 0 && pv_double_to_long(1e19) == INT64_MAX);
    CHECK(pv_double_to_long(-1e19) == INT64_MIN && pv_double_to_long(-0x1p62) == -(1ll << 62));
    printf("parse and convert: ok\n");
}

/* ---- containers ------------------------------------------------------------------------------ */

static void test_array_core(void)
{
    struct pv_array *a = pv_array_new(&vm, 0);
    REQUIRE(a);
    CHECK(a->len == 0 && a->cap == 0 && a->items == NULL && a->h.cls == vm.b[PV_B_ARRAY]);
    for (int i = 0; i < 100000; i++)
        REQUIRE(pv_array_push(&vm, a, pv_int(i)) == 0);
    CHECK(a->len == 100000 && a->cap >= 100000 && a->cap < 200000);
    int bad = 0;
    for (uint32_t i = 0; i < a->len; i++)
        bad += a->items[i] != pv_int((int32_t)i);
    for (uint32_t i = a->len; i < a->cap; i++)
        bad += a->items[i] != PV_NULL;
    CHECK(bad == 0);

    struct pv_array *g = pv_array_new(&vm, 3);
    REQUIRE(g && g->len == 3 && g->items[2] == PV_NULL);
    CHECK(pv_array_set(&vm, g, 1000, S("far")) == 0);
    CHECK(g->len == 1001 && g->items[999] == PV_NULL && g->items[3] == PV_NULL);
    CHECK(is_text(g->items[1000], "far"));
    CHECK(pv_array_set(&vm, g, PV_ARRAY_MAX, PV_TRUE) == -1);
    CHECK(pv_array_set(&vm, g, UINT32_MAX, PV_TRUE) == -1 && g->len == 1001);
    CHECK(pv_array_new(&vm, PV_ARRAY_MAX + 1) == NULL);

    struct pv_array *c = pv_array_copy(&vm, a, 10, 20);
    REQUIRE(c);
    CHECK(c->len == 10 && c->items[0] == pv_int(10) && c->items[9] == pv_int(19));
    printf("array core: ok\n");
}

static void test_directory_core(void)
{
    struct pv_directory *d = pv_dir_new(&vm);
    REQUIRE(d);
    CHECK(pv_dir_get_cstr(d, "nothing") == PV_NULL && d->cap == 0);
    enum { N = 100000 };
    static struct pv_string *keys[N];
    char k[32];
    for (int i = 0; i < N; i++) {
        snprintf(k, sizeof k, "key-%d", i);
        REQUIRE((keys[i] = pv_str_cstr(&vm, k)));
        REQUIRE(pv_dir_put(&vm, d, keys[i], pv_int(i)) == 0);
    }
    CHECK(d->count == N);
    CHECK((d->cap & (d->cap - 1)) == 0 && (uint64_t)(d->count + d->tombs) * 4 <= (uint64_t)d->cap * 3);
    int bad = 0;
    for (int i = 0; i < N; i++) {
        snprintf(k, sizeof k, "key-%d", i);
        struct pv_string *fresh = pv_str_cstr(&vm, k);   /* by content, not identity */
        bool found = false;
        bad += pv_dir_get(d, fresh, &found) != pv_int(i) || !found;
        bad += pv_dir_get_cstr(d, k) != pv_int(i);
    }
    CHECK(bad == 0);

    for (int i = 0; i < N; i += 2)
        bad += !pv_dir_remove(&vm, d, keys[i]);
    CHECK(bad == 0 && d->count == N / 2);
    CHECK(!pv_dir_remove(&vm, d, keys[0]));
    for (int i = 0; i < N; i++) {
        bool found = true;
        pv_value v = pv_dir_get(d, keys[i], &found);
        bad += (i % 2 == 0) ? (found || v != PV_NULL) : (!found || v != pv_int(i));
    }
    CHECK(bad == 0);
    /* Re-insert the removed ones with new values; replace some others. */
    for (int i = 0; i < N; i += 2)
        bad += pv_dir_put(&vm, d, keys[i], pv_int(-i)) != 0;
    for (int i = 1; i < N; i += 4)
        bad += pv_dir_put(&vm, d, keys[i], S("replaced")) != 0;
    CHECK(bad == 0 && d->count == N);
    for (int i = 0; i < N; i++) {
        pv_value v = pv_dir_get(d, keys[i], NULL);
        if (i % 2 == 0)
            bad += v != pv_int(-i);
        else if (i % 4 == 1)
            bad += !is_text(v, "replaced");
        else
            bad += v != pv_int(i);
    }
    CHECK(bad == 0);
    CHECK((uint64_t)(d->count + d->tombs) * 4 <= (uint64_t)d->cap * 3);

    /* Churn on a small table: tombstones are recycled, the table stays small. */
    struct pv_directory *small = pv_dir_new(&vm);
    REQUIRE(small);
    for (int round = 0; round < 10000; round++) {
        struct pv_string *key = keys[round % 5 + 10];
        bad += pv_dir_put(&vm, small, key, pv_int(round)) != 0;
        if (round % 3 == 0)
            bad += !pv_dir_remove(&vm, small, key);
    }
    CHECK(bad == 0 && small->cap <= 16);

    pv_value *sorted;
    struct pv_directory *three = pv_dir_new(&vm);
    pv_dir_put(&vm, three, pv_str_cstr(&vm, "pear"), PV_TRUE);
    pv_dir_put(&vm, three, pv_str_cstr(&vm, "apple"), PV_TRUE);
    pv_dir_put(&vm, three, pv_str_cstr(&vm, "fig"), PV_TRUE);
    REQUIRE(pv_dir_sorted_keys(three, &sorted) == 0 && sorted);
    CHECK(is_text(sorted[0], "apple") && is_text(sorted[1], "fig") && is_text(sorted[2], "pear"));
    free(sorted);
    struct pv_directory *copy = pv_dir_copy(&vm, d);
    REQUIRE(copy);
    CHECK(copy->count == d->count && copy->e != d->e && pv_dir_get(copy, keys[8], NULL) == pv_int(-8));
    pv_dir_clear(&vm, copy);
    CHECK(copy->count == 0 && pv_dir_get(copy, keys[8], NULL) == PV_NULL);
    CHECK(pv_dir_put(&vm, copy, keys[8], PV_TRUE) == 0 && copy->count == 1);
    printf("directory core: ok\n");
}

/* ---- native methods -------------------------------------------------------------------------------- */

static void test_object_methods(void)
{
    const pv_native_class *O = &pv_nc_object;
    CHECK(O->kind == PV_K_INSTANCE && O->super == NULL);
    CHECK_OK(call(O, "getClass", 1, pv_int(3)));
    CHECK(R == pv_from_ptr(vm.b[PV_B_INT]));
    CHECK_OK(call(O, "getClass", 1, S("s")));
    CHECK(R == pv_from_ptr(vm.b[PV_B_STRING]));
    CHECK_OK(call(O, "getClass", 1, pv_make_long(&vm, INT64_MAX)));
    CHECK(R == pv_from_ptr(vm.b[PV_B_LONG]));
    CHECK_OK(call(O, "construct", 1, S("s")));
    CHECK_OK(call(O, "destruct", 1, S("s")));

    /* clone: immutable values are their own clone; the rest shallow copies. */
    pv_value s = S("abc");
    CHECK_OK(call(O, "clone", 1, s));
    CHECK(R == s);
    CHECK_OK(call(O, "clone", 1, pv_int(7)));
    CHECK(R == pv_int(7));
    struct pv_instance *p = pv_new_instance(&vm, point);
    p->slot[0] = pv_int(1), p->slot[1] = s;
    CHECK_OK(call(O, "clone", 1, pv_from_ptr(p)));
    struct pv_instance *pc = pv_as_ptr(R);
    CHECK(pc != p && pc->h.cls == point && pc->nslots == 2 && pc->slot[0] == pv_int(1) && pc->slot[1] == s);
    struct pv_array *a = arr_of(2, pv_int(1), s);
    CHECK_OK(call(O, "clone", 1, pv_from_ptr(a)));
    struct pv_array *ac = pv_as_ptr(R);
    CHECK(ac != a && ac->len == 2 && ac->items != a->items && ac->items[1] == s);
    struct pv_binary *b = pv_binary_new(&vm, 2);
    b->bytes[1] = 9;
    CHECK_OK(call(O, "clone", 1, pv_from_ptr(b)));
    struct pv_binary *bc = pv_as_ptr(R);
    CHECK(bc != b && bc->len == 2 && bc->bytes[1] == 9 && bc->bytes != b->bytes);
    struct pv_directory *d = pv_dir_new(&vm);
    pv_dir_put(&vm, d, pv_str_cstr(&vm, "k"), pv_int(1));
    CHECK_OK(call(O, "clone", 1, pv_from_ptr(d)));
    CHECK(R != pv_from_ptr(d) && pv_dir_get_cstr(pv_as_ptr(R), "k") == pv_int(1));
    struct pv_thread *t = pv_alloc_obj(&vm, vm.b[PV_B_THREAD], sizeof *t);
    CHECK_THROWS(call(O, "clone", 1, pv_from_ptr(t)), PV_B_TYPE_EXC, "cannot be cloned");

    CHECK_OK(call(O, "setImmutable", 1, pv_from_ptr(a)));
    CHECK(a->h.flags & PV_OF_IMMUTABLE);
    CHECK_OK(call(O, "clone", 1, pv_from_ptr(a)));
    CHECK(R == pv_from_ptr(a));
    CHECK_OK(call(O, "setImmutable", 1, pv_int(1)));

    CHECK_OK(call(O, "equals", 2, pv_int(2), pv_double(2.0)));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(O, "equals", 2, pv_from_ptr(p), pv_from_ptr(pc)));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(O, "toString", 1, pv_double(2.0)));
    CHECK(is_text(R, "2.0"));
    CHECK_OK(call(O, "hashCode", 1, S("abc")));
    CHECK(pv_is_int(R) && (uint32_t)pv_as_int(R) == pv_str_hash(pv_as_ptr(s)));
    CHECK_OK(call(O, "hashCode", 1, pv_from_ptr(p)));
    pv_value h1 = R;
    CHECK_OK(call(O, "hashCode", 1, pv_from_ptr(p)));
    CHECK(R == h1);
    printf("object methods: ok\n");
}

static void test_string_methods(void)
{
    const pv_native_class *C = &pv_nc_string;
    CHECK(C->kind == PV_K_STRING);
    pv_value hello = S("hello world");

    CHECK_OK(call(C, "substring", 3, hello, pv_int(6), pv_int(5)));
    CHECK(is_text(R, "world"));
    CHECK_OK(call(C, "substring", 3, hello, pv_int(11), pv_int(0)));
    CHECK(is_text(R, ""));
    CHECK_OK(call(C, "substring", 3, hello, pv_long48(0), pv_int(5)));   /* a long index is fine */
    CHECK(is_text(R, "hello"));
    CHECK_THROWS(call(C, "substring", 3, hello, pv_int(6), pv_int(6)), PV_B_INDEX_EXC,
                 "substring: offset 6 with count 6 out of range for length 11");
    CHECK_THROWS(call(C, "substring", 3, hello, pv_int(-1), pv_int(2)), PV_B_INDEX_EXC, "-1");
    CHECK_THROWS(call(C, "substring", 3, hello, pv_int(2), pv_int(-2)), PV_B_INDEX_EXC, "substring");
    CHECK_THROWS(call(C, "substring", 3, hello, pv_int(INT32_MAX), pv_int(INT32_MAX)), PV_B_INDEX_EXC, NULL);
    CHECK_THROWS(call(C, "substring", 3, hello, S("1"), pv_int(2)), PV_B_TYPE_EXC,
                 "substring: argument 1 must be int, got string");
    CHECK_THROWS(call(C, "substring", 3, hello, pv_int(1), pv_double(2)), PV_B_TYPE_EXC,
                 "argument 2 must be int, got double");
    CHECK_THROWS(call(C, "substring", 3, hello, pv_make_long(&vm, 1ll << 40), pv_int(2)), PV_B_ARG_EXC,
                 "out of the int range");
    CHECK_THROWS(call(C, "length", 1, pv_int(3)), PV_B_TYPE_EXC, "length: receiver must be string, got int");

    CHECK_OK(call(C, "charAt", 2, hello, pv_int(4)));
    CHECK(R == pv_char('o'));
    pv_value uni = S("h\xc3\xa9!");   /* "hé!": 3 characters, 4 bytes */
    CHECK_OK(call(C, "charAt", 2, uni, pv_int(1)));
    CHECK(R == pv_char(0xE9));
    CHECK_OK(call(C, "charAt", 2, uni, pv_int(2)));
    CHECK(R == pv_char('!'));
    CHECK_THROWS(call(C, "charAt", 2, uni, pv_int(3)), PV_B_INDEX_EXC, "charAt: index 3 out of range for length 3");
    CHECK_THROWS(call(C, "charAt", 2, uni, pv_int(-1)), PV_B_INDEX_EXC, "charAt: index -1 out of range for length 3");
    CHECK_THROWS(call(C, "charAt", 2, uni, PV_NULL), PV_B_TYPE_EXC, "got null");
    /* byte access: charAtByte decodes at a byte offset, byteAt reads one */
    CHECK_OK(call(C, "charAtByte", 2, uni, pv_int(1)));
    CHECK(R == pv_char(0xE9));
    CHECK_OK(call(C, "charAtByte", 2, uni, pv_int(2)));
    CHECK(R == pv_char(0xFFFD));
    CHECK_OK(call(C, "charAtByte", 2, uni, pv_int(3)));
    CHECK(R == pv_char('!'));
    CHECK_THROWS(call(C, "charAtByte", 2, uni, pv_int(4)), PV_B_INDEX_EXC, "charAtByte: index 4 out of range for length 4");
    CHECK_OK(call(C, "byteAt", 2, uni, pv_int(2)));
    CHECK(R == pv_int(0xA9));
    CHECK_OK(call(C, "byteLength", 1, uni));
    CHECK(R == pv_int(4));
    /* characters after a multi-byte one, and bytes that are not UTF-8 (one character each) */
    CHECK_OK(call(C, "substring", 3, uni, pv_int(1), pv_int(2)));
    CHECK(is_text(R, "\xc3\xa9!"));
    CHECK_THROWS(call(C, "substring", 3, uni, pv_int(2), pv_int(2)), PV_B_INDEX_EXC,
                 "substring: offset 2 with count 2 out of range for length 3");
    CHECK_OK(call(C, "indexOf", 2, uni, S("!")));
    CHECK(R == pv_int(2));
    CHECK_OK(call(C, "indexOf", 3, S("\xc3\xa9" "a\xc3\xa9" "a"), S("a"), pv_int(2)));
    CHECK(R == pv_int(3));
    CHECK_OK(call(C, "lastIndexOf", 2, S("\xc3\xa9" "a\xc3\xa9" "a"), S("\xc3\xa9")));
    CHECK(R == pv_int(2));
    pv_value bad = S("a\xff" "b\xe2\x82");   /* a stray byte, then a truncated sequence */
    CHECK_OK(call(C, "length", 1, bad));
    CHECK(R == pv_int(5));
    CHECK_OK(call(C, "charAt", 2, bad, pv_int(2)));
    CHECK(R == pv_char('b'));
    CHECK_OK(call(C, "indexOf", 2, bad, S("b")));
    CHECK(R == pv_int(2));
    /* the VM's cursor: a walk by index, back and forth, over several
     * non-ASCII strings in turn (more than the cursor remembers) */
    pv_value walk[6];
    for (int k = 0; k < 6; k++)
        walk[k] = S(k % 2 ? "\xc3\xa9" "a\xe2\x82\xac" "b\xf0\x9f\x98\x80" "c" : "x\xc3\xa9\xc3\xa9" "yz\xff" "w");
    static const uint32_t odd[] = {0xE9, 'a', 0x20AC, 'b', 0x1F600, 'c'};
    static const uint32_t even[] = {'x', 0xE9, 0xE9, 'y', 'z', 0xFFFD, 'w'};
    int wrong = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < 7; i++)
            for (int k = 0; k < 6; k++) {
                int at = pass ? 6 - i : i;
                if (k % 2 && at == 6)
                    continue;
                wrong += call(C, "charAt", 2, walk[k], pv_int(at)) != PV_NOK ||
                         R != pv_char(k % 2 ? odd[at] : even[at]);
            }
    CHECK(wrong == 0);
    /* a freed string's cursor goes with it: a new string in its place is
     * walked from its own start */
    struct pv_string *gone = pv_str_cstr(&vm, "\xc3\xa9\xc3\xa9" "abc");
    REQUIRE(gone);
    CHECK_OK(call(C, "charAt", 2, pv_from_ptr(gone), pv_int(3)));
    CHECK(R == pv_char('b'));
    pv_free_obj(&vm, gone);
    struct pv_string *again = pv_str_cstr(&vm, "ab\xc3\xa9" "c\xc3\xa9");   /* as long: likely the same slot */
    REQUIRE(again);
    CHECK_OK(call(C, "charAt", 2, pv_from_ptr(again), pv_int(3)));
    CHECK(R == pv_char('c'));

    CHECK_OK(call(C, "concat", 2, S("ab"), S("cd")));
    CHECK(is_text(R, "abcd"));
    CHECK_OK(call(C, "concat", 2, S(""), S("")));
    CHECK(is_text(R, ""));
    CHECK_THROWS(call(C, "concat", 2, S("ab"), pv_int(1)), PV_B_TYPE_EXC, "concat: argument 1 must be string, got int");
    CHECK_OK(call(C, "length", 1, uni));
    CHECK(R == pv_int(3));
    CHECK_OK(call(C, "isEmpty", 1, S("")));
    CHECK(R == PV_TRUE);

    CHECK_OK(call(C, "strstr", 2, hello, S("o w")));
    CHECK(R == pv_int(4));
    CHECK_OK(call(C, "strstr", 2, hello, S("xyz")));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(C, "indexOf", 2, hello, S("o")));
    CHECK(R == pv_int(4));
    CHECK_OK(call(C, "indexOf", 3, hello, S("o"), pv_int(5)));
    CHECK(R == pv_int(7));
    CHECK_OK(call(C, "indexOf", 3, hello, S("o"), pv_int(-5)));
    CHECK(R == pv_int(4));
    CHECK_OK(call(C, "indexOf", 3, hello, S("o"), pv_int(100)));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(C, "indexOf", 2, hello, S("")));
    CHECK(R == pv_int(0));
    CHECK_OK(call(C, "lastIndexOf", 2, hello, S("o")));
    CHECK(R == pv_int(7));
    CHECK_OK(call(C, "lastIndexOf", 2, hello, S("hello world!")));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(C, "lastIndexOf", 2, hello, S("")));
    CHECK(R == pv_int(11));
    CHECK_OK(call(C, "startsWith", 2, hello, S("hell")));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(C, "startsWith", 2, hello, S("world")));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(C, "endsWith", 2, hello, S("world")));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(C, "endsWith", 2, S("d"), S("world")));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(C, "contains", 2, hello, S("lo w")));
    CHECK(R == PV_TRUE);
    CHECK_THROWS(call(C, "contains", 2, hello, PV_NULL), PV_B_TYPE_EXC, "contains: argument 1 must be string, got null");

    CHECK_OK(call(C, "replace", 3, S("a-b-c-"), S("-"), S("+=")));
    CHECK(is_text(R, "a+=b+=c+="));
    CHECK_OK(call(C, "replace", 3, S("aaa"), S("aa"), S("b")));
    CHECK(is_text(R, "ba"));
    CHECK_THROWS(call(C, "replace", 3, S("aaa"), S(""), S("b")), PV_B_ARG_EXC, "empty");
    pv_value padded = S(" \t x y \n");
    CHECK_OK(call(C, "trim", 1, padded));
    CHECK(is_text(R, "x y"));
    CHECK_OK(call(C, "trim", 1, hello));
    CHECK(R == hello);
    CHECK_OK(call(C, "trim", 1, S("   ")));
    CHECK(is_text(R, ""));
    CHECK_OK(call(C, "trim", 1, S("\xe3\x80\x80 x\xc2\xa0\xe2\x80\xa8")));   /* U+3000 and U+2028 go, U+00A0 stays */
    CHECK(is_text(R, "x\xc2\xa0"));
    /* case: by character, on the host's Unicode tables; bytes that are not UTF-8 stay */
    CHECK_OK(call(C, "toUpperCase", 1, S("Hello, w\xc3\xa9!")));
    CHECK(is_text(R, hal_unicode_tables() ? "HELLO, W\xc3\x89!" : "HELLO, W\xc3\xa9!"));
    CHECK_OK(call(C, "toUpperCase", 1, S("\xc4\xb1\xff" "a")));   /* dotless i (2 bytes) becomes I (1) */
    CHECK(is_text(R, hal_unicode_tables() ? "I\xff" "A" : "\xc4\xb1\xff" "A"));
    CHECK_OK(call(C, "toLowerCase", 1, S("HeLLo")));
    CHECK(is_text(R, "hello"));

    CHECK_OK(call(C, "split", 2, S("a,,b,"), S(",")));
    struct pv_array *parts = pv_as_ptr(R);
    CHECK(parts->len == 4 && is_text(parts->items[0], "a") && is_text(parts->items[1], ""));
    CHECK(is_text(parts->items[2], "b") && is_text(parts->items[3], ""));
    CHECK_OK(call(C, "split", 2, S("one::two"), S("::")));
    parts = pv_as_ptr(R);
    CHECK(parts->len == 2 && is_text(parts->items[1], "two"));
    CHECK_OK(call(C, "split", 2, S("h\xc3\xa9y"), S("")));
    parts = pv_as_ptr(R);
    CHECK(parts->len == 3 && is_text(parts->items[1], "\xc3\xa9"));
    CHECK_OK(call(C, "split", 2, S(""), S(",")));
    CHECK(((struct pv_array *)pv_as_ptr(R))->len == 1);

    CHECK_OK(call(C, "compareTo", 2, S("abc"), S("abd")));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(C, "compareTo", 2, S("abc"), S("abc")));
    CHECK(R == pv_int(0));
    CHECK_OK(call(C, "compareTo", 2, S("abcd"), S("abc")));
    CHECK(R == pv_int(1));
    CHECK_THROWS(call(C, "compareTo", 2, S("abc"), pv_int(1)), PV_B_TYPE_EXC, "compareTo");

    /* inherited from .internal.object */
    CHECK_OK(call(C, "equals", 2, S("abc"), S("abc")));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(C, "toString", 1, hello));
    CHECK(R == hello);

    CHECK_OK(call(C, "toInt", 1, S(" -17 ")));
    CHECK(R == pv_int(-17));
    CHECK_THROWS(call(C, "toInt", 1, S("12abc")), PV_B_ARG_EXC,
                 "toInt: cannot parse \"12abc\" as int: not a number");
    CHECK_THROWS(call(C, "toInt", 1, S("3000000000")), PV_B_ARG_EXC, "out of range");
    CHECK_OK(call(C, "toLong", 1, S("3000000000")));
    CHECK(pv_is_long(&vm, R) && pv_long_of(R) == 3000000000ll);
    CHECK_OK(call(C, "toLong", 1, S("-9223372036854775808")));
    CHECK(pv_is_obj(R) && pv_long_of(R) == INT64_MIN);
    CHECK_THROWS(call(C, "toLong", 1, S("")), PV_B_ARG_EXC, "toLong: cannot parse \"\" as long");
    CHECK_OK(call(C, "toFloat", 1, S("0.1")));
    CHECK(pv_is_float(R) && pv_as_float(R) == 0.1f);
    CHECK_OK(call(C, "toDouble", 1, S("-1.5e3")));
    CHECK(pv_is_double(R) && pv_as_double(R) == -1500);
    CHECK_OK(call(C, "toDouble", 1, S("NaN")));
    CHECK(R == PV_CANON_NAN);
    CHECK_THROWS(call(C, "toDouble", 1, S("1,5")), PV_B_ARG_EXC, "toDouble: cannot parse \"1,5\"");
    char longtext[200];
    memset(longtext, 'x', sizeof longtext - 1);
    longtext[sizeof longtext - 1] = 0;
    CHECK_THROWS(call(C, "toFloat", 1, S(longtext)), PV_B_ARG_EXC, "xxx...\" as float");
    printf("string methods: ok\n");
}

static void test_json(void)
{
    const pv_native_class *C = &pv_nc_string;
    const char *doc = " {\"name\": \"Ph\\u00e4ntom \\ud83d\\ude00\", \"n\": 42, \"big\": 3000000000,"
                      " \"huge\": 123456789012345678901234567890, \"neg\": -0, \"x\": -1.5e3, "
                      "\"y\": 1E2, \"ok\": true, \"no\": false, \"nil\": null, "
                      "\"list\": [1, [], {}, \"a\\\"b\\\\c\\/\\n\\t\"], \"name\": \"last\"} \n";
    CHECK_OK(call(C, "parseJson", 1, S(doc)));
    REQUIRE(pv_obj_kind(R) == PV_K_DIRECTORY);
    struct pv_directory *d = pv_as_ptr(R);
    CHECK(d->count == 11);
    CHECK(is_text(pv_dir_get_cstr(d, "name"), "last"));   /* a repeated key keeps the last value */
    CHECK(pv_dir_get_cstr(d, "n") == pv_int(42));
    pv_value big = pv_dir_get_cstr(d, "big");
    CHECK(pv_is_long48(big) && pv_long_of(big) == 3000000000ll);
    pv_value huge = pv_dir_get_cstr(d, "huge");
    CHECK(pv_is_double(huge) && pv_as_double(huge) == 1.2345678901234568e29);
    CHECK(pv_dir_get_cstr(d, "neg") == pv_int(0));
    CHECK(pv_dir_get_cstr(d, "x") == pv_double(-1500) && pv_dir_get_cstr(d, "y") == pv_double(100));
    CHECK(pv_dir_get_cstr(d, "ok") == PV_TRUE && pv_dir_get_cstr(d, "no") == PV_FALSE);
    bool found = false;
    CHECK(pv_dir_get(d, pv_str_cstr(&vm, "nil"), &found) == PV_NULL && found);
    pv_value lv = pv_dir_get_cstr(d, "list");
    REQUIRE(pv_obj_kind(lv) == PV_K_ARRAY);
    struct pv_array *l = pv_as_ptr(lv);
    CHECK(l->len == 4 && l->items[0] == pv_int(1));
    CHECK(pv_obj_kind(l->items[1]) == PV_K_ARRAY && ((struct pv_array *)pv_as_ptr(l->items[1]))->len == 0);
    CHECK(pv_obj_kind(l->items[2]) == PV_K_DIRECTORY);
    CHECK(is_text(l->items[3], "a\"b\\c/\n\t"));

    CHECK_OK(call(C, "parseJson", 1, S("\"Ph\\u00e4ntom \\ud83d\\ude00\"")));
    CHECK(is_text(R, "Ph\xc3\xa4ntom \xf0\x9f\x98\x80"));
    CHECK_OK(call(C, "parseJson", 1, S("-12")));
    CHECK(R == pv_int(-12));
    CHECK_OK(call(C, "parseJson", 1, S("null")));
    CHECK(R == PV_NULL);
    CHECK_OK(call(C, "parseJson", 1, S("\"\\u0000\"")));
    CHECK(pv_obj_kind(R) == PV_K_STRING && ((struct pv_string *)pv_as_ptr(R))->len == 1);

    static const struct { const char *text, *why; } bad[] = {
        { "", "offset 0: unexpected end of input" },
        { "   ", "offset 3: unexpected end of input" },
        { "{", "offset 1: unexpected end of input" },
        { "[1,]", "offset 3: unexpected character" },
        { "[1 2]", "offset 3: expected ',' or ']'" },
        { "{\"a\" 1}", "offset 5: expected ':'" },
        { "{\"a\":1,}", "offset 7: expected a string key" },
        { "{1:2}", "offset 1: expected a string key" },
        { "{\"a\":1 \"b\":2}", "offset 7: expected ',' or '}'" },
        { "01", "offset 1: unexpected text after the value" },
        { "1.", "offset 2: bad number: digits expected after '.'" },
        { "1e+", "offset 3: bad number: digits expected in exponent" },
        { "-", "offset 1: bad number" },
        { "+1", "offset 0: unexpected character" },
        { ".5", "offset 0: unexpected character" },
        { "nul", "offset 0: unexpected word" },
        { "truex", "offset 4: unexpected text after the value" },
        { "\"abc", "offset 4: unterminated string" },
        { "\"a\\x\"", "offset 3: bad escape" },
        { "\"\\u12g4\"", "offset 5: bad hex digit" },
        { "\"\\u12\"", "truncated \\u escape" },
        { "\"\\ud83d\"", "unpaired surrogate" },
        { "\"\\ude00\"", "unpaired surrogate" },
        { "\"\\ud83d\\u0041\"", "unpaired surrogate" },
        { "\"a\nb\"", "offset 2: control character in string" },
        { "[] []", "offset 3: unexpected text after the value" },
        { "NaN", "offset 0: unexpected character" },
    };
    for (size_t i = 0; i < PV_COUNTOF(bad); i++) {
        int rc = call(C, "parseJson", 1, S(bad[i].text));
        bool ok = rc == PV_NTHROW && exc_is(PV_B_ARG_EXC, bad[i].why) && exc_is(PV_B_ARG_EXC, "parseJson: ");
        if (!ok)
            fprintf(stderr, "  for JSON text \"%s\"\n", bad[i].text);
        CHECK(ok);
    }
    int rc = call(C, "parseJson", 1, pv_from_ptr(pv_str_new(&vm, "[1]\0", 4)));
    CHECK(rc == PV_NTHROW && exc_is(PV_B_ARG_EXC, "offset 3: unexpected character"));

    /* The depth limit: PV_JSON_MAX_DEPTH levels parse, one more does not. */
    char deep[2 * PV_JSON_MAX_DEPTH + 3];
    for (int extra = 0; extra <= 1; extra++) {
        int n = PV_JSON_MAX_DEPTH + extra;
        memset(deep, '[', (size_t)n);
        memset(deep + n, ']', (size_t)n);
        deep[2 * n] = 0;
        rc = call(C, "parseJson", 1, S(deep));
        if (extra)
            CHECK(rc == PV_NTHROW && exc_is(PV_B_ARG_EXC, "nested too deeply"));
        else
            CHECK(rc == PV_NOK && pv_obj_kind(R) == PV_K_ARRAY);
    }
    printf("json: ok\n");
}

static void test_number_methods(void)
{
    CHECK(pv_nc_int.kind == PV_K_VALUE && pv_nc_long.kind == PV_K_LONGBOX);
    CHECK(pv_nc_double.flags & PV_CF_FINAL);
    /* common instance methods */
    CHECK_OK(call(&pv_nc_int, "compareTo", 2, pv_int(3), pv_double(3.5)));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(&pv_nc_long, "compareTo", 2, pv_make_long(&vm, INT64_MAX), pv_double(0x1p63)));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(&pv_nc_double, "compareTo", 2, pv_double(NAN), pv_double(HUGE_VAL)));
    CHECK(R == pv_int(1));
    CHECK_OK(call(&pv_nc_float, "compareTo", 2, pv_float(2.0f), pv_int(2)));
    CHECK(R == pv_int(0));
    CHECK_OK(call(&pv_nc_char, "compareTo", 2, pv_char('b'), pv_char('a')));
    CHECK(R == pv_int(1));
    CHECK_THROWS(call(&pv_nc_int, "compareTo", 2, pv_int(3), S("3")), PV_B_TYPE_EXC,
                 "compareTo: argument 1 must be a number, got string");
    CHECK_OK(call(&pv_nc_double, "toInt", 1, pv_double(-7.9)));
    CHECK(R == pv_int(-7));
    CHECK_OK(call(&pv_nc_double, "toInt", 1, pv_double(1e20)));
    CHECK(R == pv_int(INT32_MAX));
    CHECK_OK(call(&pv_nc_long, "toInt", 1, pv_make_long(&vm, (1ll << 32) + 5)));
    CHECK(R == pv_int(5));
    CHECK_OK(call(&pv_nc_int, "toLong", 1, pv_int(-3)));
    CHECK(R == pv_long48(-3));
    CHECK_OK(call(&pv_nc_double, "toLong", 1, pv_double(1e300)));
    CHECK(pv_long_of(R) == INT64_MAX);
    CHECK_OK(call(&pv_nc_int, "toDouble", 1, pv_int(3)));
    CHECK(R == pv_double(3));
    CHECK_OK(call(&pv_nc_double, "toFloat", 1, pv_double(0.1)));
    CHECK(R == pv_float(0.1f));
    CHECK_OK(call(&pv_nc_char, "toInt", 1, pv_char(0x20AC)));
    CHECK(R == pv_int(0x20AC));
    /* inherited */
    CHECK_OK(call(&pv_nc_int, "toString", 1, pv_int(-12)));
    CHECK(is_text(R, "-12"));
    CHECK_OK(call(&pv_nc_long, "equals", 2, pv_make_long(&vm, 1ll << 50), pv_double(0x1p50)));
    CHECK(R == PV_TRUE);

    /* int statics */
    CHECK_OK(call(&pv_nc_int, "parse", 1, S("123")));
    CHECK(R == pv_int(123));
    CHECK_THROWS(call(&pv_nc_int, "parse", 1, S("12x")), PV_B_ARG_EXC, "parse: cannot parse \"12x\" as int");
    CHECK_THROWS(call(&pv_nc_int, "parse", 1, pv_int(1)), PV_B_TYPE_EXC, "parse: argument 1 must be string");
    CHECK_OK(call(&pv_nc_int, "MAX_VALUE", 0));
    CHECK(R == pv_int(INT32_MAX));
    CHECK_OK(call(&pv_nc_int, "MIN_VALUE", 0));
    CHECK(R == pv_int(INT32_MIN));
    CHECK_OK(call(&pv_nc_int, "abs", 1, pv_int(-5)));
    CHECK(R == pv_int(5));
    CHECK_OK(call(&pv_nc_int, "abs", 1, pv_int(INT32_MIN)));
    CHECK(R == pv_int(INT32_MIN));
    CHECK_OK(call(&pv_nc_int, "min", 2, pv_int(4), pv_int(-4)));
    CHECK(R == pv_int(-4));
    CHECK_OK(call(&pv_nc_int, "max", 2, pv_int(4), pv_int(-4)));
    CHECK(R == pv_int(4));
    CHECK_THROWS(call(&pv_nc_int, "max", 2, pv_int(4), pv_double(1)), PV_B_TYPE_EXC, "max: argument 2 must be int");
    /* long statics */
    CHECK_OK(call(&pv_nc_long, "parse", 1, S("-9223372036854775808")));
    CHECK(pv_long_of(R) == INT64_MIN);
    CHECK_THROWS(call(&pv_nc_long, "parse", 1, S("9223372036854775808")), PV_B_ARG_EXC, "out of range");
    CHECK_OK(call(&pv_nc_long, "MAX_VALUE", 0));
    CHECK(pv_long_of(R) == INT64_MAX);
    CHECK_OK(call(&pv_nc_long, "MIN_VALUE", 0));
    CHECK(pv_long_of(R) == INT64_MIN);
    CHECK_OK(call(&pv_nc_long, "abs", 1, pv_make_long(&vm, -(1ll << 60))));
    CHECK(pv_long_of(R) == 1ll << 60);
    CHECK_OK(call(&pv_nc_long, "abs", 1, pv_make_long(&vm, INT64_MIN)));
    CHECK(pv_long_of(R) == INT64_MIN);
    CHECK_OK(call(&pv_nc_long, "min", 2, pv_int(1), pv_make_long(&vm, 1ll << 40)));
    CHECK(pv_long_of(R) == 1);
    CHECK_OK(call(&pv_nc_long, "max", 2, pv_int(1), pv_make_long(&vm, 1ll << 40)));
    CHECK(pv_long_of(R) == 1ll << 40);
    CHECK_THROWS(call(&pv_nc_long, "abs", 1, pv_double(1)), PV_B_TYPE_EXC, "abs: argument 1 must be long, got double");
    /* float and double statics */
    CHECK_OK(call(&pv_nc_float, "parse", 1, S("0.1")));
    CHECK(R == pv_float(0.1f));
    CHECK_OK(call(&pv_nc_double, "parse", 1, S("2.5")));
    CHECK(R == pv_double(2.5));
    CHECK_THROWS(call(&pv_nc_double, "parse", 1, S("2.5.1")), PV_B_ARG_EXC, "as double: not a number");
    CHECK_OK(call(&pv_nc_float, "MAX_VALUE", 0));
    CHECK(pv_as_float(R) == 3.4028235e38f);
    CHECK_OK(call(&pv_nc_float, "MIN_VALUE", 0));
    CHECK(pv_as_float(R) == 0x1p-149f && pv_as_float(R) > 0);
    CHECK_OK(call(&pv_nc_double, "MAX_VALUE", 0));
    CHECK(pv_as_double(R) == 1.7976931348623157e308);
    CHECK_OK(call(&pv_nc_double, "MIN_VALUE", 0));
    CHECK(pv_as_double(R) == 0x1p-1074);
    CHECK_OK(call(&pv_nc_double, "abs", 1, pv_double(-0.0)));
    CHECK(R == pv_double(0.0));
    CHECK_OK(call(&pv_nc_double, "abs", 1, pv_int(-3)));
    CHECK(R == pv_double(3));
    CHECK_OK(call(&pv_nc_float, "abs", 1, pv_float(-1.5f)));
    CHECK(R == pv_float(1.5f));
    CHECK_OK(call(&pv_nc_double, "min", 2, pv_double(0.0), pv_double(-0.0)));
    CHECK(R == pv_double(-0.0));
    CHECK_OK(call(&pv_nc_double, "max", 2, pv_double(-0.0), pv_double(0.0)));
    CHECK(R == pv_double(0.0));
    CHECK_OK(call(&pv_nc_double, "max", 2, pv_double(1), pv_double(NAN)));
    CHECK(R == PV_CANON_NAN);
    CHECK_OK(call(&pv_nc_float, "min", 2, pv_float(1), pv_int(-2)));
    CHECK(R == pv_float(-2));
    CHECK_OK(call(&pv_nc_double, "isNaN", 1, pv_double(NAN)));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(&pv_nc_float, "isNaN", 1, pv_int(1)));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(&pv_nc_double, "isInfinite", 1, pv_double(-HUGE_VAL)));
    CHECK(R == PV_TRUE);
    CHECK_THROWS(call(&pv_nc_double, "isNaN", 1, S("x")), PV_B_TYPE_EXC, "isNaN: argument 1 must be a number");
    /* bool */
    CHECK_OK(call(&pv_nc_bool, "compareTo", 2, PV_FALSE, PV_TRUE));
    CHECK(R == pv_int(-1));
    CHECK_THROWS(call(&pv_nc_bool, "compareTo", 2, PV_FALSE, pv_int(0)), PV_B_TYPE_EXC,
                 "compareTo: argument 1 must be bool, got int");
    CHECK_OK(call(&pv_nc_bool, "parse", 1, S("true")));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(&pv_nc_bool, "parse", 1, S("false")));
    CHECK(R == PV_FALSE);
    CHECK_THROWS(call(&pv_nc_bool, "parse", 1, S("TRUE")), PV_B_ARG_EXC, "as bool");
    /* char */
    CHECK_OK(call(&pv_nc_char, "isDigit", 1, pv_char('7')));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(&pv_nc_char, "isLetter", 1, pv_char('Q')));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(&pv_nc_char, "isLetter", 1, pv_char('@')));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(&pv_nc_char, "isWhitespace", 1, pv_char('\n')));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(&pv_nc_char, "toUpperCase", 1, pv_char('q')));
    CHECK(R == pv_char('Q'));
    CHECK_OK(call(&pv_nc_char, "toLowerCase", 1, pv_char('Q')));
    CHECK(R == pv_char('q'));
    CHECK_OK(call(&pv_nc_char, "toLowerCase", 1, pv_char(0xC9)));
    CHECK(R == pv_char(hal_unicode_tables() ? 0xE9 : 0xC9));
    CHECK_OK(call(&pv_nc_char, "isDigit", 1, pv_char(0x663)));   /* ARABIC-INDIC DIGIT THREE */
    CHECK(R == PV_TRUE);
    CHECK_OK(call(&pv_nc_char, "isLetter", 1, pv_char(0x663)));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(&pv_nc_char, "digitValue", 1, pv_char(0x1D7D7)));   /* the last of a run: 9 */
    CHECK(R == pv_int(9));
    CHECK_OK(call(&pv_nc_char, "digitValue", 1, pv_char(0x1D7D8)));   /* the first of the next: 0 */
    CHECK(R == pv_int(0));
    CHECK_OK(call(&pv_nc_char, "digitValue", 1, pv_char('x')));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(&pv_nc_char, "isWhitespace", 1, pv_char(0xA0)));
    CHECK(R == PV_FALSE);
    if (hal_unicode_tables()) {
        CHECK_OK(call(&pv_nc_char, "isLetter", 1, pv_char(0x65E5)));
        CHECK(R == PV_TRUE);
        CHECK_OK(call(&pv_nc_char, "isUpperCase", 1, pv_char(0x1C5)));   /* title case: both */
        CHECK(R == PV_TRUE);
        CHECK_OK(call(&pv_nc_char, "isLowerCase", 1, pv_char(0x1C5)));
        CHECK(R == PV_TRUE);
        CHECK_OK(call(&pv_nc_char, "isWhitespace", 1, pv_char(0x3000)));
        CHECK(R == PV_TRUE);
    }
    CHECK_THROWS(call(&pv_nc_char, "isDigit", 1, pv_int('7')), PV_B_TYPE_EXC,
                 "isDigit: argument 1 must be char, got int");
    printf("number methods: ok\n");
}

static struct pv_array *as_array(pv_value v)
{
    REQUIRE(pv_obj_kind(v) == PV_K_ARRAY);
    return pv_as_ptr(v);
}

static void test_array_methods(void)
{
    const pv_native_class *C = &pv_nc_array;
    struct pv_array *a = pv_array_new(&vm, 0);
    pv_value av = pv_from_ptr(a);
    CHECK_OK(call(C, "set", 3, av, S("x"), pv_int(2)));   /* set(value, index) */
    CHECK(a->len == 3 && a->items[0] == PV_NULL && is_text(a->items[2], "x"));
    CHECK_THROWS(call(C, "set", 3, av, S("x"), pv_int(-1)), PV_B_INDEX_EXC, "set: index -1");
    CHECK_THROWS(call(C, "set", 3, av, S("x"), pv_int(PV_ARRAY_MAX)), PV_B_INDEX_EXC, "beyond the largest");
    CHECK_THROWS(call(C, "set", 3, av, pv_int(0), S("0")), PV_B_TYPE_EXC, "set: argument 2 must be int");
    CHECK_OK(call(C, "get", 2, av, pv_int(2)));
    CHECK(is_text(R, "x"));
    CHECK_THROWS(call(C, "get", 2, av, pv_int(3)), PV_B_INDEX_EXC, "get: index 3 out of range for length 3");
    CHECK_THROWS(call(C, "get", 2, av, pv_int(-1)), PV_B_INDEX_EXC, "index -1");
    CHECK_THROWS(call(C, "get", 2, S("s"), pv_int(0)), PV_B_TYPE_EXC, "get: receiver must be array, got string");
    CHECK_OK(call(C, "size", 1, av));
    CHECK(R == pv_int(3));

    CHECK_OK(call(C, "clear", 1, av));
    CHECK(a->len == 0 && a->items[2] == PV_NULL);
    for (int i = 0; i < 5; i++)
        CHECK_OK(call(C, i % 2 ? "add" : "push", 2, av, pv_int(i * 10)));
    CHECK(shows(av, "[0, 10, 20, 30, 40]"));
    CHECK_OK(call(C, "pop", 1, av));
    CHECK(R == pv_int(40) && a->len == 4 && a->items[4] == PV_NULL);
    CHECK_OK(call(C, "insert", 3, av, pv_int(0), S("first")));
    CHECK_OK(call(C, "insert", 3, av, pv_int(5), S("last")));
    CHECK_OK(call(C, "insert", 3, av, pv_int(2), pv_double(0.5)));
    CHECK(shows(av, "[first, 0, 0.5, 10, 20, 30, last]"));
    CHECK_THROWS(call(C, "insert", 3, av, pv_int(8), PV_NULL), PV_B_INDEX_EXC, "insert: index 8 out of range for length 7");
    CHECK_OK(call(C, "removeAt", 2, av, pv_int(2)));
    CHECK(R == pv_double(0.5) && a->len == 6 && a->items[6] == PV_NULL);
    CHECK_THROWS(call(C, "removeAt", 2, av, pv_int(6)), PV_B_INDEX_EXC, "removeAt");
    CHECK_OK(call(C, "indexOf", 2, av, pv_double(20.0)));   /* numbers by value */
    CHECK(R == pv_int(3));
    CHECK_OK(call(C, "indexOf", 2, av, S("last")));   /* strings by content */
    CHECK(R == pv_int(5));
    CHECK_OK(call(C, "indexOf", 2, av, S("nope")));
    CHECK(R == pv_int(-1));
    CHECK_OK(call(C, "contains", 2, av, pv_long48(10)));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(C, "contains", 2, pv_from_ptr(arr_of(1, pv_double(NAN))), pv_double(NAN)));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(C, "join", 2, av, S("|")));
    CHECK(is_text(R, "first|0|10|20|30|last"));
    CHECK_OK(call(C, "join", 2, pv_from_ptr(pv_array_new(&vm, 0)), S("|")));
    CHECK(is_text(R, ""));
    CHECK_THROWS(call(C, "join", 2, av, pv_int(1)), PV_B_TYPE_EXC, "join: argument 1 must be string");
    CHECK_OK(call(C, "slice", 3, av, pv_int(1), pv_int(3)));
    CHECK(shows(R, "[0, 10]"));
    CHECK_OK(call(C, "slice", 3, av, pv_int(6), pv_int(6)));
    CHECK(shows(R, "[]"));
    CHECK_THROWS(call(C, "slice", 3, av, pv_int(3), pv_int(2)), PV_B_INDEX_EXC, "slice: from 3 to 2");
    CHECK_THROWS(call(C, "slice", 3, av, pv_int(0), pv_int(7)), PV_B_INDEX_EXC, "length 6");

    /* iterator: a snapshot that later changes do not touch */
    CHECK_OK(call(C, "iterator", 1, av));
    struct pv_array *snap = as_array(R);
    CHECK(snap != a && snap->len == 6);
    CHECK_OK(call(C, "pop", 1, av));
    CHECK(snap->len == 6 && is_text(snap->items[5], "last"));

    /* sort: numbers across types, stable; strings by bytes; mixed refused */
    struct pv_array *nums = arr_of(7, pv_int(3), pv_double(-1.5), pv_make_long(&vm, 1ll << 60),
                                   pv_double(NAN), pv_float(3.0f), pv_char('A'), pv_int(-2));
    CHECK_OK(call(C, "sort", 1, pv_from_ptr(nums)));
    CHECK(shows(pv_from_ptr(nums), "[-2, -1.5, 3, 3.0, A, 1152921504606846976, NaN]"));
    CHECK(nums->items[2] == pv_int(3) && nums->items[3] == pv_float(3.0f));   /* stable */
    struct pv_array *strs = arr_of(4, S("pear"), S("apple"), S("\xc3\xa9t\xc3\xa9"), S("Zoo"));
    CHECK_OK(call(C, "sort", 1, pv_from_ptr(strs)));
    CHECK(shows(pv_from_ptr(strs), "[Zoo, apple, pear, \xc3\xa9t\xc3\xa9]"));
    struct pv_array *mixed = arr_of(3, pv_int(1), S("a"), pv_int(2));
    CHECK_THROWS(call(C, "sort", 1, pv_from_ptr(mixed)), PV_B_TYPE_EXC, "element 1 is string");
    struct pv_array *mixed2 = arr_of(2, S("a"), PV_NULL);
    CHECK_THROWS(call(C, "sort", 1, pv_from_ptr(mixed2)), PV_B_TYPE_EXC, "element 1 is null");
    struct pv_array *many = pv_array_new(&vm, 0);
    uint64_t rng = 7;
    for (int i = 0; i < 5000; i++)
        pv_array_push(&vm, many, pv_int((int32_t)(t_rand(&rng) % 1000) - 500));
    CHECK_OK(call(C, "sort", 1, pv_from_ptr(many)));
    int unsorted = 0;
    for (uint32_t i = 1; i < many->len; i++)
        unsorted += pv_as_int(many->items[i - 1]) > pv_as_int(many->items[i]);
    CHECK(unsorted == 0 && many->len == 5000);

    /* immutable arrays refuse changes, still answer questions */
    struct pv_array *frozen = arr_of(2, pv_int(2), pv_int(1));
    pv_value fv = pv_from_ptr(frozen);
    frozen->h.flags |= PV_OF_IMMUTABLE;
    CHECK_THROWS(call(C, "push", 2, fv, pv_int(1)), PV_B_STATE_EXC, "push: this array is immutable");
    CHECK_THROWS(call(C, "set", 3, fv, pv_int(1), pv_int(0)), PV_B_STATE_EXC, "immutable");
    CHECK_THROWS(call(C, "sort", 1, fv), PV_B_STATE_EXC, "immutable");
    CHECK_THROWS(call(C, "clear", 1, fv), PV_B_STATE_EXC, "immutable");
    CHECK_OK(call(C, "get", 2, fv, pv_int(1)));
    CHECK(R == pv_int(1));
    CHECK_THROWS(call(C, "pop", 1, pv_from_ptr(pv_array_new(&vm, 0))), PV_B_INDEX_EXC, "pop: the array is empty");
    printf("array methods: ok\n");
}

static void test_directory_methods(void)
{
    const pv_native_class *C = &pv_nc_directory;
    struct pv_directory *d = pv_dir_new(&vm);
    pv_value dv = pv_from_ptr(d);
    CHECK_OK(call(C, "put", 3, dv, S("b"), pv_int(2)));
    CHECK(R == PV_NULL);
    CHECK_OK(call(C, "put", 3, dv, S("a"), pv_int(1)));
    CHECK_OK(call(C, "put", 3, dv, S("c"), PV_NULL));
    CHECK_OK(call(C, "put", 3, dv, S("b"), pv_int(22)));
    CHECK(R == pv_int(2));   /* the previous value */
    CHECK_THROWS(call(C, "put", 3, dv, pv_int(1), pv_int(1)), PV_B_TYPE_EXC, "put: key must be string, got int");
    CHECK_THROWS(call(C, "get", 2, dv, PV_NULL), PV_B_TYPE_EXC, "get: key must be string, got null");
    CHECK_THROWS(call(C, "get", 2, S("x"), S("k")), PV_B_TYPE_EXC, "get: receiver must be directory");
    CHECK_OK(call(C, "get", 2, dv, S("b")));
    CHECK(R == pv_int(22));
    CHECK_OK(call(C, "get", 2, dv, S("zz")));
    CHECK(R == PV_NULL);
    CHECK_OK(call(C, "size", 1, dv));
    CHECK(R == pv_int(3));
    CHECK_OK(call(C, "containsKey", 2, dv, S("c")));   /* present, with a null value */
    CHECK(R == PV_TRUE);
    CHECK_OK(call(C, "containsKey", 2, dv, S("d")));
    CHECK(R == PV_FALSE);
    CHECK_OK(call(C, "iterate", 1, dv));
    CHECK(shows(R, "[a, b, c]"));
    CHECK_OK(call(C, "keys", 1, dv));
    CHECK(shows(R, "[a, b, c]"));
    CHECK_OK(call(C, "values", 1, dv));
    CHECK(shows(R, "[1, 22, null]"));
    CHECK_OK(call(C, "remove", 2, dv, S("a")));
    CHECK(R == pv_int(1));
    CHECK_OK(call(C, "remove", 2, dv, S("a")));
    CHECK(R == PV_NULL);
    CHECK_OK(call(C, "isEmpty", 1, dv));
    CHECK(R == PV_FALSE);
    CHECK(shows(dv, "{b: 22, c: null}"));

    /* The order does not depend on insertion history. */
    struct pv_directory *e = pv_dir_new(&vm);
    pv_value ev = pv_from_ptr(e);
    char k[16];
    for (int i = 99; i >= 0; i--) {
        snprintf(k, sizeof k, "%03d", i);
        CHECK_OK(call(C, "put", 3, ev, S(k), pv_int(i)));
    }
    CHECK_OK(call(C, "keys", 1, ev));
    struct pv_array *ks = as_array(R);
    int bad = ks->len != 100;
    for (uint32_t i = 0; i < ks->len; i++) {
        snprintf(k, sizeof k, "%03u", i);
        bad += !is_text(ks->items[i], k);
    }
    CHECK(bad == 0);
    CHECK_OK(call(C, "values", 1, ev));
    CHECK(as_array(R)->items[42] == pv_int(42));

    CHECK_OK(call(C, "clear", 1, ev));
    CHECK_OK(call(C, "isEmpty", 1, ev));
    CHECK(R == PV_TRUE);
    CHECK_OK(call(C, "iterate", 1, ev));
    CHECK(as_array(R)->len == 0);
    d->h.flags |= PV_OF_IMMUTABLE;
    CHECK_THROWS(call(C, "put", 3, dv, S("x"), pv_int(1)), PV_B_STATE_EXC, "put: this directory is immutable");
    CHECK_THROWS(call(C, "remove", 2, dv, S("b")), PV_B_STATE_EXC, "immutable");
    CHECK_OK(call(C, "get", 2, dv, S("b")));
    printf("directory methods: ok\n");
}

static void test_binary_methods(void)
{
    const pv_native_class *C = &pv_nc_binary;
    struct pv_binary *b = pv_binary_new(&vm, 0);
    REQUIRE(b);
    pv_value bv = pv_from_ptr(b);
    CHECK_OK(call(C, "size", 1, bv));
    CHECK(R == pv_int(0));
    CHECK_THROWS(call(C, "setByte", 3, bv, pv_int(0), pv_int(1)), PV_B_INDEX_EXC, "setByte: index 0 out of range for length 0");
    CHECK_OK(call(C, "resize", 2, bv, pv_int(4)));
    CHECK(b->len == 4);
    CHECK_OK(call(C, "setByte", 3, bv, pv_int(0), pv_int(0x41)));
    CHECK_OK(call(C, "setByte", 3, bv, pv_int(1), pv_int(-1)));
    CHECK_OK(call(C, "setByte", 3, bv, pv_int(2), pv_int(0x142)));
    CHECK_OK(call(C, "getByte", 2, bv, pv_int(1)));
    CHECK(R == pv_int(255));
    CHECK_OK(call(C, "getByte", 2, bv, pv_int(2)));
    CHECK(R == pv_int(0x42));
    CHECK_THROWS(call(C, "getByte", 2, bv, pv_int(4)), PV_B_INDEX_EXC, "getByte: index 4 out of range for length 4");
    CHECK_THROWS(call(C, "getByte", 2, bv, pv_double(1)), PV_B_TYPE_EXC, "getByte: argument 1 must be int, got double");
    CHECK(shows(bv, "41ff4200"));
    CHECK_OK(call(C, "toString", 1, bv));
    CHECK(is_text(R, "41ff4200"));

    /* shrink then grow: the bytes come back as zeros */
    CHECK_OK(call(C, "resize", 2, bv, pv_int(1)));
    CHECK_OK(call(C, "resize", 2, bv, pv_int(3)));
    CHECK(shows(bv, "410000"));
    CHECK_THROWS(call(C, "resize", 2, bv, pv_int(-1)), PV_B_ARG_EXC, "resize: size -1");
    CHECK_OK(call(C, "resize", 2, bv, pv_int(100000)));
    CHECK(b->len == 100000 && b->bytes[99999] == 0 && b->bytes[0] == 0x41);
    CHECK_OK(call(C, "resize", 2, bv, pv_int(3)));

    /* setRange(src, srcOff, dstOff, len), overlapping within itself too */
    CHECK_OK(call(C, "fromString", 1, S("hello")));
    pv_value src = R;
    CHECK(pv_obj_kind(src) == PV_K_BINARY && ((struct pv_binary *)pv_as_ptr(src))->len == 5);
    CHECK_THROWS(call(C, "fromString", 1, pv_int(5)), PV_B_TYPE_EXC, "fromString: argument 1 must be string");
    CHECK_OK(call(C, "setRange", 5, bv, src, pv_int(1), pv_int(0), pv_int(3)));
    CHECK_OK(call(C, "toText", 1, bv));
    CHECK(is_text(R, "ell"));
    CHECK_OK(call(C, "setRange", 5, src, src, pv_int(0), pv_int(1), pv_int(4)));
    CHECK_OK(call(C, "toText", 1, src));
    CHECK(is_text(R, "hhell"));
    CHECK_OK(call(C, "setRange", 5, bv, src, pv_int(5), pv_int(3), pv_int(0)));
    CHECK_THROWS(call(C, "setRange", 5, bv, src, pv_int(3), pv_int(0), pv_int(3)), PV_B_INDEX_EXC,
                 "setRange: offset 3 with count 3 out of range for length 5");
    CHECK_THROWS(call(C, "setRange", 5, bv, src, pv_int(0), pv_int(1), pv_int(3)), PV_B_INDEX_EXC, "length 3");
    CHECK_THROWS(call(C, "setRange", 5, bv, src, pv_int(0), pv_int(0), pv_int(-1)), PV_B_INDEX_EXC, NULL);
    CHECK_THROWS(call(C, "setRange", 5, bv, S("x"), pv_int(0), pv_int(0), pv_int(1)), PV_B_TYPE_EXC,
                 "setRange: argument 1 must be binary, got string");
    b->h.flags |= PV_OF_IMMUTABLE;
    CHECK_THROWS(call(C, "setByte", 3, bv, pv_int(0), pv_int(1)), PV_B_STATE_EXC, "immutable");
    CHECK_THROWS(call(C, "resize", 2, bv, pv_int(0)), PV_B_STATE_EXC, "immutable");
    printf("binary methods: ok\n");
}

/* Every method of every class is well formed; names are unique per arity. */
static void test_descriptors(void)
{
    int bad = 0;
    for (size_t i = 0; i < PV_COUNTOF(mine); i++) {
        const pv_native_class *c = mine[i];
        bool listed = false;
        for (size_t k = 0; k < pv_native_class_count; k++)
            listed |= pv_native_classes[k] == c;
        bad += !listed;
        for (uint32_t j = 0; j < c->nmethods; j++) {
            const pv_native_method *m = &c->methods[j];
            bad += !m->fn || !m->name || m->desc[0] != '(' || !strchr(m->desc, ')');
            bad += m->ordinal != PV_NO_ORDINAL && m->ordinal > PV_MAX_ORDINAL;
            for (uint32_t k = 0; k < j; k++)
                bad += strcmp(c->methods[k].name, m->name) == 0 && strcmp(c->methods[k].desc, m->desc) == 0;
            for (uint32_t k = 0; k < j; k++)
                bad += m->ordinal != PV_NO_ORDINAL && c->methods[k].ordinal == m->ordinal;
        }
    }
    CHECK(bad == 0);
    printf("descriptors: ok\n");
}

/* ---- hostile input ---------------------------------------------------------------------------- */

static pv_value random_value(uint64_t *rng)
{
    switch (t_rand(rng) % 12) {
    case 0: return PV_NULL;
    case 1: return pv_int((int32_t)t_rand(rng));
    case 2: return pv_int((int32_t)(t_rand(rng) % 20) - 5);
    case 3: return pv_make_long(&vm, (int64_t)t_rand(rng));
    case 4: return pv_double((double)(int64_t)t_rand(rng) / 7);
    case 5: return S("h\xc3\xa9llo, world");
    case 6: return S("");
    case 7: return pv_from_ptr(arr_of(3, pv_int(3), pv_int(1), pv_int(2)));
    case 8: {
        struct pv_directory *d = pv_dir_new(&vm);
        REQUIRE(d && pv_dir_put(&vm, d, pv_str_cstr(&vm, "k"), pv_int(1)) == 0);
        return pv_from_ptr(d);
    }
    case 9: return pv_from_ptr(pv_binary_new(&vm, 8));
    case 10: return pv_char((uint32_t)(t_rand(rng) % 0x110000));
    default: return PV_TRUE;
    }
}

/* Every method with arguments of random types and values (huge sizes
 * included): each must return normally or raise, never crash (the
 * sanitizer build checks memory).  Then mutated JSON texts. */
static void test_hostile(void)
{
    uint64_t rng = 42;
    int bad = 0;
    for (int it = 0; it < 20000; it++) {
        const pv_native_class *c = mine[t_rand(&rng) % PV_COUNTOF(mine)];
        const pv_native_method *m = &c->methods[t_rand(&rng) % c->nmethods];
        int n = desc_nargs(m->desc) + !(m->flags & PV_MF_STATIC);
        pv_value args[8];
        for (int i = 0; i < n; i++)
            args[i] = random_value(&rng);
        thr.exc = PV_NULL;
        R = PV_NULL;
        int rc = m->fn(&vm, args, &R);
        bad += (rc == PV_NOK) != (thr.exc == PV_NULL) || (rc != PV_NOK && rc != PV_NTHROW);
    }
    CHECK(bad == 0);

    const char *seed = "{\"a\": [1, 2.5e3, -0, \"x\\u00e9\\ud83d\\ude00\", true, false, null, "
                       "{\"b\": {}}], \"c\": \"\\n\"}";
    static const char pieces[] = "{}[],:\"\\u0123456789eE.-+ tfn\x01\xff";
    char text[128];
    int parsed = 0;
    for (int it = 0; it < 20000; it++) {
        size_t n = strlen(seed);
        memcpy(text, seed, n + 1);
        for (int k = 1 + (int)(t_rand(&rng) % 4); k > 0 && n > 0; k--) {
            size_t at = t_rand(&rng) % n;
            switch (t_rand(&rng) % 3) {
            case 0: text[at] = pieces[t_rand(&rng) % (sizeof pieces - 1)]; break;
            case 1:
                memmove(text + at, text + at + 1, n - at);
                n--;
                break;
            default: n = at; break;
            }
        }
        int rc = call(&pv_nc_string, "parseJson", 1, pv_from_ptr(pv_str_new(&vm, text, n)));
        parsed += rc == PV_NOK;
        bad += rc == PV_NOK ? !pv_tostring_native(&vm, R) : !exc_is(PV_B_ARG_EXC, "parseJson: offset ");
    }
    CHECK(bad == 0 && parsed > 0);
    printf("hostile input: ok (%d of 20000 mutated JSON texts parsed)\n", parsed);
}

int main(void)
{
    snprintf(img, sizeof img, "/tmp/phantom-test-values-%d.img", getpid());
    unlink(img);
    setup();
    test_encoding();
    test_strings();
    test_tostring();
    test_equality();
    test_parse_convert();
    test_array_core();
    test_directory_core();
    test_object_methods();
    test_string_methods();
    test_json();
    test_number_methods();
    test_array_methods();
    test_directory_methods();
    test_binary_methods();
    test_descriptors();
    test_hostile();
    teardown();
    return test_done("vm_values");
}
