/*
 * gc_memory.c - the memory a world may use, as a user sees it: the
 * programs of tests/lang/gc/memory/ run as `phantom run`, and besides
 * their output the harness checks the process's peak resident size (the
 * kernel's count, from wait4).
 *
 *  - oom_caught, under --memory-limit 64M: allocating without bound raises
 *    .phantom.OutOfMemoryException, the program catches it and goes on
 *    allocating, another thread runs all along; the process never passes
 *    64 MiB;
 *  - oom_uncaught, the same limit: the allocating thread dies with a clear
 *    message on standard error, the main thread goes on; within 64 MiB;
 *  - strings, with the default limit: large temporary strings (a 40,000
 *    character string built by concatenation, 20,000 temporaries of 3 KB)
 *    are reclaimed at once, also while the collector marks: the heap
 *    hardly grows, no collector step is long, and the process stays small
 *    (it reached 970 MB, with steps of 150 ms, before);
 *  - bad --memory-limit values are refused with a message.
 *
 * Under ASan the sizes are not checked (its shadow memory and quarantine
 * count too); the behaviour is.
 */
#define _GNU_SOURCE
#include <limits.h>

/* The runner's file, diff and golden helpers are not needed here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "runner.h"
#pragma GCC diagnostic pop

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

static char phantom[512];

/* Runs `phantom run [--memory-limit limit] NAME.ph` on a fresh image. */
static void run_program(const char *name, const char *limit, result *r)
{
    char src[256];
    snprintf(src, sizeof src, "tests/lang/gc/memory/%s.ph", name);
    snprintf(cur_img, sizeof cur_img, "%s/%s.img", tmpdir, name);
    char *with_limit[] = {phantom, "run", "--memory-limit", (char *)limit, "--image", cur_img, src, NULL};
    char *without[] = {phantom, "run", "--image", cur_img, src, NULL};
    *r = (result){0};
    run(limit ? with_limit : without, "/dev/null", NULL, r);
    unlink(cur_img);
    CHECK(!r->timed_out);
}

static bool has(const result *r, const char *text) { return strstr(r->out.p, text) != NULL; }

static long number_after(const result *r, const char *label)
{
    const char *p = strstr(r->out.p, label);
    return p ? strtol(p + strlen(label), NULL, 10) : LONG_MAX;
}

static void report(const char *name, const result *r)
{
    printf("  %s: exit %d, peak %ld MiB, %.1f s\n", name, WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1,
           r->max_rss_kb / 1024, (double)r->ms / 1000.0);
    if (t_failures)
        fprintf(stderr, "stdout:\n%s\nstderr:\n%s\n", r->out.p, r->err.p);
}

static const long limit_kb = 64 * 1024;
static const char *const uncaught =
    "Uncaught .phantom.OutOfMemoryException: out of memory: the world's memory limit is 64 MiB";

static void oom_caught(void)
{
    result r;
    run_program("oom_caught", "64M", &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    CHECK(has(&r, "caught OutOfMemoryException: out of memory: the world's memory limit is 64 MiB"));
    CHECK(has(&r, "it came after more than 100000 strings"));
    CHECK(has(&r, "the other thread kept running"));
    CHECK(has(&r, "allocated 100000 strings after the exception"));
    CHECK(has(&r, "done"));
    CHECK(SANITIZED || r.max_rss_kb <= limit_kb);
    report("oom_caught", &r);
    buf_free(&r.out);
    buf_free(&r.err);
}

static void oom_uncaught(void)
{
    result r;
    run_program("oom_uncaught", "64M", &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);   /* the main thread ended well */
    CHECK(strstr(r.err.p, uncaught) && strstr(r.err.p, "at .hog.run"));
    CHECK(has(&r, "the allocating thread ended: true"));
    CHECK(has(&r, "allocated 100000 strings after it"));
    CHECK(SANITIZED || r.max_rss_kb <= limit_kb);
    report("oom_uncaught", &r);
    buf_free(&r.out);
    buf_free(&r.err);
}

static void strings(void)
{
    result r;
    run_program("strings", NULL, &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    CHECK(has(&r, "built a string of 40000 characters"));
    CHECK(has(&r, "made 20000 temporaries of 3000 characters"));
    CHECK(has(&r, "live strings 120000"));
    long growth = number_after(&r, "heap growth MiB "), step = number_after(&r, "longest step ms ");
    long step_cpu = number_after(&r, "longest step cpu ms ");
    CHECK(growth <= 8);
    /* The step's own CPU time: a loaded host preempting the thread mid-step
     * stretches the wall time, not this (the promise is under a millisecond;
     * the bug this guards against made 150 ms steps). */
    CHECK(step_cpu >= 0 && step_cpu < 50);
    CHECK(SANITIZED || r.max_rss_kb <= 128 * 1024);
    printf("  strings: heap growth %ld MiB, longest step %ld ms (%ld ms of CPU)\n", growth, step, step_cpu);
    report("strings", &r);
    buf_free(&r.out);
    buf_free(&r.err);
}

static void bad_values(void)
{
    static const char *const bad[] = {"12", "16M", "1x", "M", "", "-5M", "64Q"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *argv[] = {phantom, "run", "--memory-limit", (char *)bad[i], "--image", "/nonexistent/w.img",
                        "tests/lang/gc/memory/strings.ph", NULL};
        result r = {0};
        run(argv, "/dev/null", NULL, &r);
        CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 2);
        CHECK(strstr(r.err.p, "phantom run: --memory-limit: ") != NULL);
        buf_free(&r.out);
        buf_free(&r.err);
    }
}

int main(void)
{
    runner_name = "gc_memory";
    const char *b = getenv("BUILD");
    snprintf(phantom, sizeof phantom, "%s/phantom", b && *b ? b : "build");
    const char *tmp = getenv("TMPDIR");
    snprintf(tmpdir, sizeof tmpdir, "%s/gc_memory.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    need(mkdtemp(tmpdir) != NULL, "mkdtemp");
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    oom_caught();
    oom_uncaught();
    strings();
    bad_values();
    rmdir(tmpdir);
    return test_done("gc_memory");
}
