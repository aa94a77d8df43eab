/*
 * native_calls.c - no native method can be reached with the wrong kind of
 * receiver or argument (docs/SECURITY.md, guarantee 5).
 *
 * 1. The sweep.  For EVERY native method of EVERY internal class, read
 *    from the VM's own registry (native_info.h, so a new native is swept
 *    the day it is added), one generated assembly program calls it with
 *    invokespecial (invokestatic for statics) on every value of the table
 *    below as receiver, and with every value as all of its arguments:
 *    ints, longs, doubles, bools, null, strings, arrays, binaries, objects
 *    of other classes, classes, threads, and one object of every other
 *    internal kind.  Each call reports "ok" or the class of what it threw.
 *    The program runs as a child (`phantom run`), so a crash fails the
 *    method's check by name instead of killing the suite.  Expected:
 *      - a null receiver: NullReferenceException;
 *      - a receiver that is not an object of the method's class:
 *        TypeException, before the native runs (no read of a foreign
 *        layout can leak into a result);
 *      - an argument not of the class its descriptor declares:
 *        TypeException;
 *      - otherwise a result or a documented exception (a .phantom class);
 *      - every call reports, and the program ends normally.
 * 2. A thread body that is not a runnable object: `phantom run` of
 *    tests/vm/run/thread_start_refused.pasm ends normally, and `phantom
 *    boot` of the world it leaves boots cleanly.
 *
 *   BUILD=build build/tests/unit/native_calls            everything
 *   BUILD=build build/tests/unit/native_calls .internal.sema   classes whose name contains it
 */
#define _GNU_SOURCE
#include "runner.h"

#include "../../src/vm/native_info.h"
#include "../../src/vm/object.h"

/* The values every method is called with.  `cls` is the value's class
 * (NULL for null); `push` is the assembly that pushes it, inside the
 * entry method run(boot), whose local 1 is the boot object. */
typedef struct sweep_value {
    const char *label, *cls, *push;
} sweep_value;

static const sweep_value values[] = {
    {"int", ".internal.int", "pushint 1"},
    {"long", ".internal.long", "pushconst 2L"},
    /* negative: a sleep or timed wait given it returns at once */
    {"boxed long", ".internal.long", "pushconst -1152921504606846976L"},
    {"float", ".internal.float", "pushconst 1.5f"},
    {"double", ".internal.double", "pushconst 0.5"},
    {"bool", ".internal.bool", "pushtrue"},
    {"char", ".internal.char", "pushint 65\n    conv char"},
    {"null", NULL, "pushnull"},
    {"string", ".internal.string", "pushconst \"s\""},
    {"array", ".internal.container.array", "pushint 1\n    newarray"},
    {"directory", ".internal.directory", "new .internal.directory"},
    {"binary", ".internal.binary", "new .internal.binary"},
    {"object of another class", ".sweep.other", "new .sweep.other"},
    {"plain object", ".internal.object", "new .internal.object"},
    {"class", ".internal.class", "pushconst class .sweep.other"},
    {"method", ".internal.method",
     "pushconst class .internal.string\n    invokevirtual .internal.class getMethods ()*\n    pushint 0\n    aload"},
    {"thread", ".internal.thread", "invokestatic .internal.thread current ()*"},
    {"mutex", ".internal.mutex", "new .internal.mutex"},
    {"cond", ".internal.cond", "new .internal.cond"},
    {"sema", ".internal.sema", "new .internal.sema"},
    {"tty", ".internal.io.tty", "new .internal.io.tty"},
    {"world", ".internal.world", "new .internal.world"},
    {"boot", ".internal.boot", "load 1"},
    {"exception", ".phantom.TypeException", "new .phantom.TypeException"},
};
#define NVALUES ((int)(sizeof values / sizeof values[0]))

/* Calls that would wait forever with their proper receiver; their other
 * receivers are still swept, so the receiver check is exercised. */
static const struct { const char *cls, *method, *why; } blocking[] = {
    /* a new semaphore's count is 0 and nothing releases it */
    {".internal.sema", "acquire", "waits for a release that never comes"},
    /* the sweep's thread pausing itself: nothing unpauses it */
    {".internal.thread", "pause", "waits for an unpause that never comes"},
};

/* Calls that set the status the run ends with: their programs may end
 * with any status (still normally, with every call reported). */
static const struct { const char *cls, *method; } sets_exit_status[] = {
    {".internal.process", "setExitStatus"},
};

static bool may_set_exit_status(const char *cls, const char *method)
{
    for (size_t i = 0; i < sizeof sets_exit_status / sizeof sets_exit_status[0]; i++)
        if (!strcmp(sets_exit_status[i].cls, cls) && !strcmp(sets_exit_status[i].method, method))
            return true;
    return false;
}

/* ---- the class hierarchy, for the expected results -------------------------------- */

static const char *super_of(const char *cls)
{
    if (!strcmp(cls, ".sweep.other"))
        return ".internal.object";
    pv_native_info_class c;
    for (size_t i = 0; pv_native_info_class_at(i, &c) == 0; i++)
        if (!strcmp(c.name, cls))
            return c.super;
    return NULL;
}

/* Whether a value of class `cls` (NULL: null) is an object of class `of`. */
static bool instance_of(const char *cls, const char *of)
{
    for (; cls; cls = super_of(cls))
        if (!strcmp(cls, of))
            return true;
    return false;
}

/* The class argument i of desc declares, copied into out; false for "*",
 * relative names and arrays, which the VM does not check. */
static bool declared_class(const char *desc, int i, char *out, size_t cap)
{
    const char *s = desc + 1;
    for (int k = 0; *s && *s != ')'; k++) {
        size_t n = strcspn(s, ",)");
        if (k == i) {
            if (s[0] != '.' || memchr(s, '[', n) || n >= cap)
                return false;
            memcpy(out, s, n);
            out[n] = 0;
            return true;
        }
        s += n + (s[n] == ',');
    }
    return false;
}

/* ---- one method ----------------------------------------------------------------- */

typedef struct call {
    int recv, arg;   /* value indices; recv -1 for statics, arg -1 without arguments */
} call;

/* The program that makes every call of calls[0, n) to cls.m. */
static void write_program(buf *b, const char *cls, const pv_native_info_method *m, const call *calls, int n)
{
    bool is_static = m->flags & PV_MF_STATIC;
    buf_addf(b, "; generated by tests/unit/native_calls.c: %s %s%s\n", cls, m->name, m->desc);
    buf_addf(b, ".class .sweep.other\n\n.class .sweep.main\n.source \"sweep\"\n.field static vals\n\n");
    buf_addf(b, ".method static val (*)*\n    getstatic .sweep.main vals\n    load 0\n    aload\n    return\n.end\n\n");
    buf_addf(b, ".method static report (*,*)void\n    pushconst \"@@ \"\n    load 0\n    tostring\n    concat\n"
            "    pushconst \" \"\n    concat\n    load 1\n    tostring\n    concat\n"
            "    invokestatic .internal.io.tty println (*)void\n    pop\n    retvoid\n.end\n\n");
    buf_addf(b, ".method run (*)void\n    .locals 3\n");
    for (int k = 0; k < n; k++)
        buf_addf(b, "    .catch any from s%d to e%d using h%d\n", k, k, k);
    buf_addf(b, "    pushint %d\n    newarray\n    putstatic .sweep.main vals\n", NVALUES);
    for (int v = 0; v < NVALUES; v++)
        buf_addf(b, "    getstatic .sweep.main vals\n    pushint %d\n    %s\n    astore\n", v, values[v].push);
    for (int k = 0; k < n; k++) {
        buf_addf(b, "s%d:\n", k);
        if (!is_static)
            buf_addf(b, "    pushint %d\n    invokestatic .sweep.main val (*)*\n", calls[k].recv);
        for (int a = 0; a < m->nargs; a++)
            buf_addf(b, "    pushint %d\n    invokestatic .sweep.main val (*)*\n", calls[k].arg);
        buf_addf(b, "    %s %s %s %s\n    pop\n", is_static ? "invokestatic" : "invokespecial", cls, m->name, m->desc);
        buf_addf(b, "    pushint %d\n    pushconst \"ok\"\n    invokestatic .sweep.main report (*,*)void\n    pop\n", k);
        buf_addf(b, "e%d:\n    jmp n%d\nh%d:\n", k, k, k);
        buf_addf(b, "    invokevirtual .internal.object getClass ()*\n    invokevirtual .internal.class getName ()*\n"
                "    store 2\n    pushint %d\n    load 2\n    invokestatic .sweep.main report (*,*)void\n    pop\n", k);
        buf_addf(b, "n%d:\n", k);
    }
    buf_addf(b, "    pushint -1\n    pushconst \"done\"\n    invokestatic .sweep.main report (*,*)void\n    pop\n"
            "    retvoid\n.end\n");
}

/* What call c of cls.m must report: an exception class, or NULL when a
 * result or any documented exception will do. */
static const char *expected(const char *cls, const pv_native_info_method *m, call c)
{
    if (!(m->flags & PV_MF_STATIC)) {
        if (!values[c.recv].cls)
            return ".phantom.NullReferenceException";
        if (!instance_of(values[c.recv].cls, cls))
            return ".phantom.TypeException";
    }
    char want[256];
    for (int a = 0; a < m->nargs; a++)
        if (declared_class(m->desc, a, want, sizeof want) && !instance_of(values[c.arg].cls, want))
            return ".phantom.TypeException";
    return NULL;
}

static void describe(char *out, size_t cap, const char *cls, const pv_native_info_method *m, call c)
{
    snprintf(out, cap, "%s.%s%s on %s with %s", cls, m->name, m->desc,
             c.recv < 0 ? "no receiver (static)" : values[c.recv].label,
             c.arg < 0 ? "no arguments" : values[c.arg].label);
}

/* The reported result of call k (-1: the end) in the program's output,
 * or NULL.  Not only at a line's start: the swept print methods write
 * text without a newline. */
static const char *reported(const char *out, int k, char *res, size_t cap)
{
    char tag[32];
    snprintf(tag, sizeof tag, "@@ %d ", k);
    const char *p = strstr(out, tag);
    if (!p)
        return NULL;
    p += strlen(tag);
    size_t n = strcspn(p, "\n");
    snprintf(res, cap, "%.*s", (int)(n < cap ? n : cap - 1), p);
    return res;
}

static const char *phantom;

static void sweep_method(const char *cls, const pv_native_info_method *m)
{
    bool is_static = m->flags & PV_MF_STATIC;
    call *calls = malloc(sizeof *calls * NVALUES * NVALUES);
    need(calls != NULL, "out of memory");
    int n = 0;
    for (int r = is_static ? -1 : 0; r < (is_static ? 0 : NVALUES); r++) {
        bool skip = false;
        for (size_t i = 0; i < sizeof blocking / sizeof blocking[0]; i++)
            skip |= r >= 0 && !strcmp(blocking[i].cls, cls) && !strcmp(blocking[i].method, m->name) &&
                    values[r].cls && instance_of(values[r].cls, cls);
        if (skip)
            continue;
        for (int a = m->nargs ? 0 : -1; a < (m->nargs ? NVALUES : 0); a++)
            calls[n++] = (call){r, a};
    }
    buf prog = {0};
    write_program(&prog, cls, m, calls, n);
    char src[600], img[600];
    snprintf(src, sizeof src, "%s/sweep.pasm", tmpdir);
    snprintf(img, sizeof img, "%s/sweep.img", tmpdir);
    memcpy(cur_img, img, sizeof cur_img);
    need(write_file(src, &prog), "cannot write the program");
    char *argv[] = {(char *)phantom, "run", "--image", img, src, NULL};
    result res = {0};
    run(argv, "/dev/null", NULL, &res);
    unlink(img);

    char what[600], got[256];
    int bad = 0;
    t_checks++;
    bool status_ok = WIFEXITED(res.status) && (WEXITSTATUS(res.status) == 0 || may_set_exit_status(cls, m->name));
    if (res.timed_out || WIFSIGNALED(res.status) || !status_ok ||
        !reported(res.out.p, -1, got, sizeof got)) {
        printf("FAIL %s.%s%s: the program %s\n", cls, m->name, m->desc,
               res.timed_out ? "timed out" : WIFSIGNALED(res.status) ? "was killed by a signal (a crash)"
               : !status_ok ? "failed" : "stopped before its end");
        if (WIFSIGNALED(res.status))
            printf("    signal %d\n", WTERMSIG(res.status));
        bad++;
    }
    for (int k = 0; k < n && bad < 10; k++) {
        const char *want = expected(cls, m, calls[k]);
        const char *r = reported(res.out.p, k, got, sizeof got);
        bool ok = r && (want ? !strcmp(r, want) : !strcmp(r, "ok") || !strncmp(r, ".phantom.", 9));
        if (!ok && !(bad && !r)) {
            describe(what, sizeof what, cls, m, calls[k]);
            printf("FAIL %s: got %s, expected %s\n", what, r ? r : "no report",
                   want ? want : "a result or a documented exception");
            bad++;
        }
    }
    if (bad) {
        t_failures++;
        print_indented("standard error", &res.err, 10);
    }
    free(calls);
    buf_free(&prog);
    buf_free(&res.out);
    buf_free(&res.err);
    unlink(src);
}

/* ---- a refused thread body leaves a bootable world --------------------------------- */

static void bootable_after_refused_start(void)
{
    char img[600];
    snprintf(img, sizeof img, "%s/start.img", tmpdir);
    memcpy(cur_img, img, sizeof cur_img);
    char *run_argv[] = {(char *)phantom, "run", "--image", img, "tests/vm/run/thread_start_refused.pasm", NULL};
    result r1 = {0}, r2 = {0};
    run(run_argv, "/dev/null", NULL, &r1);
    CHECK(!r1.timed_out && WIFEXITED(r1.status) && WEXITSTATUS(r1.status) == 0);
    char *boot_argv[] = {(char *)phantom, "boot", "--image", img, NULL};
    run(boot_argv, "/dev/null", NULL, &r2);
    CHECK(!r2.timed_out && WIFEXITED(r2.status) && WEXITSTATUS(r2.status) == 0);
    CHECK(r2.err.n == 0);
    if (t_failures) {
        print_indented("run: standard error", &r1.err, 10);
        print_indented("boot: standard error", &r2.err, 10);
    }
    printf("%s  refused thread bodies leave a world that boots\n", t_failures ? "FAIL" : "ok  ");
    unlink(img);
    buf_free(&r1.out);
    buf_free(&r1.err);
    buf_free(&r2.out);
    buf_free(&r2.err);
}

int main(int argc, char **argv)
{
    runner_name = "native_calls";
    const char *build = getenv("BUILD");
    static char path[512];
    snprintf(path, sizeof path, "%s/phantom", build && *build ? build : "build");
    phantom = path;
    REQUIRE(access(phantom, X_OK) == 0);
    const char *filter = argc > 1 ? argv[1] : NULL;
    const char *tmp = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/native_calls.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    REQUIRE(mkdtemp(tmpdir));
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);

    int64_t t0 = now_ms();
    int methods = 0;
    pv_native_info_class c;
    for (size_t i = 0; pv_native_info_class_at(i, &c) == 0; i++) {
        if (filter && !strstr(c.name, filter))
            continue;
        int failures = t_failures;
        for (uint32_t j = 0; j < c.nmethods; j++) {
            pv_native_info_method m;
            REQUIRE(pv_native_info_method_at(i, j, &m) == 0);
            sweep_method(c.name, &m);
            methods++;
        }
        printf("%s %-30s %2u methods\n", t_failures == failures ? "ok  " : "FAIL", c.name, c.nmethods);
        fflush(stdout);
    }
    printf("%d native methods swept with %d receivers and arguments in %.1f s\n", methods, NVALUES,
           (double)(now_ms() - t0) / 1000.0);
    if (!filter)
        bootable_after_refused_start();
    CHECK(rmdir(tmpdir) == 0);
    return test_done("native_calls");
}
