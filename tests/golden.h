/*
 * golden.h - the harness of the golden-output suites (tests/unit/vm_run.c,
 * lib_run.c): runs every DIR/NAME.EXT through `$BUILD/phantom run` and
 * compares what a user would see.
 *
 * For each program, in name order, with a fresh world in a temporary
 * directory, run from the repository root as
 *     $BUILD/phantom run --image TMP/NAME.img [PRE_ARGS...] DIR/NAME.EXT
 * with standard input from NAME.in (or /dev/null without one):
 *   - standard output must equal NAME.out exactly;
 *   - standard error must contain each line of NAME.err as a substring, in
 *     order (one line may not match twice); without NAME.err it must be
 *     empty;
 *   - the exit status must equal the number in NAME.code (default 0);
 *   - a program still running after 20 s is killed and fails.
 *
 * A suite's main() names its directory and calls golden_main().  The
 * program takes an optional name filter; PHANTOM_UPDATE_GOLDEN=1 rewrites
 * the .out files (then review them by eye).  Header-only, like testlib.h:
 * each test program is built from one file.
 */
#ifndef PHANTOM_TESTS_GOLDEN_H
#define PHANTOM_TESTS_GOLDEN_H

#include "testlib.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>

#define TIMEOUT_MS 20000
#define MAX_OUTPUT (16u << 20)   /* per stream; more is cut (and then fails) */

/* A suite: which programs, how to run them. */
typedef struct golden_suite {
    const char *name;                /* "vm_run": messages, temp dir, summary */
    const char *dir;                 /* where NAME.EXT, .out, .err, .code, .in live */
    const char *ext;                 /* ".pasm", ".ph" */
    const char *const *pre_args;     /* before the program on the command line, NULL-ended */
} golden_suite;

static const golden_suite *suite;

/* Host resources the harness cannot do without (memory, pipes, fork). */
static void need(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "%s: %s: %s\n", suite->name, what, strerror(errno));
        exit(1);
    }
}

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *q = realloc(b->p, cap);
        need(q != NULL, "out of memory");
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void buf_free(buf *b)
{
    free(b->p);
    *b = (buf){0};
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The whole file at path into b; false if it cannot be read. */
static bool read_file(const char *path, buf *b)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char tmp[8192];
    size_t n;
    buf_add(b, "", 0);
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_add(b, tmp, n);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

static bool write_file(const char *path, const buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(b->p ? b->p : "", 1, b->n, f) == b->n;
    return fclose(f) == 0 && ok;
}

/* What an interrupted run must clean up: the program running, its world,
 * the temporary directory (only async-signal-safe calls in the handler). */
static volatile pid_t child_pid;
static char tmpdir[256], cur_img[512];

static void on_signal(int sig)
{
    if (child_pid > 0)
        kill(child_pid, SIGKILL);
    if (cur_img[0])
        unlink(cur_img);
    if (tmpdir[0])
        rmdir(tmpdir);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* ---- running one program -------------------------------------------------------- */

typedef struct result {
    buf out, err;
    int status;        /* from waitpid */
    bool timed_out;
    int64_t ms;
} result;

/* Runs argv (argv[0] a path) with stdin from the file input, collecting
 * stdout and stderr; kills it after TIMEOUT_MS. */
static void run(char *const argv[], const char *input, result *r)
{
    int po[2], pe[2];
    need(pipe2(po, O_CLOEXEC) == 0 && pipe2(pe, O_CLOEXEC) == 0, "pipe");
    fflush(NULL);
    int64_t t0 = now_ms();
    pid_t pid = fork();
    need(pid >= 0, "fork");
    if (pid == 0) {
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        int in = open(input, O_RDONLY);
        if (in >= 0)
            dup2(in, 0);
        dup2(po[1], 1);
        dup2(pe[1], 2);
        execv(argv[0], argv);
        dprintf(2, "exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    child_pid = pid;
    close(po[1]);
    close(pe[1]);
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    buf *dst[2] = {&r->out, &r->err};
    int open_fds = 2;
    while (open_fds) {
        int64_t left = TIMEOUT_MS - (now_ms() - t0);
        if (left <= 0) {
            r->timed_out = true;
            kill(pid, SIGKILL);
            break;
        }
        int n = poll(fds, 2, (int)left);
        if (n < 0 && errno == EINTR)
            continue;
        need(n >= 0, "poll");
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char tmp[65536];
            ssize_t k = read(fds[i].fd, tmp, sizeof tmp);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else if (dst[i]->n < MAX_OUTPUT) {
                buf_add(dst[i], tmp, (size_t)k);
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    buf_add(&r->out, "", 0);
    buf_add(&r->err, "", 0);
    while (waitpid(pid, &r->status, 0) < 0)
        need(errno == EINTR, "waitpid");
    child_pid = 0;
    r->ms = now_ms() - t0;
}

/* ---- reporting ------------------------------------------------------------------ */

typedef struct lines {
    const char **s;
    size_t *len;
    size_t n;
} lines;

/* Splits text into lines (without their '\n'); a last line without '\n' counts. */
static void split(const char *text, size_t n, lines *l)
{
    size_t cap = 16;
    l->s = malloc(cap * sizeof *l->s);
    l->len = malloc(cap * sizeof *l->len);
    need(l->s && l->len, "out of memory");
    l->n = 0;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        if (l->n == cap) {
            cap *= 2;
            l->s = realloc(l->s, cap * sizeof *l->s);
            l->len = realloc(l->len, cap * sizeof *l->len);
            need(l->s && l->len, "out of memory");
        }
        l->s[l->n] = text + i;
        l->len[l->n++] = e - i;
        i = e + 1;
    }
}

static bool line_eq(const lines *a, size_t i, const lines *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->s[i], b->s[j], a->len[i]) == 0;
}

#define DIFF_MAX_LINES 2000
#define DIFF_SHOW 80

/* Prints a line diff of expected vs got: ' ' both, '-' expected only,
 * '+' got only; long runs of equal lines are elided. */
static void print_diff(const buf *exp, const buf *got)
{
    lines a, b;
    split(exp->p ? exp->p : "", exp->n, &a);
    split(got->p ? got->p : "", got->n, &b);
    printf("    --- expected\n    +++ got\n");
    bool nl_a = exp->n && exp->p[exp->n - 1] == '\n', nl_b = got->n && got->p[got->n - 1] == '\n';
    if (a.n > DIFF_MAX_LINES || b.n > DIFF_MAX_LINES) {
        size_t i = 0;
        while (i < a.n && i < b.n && line_eq(&a, i, &b, i))
            i++;
        printf("    (long output: first difference at line %zu)\n", i + 1);
        if (i < a.n)
            printf("    -%.*s\n", (int)a.len[i], a.s[i]);
        if (i < b.n)
            printf("    +%.*s\n", (int)b.len[i], b.s[i]);
    } else {
        /* LCS table: L[i][j] = LCS length of a[i..], b[j..] */
        size_t w = b.n + 1;
        uint32_t *L = calloc((a.n + 1) * w, sizeof *L);
        need(L != NULL, "out of memory");
        for (size_t i = a.n; i-- > 0;)
            for (size_t j = b.n; j-- > 0;)
                L[i * w + j] = line_eq(&a, i, &b, j) ? L[(i + 1) * w + j + 1] + 1
                             : L[(i + 1) * w + j] > L[i * w + j + 1] ? L[(i + 1) * w + j] : L[i * w + j + 1];
        size_t i = 0, j = 0, shown = 0, same = 0;
        while ((i < a.n || j < b.n) && shown < DIFF_SHOW) {
            if (i < a.n && j < b.n && line_eq(&a, i, &b, j)) {
                /* keep 2 lines of context around changes */
                bool near = false;
                for (size_t k = 1; k <= 2 && !near; k++)
                    near = (i + k < a.n && j + k < b.n && !line_eq(&a, i + k, &b, j + k)) ||
                           i + k == a.n || j + k == b.n;
                if (near || same < 2) {
                    printf("     %.*s\n", (int)a.len[i], a.s[i]);
                    shown++;
                } else if (same == 2) {
                    printf("     ...\n");
                }
                same++;
                i++, j++;
            } else if (i < a.n && (j == b.n || L[(i + 1) * w + j] >= L[i * w + j + 1])) {
                printf("    -%.*s\n", (int)a.len[i], a.s[i]);
                shown++, same = 0, i++;
            } else {
                printf("    +%.*s\n", (int)b.len[j], b.s[j]);
                shown++, same = 0, j++;
            }
        }
        if (shown >= DIFF_SHOW)
            printf("    (diff cut after %d lines)\n", DIFF_SHOW);
        free(L);
    }
    if (nl_a != nl_b && exp->n && got->n)
        printf("    (%s ends without a newline)\n", nl_a ? "got" : "expected");
    free(a.s);
    free(a.len);
    free(b.s);
    free(b.len);
}

/* Prints text indented, at most max lines. */
static void print_indented(const char *what, const buf *b, size_t max)
{
    lines l;
    split(b->p ? b->p : "", b->n, &l);
    printf("    %s (%zu line%s):\n", what, l.n, l.n == 1 ? "" : "s");
    for (size_t i = 0; i < l.n && i < max; i++)
        printf("    | %.*s\n", (int)l.len[i], l.s[i]);
    if (l.n > max)
        printf("    | ... %zu more\n", l.n - max);
    free(l.s);
    free(l.len);
}

/* Each line of want must occur in err, in order, each match after the last. */
static bool err_matches(const buf *want, const buf *err, const char **missing, size_t *missing_len)
{
    lines l;
    split(want->p ? want->p : "", want->n, &l);
    const char *pos = err->p ? err->p : "";
    bool ok = true;
    for (size_t i = 0; i < l.n && ok; i++) {
        if (l.len[i] == 0)
            continue;
        char *needle = strndup(l.s[i], l.len[i]);
        need(needle != NULL, "out of memory");
        const char *hit = strstr(pos, needle);
        free(needle);
        if (hit) {
            pos = hit + l.len[i];
        } else {
            ok = false;
            *missing = l.s[i];
            *missing_len = l.len[i];
        }
    }
    free(l.s);
    free(l.len);
    return ok;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Removes every file in dir (the worlds and whatever the engine kept beside them), then dir. */
static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char p[600];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d)
        closedir(d);
    CHECK(rmdir(dir) == 0);
}

/* ---- the suite ---------------------------------------------------------------------- */

static const char *phantom;
static bool update;

/* Runs DIR/NAME.EXT and checks it; true if it passed. */
static bool one(const char *name)
{
    char src[512], img[512], outp[512], errp[512], codep[512], inp[512];
    snprintf(src, sizeof src, "%s/%s%s", suite->dir, name, suite->ext);
    snprintf(img, sizeof img, "%s/%s.img", tmpdir, name);
    memcpy(cur_img, img, sizeof cur_img);
    snprintf(outp, sizeof outp, "%s/%s.out", suite->dir, name);
    snprintf(errp, sizeof errp, "%s/%s.err", suite->dir, name);
    snprintf(codep, sizeof codep, "%s/%s.code", suite->dir, name);
    snprintf(inp, sizeof inp, "%s/%s.in", suite->dir, name);
    if (access(inp, R_OK) != 0)
        snprintf(inp, sizeof inp, "/dev/null");

    buf want_out = {0}, want_err = {0}, code_text = {0};
    bool have_out = read_file(outp, &want_out);
    bool have_err = read_file(errp, &want_err);
    int want_code = 0;
    if (read_file(codep, &code_text))
        want_code = atoi(code_text.p);

    char *argv[16] = {(char *)phantom, "run", "--image", img};
    int argn = 4;
    for (const char *const *a = suite->pre_args; a && *a && argn < 14; a++)
        argv[argn++] = (char *)*a;
    argv[argn++] = src;
    argv[argn] = NULL;
    result r = {0};
    run(argv, inp, &r);
    unlink(img);

    bool ok = true;
    char why[600] = "";
    size_t wl = 0;
    if (r.timed_out) {
        ok = false;
        t_append(why, sizeof why, &wl, " timed out after %d s;", TIMEOUT_MS / 1000);
    } else if (WIFSIGNALED(r.status)) {
        ok = false;
        t_append(why, sizeof why, &wl, " killed by signal %d;", WTERMSIG(r.status));
    } else if (WEXITSTATUS(r.status) != want_code) {
        ok = false;
        t_append(why, sizeof why, &wl, " exit status %d, expected %d;", WEXITSTATUS(r.status), want_code);
    }
    bool out_ok = have_out && want_out.n == r.out.n && memcmp(want_out.p, r.out.p, r.out.n) == 0;
    if (update && !out_ok && !r.timed_out) {
        if (write_file(outp, &r.out)) {
            printf("  updated %s\n", outp);
            out_ok = true;
        } else {
            t_append(why, sizeof why, &wl, " cannot write %s;", outp);
        }
    }
    if (!out_ok) {
        ok = false;
        t_append(why, sizeof why, &wl, have_out ? " standard output differs;" : " no %s.out;", name);
    }
    const char *missing = NULL;
    size_t missing_len = 0;
    bool err_ok = have_err ? err_matches(&want_err, &r.err, &missing, &missing_len) : r.err.n == 0;
    if (!err_ok) {
        ok = false;
        if (have_err)
            t_append(why, sizeof why, &wl, " standard error lacks \"%.*s\" (in order);", (int)missing_len, missing);
        else
            t_append(why, sizeof why, &wl, " unexpected standard error;");
    }
    t_checks++;
    if (ok) {
        printf("ok   %-28s %5lld ms\n", name, (long long)r.ms);
    } else {
        t_failures++;
        printf("FAIL %-28s %5lld ms:%s\n", name, (long long)r.ms, why);
        if (!out_ok && have_out)
            print_diff(&want_out, &r.out);
        else if (!out_ok)
            print_indented("standard output", &r.out, 40);
        if (!err_ok || r.err.n)
            print_indented("standard error", &r.err, 40);
    }
    fflush(stdout);
    buf_free(&want_out);
    buf_free(&want_err);
    buf_free(&code_text);
    buf_free(&r.out);
    buf_free(&r.err);
    return ok;
}

/* The whole suite: every program in the directory, or those whose names
 * contain argv[1].  The test's exit status. */
static int golden_main(const golden_suite *s, int argc, char **argv)
{
    suite = s;
    const char *build = getenv("BUILD");
    static char path[512];
    snprintf(path, sizeof path, "%s/phantom", build && *build ? build : "build");
    phantom = path;
    update = getenv("PHANTOM_UPDATE_GOLDEN") && strcmp(getenv("PHANTOM_UPDATE_GOLDEN"), "1") == 0;
    const char *filter = argc > 1 ? argv[1] : NULL;
    REQUIRE(access(phantom, X_OK) == 0);

    DIR *d = opendir(s->dir);
    if (!d)
        fprintf(stderr, "%s: cannot open %s (run from the repository root)\n", s->name, s->dir);
    REQUIRE(d);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!ends_with(e->d_name, s->ext) || e->d_name[0] == '.')
            continue;
        size_t len = strlen(e->d_name) - strlen(s->ext);
        char *nm = strndup(e->d_name, len);
        need(nm != NULL, "out of memory");
        if (filter && !strstr(nm, filter)) {
            free(nm);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            need(names != NULL, "out of memory");
        }
        names[n++] = nm;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    REQUIRE(n > 0);

    const char *tmp = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", s->name);
    REQUIRE(mkdtemp(tmpdir));
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);

    int64_t t0 = now_ms();
    size_t passed = 0;
    for (size_t i = 0; i < n; i++) {
        passed += one(names[i]);
        free(names[i]);
    }
    free(names);
    remove_tree(tmpdir);
    printf("%zu of %zu programs passed in %.1f s\n", passed, n, (double)(now_ms() - t0) / 1000.0);
    return test_done(s->name);
}

#endif
