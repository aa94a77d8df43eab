/*
 * pc_gen_stmt.c - code for statements: blocks and locals, if/else, the
 * loops (conditions at the bottom, so one jump per iteration), switch as a
 * chain of eq tests into the arms, foreach, break and continue, return,
 * throw, try/catch/finally and synchronized.
 *
 * Code that cannot be reached is not generated (sema warned about it).
 * Every statement starts with an empty operand stack.
 */
#include <stdlib.h>
#include <string.h>

#include "pc_gen.h"

/* ---- protected regions ------------------------------------------------------------------ */

static void seg_open(pc_gen *g, gen_try *t)
{
    t->open = true;
    t->open_start = g->em.len;
}

static void seg_close(pc_gen *g, gen_try *t)
{
    if (!t->open)
        return;
    t->open = false;
    if (g->em.len <= t->open_start)
        return;
    if (t->nsegs == t->capsegs) {
        uint32_t cap = t->capsegs ? t->capsegs * 2 : 8;
        gen_seg *s = realloc(t->segs, cap * sizeof *s);
        if (!s)
            pc_arena_out_of_memory(&g->c->arena);
        t->segs = s;
        t->capsegs = cap;
    }
    t->segs[t->nsegs++] = (gen_seg){t->open_start, g->em.len, t->in_body};
}

static void push_try(pc_gen *g, gen_try *t)
{
    if (g->ntries >= GEN_MAX_NEST) {
        g->em.too_big = true;
        return;
    }
    g->tries[g->ntries++] = t;
    seg_open(g, t);
}

static void pop_try(pc_gen *g, gen_try *t)
{
    seg_close(g, t);
    if (g->ntries > 0 && g->tries[g->ntries - 1] == t)
        g->ntries--;
}

/*
 * The finally code of t, generated where it runs inline: outside t and
 * outside the loops inside it.  The loops, switches and protected regions
 * that code contains push themselves over the entries above, so those
 * entries (still in use around the jump being compiled) are saved and put
 * back afterwards.
 */
static void gen_finally(pc_gen *g, gen_try *t, int ntries)
{
    if (t->sync) {
        em_local(&g->em, PV_OP_LOAD, t->lock_slot);
        em_op(&g->em, PV_OP_MONITOREXIT);
        return;
    }
    if (!t->finally)
        return;
    int saved_targets = g->ntargets, saved_tries = g->ntries;
    int nt = saved_targets - t->ntargets, nr = saved_tries - ntries;
    gen_target *targets = nt > 0 ? malloc((size_t)nt * sizeof *targets) : NULL;
    gen_try **tries = nr > 0 ? malloc((size_t)nr * sizeof *tries) : NULL;
    if ((nt > 0 && !targets) || (nr > 0 && !tries))
        pc_arena_out_of_memory(&g->c->arena);
    if (nt > 0)
        memcpy(targets, g->targets + t->ntargets, (size_t)nt * sizeof *targets);
    if (nr > 0)
        memcpy(tries, g->tries + ntries, (size_t)nr * sizeof *tries);
    g->ntargets = t->ntargets;
    g->ntries = ntries;
    gen_stmt(g, t->finally);
    if (nt > 0)
        memcpy(g->targets + t->ntargets, targets, (size_t)nt * sizeof *targets);
    if (nr > 0)
        memcpy(g->tries + ntries, tries, (size_t)nr * sizeof *tries);
    g->ntargets = saved_targets;
    g->ntries = saved_tries;
    free(targets);
    free(tries);
}

/* Leaves the protected regions above depth (running their finally code), before a jump out. */
static void exit_tries(pc_gen *g, int depth)
{
    for (int i = g->ntries - 1; i >= depth; i--) {
        gen_try *t = g->tries[i];
        seg_close(g, t);
        gen_finally(g, t, i);
    }
}

/* After the jump out: the code that follows is inside the regions again. */
static void reenter_tries(pc_gen *g, int depth)
{
    for (int i = depth; i < g->ntries; i++)
        seg_open(g, g->tries[i]);
}

static void add_handlers(pc_gen *g, gen_try *t, bool body_only, int target, uint32_t cls)
{
    for (uint32_t i = 0; i < t->nsegs; i++)
        if (t->segs[i].body || !body_only)
            em_handler(&g->em, t->segs[i].start, t->segs[i].end, target, cls);
}

static void gen_try_stmt(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    gen_try t = {.finally = s->u.try_.finally, .ntargets = g->ntargets, .in_body = true};
    int end = em_label(em);
    push_try(g, &t);
    gen_stmt(g, s->u.try_.body);
    pop_try(g, &t);
    if (em->reachable) {
        gen_finally(g, &t, g->ntries);
        em_jump(em, PV_OP_JMP, end);
    }
    int ncatch = 0;
    for (pc_catch *k = s->u.try_.catches; k; k = k->next)
        ncatch++;
    int *hl = calloc((size_t)(ncatch ? ncatch : 1), sizeof *hl);
    if (!hl)
        pc_arena_out_of_memory(&g->c->arena);
    int i = 0;
    for (pc_catch *k = s->u.try_.catches; k; k = k->next, i++) {
        pc_info *in = pc_info_get(g->c, k);
        hl[i] = em_label(em);
        if (!in) {
            em->bad = true;
            continue;
        }
        em_place_handler(em, hl[i]);
        em_at(em, k->loc);
        em_local(em, PV_OP_STORE, in->slot);
        t.in_body = false;
        if (t.finally)
            push_try(g, &t);
        gen_stmt(g, k->body);
        if (t.finally)
            pop_try(g, &t);
        if (em->reachable) {
            gen_finally(g, &t, g->ntries);
            em_jump(em, PV_OP_JMP, end);
        }
    }
    /* the handler table: the catch clauses in order, over the body */
    i = 0;
    for (pc_catch *k = s->u.try_.catches; k; k = k->next, i++) {
        pc_info *in = pc_info_get(g->c, k);
        for (uint32_t j = 0; in && j < in->nclasses; j++) {
            uint32_t cls = in->classes[j] ? gen_class_ref(g, in->classes[j]->name) : 0;
            add_handlers(g, &t, true, hl[i], cls);
        }
    }
    free(hl);
    if (t.finally) {
        int any = em_label(em);
        bool covered = t.nsegs > 0;
        add_handlers(g, &t, false, any, 0);
        if (covered) {
            em_place_handler(em, any);
            em_at(em, t.finally->loc);
            uint32_t x = em_temp(em);
            em_local(em, PV_OP_STORE, x);
            gen_finally(g, &t, g->ntries);
            if (em->reachable) {
                em_local(em, PV_OP_LOAD, x);
                em_op(em, PV_OP_THROW);
            }
            em_free_temp(em, x);
        } else {
            em_place(em, any); /* nothing protected: the label is never used */
        }
    }
    free(t.segs);
    em_place(em, end);
}

static void gen_sync(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    uint32_t lock = em_temp(em);
    gen_expr(g, s->u.sync.lock, true);
    em_at(em, s->loc);
    em_op(em, PV_OP_DUP);
    em_local(em, PV_OP_STORE, lock);
    em_op(em, PV_OP_MONITORENTER);
    gen_try t = {.sync = true, .lock_slot = lock, .ntargets = g->ntargets, .in_body = true};
    int end = em_label(em);
    push_try(g, &t);
    gen_stmt(g, s->u.sync.body);
    pop_try(g, &t);
    if (em->reachable) {
        gen_finally(g, &t, g->ntries);
        em_jump(em, PV_OP_JMP, end);
    }
    if (t.nsegs) {
        int any = em_label(em);
        add_handlers(g, &t, false, any, 0);
        em_place_handler(em, any);
        uint32_t x = em_temp(em);
        em_local(em, PV_OP_STORE, x);
        gen_finally(g, &t, g->ntries);
        em_local(em, PV_OP_LOAD, x);
        em_op(em, PV_OP_THROW);
        em_free_temp(em, x);
    }
    free(t.segs);
    em_place(em, end);
    em_free_temp(em, lock);
}

/* ---- loops and switch ------------------------------------------------------------------------- */

static gen_target *push_target(pc_gen *g, int brk, int cont)
{
    if (g->ntargets >= GEN_MAX_NEST) {
        g->em.too_big = true;
        return &g->targets[GEN_MAX_NEST - 1];
    }
    gen_target *t = &g->targets[g->ntargets++];
    *t = (gen_target){brk, cont, g->ntries};
    return t;
}

static void pop_target(pc_gen *g)
{
    if (g->ntargets > 0)
        g->ntargets--;
}

static void gen_loop_body(pc_gen *g, pc_stmt *body, int brk, int cont)
{
    push_target(g, brk, cont);
    gen_stmt(g, body);
    pop_target(g);
}

static void gen_while(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    int body = em_label(em), test = em_label(em), end = em_label(em);
    if (pc_const_true(s->u.while_.cond)) {
        em_place(em, body);
        gen_loop_body(g, s->u.while_.body, end, body);
        if (em->reachable)
            em_jump(em, PV_OP_JMP, body);
        em_place(em, test);
        em_place(em, end);
        return;
    }
    em_jump(em, PV_OP_JMP, test);
    em_place_loop(em, body, 0);
    gen_loop_body(g, s->u.while_.body, end, test);
    em_place(em, test);
    if (em->reachable) {
        em_at(em, s->loc);
        gen_cond(g, s->u.while_.cond, body, true);
    }
    em_place(em, end);
}

/* do S while (C) [S2]: loop { S; if (!C) break; S2; } */
static void gen_do(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    int top = em_label(em), cont = em_label(em), end = em_label(em);
    em_place(em, top);
    gen_loop_body(g, s->u.do_.body, end, cont);
    em_place(em, cont);
    if (em->reachable) {
        em_at(em, s->u.do_.cond->loc);
        if (!s->u.do_.step) {
            gen_cond(g, s->u.do_.cond, top, true);
        } else {
            gen_cond(g, s->u.do_.cond, end, false);
            gen_loop_body(g, s->u.do_.step, end, top); /* continue in S2: the next iteration, S */
            if (em->reachable)
                em_jump(em, PV_OP_JMP, top);
        }
    }
    em_place(em, end);
}

static void gen_for(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    gen_stmts(g, s->u.for_.init);
    if (!em->reachable)
        return;
    int body = em_label(em), cont = em_label(em), test = em_label(em), end = em_label(em);
    em_jump(em, PV_OP_JMP, test);
    em_place_loop(em, body, 0);
    gen_loop_body(g, s->u.for_.body, end, cont);
    em_place(em, cont);
    for (pc_expr *e = s->u.for_.step; e && em->reachable; e = e->next)
        gen_expr(g, e, false);
    em_place(em, test);
    if (em->reachable) {
        em_at(em, s->loc);
        if (s->u.for_.cond)
            gen_cond(g, s->u.for_.cond, body, true);
        else
            em_jump(em, PV_OP_JMP, body);
    }
    em_place(em, end);
}

/*
 * foreach keeps the array (or string, or binary) and an index in
 * temporaries, and reads the elements with aload and the length with
 * alen, both of which count characters on a string (the VM keeps its place
 * in a non-ASCII string, so the walk is linear).  Over an untyped value
 * (in->iter 2) a directory becomes its keys, decided when the loop starts.
 */
static void gen_foreach(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    pc_ctx *c = g->c;
    pc_info *in = pc_info_get(c, s);
    if (!in) {
        em->bad = true;
        return;
    }
    gen_expr(g, s->u.foreach.iter, true);
    em_at(em, s->loc);
    uint32_t a = em_temp(em), i = em_temp(em);
    if (c->c_directory && in->iter == 1) {
        em_invoke(em, PV_OP_INVOKEVIRTUAL, pv_cf_method_ref(g->cf, c->c_directory->name, "iterate", "()*"), 0);
    } else if (c->c_directory && in->iter == 2) { /* decided at run time: a directory's keys, else the value */
        int plain = em_label(em);
        em_op(em, PV_OP_DUP);
        em_k(em, PV_OP_INSTANCEOF, gen_class_ref(g, c->c_directory->name));
        em_jump(em, PV_OP_JF, plain);
        em_invoke(em, PV_OP_INVOKENAME, pv_cf_utf8(g->cf, "iterate", 7), 0);
        em_place(em, plain);
    }
    int body = em_label(em), cont = em_label(em), test = em_label(em), end = em_label(em);
    em_local(em, PV_OP_STORE, a);
    em_int(em, 0);
    em_local(em, PV_OP_STORE, i);
    em_jump(em, PV_OP_JMP, test);
    em_place_loop(em, body, 0);
    em_local(em, PV_OP_LOAD, a);
    em_local(em, PV_OP_LOAD, i);
    em_op(em, PV_OP_ALOAD);
    if (in->coerce)
        em_conv(em, PC_CONV_OF(in->coerce));
    em_local(em, PV_OP_STORE, in->slot);
    gen_loop_body(g, s->u.foreach.body, end, cont);
    em_place(em, cont);
    if (em->reachable)
        em_inclocal(em, i, 1);
    em_place(em, test);
    if (em->reachable) {
        em_at(em, s->loc);
        em_local(em, PV_OP_LOAD, i);
        em_local(em, PV_OP_LOAD, a);
        em_op(em, PV_OP_ALEN);
        em_jump(em, PV_OP_JLT, body);
    }
    em_place(em, end);
    em_free_temp(em, i);
    em_free_temp(em, a);
}

static void gen_switch(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    gen_expr(g, s->u.switch_.expr, true);
    uint32_t v = em_temp(em);
    em_local(em, PV_OP_STORE, v);
    int narms = 0;
    for (pc_case *arm = s->u.switch_.cases; arm; arm = arm->next)
        narms++;
    int *labels = calloc((size_t)(narms ? narms : 1), sizeof *labels);
    if (!labels)
        pc_arena_out_of_memory(&g->c->arena);
    int end = em_label(em), dflt = -1, i = 0;
    for (pc_case *arm = s->u.switch_.cases; arm; arm = arm->next, i++) {
        labels[i] = em_label(em);
        if (arm->has_default)
            dflt = labels[i];
        for (pc_expr *l = arm->labels; l; l = l->next) {
            em_local(em, PV_OP_LOAD, v);
            gen_expr(g, l, true);
            em_at(em, l->loc);
            em_op(em, PV_OP_EQ);
            em_jump(em, PV_OP_JT, labels[i]);
        }
    }
    em_jump(em, PV_OP_JMP, dflt >= 0 ? dflt : end);
    push_target(g, end, -1);
    i = 0;
    for (pc_case *arm = s->u.switch_.cases; arm; arm = arm->next, i++) {
        em_place(em, labels[i]);
        gen_stmts(g, arm->body);
    }
    pop_target(g);
    em_place(em, end);
    free(labels);
    em_free_temp(em, v);
}

/* ---- jumps ---------------------------------------------------------------------------------------- */

static void gen_break(pc_gen *g, bool is_continue)
{
    pc_emit *em = &g->em;
    for (int i = g->ntargets; i-- > 0;) {
        gen_target *t = &g->targets[i];
        if (is_continue && t->cont < 0)
            continue;
        int depth = t->ntries, label = is_continue ? t->cont : t->brk;
        exit_tries(g, depth);
        if (em->reachable)
            em_jump(em, PV_OP_JMP, label);
        reenter_tries(g, depth);
        return;
    }
    em->bad = true;
}

static void gen_return(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    if (s->u.expr && g->m && g->m->ret && g->m->ret->k == PC_TY_VOID) {
        gen_expr(g, s->u.expr, false); /* return expr; in a void method: the value is dropped */
        em_at(em, s->loc);
    }
    if (!s->u.expr || (g->m && g->m->ret && g->m->ret->k == PC_TY_VOID)) {
        exit_tries(g, 0);
        if (em->reachable)
            em_op(em, PV_OP_RETVOID);
        reenter_tries(g, 0);
        return;
    }
    gen_expr(g, s->u.expr, true);
    em_at(em, s->loc);
    if (!g->ntries) {
        em_op(em, PV_OP_RETURN);
        return;
    }
    uint32_t r = em_temp(em);
    em_local(em, PV_OP_STORE, r);
    exit_tries(g, 0);
    if (em->reachable) {
        em_local(em, PV_OP_LOAD, r);
        em_op(em, PV_OP_RETURN);
    }
    reenter_tries(g, 0);
    em_free_temp(em, r);
}

/* ---- statements ---------------------------------------------------------------------------------- */

void gen_stmts(pc_gen *g, pc_stmt *list)
{
    for (pc_stmt *s = list; s && g->em.reachable; s = s->next)
        gen_stmt(g, s);
}

void gen_stmt(pc_gen *g, pc_stmt *s)
{
    pc_emit *em = &g->em;
    if (!em->reachable || gen_overworked(g))
        return;
    if (em->depth != 0)
        em->bad = true;
    em_at(em, s->loc);
    switch (s->kind) {
    case PC_S_EMPTY:
        break;
    case PC_S_BLOCK:
        gen_stmts(g, s->u.block);
        break;
    case PC_S_EXPR:
        gen_expr(g, s->u.expr, false);
        break;
    case PC_S_VAR: {
        pc_info *in = pc_info_get(g->c, s);
        if (!in) {
            em->bad = true;
            break;
        }
        if (s->u.var.init)
            gen_expr(g, s->u.var.init, true);
        else
            gen_zero(g, in->ty);
        em_at(em, s->loc);
        em_local(em, PV_OP_STORE, in->slot);
        break;
    }
    case PC_S_IF: {
        int els = em_label(em), end = em_label(em);
        gen_cond(g, s->u.if_.cond, els, false);
        gen_stmt(g, s->u.if_.then);
        if (s->u.if_.els) {
            if (em->reachable)
                em_jump(em, PV_OP_JMP, end);
            em_place(em, els);
            gen_stmt(g, s->u.if_.els);
        } else {
            em_place(em, els);
        }
        em_place(em, end);
        break;
    }
    case PC_S_WHILE: gen_while(g, s); break;
    case PC_S_DO: gen_do(g, s); break;
    case PC_S_FOR: gen_for(g, s); break;
    case PC_S_FOREACH: gen_foreach(g, s); break;
    case PC_S_SWITCH: gen_switch(g, s); break;
    case PC_S_BREAK: gen_break(g, false); break;
    case PC_S_CONTINUE: gen_break(g, true); break;
    case PC_S_RETURN: gen_return(g, s); break;
    case PC_S_THROW:
        gen_expr(g, s->u.expr, true);
        em_at(em, s->loc);
        em_op(em, PV_OP_THROW);
        break;
    case PC_S_TRY: gen_try_stmt(g, s); break;
    case PC_S_SYNC: gen_sync(g, s); break;
    }
}
