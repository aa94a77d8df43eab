/*
 * program.h - loading the files of a program (class files, assembly
 * sources, directories of them) into class-file form for installation.
 */
#ifndef PHANTOM_TOOLS_PROGRAM_H
#define PHANTOM_TOOLS_PROGRAM_H

#include "../compiler/pc_compile.h"
#include "../vm/classfile.h"

typedef struct tool_program {
    pv_cf **classes;   /* n classes, in command-line order */
    char **names;      /* their full names */
    int n, cap;
    const char *entry; /* first of the program's own classes (not the library's) with an entry point, or NULL */
    const char *const *renames;   /* pairs OLD, NEW of full class names (pvm_install_renaming), set by the caller */
    int nrenames;
} tool_program;

/* Loads every file: class files (.phc), assembly sources (.pasm), Phantom
 * language sources (.ph, all compiled together) and directories of them.
 * On any error prints `file: message` lines (or the compiler's
 * diagnostics) to standard error and returns -1 (nothing to free). */
int tool_program_load(tool_program *p, char **files, int nfiles);
void tool_program_free(tool_program *p);
/* Adds a class file (p takes it): 0, or -1 out of host memory. */
int tool_program_add(tool_program *p, pv_cf *cf);

struct pv_vm;
/* Installs the program into the world, reusing its classes that are
 * already there unchanged (so yesterday's objects keep their class), and
 * returns in *inits / *ninits the names of the classes whose initialisers
 * must run: the ones installed now (free *inits).  0, or -1 with err. */
int tool_program_install(struct pv_vm *vm, const tool_program *p, const char ***inits, int *ninits, char *err,
                         size_t errlen);

/* compile.c: compiles the .ph files paths[0, n) together, and with_lib,
 * the standard library embedded in the command (lib_embed.h) after them:
 * its sources get the indices n and up in out->source, except files the
 * program names itself (same file name), which it then replaces.  0 with
 * *out and *names (the file names the classes' messages refer to; free
 * with tool_compile_free_names(names, n) after out), or -1 after printing
 * the diagnostics. */
/* The options every compilation of the tools uses: the VM's internal
 * classes, `import "file"` through the host's files. */
void tool_compile_options(pc_options *o);
int tool_compile(char **paths, int n, bool with_lib, pc_output *out, char ***names);
void tool_compile_free_names(char **names, int n);
/* Compiles the Java class library (javalib, embedded): 0, or -1 after
 * printing the diagnostics. */
int tool_compile_jvm_lib(pc_output *out);
/* files.c: expands directories into the files under them whose names end
 * with one of exts (NULL-terminated; sorted, recursively, hidden ones
 * skipped); other arguments are kept as they are.  -1 after printing why. */
int tool_collect_files(char **args, int nargs, const char *const *exts, char ***paths, int *n);
void tool_free_files(char **paths, int n);
bool tool_ends_with(const char *s, const char *suffix);
/* Why a file could not be read (hal_file_read_all's code), in the one
 * wording every command uses: "no such file", "is a directory", ... */
const char *tool_read_error(int rc);

#endif
