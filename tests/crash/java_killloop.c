/*
 * java_killloop.c - a Java program compiled by javac
 * (tests/java/kill/Bank.java: accounts as objects, a linked list of
 * transfer objects, a journal array) is killed with SIGKILL at random
 * moments and resumed with `phantom boot`, over and over, beside two
 * CPU-burning processes, changing the snapshot strategy at every boot:
 * a third of the kills with the program alone, a third with it making
 * its transfers in two Java threads per step (killed while they run),
 * a third with a worker thread it hands each step to with wait/notify
 * (killed while the threads wait in wait() and sleep()).
 *
 * All of its state (objects, arrays, statics, the running frames) lives
 * in the world, so after every restart it continues from the last
 * snapshot:
 *  - every "step I TOTAL COUNT HASH" line has the bank's constant total
 *    and exactly the transfers made so far in the history list, and the
 *    same HASH of the balances whenever step I is printed again (the
 *    program is deterministic: a restart that lost or mixed state would
 *    show another hash);
 *  - within a run I goes up by one; after a restart it goes back a
 *    little and never skips a number; the program never prints "BAD";
 *  - a last boot runs it to "done" with exit status 0, and phantom fsck
 *    finds the image clean.
 *
 * At least 40 kill cycles (TORTURE=1: 1000).  Rerun a failure with the
 * SEED it printed.  Skipped, in one line, without javac.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "killrun.h"

#define INTERVAL_MS "30"
#define STEPS 600       /* Bank.STEPS */
#define PER_STEP 20     /* Bank.PER_STEP */
#define TOTAL 64000     /* Bank.ACCOUNTS * 1000 */

typedef struct state {
    kr_seq step;
    bool done, bad;
    long long hash[STEPS];
    bool seen[STEPS];
} state;

static void line(void *ctx, const char *l)
{
    state *s = ctx;
    long i, count;
    long long total, hash;
    if (!strncmp(l, "BAD", 3)) {
        fprintf(stderr, "program reported: %s\n", l);
        s->bad = true;
        return;
    }
    if (!strcmp(l, "done")) {
        s->done = true;
        return;
    }
    if (sscanf(l, "step %ld %lld %ld %lld", &i, &total, &count, &hash) != 4 || i < 0 || i >= STEPS) {
        fprintf(stderr, "unexpected output line: '%s'\n", l);
        s->bad = true;
        return;
    }
    if (total != TOTAL || count != (i + 1) * PER_STEP) {
        fprintf(stderr, "step %ld: total %lld, history %ld: the bank's objects disagree\n", i, total, count);
        s->bad = true;
    }
    if (s->seen[i] && s->hash[i] != hash) {
        fprintf(stderr, "step %ld printed again with hash %lld, first %lld\n", i, hash, s->hash[i]);
        s->bad = true;
    }
    s->seen[i] = true;
    s->hash[i] = hash;
    if (!kr_seq_next(&s->step, i))
        s->bad = true;
}

static int run(void *ctx, char *const argv[], int kill_after_ms)
{
    state *s = ctx;
    kr_seq_restart(&s->step);
    kr_run_opts o = {.kill_after_ms = kill_after_ms, .line = line, .ctx = s};
    return kr_run(argv, &o);
}

static const char *const modes[] = {"alone", "threads", "waiting"};
static const char *const mode_names[] = {"one thread", "two threads", "a waiting worker"};

static int one_world(const char *phantom, const char *img, const char *cls, int mode, uint64_t *rng,
                     const char **strategies, int nstrat, int budget)
{
    static state s;
    memset(&s, 0, sizeof s);
    kr_seq_init(&s.step, "step", 0);
    char *first[] = {(char *)phantom, "run", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], (char *)cls, "--", (char *)modes[mode], NULL};
    char *again[] = {(char *)phantom, "boot", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], NULL};
    int killed = 0;
    int rc = kr_kill_cycles(run, &s, &s.bad, first, again, 7, strategies, nstrat, budget, rng, &killed);
    CHECK(!s.bad);
    CHECK(rc == 0);
    CHECK(s.done);
    CHECK(s.step.hi == STEPS - 1);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fsck %s > /dev/null", phantom, img);
    CHECK(system(cmd) == 0);
    printf("java_killloop: %s: a world killed %d times; %ld steps printed again after restarts; program finished\n",
           mode_names[mode], killed, s.step.repeated);
    fflush(stdout);
    return killed;
}

int main(void)
{
    if (system("javac -version >/dev/null 2>&1") != 0) {
        printf("java_killloop: skipped: javac is not installed (apt-get install openjdk-17-jdk-headless)\n");
        return 0;
    }
    int cycles = getenv("TORTURE") ? 1000 : 40;
    uint64_t rng = t_seed("java_killloop");
    const char *strategies[4];
    int nstrat = t_usable_strategies(strategies, 4, false);
    REQUIRE(nstrat > 0);
    char dir[] = "/tmp/phantom-javakill-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char phantom[512], img[600], cls[600], cmd[1400];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(cmd, sizeof cmd, "javac -d %s tests/java/kill/Bank.java", dir);
    REQUIRE(system(cmd) == 0);
    snprintf(cls, sizeof cls, "%s/Bank.class", dir);
    t_load_start(2);
    int killed = 0, worlds = 0;
    for (int mode = 0; mode < 3; mode++) {
        int goal = cycles * (mode + 1) / 3;
        while (killed < goal && !t_failures) {
            snprintf(img, sizeof img, "%s/w%d.img", dir, worlds++);
            killed += one_world(phantom, img, cls, mode, &rng, strategies, nstrat, goal - killed);
            unlink(img);
        }
    }
    CHECK(killed >= cycles);
    printf("java_killloop: %d kills over %d worlds\n", killed, worlds);
    t_load_stop();
    t_remove_dir(dir);
    return test_done("java_killloop");
}
