/*
 * diag.c - formatting diagnostics.  Each diagnostic is built in one local
 * buffer and handed to the sink's write callback in a single call, so
 * messages from different sinks never interleave mid-line.
 *
 * The echoed source line is made safe to print: control bytes and invalid
 * UTF-8 show as '?', and a long line is cut to a window around the column
 * (with "..." on the cut sides) so a 1 MB single-line file prints a short
 * excerpt, not the megabyte.
 */
#include "diag.h"

#include "utf8.h"

#include <stdio.h>
#include <string.h>

#define WINDOW 160    /* most bytes of a source line echoed */
#define QUOTE_MAX 32  /* most characters of a token quoted in a message */

static void write_stderr(void *ctx, const char *text, size_t len)
{
    (void)ctx;
    fwrite(text, 1, len, stderr);
}

void pc_diag_init(pc_diag *d, pc_write_fn *write, void *ctx)
{
    memset(d, 0, sizeof *d);
    d->write = write ? write : write_stderr;
    d->ctx = ctx;
    d->max_errors = PC_DIAG_MAX_ERRORS;
}

/* A growing output line in a fixed buffer; text past the end is dropped. */
typedef struct outbuf {
    char b[1024];
    size_t n;
} outbuf;

static void put(outbuf *o, const char *s, size_t n)
{
    if (n > sizeof o->b - o->n)
        n = sizeof o->b - o->n;
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

static void putf(outbuf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(outbuf *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    size_t room = sizeof o->b - o->n;
    int k = vsnprintf(o->b + o->n, room, fmt, ap);
    va_end(ap);
    if (k > 0)
        o->n += (size_t)k < room ? (size_t)k : room - 1;
}

/*
 * Length of the character at s[i, end) as the echo shows it: a valid UTF-8
 * sequence is one glyph of its length; any other byte is one glyph of one.
 */
static size_t glyph_len(const char *s, size_t i, size_t end)
{
    uint32_t cp;
    size_t k = pc_utf8_decode(s + i, end - i, &cp);
    return k ? k : 1;
}

/* Appends text[from, to) as printable glyphs (caret: as blanks, keeping tabs). */
static void put_glyphs(outbuf *o, const char *text, size_t from, size_t to, bool caret)
{
    for (size_t i = from; i < to;) {
        size_t k = glyph_len(text, i, to);
        unsigned char c = (unsigned char)text[i];
        if (c == '\t')
            put(o, "\t", 1);
        else if (caret)
            put(o, " ", 1);
        else if (k > 1)
            put(o, text + i, k);
        else if (c < 0x20 || c >= 0x7f)
            put(o, "?", 1);
        else
            put(o, text + i, 1);
        i += k;
    }
}

/* Appends the source line holding `at` and a caret line under its column. */
static void put_source_line(outbuf *o, pc_loc at)
{
    const pc_source *src = at.src;
    if (!src || !src->text || at.off > src->len)
        return;
    const char *t = src->text;
    size_t ls = at.off, le = at.off;
    while (ls > 0 && t[ls - 1] != '\n')
        ls--;
    while (le < src->len && t[le] != '\n')
        le++;
    if (le > ls && t[le - 1] == '\r')
        le--;
    if (le == ls)
        return; /* an empty line (or the end of the input after a newline) */
    size_t off = at.off < le ? at.off : le;
    size_t from = ls, to = le;
    if (to - from > WINDOW) {
        from = off > ls + WINDOW / 2 ? off - WINDOW / 2 : ls;
        while (from > ls && ((unsigned char)t[from] & 0xc0) == 0x80)
            from--; /* do not start inside a character */
        to = from + WINDOW < le ? from + WINDOW : le;
    }
    bool cut_left = from > ls, cut_right = to < le;
    if (cut_left)
        put(o, "...", 3);
    put_glyphs(o, t, from, to, false);
    if (cut_right)
        put(o, "...", 3);
    put(o, "\n", 1);
    if (cut_left)
        put(o, "   ", 3);
    put_glyphs(o, t, from, off, true);
    put(o, "^\n", 2);
}

static void put_header(outbuf *o, pc_loc at, const char *level)
{
    if (at.src)
        putf(o, "%s:%u:%u: %s: ", at.src->name ? at.src->name : "<input>", at.line, at.col,
             level);
    else
        putf(o, "%s: ", level);
}

void pc_diag_vreport(pc_diag *d, pc_level level, pc_loc at, const char *fmt, va_list ap)
{
    if (d->stopped)
        return;
    outbuf o;
    o.n = 0;
    if (level == PC_ERROR && d->errors >= d->max_errors) {
        d->stopped = true;
        put_header(&o, at, "error");
        putf(&o, "too many errors (%d), stopping\n", d->max_errors);
        d->write(d->ctx, o.b, o.n);
        return;
    }
    static const char *const names[] = {"error", "warning", "note"};
    put_header(&o, at, names[level]);
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    putf(&o, "%s\n", msg);
    put_source_line(&o, at);
    if (o.n == sizeof o.b)
        o.b[o.n - 1] = '\n'; /* cut: still end with a newline */
    if (level == PC_ERROR)
        d->errors++;
    else if (level == PC_WARNING)
        d->warnings++;
    d->write(d->ctx, o.b, o.n);
}

#define REPORT(level)                                                                      \
    do {                                                                                   \
        va_list ap;                                                                        \
        va_start(ap, fmt);                                                                 \
        pc_diag_vreport(d, level, at, fmt, ap);                                            \
        va_end(ap);                                                                        \
    } while (0)

void pc_error(pc_diag *d, pc_loc at, const char *fmt, ...)
{
    REPORT(PC_ERROR);
}

void pc_warning(pc_diag *d, pc_loc at, const char *fmt, ...)
{
    REPORT(PC_WARNING);
}

void pc_note(pc_diag *d, pc_loc at, const char *fmt, ...)
{
    REPORT(PC_NOTE);
}

char *pc_diag_quote(char *buf, size_t n, const char *s, size_t len)
{
    size_t o = 0, chars = 0;
    for (size_t i = 0; i < len; chars++) {
        if (chars == QUOTE_MAX || o + 8 >= n) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        uint32_t cp;
        size_t k = pc_utf8_decode(s + i, len - i, &cp);
        unsigned char c = (unsigned char)s[i];
        if (k > 1 && o + k + 4 < n) {
            memcpy(buf + o, s + i, k);
            o += k;
            i += k;
            continue;
        }
        if (c < 0x20 || c >= 0x7f)
            o += (size_t)snprintf(buf + o, n - o, "\\x%02x", c);
        else
            buf[o++] = (char)c;
        i++;
    }
    buf[o] = 0;
    return buf;
}
