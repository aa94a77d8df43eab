/*
 * verify.c - the bytecode verifier (docs/BYTECODE.md, "Verification").
 *
 * For each method with code:
 *  1. decode every instruction from offset 0, dead code included, marking
 *     where instructions start;
 *  2. check each instruction's operands on their own: jump targets are
 *     instruction starts, locals are below nlocals, constants exist and
 *     have the kind the instruction needs, calls pass the argument count
 *     their descriptor says and match the static-ness of a method of this
 *     class they name;
 *  3. check the handler ranges and the line table;
 *  4. run a worklist dataflow from offset 0 and from each handler: the
 *     operand stack has one depth at every instruction, never below 0 nor
 *     above max_stack, control never runs off the end of the code, and no
 *     instruction is handed a value of a kind it can never accept.
 *
 * Kinds.  Each local and stack slot holds one of a few kinds: a specific
 * immediate (int, bool, long, float, double, char), a string, null, an
 * object of unknown class, or ANY.  Where paths join, differing kinds
 * become ANY.  Only the seven definite kinds are ever rejected (an int
 * where a field is read, a string where a number is subtracted): null,
 * objects and ANY pass every check, because what they do is decided at
 * run time (null raises NullReferenceException, which programs may rely
 * on).  The interpreter checks every operand anyway; the kind checks exist
 * to refuse code that could never work, not to keep the VM safe.
 *
 * Cost.  A state (a kind per local and stack slot) is stored only at
 * instructions reached other than by falling through (jump and handler
 * targets); straight-line code carries one running state.  Kinds only move
 * to ANY, so each target is revisited at most once per slot, but a
 * pathological method could still make that quadratic.  Past a budget of
 * work and memory proportional to the code size, the pass starts again
 * tracking depths only, which visits each instruction once.  The depth
 * checks are the same either way; only the kind checks are lost.
 */
#include "classfile.h"
#include "object.h"
#include "opcodes.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_ANY, K_NULL, K_REF, K_INT, K_BOOL, K_LONG, K_FLOAT, K_DOUBLE, K_CHAR, K_STRING };

static const char *const kind_name[] = {
    "any value", "null", "an object", "an int", "a bool", "a long", "a float", "a double", "a char", "a string",
};

#define KB(k) (1u << (k))
#define NUM (KB(K_INT) | KB(K_LONG) | KB(K_FLOAT) | KB(K_DOUBLE) | KB(K_CHAR))
#define PRIM (NUM | KB(K_BOOL))
/* The kinds each class of operand can never be. */
#define NOT_OBJECT PRIM                                 /* arrays, monitors, throw */
#define NOT_FIELDS (PRIM | KB(K_STRING))                /* field access, array store */
#define NOT_INT ((PRIM | KB(K_STRING)) & ~KB(K_INT))    /* sizes and indices */
#define NOT_ARITH (KB(K_BOOL) | KB(K_STRING))           /* sub mul div rem neg */
#define NOT_BITS (KB(K_FLOAT) | KB(K_DOUBLE) | KB(K_CHAR) | KB(K_STRING))  /* band bor bxor */
#define NOT_INTEGRAL (NOT_BITS | KB(K_BOOL))            /* bnot and shifts */

/* A method of the class by its interned name and descriptor. */
typedef struct mkey { uint32_t name, desc, flags; } mkey;

/* A string is checked once per use however many instructions use it. */
struct kmemo {
    int16_t nargs;      /* as a descriptor: the argument count, -1 malformed, -2 not checked */
    int8_t name;        /* as a method name: 1 valid, 0 not, -1 not checked */
};

/* The class being verified: what the checks of all its methods share. */
typedef struct vctx {
    const pv_cf *cf;
    const char *cname;
    uint32_t *ids;       /* pv_cf_utf8_ids */
    struct kmemo *memo;  /* per constant: what has been learnt of it as a UTF8 */
    uint32_t self;       /* ids[] of this class's name, 0 if it has none */
    mkey *mtab;          /* this class's methods by (name id, descriptor id) */
    uint32_t nm;
    pv_cf_error *err;
} vctx;

/* The dataflow state stored at a target: its depth (-1: not reached yet)
 * and, when kinds are tracked, nlocals + depth kinds in the arena. */
typedef struct vframe {
    int32_t depth;
    bool queued;
    size_t kinds;
} vframe;

enum { AT_START = 1, AT_TARGET = 2 };
#define OVER (-2) /* over budget: start again without kinds */

typedef struct meth {
    vctx *v;
    const pv_cf_method *m;
    uint32_t *bad_pc;
    uint8_t *at;            /* per code byte: AT_* */
    uint32_t *tpc;          /* target offsets, increasing */
    vframe *fr;             /* per target */
    uint32_t nt;
    uint32_t *queue, nq;
    bool track;             /* kinds are tracked */
    uint8_t *arena;
    size_t used, cap, budget;
    uint64_t work, max_work;
    uint8_t *loc, *stack;   /* the running state's kinds */
    int32_t depth, max_depth;
} meth;

static int verr(meth *M, uint32_t pc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int verr(meth *M, uint32_t pc, const char *fmt, ...)
{
    const pv_cf *cf = M->v->cf;
    if (M->bad_pc)
        *M->bad_pc = pc;
    if (!M->v->err)
        return -1;
    char why[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    const char *name = pv_cf_str(cf, M->m->name), *desc = pv_cf_str(cf, M->m->desc);
    snprintf(M->v->err->msg, sizeof M->v->err->msg, "class %.160s, method %.100s%.100s, offset %u: %s",
             M->v->cname, name ? name : "?", desc ? desc : "", pc, why);
    return -1;
}

/* ---- the class ------------------------------------------------------------- */

static int cmp_mkey(const void *x, const void *y)
{
    const mkey *a = x, *b = y;
    if (a->name != b->name)
        return a->name < b->name ? -1 : 1;
    return a->desc < b->desc ? -1 : a->desc > b->desc;
}

static void vctx_free(vctx *v)
{
    free(v->ids);
    free(v->memo);
    free(v->mtab);
}

static int vctx_init(vctx *v, const pv_cf *cf, pv_cf_error *err)
{
    *v = (vctx){.cf = cf, .err = err};
    v->cname = pv_cf_class_name(cf, cf->this_class);
    v->ids = pv_cf_utf8_ids(cf);
    v->memo = malloc((cf->nconsts + 1) * sizeof *v->memo);
    v->mtab = malloc((cf->nmethods + 1) * sizeof *v->mtab);
    if (!v->ids || !v->memo || !v->mtab) {
        vctx_free(v);
        if (err)
            snprintf(err->msg, sizeof err->msg, "class %.160s: out of memory", v->cname ? v->cname : "?");
        return -1;
    }
    for (uint32_t i = 0; i < cf->nconsts; i++)
        v->memo[i] = (struct kmemo){-2, -1};
    if (v->cname)
        v->self = v->ids[cf->consts[cf->this_class].a];
    else
        v->cname = "?";
    for (uint32_t i = 0; i < cf->nmethods; i++) {
        const pv_cf_method *m = &cf->methods[i];
        if (pv_cf_str(cf, m->name) && pv_cf_str(cf, m->desc))
            v->mtab[v->nm++] = (mkey){v->ids[m->name], v->ids[m->desc], m->flags};
    }
    qsort(v->mtab, v->nm, sizeof *v->mtab, cmp_mkey);
    return 0;
}

/* The argument count of descriptor constant d (-1: not a valid one). */
static int desc_nargs(vctx *v, uint32_t d)
{
    const char *s = pv_cf_str(v->cf, d);
    if (!s)
        return -1;
    if (v->memo[d].nargs == -2)
        v->memo[d].nargs = (int16_t)pv_desc_nargs(s);
    return v->memo[d].nargs;
}

/* Whether constant k is a UTF8 constant holding a valid method name. */
static bool method_name_ok(vctx *v, uint32_t k)
{
    const char *s = pv_cf_str(v->cf, k);
    if (!s)
        return false;
    if (v->memo[k].name < 0)
        v->memo[k].name = pv_cf_name_ok(s);
    return v->memo[k].name;
}

/* The flags of the method of this class that method reference k names,
 * or -1 if it names a method of another class (or one not declared). */
static int64_t own_method_flags(const vctx *v, const pv_cf_const *k)
{
    if (!v->self || v->ids[v->cf->consts[k->a].a] != v->self)
        return -1;
    mkey key = {v->ids[k->b], v->ids[k->c], 0};
    const mkey *f = bsearch(&key, v->mtab, v->nm, sizeof *v->mtab, cmp_mkey);
    return f ? (int64_t)f->flags : -1;
}

/* ---- operands, handlers, lines --------------------------------------------- */

static int want_const(meth *M, uint32_t pc, const pv_insn *in, unsigned kinds)
{
    const pv_cf *cf = M->v->cf;
    const char *mn = pv_opinfo[in->op].mnemonic;
    if (in->u == 0 || in->u >= cf->nconsts)
        return verr(M, pc, "%s: constant %u does not exist", mn, in->u);
    if (!(kinds & KB(cf->consts[in->u].kind)))
        return verr(M, pc, "%s cannot use constant %u, a %s constant", mn, in->u,
                    pv_cf_kind_name(cf->consts[in->u].kind));
    return 0;
}

static unsigned const_kinds(uint8_t op)
{
    switch (op) {
    case PV_OP_PUSHCONST:
        return KB(PV_CK_UTF8) | KB(PV_CK_INT) | KB(PV_CK_LONG) | KB(PV_CK_FLOAT) | KB(PV_CK_DOUBLE) |
               KB(PV_CK_CLASS);
    case PV_OP_GETFIELD: case PV_OP_PUTFIELD: case PV_OP_GETSTATIC: case PV_OP_PUTSTATIC:
        return KB(PV_CK_FIELD);
    case PV_OP_NEW: case PV_OP_CHECKCAST: case PV_OP_INSTANCEOF: return KB(PV_CK_CLASS);
    case PV_OP_INVOKENAME: return KB(PV_CK_UTF8);
    case PV_OP_INVOKEVIRTUAL: case PV_OP_INVOKESTATIC: case PV_OP_INVOKESPECIAL: return KB(PV_CK_METHOD);
    }
    return 0;
}

/* A call through a method reference: arity, and static-ness when the
 * method is one of this class's (others are checked when linking). */
static int check_call(meth *M, uint32_t pc, const pv_insn *in)
{
    vctx *v = M->v;
    const char *mn = pv_opinfo[in->op].mnemonic;
    const pv_cf_const *k = &v->cf->consts[in->u];
    const char *cls = pv_cf_class_name(v->cf, k->a), *name = pv_cf_str(v->cf, k->b);
    int n = desc_nargs(v, k->c);
    if (!cls || !name || n < 0)
        return verr(M, pc, "%s: constant %u is not a well-formed method reference", mn, in->u);
    const char *desc = pv_cf_str(v->cf, k->c);
    if (n != in->i)
        return verr(M, pc, "%s passes %d arguments to %.80s.%.80s%.80s, which takes %d", mn, in->i, cls,
                    name, desc, n);
    int64_t flags = own_method_flags(v, k);
    if (flags < 0)
        return 0;
    if (in->op == PV_OP_INVOKESTATIC && !(flags & PV_MF_STATIC))
        return verr(M, pc, "invokestatic of %.80s%.80s, which is not static", name, desc);
    if (in->op != PV_OP_INVOKESTATIC && (flags & PV_MF_STATIC))
        return verr(M, pc, "%s of static method %.80s%.80s", mn, name, desc);
    return 0;
}

static int check_target(meth *M, uint32_t pc, uint32_t t, const char *what)
{
    if (t >= M->m->code_len)
        return verr(M, pc, "%s %u is outside the code (length %u)", what, t, M->m->code_len);
    if (!(M->at[t] & AT_START))
        return verr(M, pc, "%s %u is not an instruction start", what, t);
    M->at[t] |= AT_TARGET;
    return 0;
}

static int check_operands(meth *M, uint32_t pc, const pv_insn *in)
{
    const char *mn = pv_opinfo[in->op].mnemonic;
    switch (in->fmt) {
    case PV_F_J: return check_target(M, pc, in->u, "jump target");
    case PV_F_L: case PV_F_LI:
        if (in->u >= M->m->nlocals)
            return verr(M, pc, "%s: local %u is out of range (the method has %u)", mn, in->u, M->m->nlocals);
        return 0;
    case PV_F_K: return want_const(M, pc, in, const_kinds(in->op));
    case PV_F_KN:
        if (want_const(M, pc, in, const_kinds(in->op)) < 0)
            return -1;
        if (in->op != PV_OP_INVOKENAME)
            return check_call(M, pc, in);
        if (!method_name_ok(M->v, in->u))
            return verr(M, pc, "invokename: constant %u is not a method name", in->u);
        return 0;
    case PV_F_ON:
        if (in->u > PV_MAX_ORDINAL)
            return verr(M, pc, "%s: ordinal %u is above the maximum of %u", mn, in->u, PV_MAX_ORDINAL);
        return 0;
    case PV_F_U8:
        if (in->op == PV_OP_CONV && in->u >= PV_CONV_COUNT)
            return verr(M, pc, "conv: unknown conversion %u", in->u);
        return 0;
    }
    return 0;
}

/* Passes 1 and 2: every instruction decodes and its operands are sane. */
static int check_code(meth *M)
{
    const pv_cf_method *m = M->m;
    pv_insn in;
    for (uint32_t pc = 0; pc < m->code_len; pc += in.size) {
        if (!pv_insn_decode(m->code, m->code_len, pc, &in)) {
            if (m->code[pc] >= PV_OP_COUNT)
                return verr(M, pc, "unknown opcode %u", m->code[pc]);
            return verr(M, pc, "%s is cut off by the end of the code", pv_opinfo[m->code[pc]].mnemonic);
        }
        M->at[pc] |= AT_START;
    }
    for (uint32_t pc = 0; pc < m->code_len; pc += in.size) {
        pv_insn_decode(m->code, m->code_len, pc, &in);
        if (check_operands(M, pc, &in) < 0)
            return -1;
    }
    return 0;
}

static int check_handlers(meth *M)
{
    const pv_cf_method *m = M->m;
    const pv_cf *cf = M->v->cf;
    for (uint32_t i = 0; i < m->nhandlers; i++) {
        const pv_cf_handler *h = &m->handlers[i];
        char what[48];
        if (h->start >= h->end || h->end > m->code_len)
            return verr(M, h->start, "handler %u: range %u..%u is empty or outside the code (length %u)", i,
                        h->start, h->end, m->code_len);
        if (!(M->at[h->start] & AT_START))
            return verr(M, h->start, "handler %u: start %u is not an instruction start", i, h->start);
        if (h->end < m->code_len && !(M->at[h->end] & AT_START))
            return verr(M, h->start, "handler %u: end %u is not an instruction start", i, h->end);
        snprintf(what, sizeof what, "handler %u: target", i);
        if (check_target(M, h->start, h->target, what) < 0)
            return -1;
        if (h->cls && (h->cls >= cf->nconsts || cf->consts[h->cls].kind != PV_CK_CLASS))
            return verr(M, h->start, "handler %u: constant %u is not a class constant", i, h->cls);
    }
    return 0;
}

static int check_lines(meth *M)
{
    for (uint32_t i = 0; i < M->m->nlines; i++) {
        const pv_cf_line *l = &M->m->lines[i];
        if (l->pc >= M->m->code_len || !(M->at[l->pc] & AT_START))
            return verr(M, l->pc, "the line table entry for line %u is not at an instruction start", l->line);
    }
    return 0;
}

/* ---- kinds ----------------------------------------------------------------- */

static int reject(meth *M, uint32_t pc, const char *mn, uint8_t k, unsigned never)
{
    return (KB(k) & never) ? verr(M, pc, "%s on %s", mn, kind_name[k]) : 0;
}

/* The kind of int/long/float/double arithmetic on a and b (char counts as
 * int), ANY unless both are known numbers. */
static uint8_t arith_kind(uint8_t a, uint8_t b)
{
    static const uint8_t rank[K_STRING + 1] = {[K_INT] = 1, [K_CHAR] = 1, [K_LONG] = 2, [K_FLOAT] = 3, [K_DOUBLE] = 4};
    static const uint8_t by_rank[] = {K_ANY, K_INT, K_LONG, K_FLOAT, K_DOUBLE};
    uint8_t ra = rank[a], rb = rank[b];
    return ra && rb ? by_rank[ra > rb ? ra : rb] : K_ANY;
}

static uint8_t const_kind(const meth *M, uint32_t k)
{
    switch (M->v->cf->consts[k].kind) {
    case PV_CK_UTF8: return K_STRING;
    case PV_CK_INT: return K_INT;
    case PV_CK_LONG: return K_LONG;
    case PV_CK_FLOAT: return K_FLOAT;
    case PV_CK_DOUBLE: return K_DOUBLE;
    }
    return K_REF; /* a class */
}

/* Whether a value of kind k might be a string at run time. */
static bool maybe_string(uint8_t k) { return k == K_STRING || k == K_ANY || k == K_REF || k == K_NULL; }

static int check_add(meth *M, uint32_t pc, const uint8_t *a)
{
    /* a string on either side makes add a concatenation of anything */
    for (int i = 0; i < 2; i++)
        if (a[i] == K_BOOL && !maybe_string(a[1 - i]))
            return verr(M, pc, "add on a bool");
    return 0;
}

static int check_bits(meth *M, uint32_t pc, const char *mn, const uint8_t *a)
{
    if (reject(M, pc, mn, a[0], NOT_BITS) < 0 || reject(M, pc, mn, a[1], NOT_BITS) < 0)
        return -1;
    for (int i = 0; i < 2; i++)
        if (a[i] == K_BOOL && (a[1 - i] == K_INT || a[1 - i] == K_LONG))
            return verr(M, pc, "%s on a bool and %s", mn, kind_name[a[1 - i]]);
    return 0;
}

static uint8_t bits_kind(uint8_t a, uint8_t b)
{
    if (a == b && (a == K_INT || a == K_LONG || a == K_BOOL))
        return a;
    if ((a == K_INT || a == K_LONG) && (b == K_INT || b == K_LONG))
        return K_LONG;
    return K_ANY;
}

static int check_compare(meth *M, uint32_t pc, const char *mn, const uint8_t *a)
{
    if (reject(M, pc, mn, a[0], KB(K_BOOL)) < 0 || reject(M, pc, mn, a[1], KB(K_BOOL)) < 0)
        return -1;
    if ((a[0] == K_STRING && (KB(a[1]) & NUM)) || ((KB(a[0]) & NUM) && a[1] == K_STRING))
        return verr(M, pc, "%s compares a string with a number", mn);
    return 0;
}

/* Checks the operands' kinds of the instruction at pc and writes the
 * kinds of its results.  The depth has been checked: the operands are the
 * top `pops` slots and there is room for `pushes` results. */
static int step_kinds(meth *M, uint32_t pc, const pv_insn *in, int pops, int pushes)
{
    static const uint8_t conv_kind[PV_CONV_COUNT] = {
        [PV_CONV_INT] = K_INT, [PV_CONV_LONG] = K_LONG, [PV_CONV_FLOAT] = K_FLOAT,
        [PV_CONV_DOUBLE] = K_DOUBLE, [PV_CONV_CHAR] = K_CHAR, [PV_CONV_BOOL] = K_BOOL,
    };
    uint8_t *a = M->stack + M->depth - pops, r[4] = {K_ANY, K_ANY, K_ANY, K_ANY};
    const char *mn = pv_opinfo[in->op].mnemonic;
    int bad = 0;
    switch (in->op) {
    case PV_OP_PUSHNULL: r[0] = K_NULL; break;
    case PV_OP_PUSHTRUE: case PV_OP_PUSHFALSE: r[0] = K_BOOL; break;
    case PV_OP_PUSHINT: r[0] = K_INT; break;
    case PV_OP_PUSHCONST: r[0] = const_kind(M, in->u); break;
    case PV_OP_LOAD: r[0] = M->loc[in->u]; break;
    case PV_OP_STORE: M->loc[in->u] = a[0]; break;
    case PV_OP_INCLOCAL:   /* add's rules for numbers */
        if (KB(M->loc[in->u]) & NOT_ARITH)
            bad = verr(M, pc, "inclocal on a local holding %s", kind_name[M->loc[in->u]]);
        M->loc[in->u] = arith_kind(M->loc[in->u], K_INT);
        break;
    case PV_OP_DUP: r[0] = r[1] = a[0]; break;
    case PV_OP_DUP2: r[0] = r[2] = a[0]; r[1] = r[3] = a[1]; break;
    case PV_OP_DUPX1: r[0] = r[2] = a[1]; r[1] = a[0]; break;
    case PV_OP_DUPX2: r[0] = r[3] = a[2]; r[1] = a[0]; r[2] = a[1]; break;
    case PV_OP_SWAP: r[0] = a[1]; r[1] = a[0]; break;
    case PV_OP_GETFIELD: case PV_OP_PUTFIELD: bad = reject(M, pc, mn, a[0], NOT_FIELDS); break;
    case PV_OP_ADD:
        bad = check_add(M, pc, a);
        r[0] = a[0] == K_STRING || a[1] == K_STRING ? K_STRING : arith_kind(a[0], a[1]);
        break;
    case PV_OP_SUB: case PV_OP_MUL: case PV_OP_DIV: case PV_OP_REM:
        bad = reject(M, pc, mn, a[0], NOT_ARITH) || reject(M, pc, mn, a[1], NOT_ARITH) ? -1 : 0;
        r[0] = arith_kind(a[0], a[1]);
        break;
    case PV_OP_NEG:
        bad = reject(M, pc, mn, a[0], NOT_ARITH);
        r[0] = arith_kind(a[0], a[0]);
        break;
    case PV_OP_BAND: case PV_OP_BOR: case PV_OP_BXOR:
        bad = check_bits(M, pc, mn, a);
        r[0] = bits_kind(a[0], a[1]);
        break;
    case PV_OP_SHL: case PV_OP_SHR: case PV_OP_USHR:
        bad = reject(M, pc, mn, a[1], NOT_INTEGRAL);
        /* fall through */
    case PV_OP_BNOT:
        bad = bad || reject(M, pc, mn, a[0], NOT_INTEGRAL) ? -1 : 0;
        r[0] = a[0] == K_INT || a[0] == K_LONG ? a[0] : K_ANY;
        break;
    case PV_OP_NOT: case PV_OP_EQ: case PV_OP_NE: case PV_OP_REFEQ: case PV_OP_REFNE: case PV_OP_INSTANCEOF:
        r[0] = K_BOOL;
        break;
    case PV_OP_LT: case PV_OP_LE: case PV_OP_GT: case PV_OP_GE: case PV_OP_JLT: case PV_OP_JGE:
        bad = check_compare(M, pc, mn, a);
        r[0] = K_BOOL;
        break;
    case PV_OP_NEW: r[0] = K_REF; break;
    case PV_OP_NEWDYN: bad = reject(M, pc, mn, a[0], NOT_FIELDS); r[0] = K_REF; break;
    case PV_OP_NEWARRAY: bad = reject(M, pc, mn, a[0], NOT_INT); r[0] = K_REF; break;
    case PV_OP_ALOAD:
        bad = reject(M, pc, mn, a[0], NOT_OBJECT) || reject(M, pc, "array index", a[1], NOT_INT) ? -1 : 0;
        r[0] = a[0] == K_STRING ? K_CHAR : K_ANY;
        break;
    case PV_OP_ASTORE:
        bad = reject(M, pc, mn, a[0], NOT_FIELDS) || reject(M, pc, "array index", a[1], NOT_INT) ? -1 : 0;
        break;
    case PV_OP_ALEN: bad = reject(M, pc, mn, a[0], NOT_OBJECT); r[0] = K_INT; break;
    case PV_OP_CHECKCAST: r[0] = a[0]; break;
    case PV_OP_CONV:   /* to bool takes anything (truthiness); to a number, a number */
        if (in->u != PV_CONV_BOOL)
            bad = reject(M, pc, mn, a[0], NOT_ARITH);
        r[0] = conv_kind[in->u];
        break;
    case PV_OP_TOSTRING: r[0] = K_STRING; break;
    case PV_OP_CONCAT:
        bad = reject(M, pc, mn, a[0], PRIM) || reject(M, pc, mn, a[1], PRIM) ? -1 : 0;
        r[0] = K_STRING;
        break;
    case PV_OP_MONITORENTER: case PV_OP_MONITOREXIT: case PV_OP_THROW:
        bad = reject(M, pc, mn, a[0], NOT_OBJECT);
        break;
    }
    memcpy(a, r, (size_t)pushes);
    return bad;
}

/* ---- dataflow --------------------------------------------------------------- */

static uint32_t target_index(const meth *M, uint32_t pc)
{
    uint32_t lo = 0, hi = M->nt;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (M->tpc[mid] <= pc)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static void enqueue(meth *M, uint32_t t)
{
    if (!M->fr[t].queued) {
        M->fr[t].queued = true;
        M->queue[M->nq++] = t;
    }
}

/* Records the running state as one that reaches target t. */
static int merge(meth *M, uint32_t t)
{
    vframe *f = &M->fr[t];
    size_t n = (size_t)M->m->nlocals + (size_t)M->depth;
    if (f->depth >= 0 && f->depth != M->depth)
        return verr(M, M->tpc[t], "stack depth %d here but %d on another path", M->depth, f->depth);
    if (!M->track) {
        if (f->depth < 0)
            enqueue(M, t);
        f->depth = M->depth;
        return 0;
    }
    if ((M->work += n) > M->max_work)
        return OVER;
    if (f->depth < 0) {
        if (M->used + n > M->budget)
            return OVER;
        if (M->used + n > M->cap || !M->arena) {
            size_t cap = M->cap ? M->cap : 4096;
            while (cap < M->used + n)
                cap *= 2;
            uint8_t *p = realloc(M->arena, cap);
            if (!p)
                return verr(M, M->tpc[t], "out of memory");
            M->arena = p;
            M->cap = cap;
        }
        f->depth = M->depth;
        f->kinds = M->used;
        memcpy(M->arena + M->used, M->loc, M->m->nlocals);
        memcpy(M->arena + M->used + M->m->nlocals, M->stack, (size_t)M->depth);
        M->used += n;
        enqueue(M, t);
        return 0;
    }
    uint8_t *k = M->arena + f->kinds;
    bool changed = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t now = i < M->m->nlocals ? M->loc[i] : M->stack[i - M->m->nlocals];
        if (k[i] != now && k[i] != K_ANY) {
            k[i] = K_ANY;
            changed = true;
        }
    }
    if (changed)
        enqueue(M, t);
    return 0;
}

/* Runs one instruction on the running state: depth, then kinds. */
static int step(meth *M, uint32_t pc, const pv_insn *in)
{
    const struct pv_opinfo *oi = &pv_opinfo[in->op];
    int pops = oi->pops == PV_VAR ? in->i + (in->op != PV_OP_INVOKESTATIC) : oi->pops;
    int after = M->depth - pops + oi->pushes;
    if (M->depth < pops)
        return verr(M, pc, "stack underflow at %s", oi->mnemonic);
    if (after > M->m->max_stack)
        return verr(M, pc, "stack overflow at %s: depth %d is above max_stack %u", oi->mnemonic, after,
                    M->m->max_stack);
    if (M->track && step_kinds(M, pc, in, pops, oi->pushes) < 0)
        return -1;
    M->depth = after;
    if (after > M->max_depth)
        M->max_depth = after;
    return 0;
}

static bool ends_flow(uint8_t op)
{
    return op == PV_OP_JMP || op == PV_OP_RETURN || op == PV_OP_RETVOID || op == PV_OP_THROW;
}

/* Runs from target t until control leaves straight-line code. */
static int run_block(meth *M, uint32_t t)
{
    const pv_cf_method *m = M->m;
    uint32_t pc = M->tpc[t];
    M->depth = M->fr[t].depth;
    if (M->track) {
        const uint8_t *k = M->arena + M->fr[t].kinds;
        memcpy(M->loc, k, m->nlocals);
        memcpy(M->stack, k + m->nlocals, (size_t)M->depth);
    }
    for (;;) {
        pv_insn in;
        int rc;
        pv_insn_decode(m->code, m->code_len, pc, &in);
        if (M->track && ++M->work > M->max_work)
            return OVER;
        if ((rc = step(M, pc, &in)) != 0)
            return rc;
        if (in.fmt == PV_F_J && (rc = merge(M, target_index(M, in.u))) != 0)
            return rc;
        if (ends_flow(in.op))
            return 0;
        if (m->code_len - pc <= in.size)
            return verr(M, pc, "falls off the end of the code");
        pc += in.size;
        if (M->at[pc] & AT_TARGET)
            return merge(M, target_index(M, pc));
    }
}

/* Pass 4 from scratch, with or without kinds as M->track says. */
static int flow(meth *M)
{
    const pv_cf_method *m = M->m;
    uint32_t params = m->nargs + !(m->flags & PV_MF_STATIC);
    int rc;
    for (uint32_t t = 0; t < M->nt; t++)
        M->fr[t] = (vframe){.depth = -1};
    M->nq = 0;
    M->used = 0;
    M->work = 0;
    M->max_depth = 0;
    /* arguments may be anything; other locals start null */
    for (uint32_t i = 0; i < m->nlocals; i++)
        M->loc[i] = i < params ? K_ANY : K_NULL;
    M->depth = 0;
    if ((rc = merge(M, 0)) != 0)
        return rc;
    /* a handler starts with the exception alone on the stack and the
     * locals as anything the protected code may have left in them */
    for (uint32_t i = 0; i < m->nhandlers; i++) {
        if (m->max_stack < 1)
            return verr(M, m->handlers[i].target, "handler %u: the exception does not fit max_stack 0", i);
        if (M->track)
            memset(M->loc, K_ANY, m->nlocals);
        M->stack[0] = K_ANY;
        M->depth = 1;
        if (M->max_depth < 1)
            M->max_depth = 1;
        if ((rc = merge(M, target_index(M, m->handlers[i].target))) != 0)
            return rc;
    }
    while (M->nq > 0) {
        uint32_t t = M->queue[--M->nq];
        M->fr[t].queued = false;
        if ((rc = run_block(M, t)) != 0)
            return rc;
    }
    return 0;
}

/* Collects the targets (offset 0 is one) marked by the operand checks. */
static int collect_targets(meth *M)
{
    M->at[0] |= AT_TARGET;
    for (uint32_t pc = 0; pc < M->m->code_len; pc++)
        M->nt += (M->at[pc] & AT_TARGET) != 0;
    M->tpc = malloc(M->nt * sizeof *M->tpc);
    M->fr = malloc(M->nt * sizeof *M->fr);
    M->queue = malloc(M->nt * sizeof *M->queue);
    if (!M->tpc || !M->fr || !M->queue)
        return verr(M, 0, "out of memory");
    for (uint32_t pc = 0, t = 0; pc < M->m->code_len; pc++)
        if (M->at[pc] & AT_TARGET)
            M->tpc[t++] = pc;
    return 0;
}

static int verify_one(vctx *v, uint32_t mi, uint32_t *max_depth, uint32_t *bad_pc)
{
    const pv_cf_method *m = &v->cf->methods[mi];
    meth M = {.v = v, .m = m, .bad_pc = bad_pc};
    if (max_depth)
        *max_depth = 0;
    if (m->flags & PV_MF_ABSTRACT)
        return 0;
    if (m->code_len == 0 || !m->code)
        return verr(&M, 0, "the method has no code");
    M.at = calloc((size_t)m->code_len + 1, 1);
    M.loc = malloc((size_t)m->nlocals + 1);
    M.stack = malloc((size_t)m->max_stack + 1);
    int rc = !M.at || !M.loc || !M.stack ? verr(&M, 0, "out of memory") : 0;
    if (rc == 0)
        rc = check_code(&M);
    if (rc == 0)
        rc = check_handlers(&M);
    if (rc == 0)
        rc = check_lines(&M);
    if (rc == 0)
        rc = collect_targets(&M);
    if (rc == 0) {
        M.track = true;
        M.budget = ((size_t)4 << 20) + 4 * (size_t)m->code_len;
        M.max_work = ((uint64_t)16 << 20) + 16 * (uint64_t)m->code_len;
        rc = flow(&M);
        if (rc == OVER) {
            M.track = false;
            rc = flow(&M);
        }
    }
    if (rc == 0 && max_depth)
        *max_depth = (uint32_t)M.max_depth;
    free(M.at);
    free(M.loc);
    free(M.stack);
    free(M.tpc);
    free(M.fr);
    free(M.queue);
    free(M.arena);
    return rc;
}

int pv_cf_verify(const pv_cf *cf, pv_cf_error *err)
{
    vctx v;
    if (vctx_init(&v, cf, err) < 0)
        return -1;
    int rc = 0;
    for (uint32_t i = 0; i < cf->nmethods && rc == 0; i++)
        rc = verify_one(&v, i, NULL, NULL);
    vctx_free(&v);
    return rc;
}

int pv_cf_verify_method(const pv_cf *cf, uint32_t mi, uint32_t *max_depth, uint32_t *bad_pc, pv_cf_error *err)
{
    vctx v;
    if (mi >= cf->nmethods) {
        if (err)
            snprintf(err->msg, sizeof err->msg, "no method %u", mi);
        return -1;
    }
    if (vctx_init(&v, cf, err) < 0)
        return -1;
    int rc = verify_one(&v, mi, max_depth, bad_pc);
    vctx_free(&v);
    return rc;
}
