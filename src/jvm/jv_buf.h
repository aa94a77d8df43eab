/*
 * jv_buf.h - a growing text buffer for the Java front end's assembly
 * output.  An allocation failure is sticky: later appends do nothing and
 * jv_buf_failed says so once, at the end.
 */
#ifndef PHANTOM_JV_BUF_H
#define PHANTOM_JV_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct jv_buf {
    char *p;
    size_t n, cap;
    bool oom;
} jv_buf;

void jv_buf_printf(jv_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void jv_buf_put(jv_buf *b, const char *s, size_t n);
/* A quoted assembly string literal of the n bytes of s. */
void jv_buf_quote(jv_buf *b, const char *s, size_t n);
void jv_buf_free(jv_buf *b);

#endif
