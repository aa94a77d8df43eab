/*
 * quicken.h - instruction pairs fused at install time ("quickening").
 *
 * Where two (or three) instructions often follow each other, the loader
 * replaces the first one's opcode with a fused opcode that does them all.
 * Only that opcode byte changes (and a compare that a compare-and-jump
 * fusion covers keeps its own fused PV_QOP_*_JCOND, which says which
 * compare it is): the operands, and the instructions after
 * the first, stay where they are, so a jump to one of them, an exception
 * handler range or a line-table entry still finds the code it expects.  Fused opcodes are
 * numbered from PV_OP_COUNT up; they never appear in class files (the
 * verifier refuses unknown opcodes) and the code is verified before it is
 * quickened.  Fused opcodes are kept in installed code in the world, so
 * their numbers are part of the world's format: append, never reorder.
 */
#ifndef PHANTOM_VM_QUICKEN_H
#define PHANTOM_VM_QUICKEN_H

#include "object.h"
#include "opcodes.h"

enum pv_qop {
    PV_QOP_LOAD_LOAD = PV_OP_COUNT,   /* load a; load b */
    PV_QOP_LOAD_PUSHINT,              /* load a; pushint k */
    PV_QOP_LOAD_GETFIELD,             /* load a; getfield f */
    PV_QOP_ADD_STORE,                 /* add; store l */
    /* A comparison and the conditional jump on its result: `lt; jt L`,
     * `lt; jf L`, ... (which of jt and jf is read from the jump's own
     * opcode byte). */
    PV_QOP_LT_JCOND,
    PV_QOP_LE_JCOND,
    PV_QOP_GT_JCOND,
    PV_QOP_GE_JCOND,
    PV_QOP_EQ_JCOND,
    PV_QOP_NE_JCOND,
    /* Fused triples: a fused pair and the instruction after it. */
    PV_QOP_LOAD_LOAD_ALOAD,           /* load a; load i; aload */
    PV_QOP_LOAD_LOAD_JCMP,            /* load a; load b; jlt or jge L */
    PV_QOP_LOAD_PUSHINT_JCMP,         /* load a; pushint k; jlt or jge L */
    /* Arithmetic with one operand from the instruction before it (issue
     * 20: the most frequent pairs and triples left in bench/vm after the
     * fusions above). */
    PV_QOP_PUSHINT_ADD,               /* pushint k; add */
    PV_QOP_PUSHINT_SUB,
    PV_QOP_PUSHINT_MUL,
    PV_QOP_PUSHINT_DIV,
    PV_QOP_PUSHINT_REM,
    PV_QOP_LOAD_ADD,                  /* load a; add */
    PV_QOP_LOAD_SUB,
    PV_QOP_LOAD_MUL,
    PV_QOP_LOAD_DIV,
    PV_QOP_SUB_STORE,                 /* sub; store l */
    PV_QOP_MUL_STORE,
    PV_QOP_LOAD_LOAD_ADD,             /* load a; load b; add (a triple) */
    PV_QOP_LOAD_LOAD_SUB,
    PV_QOP_LOAD_LOAD_MUL,
    /* Four instructions: load a; pushint k; a comparison; jt or jf L (a
     * `switch` arm, `x % 3 == 0`, `n > 1`).  The comparison keeps its
     * fused opcode (PV_QOP_*_JCOND), which says which one it is. */
    PV_QOP_LOAD_PUSHINT_CJUMP,
    /* load b; a comparison; jt or jf L (`a[j] > p`): likewise. */
    PV_QOP_LOAD_CJUMP,
    PV_QOP_LOAD_JCMP,                 /* load b; jlt or jge L */
    PV_QOP_END
};

void pv_quicken(struct pv_method *m);

#endif
