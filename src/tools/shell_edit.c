/*
 * shell_edit.c - the shell's line editor (shell.h).
 *
 * The terminal is in raw mode only while a line is being read.  The line
 * is one row: prompt, text, and the cursor placed by moving left from the
 * end (so text wider than the window wraps and redraws badly; the shell's
 * inputs are short).  Other threads' output arrives through
 * sh_edit_write: under the lock, the row is erased, the output written,
 * and the row drawn again, so a line being typed is never garbled.
 *
 * Invariants (under e->lock): 0 <= pos <= len < cap; buf[len] == 0; pos
 * never points into the middle of a UTF-8 character.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "shell.h"

#define HISTORY_MAX 500
#define HISTORY_FILE_MAX (4u << 20)

struct sh_edit {
    hal_mutex lock;
    bool active;              /* a line is being edited: output must redraw it */
    bool midline;             /* output since the last line ended in mid-line */
    const char *prompt;
    char *buf;
    size_t len, pos, cap;
    char **hist;              /* oldest first */
    int nhist;
    char *hist_path;
    bool hist_warned;         /* a failure to save it was reported */
    sh_complete_fn *complete;
    void *complete_ctx;
    char in[64];              /* bytes read, not yet used */
    size_t in_len, in_pos;
};

/* ---- output ------------------------------------------------------------------ */

static bool is_cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* Characters (not bytes) in s[from, to). */
static size_t chars(const char *s, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += !is_cont(s[i]);
    return n;
}

/* Appends the row: prompt, text, cursor in place.  Lock held. */
static void draw(sh_edit *e, sh_buf *b)
{
    sh_buf_str(b, "\r");
    sh_buf_str(b, e->prompt);
    sh_buf_add(b, e->buf, e->len);
    sh_buf_str(b, "\x1b[K");
    size_t back = chars(e->buf, e->pos, e->len);
    if (back) {
        char mv[32];
        snprintf(mv, sizeof mv, "\x1b[%zuD", back);
        sh_buf_str(b, mv);
    }
}

static void flush_sb(sh_buf *b)
{
    if (b->n)
        hal_console_write(1, b->p, b->n);
    free(b->p);
    *b = (sh_buf){0};
}

static void redraw(sh_edit *e)
{
    sh_buf b = {0};
    draw(e, &b);
    flush_sb(&b);
}

void sh_edit_write(sh_edit *e, int stream, const char *s, size_t n)
{
    hal_mutex_lock(&e->lock);
    if (!e->active) {
        hal_console_write(stream, s, n);
        if (n)
            e->midline = s[n - 1] != '\n';
    } else {
        hal_console_write(1, "\r\x1b[K", 4);
        hal_console_write(stream, s, n);
        if (n && s[n - 1] != '\n')   /* the row starts on a line of its own */
            hal_console_write(stream, "\n", 1);
        redraw(e);
    }
    hal_mutex_unlock(&e->lock);
}

/* ---- the buffer ------------------------------------------------------------------- */

static void set_text(sh_edit *e, const char *s)
{
    size_t n = strlen(s);
    if (n + 1 > e->cap) {
        char *p = realloc(e->buf, n + 64);
        if (!p)
            return;
        e->buf = p;
        e->cap = n + 64;
    }
    memcpy(e->buf, s, n + 1);
    e->len = e->pos = n;
}

static void insert(sh_edit *e, const char *s, size_t n)
{
    if (e->len + n + 1 > e->cap) {
        size_t cap = (e->len + n + 1) * 2;
        char *p = realloc(e->buf, cap);
        if (!p)
            return;
        e->buf = p;
        e->cap = cap;
    }
    memmove(e->buf + e->pos + n, e->buf + e->pos, e->len - e->pos + 1);
    memcpy(e->buf + e->pos, s, n);
    e->len += n;
    e->pos += n;
}

static void erase(sh_edit *e, size_t from, size_t to)
{
    memmove(e->buf + from, e->buf + to, e->len - to + 1);
    e->len -= to - from;
    e->pos = from;
}

static size_t prev_char(const sh_edit *e, size_t i)
{
    while (i > 0 && is_cont(e->buf[--i]))
        ;
    return i;
}

static size_t next_char(const sh_edit *e, size_t i)
{
    if (i < e->len)
        for (i++; i < e->len && is_cont(e->buf[i]); i++)
            ;
    return i;
}

static bool word_char(char c)
{
    return c == '_' || c == '.' || c == ':' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* ---- history ---------------------------------------------------------------------- */

/* Adds an entry to the history in memory; false if it was not added (a
 * repeat of the last one, or out of memory). */
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
    return true;
}

/* The file holds one entry a line; a newline inside an entry (multi-line
 * input) is written \n, a backslash \\. */
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

/* Each entry is appended to the file as it is entered, so a killed
 * session keeps its history; a clean exit rewrites the file with the last
 * HISTORY_MAX entries (sh_edit_free). */
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

/* ---- completion -------------------------------------------------------------------- */

/* Tab: completes the word before the cursor as far as every candidate
 * agrees; if that adds nothing, lists the candidates. */
static void complete(sh_edit *e)
{
    size_t start = e->pos;
    while (start > 0 && word_char(e->buf[start - 1]))
        start--;
    size_t wlen = e->pos - start;
    char *word = malloc(wlen + 1);
    if (!word || !e->complete) {
        free(word);
        return;
    }
    memcpy(word, e->buf + start, wlen);
    word[wlen] = 0;
    sh_list c = {.unique = true};
    e->complete(e->complete_ctx, word, sh_list_add, &c);
    size_t common = 0;
    if (c.n) {
        common = strlen(c.v[0]);
        for (int i = 1; i < c.n; i++) {
            size_t k = 0;
            while (k < common && c.v[i][k] == c.v[0][k])
                k++;
            common = k;
        }
    }
    sh_buf b = {0};
    if (c.n && common > wlen) {
        insert(e, c.v[0] + wlen, common - wlen);
    } else if (c.n > 1) {
        sh_list_sort(&c);
        sh_buf_str(&b, "\r\n");
        for (int i = 0; i < c.n; i++) {
            sh_buf_str(&b, c.v[i]);
            sh_buf_str(&b, i + 1 < c.n ? "  " : "\r\n");
        }
    } else if (!c.n) {
        sh_buf_str(&b, "\a");
    }
    draw(e, &b);
    flush_sb(&b);
    sh_list_free(&c);
    free(word);
}

/* ---- reading keys -------------------------------------------------------------------- */

/* The next input byte: 0..255, -1 at end of input, -2 on timeout. */
static int get_byte(sh_edit *e, int timeout_ms)
{
    if (e->in_pos == e->in_len) {
        long n = hal_console_read(e->in, sizeof e->in, timeout_ms);
        if (n == -11 || n == -4)   /* -EAGAIN, -EINTR */
            return -2;
        if (n <= 0)
            return -1;
        e->in_len = (size_t)n;
        e->in_pos = 0;
    }
    return (unsigned char)e->in[e->in_pos++];
}

enum key { K_NONE = 1000, K_UP, K_DOWN, K_LEFT, K_RIGHT, K_HOME, K_END, K_DELETE };

/* After ESC: the rest of a cursor-key sequence. */
static int escape(sh_edit *e)
{
    int a = get_byte(e, 50);
    if (a != '[' && a != 'O')
        return K_NONE;
    int b = get_byte(e, 50);
    switch (b) {
    case 'A': return K_UP;
    case 'B': return K_DOWN;
    case 'C': return K_RIGHT;
    case 'D': return K_LEFT;
    case 'H': return K_HOME;
    case 'F': return K_END;
    default: break;
    }
    if (b >= '0' && b <= '9') {
        int c = get_byte(e, 50);
        while (c >= '0' && c <= '9')   /* longer codes: ignored */
            c = get_byte(e, 50), b = 0;
        if (c != '~')
            return K_NONE;
        return b == '1' || b == '7' ? K_HOME : b == '4' || b == '8' ? K_END : b == '3' ? K_DELETE : K_NONE;
    }
    return K_NONE;
}

/* Moves through history: dir -1 older, +1 newer.  *at == nhist is the
 * line being typed, kept in *scratch. */
static void browse(sh_edit *e, int *at, char **scratch, int dir)
{
    int to = *at + dir;
    if (to < 0 || to > e->nhist)
        return;
    if (*at == e->nhist) {
        free(*scratch);
        *scratch = malloc(e->len + 1);
        if (*scratch)
            memcpy(*scratch, e->buf, e->len + 1);
    }
    *at = to;
    set_text(e, to == e->nhist ? (*scratch ? *scratch : "") : e->hist[to]);
}

/* One key, under the lock.  Returns -1 to go on, or an sh_read_result.
 * The row is drawn again unless more input is already waiting. */
static int key(sh_edit *e, int k, int *at, char **scratch)
{
    switch (k) {
    case 1: case K_HOME: e->pos = 0; break;
    case 5: case K_END: e->pos = e->len; break;
    case 2: case K_LEFT: e->pos = prev_char(e, e->pos); break;
    case 6: case K_RIGHT: e->pos = next_char(e, e->pos); break;
    case 3:
        hal_console_write(1, "^C\r\n", 4);
        return SH_CANCEL;
    case 4:   /* Ctrl-D: end of input on an empty line, else Delete */
        if (!e->len)
            return SH_EOF;
        erase(e, e->pos, next_char(e, e->pos));
        break;
    case K_DELETE:
        if (e->pos < e->len)
            erase(e, e->pos, next_char(e, e->pos));
        break;
    case 8: case 127:
        if (e->pos)
            erase(e, prev_char(e, e->pos), e->pos);
        break;
    case 9: complete(e); return -1;
    case 11: e->len = e->pos; e->buf[e->len] = 0; break;
    case 21: erase(e, 0, e->pos); break;
    case 23: {
        size_t p = e->pos;
        while (p > 0 && e->buf[p - 1] == ' ')
            p--;
        while (p > 0 && e->buf[p - 1] != ' ')
            p--;
        erase(e, p, e->pos);
        break;
    }
    case 12: hal_console_write(1, "\x1b[H\x1b[2J", 7); break;
    case '\r': case '\n':
        e->pos = e->len;
        redraw(e);
        hal_console_write(1, "\r\n", 2);
        return SH_LINE;
    case 16: case K_UP: browse(e, at, scratch, -1); break;
    case 14: case K_DOWN: browse(e, at, scratch, +1); break;
    default:
        if (k >= 32 && k < 256) {
            char ch = (char)k;
            insert(e, &ch, 1);
        }
        break;
    }
    /* pasted text is drawn once, when every byte of it has been taken */
    if (e->in_pos == e->in_len)
        redraw(e);
    return -1;
}

int sh_edit_read(sh_edit *e, const char *prompt, char **line, bool (*stop)(void *ctx), void *stop_ctx)
{
    *line = NULL;
    hal_mutex_lock(&e->lock);
    if (e->midline)   /* the prompt would overwrite output that did not end its line */
        hal_console_write(1, "\n", 1);
    e->midline = false;
    hal_mutex_unlock(&e->lock);
    hal_term_raw(true);
    hal_mutex_lock(&e->lock);
    e->prompt = prompt;
    set_text(e, "");
    e->active = true;
    redraw(e);
    hal_mutex_unlock(&e->lock);
    int at = e->nhist, rc = -1;
    char *scratch = NULL;
    while (rc < 0) {
        int b = get_byte(e, 100);
        if (b == -2) {
            if (stop && stop(stop_ctx))
                rc = SH_STOP;
            continue;
        }
        if (b == -1) {
            rc = SH_EOF;
            break;
        }
        if (b == 27)
            b = escape(e);
        hal_mutex_lock(&e->lock);
        rc = key(e, b, &at, &scratch);
        hal_mutex_unlock(&e->lock);
    }
    free(scratch);
    hal_mutex_lock(&e->lock);
    e->active = false;
    if (rc == SH_LINE) {
        *line = malloc(e->len + 1);
        if (*line)
            memcpy(*line, e->buf, e->len + 1);
    } else if (rc == SH_EOF || rc == SH_STOP) {
        hal_console_write(1, "\r\n", 2);
    }
    hal_mutex_unlock(&e->lock);
    hal_term_raw(false);
    return rc == SH_LINE && !*line ? SH_EOF : rc;
}

sh_edit *sh_edit_new(const char *history_path, sh_complete_fn *complete_fn, void *complete_ctx)
{
    sh_edit *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    hal_mutex_init(&e->lock);
    e->hist = calloc(HISTORY_MAX, sizeof *e->hist);
    e->cap = 256;
    e->buf = calloc(1, e->cap);
    if (history_path) {
        e->hist_path = malloc(strlen(history_path) + 1);
        if (e->hist_path)
            strcpy(e->hist_path, history_path);
    }
    e->complete = complete_fn;
    e->complete_ctx = complete_ctx;
    e->prompt = "";
    if (!e->hist || !e->buf) {
        free(e->hist);
        free(e->buf);
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
    hal_term_raw(false);
    for (int i = 0; i < e->nhist; i++)
        free(e->hist[i]);
    free(e->hist);
    free(e->buf);
    free(e->hist_path);
    hal_mutex_destroy(&e->lock);
    free(e);
}
