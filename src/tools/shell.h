/*
 * shell.h - the persistent shell (`phantom` with no command; docs/SHELL.md):
 * its line editor (shell_edit.c), its workspace and evaluation of inputs
 * (shell_ws.c), and the `:` commands (shell_cmds.c), tied together by
 * shell.c.
 */
#ifndef PHANTOM_TOOLS_SHELL_H
#define PHANTOM_TOOLS_SHELL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../hal/hal.h"
#include "../vm/pvm.h"

/* ---- text and lists of strings (shell_util.c) ---------------------------------- */
typedef struct sh_buf { char *p; size_t n, cap; bool oom; } sh_buf;   /* p NUL-terminated once used */
void sh_buf_add(sh_buf *b, const char *s, size_t n);
void sh_buf_str(sh_buf *b, const char *s);
void sh_buf_fmt(sh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

typedef struct sh_list { char **v; int n, cap; bool unique; } sh_list;
void sh_list_add(void *list, const char *s);   /* list: an sh_list (a callback's context) */
void sh_list_sort(sh_list *l);
void sh_list_free(sh_list *l);

/* ---- the line editor (shell_edit.c) ------------------------------------------
 *
 * The HAL's editor (hal_lineedit_*: libedit's keys, history recall and
 * search, Tab completion; a plain read of a line in a build without
 * libedit), with the history kept in a file.  Output of other threads
 * (sh_edit_write) is printed above the line being typed, which is then
 * drawn again. */
typedef struct sh_edit sh_edit;

enum sh_read_result {
    SH_LINE = HAL_LE_LINE,      /* *line holds the line (malloc'd, no newline) */
    SH_EOF = HAL_LE_EOF,        /* Ctrl-D on an empty line, or end of input */
    SH_CANCEL = HAL_LE_CANCEL,  /* Ctrl-C: the line was abandoned */
    SH_STOP = HAL_LE_STOP,      /* stop() said so (a termination signal) */
};

/* Completion: fn calls add(actx, candidate) for every word that could
 * replace the last N bytes of `before` (the text before the cursor), and
 * returns N. */
typedef hal_lineedit_complete_fn sh_complete_fn;

/* The history file: $PHANTOM_HISTORY, else ~/.phantom_history (in buf),
 * else NULL (none). */
const char *sh_history_path(char *buf, size_t len);
/* phantom attach --snapshot G: the shell on a read-only view of the
 * retained generation G of image (its threads held, nothing kept). */
int sh_view(const char *image, uint64_t generation);
/* history_path: where history is loaded from and saved to (NULL: none). */
sh_edit *sh_edit_new(const char *history_path, sh_complete_fn *complete, void *complete_ctx);
/* Saves the history (a warning if that fails) and restores the terminal. */
void sh_edit_free(sh_edit *e);
int sh_edit_read(sh_edit *e, const char *prompt, char **line, bool (*stop)(void *ctx), void *stop_ctx);
void sh_edit_history_add(sh_edit *e, const char *entry);
/* Any thread: prints s above the line being edited, if one is. */
void sh_edit_write(sh_edit *e, int stream, const char *s, size_t n);

/* ---- output --------------------------------------------------------------------- */

/* The shell's own messages: through the editor when there is one. */
void sh_printf(int stream, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sh_write(int stream, const char *s, size_t n);
void sh_set_editor(sh_edit *e);

/* ---- the workspace (shell_ws.c) -------------------------------------------------- */
typedef struct sh_ws sh_ws;

/* Reads the workspace recorded in the world (VM requests); NULL if out of memory. */
sh_ws *sh_ws_open(pv_vm *vm);
/* Once per process, before a second shell (an attached session) can use
 * the world: evaluations of all of them take turns installing. */
void sh_ws_init_lock(void);
void sh_ws_free(sh_ws *ws);

enum sh_input {
    SH_IN_COMPLETE = 0,    /* parses: evaluate it */
    SH_IN_INCOMPLETE = 1,  /* an open brace or the like: read more */
    SH_IN_ERROR = 2,       /* syntax errors (printed if report) */
    SH_IN_EMPTY = 3,       /* nothing to run (only comments) */
};
enum sh_input sh_ws_check(const char *text, bool report);

/* Compiles and runs one input: declarations (installed for good),
 * statements, or an expression whose value is printed.  Waits for it to
 * end; *interrupted() is polled, and when true the evaluation is killed.
 * Returns 0, or -1 if it had errors (printed). */
int sh_ws_eval(sh_ws *ws, const char *text, bool (*interrupted)(void));
/* :inspect EXPR; raw: containers by their fields, not their contents */
int sh_ws_inspect(sh_ws *ws, const char *expr, bool raw, bool (*interrupted)(void));
/* :load FILE: compiles the file's classes into the workspace; update
 * (:update FILE): classes it declares that the workspace has get a new
 * version (:load refuses them). */
int sh_ws_load(sh_ws *ws, const char *path, bool update, bool (*interrupted)(void));
/* The workspace's variables and classes, for completion and :classes. */
void sh_ws_names(sh_ws *ws, void (*fn)(void *ctx, const char *name, bool is_class), void *ctx);
/* For completion: the members of what `qual` names, a workspace variable
 * (instance members of its value's class, or of its declared type while
 * it holds null) or a class (its static members). */
void sh_ws_members(sh_ws *ws, const char *qual, void (*fn)(void *ctx, const char *name, bool is_method), void *ctx);
/* For completion: the full name of every class of the world and of the
 * standard library (repeats possible). */
void sh_ws_known_classes(sh_ws *ws, void (*fn)(void *ctx, const char *name), void *ctx);
/* :vars: every variable's name, type and value (never running its code). */
void sh_ws_vars(sh_ws *ws);
/* :forget NAME: the workspace no longer has variable NAME. */
int sh_ws_forget(sh_ws *ws, const char *name);
/* :reset: the workspace forgets every variable and class (the world keeps
 * the objects and threads, and the classes they use). */
int sh_ws_reset(sh_ws *ws);
/* Whether the shell that last used the world ended with a final
 * snapshot (then nothing was lost), as told by a note that
 * sh_ws_note_clean_exit leaves just before that snapshot. */
bool sh_ws_resumed_clean(const sh_ws *ws);
void sh_ws_note_clean_exit(sh_ws *ws);
/* Program output as the shell shows it: s[0,n) appended to out, with a
 * cell's frames in stack traces shown as the input's lines
 * ("    at <input>:3") and those of the cell's helpers left out. */
void sh_ws_output_text(const char *s, size_t n, sh_buf *out);

/* ---- commands (shell_cmds.c) ------------------------------------------------------ */
typedef struct sh_ctx {
    pv_vm *vm;
    sh_ws *ws;
    const char *image;
    bool (*interrupted)(void);
    /* Asks a yes/no question on the terminal; NULL when not on one. */
    bool (*confirm)(void *ctx, const char *question);
    void *confirm_ctx;
    bool quit;
} sh_ctx;

/* ---- sessions: the shell inside a running world (shell.c, ctl_server.c) ---- */
typedef struct sh_io {
    int (*read_line)(void *ctx, char **line);   /* SH_LINE (*line malloc'd, no newline) or SH_EOF */
    void (*write)(void *ctx, int stream, const char *s, size_t n);
    void (*prompt)(void *ctx, const char *prompt);
    bool (*interrupted)(void *ctx);             /* Ctrl-C from the client, or it went away */
    void *ctx;
} sh_io;
/* Runs the shell on io, in the calling host thread, for the world vm
 * (served meanwhile); returns at the end of io's input or :quit.  The
 * shell's messages of this thread go to io. */
void sh_session(pv_vm *vm, const char *image, const sh_io *io);
/* Output of the world's threads as the shell shows it (stack traces
 * naming inputs), to the console (or the editor) and to every attached
 * session: the pvm_set_output hook of a world that can be attached. */
void sh_vm_output(void *ctx, int stream, const char *s, size_t n);

/* Runs one `:command args` line: 0, or -1 if it failed (message printed). */
int sh_command(sh_ctx *c, const char *line);
/* The command names, for completion (NULL-terminated). */
extern const char *const sh_command_names[];

#endif
