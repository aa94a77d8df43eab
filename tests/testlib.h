/*
 * testlib.h - the smallest test harness that does the job: CHECK() records
 * a failure with file:line and the expression, and the test's exit status
 * says whether any check failed.  Tests print one line per case.
 *
 * Below the harness: small helpers several tests share (a generator, a
 * content hash, engine-log capture, options for a test world).
 */
#ifndef PHANTOM_TESTLIB_H
#define PHANTOM_TESTLIB_H

#include "../src/persist/pw.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

/* ---- shared helpers ------------------------------------------------------------ */

/* splitmix64: the next pseudo-random word of the sequence whose state is *s. */
static inline uint64_t t_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Folds one word into a running content hash (the step t_hash_bytes uses). */
static inline uint64_t t_hash_mix(uint64_t h, uint64_t v)
{
    h ^= v;
    h *= 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 29);
}

/* Hash of n bytes continued from h: every 8-byte word, then the tail bytes, then n. */
static inline uint64_t t_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, b + i, 8);
        h = t_hash_mix(h, v);
    }
    for (size_t i = n & ~(size_t)7; i < n; i++)
        h = t_hash_mix(h, b[i]);
    return h ^ n;
}

/* Where the build under test is: $BUILD (the sanitizer pass sets it), else
 * build.  Tests that run `phantom` find it there. */
static inline const char *t_build_dir(void)
{
    const char *b = getenv("BUILD");
    return b && *b ? b : "build";
}

/* Removes a test's scratch directory and everything in it; says so on
 * stderr and returns false if it could not. */
static inline bool t_remove_dir(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) == 0)
        return true;
    fprintf(stderr, "could not remove %s\n", dir);
    return false;
}

/* The seed of a randomized test: $SEED if set, else from the clock and
 * the pid.  Printed, so that a failure can be rerun with SEED=... */
static inline uint64_t t_seed(const char *test)
{
    const char *env = getenv("SEED");
    uint64_t seed = env && *env ? strtoull(env, NULL, 0)
                                : ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid();
    printf("%s: seed %llu (rerun with SEED=%llu)\n", test, (unsigned long long)seed,
           (unsigned long long)seed);
    fflush(stdout);
    return seed;
}

/* Fills every whole 8-byte word of p[0, n) with t_rand(rng). */
static inline void t_fill_random(void *p, size_t n, uint64_t *rng)
{
    for (size_t i = 0; i + 8 <= n; i += 8) {
        uint64_t v = t_rand(rng);
        memcpy((uint8_t *)p + i, &v, 8);
    }
}

/* Appends printf-style text at buf + *len (cap bytes in all): cut when full, always terminated. */
static inline void t_append(char *buf, size_t cap, size_t *len, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline void t_append(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *len, cap - *len, fmt, ap);
    va_end(ap);
    if (n > 0)
        *len = *len + (size_t)n < cap ? *len + (size_t)n : cap - 1;
}

/* Collected by t_log_capture since t_log_reset: the lines, and whether one was an error. */
static char t_logbuf[16384];
static size_t t_loglen;
static bool t_log_error_seen;

/* A pw_options.log callback: keeps each message as "    [level] msg" in t_logbuf. */
static inline void t_log_capture(void *ctx, int level, const char *msg)
{
    (void)ctx;
    if (level == PW_LOG_ERROR)
        t_log_error_seen = true;
    t_append(t_logbuf, sizeof t_logbuf, &t_loglen, "    [%d] %s\n", level, msg);
}

/* Empties t_logbuf and clears t_log_error_seen. */
static inline void t_log_reset(void)
{
    t_loglen = 0;
    t_logbuf[0] = 0;
    t_log_error_seen = false;
}

/* A forked child's on_exit(): flush and _exit, skipping LeakSanitizer (fatal exits leave a world open). */
static inline void t_child_on_exit(int status, void *arg)
{
    (void)arg;
    fflush(NULL);
    _exit(status);
}

/* Runs fn(arg), which must _exit, in a forked child, stderr into out; returns the wait status. */
static inline int t_run_child(void (*fn)(const void *arg), const void *arg, char *out, size_t outlen)
{
    int pfd[2];
    REQUIRE(pipe(pfd) == 0);
    fflush(NULL);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(pfd[0]);
        dup2(pfd[1], 2);
        close(pfd[1]);
        fn(arg);
        _exit(127); /* not reached */
    }
    close(pfd[1]);
    size_t len = 0;
    ssize_t n;
    while (len + 1 < outlen && (n = read(pfd[0], out + len, outlen - 1 - len)) > 0)
        len += (size_t)n;
    out[len] = 0;
    close(pfd[0]);
    int status;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    return status;
}

/* Up to max usable strategies, best first, into out; returns how many (say_skipped: print the rest). */
static inline int t_usable_strategies(const char **out, int max, bool say_skipped)
{
    int n = 0;
    for (const char *const *s = hal_tmem_strategies(); *s && n < max; s++) {
        char why[200];
        if (hal_tmem_probe(*s, why, sizeof why) == 0)
            out[n++] = *s;
        else if (say_skipped)
            printf("skip strategy %s: %s\n", *s, why);
    }
    return n;
}

/* Defaults, then create, strategy, space_size (0: the default) and no periodic snapshots. */
static inline void t_options(pw_options *o, const char *strategy, bool create, uint64_t space_size)
{
    pw_options_default(o);
    o->create = create;
    o->strategy = strategy;
    o->space_size = space_size;
    o->snapshot_interval_ms = 0;
}

/* pw_open without an error struct: returns its code, and prints "open: why" if it failed. */
static inline int t_open(const char *path, const pw_options *o, pw_world **w)
{
    pw_error err;
    int rc = pw_open(path, o, w, &err);
    if (rc)
        fprintf(stderr, "open: %s\n", err.msg);
    return rc;
}

/* The workload's table behind the root pointer, or a new zeroed one of
 * `bytes` whose first word is `magic` (every test table starts so). */
static inline void *t_root_table(pw_world *w, size_t bytes, uint64_t magic)
{
    uint64_t *t = pw_root(w);
    if (!t) {
        t = pw_alloc(w, bytes);
        REQUIRE(t);
        t[0] = magic;
        pw_set_root(w, t);
    }
    return t;
}

#endif
