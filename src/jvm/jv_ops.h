/*
 * jv_ops.h - the JVM instruction set: mnemonic and length of each opcode
 * (JVMS chapter 6), for decoding and for messages.
 */
#ifndef PHANTOM_JV_OPS_H
#define PHANTOM_JV_OPS_H

#include <stdint.h>

/* The mnemonic of op, or NULL for an opcode the JVM does not define. */
const char *jv_op_name(uint8_t op);
/* The length of the instruction at code[pc] (len bytes of code): 1..,
 * or 0 if it is cut off, malformed (a bad switch, a bad wide) or unknown. */
uint32_t jv_op_length(const uint8_t *code, uint32_t len, uint32_t pc);

#endif
