/*
 * wa_fuse.c - which register-form instructions merge a constant or a
 * branch into an instruction (wa_internal.h, "the internal instruction
 * set").  The translator (wa_valid.c) uses these when it emits: an i32
 * instruction whose second operand is a constant carries it as an
 * immediate (K form), and an i32 comparison followed by br_if (or by if,
 * negated) is one compare-and-branch.  Counted over bench/wasm/, clang
 * -O2 code adds, shifts, masks and compares with constants about as
 * often as it does anything else.
 */
#include "../hal/hal.h"
#include "wa_internal.h"

uint32_t wa_k_form(uint32_t op)
{
    if (wa_is_i32_cmp(op))
        return WA_OP_K + (op - 0x46);
    /* i32.add .. i32.rotr but the divisions and remainders (they trap;
     * dividing by a constant is rare in hot code); the same for i64 */
    if ((op >= 0x6A && op <= 0x6C) || (op >= 0x71 && op <= 0x78))
        return WA_OP_K + (op - 0x46);
    if (wa_is_i64_cmp(op) || (op >= 0x7C && op <= 0x7E) || (op >= 0x83 && op <= 0x8A))
        return WA_OP_K64 + (op - 0x51);
    return 0;
}

bool wa_commutes(uint32_t op)
{
    switch (op) {
    case 0x46: case 0x47:                          /* i32.eq, i32.ne */
    case 0x6A: case 0x6C:                          /* i32.add, i32.mul */
    case 0x71: case 0x72: case 0x73:               /* i32.and, i32.or, i32.xor */
    case 0x51: case 0x52:                          /* the same for i64 */
    case 0x7C: case 0x7E:
    case 0x83: case 0x84: case 0x85:
        return true;
    default:
        return false;
    }
}

uint32_t wa_cmp_negate(uint32_t op)
{
    /* eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u */
    static const uint8_t neg[10] = {1, 0, 8, 9, 6, 7, 4, 5, 2, 3};
    HAL_ASSERT(wa_is_i32_cmp(op) || wa_is_i64_cmp(op));
    uint32_t first = wa_is_i32_cmp(op) ? 0x46 : 0x51;
    return first + neg[op - first];
}

uint32_t wa_cmp_branch(uint32_t op, bool kform)
{
    HAL_ASSERT(wa_is_i32_cmp(op) || wa_is_i64_cmp(op));
    if (wa_is_i32_cmp(op))
        return (kform ? WA_OP_BR_CMP_K : WA_OP_BR_CMP) + (op - 0x46);
    return (kform ? WA_OP_BR_CMP64_K : WA_OP_BR_CMP64) + (op - 0x51);
}
