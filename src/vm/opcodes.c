/*
 * opcodes.c - the instruction table (see opcodes.h).
 */
#include "opcodes.h"

const struct pv_opinfo pv_opinfo[PV_OP_COUNT] = {
#define PV_OP_INFO(name, mn, fmt, pops, pushes) [PV_OP_##name] = {mn, fmt, pops, pushes},
    PV_OPCODES(PV_OP_INFO)
#undef PV_OP_INFO
};

int pv_op_size(enum pv_opfmt fmt)
{
    return PV_FMT_SIZE(fmt);
}
