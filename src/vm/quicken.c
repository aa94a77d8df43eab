/*
 * quicken.c - fusing instruction pairs in installed code (quicken.h).
 */
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

void pv_quicken(struct pv_method *m)
{
    uint8_t *c = m->code;
    uint32_t pc = 0, prev = UINT32_MAX;
    uint8_t prev_op = PV_OP_NOP;
    while (pc < m->code_len) {
        uint8_t op = c[pc];   /* always an original opcode: only earlier ones change */
        if (prev != UINT32_MAX) {
            uint8_t fused = 0;
            if (prev_op == PV_OP_LOAD && op == PV_OP_LOAD)
                fused = PV_QOP_LOAD_LOAD;
            else if (prev_op == PV_OP_LOAD && op == PV_OP_PUSHINT)
                fused = PV_QOP_LOAD_PUSHINT;
            else if (prev_op == PV_OP_LOAD && op == PV_OP_GETFIELD)
                fused = PV_QOP_LOAD_GETFIELD;
            else if (prev_op == PV_OP_ADD && op == PV_OP_STORE)
                fused = PV_QOP_ADD_STORE;
            else if (op == PV_OP_JT || op == PV_OP_JF)
                fused = compare_and_jump(prev_op);
            if (fused)
                c[prev] = fused;
        }
        prev = pc;
        prev_op = op;
        pc += (uint32_t)pv_op_size(pv_opinfo[op].fmt);
    }
}
