/*
 * pc_compile.c - the compiler's driver (pc_compile.h): parses the sources,
 * runs the phases in order (pc_internal.h lists them) and collects the
 * class files.  Code is generated only for a program without errors.
 * Every generated class is written out and read back through the class
 * file reader and verified, so the compiler can never hand over a class
 * the VM would refuse: that would be reported as an internal error.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pc_internal.h"

struct pc_compiler {
    pc_ctx ctx;
    pc_options opts;
};

static void init_types(pc_ctx *c)
{
    c->t_error.k = PC_TY_ERROR;
    c->t_any.k = PC_TY_ANY;
    c->t_void.k = PC_TY_VOID;
    c->t_null.k = PC_TY_NULL;
    c->t_bool.k = PC_TY_BOOL;
    c->t_char.k = PC_TY_CHAR;
    c->t_int.k = PC_TY_INT;
    c->t_long.k = PC_TY_LONG;
    c->t_float.k = PC_TY_FLOAT;
    c->t_double.k = PC_TY_DOUBLE;
    c->t_string.k = PC_TY_STRING;
}

pc_compiler *pc_compiler_new(pc_diag *d, const pc_options *opts)
{
    pc_compiler *pc = calloc(1, sizeof *pc);
    if (!pc)
        return NULL;
    if (opts)
        pc->opts = *opts;
    pc_ctx *c = &pc->ctx;
    c->d = d;
    c->opts = &pc->opts;
    pc_arena_init(&c->arena);
    init_types(c);
    return pc;
}

int pc_compiler_add_source(pc_compiler *pc, const char *text, size_t len, const char *name)
{
    return pc_compiler_add_source_shifted(pc, text, len, name, 0);
}

static int add_unit(pc_compiler *pc, const char *text, size_t len, const char *name, int line_shift, bool lib);

int pc_compiler_add_source_shifted(pc_compiler *pc, const char *text, size_t len, const char *name, int line_shift)
{
    return add_unit(pc, text, len, name, line_shift, false);
}

int pc_compiler_add_library_source(pc_compiler *pc, const char *text, size_t len, const char *name)
{
    return add_unit(pc, text, len, name, 0, true);
}

static int add_unit(pc_compiler *pc, const char *text, size_t len, const char *name, int line_shift, bool lib)
{
    pc_ctx *c = &pc->ctx;
    pc_parse_opts po = {.mem_limit = pc->opts.mem_limit, .line_shift = line_shift};
    pc_unit *u = pc_parse_unit(text, len, name, c->d, &po);
    if (!u) {
        c->parse_failed = true;
        return -1;
    }
    if (c->nunits == c->capunits) {
        uint32_t cap = c->capunits ? c->capunits * 2 : 8;
        pc_unitinfo **n = realloc(c->units, cap * sizeof *n);
        if (!n) {
            pc_unit_free(u);
            c->parse_failed = true;
            return -1;
        }
        c->units = n;
        c->capunits = cap;
    }
    pc_unitinfo *ui = calloc(1, sizeof *ui);
    if (!ui) {
        pc_unit_free(u);
        c->parse_failed = true;
        return -1;
    }
    ui->unit = u;
    ui->lib = lib;
    ui->index = (int)c->nunits;
    c->units[c->nunits++] = ui;
    if (u->status != PC_PARSE_OK) {
        c->parse_failed = true;
        return -1;
    }
    return 0;
}

bool pc_compiler_internal_error(const pc_compiler *pc)
{
    return pc->ctx.internal_error;
}

/* Writes cf and reads it back: the reader's structural checks and the verifier. */
static int check_class(pc_ctx *c, pc_class *k, pv_cf *cf)
{
    size_t len;
    uint8_t *bytes = pv_cf_write(cf, &len);
    pv_cf back;
    pv_cf_error err;
    int rc = -1;
    if (!bytes) {
        pc_error(c->d, k->decl->u.cls.name->loc, "out of memory writing class '%s'", k->name);
        return -1;
    }
    if (pv_cf_read(bytes, len, NULL, &back, &err) < 0) {
        pc_error(c->d, k->decl->u.cls.name->loc, "internal compiler error: %s", err.msg);
        c->internal_error = true;
    } else {
        if (pv_cf_verify(&back, &err) < 0) {
            pc_error(c->d, k->decl->u.cls.name->loc, "internal compiler error: %s", err.msg);
            c->internal_error = true;
        } else {
            rc = 0;
        }
        pv_cf_free(&back);
    }
    free(bytes);
    return rc;
}

/* Entry points by preference: 0 main(), 1 the original run(boot) or run(),
 * 2 the original boot convention, startup(var boot) [8]. */
static bool has_entry(const pc_class *k, int level)
{
    for (const pc_method *m = k->methods; m; m = m->next) {
        bool is_static = (m->flags & PV_MF_STATIC) != 0;
        if (level == 0 && !strcmp(m->name, "main") && m->nparams <= (is_static ? 1u : 0u) &&
            !(m->flags & PV_MF_ABSTRACT))
            return true;
        if (level == 1 && !strcmp(m->name, "run") && m->nparams <= 1 && !is_static)
            return true;
        if (level == 2 && m->explicit_ord == 8 && m->nparams == 1 && !is_static)
            return true;
    }
    return false;
}

/* ---- library classes: held back, left out when nothing needs them ---- */

static void hold_write(void *ctx, const char *text, size_t len)
{
    pc_sb_addn(ctx, text, len);
}

pc_diag *pc_lib_hold(pc_ctx *c, pc_class *k, pc_diag *hold)
{
    if (!k->ui->lib)
        return NULL;
    pc_diag_init(hold, hold_write, &k->lib_text);
    pc_diag *real = c->d;
    c->d = hold;
    return real;
}

void pc_lib_release(pc_ctx *c, pc_class *k, pc_diag *real)
{
    if (!real)
        return;
    if (c->d->errors)
        k->broken = true;
    c->d = real;
}

/* Whether class file cf names class `name`: a class constant, or a type
 * in a descriptor or field type ("(.a.b,int)void", ".a.b[]"). */
static bool cf_names(const pv_cf *cf, const char *name)
{
    size_t n = strlen(name);
    for (uint32_t i = 1; i < cf->nconsts; i++) {
        const pv_cf_const *k = &cf->consts[i];
        if (k->kind != PV_CK_UTF8)
            continue;
        for (const char *p = k->s; (p = strstr(p, name)); p++) {
            bool starts = p == k->s || p[-1] == '(' || p[-1] == ',' || p[-1] == ')';
            char after = p[n];
            if (starts && (after == 0 || after == ',' || after == ')' || after == '['))
                return true;
        }
    }
    return false;
}

/*
 * A library class left out (broken) takes with it the library classes
 * that name it; a program class that names one is an error, shown with
 * the held-back diagnostics of the library class.  gen[i] is the class
 * file of c->prog[i], NULL when left out.  Returns -1 after reporting.
 */
static int drop_broken(pc_ctx *c, pv_cf **gen)
{
    int rc = 0;
    bool *seen = pc_alloc(c, c->nprog * sizeof *seen + 1); /* broken classes handled */
    for (bool changed = true; changed;) {
        changed = false;
        for (uint32_t b = 0; b < c->nprog; b++) {
            pc_class *lost = c->prog[b];
            if (!lost->broken || seen[b])
                continue;
            seen[b] = true;
            for (uint32_t i = 0; i < c->nprog; i++) {
                pc_class *k = c->prog[i];
                if (!gen[i] || !cf_names(gen[i], lost->name))
                    continue;
                if (k->ui->lib) {
                    k->broken = changed = true;
                    pv_cf_free(gen[i]);
                    free(gen[i]);
                    gen[i] = NULL;
                    continue;
                }
                pc_error(c->d, k->decl->u.cls.name->loc, "class '%s' needs library class '%s', which does not "
                         "compile with this program's classes%s", k->name, lost->name,
                         lost->lib_text.n ? ":" : " (a library class it needs does not)");
                if (lost->lib_text.n)
                    c->d->write ? c->d->write(c->d->ctx, lost->lib_text.p, lost->lib_text.n)
                                : (void)fwrite(lost->lib_text.p, 1, lost->lib_text.n, stderr);
                rc = -1;
            }
        }
    }
    return rc;
}

static int compile_program(pc_ctx *c, pc_output *out)
{
    if (c->parse_failed || c->d->errors)
        return -1;
    pc_natives_load(c);
    for (uint32_t i = 0; i < c->nunits; i++)
        pc_unit_scan(c, c->units[i]);
    pc_classes_declare(c);
    for (uint32_t i = 0; i < c->nunits; i++)
        pc_unit_check_imports(c, c->units[i]);
    if (!pc_diag_stopped(c->d))
        pc_classes_resolve(c);
    if (!pc_diag_stopped(c->d))
        pc_sema_bodies(c);
    if (c->d->errors)
        return -1;
    out->classes = calloc(c->nprog ? c->nprog : 1, sizeof *out->classes);
    out->names = calloc(c->nprog ? c->nprog : 1, sizeof *out->names);
    out->source = calloc(c->nprog ? c->nprog : 1, sizeof *out->source);
    if (!out->classes || !out->names || !out->source) {
        pc_output_free(out);
        return -1;
    }
    int rc = 0;
    pv_cf **gen = calloc(c->nprog ? c->nprog : 1, sizeof *gen);
    if (!gen) {
        pc_output_free(out);
        return -1;
    }
    for (uint32_t i = 0; i < c->nprog; i++) {
        pc_class *k = c->prog[i];
        if (k->broken)
            continue;
        pv_cf *cf = pc_gen_class(c, k);
        if (!cf || check_class(c, k, cf) < 0) {
            if (cf) {
                pv_cf_free(cf);
                free(cf);
            }
            rc = -1;
            continue;
        }
        gen[i] = cf;
    }
    if (rc == 0)
        rc = drop_broken(c, gen);
    int entry[3] = {-1, -1, -1};
    for (uint32_t i = 0; i < c->nprog; i++) {
        pc_class *k = c->prog[i];
        if (!gen[i])
            continue;
        for (int level = 0; level < 3; level++)
            if (entry[level] < 0 && has_entry(k, level))
                entry[level] = out->n;
        out->classes[out->n] = gen[i];
        out->names[out->n] = malloc(strlen(k->name) + 1);
        if (!out->names[out->n])
            pc_arena_out_of_memory(&c->arena);
        strcpy(out->names[out->n], k->name);
        out->source[out->n] = k->ui->index;
        out->n++;
    }
    free(gen);
    if (rc < 0 || c->d->errors) {
        pc_output_free(out);
        return -1;
    }
    out->entry = entry[0] >= 0 ? entry[0] : entry[1] >= 0 ? entry[1] : entry[2];
    return 0;
}

/* Out of host memory anywhere in checking and generating, the compiler
 * lands here (pc_arena_out_of_memory) and reports it: a huge source is an
 * error, never a crash.  What the abandoned steps held is not freed. */
int pc_compiler_run(pc_compiler *pc, pc_output *out)
{
    pc_ctx *c = &pc->ctx;
    memset(out, 0, sizeof *out);
    out->entry = -1;
    jmp_buf oom;
    c->arena.oom = &oom;
    if (setjmp(oom)) {
        c->arena.oom = NULL;
        pc_output_free(out);
        pc_error(c->d, (pc_loc){0}, "out of memory compiling the program");
        return -1;
    }
    int rc = compile_program(c, out);
    c->arena.oom = NULL; /* the jmp_buf dies with this frame */
    return rc;
}

void pc_output_free(pc_output *out)
{
    for (int i = 0; i < out->n; i++) {
        pv_cf_free(out->classes[i]);
        free(out->classes[i]);
        free(out->names[i]);
    }
    free(out->classes);
    free(out->names);
    free(out->source);
    memset(out, 0, sizeof *out);
    out->entry = -1;
}

void pc_compiler_free(pc_compiler *pc)
{
    if (!pc)
        return;
    pc_ctx *c = &pc->ctx;
    for (uint32_t i = 0; i < c->nunits; i++) {
        pc_unit_free(c->units[i]->unit);
        free(c->units[i]);
    }
    for (uint32_t i = 0; i < c->nprog; i++)
        pc_sb_free(&c->prog[i]->lib_text);
    free(c->units);
    pc_arena_free(&c->arena);
    free(pc);
}
