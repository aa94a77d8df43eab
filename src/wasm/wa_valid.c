/*
 * wa_valid.c - validates one function body (the specification's
 * validation algorithm: an operand stack of types and a stack of control
 * frames) and, in the same pass, translates it into the internal
 * instruction set (wa_internal.h).
 *
 * Translation.  The validator knows the operand stack's height before
 * every instruction, so every branch is resolved here: its target word,
 * and whether values must move (BR_DROP: keep `arity` values at the
 * label's height).  Forward targets are patched at the label's `end`.
 * Code that validation finds unreachable (after br, return, unreachable)
 * is validated but not emitted.
 *
 * Heights count 64-bit slots from the frame's first local:
 *   physical height = nlocals + operand stack height.
 *
 * Register form.  The value at operand stack height i lives in slot
 * nlocals + i, so every instruction names its operands' slots.  Beside
 * each type, the validator keeps where the value is (opnd): in its own
 * slot (O_SLOT), or not yet anywhere because it is a local's value
 * (local.get: O_LOCAL, the instruction that uses it reads the local's
 * slot) or a constant (O_CONST, O_CONST64: a K form takes it as an
 * immediate, else it is written to its slot just before its use).
 * Invariant: an O_LOCAL entry means the local still holds the value it
 * had at the local.get, so before a local is written, the entries that
 * name it are written to their slots (flush_local); and at every
 * control instruction and call, every entry is in its slot (flush_all),
 * so all paths that meet at a label agree where the values are, and a
 * callee's arguments are its first locals.  The instruction just
 * emitted (last_op) may be given another destination when local.set or
 * local.tee follows it, and an i32 comparison may become a
 * compare-and-branch when br_if or if follows it; last_op is forgotten
 * after every other instruction, so nothing merges across a label.
 */
#include "../hal/hal.h"
#include "wa_internal.h"

#define UNKNOWN 0   /* the polymorphic stack's "any type" */
#define NO_FIX UINT32_MAX

enum { K_BLOCK, K_LOOP, K_IF, K_ELSE, K_FUNC };

typedef struct ctl {
    uint8_t kind;
    bool unreachable;     /* the rest of this block cannot run */
    bool dead;            /* the block itself is inside unreachable code: nothing emitted */
    uint32_t np, nr;
    const uint8_t *pt, *rt;
    uint32_t height;      /* operand stack height at entry, without the params */
    uint32_t loop_pc;     /* K_LOOP: its header */
    uint32_t fixes;       /* forward branches to patch at end: a list in v->fix */
    uint32_t else_fix;    /* K_IF: the false arm's target word */
} ctl;

typedef struct fix { uint32_t pos, next; } fix;

enum { O_SLOT, O_LOCAL, O_CONST, O_CONST64 };
typedef struct opnd {
    uint8_t kind;
    uint32_t local;       /* O_LOCAL */
    uint64_t k;           /* O_CONST, O_CONST64 */
} opnd;

typedef struct val {
    wa_reader r;
    const wa_mod *m;
    wa_code *c;
    uint8_t *locals;
    uint32_t nlocals;
    uint8_t *vs;          /* operand stack of types */
    opnd *os;             /* ... and where each value is */
    uint32_t nvs, vscap, oscap, maxvs;
    uint32_t clean;       /* the entries below this height are all O_SLOT */
    ctl *cs;
    uint32_t ncs, cscap;
    fix *fix;
    uint32_t nfix, fixcap;
    size_t op_at;         /* the instruction's offset (trap sites) */
    uint32_t last_op;     /* the previous instruction's first word if it wrote one value */
    uint32_t last_end;    /* ... to the slot of the stack's top, and its end; else NO_FIX */
    uint32_t this_op;     /* the same for the instruction being translated */
} val;

static bool grow(val *v, void **p, uint32_t *cap, size_t size, uint32_t need)
{
    if (need <= *cap)
        return true;
    uint32_t n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, (size_t)n * size);
    if (!q)
        return wa_fail(&v->r, "out of host memory");
    *p = q;
    *cap = n;
    return true;
}

static ctl *top(val *v) { return &v->cs[v->ncs - 1]; }
static bool live(val *v) { return !top(v)->unreachable && !top(v)->dead; }
static uint32_t pc(val *v) { return (uint32_t)v->c->n; }

static void emit(val *v, uint32_t w)
{
    if (live(v))
        wa_emit(v->c, w);
}


static void trap_site(val *v)
{
    if (live(v))
        wa_emit_trap_site(v->c, v->op_at);
}

/* ---- the operand stack ------------------------------------------------------------- */

static void flush_all(val *v);

/* At most this many entries wait above `clean`, so the scans for a local
 * (names_local, flush_local) stay short whatever the module. */
#define MAX_PENDING 64

static bool push_o(val *v, uint8_t t, opnd o)
{
    if (o.kind != O_SLOT && v->nvs - v->clean >= MAX_PENDING)
        flush_all(v);
    if (!grow(v, (void **)&v->vs, &v->vscap, 1, v->nvs + 1) ||
        !grow(v, (void **)&v->os, &v->oscap, sizeof(opnd), v->nvs + 1))
        return false;
    if (o.kind == O_SLOT && v->clean == v->nvs)
        v->clean++;
    v->os[v->nvs] = o;
    v->vs[v->nvs++] = t;
    if (v->nvs > v->maxvs)
        v->maxvs = v->nvs;
    if (v->nlocals + (uint64_t)v->maxvs > WA_MAX_STACK_SLOTS / 2)
        return wa_fail_at(&v->r, v->op_at, "the operand stack is deeper than this engine allows");
    return true;
}

static bool push(val *v, uint8_t t) { return push_o(v, t, (opnd){O_SLOT, 0, 0}); }

static uint8_t pop(val *v)
{
    ctl *c = top(v);
    if (v->nvs == c->height) {
        if (c->unreachable)
            return UNKNOWN;
        wa_fail_at(&v->r, v->op_at, "type mismatch: the operand stack is empty (a value is needed)");
        return UNKNOWN;
    }
    if (v->clean == v->nvs)
        v->clean--;
    return v->vs[--v->nvs];
}

static uint8_t pop_t(val *v, uint8_t want)
{
    uint8_t got = pop(v);
    if (!v->r.failed && got != want && got != UNKNOWN && want != UNKNOWN)
        wa_fail_at(&v->r, v->op_at, "type mismatch: expected %s, found %s", wa_type_name(want), wa_type_name(got));
    return got == UNKNOWN ? want : got;
}

static void pop_n(val *v, const uint8_t *t, uint32_t n)
{
    for (uint32_t i = n; i-- > 0 && !v->r.failed;)
        pop_t(v, t[i]);
}

static void push_n(val *v, const uint8_t *t, uint32_t n)
{
    for (uint32_t i = 0; i < n && !v->r.failed; i++)
        push(v, t[i]);
}

static void unreachable_now(val *v)
{
    v->nvs = top(v)->height;
    if (v->clean > v->nvs)
        v->clean = v->nvs;
    top(v)->unreachable = true;
}

/* ---- where values are (register form) ----------------------------------------------- */

static uint32_t slot(val *v, uint32_t height) { return v->nlocals + height; }

/* Writes the value of an entry at height h that is not in its slot to
 * slot `to`. */
static void put(val *v, opnd o, uint32_t to)
{
    if (o.kind == O_LOCAL) {
        if (o.local != to) {
            emit(v, 0x20);
            emit(v, to);
            emit(v, o.local);
        }
    } else if (o.kind == O_CONST) {
        emit(v, 0x41);
        emit(v, to);
        emit(v, (uint32_t)o.k);
    } else if (o.kind == O_CONST64) {
        emit(v, 0x42);
        emit(v, to);
        emit(v, (uint32_t)o.k);
        emit(v, (uint32_t)(o.k >> 32));
    }
}

static void flush_one(val *v, uint32_t i)
{
    put(v, v->os[i], slot(v, i));
    v->os[i] = (opnd){O_SLOT, 0, 0};
}

/* Every entry into its slot. */
static void flush_all(val *v)
{
    for (uint32_t i = v->clean; i < v->nvs; i++)
        flush_one(v, i);
    v->clean = v->nvs;
}

static bool names_local(val *v, uint32_t local)
{
    for (uint32_t i = v->clean; i < v->nvs; i++)
        if (v->os[i].kind == O_LOCAL && v->os[i].local == local)
            return true;
    return false;
}

/* Before local is written: the entries that name it into their slots. */
static void flush_local(val *v, uint32_t local)
{
    for (uint32_t i = v->clean; i < v->nvs; i++)
        if (v->os[i].kind == O_LOCAL && v->os[i].local == local)
            flush_one(v, i);
}

/* Pops a value of type want: where it is, its height and (if type is
 * not NULL) its type. */
static opnd pop_o(val *v, uint8_t want, uint32_t *height, uint8_t *type)
{
    uint32_t n = v->nvs;
    uint8_t t = pop_t(v, want);
    if (type)
        *type = t;
    *height = v->nvs;
    return v->nvs < n ? v->os[v->nvs] : (opnd){O_SLOT, 0, 0};
}

/* The slot an operand popped from `height` is read from: a constant is
 * written to that height's slot first. */
static uint32_t use(val *v, opnd o, uint32_t height)
{
    if (o.kind == O_LOCAL)
        return o.local;
    put(v, o, slot(v, height));
    return slot(v, height);
}

/* local = a value popped from `height`. */
static void assign(val *v, opnd o, uint32_t height, uint32_t local)
{
    if (o.kind == O_SLOT) {
        emit(v, 0x20);
        emit(v, local);
        emit(v, slot(v, height));
    } else {
        put(v, o, local);
    }
}

/* Pushes an instruction's result (type t) and starts the instruction
 * (opcode op) with it as the destination: the result's slot. */
static void emit_result(val *v, uint32_t op, uint8_t t)
{
    push(v, t);
    v->this_op = pc(v);
    emit(v, op);
    emit(v, slot(v, v->nvs - 1));
}

/* The previous instruction (last_op; nothing emitted since) wrote the
 * value `below` entries under the top of the stack, whose opcode is op
 * (0: any): its first word, or NO_FIX. */
static uint32_t fresh(val *v, uint32_t below, uint32_t op)
{
    uint32_t e = v->nvs - 1 - below;
    if (!live(v) || v->c->oom || v->last_op == NO_FIX || v->last_end != pc(v) ||
        v->nvs <= top(v)->height + below || v->os[e].kind != O_SLOT)
        return NO_FIX;
    const uint32_t *w = v->c->w + v->last_op;
    if (w[1] != slot(v, e) || (op && w[0] != op))
        return NO_FIX;
    return v->last_op;
}

/* An address computed by an i32.add just before (fresh) is taken back
 * for a load or store to do: *x, *y are its operands (slots, or a slot
 * and a constant: *k).  False: there is none. */
static bool take_add(val *v, uint32_t below, uint32_t *x, uint32_t *y, bool *k)
{
    uint32_t at = fresh(v, below, 0x6A);
    if (at == NO_FIX)
        at = fresh(v, below, wa_k_form(0x6A));
    if (at == NO_FIX)
        return false;
    *k = v->c->w[at] != 0x6A;
    *x = v->c->w[at + 2];
    *y = v->c->w[at + 3];
    v->c->n = at;
    return true;
}

/* The previous instruction wrote the value on top of the stack, and
 * nothing since: it can write to local instead (true) when no entry
 * names local.  Pops the value. */
static bool retarget(val *v, uint32_t local)
{
    uint32_t h = 0;
    if (fresh(v, 0, 0) == NO_FIX || names_local(v, local))
        return false;
    pop_o(v, v->locals[local], &h, NULL);
    v->c->w[v->last_op + 1] = local;
    return true;
}

/* The condition of br_if or if, popped: when the previous instruction
 * computed it with an i32 or i64 comparison (or i32.eqz), that instruction is
 * taken back: *cmp is its opcode and a, b (or the constant k, *kform)
 * its operands; else *cmp is 0 and *a the condition's slot. */
static void take_condition(val *v, bool fuse, uint32_t *cmp, uint32_t *a, uint32_t *b, bool *kform)
{
    uint32_t h = 0;
    bool taken = fuse && fresh(v, 0, 0) != NO_FIX;
    opnd o = pop_o(v, WA_I32, &h, NULL);
    *cmp = 0;
    *kform = false;
    if (taken) {
        const uint32_t *w = v->c->w + v->last_op;
        bool k32 = w[0] >= WA_OP_K && w[0] <= WA_OP_K + 9, k64 = w[0] >= WA_OP_K64 && w[0] <= WA_OP_K64 + 9;
        if (wa_is_i32_cmp(w[0]) || wa_is_i64_cmp(w[0]) || w[0] == 0x45 || k32 || k64) {
            *kform = k32 || k64;
            *cmp = k32 ? w[0] - WA_OP_K + 0x46 : k64 ? w[0] - WA_OP_K64 + 0x51 : w[0];
            *a = w[2];
            *b = w[0] == 0x45 ? 0 : w[3];
            v->c->n = v->last_op;
            return;
        }
    }
    *a = use(v, o, h);
}

/* Emits the branch for a condition from take_condition, taken when the
 * condition is true (false if `negate`); returns its target's word. */
static uint32_t emit_cond_branch(val *v, uint32_t cmp, uint32_t a, uint32_t b, bool kform, bool negate)
{
    if (cmp == 0x45) {            /* i32.eqz */
        cmp = 0;
        negate = !negate;
    } else if (cmp && negate) {
        cmp = wa_cmp_negate(cmp);
        negate = false;
    }
    if (!cmp) {
        emit(v, negate ? WA_OP_BR_UNLESS : 0x0D);
        uint32_t at = pc(v);
        emit(v, NO_FIX);
        emit(v, a);
        return at;
    }
    emit(v, wa_cmp_branch(cmp, kform));
    uint32_t at = pc(v);
    emit(v, NO_FIX);
    emit(v, a);
    emit(v, b);
    return at;
}

/* ---- control frames ------------------------------------------------------------------ */

static void push_ctl(val *v, uint8_t kind, uint32_t np, const uint8_t *pt, uint32_t nr, const uint8_t *rt)
{
    bool dead = v->ncs ? !live(v) : false;
    if (!grow(v, (void **)&v->cs, &v->cscap, sizeof(ctl), v->ncs + 1))
        return;
    v->cs[v->ncs++] = (ctl){.kind = kind, .dead = dead, .np = np, .nr = nr, .pt = pt, .rt = rt,
                            .height = v->nvs, .loop_pc = pc(v), .fixes = NO_FIX, .else_fix = NO_FIX};
    push_n(v, pt, np);
}

static void add_fix(val *v, ctl *c, uint32_t pos)
{
    size_t ci = (size_t)(c - v->cs);
    if (!grow(v, (void **)&v->fix, &v->fixcap, sizeof(fix), v->nfix + 1))
        return;
    c = &v->cs[ci];
    v->fix[v->nfix] = (fix){pos, c->fixes};
    c->fixes = v->nfix++;
}

static void patch(val *v, uint32_t pos, uint32_t target)
{
    if (pos != NO_FIX && pos < v->c->n)
        v->c->w[pos] = target;
}

/* The block type: empty, one value type, or a type index. */
static bool block_type(val *v, uint32_t *np, const uint8_t **pt, uint32_t *nr, const uint8_t **rt)
{
    if (v->r.p < v->r.end && (*v->r.p == 0x40 || wa_is_valtype(*v->r.p))) {
        /* one value type: the result list points at a constant copy of it */
        static const uint8_t valtypes[] = {WA_I32, WA_I64, WA_F32, WA_F64};
        uint8_t b = wa_rd_u8(&v->r);
        *np = 0;
        *pt = NULL;
        *nr = b != 0x40;
        *rt = b == 0x40 ? NULL : memchr(valtypes, b, sizeof valtypes);
        return true;
    }
    int64_t t = wa_rd_s64(&v->r);
    if (v->r.failed)
        return false;
    if (t < 0 || (uint64_t)t >= v->m->ntypes)
        return wa_fail_at(&v->r, v->op_at, "unknown type %lld (block type)", (long long)t);
    const wa_functype *ft = v->m->types[t];
    *np = ft->np;
    *pt = ft->t;
    *nr = ft->nr;
    *rt = ft->t + ft->np;
    return true;
}

/* The label's arity and types: a loop's are its params, others' their
 * results. */
static uint32_t label_arity(const ctl *c) { return c->kind == K_LOOP ? c->np : c->nr; }
static const uint8_t *label_types(const ctl *c) { return c->kind == K_LOOP ? c->pt : c->rt; }

static ctl *label(val *v, uint32_t depth)
{
    if (depth >= v->ncs) {
        wa_fail_at(&v->r, v->op_at, "unknown label %u", depth);
        return NULL;
    }
    return &v->cs[v->ncs - 1 - depth];
}

/* The label's types must be on the stack (they stay there). */
static void check_label(val *v, const ctl *c)
{
    uint32_t n = label_arity(c);
    const uint8_t *t = label_types(c);
    uint8_t got[64], *g = n <= 64 ? got : malloc(n);
    if (!g) {
        wa_fail(&v->r, "out of host memory");
        return;
    }
    HAL_ASSERT(v->clean == v->nvs || v->r.failed || !live(v));
    for (uint32_t i = n; i-- > 0 && !v->r.failed;)
        g[i] = pop_t(v, t[i]);
    for (uint32_t i = 0; i < n && !v->r.failed; i++)
        push(v, g[i]);
    if (g != got)
        free(g);
}

/* A branch to c must move the label's values down to c's height. */
static bool branch_moves(val *v, ctl *c)
{
    return v->nlocals + v->nvs - label_arity(c) != v->nlocals + c->height;
}

/* The branch's target word at `at`: a loop's header, or patched at c's end. */
static void branch_target(val *v, ctl *c, uint32_t at)
{
    if (!live(v))
        return;
    if (c->kind == K_LOOP)
        patch(v, at, c->loop_pc);
    else
        add_fix(v, c, at);
}

/* Emits a target word for c. */
static void emit_target(val *v, ctl *c)
{
    uint32_t at = pc(v);
    emit(v, NO_FIX);
    branch_target(v, c, at);
}

/* The slots a branch to c moves its values from and to. */
static void emit_move_operands(val *v, ctl *c)
{
    emit(v, slot(v, c->height));
    emit(v, slot(v, v->nvs - label_arity(c)));
    emit(v, label_arity(c));
}

/* br_table's entries always carry the destination and arity. */
static void emit_table_entry(val *v, ctl *c)
{
    emit_target(v, c);
    emit(v, slot(v, c->height));
    emit(v, label_arity(c));
}

static void end_block(val *v)
{
    ctl *c = top(v);
    pop_n(v, c->rt, c->nr);
    if (!v->r.failed && v->nvs != c->height)
        wa_fail_at(&v->r, v->op_at, "type mismatch: %u value%s left on the stack at the end of the block",
                   v->nvs - c->height, v->nvs - c->height == 1 ? "" : "s");
    if (!v->r.failed && c->kind == K_IF &&
        (c->np != c->nr || (c->np && memcmp(c->pt, c->rt, c->np))))
        wa_fail_at(&v->r, v->op_at, "type mismatch: an if without else must have the same param and result types");
    if (v->r.failed)
        return;
    uint32_t end = pc(v);
    patch(v, c->else_fix, end);
    for (uint32_t f = c->fixes; f != NO_FIX; f = v->fix[f].next)
        patch(v, v->fix[f].pos, end);
    uint32_t nr = c->nr;
    const uint8_t *rt = c->rt;
    v->ncs--;
    if (v->ncs)
        push_n(v, rt, nr);
}

/* ---- instructions ----------------------------------------------------------------------- */

static bool memarg(val *v, uint32_t natural_log2, uint32_t *offset)
{
    if (!v->m->has_mem)
        return wa_fail_at(&v->r, v->op_at, "unknown memory 0");
    uint32_t align = wa_rd_u32(&v->r);
    *offset = wa_rd_u32(&v->r);
    if (!v->r.failed && align > natural_log2)
        return wa_fail_at(&v->r, v->op_at, "alignment must not be larger than natural");
    return !v->r.failed;
}

static void zero_byte(val *v)
{
    if (wa_rd_u8(&v->r) != 0 && !v->r.failed)
        wa_fail_at(&v->r, v->op_at, "zero byte expected");
}

/* Loads 0x28..0x35: result type and natural alignment; stores 0x36..0x3E. */
static const uint8_t load_type[14] = {WA_I32, WA_I64, WA_F32, WA_F64, WA_I32, WA_I32, WA_I32, WA_I32,
                                      WA_I64, WA_I64, WA_I64, WA_I64, WA_I64, WA_I64};
static const uint8_t load_align[14] = {2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2};
static const uint8_t store_type[9] = {WA_I32, WA_I64, WA_F32, WA_F64, WA_I32, WA_I32, WA_I64, WA_I64, WA_I64};
static const uint8_t store_align[9] = {2, 3, 2, 3, 0, 1, 0, 1, 2};

/* Numeric instructions 0x45..0xC4: operand types (0: none) and result. */
typedef struct numsig { uint8_t a, b, r; } numsig;

static numsig num_sig(uint32_t op)
{
    if (op == 0x45) return (numsig){WA_I32, 0, WA_I32};
    if (op <= 0x4F) return (numsig){WA_I32, WA_I32, WA_I32};
    if (op == 0x50) return (numsig){WA_I64, 0, WA_I32};
    if (op <= 0x5A) return (numsig){WA_I64, WA_I64, WA_I32};
    if (op <= 0x60) return (numsig){WA_F32, WA_F32, WA_I32};
    if (op <= 0x66) return (numsig){WA_F64, WA_F64, WA_I32};
    if (op <= 0x69) return (numsig){WA_I32, 0, WA_I32};
    if (op <= 0x78) return (numsig){WA_I32, WA_I32, WA_I32};
    if (op <= 0x7B) return (numsig){WA_I64, 0, WA_I64};
    if (op <= 0x8A) return (numsig){WA_I64, WA_I64, WA_I64};
    if (op <= 0x91) return (numsig){WA_F32, 0, WA_F32};
    if (op <= 0x98) return (numsig){WA_F32, WA_F32, WA_F32};
    if (op <= 0x9F) return (numsig){WA_F64, 0, WA_F64};
    if (op <= 0xA6) return (numsig){WA_F64, WA_F64, WA_F64};
    static const numsig conv[] = {
        {WA_I64, 0, WA_I32},                                            /* A7 wrap */
        {WA_F32, 0, WA_I32}, {WA_F32, 0, WA_I32}, {WA_F64, 0, WA_I32}, {WA_F64, 0, WA_I32},
        {WA_I32, 0, WA_I64}, {WA_I32, 0, WA_I64},                       /* AC AD extend */
        {WA_F32, 0, WA_I64}, {WA_F32, 0, WA_I64}, {WA_F64, 0, WA_I64}, {WA_F64, 0, WA_I64},
        {WA_I32, 0, WA_F32}, {WA_I32, 0, WA_F32}, {WA_I64, 0, WA_F32}, {WA_I64, 0, WA_F32},
        {WA_F64, 0, WA_F32},                                            /* B6 demote */
        {WA_I32, 0, WA_F64}, {WA_I32, 0, WA_F64}, {WA_I64, 0, WA_F64}, {WA_I64, 0, WA_F64},
        {WA_F32, 0, WA_F64},                                            /* BB promote */
        {WA_F32, 0, WA_I32}, {WA_F64, 0, WA_I64}, {WA_I32, 0, WA_F32}, {WA_I64, 0, WA_F64},   /* BC..BF */
        {WA_I32, 0, WA_I32}, {WA_I32, 0, WA_I32},                       /* C0 C1 */
        {WA_I64, 0, WA_I64}, {WA_I64, 0, WA_I64}, {WA_I64, 0, WA_I64},  /* C2..C4 */
    };
    return conv[op - 0xA7];
}

static bool traps(uint32_t op)
{
    return (op >= 0x6D && op <= 0x70) || (op >= 0x7F && op <= 0x82) || (op >= 0xA8 && op <= 0xAB) ||
           (op >= 0xAE && op <= 0xB1);
}

/* A constant a K form can carry: an i32, or an i64 that fits in 32 bits
 * (sign-extended).  The operand's type is the instruction's. */
static bool k_operand(opnd o)
{
    return o.kind == O_CONST || (o.kind == O_CONST64 && (int64_t)o.k == (int32_t)(uint32_t)o.k);
}

static void numeric(val *v, uint32_t op)
{
    numsig s = num_sig(op);
    uint32_t ha = 0, hb = 0;
    opnd b = {O_SLOT, 0, 0};
    if (s.b)
        b = pop_o(v, s.b, &hb, NULL);
    opnd a = pop_o(v, s.a, &ha, NULL);
    if (op >= 0xBC && op <= 0xBF) {
        push_o(v, s.r, a);   /* reinterpretations: the bits stay as they are */
        return;
    }
    if (s.b && wa_k_form(op) && k_operand(a) && !k_operand(b) && wa_commutes(op)) {
        opnd t = a;
        uint32_t th = ha;
        a = b, ha = hb;
        b = t, hb = th;
    }
    if (s.b && wa_k_form(op) && k_operand(b)) {
        uint32_t sa = use(v, a, ha);
        emit_result(v, wa_k_form(op), s.r);
        emit(v, sa);
        emit(v, (uint32_t)b.k);
        return;
    }
    uint32_t sa = use(v, a, ha), sb = s.b ? use(v, b, hb) : 0;
    emit_result(v, op, s.r);
    emit(v, sa);
    if (s.b)
        emit(v, sb);
    if (traps(op))
        trap_site(v);
}

/* Three i32 operands (bulk memory: d, s or value, n) in consecutive
 * slots: their first. */
static uint32_t pop3(val *v)
{
    flush_all(v);
    for (int i = 0; i < 3; i++)
        pop_t(v, WA_I32);
    return slot(v, v->nvs);
}

static void call_sig(val *v, const wa_functype *t)
{
    pop_n(v, t->t, t->np);
    push_n(v, t->t + t->np, t->nr);
}

static uint32_t rd_index(val *v, uint32_t limit, const char *what)
{
    uint32_t i = wa_rd_u32(&v->r);
    if (!v->r.failed && i >= limit)
        wa_fail_at(&v->r, v->op_at, "unknown %s %u", what, i);
    return i;
}

/* memory.copy, memory.fill, table.copy: op base. */
static void emit_bulk(val *v, uint32_t op)
{
    uint32_t base = pop3(v);
    emit(v, op);
    emit(v, base);
    trap_site(v);
}

/* The 0xFC-prefixed instructions. */
static void prefixed(val *v)
{
    uint32_t sub = wa_rd_u32(&v->r);
    if (v->r.failed)
        return;
    const wa_mod *m = v->m;
    if (sub <= 7) {   /* saturating truncation */
        static const numsig s[8] = {{WA_F32, 0, WA_I32}, {WA_F32, 0, WA_I32}, {WA_F64, 0, WA_I32}, {WA_F64, 0, WA_I32},
                                    {WA_F32, 0, WA_I64}, {WA_F32, 0, WA_I64}, {WA_F64, 0, WA_I64}, {WA_F64, 0, WA_I64}};
        uint32_t h = 0;
        opnd a = pop_o(v, s[sub].a, &h, NULL);
        uint32_t sa = use(v, a, h);
        emit_result(v, 0x100 + sub, s[sub].r);
        emit(v, sa);
        return;
    }
    switch (sub) {
    case 8: {   /* memory.init data 0 */
        if (!m->has_datacount) {
            wa_fail_at(&v->r, v->op_at, "data count section required");
            return;
        }
        uint32_t d = rd_index(v, m->datacount, "data segment");
        zero_byte(v);
        if (!m->has_mem && !v->r.failed)
            wa_fail_at(&v->r, v->op_at, "unknown memory 0");
        uint32_t base = pop3(v);
        emit(v, 0x108);
        emit(v, d);
        emit(v, base);
        trap_site(v);
        return;
    }
    case 9: {   /* data.drop */
        if (!m->has_datacount) {
            wa_fail_at(&v->r, v->op_at, "data count section required");
            return;
        }
        uint32_t d = rd_index(v, m->datacount, "data segment");
        emit(v, 0x109);
        emit(v, d);
        return;
    }
    case 10:   /* memory.copy 0 0 */
    case 11:   /* memory.fill 0 */
        zero_byte(v);
        if (sub == 10)
            zero_byte(v);
        if (!m->has_mem && !v->r.failed)
            wa_fail_at(&v->r, v->op_at, "unknown memory 0");
        emit_bulk(v, 0x100 + sub);
        return;
    case 12: {   /* table.init elem table */
        uint32_t e = rd_index(v, m->nelems, "elem segment");
        rd_index(v, m->has_table, "table");
        uint32_t base = pop3(v);
        emit(v, 0x10C);
        emit(v, e);
        emit(v, base);
        trap_site(v);
        return;
    }
    case 13: {   /* elem.drop */
        uint32_t e = rd_index(v, m->nelems, "elem segment");
        emit(v, 0x10D);
        emit(v, e);
        return;
    }
    case 14:   /* table.copy dst src */
        rd_index(v, m->has_table, "table");
        emit_bulk(v, 0x10E);
        return;
    default:
        wa_fail_at(&v->r, v->op_at, "unsupported instruction 0xfc %u (reference types and later proposals)", sub);
    }
}

/* One instruction.  False at the function's final end. */
static bool instr_one(val *v)
{
    v->op_at = wa_rd_offset(&v->r);
    uint8_t op = wa_rd_u8(&v->r);
    if (v->r.failed)
        return false;
    const wa_mod *m = v->m;
    switch (op) {
    case 0x00: emit(v, 0x00); trap_site(v); unreachable_now(v); break;
    case 0x01: break;
    case 0x02: case 0x03: case 0x04: {
        uint32_t np = 0, nr = 0, cmp = 0, ca = 0, cb = 0;
        bool kform = false;
        const uint8_t *pt = NULL, *rt = NULL;
        if (op == 0x04)
            take_condition(v, true, &cmp, &ca, &cb, &kform);
        flush_all(v);
        if (!block_type(v, &np, &pt, &nr, &rt))
            return false;
        pop_n(v, pt, np);
        if (v->r.failed)
            return false;
        bool was_live = live(v);
        push_ctl(v, op == 0x02 ? K_BLOCK : op == 0x03 ? K_LOOP : K_IF, np, pt, nr, rt);
        if (op == 0x03)
            emit(v, 0x03);
        if (op == 0x04 && was_live)
            top(v)->else_fix = emit_cond_branch(v, cmp, ca, cb, kform, true);
        break;
    }
    case 0x05: {
        ctl *c = top(v);
        if (c->kind != K_IF)
            return wa_fail_at(&v->r, v->op_at, "else without if");
        flush_all(v);
        pop_n(v, c->rt, c->nr);
        if (!v->r.failed && v->nvs != c->height)
            return wa_fail_at(&v->r, v->op_at, "type mismatch: %u value%s left on the stack at else",
                              v->nvs - c->height, v->nvs - c->height == 1 ? "" : "s");
        if (live(v)) {
            emit(v, 0x0C);
            add_fix(v, c, pc(v));
            emit(v, NO_FIX);
        }
        c = top(v);
        patch(v, c->else_fix, pc(v));
        c->else_fix = NO_FIX;
        c->kind = K_ELSE;
        c->unreachable = false;
        push_n(v, c->pt, c->np);
        break;
    }
    case 0x0B: {
        bool last = v->ncs == 1;
        uint32_t nr = top(v)->nr;
        flush_all(v);
        end_block(v);
        if (last && !v->r.failed) {
            /* the results are at height 0 */
            wa_emit(v->c, 0x0F);
            wa_emit(v->c, nr);
            wa_emit(v->c, v->nlocals);
            return false;
        }
        break;
    }
    case 0x0C: {
        ctl *c = label(v, wa_rd_u32(&v->r));
        if (!c)
            return false;
        flush_all(v);
        check_label(v, c);
        if (live(v) && !v->r.failed) {
            bool move = branch_moves(v, c);
            emit(v, move ? WA_OP_BR_DROP : 0x0C);
            emit_target(v, c);
            if (move)
                emit_move_operands(v, c);
        }
        unreachable_now(v);
        break;
    }
    case 0x0D: {
        ctl *c = label(v, wa_rd_u32(&v->r));
        if (!c)
            return false;
        /* after the condition is popped, will the branch move values? */
        bool move = v->nvs - 1 - label_arity(c) != c->height;
        uint32_t cmp = 0, ca = 0, cb = 0;
        bool kform = false;
        take_condition(v, !move, &cmp, &ca, &cb, &kform);
        flush_all(v);
        check_label(v, c);
        if (!live(v) || v->r.failed)
            break;
        if (branch_moves(v, c)) {
            HAL_ASSERT(!cmp);
            emit(v, WA_OP_BR_IF_DROP);
            emit_target(v, c);
            emit_move_operands(v, c);
            emit(v, ca);
        } else {
            branch_target(v, c, emit_cond_branch(v, cmp, ca, cb, kform, false));
        }
        break;
    }
    case 0x0E: {
        uint32_t n = wa_rd_count(&v->r, 1);
        if (v->r.failed)
            return false;
        uint32_t *depths = malloc(((size_t)n + 1) * sizeof *depths);
        if (!depths)
            return wa_fail(&v->r, "out of host memory");
        for (uint32_t i = 0; i <= n && !v->r.failed; i++)
            depths[i] = wa_rd_u32(&v->r);
        uint32_t h = 0;
        opnd index = pop_o(v, WA_I32, &h, NULL);
        flush_all(v);
        ctl *def = v->r.failed ? NULL : label(v, depths[n]);
        for (uint32_t i = 0; def && i <= n && !v->r.failed; i++) {
            ctl *c = label(v, depths[i]);
            if (!c)
                break;
            if (label_arity(c) != label_arity(def))
                wa_fail_at(&v->r, v->op_at, "type mismatch: br_table targets of different arities");
            else
                check_label(v, c);
        }
        if (!v->r.failed && live(v)) {
            uint32_t si = use(v, index, h);
            emit(v, 0x0E);
            emit(v, n);
            emit(v, si);
            emit(v, slot(v, v->nvs - label_arity(def)));
            for (uint32_t i = 0; i <= n; i++)
                emit_table_entry(v, label(v, depths[i]));
        }
        free(depths);
        unreachable_now(v);
        break;
    }
    case 0x0F: {
        ctl *f = &v->cs[0];
        flush_all(v);
        uint32_t src = slot(v, v->nvs - f->nr);
        pop_n(v, f->rt, f->nr);
        emit(v, 0x0F);
        emit(v, f->nr);
        emit(v, src);
        unreachable_now(v);
        break;
    }
    case 0x10: {
        uint32_t f = rd_index(v, m->nfuncs, "function");
        if (v->r.failed)
            return false;
        const wa_functype *t = m->types[m->funcs[f].type];
        flush_all(v);
        uint32_t base = slot(v, v->nvs - t->np);
        call_sig(v, t);
        emit(v, 0x10);
        emit(v, f);
        emit(v, base);
        trap_site(v);
        break;
    }
    case 0x11: {
        uint32_t t = rd_index(v, m->ntypes, "type");
        uint32_t table = wa_rd_u32(&v->r);
        if (!v->r.failed && (table != 0 || !m->has_table))
            return wa_fail_at(&v->r, v->op_at, "unknown table %u", table);
        if (v->r.failed)
            return false;
        uint32_t h = 0;
        opnd index = pop_o(v, WA_I32, &h, NULL);
        flush_all(v);
        uint32_t si = use(v, index, h), base = slot(v, v->nvs - m->types[t]->np);
        call_sig(v, m->types[t]);
        emit(v, 0x11);
        emit(v, m->canon[t]);
        emit(v, base);
        emit(v, si);
        trap_site(v);
        break;
    }
    case 0x1A: pop(v); break;
    case 0x1B: case 0x1C: {
        uint8_t want = UNKNOWN;
        if (op == 0x1C) {
            uint32_t n = wa_rd_u32(&v->r);
            want = wa_rd_u8(&v->r);
            if (!v->r.failed && (n != 1 || !wa_is_valtype(want)))
                return wa_fail_at(&v->r, v->op_at, "invalid result arity or type for select");
        }
        uint32_t hc = 0, hb = 0, ha = 0;
        uint8_t a = UNKNOWN, b = UNKNOWN;
        opnd oc = pop_o(v, WA_I32, &hc, NULL), ob = pop_o(v, want, &hb, &b), oa = pop_o(v, want, &ha, &a);
        if (!v->r.failed && a != b && a != UNKNOWN && b != UNKNOWN)
            return wa_fail_at(&v->r, v->op_at, "type mismatch: select of %s and %s", wa_type_name(a), wa_type_name(b));
        if (!v->r.failed && !wa_is_valtype(a) && a != UNKNOWN)
            return wa_fail_at(&v->r, v->op_at, "type mismatch: select of references needs a type");
        uint32_t sa = use(v, oa, ha), sb = use(v, ob, hb), sc = use(v, oc, hc);
        emit_result(v, 0x1B, a != UNKNOWN ? a : b);
        emit(v, sa);
        emit(v, sb);
        emit(v, sc);
        break;
    }
    case 0x20: case 0x21: case 0x22: {
        uint32_t i = rd_index(v, v->nlocals, "local");
        if (v->r.failed)
            return false;
        uint8_t t = v->locals[i];
        if (op == 0x20) {
            push_o(v, t, (opnd){O_LOCAL, i, 0});
        } else if (retarget(v, i)) {
            if (op == 0x22)
                push_o(v, t, (opnd){O_LOCAL, i, 0});
        } else {
            uint32_t h = 0;
            opnd o = pop_o(v, t, &h, NULL);
            flush_local(v, i);
            assign(v, o, h, i);
            if (op == 0x22)
                push_o(v, t, o.kind == O_SLOT ? o : o.kind == O_LOCAL ? (opnd){O_LOCAL, i, 0} : o);
        }
        break;
    }
    case 0x23: case 0x24: {
        uint32_t g = rd_index(v, m->nglobals, "global");
        if (v->r.failed)
            return false;
        if (op == 0x23) {
            emit_result(v, 0x23, m->globals[g].type);
            emit(v, g);
        } else if (!m->globals[g].mut) {
            return wa_fail_at(&v->r, v->op_at, "global is immutable");
        } else {
            uint32_t h = 0;
            opnd o = pop_o(v, m->globals[g].type, &h, NULL);
            uint32_t so = use(v, o, h);
            emit(v, 0x24);
            emit(v, g);
            emit(v, so);
        }
        break;
    }
    case 0x3F: case 0x40: {
        zero_byte(v);
        if (!m->has_mem && !v->r.failed)
            return wa_fail_at(&v->r, v->op_at, "unknown memory 0");
        uint32_t h = 0, so = 0;
        if (op == 0x40) {
            opnd o = pop_o(v, WA_I32, &h, NULL);
            so = use(v, o, h);
        }
        emit_result(v, op, WA_I32);
        if (op == 0x40)
            emit(v, so);
        break;
    }
    case 0x41:
        push_o(v, WA_I32, (opnd){O_CONST, 0, (uint32_t)wa_rd_s32(&v->r)});
        break;
    case 0x42:
        push_o(v, WA_I64, (opnd){O_CONST64, 0, (uint64_t)wa_rd_s64(&v->r)});
        break;
    case 0x43:
        push_o(v, WA_F32, (opnd){O_CONST, 0, wa_rd_fixed32(&v->r)});
        break;
    case 0x44:
        push_o(v, WA_F64, (opnd){O_CONST64, 0, wa_rd_fixed64(&v->r)});
        break;
    case 0xFC: prefixed(v); break;
    default:
        if (op >= 0x28 && op <= 0x3E) {
            bool load = op <= 0x35;
            uint32_t k = load ? op - 0x28u : op - 0x36u, offset = 0, ha = 0, hv = 0;
            if (!memarg(v, load ? load_align[k] : store_align[k], &offset))
                return false;
            uint32_t x = 0, y = 0;
            bool kadd = false;
            if (load) {
                bool added = take_add(v, 0, &x, &y, &kadd);
                opnd a = pop_o(v, WA_I32, &ha, NULL);
                bool abs = !added && a.kind == O_CONST;
                uint32_t sa = added ? x : abs ? (uint32_t)a.k : use(v, a, ha);
                uint32_t form = added ? (kadd ? WA_OP_LOAD_ADDK : WA_OP_LOAD_ADD) : abs ? WA_OP_LOAD_ABS : 0x28;
                emit_result(v, form + (op - 0x28u), load_type[k]);
                emit(v, sa);
                if (added)
                    emit(v, y);
            } else {
                /* not with a constant value: it would be written to the
                 * slot above the address, which may be the add's operand */
                bool added = v->nvs > 0 && v->os[v->nvs - 1].kind == O_LOCAL && take_add(v, 1, &x, &y, &kadd);
                opnd value = pop_o(v, store_type[k], &hv, NULL), a = pop_o(v, WA_I32, &ha, NULL);
                bool abs = !added && a.kind == O_CONST;
                uint32_t sa = added ? x : abs ? (uint32_t)a.k : use(v, a, ha), sv = use(v, value, hv);
                uint32_t form = added ? (kadd ? WA_OP_STORE_ADDK : WA_OP_STORE_ADD) : abs ? WA_OP_STORE_ABS : 0x36;
                emit(v, form + (op - 0x36u));
                emit(v, sa);
                if (added)
                    emit(v, y);
                emit(v, sv);
            }
            emit(v, offset);
            trap_site(v);
        } else if (op >= 0x45 && op <= 0xC4) {
            numeric(v, op);
        } else {
            return wa_fail_at(&v->r, v->op_at, "illegal opcode 0x%02x", op);
        }
    }
    return !v->r.failed;
}

/* One instruction; what it wrote (last_op) is remembered for the next
 * one, and past local.get, constants and nop (which emit nothing and are
 * never branch targets: a store's address stays fresh under its value). */
static bool instr(val *v)
{
    uint8_t op = v->r.p < v->r.end ? *v->r.p : 0;
    bool keep = op == 0x01 || op == 0x20 || (op >= 0x41 && op <= 0x44);
    v->this_op = NO_FIX;
    bool more = instr_one(v);
    if (!keep || pc(v) != v->last_end) {
        v->last_op = v->this_op;
        v->last_end = pc(v);
    }
    return more;
}

/* The locals: the parameters, then the declared ones. */
static bool read_locals(val *v, const wa_functype *t)
{
    uint32_t groups = wa_rd_count(&v->r, 2);
    uint64_t total = t->np;
    const uint8_t *save = v->r.p;
    for (uint32_t i = 0; i < groups && !v->r.failed; i++) {
        total += wa_rd_u32(&v->r);
        wa_rd_u8(&v->r);
        if (total > 50000)
            return wa_fail(&v->r, "too many locals (%llu; this engine allows 50000)", (unsigned long long)total);
    }
    if (v->r.failed)
        return false;
    v->locals = malloc(total ? total : 1);
    if (!v->locals)
        return wa_fail(&v->r, "out of host memory");
    memcpy(v->locals, t->t, t->np);
    v->nlocals = t->np;
    v->r.p = save;
    for (uint32_t i = 0; i < groups; i++) {
        uint32_t n = wa_rd_u32(&v->r);
        size_t at = wa_rd_offset(&v->r);
        uint8_t ty = wa_rd_u8(&v->r);
        if (!wa_is_valtype(ty))
            return wa_fail_at(&v->r, at, "malformed value type 0x%02x", ty);
        memset(v->locals + v->nlocals, ty, n);
        v->nlocals += n;
    }
    return true;
}

int wa_translate_func(const wa_mod *m, uint32_t fi, wa_code *c, uint32_t *nlocals, uint32_t *max_height,
                      wa_error *err)
{
    const wa_fdecl *f = &m->funcs[fi];
    const wa_functype *t = m->types[f->type];
    val v = {.r = {.base = m->bytes, .p = f->body, .end = f->body + f->body_len, .err = err, .func = fi},
             .m = m, .c = c, .last_op = NO_FIX, .this_op = NO_FIX};
    if (read_locals(&v, t)) {
        push_ctl(&v, K_FUNC, 0, NULL, t->nr, t->t + t->np);
        while (!v.r.failed && instr(&v)) {
            if (v.r.p >= v.r.end && !v.r.failed) {
                wa_fail(&v.r, "unexpected end of the function (END opcode expected)");
                break;
            }
        }
        if (!v.r.failed && v.r.p != v.r.end)
            wa_fail(&v.r, "section size mismatch (bytes after the function's end)");
        if (!v.r.failed && c->oom)
            wa_fail(&v.r, "out of host memory");
    }
    *nlocals = v.nlocals;
    *max_height = v.nlocals + v.maxvs;
    free(v.locals);
    free(v.vs);
    free(v.os);
    free(v.cs);
    free(v.fix);
    return v.r.failed ? -1 : 0;
}
