/*
 * shell.c - `phantom` with no command (or `phantom shell`): the persistent
 * shell (docs/SHELL.md).  It opens the default world, serves the VM on a
 * host thread of its own (pvm_serve_start) so background threads keep
 * running, and reads inputs: with the line editor on a terminal, plain
 * lines without prompts otherwise.
 */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "../persist/pw.h"
#include "../display/display.h"
#include "../vm/pvm.h"
#include "ctl.h"
#include "shell.h"
#include "tools.h"

#define LINE_MAX_BYTES (64u << 20)   /* as a source file given to `phantom run` */

void help_shell(void)
{
    hal_console_printf(1,
        "usage: phantom [shell] [--image PATH] [--replica TARGET [--replica-key FILE] [--replica-sync]]\n"
        "               [--snapshot-interval MS]\n"
        "               [--memory-limit SIZE] [--display [ADDR:]PORT] [--strategy NAME]\n"
        "               [--keep POLICY] [--paused] [-v]\n"
        "\n"
        "Opens the world (--image PATH, else $PHANTOM_IMAGE, else ./" TOOL_DEFAULT_IMAGE "; created\n"
        "if missing) and starts the persistent shell: type Phantom statements,\n"
        "expressions and class declarations; :help lists the commands.  Variables and\n"
        "classes declared at the prompt, and threads started from it, live in the\n"
        "world: after Ctrl-D, :quit, kill -9 or a power cut, `phantom` resumes them\n"
        "(threads still running) from the last snapshot.  While it runs, `phantom\n"
        "attach` opens more shells inside the same world (phantom attach --help).\n"
        "\n"
        TOOL_IMAGE_HELP
        "  --snapshot-interval MS   take a snapshot every MS milliseconds (default 1000)\n"
        "  --strategy NAME          uffd-async, uffd or mprotect (see phantom run --help)\n"
        TOOL_KEEP_HELP
        TOOL_MEMORY_LIMIT_HELP
        TOOL_COMMIT_OUTPUT_HELP
        TOOL_DISPLAY_HELP
        "  -v                       say which world and snapshot even when not on a terminal\n"
        "  --paused                 hold every thread of the world: none runs (:threads\n"
        "                           lists them, :kill ID ends one, :update FILE fixes\n"
        "                           code, :resume lets them all run on); inputs still\n"
        "                           run.  The way in when the last boot crashed the VM\n"
        "                           or every boot fails: fix, then :resume (or :quit).\n"
        "\n"
        "On a terminal: a line editor with history ($PHANTOM_HISTORY, else\n"
        "~/.phantom_history) and Tab completion; Ctrl-C stops the evaluation in\n"
        "progress.  Otherwise (a pipe, a script) inputs are read from standard input\n"
        "without prompts or banner: echo 'println(1+1);' | phantom prints 2.\n"
        "\n"
        "Exit status: 0, or, when not on a terminal, 1 if an input had errors (compile\n"
        "errors, an uncaught exception, an interrupted evaluation); 2 bad usage or an\n"
        "unusable image; 3 the final snapshot failed (the world resumes from an earlier\n"
        "one).\n");
}

/* ---- output through the editor ----------------------------------------------------- */

static sh_edit *editor;
/* The session this host thread serves (sh_session), NULL for the shell on
 * the process's own terminal. */
static _Thread_local const sh_io *thread_io;

void sh_set_editor(sh_edit *e) { editor = e; }

void sh_write(int stream, const char *s, size_t n)
{
    if (thread_io)
        thread_io->write(thread_io->ctx, stream, s, n);
    else if (editor)
        sh_edit_write(editor, stream, s, n);
    else
        hal_console_write(stream, s, n);
}

void sh_printf(int stream, const char *fmt, ...)
{
    char buf[8192];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        sh_write(stream, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* The engine's messages (a snapshot thread's warning that snapshots fall
 * behind) go above the line being typed, as program output does, never
 * into it.  Invariant: ed is the editor while it exists, else NULL (under
 * lock): the engine may speak until the world is closed, after the editor. */
typedef struct world_log {
    hal_mutex lock;
    sh_edit *ed;
} world_log;

static void on_world_log(void *ctx, int level, const char *msg)
{
    world_log *l = ctx;
    char text[1200];
    int n = snprintf(text, sizeof text, "phantom: %s%s\n", pw_log_prefix(level), msg);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof text ? (size_t)n : sizeof text - 1;
    hal_mutex_lock(&l->lock);
    if (l->ed)
        sh_edit_write(l->ed, 2, text, len);
    else
        hal_console_write(2, text, len);
    hal_mutex_unlock(&l->lock);
}

static void world_log_set(world_log *l, sh_edit *ed)
{
    hal_mutex_lock(&l->lock);
    l->ed = ed;
    hal_mutex_unlock(&l->lock);
}

/* Program output (the VM's thread), with stack traces naming inputs
 * rather than the shell's cells. */
void sh_vm_output(void *ctx, int stream, const char *s, size_t n)
{
    (void)ctx;
    sh_buf b = {0};
    sh_ws_output_text(s, n, &b);
    if (!b.oom) {
        s = b.p;
        n = b.n;
    }
    if (n) {
        sh_write(stream, s, n);
        tool_ctl_broadcast(stream, s, n);
    }
    free(b.p);
}

/* ---- interrupts ----------------------------------------------------------------------- */

static atomic_bool interrupt_flag;
static atomic_bool stop_flag;   /* phantom stop, through the control socket */

static void on_stop(void *ctx)
{
    (void)ctx;
    atomic_store(&stop_flag, true);
}

static void on_interrupt(void *ctx)
{
    (void)ctx;
    atomic_store(&interrupt_flag, true);
}

/* Consumes an interrupt, re-arming the handler (whose second interrupt
 * would otherwise end the process). */
static bool interrupted(void)
{
    if (atomic_load(&stop_flag))
        return true;
    if (!atomic_exchange(&interrupt_flag, false))
        return false;
    hal_on_interrupt(on_interrupt, NULL);
    return true;
}

/* At the prompt Ctrl-C is a key, so a signal there asks the shell to end. */
static bool stop_requested(void *ctx)
{
    (void)ctx;
    return atomic_load(&interrupt_flag) || atomic_load(&stop_flag);
}

static bool session_interrupted(void) { return thread_io->interrupted(thread_io->ctx); }

/* :reset's question, on the terminal. */
static bool confirm(void *ctx, const char *question)
{
    char *answer = NULL;
    bool yes = sh_edit_read(ctx, question, &answer, stop_requested, NULL) == SH_LINE &&
               (!strcmp(answer, "y") || !strcmp(answer, "yes"));
    free(answer);
    return yes;
}

/* ---- completion -------------------------------------------------------------------------- */

static const char *const keywords[] = {
    "abstract", "bool", "break", "case", "catch", "char", "class", "const", "continue", "default", "do",
    "double", "else", "extends", "false", "finally", "float", "for", "foreach", "if", "implements", "import",
    "instanceof", "int", "interface", "long", "new", "null", "package", "print", "println", "return",
    "static", "string", "switch", "synchronized", "this", "throw", "true", "try", "var", "void", "while",
    NULL,
};

typedef struct comp { const sh_ctx *sc; const char *word; void (*add)(void *, const char *); void *actx; } comp;

static void offer(comp *c, const char *cand)
{
    if (!strncmp(cand, c->word, strlen(c->word)))
        c->add(c->actx, cand);
}

static void offer_ws(void *ctx, const char *name, bool is_class)
{
    comp *c = ctx;
    if (is_class && name[0] == '.' && !strchr(name + 1, '.'))
        offer(c, name + 1);   /* a root class: its short name works */
    offer(c, name);
}

/* A method is offered with its parenthesis, as python's completion does. */
static void offer_member(void *ctx, const char *name, bool is_method)
{
    char cand[512];
    snprintf(cand, sizeof cand, "%s%s", name, is_method ? "(" : "");
    offer(ctx, cand);
}

/* A class path: after `.phantom.` the next part of the names of the
 * classes under it, `util.` or `math` (the shell's own classes left out). */
typedef struct path_comp { comp *c; const char *prefix; } path_comp;

static void offer_path(void *ctx, const char *name)
{
    path_comp *p = ctx;
    size_t n = strlen(p->prefix);
    if (strncmp(name, p->prefix, n) || !strncmp(name, ".shell.", 7))
        return;
    const char *rest = name + n, *dot = strchr(rest, '.');
    char cand[512];
    snprintf(cand, sizeof cand, "%.*s", (int)(dot ? dot - rest + 1 : (ptrdiff_t)strlen(rest)), rest);
    offer(p->c, cand);
}

static bool ident_char(char ch)
{
    return ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (unsigned char)ch >= 0x80;
}

/* After a dot: `t.` a variable's members, `ticker.` a class's static
 * members, `.phantom.` the classes and packages under a package. */
static void complete_after_dot(comp *c, const char *qual)
{
    if (qual[0] && c->sc->ws)
        sh_ws_members(c->sc->ws, qual, offer_member, c);
    if ((!qual[0] || qual[0] == '.') && c->sc->ws) {
        char prefix[512];
        snprintf(prefix, sizeof prefix, "%s.", qual);
        path_comp p = {c, prefix};
        sh_ws_known_classes(c->sc->ws, offer_path, &p);
    }
}

/* The word before the cursor is completed: an identifier, the part of a
 * dotted name after its last dot, or a :command at the start. */
static size_t complete(void *ctx, const char *before, void (*add)(void *actx, const char *cand), void *actx)
{
    size_t n = strlen(before), start = n;
    while (start > 0 && ident_char(before[start - 1]))
        start--;
    comp c = {ctx, before + start, add, actx};
    if (start > 0 && before[start - 1] == '.') {
        size_t q = start - 1;
        while (q > 0 && (ident_char(before[q - 1]) || before[q - 1] == '.'))
            q--;
        char qual[512];
        snprintf(qual, sizeof qual, "%.*s", (int)(start - 1 - q), before + q);
        complete_after_dot(&c, qual);
        return n - start;
    }
    if (start > 0 && before[start - 1] == ':' && strspn(before, " \t") == start - 1) {
        c.word = before + start - 1;
        for (int i = 0; sh_command_names[i]; i++)
            offer(&c, sh_command_names[i]);
        return n - start + 1;
    }
    for (int i = 0; keywords[i]; i++)
        offer(&c, keywords[i]);
    if (c.sc->ws)
        sh_ws_names(c.sc->ws, offer_ws, &c);
    return n - start;
}

/* ---- the loop ---------------------------------------------------------------------------- */

typedef struct shell {
    sh_ctx c;
    sh_edit *ed;
    const sh_io *io;      /* a session's input, or NULL */
    char *input;          /* the input so far (lines of an unfinished one) */
    size_t len, cap;
    int errors;
} shell;

static int append(shell *s, const char *line)
{
    size_t n = strlen(line);
    if (s->len + n + 2 > s->cap) {
        size_t cap = (s->len + n + 2) * 2;
        char *p = realloc(s->input, cap);
        if (!p)
            return -1;
        s->input = p;
        s->cap = cap;
    }
    memcpy(s->input + s->len, line, n);
    s->len += n;
    s->input[s->len++] = '\n';
    s->input[s->len] = 0;
    return 0;
}

/* The next line: SH_LINE with *line (malloc'd), or SH_EOF, SH_CANCEL, SH_STOP.
 * A line is always read whole: running a piece of one would run text the
 * user did not write as code (the tail of a long string literal).  A line
 * over LINE_MAX_BYTES is refused whole, and so is the input it belongs to. */
static int next_line(shell *s, char **line)
{
    const char *prompt = s->len ? "   ...> " : "phantom> ";
    if (s->io) {
        s->io->prompt(s->io->ctx, prompt);
        return s->io->read_line(s->io->ctx, line);
    }
    if (s->ed)
        return sh_edit_read(s->ed, prompt, line, stop_requested, NULL);
    int ready;   /* waits in steps, so phantom stop is heard between lines */
    while ((ready = hal_console_wait_input(200)) == 0)
        if (stop_requested(NULL))
            return SH_STOP;
    char *buf;
    long n = hal_console_read_whole_line(&buf, LINE_MAX_BYTES);
    if (n == -7 || n == -12) {   /* -E2BIG, -ENOMEM */
        hal_console_printf(2, "phantom: a line of more than %u MiB (or more than memory holds); "
                              "nothing of it or of its input runs\n", LINE_MAX_BYTES >> 20);
        s->errors++;
        return SH_CANCEL;
    }
    if (n <= 0)
        return SH_EOF;
    if (buf[n - 1] == '\n')
        buf[--n] = 0;
    if (n && buf[n - 1] == '\r')
        buf[--n] = 0;
    *line = buf;
    return SH_LINE;
}

static bool blank(const char *s)
{
    s += strspn(s, " \t\r\n");
    return !*s;
}

static void run_loop(shell *s)
{
    for (;;) {
        char *line = NULL;
        int r = next_line(s, &line);
        if (r == SH_CANCEL) {
            s->len = 0;
            continue;
        }
        if (r != SH_LINE) {
            if (r == SH_EOF && s->len && !blank(s->input)) {
                sh_ws_check(s->input, true);   /* the unfinished input's errors */
                s->errors++;
            }
            return;
        }
        const char *p = line + strspn(line, " \t");
        if (!s->len && *p == ':') {
            if (s->ed)
                sh_edit_history_add(s->ed, p);
            if (sh_command(&s->c, p) < 0)
                s->errors++;
            free(line);
            if (s->c.quit)
                return;
            continue;
        }
        int rc = append(s, line);
        free(line);
        if (rc < 0 || blank(s->input)) {
            s->len = 0;
            continue;
        }
        enum sh_input in = sh_ws_check(s->input, false);
        if (in == SH_IN_INCOMPLETE)
            continue;
        if (s->ed) {
            s->input[s->len - 1] = 0;   /* without the last newline */
            sh_edit_history_add(s->ed, s->input);
            s->input[s->len - 1] = '\n';
        }
        if (in == SH_IN_ERROR) {
            sh_ws_check(s->input, true);
            s->errors++;
        } else if (in == SH_IN_COMPLETE && sh_ws_eval(s->c.ws, s->input, interrupted) < 0) {
            s->errors++;
        }
        s->len = 0;
    }
}

/* clean: the last session ended with a final snapshot, so the snapshot's
 * age is only how long the world rested. */
static void banner(const char *image, const pvm_boot_info *bi, bool clean, int stream)
{
    if (bi->is_new) {
        hal_console_printf(stream, "phantom: new world %s; :help for help\n", image);
        return;
    }
    double age = bi->snapshot_age_ms / 1000.0;
    hal_console_printf(stream,
                       "phantom: resumed %s from snapshot %llu, %.1f s old (%s); "
                       "%u thread%s, %llu objects, %u classes; :help for help\n",
                       image, (unsigned long long)bi->generation, age,
                       clean ? "the last session ended cleanly: nothing was lost" : "at most that much was lost",
                       bi->threads, bi->threads == 1 ? "" : "s", (unsigned long long)bi->objects, bi->classes);
}

const char *sh_history_path(char *buf, size_t len)
{
    const char *h = hal_getenv("PHANTOM_HISTORY");
    if (h && *h)
        return h;
    const char *home = hal_getenv("HOME");
    if (!home || !*home)
        return NULL;
    snprintf(buf, len, "%s/.phantom_history", home);
    return buf;
}

void sh_session(pv_vm *vm, const char *image, const sh_io *io)
{
    thread_io = io;
    shell s = {.c = {.vm = vm, .image = image, .interrupted = session_interrupted}, .io = io};
    if (!(s.c.ws = sh_ws_open(vm)))
        sh_printf(2, "phantom: out of host memory\n");
    else
        run_loop(&s);
    sh_ws_free(s.c.ws);
    free(s.input);
    thread_io = NULL;
}

/* The shell on the process's own input, on the world w names; view: a
 * retained generation looked at instead (phantom attach --snapshot): the
 * world's threads held, nothing written to the image, no control socket,
 * and everything done in it dropped at the end. */
static int shell_main(tool_world_opts *wo, bool paused, uint64_t view)
{
    tool_world_opts w = *wo;
    const char *image = w.image;
    bool tty = hal_console_is_tty(0) && hal_console_is_tty(1);
    struct pd_display *display = NULL;
    if (!paused && !view && tool_open_display(&w, &display, "") < 0)
        return 2;
    world_log wlog = {.ed = NULL};
    hal_mutex_init(&wlog.lock);
    pvm_options o = {.image = image, .create = !view, .snapshot_interval_ms = w.interval, .verbose = w.verbose > 1,
                     .strategy = w.strategy, .memory_limit = w.memory_limit, .paused = paused,
                     .commit_output = w.commit_output, .display = display, .replica = w.replica,
                     .keep = w.keep_set ? &w.keep : NULL,
                     .replica_key = w.replica_key, .replica_sync = w.replica_sync,
                     .log = on_world_log, .log_ctx = &wlog, .view = view != 0, .snapshot = view};
    if (view)
        o.replica = NULL;   /* a view writes nowhere */
    pvm_boot_info bi;
    pv_vm *vm;
    char err[600];
    int orc = pvm_open(&o, &vm, &bi, err, sizeof err);
    if (orc < 0) {
        tool_open_failed(view ? "attach" : "shell", image, orc, err);
        pd_close(display);
        hal_mutex_destroy(&wlog.lock);
        return 2;
    }
    if (display)
        pd_ready(display);
    if (paused && !view && !bi.is_new)
        hal_console_printf(tty ? 1 : 2, "phantom: paused: none of the world's %u thread%s runs; :threads lists them, "
                           ":kill ID ends one, :update FILE installs fixed code, :resume lets them run on, :quit saves\n",
                           bi.threads, bi.threads == 1 ? "" : "s");
    shell s = {.c = {.vm = vm, .image = image, .interrupted = interrupted}};
    char hist[4096];
    if (tty) {
        s.ed = sh_edit_new(sh_history_path(hist, sizeof hist), complete, &s.c);
        sh_set_editor(s.ed);
        world_log_set(&wlog, s.ed);
        if (s.ed) {
            s.c.confirm = confirm;
            s.c.confirm_ctx = s.ed;
        }
    }
    pvm_set_output(vm, sh_vm_output, NULL);
    sh_ws_init_lock();
    int rc = pvm_serve_start(vm);
    if (rc == 0 && !(s.c.ws = sh_ws_open(vm)))
        rc = -12;
    if (rc == 0 && view)
        hal_console_printf(tty ? 1 : 2,
                           "phantom: looking at generation %llu of %s, read-only: its %u thread%s held, nothing "
                           "done here is kept (the image is not written); :help for help\n",
                           (unsigned long long)view, image, bi.threads, bi.threads == 1 ? "" : "s");
    else if (rc == 0 && (tty || w.verbose))
        banner(image, &bi, sh_ws_resumed_clean(s.c.ws), tty ? 1 : 2);
    tool_ctl *ctl = NULL;
    if (rc == 0 && !view) {
        char cerr[600];
        if (!(ctl = tool_ctl_start(vm, image, on_stop, NULL, cerr, sizeof cerr)))
            hal_console_printf(2, "phantom: warning: %s\n", cerr);
    }
    if (rc < 0) {
        hal_console_printf(2, "phantom: cannot start the shell: %s\n", hal_strerror(rc));
    } else {
        hal_on_interrupt(on_interrupt, NULL);
        run_loop(&s);
        hal_on_interrupt(NULL, NULL);
    }
    tool_ctl_stop(ctl);   /* attached sessions end; the world is still served */
    pvm_serve_stop(vm);
    pvm_set_output(vm, NULL, NULL);
    if (s.c.ws && !view)
        sh_ws_note_clean_exit(s.c.ws);   /* taken by the final snapshot, or by none */
    sh_set_editor(NULL);
    world_log_set(&wlog, NULL);
    sh_edit_free(s.ed);
    sh_ws_free(s.c.ws);
    free(s.input);
    int crc = pvm_close(vm, !view);
    hal_mutex_destroy(&wlog.lock);
    pd_close(display);
    if (view)
        return rc < 0 ? 2 : s.errors && !tty ? 1 : 0;
    if (crc < 0) {
        hal_console_printf(2, "phantom: %s: the final snapshot failed: %s; the world resumes from an earlier one\n",
                           image, pw_strerror(crc));
        return 3;
    }
    if (tty)
        hal_console_printf(1, "phantom: the world is saved in %s\n", image);
    /* on a terminal the errors were seen as they happened; a script's
     * caller learns of them from the status */
    return rc < 0 ? 2 : s.errors && !tty ? 1 : 0;
}

int cmd_shell(int argc, char **argv)
{
    tool_world_opts w = {.image = tool_default_image()};
    bool paused = false;
    for (int i = 0; i < argc; i++) {
        int r = tool_world_option(argc, argv, &i, &w, "");
        if (r < 0)
            return 2;
        if (r > 0)
            continue;
        if (!strcmp(argv[i], "--paused")) {
            paused = true;
        } else {
            hal_console_printf(2, "phantom: %s '%s' (see phantom --help)\n",
                               argv[i][0] == '-' ? "unknown option" : "unexpected argument", argv[i]);
            return 2;
        }
    }
    return shell_main(&w, paused, 0);
}

int sh_view(const char *image, uint64_t generation)
{
    tool_world_opts w = {.image = image};
    return shell_main(&w, true, generation);
}
