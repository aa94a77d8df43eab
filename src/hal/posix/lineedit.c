/*
 * lineedit.c - the interactive shell's line editor (hal.h): libedit when
 * the build found it, else a plain read of a line in the terminal's
 * canonical mode.
 *
 * Output of other threads.  libedit is not thread-safe and only redraws
 * as part of a command it runs, so other threads never touch it: their
 * output waits in a queue (`pending`) and a byte in a pipe wakes the
 * reading thread.  Its key reader (read_key, libedit's EL_GETCFN) then
 * answers libedit with private keys bound to our commands: KEY_HIDE
 * empties the line and the prompt, which libedit's own redraw turns into
 * erasing every row the line used, leaving the cursor where the prompt
 * began; the output is written there; KEY_SHOW puts the line back, and
 * libedit draws it below the output.  libedit alone knows how the line
 * is laid out (wide lines, recalled multi-line entries), and it does all
 * the drawing.  Ctrl-C, stop() and a window-size change go the same way:
 * keys of ours that libedit runs as commands.  Keys typed while no line
 * is read met the terminal's canonical mode: take_typed_ahead hands them
 * to libedit as they were typed (Ctrl-D included).
 *
 * Invariants (under le->lock): reading == true exactly while
 * hal_lineedit_read runs with libedit; then every write (another
 * thread's output, a completion list) goes to `pending`, and only the
 * reading thread writes to the terminal, while the line is hidden.  Otherwise writes go straight out, in the order they come.
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#ifdef PHANTOM_HAVE_LIBEDIT
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#endif

/* Output that waits for the line being read to be hidden. */
typedef struct chunk {
    struct chunk *next;
    int stream;
    size_t n;
    char text[];
} chunk;

struct hal_lineedit {
    hal_mutex lock;            /* guards reading, midline, pending */
    bool reading;
    bool midline;              /* output written while no line was read did not end its line */
    chunk *pending, **pending_end;
    int wake[2];               /* a byte in wake[0]: pending output, or a window-size change */
#ifdef PHANTOM_HAVE_LIBEDIT
    /* below: the reading thread's alone */
    EditLine *el;
    History *hist;
    hal_lineedit_complete_fn *complete;
    void *complete_ctx;
    const char *prompt;
    bool (*stop)(void *ctx);
    void *stop_ctx;
    bool hidden;               /* the line is taken out (KEY_HIDE): output may be written */
    bool resize;               /* the window changed: libedit learns its size while hidden */
    bool searching;            /* Ctrl-R or Ctrl-S was typed, and no key that ends a search since */
    bool quoting;              /* a quoted insert was typed: libedit takes the next key as text */
    int outcome;               /* how the read ends, once Ctrl-C or stop() ended it; -1 before */
    wchar_t *saved;            /* the hidden line, and its cursor */
    int saved_len, saved_cursor;
    wchar_t keys[4];           /* our keys, to give libedit before anything typed */
    int nkeys;
    char in[4096];             /* bytes typed, not yet given to libedit: the terminal's whole input queue fits */
    size_t in_len, in_pos;
    mbstate_t mb;
#endif
};

static hal_lineedit *the_editor;   /* one at a time: signal handlers find it here */

/* ---- writing ------------------------------------------------------------------------- */

/* Writes s with each \n as \r\n: right whether or not the terminal adds
 * the carriage return itself (the editor's terminal mode may not). */
static void write_crlf(int stream, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n') {
            hal_console_write(stream, s + from, i - from);
            hal_console_write(stream, "\r\n", 2);
            from = i + 1;
        }
    hal_console_write(stream, s + from, n - from);
}

/* Writes the pending output (lock held); with libedit reading, each chunk
 * ends its line, since the line is drawn again below it. */
static void write_pending(hal_lineedit *le)
{
    while (le->pending) {
        chunk *c = le->pending;
        le->pending = c->next;
        write_crlf(c->stream, c->text, c->n);
        if (c->n && c->text[c->n - 1] != '\n')
            hal_console_write(c->stream, "\r\n", 2);
        free(c);
    }
    le->pending_end = &le->pending;
}

void hal_lineedit_write(hal_lineedit *le, int stream, const char *s, size_t n)
{
    HAL_ASSERT(le && (stream == 1 || stream == 2));
    hal_mutex_lock(&le->lock);
    chunk *c = le->reading ? malloc(sizeof *c + n) : NULL;
    if (c) {
        c->next = NULL;
        c->stream = stream;
        c->n = n;
        memcpy(c->text, s, n);
        bool first = !le->pending;
        *le->pending_end = c;
        le->pending_end = &c->next;
        if (first && write(le->wake[1], "w", 1) < 0) {
            /* the pipe is full: the reader is awake anyway */
        }
    } else {   /* not reading, or out of memory: now, even if it garbles the line */
        hal_console_write(stream, s, n);
        if (n)
            le->midline = s[n - 1] != '\n';
    }
    hal_mutex_unlock(&le->lock);
}

/* A read begins: the prompt starts a line of its own. */
static void begin_read(hal_lineedit *le, bool queue_output)
{
    hal_mutex_lock(&le->lock);
    if (le->midline)
        hal_console_write(1, "\n", 1);
    le->midline = false;
    le->reading = queue_output;
    hal_mutex_unlock(&le->lock);
}

static void end_read(hal_lineedit *le)
{
    hal_mutex_lock(&le->lock);
    write_pending(le);
    le->reading = false;
    hal_mutex_unlock(&le->lock);
}

static int common_open(hal_lineedit *le)
{
    HAL_ASSERT(!the_editor);
    hal_mutex_init(&le->lock);
    le->pending_end = &le->pending;
    if (pipe2(le->wake, O_CLOEXEC | O_NONBLOCK) < 0) {
        hal_mutex_destroy(&le->lock);
        return -errno;
    }
    the_editor = le;
    return 0;
}

static void common_close(hal_lineedit *le)
{
    end_read(le);
    the_editor = NULL;
    close(le->wake[0]);
    close(le->wake[1]);
    hal_mutex_destroy(&le->lock);
    free(le);
}

/* Waits up to 100 ms for typed bytes or a wake-up: 1 if standard input
 * is readable, 0 if not (the wake-up pipe is emptied). */
static int wait_input(hal_lineedit *le)
{
    struct pollfd p[2] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = le->wake[0], .events = POLLIN}};
    if (poll(p, 2, 100) <= 0)
        return 0;
    if (p[1].revents) {
        char drain[64];
        while (read(le->wake[0], drain, sizeof drain) > 0)
            ;
    }
    return p[0].revents != 0;
}

#ifdef PHANTOM_HAVE_LIBEDIT

/* ---- libedit -------------------------------------------------------------------------- */

#define HISTORY_SIZE 500

/* Our keys: C1 control characters, which nobody types (read_key drops
 * them from what is typed), bound to our commands.  libedit looks up
 * characters below 256 in its key map. */
enum { KEY_FIRST = 0x91, KEY_HIDE = KEY_FIRST, KEY_SHOW, KEY_TO_END, KEY_DONE, KEY_LAST = KEY_DONE };

static atomic_bool window_changed;

static void on_winch(int sig)
{
    (void)sig;
    atomic_store(&window_changed, true);
    hal_lineedit *le = the_editor;
    if (le && write(le->wake[1], "r", 1) < 0) {
        /* full: the reader wakes anyway */
    }
}

static hal_lineedit *editor_of(EditLine *el)
{
    void *le = NULL;
    el_get(el, EL_CLIENTDATA, &le);
    HAL_ASSERT(le);
    return le;
}

static char *prompt_of(EditLine *el)
{
    hal_lineedit *le = editor_of(el);
    return (char *)(le->hidden ? "" : le->prompt);
}

/* Ends the read with outcome: the cursor goes to the end of the line (so
 * the rows below are free), then the line is done. */
static void finish(hal_lineedit *le, int outcome)
{
    HAL_ASSERT(le->nkeys == 0 && le->outcome < 0);
    le->outcome = outcome;
    le->keys[le->nkeys++] = KEY_TO_END;
    le->keys[le->nkeys++] = KEY_DONE;
}

static unsigned char cmd_hide(EditLine *el, int ch)
{
    (void)ch;
    hal_lineedit *le = editor_of(el);
    const LineInfoW *li = el_wline(el);
    int len = (int)(li->lastchar - li->buffer);
    free(le->saved);
    le->saved = malloc(((size_t)len + 1) * sizeof(wchar_t));
    le->hidden = true;
    if (!le->saved)   /* out of memory: the output is written where the cursor is */
        return CC_NORM;
    wmemcpy(le->saved, li->buffer, (size_t)len);
    le->saved[len] = 0;
    le->saved_len = len;
    le->saved_cursor = (int)(li->cursor - li->buffer);
    el_cursor(el, len);
    el_deletestr(el, len);
    return CC_REFRESH;
}

static unsigned char cmd_show(EditLine *el, int ch)
{
    (void)ch;
    hal_lineedit *le = editor_of(el);
    HAL_ASSERT(le->hidden);
    le->hidden = false;
    if (le->saved && le->saved_len) {
        el_winsertstr(el, le->saved);
        el_cursor(el, le->saved_cursor - le->saved_len);
    }
    free(le->saved);
    le->saved = NULL;
    return CC_REFRESH;
}

static unsigned char cmd_to_end(EditLine *el, int ch)
{
    (void)ch;
    const LineInfoW *li = el_wline(el);
    el_cursor(el, (int)(li->lastchar - li->buffer));
    return CC_REFRESH;
}

static unsigned char cmd_done(EditLine *el, int ch)
{
    (void)el;
    (void)ch;
    return CC_NEWLINE;
}

/* ---- completion ----------------------------------------------------------------------- */

typedef struct cands { char **v; size_t n, cap; bool oom; } cands;

static void cands_add(void *ctx, const char *s)
{
    cands *c = ctx;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        char **v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            c->oom = true;
            return;
        }
        c->v = v;
        c->cap = cap;
    }
    char *copy = strdup(s);
    if (copy)
        c->v[c->n++] = copy;
    else
        c->oom = true;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Sorted, without repeats. */
static void cands_sort(cands *c)
{
    if (!c->n)
        return;
    qsort(c->v, c->n, sizeof *c->v, cmp_str);
    size_t k = 1;
    for (size_t i = 1; i < c->n; i++) {
        if (!strcmp(c->v[i], c->v[k - 1]))
            free(c->v[i]);
        else
            c->v[k++] = c->v[i];
    }
    c->n = k;
}

/* Bytes every candidate begins with, not ending inside a UTF-8 character. */
static size_t common_prefix(const cands *c)
{
    size_t common = strlen(c->v[0]);
    for (size_t i = 1; i < c->n; i++) {
        size_t k = 0;
        while (k < common && c->v[i][k] == c->v[0][k])
            k++;
        common = k;
    }
    while (common && ((unsigned char)c->v[0][common] & 0xC0) == 0x80)
        common--;
    return common;
}

/* Tab: completes the word before the cursor as far as every candidate
 * agrees; if that adds nothing, lists the candidates above the line. */
static unsigned char cmd_complete(EditLine *el, int ch)
{
    (void)ch;
    hal_lineedit *le = editor_of(el);
    const LineInfo *li = el_line(el);
    size_t nbefore = (size_t)(li->cursor - li->buffer);
    char *before = strndup(li->buffer, nbefore);
    if (!before || !le->complete) {
        free(before);
        return CC_REFRESH_BEEP;
    }
    cands c = {0};
    size_t wlen = le->complete(le->complete_ctx, before, cands_add, &c);
    HAL_ASSERT(wlen <= nbefore);
    cands_sort(&c);
    unsigned char rc = CC_REFRESH_BEEP;
    size_t common = c.n ? common_prefix(&c) : 0;
    if (c.n && common > wlen) {
        char *add = strndup(c.v[0] + wlen, common - wlen);
        rc = add && el_insertstr(el, add) == 0 ? CC_REFRESH : CC_REFRESH_BEEP;
        free(add);
    } else if (c.n > 1) {
        size_t len = 0;
        for (size_t i = 0; i < c.n; i++)
            len += strlen(c.v[i]) + 2;
        char *list = malloc(len + 1), *p = list;
        for (size_t i = 0; list && i < c.n; i++)
            p += sprintf(p, "%s%s", c.v[i], i + 1 < c.n ? "  " : "\n");
        if (list)
            hal_lineedit_write(le, 1, list, (size_t)(p - list));   /* shown above the line, as output is */
        free(list);
        rc = CC_NORM;
    }
    for (size_t i = 0; i < c.n; i++)
        free(c.v[i]);
    free(c.v);
    free(before);
    return rc;
}

/* ---- keys ------------------------------------------------------------------------------- */

/* The next typed character, decoded from UTF-8: 1, 0 if none is whole
 * yet, -1 if the bytes are not UTF-8 (the first is dropped). */
static int typed_char(hal_lineedit *le, wchar_t *out)
{
    size_t r = mbrtowc(out, le->in + le->in_pos, le->in_len - le->in_pos, &le->mb);
    if (r == (size_t)-2) {   /* a partial character: keep it at the start */
        memmove(le->in, le->in + le->in_pos, le->in_len - le->in_pos);
        le->in_len -= le->in_pos;
        le->in_pos = 0;
        memset(&le->mb, 0, sizeof le->mb);
        return 0;
    }
    if (r == (size_t)-1) {
        memset(&le->mb, 0, sizeof le->mb);
        le->in_pos++;
        return -1;
    }
    le->in_pos += r ? r : 1;
    return 1;
}

/* Some libedit commands read keys themselves, and would take our keys as
 * text or end early on them; while one runs, output waits (our keys are
 * given only to libedit's command loop).  The incremental search (Ctrl-R,
 * Ctrl-S) runs until a key that ends it (Enter, Escape, any control key
 * but Backspace) is typed; a quoted insert (Ctrl-V, and Ctrl-@, which
 * libedit binds to it too: its editing mode disables a terminal
 * character whose key is then NUL) takes the next key typed, whatever it
 * is. */
static void note_typed(hal_lineedit *le, wchar_t typed)
{
    if (le->quoting)
        le->quoting = false;
    else if (typed == 0x16 || typed == 0)
        le->quoting = true;
    else if (typed == 0x12 || typed == 0x13)
        le->searching = true;
    else if (typed < 0x20 && typed != 0x08)
        le->searching = false;
}

/* Whether the line must be taken out and drawn again: output waits, or
 * the window changed (libedit learns its size while the line is out). */
static bool must_redraw(hal_lineedit *le)
{
    if (atomic_exchange(&window_changed, false))
        le->resize = true;
    hal_mutex_lock(&le->lock);
    bool output = le->pending != NULL;
    hal_mutex_unlock(&le->lock);
    return output || le->resize;
}

/* libedit's character reader (EL_GETCFN): 1 with a character in *out,
 * 0 at end of input.  Our keys come first, then what was typed, so that
 * a key sequence (an arrow's ESC [ A) is never split by a redraw; when
 * nothing is typed, output and window changes are dealt with. */
static int read_key(EditLine *el, wchar_t *out)
{
    hal_lineedit *le = editor_of(el);
    for (;;) {
        if (le->nkeys) {
            *out = le->keys[0];
            memmove(le->keys, le->keys + 1, (size_t)--le->nkeys * sizeof *le->keys);
            return 1;
        }
        if (le->hidden) {   /* the line is taken out: output goes where it was */
            if (le->resize)
                el_resize(el);
            le->resize = false;
            hal_mutex_lock(&le->lock);
            write_pending(le);
            hal_mutex_unlock(&le->lock);
            *out = KEY_SHOW;
            return 1;
        }
        if (le->outcome >= 0)   /* libedit asks for more after our KEY_DONE: no more */
            return 0;
        if (le->in_pos < le->in_len) {
            int r = typed_char(le, out);
            if (r < 0 || (r > 0 && *out >= KEY_FIRST && *out <= KEY_LAST))
                continue;
            if (r > 0 && *out == 3) {   /* Ctrl-C */
                finish(le, HAL_LE_CANCEL);
                continue;
            }
            if (r > 0) {
                note_typed(le, *out);
                return 1;
            }
        }
        if (!le->searching && !le->quoting && must_redraw(le)) {   /* see note_typed */
            *out = KEY_HIDE;
            return 1;
        }
        if (le->stop && le->stop(le->stop_ctx)) {
            finish(le, HAL_LE_STOP);
            continue;
        }
        if (!wait_input(le))
            continue;
        if (le->in_pos == le->in_len)   /* else a partial character waits at in[0] */
            le->in_pos = le->in_len = 0;
        ssize_t n = read(STDIN_FILENO, le->in + le->in_len, sizeof le->in - le->in_len);
        if (n > 0)
            le->in_len += (size_t)n;
        else if (n == 0 || (errno != EINTR && errno != EAGAIN))
            return 0;
    }
}

/* Keys typed while no line is read (a statement runs) meet the terminal
 * in canonical mode, where Ctrl-D on an empty line is the end-of-file
 * mark; once canonical mode is left, Linux hands that mark over as a NUL
 * byte, which libedit takes as ^@ (bound to a quoted insert: our next
 * key would become text), so the Ctrl-D would be lost.  Before libedit's
 * mode is set, the ends of file and lines already typed are therefore
 * read in canonical mode into `in`, each end of file as the Ctrl-D it
 * was typed as; VEOF is off from before that read until canonical mode
 * is left, so a Ctrl-D typed meanwhile stays an ordinary byte.
 * Invariant: when libedit's mode is set, no end-of-file mark waits in
 * the terminal.  libedit then finds the terminal out of cooked mode and
 * keeps the settings it learned (nothing in Phantom changes them between
 * reads); after the read it restores its cooked ones, VEOF on. */
static void take_typed_ahead(hal_lineedit *le)
{
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) < 0 || !(t.c_lflag & ICANON))
        return;
    t.c_cc[VEOF] = _POSIX_VDISABLE;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) < 0)
        return;
    memmove(le->in, le->in + le->in_pos, le->in_len - le->in_pos);
    le->in_len -= le->in_pos;
    le->in_pos = 0;
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    while (le->in_len < sizeof le->in && poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
        ssize_t n = read(STDIN_FILENO, le->in + le->in_len, sizeof le->in - le->in_len);
        if (n < 0 && errno != EINTR)
            break;
        if (n == 0)
            le->in[le->in_len++] = 4;   /* Ctrl-D */
        else if (n > 0)
            le->in_len += (size_t)n;
    }
    t.c_lflag &= ~(tcflag_t)ICANON;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
    HAL_ASSERT(le->in_pos == 0 && le->in_len <= sizeof le->in);
}

bool hal_lineedit_has_editing(void) { return true; }

/* libedit needs a UTF-8 locale to take and show UTF-8 (Phantom's
 * strings): the user's, else C.UTF-8. */
static void utf8_ctype(void)
{
    const char *set = setlocale(LC_CTYPE, "");
    if (!set || strcmp(nl_langinfo(CODESET), "UTF-8"))
        setlocale(LC_CTYPE, "C.UTF-8");
}

static void bind_cmd(EditLine *el, const wchar_t *name, const wchar_t *help,
                     unsigned char (*fn)(EditLine *, int), const wchar_t *key)
{
    el_wset(el, EL_ADDFN, name, help, fn);
    el_wset(el, EL_BIND, key, name, NULL);
    el_wset(el, EL_BIND, L"-a", key, name, NULL);   /* vi's command mode too */
}

hal_lineedit *hal_lineedit_open(hal_lineedit_complete_fn *complete, void *complete_ctx)
{
    hal_lineedit *le = calloc(1, sizeof *le);
    if (!le || common_open(le) < 0) {
        free(le);
        return NULL;
    }
    utf8_ctype();
    le->complete = complete;
    le->complete_ctx = complete_ctx;
    le->prompt = "";
    le->el = el_init("phantom", stdin, stdout, stderr);
    le->hist = history_init();
    if (!le->el || !le->hist) {
        hal_lineedit_close(le);
        return NULL;
    }
    HistEvent ev;
    history(le->hist, &ev, H_SETSIZE, HISTORY_SIZE);
    history(le->hist, &ev, H_SETUNIQUE, 1);
    EditLine *el = le->el;
    el_set(el, EL_CLIENTDATA, le);
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_HIST, history, le->hist);
    el_set(el, EL_PROMPT, prompt_of);
    el_set(el, EL_GETCFN, read_key);
    el_set(el, EL_SETTY, "-d", "-isig", NULL);   /* Ctrl-C is a key while editing */
    el_wset(el, EL_ADDFN, L"phantom-complete", L"complete the word before the cursor", cmd_complete);
    el_set(el, EL_BIND, "^I", "phantom-complete", NULL);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    el_set(el, EL_BIND, "^W", "ed-delete-prev-word", NULL);   /* as in shells, not emacs's kill-region */
    el_source(el, NULL);   /* ~/.editrc may change any of the above */
    bind_cmd(el, L"phantom-hide", L"take the line out", cmd_hide, (wchar_t[]){KEY_HIDE, 0});
    bind_cmd(el, L"phantom-show", L"draw the line again", cmd_show, (wchar_t[]){KEY_SHOW, 0});
    bind_cmd(el, L"phantom-to-end", L"cursor to the end", cmd_to_end, (wchar_t[]){KEY_TO_END, 0});
    bind_cmd(el, L"phantom-done", L"end the line", cmd_done, (wchar_t[]){KEY_DONE, 0});
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_winch;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &sa, NULL);
    return le;
}

void hal_lineedit_close(hal_lineedit *le)
{
    if (!le)
        return;
    signal(SIGWINCH, SIG_DFL);
    if (le->el)
        el_end(le->el);
    if (le->hist)
        history_end(le->hist);
    free(le->saved);
    common_close(le);
}

void hal_lineedit_history_add(hal_lineedit *le, const char *entry)
{
    HistEvent ev;
    history(le->hist, &ev, H_ENTER, entry);
}

int hal_lineedit_read(hal_lineedit *le, const char *prompt, char **line, bool (*stop)(void *ctx), void *stop_ctx)
{
    *line = NULL;
    le->prompt = prompt;
    le->stop = stop;
    le->stop_ctx = stop_ctx;
    le->outcome = -1;
    le->hidden = false;
    le->searching = false;
    le->quoting = false;
    begin_read(le, true);
    take_typed_ahead(le);
    /* Keys are keys from now on, before the prompt shows: a Ctrl-C typed
     * while libedit draws it must not become a SIGINT. */
    el_set(le->el, EL_PREP_TERM, 1);
    int n = 0;
    const char *got = el_gets(le->el, &n);
    int rc = le->outcome >= 0 ? le->outcome : got && n > 0 ? HAL_LE_LINE : HAL_LE_EOF;
    if (rc == HAL_LE_LINE) {
        size_t len = (size_t)n;
        while (len && (got[len - 1] == '\n' || got[len - 1] == '\r'))
            len--;
        *line = strndup(got, len);
        if (!*line)
            rc = HAL_LE_EOF;
    } else {   /* the cursor is at the end of the line: the next output goes below it */
        hal_console_write(1, rc == HAL_LE_CANCEL ? "^C\n" : "\n", rc == HAL_LE_CANCEL ? 3 : 1);
    }
    end_read(le);
    return rc;
}

#else /* no libedit */

/* ---- a plain read ------------------------------------------------------------------------ */

struct plain_line { char *p; size_t n, cap; };

bool hal_lineedit_has_editing(void) { return false; }

hal_lineedit *hal_lineedit_open(hal_lineedit_complete_fn *complete, void *complete_ctx)
{
    (void)complete;
    (void)complete_ctx;
    hal_lineedit *le = calloc(1, sizeof *le);
    if (!le || common_open(le) < 0) {
        free(le);
        return NULL;
    }
    return le;
}

void hal_lineedit_close(hal_lineedit *le)
{
    if (le)
        common_close(le);
}

void hal_lineedit_history_add(hal_lineedit *le, const char *entry)
{
    (void)le;
    (void)entry;
}

/* The terminal's canonical mode reads the line, with its echo and
 * erasing keys; signals from keys are off and Ctrl-C also ends a line
 * (VEOL), so that it abandons the line rather than interrupting. */
int hal_lineedit_read(hal_lineedit *le, const char *prompt, char **line, bool (*stop)(void *ctx), void *stop_ctx)
{
    *line = NULL;
    begin_read(le, false);
    hal_console_write(1, prompt, strlen(prompt));
    struct termios saved, t;
    bool have_tty = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (have_tty) {
        t = saved;
        t.c_lflag |= ICANON | ECHO;
        t.c_lflag &= ~(tcflag_t)ISIG;
        t.c_cc[VEOL] = 3;
        tcsetattr(STDIN_FILENO, TCSADRAIN, &t);
    }
    struct plain_line l = {0};
    int rc = -1;
    while (rc < 0) {
        if (stop && stop(stop_ctx)) {
            rc = HAL_LE_STOP;
            break;
        }
        if (!wait_input(le))
            continue;
        if (l.cap - l.n < 4096) {
            char *p = realloc(l.p, l.cap + 65536);
            if (!p) {
                rc = HAL_LE_EOF;
                break;
            }
            l.p = p;
            l.cap += 65536;
        }
        ssize_t n = read(STDIN_FILENO, l.p + l.n, l.cap - l.n - 1);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0) {   /* Ctrl-D on an empty line, or no terminal; else the text goes on */
            if (n < 0 || !l.n)
                rc = HAL_LE_EOF;
            continue;
        }
        l.n += (size_t)n;
        if (l.p[l.n - 1] == 3)
            rc = HAL_LE_CANCEL;
        else if (l.p[l.n - 1] == '\n')
            rc = HAL_LE_LINE;
    }
    if (have_tty)
        tcsetattr(STDIN_FILENO, TCSADRAIN, &saved);
    if (rc == HAL_LE_LINE) {
        l.p[--l.n] = 0;
        *line = l.p;
    } else {
        hal_console_write(1, "\n", 1);
        free(l.p);
    }
    end_read(le);
    return rc;
}

#endif
