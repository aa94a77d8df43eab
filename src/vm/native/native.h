/*
 * native.h - helpers shared by the internal classes (native/n_*.c) and
 * offered to the interpreter: numbers across their encodings, parsing and
 * formatting, a host-side text buffer, container internals, and the
 * argument checks every native method makes.
 *
 * Everything a native method receives comes from bytecode and is hostile:
 * it may be of any type, negative, huge, or the receiver itself.  The
 * pv_arg_* and pv_check_* helpers check and raise the exception in one
 * step; they return false (or NULL) after raising, and the native then
 * returns PV_NTHROW:
 *
 *     int32_t i;
 *     if (!pv_arg_int(vm, args[1], "charAt", 1, &i))
 *         return PV_NTHROW;
 */
#ifndef PHANTOM_VM_NATIVE_H
#define PHANTOM_VM_NATIVE_H

#include "../gc/gc.h"
#include "../vm.h"

#define PV_COUNTOF(a) (sizeof(a) / sizeof((a)[0]))

/* Limits that keep hostile sizes from asking for absurd memory. */
#define PV_STR_MAX (1u << 30)          /* bytes in one string */
#define PV_BINARY_MAX (1u << 30)       /* bytes in one binary */
#define PV_DIR_MAX_CAP (1u << 28)      /* slots in one directory */
#define PV_TOSTRING_MAX (1u << 20)     /* text of one container, then "..." */
#define PV_TOSTRING_DEPTH 4            /* nested containers shown, then "..." */
#define PV_JSON_MAX_DEPTH 256          /* nested arrays/objects in parseJson */

/* The kind of the object v refers to, or PV_K_COUNT if v is not an object. */
static inline uint32_t pv_obj_kind(pv_value v)
{
    if (!pv_is_obj(v))
        return PV_K_COUNT;
    const struct pv_obj *o = pv_as_ptr(v);
    return o->cls ? o->cls->kind : PV_K_COUNT;
}

/* ---- numbers (number.c) ------------------------------------------------------ */

/* A number of any encoding, seen as either an exact integer or a double:
 * int, long (immediate or boxed) and char are PV_NUM_INT; float and double
 * are PV_NUM_DBL.  Comparisons between the two are exact (no rounding of
 * big longs to double). */
enum { PV_NUM_INT = 1, PV_NUM_DBL = 2 };
typedef struct pv_num {
    int kind;
    int64_t i;
    double d;
} pv_num;

/* False if v is not a number (bool, null, objects other than boxed longs). */
bool pv_num_decode(pv_value v, pv_num *out);
/* The value of any number as a double (longs beyond 2^53 round). */
bool pv_num_double(pv_vm *vm, pv_value v, double *out);
/* -1, 0 or 1.  NaN is above every number and equal to itself; -0.0 equals
 * 0.0 (the order sort() and compareTo() use). */
int pv_num_compare(const pv_num *a, const pv_num *b);
/* Equal numbers hash alike whatever their encoding (5, 5L, 5.0f, 5.0). */
uint32_t pv_num_hash(const pv_num *n);
/* Conversions the way Java casts do them: NaN gives 0, out of range
 * values saturate. */
int32_t pv_double_to_int(double d);
int64_t pv_double_to_long(double d);

/* Parsing text into numbers.  Leading and trailing ASCII white space is
 * ignored.  Integers: optional sign, decimal digits.  Reals: the decimal
 * forms of Java (1, -2.5, .5, 1e10, 1.5E-3), NaN, Infinity, -Infinity;
 * values beyond the type's range become infinities.  Each returns NULL on
 * success, else why the text was refused ("not a number", "out of range"). */
const char *pv_parse_int(const char *s, size_t len, int32_t *out);
const char *pv_parse_long(const char *s, size_t len, int64_t *out);
const char *pv_parse_double(const char *s, size_t len, double *out);
const char *pv_parse_float(const char *s, size_t len, float *out);

/* The shortest text that reads back as d (as a float when single), in
 * Java's form: "3.0", "0.001", "1.0E7", "1.5E-4", "NaN", "-Infinity".
 * out must hold PV_NUMFMT_MAX bytes; returns the length. */
#define PV_NUMFMT_MAX 40
size_t pv_format_double(double d, bool single, char *out);

/* ---- text (string.c) ------------------------------------------------------------ */

/* A growable buffer in host memory for building text.  Zero-initialise it
 * ({0}); after any failure (no memory, over PV_STR_MAX) it stays failed
 * and ignores further additions, so callers check once at the end. */
typedef struct pv_buf {
    char *p;
    size_t len, cap;
    bool failed;
} pv_buf;

void pv_buf_add(pv_buf *b, const void *s, size_t n);
void pv_buf_addc(pv_buf *b, char c);
void pv_buf_addf(pv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pv_buf_utf8(pv_buf *b, uint32_t cp);
/* Appends the text of v (what pv_tostring_native returns). */
void pv_buf_value(pv_vm *vm, pv_buf *b, pv_value v);
/* The buffer as a new string; frees the buffer.  NULL on failure. */
struct pv_string *pv_buf_finish(pv_vm *vm, pv_buf *b);
void pv_buf_free(pv_buf *b);

/* A string of len bytes, all zero: the caller fills them in before
 * anything else sees the string.  NULL on out of memory or over PV_STR_MAX. */
struct pv_string *pv_str_alloc(pv_vm *vm, size_t len);
/* The character whose encoding starts at byte i (i < s->len); U+FFFD when
 * byte i is inside a character or not UTF-8.  What charAt(i) returns. */
pv_value pv_str_char_at(const struct pv_string *s, uint32_t i);
/* The hash pv_str_hash caches, for bytes that are not a string yet. */
uint32_t pv_hash_bytes(const void *p, size_t n);
/* The same hash over pieces: pv_hash_done(pv_hash_more(pv_hash_more(
 * PV_HASH_START, a, na), b, nb)) == pv_hash_bytes(a ++ b, na + nb).
 * (0 means "not computed yet" in a string, so done maps it to 1.) */
#define PV_HASH_START 2166136261u
uint32_t pv_hash_more(uint32_t state, const void *p, size_t n);
static inline uint32_t pv_hash_done(uint32_t state) { return state ? state : 1; }
/* Byte order, which for UTF-8 is code point order: -1, 0 or 1. */
int pv_str_compare(const struct pv_string *a, const struct pv_string *b);
/* Decodes the UTF-8 sequence at p (n bytes available) into *cp; returns
 * its length.  Invalid or truncated sequences give U+FFFD and length 1. */
size_t pv_utf8_decode(const uint8_t *p, size_t n, uint32_t *cp);

/* Strings as Unicode text (n_string.c).  A string's characters are its
 * code points as pv_utf8_decode steps through them (a byte that is not
 * UTF-8 is one character, U+FFFD).  All ASCII strings, the common case,
 * answer each of these in constant time (the scan is cached in the
 * object's flags).  Others walk their bytes from the nearer of the start
 * and the VM's cursor on that string (vm->str_cursor, which remembers the
 * last place reached in the last four non-ASCII strings), so stepping
 * through one by index, forward or back, costs constant time a step. */
bool pv_str_is_ascii(struct pv_string *s);
/* How many characters s holds. */
uint32_t pv_str_chars(pv_vm *vm, struct pv_string *s);
/* The byte offset where character ch starts (s->len for ch == count);
 * false if ch < 0 or s has fewer than ch characters. */
bool pv_str_char_offset(pv_vm *vm, struct pv_string *s, int64_t ch, uint32_t *byte);
/* The same for 0 <= ch <= pv_str_chars(s) (s->len beyond). */
uint32_t pv_str_char_to_byte(pv_vm *vm, struct pv_string *s, uint32_t ch);
/* How many characters start before byte offset `byte` (<= s->len). */
uint32_t pv_str_byte_to_char(pv_vm *vm, struct pv_string *s, uint32_t byte);

/* ---- containers (array.c, directory.c, native/n_binary.c) ------------------------- */

/* A new array holding a's items [from, to). */
struct pv_array *pv_array_copy(pv_vm *vm, const struct pv_array *a, uint32_t from, uint32_t to);
/* Stable sort of n values by cmp (ctx passed through).  -1 if out of memory. */
typedef int (*pv_value_cmp)(const void *ctx, pv_value a, pv_value b);
int pv_sort_values(pv_value *v, size_t n, pv_value_cmp cmp, const void *ctx);

/* A copy of d with the same entries. */
struct pv_directory *pv_dir_copy(pv_vm *vm, const struct pv_directory *d);
/* The keys of d in byte order of their text, in a malloc'd array (NULL
 * when d is empty) of d->count values.  -1 if out of memory. */
int pv_dir_sorted_keys(const struct pv_directory *d, pv_value **out);
void pv_dir_clear(pv_vm *vm, struct pv_directory *d);

struct pv_binary *pv_binary_new(pv_vm *vm, uint32_t len);
/* A new binary holding a copy of len bytes. */
struct pv_binary *pv_binary_of(pv_vm *vm, const void *bytes, uint32_t len);
/* Sets the size; bytes beyond the old size read as 0.  -1 if out of memory. */
int pv_binary_resize(pv_vm *vm, struct pv_binary *b, uint32_t len);

/* ---- JSON (native/json.c) -------------------------------------------------------------- */

/* Parses one JSON document into directories, arrays, strings, ints (longs,
 * then doubles, when they do not fit), doubles, bools and null.  Raises
 * ArgumentException "parseJson: offset N: why" for malformed text. */
int pv_json_parse(pv_vm *vm, const char *s, size_t len, pv_value *out);

/* ---- argument checks (native/args.c) ---------------------------------------------------- */

/* `fn` is the method's name and `argno` the argument's position from 1 (0
 * names the receiver) for the messages:
 *   "substring: argument 1 must be int, got string". */

/* The name of v's type for messages: "int", "string", "null", or the
 * class's full name. */
const char *pv_type_name(pv_vm *vm, pv_value v);
/* Raises TypeException "fn: argument N must be WANT, got TYPE" (or
 * "receiver must be" when argno is 0); returns false. */
bool pv_wrong_type(pv_vm *vm, pv_value v, const char *fn, int argno, const char *want);
/* Raises ArgumentException "fn: cannot parse "TEXT" as TYPE: WHY", quoting
 * at most 60 bytes of the text; returns PV_NTHROW. */
int pv_throw_parse(pv_vm *vm, const char *fn, const struct pv_string *s, const char *type,
                   const char *why);
/* An int, or a long within the int range. */
bool pv_arg_int(pv_vm *vm, pv_value v, const char *fn, int argno, int32_t *out);
/* An int or a long. */
bool pv_arg_long(pv_vm *vm, pv_value v, const char *fn, int argno, int64_t *out);
/* Any number (int, long, float, double, char). */
bool pv_arg_double(pv_vm *vm, pv_value v, const char *fn, int argno, double *out);
struct pv_string *pv_arg_string(pv_vm *vm, pv_value v, const char *fn, int argno);
/* The bytes of a string or binary argument (they point into the object:
 * valid until the next allocation). */
bool pv_arg_bytes(pv_vm *vm, pv_value v, const char *fn, int argno, const uint8_t **p, size_t *n);
/* An object of the given kind (struct pv_array for PV_K_ARRAY, ...). */
void *pv_arg_kind(pv_vm *vm, pv_value v, uint32_t kind, const char *fn, int argno);
/* The receiver, of the given kind and not made immutable (for methods
 * that modify it: IllegalStateException otherwise). */
void *pv_self_mutable(pv_vm *vm, pv_value v, uint32_t kind, const char *fn);
/* 0 <= i < len, else IndexOutOfRangeException naming index and length. */
bool pv_check_index(pv_vm *vm, const char *fn, int64_t i, uint64_t len);
/* 0 <= off, 0 <= n and off + n <= len. */
bool pv_check_range(pv_vm *vm, const char *fn, int64_t off, int64_t n, uint64_t len);
/* The one check before any native method runs, made by the interpreter's
 * native-call path (so no native can be reached around it):
 *  - an instance method's receiver is an object of the method's class
 *    (values count as objects of their classes: 5 of .internal.int), so
 *    the native may read it by that class's layout;
 *  - each argument whose declared type names a class (`wait` is
 *    "(.internal.mutex)void") is an object of that class; null is refused.
 * Else raises TypeException "getId: receiver must be .internal.thread, got
 * long" (or "argument N must be ...") and returns false.  The other
 * arguments are declared `*`: each native checks them itself (pv_arg_*). */
bool pv_native_call_ok(pv_vm *vm, const struct pv_method *m, const pv_value *args);
/* The typed_args mask of a native method declared with desc (bit i:
 * argument i names a class); -1 if desc is malformed or names a class
 * past argument 16. */
int pv_native_typed_args(const char *desc, uint16_t *mask);
/* Sets *ret to s, or raises OutOfMemoryException when s is NULL. */
int pv_ret_obj(pv_vm *vm, pv_value *ret, void *obj);

#endif
