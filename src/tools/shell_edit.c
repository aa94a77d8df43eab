/*
 * shell_edit.c - the shell's line editor (shell.h): the HAL's editor
 * (hal_lineedit_*: libedit, or a plain read of a line when the build has
 * no libedit), and the history file.
 *
 * The file holds one entry a line, oldest first; a newline inside an
 * entry (a multi-line input) is written \n, a backslash \\.  Each entry
 * is appended as it is entered, so a killed session keeps its history; a
 * clean end rewrites the file with the last HISTORY_MAX entries.
 *
 * Invariant: hist[0, nhist) are the entries the editor was given, oldest
 * first, no two neighbours equal, nhist <= HISTORY_MAX.
 */
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "shell.h"

#define HISTORY_MAX 500
#define HISTORY_FILE_MAX (4u << 20)

struct sh_edit {
    hal_lineedit *le;
    char **hist;              /* oldest first */
    int nhist;
    char *hist_path;
    bool hist_warned;         /* a failure to save it was reported */
};

/* ---- history ---------------------------------------------------------------------- */

/* Adds an entry to the history in memory and the editor's; false if it
 * was not added (a repeat of the last one, or out of memory). */
static bool history_remember(sh_edit *e, const char *entry)
{
    if (!*entry || (e->nhist && !strcmp(e->hist[e->nhist - 1], entry)))
        return false;
    char *copy = malloc(strlen(entry) + 1);
    if (!copy)
        return false;
    strcpy(copy, entry);
    if (e->nhist == HISTORY_MAX) {
        free(e->hist[0]);
        memmove(e->hist, e->hist + 1, (HISTORY_MAX - 1) * sizeof *e->hist);
        e->nhist--;
    }
    e->hist[e->nhist++] = copy;
    hal_lineedit_history_add(e->le, entry);
    return true;
}

static void history_load(sh_edit *e)
{
    uint8_t *data;
    size_t len;
    if (!e->hist_path || hal_file_read_all(e->hist_path, HISTORY_FILE_MAX, &data, &len) < 0)
        return;
    char *line = malloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; line && i < len; i++) {
        char c = (char)data[i];
        if (c == '\n') {
            line[n] = 0;
            history_remember(e, line);
            n = 0;
        } else if (c == '\\' && i + 1 < len) {
            c = (char)data[++i];
            line[n++] = c == 'n' ? '\n' : c;
        } else {
            line[n++] = c;
        }
    }
    free(line);
    free(data);
}

/* One entry as the file holds it, with its newline. */
static void history_line(sh_buf *b, const char *entry)
{
    for (const char *s = entry; *s; s++)
        sh_buf_str(b, *s == '\n' ? "\\n" : *s == '\\' ? "\\\\" : (char[]){*s, 0});
    sh_buf_str(b, "\n");
}

static void history_warn(sh_edit *e, int rc)
{
    if (rc < 0 && !e->hist_warned)
        hal_console_printf(2, "phantom: warning: cannot save the history in %s: %s\n", e->hist_path,
                           hal_strerror(rc));
    e->hist_warned |= rc < 0;
}

void sh_edit_history_add(sh_edit *e, const char *entry)
{
    if (!history_remember(e, entry) || !e->hist_path)
        return;
    sh_buf b = {0};
    history_line(&b, entry);
    if (!b.oom)
        history_warn(e, hal_file_append(e->hist_path, b.p, b.n));
    free(b.p);
}

static void history_save(sh_edit *e)
{
    if (!e->hist_path)
        return;
    sh_buf b = {0};
    for (int i = 0; i < e->nhist; i++)
        history_line(&b, e->hist[i]);
    history_warn(e, hal_file_write_all(e->hist_path, b.p ? b.p : "", b.n));
    free(b.p);
}

/* ---- reading -------------------------------------------------------------------------- */

void sh_edit_write(sh_edit *e, int stream, const char *s, size_t n)
{
    hal_lineedit_write(e->le, stream, s, n);
}

int sh_edit_read(sh_edit *e, const char *prompt, char **line, bool (*stop)(void *ctx), void *stop_ctx)
{
    return hal_lineedit_read(e->le, prompt, line, stop, stop_ctx);
}

sh_edit *sh_edit_new(const char *history_path, sh_complete_fn *complete_fn, void *complete_ctx)
{
    sh_edit *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->hist = calloc(HISTORY_MAX, sizeof *e->hist);
    e->hist_path = history_path ? malloc(strlen(history_path) + 1) : NULL;
    if (e->hist_path)
        strcpy(e->hist_path, history_path);
    e->le = hal_lineedit_open(complete_fn, complete_ctx);
    if (!e->hist || !e->le || (history_path && !e->hist_path)) {
        hal_lineedit_close(e->le);
        free(e->hist);
        free(e->hist_path);
        free(e);
        return NULL;
    }
    history_load(e);
    return e;
}

void sh_edit_free(sh_edit *e)
{
    if (!e)
        return;
    history_save(e);
    hal_lineedit_close(e->le);
    for (int i = 0; i < e->nhist; i++)
        free(e->hist[i]);
    free(e->hist);
    free(e->hist_path);
    free(e);
}
