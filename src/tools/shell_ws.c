/*
 * shell_ws.c - the shell's workspace, and evaluating one input (shell.h;
 * the design is in docs/SHELL.md).
 *
 * Every input is compiled as a whole program: the embedded standard
 * library, the workspace's class sources, one holder class per workspace
 * variable, and a "cell" class `.shell.cellN` whose static main() runs the
 * input.  The compiler's globals hook (pc_options.global) makes a
 * workspace variable `x` mean the static field `x` of its holder
 * `.shell.vN.x` inside cells.  A variable declared at the top level of an
 * input is a local of the cell, copied into a new holder when the cell
 * ends.  Classes declared at the prompt (or by :load) keep their source
 * in the workspace, so later inputs compile against them.
 *
 * The workspace lives in the world, as notes (pvm_note_put) in the book
 * "phantom.shell":
 *   next          the number of the next cell
 *   var:NAME      "HOLDER TYPE" (TYPE "var" for an untyped variable)
 *   unit:N        "NAME\nTEXT": a source declaring workspace classes
 *   class:NAME    N, the unit declaring class NAME
 * The new classes, the notes and the cell's thread are made in one VM
 * request, so a snapshot holds all of an input's installation or none.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/parse.h"
#include "../compiler/pc_compile.h"
#include "../hal/hal.h"
#include "lib_embed.h"
#include "program.h"
#include "shell.h"

#define BOOK "phantom.shell"
#define CELL_PREFIX ".shell.cell"
#define INSPECT_FIELD "shell_inspected_value"
#define MAX_FILE (16u << 20)

typedef struct sh_var {
    char *name, *holder, *type;
    bool infer;              /* a new `var x = e;`: the type is e's, which the compiler tells */
    uint32_t off;            /* of its declaration in the input (when infer) */
} sh_var;
typedef struct sh_unit { uint64_t n; char *name, *text; } sh_unit;

struct sh_ws {
    pv_vm *vm;
    sh_var *vars;
    int nvars, capvars;
    sh_unit *units;
    int nunits, capunits;
    char **classes;        /* full names of the classes the units declare */
    int nclasses, capclasses;
    uint64_t next;
};

/* ---- small helpers ------------------------------------------------------------ */

static char *dup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    return d ? strcpy(d, s) : NULL;
}

static int grow(void **v, int *cap, int n, size_t size)
{
    if (n < *cap)
        return 0;
    int c = *cap ? *cap * 2 : 16;
    void *p = realloc(*v, (size_t)c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

/* ---- the workspace in host memory ---------------------------------------------- */

static sh_var *find_var(sh_ws *ws, const char *name)
{
    for (int i = 0; i < ws->nvars; i++)
        if (!strcmp(ws->vars[i].name, name))
            return &ws->vars[i];
    return NULL;
}

/* Adds or replaces variable `name`. */
static int set_var(sh_ws *ws, const char *name, const char *holder, const char *type)
{
    sh_var *v = find_var(ws, name);
    if (!v) {
        if (grow((void **)&ws->vars, &ws->capvars, ws->nvars, sizeof *ws->vars) < 0)
            return -1;
        v = &ws->vars[ws->nvars++];
        *v = (sh_var){dup(name), NULL, NULL, false, 0};
    }
    free(v->holder);
    free(v->type);
    v->holder = dup(holder);
    v->type = dup(type);
    return v->name && v->holder && v->type ? 0 : -1;
}

static int add_unit(sh_ws *ws, uint64_t n, const char *name, const char *text)
{
    if (grow((void **)&ws->units, &ws->capunits, ws->nunits, sizeof *ws->units) < 0)
        return -1;
    ws->units[ws->nunits++] = (sh_unit){n, dup(name), dup(text)};
    return 0;
}

static int add_class(sh_ws *ws, const char *name)
{
    if (grow((void **)&ws->classes, &ws->capclasses, ws->nclasses, sizeof *ws->classes) < 0)
        return -1;
    ws->classes[ws->nclasses++] = dup(name);
    return 0;
}

static void load_note(void *ctx, const char *key, const char *val)
{
    sh_ws *ws = ctx;
    if (!strcmp(key, "next")) {
        ws->next = strtoull(val, NULL, 10);
    } else if (!strncmp(key, "var:", 4)) {
        const char *sp = strchr(val, ' ');
        if (!sp)
            return;
        char holder[512];
        snprintf(holder, sizeof holder, "%.*s", (int)(sp - val), val);
        set_var(ws, key + 4, holder, sp + 1);
    } else if (!strncmp(key, "unit:", 5)) {
        const char *nl = strchr(val, '\n');
        if (!nl)
            return;
        char name[512];
        snprintf(name, sizeof name, "%.*s", (int)(nl - val), val);
        add_unit(ws, strtoull(key + 5, NULL, 10), name, nl + 1);
    } else if (!strncmp(key, "class:", 6)) {
        add_class(ws, key + 6);
    }
}

static int load_notes(pv_vm *vm, void *ctx)
{
    pvm_notes(vm, BOOK, load_note, ctx);
    return 0;
}

sh_ws *sh_ws_open(pv_vm *vm)
{
    sh_ws *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->vm = vm;
    ws->next = 1;
    pvm_call(vm, load_notes, ws);
    return ws;
}

void sh_ws_free(sh_ws *ws)
{
    if (!ws)
        return;
    for (int i = 0; i < ws->nvars; i++) {
        free(ws->vars[i].name);
        free(ws->vars[i].holder);
        free(ws->vars[i].type);
    }
    for (int i = 0; i < ws->nunits; i++) {
        free(ws->units[i].name);
        free(ws->units[i].text);
    }
    for (int i = 0; i < ws->nclasses; i++)
        free(ws->classes[i]);
    free(ws->vars);
    free(ws->units);
    free(ws->classes);
    free(ws);
}

void sh_ws_names(sh_ws *ws, void (*fn)(void *ctx, const char *name, bool is_class), void *ctx)
{
    for (int i = 0; i < ws->nvars; i++)
        fn(ctx, ws->vars[i].name, false);
    for (int i = 0; i < ws->nclasses; i++)
        fn(ctx, ws->classes[i], true);
}

/* ---- parsing an input ---------------------------------------------------------------- */

static void to_sb(void *ctx, const char *text, size_t len) { sh_buf_add(ctx, text, len); }

static pc_unit *parse_input(const char *text, sh_buf *diag)
{
    pc_diag d;
    pc_diag_init(&d, to_sb, diag);
    return pc_parse_expression_or_statement(text, strlen(text), "<input>", &d, NULL);
}

enum sh_input sh_ws_check(const char *text, bool report)
{
    sh_buf diag = {0};
    pc_unit *u = parse_input(text, &diag);
    enum sh_input r = !u || u->status == PC_PARSE_ERROR ? SH_IN_ERROR
                      : u->status == PC_PARSE_INCOMPLETE ? SH_IN_INCOMPLETE
                      : u->kind == PC_UNIT_STMTS && !u->stmts ? SH_IN_EMPTY : SH_IN_COMPLETE;
    if (report && (r == SH_IN_ERROR || r == SH_IN_INCOMPLETE))
        sh_write(2, diag.p ? diag.p : "<input>: error: out of memory\n", diag.p ? diag.n : 30);
    pc_unit_free(u);
    free(diag.p);
    return r;
}

/* ---- one evaluation ------------------------------------------------------------------ */

enum job_kind {
    J_STMTS,    /* statements; top-level declarations become workspace variables */
    J_SHOW,     /* an expression, printed */
    J_VOID,     /* an expression without a value (a void call), not printed */
    J_INSPECT,  /* an expression, kept for :inspect */
    J_DECLS,    /* declarations: workspace classes */
};

typedef struct job {
    sh_ws *ws;
    enum job_kind kind;
    const char *text;
    const char *unit_name;   /* J_DECLS: what messages call the source */
    const char *keep_name;   /* J_DECLS: its name in the workspace */
    uint64_t n;
    char cell[64];
    sh_var *newv;            /* variables this input declares */
    int nnew, capnew;
    pc_output out;
    int first_new;           /* out.source index from which sources are new */
    int unit_src;            /* J_DECLS: the unit's source index */
    uint32_t text_off;       /* where the input starts in the cell's source */
    bool inferred;           /* the compiler told a new variable's type */
    uint64_t tid;
    bool notes_failed;       /* the world could not record the workspace's entries */
    char err[600];
} job;

static void type_text(sh_buf *b, const pc_type *t)
{
    static const char *const kw[] = {
        [PC_T_VOID] = "void", [PC_T_INT] = "int", [PC_T_LONG] = "long", [PC_T_FLOAT] = "float",
        [PC_T_DOUBLE] = "double", [PC_T_BOOL] = "bool", [PC_T_CHAR] = "char", [PC_T_STRING] = "string",
    };
    if (t->kind == PC_T_ARRAY) {
        type_text(b, t->elem);
        sh_buf_str(b, "[]");
    } else if (t->kind == PC_T_NAMED) {
        for (uint32_t i = 0; i < t->name->count; i++) {
            const char *p = t->name->part[i];
            bool plain = (*p < '0' || *p > '9');
            for (const char *s = p; *s && plain; s++)
                plain = *s == '_' || (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
            if (i || t->name->absolute)
                sh_buf_str(b, ".");
            sh_buf_fmt(b, plain ? "%s" : "\"%s\"", p);
        }
    } else {
        sh_buf_str(b, kw[t->kind]);
    }
}

/* The variables the statements declare at their top level. */
static int collect_vars(job *j, const pc_unit *u)
{
    for (const pc_stmt *s = u->stmts; s; s = s->next) {
        if (s->kind != PC_S_VAR)
            continue;
        sh_buf type = {0};
        bool infer = !s->u.var.type && s->u.var.init;
        if (s->u.var.type)
            type_text(&type, s->u.var.type);
        else
            sh_buf_str(&type, "var");   /* untyped, unless inferred from the initialiser */
        char holder[512];
        snprintf(holder, sizeof holder, ".shell.v%" PRIu64 ".%s", j->n, s->u.var.name);
        if (type.oom || grow((void **)&j->newv, &j->capnew, j->nnew, sizeof *j->newv) < 0) {
            free(type.p);
            return -1;
        }
        j->newv[j->nnew++] = (sh_var){dup(s->u.var.name), dup(holder), type.p, infer, s->loc.off};
    }
    return 0;
}

static const char *holder_of(job *j, const char *name)
{
    for (int i = 0; i < j->nnew; i++)
        if (!strcmp(j->newv[i].name, name))
            return j->newv[i].holder;
    sh_var *v = find_var(j->ws, name);
    return v ? v->holder : NULL;
}

/* The declarations hook: the type of a new `var x = e;`, from e. */
static void declared(void *ctx, const char *cls, const char *name, uint32_t off, const char *type)
{
    job *j = ctx;
    if (strcmp(cls, j->cell))
        return;
    for (int i = 0; i < j->nnew; i++) {
        sh_var *v = &j->newv[i];
        if (v->infer && v->off + j->text_off == off && !strcmp(v->name, name) && strcmp(v->type, type)) {
            char *t = dup(type);
            if (t) {
                free(v->type);
                v->type = t;
                j->inferred = true;
            }
        }
    }
}

/* The globals hook: workspace variables, seen by cells only. */
static const char *global(void *ctx, const char *cls, const char *name)
{
    return strncmp(cls, CELL_PREFIX, strlen(CELL_PREFIX)) ? NULL : holder_of(ctx, name);
}

/* The holder classes the compilation needs: those of the workspace's
 * variables (fresh: false) or those this input declares (fresh: true). */
static void holders_source(job *j, sh_buf *b, bool fresh)
{
    if (fresh) {
        for (int i = 0; i < j->nnew; i++)
            sh_buf_fmt(b, "class %s { static %s %s; };\n", j->newv[i].holder, j->newv[i].type, j->newv[i].name);
        return;
    }
    for (int i = 0; i < j->ws->nvars; i++) {
        const sh_var *v = &j->ws->vars[i];
        if (!strcmp(holder_of(j, v->name), v->holder))
            sh_buf_fmt(b, "class %s { static %s %s; };\n", v->holder, v->type, v->name);
    }
}

/* The cell.  The input's text starts on line 2, column 1 of the source
 * "<input>", which is compiled with its lines shifted by -1: messages and
 * stack traces show the lines as typed. */
static void cell_source(job *j, sh_buf *b)
{
    sh_buf_fmt(b, "class %s {", j->cell);
    switch (j->kind) {
    case J_STMTS:
        sh_buf_str(b, " static void main() {\n");
        j->text_off = (uint32_t)b->n;
        sh_buf_fmt(b, "%s\n;", j->text);
        for (int i = 0; i < j->nnew; i++)
            sh_buf_fmt(b, " %s.%s = %s;", j->newv[i].holder, j->newv[i].name, j->newv[i].name);
        sh_buf_str(b, " } };\n");
        break;
    case J_SHOW:
        sh_buf_fmt(b, " static void main() { println(\n%s\n); } };\n", j->text);
        break;
    case J_VOID:
        sh_buf_fmt(b, " static void main() {\n%s\n; } };\n", j->text);
        break;
    case J_INSPECT:
        sh_buf_fmt(b, " static var " INSPECT_FIELD "; static void main() { " INSPECT_FIELD " = (\n%s\n); } };\n",
               j->text);
        break;
    case J_DECLS:
        sh_buf_str(b, " static void main() { } };\n");
        break;
    }
}

/* Compiles the job; on errors their text is in *diag. */
static int compile(job *j, sh_buf *diag)
{
    pc_diag d;
    pc_diag_init(&d, to_sb, diag);
    pc_options o;
    tool_compile_options(&o);
    o.global = global;
    o.declared = declared;
    o.hook_ctx = j;
    pc_compiler *c = pc_compiler_new(&d, &o);
    if (!c) {
        sh_buf_str(diag, "phantom: out of memory\n");
        return -1;
    }
    int nsrc = 0;
    for (unsigned i = 0; i < tool_stdlib_count; i++, nsrc++)
        pc_compiler_add_source(c, tool_stdlib[i].text, tool_stdlib[i].len, tool_stdlib[i].path);
    for (int i = 0; i < j->ws->nunits; i++, nsrc++)
        pc_compiler_add_source(c, j->ws->units[i].text, strlen(j->ws->units[i].text), j->ws->units[i].name);
    sh_buf holders = {0}, fresh = {0}, cell = {0};
    holders_source(j, &holders, false);
    holders_source(j, &fresh, true);
    cell_source(j, &cell);
    pc_compiler_add_source(c, holders.p ? holders.p : "", holders.n, "<workspace>");
    j->first_new = ++nsrc;
    pc_compiler_add_source(c, fresh.p ? fresh.p : "", fresh.n, "<declared>");
    nsrc++;
    if (j->kind == J_DECLS) {
        j->unit_src = nsrc++;
        pc_compiler_add_source(c, j->text, strlen(j->text), j->unit_name);
    }
    pc_compiler_add_source_shifted(c, cell.p ? cell.p : "", cell.n, j->kind == J_DECLS ? "<cell>" : "<input>", -1);
    int rc = holders.oom || fresh.oom || cell.oom ? -1 : pc_compiler_run(c, &j->out);
    pc_compiler_free(c);
    free(holders.p);
    free(fresh.p);
    free(cell.p);
    return rc;
}

/* ---- the VM's side: installing and starting (one request) --------------------------------- */

/* Records key -> val in the workspace's notes and empties both buffers;
 * -1 when host or world memory ran out. */
static int note(pv_vm *vm, sh_buf *key, sh_buf *val)
{
    int rc = key->oom || val->oom || !key->p || !val->p ? -1 : pvm_note_put(vm, BOOK, key->p, val->p);
    free(key->p);
    free(val->p);
    *key = *val = (sh_buf){0};
    return rc;
}

/* Installs what the world lacks (the new sources' classes, and library
 * classes a world made elsewhere may not have), records the workspace's
 * new entries and starts the cell. */
static int commit(pv_vm *vm, void *ctx)
{
    job *j = ctx;
    pv_cf **sel = calloc((size_t)j->out.n + 1, sizeof *sel);
    const char **names = calloc((size_t)j->out.n + 1, sizeof *names);
    int n = 0, rc = -1;
    if (!sel || !names) {
        snprintf(j->err, sizeof j->err, "out of memory");
        goto done;
    }
    for (int i = 0; i < j->out.n; i++)
        if (j->out.source[i] >= j->first_new || !pvm_class_exists(vm, j->out.names[i])) {
            sel[n] = j->out.classes[i];
            names[n++] = j->out.names[i];
        }
    if (pvm_install(vm, sel, n, NULL, j->err, sizeof j->err) < 0)
        goto done;
    sh_buf k = {0}, v = {0};
    int bad = 0;
    for (int i = 0; i < j->nnew; i++) {
        sh_buf_fmt(&k, "var:%s", j->newv[i].name);
        sh_buf_fmt(&v, "%s %s", j->newv[i].holder, j->newv[i].type);
        bad |= note(vm, &k, &v);
    }
    if (j->kind == J_DECLS) {
        sh_buf_fmt(&k, "unit:%" PRIu64, j->n);
        sh_buf_fmt(&v, "%s\n", j->keep_name);
        sh_buf_str(&v, j->text);
        bad |= note(vm, &k, &v);
        for (int i = 0; i < j->out.n; i++)
            if (j->out.source[i] == j->unit_src) {
                sh_buf_fmt(&k, "class:%s", j->out.names[i]);
                sh_buf_fmt(&v, "%" PRIu64, j->n);
                bad |= note(vm, &k, &v);
            }
    }
    sh_buf_fmt(&k, "next");
    sh_buf_fmt(&v, "%" PRIu64, j->n + 1);
    bad |= note(vm, &k, &v);
    j->notes_failed = bad != 0;
    rc = pvm_start_thread(vm, j->cell, names, n, &j->tid, j->err, sizeof j->err);
done:
    free(sel);
    free(names);
    return rc;
}

/* The same entries in host memory, once the world has them. */
static void remember(job *j)
{
    sh_ws *ws = j->ws;
    for (int i = 0; i < j->nnew; i++)
        set_var(ws, j->newv[i].name, j->newv[i].holder, j->newv[i].type);
    if (j->kind == J_DECLS) {
        add_unit(ws, j->n, j->keep_name, j->text);
        for (int i = 0; i < j->out.n; i++)
            if (j->out.source[i] == j->unit_src)
                add_class(ws, j->out.names[i]);
    }
    ws->next = j->n + 1;
}

static int kill_req(pv_vm *vm, void *ctx) { return pvm_thread_kill(vm, *(uint64_t *)ctx); }

/* Waits for the cell's thread; Ctrl-C kills it.  0 if it ended normally. */
static int wait_cell(job *j, bool (*interrupted)(void))
{
    bool failed;
    for (;;) {
        if (pvm_thread_wait(j->ws->vm, j->tid, 50, &failed))
            return failed ? -1 : 0;
        if (interrupted()) {
            pvm_call(j->ws->vm, kill_req, &j->tid);
            sh_printf(2, "interrupted\n");
            return -1;
        }
    }
}

typedef struct describe_req { const char *cls; char buf[16384]; } describe_req;

static int describe(pv_vm *vm, void *ctx)
{
    describe_req *d = ctx;
    return pvm_describe_static(vm, d->cls, INSPECT_FIELD, 3, d->buf, sizeof d->buf);
}

static void job_free(job *j)
{
    for (int i = 0; i < j->nnew; i++) {
        free(j->newv[i].name);
        free(j->newv[i].holder);
        free(j->newv[i].type);
    }
    free(j->newv);
    pc_output_free(&j->out);
}

/* Compiles, installs and runs the job; prints what went wrong. */
static int run_job(job *j, bool (*interrupted)(void))
{
    j->n = j->ws->next;
    snprintf(j->cell, sizeof j->cell, CELL_PREFIX "%" PRIu64, j->n);
    sh_buf diag = {0};
    int rc = compile(j, &diag);
    if (rc == 0 && j->inferred) {   /* again, with the holders' types as inferred */
        pc_output_free(&j->out);
        rc = compile(j, &diag);
    }
    if (rc < 0 && j->kind == J_SHOW) {
        /* No value to show: a void call?  If not, the first messages are
         * the ones about the expression. */
        sh_buf diag2 = {0};
        j->kind = J_VOID;
        rc = compile(j, &diag2);
        free(diag2.p);
    }
    if (rc < 0) {
        if (diag.p)
            sh_write(2, diag.p, diag.n);
        free(diag.p);
        return -1;
    }
    free(diag.p);
    for (int i = 0; j->kind == J_DECLS && i < j->out.n; i++)
        if (j->out.source[i] == j->unit_src && !strncmp(j->out.names[i], ".shell.", 7)) {
            sh_printf(2, "phantom: class %s: the package .shell is the shell's own; choose another name\n",
                      j->out.names[i]);
            return -1;
        }
    if (pvm_call(j->ws->vm, commit, j) < 0) {
        sh_printf(2, "phantom: %s\n", j->err);
        return -1;
    }
    remember(j);
    if (j->notes_failed)
        sh_printf(2, "phantom: warning: the world is out of memory: after a restart the workspace may not "
                     "remember this input\n");
    rc = wait_cell(j, interrupted);
    if (rc == 0 && j->kind == J_INSPECT) {
        describe_req *d = malloc(sizeof *d);
        if (!d)
            return -1;
        d->cls = j->cell;
        pvm_call(j->ws->vm, describe, d);
        sh_printf(1, "%s\n", d->buf);
        free(d);
    }
    return rc;
}

int sh_ws_eval(sh_ws *ws, const char *text, bool (*interrupted)(void))
{
    sh_buf diag = {0};
    pc_unit *u = parse_input(text, &diag);
    if (!u || u->status != PC_PARSE_OK) {
        sh_write(2, diag.p ? diag.p : "phantom: out of memory\n", diag.p ? diag.n : 23);
        pc_unit_free(u);
        free(diag.p);
        return -1;
    }
    free(diag.p);
    /* a declaration is compiled as "<input>" (messages point at what was
     * typed) and kept as "<input N>" */
    char keep[64];
    snprintf(keep, sizeof keep, "<input %" PRIu64 ">", ws->next);
    job j = {.ws = ws, .text = text, .unit_name = "<input>", .keep_name = keep};
    int rc = 0;
    if (u->kind == PC_UNIT_EXPR)
        j.kind = J_SHOW;
    else if (u->kind == PC_UNIT_DECLS)
        j.kind = J_DECLS;
    else
        rc = collect_vars(&j, u);   /* J_STMTS */
    pc_unit_free(u);
    if (rc == 0)
        rc = run_job(&j, interrupted);
    else
        sh_printf(2, "phantom: out of memory\n");
    job_free(&j);
    return rc;
}

int sh_ws_inspect(sh_ws *ws, const char *expr, bool (*interrupted)(void))
{
    /* only an expression: the text goes inside the cell's parentheses */
    sh_buf diag = {0};
    pc_unit *u = parse_input(expr, &diag);
    bool ok = u && u->status == PC_PARSE_OK && u->kind == PC_UNIT_EXPR;
    if (!ok) {
        if (u && u->status == PC_PARSE_OK)
            sh_printf(2, "phantom: :inspect takes one expression (no ';')\n");
        else
            sh_write(2, diag.p ? diag.p : "phantom: out of memory\n", diag.p ? diag.n : 23);
    }
    pc_unit_free(u);
    free(diag.p);
    if (!ok)
        return -1;
    job j = {.ws = ws, .kind = J_INSPECT, .text = expr};
    int rc = run_job(&j, interrupted);
    job_free(&j);
    return rc;
}

int sh_ws_load(sh_ws *ws, const char *path, bool (*interrupted)(void))
{
    uint8_t *buf;
    size_t len;
    int rc = hal_file_read_all(path, MAX_FILE, &buf, &len);
    if (rc < 0) {
        sh_printf(2, "phantom: %s: cannot read: %s\n", path, tool_read_error(rc));
        return -1;
    }
    if (strlen((char *)buf) != len) {
        sh_printf(2, "phantom: %s: holds a NUL byte; not a Phantom source\n", path);
        free(buf);
        return -1;
    }
    job j = {.ws = ws, .kind = J_DECLS, .text = (char *)buf, .unit_name = path, .keep_name = path};
    rc = run_job(&j, interrupted);
    if (rc == 0)
        sh_printf(1, "loaded %s\n", path);
    job_free(&j);
    free(buf);
    return rc;
}
