/*
 * interp.c - the bytecode interpreter.
 *
 * Registers.  While a thread runs, its top frame's pc and operand stack top
 * live in C locals (ip, sp); the frame record in the space holds them only
 * at safepoints, calls, and when the thread leaves the interpreter.  SAVE()
 * writes them back.  Invariant: whenever anything but this loop may look at
 * the thread (a snapshot, the scheduler, a native that raises), SAVE() has
 * run, so the persistent frames describe an instruction boundary.
 *
 * Frame pcs.  The top frame's pc is the next instruction to run.  Every
 * frame below it has its pc on the invoke instruction it is waiting in;
 * returning resumes after that instruction, and exception handlers are
 * matched against it.  Entry frames (PV_FR_DISCARD: a thread's first call,
 * static initialisers) return to the frame below without advancing it.
 *
 * Layout of one call.  The caller pushes the receiver and the arguments;
 * they become the callee's first locals in place (no copying), the other
 * locals are set to null, and the callee's operand stack follows.  The
 * result replaces the receiver (or first argument) slot.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "callcache.h"
#include "classfile.h"
#include "interp.h"
#include "serve.h"
#include "native/native.h"
#include "opcodes.h"
#include "quicken.h"
#include "sched.h"

/* The size of the instruction at a pc; of a fused opcode, the size of the
 * first instruction it stands for (a call made on behalf of a fused `eq`
 * returns to the jump after it). */
static const uint8_t opsize[PV_QOP_END] = {
#define PV_OP_SIZE(name, mn, fmt, pops, pushes) [PV_OP_##name] = PV_FMT_SIZE(fmt),
    PV_OPCODES(PV_OP_SIZE)
#undef PV_OP_SIZE
    [PV_QOP_LOAD_LOAD] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_PUSHINT] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_GETFIELD] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_ADD_STORE] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_LT_JCOND] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_LE_JCOND] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_GT_JCOND] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_GE_JCOND] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_EQ_JCOND] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_NE_JCOND] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_LOAD_LOAD_ALOAD] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_LOAD_JCMP] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_PUSHINT_JCMP] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_PUSHINT_ADD] = PV_FMT_SIZE(PV_F_I32),
    [PV_QOP_PUSHINT_SUB] = PV_FMT_SIZE(PV_F_I32),
    [PV_QOP_PUSHINT_MUL] = PV_FMT_SIZE(PV_F_I32),
    [PV_QOP_PUSHINT_DIV] = PV_FMT_SIZE(PV_F_I32),
    [PV_QOP_PUSHINT_REM] = PV_FMT_SIZE(PV_F_I32),
    [PV_QOP_LOAD_ADD] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_SUB] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_MUL] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_DIV] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_SUB_STORE] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_MUL_STORE] = PV_FMT_SIZE(PV_F_NONE),
    [PV_QOP_LOAD_LOAD_ADD] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_LOAD_SUB] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_LOAD_MUL] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_PUSHINT_CJUMP] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_CJUMP] = PV_FMT_SIZE(PV_F_L),
    [PV_QOP_LOAD_JCMP] = PV_FMT_SIZE(PV_F_L),
};


/* ---- output ----------------------------------------------------------------- */

void pv_out_flush(pv_vm *vm)
{
    if (vm->outlen)
        pv_console_write(vm, 1, vm->outbuf, vm->outlen);
    vm->outlen = 0;
}

void pv_out_write(pv_vm *vm, const char *s, size_t n)
{
    while (n) {
        size_t room = sizeof vm->outbuf - vm->outlen, k = n < room ? n : room;
        memcpy(vm->outbuf + vm->outlen, s, k);
        vm->outlen += k;
        s += k;
        n -= k;
        if (vm->outlen == sizeof vm->outbuf)
            pv_out_flush(vm);
    }
    if (vm->out_tty && vm->outlen && memchr(vm->outbuf, '\n', vm->outlen))
        pv_out_flush(vm);
}

/* ---- frames and stacks ------------------------------------------------------ */

uint32_t pv_method_line(const struct pv_method *m, uint32_t pc)
{
    uint32_t line = 0;
    for (uint32_t i = 0; i < m->nlines && m->lines[i].pc <= pc; i++)
        line = m->lines[i].line;
    return line;
}

/* What a virtual call of `want` runs on an object of class c that has no
 * vtable slot for it (an interface method, or a class outside want's
 * owner): the method of the same name and descriptor, else of the same
 * name and argument count; NULL if none. */
static struct pv_method *lookup_virtual(struct pv_class *c, const struct pv_method *want)
{
    struct pv_method *m = pv_find_method_desc(c, want->name->bytes, want->desc->bytes);
    return m ? m : pv_find_method(c, want->name->bytes, (int)want->nargs);
}

/* Makes room for `need` stack slots and one more frame.  Moves the arrays
 * (frames refer to the stack by index, so nothing else changes). */
static int reserve(pv_vm *vm, struct pv_thread *t, uint64_t need)
{
    if (need > t->stack_cap) {
        uint64_t cap = t->stack_cap ? t->stack_cap : 64;
        while (cap < need)
            cap *= 2;
        if (cap > (1u << 26))
            return -1;
        pv_value *ns = pv_alloc_raw(vm, cap * sizeof *ns);
        if (!ns)
            return -1;
        if (t->stack_cap)
            memcpy(ns, t->stack, t->stack_cap * sizeof *ns);
        pv_free_raw(vm, t->stack);
        t->stack = ns;
        t->stack_cap = (uint32_t)cap;
    }
    if (t->nframes == t->frames_cap) {
        uint32_t cap = t->frames_cap ? t->frames_cap * 2 : 8;
        struct pv_frame *nf = pv_alloc_raw(vm, cap * sizeof *nf);
        if (!nf)
            return -1;
        if (t->nframes)
            memcpy(nf, t->frames, t->nframes * sizeof *nf);
        pv_free_raw(vm, t->frames);
        t->frames = nf;
        t->frames_cap = cap;
    }
    return 0;
}

int pv_thread_push_entry(pv_vm *vm, struct pv_thread *t, struct pv_method *m,
                         const pv_value *args, int argc)
{
    /* Invariant: every frame runs bytecode.  A native has no code, so a
     * frame of one would crash the interpreter at every boot of the
     * world that keeps the thread. */
    if (m->flags & PV_MF_NATIVE)
        return -1;
    uint32_t base = t->nframes ? t->frames[t->nframes - 1].sp : 0;
    uint32_t nl = m->nlocals > argc ? m->nlocals : (uint32_t)argc;
    if (reserve(vm, t, (uint64_t)base + nl + m->max_stack + 1) < 0)
        return -1;
    for (int i = 0; i < argc; i++)
        t->stack[base + i] = args[i];
    for (uint32_t i = (uint32_t)argc; i < nl; i++)
        t->stack[base + i] = PV_NULL;
    t->frames[t->nframes++] = (struct pv_frame){m, 0, base, base + nl, PV_FR_DISCARD};
    return 0;
}

struct pv_string *pv_thread_trace(pv_vm *vm, struct pv_thread *t)
{
    char buf[4096];
    size_t n = 0;
    for (uint32_t i = t->nframes; i-- > 0 && n < sizeof buf - 200;) {
        const struct pv_frame *f = &t->frames[i];
        const struct pv_method *m = f->m;
        const char *src = m->owner->source ? m->owner->source->bytes : "?";
        if (t->nframes - i > 40) {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "    ... %u more\n", (unsigned)(i + 1));
            break;
        }
        n += (size_t)snprintf(buf + n, sizeof buf - n, "    at %s.%s (%s:%u)\n", m->owner->name->bytes,
                              m->name->bytes, src, (unsigned)pv_method_line(m, f->pc));
    }
    return pv_str_new(vm, buf, n < sizeof buf ? n : sizeof buf - 1);
}

/* ---- arithmetic ------------------------------------------------------------- */

enum numk { NK_NONE = 0, NK_INT, NK_LONG, NK_FLOAT, NK_DOUBLE };

static enum numk numkind(pv_vm *vm, pv_value v)
{
    if (pv_is_double(v))
        return NK_DOUBLE;
    switch (pv_tag(v)) {
    case PV_TINT: case PV_TCHAR: return NK_INT;
    case PV_TLONG: return NK_LONG;
    case PV_TFLOAT: return NK_FLOAT;
    case PV_TREF: return pv_is_long(vm, v) ? NK_LONG : NK_NONE;
    default: return NK_NONE;
    }
}

static int64_t as_i64(pv_value v)
{
    if (pv_is_int(v) || pv_is_char(v))
        return pv_is_int(v) ? pv_as_int(v) : (int64_t)pv_as_char(v);
    return pv_long_of(v);
}

static double as_f64(pv_vm *vm, pv_value v)
{
    switch (numkind(vm, v)) {
    case NK_INT: case NK_LONG: return (double)as_i64(v);
    case NK_FLOAT: return pv_as_float(v);
    default: return pv_as_double(v);
    }
}

static const char *type_name(pv_vm *vm, pv_value v)
{
    struct pv_class *c = pv_class_of(vm, v);
    return c ? c->name->bytes : "null";
}

static int type_error(pv_vm *vm, const char *op, pv_value a, pv_value b)
{
    return pv_throw(vm, PV_B_TYPE_EXC, "operator %s cannot be applied to %s and %s", op, type_name(vm, a),
                    type_name(vm, b));
}

static int concat(pv_vm *vm, pv_value a, pv_value b, pv_value *out)
{
    struct pv_string *sa = pv_tostring_native(vm, a), *sb = sa ? pv_tostring_native(vm, b) : NULL;
    struct pv_string *r = NULL;
    if (sb && (r = pv_str_alloc(vm, (size_t)sa->len + sb->len))) {
        memcpy(r->bytes, sa->bytes, sa->len);
        memcpy(r->bytes + sa->len, sb->bytes, sb->len);
    }
    if (!r)
        return pv_throw_oom(vm);
    *out = pv_from_ptr(r);
    return 0;
}

/* Integer ops on int64 with Java semantics (wrapping, truncating
 * division); `is32` selects 32-bit wrapping.  Returns -1 on division by 0. */
static int int_op(int op, int64_t x, int64_t y, bool is32, int64_t *r)
{
    uint64_t ux = (uint64_t)x, uy = (uint64_t)y;
    switch (op) {
    case PV_OP_ADD: *r = (int64_t)(ux + uy); break;
    case PV_OP_SUB: *r = (int64_t)(ux - uy); break;
    case PV_OP_MUL: *r = (int64_t)(ux * uy); break;
    case PV_OP_DIV: case PV_OP_REM:
        if (y == 0)
            return -1;
        if (y == -1)   /* MIN / -1 overflows in C; Java wraps */
            *r = op == PV_OP_DIV ? (int64_t)(0 - ux) : 0;
        else
            *r = op == PV_OP_DIV ? x / y : x % y;
        break;
    case PV_OP_BAND: *r = x & y; break;
    case PV_OP_BOR: *r = x | y; break;
    case PV_OP_BXOR: *r = x ^ y; break;
    case PV_OP_SHL: *r = (int64_t)(ux << (y & (is32 ? 31 : 63))); break;
    case PV_OP_SHR: *r = is32 ? (int64_t)((int32_t)x >> (y & 31)) : x >> (y & 63); break;
    case PV_OP_USHR: *r = is32 ? (int64_t)((uint32_t)x >> (y & 31)) : (int64_t)(ux >> (y & 63)); break;
    default: *r = 0; break;
    }
    if (is32)
        *r = (int32_t)(uint32_t)*r;
    return 0;
}

static const char *op_symbol(int op)
{
    switch (op) {
    case PV_OP_ADD: return "+";
    case PV_OP_SUB: return "-";
    case PV_OP_MUL: return "*";
    case PV_OP_DIV: return "/";
    case PV_OP_REM: return "%";
    case PV_OP_BAND: return "&";
    case PV_OP_BOR: return "|";
    case PV_OP_BXOR: return "^";
    case PV_OP_SHL: return "<<";
    case PV_OP_SHR: return ">>";
    case PV_OP_USHR: return ">>>";
    default: return pv_opinfo[op].mnemonic;
    }
}

/* The general case of a binary arithmetic or bitwise op (the loop handles
 * int op int itself).  0, or -1 with an exception raised. */
static int arith(pv_vm *vm, int op, pv_value a, pv_value b, pv_value *out)
{
    enum numk ka = numkind(vm, a), kb = numkind(vm, b);
    bool bitwise = op >= PV_OP_BAND && op <= PV_OP_USHR;
    if (op == PV_OP_ADD && (pv_is_string(vm, a) || pv_is_string(vm, b)))
        return concat(vm, a, b, out);
    if (bitwise && pv_is_bool(a) && pv_is_bool(b) && op <= PV_OP_BXOR) {
        int64_t r;
        int_op(op, pv_as_bool(a), pv_as_bool(b), true, &r);
        *out = pv_bool(r != 0);
        return 0;
    }
    if (!ka || !kb || (bitwise && (pv_is_char(a) || pv_is_char(b))))
        return type_error(vm, op_symbol(op), a, b);
    enum numk k = ka > kb ? ka : kb;
    if (bitwise && k > NK_LONG)
        return type_error(vm, op_symbol(op), a, b);
    if (k <= NK_LONG) {
        int64_t r;
        /* A shift keeps the left operand's width. */
        bool is32 = (op >= PV_OP_SHL && op <= PV_OP_USHR) ? ka == NK_INT : k == NK_INT;
        if (int_op(op, as_i64(a), as_i64(b), is32, &r) < 0)
            return pv_throw(vm, PV_B_ARITH_EXC, "division by zero");
        if (is32) {
            *out = pv_int((int32_t)r);
            return 0;
        }
        *out = pv_make_long(vm, r);
        return *out == PV_NULL ? pv_throw_oom(vm) : 0;
    }
    double x = as_f64(vm, a), y = as_f64(vm, b), r;
    switch (op) {
    case PV_OP_ADD: r = x + y; break;
    case PV_OP_SUB: r = x - y; break;
    case PV_OP_MUL: r = x * y; break;
    case PV_OP_DIV: r = x / y; break;
    default: r = fmod(x, y); break;
    }
    *out = k == NK_FLOAT ? pv_float((float)r) : pv_double(r);
    return 0;
}

/* <0, 0, >0 for numbers and strings; 2 for unordered (NaN); raises for
 * other operands and returns INT32_MIN. */
static int compare(pv_vm *vm, pv_value a, pv_value b, const char *op)
{
    enum numk ka = numkind(vm, a), kb = numkind(vm, b);
    if (ka && kb) {
        if (ka <= NK_LONG && kb <= NK_LONG) {
            int64_t x = as_i64(a), y = as_i64(b);
            return (x > y) - (x < y);
        }
        double x = as_f64(vm, a), y = as_f64(vm, b);
        if (x != x || y != y)
            return 2;
        return (x > y) - (x < y);
    }
    if (pv_is_string(vm, a) && pv_is_string(vm, b)) {
        struct pv_string *x = pv_as_ptr(a), *y = pv_as_ptr(b);
        int c = memcmp(x->bytes, y->bytes, x->len < y->len ? x->len : y->len);
        return c ? (c > 0) - (c < 0) : (x->len > y->len) - (x->len < y->len);
    }
    type_error(vm, op, a, b);
    return INT32_MIN;
}

static bool truthy(pv_value v)
{
    return !(v == PV_NULL || v == PV_FALSE || v == pv_int(0));
}

/* A method written in Phantom that overrides ordinal o, or NULL. */
static struct pv_method *phantom_override(pv_vm *vm, pv_value v, uint32_t o)
{
    if (!pv_is_obj(v))
        return NULL;
    struct pv_class *c = pv_class_of(vm, v);
    struct pv_method *m = o < c->nvtable ? c->vtable[o] : NULL;
    return m && !(m->flags & PV_MF_NATIVE) ? m : NULL;
}

static int convert(pv_vm *vm, int to, pv_value v, pv_value *out)
{
    enum numk k = numkind(vm, v);
    if (to == PV_CONV_BOOL) {
        *out = pv_bool(truthy(v));
        return 0;
    }
    if (!k)
        return pv_throw(vm, PV_B_TYPE_EXC, "cannot convert %s to a number", type_name(vm, v));
    double d = as_f64(vm, v);
    int64_t i;
    if (k <= NK_LONG)
        i = as_i64(v);
    else if (d != d)
        i = 0;
    else if (d >= 9.2233720368547758e18)
        i = INT64_MAX;
    else if (d <= -9.2233720368547758e18)
        i = INT64_MIN;
    else
        i = (int64_t)d;
    switch (to) {
    case PV_CONV_INT:
        if (k > NK_LONG)   /* Java: saturate doubles to the int range */
            i = i > INT32_MAX ? INT32_MAX : i < INT32_MIN ? INT32_MIN : i;
        *out = pv_int((int32_t)(uint32_t)(uint64_t)i);
        return 0;
    case PV_CONV_LONG:
        *out = pv_make_long(vm, i);
        return *out == PV_NULL ? pv_throw_oom(vm) : 0;
    case PV_CONV_FLOAT: *out = pv_float((float)d); return 0;
    case PV_CONV_DOUBLE: *out = pv_double(d); return 0;
    default: *out = pv_char((uint32_t)i & 0x1FFFFFu); return 0;
    }
}

/* ---- monitors ------------------------------------------------------------- */

/* The mutex behind `synchronized(obj)`: an open-addressing table of
 * (object, mutex) pairs in root->monitors, keyed by the object's address.
 * The table refers to its keys without counting, and they are made
 * sticky; the complete collector drops the entries of unreachable keys
 * (a weak table) with pv_monitors_prune. */
/* obj's pair in a table of len values: its home pair, then linear
 * probing to obj's entry or the first empty one (len > 0, never full). */
static uint32_t monitor_slot(const struct pv_array *t, pv_value obj)
{
    uint32_t j = (uint32_t)((obj >> 4) * 0x9E3779B97F4A7C15ull >> 40) % (t->len / 2) * 2;
    while (t->items[j] != PV_NULL && t->items[j] != obj)
        j = (j + 2) % t->len;
    return j;
}

/* A new table of len values holding the old one's pairs (those whose
 * key `keep` accepts, if given).  The root refers to it without
 * counting: it is sticky.  NULL, and the old table unchanged, when out
 * of memory. */
static struct pv_array *monitors_copy(pv_vm *vm, uint32_t len, bool (*keep)(pv_vm *vm, pv_value key))
{
    struct pv_array *t = vm->root->monitors;
    vm->alloc_sticky++;
    struct pv_array *nt = pv_array_new(vm, len);
    vm->alloc_sticky--;
    if (!nt)
        return NULL;
    for (uint32_t i = 0; i < t->len; i += 2)
        if (t->items[i] != PV_NULL && (!keep || keep(vm, t->items[i]))) {
            uint32_t k = monitor_slot(nt, t->items[i]);
            nt->items[k] = t->items[i];
            nt->items[k + 1] = t->items[i + 1];
        }
    vm->root->monitors = nt;
    return nt;
}

void pv_monitors_prune(pv_vm *vm, bool (*keep)(pv_vm *vm, pv_value key))
{
    uint32_t len = vm->root->monitors->len;
    if (len)
        monitors_copy(vm, len, keep);   /* out of memory: every entry stays */
}

static struct pv_mutex *monitor_of(pv_vm *vm, pv_value obj)
{
    struct pv_array *t = vm->root->monitors;
    if (t->len) {
        uint32_t j = monitor_slot(t, obj);
        if (t->items[j] == obj)
            return pv_as_ptr(t->items[j + 1]);
    }
    /* A new entry.  Counting is linear, but it happens once per object
     * ever synchronized on; the table keeps its load under 1/2. */
    uint32_t used = 0;
    for (uint32_t i = 0; i < t->len; i += 2)
        used += t->items[i] != PV_NULL;
    if ((used + 1) * 4 > t->len && !(t = monitors_copy(vm, t->len ? t->len * 2 : 32, NULL)))
        return NULL;
    struct pv_mutex *mx = pv_alloc_obj(vm, vm->b[PV_B_MUTEX], sizeof *mx);
    if (!mx)
        return NULL;
    ((struct pv_obj *)pv_as_ptr(obj))->gc |= PV_GC_STICKY;
    uint32_t j = monitor_slot(t, obj);
    t->items[j] = obj;
    t->items[j + 1] = pv_from_ptr(mx);
    return mx;
}

struct pv_mutex *pv_monitor_of(pv_vm *vm, pv_value obj)
{
    return monitor_of(vm, obj);
}

/* The object whose monitor a synchronized method holds. */
static pv_value frame_monitor(const struct pv_method *m, const pv_value *base)
{
    return (m->flags & PV_MF_STATIC) ? pv_from_ptr(m->owner) : base[0];
}

/* ---- the loop ----------------------------------------------------------------- */

#define SAVE()                                   \
    do {                                         \
        f->pc = (uint32_t)(ip - code);           \
        f->sp = (uint32_t)(sp - t->stack);       \
    } while (0)

#define LOAD_FRAME()                             \
    do {                                         \
        f = &t->frames[t->nframes - 1];          \
        m = f->m;                                \
        code = m->code;                          \
        ip = code + f->pc;                       \
        base = t->stack + f->base;               \
        sp = t->stack + f->sp;                   \
        kval = m->owner->kval;                   \
        kref = m->owner->kref;                   \
    } while (0)

/* Both values are ints (one test for both tags). */
#define BOTH_INT(a, b) ((((a) ^ PV_MKTAG(PV_TINT)) | ((b) ^ PV_MKTAG(PV_TINT))) >> 32 == 0)

/* An int op int fast path: when both operands are ints and `ok` holds
 * (x and y name them), the result is `expr`; else the general case. */
#define INT_BINOP(expr, ok)                                        \
    do {                                                           \
        if (BOTH_INT(sp[-2], sp[-1])) {                            \
            int32_t x = pv_as_int(sp[-2]), y = pv_as_int(sp[-1]);  \
            if (ok) {                                              \
                sp[-2] = pv_int(expr);                             \
                sp--;                                              \
                ip++;                                              \
                NEXT;                                              \
            }                                                      \
        }                                                          \
        goto arith_slow;                                           \
    } while (0)

/* The same with a double op double fast path (dx and dy name them). */
#define NUM_BINOP(expr, ok, dexpr)                                 \
    do {                                                           \
        pv_value l_ = sp[-2], r_ = sp[-1];                         \
        if (pv_is_double(l_) && pv_is_double(r_)) {                \
            double dx = pv_as_double(l_), dy = pv_as_double(r_);   \
            sp[-2] = pv_double(dexpr);                             \
            sp--;                                                  \
            ip++;                                                  \
            NEXT;                                                  \
        }                                                          \
        INT_BINOP(expr, ok);                                       \
    } while (0)

/* -1, 0, 1, or 2 for unordered: ints and doubles inline, the rest through
 * compare() (which raises and gives INT32_MIN for non-comparable ones). */
#define COMPARE(c, a, b, opname)                                   \
    do {                                                           \
        if (BOTH_INT(a, b)) {                                      \
            c = (pv_as_int(a) > pv_as_int(b)) - (pv_as_int(a) < pv_as_int(b)); \
        } else if (pv_is_double(a) && pv_is_double(b)) {           \
            double x_ = pv_as_double(a), y_ = pv_as_double(b);     \
            c = x_ < y_ ? -1 : x_ > y_ ? 1 : x_ == y_ ? 0 : 2;     \
        } else if ((c = compare(vm, a, b, opname)) == INT32_MIN) { \
            goto unwind_here;                                      \
        }                                                          \
    } while (0)

/* Continue at `to_`; a backward branch is a safepoint. */
#define BRANCH(to_)                              \
    do {                                         \
        const uint8_t *to = (to_);               \
        bool back = to <= ip;                    \
        ip = to;                                 \
        if (back)                                \
            SAFEPOINT();                         \
        NEXT;                                    \
    } while (0)

/* A fused comparison (quicken.h) has popped its operands; `res` is the
 * comparison's result.  The jt or jf after it (at ip + 1, target at
 * ip + 2) decides, and execution continues past both or at the target. */
#define JCOND(res)                                                          \
    BRANCH(((res) == (ip[1] == PV_OP_JT)) ? code + pv_rd32(ip + 2) : ip + 6)

/* <, <=, >, >= (name: the unfused mnemonic, for the error message; test:
 * the result from c, the outcome of COMPARE).  PUSH pushes the bool;
 * JUMP is the fused form with the conditional jump after it. */
#define ORDER_PUSH(test, name)                   \
    do {                                         \
        int c;                                   \
        a = sp[-2];                              \
        b = sp[-1];                              \
        COMPARE(c, a, b, name);                  \
        sp[-2] = pv_bool(c != 2 && (test));      \
        sp--;                                    \
        ip++;                                    \
        NEXT;                                    \
    } while (0)
#define ORDER_JUMP(test, name)                   \
    do {                                         \
        int c;                                   \
        a = sp[-2];                              \
        b = sp[-1];                              \
        COMPARE(c, a, b, name);                  \
        sp -= 2;                                 \
        JCOND(c != 2 && (test));                 \
    } while (0)

/* Raise from inside the loop: the faulting instruction is `ins`. */
#define THROW(...)                               \
    do {                                         \
        ip = ins;                                \
        pv_throw(vm, __VA_ARGS__);               \
        goto unwind;                             \
    } while (0)

/* expr returns 0, or nonzero with an exception raised. */
#define CHECK(expr)                              \
    do {                                         \
        if ((expr) != 0) {                       \
            ip = ins;                            \
            goto unwind;                         \
        }                                        \
    } while (0)

#define THROW_OOM()                              \
    do {                                         \
        ip = ins;                                \
        pv_throw_oom(vm);                        \
        goto unwind;                             \
    } while (0)

/* Backward branches and calls are safepoints: a snapshot may take the
 * world here, and the thread may yield to others. */
#define SAFEPOINT()                              \
    do {                                         \
        if (--budget == 0 || atomic_load_explicit(stopf, memory_order_relaxed)) { \
            SAVE();                              \
            if (atomic_load_explicit(stopf, memory_order_relaxed)) { \
                pv_out_flush(vm);                \
                pw_safepoint(vm->w);             \
            }                                    \
            if (budget == 0)                     \
                return PV_RUN_YIELD;             \
        }                                        \
    } while (0)

/* x op y where x and y are both ints (32-bit, wrapping) or both doubles
 * and, for div and rem of ints, y is neither 0 nor -1: sets *r and
 * returns true.  Otherwise false, and arith() decides (mixed kinds, longs,
 * exceptions).  op is a constant at every use, so the switch folds away. */
static inline bool arith_fast(int op, pv_value a, pv_value b, pv_value *r)
{
    if (BOTH_INT(a, b)) {
        int32_t x = pv_as_int(a), y = pv_as_int(b);
        switch (op) {
        case PV_OP_ADD: *r = pv_int((int32_t)((uint32_t)x + (uint32_t)y)); return true;
        case PV_OP_SUB: *r = pv_int((int32_t)((uint32_t)x - (uint32_t)y)); return true;
        case PV_OP_MUL: *r = pv_int((int32_t)((uint32_t)x * (uint32_t)y)); return true;
        case PV_OP_DIV: if (y == 0 || y == -1) return false; *r = pv_int(x / y); return true;
        case PV_OP_REM: if (y == 0 || y == -1) return false; *r = pv_int(x % y); return true;
        default: return false;
        }
    }
    if (pv_is_double(a) && pv_is_double(b)) {
        double dx = pv_as_double(a), dy = pv_as_double(b);
        switch (op) {
        case PV_OP_ADD: *r = pv_double(dx + dy); return true;
        case PV_OP_SUB: *r = pv_double(dx - dy); return true;
        case PV_OP_MUL: *r = pv_double(dx * dy); return true;
        case PV_OP_DIV: *r = pv_double(dx / dy); return true;
        case PV_OP_REM: *r = pv_double(fmod(dx, dy)); return true;
        default: return false;
        }
    }
    return false;
}

/* x c y for the compare c of a fused compare-and-jump (PV_QOP_*_JCOND). */
static inline bool int_holds(uint8_t c, int32_t x, int32_t y)
{
    switch (c) {
    case PV_QOP_EQ_JCOND: return x == y;
    case PV_QOP_NE_JCOND: return x != y;
    case PV_QOP_LT_JCOND: return x < y;
    case PV_QOP_LE_JCOND: return x <= y;
    case PV_QOP_GT_JCOND: return x > y;
    default: HAL_ASSERT(c == PV_QOP_GE_JCOND); return x >= y;
    }
}

/* A fused `op; store l`.  The general case may box a long: it polls. */
#define ARITH_STORE(op)                                            \
    do {                                                           \
        if (!arith_fast(op, sp[-2], sp[-1], &r)) {                 \
            CHECK(arith(vm, op, sp[-2], sp[-1], &r));              \
            GC_POLL();                                             \
        }                                                          \
        sp -= 2;                                                   \
        base[pv_rd16(ip + 2)] = r;                                 \
        ip += 4;                                                   \
        NEXT;                                                      \
    } while (0)

/* A fused `I; op` where instruction I (n bytes) pushes `operand`. */
#define ARITH_WITH(op, operand, n)                                 \
    do {                                                           \
        b = (operand);                                             \
        ip += (n);                                                 \
        if (arith_fast(op, sp[-1], b, &r)) {                       \
            sp[-1] = r;                                            \
            ip++;                                                  \
            NEXT;                                                  \
        }                                                          \
        *sp++ = b;                                                 \
        NEXT;                                                      \
    } while (0)

/* A fused `load a; load b; op`; any but the common case goes to
 * triple_slow. */
#define LOAD_LOAD_ARITH(op)                                        \
    do {                                                           \
        a = base[pv_rd16(ip + 1)];                                 \
        b = base[pv_rd16(ip + 4)];                                 \
        if (arith_fast(op, a, b, &r)) {                            \
            *sp++ = r;                                             \
            ip += 7;                                               \
            NEXT;                                                  \
        }                                                          \
        ip += 6;                                                   \
        goto triple_slow;                                          \
    } while (0)

/* Allocation calls for collection work: end the slice at the next
 * safepoint, where the scheduler runs a collector step.  Every
 * instruction that may allocate polls (new objects and arrays, string
 * building, slow arithmetic that boxes longs, native calls): the pacing
 * (docs/GC.md) holds only if a step follows every PV_GC_POLL_BYTES of
 * allocation, whichever instruction made it.  One that did not poll let a
 * string-building loop allocate for a whole slice (20,000 iterations,
 * hundreds of megabytes of large strings) between two steps. */
#define GC_POLL()                                \
    do {                                         \
        if (vm->gch->alloc_since_poll >= vm->gch->poll_bytes) \
            budget = 1;                          \
    } while (0)

/* Dispatch.  With GCC or Clang each instruction jumps straight to the
 * next one's code through a table of label addresses ("threaded code", a
 * GNU C extension): every opcode gets its own indirect branch, which the
 * CPU predicts far better than the single shared jump of a switch, and the
 * switch's range check goes away.  Other compilers use the switch. */
#if defined(__GNUC__) && !defined(PV_NO_THREADED)
#define PV_THREADED 1
#endif

#define CASE(op) case PV_OP_##op: L_##op:
#ifdef PV_THREADED
#define NEXT                                     \
    do {                                         \
        ins = ip;                                \
        goto *dispatch[*ip];                     \
    } while (0)
#else
#define NEXT continue
#endif

enum pv_run_result pv_interp_run(pv_vm *vm, struct pv_thread *t, uint32_t budget)
{
#ifdef PV_THREADED
    /* Every byte value has an entry: unknown opcodes (which the verifier
     * keeps out) land on L_BAD.  The opcode entries deliberately override
     * the range default. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static const void *const dispatch[256] = {
        [0 ... 255] = &&L_BAD,
#define PV_OP_LABEL(name, mn, fmt, pops, pushes) [PV_OP_##name] = &&L_##name,
        PV_OPCODES(PV_OP_LABEL)
#undef PV_OP_LABEL
        [PV_QOP_LOAD_LOAD] = &&L_Q_LOAD_LOAD,
        [PV_QOP_LOAD_PUSHINT] = &&L_Q_LOAD_PUSHINT,
        [PV_QOP_LOAD_GETFIELD] = &&L_Q_LOAD_GETFIELD,
        [PV_QOP_ADD_STORE] = &&L_Q_ADD_STORE,
        [PV_QOP_LT_JCOND] = &&L_Q_LT_JCOND,
        [PV_QOP_LE_JCOND] = &&L_Q_LE_JCOND,
        [PV_QOP_GT_JCOND] = &&L_Q_GT_JCOND,
        [PV_QOP_GE_JCOND] = &&L_Q_GE_JCOND,
        [PV_QOP_EQ_JCOND] = &&L_Q_EQ_JCOND,
        [PV_QOP_NE_JCOND] = &&L_Q_NE_JCOND,
        [PV_QOP_LOAD_LOAD_ALOAD] = &&L_Q_LOAD_LOAD_ALOAD,
        [PV_QOP_LOAD_LOAD_JCMP] = &&L_Q_LOAD_LOAD_JCMP,
        [PV_QOP_LOAD_PUSHINT_JCMP] = &&L_Q_LOAD_PUSHINT_JCMP,
        [PV_QOP_PUSHINT_ADD] = &&L_Q_PUSHINT_ADD,
        [PV_QOP_PUSHINT_SUB] = &&L_Q_PUSHINT_SUB,
        [PV_QOP_PUSHINT_MUL] = &&L_Q_PUSHINT_MUL,
        [PV_QOP_PUSHINT_DIV] = &&L_Q_PUSHINT_DIV,
        [PV_QOP_PUSHINT_REM] = &&L_Q_PUSHINT_REM,
        [PV_QOP_LOAD_ADD] = &&L_Q_LOAD_ADD,
        [PV_QOP_LOAD_SUB] = &&L_Q_LOAD_SUB,
        [PV_QOP_LOAD_MUL] = &&L_Q_LOAD_MUL,
        [PV_QOP_LOAD_DIV] = &&L_Q_LOAD_DIV,
        [PV_QOP_SUB_STORE] = &&L_Q_SUB_STORE,
        [PV_QOP_MUL_STORE] = &&L_Q_MUL_STORE,
        [PV_QOP_LOAD_LOAD_ADD] = &&L_Q_LOAD_LOAD_ADD,
        [PV_QOP_LOAD_LOAD_SUB] = &&L_Q_LOAD_LOAD_SUB,
        [PV_QOP_LOAD_LOAD_MUL] = &&L_Q_LOAD_LOAD_MUL,
        [PV_QOP_LOAD_PUSHINT_CJUMP] = &&L_Q_LOAD_PUSHINT_CJUMP,
        [PV_QOP_LOAD_CJUMP] = &&L_Q_LOAD_CJUMP,
        [PV_QOP_LOAD_JCMP] = &&L_Q_LOAD_JCMP,
    };
#pragma GCC diagnostic pop
#endif
    struct pv_frame *f;
    struct pv_method *m, *callee;
    const uint8_t *code, *ip, *ins;
    pv_value *base, *sp, *kval, *args;
    struct pv_cref *kref;
    uint32_t argc, callflags;
    pv_value a, b, r;

    /* The engine's stop request, read at every safepoint. */
    const atomic_int *stopf = &((struct pw_world_head *)(void *)vm->w)->stop_flag;

    if (budget == 0)
        budget = 1;
    LOAD_FRAME();
    if (m->flags & PV_MF_NATIVE) {
        /* A native has no code to run in a frame.  pv_thread_push_entry
         * refuses them, so only a world made by an older VM holds such a
         * thread (.internal.thread.start(5) made one): it ends with an
         * exception instead of crashing every boot. */
        t->nframes = 0;
        pv_throw(vm, PV_B_TYPE_EXC, "%s.%s is a native method and cannot be a thread's body",
                 m->owner->name->bytes, m->name->bytes);
        return PV_RUN_DONE;
    }
    ins = ip;
    if (t->exc != PV_NULL)   /* raised while the thread was away (a native that blocked) */
        goto unwind;

    for (;;) {
        ins = ip;
#ifdef PV_THREADED
        goto *dispatch[*ip];
#endif
        switch (*ip) {
        CASE(NOP) ip++; NEXT;
        CASE(PUSHNULL) *sp++ = PV_NULL; ip++; NEXT;
        CASE(PUSHTRUE) *sp++ = PV_TRUE; ip++; NEXT;
        CASE(PUSHFALSE) *sp++ = PV_FALSE; ip++; NEXT;
        CASE(PUSHINT) *sp++ = pv_int((int32_t)pv_rd32(ip + 1)); ip += 5; NEXT;
        CASE(PUSHCONST) *sp++ = kval[pv_rd32(ip + 1)]; ip += 5; NEXT;
        CASE(LOAD) *sp++ = base[pv_rd16(ip + 1)]; ip += 3; NEXT;

        /* Fused pairs (quicken.c): the second instruction's bytes follow
         * the first's, unchanged. */
        case PV_QOP_LOAD_LOAD: L_Q_LOAD_LOAD:
            sp[0] = base[pv_rd16(ip + 1)];
            sp[1] = base[pv_rd16(ip + 4)];
            sp += 2;
            ip += 6;
            NEXT;
        case PV_QOP_LOAD_PUSHINT: L_Q_LOAD_PUSHINT:
            sp[0] = base[pv_rd16(ip + 1)];
            sp[1] = pv_int((int32_t)pv_rd32(ip + 4));
            sp += 2;
            ip += 8;
            NEXT;
        case PV_QOP_LOAD_GETFIELD: L_Q_LOAD_GETFIELD:
            *sp++ = base[pv_rd16(ip + 1)];
            ip += 3;
            ins = ip;
            goto getfield;
        case PV_QOP_ADD_STORE: L_Q_ADD_STORE: ARITH_STORE(PV_OP_ADD);
        case PV_QOP_SUB_STORE: L_Q_SUB_STORE: ARITH_STORE(PV_OP_SUB);
        case PV_QOP_MUL_STORE: L_Q_MUL_STORE: ARITH_STORE(PV_OP_MUL);
        /* Arithmetic on an operand the first instruction pushes: the
         * common case inline; any other pushes it and runs the arithmetic
         * instruction (an original opcode, or its own fused pair) as
         * itself. */
        case PV_QOP_PUSHINT_ADD: L_Q_PUSHINT_ADD: ARITH_WITH(PV_OP_ADD, pv_int((int32_t)pv_rd32(ip + 1)), 5);
        case PV_QOP_PUSHINT_SUB: L_Q_PUSHINT_SUB: ARITH_WITH(PV_OP_SUB, pv_int((int32_t)pv_rd32(ip + 1)), 5);
        case PV_QOP_PUSHINT_MUL: L_Q_PUSHINT_MUL: ARITH_WITH(PV_OP_MUL, pv_int((int32_t)pv_rd32(ip + 1)), 5);
        case PV_QOP_PUSHINT_DIV: L_Q_PUSHINT_DIV: ARITH_WITH(PV_OP_DIV, pv_int((int32_t)pv_rd32(ip + 1)), 5);
        case PV_QOP_PUSHINT_REM: L_Q_PUSHINT_REM: ARITH_WITH(PV_OP_REM, pv_int((int32_t)pv_rd32(ip + 1)), 5);
        case PV_QOP_LOAD_ADD: L_Q_LOAD_ADD: ARITH_WITH(PV_OP_ADD, base[pv_rd16(ip + 1)], 3);
        case PV_QOP_LOAD_SUB: L_Q_LOAD_SUB: ARITH_WITH(PV_OP_SUB, base[pv_rd16(ip + 1)], 3);
        case PV_QOP_LOAD_MUL: L_Q_LOAD_MUL: ARITH_WITH(PV_OP_MUL, base[pv_rd16(ip + 1)], 3);
        case PV_QOP_LOAD_DIV: L_Q_LOAD_DIV: ARITH_WITH(PV_OP_DIV, base[pv_rd16(ip + 1)], 3);
        /* Fused triples: the common case inline; any other goes to
         * triple_slow with the operands in a and b and ip on the last
         * instruction. */
        case PV_QOP_LOAD_LOAD_ALOAD: L_Q_LOAD_LOAD_ALOAD:
            a = base[pv_rd16(ip + 1)];
            b = base[pv_rd16(ip + 4)];
            if (pv_is_obj(a) && pv_is_int(b) && ((struct pv_obj *)pv_as_ptr(a))->cls->kind == PV_K_ARRAY) {
                struct pv_array *arr = pv_as_ptr(a);
                if ((uint32_t)pv_as_int(b) < arr->len) {
                    *sp++ = arr->items[pv_as_int(b)];
                    ip += 7;
                    NEXT;
                }
            }
            ip += 6;
            goto triple_slow;
        case PV_QOP_LOAD_PUSHINT_CJUMP: L_Q_LOAD_PUSHINT_CJUMP:
            a = base[pv_rd16(ip + 1)];
            b = pv_int((int32_t)pv_rd32(ip + 4));
            if (pv_is_int(a))   /* the compare at ip + 8, fused with the jump at ip + 9 */
                BRANCH(int_holds(ip[8], pv_as_int(a), pv_as_int(b)) == (ip[9] == PV_OP_JT) ? code + pv_rd32(ip + 10)
                                                                                          : ip + 14);
            ip += 8;
            goto triple_slow;
        /* load b; compare; jump (and load b; jlt/jge): the left operand is
         * on the stack.  Any but two ints: b pushed, the compare runs as
         * itself. */
        case PV_QOP_LOAD_CJUMP: L_Q_LOAD_CJUMP:
            b = base[pv_rd16(ip + 1)];
            if (BOTH_INT(sp[-1], b)) {
                bool holds = int_holds(ip[3], pv_as_int(sp[-1]), pv_as_int(b));
                sp--;
                BRANCH(holds == (ip[4] == PV_OP_JT) ? code + pv_rd32(ip + 5) : ip + 9);
            }
            *sp++ = b;
            ip += 3;
            NEXT;
        case PV_QOP_LOAD_JCMP: L_Q_LOAD_JCMP:
            b = base[pv_rd16(ip + 1)];
            if (BOTH_INT(sp[-1], b)) {
                bool lt = pv_as_int(sp[-1]) < pv_as_int(b);
                sp--;
                BRANCH(lt == (ip[3] == PV_OP_JLT) ? code + pv_rd32(ip + 4) : ip + 8);
            }
            *sp++ = b;
            ip += 3;
            NEXT;
        case PV_QOP_LOAD_LOAD_ADD: L_Q_LOAD_LOAD_ADD: LOAD_LOAD_ARITH(PV_OP_ADD);
        case PV_QOP_LOAD_LOAD_SUB: L_Q_LOAD_LOAD_SUB: LOAD_LOAD_ARITH(PV_OP_SUB);
        case PV_QOP_LOAD_LOAD_MUL: L_Q_LOAD_LOAD_MUL: LOAD_LOAD_ARITH(PV_OP_MUL);
        case PV_QOP_LOAD_LOAD_JCMP: L_Q_LOAD_LOAD_JCMP:
            a = base[pv_rd16(ip + 1)];
            b = base[pv_rd16(ip + 4)];
            if (BOTH_INT(a, b))
                BRANCH((pv_as_int(a) < pv_as_int(b)) == (ip[6] == PV_OP_JLT) ? code + pv_rd32(ip + 7) : ip + 11);
            ip += 6;
            goto triple_slow;
        case PV_QOP_LOAD_PUSHINT_JCMP: L_Q_LOAD_PUSHINT_JCMP:
            a = base[pv_rd16(ip + 1)];
            b = pv_int((int32_t)pv_rd32(ip + 4));
            if (pv_is_int(a))
                BRANCH((pv_as_int(a) < pv_as_int(b)) == (ip[8] == PV_OP_JLT) ? code + pv_rd32(ip + 9) : ip + 13);
            ip += 8;
        triple_slow:
            /* The operands pushed, the last instruction (an original
             * opcode) runs as itself: its errors and pcs are the unfused
             * ones. */
            sp[0] = a;
            sp[1] = b;
            sp += 2;
            NEXT;
        CASE(STORE) base[pv_rd16(ip + 1)] = *--sp; ip += 3; NEXT;
        CASE(INCLOCAL) {
            pv_value *l = &base[pv_rd16(ip + 1)];
            int16_t d = (int16_t)pv_rd16(ip + 3);
            if (pv_is_int(*l))
                *l = pv_int((int32_t)((uint32_t)pv_as_int(*l) + (uint32_t)(int32_t)d));
            else if (!numkind(vm, *l))
                THROW(PV_B_TYPE_EXC, "inclocal of %s", type_name(vm, *l));
            else
                CHECK(arith(vm, PV_OP_ADD, *l, pv_int(d), l));
            ip += 5;
            NEXT;
        }
        CASE(POP) sp--; ip++; NEXT;
        CASE(DUP) sp[0] = sp[-1]; sp++; ip++; NEXT;
        CASE(DUP2) sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; ip++; NEXT;
        CASE(DUPX1) a = sp[-2]; b = sp[-1]; sp[-2] = b; sp[-1] = a; *sp++ = b; ip++; NEXT;
        CASE(DUPX2) {
            pv_value c = sp[-1];
            sp[0] = c;
            sp[-1] = sp[-2];
            sp[-2] = sp[-3];
            sp[-3] = c;
            sp++;
            ip++;
            NEXT;
        }
        CASE(SWAP) a = sp[-1]; sp[-1] = sp[-2]; sp[-2] = a; ip++; NEXT;

        CASE(GETFIELD) CASE(PUTFIELD)
        getfield: {
            struct pv_cref *fr = &kref[pv_rd32(ip + 1)];
            bool put = *ip == PV_OP_PUTFIELD;
            a = put ? sp[-2] : sp[-1];
            if (!pv_is_obj(a))
                THROW(a == PV_NULL ? PV_B_NULL_EXC : PV_B_TYPE_EXC, "%s of field %s on %s", put ? "assignment" : "read",
                      ((struct pv_class *)fr->p)->field_names[fr->a]->bytes, type_name(vm, a));
            struct pv_instance *o = pv_as_ptr(a);
            if (o->h.cls != fr->p && !pv_is_subclass(o->h.cls, fr->p))
                THROW(PV_B_TYPE_EXC, "an object of class %s has no field %s", o->h.cls->name->bytes,
                      ((struct pv_class *)fr->p)->field_names[fr->a]->bytes);
            if (put) {
                if (o->h.flags & PV_OF_IMMUTABLE)
                    THROW(PV_B_STATE_EXC, "object of class %s is immutable", o->h.cls->name->bytes);
                pv_gc_write(vm, &o->slot[fr->a], sp[-1]);
                sp -= 2;
            } else {
                sp[-1] = o->slot[fr->a];
            }
            ip += 5;
            NEXT;
        }
        CASE(GETSTATIC) {
            struct pv_cref *fr = &kref[pv_rd32(ip + 1)];
            *sp++ = ((struct pv_class *)fr->p)->statics[fr->a];
            ip += 5;
            NEXT;
        }
        CASE(PUTSTATIC) {
            struct pv_cref *fr = &kref[pv_rd32(ip + 1)];
            sp--;
            pv_gc_write(vm, &((struct pv_class *)fr->p)->statics[fr->a], *sp);
            ip += 5;
            NEXT;
        }

        /* Arithmetic: int (op) int inline; everything else in arith_slow. */
        CASE(ADD) NUM_BINOP((int32_t)((uint32_t)x + (uint32_t)y), true, dx + dy);
        CASE(SUB) NUM_BINOP((int32_t)((uint32_t)x - (uint32_t)y), true, dx - dy);
        CASE(MUL) NUM_BINOP((int32_t)((uint32_t)x * (uint32_t)y), true, dx * dy);
        CASE(DIV) NUM_BINOP(x / y, y != 0 && y != -1, dx / dy);
        CASE(REM) NUM_BINOP(x % y, y != 0 && y != -1, fmod(dx, dy));
        CASE(BAND) INT_BINOP(x & y, true);
        CASE(BOR) INT_BINOP(x | y, true);
        CASE(BXOR) INT_BINOP(x ^ y, true);
        CASE(SHL) INT_BINOP((int32_t)((uint32_t)x << (y & 31)), true);
        CASE(SHR) INT_BINOP(x >> (y & 31), true);
        CASE(USHR) INT_BINOP((int32_t)((uint32_t)x >> (y & 31)), true);
        arith_slow:
            CHECK(arith(vm, *ip, sp[-2], sp[-1], &r));
            sp[-2] = r;
            sp--;
            ip++;
            GC_POLL();
            NEXT;
        CASE(NEG)
            a = sp[-1];
            if (pv_is_int(a))
                sp[-1] = pv_int((int32_t)(0u - (uint32_t)pv_as_int(a)));
            else if (pv_is_double(a))
                sp[-1] = pv_double(-pv_as_double(a));
            else if (pv_is_float(a))
                sp[-1] = pv_float(-pv_as_float(a));
            else
                CHECK(arith(vm, PV_OP_SUB, numkind(vm, a) == NK_LONG ? pv_long48(0) : pv_int(0), a, &sp[-1]));
            ip++;
            NEXT;
        CASE(BNOT)
            a = sp[-1];
            if (pv_is_bool(a))
                THROW(PV_B_TYPE_EXC, "operator ~ cannot be applied to %s", type_name(vm, a));
            CHECK(arith(vm, PV_OP_BXOR, a, pv_is_int(a) ? pv_int(-1) : pv_long48(-1), &sp[-1]));
            ip++;
            NEXT;
        CASE(NOT) sp[-1] = pv_bool(!truthy(sp[-1])); ip++; NEXT;

        /* == and != (plain, or fused with the jump after them): numbers
         * by value, a Phantom-written equals when the left operand's
         * class has one (called; its result is pushed and the jump runs
         * as an instruction of its own), else the native equality. */
        CASE(EQ) CASE(NE)
        case PV_QOP_EQ_JCOND: L_Q_EQ_JCOND:
        case PV_QOP_NE_JCOND: L_Q_NE_JCOND: {
            bool is_eq = *ip == PV_OP_EQ || *ip == PV_QOP_EQ_JCOND, same;
            a = sp[-2];
            b = sp[-1];
            if (a == b && !pv_is_double(a) && !pv_is_float(a)) {   /* NaN != NaN */
                same = true;
            } else if (BOTH_INT(a, b)) {
                same = false;
            } else if ((callee = phantom_override(vm, a, 4))) {
                argc = 2;
                args = sp - 2;
                callflags = is_eq ? PV_FR_TRUTH : PV_FR_NEGATE;
                goto call_bytecode;
            } else {
                same = pv_equals_native(vm, a, b);
            }
            if (*ip >= PV_OP_COUNT) {
                sp -= 2;
                JCOND(same == is_eq);
            }
            sp[-2] = pv_bool(same == is_eq);
            sp--;
            ip++;
            NEXT;
        }
        CASE(LT) ORDER_PUSH(c < 0, "lt");
        CASE(LE) ORDER_PUSH(c <= 0, "le");
        CASE(GT) ORDER_PUSH(c > 0, "gt");
        CASE(GE) ORDER_PUSH(c >= 0, "ge");
        case PV_QOP_LT_JCOND: L_Q_LT_JCOND: ORDER_JUMP(c < 0, "lt");
        case PV_QOP_LE_JCOND: L_Q_LE_JCOND: ORDER_JUMP(c <= 0, "le");
        case PV_QOP_GT_JCOND: L_Q_GT_JCOND: ORDER_JUMP(c > 0, "gt");
        case PV_QOP_GE_JCOND: L_Q_GE_JCOND: ORDER_JUMP(c >= 0, "ge");
        CASE(REFEQ) CASE(REFNE)
            a = sp[-2];
            b = sp[-1];
            /* Identity; numbers by value, so boxed longs compare like
             * immediate ones (a box has no identity a program can use). */
            r = pv_bool((a == b || (pv_is_obj(a) && pv_is_obj(b) && pv_is_long(vm, a) && pv_is_long(vm, b) &&
                                    pv_long_of(a) == pv_long_of(b))) == (*ip == PV_OP_REFEQ));
            sp[-2] = r;
            sp--;
            ip++;
            NEXT;

        CASE(JMP) BRANCH(code + pv_rd32(ip + 1));
        CASE(JT) CASE(JF) {
            bool c = truthy(*--sp) == (*ip == PV_OP_JT);
            BRANCH(c ? code + pv_rd32(ip + 1) : ip + 5);
        }
        CASE(JLT) CASE(JGE) {
            a = sp[-2];
            b = sp[-1];
            int c;
            COMPARE(c, a, b, *ip == PV_OP_JLT ? "<" : ">=");
            sp -= 2;
            bool jump = c != 2 && (*ip == PV_OP_JLT ? c < 0 : c >= 0);
            BRANCH(jump ? code + pv_rd32(ip + 1) : ip + 5);
        }

        CASE(INVOKEVIRTUAL) {
            struct pv_cref *mr = &kref[pv_rd32(ip + 1)];
            argc = ip[5] + 1u;
            args = sp - argc;
            a = args[0];
            if (a == PV_NULL)
                THROW(PV_B_NULL_EXC, "call of %s on null", ((struct pv_method *)mr->p)->name->bytes);
            struct pv_class *c = pv_class_of(vm, a);
            struct pv_method *want = mr->p;
            callee = NULL;
            if (mr->a != PV_NO_ORDINAL && (c == want->owner || pv_is_subclass(c, want->owner)))
                callee = c->vtable[mr->a];
            else if (mr->cache_cls == c)
                callee = mr->cache_m;
            else if ((callee = pv_call_cache_get(vm, c, want)))
                HAL_ASSERT(callee == lookup_virtual(c, want));
            else if ((callee = lookup_virtual(c, want))) {
                mr->cache_cls = c;
                mr->cache_m = callee;
                pv_call_cache_put(vm, c, want, callee);
            }
            if (!callee)
                THROW(PV_B_NOMETHOD_EXC, "class %s has no method %s%s", c->name->bytes, want->name->bytes,
                      want->desc->bytes);
            callflags = 0;
            goto call;
        }
        CASE(INVOKEORD) {
            uint32_t o = pv_rd16(ip + 1);
            argc = ip[3] + 1u;
            args = sp - argc;
            if (args[0] == PV_NULL)
                THROW(PV_B_NULL_EXC, "call of method ordinal %u on null", (unsigned)o);
            struct pv_class *c = pv_class_of(vm, args[0]);
            callee = o < c->nvtable ? c->vtable[o] : NULL;
            if (!callee)
                THROW(PV_B_NOMETHOD_EXC, "class %s has no method with ordinal %u", c->name->bytes, (unsigned)o);
            callflags = 0;
            goto call;
        }
        CASE(INVOKENAME) {
            uint32_t k = pv_rd32(ip + 1);
            struct pv_cref *mr = &kref[k];
            argc = ip[5] + 1u;
            args = sp - argc;
            struct pv_string *name = pv_as_ptr(kval[k]);
            if (args[0] == PV_NULL)
                THROW(PV_B_NULL_EXC, "call of %s on null", name->bytes);
            struct pv_class *c = pv_class_of(vm, args[0]);
            /* One name constant may be called with different argument
             * counts: the cache holds the last (class, count) pair. */
            if (mr->cache_cls == c && mr->cache_m->nargs + 1u == argc) {
                callee = mr->cache_m;
            } else if ((callee = pv_call_cache_get(vm, c, mr)) && callee->nargs + 1u == argc) {
                HAL_ASSERT(callee == pv_find_method(c, name->bytes, (int)argc - 1));
            } else if ((callee = pv_find_method(c, name->bytes, (int)argc - 1))) {
                mr->cache_cls = c;
                mr->cache_m = callee;
                pv_call_cache_put(vm, c, mr, callee);
            } else {
                for (int n = 0; n <= (int)PV_CF_MAX_ARGS; n++)
                    if (pv_find_method(c, name->bytes, n))
                        THROW(PV_B_ARITY_EXC, "method %s of class %s takes %d argument%s, not %u", name->bytes,
                              c->name->bytes, n, n == 1 ? "" : "s", (unsigned)(argc - 1));
                THROW(PV_B_NOMETHOD_EXC, "class %s has no method %s", c->name->bytes, name->bytes);
            }
            callflags = 0;
            goto call;
        }
        CASE(INVOKESTATIC) CASE(INVOKESPECIAL) {
            struct pv_cref *mr = &kref[pv_rd32(ip + 1)];
            argc = ip[5] + (*ip == PV_OP_INVOKESPECIAL);
            args = sp - argc;
            callee = mr->p;
            if (*ip == PV_OP_INVOKESPECIAL && args[0] == PV_NULL)
                THROW(PV_B_NULL_EXC, "call of %s on null", callee->name->bytes);
            callflags = 0;
            goto call_linked;   /* arity, static-ness, abstract: checked at install */
        }

        call:
            if ((uint32_t)callee->nargs + !(callee->flags & PV_MF_STATIC) != argc)
                THROW(PV_B_ARITY_EXC, "%s.%s takes %u argument%s, not %u", callee->owner->name->bytes,
                      callee->name->bytes, (unsigned)callee->nargs, callee->nargs == 1 ? "" : "s",
                      (unsigned)(argc - !(callee->flags & PV_MF_STATIC)));
            if (callee->flags & PV_MF_ABSTRACT)
                THROW(PV_B_NOMETHOD_EXC, "%s.%s is abstract", callee->owner->name->bytes, callee->name->bytes);
        call_linked:
            if (callee->flags & PV_MF_NATIVE) {
                /* Every call of a native comes through here, whichever
                 * invoke chose it: invokespecial and invokestatic name the
                 * method directly, so only this check keeps a native from
                 * reading a receiver or argument of another layout. */
                CHECK(!pv_native_call_ok(vm, callee, args));
                r = PV_NULL;
                SAVE();   /* pc on the invoke: a raise from the native points here */
                int rc = callee->native(vm, args, &r);
                if (rc == PV_NCALL) {   /* handed over: args[] were rewritten for the method in r */
                    callee = pv_as_ptr(r);
                    sp = args + argc;
                    goto call;
                }
                sp = args;
                *sp++ = r;
                if (rc == PV_NTHROW) {
                    sp--;
                    goto unwind;
                }
                ip += opsize[*ip];
                if (rc == PV_NBLOCK) {
                    SAVE();
                    return PV_RUN_BLOCKED;
                }
                GC_POLL();
                NEXT;
            }
        call_bytecode:
            if (t->nframes >= vm->max_frames)
                THROW(PV_B_STACK_EXC, "more than %u nested calls", (unsigned)vm->max_frames);
            {
                uint32_t nb = (uint32_t)(args - t->stack);
                SAVE();
                f->sp = nb;   /* the arguments belong to the callee now */
                uint64_t need = (uint64_t)nb + callee->nlocals + callee->max_stack + 1;
                if ((need > t->stack_cap || t->nframes == t->frames_cap) && reserve(vm, t, need) < 0) {
                    LOAD_FRAME();
                    sp = t->stack + nb + argc;
                    ip = ins;
                    pv_throw(vm, PV_B_STACK_EXC, "no memory for a deeper stack");
                    goto unwind;
                }
                for (uint32_t i = argc; i < callee->nlocals; i++)
                    t->stack[nb + i] = PV_NULL;
                if (callee->flags & PV_MF_SYNCHRONIZED)
                    callflags |= PV_FR_SYNC;
                t->frames[t->nframes++] = (struct pv_frame){callee, 0, nb, nb + callee->nlocals, callflags};
                LOAD_FRAME();
            }
            if (callflags & PV_FR_SYNC) {
                /* Taken inside the new frame: if the thread must wait, it
                 * resumes at the method's first instruction owning it. */
                struct pv_mutex *mx = monitor_of(vm, frame_monitor(m, base));
                if (!mx) {
                    t->nframes--;
                    LOAD_FRAME();
                    THROW_OOM();
                }
                if (pv_mutex_acquire(vm, t, mx) == PV_NBLOCK) {
                    SAVE();
                    return PV_RUN_BLOCKED;
                }
            }
            SAFEPOINT();
            NEXT;

        CASE(RETURN) CASE(RETVOID) {
            r = *ip == PV_OP_RETURN ? sp[-1] : PV_NULL;
            uint32_t fl = f->flags, rb = f->base;
            if (fl & PV_FR_SYNC)
                pv_mutex_release(vm, t, monitor_of(vm, frame_monitor(m, base)));
            if ((fl & PV_FR_STRING) && !pv_is_string(vm, r)) {   /* a toString that returned null */
                struct pv_string *str = pv_tostring_native(vm, r);
                if (!str) {
                    t->nframes--;
                    LOAD_FRAME();
                    ins = ip;
                    THROW_OOM();
                }
                r = pv_from_ptr(str);
            }
            if (fl & PV_FR_TRUTH)
                r = pv_bool(truthy(r));
            if (fl & PV_FR_NEGATE)
                r = pv_bool(!truthy(r));
            t->nframes--;
            if (t->nframes == 0)
                return PV_RUN_DONE;
            LOAD_FRAME();
            if (!(fl & PV_FR_DISCARD)) {
                sp = t->stack + rb;
                *sp++ = r;
                ip += opsize[*ip];
            }
            NEXT;
        }
        CASE(THROW)
            a = sp[-1];
            if (a == PV_NULL)
                THROW(PV_B_NULL_EXC, "throw of null");
            pv_throw_value(vm, a);
            goto unwind;

        CASE(NEW) CASE(NEWDYN) {
            struct pv_class *c;
            if (*ip == PV_OP_NEW) {
                c = kref[pv_rd32(ip + 1)].p;
            } else {
                a = *--sp;
                c = pv_is_obj(a) && pv_class_of(vm, a) == vm->b[PV_B_CLASS] ? pv_as_ptr(a) : NULL;
                if (!c)
                    THROW(a == PV_NULL ? PV_B_NULL_EXC : PV_B_TYPE_EXC, "new *(...) needs a class, not %s",
                          type_name(vm, a));
            }
            const char *why;
            r = pv_new_object(vm, c, &why);
            if (r == PV_NULL && why)
                THROW(PV_B_TYPE_EXC, "cannot create an object of class %s: %s", c->name->bytes, why);
            if (r == PV_NULL)
                THROW_OOM();
            *sp++ = r;
            ip += opsize[*ip];
            GC_POLL();
            NEXT;
        }
        CASE(NEWARRAY) {
            a = sp[-1];
            if (!pv_is_int(a) || pv_as_int(a) < 0 || (uint32_t)pv_as_int(a) > PV_ARRAY_MAX)
                THROW(pv_is_int(a) ? PV_B_ARG_EXC : PV_B_TYPE_EXC, "array size must be an int from 0 to %u, not %s",
                      PV_ARRAY_MAX, pv_is_int(a) ? "negative or larger" : type_name(vm, a));
            struct pv_array *arr = pv_array_new(vm, (uint32_t)pv_as_int(a));
            if (!arr)
                THROW_OOM();
            sp[-1] = pv_from_ptr(arr);
            ip++;
            GC_POLL();
            NEXT;
        }
        CASE(ALOAD) CASE(ASTORE) {
            bool store = *ip == PV_OP_ASTORE;
            pv_value *opnd = store ? sp - 3 : sp - 2;
            a = opnd[0];
            b = opnd[1];
            if (!pv_is_obj(a))
                THROW(a == PV_NULL ? PV_B_NULL_EXC : PV_B_TYPE_EXC, "indexing %s", type_name(vm, a));
            if (!pv_is_int(b))
                THROW(PV_B_TYPE_EXC, "an index must be an int, not %s", type_name(vm, b));
            int32_t i = pv_as_int(b);
            struct pv_obj *o = pv_as_ptr(a);
            uint32_t kind = o->cls->kind;
            /* a string's length and indices count characters (code points):
             * its bytes when it is known to be all ASCII */
            bool ascii = o->flags & PV_OF_STR_ASCII;
            uint32_t len = kind == PV_K_ARRAY ? ((struct pv_array *)o)->len
                         : kind == PV_K_STRING ? (ascii ? ((struct pv_string *)o)->len : pv_str_chars(vm, (struct pv_string *)o))
                         : kind == PV_K_BINARY ? ((struct pv_binary *)o)->len : 0;
            if (kind != PV_K_ARRAY && kind != PV_K_STRING && kind != PV_K_BINARY)
                THROW(PV_B_TYPE_EXC, "an object of class %s cannot be indexed", o->cls->name->bytes);
            if (i < 0 || ((uint32_t)i >= len && !(store && kind == PV_K_ARRAY)))
                THROW(PV_B_INDEX_EXC, "index %d out of range for length %u", i, (unsigned)len);
            if (!store) {
                if (kind == PV_K_ARRAY)
                    r = ((struct pv_array *)o)->items[i];
                else if (kind == PV_K_STRING && ascii)
                    r = pv_char((uint8_t)((struct pv_string *)o)->bytes[i]);
                else if (kind == PV_K_STRING)
                    r = pv_str_char_at((struct pv_string *)o, pv_str_char_to_byte(vm, (struct pv_string *)o, (uint32_t)i));
                else
                    r = pv_int(((struct pv_binary *)o)->bytes[i]);
                sp[-2] = r;
                sp--;
            } else {
                if (kind == PV_K_STRING)
                    THROW(PV_B_TYPE_EXC, "strings cannot be changed: store into a %s", o->cls->name->bytes);
                if (o->flags & PV_OF_IMMUTABLE)
                    THROW(PV_B_STATE_EXC, "object of class %s is immutable", o->cls->name->bytes);
                if (kind == PV_K_ARRAY) {
                    if (pv_array_set(vm, (struct pv_array *)o, (uint32_t)i, sp[-1]) < 0)
                        THROW((uint32_t)i >= PV_ARRAY_MAX ? PV_B_INDEX_EXC : PV_B_OOM_EXC,
                              "cannot grow the array to index %d", i);
                } else if (kind == PV_K_BINARY && pv_is_int(sp[-1])) {
                    ((struct pv_binary *)o)->bytes[i] = (uint8_t)pv_as_int(sp[-1]);
                } else {
                    THROW(PV_B_TYPE_EXC, "cannot store %s into a %s", type_name(vm, sp[-1]), o->cls->name->bytes);
                }
                sp -= 3;
            }
            ip++;
            NEXT;
        }
        CASE(ALEN) {
            a = sp[-1];
            if (!pv_is_obj(a))
                THROW(a == PV_NULL ? PV_B_NULL_EXC : PV_B_TYPE_EXC, "length of %s", type_name(vm, a));
            struct pv_obj *o = pv_as_ptr(a);
            switch (o->cls->kind) {
            case PV_K_ARRAY: r = pv_int((int32_t)((struct pv_array *)o)->len); break;
            case PV_K_STRING:
                r = pv_int((int32_t)(o->flags & PV_OF_STR_ASCII ? ((struct pv_string *)o)->len : pv_str_chars(vm, (struct pv_string *)o)));
                break;
            case PV_K_BINARY: r = pv_int((int32_t)((struct pv_binary *)o)->len); break;
            default: THROW(PV_B_TYPE_EXC, "an object of class %s has no length", o->cls->name->bytes);
            }
            sp[-1] = r;
            ip++;
            NEXT;
        }
        CASE(CHECKCAST) CASE(INSTANCEOF) {
            struct pv_class *c = kref[pv_rd32(ip + 1)].p;
            a = sp[-1];
            bool ok = pv_instance_of(vm, a, c);
            if (*ip == PV_OP_INSTANCEOF)
                sp[-1] = pv_bool(ok);
            else if (!ok && a != PV_NULL)
                THROW(PV_B_CAST_EXC, "cannot cast %s to %s", type_name(vm, a), c->name->bytes);
            ip += 5;
            NEXT;
        }
        CASE(CONV)
            if (ip[1] == PV_CONV_DOUBLE && pv_is_int(sp[-1]))
                sp[-1] = pv_double((double)pv_as_int(sp[-1]));
            else
                CHECK(convert(vm, ip[1], sp[-1], &sp[-1]));
            ip += 2;
            NEXT;
        CASE(TOSTRING)
            a = sp[-1];
            if (pv_is_string(vm, a)) {
                ip++;
                NEXT;
            }
            if ((callee = phantom_override(vm, a, 5))) {
                argc = 1;
                args = sp - 1;
                callflags = PV_FR_STRING;
                goto call_bytecode;
            }
            {
                struct pv_string *s = pv_tostring_native(vm, a);
                if (!s)
                    THROW_OOM();
                sp[-1] = pv_from_ptr(s);
            }
            ip++;
            GC_POLL();
            NEXT;
        CASE(CONCAT)
            if (!pv_is_string(vm, sp[-2]) || !pv_is_string(vm, sp[-1]))
                THROW(PV_B_TYPE_EXC, "concat needs two strings, not %s and %s", type_name(vm, sp[-2]),
                      type_name(vm, sp[-1]));
            CHECK(concat(vm, sp[-2], sp[-1], &r));
            sp[-2] = r;
            sp--;
            ip++;
            GC_POLL();
            NEXT;
        CASE(MONITORENTER) CASE(MONITOREXIT) {
            a = sp[-1];
            if (!pv_is_obj(a))
                THROW(a == PV_NULL ? PV_B_NULL_EXC : PV_B_TYPE_EXC, "synchronized on %s", type_name(vm, a));
            struct pv_mutex *mx = monitor_of(vm, a);
            if (!mx)
                THROW_OOM();
            sp--;
            if (*ip == PV_OP_MONITOREXIT) {
                if (pv_mutex_release(vm, t, mx) < 0)
                    THROW(PV_B_STATE_EXC, "monitor exit by a thread that does not hold it");
                ip++;
                NEXT;
            }
            ip++;
            if (pv_mutex_acquire(vm, t, mx) == PV_NBLOCK) {
                SAVE();
                return PV_RUN_BLOCKED;
            }
            NEXT;
        }
        default:
        L_BAD:
            /* The verifier makes this unreachable. */
            THROW(PV_B_TYPE_EXC, "bad opcode %u", (unsigned)*ip);
        }
        continue;

    unwind_here:
        ip = ins;
    unwind:
        /* t->exc is set; ip is the faulting instruction of the top frame. */
        SAVE();
        {
            pv_value exc = t->exc;
            if (t->trace == PV_NULL) {
                struct pv_string *tr = pv_thread_trace(vm, t);
                t->trace = tr ? pv_from_ptr(tr) : PV_NULL;
                /* An exception made immutable is thrown as it is: its
                 * trace field keeps what it held, and the trace lives
                 * only in the thread (printed if it is uncaught). */
                if (pv_instance_of(vm, exc, vm->b[PV_B_EXCEPTION])) {
                    struct pv_instance *e = pv_as_ptr(exc);
                    if (e->slot[PV_EXC_SLOT_TRACE] == PV_NULL && !(e->h.flags & PV_OF_IMMUTABLE))
                        pv_gc_write(vm, &e->slot[PV_EXC_SLOT_TRACE], t->trace);
                }
            }
            for (;;) {
                const struct pv_handler *h = NULL;
                for (uint32_t i = 0; i < m->nhandlers; i++) {
                    const struct pv_handler *c = &m->handlers[i];
                    if (f->pc >= c->start && f->pc < c->end &&
                        (c->cls_const == 0 || pv_instance_of(vm, exc, kref[c->cls_const].p))) {
                        h = c;
                        break;
                    }
                }
                if (h) {
                    t->exc = PV_NULL;
                    t->trace = PV_NULL;
                    f->sp = f->base + m->nlocals;
                    t->stack[f->sp++] = exc;
                    f->pc = h->target;
                    LOAD_FRAME();
                    break;
                }
                uint32_t fl = f->flags;
                if (fl & PV_FR_SYNC)
                    pv_mutex_release(vm, t, monitor_of(vm, frame_monitor(m, t->stack + f->base)));
                t->nframes--;
                if (t->nframes == 0 || (fl & PV_FR_DISCARD)) {
                    t->nframes = 0;   /* uncaught: the thread ends */
                    return PV_RUN_DONE;
                }
                LOAD_FRAME();
            }
        }
    }
}
