/*
 * arena.h - a bump allocator for compiler data that lives and dies together
 * (one file's AST, its decoded strings, its copy of the source).  Freeing
 * the arena frees everything in it at once, so the AST has no per-node
 * ownership and no destructor.
 *
 * Out of memory: an allocation never returns NULL.  If malloc fails, or the
 * arena would grow past its limit, it longjmps to *oom when the caller set
 * one (the parser does, and reports "out of memory"), and aborts otherwise.
 */
#ifndef PHANTOM_COMPILER_ARENA_H
#define PHANTOM_COMPILER_ARENA_H

#include <setjmp.h>
#include <stddef.h>

typedef struct pc_arena_block pc_arena_block;

typedef struct pc_arena {
    pc_arena_block *blocks; /* newest first */
    char *cur, *end;        /* free space in the newest block: [cur, end) */
    size_t used;            /* bytes obtained from malloc so far */
    size_t limit;           /* 0, or the most bytes the arena may obtain */
    jmp_buf *oom;           /* NULL, or where to jump when memory runs out */
} pc_arena;

/* An empty arena with no limit and no oom target. */
void pc_arena_init(pc_arena *a);

/* n zeroed bytes aligned for pointers, 64-bit integers and doubles (not
 * long double or vector types); valid until pc_arena_free. */
void *pc_arena_alloc(pc_arena *a, size_t n);

/* A NUL-terminated copy of s[0, n) (s may contain NULs; it need not be terminated). */
char *pc_arena_strndup(pc_arena *a, const char *s, size_t n);

/* Memory ran out: longjmps to *a->oom if set, else reports and aborts.  For
 * the compiler's other host memory too, so that it all fails one way. */
_Noreturn void pc_arena_out_of_memory(pc_arena *a);

/* Frees every allocation; the arena is empty (and reusable) afterwards. */
void pc_arena_free(pc_arena *a);

#endif
