/*
 * program.h - loading the files of a program (class files, assembly
 * sources, directories of them) into class-file form for installation.
 */
#ifndef PHANTOM_TOOLS_PROGRAM_H
#define PHANTOM_TOOLS_PROGRAM_H

#include "../vm/classfile.h"

typedef struct tool_program {
    pv_cf **classes;   /* n classes, in command-line order */
    char **names;      /* their full names */
    int n, cap;
    const char *entry; /* first class with an entry point, or NULL */
} tool_program;

/* Loads every file; on any error prints `file: message` lines to standard
 * error and returns -1 (nothing to free). */
int tool_program_load(tool_program *p, char **files, int nfiles);
void tool_program_free(tool_program *p);

#endif
