/*
 * golden.h - the harness of the golden-output suites (tests/unit/vm_run.c,
 * lib_run.c): runs every DIR/NAME.EXT through `$BUILD/phantom run` and
 * compares what a user would see.
 *
 * For each program, in name order, with a fresh world in a temporary
 * directory, run from the repository root as
 *     $BUILD/phantom run --image TMP/NAME.img [PRE_ARGS...] DIR/NAME.EXT
 * followed by `-- ARG...` with one argument a line of NAME.args if there is
 * one, and with the environment variables of NAME.env (NAME=VALUE lines)
 * set, and standard input from NAME.in (or /dev/null without one):
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

#include "runner.h"

#include <dirent.h>

/* A suite: which programs, how to run them. */
typedef struct golden_suite {
    const char *name;                /* "vm_run": messages, temp dir, summary */
    const char *dir;                 /* where NAME.EXT, .out, .err, .code, .in live */
    const char *ext;                 /* ".pasm", ".ph" */
    const char *const *pre_args;     /* before the program on the command line, NULL-ended */
} golden_suite;

static const golden_suite *suite;

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

/* Each line of text, NUL-terminated in place, into out (at most max);
 * how many. */
static int golden_lines(buf *text, char **out, int max)
{
    int n = 0;
    for (char *p = text->p, *end = text->p + text->n; p && p < end && n < max;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl)
            *nl = '\0';
        out[n++] = p;
        p = nl ? nl + 1 : NULL;
    }
    return n;
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

    char argsp[512], envp[512];
    snprintf(argsp, sizeof argsp, "%s/%s.args", suite->dir, name);
    snprintf(envp, sizeof envp, "%s/%s.env", suite->dir, name);
    buf args_text = {0}, env_text = {0};
    char *argv[64] = {(char *)phantom, "run", "--image", img};
    int argn = 4;
    for (const char *const *a = suite->pre_args; a && *a && argn < 14; a++)
        argv[argn++] = (char *)*a;
    argv[argn++] = src;
    if (read_file(argsp, &args_text)) {
        argv[argn++] = "--";
        argn += golden_lines(&args_text, argv + argn, 62 - argn);
    }
    argv[argn] = NULL;
    char *env[16];
    int nenv = read_file(envp, &env_text) ? golden_lines(&env_text, env, 16) : 0;
    for (int i = 0; i < nenv; i++) {   /* NAME=VALUE becomes NAME and VALUE */
        char *eq = strchr(env[i], '=');
        need(eq != NULL, "a line of NAME.env without '='");
        *eq = '\0';
        need(setenv(env[i], eq + 1, 1) == 0, "setenv");
    }
    result r = {0};
    run(argv, inp, NULL, &r);
    for (int i = 0; i < nenv; i++)
        unsetenv(env[i]);
    buf_free(&args_text);
    buf_free(&env_text);
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
/* A program that needs an optional feature names it in NAME.needs
 * ("regex": PCRE2; "tzdata": the host's time zone database, which lives
 * in /usr/share/zoneinfo).  Without the feature it is skipped, with one line
 * saying what to install, so `make test` passes on a machine without the
 * library (the feature is then built off and says so when used). */
static bool feature_missing(const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s.needs", suite->dir, name);
    buf b = {0};
    if (!read_file(path, &b))
        return false;
    bool missing = false;
    if (b.p && strstr(b.p, "tzdata") && access("/usr/share/zoneinfo/Europe/Berlin", R_OK) != 0) {
        printf("skip %s: no time zone database in /usr/share/zoneinfo (apt-get install tzdata)\n", name);
        missing = true;
    }
#ifndef PHANTOM_HAVE_PCRE2
    if (b.p && strstr(b.p, "regex")) {
        printf("skip %s: built without PCRE2 (apt-get install libpcre2-dev pkg-config, then make clean)\n", name);
        missing = true;
    }
#endif
    buf_free(&b);
    return missing;
}

static int golden_main(const golden_suite *s, int argc, char **argv)
{
    suite = s;
    runner_name = s->name;
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
    size_t skipped = 0;
    for (size_t i = 0; i < n; i++) {
        if (feature_missing(names[i]))
            skipped++;
        else
            passed += one(names[i]);
        free(names[i]);
    }
    n -= skipped;
    free(names);
    remove_tree(tmpdir);
    printf("%zu of %zu programs passed in %.1f s\n", passed, n, (double)(now_ms() - t0) / 1000.0);
    return test_done(s->name);
}

#endif
