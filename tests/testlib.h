/*
 * testlib.h - the smallest test harness that does the job: CHECK() records
 * a failure with file:line and the expression, and the test's exit status
 * says whether any check failed.  Tests print one line per case.
 */
#ifndef PHANTOM_TESTLIB_H
#define PHANTOM_TESTLIB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_failures;
static int t_checks;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        t_checks++;                                                                    \
        if (!(cond)) {                                                                 \
            t_failures++;                                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
        }                                                                              \
    } while (0)

#define CHECK_EQ_U64(a, b)                                                             \
    do {                                                                               \
        unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
        t_checks++;                                                                    \
        if (a_ != b_) {                                                                \
            t_failures++;                                                              \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%llu != %llu)\n", __FILE__, \
                    __LINE__, #a, #b, a_, b_);                                         \
        }                                                                              \
    } while (0)

/* Like CHECK, but a failure ends the test; cond is evaluated once. */
#define REQUIRE(cond)                                                                  \
    do {                                                                               \
        int req_ok_ = (cond) ? 1 : 0;                                                  \
        CHECK(req_ok_ && #cond);                                                       \
        if (!req_ok_) {                                                                \
            fprintf(stderr, "  (required: %s)\n", #cond);                              \
            exit(1);                                                                   \
        }                                                                              \
    } while (0)

static inline int test_done(const char *name)
{
    printf("%s: %s (%d checks, %d failed)\n", name, t_failures ? "FAIL" : "ok", t_checks,
           t_failures);
    return t_failures ? 1 : 0;
}

#endif
