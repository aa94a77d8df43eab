/*
 * wa_fuse.c - superinstructions: the translator (wa_valid.c) asks, before
 * emitting an instruction, whether it merges with the instruction just
 * emitted into one internal instruction (wa_internal.h, WA_OP_LOCAL_GET2
 * and after).  The pairs are the most frequent ones in clang -O2 code, as
 * counted over bench/wasm/ (local.get then i32.const is a tenth of all
 * instructions run, i32.const then i32.add another): each merge saves a
 * dispatch and a round trip of a value through the operand stack.  A
 * br_if after an i32 comparison becomes one compare-and-branch.
 *
 * Invariant: a merge never spans a branch target (the caller passes
 * WA_NO_FUSE as `last` after any control instruction, so code after an
 * `end`, `else` or `loop` starts fresh), and merged instructions neither
 * trap nor reach a safepoint, so an instruction boundary of the merged
 * code is one of the original code and the state a snapshot sees is the
 * same as without merging.
 */
#include "wa_internal.h"

/* The previous instruction is `op` with `len` words in all, ending at the
 * end of the code. */
static bool prev_is(const wa_code *c, uint32_t last, uint32_t op, size_t len)
{
    return c->n - last == len && c->w[last] == op;
}

bool wa_fuse(wa_code *c, uint32_t last, uint32_t op, uint32_t imm)
{
    if (last == WA_NO_FUSE || c->oom || last >= c->n)
        return false;
    uint32_t *w = c->w + last;
    switch (op) {
    case 0x20:   /* local.get */
        if (prev_is(c, last, 0x20, 2))
            w[0] = WA_OP_LOCAL_GET2;
        else if (prev_is(c, last, 0x21, 2))
            w[0] = WA_OP_LOCAL_SET_GET;
        else
            return false;
        wa_emit(c, imm);
        return true;
    case 0x22:   /* local.tee */
        if (prev_is(c, last, 0x6A, 1))
            w[0] = WA_OP_I32_ADD_TEE;
        else if (prev_is(c, last, WA_OP_I32_ADD_IMM, 2))
            w[0] = WA_OP_I32_ADD_IMM_TEE;
        else if (prev_is(c, last, WA_OP_LOCAL_ADD_IMM, 3))
            w[0] = WA_OP_LOCAL_ADD_IMM_TEE;
        else if (prev_is(c, last, WA_OP_LOCAL_SHL_IMM, 3))
            w[0] = WA_OP_LOCAL_SHL_IMM_TEE;
        else
            return false;
        wa_emit(c, imm);
        return true;
    case 0x41:   /* i32.const (and f32.const) */
        if (!prev_is(c, last, 0x20, 2))
            return false;
        w[0] = WA_OP_LOCAL_CONST;
        wa_emit(c, imm);
        return true;
    case 0x6A:   /* i32.add */
    case 0x74:   /* i32.shl */
        if (prev_is(c, last, 0x41, 2))
            w[0] = op == 0x6A ? WA_OP_I32_ADD_IMM : WA_OP_I32_SHL_IMM;
        else if (prev_is(c, last, WA_OP_LOCAL_CONST, 3))
            w[0] = op == 0x6A ? WA_OP_LOCAL_ADD_IMM : WA_OP_LOCAL_SHL_IMM;
        else
            return false;
        return true;
    default:
        return false;
    }
}

uint32_t wa_fuse_branch(wa_code *c, uint32_t last)
{
    if (last == WA_NO_FUSE || c->oom || last >= c->n || c->n - last != 1)
        return 0x0D;
    uint32_t op = c->w[last];
    if (op < 0x45 || op > 0x4F)
        return 0x0D;
    c->n = last;
    return op == 0x45 ? WA_OP_BR_UNLESS : WA_OP_BR_IF_EQ + (op - 0x46);
}
