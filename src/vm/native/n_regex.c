/*
 * n_regex.c - .internal.regex: regular expressions through PCRE2, on
 * UTF-8 text with Unicode properties (\w, \d and case folding know
 * Unicode).  Static functions of the pattern's text: a compiled PCRE2 code
 * is host memory, which cannot live in the world, so the world keeps only
 * the pattern (.phantom.text.regex) and each call compiles it.  Offsets in
 * and out count characters, as the string methods do.
 *
 * Built without PCRE2 (the Makefile finds it with pkg-config), every
 * method raises IllegalStateException saying so.
 */
#include <stdlib.h>

#include "native.h"

#ifdef PHANTOM_HAVE_PCRE2
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* flags: any of "imsx" (caseless, multiline, dotall, extended). */
static bool compile_options(pv_vm *vm, pv_value v, const char *fn, uint32_t *opts)
{
    struct pv_string *f = pv_arg_string(vm, v, fn, 2);
    if (!f)
        return false;
    *opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    for (uint32_t i = 0; i < f->len; i++)
        switch (f->bytes[i]) {
        case 'i': *opts |= PCRE2_CASELESS; break;
        case 'm': *opts |= PCRE2_MULTILINE; break;
        case 's': *opts |= PCRE2_DOTALL; break;
        case 'x': *opts |= PCRE2_EXTENDED; break;
        default:
            pv_throw(vm, PV_B_ARG_EXC, "%s: unknown flag '%c' (flags are i, m, s, x)", fn, f->bytes[i]);
            return false;
        }
    return true;
}

/* The compiled pattern, or NULL with the error's text and character offset. */
static pcre2_code *compile(pv_vm *vm, struct pv_string *pat, uint32_t opts, char *why, size_t whylen, uint32_t *at)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat->bytes, pat->len, opts, &err, &off, NULL);
    if (!re) {
        pcre2_get_error_message(err, (PCRE2_UCHAR *)why, whylen);
        *at = pv_str_byte_to_char(vm, pat, (uint32_t)off);
    }
    return re;
}

/* The pattern and flags of args[0], args[1], compiled; raises
 * ArgumentException "fn: why at offset N" if it does not compile. */
static pcre2_code *arg_pattern(pv_vm *vm, pv_value *args, const char *fn)
{
    struct pv_string *pat = pv_arg_string(vm, args[0], fn, 1);
    uint32_t opts, at;
    char why[256];
    if (!pat || !compile_options(vm, args[1], fn, &opts))
        return NULL;
    pcre2_code *re = compile(vm, pat, opts, why, sizeof why, &at);
    if (!re)
        pv_throw(vm, PV_B_ARG_EXC, "%s: %s at offset %u", fn, why, at);
    return re;
}

/* check(pattern, flags): null if it compiles, else [offset, message]. */
static int rx_check(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *pat = pv_arg_string(vm, args[0], "check", 1);
    uint32_t opts, at;
    char why[256];
    if (!pat || !compile_options(vm, args[1], "check", &opts))
        return PV_NTHROW;
    pcre2_code *re = compile(vm, pat, opts, why, sizeof why, &at);
    if (re) {
        pcre2_code_free(re);
        *ret = PV_NULL;
        return PV_NOK;
    }
    struct pv_array *a = pv_array_new(vm, 0);
    struct pv_string *msg = pv_str_cstr(vm, why);
    if (!a || !msg || pv_array_push(vm, a, pv_int((int32_t)at)) < 0 || pv_array_push(vm, a, pv_from_ptr(msg)) < 0)
        return pv_throw_oom(vm);
    return pv_ret_obj(vm, ret, a);
}

/* find(pattern, flags, subject, from, whole): null if no match at or after
 * character `from` (whole: the match must span the whole subject), else
 * [start, end] of the match and of each group, in characters; -1 for a
 * group that did not take part. */
static int rx_find(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = pv_arg_string(vm, args[2], "find", 3);
    int32_t from;
    if (!s || !pv_arg_int(vm, args[3], "find", 4, &from))
        return PV_NTHROW;
    if (!pv_is_bool(args[4])) {
        pv_wrong_type(vm, args[4], "find", 5, "bool");
        return PV_NTHROW;
    }
    pcre2_code *re = arg_pattern(vm, args, "find");
    if (!re)
        return PV_NTHROW;
    uint32_t chars = pv_str_chars(vm, s);
    if (from < 0 || (uint32_t)from > chars) {
        pcre2_code_free(re);
        *ret = PV_NULL;
        return PV_NOK;
    }
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md) {
        pcre2_code_free(re);
        return pv_throw_oom(vm);
    }
    uint32_t opts = pv_as_bool(args[4]) ? PCRE2_ANCHORED | PCRE2_ENDANCHORED : 0;
    int rc = pcre2_match(re, (PCRE2_SPTR)s->bytes, s->len, pv_str_char_to_byte(vm, s, (uint32_t)from), opts, md, NULL);
    int result = PV_NOK;
    *ret = PV_NULL;
    if (rc >= 0) {
        uint32_t groups = pcre2_get_ovector_count(md);
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        struct pv_array *a = pv_array_new(vm, 0);
        for (uint32_t i = 0; a && i < 2 * groups; i++) {
            int32_t at = ov[i] == PCRE2_UNSET ? -1 : (int32_t)pv_str_byte_to_char(vm, s, (uint32_t)ov[i]);
            if (pv_array_push(vm, a, pv_int(at)) < 0)
                a = NULL;
        }
        result = pv_ret_obj(vm, ret, a);
    } else if (rc != PCRE2_ERROR_NOMATCH) {
        char why[256];
        pcre2_get_error_message(rc, (PCRE2_UCHAR *)why, sizeof why);
        result = pv_throw(vm, PV_B_STATE_EXC, "find: %s", why);
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return result;
}

/* replace(pattern, flags, subject, replacement, all): the subject with the
 * first (or every) match replaced; $0, $1, ${name} and $$ in the
 * replacement stand for the match, its groups and a dollar. */
static int rx_replace(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = pv_arg_string(vm, args[2], "replace", 3), *r;
    if (!s || !(r = pv_arg_string(vm, args[3], "replace", 4)))
        return PV_NTHROW;
    if (!pv_is_bool(args[4])) {
        pv_wrong_type(vm, args[4], "replace", 5, "bool");
        return PV_NTHROW;
    }
    pcre2_code *re = arg_pattern(vm, args, "replace");
    if (!re)
        return PV_NTHROW;
    uint32_t opts = PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | (pv_as_bool(args[4]) ? PCRE2_SUBSTITUTE_GLOBAL : 0);
    /* A first guess at the result's size; PCRE2 says how much it needs
     * when the guess is short (PCRE2_SUBSTITUTE_OVERFLOW_LENGTH). */
    PCRE2_SIZE cap = (PCRE2_SIZE)s->len + r->len + 64, len;
    char *out = NULL;
    int rc;
    for (;;) {
        char *grown = realloc(out, cap);
        if (!grown) {
            free(out);
            pcre2_code_free(re);
            return pv_throw_oom(vm);
        }
        out = grown;
        len = cap;
        rc = pcre2_substitute(re, (PCRE2_SPTR)s->bytes, s->len, 0, opts, NULL, NULL, (PCRE2_SPTR)r->bytes, r->len,
                              (PCRE2_UCHAR *)out, &len);
        if (rc != PCRE2_ERROR_NOMEMORY || len <= cap || len > PV_STR_MAX)
            break;
        cap = len;
    }
    pcre2_code_free(re);
    struct pv_string *res = NULL;
    if (rc < 0) {
        char why[256];
        pcre2_get_error_message(rc, (PCRE2_UCHAR *)why, sizeof why);
        free(out);
        return pv_throw(vm, PV_B_ARG_EXC, "replace: %s", why);
    }
    res = pv_str_new(vm, out, len);
    free(out);
    return pv_ret_obj(vm, ret, res);
}

#else

static int no_pcre2(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    return pv_throw(vm, PV_B_STATE_EXC,
                    "regular expressions are not available: phantom was built without PCRE2 "
                    "(install libpcre2-dev and rebuild)");
}
#define rx_check no_pcre2
#define rx_find no_pcre2
#define rx_replace no_pcre2
#endif

static const pv_native_method regex_methods[] = {
    {"check", "(*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, rx_check},
    {"find", "(*,*,*,*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, rx_find},
    {"replace", "(*,*,*,*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, rx_replace},
};

const pv_native_class pv_nc_regex = {
    ".internal.regex", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, regex_methods, PV_COUNTOF(regex_methods),
};
