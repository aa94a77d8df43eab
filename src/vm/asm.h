/*
 * asm.h - the Phantom assembly language (docs/BYTECODE.md, "Assembly
 * language"): an assembler from text to class files in memory, and a
 * disassembler that prints a class in the same language.
 *
 * For a class that verifies, assembling the disassembler's output gives
 * the same bytes: asm(disasm(asm(x))) == asm(x).  The assembler always
 * produces the canonical constant order (pv_cf_canonicalize), whatever
 * order the text mentions things in.
 */
#ifndef PHANTOM_VM_ASM_H
#define PHANTOM_VM_ASM_H

#include <stddef.h>

#include "classfile.h"
#include "opcodes.h"

/* Assembles text (len bytes; filename names it in messages), which may
 * define several classes.  On success returns 0 with *out_classes a
 * malloc'd array of *out_n classes (free with pv_asm_free).  On error
 * returns -1 with "file:line: error: message" in err, *out_classes NULL
 * and *out_n 0.  Methods without a .stack directive are verified to
 * compute their max_stack, so a verification error in one is an error
 * here; methods with .stack are taken as they are. */
int pv_asm(const char *text, size_t len, const char *filename, pv_cf **out_classes, int *out_n,
           pv_cf_error *err);
void pv_asm_free(pv_cf *classes, int n);

/* Prints cf in the assembly language, one line (without its newline) per
 * call of out.  Never fails on a class pv_cf_read accepted; code that does
 * not verify is printed as faithfully as the language allows (raw .byte
 * where an instruction does not decode or names an unfit constant). */
void pv_disasm(const pv_cf *cf, void (*out)(void *ctx, const char *line), void *ctx);

/* Keywords shared by the assembler and the disassembler. */
typedef struct pv_asm_flag {
    const char *name;
    uint32_t flag;
} pv_asm_flag;
extern const pv_asm_flag pv_asm_class_flags[2];   /* abstract final */
extern const pv_asm_flag pv_asm_method_flags[4];  /* static abstract ctor synchronized */
extern const char *const pv_asm_conv_names[PV_CONV_COUNT];

#endif
