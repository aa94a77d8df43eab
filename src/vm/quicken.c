/*
 * quicken.c - fusing instruction pairs in installed code (quicken.h).
 */
#include <stdbool.h>

#include "quicken.h"

/* The fused form of a comparison followed by jt or jf, or 0. */
static uint8_t compare_and_jump(uint8_t cmp)
{
    switch (cmp) {
    case PV_OP_LT: return PV_QOP_LT_JCOND;
    case PV_OP_LE: return PV_QOP_LE_JCOND;
    case PV_OP_GT: return PV_QOP_GT_JCOND;
    case PV_OP_GE: return PV_QOP_GE_JCOND;
    case PV_OP_EQ: return PV_QOP_EQ_JCOND;
    case PV_OP_NE: return PV_QOP_NE_JCOND;
    default: return 0;
    }
}

/* The fused form of `pushint k` followed by an arithmetic op, or 0. */
static uint8_t pushint_and(uint8_t op)
{
    switch (op) {
    case PV_OP_ADD: return PV_QOP_PUSHINT_ADD;
    case PV_OP_SUB: return PV_QOP_PUSHINT_SUB;
    case PV_OP_MUL: return PV_QOP_PUSHINT_MUL;
    case PV_OP_DIV: return PV_QOP_PUSHINT_DIV;
    case PV_OP_REM: return PV_QOP_PUSHINT_REM;
    default: return 0;
    }
}

/* The fused form of `load a` followed by an arithmetic op, or 0. */
static uint8_t load_and(uint8_t op)
{
    switch (op) {
    case PV_OP_ADD: return PV_QOP_LOAD_ADD;
    case PV_OP_SUB: return PV_QOP_LOAD_SUB;
    case PV_OP_MUL: return PV_QOP_LOAD_MUL;
    case PV_OP_DIV: return PV_QOP_LOAD_DIV;
    default: return 0;
    }
}

/* The fused pair for an instruction `first` followed by `second`, or 0. */
static uint8_t fuse_pair(uint8_t first, uint8_t second)
{
    if (first == PV_OP_LOAD && second == PV_OP_LOAD)
        return PV_QOP_LOAD_LOAD;
    if (first == PV_OP_LOAD && second == PV_OP_PUSHINT)
        return PV_QOP_LOAD_PUSHINT;
    if (first == PV_OP_LOAD && second == PV_OP_GETFIELD)
        return PV_QOP_LOAD_GETFIELD;
    if (first == PV_OP_LOAD && (second == PV_OP_JLT || second == PV_OP_JGE))
        return PV_QOP_LOAD_JCMP;
    if (first == PV_OP_LOAD)
        return load_and(second);
    if (first == PV_OP_PUSHINT)
        return pushint_and(second);
    if (second == PV_OP_STORE)
        return first == PV_OP_ADD ? PV_QOP_ADD_STORE
             : first == PV_OP_SUB ? PV_QOP_SUB_STORE
             : first == PV_OP_MUL ? PV_QOP_MUL_STORE
             : 0;
    if (second == PV_OP_JT || second == PV_OP_JF)
        return compare_and_jump(first);
    return 0;
}

/* The fused triple for a fused pair followed by `third`, or 0. */
static uint8_t fuse_triple(uint8_t pair, uint8_t third)
{
    bool jcmp = third == PV_OP_JLT || third == PV_OP_JGE;
    if (pair == PV_QOP_LOAD_LOAD && third == PV_OP_ADD)
        return PV_QOP_LOAD_LOAD_ADD;
    if (pair == PV_QOP_LOAD_LOAD && third == PV_OP_SUB)
        return PV_QOP_LOAD_LOAD_SUB;
    if (pair == PV_QOP_LOAD_LOAD && third == PV_OP_MUL)
        return PV_QOP_LOAD_LOAD_MUL;
    if (pair == PV_QOP_LOAD_LOAD && third == PV_OP_ALOAD)
        return PV_QOP_LOAD_LOAD_ALOAD;
    if (pair == PV_QOP_LOAD_LOAD && jcmp)
        return PV_QOP_LOAD_LOAD_JCMP;
    if (pair == PV_QOP_LOAD_PUSHINT && jcmp)
        return PV_QOP_LOAD_PUSHINT_JCMP;
    return 0;
}

/* One pass from the start.  at[0..2] are the three instructions before
 * pc (at[2] the nearest) and op[] their original opcodes; c[] at them may
 * already hold a fused opcode.  Invariant: c[x] is fused only with the
 * instructions that follow x, so restoring op[] at x is always correct. */
void pv_quicken(struct pv_method *m)
{
    uint8_t *c = m->code;
    uint32_t pc = 0, at[3] = {UINT32_MAX, UINT32_MAX, UINT32_MAX};
    uint8_t op[3] = {PV_OP_NOP, PV_OP_NOP, PV_OP_NOP};
    while (pc < m->code_len) {
        uint8_t cur = c[pc];   /* always an original opcode: only earlier ones change */
        if (at[2] != UINT32_MAX) {
            uint8_t pair = fuse_pair(op[2], cur);
            if (pair)
                c[at[2]] = pair;
        }
        if (at[1] != UINT32_MAX) {
            uint8_t triple = fuse_triple(c[at[1]], cur);
            if (triple) {
                c[at[1]] = triple;
                c[at[2]] = op[2];   /* inside the triple: as written */
                /* A pair fused at at[0] would run past at[1] into at[2] and
                 * never reach the triple: it is taken apart again. */
                if (at[0] != UINT32_MAX)
                    c[at[0]] = op[0];
            }
        }
        /* load; pushint; compare; jump: at[0] holds the pair of the
         * first two, at[2] the compare fused with this jump.  load;
         * compare; jump: at[1] holds a lone load (a pair at at[0] that
         * ran into it is taken apart, as for triples). */
        bool cjump = (cur == PV_OP_JT || cur == PV_OP_JF) && compare_and_jump(op[2]);
        if (cjump && at[0] != UINT32_MAX && c[at[0]] == PV_QOP_LOAD_PUSHINT) {
            c[at[0]] = PV_QOP_LOAD_PUSHINT_CJUMP;
        } else if (cjump && at[1] != UINT32_MAX && c[at[1]] == PV_OP_LOAD) {
            c[at[1]] = PV_QOP_LOAD_CJUMP;
            if (at[0] != UINT32_MAX)
                c[at[0]] = op[0];
        }
        at[0] = at[1], op[0] = op[1];
        at[1] = at[2], op[1] = op[2];
        at[2] = pc, op[2] = cur;
        pc += (uint32_t)pv_op_size(pv_opinfo[cur].fmt);
    }
}
