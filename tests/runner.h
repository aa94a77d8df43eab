/*
 * runner.h - what the suites that run `phantom` as a child share
 * (tests/golden.h, tests/unit/lang_run.c): growable text buffers, whole
 * files, running a command with its output collected and a time limit,
 * a line diff, and in-order matching of expected lines.
 *
 * The includer sets runner_name (for messages) and the temporary
 * directory tmpdir; an interrupt kills the child and removes cur_img and
 * an empty tmpdir.  Header-only, like testlib.h.
 */
#ifndef PHANTOM_TESTS_RUNNER_H
#define PHANTOM_TESTS_RUNNER_H

#include "testlib.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>

/* A program's time limit: 20 s, or $TEST_TIMEOUT_MS (the sanitizer pass of
 * tests/run-all.sh sets 60 s: programs there run several times slower, and
 * a busy machine must not turn that into a failure). */
static inline int runner_timeout_ms(void)
{
    const char *env = getenv("TEST_TIMEOUT_MS");
    int ms = env && *env ? atoi(env) : 0;
    return ms > 0 ? ms : 20000;
}
#define TIMEOUT_MS runner_timeout_ms()
#define MAX_OUTPUT (16u << 20)   /* per stream; more is cut (and then fails) */

static const char *runner_name = "test";

/* Host resources the harness cannot do without (memory, pipes, fork). */
static inline void need(bool ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "%s: %s: %s\n", runner_name, what, strerror(errno));
        exit(1);
    }
}

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static inline void buf_add(buf *b, const char *s, size_t n)
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

/* Appends formatted text, at most 1 KiB of it (more is cut). */
static inline void buf_vaddf(buf *b, const char *fmt, va_list ap)
{
    char tmp[1024];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    buf_add(b, tmp, (size_t)(n < 0 ? 0 : n < (int)sizeof tmp ? n : (int)sizeof tmp - 1));
}

static inline void buf_addf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void buf_addf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vaddf(b, fmt, ap);
    va_end(ap);
}

static inline void buf_free(buf *b)
{
    free(b->p);
    *b = (buf){0};
}

static inline int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The whole file at path into b; false if it cannot be read. */
static inline bool read_file(const char *path, buf *b)
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

static inline bool write_file(const char *path, const buf *b)
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

/* tmpdir/name into out. */
static inline void path_in(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", tmpdir, name); }

/* Writes text to tmpdir/name (the harness exits if it cannot). */
static inline void put(const char *name, const char *text)
{
    char p[600];
    path_in(p, sizeof p, name);
    buf b = {0};
    buf_add(&b, text, strlen(text));
    need(write_file(p, &b), "write a test file");
    buf_free(&b);
}

static inline void on_signal(int sig)
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

/* For a test that runs the command itself: names the test, puts the
 * command's absolute path ($BUILD/phantom, BUILD from the environment,
 * default build) in phantom, makes tmpdir (/tmp/phantom-NAME.XXXXXX) and
 * lets an interrupt clean up. */
static inline void runner_start(const char *name, char *phantom, size_t len)
{
    runner_name = name;
    const char *b = getenv("BUILD");
    char cwd[256];
    need(getcwd(cwd, sizeof cwd) != NULL, "getcwd");
    snprintf(phantom, len, "%s/%s/phantom", cwd, b && *b ? b : "build");
    snprintf(tmpdir, sizeof tmpdir, "/tmp/phantom-%s.XXXXXX", name);
    need(mkdtemp(tmpdir) != NULL, "mkdtemp");
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
}

/* ---- running one program -------------------------------------------------------- */

typedef struct result {
    buf out, err;
    int status;        /* from waitpid */
    bool timed_out;
    int64_t ms;
    long max_rss_kb;   /* the child's peak resident size */
} result;

static inline void result_free(result *r)
{
    buf_free(&r->out);
    buf_free(&r->err);
}

/* Runs argv (argv[0] a path) in directory dir (NULL: this one) with
 * stdin from the file input, collecting stdout and stderr; kills it after
 * TIMEOUT_MS. */
static inline void run(char *const argv[], const char *input, const char *dir, result *r)
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
        if (dir && chdir(dir) != 0) {
            dprintf(2, "chdir %s: %s\n", dir, strerror(errno));
            _exit(127);
        }
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
    struct rusage ru;
    while (wait4(pid, &r->status, 0, &ru) < 0)
        need(errno == EINTR, "wait4");
    r->max_rss_kb = ru.ru_maxrss;
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
static inline void split(const char *text, size_t n, lines *l)
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

static inline bool line_eq(const lines *a, size_t i, const lines *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->s[i], b->s[j], a->len[i]) == 0;
}

#define DIFF_MAX_LINES 2000
#define DIFF_SHOW 80

/* Prints a line diff of expected vs got: ' ' both, '-' expected only,
 * '+' got only; long runs of equal lines are elided. */
static inline void print_diff(const buf *exp, const buf *got)
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
static inline void print_indented(const char *what, const buf *b, size_t max)
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
static inline bool err_matches(const buf *want, const buf *err, const char **missing, size_t *missing_len)
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


/* ---- helpers of the corpus suites (wasm_run, java_run) ---------------------------- */

/* Sorted names in dir ending with ext (without it), containing filter
 * (NULL: all); *out is malloc'd, each name too. */
static inline int runner_list(const char *dir, const char *ext, const char *filter, char ***out)
{
    DIR *d = opendir(dir);
    need(d != NULL, dir);
    char **v = NULL;
    int n = 0;
    struct dirent *e;
    size_t el = strlen(ext);
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l <= el || strcmp(e->d_name + l - el, ext) || (filter && !strstr(e->d_name, filter)))
            continue;
        v = realloc(v, (size_t)(n + 1) * sizeof *v);
        need(v != NULL, "out of memory");
        v[n++] = strndup(e->d_name, l - el);
    }
    closedir(d);
    for (int i = 1; i < n; i++)   /* insertion sort: a handful of names */
        for (int j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
            char *t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    *out = v;
    return n;
}

/* Runs a shell command; false (after saying so) if it failed. */
static inline bool runner_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline bool runner_sh(const char *fmt, ...)
{
    char cmd[4000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    int rc = system(cmd);
    if (rc != 0)
        printf("  command failed (%d): %s\n", rc, cmd);
    return rc == 0;
}

/* The lines of the file at path (program arguments), into argv from
 * argn on (at most 60 in all); the new count.  text keeps the bytes. */
static inline int runner_args(const char *path, char **argv, int argn, buf *text)
{
    if (!read_file(path, text))
        return argn;
    for (char *p = text->p; p && *p && argn < 60;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        argv[argn++] = p;
        p = nl ? nl + 1 : NULL;
    }
    return argn;
}

static inline int runner_status(const result *r)
{
    return WIFEXITED(r->status) ? WEXITSTATUS(r->status) : 128 + WTERMSIG(r->status);
}

/* One check's line: "ok   KIND NAME" or "FAIL KIND NAME: why". */
static inline void runner_report(bool ok, const char *kind, const char *name, const char *why)
{
    t_checks++;
    if (ok) {
        printf("ok   %s %s\n", kind, name);
    } else {
        t_failures++;
        printf("FAIL %s %s: %s\n", kind, name, why);
    }
    fflush(stdout);
}

#endif
