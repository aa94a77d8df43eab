/*
 * textbuf.c - the growing text buffer (textbuf.h).
 */
#include "textbuf.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for `more` bytes and the NUL after them. */
static bool grow(tb_buf *b, size_t more)
{
    if (b->oom)
        return false;
    if (more >= (size_t)-1 / 2 - b->n) {
        b->oom = true;
        return false;
    }
    if (b->n + more + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 128;
    while (cap < b->n + more + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void tb_put(tb_buf *b, const char *s, size_t n)
{
    if (!grow(b, n))
        return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
    assert(b->n < b->cap);
}

void tb_printf(tb_buf *b, const char *fmt, ...)
{
    char small[256];   /* most lines fit: one formatting pass */
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        tb_put(b, small, (size_t)n);
        return;
    }
    if (!grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

void tb_truncate(tb_buf *b, size_t n)
{
    assert(n <= b->n);
    b->n = n;
    if (b->p)
        b->p[n] = 0;
}

void tb_clear(tb_buf *b)
{
    b->n = 0;
    b->oom = false;
    if (b->p)
        b->p[0] = 0;
}

void tb_free(tb_buf *b)
{
    free(b->p);
    *b = (tb_buf){0};
}
