/*
 * pc_compile.h - the Phantom language compiler: source files in, class
 * files (pv_cf, src/vm/classfile.h) out.
 *
 * A compilation combines every source of one program, in any order: the
 * classes of all files see each other (cycles between classes work), the
 * internal classes of the VM come from a table the caller hands in (the
 * tools pass src/vm/native_info.h's view of the VM's own table), and the
 * result is one class file per class, in source order, each verified.
 *
 *     pc_compiler *c = pc_compiler_new(&diag, &opts);
 *     pc_compiler_add_source(c, text, len, "hello.ph");   (any number)
 *     pc_output out;
 *     if (pc_compiler_run(c, &out) == 0) { ... out.classes[i] ... pc_output_free(&out); }
 *     pc_compiler_free(c);
 *
 * Diagnostics go to the pc_diag sink in the form of diag.h (file:line:col:
 * error: message, the source line, a caret); several errors are reported
 * per run, and an error never causes a cascade of others (expressions
 * with errors get a "poison" type that silences everything built on it).
 * The phases (sema: pc_sema*.c, pc_names.c, pc_classes.c, pc_lookup.c;
 * code generation: pc_emit.c, pc_gen_*.c) are described in docs/LANGUAGE.md
 * ("How constructs compile").
 *
 * The compiler has no global state: compilations may run at once on
 * different threads.  Any input is safe: no source makes it crash, loop
 * or recurse without bound (the parser bounds nesting), and every class it
 * produces passes pv_cf_verify (an internal error is reported otherwise).
 */
#ifndef PHANTOM_COMPILER_PC_COMPILE_H
#define PHANTOM_COMPILER_PC_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../vm/classfile.h"
#include "../vm/native_info.h"
#include "diag.h"

/* The internal classes the program may use (normally the functions of
 * src/vm/native_info.h).  Only these three calls are made. */
typedef struct pc_natives {
    size_t (*count)(void);
    int (*class_at)(size_t i, pv_native_info_class *out);
    int (*method_at)(size_t i, uint32_t m, pv_native_info_method *out);
} pc_natives;

/* Reads a whole file for `import "file"`: 0 with a malloc'd buffer (the
 * compiler frees it), or -1 with a short reason in why (why_len bytes). */
typedef int pc_read_fn(void *ctx, const char *path, char **data, size_t *len, char *why,
                       size_t why_len);

/* Globals (the shell's workspace variables): called for a simple name
 * (`x`, or the first component of `x.y`) that is neither a local nor a
 * field of the class `cls` being compiled.  Returns the full name of a
 * class of the compilation whose static field `name` the name then means,
 * or NULL (then it is looked up as a class name, as usual). */
typedef const char *pc_global_fn(void *ctx, const char *cls, const char *name);

/* Local declarations (the shell learns the types of its variables): called
 * for every local variable declared in class `cls`, with the declaration's
 * byte offset in its source and its type, written or inferred, spelled as
 * in a source ("int", ".demo.item[]"; "var" when untyped). */
typedef void pc_declared_fn(void *ctx, const char *cls, const char *name, uint32_t off, const char *type);

typedef struct pc_options {
    const pc_natives *natives; /* NULL: no internal classes (only .internal.object is assumed) */
    pc_read_fn *read_file;     /* NULL: `import "file"` is an error */
    void *read_ctx;
    size_t mem_limit;          /* per source unit, for the parser; 0: none */
    pc_global_fn *global;      /* NULL: no globals */
    pc_declared_fn *declared;  /* NULL: not told */
    void *hook_ctx;            /* for global and declared */
    bool void_args_refused;    /* a void call's result as an argument is an error, not the
                                  original compiler's habit (null passed, with a warning) */
} pc_options;

/* What a successful compilation produced. */
typedef struct pc_output {
    pv_cf **classes;   /* n classes, each malloc'd; in source order (file, then declaration) */
    char **names;      /* their full names (".demo.shop.basket") */
    int *source;       /* the index (order of pc_compiler_add_source) of each one's source */
    int n;
    int entry;         /* the first class declaring main(), else run(boot)/run(), else -1 */
} pc_output;

typedef struct pc_compiler pc_compiler;

/* A new compilation reporting to d (which must outlive it); NULL if out of memory. */
pc_compiler *pc_compiler_new(pc_diag *d, const pc_options *opts);

/* Parses one source file (text need not stay valid afterwards; `name` must:
 * messages and line tables use it).  Parse errors are reported at once.
 * Returns 0, or -1 if the file had errors (compilation may go on, to report
 * the errors of other files, but pc_compiler_run will fail). */
int pc_compiler_add_source(pc_compiler *c, const char *text, size_t len, const char *name);

/* pc_compiler_add_source, with line_shift added to every line number of
 * the source (messages, line tables): the shell puts a line of its own
 * before what was typed, and shifts by -1 so that lines are the user's. */
int pc_compiler_add_source_shifted(pc_compiler *c, const char *text, size_t len, const char *name,
                                   int line_shift);

/* A source of the library that comes with the program (added after the
 * program's own).  A library class named like a program class is left
 * out: the program's replaces it (a program may bring its own
 * .phantom.util.map).  A library class that then fails to compile is
 * left out with what names it, silently, unless a program class needs it:
 * then the program gets an error showing the library class's. */
int pc_compiler_add_library_source(pc_compiler *c, const char *text, size_t len, const char *name);

/* Checks the whole program and generates its classes.  0 with *out filled
 * (free it with pc_output_free), or -1 after reporting the errors. */
int pc_compiler_run(pc_compiler *c, pc_output *out);

void pc_output_free(pc_output *out);
void pc_compiler_free(pc_compiler *c);

/* True when the last pc_compiler_run failed because of a bug in the
 * compiler (a class it generated did not verify), not the program. */
bool pc_compiler_internal_error(const pc_compiler *c);

#endif
