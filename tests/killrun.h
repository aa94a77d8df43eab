/*
 * killrun.h - runs `phantom` as a child whose standard output is read line
 * by line, and kills it with SIGKILL at a chosen moment: the kill loops of
 * tests/crash/ (vm_, gc_, wasm_, java_killloop) share it, and the check of
 * numbered output across restarts (kr_seq); with the competing CPU
 * load that every kill loop runs beside it (killloop too).
 *
 * Include after testlib.h (REQUIRE, CHECK, t_rand).
 */
#ifndef PHANTOM_TESTS_KILLRUN_H
#define PHANTOM_TESTS_KILLRUN_H

#include <poll.h>
#include <stdio.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Competing CPU load beside a crash test, as on a busy machine: n
 * processes that spin until t_load_stop() (or until the test dies: they
 * are told to die with their parent).  LOAD=0 in the environment turns
 * it off, LOAD=k asks for k. */
#define T_LOAD_MAX 8
static pid_t t_load_pid[T_LOAD_MAX];
static int t_nload;

static inline void t_load_start(int n)
{
    const char *env = getenv("LOAD");
    if (env && *env)
        n = atoi(env);
    if (n > T_LOAD_MAX)
        n = T_LOAD_MAX;
    pid_t parent = getpid();
    for (t_nload = 0; t_nload < n; t_nload++) {
        pid_t pid = fork();
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent)
                _exit(0);
            for (volatile uint64_t spin = 0;; spin++) {
            }
        }
        if (pid < 0)
            break;
        t_load_pid[t_nload] = pid;
    }
    printf("load: %d busy processes beside the test\n", t_nload);
    fflush(stdout);
}

static inline void t_load_stop(void)
{
    for (int i = 0; i < t_nload; i++) {
        kill(t_load_pid[i], SIGKILL);
        waitpid(t_load_pid[i], NULL, 0);
    }
    t_nload = 0;
}

static inline uint64_t kr_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

typedef struct kr_run_opts {
    const char *gc;          /* PHANTOM_GC for the child, NULL: unset */
    int kill_after_ms;       /* > 0: SIGKILL that long after the first output */
    void (*line)(void *ctx, const char *line);   /* each complete output line */
    void *ctx;
} kr_run_opts;

/* Runs argv (argv[0] a path).  Lines printed after the kill are not
 * passed on.  A child running over 120 s fails the test.  Returns the exit
 * status (128 + signal if it died of one), or -1 if it was killed. */
static inline int kr_run(char *const argv[], const kr_run_opts *o)
{
    int out[2];
    REQUIRE(pipe(out) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        if (o->gc)
            setenv("PHANTOM_GC", o->gc, 1);
        else
            unsetenv("PHANTOM_GC");
        execv(argv[0], argv);
        _exit(127);
    }
    close(out[1]);
    char partial[256];
    size_t plen = 0;
    uint64_t start = kr_now_ms(), deadline = 0;
    bool killed = false;
    for (;;) {
        struct pollfd p = {out[0], POLLIN, 0};
        int wait = 1000;
        if (deadline) {
            uint64_t t = kr_now_ms();
            wait = t >= deadline ? 0 : (int)(deadline - t);
        }
        int r = poll(&p, 1, wait);
        if (r == 0 && deadline && !killed) {
            kill(pid, SIGKILL);
            killed = true;
            continue;
        }
        if (r > 0) {
            char chunk[4096];   /* not "buf": runner.h names a type so */
            ssize_t n = read(out[0], chunk, sizeof chunk);
            if (n <= 0)
                break;
            for (ssize_t i = 0; i < n && !killed; i++) {
                if (chunk[i] == '\n') {
                    partial[plen] = 0;
                    o->line(o->ctx, partial);
                    plen = 0;
                } else if (plen < sizeof partial - 1) {
                    partial[plen++] = chunk[i];
                }
            }
            if (o->kill_after_ms > 0 && !deadline)
                deadline = kr_now_ms() + (uint64_t)o->kill_after_ms;
        }
        if (kr_now_ms() - start > 120000) {   /* a hung program fails the test */
            kill(pid, SIGKILL);
            killed = true;
            CHECK(!"phantom ran for more than 120 s");
        }
    }
    close(out[0]);
    int st;
    waitpid(pid, &st, 0);
    if (killed)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* The kill cycles of one world.  run_one(ctx, argv, kill_after_ms) runs
 * phantom as kr_run does (the test's own wrapper, which resets its
 * per-run state).  `first` (phantom run ...) is killed at a random moment
 * after its first output, then `again` (phantom boot ..., with its
 * strategy argument at again[strategy_at] changed each time) is booted
 * and killed again, up to budget times while *bad stays false; a last
 * boot then runs the program to its end.  Adds the kills to *killed and
 * returns the last run's exit status. */
typedef int kr_runner(void *ctx, char *const argv[], int kill_after_ms);
static inline int kr_kill_cycles(kr_runner *run_one, void *ctx, const bool *bad, char *first[], char *again[],
                                 int strategy_at, const char **strategies, int nstrat, int budget, uint64_t *rng,
                                 int *killed)
{
    int rc = run_one(ctx, first, 20 + (int)(t_rand(rng) % 100));
    for (int c = 0; c < budget && rc < 0 && !*bad; c++) {
        (*killed)++;
        again[strategy_at] = (char *)strategies[(c + 1) % nstrat];
        rc = run_one(ctx, again, 10 + (int)(t_rand(rng) % 110));
    }
    if (rc < 0) {
        (*killed)++;
        rc = run_one(ctx, again, 0);   /* the last boot runs the program to its end */
    }
    return rc;
}

/* One numbered sequence of output lines (a worker's counter, a program's
 * steps) followed across the runs of a kill loop.  Invariants checked:
 * within a run the number goes up by one; after a restart it goes back at
 * most max_repeat (the lost tail since the last snapshot is executed
 * again) and never skips a number (output is flushed before every
 * snapshot, so nothing printed can be lost). */
typedef struct kr_seq {
    char name[24];      /* "step", "worker 2": how messages name it */
    long hi;            /* highest number printed so far, -1: none */
    long prev;          /* last number printed in this run, -1: none */
    long max_repeat;    /* most numbers printed again after one restart; 0: no limit */
    long repeated;      /* numbers printed again after restarts, in total */
} kr_seq;

static inline void kr_seq_init(kr_seq *q, const char *name, long max_repeat)
{
    snprintf(q->name, sizeof q->name, "%s", name);
    q->hi = q->prev = -1;
    q->max_repeat = max_repeat;
    q->repeated = 0;
}

/* A new run begins: the next number is a resumption. */
static inline void kr_seq_restart(kr_seq *q)
{
    q->prev = -1;
}

/* Number i was printed.  Returns false, after saying why on stderr, if it
 * breaks the sequence. */
static inline bool kr_seq_next(kr_seq *q, long i)
{
    bool ok = true;
    if (q->prev >= 0 && i != q->prev + 1) {
        fprintf(stderr, "%s %ld after %ld in one run\n", q->name, i, q->prev);
        ok = false;
    }
    if (q->prev < 0 && i > q->hi + 1) {
        fprintf(stderr, "%s resumed at %ld but only up to %ld was printed: a gap\n", q->name, i, q->hi);
        ok = false;
    }
    if (q->prev < 0 && q->max_repeat > 0 && q->hi - i + 1 > q->max_repeat) {
        fprintf(stderr, "%s resumed at %ld after printing %ld: repeats more than %ld\n", q->name, i, q->hi,
                q->max_repeat);
        ok = false;
    }
    if (q->prev < 0 && i <= q->hi)
        q->repeated += q->hi - i + 1;
    q->prev = i;
    if (i > q->hi)
        q->hi = i;
    return ok;
}

#endif
