/*
 * mutants.c - a mutation fuzzer over the project's own valid programs.
 *
 * Every .pasm under tests/vm and every .ph under tests/lang is a seed.  A
 * mutant is a seed with one to three token-level edits (a token deleted,
 * repeated, swapped for another of the same program, or replaced by an
 * interesting one: 0, -1, 2147483647, null, "", this, ...) or byte-level
 * ones (a bit flipped, a byte inserted or deleted).  Each mutant is run as
 *
 *     $BUILD/phantom run --image <fresh dir>/w.img --memory-limit 256M MUTANT
 *
 * in a child process with standard input from /dev/null, killed after
 * MUTANT_TIMEOUT_S seconds (a mutant may well loop forever: that is not a
 * defect).  Compile errors, uncaught exceptions and exit statuses are all
 * fine; a death by a signal the test did not send (SIGSEGV, SIGABRT, ...)
 * or a sanitizer's report (exit status 99, "ERROR: AddressSanitizer",
 * "runtime error:") is a defect: the mutant is saved under $FUZZ_ARTIFACTS
 * (default /tmp) and the seed and a command that reruns it are printed.
 *
 *   MUTATION_SECONDS  how long to run (default 30)
 *   SEED              the run's seed (default: from the clock; printed)
 *   ONLY              run only mutant number ONLY of that seed
 *
 * Mutant i of a run is determined by SEED and i alone, so SEED=s ONLY=i
 * makes it again.  Run from the repository root (run-all.sh does).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"

#define MUTANT_TIMEOUT_S 5
#define SANITIZER_EXIT 99
#define MAX_SEEDS 4096
#define STDERR_KEPT 65536

static char phantom[512], dir[64], artifacts[256];

/* ---- the seeds --------------------------------------------------------------------------- */

typedef struct seed { char *path; char *text; size_t len; } seed;
static seed seeds[MAX_SEEDS];
static int nseeds;

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

static void collect(const char *path, const char *ext)
{
    DIR *d = opendir(path);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && nseeds < MAX_SEEDS) {
        if (e->d_name[0] == '.')
            continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        struct stat st;
        if (stat(sub, &st) < 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            collect(sub, ext);
        } else if (ends_with(sub, ext) && st.st_size > 0 && st.st_size < (1 << 20)) {
            FILE *f = fopen(sub, "rb");
            if (!f)
                continue;
            seed *s = &seeds[nseeds];
            s->text = malloc((size_t)st.st_size + 1);
            REQUIRE(s->text);
            s->len = fread(s->text, 1, (size_t)st.st_size, f);
            s->text[s->len] = 0;
            fclose(f);
            s->path = strdup(sub);
            nseeds++;
        }
    }
    closedir(d);
}

static int by_path(const void *a, const void *b) { return strcmp(((const seed *)a)->path, ((const seed *)b)->path); }

/* ---- mutation ---------------------------------------------------------------------------- */

/* A token: [start, start + len) of the text.  Identifiers and numbers,
 * string literals, comments and single punctuation characters; spaces
 * separate tokens and are not tokens. */
typedef struct tok { size_t start, len; } tok;

static size_t tokenize(const char *s, size_t n, tok *out, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < max;) {
        unsigned char c = (unsigned char)s[i];
        size_t j = i + 1;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
            continue;
        }
        if (c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            while (j < n && (s[j] == '_' || (s[j] >= '0' && s[j] <= '9') || (s[j] >= 'a' && s[j] <= 'z') ||
                             (s[j] >= 'A' && s[j] <= 'Z')))
                j++;
        } else if (c == '"') {
            while (j < n && s[j] != '"' && s[j] != '\n')
                j += s[j] == '\\' ? 2 : 1;
            j = j < n ? j + 1 : n;
        }
        out[k++] = (tok){i, j - i};
        i = j;
    }
    return k;
}

static const char *const interesting[] = {
    "0", "1", "-1", "2", "255", "256", "65535", "65536", "2147483647", "-2147483648", "4294967295",
    "9223372036854775807", "-9223372036854775808", "1e308", "-0.0", "0x7fffffff", "null", "true", "false",
    "\"\"", "\"x\"", "this", "super", "new", "return", ";", "{", "}", "(", ")", "[", "]", ",", ".", "+", "-", "*",
    "/", "%", "=", "==", "!", "<<", ">>", "var", "int", "long", "string", "void", "static", "class", "while",
    "throw", "try", "catch", "synchronized", "foreach", "in", "pop", "dup", "swap", "ret", "jmp", "iconst 0",
    "iconst -1", "aconst_null", "invokestatic", "invokevirtual", "getfield", "putfield", "new", "checkcast",
    ".internal.string", ".internal.int", ".internal.thread", ".internal.array", ".internal.object", "0.5",
};

typedef struct rng { uint64_t s; } rng;
static uint64_t next(rng *r) { return t_rand(&r->s); }
static size_t below(rng *r, size_t n) { return n ? (size_t)(next(r) % n) : 0; }

typedef struct text { char *p; size_t n, cap; } text;

static void put(text *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        REQUIRE(t->p);
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
    t->p[t->n] = 0;
}

/* One token-level edit of src into a new text. */
static text token_edit(rng *r, const char *src, size_t n)
{
    static tok toks[1 << 16];
    size_t nt = tokenize(src, n, toks, sizeof toks / sizeof toks[0]);
    text t = {0};
    if (!nt) {
        put(&t, src, n);
        return t;
    }
    size_t at = below(r, nt), other = below(r, nt);
    int op = (int)below(r, 4);
    size_t a = toks[at].start, b = a + toks[at].len;
    put(&t, src, a);
    switch (op) {
    case 0: break;                                                             /* delete */
    case 1: put(&t, src + a, b - a); put(&t, " ", 1); put(&t, src + a, b - a); break;   /* repeat */
    case 2: put(&t, src + toks[other].start, toks[other].len); break;          /* another of the program's */
    default: {
        const char *w = interesting[below(r, sizeof interesting / sizeof interesting[0])];
        put(&t, w, strlen(w));
        break;
    }
    }
    put(&t, src + b, n - b);
    return t;
}

/* One byte-level edit. */
static text byte_edit(rng *r, const char *src, size_t n)
{
    text t = {0};
    put(&t, src, n);
    size_t at = below(r, n);
    switch (below(r, 3)) {
    case 0: if (n) t.p[at] ^= (char)(1u << below(r, 8)); break;
    case 1: {
        char c = (char)below(r, 256);
        t.n = 0;
        put(&t, src, at);
        put(&t, &c, 1);
        put(&t, src + at, n - at);
        break;
    }
    default: {
        size_t len = 1 + below(r, 8);
        t.n = 0;
        put(&t, src, at);
        if (at + len < n)
            put(&t, src + at + len, n - at - len);
        break;
    }
    }
    return t;
}

/* Mutant i of the run with seed s: its seed program and its text. */
static text make_mutant(uint64_t s, uint64_t i, const seed **from)
{
    rng r = {t_hash_mix(s, i) | 1};
    const seed *sd = &seeds[below(&r, (size_t)nseeds)];
    *from = sd;
    text t = {0};
    put(&t, sd->text, sd->len);
    int edits = 1 + (int)below(&r, 3);
    for (int e = 0; e < edits; e++) {
        text m = below(&r, 4) ? token_edit(&r, t.p, t.n) : byte_edit(&r, t.p, t.n);
        free(t.p);
        t = m;
    }
    return t;
}

/* ---- running one --------------------------------------------------------------------------- */

typedef struct outcome { bool defect; char why[160]; } outcome;

static outcome run_mutant(const char *mutant_path, char *err, size_t cap)
{
    char img[128], errpath[128];
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(errpath, sizeof errpath, "%s/stderr.txt", dir);
    unlink(img);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setpgid(0, 0);
        int in = open("/dev/null", O_RDONLY), out = open("/dev/null", O_WRONLY),
            er = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || er < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(er, 2) < 0)
            _exit(126);
        setrlimit(RLIMIT_CORE, &(struct rlimit){0, 0});
        execl(phantom, "phantom", "run", "--image", img, "--memory-limit", "256M", mutant_path, (char *)NULL);
        _exit(127);
    }
    int st = 0;
    bool killed = false;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid)
            break;
        REQUIRE(w == 0 || errno == EINTR);
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (!killed && t1.tv_sec - t0.tv_sec >= MUTANT_TIMEOUT_S) {
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            killed = true;
        }
        usleep(2000);
    }
    err[0] = 0;
    FILE *f = fopen(errpath, "r");
    if (f) {
        size_t n = fread(err, 1, cap - 1, f);
        err[n] = 0;
        fclose(f);
    }
    outcome o = {0};
    if (WIFSIGNALED(st) && !(killed && WTERMSIG(st) == SIGKILL)) {
        o.defect = true;
        snprintf(o.why, sizeof o.why, "killed by signal %d (%s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
    } else if (WIFEXITED(st) && WEXITSTATUS(st) == SANITIZER_EXIT) {
        o.defect = true;
        snprintf(o.why, sizeof o.why, "a sanitizer's report (exit status %d)", SANITIZER_EXIT);
    } else if (strstr(err, "ERROR: AddressSanitizer") || strstr(err, "runtime error:")) {
        o.defect = true;
        snprintf(o.why, sizeof o.why, "a sanitizer's report on standard error");
    }
    return o;
}

int main(void)
{
    const char *b = getenv("BUILD");
    snprintf(phantom, sizeof phantom, "%s/phantom", b && *b ? b : "build");
    if (phantom[0] != '/') {
        char cwd[256], abs[800];
        REQUIRE(getcwd(cwd, sizeof cwd));
        snprintf(abs, sizeof abs, "%s/%s", cwd, phantom);
        snprintf(phantom, sizeof phantom, "%s", abs);
    }
    const char *a = getenv("FUZZ_ARTIFACTS");
    snprintf(artifacts, sizeof artifacts, "%s", a && *a ? a : "/tmp");
    const char *secs = getenv("MUTATION_SECONDS");
    long budget = secs && *secs ? atol(secs) : 30;
    const char *only = getenv("ONLY");
    uint64_t seed_value = t_seed("mutants");
    /* the children's sanitizers: a report is an exit status of its own; leaks are not looked for */
    setenv("ASAN_OPTIONS", "exitcode=99:detect_leaks=0:abort_on_error=0:handle_segv=1:allow_user_segv_handler=1", 1);
    setenv("UBSAN_OPTIONS", "exitcode=99:halt_on_error=1:print_stacktrace=1", 1);

    collect("tests/vm", ".pasm");
    collect("tests/lang", ".ph");
    REQUIRE(nseeds > 0);
    qsort(seeds, (size_t)nseeds, sizeof *seeds, by_path);
    snprintf(dir, sizeof dir, "/tmp/phantom-mutants-XXXXXX");
    REQUIRE(mkdtemp(dir));

    static char err[STDERR_KEPT];
    time_t start = time(NULL);
    uint64_t first = only ? strtoull(only, NULL, 10) : 0, ran = 0, defects = 0;
    for (uint64_t i = first; only ? i == first : time(NULL) - start < budget; i++) {
        const seed *from;
        text m = make_mutant(seed_value, i, &from);
        const char *ext = ends_with(from->path, ".pasm") ? ".pasm" : ".ph";
        char path[256];
        snprintf(path, sizeof path, "%s/mutant%s", dir, ext);
        FILE *f = fopen(path, "wb");
        REQUIRE(f && fwrite(m.p, 1, m.n, f) == m.n && fclose(f) == 0);
        outcome o = run_mutant(path, err, sizeof err);
        ran++;
        if (o.defect) {
            defects++;
            char saved[512];
            snprintf(saved, sizeof saved, "%s/phantom-mutant-%llu-%llu%s", artifacts, (unsigned long long)seed_value,
                     (unsigned long long)i, ext);
            FILE *s = fopen(saved, "wb");
            if (s) {
                fwrite(m.p, 1, m.n, s);
                fclose(s);
            }
            fprintf(stderr,
                    "mutant %llu of seed %llu (from %s): %s\n"
                    "  saved as %s\n"
                    "  rerun:   %s run --image /tmp/m.img --memory-limit 256M %s\n"
                    "  or:      SEED=%llu ONLY=%llu BUILD=%s %s\n"
                    "%.3000s\n",
                    (unsigned long long)i, (unsigned long long)seed_value, from->path, o.why, saved, phantom, saved,
                    (unsigned long long)seed_value, (unsigned long long)i, b && *b ? b : "build",
                    "build/tests/crash/mutants", err);
        }
        CHECK(!o.defect);
        free(m.p);
    }
    printf("mutants: seed %llu, %llu mutants of %d programs in %lds, %llu defects\n", (unsigned long long)seed_value,
           (unsigned long long)ran, nseeds, (long)(time(NULL) - start), (unsigned long long)defects);
    t_remove_dir(dir);
    return test_done("mutants");
}
