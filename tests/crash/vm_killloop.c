/*
 * vm_killloop.c - a multi-threaded VM program is killed with SIGKILL at
 * random moments and resumed with `phantom boot`, over and over.
 *
 * The program (tests/vm/persist/workers.pasm) has three workers that print
 * "wK I" for I = 0, 1, ... with sleeps in between, and a thread that
 * computes without sleeping; each checks an invariant of its own state at
 * every step and prints "BAD ..." if it breaks.  Across all the runs:
 *  - for each worker, every line continues its sequence: within a run I
 *    goes up by one; after a restart it goes back at most the work of one
 *    snapshot interval (re-execution of what the lost tail printed) and
 *    never skips a number (output is flushed before every snapshot);
 *  - no "BAD" line ever appears;
 *  - after the kills, a last boot runs the program to its end: every
 *    worker reached N-1, the cruncher reported, "done", exit status 0;
 *  - phantom fsck finds the image clean.
 * At least 100 kill cycles (TORTURE=1: 1000), over as many worlds as that
 * takes (the program ends after a while).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "killrun.h"

#define WORKERS 3
#define N 2000
#define INTERVAL_MS "30"
/* Lines a worker may repeat after a restart: the work of one snapshot
 * interval (30 ms at >= 1 ms a line), generously, since snapshots may be
 * spaced out when they are slow. */
#define MAX_REPEAT 400

typedef struct state {
    kr_seq worker[WORKERS + 1];   /* worker k's "wK I" lines; [0] unused */
    bool done, cruncher, bad;
} state;

static void line(void *ctx, const char *l)
{
    state *s = ctx;
    int k;
    long i;
    if (!strncmp(l, "BAD", 3)) {
        fprintf(stderr, "program reported: %s\n", l);
        s->bad = true;
    } else if (!strcmp(l, "done")) {
        s->done = true;
    } else if (!strncmp(l, "c ", 2)) {
        s->cruncher = atol(l + 2) == 300;
    } else if (sscanf(l, "w%d %ld", &k, &i) == 2 && k >= 1 && k <= WORKERS) {
        if (!kr_seq_next(&s->worker[k], i))
            s->bad = true;
    } else {
        fprintf(stderr, "unexpected output line: '%s'\n", l);
        s->bad = true;
    }
}

/* Runs phantom with args; if kill_after_ms > 0, kills it with SIGKILL
 * that long after its first output line (so the first run has made the
 * world).  Returns the exit status, or -1 if it was killed. */
static int run(void *ctx, char *const argv[], int kill_after_ms)
{
    state *s = ctx;
    for (int k = 1; k <= WORKERS; k++)
        kr_seq_restart(&s->worker[k]);
    kr_run_opts o = {.kill_after_ms = kill_after_ms, .line = line, .ctx = s};
    return kr_run(argv, &o);
}

/* One world: the program run, killed up to `budget` times at random
 * moments (changing strategy each boot), then booted to its end and
 * checked.  Returns the kills made. */
static int one_world(const char *phantom, const char *img, uint64_t *rng, const char **strategies, int nstrat,
                     int budget)
{
    state s = {0};
    long repeated = 0;
    for (int k = 1; k <= WORKERS; k++) {
        char name[24];
        snprintf(name, sizeof name, "worker %d", k);
        kr_seq_init(&s.worker[k], name, MAX_REPEAT);
    }
    char *first[] = {(char *)phantom, "run", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], "tests/vm/persist/workers.pasm", NULL};
    char *again[] = {(char *)phantom, "boot", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], NULL};
    int killed = 0;
    int rc = kr_kill_cycles(run, &s, &s.bad, first, again, 7, strategies, nstrat, budget, rng, &killed);
    CHECK(!s.bad);
    CHECK(rc == 0);
    CHECK(s.done);
    CHECK(s.cruncher);
    for (int k = 1; k <= WORKERS; k++) {
        CHECK(s.worker[k].hi == N - 1);
        repeated += s.worker[k].repeated;
    }
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fsck %s > /dev/null", phantom, img);
    CHECK(system(cmd) == 0);
    printf("vm_killloop: a world killed %d times; %ld lines printed again after restarts; program finished\n",
           killed, repeated);
    fflush(stdout);
    return killed;
}

int main(void)
{
    int cycles = getenv("TORTURE") ? 1000 : 100;
    uint64_t rng = t_seed("vm_killloop");
    /* Each run changes the snapshot strategy, beside two busy processes. */
    const char *strategies[4];
    int nstrat = t_usable_strategies(strategies, 4, false);
    REQUIRE(nstrat > 0);
    t_load_start(2);
    char dir[] = "/tmp/phantom-vmkill-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char phantom[512], img[600];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    /* The program ends after a while: worlds follow one another until the
     * kills add up to `cycles`. */
    int killed = 0, worlds = 0;
    while (killed < cycles && !t_failures) {
        snprintf(img, sizeof img, "%s/w%d.img", dir, worlds++);
        killed += one_world(phantom, img, &rng, strategies, nstrat, cycles - killed);
    }
    t_load_stop();
    CHECK(killed >= cycles);
    printf("vm_killloop: %d kills over %d world%s\n", killed, worlds, worlds == 1 ? "" : "s");
    t_remove_dir(dir);
    return test_done("vm_killloop");
}
