/*
 * n_json.c - .internal.json: values to JSON text (RFC 8259) and back.
 *
 * toJson writes what parseJson (json.c) reads, so that parsing the text
 * gives an equal value: directories become objects (keys in byte order,
 * the order every directory lists them in), arrays arrays, strings strings,
 * numbers their shortest decimal text, bools and null themselves.  Values
 * JSON cannot hold (NaN, the infinities, binaries, objects of other
 * classes) raise ArgumentException rather than writing something that
 * would not read back.  Natives cannot call bytecode, so an object's own
 * toString or a toJson method of its class is never used.
 */
#include <stdlib.h>

#include "native.h"

typedef struct json_out {
    pv_vm *vm;
    pv_buf b;
    int32_t indent;   /* spaces a level; 0: everything on one line */
    const char *fn;
} json_out;

static const char hex[] = "0123456789abcdef";

/* A JSON string: the escapes RFC 8259 requires (quote, backslash, control
 * characters), everything else as UTF-8.  Bytes that are not UTF-8 become
 * U+FFFD, since JSON text must be UTF-8. */
static void put_string(pv_buf *b, const char *s, size_t n)
{
    pv_buf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        uint8_t c = (uint8_t)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = pv_utf8_decode((const uint8_t *)s + i, n - i, &cp);
            if (cp == 0xFFFD && k == 1)
                pv_buf_utf8(b, 0xFFFD);
            else
                pv_buf_add(b, s + i, k);
            i += k;
            continue;
        }
        i++;
        switch (c) {
        case '"': pv_buf_add(b, "\\\"", 2); break;
        case '\\': pv_buf_add(b, "\\\\", 2); break;
        case '\b': pv_buf_add(b, "\\b", 2); break;
        case '\f': pv_buf_add(b, "\\f", 2); break;
        case '\n': pv_buf_add(b, "\\n", 2); break;
        case '\r': pv_buf_add(b, "\\r", 2); break;
        case '\t': pv_buf_add(b, "\\t", 2); break;
        default:
            if (c < 0x20) {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                pv_buf_add(b, e, sizeof e);
            } else {
                pv_buf_addc(b, (char)c);
            }
        }
    }
    pv_buf_addc(b, '"');
}

/* A newline and the indentation of `depth` levels, when indenting. */
static void put_break(json_out *o, int depth)
{
    if (!o->indent)
        return;
    pv_buf_addc(&o->b, '\n');
    for (int64_t i = 0; i < (int64_t)depth * o->indent; i++)
        pv_buf_addc(&o->b, ' ');
}

static bool put_value(json_out *o, pv_value v, int depth);

static bool put_array(json_out *o, const struct pv_array *a, int depth)
{
    pv_buf_addc(&o->b, '[');
    for (uint32_t i = 0; i < a->len && !o->b.failed; i++) {
        if (i)
            pv_buf_addc(&o->b, ',');
        put_break(o, depth + 1);
        if (!put_value(o, a->items[i], depth + 1))
            return false;
    }
    if (a->len)
        put_break(o, depth);
    pv_buf_addc(&o->b, ']');
    return true;
}

static bool put_directory(json_out *o, struct pv_directory *d, int depth)
{
    pv_value *keys;
    if (pv_dir_sorted_keys(d, &keys) < 0) {
        pv_throw_oom(o->vm);
        return false;
    }
    uint32_t n = d->count;
    bool ok = true;
    pv_buf_addc(&o->b, '{');
    for (uint32_t i = 0; i < n && ok && !o->b.failed; i++) {
        struct pv_string *k = pv_as_ptr(keys[i]);
        if (i)
            pv_buf_addc(&o->b, ',');
        put_break(o, depth + 1);
        put_string(&o->b, k->bytes, k->len);
        pv_buf_add(&o->b, o->indent ? ": " : ":", o->indent ? 2 : 1);
        ok = put_value(o, pv_dir_get(d, k, NULL), depth + 1);
    }
    free(keys);
    if (ok && n)
        put_break(o, depth);
    pv_buf_addc(&o->b, '}');
    return ok;
}

static bool refuse(json_out *o, const char *what, const char *hint)
{
    pv_throw(o->vm, PV_B_ARG_EXC, "%s: %s has no JSON form%s", o->fn, what, hint);
    return false;
}

static bool put_value(json_out *o, pv_value v, int depth)
{
    if (depth > PV_JSON_MAX_DEPTH) {
        pv_throw(o->vm, PV_B_ARG_EXC, "%s: nested deeper than %d levels (does a container hold itself?)",
                 o->fn, PV_JSON_MAX_DEPTH);
        return false;
    }
    pv_num num;
    if (v == PV_NULL) {
        pv_buf_add(&o->b, "null", 4);
    } else if (pv_is_bool(v)) {
        pv_buf_add(&o->b, pv_as_bool(v) ? "true" : "false", pv_as_bool(v) ? 4 : 5);
    } else if (pv_is_char(v)) {   /* a character is text to a reader of JSON */
        pv_buf cb = {0};
        pv_buf_utf8(&cb, pv_as_char(v));
        put_string(&o->b, cb.p ? cb.p : "", cb.len);
        pv_buf_free(&cb);
    } else if (pv_num_decode(v, &num)) {
        if (num.kind == PV_NUM_INT) {
            pv_buf_addf(&o->b, "%lld", (long long)num.i);
        } else if (num.d != num.d || num.d - num.d != 0) {
            return refuse(o, num.d != num.d ? "NaN" : num.d > 0 ? "Infinity" : "-Infinity", "");
        } else {
            char t[PV_NUMFMT_MAX];
            pv_buf_add(&o->b, t, pv_format_double(num.d, pv_is_float(v), t));
        }
    } else {
        switch (pv_obj_kind(v)) {
        case PV_K_STRING: {
            const struct pv_string *s = pv_as_ptr(v);
            put_string(&o->b, s->bytes, s->len);
            break;
        }
        case PV_K_ARRAY: return put_array(o, pv_as_ptr(v), depth);
        case PV_K_DIRECTORY: return put_directory(o, pv_as_ptr(v), depth);
        default:
            return refuse(o, pv_type_name(o->vm, v),
                          " (only null, bools, numbers, chars, strings, arrays and directories have)");
        }
    }
    return true;
}

/* toJson(v) and toJson(v, indent). */
static int to_json(pv_vm *vm, pv_value v, int32_t indent, pv_value *ret)
{
    json_out o = {.vm = vm, .indent = indent, .fn = "toJson"};
    if (!put_value(&o, v, 0)) {
        pv_buf_free(&o.b);
        return PV_NTHROW;
    }
    return pv_ret_obj(vm, ret, pv_buf_finish(vm, &o.b));
}

static int j_to_json(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return to_json(vm, args[0], 0, ret);
}

#define INDENT_MAX 16

static int j_to_json_indented(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t indent;
    if (!pv_arg_int(vm, args[1], "toJson", 2, &indent))
        return PV_NTHROW;
    if (indent < 0 || indent > INDENT_MAX)
        return pv_throw(vm, PV_B_ARG_EXC, "toJson: an indent of %d (0 to %d)", indent, INDENT_MAX);
    return to_json(vm, args[0], indent, ret);
}

static int j_parse(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_string *s = pv_arg_string(vm, args[0], "parse", 1);
    if (!s)
        return PV_NTHROW;
    return pv_json_parse(vm, s->bytes, s->len, ret);
}

static const pv_native_method json_methods[] = {
    {"toJson", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, j_to_json},
    {"toJson", "(*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, j_to_json_indented},
    {"parse", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, j_parse},
};

const pv_native_class pv_nc_json = {
    ".internal.json", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, json_methods, PV_COUNTOF(json_methods),
};
