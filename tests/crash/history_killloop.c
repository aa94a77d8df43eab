/*
 * history_killloop.c - kill -9 during commits that keep, drop and pin
 * older snapshots, and during rollbacks; every retained snapshot must stay
 * exactly what it was.
 *
 * The workload (a child process) is killloop's bank, smaller: accounts
 * over a few pages, transfers from a generator whose state lives in the
 * space, heap churn; it snapshots every 10 ms under a policy that keeps
 * little (last=3, a budget of 1 MiB), so nearly every commit drops a
 * snapshot and releases its blocks, and it pins the newest snapshot every
 * few hundred steps and releases an older pin, as hot updates would.
 * Every fifth cycle the child first goes back to a random retained
 * generation (pw_options.rollback_to) and carries on from there.
 *
 * After each kill the parent checks, with two busy processes competing
 * for the CPUs:
 *   - pw_fsck finds the image clean (free space proven over every
 *     retained snapshot);
 *   - the newest snapshot holds a state of the run: every balance equals a
 *     replay of the transfers up to its step, the total is conserved, the
 *     churn blocks hold their patterns, and the step never goes back
 *     (except to a rollback's target);
 *   - so does every older retained snapshot, read through a view;
 *   - pins are kept: a generation listed pinned is still listed at the
 *     next check unless the child released it.
 * Half the kills count from the child's start (they land while the world
 * opens, or goes back, too), half from when it says it is open.  The seed
 * (printed; SEED=... reruns it) decides kill times and rollback targets.  TORTURE=1 runs 2000 cycles; HISTORY_CYCLES=n sets it.
 */
#define _GNU_SOURCE
#include "../../src/persist/pw.h"
#include "testlib.h"
#include "killrun.h"
#include "../bank.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#define NACCT 3000u
#define NCHURN 8u
#define SEED 0x415354ull
#define START_BALANCE 1000u
#define POLICY "last=3,minutely=0,hourly=0,budget=1M"

typedef struct churn {
    uint64_t step, words; /* pattern: word i == step * 31 + i */
    uint64_t data[];
} churn;

typedef struct bank {
    uint64_t magic;
    uint64_t step;
    uint64_t rng;
    uint64_t acct[NACCT];
    churn *ch[NCHURN];
    uint64_t pinned[2];   /* the two newest pins this run made */
} bank;

static uint64_t next_rand(uint64_t *s) { return bank_rand(s); }
static void transfer(uint64_t *acct, uint64_t *rng) { bank_transfer(acct, NACCT, rng); }

/* out: written one byte once the world is open (a rollback done). */
static void child(const char *img, const char *strategy, uint64_t rollback, int out)
{
    pw_options o;
    t_options(&o, strategy, true, 64ull << 20);
    pw_keep keep;
    char why[200];
    REQUIRE(pw_keep_parse(POLICY, &keep, why, sizeof why));
    o.keep = &keep;
    o.rollback_to = rollback;
    o.snapshot_interval_ms = 10;
    o.log_level = PW_LOG_ERROR;
    pw_world *w;
    pw_error err;
    if (pw_open(img, &o, &w, &err)) {
        fprintf(stderr, "child: %s\n", err.msg);
        _exit(2);
    }
    if (write(out, "o", 1) != 1)
        _exit(3);
    bank *b = pw_root(w);
    if (!b) {
        b = pw_alloc(w, sizeof *b);
        b->magic = 0xBA4C;
        b->rng = SEED;
        for (unsigned i = 0; i < NACCT; i++)
            b->acct[i] = START_BALANCE;
        pw_set_root(w, b);
    }
    uint64_t *pinned = b->pinned;
    for (;;) {
        transfer(b->acct, &b->rng);
        if (b->step % 32 == 0) {
            unsigned k = (unsigned)(b->step / 32 % NCHURN);
            pw_free(w, b->ch[k]);
            uint64_t words = 1 + (b->step * 2654435761u) % 1500;
            churn *c = pw_alloc(w, sizeof *c + words * 8);
            c->step = b->step;
            c->words = words;
            for (uint64_t i = 0; i < words; i++)
                c->data[i] = b->step * 31 + i;
            b->ch[k] = c;
        }
        b->step++;
        pw_safepoint(w);
        uint64_t g = b->step % 512 ? 0 : pw_durable_generation(w);
        if (g % 3 == 2 && g != pinned[1]) { /* as a hot update would: pin, and release an old pin */
            if (pinned[0])
                pw_unpin(w, pinned[0]);
            pinned[0] = pinned[1];
            pinned[1] = pw_pin_newest(w);
        }
    }
}

/* The balances at a step, replayed from the nearest checkpoint before it
 * (one every CKPT steps, kept as the replay passes them). */
#define CKPT 65536u
#define NCKPT 4096u
static uint64_t replay_acct[NACCT];
static uint64_t replay_rng;
static uint64_t (*ckpt_acct)[NACCT], ckpt_rng[NCKPT], nckpt;

static void replay(uint64_t step)
{
    if (!ckpt_acct) {
        REQUIRE((ckpt_acct = calloc(NCKPT, sizeof *ckpt_acct)));
        for (unsigned i = 0; i < NACCT; i++)
            ckpt_acct[0][i] = START_BALANCE;
        ckpt_rng[0] = SEED;
        nckpt = 1;
    }
    uint64_t k = step / CKPT < nckpt ? step / CKPT : nckpt - 1;
    memcpy(replay_acct, ckpt_acct[k], sizeof replay_acct);
    replay_rng = ckpt_rng[k];
    for (uint64_t s = k * CKPT; s < step; s++) {
        if (s % CKPT == 0 && s / CKPT == nckpt && nckpt < NCKPT) {
            memcpy(ckpt_acct[nckpt], replay_acct, sizeof replay_acct);
            ckpt_rng[nckpt++] = replay_rng;
        }
        transfer(replay_acct, &replay_rng);
    }
}

/* Opens img (view: that generation, read-only) and checks the bank;
 * *step gets its step.  Returns the problems found. */
static int check_bank(const char *img, uint64_t view, uint64_t *step, const char *what)
{
    pw_options o;
    t_options(&o, NULL, false, 0);
    o.view_generation = view;
    o.log_level = PW_LOG_ERROR;
    pw_world *w;
    pw_error err;
    if (pw_open(img, &o, &w, &err)) {
        fprintf(stderr, "%s: open: %s\n", what, err.msg);
        return 1;
    }
    bank *b = pw_root(w);
    *step = b ? b->step : 0;
    int bad = 0;
    if (b) {
        replay(b->step);
        uint64_t total = 0;
        for (unsigned i = 0; i < NACCT; i++) {
            total += b->acct[i];
            if (b->acct[i] != replay_acct[i] && bad++ < 3)
                fprintf(stderr, "%s: account %u is %llu, the replay says %llu (step %llu)\n", what, i,
                        (unsigned long long)b->acct[i], (unsigned long long)replay_acct[i],
                        (unsigned long long)b->step);
        }
        bad += total != (uint64_t)NACCT * START_BALANCE;
        bad += b->rng != replay_rng;
        for (unsigned k = 0; k < NCHURN; k++) {
            const churn *c = b->ch[k];
            for (uint64_t i = 0; c && i < c->words; i++)
                if (c->data[i] != c->step * 31 + i) {
                    fprintf(stderr, "%s: churn block %u corrupt at word %llu\n", what, k,
                            (unsigned long long)i);
                    bad++;
                    break;
                }
        }
    }
    pw_close(w, false);
    return bad;
}

static void fsck_line(void *ctx, const char *line)
{
    (void)ctx;
    if (line[0] == ' ')
        fprintf(stderr, "fsck: %s\n", line);
}

static uint64_t views, rollbacks, pins_seen, drops_seen;

/* After a kill: fsck, the newest, every older retained snapshot, pins. */
static int check_cycle(const char *img, int cycle, uint64_t *prev, pw_history *last)
{
    if (!hal_path_exists(img))
        return *prev != 0; /* killed while creating */
    pw_fsck_result fr;
    pw_error err = {0, ""};
    int bad = 0, rc = pw_fsck(img, NULL, &fr, fsck_line, NULL, &err);
    if (rc) {
        fprintf(stderr, "cycle %d: fsck says %d %s\n", cycle, rc, err.msg);
        return 1;
    }
    pw_history h;
    REQUIRE(pw_history_read(img, &h, &err) == 0);
    char what[64];
    uint64_t step = 0;
    snprintf(what, sizeof what, "cycle %d, newest", cycle);
    bad += check_bank(img, 0, &step, what);
    if (step < *prev) {
        fprintf(stderr, "cycle %d: the step went back from %llu to %llu\n", cycle, (unsigned long long)*prev,
                (unsigned long long)step);
        bad++;
    }
    *prev = step;
    for (size_t i = 0; i + 1 < h.n; i++) {
        uint64_t s;
        snprintf(what, sizeof what, "cycle %d, generation %llu", cycle, (unsigned long long)h.snap[i].generation);
        bad += check_bank(img, h.snap[i].generation, &s, what);
        views++;
        pins_seen += h.snap[i].pinned;
    }
    /* A pinned generation is listed until the child releases it; it
     * releases a pin only after pinning two newer ones. */
    for (size_t i = 0; i < last->n; i++) {
        if (!last->snap[i].pinned)
            continue;
        size_t newer = 0;
        bool still = false;
        for (size_t j = 0; j < h.n; j++) {
            still |= h.snap[j].generation == last->snap[i].generation;
            newer += h.snap[j].pinned && h.snap[j].generation > last->snap[i].generation;
        }
        if (!still && newer < 2) {
            fprintf(stderr, "cycle %d: pinned generation %llu is gone\n", cycle,
                    (unsigned long long)last->snap[i].generation);
            bad++;
        }
        drops_seen += !still;
    }
    pw_history_free(last);
    *last = h;
    return bad;
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "--child")) {
        child(argv[2], argv[3], strtoull(argv[4], NULL, 10), 1);
        return 0;
    }
    int cycles = getenv("TORTURE") ? 2000 : 60;
    if (getenv("HISTORY_CYCLES"))
        cycles = atoi(getenv("HISTORY_CYCLES"));
    char img[256];
    snprintf(img, sizeof img, "/tmp/phantom-history-kill-%d.img", getpid());
    unlink(img);
    uint64_t seed = t_seed("history_killloop");
    t_load_start(2);
    const char *strategies[4];
    int nstrat = t_usable_strategies(strategies, 4, false);
    REQUIRE(nstrat > 0);
    uint64_t prev = 0, t0 = hal_now_mono_ns();
    pw_history last = {0};
    int failures = 0, cycle;
    for (cycle = 0; cycle < cycles && !failures; cycle++) {
        uint64_t rollback = 0;
        if (cycle % 5 == 4 && last.n > 1) {
            rollback = last.snap[next_rand(&seed) % (last.n - 1)].generation;
            prev = 0; /* the step may go back to the target's */
            rollbacks++;
        }
        char rb[32];
        snprintf(rb, sizeof rb, "%llu", (unsigned long long)rollback);
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            dup2(fds[1], 1);
            execl("/proc/self/exe", argv[0], "--child", img, strategies[cycle % nstrat], rb, (char *)NULL);
            _exit(127);
        }
        close(fds[1]);
        /* Half the kills count from the start (they may land while the
         * world opens, or goes back), half from when it is open (so a
         * slow build, such as the sanitizers', still gets to run). */
        uint64_t r = next_rand(&seed);
        if (cycle % 2) {
            struct pollfd pf = {fds[0], POLLIN, 0};
            (void)poll(&pf, 1, 60000);
        }
        hal_sleep_ns((5000 + r % (r & 1 ? 200000 : 40000)) * 1000);
        kill(pid, SIGKILL);
        close(fds[0]);
        int status;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status)) {
            fprintf(stderr, "cycle %d: the child exited with %d before the kill\n", cycle, WEXITSTATUS(status));
            failures++;
            break;
        }
        if (check_cycle(img, cycle, &prev, &last)) {
            fprintf(stderr, "cycle %d (%s): problems (rerun with SEED)\n", cycle, strategies[cycle % nstrat]);
            failures++;
        }
    }
    t_load_stop();
    printf("history_killloop: %d cycles in %.1f s: %llu rollbacks, %llu older snapshots read back, "
           "%llu pinned seen, %llu pins released; last step %llu\n",
           cycle, (double)(hal_now_mono_ns() - t0) / 1e9, (unsigned long long)rollbacks,
           (unsigned long long)views, (unsigned long long)pins_seen, (unsigned long long)drops_seen,
           (unsigned long long)prev);
    CHECK(failures == 0);
    CHECK(views > 0 && rollbacks > 0 && pins_seen > 0);
    pw_history_free(&last);
    free(ckpt_acct);
    unlink(img);
    char tmp[300];
    snprintf(tmp, sizeof tmp, "%s.creating", img);
    unlink(tmp);
    return test_done("history_killloop");
}
