/*
 * pc_emit.c - the bytecode emitter (pc_emit.h).
 *
 * Depth tracking follows pv_opinfo's stack effects (the invokes get their
 * count from the caller).  After jmp, return, retvoid and throw the code
 * is unreachable until a label that a reachable jump targets (or a
 * handler) is placed; the generator does not emit statements there.  A
 * label records the depth the first jump to it had; every later jump and
 * the fall-through must agree, or the emitter marks itself bad (which the
 * driver reports as an internal error: the verifier would refuse it).
 */
#include <stdlib.h>
#include <string.h>

#include "pc_emit.h"

static void *grow(pc_emit *em, void *p, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return p;
    uint32_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(p, (size_t)n * elem);
    if (!q)
        pc_arena_out_of_memory(&em->c->arena);
    *cap = n;
    return q;
}

void em_init(pc_emit *em, pc_ctx *c, pv_cf *cf, uint32_t base_locals)
{
    memset(em, 0, sizeof *em);
    em->c = c;
    em->cf = cf;
    em->reachable = true;
    em->nlocals = em->max_locals = base_locals;
}

void em_free(pc_emit *em)
{
    for (uint32_t i = 0; i < em->nlabels; i++)
        free(em->labels[i].patch);
    free(em->labels);
    free(em->code);
    free(em->lines);
    free(em->locs);
    free(em->handlers);
    memset(em, 0, sizeof *em);
}

void em_at(pc_emit *em, pc_loc loc)
{
    if (loc.src)
        em->cur = loc;
}

/* Records the position of the instruction about to be written at em->len. */
static void note_pos(pc_emit *em)
{
    uint32_t pc = em->len;
    uint32_t line = em->cur.line;
    if (line) {
        pv_cf_line *last = em->nlines ? &em->lines[em->nlines - 1] : NULL;
        if (last && last->pc == pc)
            last->line = line;
        else if (!last || last->line != line) {
            em->lines = grow(em, em->lines, &em->caplines, em->nlines + 1, sizeof *em->lines);
            em->lines[em->nlines++] = (pv_cf_line){pc, line};
        }
    }
    if (em->cur.src) {
        pc_eloc *last = em->nlocs ? &em->locs[em->nlocs - 1] : NULL;
        pc_eloc now = {pc, em->cur.off, em->cur.line, em->cur.col, em->cur.src};
        if (last && last->pc == pc)
            *last = now;
        else if (!last || last->off != em->cur.off || last->src != em->cur.src) {
            em->locs = grow(em, em->locs, &em->caplocs, em->nlocs + 1, sizeof *em->locs);
            em->locs[em->nlocs++] = now;
        }
    }
}

static void put(pc_emit *em, const uint8_t *b, uint32_t n)
{
    if (em->len + n > PV_CF_MAX_CODE || em->too_big) {
        em->too_big = true;
        return;
    }
    em->code = grow(em, em->code, &em->cap, em->len + n, 1);
    memcpy(em->code + em->len, b, n);
    em->len += n;
}

static void put_u16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_u32(uint8_t *p, uint32_t v)
{
    put_u16(p, v);
    put_u16(p + 2, v >> 16);
}

/* The stack effect of one instruction. */
static void effect(pc_emit *em, int pops, int pushes)
{
    if (!em->reachable) {
        em->depth = em->depth - pops < 0 ? 0 : em->depth - pops;
        em->depth += pushes;
        return;
    }
    if (em->depth < pops)
        em->bad = true;
    em->depth += pushes - pops;
    if (em->depth < 0)
        em->depth = 0;
    if (em->depth > em->max_depth)
        em->max_depth = em->depth;
}

static void ends_path(pc_emit *em, int op)
{
    if (op == PV_OP_JMP || op == PV_OP_RETURN || op == PV_OP_RETVOID || op == PV_OP_THROW) {
        em->reachable = false;
        em->depth = 0;
    }
}

static void insn(pc_emit *em, int op, const uint8_t *operands, uint32_t n, int pops, int pushes)
{
    uint8_t b[8];
    b[0] = (uint8_t)op;
    if (n)
        memcpy(b + 1, operands, n);
    note_pos(em);
    put(em, b, n + 1);
    effect(em, pops, pushes);
    ends_path(em, op);
}

void em_op(pc_emit *em, int op)
{
    insn(em, op, NULL, 0, pv_opinfo[op].pops, pv_opinfo[op].pushes);
}

void em_int(pc_emit *em, int32_t v)
{
    uint8_t o[4];
    put_u32(o, (uint32_t)v);
    insn(em, PV_OP_PUSHINT, o, 4, 0, 1);
}

void em_k(pc_emit *em, int op, uint32_t k)
{
    uint8_t o[4];
    put_u32(o, k);
    if (!k)
        em->bad = true; /* out of memory in the constant pool */
    insn(em, op, o, 4, pv_opinfo[op].pops, pv_opinfo[op].pushes);
}

void em_local(pc_emit *em, int op, uint32_t slot)
{
    uint8_t o[2];
    put_u16(o, slot);
    if (slot >= em->max_locals)
        em->bad = true;
    insn(em, op, o, 2, pv_opinfo[op].pops, pv_opinfo[op].pushes);
}

void em_inclocal(pc_emit *em, uint32_t slot, int16_t d)
{
    uint8_t o[4];
    put_u16(o, slot);
    put_u16(o + 2, (uint16_t)d);
    insn(em, PV_OP_INCLOCAL, o, 4, 0, 0);
}

void em_conv(pc_emit *em, int target)
{
    uint8_t o[1] = {(uint8_t)target};
    insn(em, PV_OP_CONV, o, 1, 1, 1);
}

void em_invoke(pc_emit *em, int op, uint32_t k, uint32_t nargs)
{
    uint8_t o[5];
    put_u32(o, k);
    o[4] = (uint8_t)nargs;
    if (!k)
        em->bad = true;
    insn(em, op, o, 5, (int)nargs + (op != PV_OP_INVOKESTATIC), 1);
}

void em_invokeord(pc_emit *em, uint32_t ord, uint32_t nargs)
{
    uint8_t o[3];
    put_u16(o, ord);
    o[2] = (uint8_t)nargs;
    insn(em, PV_OP_INVOKEORD, o, 3, (int)nargs + 1, 1);
}

/* ---- labels ----------------------------------------------------------------------- */

int em_label(pc_emit *em)
{
    em->labels = grow(em, em->labels, &em->caplabels, em->nlabels + 1, sizeof *em->labels);
    em->labels[em->nlabels] = (pc_label){.pc = -1, .depth = -1};
    return (int)em->nlabels++;
}

/* A jump from the current point arrives at l with depth `depth`. */
static void arrive(pc_emit *em, pc_label *l, int32_t depth)
{
    if (!em->reachable)
        return;
    if (l->depth < 0)
        l->depth = depth;
    else if (l->depth != depth)
        em->bad = true;
    l->live = true;
}

void em_jump(pc_emit *em, int op, int label)
{
    pc_label *l = &em->labels[label];
    uint8_t b[5];
    b[0] = (uint8_t)op;
    put_u32(b + 1, l->pc >= 0 ? (uint32_t)l->pc : 0);
    note_pos(em);
    uint32_t at = em->len + 1;
    put(em, b, 5);
    if (l->pc < 0 && !em->too_big) {
        l->patch = grow(em, l->patch, &l->cappatch, l->npatch + 1, sizeof *l->patch);
        l->patch[l->npatch++] = at;
    }
    effect(em, pv_opinfo[op].pops, 0);
    arrive(em, l, em->depth);
    ends_path(em, op);
}

void em_place(pc_emit *em, int label)
{
    pc_label *l = &em->labels[label];
    if (l->pc >= 0) {
        em->bad = true;
        return;
    }
    if (em->reachable)
        arrive(em, l, em->depth);
    l->pc = em->len;
    for (uint32_t i = 0; i < l->npatch; i++)
        if (l->patch[i] + 4 <= em->len)
            put_u32(em->code + l->patch[i], em->len);
    l->npatch = 0;
    if (l->live) {
        em->reachable = true;
        em->depth = l->depth;
    } else {
        em->depth = l->depth >= 0 ? l->depth : 0;
    }
}

void em_place_loop(pc_emit *em, int label, int32_t depth)
{
    em_place(em, label);
    pc_label *l = &em->labels[label];
    l->live = true;
    if (l->depth < 0)
        l->depth = depth;
    em->reachable = true;
    em->depth = l->depth;
}

void em_place_handler(pc_emit *em, int label)
{
    pc_label *l = &em->labels[label];
    if (em->reachable) { /* a handler is never entered by falling into it */
        em->bad = true;
    }
    l->pc = em->len;
    l->depth = 1;
    l->live = true;
    em->reachable = true;
    em->depth = 1;
    if (em->max_depth < 1)
        em->max_depth = 1;
}

void em_handler(pc_emit *em, uint32_t start, uint32_t end, int target, uint32_t cls)
{
    if (start >= end)
        return;
    em->handlers = grow(em, em->handlers, &em->caphandlers, em->nhandlers + 1, sizeof *em->handlers);
    em->handlers[em->nhandlers++] = (pc_ehandler){start, end, cls, target};
}

uint32_t em_temp(pc_emit *em)
{
    uint32_t s = em->nlocals++;
    if (em->nlocals > em->max_locals)
        em->max_locals = em->nlocals;
    if (em->max_locals > PV_CF_MAX_LOCALS)
        em->too_big = true;
    return s;
}

void em_free_temp(pc_emit *em, uint32_t slot)
{
    if (slot + 1 == em->nlocals)
        em->nlocals--;
}

pc_loc em_loc_of(const pc_emit *em, uint32_t pc)
{
    pc_loc best = {0};
    for (uint32_t i = 0; i < em->nlocs && em->locs[i].pc <= pc; i++)
        best = (pc_loc){em->locs[i].src, em->locs[i].off, em->locs[i].line, em->locs[i].col};
    return best;
}

int em_finish(pc_emit *em, pv_cf_method *m)
{
    for (uint32_t i = 0; i < em->nlabels; i++)
        if (em->labels[i].npatch)
            em->bad = true; /* a jump to a label never placed */
    if (em->bad || em->too_big || em->len == 0)
        return -1;
    /* line entries must be at instruction starts inside the code */
    while (em->nlines && em->lines[em->nlines - 1].pc >= em->len)
        em->nlines--;
    m->code = em->code;
    m->code_len = em->len;
    em->code = NULL;
    m->lines = em->lines;
    m->nlines = em->nlines;
    em->lines = NULL;
    m->nhandlers = em->nhandlers;
    m->handlers = em->nhandlers ? calloc(em->nhandlers, sizeof *m->handlers) : NULL;
    if (em->nhandlers && !m->handlers)
        pc_arena_out_of_memory(&em->c->arena);
    for (uint32_t i = 0; i < em->nhandlers; i++) {
        pc_ehandler *h = &em->handlers[i];
        int64_t t = em->labels[h->target].pc;
        if (t < 0)
            return -1;
        m->handlers[i] = (pv_cf_handler){h->start, h->end, (uint32_t)t, h->cls};
    }
    uint32_t ms = (uint32_t)(em->max_depth < 1 ? 1 : em->max_depth);
    m->max_stack = (uint16_t)(ms > PV_CF_MAX_STACK ? PV_CF_MAX_STACK : ms);
    return ms > PV_CF_MAX_STACK ? -1 : 0;
}
