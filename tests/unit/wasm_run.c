/*
 * wasm_run.c - the WebAssembly suite (docs/WASM.md, "Tests").
 *
 *  1. tests/wasm/c/NAME.c: compiled twice, by clang for wasm32-wasi and
 *     natively by gcc; `phantom run NAME.wasm -- ARGS` must write exactly
 *     the native program's standard output and error and exit with its
 *     status (ARGS: one a line of NAME.args; standard input: NAME.in, or
 *     empty).  Programs that use files use relative paths: the native
 *     one runs in a new empty directory, the wasm one in a new world,
 *     whose empty file system is its working directory.
 *  2. tests/wasm/wat/NAME.wat (wat2wasm): instruction edge cases and
 *     traps, checked like the golden suites: standard output equals
 *     NAME.out (empty without one), standard error holds the lines of
 *     NAME.err in order (empty without one), status NAME.code (0).
 *  3. tests/wasm/bad/NAME.wat (wat2wasm --no-check): invalid modules,
 *     refused with exit status 2 and the rule of NAME.err.
 *  4. Every truncation of a compiled C module and every single-byte
 *     change of its first 4 KiB is refused or loads: never a crash.
 *  5. tests/wasm/lib/NAME.c, a library (clang -mexec-model=reactor) put
 *     in a new world's file system as /NAME.wasm, called by the Phantom
 *     program NAME.ph: its output must be NAME.out exactly, status 0.
 *
 * Without clang's wasm32-wasi target (wasi-libc, libclang-rt-14-dev-wasm32)
 * or wabt, the parts that need them are skipped with one line each.
 *
 *   BUILD=build build/tests/unit/wasm_run          everything
 *   BUILD=build build/tests/unit/wasm_run floats   names containing "floats"
 */
#define _GNU_SOURCE
#include "runner.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/wasm/wasm.h"

static const char *phantom, *filter;
static char work[300];

static bool tool_works(const char *cmd)
{
    char line[1200];
    snprintf(line, sizeof line, "%s >/dev/null 2>&1", cmd);
    return system(line) == 0;
}

/* Runs phantom on a module with standard input from the file input; fills r. */
static void run_wasm(const char *wasm, const char *name, char **args, int nargs, const char *input, result *r)
{
    char img[600];
    snprintf(img, sizeof img, "%s/%s.img", work, name);
    memcpy(cur_img, img, sizeof cur_img);
    char *argv[80] = {(char *)phantom, "run", "--image", img, (char *)wasm, "--"};
    int argn = 6;
    for (int i = 0; i < nargs && argn < 78; i++)
        argv[argn++] = args[i];
    argv[argn] = NULL;
    run(argv, input, NULL, r);
    unlink(img);
}

/* 1: the C corpus, wasm against native. */
static void c_corpus(void)
{
    char **v;
    int n = runner_list("tests/wasm/c", ".c", filter, &v);
    for (int i = 0; i < n; i++) {
        char src[400], wasm[600], native[600], argsp[400], input[400], dir[600];
        snprintf(src, sizeof src, "tests/wasm/c/%s.c", v[i]);
        snprintf(input, sizeof input, "tests/wasm/c/%s.in", v[i]);
        if (access(input, R_OK) != 0)
            snprintf(input, sizeof input, "/dev/null");
        snprintf(dir, sizeof dir, "%s/%s.d", work, v[i]);
        snprintf(wasm, sizeof wasm, "%s/%s.wasm", work, v[i]);
        snprintf(native, sizeof native, "%s/%s.native", work, v[i]);
        snprintf(argsp, sizeof argsp, "tests/wasm/c/%s.args", v[i]);
        if (!runner_sh("clang --target=wasm32-wasi --sysroot=/usr -O2 %s -o %s", src, wasm) ||
            !runner_sh("gcc -O2 %s -o %s -lm", src, native)) {
            runner_report(false, "c", v[i], "does not compile");
            continue;
        }
        buf at = {0};
        char *args[64];
        int nargs = runner_args(argsp, args, 0, &at);
        char *argv[70] = {native};
        for (int k = 0; k < nargs; k++)
            argv[k + 1] = args[k];
        argv[nargs + 1] = NULL;
        result nr = {0}, wr = {0};
        need(mkdir(dir, 0755) == 0, dir);
        run(argv, input, dir, &nr);
        run_wasm(wasm, v[i], args, nargs, input, &wr);
        char why[300] = "";
        size_t wl = 0;
        if (runner_status(&nr) != runner_status(&wr))
            t_append(why, sizeof why, &wl, " exit status %d, native %d;", runner_status(&wr), runner_status(&nr));
        if (nr.out.n != wr.out.n || memcmp(nr.out.p, wr.out.p, nr.out.n))
            t_append(why, sizeof why, &wl, " standard output differs;");
        if (nr.err.n != wr.err.n || memcmp(nr.err.p, wr.err.p, nr.err.n))
            t_append(why, sizeof why, &wl, " standard error differs;");
        runner_report(!wl, "c", v[i], why);
        if (wl) {
            print_diff(&nr.out, &wr.out);
            print_indented("standard error (wasm)", &wr.err, 20);
        }
        buf_free(&at);
        buf_free(&nr.out);
        buf_free(&nr.err);
        buf_free(&wr.out);
        buf_free(&wr.err);
        unlink(native);
        free(v[i]);
    }
    free(v);
}

/* 5: Phantom programs calling library modules. */
static void lib_corpus(void)
{
    char **v;
    int n = runner_list("tests/wasm/lib", ".c", filter, &v);
    for (int i = 0; i < n; i++) {
        char wasm[600], img[600], ph[400], outp[400];
        snprintf(wasm, sizeof wasm, "%s/%s.lib.wasm", work, v[i]);
        snprintf(img, sizeof img, "%s/%s.lib.img", work, v[i]);
        snprintf(ph, sizeof ph, "tests/wasm/lib/%s.ph", v[i]);
        snprintf(outp, sizeof outp, "tests/wasm/lib/%s.out", v[i]);
        if (!runner_sh("clang --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor tests/wasm/lib/%s.c -o %s", v[i],
                wasm) ||
            !runner_sh("%s fs --image %s put /%s.wasm %s", phantom, img, v[i], wasm)) {
            runner_report(false, "lib", v[i], "does not compile, or cannot be put in the world");
            free(v[i]);
            continue;
        }
        memcpy(cur_img, img, sizeof cur_img);
        char *argv[] = {(char *)phantom, "run", "--image", img, ph, NULL};
        result r = {0};
        run(argv, "/dev/null", NULL, &r);
        buf want = {0};
        need(read_file(outp, &want), outp);
        bool same = want.n == r.out.n && !memcmp(want.p, r.out.p, want.n);
        runner_report(same && runner_status(&r) == 0, "lib", v[i], same ? "exit status not 0" : "standard output differs");
        if (!same)
            print_diff(&want, &r.out);
        if (runner_status(&r) != 0)
            print_indented("standard error", &r.err, 20);
        buf_free(&want);
        buf_free(&r.out);
        buf_free(&r.err);
        unlink(img);
        free(v[i]);
    }
    free(v);
}

/* 2 and 3: .wat modules with expected output, error lines and status. */
static void wat_dir(const char *dir, bool invalid)
{
    char **v;
    int n = runner_list(dir, ".wat", filter, &v);
    for (int i = 0; i < n; i++) {
        char src[400], wasm[600], p[400];
        snprintf(src, sizeof src, "%s/%s.wat", dir, v[i]);
        snprintf(wasm, sizeof wasm, "%s/%s.wasm", work, v[i]);
        if (!runner_sh("wat2wasm %s %s -o %s", invalid ? "--no-check" : "--debug-names", src, wasm)) {
            runner_report(false, invalid ? "bad" : "wat", v[i], "wat2wasm failed");
            continue;
        }
        buf want_out = {0}, want_err = {0}, code = {0};
        snprintf(p, sizeof p, "%s/%s.out", dir, v[i]);
        read_file(p, &want_out);
        snprintf(p, sizeof p, "%s/%s.err", dir, v[i]);
        bool have_err = read_file(p, &want_err);
        snprintf(p, sizeof p, "%s/%s.code", dir, v[i]);
        int want_code = read_file(p, &code) ? atoi(code.p) : invalid ? 2 : 0;
        result r = {0};
        run_wasm(wasm, v[i], NULL, 0, "/dev/null", &r);
        char why[400] = "";
        size_t wl = 0;
        const char *missing = NULL;
        size_t ml = 0;
        if (runner_status(&r) != want_code)
            t_append(why, sizeof why, &wl, " exit status %d, expected %d;", runner_status(&r), want_code);
        if (want_out.n != r.out.n || (r.out.n && memcmp(want_out.p, r.out.p, r.out.n)))
            t_append(why, sizeof why, &wl, " standard output differs;");
        if (have_err ? !err_matches(&want_err, &r.err, &missing, &ml) : r.err.n != 0)
            t_append(why, sizeof why, &wl, have_err ? " standard error lacks \"%.*s\";" : " unexpected standard error;",
                     (int)ml, missing ? missing : "");
        runner_report(!wl, invalid ? "bad" : "wat", v[i], why);
        if (wl) {
            print_diff(&want_out, &r.out);
            print_indented("standard error", &r.err, 20);
        }
        buf_free(&want_out);
        buf_free(&want_err);
        buf_free(&code);
        buf_free(&r.out);
        buf_free(&r.err);
        unlink(wasm);
        free(v[i]);
    }
    free(v);
}

/* 4: damaged modules never crash the loader. */
static void damaged(void)
{
    char wasm[600];
    snprintf(wasm, sizeof wasm, "%s/damaged.wasm", work);
    if (!runner_sh("clang --target=wasm32-wasi --sysroot=/usr -O2 tests/wasm/c/strings.c -o %s", wasm))
        return;
    buf b = {0};
    need(read_file(wasm, &b), wasm);
    uint8_t *image;
    size_t len;
    wa_error err;
    bool ok = wa_load((const uint8_t *)b.p, b.n, &image, &len, &err) == 0;
    free(ok ? image : NULL);
    int refused = 0, total = 0;
    for (size_t cut = 0; ok && cut < b.n; cut += 1 + cut / 64, total++) {
        if (wa_load((const uint8_t *)b.p, cut, &image, &len, &err) == 0)
            free(image);
        else
            refused += err.msg[0] != 0;
    }
    uint64_t rng = 42;
    for (size_t i = 0; ok && i < 4096 && i < b.n; i++, total++) {
        uint8_t *copy = malloc(b.n);
        need(copy != NULL, "out of memory");
        memcpy(copy, b.p, b.n);
        copy[i] ^= (uint8_t)(1 + t_rand(&rng) % 255);
        if (wa_load(copy, b.n, &image, &len, &err) == 0)
            free(image);
        free(copy);
    }
    char why[120];
    snprintf(why, sizeof why, "%d of the truncations were refused without a message", total - refused);
    runner_report(ok && refused > 0, "damaged", "truncations and byte changes", ok ? why : "the module does not load");
    buf_free(&b);
    unlink(wasm);
}

int main(int argc, char **argv)
{
    runner_name = "wasm_run";
    filter = argc > 1 ? argv[1] : NULL;
    static char ph[512];
    snprintf(ph, sizeof ph, "%s/phantom", t_build_dir());
    phantom = ph;
    snprintf(work, sizeof work, "/tmp/phantom-wasm-XXXXXX");
    need(mkdtemp(work) != NULL, "mkdtemp");
    snprintf(tmpdir, sizeof tmpdir, "%s", work);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    bool have_clang = tool_works("printf 'int main(void){return 0;}' | clang --target=wasm32-wasi --sysroot=/usr "
                                 "-x c - -o /dev/null");
    bool have_wabt = tool_works("wat2wasm --version");
    if (have_clang) {
        c_corpus();
        lib_corpus();
        if (!filter)
            damaged();
    } else {
        printf("wasm_run: skipped the C corpus: clang cannot build for wasm32-wasi "
               "(apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)\n");
    }
    if (have_wabt) {
        wat_dir("tests/wasm/wat", false);
        wat_dir("tests/wasm/bad", true);
    } else {
        printf("wasm_run: skipped the .wat tests: wat2wasm is not installed (apt-get install wabt)\n");
    }
    t_remove_dir(work);
    tmpdir[0] = 0;
    return test_done("wasm_run");
}
