/*
 * pc_gen.h - what the code generator's files share (private to
 * src/compiler/pc_gen_*.c): the state while generating one method.
 *
 * Jumps out of protected code.  A try with a finally (and a synchronized
 * block, whose "finally" is the monitorexit) protects its body and catch
 * bodies with a catch-all handler that runs the finally code and rethrows.
 * A break, continue or return that leaves such a region runs the finally
 * code inline first, outside the region: the region's current segment is
 * closed before the copy and a new one opened after the jump, so the
 * handler never covers a copy of its own finally code.
 */
#ifndef PHANTOM_COMPILER_PC_GEN_H
#define PHANTOM_COMPILER_PC_GEN_H

#include "pc_emit.h"

typedef struct gen_seg {
    uint32_t start, end;
    bool body;           /* in the try body (catch handlers cover only these) */
} gen_seg;

typedef struct gen_try {
    pc_stmt *finally;    /* NULL: none */
    bool sync;           /* a synchronized block: the finally is monitorexit of lock_slot */
    uint32_t lock_slot;
    int ntargets;        /* break/continue targets outside it */
    gen_seg *segs;
    uint32_t nsegs, capsegs;
    bool open, in_body;
    uint32_t open_start;
} gen_try;

typedef struct gen_target {
    int brk, cont;       /* labels (cont -1 for a switch) */
    int ntries;          /* protected regions outside the loop or switch */
} gen_target;

#define GEN_MAX_NEST 256
#define GEN_MAX_WORK 1000000u /* statements and expressions generated per method (finally copies count) */

typedef struct pc_gen {
    pc_ctx *c;
    pc_class *k;
    pc_method *m;
    pv_cf *cf;
    pc_emit em;
    gen_target targets[GEN_MAX_NEST];
    int ntargets;
    gen_try *tries[GEN_MAX_NEST];
    int ntries;
    uint32_t work;
} pc_gen;

/* pc_gen_expr.c */
void gen_expr(pc_gen *g, pc_expr *e, bool want);   /* want: leave the value on the stack */
void gen_cond(pc_gen *g, pc_expr *e, int label, bool when); /* jump to label when e's truth is `when` */
void gen_zero(pc_gen *g, const pc_ty *t);          /* the default value of a variable of type t */
uint32_t gen_field_ref(pc_gen *g, const pc_field *f);
uint32_t gen_method_ref(pc_gen *g, const pc_method *m);
uint32_t gen_class_ref(pc_gen *g, const char *name);
bool gen_overworked(pc_gen *g);

/* pc_gen_stmt.c */
void gen_stmt(pc_gen *g, pc_stmt *s);
void gen_stmts(pc_gen *g, pc_stmt *list);

#endif
