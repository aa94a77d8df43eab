/*
 * java_run.c - the Java suite (docs/JAVA.md, "Tests").
 *
 *  1. tests/java/NAME.java, compiled by one javac run: `phantom run
 *     NAME.class -- ARGS` (ARGS one a line of NAME.args, standard input
 *     NAME.in if there is one) must write
 *     exactly NAME.out (what the real java printed, recorded once), exit
 *     with NAME.code (0 without one), and write the lines of NAME.err, in
 *     order, to standard error (nothing is required without one; the
 *     JVM's own library frames, "at java.base/...", are left out of it).
 *  2. tests/java/refused/NAME.java: refused at install time, exit status
 *     2, with the lines of NAME.err in the message.
 *  3. The same programs from a jar (with a Main-Class) and from the
 *     directory of class files.
 *  4. Every truncation of a compiled class file, and every single-byte
 *     change of its first 600 bytes, is refused with a message or runs:
 *     never a crash (a signal) nor a hang.
 *  5. A hot code update of a Java class (tests/java/update/v1 -> v2):
 *     `phantom update` of the new class file into a world where the old
 *     one ran; its object and statics carry over, and the fields and
 *     static it adds start at Java's zero (0, 0L, 0.0, false, '\0').
 *
 * Without javac the suite says so in one line and is skipped.
 *
 *   BUILD=build build/tests/unit/java_run          everything
 *   BUILD=build build/tests/unit/java_run Strings  names containing "Strings"
 */
#define _GNU_SOURCE
#include "runner.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *phantom, *filter;
static char work[300];

/* phantom run PROGRAM -- args in a new world, standard input from the
 * file input (NULL: none). */
static void run_java(const char *program, const char *name, char **args, int nargs, const char *input, result *r)
{
    char img[600];
    snprintf(img, sizeof img, "%s/%s.img", work, name);
    memcpy(cur_img, img, sizeof cur_img);
    char *argv[80] = {(char *)phantom, "run", "--image", img, (char *)program, "--"};
    int argn = 6;
    for (int i = 0; i < nargs && argn < 78; i++)
        argv[argn++] = args[i];
    argv[argn] = NULL;
    run(argv, input ? input : "/dev/null", NULL, r);
    unlink(img);
}

/* Checks one run against NAME.out, NAME.code and NAME.err in dir. */
static void check(const char *kind, const char *dir, const char *name, const result *r)
{
    char p[600], why[400] = "";
    size_t wl = 0;
    buf want = {0}, code = {0}, err = {0};
    snprintf(p, sizeof p, "%s/%s.out", dir, name);
    read_file(p, &want);
    snprintf(p, sizeof p, "%s/%s.code", dir, name);
    int want_code = read_file(p, &code) ? atoi(code.p) : 0;
    if (r->timed_out)
        t_append(why, sizeof why, &wl, " timed out;");
    if (runner_status(r) != want_code)
        t_append(why, sizeof why, &wl, " exit status %d, java's %d;", runner_status(r), want_code);
    if (want.n != r->out.n || (want.n && memcmp(want.p, r->out.p, want.n)))
        t_append(why, sizeof why, &wl, " standard output differs from java's;");
    snprintf(p, sizeof p, "%s/%s.err", dir, name);
    const char *missing;
    size_t missing_len;
    if (read_file(p, &err) && !err_matches(&err, &r->err, &missing, &missing_len))
        t_append(why, sizeof why, &wl, " standard error lacks \"%.*s\";", (int)(missing_len > 120 ? 120 : missing_len),
                 missing);
    runner_report(!wl, kind, name, why);
    if (wl) {
        print_diff(&want, &r->out);
        print_indented("standard error", &r->err, 20);
    }
    buf_free(&want);
    buf_free(&code);
    buf_free(&err);
}

/* 1 and 2: each program of the corpus from its class file. */
static void corpus(const char *dir, const char *kind)
{
    char **v;
    int n = runner_list(dir, ".java", filter, &v);
    for (int i = 0; i < n; i++) {
        char cls[600], argsp[600];
        snprintf(cls, sizeof cls, "%s/classes/%s.class", work, v[i]);
        snprintf(argsp, sizeof argsp, "%s/%s.args", dir, v[i]);
        buf at = {0};
        char *args[64];
        int nargs = runner_args(argsp, args, 0, &at);
        char inp[600];
        snprintf(inp, sizeof inp, "%s/%s.in", dir, v[i]);
        result r = {0};
        run_java(cls, v[i], args, nargs, access(inp, R_OK) == 0 ? inp : NULL, &r);
        if (!strcmp(kind, "refused")) {
            char p[600], why[300] = "";
            size_t wl = 0;
            buf err = {0};
            const char *missing;
            size_t ml;
            snprintf(p, sizeof p, "%s/%s.err", dir, v[i]);
            need(read_file(p, &err), p);
            if (runner_status(&r) != 2)
                t_append(why, sizeof why, &wl, " exit status %d, not 2;", runner_status(&r));
            if (!err_matches(&err, &r.err, &missing, &ml))
                t_append(why, sizeof why, &wl, " the message lacks \"%.*s\";", (int)(ml > 100 ? 100 : ml), missing);
            runner_report(!wl, kind, v[i], why);
            if (wl)
                print_indented("standard error", &r.err, 10);
            buf_free(&err);
        } else {
            check(kind, dir, v[i], &r);
        }
        result_free(&r);
        buf_free(&at);
        free(v[i]);
    }
    free(v);
}

/* 3: a jar whose manifest names the main class, and a directory. */
static void containers(void)
{
    char jar[600], dir[600];
    snprintf(jar, sizeof jar, "%s/switches.jar", work);
    snprintf(dir, sizeof dir, "%s/dir", work);
    if (!runner_sh("cd %s/classes && jar cfe %s Switches Switches.class >/dev/null", work, jar)) {
        runner_report(false, "jar", "Switches", "jar failed");
        return;
    }
    result r = {0};
    run_java(jar, "jar", NULL, 0, NULL, &r);
    check("jar", "tests/java", "Switches", &r);
    result_free(&r);
    need(runner_sh("mkdir -p %s && cp %s/classes/Statics*.class %s/", dir, work, dir), "copy");
    run_java(dir, "dir", NULL, 0, NULL, &r);
    check("directory", "tests/java", "Statics", &r);
    result_free(&r);
}

/* 4: damaged class files are refused with a message, or run. */
static void damaged(void)
{
    char src[600], bad[600];
    snprintf(src, sizeof src, "%s/classes/Arith.class", work);
    snprintf(bad, sizeof bad, "%s/bad/Arith.class", work);
    need(runner_sh("mkdir -p %s/bad", work), "mkdir");
    buf b = {0};
    need(read_file(src, &b), src);
    int total = 0, crashed = 0, silent = 0;
    char first[300] = "";
    for (size_t cut = 0; cut < b.n; cut += 1 + cut / 8) {
        buf t = {b.p, cut, cut};
        need(write_file(bad, &t), bad);
        result r = {0};
        run_java(bad, "cut", NULL, 0, NULL, &r);
        total++;
        if (runner_status(&r) != 2 || r.timed_out) {
            crashed++;
            if (!*first)
                snprintf(first, sizeof first, "cut at %zu: status %d", cut, runner_status(&r));
        } else if (!strstr(r.err.p ? r.err.p : "", "offset")) {
            silent++;
        }
        result_free(&r);
    }
    for (size_t at = 0; at < b.n && at < 600; at += 7) {
        char saved = b.p[at];
        b.p[at] = (char)(saved ^ (0x5a + (int)at));
        need(write_file(bad, &b), bad);
        b.p[at] = saved;
        result r = {0};
        run_java(bad, "flip", NULL, 0, NULL, &r);
        total++;
        int st = runner_status(&r);
        if (st >= 128 || r.timed_out) {
            crashed++;
            if (!*first)
                snprintf(first, sizeof first, "byte %zu changed: status %d", at, st);
        } else if (st == 2 && !r.err.n) {
            silent++;
        }
        result_free(&r);
    }
    char why[400];
    snprintf(why, sizeof why, "%d of %d damaged files crashed or hung (%s), %d refused without a message", crashed,
             total, first, silent);
    runner_report(crashed == 0 && silent == 0, "damaged", "truncations and byte changes", why);
    buf_free(&b);
}

/* 5: a Java class updated in place. */
static void hot_update(void)
{
    need(runner_sh("javac -d %s/u1 tests/java/update/v1/Account.java && "
                   "javac -d %s/u2 tests/java/update/v2/Account.java", work, work), "javac (update)");
    char img[600], c1[600], c2[600], ph[PATH_MAX];
    need(realpath(phantom, ph) != NULL, "realpath");   /* the steps run in work */
    snprintf(img, sizeof img, "%s/update.img", work);
    snprintf(c1, sizeof c1, "%s/u1/Account.class", work);
    snprintf(c2, sizeof c2, "%s/u2/Account.class", work);
    char *run1[] = {ph, "run", "--image", img, c1, NULL};
    char *upd[] = {ph, "update", "--image", img, c2, NULL};
    char *run2[] = {ph, "run", "--image", img, c2, NULL};
    static const char *const want[] = {"v1 runs=1 balance=10\n", "v1 runs=2 balance=20\n", NULL,
                                       "v2 runs=3 balance=30 big=5000000000000 rate=0.5 seen=false mark=0 total=30\n",
                                       "v2 runs=4 balance=40 big=10000000000000 rate=1.0 seen=true mark=0 total=70\n"};
    char **steps[] = {run1, run1, upd, run2, run2};
    bool ok = true;
    for (int i = 0; i < 5 && ok; i++) {
        result r = {0};
        run(steps[i], "/dev/null", work, &r);
        ok = WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0 && (!want[i] || (r.out.p && !strcmp(r.out.p, want[i])));
        if (!ok)
            fprintf(stderr, "update step %d: status %d, printed \"%s\", wanted \"%s\"; stderr: %s\n", i, r.status,
                    r.out.p ? r.out.p : "", want[i] ? want[i] : "(anything)", r.err.p ? r.err.p : "");
        result_free(&r);
    }
    runner_report(ok, "update", "Account", ok ? "" : "the updated class's state");
}

int main(int argc, char **argv)
{
    runner_name = "java_run";
    filter = argc > 1 ? argv[1] : NULL;
    static char ph[512];
    snprintf(ph, sizeof ph, "%s/phantom", t_build_dir());
    phantom = ph;
    if (system("javac -version >/dev/null 2>&1") != 0) {
        printf("java_run: skipped: javac is not installed (apt-get install openjdk-17-jdk-headless)\n");
        return 0;
    }
    snprintf(work, sizeof work, "/tmp/phantom-java-XXXXXX");
    need(mkdtemp(work) != NULL, "mkdtemp");
    snprintf(tmpdir, sizeof tmpdir, "%s", work);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    /* one javac for the whole corpus */
    need(runner_sh("javac -encoding UTF-8 -d %s/classes tests/java/*.java tests/java/refused/*.java", work), "javac");
    corpus("tests/java", "java");
    corpus("tests/java/refused", "refused");
    if (!filter) {
        containers();
        damaged();
        hot_update();
    }
    t_remove_dir(work);
    tmpdir[0] = 0;
    return test_done("java_run");
}
