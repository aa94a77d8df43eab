/*
 * lang_run.c - the Phantom language suite: compiles and runs every
 * program of tests/lang/run and compiles every broken program of
 * tests/lang/errors, comparing what a user would see.
 *
 * tests/lang/run/NAME.ph (or a directory NAME/ for a program of several
 * files), in name order, each with a fresh world, run as
 *     cd tests/lang/run && $BUILD/phantom run --image TMP/NAME.img NAME.ph
 *   - standard output must equal NAME.out exactly;
 *   - each non-empty line of NAME.err must occur in standard error, as a
 *     substring, in order; without NAME.err standard error must be empty;
 *   - the exit status must equal NAME.code (default 0).
 * tests/lang/errors/NAME.ph (or NAME/), compiled as
 *     cd tests/lang/errors && $BUILD/phantom compile -o TMP NAME.ph
 *   - standard error must equal NAME.err exactly (the diagnostics);
 *   - the exit status must equal NAME.code (default 2).
 * A program still running after 20 s is killed and fails.
 * Then random programs (random_program() for control flow,
 * random_expressions() for types and conversions; LANG_RUN_RANDOM=N runs
 * N of each, default 40) must compile and run without errors.
 * A few programs also go the long way (classfiles()): `phantom compile`
 * twice (the same bytes), `phantom run` of the class files, `phantom
 * disasm` of them and `phantom run` of that assembly, each printing NAME.out.
 *
 *   BUILD=build build/tests/unit/lang_run            everything
 *   BUILD=build build/tests/unit/lang_run switch     names containing "switch"
 *   PHANTOM_UPDATE_GOLDEN=1 ...                      rewrite .out (run) and .err (errors)
 *                                                    files that differ (review them!)
 *
 * Runs with the repository root as the current directory (tests/run-all.sh
 * does).  tests/lang/README.md says how to add a program.
 */
#define _GNU_SOURCE
#include "runner.h"

#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>

#define RUN_DIR "tests/lang/run"
#define ERR_DIR "tests/lang/errors"

/* The shared runner's reports, under a heading naming the stream. */
static void show_diff(const char *what, const buf *want, const buf *got)
{
    printf("    %s differs:\n", what);
    print_diff(want, got);
}

static void show_text(const char *what, const buf *t)
{
    print_indented(what, t, 30);
}

static bool same(const buf *a, const buf *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

/* ---- the suite ------------------------------------------------------------------------------ */

static char phantom[PATH_MAX];
static bool update;

/* NAME.ph, or NAME/ for several files: the argument to pass. */
static void source_arg(const char *dir, const char *name, char *arg, size_t cap)
{
    char p[600];
    struct stat st;
    snprintf(p, sizeof p, "%s/%s", dir, name);
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
        snprintf(arg, cap, "%s", name);
    else
        snprintf(arg, cap, "%s.ph", name);
}

static int read_code(const char *path, int dflt)
{
    buf t = {0};
    int code = read_file(path, &t) ? atoi(t.p) : dflt;
    buf_free(&t);
    return code;
}

static bool one(const char *dir, const char *name, bool errors)
{
    char arg[600], img[600], outdir[600], p_out[700], p_err[700], p_code[700];
    source_arg(dir, name, arg, sizeof arg);
    snprintf(img, sizeof img, "%s/%s.img", tmpdir, name);
    snprintf(outdir, sizeof outdir, "%s/classes", tmpdir);
    snprintf(p_out, sizeof p_out, "%s/%s.out", dir, name);
    snprintf(p_err, sizeof p_err, "%s/%s.err", dir, name);
    snprintf(p_code, sizeof p_code, "%s/%s.code", dir, name);
    buf want_out = {0}, want_err = {0};
    bool have_out = read_file(p_out, &want_out), have_err = read_file(p_err, &want_err);
    int want_code = read_code(p_code, errors ? 2 : 0);
    mkdir(outdir, 0700);
    char *run_argv[] = {phantom, "run", "--image", img, arg, NULL};
    char *cmp_argv[] = {phantom, "compile", "-o", outdir, arg, NULL};
    result r = {0};
    run(errors ? cmp_argv : run_argv, "/dev/null", dir, &r);
    unlink(img);
    DIR *od = opendir(outdir);
    for (struct dirent *e; od && (e = readdir(od));) {
        char f[900];
        snprintf(f, sizeof f, "%s/%s", outdir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(f);
    }
    if (od)
        closedir(od);
    rmdir(outdir);

    bool ok = true, out_ok, err_ok;
    char why[800] = "", missing[256] = "";
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
    if (errors) {
        out_ok = r.out.n == 0;
        err_ok = have_err && same(&want_err, &r.err);
        if (!err_ok && update && !r.timed_out && write_file(p_err, &r.err)) {
            printf("  updated %s\n", p_err);
            err_ok = true;
        }
    } else {
        out_ok = have_out && same(&want_out, &r.out);
        if (!out_ok && update && !r.timed_out && write_file(p_out, &r.out)) {
            printf("  updated %s\n", p_out);
            out_ok = true;
        }
        const char *miss = "";
        size_t miss_len = 0;
        err_ok = have_err ? err_matches(&want_err, &r.err, &miss, &miss_len) : r.err.n == 0;
        snprintf(missing, sizeof missing, "%.*s", (int)(miss_len > 200 ? 200 : miss_len), miss);
    }
    if (!out_ok) {
        ok = false;
        t_append(why, sizeof why, &wl, errors ? " unexpected standard output;" : have_out ? " standard output differs;" : " no .out file;");
    }
    if (!err_ok) {
        ok = false;
        if (errors)
            t_append(why, sizeof why, &wl, have_err ? " diagnostics differ;" : " no .err file;");
        else if (have_err)
            t_append(why, sizeof why, &wl, " standard error lacks \"%s\" (in order);", missing);
        else
            t_append(why, sizeof why, &wl, " unexpected standard error;");
    }
    t_checks++;
    if (ok) {
        printf("ok   %s/%-28s %5lld ms\n", errors ? "errors" : "run", name, (long long)r.ms);
    } else {
        t_failures++;
        printf("FAIL %s/%-28s %5lld ms:%s\n", errors ? "errors" : "run", name, (long long)r.ms, why);
        if (!out_ok && have_out && !errors)
            show_diff("standard output", &want_out, &r.out);
        else if (!out_ok)
            show_text("standard output", &r.out);
        if (errors && !err_ok && have_err)
            show_diff("diagnostics", &want_err, &r.err);
        if (!err_ok || (r.err.n && !errors))
            show_text("standard error", &r.err);
    }
    fflush(stdout);
    buf_free(&want_out);
    buf_free(&want_err);
    buf_free(&r.out);
    buf_free(&r.err);
    return ok;
}

/* ---- class files: compile, run them, disassemble, reassemble ------------------------------- */

static void clear_dir(const char *dir)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char f[900];
        snprintf(f, sizeof f, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            unlink(f);
    }
    if (d)
        closedir(d);
}

/* Runs a step of a round trip; true if it exited 0 with the expected output (want may be NULL). */
static bool step(const char *name, const char *what, char *const argv[], const buf *want, buf *out)
{
    result r = {0};
    run(argv, "/dev/null", RUN_DIR, &r);
    bool ok = !r.timed_out && WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0 && (!want || same(want, &r.out));
    if (!ok) {
        printf("FAIL classfiles/%s: %s (exit %d)\n", name, what, WIFEXITED(r.status) ? WEXITSTATUS(r.status) : -1);
        if (want && !same(want, &r.out))
            show_diff("standard output", want, &r.out);
        show_text("standard error", &r.err);
    }
    if (out && ok) {
        *out = r.out;
        r.out = (buf){0};
    }
    buf_free(&r.out);
    buf_free(&r.err);
    return ok;
}

/*
 * For program NAME of tests/lang/run: `phantom compile` writes its class
 * files (twice: the bytes must be the same), `phantom run` runs them and
 * must print NAME.out; `phantom disasm` prints them as assembly, which
 * `phantom run` must run the same way.
 */
static bool classfiles(const char *name)
{
    char arg[600], cls[600], cls2[600], img[600], pasm[600], p_out[700];
    source_arg(RUN_DIR, name, arg, sizeof arg);
    snprintf(cls, sizeof cls, "%s/cls", tmpdir);
    snprintf(cls2, sizeof cls2, "%s/cls2", tmpdir);
    snprintf(img, sizeof img, "%s/rt.img", tmpdir);
    snprintf(pasm, sizeof pasm, "%s/all.pasm", tmpdir);
    snprintf(p_out, sizeof p_out, "%s/%s.out", RUN_DIR, name);
    buf want = {0}, dis = {0};
    bool ok = read_file(p_out, &want);
    mkdir(cls, 0700);
    mkdir(cls2, 0700);
    char *compile1[] = {phantom, "compile", "-o", cls, arg, NULL};
    char *compile2[] = {phantom, "compile", "-o", cls2, arg, NULL};
    char *run_cls[] = {phantom, "run", "--image", img, cls, NULL};
    char *disasm[] = {phantom, "disasm", cls, NULL};
    char *run_asm[] = {phantom, "run", "--image", img, pasm, NULL};
    ok = ok && step(name, "phantom compile", compile1, NULL, NULL) && step(name, "phantom compile", compile2, NULL, NULL);
    DIR *d = ok ? opendir(cls) : NULL;
    int nfiles = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char a[900], b[900];
        buf ta = {0}, tb = {0};
        snprintf(a, sizeof a, "%s/%s", cls, e->d_name);
        snprintf(b, sizeof b, "%s/%s", cls2, e->d_name);
        nfiles++;
        if (!read_file(a, &ta) || !read_file(b, &tb) || !same(&ta, &tb)) {
            printf("FAIL classfiles/%s: %s differs between two compilations\n", name, e->d_name);
            ok = false;
        }
        buf_free(&ta);
        buf_free(&tb);
    }
    if (d)
        closedir(d);
    ok = ok && nfiles > 0 && step(name, "phantom run of the class files", run_cls, &want, NULL);
    unlink(img);
    ok = ok && step(name, "phantom disasm", disasm, NULL, &dis) && write_file(pasm, &dis);
    ok = ok && step(name, "phantom run of the disassembly", run_asm, &want, NULL);
    unlink(img);
    unlink(pasm);
    clear_dir(cls);
    clear_dir(cls2);
    rmdir(cls);
    rmdir(cls2);
    buf_free(&want);
    buf_free(&dis);
    t_checks++;
    if (ok)
        printf("ok   classfiles/%s (%d classes)\n", name, nfiles);
    else
        t_failures++;
    fflush(stdout);
    return ok;
}

/* ---- random programs ------------------------------------------------------------------------ */

/*
 * Random programs: nested loops, switches, try/catch/finally,
 * synchronized blocks, with break, continue, return and throw leaving
 * them from any depth (the code paths where the compiler copies finally
 * blocks and juggles protected ranges).  There is no expected output:
 * each must compile without errors, pass the verifier and run to its end
 * (every exception is caught in main), exit status 0.
 */
typedef struct gen {
    uint64_t rng;
    buf out;
    int vars;
} gen;

static unsigned pick_n(gen *g, unsigned n)
{
    return (unsigned)(t_rand(&g->rng) % n);
}

static void emit(gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void emit(gen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vaddf(&g->out, fmt, ap);
    va_end(ap);
}

static const char *gen_cond(gen *g)
{
    static const char *const c[] = {"x > 3", "y < x", "(x & 1) == 0", "x != y && y > 0", "!(x < 3) || y == 2",
                                    "s.length() > 3", "d < 2.5", "x > 12"};
    return c[pick_n(g, 8)];
}

static void gen_block(gen *g, int depth, bool loop, bool in_try);

static void gen_simple(gen *g, bool loop, bool in_try)
{
    static const char *const plain[] = {"x += 2;", "y = y * 2 - x;", "println(\"p\" + x + \" \" + y);", "s += x;",
                                        "d += 0.5;", "x++;", "y--;", "arr[x & 3] += 1;", "y = x % 7;",
                                        "y = (x > 2 ? y : x);"};
    unsigned r = pick_n(g, 10);
    if (loop && r < 2)
        emit(g, "if (%s) %s ", gen_cond(g), r ? "break;" : "continue;");
    else if (r == 2)
        emit(g, "if (%s) return x; ", gen_cond(g));
    else if (in_try && r == 3)
        emit(g, "if (%s) throw \"t\" + x; ", gen_cond(g));
    else
        emit(g, "%s ", plain[pick_n(g, 10)]);
}

static void gen_stmt_rand(gen *g, int depth, bool loop, bool in_try)
{
    if (depth <= 0 || pick_n(g, 10) < 3) {
        gen_simple(g, loop, in_try);
        return;
    }
    int v = ++g->vars;
    switch (pick_n(g, 9)) {
    case 0:
        emit(g, "if (%s) { ", gen_cond(g));
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} else { ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} ");
        break;
    case 1:
        emit(g, "for (int v%d = 0; v%d < 3; v%d++) { ", v, v, v);
        gen_block(g, depth - 1, true, in_try);
        emit(g, "} ");
        break;
    case 2:
        emit(g, "int v%d = 0; while (v%d < 4) { v%d++; ", v, v, v);
        gen_block(g, depth - 1, true, in_try);
        emit(g, "} ");
        break;
    case 3:
        emit(g, "switch (x %% 4) { case 0: ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "break; case 1: ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "default: ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} ");
        break;
    case 4:
        emit(g, "try { ");
        gen_block(g, depth - 1, loop, true);
        emit(g, "} catch (string e%d) { s += e%d; ", v, v);
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} finally { ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} ");
        break;
    case 5:
        emit(g, "try { ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} finally { y++; ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} ");
        break;
    case 6:
        emit(g, "synchronized (lock) { ");
        gen_block(g, depth - 1, loop, in_try);
        emit(g, "} ");
        break;
    case 7:
        emit(g, "int v%d = 0; do { v%d++; ", v, v);
        gen_block(g, depth - 1, true, in_try);
        emit(g, "} while (v%d < 2); ", v);
        break;
    default:
        emit(g, "foreach (var v%d in arr) { y += v%d; ", v, v);
        gen_block(g, depth - 1, true, in_try);
        emit(g, "} ");
        break;
    }
}

static void gen_block(gen *g, int depth, bool loop, bool in_try)
{
    for (unsigned n = 1 + pick_n(g, 3); n > 0; n--)
        gen_stmt_rand(g, depth, loop, in_try);
}

/* Random typed expressions: every operator over every primitive type and
 * strings, with casts, conditionals, compound assignments to locals,
 * fields, statics and elements.  Statically typed code must never make
 * the VM raise a type error, and the verifier must accept it all. */
enum { T_INT, T_LONG, T_DOUBLE, T_FLOAT, T_CHAR, T_BOOL, T_STRING, T_COUNT };
static const char *const ty_names[T_COUNT] = {"int", "long", "double", "float", "char", "bool", "string"};
static const char *const ty_vars[T_COUNT][4] = {
    {"i1", "o.fi", "arr[1]", "S.si"}, {"l1", "o.fl", "l1", "o.fl"}, {"d1", "o.fd", "d1", "o.fd"},
    {"f1", "f1", "f1", "f1"}, {"c1", "o.fc", "c1", "o.fc"}, {"b1", "b1", "b1", "b1"}, {"s1", "o.fs", "s1", "o.fs"}};

static int ty_rank(int t)
{
    return t == T_LONG ? 1 : t == T_FLOAT ? 2 : t == T_DOUBLE ? 3 : 0;
}

static void gen_expr_of(gen *g, int t, int d);

static void gen_leaf(gen *g, int t)
{
    if (pick_n(g, 2)) {
        emit(g, "%s", ty_vars[t][pick_n(g, 4)]);
        return;
    }
    switch (t) {
    case T_INT: emit(g, "%d", (int)pick_n(g, 101) - 50); break;
    case T_LONG: emit(g, "%dL", (int)pick_n(g, 19) - 9); break;
    case T_DOUBLE: emit(g, "%u.5", pick_n(g, 10)); break;
    case T_FLOAT: emit(g, "%u.25f", pick_n(g, 10)); break;
    case T_CHAR: emit(g, "'%c'", "abcxyz"[pick_n(g, 6)]); break;
    case T_BOOL: emit(g, "%s", pick_n(g, 2) ? "true" : "false"); break;
    default: emit(g, "\"%s\"", (const char *[]){"a", "bc", "", "xyz"}[pick_n(g, 4)]); break;
    }
}

static void gen_expr_of(gen *g, int t, int d)
{
    static const char *const cmp[] = {"<", "<=", ">", ">=", "==", "!="};
    static const char *const bits[] = {"&", "|", "^", "<<", ">>", ">>>"};
    if (d <= 0 || pick_n(g, 4) == 0) {
        gen_leaf(g, t);
        return;
    }
    unsigned k = pick_n(g, 7);
    if (t == T_STRING) {
        int o = (int)pick_n(g, T_COUNT);
        emit(g, "(");
        gen_expr_of(g, k & 1 ? T_STRING : o, d - 1);
        emit(g, " + ");
        gen_expr_of(g, k & 1 ? o : T_STRING, d - 1);
        emit(g, ")");
        return;
    }
    if (t == T_BOOL) {
        int a = (int)pick_n(g, 4), b = (int)pick_n(g, 4); /* int long double float */
        emit(g, "(");
        if (k < 2) {
            gen_expr_of(g, T_BOOL, d - 1);
            emit(g, k ? " && " : " || ");
            gen_expr_of(g, T_BOOL, d - 1);
        } else if (k == 2) {
            emit(g, "!");
            gen_expr_of(g, T_BOOL, d - 1);
        } else if (k == 3) {
            gen_expr_of(g, T_STRING, d - 1);
            emit(g, " == ");
            gen_expr_of(g, T_STRING, d - 1);
        } else {
            gen_expr_of(g, a, d - 1);
            emit(g, " %s ", cmp[pick_n(g, 6)]);
            gen_expr_of(g, b, d - 1);
        }
        emit(g, ")");
        return;
    }
    switch (k) {
    case 0:
        emit(g, "((%s)", ty_names[t]);
        gen_expr_of(g, (int)pick_n(g, 5), d - 1);
        emit(g, ")");
        return;
    case 1:
        emit(g, "(");
        gen_expr_of(g, T_BOOL, d - 1);
        emit(g, " ? ");
        gen_expr_of(g, t, d - 1);
        emit(g, " : ");
        gen_expr_of(g, t, d - 1);
        emit(g, ")");
        return;
    case 2:
        if (t == T_INT) {
            gen_expr_of(g, T_STRING, d - 1);
            emit(g, ".length()");
            return;
        }
        break;
    case 3:
        if (t == T_INT || t == T_LONG) {
            emit(g, "(");
            gen_expr_of(g, t, d - 1);
            emit(g, " %s ", bits[pick_n(g, 6)]);
            gen_expr_of(g, pick_n(g, 2) ? T_INT : T_CHAR, d - 1);
            emit(g, ")");
            return;
        }
        break;
    case 4:
        if (t != T_CHAR) {
            emit(g, "(-(");
            gen_expr_of(g, t, d - 1);
            emit(g, "))");
            return;
        }
        break;
    default:
        break;
    }
    if (t == T_CHAR) {
        emit(g, "((char)(");
        gen_expr_of(g, T_CHAR, d - 1);
        emit(g, " + 1))");
        return;
    }
    /* arithmetic whose promoted type is t */
    int a = t, b;
    do
        b = (int)pick_n(g, 5);
    while (ty_rank(b) > ty_rank(t));
    if (pick_n(g, 2)) {
        int x = a;
        a = b;
        b = x;
    }
    emit(g, "(");
    gen_expr_of(g, a, d - 1);
    emit(g, " %c ", "+-*"[pick_n(g, 3)]);
    gen_expr_of(g, b, d - 1);
    emit(g, ")");
}

static bool run_random(gen *g, uint64_t seed, const char *what)
{
    char src[600], img[600];
    snprintf(src, sizeof src, "%s/random.ph", tmpdir);
    snprintf(img, sizeof img, "%s/random.img", tmpdir);
    bool ok = write_file(src, &g->out);
    char *argv[] = {phantom, "run", "--image", img, src, NULL};
    result r = {0};
    if (ok)
        run(argv, "/dev/null", RUN_DIR, &r);
    unlink(img);
    /* nesting finally blocks deep enough can make a method too large (each
     * way out copies them): a limit, reported as such, not a failure */
    bool too_large = strstr(r.err.p ? r.err.p : "", "is too large to compile") != NULL;
    ok = ok && !r.timed_out && WIFEXITED(r.status) &&
         ((WEXITSTATUS(r.status) == 0 && !strstr(r.err.p ? r.err.p : "", "error") &&
           !strstr(r.err.p ? r.err.p : "", "Uncaught")) ||
          (WEXITSTATUS(r.status) == 2 && too_large));
    t_checks++;
    if (!ok) {
        t_failures++;
        printf("FAIL random/%s/%llu (kept as %s)\n", what, (unsigned long long)seed, src);
        show_text("standard error", &r.err);
    } else {
        unlink(src);
    }
    buf_free(&g->out);
    buf_free(&r.out);
    buf_free(&r.err);
    return ok;
}

static bool random_expressions(uint64_t seed)
{
    gen g = {.rng = seed * 7919};
    emit(&g, "class S { static int si = 3; };\n"
             "class O { int fi = 1; long fl = 2; double fd = 0.5; char fc = 'q'; string fs = \"f\"; };\n"
             "class x%llu\n{\n    static void main()\n    {\n"
             "        int i1 = 7; long l1 = 5; double d1 = 1.5; float f1 = 2.5f; char c1 = 'k'; bool b1 = true;\n"
             "        string s1 = \"s\"; var o = new O(); int[] arr = new int[3];\n", (unsigned long long)seed);
    for (int n = 0; n < 20; n++) {
        int t = (int)pick_n(&g, T_COUNT);
        const char *target = ty_vars[t][pick_n(&g, 4)];
        const char *op = "=";
        if ((t == T_INT || t == T_LONG || t == T_DOUBLE || t == T_FLOAT) && pick_n(&g, 3) == 0)
            op = (const char *[]){"+=", "-=", "*="}[pick_n(&g, 3)];
        else if (t == T_STRING && pick_n(&g, 3) == 0)
            op = "+=";
        emit(&g, "        %s %s ", target, op);
        gen_expr_of(&g, t, 4);
        emit(&g, ";\n        println(\"%d \" + %s);\n", n, target);
    }
    emit(&g, "    }\n};\n");
    return run_random(&g, seed, "expressions");
}

static bool random_program(uint64_t seed)
{
    gen g = {.rng = seed};
    emit(&g, "class r%llu\n{\n    static int f(int x)\n    {\n        int y = 1; string s = \"\"; double d = 0;\n"
             "        var lock = new .internal.mutex(); int[] arr = new int[4];\n        ", (unsigned long long)seed);
    gen_block(&g, 5, false, false);
    emit(&g, "\n        return x + y + s.length();\n    }\n    static void main()\n    {\n"
             "        for (int i = 0; i < 6; i++) {\n"
             "            try { println(f(i)); } catch (string e) { println(\"escaped \" + e); }\n"
             "        }\n    }\n};\n");
    return run_random(&g, seed, "statements");
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The tests of a directory: NAME.ph files and NAME/ directories, sorted. */
static char **list(const char *dir, const char *filter, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        fprintf(stderr, "lang_run: cannot open %s (run from the repository root)\n", dir);
    REQUIRE(d);
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *nm = e->d_name;
        size_t len = strlen(nm);
        char path[600];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, nm);
        if (nm[0] == '.' || stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            ;
        else if (len > 3 && !strcmp(nm + len - 3, ".ph"))
            len -= 3;
        else
            continue;
        char *s = strndup(nm, len);
        need(s != NULL, "out of memory");
        if (filter && !strstr(s, filter)) {
            free(s);
            continue;
        }
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            need(names != NULL, "out of memory");
        }
        names[(*n)++] = s;
    }
    closedir(d);
    if (*n)
        qsort(names, *n, sizeof *names, cmp_names);
    return names;
}

int main(int argc, char **argv)
{
    runner_name = "lang_run";
    const char *build = getenv("BUILD");
    char rel[PATH_MAX];
    snprintf(rel, sizeof rel, "%s/phantom", build && *build ? build : "build");
    REQUIRE(realpath(rel, phantom) != NULL);
    REQUIRE(access(phantom, X_OK) == 0);
    update = getenv("PHANTOM_UPDATE_GOLDEN") && !strcmp(getenv("PHANTOM_UPDATE_GOLDEN"), "1");
    const char *filter = argc > 1 ? argv[1] : NULL;
    const char *tmp = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/lang_run.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    REQUIRE(mkdtemp(tmpdir));
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    int64_t t0 = now_ms();
    size_t total = 0, passed = 0;
    for (int errors = 0; errors < 2; errors++) {
        const char *dir = errors ? ERR_DIR : RUN_DIR;
        size_t n;
        char **names = list(dir, filter, &n);
        for (size_t i = 0; i < n; i++) {
            passed += one(dir, names[i], errors);
            total++;
            /* NAME.env: NAME runs again with these VAR=value lines set */
            char envp[700];
            snprintf(envp, sizeof envp, "%s/%s.env", dir, names[i]);
            FILE *ef = fopen(envp, "r");
            char line[256], *set[8];
            int nset = 0;
            while (ef && nset < 8 && fgets(line, sizeof line, ef)) {
                line[strcspn(line, "\n")] = 0;
                char *eq = strchr(line, '=');
                if (!eq)
                    continue;
                *eq = 0;
                setenv(line, eq + 1, 1);
                need((set[nset++] = strdup(line)) != NULL, "out of memory");
            }
            if (ef) {
                fclose(ef);
                printf("  (again, with %s.env)\n", names[i]);
                passed += one(dir, names[i], errors);
                total++;
            }
            while (nset > 0) {
                unsetenv(set[--nset]);
                free(set[nset]);
            }
            free(names[i]);
        }
        free(names);
    }
    static const char *const roundtrip[] = {"hello",        "multi_file",  "ctor_chain",   "exc_finally",
                                            "overloading",  "orig_package", "switch_stmt", "control_mix",
                                            "orig_basket",  "foreach_edge", "sync_methods"};
    for (size_t i = 0; i < sizeof roundtrip / sizeof roundtrip[0]; i++)
        if (!filter || strstr(roundtrip[i], filter)) {
            passed += classfiles(roundtrip[i]);
            total++;
        }
    if (!filter || strstr("random", filter)) {
        size_t ok = 0, n = getenv("LANG_RUN_RANDOM") ? (size_t)atoi(getenv("LANG_RUN_RANDOM")) : 40;
        for (size_t i = 1; i <= n; i++)
            ok += random_program(i) & random_expressions(i);
        printf("%s  random programs: %zu of %zu\n", ok == n ? "ok" : "FAIL", ok, n);
        passed += ok == n;
        total++;
    }
    DIR *td = opendir(tmpdir); /* whatever the engine kept beside the images */
    for (struct dirent *e; td && (e = readdir(td));) {
        char f[600];
        snprintf(f, sizeof f, "%s/%s", tmpdir, e->d_name);
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlink(f);
    }
    if (td)
        closedir(td);
    CHECK(rmdir(tmpdir) == 0);
    REQUIRE(filter || total >= 80);
    printf("%zu of %zu programs passed in %.1f s\n", passed, total, (double)(now_ms() - t0) / 1000.0);
    return test_done("lang_run");
}
