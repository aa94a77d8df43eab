/*
 * arena.c - the bump allocator.  Blocks grow geometrically up to BLOCK_MAX
 * so a small file costs one or two mallocs and a large one a few dozen;
 * a request larger than a block gets a block of its own.
 */
#include "arena.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The compiler's nodes hold pointers, integers and doubles, never long
 * double or vector types: aligning to the widest of those (8 bytes on the
 * usual machines) instead of max_align_t (16) saves up to 15 bytes of
 * every small allocation, and there are several per source statement. */
#define ALIGN_OF(t) _Alignof(t)
#define MAX2(a, b) ((a) > (b) ? (a) : (b))
#define ALIGN MAX2(MAX2(ALIGN_OF(void *), ALIGN_OF(int64_t)), MAX2(ALIGN_OF(double), ALIGN_OF(size_t)))
#define BLOCK_MIN ((size_t)4096)
#define BLOCK_MAX ((size_t)1 << 20)

struct pc_arena_block {
    pc_arena_block *next;
    /* aligned payload follows the header */
};

/* Header size rounded up so the payload starts aligned. */
#define HEADER (((sizeof(pc_arena_block) + ALIGN - 1) / ALIGN) * ALIGN)

void pc_arena_init(pc_arena *a)
{
    memset(a, 0, sizeof *a);
}

_Noreturn void pc_arena_out_of_memory(pc_arena *a)
{
    if (a->oom)
        longjmp(*a->oom, 1);
    fputs("phantom compiler: out of memory\n", stderr);
    abort();
}

/* Makes a new newest block with room for at least n bytes. */
static void grow(pc_arena *a, size_t n)
{
    size_t size = a->blocks ? (size_t)(a->end - (char *)a->blocks) * 2 : BLOCK_MIN;
    if (size > BLOCK_MAX)
        size = BLOCK_MAX;
    if (size < HEADER + n)
        size = HEADER + n;
    if (a->limit && (size > a->limit || a->used > a->limit - size))
        pc_arena_out_of_memory(a);
    pc_arena_block *b = malloc(size);
    if (!b)
        pc_arena_out_of_memory(a);
    a->used += size;
    b->next = a->blocks;
    a->blocks = b;
    a->cur = (char *)b + HEADER;
    a->end = (char *)b + size;
}

void *pc_arena_alloc(pc_arena *a, size_t n)
{
    if (n > SIZE_MAX / 4) /* no machine has it; keeps the rounding below from wrapping */
        pc_arena_out_of_memory(a);
    n = n ? (n + ALIGN - 1) & ~(ALIGN - 1) : ALIGN;
    if ((size_t)(a->end - a->cur) < n)
        grow(a, n);
    void *p = a->cur;
    a->cur += n;
    memset(p, 0, n);
    return p;
}

char *pc_arena_strndup(pc_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        pc_arena_out_of_memory(a);
    char *p = pc_arena_alloc(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void pc_arena_free(pc_arena *a)
{
    pc_arena_block *b = a->blocks;
    while (b) {
        pc_arena_block *next = b->next;
        free(b);
        b = next;
    }
    size_t limit = a->limit;
    jmp_buf *oom = a->oom;
    pc_arena_init(a);
    a->limit = limit;
    a->oom = oom;
}
