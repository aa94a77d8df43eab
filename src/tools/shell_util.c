/*
 * shell_util.c - growable text and lists of strings for the shell's
 * modules (shell.h).  Out of host memory, a buffer stops growing and says
 * so in `oom`; a list drops the string: the shell then shows less, and
 * never crashes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell.h"

void sh_buf_add(sh_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

void sh_buf_str(sh_buf *b, const char *s) { sh_buf_add(b, s, strlen(s)); }

void sh_buf_fmt(sh_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *tmp = malloc((size_t)n + 1);
    if (!tmp) {
        b->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(tmp, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sh_buf_add(b, tmp, (size_t)n);
    free(tmp);
}

void sh_list_add(void *list, const char *s)
{
    sh_list *l = list;
    for (int i = 0; l->unique && i < l->n; i++)
        if (!strcmp(l->v[i], s))
            return;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        char **v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v)
            return;
        l->v = v;
        l->cap = cap;
    }
    char *d = malloc(strlen(s) + 1);
    if (d)
        l->v[l->n++] = strcpy(d, s);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void sh_list_sort(sh_list *l)
{
    if (l->n)
        qsort(l->v, (size_t)l->n, sizeof *l->v, cmp_str);
}

void sh_list_free(sh_list *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    *l = (sh_list){0};
}
