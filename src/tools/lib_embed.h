/*
 * lib_embed.h - the standard class library (the .ph files of lib/), embedded in the
 * `phantom` command at build time (tools/embed-lib.sh), so that a fresh
 * machine needs nothing but the binary.  Every program is compiled
 * together with it.
 */
#ifndef PHANTOM_TOOLS_LIB_EMBED_H
#define PHANTOM_TOOLS_LIB_EMBED_H

#include <stddef.h>

typedef struct tool_stdlib_file {
    const char *name;   /* the file name, NAME.ph */
    const char *path;   /* "lib/NAME.ph": what messages and stack traces show */
    const char *text;
    size_t len;
} tool_stdlib_file;

extern const tool_stdlib_file tool_stdlib[];   /* ends with an all-zero entry */
extern const unsigned tool_stdlib_count;
/* The Java class library (the .ph files of javalib), compiled for Java programs only. */
extern const tool_stdlib_file tool_jvmlib[];
extern const unsigned tool_jvmlib_count;

#endif
