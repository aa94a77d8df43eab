/*
 * gc_killloop.c - the collectors under SIGKILL: a program that churns
 * garbage cycles (tests/lang/gc/persist/churn.ph) is killed at random
 * moments and resumed with `phantom boot`, over and over, so that nearly
 * every snapshot catches the complete collector in the middle of a cycle
 * (marking or sweeping) with its mark stack, sweep cursor and zero-count
 * table in the world.  Every other run sets PHANTOM_GC=stress (a cycle
 * always in progress, a step every 4 KiB of allocation); the others use
 * the normal pacing.
 *
 * The program checks its reference structure (a 2000-node ring with an
 * array, a directory and checksums: tests/lang/gc/common/gcref.ph) and a
 * window of live rings after every restart and every 50 rounds, and prints
 * "BAD ..." if anything is broken.  Across all the runs:
 *  - no "BAD" line ever appears, and every line parses;
 *  - the world is killed at least 100 times (TORTURE=1: 1000); the program
 *    ends once it has been booted that many times, so a last boot without
 *    a kill runs it to its end: "done", exit status 0;
 *  - the complete collector makes progress across restarts: the count of
 *    finished cycles (gcStats "cycles") at the end is above the last count
 *    the first run reported, and in some later run a cycle finished after
 *    the restart (the count went up between two of its lines).  How many
 *    runs saw one finish is printed: with snapshots every 30 ms the normal
 *    pacing falls behind a fast allocator (BENCHMARKS.md, "Garbage
 *    collection"), so the normal runs' heaps grow and few runs do;
 *  - phantom fsck finds the image clean.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "killrun.h"

#define INTERVAL_MS "30"

typedef struct state {
    bool bad, done;
    long max_boot;            /* highest boot number the program reported */
    long first_cycles;        /* cycles in the first line of the first run, -1 none */
    long run_first, run_last; /* cycles at the first and last line of this run, -1 none */
    long runs_progressed;     /* runs in which a complete cycle finished */
    long last_cycles;
    long resumes;             /* "resumed" lines */
    long last_round;
} state;

static void cycles_seen(state *s, long c)
{
    if (s->first_cycles < 0)
        s->first_cycles = c;
    if (s->run_first < 0)
        s->run_first = c;
    s->run_last = c;
    s->last_cycles = c;
}

static void line(void *ctx, const char *l)
{
    state *s = ctx;
    long b, r, c;
    if (!strncmp(l, "BAD", 3)) {
        fprintf(stderr, "program reported: %s\n", l);
        s->bad = true;
    } else if (sscanf(l, "done %ld %ld", &r, &c) == 2) {
        s->done = true;
        cycles_seen(s, c);
    } else if (sscanf(l, "resumed %ld %ld %ld", &b, &r, &c) == 3) {
        s->resumes++;
        if (b > s->max_boot)
            s->max_boot = b;
        cycles_seen(s, c);
    } else if (sscanf(l, "p %ld %ld %ld", &r, &b, &c) == 3) {
        if (b > s->max_boot)
            s->max_boot = b;
        s->last_round = r;
        cycles_seen(s, c);
    } else {
        fprintf(stderr, "unexpected output line: '%s'\n", l);
        s->bad = true;
    }
}

/* Runs phantom with args (PHANTOM_GC=stress if stress); if kill_after_ms
 * > 0, kills it with SIGKILL that long after its first output line.
 * Returns the exit status, or -1 if it was killed. */
static int run(state *s, char *const argv[], bool stress, int kill_after_ms)
{
    s->run_first = s->run_last = -1;
    kr_run_opts o = {.gc = stress ? "stress" : NULL, .kill_after_ms = kill_after_ms, .line = line, .ctx = s};
    int rc = kr_run(argv, &o);
    if (s->run_first >= 0 && s->run_last > s->run_first)
        s->runs_progressed++;
    return rc;
}

int main(void)
{
    int cycles = getenv("TORTURE") ? 1000 : 100;
    uint64_t rng = t_seed("gc_killloop");
    /* Each run changes the snapshot strategy, beside two busy processes. */
    const char *strategies[4];
    int nstrat = t_usable_strategies(strategies, 4, false);
    REQUIRE(nstrat > 0);
    t_load_start(2);
    char dir[] = "/tmp/phantom-gckill-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char phantom[512], img[600], params[600];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(params, sizeof params, "%s/churnparams.ph", dir);
    FILE *f = fopen(params, "w");
    REQUIRE(f);
    /* The program ends in the first boot numbered cycles + 1 or later:
     * by then it has been killed at least `cycles` times. */
    fprintf(f, "class churnparams { static long boots() { return %dL; } };\n", cycles + 1);
    REQUIRE(fclose(f) == 0);

    state s = {.first_cycles = -1};
    char *first[] = {phantom, "run", "--image", img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], "tests/lang/gc/persist/churn.ph", "tests/lang/gc/common/gcref.ph", params, NULL};
    char *again[] = {phantom, "boot", "--image", img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], NULL};
    int killed = 0, runs = 1;
    uint64_t t0 = kr_now_ms();
    int rc = run(&s, first, false, 20 + (int)(t_rand(&rng) % 100));
    long first_run_cycles = s.last_cycles;
    /* Kill until the program has reported the last boot it needs (every
     * later boot has at least that number), with a cap against a world
     * whose boots are never saved. */
    while (rc < 0 && !s.bad && (s.max_boot < cycles + 1 || killed + 1 < cycles) && killed < cycles * 5) {
        killed++;
        again[7] = (char *)strategies[runs % nstrat];
        rc = run(&s, again, runs++ % 2 == 1, 10 + (int)(t_rand(&rng) % 110));
    }
    if (rc < 0) {
        killed++;
        rc = run(&s, again, false, 0);   /* the last boot runs the program to its end */
        runs++;
    }

    CHECK(!s.bad);
    CHECK(rc == 0);
    CHECK(s.done);
    CHECK(killed >= cycles);
    CHECK(s.resumes >= 1);
    CHECK(s.first_cycles >= 0 && s.last_cycles > first_run_cycles);
    CHECK(s.runs_progressed >= 1);

    t_load_stop();
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fsck %s > /dev/null", phantom, img);
    CHECK(system(cmd) == 0);
    printf("gc_killloop: %d kills in %d runs, %.1f s; %ld restarts seen; complete cycles %ld -> %ld, "
           "finishing in %ld runs; %ld rounds\n",
           killed, runs, (double)(kr_now_ms() - t0) / 1000.0, s.resumes, s.first_cycles, s.last_cycles,
           s.runs_progressed, s.last_round);
    t_remove_dir(dir);
    return test_done("gc_killloop");
}
