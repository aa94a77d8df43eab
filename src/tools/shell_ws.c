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
#define SHOW_FN "shell_show"
#define CLEAN_EXIT "clean-exit"
#define MAX_FILE (16u << 20)

typedef struct sh_var {
    char *name, *holder, *type;
    bool infer;              /* a new `var x = e;`: the type is e's, which the compiler tells */
    uint32_t off;            /* of its declaration in the input (when infer) */
} sh_var;
typedef struct sh_unit { uint64_t n; char *name, *text; } sh_unit;
typedef struct sh_class { char *name; uint64_t unit; } sh_class;   /* declared by unit `unit` */

struct sh_ws {
    pv_vm *vm;
    sh_var *vars;
    int nvars, capvars;
    sh_unit *units;
    int nunits, capunits;
    sh_class *classes;     /* the classes the units declare, by full name */
    int nclasses, capclasses;
    uint64_t next;
    bool resumed_clean;    /* the world's last shell ended with a final snapshot */
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

static void free_var(sh_var *v)
{
    free(v->name);
    free(v->holder);
    free(v->type);
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

static sh_class *find_class(sh_ws *ws, const char *name)
{
    for (int i = 0; i < ws->nclasses; i++)
        if (!strcmp(ws->classes[i].name, name))
            return &ws->classes[i];
    return NULL;
}

/* Adds class `name` of unit n, or moves it to unit n (a new version). */
static int add_class(sh_ws *ws, const char *name, uint64_t n)
{
    sh_class *c = find_class(ws, name);
    if (c) {
        c->unit = n;
        return 0;
    }
    if (grow((void **)&ws->classes, &ws->capclasses, ws->nclasses, sizeof *ws->classes) < 0)
        return -1;
    ws->classes[ws->nclasses++] = (sh_class){dup(name), n};
    return 0;
}

static void drop_unit(sh_ws *ws, uint64_t n)
{
    for (int i = 0; i < ws->nunits; i++)
        if (ws->units[i].n == n) {
            free(ws->units[i].name);
            free(ws->units[i].text);
            memmove(&ws->units[i], &ws->units[i + 1], (size_t)(ws->nunits - i - 1) * sizeof *ws->units);
            ws->nunits--;
            return;
        }
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
        add_class(ws, key + 6, strtoull(val, NULL, 10));
    } else if (!strcmp(key, CLEAN_EXIT)) {
        ws->resumed_clean = true;
    }
}

/* Reads the notes; a clean-exit note is consumed, so that a later crash
 * is not taken for a clean exit. */
static int load_notes(pv_vm *vm, void *ctx)
{
    sh_ws *ws = ctx;
    pvm_notes(vm, BOOK, load_note, ws);
    if (ws->resumed_clean)
        pvm_note_put(vm, BOOK, CLEAN_EXIT, NULL);
    return 0;
}

static int note_clean_exit(pv_vm *vm, void *ctx)
{
    (void)ctx;
    return pvm_note_put(vm, BOOK, CLEAN_EXIT, "1");
}

void sh_ws_note_clean_exit(sh_ws *ws) { pvm_call(ws->vm, note_clean_exit, NULL); }

bool sh_ws_resumed_clean(const sh_ws *ws) { return ws->resumed_clean; }

sh_ws *sh_ws_open(pv_vm *vm)
{
    sh_ws *ws = calloc(1, sizeof *ws);
    if (!ws)
        return NULL;
    ws->vm = vm;
    ws->next = 1;
    pvm_call(vm, load_notes, ws);
    /* the note's removal is made durable at once: until then the world
     * would resume from the clean exit's snapshot, note included, while
     * this session's work is lost */
    if (ws->resumed_clean)
        pvm_snapshot(vm);
    return ws;
}

static void clear(sh_ws *ws);

/* Several shells may use one world (the one on the terminal and attached
 * sessions): each reads the workspace from the world's notes again before
 * it compiles, and compiling through recording an input's notes is done
 * by one at a time (so two inputs never take the same cell number). */
static hal_mutex install_lock;
static bool install_lock_ready;

void sh_ws_init_lock(void)
{
    if (!install_lock_ready) {
        hal_mutex_init(&install_lock);
        install_lock_ready = true;
    }
}

static void refresh(sh_ws *ws)
{
    clear(ws);
    pvm_call(ws->vm, load_notes, ws);
}

/* Empties the workspace in host memory. */
static void clear(sh_ws *ws)
{
    for (int i = 0; i < ws->nvars; i++)
        free_var(&ws->vars[i]);
    for (int i = 0; i < ws->nunits; i++) {
        free(ws->units[i].name);
        free(ws->units[i].text);
    }
    for (int i = 0; i < ws->nclasses; i++)
        free(ws->classes[i].name);
    ws->nvars = ws->nunits = ws->nclasses = 0;
}

void sh_ws_free(sh_ws *ws)
{
    if (!ws)
        return;
    clear(ws);
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
        fn(ctx, ws->classes[i].name, true);
}

/* ---- completion ---------------------------------------------------------------------- */

typedef struct members_req {
    const char *holder, *field;   /* a variable's holder and name, or NULL */
    char cls[512];                /* else (or when it holds null) this class's members */
    bool instance;
    void (*fn)(void *ctx, const char *name, bool is_method);
    void *ctx;
} members_req;

/* VM thread. */
static int members_in_world(pv_vm *vm, void *ctx)
{
    members_req *r = ctx;
    if (r->holder)
        pvm_static_class(vm, r->holder, r->field, r->cls, sizeof r->cls);
    return pvm_class_members(vm, r->cls, r->instance, r->fn, r->ctx);
}

/* A class name as written in an input, made full: `ticker` is `.ticker`. */
static void full_class_name(char *out, size_t len, const char *name)
{
    snprintf(out, len, "%s%s", name[0] == '.' ? "" : ".", name);
}

void sh_ws_members(sh_ws *ws, const char *qual, void (*fn)(void *ctx, const char *name, bool is_method), void *ctx)
{
    members_req r = {.fn = fn, .ctx = ctx};
    const sh_var *v = find_var(ws, qual);
    if (v) {   /* the value's class; if null, the declared type's */
        r.holder = v->holder;
        r.field = v->name;
        r.instance = true;
        full_class_name(r.cls, sizeof r.cls, strcmp(v->type, "var") ? v->type : ".internal.object");
    } else {
        full_class_name(r.cls, sizeof r.cls, qual);
    }
    pvm_call(ws->vm, members_in_world, &r);
}

typedef struct classes_req { void (*fn)(void *ctx, const char *name); void *ctx; } classes_req;

static int classes_in_world(pv_vm *vm, void *ctx)
{
    classes_req *r = ctx;
    pvm_classes(vm, r->fn, r->ctx);
    return 0;
}

void sh_ws_known_classes(sh_ws *ws, void (*fn)(void *ctx, const char *name), void *ctx)
{
    classes_req r = {fn, ctx};
    pvm_call(ws->vm, classes_in_world, &r);
    for (unsigned i = 0; i < tool_stdlib_count; i++) {   /* NAME.ph declares class .NAME */
        char name[512];
        snprintf(name, sizeof name, ".%.*s", (int)(strlen(tool_stdlib[i].name) - 3), tool_stdlib[i].name);
        fn(ctx, name);
    }
}

/* ---- parsing an input ---------------------------------------------------------------- */

static void to_sb(void *ctx, const char *text, size_t len) { sh_buf_add(ctx, text, len); }

static pc_unit *parse_input(const char *text, sh_buf *diag)
{
    pc_diag d;
    pc_diag_init(&d, to_sb, diag);
    return pc_parse_expression_or_statement(text, strlen(text), "<input>", &d, NULL);
}

/* Whether the text parses as methods of a class: a function typed at the
 * prompt, which the shell's inputs cannot hold. */
static bool declares_function(const char *text)
{
    sh_buf src = {0}, diag = {0};
    sh_buf_fmt(&src, "class shell_function_check {\n%s\n}", text);
    pc_diag d;
    pc_diag_init(&d, to_sb, &diag);
    pc_unit *u = src.oom ? NULL : pc_parse_unit(src.p, src.n, "<input>", &d, NULL);
    bool found = false;
    if (u && u->status == PC_PARSE_OK && u->decls && u->decls->kind == PC_D_CLASS)
        for (const pc_decl *m = u->decls->u.cls.members; m && !found; m = m->next)
            found = m->kind == PC_D_METHOD;
    pc_unit_free(u);
    free(src.p);
    free(diag.p);
    return found;
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
    if (report && r == SH_IN_ERROR && declares_function(text))
        sh_printf(2, "phantom: a function lives in a class: class util { static int sq(int n) { return n * n; } };\n"
                     "then call it as util.sq(3)\n");
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
    bool show_last;          /* J_STMTS: show the value of the last statement, an expression */
    uint32_t last_off;       /* where that statement starts in the input */
    bool inferred;           /* the compiler told a new variable's type */
    bool raw;                /* J_INSPECT: containers by their fields, not their contents */
    uint64_t tid;
    bool notes_failed;       /* the world could not record the workspace's entries */
    uint64_t *replaced;      /* J_DECLS: units whose classes it declares again (a new version) */
    int nreplaced;
    sh_list redeclared;      /* J_DECLS: the classes it declares again */
    char err[4000];
} job;

static bool replaces(const job *j, uint64_t unit)
{
    for (int i = 0; i < j->nreplaced; i++)
        if (j->replaced[i] == unit)
            return true;
    return false;
}

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

/* The cell's helpers: shell_show prints a value as the prompt shows it,
 * strings quoted and escaped (so "1" and 1 differ), anything else by its
 * toString; a statement's null value (a call returning nothing useful,
 * like map.put of a new key) is not shown. */
static const char cell_helpers[] =
    " static void " SHOW_FN "(var v, bool nulls) {"
    " if (v instanceof string) println(shell_quoted(v)); else if (nulls || v :!= null) println(v); }"
    " static string shell_quoted(string s) {"
    " var t = .phantom.text.strings.replace(s, \"\\\\\", \"\\\\\\\\\");"
    " t = .phantom.text.strings.replace(t, \"\\\"\", \"\\\\\\\"\");"
    " t = .phantom.text.strings.replace(t, \"\\n\", \"\\\\n\");"
    " t = .phantom.text.strings.replace(t, \"\\t\", \"\\\\t\");"
    " t = .phantom.text.strings.replace(t, \"\\r\", \"\\\\r\");"
    " return \"\\\"\" + t + \"\\\"\"; }";

/* The cell.  The input's text starts on line 2, column 1 of the source
 * "<input>", which is compiled with its lines shifted by -1: messages and
 * stack traces show the lines as typed.  A value shown is the argument of
 * shell_show; a last statement's value is that of a local declared where
 * the statement starts (`var shell_value = EXPR;`). */
static void cell_source(job *j, sh_buf *b)
{
    sh_buf_fmt(b, "class %s {", j->cell);
    switch (j->kind) {
    case J_STMTS:
        sh_buf_str(b, " static void main() {\n");
        j->text_off = (uint32_t)b->n;
        if (j->show_last) {
            sh_buf_add(b, j->text, j->last_off);
            sh_buf_fmt(b, "var shell_value = %s\n; " SHOW_FN "(shell_value, false);", j->text + j->last_off);
        } else {
            sh_buf_fmt(b, "%s\n;", j->text);
        }
        for (int i = 0; i < j->nnew; i++)
            sh_buf_fmt(b, " %s.%s = %s;", j->newv[i].holder, j->newv[i].name, j->newv[i].name);
        sh_buf_str(b, " }");
        break;
    case J_SHOW:
        sh_buf_fmt(b, " static void main() { " SHOW_FN "((\n%s\n), true); }", j->text);
        break;
    case J_VOID:
        sh_buf_fmt(b, " static void main() {\n%s\n; }", j->text);
        break;
    case J_INSPECT:
        sh_buf_fmt(b, " static var " INSPECT_FIELD "; static void main() { " INSPECT_FIELD " = (\n%s\n); }",
                   j->text);
        break;
    case J_DECLS:
        sh_buf_str(b, " static void main() { }");
        break;
    }
    sh_buf_str(b, cell_helpers);
    sh_buf_str(b, " };\n");
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
    o.void_args_refused = true;   /* how a void call typed as an expression is recognised */
    o.hook_ctx = j;
    pc_compiler *c = pc_compiler_new(&d, &o);
    if (!c) {
        sh_buf_str(diag, "phantom: out of memory\n");
        return -1;
    }
    int nsrc = 0;
    for (unsigned i = 0; i < tool_stdlib_count; i++, nsrc++)
        pc_compiler_add_source(c, tool_stdlib[i].text, tool_stdlib[i].len, tool_stdlib[i].path);
    for (int i = 0; i < j->ws->nunits; i++)
        if (!replaces(j, j->ws->units[i].n)) {   /* a unit declared again is left out */
            pc_compiler_add_source(c, j->ws->units[i].text, strlen(j->ws->units[i].text), j->ws->units[i].name);
            nsrc++;
        }
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
    bool *reused = calloc((size_t)j->out.n + 1, sizeof *reused);
    int n = 0, rc = -1;
    if (!sel || !names || !reused) {
        snprintf(j->err, sizeof j->err, "out of memory");
        goto done;
    }
    for (int i = 0; i < j->out.n; i++)
        if (j->out.source[i] >= j->first_new || !pvm_class_exists(vm, j->out.names[i])) {
            sel[n] = j->out.classes[i];
            names[n++] = j->out.names[i];
        }
    /* a class declared again is updated (its objects migrated, its statics
     * kept: its initialiser does not run again); unchanged ones are kept */
    if (pvm_install(vm, sel, n, reused, j->err, sizeof j->err) < 0)
        goto done;
    int ninits = 0;
    for (int i = 0; i < n; i++)
        if (!reused[i])
            names[ninits++] = names[i];
    sh_buf k = {0}, v = {0};
    int bad = 0;
    for (int i = 0; i < j->nreplaced; i++) {   /* the new unit replaces them */
        sh_buf_fmt(&k, "unit:%" PRIu64, j->replaced[i]);
        bad |= k.oom ? -1 : pvm_note_put(vm, BOOK, k.p, NULL);
        k.n = 0;
    }
    free(k.p);
    k = (sh_buf){0};
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
    rc = pvm_start_thread(vm, j->cell, names, ninits, &j->tid, j->err, sizeof j->err);
done:
    free(sel);
    free(names);
    free(reused);
    return rc;
}

/* The same entries in host memory, once the world has them. */
static void remember(job *j)
{
    sh_ws *ws = j->ws;
    for (int i = 0; i < j->nnew; i++)
        set_var(ws, j->newv[i].name, j->newv[i].holder, j->newv[i].type);
    if (j->kind == J_DECLS) {
        for (int i = 0; i < j->nreplaced; i++)
            drop_unit(ws, j->replaced[i]);
        add_unit(ws, j->n, j->keep_name, j->text);
        for (int i = 0; i < j->out.n; i++)
            if (j->out.source[i] == j->unit_src)
                add_class(ws, j->out.names[i], j->n);
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

typedef struct describe_req { const char *cls; bool raw; char buf[16384]; } describe_req;

static int describe(pv_vm *vm, void *ctx)
{
    describe_req *d = ctx;
    return pvm_describe_static(vm, d->cls, INSPECT_FIELD, 3, d->raw, d->buf, sizeof d->buf);
}

static void job_free(job *j)
{
    for (int i = 0; i < j->nnew; i++)
        free_var(&j->newv[i]);
    free(j->newv);
    free(j->replaced);
    sh_list_free(&j->redeclared);
    pc_output_free(&j->out);
}

/* Compiles the job, again if the compiler inferred a new variable's type
 * (then with the holder of that type). */
static int compile_typed(job *j, sh_buf *diag)
{
    int rc = compile(j, diag);
    if (rc == 0 && j->inferred) {
        pc_output_free(&j->out);
        j->inferred = false;
        rc = compile(j, diag);
    }
    return rc;
}

/* Compiles, installs and runs the job; prints what went wrong. */
static int run_job_locked(job *j);

static int run_job(job *j, bool (*interrupted)(void))
{
    if (install_lock_ready)
        hal_mutex_lock(&install_lock);
    int rc = run_job_locked(j);
    if (install_lock_ready)
        hal_mutex_unlock(&install_lock);
    if (rc < 0)
        return -1;
    rc = wait_cell(j, interrupted);
    if (rc == 0 && j->kind == J_INSPECT) {
        describe_req *d = malloc(sizeof *d);
        if (!d)
            return -1;
        d->cls = j->cell;
        d->raw = j->raw;
        pvm_call(j->ws->vm, describe, d);
        sh_printf(1, "%s\n", d->buf);
        free(d);
    }
    return rc;
}

/* Compiles and installs the job, and starts its cell. */
static int run_job_locked(job *j)
{
    if (install_lock_ready)   /* another shell may have changed the workspace */
        refresh(j->ws);
    j->n = j->ws->next;
    snprintf(j->cell, sizeof j->cell, CELL_PREFIX "%" PRIu64, j->n);
    sh_buf diag = {0};
    int rc = compile_typed(j, &diag);
    if (rc < 0 && (j->kind == J_SHOW || j->show_last)) {
        /* No value to show: a void call?  If not, an expression's first
         * messages are the ones about it; statements' are those of the
         * input as typed. */
        sh_buf retry = {0};
        pc_output_free(&j->out);
        bool expr = j->kind == J_SHOW;
        if (expr)
            j->kind = J_VOID;
        else
            j->show_last = false;
        rc = compile_typed(j, &retry);
        if (expr) {
            free(retry.p);
        } else {
            free(diag.p);
            diag = retry;
        }
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
    return 0;
}

/* An expression statement whose value is worth showing: not an
 * assignment or an increment, whose point is their effect. */
static bool shows_value(const pc_stmt *s)
{
    if (s->kind != PC_S_EXPR)
        return false;
    const pc_expr *e = s->u.expr;
    if (e->kind == PC_E_ASSIGN)
        return false;
    return e->kind != PC_E_UNARY || (e->u.unary.op != PC_OP_PREINC && e->u.unary.op != PC_OP_PREDEC &&
                                     e->u.unary.op != PC_OP_POSTINC && e->u.unary.op != PC_OP_POSTDEC);
}

/* `help`, `exit` and `quit` typed as words (and not workspace
 * variables): what a newcomer from python means by them.  True if
 * answered. */
static bool answered_word(sh_ws *ws, const pc_unit *u)
{
    if (u->kind != PC_UNIT_EXPR || u->expr->kind != PC_E_NAME || u->expr->u.name->count != 1 ||
        u->expr->u.name->absolute)
        return false;
    const char *w = u->expr->u.name->part[0];
    if (find_var(ws, w))
        return false;
    if (!strcmp(w, "help"))
        sh_printf(1, "Type :help for the shell's commands and keys; the language is in docs/LANGUAGE.md.\n");
    else if (!strcmp(w, "exit") || !strcmp(w, "quit"))
        sh_printf(1, "Use :quit or Ctrl-D (i.e. EOF) to leave; the world is kept either way.\n");
    else
        return false;
    return true;
}

/* The full names of the classes a unit declares, into out. */
static void declared_classes(const pc_unit *u, sh_list *out)
{
    for (const pc_decl *d = u->decls; d; d = d->next) {
        if (d->kind != PC_D_CLASS)
            continue;
        sh_buf name = {0};
        const pc_name *pkg = d->u.cls.name->absolute ? NULL : u->package;
        for (uint32_t i = 0; pkg && i < pkg->count; i++)
            sh_buf_fmt(&name, ".%s", pkg->part[i]);
        for (uint32_t i = 0; i < d->u.cls.name->count; i++)
            sh_buf_fmt(&name, ".%s", d->u.cls.name->part[i]);
        if (name.p)
            sh_list_add(out, name.p);
        free(name.p);
    }
}

/* A declaration of classes the workspace has: a new version of them.
 * The units that declared them are replaced by this one, so each must be
 * declared again whole (a class it declared that this one lacks would
 * vanish from the workspace's sources).  -1 (message printed) when that
 * is not so, or when `update` is false (:load): then the user is told of
 * :update. */
static int plan_update(job *j, const pc_unit *u, bool update, const char *what)
{
    sh_list names = {0};
    declared_classes(u, &names);
    int rc = 0;
    for (int i = 0; i < names.n && rc == 0; i++) {
        const sh_class *c = find_class(j->ws, names.v[i]);
        if (!c)
            continue;
        if (!update) {
            sh_printf(2, "phantom: %s declares class %s, which the workspace has: :update %s installs the new "
                         "version (its objects are migrated)\n", what, c->name, what);
            rc = -1;
            break;
        }
        sh_list_add(&j->redeclared, c->name);
        if (!replaces(j, c->unit)) {
            uint64_t *r = realloc(j->replaced, (size_t)(j->nreplaced + 1) * sizeof *r);
            if (!r) {
                rc = -1;
                break;
            }
            j->replaced = r;
            j->replaced[j->nreplaced++] = c->unit;
        }
    }
    for (int i = 0; i < j->ws->nclasses && rc == 0; i++) {
        const sh_class *c = &j->ws->classes[i];
        bool again = false;
        for (int k = 0; k < names.n && !again; k++)
            again = !strcmp(names.v[k], c->name);
        if (replaces(j, c->unit) && !again) {
            const char *unit = "?";
            for (int k = 0; k < j->ws->nunits; k++)
                if (j->ws->units[k].n == c->unit)
                    unit = j->ws->units[k].name;
            sh_printf(2, "phantom: %s declares again classes of %s but not %s, declared with them: "
                         "declare them again together\n", what, unit, c->name);
            rc = -1;
        }
    }
    sh_list_free(&names);
    return rc;
}

typedef struct version_req { const char *name; uint32_t version; } version_req;

static int class_version(pv_vm *vm, void *ctx)
{
    version_req *r = ctx;
    r->version = pvm_class_version(vm, r->name);
    return 0;
}

/* "updated .shape to version 2" for each class declared again. */
static void report_update(job *j)
{
    for (int i = 0; i < j->redeclared.n; i++) {
        version_req r = {j->redeclared.v[i], 0};
        pvm_call(j->ws->vm, class_version, &r);
        sh_printf(1, "updated %s to version %u\n", r.name, (unsigned)r.version);
    }
}

int sh_ws_eval(sh_ws *ws, const char *text, bool (*interrupted)(void))
{
    if (install_lock_ready)   /* what other shells declared since */
        refresh(ws);
    sh_buf diag = {0};
    pc_unit *u = parse_input(text, &diag);
    if (!u || u->status != PC_PARSE_OK) {
        sh_write(2, diag.p ? diag.p : "phantom: out of memory\n", diag.p ? diag.n : 23);
        pc_unit_free(u);
        free(diag.p);
        return -1;
    }
    free(diag.p);
    if (answered_word(ws, u)) {
        pc_unit_free(u);
        return 0;
    }
    /* a declaration is compiled as "<input>" (messages point at what was
     * typed) and kept as "<input N>" */
    char keep[64];
    snprintf(keep, sizeof keep, "<input %" PRIu64 ">", ws->next);
    job j = {.ws = ws, .text = text, .unit_name = "<input>", .keep_name = keep, .n = ws->next};
    int rc = 0;
    if (u->kind == PC_UNIT_EXPR) {
        j.kind = J_SHOW;
    } else if (u->kind == PC_UNIT_DECLS) {
        j.kind = J_DECLS;
        rc = plan_update(&j, u, true, "the input");
    } else {
        const pc_stmt *last = u->stmts;
        while (last && last->next)
            last = last->next;
        if (last && shows_value(last)) {
            j.show_last = true;
            j.last_off = last->loc.off;
        }
        if (collect_vars(&j, u) < 0) {   /* J_STMTS */
            sh_printf(2, "phantom: out of memory\n");
            rc = -1;
        }
    }
    pc_unit_free(u);
    if (rc == 0)
        rc = run_job(&j, interrupted);
    if (rc == 0)
        report_update(&j);
    job_free(&j);
    return rc;
}

int sh_ws_inspect(sh_ws *ws, const char *expr, bool raw, bool (*interrupted)(void))
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
    job j = {.ws = ws, .kind = J_INSPECT, .text = expr, .raw = raw};
    int rc = run_job(&j, interrupted);
    job_free(&j);
    return rc;
}

int sh_ws_load(sh_ws *ws, const char *path, bool update, bool (*interrupted)(void))
{
    if (install_lock_ready)   /* what other shells declared since */
        refresh(ws);
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
    sh_buf diag = {0};
    pc_diag d;
    pc_diag_init(&d, to_sb, &diag);
    pc_unit *u = pc_parse_unit((char *)buf, len, path, &d, NULL);
    rc = u && u->status == PC_PARSE_OK ? plan_update(&j, u, update, path) : 0;   /* else compile says why */
    pc_unit_free(u);
    free(diag.p);
    if (rc == 0)
        rc = run_job(&j, interrupted);
    if (rc == 0) {
        sh_printf(1, "%s %s\n", update ? "updated from" : "loaded", path);
        report_update(&j);
    }
    job_free(&j);
    free(buf);
    return rc;
}

/* ---- managing the workspace ---------------------------------------------------------- */

typedef struct describe_var_req { const sh_var *v; char buf[4096]; } describe_var_req;

static int describe_var(pv_vm *vm, void *ctx)
{
    describe_var_req *d = ctx;
    return pvm_describe_static(vm, d->v->holder, d->v->name, 0, false, d->buf, sizeof d->buf);
}

void sh_ws_vars(sh_ws *ws)
{
    if (install_lock_ready)   /* what other shells declared since */
        refresh(ws);
    if (!ws->nvars) {
        sh_printf(1, "no variables declared here yet\n");
        return;
    }
    describe_var_req *d = malloc(sizeof *d);
    if (!d)
        return;
    for (int i = 0; i < ws->nvars; i++) {
        d->v = &ws->vars[i];
        if (pvm_call(ws->vm, describe_var, d) < 0)
            snprintf(d->buf, sizeof d->buf, "(not set: its input failed)");
        sh_printf(1, "%-16s %-16s %s\n", d->v->name, strcmp(d->v->type, "var") ? d->v->type : "var (untyped)",
                  d->buf);
    }
    free(d);
}

typedef struct forget_req { sh_ws *ws; const char *name; bool all; } forget_req;

/* Removes a variable's entry (all: every variable's, unit's and class's)
 * from the workspace's notes.  The holder and unit classes stay in the
 * world's class table, and `next` goes on counting, so later holders and
 * cells never take an old name. */
static int forget_notes(pv_vm *vm, void *ctx)
{
    forget_req *r = ctx;
    sh_buf k = {0};
    int bad = 0;
    for (int i = 0; i < r->ws->nvars; i++)
        if (r->all || !strcmp(r->ws->vars[i].name, r->name)) {
            sh_buf_fmt(&k, "var:%s", r->ws->vars[i].name);
            bad |= k.p ? pvm_note_put(vm, BOOK, k.p, NULL) : -1;
            k.n = 0;
        }
    for (int i = 0; r->all && i < r->ws->nunits; i++) {
        sh_buf_fmt(&k, "unit:%" PRIu64, r->ws->units[i].n);
        bad |= k.p ? pvm_note_put(vm, BOOK, k.p, NULL) : -1;
        k.n = 0;
    }
    for (int i = 0; r->all && i < r->ws->nclasses; i++) {
        sh_buf_fmt(&k, "class:%s", r->ws->classes[i].name);
        bad |= k.p ? pvm_note_put(vm, BOOK, k.p, NULL) : -1;
        k.n = 0;
    }
    free(k.p);
    return bad ? -1 : 0;
}

int sh_ws_forget(sh_ws *ws, const char *name)
{
    if (install_lock_ready)   /* what other shells declared since */
        refresh(ws);
    sh_var *v = find_var(ws, name);
    if (!v) {
        bool is_class = false;
        for (int i = 0; i < ws->nclasses && !is_class; i++)
            is_class = !strcmp(ws->classes[i].name, name) ||
                       (ws->classes[i].name[0] == '.' && !strcmp(ws->classes[i].name + 1, name));
        sh_printf(2, is_class ? "phantom: %s is a class: classes cannot be forgotten one by one (other classes and "
                                "objects may use it); :reset forgets the whole workspace\n"
                              : "phantom: no workspace variable %s (:vars lists them)\n",
                  name);
        return -1;
    }
    forget_req r = {ws, name, false};
    if (pvm_call(ws->vm, forget_notes, &r) < 0) {
        sh_printf(2, "phantom: the world is out of memory: %s is forgotten until the next restart only\n", name);
    }
    free_var(v);
    *v = ws->vars[--ws->nvars];
    sh_printf(1, "forgot %s\n", name);
    return 0;
}

int sh_ws_reset(sh_ws *ws)
{
    if (install_lock_ready)   /* what other shells declared since */
        refresh(ws);
    forget_req r = {ws, NULL, true};
    int rc = pvm_call(ws->vm, forget_notes, &r);
    if (rc < 0)
        sh_printf(2, "phantom: the world is out of memory: the workspace is reset until the next restart only\n");
    sh_printf(1, "forgot %d variable%s and %d class%s\n", ws->nvars, ws->nvars == 1 ? "" : "s", ws->nclasses,
              ws->nclasses == 1 ? "" : "es");
    clear(ws);
    return 0;
}

/* ---- program output ---------------------------------------------------------------- */

void sh_ws_output_text(const char *s, size_t n, sh_buf *out)
{
    static const char at[] = "    at " CELL_PREFIX;
    const size_t k = sizeof at - 1;
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl ? (size_t)(nl - s) + 1 : n;
        size_t i = k;
        if (len > k && !memcmp(s, at, k))
            while (i < len && s[i] >= '0' && s[i] <= '9')
                i++;
        const char *open = i > k && i < len && s[i] == '.' ? memchr(s + i, '(', len - i) : NULL;
        const char *close = open ? memchr(open, ')', len - (size_t)(open - s)) : NULL;
        if (!close) {
            sh_buf_add(out, s, len);
        } else if (!strncmp(s + i + 1, "main (", 6)) {   /* the input's own frame */
            sh_buf_str(out, "    at ");
            sh_buf_add(out, open + 1, (size_t)(close - open - 1));
            sh_buf_str(out, "\n");
        }   /* else a frame of the cell's helpers: left out */
        s += len;
        n -= len;
    }
}
