/*
 * textbuf.h - a growing text buffer, always NUL-terminated once written
 * to.  An allocation failure is sticky: later appends do nothing and
 * `oom` stays set, so a caller checks once, at the end, instead of after
 * every append.  Used by the assembly writers (disassembler, Java
 * translator); the VM's strings have their own bounded buffer (pv_buf).
 */
#ifndef PHANTOM_UTIL_TEXTBUF_H
#define PHANTOM_UTIL_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tb_buf {
    char *p;          /* NULL until the first append */
    size_t n, cap;    /* invariant: p == NULL or (n < cap and p[n] == 0) */
    bool oom;
} tb_buf;

void tb_put(tb_buf *b, const char *s, size_t n);
void tb_printf(tb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Drops what was appended after the first n bytes (n <= b->n). */
void tb_truncate(tb_buf *b, size_t n);
/* Empties the buffer, keeping its memory and clearing `oom`. */
void tb_clear(tb_buf *b);
void tb_free(tb_buf *b);

#endif
