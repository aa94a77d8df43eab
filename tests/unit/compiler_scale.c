/*
 * compiler_scale.c - the compiler on generated sources far larger than
 * anyone writes, so that work growing faster than the source shows up as
 * a failure rather than as a slow test.
 *
 *  1. A method with 60,000 locals compiles, and its class runs, within
 *     LOCALS_CPU_S seconds of CPU time (RLIMIT_CPU; it took 15 s when each
 *     declaration searched every earlier local, under 0.2 s with the hashed
 *     scope; the bound leaves room for ASan and a loaded machine).
 *  2. 65,600 locals, past the class file's limit: an error, not a crash.
 *  3. (Not under ASan, which reserves address space of its own.) A source
 *     of 200,000 statements under an address-space limit far below what it
 *     needs: "out of memory", exit status 2, never a signal.
 *  4. (Not under ASan.) The same source compiles under an address-space
 *     limit of STATEMENTS_AS_MIB: the compiler's memory per statement is
 *     bounded.  It needed 360 MiB when every expression had a 136-byte
 *     record behind a pointer->record hash map, every node the size of the
 *     largest of its kind and every identifier use its own copy; about
 *     200 MiB since.  A change that makes it grow back by a quarter fails
 *     here rather than on a user's 30 MB source.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"

#define LOCALS_CPU_S 10
#define STATEMENTS_AS_MIB 250

static char phantom[512], dir[64];

/* A class whose main() declares n int locals and prints the last. */
static void write_locals(const char *path, int n)
{
    FILE *f = fopen(path, "w");
    REQUIRE(f);
    fprintf(f, "class scale {\n    static void main() {\n");
    for (int i = 0; i < n; i++)
        fprintf(f, "        int v%d = %d;\n", i, i);
    fprintf(f, "        println(v%d);\n    }\n};\n", n - 1);
    REQUIRE(fclose(f) == 0);
}

#if !defined(__SANITIZE_ADDRESS__)
/* 200 methods of 1,000 assignments each. */
static void write_statements(const char *path)
{
    FILE *f = fopen(path, "w");
    REQUIRE(f);
    fprintf(f, "class scale {\n");
    for (int m = 0; m < 200; m++) {
        fprintf(f, "    static int m%d(int a) {\n", m);
        for (int i = 0; i < 1000; i++)
            fprintf(f, "        a = a + %d;\n", i);
        fprintf(f, "        return a;\n    }\n");
    }
    fprintf(f, "    static void main() { println(m0(1)); }\n};\n");
    REQUIRE(fclose(f) == 0);
}
#endif

/* Runs phantom with args under the limits (0: none); returns the wait
 * status, with standard output and error (cut at cap) in out. */
static int run(const char *const *args, rlim_t cpu_s, rlim_t as_bytes, char *out, size_t cap)
{
    char log[256];
    snprintf(log, sizeof log, "%s/out.txt", dir);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (cpu_s)
            setrlimit(RLIMIT_CPU, &(struct rlimit){cpu_s, cpu_s});
        if (as_bytes)
            setrlimit(RLIMIT_AS, &(struct rlimit){as_bytes, as_bytes});
        if (!freopen(log, "w", stdout) || dup2(1, 2) < 0)
            _exit(126);
        char *argv[16] = {phantom};
        for (int i = 0; args[i] && i < 14; i++)
            argv[i + 1] = (char *)args[i];
        execv(phantom, argv);
        _exit(127);
    }
    int st;
    REQUIRE(waitpid(pid, &st, 0) == pid);
    FILE *f = fopen(log, "r");
    REQUIRE(f);
    size_t n = fread(out, 1, cap - 1, f);
    out[n] = 0;
    fclose(f);
    return st;
}

/* Checks ok; if it failed, says how the run ended. */
static void expect(bool ok, const char *what, int st, const char *out)
{
    CHECK(ok);
    if (ok)
        return;
    if (WIFSIGNALED(st))
        fprintf(stderr, "%s: killed by signal %d%s\n", what, WTERMSIG(st),
                WTERMSIG(st) == SIGXCPU ? " (over the CPU time bound: something grew faster than the source)" : "");
    else
        fprintf(stderr, "%s: exit status %d\n", what, WEXITSTATUS(st));
    fprintf(stderr, "%.2000s\n", out);
}

int main(void)
{
    const char *b = getenv("BUILD");
    snprintf(phantom, sizeof phantom, "%s/phantom", b && *b ? b : "build");
    snprintf(dir, sizeof dir, "/tmp/phantom-scale-XXXXXX");
    REQUIRE(mkdtemp(dir));
    char src[256], img[256], out[8192];
    snprintf(img, sizeof img, "%s/w.img", dir);

    snprintf(src, sizeof src, "%s/locals.ph", dir);
    write_locals(src, 60000);
    int st = run((const char *[]){"run", "--image", img, src, NULL}, LOCALS_CPU_S, 0, out, sizeof out);
    expect(WIFEXITED(st) && WEXITSTATUS(st) == 0 && !strcmp(out, "59999\n"), "60,000 locals", st, out);

    write_locals(src, 65600);
    st = run((const char *[]){"compile", "-o", dir, src, NULL}, LOCALS_CPU_S, 0, out, sizeof out);
    expect(WIFEXITED(st) && WEXITSTATUS(st) == 2 && strstr(out, "too many local variables in this method"),
           "65,600 locals", st, out);

#if !defined(__SANITIZE_ADDRESS__)
    snprintf(src, sizeof src, "%s/statements.ph", dir);
    write_statements(src);
    st = run((const char *[]){"compile", "-o", dir, src, NULL}, 60, (rlim_t)96 << 20, out, sizeof out);
    expect(WIFEXITED(st) && WEXITSTATUS(st) == 2 && strstr(out, "out of memory"), "200,000 statements in 96 MiB",
           st, out);

    st = run((const char *[]){"compile", "-o", dir, src, NULL}, 60, (rlim_t)STATEMENTS_AS_MIB << 20, out, sizeof out);
    expect(WIFEXITED(st) && WEXITSTATUS(st) == 0, "200,000 statements under STATEMENTS_AS_MIB of address space", st, out);
#endif

    if (!t_failures)
        t_remove_dir(dir);
    return test_done("compiler_scale");
}
