/*
 * diag.h - source positions and compiler diagnostics.
 *
 * Every message has the form
 *
 *     file.ph:LINE:COL: error: message
 *     the source line
 *            ^
 *
 * ("warning:" and "note:" likewise; a note follows the error or warning it
 * explains).  LINE and COL count from 1; COL counts bytes, so a caret under
 * UTF-8 text is placed by walking the line's characters, not its bytes.
 *
 * A sink (pc_diag) counts errors and warnings and sends the text to a write
 * callback, stderr by default.  After max_errors errors it prints one
 * "too many errors" line and swallows everything else: pc_diag_stopped()
 * tells the producer to give up.  A sink is used by one thread at a time;
 * the module has no global state.
 */
#ifndef PHANTOM_COMPILER_DIAG_H
#define PHANTOM_COMPILER_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Source text: name is what messages print; text[0, len) need not be NUL-terminated. */
typedef struct pc_source {
    const char *name;
    const char *text;
    size_t len;
} pc_source;

/* A position in a source: byte offset, and 1-based line and byte column. */
typedef struct pc_loc {
    const pc_source *src; /* NULL: no position known */
    uint32_t off, line, col;
} pc_loc;

/* Receives diagnostic (or dump) text; len bytes, not NUL-terminated. */
typedef void pc_write_fn(void *ctx, const char *text, size_t len);

typedef enum pc_level { PC_ERROR, PC_WARNING, PC_NOTE } pc_level;

typedef struct pc_diag {
    pc_write_fn *write; /* NULL: stderr */
    void *ctx;
    int errors, warnings;
    int max_errors; /* default 50 */
    bool stopped;   /* max_errors was exceeded: everything further is dropped */
} pc_diag;

#define PC_DIAG_MAX_ERRORS 50

/* A sink writing through write(ctx, ...), or to stderr if write is NULL. */
void pc_diag_init(pc_diag *d, pc_write_fn *write, void *ctx);

void pc_diag_vreport(pc_diag *d, pc_level level, pc_loc at, const char *fmt, va_list ap);
void pc_error(pc_diag *d, pc_loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void pc_warning(pc_diag *d, pc_loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void pc_note(pc_diag *d, pc_loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static inline bool pc_diag_stopped(const pc_diag *d)
{
    return d->stopped;
}

/*
 * Writes s[0, len) into buf (size n >= 8) as printable text for a message:
 * control bytes and bytes that are not valid UTF-8 become \xNN, and text
 * longer than about 32 characters is cut with "...".  Returns buf.
 */
char *pc_diag_quote(char *buf, size_t n, const char *s, size_t len);

#endif
