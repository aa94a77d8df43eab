/*
 * gc_run.c - the garbage collector's suite: every tests/lang/gc/NAME.ph,
 * compiled together with tests/lang/gc/common/ (the reference structure
 * and the checks, gccheck.ph) and a generated class
 *
 *     class gcparams { static long allocations() { return N; } };
 *
 * and checked as tests/golden.h describes (NAME.out, exactly).  N is the
 * number of objects each program makes and drops, in cycles of every
 * shape: 10 million in the plain build, 1 million under ASan (which is
 * about five times slower, and the harness kills a program after 20 s),
 * or $PHANTOM_GC_ALLOCS.  The output does not depend on N.
 * tests/lang/gc/README.md describes the programs.
 *
 *   BUILD=build build/tests/unit/gc_run               every program
 *   BUILD=build build/tests/unit/gc_run rings         names containing "rings"
 *   PHANTOM_GC_ALLOCS=100000000 BUILD=build build/tests/unit/gc_run mixed
 */
#define _GNU_SOURCE
#include "golden.h"

#if defined(__SANITIZE_ADDRESS__)
#define DEFAULT_ALLOCS 1000000L
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DEFAULT_ALLOCS 1000000L
#endif
#endif
#ifndef DEFAULT_ALLOCS
#define DEFAULT_ALLOCS 10000000L
#endif

int main(int argc, char **argv)
{
    long n = DEFAULT_ALLOCS;
    const char *env = getenv("PHANTOM_GC_ALLOCS");
    if (env && *env)
        n = atol(env);
    REQUIRE(n >= 10);

    const char *tmp = getenv("TMPDIR");
    char dir[256], params[300];
    snprintf(dir, sizeof dir, "%s/gc_run_params.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    REQUIRE(mkdtemp(dir));
    snprintf(params, sizeof params, "%s/gcparams.ph", dir);
    FILE *f = fopen(params, "w");
    REQUIRE(f);
    fprintf(f, "// written by tests/unit/gc_run.c\nclass gcparams { static long allocations() { return %ldL; } };\n", n);
    REQUIRE(fclose(f) == 0);
    printf("gc_run: %ld allocations per program\n", n);

    const char *pre[] = {params, "tests/lang/gc/common", NULL};
    static golden_suite s = {"gc_run", "tests/lang/gc", ".ph", NULL};
    s.pre_args = pre;
    int rc = golden_main(&s, argc, argv);
    unlink(params);
    rmdir(dir);
    return rc;
}
