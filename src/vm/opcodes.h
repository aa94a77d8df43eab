/*
 * opcodes.h - the instruction set, one line per opcode (docs/BYTECODE.md
 * describes each).  The table drives the interpreter's dispatch, the
 * verifier, the assembler and the disassembler, so they cannot disagree.
 *
 * An instruction is one opcode byte followed by its operands, little
 * endian, unaligned.  Jump targets are absolute byte offsets in the
 * method's code.  Stack effects are (pops, pushes); PV_VAR marks the
 * invokes, whose effect depends on their argument count.
 *
 * Opcode numbers are part of the class file format: append, never reorder.
 */
#ifndef PHANTOM_VM_OPCODES_H
#define PHANTOM_VM_OPCODES_H

#include <stdint.h>

/* Operand formats. */
enum pv_opfmt {
    PV_F_NONE,    /* -                                       */
    PV_F_I32,     /* int32 immediate                         */
    PV_F_K,       /* u32 constant index                      */
    PV_F_L,       /* u16 local index                         */
    PV_F_J,       /* u32 jump target                         */
    PV_F_KN,      /* u32 constant index, u8 argument count   */
    PV_F_ON,      /* u16 ordinal, u8 argument count          */
    PV_F_LI,      /* u16 local index, int16 increment        */
    PV_F_U8,      /* u8 immediate                            */
};

#define PV_VAR 255

/*   name          mnemonic        format     pops pushes */
#define PV_OPCODES(X) \
    X(NOP,          "nop",          PV_F_NONE, 0, 0) \
    X(PUSHNULL,     "pushnull",     PV_F_NONE, 0, 1) \
    X(PUSHTRUE,     "pushtrue",     PV_F_NONE, 0, 1) \
    X(PUSHFALSE,    "pushfalse",    PV_F_NONE, 0, 1) \
    X(PUSHINT,      "pushint",      PV_F_I32,  0, 1) \
    X(PUSHCONST,    "pushconst",    PV_F_K,    0, 1) \
    X(LOAD,         "load",         PV_F_L,    0, 1) \
    X(STORE,        "store",        PV_F_L,    1, 0) \
    X(INCLOCAL,     "inclocal",     PV_F_LI,   0, 0) \
    X(POP,          "pop",          PV_F_NONE, 1, 0) \
    X(DUP,          "dup",          PV_F_NONE, 1, 2) \
    X(DUP2,         "dup2",         PV_F_NONE, 2, 4) \
    X(DUPX1,        "dupx1",        PV_F_NONE, 2, 3) \
    X(DUPX2,        "dupx2",        PV_F_NONE, 3, 4) \
    X(SWAP,         "swap",         PV_F_NONE, 2, 2) \
    X(GETFIELD,     "getfield",     PV_F_K,    1, 1) \
    X(PUTFIELD,     "putfield",     PV_F_K,    2, 0) \
    X(GETSTATIC,    "getstatic",    PV_F_K,    0, 1) \
    X(PUTSTATIC,    "putstatic",    PV_F_K,    1, 0) \
    X(ADD,          "add",          PV_F_NONE, 2, 1) \
    X(SUB,          "sub",          PV_F_NONE, 2, 1) \
    X(MUL,          "mul",          PV_F_NONE, 2, 1) \
    X(DIV,          "div",          PV_F_NONE, 2, 1) \
    X(REM,          "rem",          PV_F_NONE, 2, 1) \
    X(NEG,          "neg",          PV_F_NONE, 1, 1) \
    X(BAND,         "band",         PV_F_NONE, 2, 1) \
    X(BOR,          "bor",          PV_F_NONE, 2, 1) \
    X(BXOR,         "bxor",         PV_F_NONE, 2, 1) \
    X(BNOT,         "bnot",         PV_F_NONE, 1, 1) \
    X(SHL,          "shl",          PV_F_NONE, 2, 1) \
    X(SHR,          "shr",          PV_F_NONE, 2, 1) \
    X(USHR,         "ushr",         PV_F_NONE, 2, 1) \
    X(NOT,          "not",          PV_F_NONE, 1, 1) \
    X(EQ,           "eq",           PV_F_NONE, 2, 1) \
    X(NE,           "ne",           PV_F_NONE, 2, 1) \
    X(LT,           "lt",           PV_F_NONE, 2, 1) \
    X(LE,           "le",           PV_F_NONE, 2, 1) \
    X(GT,           "gt",           PV_F_NONE, 2, 1) \
    X(GE,           "ge",           PV_F_NONE, 2, 1) \
    X(REFEQ,        "refeq",        PV_F_NONE, 2, 1) \
    X(REFNE,        "refne",        PV_F_NONE, 2, 1) \
    X(JMP,          "jmp",          PV_F_J,    0, 0) \
    X(JT,           "jt",           PV_F_J,    1, 0) \
    X(JF,           "jf",           PV_F_J,    1, 0) \
    X(JLT,          "jlt",          PV_F_J,    2, 0) \
    X(JGE,          "jge",          PV_F_J,    2, 0) \
    X(INVOKEVIRTUAL,"invokevirtual",PV_F_KN,   PV_VAR, 1) \
    X(INVOKEORD,    "invokeord",    PV_F_ON,   PV_VAR, 1) \
    X(INVOKENAME,   "invokename",   PV_F_KN,   PV_VAR, 1) \
    X(INVOKESTATIC, "invokestatic", PV_F_KN,   PV_VAR, 1) \
    X(INVOKESPECIAL,"invokespecial",PV_F_KN,   PV_VAR, 1) \
    X(RETURN,       "return",       PV_F_NONE, 1, 0) \
    X(RETVOID,      "retvoid",      PV_F_NONE, 0, 0) \
    X(THROW,        "throw",        PV_F_NONE, 1, 0) \
    X(NEW,          "new",          PV_F_K,    0, 1) \
    X(NEWDYN,       "newdyn",       PV_F_NONE, 1, 1) \
    X(NEWARRAY,     "newarray",     PV_F_NONE, 1, 1) \
    X(ALOAD,        "aload",        PV_F_NONE, 2, 1) \
    X(ASTORE,       "astore",       PV_F_NONE, 3, 0) \
    X(ALEN,         "alen",         PV_F_NONE, 1, 1) \
    X(CHECKCAST,    "checkcast",    PV_F_K,    1, 1) \
    X(INSTANCEOF,   "instanceof",   PV_F_K,    1, 1) \
    X(CONV,         "conv",         PV_F_U8,   1, 1) \
    X(TOSTRING,     "tostring",     PV_F_NONE, 1, 1) \
    X(CONCAT,       "concat",       PV_F_NONE, 2, 1) \
    X(MONITORENTER, "monitorenter", PV_F_NONE, 1, 0) \
    X(MONITOREXIT,  "monitorexit",  PV_F_NONE, 1, 0)

enum pv_opcode {
#define PV_OP_ENUM(name, mn, fmt, pops, pushes) PV_OP_##name,
    PV_OPCODES(PV_OP_ENUM)
#undef PV_OP_ENUM
    PV_OP_COUNT
};

/* CONV targets. */
enum pv_conv { PV_CONV_INT = 0, PV_CONV_LONG = 1, PV_CONV_FLOAT = 2, PV_CONV_DOUBLE = 3,
               PV_CONV_CHAR = 4, PV_CONV_BOOL = 5, PV_CONV_COUNT };

struct pv_opinfo {
    const char *mnemonic;
    uint8_t fmt, pops, pushes;
};
extern const struct pv_opinfo pv_opinfo[PV_OP_COUNT];

/* Operands: little endian, unaligned (the byte form is portable; compilers
 * turn it into a single load). */
static inline uint16_t pv_rd16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t pv_rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Bytes an instruction with this format occupies, opcode included. */
int pv_op_size(enum pv_opfmt fmt);
#define PV_FMT_SIZE(f) ((f) == PV_F_NONE ? 1 : (f) == PV_F_U8 ? 2 : (f) == PV_F_L ? 3 : \
                        (f) == PV_F_ON ? 4 : (f) == PV_F_LI ? 5 : (f) == PV_F_KN ? 6 : 5)

#endif
