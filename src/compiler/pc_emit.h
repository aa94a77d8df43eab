/*
 * pc_emit.h - the bytecode emitter the code generator writes through
 * (private to src/compiler/pc_emit.c and pc_gen_*.c).
 *
 * It appends instructions to one method's code, tracks the operand stack
 * depth (for max_stack) and whether the current point is reachable, keeps
 * labels (forward jumps are patched when the label is placed), the line
 * table (an entry whenever the source line changes), a finer table from
 * code offsets to source positions (to point a verifier complaint at the
 * expression that caused it), the exception handlers, and temporary
 * locals above the method's declared ones.
 */
#ifndef PHANTOM_COMPILER_PC_EMIT_H
#define PHANTOM_COMPILER_PC_EMIT_H

#include "pc_internal.h"

typedef struct pc_label {
    int64_t pc;        /* -1 until placed */
    int32_t depth;     /* stack depth on arrival, -1 unknown */
    bool live;         /* a jump from reachable code arrives */
    uint32_t *patch;   /* offsets of the u32 operands waiting for pc */
    uint32_t npatch, cappatch;
} pc_label;

/* The fields of a pc_loc laid out around pc without padding: 24 bytes, not
 * 32 (a class keeps these for all its methods until it is verified). */
typedef struct pc_eloc {
    uint32_t pc;
    uint32_t off, line, col;
    const pc_source *src;
} pc_eloc;

typedef struct pc_ehandler {
    uint32_t start, end, cls;
    int target;        /* a label */
} pc_ehandler;

typedef struct pc_emit {
    pc_ctx *c;
    pv_cf *cf;
    uint8_t *code;
    uint32_t len, cap;
    int32_t depth, max_depth;
    bool reachable;
    bool bad;          /* an inconsistency (a compiler bug) */
    bool too_big;      /* the code outgrew the class file's limit */
    pc_label *labels;
    uint32_t nlabels, caplabels;
    pv_cf_line *lines;
    uint32_t nlines, caplines;
    pc_eloc *locs;
    uint32_t nlocs, caplocs;
    pc_ehandler *handlers;
    uint32_t nhandlers, caphandlers;
    pc_loc cur;        /* where the next instruction comes from */
    uint32_t nlocals, max_locals;
} pc_emit;

void em_init(pc_emit *em, pc_ctx *c, pv_cf *cf, uint32_t base_locals);
void em_free(pc_emit *em);

void em_at(pc_emit *em, pc_loc loc);         /* the source position of what follows */

int em_label(pc_emit *em);
void em_place(pc_emit *em, int label);
void em_place_handler(pc_emit *em, int label); /* a handler's entry: reachable, the exception on the stack */
/* A loop body entered by a backward jump emitted later: reachable, with that stack depth. */
void em_place_loop(pc_emit *em, int label, int32_t depth);

void em_op(pc_emit *em, int op);              /* no operand */
void em_int(pc_emit *em, int32_t v);          /* pushint */
void em_k(pc_emit *em, int op, uint32_t k);   /* a constant operand */
void em_local(pc_emit *em, int op, uint32_t slot);
void em_inclocal(pc_emit *em, uint32_t slot, int16_t d);
void em_jump(pc_emit *em, int op, int label);
void em_invoke(pc_emit *em, int op, uint32_t k, uint32_t nargs);   /* invokevirtual/static/special/name */
void em_invokeord(pc_emit *em, uint32_t ord, uint32_t nargs);
void em_conv(pc_emit *em, int target);

/* A protected range [start, end) handled at label target for class constant cls (0: any). */
void em_handler(pc_emit *em, uint32_t start, uint32_t end, int target, uint32_t cls);

uint32_t em_temp(pc_emit *em);                /* a fresh local */
void em_free_temp(pc_emit *em, uint32_t slot);

/* Moves the code, lines and handlers into method m (max_stack from the depth
 * tracking).  -1 on an inconsistency or out of memory. */
int em_finish(pc_emit *em, pv_cf_method *m);

/* The source position of the instruction at pc (for verifier complaints). */
pc_loc em_loc_of(const pc_emit *em, uint32_t pc);

#endif
