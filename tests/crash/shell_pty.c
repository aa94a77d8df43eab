/*
 * shell_pty.c - the persistent shell, driven through a pseudo-terminal as
 * a person would use it, and through a pipe as a script would.
 *
 *  1. A variable, a class (typed over several lines) and a thread counting
 *     in the background; kill -9; `phantom` again: the variable, the class
 *     and the thread are there, and the thread is still counting.
 *  2. Background output while a line is half typed: the line is drawn
 *     again under the output, and finishing it works.
 *  3. A syntax error at the prompt shows the compiler's diagnostic and the
 *     shell goes on; Ctrl-C stops an infinite loop and the shell goes on;
 *     :inspect, :threads, :kill, :classes, :snapshot, :stats, :help,
 *     :quit; Ctrl-D leaves.
 *  4. Piped input: `echo 'println(1+1);' | phantom` prints exactly 2;
 *     an input with errors makes the exit status 1; a 200,000-byte line
 *     is one input, never run in pieces.
 *  5. What a newcomer from python expects: output without a newline stays
 *     visible, a typo does not make the session's exit status 1, history
 *     survives kill -9, the banner tells a clean exit from a crash,
 *     `help`/`exit` answered, strings quoted, a last statement's value
 *     shown, :reset asks; and, piped, variables redeclared (same and other
 *     type, kept across a restart), :vars, :forget, :reset!, a class
 *     declared again (a new version), stack traces naming inputs, one form of object ids.
 *  6. The README's tour, typed exactly as README.md prints it (read from
 *     the file, so the README cannot drift from what works): every input
 *     is accepted, the values shown there come out, and `$ make run` after
 *     the first is a kill -9 and a restart.
 *  7. Line editing (libedit), on a screen the test keeps as an xterm would
 *     show it, 40 columns wide: a line of three rows edited in its middle
 *     (Ctrl-A, Alt-F, Ctrl-E, Alt-B) and abandoned with Ctrl-C; a class
 *     typed over several lines recalled whole with Up and run; Ctrl-R; the
 *     window narrowed and widened (SIGWINCH) mid-line; Tab for variables,
 *     members after `p.`, classes after `.phantom.util.`, commands; a
 *     thread printing every 100 ms while a two-row line is typed slowly:
 *     no row mixes its output with the line, and the line runs; Ctrl-V
 *     and Ctrl-@ then insert the next key typed; Ctrl-D, typed while a
 *     statement runs or just as an output shows, ends the shell (rounds);
 *     the engine's error (the image deleted) shows above a half-typed line.
 *  8. `phantom attach` to that shell's world, on a terminal of its own:
 *     the same editor (Ctrl-A/E, Ctrl-C abandoning a line, Up recalling
 *     from the shared history file), the world's threads printing above
 *     a line typed slowly, Ctrl-D (typed while a statement runs)
 *     detaching while the world goes on.
 * A build without libedit reads plain lines: the checks of recall and
 * redrawing are skipped, and so are sections 7 and 8, with one line saying so.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"

#define TIMEOUT_MS 20000
#define READY "\nphantom> "       /* a fresh prompt */
#define MORE "\n   ...> "         /* the prompt of a continued input */

static char phantom[512], dir[64], img[128];
static bool editing;   /* the build edits lines (libedit); else plain lines are read */

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* ---- a terminal ---------------------------------------------------------------- */

/* The screen, as an xterm would show what the shell wrote: enough of
 * the VT100/xterm controls for what libedit sends (cursor moves, erasing,
 * insert mode, inserting and deleting characters; autowrap with the
 * xterm's pending wrap at the right margin).  One byte a cell. */
#define ROWS 40
#define COLS 200
typedef struct screen {
    int rows, cols, r, c;
    bool wrap_pending, insert;
    char cell[ROWS][COLS];
    int state;               /* 0 text, 1 after ESC, 2 in a CSI, 3 after ESC ( */
    char csi[32];
    size_t ncsi;
} screen;

typedef struct term {
    pid_t pid;
    int fd;
    char buf[1 << 20];
    size_t len;
    size_t from;        /* expectations look from here on */
    size_t fed;         /* bytes of buf the screen has taken */
    screen scr;
} term;

static void scr_clear(screen *s, int r, int from, int to)
{
    if (from < to)
        memset(s->cell[r] + from, ' ', (size_t)(to - from));
}

static void scr_newline(screen *s)
{
    if (++s->r == s->rows) {
        memmove(s->cell[0], s->cell[1], sizeof s->cell[0] * (size_t)(s->rows - 1));
        scr_clear(s, s->rows - 1, 0, s->cols);
        s->r = s->rows - 1;
    }
}

static void scr_put(screen *s, char ch)
{
    if (((unsigned char)ch & 0xC0) == 0x80)   /* the rest of a UTF-8 character */
        return;
    if (s->wrap_pending) {
        s->c = 0;
        scr_newline(s);
        s->wrap_pending = false;
    }
    if (s->insert)
        memmove(s->cell[s->r] + s->c + 1, s->cell[s->r] + s->c, (size_t)(s->cols - s->c - 1));
    s->cell[s->r][s->c] = ch;
    if (s->c == s->cols - 1)
        s->wrap_pending = true;
    else
        s->c++;
}

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

static void scr_csi(screen *s, char final)
{
    int p[4] = {0}, np = 0;
    bool private = s->ncsi && s->csi[0] == '?';
    for (const char *q = s->csi + private; *q && np < 4; q++) {
        if (*q == ';')
            np++;
        else
            p[np] = p[np] * 10 + (*q - '0');
    }
    int n = p[0] ? p[0] : 1;
    s->wrap_pending = false;
    switch (final) {
    case 'A': s->r = clamp(s->r - n, 0, s->rows - 1); break;
    case 'B': s->r = clamp(s->r + n, 0, s->rows - 1); break;
    case 'C': s->c = clamp(s->c + n, 0, s->cols - 1); break;
    case 'D': s->c = clamp(s->c - n, 0, s->cols - 1); break;
    case 'G': s->c = clamp(n - 1, 0, s->cols - 1); break;
    case 'd': s->r = clamp(n - 1, 0, s->rows - 1); break;
    case 'H': case 'f':
        s->r = clamp((p[0] ? p[0] : 1) - 1, 0, s->rows - 1);
        s->c = clamp((p[1] ? p[1] : 1) - 1, 0, s->cols - 1);
        break;
    case 'K':
        if (p[0] == 0) scr_clear(s, s->r, s->c, s->cols);
        else if (p[0] == 1) scr_clear(s, s->r, 0, s->c + 1);
        else scr_clear(s, s->r, 0, s->cols);
        break;
    case 'J':
        if (p[0] == 0) {
            scr_clear(s, s->r, s->c, s->cols);
            for (int r = s->r + 1; r < s->rows; r++) scr_clear(s, r, 0, s->cols);
        } else {
            for (int r = 0; r < s->rows; r++) scr_clear(s, r, 0, s->cols);
        }
        break;
    case '@':
        n = clamp(n, 0, s->cols - s->c);
        memmove(s->cell[s->r] + s->c + n, s->cell[s->r] + s->c, (size_t)(s->cols - s->c - n));
        scr_clear(s, s->r, s->c, s->c + n);
        break;
    case 'P':
        n = clamp(n, 0, s->cols - s->c);
        memmove(s->cell[s->r] + s->c, s->cell[s->r] + s->c + n, (size_t)(s->cols - s->c - n));
        scr_clear(s, s->r, s->cols - n, s->cols);
        break;
    case 'X': scr_clear(s, s->r, s->c, clamp(s->c + n, 0, s->cols)); break;
    case 'h': case 'l':
        if (!private && p[0] == 4)
            s->insert = final == 'h';
        break;
    case 'm': break;
    default: fprintf(stderr, "screen: CSI %s%c not known\n", s->csi, final); break;
    }
}

static void scr_feed(screen *s, char ch)
{
    switch (s->state) {
    case 1:
        s->state = ch == '[' ? 2 : ch == '(' || ch == ')' ? 3 : 0;
        s->ncsi = 0;
        s->csi[0] = 0;
        if (ch == 'M' && s->r > 0)   /* reverse index */
            s->r--;
        return;
    case 2:
        if ((ch >= '0' && ch <= '9') || ch == ';' || ch == '?' || ch == '>') {
            if (s->ncsi < sizeof s->csi - 1) {
                s->csi[s->ncsi++] = ch;
                s->csi[s->ncsi] = 0;
            }
        } else {
            scr_csi(s, ch);
            s->state = 0;
        }
        return;
    case 3:
        s->state = 0;
        return;
    default: break;
    }
    switch (ch) {
    case 27: s->state = 1; break;
    case '\r': s->c = 0; s->wrap_pending = false; break;
    case '\n': s->wrap_pending = false; scr_newline(s); break;
    case '\b': if (s->c > 0) s->c--; s->wrap_pending = false; break;
    case '\t': s->c = clamp((s->c / 8 + 1) * 8, 0, s->cols - 1); break;
    case '\a': break;
    default:
        if ((unsigned char)ch >= 0x20)
            scr_put(s, ch);
        break;
    }
}

static void scr_sync(term *t)
{
    while (t->fed < t->len)
        scr_feed(&t->scr, t->buf[t->fed++]);
}

/* The logical line that row r is part of: rows filled to the right
 * margin continue on the next one.  Trailing blanks left out. */
static void scr_line(term *t, int r, char *out, size_t cap)
{
    screen *s = &t->scr;
    while (r > 0 && s->cell[r - 1][s->cols - 1] != ' ')
        r--;
    size_t n = 0;
    for (; r < s->rows; r++) {
        for (int c = 0; c < s->cols && n < cap - 1; c++)
            out[n++] = s->cell[r][c];
        if (s->cell[r][s->cols - 1] == ' ')
            break;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = 0;
}

/* Starts argv (argv[0] is replaced by the phantom binary) on a new
 * terminal of cols columns; NULL: the shell on img. */
static void term_start_argv(term *t, int cols, char *const argv[])
{
    struct winsize ws = {.ws_row = ROWS, .ws_col = (unsigned short)cols};
    t->len = t->from = t->fed = 0;
    t->buf[0] = 0;
    t->scr = (screen){.rows = ROWS, .cols = cols};
    memset(t->scr.cell, ' ', sizeof t->scr.cell);
    t->pid = forkpty(&t->fd, NULL, NULL, &ws);
    REQUIRE(t->pid >= 0);
    if (t->pid == 0) {
        char hist[128];
        snprintf(hist, sizeof hist, "%s/history", dir);
        setenv("HOME", dir, 1);
        setenv("PHANTOM_HISTORY", hist, 1);
        setenv("TERM", "xterm", 1);
        unsetenv("PHANTOM_IMAGE");
        if (argv)
            execv(phantom, argv);
        else
            execl(phantom, "phantom", "--image", img, "--snapshot-interval", "50", (char *)NULL);
        _exit(127);
    }
}

static void term_start_cols(term *t, int cols) { term_start_argv(t, cols, NULL); }
static void term_start(term *t) { term_start_cols(t, COLS); }

/* Reads what the shell wrote, for up to ms. */
static void term_read(term *t, int ms)
{
    fd_set s;
    FD_ZERO(&s);
    FD_SET(t->fd, &s);
    struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
    if (select(t->fd + 1, &s, NULL, NULL, &tv) > 0 && t->len < sizeof t->buf - 1) {
        ssize_t n = read(t->fd, t->buf + t->len, sizeof t->buf - 1 - t->len);
        if (n > 0) {
            t->len += (size_t)n;
            t->buf[t->len] = 0;
        }
    }
}

/* Waits until `want` appears after t->from; then looks on after it. */
static bool expect(term *t, const char *want)
{
    uint64_t end = now_ms() + TIMEOUT_MS;
    for (;;) {
        char *at = strstr(t->buf + t->from, want);
        if (at) {
            t->from = (size_t)(at - t->buf) + strlen(want);
            return true;
        }
        if (now_ms() > end) {
            fprintf(stderr, "expected \"%s\"; the terminal showed (from offset %zu):\n%s\n", want, t->from,
                    t->buf + t->from);
            return false;
        }
        term_read(t, 50);
    }
}

/* Waits until the line the cursor is on shows exactly `want`. */
static bool expect_line(term *t, const char *want)
{
    uint64_t end = now_ms() + TIMEOUT_MS;
    char line[ROWS * COLS + 1];
    for (;;) {
        scr_sync(t);
        scr_line(t, t->scr.r, line, sizeof line);
        if (!strcmp(line, want))
            return true;
        if (now_ms() > end) {
            fprintf(stderr, "expected the line \"%s\"; the cursor's line shows \"%s\"\n", want, line);
            return false;
        }
        term_read(t, 50);
    }
}

static void send(term *t, const char *s)
{
    size_t n = strlen(s);
    REQUIRE(write(t->fd, s, n) == (ssize_t)n);
}

/* Types a line and waits for the next empty prompt. */
static bool line(term *t, const char *s)
{
    send(t, s);
    send(t, "\r");
    return expect(t, READY);
}

/* Prints "N=value" for an int expression and reads the value. */
static long value_of(term *t, const char *expr)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "println(\"N=\" + (%s));\r", expr);
    send(t, cmd);
    uint64_t end = now_ms() + TIMEOUT_MS;
    while (now_ms() < end) {
        for (char *p = strstr(t->buf + t->from, "N="); p; p = strstr(p + 1, "N="))
            if (p[2] >= '0' && p[2] <= '9') {
                long v = strtol(p + 2, NULL, 10);
                t->from = (size_t)(p - t->buf) + 2;
                expect(t, READY);
                return v;
            }
        term_read(t, 50);
    }
    fprintf(stderr, "no value for %s; the terminal showed:\n%s\n", expr, t->buf + t->from);
    return -1;
}

static int term_wait(term *t)
{
    int status = -1;
    uint64_t end = now_ms() + TIMEOUT_MS;
    while (now_ms() < end) {
        term_read(t, 20);   /* keep the pty drained */
        pid_t r = waitpid(t->pid, &status, WNOHANG);
        if (r == t->pid) {
            close(t->fd);
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
    }
    kill(t->pid, SIGKILL);
    waitpid(t->pid, &status, 0);
    close(t->fd);
    return -1;
}

static void term_kill9(term *t)
{
    kill(t->pid, SIGKILL);
    int status;
    waitpid(t->pid, &status, 0);
    close(t->fd);
}

/* ---- 1. variables, classes and threads across kill -9 --------------------------------- */

static long counted;

static void persistence(term *t)
{
    term_start(t);
    CHECK(expect(t, "new world"));
    CHECK(expect(t, "phantom> "));
    CHECK(line(t, "int x = 41;"));
    send(t, "class ticker {\r");
    CHECK(expect(t, MORE));
    send(t, "    var n : int;\r");
    CHECK(expect(t, MORE));
    send(t, "    void run() { while (true) { n++; .internal.thread.sleep(10); } }\r");
    CHECK(expect(t, MORE));
    CHECK(line(t, "};"));
    CHECK(line(t, "var tk = new ticker();"));
    CHECK(line(t, "var th = .internal.thread.start(tk);"));
    send(t, "x + 1\r");
    CHECK(expect(t, "42"));
    CHECK(expect(t, READY));
    usleep(500 * 1000);
    counted = value_of(t, "tk.n");
    CHECK(counted > 0);
    usleep(1000 * 1000);   /* several snapshots (every 50 ms) */
    term_kill9(t);

    term_start(t);
    CHECK(expect(t, "resumed"));
    CHECK(expect(t, "at most that much was lost"));   /* killed: not a clean exit */
    CHECK(expect(t, "phantom> "));
    if (editing) {
        send(t, "\x1b[A");   /* Up: the history was written as it was typed */
        CHECK(expect_line(t, "phantom> println(\"N=\" + (tk.n));"));
        send(t, "\x15");     /* Ctrl-U */
    }
    CHECK_EQ_U64(value_of(t, "x"), 41);
    long n1 = value_of(t, "tk.n");
    usleep(300 * 1000);
    long n2 = value_of(t, "tk.n");
    CHECK(n1 >= counted);   /* snapshots after the reading were durable before kill -9 */
    CHECK(n2 > n1);         /* and the thread goes on counting */
    CHECK_EQ_U64(value_of(t, "new ticker().n"), 0);   /* the class is still there */
    send(t, ":threads\r");
    CHECK(expect(t, ".ticker.run"));
    CHECK(expect(t, READY));
    send(t, ":classes\r");
    CHECK(expect(t, ".ticker"));
    CHECK(expect(t, READY));
}

/* ---- 2. output while a line is being typed ------------------------------------------------ */

static void background_output(term *t)
{
    CHECK(line(t, "class chatter { void run() { for (int i = 0; i < 3; i++) { .internal.thread.sleep(300); println(\"tick \" + i); } } };"));
    CHECK(line(t, ".internal.thread.start(new chatter());"));
    send(t, "40 +");
    CHECK(expect(t, "tick 0"));
    if (editing)
        CHECK(expect_line(t, "phantom> 40 +"));   /* the half-typed line is drawn again */
    send(t, " 2\r");
    CHECK(expect(t, "42"));
    CHECK(expect(t, "tick 2"));
    if (editing)   /* drawn again below the output; a plain read printed it before */
        CHECK(expect(t, "phantom> "));
}

/* ---- 3. errors, Ctrl-C, multi-line input, commands ------------------------------------------------ */

static void errors_and_commands(term *t)
{
    send(t, "int y = ;\r");
    CHECK(expect(t, "error: expected an expression"));
    CHECK(expect(t, READY));
    send(t, "nosuchname + 1\r");
    CHECK(expect(t, "error: unknown name 'nosuchname'"));
    CHECK(expect(t, READY));
    send(t, "1 + 2\r");
    CHECK(expect(t, "3"));
    CHECK(expect(t, READY));

    send(t, "while (true) { x = x; }\r");
    usleep(400 * 1000);
    send(t, "\x03");
    CHECK(expect(t, "interrupted"));
    CHECK(expect(t, READY));
    send(t, "6 * 7\r");
    CHECK(expect(t, "42"));
    CHECK(expect(t, READY));

    send(t, "if (x > 0) {\r");
    CHECK(expect(t, MORE));
    send(t, "    println(\"positive\");\r");
    CHECK(expect(t, MORE));
    send(t, "}\r");
    CHECK(expect(t, "positive"));
    CHECK(expect(t, READY));

    send(t, "\x03");   /* at the prompt: abandons the line, nothing else */
    CHECK(expect(t, "phantom> "));
    send(t, ":inspect tk\r");
    CHECK(expect(t, ".ticker@"));
    CHECK(expect(t, "n = "));
    CHECK(expect(t, READY));
    send(t, ":snapshot\r");
    CHECK(expect(t, "is durable"));
    CHECK(expect(t, READY));
    send(t, ":stats\r");
    CHECK(expect(t, "threads"));
    CHECK(expect(t, "pauses"));
    CHECK(expect(t, READY));
    send(t, ":help\r");
    CHECK(expect(t, ":inspect EXPR"));
    CHECK(expect(t, READY));
    long th = value_of(t, "th.getId()");
    char cmd[64];
    snprintf(cmd, sizeof cmd, ":kill %ld\r", th);
    send(t, cmd);
    CHECK(expect(t, "killed thread"));
    CHECK(expect(t, READY));
    long a = value_of(t, "tk.n");
    usleep(200 * 1000);
    CHECK_EQ_U64(value_of(t, "tk.n"), a);   /* no longer counting */
    send(t, ":bogus\r");
    CHECK(expect(t, "unknown command"));
    CHECK(expect(t, READY));
    send(t, ":quit\r");
    CHECK(expect(t, "saved"));
    CHECK(term_wait(t) == 0);   /* inputs had errors, but on a terminal they were seen */

    term_start(t);               /* Ctrl-D leaves; the history came back */
    CHECK(expect(t, "resumed"));
    CHECK(expect(t, "phantom> "));
    if (editing) {
        send(t, "\x1b[A");           /* Up: the last input */
        CHECK(expect_line(t, "phantom> :quit"));
        send(t, "\x15");             /* Ctrl-U */
    }
    send(t, "\x04");
    CHECK(term_wait(t) == 0);
}

/* ---- 4. a pipe ---------------------------------------------------------------------------- */

/* Runs the shell on input through a pipe (errors: with_stderr, into out
 * too); its exit status. */
static int piped_all(const char *input, char *out, size_t cap, bool with_stderr)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s/in.txt", dir);
    FILE *f = fopen(cmd, "w");
    REQUIRE(f);
    fputs(input, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s --image %s/pipe.img < %s/in.txt %s", phantom, dir, dir,
             with_stderr ? "2>&1" : "2>/dev/null");
    FILE *p = popen(cmd, "r");
    REQUIRE(p);
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int piped(const char *input, char *out, size_t cap) { return piped_all(input, out, cap, false); }

/* A line longer than any buffer: a 200,000-byte string literal made of
 * statements, so that wherever a reader split it the tail would be code.
 * Its length prints, and nothing inside it runs. */
static void long_line(char *out, size_t cap)
{
    enum { LITERAL = 200000 };
    static const char code[] = "; println(666); ";   /* 16 bytes, a divisor of LITERAL */
    char *in = malloc(LITERAL + 64);
    REQUIRE(in);
    size_t n = (size_t)sprintf(in, "var s = \"");
    for (size_t i = 0; i < LITERAL; i += sizeof code - 1)
        memcpy(in + n + i, code, sizeof code - 1);
    n += LITERAL;
    sprintf(in + n, "\";\ns.length()\n");
    CHECK(piped(in, out, cap) == 0);
    CHECK(!strcmp(out, "200000\n"));
    free(in);
}

static void pipes(void)
{
    char out[4096];
    CHECK(piped("println(1+1);\n", out, sizeof out) == 0);
    CHECK(!strcmp(out, "2\n"));
    CHECK(piped("int a = 20;\nvar inferred = 1;\nvar any;\n", out, sizeof out) == 0);
    CHECK(piped("inferred = \"text\";\n", out, sizeof out) == 1);   /* var x = 1 is an int */
    CHECK(piped("any = \"text\";\nany = 3;\nany + inferred\n", out, sizeof out) == 0);
    CHECK(!strcmp(out, "4\n"));
    CHECK(piped("a + 1\nfor (int i = 0; i < 3; i++) {\n  a += i;\n}\na\n", out, sizeof out) == 0);
    CHECK(!strcmp(out, "21\n23\n"));
    CHECK(piped("println(\"before\");\nint b = ;\nprintln(\"after\");\n", out, sizeof out) == 1);
    CHECK(!strcmp(out, "before\nafter\n"));
    CHECK(piped("class open {\n", out, sizeof out) == 1);   /* ends unfinished */

    char path[256];
    snprintf(path, sizeof path, "%s/greeter.ph", dir);
    FILE *f = fopen(path, "w");
    REQUIRE(f);
    fputs("class greeter { static string hello(string who) { return \"hello \" + who; } };\n"
          "class hi { static void main() { println(greeter.hello(\"thread\")); } };\n", f);
    fclose(f);
    char in[1024];
    snprintf(in, sizeof in, ":load %s\ngreeter.hello(\"world\")\n:run %s\n", path, path);
    CHECK(piped(in, out, sizeof out) == 0);
    CHECK(strstr(out, "\"hello world\"\n") != NULL);
    CHECK(strstr(out, "hello thread\n") != NULL);
    CHECK(piped("greeter.hello(\"again\")\n:classes\n", out, sizeof out) == 0);
    CHECK(strstr(out, "\"hello again\"\n.greeter\n.hi\n") != NULL);
    snprintf(in, sizeof in, ":load %s\n", path);
    CHECK(piped(in, out, sizeof out) == 1);   /* declared twice */
    CHECK(piped(":inspect 1); } }; class evil { static void f() {\n", out, sizeof out) == 1);
    CHECK(piped("class .shell.cell99 { };\n", out, sizeof out) == 1);
    CHECK(piped(":classes all\n", out, sizeof out) == 0);
    CHECK(!strstr(out, ".evil\n") && !strstr(out, ".shell.cell99\n"));
    CHECK(piped("1 + 1\n", out, sizeof out) == 0 && !strcmp(out, "2\n"));   /* still working */
    long_line(out, sizeof out);

    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s --help", phantom);
    FILE *p = popen(cmd, "r");
    REQUIRE(p);
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = 0;
    CHECK(pclose(p) == 0 && strstr(out, "shell"));
    snprintf(cmd, sizeof cmd, "%s shell --help", phantom);
    p = popen(cmd, "r");
    REQUIRE(p);
    n = fread(out, 1, sizeof out - 1, p);
    out[n] = 0;
    CHECK(pclose(p) == 0 && strstr(out, "usage: phantom [shell]"));
}

/* ---- 5. what a newcomer expects ----------------------------------------------------- */

static void newcomer_pty(term *t)
{
    term_start(t);
    CHECK(expect(t, "the last session ended cleanly: nothing was lost"));   /* Ctrl-D took a final snapshot */
    CHECK(expect(t, "phantom> "));
    send(t, "print(\"abc\")\r");
    CHECK(expect(t, "abc\r" READY));   /* ended by a newline, not overwritten by the prompt */
    send(t, "help\r");
    CHECK(expect(t, "Type :help"));
    CHECK(expect(t, READY));
    send(t, "exit\r");
    CHECK(expect(t, "Use :quit or Ctrl-D"));
    CHECK(expect(t, READY));
    send(t, "\"1\"\r");
    CHECK(expect(t, "\"1\"\r"));
    CHECK(expect(t, READY));
    send(t, "int k = 3; k * 2\r");
    CHECK(expect(t, "6\r"));
    CHECK(expect(t, READY));
    send(t, "int sq(int n) { return n*n; }\r");
    CHECK(expect(t, "a function lives in a class"));
    CHECK(expect(t, READY));
    send(t, ":reset\r");
    CHECK(expect(t, "(y/N) "));
    send(t, "n\r");
    CHECK(expect(t, "nothing forgotten"));
    CHECK(expect(t, READY));
    CHECK_EQ_U64(value_of(t, "k"), 3);
    send(t, "\x04");
    CHECK(term_wait(t) == 0);
}

static void newcomer_pipes(void)
{
    char out[8192];
    CHECK(piped("int rx = 1;\nint rx = 2;\nrx\n", out, sizeof out) == 0);   /* the same type */
    CHECK(!strcmp(out, "2\n"));
    CHECK(piped("string rx = \"two\";\nrx\n", out, sizeof out) == 0);        /* another type */
    CHECK(!strcmp(out, "\"two\"\n"));
    CHECK(piped("rx + \"!\"\n", out, sizeof out) == 0);                       /* kept across a restart */
    CHECK(!strcmp(out, "\"two!\"\n"));
    CHECK(piped("\"1\"\n1\n\"a\\tb\\\\\"\n1+2;\nint k2 = 3; k2 * 2\nk2 = 4;\nk2++;\nnull\n", out, sizeof out) == 0);
    CHECK(!strcmp(out, "\"1\"\n1\n\"a\\tb\\\\\"\n3\n6\nnull\n"));
    CHECK(piped(":vars\n", out, sizeof out) == 0);
    CHECK(strstr(out, "rx") && strstr(out, "string") && strstr(out, "\"two\"") && strstr(out, "k2"));
    CHECK(piped(":forget k2\n:vars\n", out, sizeof out) == 0);
    CHECK(!strstr(out, "k2 "));
    CHECK(piped(":forget k2\n", out, sizeof out) == 1);
    CHECK(piped("class twice { };\n", out, sizeof out) == 0);
    CHECK(piped_all("class twice { int f; };\n", out, sizeof out, true) == 0);   /* a new version */
    CHECK(strstr(out, "updated .twice to version 2") && !strstr(out, "declared twice"));
    CHECK(piped_all("class thrower { static void f() { throw new .phantom.Exception(\"x\"); } };\n\nthrower.f()\n",
                    out, sizeof out, true) == 1);
    CHECK(strstr(out, "    at <input>:1\n") && !strstr(out, ".shell."));
    CHECK(piped_all("var obj = new twice();\nprintln(obj);\n:inspect obj\n", out, sizeof out, true) == 0);
    char *at = strstr(out, ".twice@");
    CHECK(at && strchr(at, '\n'));
    if (at) {
        char id[64];
        snprintf(id, sizeof id, "%.*s", (int)strcspn(at, "\n"), at);
        CHECK(strstr(at + strlen(id), id) != NULL);   /* :inspect names it as toString does */
    }
    CHECK(piped(":reset\n", out, sizeof out) == 1);   /* asks, and there is no one to ask */
    CHECK(piped(":reset!\n:vars\n:classes\n", out, sizeof out) == 0);
    CHECK(strstr(out, "no variables") && strstr(out, "no classes"));
    CHECK(piped("rx\n", out, sizeof out) == 1);   /* forgotten for good */
}

/* ---- 6. the README's tour ------------------------------------------------------------ */

/* The indented lines of README.md from "## A short tour" to the next
 * heading, without their 4-space indent; NULL-terminated. */
static char **tour_lines(void)
{
    FILE *f = fopen("README.md", "r");
    REQUIRE(f);
    static char *lines[256];
    static char store[64 << 10];
    size_t n = 0, used = 0;
    bool in = false;
    char l[4096];
    while (fgets(l, sizeof l, f) && n < 255) {
        if (!strncmp(l, "## ", 3)) {
            if (in)
                break;
            in = !strcmp(l, "## A short tour\n");
            continue;
        }
        if (!in || strncmp(l, "    ", 4))
            continue;
        size_t len = strlen(l + 4);
        REQUIRE(used + len + 1 < sizeof store);
        memcpy(store + used, l + 4, len + 1);
        if (len && store[used + len - 1] == '\n')
            store[used + len - 1] = 0;
        lines[n++] = store + used;
        used += len + 1;
    }
    fclose(f);
    lines[n] = NULL;
    return lines;
}

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Whether the shell refused an input: a line of what it showed says
 * "error", other than the engine's warning that snapshots fall behind
 * (the 50 ms interval asked for here, on a loaded machine). */
static bool refused(const char *shown)
{
    for (const char *at = strstr(shown, "error"); at; at = strstr(at + 1, "error")) {
        const char *end = strchr(at, '\n');
        size_t n = end ? (size_t)(end - at) : strlen(at);
        if (!memmem(at, n, "snapshots cannot keep up", strlen("snapshots cannot keep up")))
            return true;
    }
    return false;
}

static void readme_tour(term *t)
{
    static const char input[] = "phantom> ", more[] = "   ...> ";
    char **l = tour_lines();
    int starts = 0, inputs = 0;
    unlink(img);
    const char *last_input = "";
    for (int i = 0; l[i]; i++) {
        if (!strncmp(l[i], "$ ", 2) && strcmp(l[i], "$ make run"))
            break; /* the shell part of the tour ends here */
        if (!strcmp(l[i], "$ make run")) {
            if (starts++) { /* "kill the process from another terminal", a moment later */
                hal_sleep_ns(500 * 1000000ull);
                term_kill9(t);
            }
            term_start(t);
            CHECK(expect(t, READY));
            continue;
        }
        bool is_input = !strncmp(l[i], input, sizeof input - 1), is_more = !strncmp(l[i], more, sizeof more - 1);
        if (is_input || is_more) {
            last_input = l[i] + (is_input ? sizeof input : sizeof more) - 1;
            bool continued = l[i + 1] && !strncmp(l[i + 1], more, sizeof more - 1);
            size_t from = t->from;
            send(t, last_input);
            send(t, "\r");
            CHECK(expect(t, continued ? MORE : READY));
            inputs++;
            char shown[4096];
            snprintf(shown, sizeof shown, "%.*s", (int)(t->from - from), t->buf + from);
            if (refused(shown)) {
                fprintf(stderr, "README tour: '%s' was refused:\n%s\n", last_input, shown);
                CHECK(!"an input of the README's tour was refused");
            }
            continue;
        }
        /* An output line: numbers are checked where they are not a count
         * that depends on timing (the ticker's). */
        if (all_digits(l[i]) && !strstr(last_input, "t.n")) {
            char want[64];
            snprintf(want, sizeof want, "\n%s\r\n", l[i]); /* the terminal ends lines with \r\n */
            const char *shown = t->buf + t->from - (t->from > 200 ? 200 : t->from);
            if (!strstr(shown, want))
                fprintf(stderr, "README tour: '%s' should show %s; it showed:\n%s\n", last_input, l[i], shown);
            CHECK(strstr(shown, want) != NULL);
        }
    }
    CHECK(starts == 2 && inputs >= 10);
    send(t, "\x04");
    CHECK(term_wait(t) == 0);
}

/* ---- 7. line editing (libedit) ------------------------------------------------------ */

/* Sends s a byte at a time, ms apart, as a person types. */
static void type_slowly(term *t, const char *s, int ms)
{
    for (; *s; s++) {
        char one[2] = {*s, 0};
        send(t, one);
        usleep((useconds_t)ms * 1000);
        term_read(t, 0);
    }
}

/* Row r of the screen, trailing blanks left out. */
static void scr_row(term *t, int r, char *out)
{
    int n = t->scr.cols;
    while (n && t->scr.cell[r][n - 1] == ' ')
        n--;
    memcpy(out, t->scr.cell[r], (size_t)n);
    out[n] = 0;
}

/* The window changes size, as a person drags its corner: the kernel
 * sends the shell SIGWINCH.  The screen does not reflow (as xterm).  The
 * shell answers by taking the line out and drawing it again at the new
 * width; this returns once that answer has begun to arrive, so whatever
 * is typed next cannot race the shell's learning of the width (a fixed
 * pause did, on a loaded machine). */
static void term_resize(term *t, int cols)
{
    scr_sync(t);
    size_t before = t->len;
    struct winsize ws = {.ws_row = ROWS, .ws_col = (unsigned short)cols};
    REQUIRE(ioctl(t->fd, TIOCSWINSZ, &ws) == 0);
    t->scr.cols = cols;
    t->scr.c = clamp(t->scr.c, 0, cols - 1);
    t->scr.wrap_pending = false;
    uint64_t end = now_ms() + TIMEOUT_MS;
    while (t->len == before && now_ms() < end)
        term_read(t, 50);
    CHECK(t->len > before);   /* the shell redrew the line */
}

/* Every line of the screen that shows a thread's "tick N" shows only
 * that: output never lands inside the line being typed. */
static bool ticks_clean(term *t)
{
    scr_sync(t);
    int ticks = 0;
    for (int r = 0; r < t->scr.rows; r++) {
        char line[ROWS * COLS + 1];
        scr_line(t, r, line, sizeof line);
        char *at = strstr(line, "tick ");
        if (!at || (at > line && at[-1] == '"'))   /* none, or the ticker's source */
            continue;
        ticks++;
        if (at != line || !all_digits(line + 5)) {
            fprintf(stderr, "a thread's output mixed with the line typed: \"%s\"\n", line);
            return false;
        }
    }
    return ticks > 5;
}

/* Ctrl-V and Ctrl-@ (both a quoted insert in libedit) while a thread
 * prints: the key typed next is the text inserted, never one of the keys
 * the editor gives itself to draw output above the line. */
static void quoted_insert_while_ticking(term *t)
{
    CHECK(line(t, ".internal.thread.start(new ticker());"));
    CHECK(expect(t, "tick "));
    const char quote[] = {0x16, 0x00};
    for (size_t i = 0; i < sizeof quote; i++) {
        REQUIRE(write(t->fd, quote + i, 1) == 1);
        usleep(350000);   /* ticks are due meanwhile */
        send(t, "q");
        CHECK(expect_line(t, "phantom> q"));
        send(t, "\x15");
        CHECK(expect_line(t, "phantom>"));
    }
}

/* Ctrl-D on an empty line ends the shell, status 0, while a thread
 * prints, whenever it is typed: while a statement runs (the terminal is
 * then in canonical mode, where Ctrl-D is the end-of-file mark, a NUL byte
 * once the editor's mode is set), or just as an output shows and the next
 * read begins.  Rounds of each, every one a shell of its own on the same
 * world, with a ticker started again. */
#define CTRL_D_ROUNDS 6

static void ctrl_d_while_ticking(term *t)
{
    for (int round = 0; round < CTRL_D_ROUNDS; round++) {
        if (round) {
            term_start_cols(t, 40);
            CHECK(expect(t, READY));
            CHECK(line(t, ".internal.thread.start(new ticker());"));
            CHECK(expect(t, "tick "));
        }
        if (round % 2 == 0) {
            send(t, "println(\"bu\" + \"sy\"); .internal.thread.sleep(400);\r");
            CHECK(expect(t, "busy\r"));
        } else {
            send(t, "println(\"af\" + \"ter\");\r");
            CHECK(expect(t, "after\r"));
        }
        send(t, "\x04");
        int status = term_wait(t);
        if (status != 0)
            fprintf(stderr, "Ctrl-D (round %d) did not end the shell: status %d\n", round, status);
        CHECK(status == 0);
    }
}

/* The engine's messages come above the line being typed too: the image
 * is deleted while a line is half typed; the error shows on rows of its
 * own and the line, whole, below it. */
static void engine_message_above_line(term *t)
{
    char gone[160];
    snprintf(gone, sizeof gone, "%s/gone.img", dir);
    char *argv[] = {"phantom", "--image", gone, "--snapshot-interval", "50", NULL};
    term_start_argv(t, 40, argv);
    CHECK(expect(t, READY));
    send(t, "println(\"half");
    CHECK(expect_line(t, "phantom> println(\"half"));
    REQUIRE(unlink(gone) == 0);
    CHECK(expect(t, "was deleted or replaced"));
    CHECK(expect_line(t, "phantom> println(\"half"));
    send(t, " done\");\r");
    CHECK(expect(t, "half done\r"));
    send(t, "\x04");
    CHECK(term_wait(t) == 3);   /* the final snapshot had nowhere to go */
}

static void line_editing(term *t)
{
    snprintf(img, sizeof img, "%s/edit.img", dir);
    term_start_cols(t, 40);
    CHECK(expect(t, READY));

    /* A line of three rows, edited in its middle: Ctrl-A, Alt-F, Ctrl-E, Alt-B. */
    send(t, "println(\"one two three four five six seven eight nine ten eleven twelve\");");
    CHECK(expect_line(t, "phantom> println(\"one two three four five six seven eight nine ten eleven twelve\");"));
    send(t, "\x01\x1b" "f\x1b" "f\x1b" "f TWO");
    CHECK(expect_line(t, "phantom> println(\"one two TWO three four five six seven eight nine ten eleven twelve\");"));
    send(t, "\x05\x1b" "b\x1b" "b11 ");
    CHECK(expect_line(t, "phantom> println(\"one two TWO three four five six seven eight nine ten 11 eleven twelve\");"));
    send(t, "\r");
    CHECK(expect(t, "\none two TWO three four five six seven eight nine ten 11 eleven twelve\r"));
    CHECK(expect(t, READY));
    send(t, "println(\"a wide line abandoned with Ctrl-C, three rows of it\")\x01\x03");
    CHECK(expect(t, "^C"));
    CHECK(expect(t, READY));
    CHECK(expect_line(t, "phantom>"));

    /* A class typed over several lines comes back whole with Up, and runs. */
    send(t, "class recall {\r");
    CHECK(expect(t, MORE));
    send(t, "    static int f() { return 6 * 7; }\r");
    CHECK(expect(t, MORE));
    CHECK(line(t, "};"));
    send(t, "recall.f()\r");
    CHECK(expect(t, "\n42\r"));
    CHECK(line(t, ":reset!"));
    send(t, "\x1b[A\x1b[A\x1b[A");
    CHECK(expect_line(t, "};"));
    char row[COLS + 1];
    scr_row(t, t->scr.r - 1, row);
    CHECK(!strcmp(row, "    static int f() { return 6 * 7; }"));
    scr_row(t, t->scr.r - 2, row);
    CHECK(!strcmp(row, "phantom> class recall {"));
    CHECK(line(t, ""));
    send(t, "recall.f() + 1\r");
    CHECK(expect(t, "\n43\r"));
    CHECK(expect(t, READY));

    /* Ctrl-R finds an earlier entry. */
    CHECK(line(t, "println(\"hay\" + \"stack\");"));
    CHECK(line(t, "2 + 2"));
    send(t, "\x12" "hay");
    CHECK(expect(t, "hay"));
    usleep(200 * 1000);
    send(t, "\r");
    CHECK(expect(t, "\nhaystack\r"));
    CHECK(expect(t, READY));

    /* The window narrows and widens while a line is half typed. */
    send(t, "println(\"resi");
    CHECK(expect_line(t, "phantom> println(\"resi"));
    term_resize(t, 30);
    CHECK(expect_line(t, "phantom> println(\"resi"));
    send(t, "zed\" + \" to thirty columns\");");
    CHECK(expect_line(t, "phantom> println(\"resized\" + \" to thirty columns\");"));
    term_resize(t, 40);
    CHECK(expect_line(t, "phantom> println(\"resized\" + \" to thirty columns\");"));
    send(t, "\r");
    CHECK(expect(t, "\nresized to thirty columns\r"));
    CHECK(expect(t, READY));

    /* Tab: variables, a variable's members, a class's package, commands. */
    CHECK(line(t, "int counter = 7;"));
    send(t, "coun\t");
    CHECK(expect_line(t, "phantom> counter"));
    send(t, "\r");
    CHECK(expect(t, "\n7\r"));
    CHECK(line(t, "class pt { var x : int; int norm() { return x + 1; } };"));
    CHECK(line(t, "var p = new pt();"));
    send(t, "p.\t");
    CHECK(expect(t, "norm("));
    CHECK(expect_line(t, "phantom> p."));
    send(t, "no\t");
    CHECK(expect_line(t, "phantom> p.norm("));
    send(t, ")\r");
    CHECK(expect(t, "\n1\r"));
    CHECK(expect(t, READY));
    send(t, ".phantom.util.\t");
    CHECK(expect(t, "mapEntry"));
    send(t, "ma\t");
    CHECK(expect_line(t, "phantom> .phantom.util.map"));
    send(t, "\x15:thr\t");
    CHECK(expect_line(t, "phantom> :threads"));
    send(t, "\x15");

    /* A thread prints every 100 ms while a two-row line is typed. */
    CHECK(line(t, "class ticker { void run() { for (int i = 0; i < 60; i++) { .internal.thread.sleep(100); "
                  "println(\"tick \" + i); } } };"));
    CHECK(line(t, ".internal.thread.start(new ticker());"));
    type_slowly(t, "println(\"typed \" + \"while it ticks\");", 60);
    CHECK(expect_line(t, "phantom> println(\"typed \" + \"while it ticks\");"));
    CHECK(ticks_clean(t));
    send(t, "\r");
    CHECK(expect(t, "typed while it ticks\r"));
    CHECK(expect(t, READY));
    CHECK(ticks_clean(t));
    quoted_insert_while_ticking(t);
    ctrl_d_while_ticking(t);
    engine_message_above_line(t);
}

/* ---- 8. an attached shell's line editor ------------------------------------------------ */

static void attach_editing(term *world)
{
    snprintf(img, sizeof img, "%s/attach.img", dir);
    term_start(world);   /* the shell on its own terminal: the world attach reaches */
    CHECK(expect(world, READY));
    CHECK(line(world, "int shared = 5;"));
    static term t;
    char *attach[] = {"phantom", "attach", "--image", img, NULL};
    term_start_argv(&t, 40, attach);
    CHECK(expect(&t, "attached to"));
    CHECK(expect(&t, READY));

    /* Edited with the keys of the shell's own editor. */
    send(&t, "shared * 10");
    CHECK(expect_line(&t, "phantom> shared * 10"));
    send(&t, "\x01(\x05 + 2)");
    CHECK(expect_line(&t, "phantom> (shared * 10 + 2)"));
    send(&t, "\r");
    CHECK(expect(&t, "\n52\r"));
    CHECK(expect(&t, READY));
    /* A line abandoned with Ctrl-C; the world still waits for the next. */
    send(&t, "println(\"never\")\x03");
    CHECK(expect(&t, "^C"));
    CHECK(expect_line(&t, "phantom>"));
    /* Up recalls what was entered, here and in the shell's history file. */
    send(&t, "\x1b[A");
    CHECK(expect_line(&t, "phantom> (shared * 10 + 2)"));
    send(&t, "\x15");

    /* The world's threads print while a two-row line is typed. */
    CHECK(line(world, "class ticker { void run() { for (int i = 0; i < 60; i++) { .internal.thread.sleep(100); "
                      "println(\"tick \" + i); } } };"));
    CHECK(line(world, ".internal.thread.start(new ticker());"));
    type_slowly(&t, "println(\"typed \" + \"while it ticks\");", 60);
    CHECK(expect_line(&t, "phantom> println(\"typed \" + \"while it ticks\");"));
    CHECK(ticks_clean(&t));
    send(&t, "\r");
    CHECK(expect(&t, "typed while it ticks\r"));
    CHECK(expect(&t, READY));
    CHECK(ticks_clean(&t));

    /* Ctrl-D detaches, even typed while the world runs a statement sent
     * from here; the world goes on. */
    send(&t, "println(\"bu\" + \"sy\"); .internal.thread.sleep(400);\r");
    CHECK(expect(&t, "busy\r"));
    send(&t, "\x04");
    CHECK(term_wait(&t) == 0);
    CHECK(line(world, "println(\"after \" + shared);"));
    CHECK(expect(world, "after 5"));
    char hist[160], *h = NULL;
    snprintf(hist, sizeof hist, "%s/history", dir);
    FILE *f = fopen(hist, "r");
    if (f) {
        static char all[65536];
        size_t n = fread(all, 1, sizeof all - 1, f);
        all[n] = 0;
        h = strstr(all, "(shared * 10 + 2)");
        fclose(f);
    }
    CHECK(h != NULL);   /* the attached shell's entries are in the history file */
    CHECK(expect(world, "tick 59"));
    send(world, "\x04");
    CHECK(term_wait(world) == 0);
}

int main(void)
{
    const char *b = getenv("BUILD");
    snprintf(phantom, sizeof phantom, "%s/phantom", b && *b ? b : "build");
    if (phantom[0] != '/') {
        char cwd[256];
        REQUIRE(getcwd(cwd, sizeof cwd));
        char abs[800];
        snprintf(abs, sizeof abs, "%s/%s", cwd, phantom);
        snprintf(phantom, sizeof phantom, "%s", abs);
    }
    snprintf(dir, sizeof dir, "/tmp/phantom-shellpty-XXXXXX");
    REQUIRE(mkdtemp(dir));
    snprintf(img, sizeof img, "%s/w.img", dir);
    static term t;
    editing = hal_lineedit_has_editing();
    persistence(&t);
    background_output(&t);
    errors_and_commands(&t);
    pipes();
    newcomer_pty(&t);
    newcomer_pipes();
    readme_tour(&t);
    if (editing) {
        line_editing(&t);
        attach_editing(&t);
    } else
        printf("shell_pty: skipped the line-editing checks: built without libedit (apt-get install libedit-dev)\n");
    if (!t_failures)
        t_remove_dir(dir);
    return test_done("shell_pty");
}
