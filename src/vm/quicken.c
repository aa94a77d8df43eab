/*
 * quicken.c - fusing instruction pairs in installed code (quicken.h).
 */
#include "quicken.h"

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
            if (fused)
                c[prev] = fused;
        }
        prev = pc;
        prev_op = op;
        pc += (uint32_t)pv_op_size(pv_opinfo[op].fmt);
    }
}
