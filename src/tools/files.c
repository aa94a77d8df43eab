/*
 * files.c - the files a command's arguments name: a directory stands for
 * the program files under it (recursively, sorted, hidden ones skipped).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "program.h"

bool tool_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

typedef struct flist {
    char **paths;
    int n, cap;
    int rc;
    const char *const *exts;
} flist;

static bool wanted(const flist *l, const char *name)
{
    for (const char *const *e = l->exts; *e; e++)
        if (tool_ends_with(name, *e))
            return true;
    return false;
}

static void add_path(flist *l, const char *path)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->paths, (size_t)cap * sizeof *p);
        if (!p) {
            l->rc = -1;
            return;
        }
        l->paths = p;
        l->cap = cap;
    }
    size_t k = strlen(path) + 1;
    if (!(l->paths[l->n] = malloc(k))) {
        l->rc = -1;
        return;
    }
    memcpy(l->paths[l->n++], path, k);
}

struct walk { flist *l; const char *dir; };

static void collect(flist *l, const char *path, bool top);

static void walk_entry(void *ctx, const char *name, bool is_dir)
{
    struct walk *w = ctx;
    char full[4096];
    size_t d = strlen(w->dir);
    while (d > 1 && w->dir[d - 1] == '/')   /* "lib/" names its files lib/x.ph */
        d--;
    snprintf(full, sizeof full, "%.*s/%s", (int)d, w->dir, name);
    if (name[0] == '.')
        return;
    if (is_dir || wanted(w->l, name))
        collect(w->l, full, false);
}

static void collect(flist *l, const char *path, bool top)
{
    if (hal_is_dir(path)) {
        struct walk w = {l, path};
        int rc = hal_dir_list(path, walk_entry, &w);
        if (rc < 0) {
            hal_console_printf(2, "phantom: %s: cannot list directory (error %d)\n", path, -rc);
            l->rc = -1;
        }
        return;
    }
    if (top || wanted(l, path))
        add_path(l, path);
}

int tool_collect_files(char **args, int nargs, const char *const *exts, char ***paths, int *n)
{
    flist l = {.exts = exts};
    for (int i = 0; i < nargs; i++)
        collect(&l, args[i], true);
    if (l.rc < 0) {
        tool_free_files(l.paths, l.n);
        return -1;
    }
    *paths = l.paths;
    *n = l.n;
    return 0;
}

void tool_free_files(char **paths, int n)
{
    for (int i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

const char *tool_read_error(int rc)
{
    switch (rc) {
    case -2: return "no such file";
    case -21: return "is a directory";
    case -27: return "too large";
    case -13: return "permission denied";
    default: return hal_strerror(rc);
    }
}
