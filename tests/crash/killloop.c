/*
 * killloop.c - kill -9 at random moments, resume, verify; again and again.
 *
 * The workload (a child process) keeps a bank in the persistent space:
 * accounts spread over many pages, transfers chosen by a random generator
 * whose state also lives in the space, a step counter, and heap churn
 * (blocks freed and allocated with a recognisable pattern).  It snapshots
 * every 10 ms and, every few hundred steps, waits for a durable snapshot
 * and reports the step to the parent.
 *
 * Because the run is deterministic from its seed, the parent can say
 * exactly what the space must hold at any step: after each kill it opens
 * the world and checks that
 *   - the step never goes back past the last step reported durable, nor
 *     before what the previous cycle recovered;
 *   - every balance equals a replay of the transfers up to that step
 *     (hence the total is conserved);
 *   - every churn block holds its pattern;
 * and every few cycles that fsck finds the image clean.  Strategies
 * alternate between cycles, and two busy processes compete for the CPUs
 * (a fault-serving thread preempted at the wrong moment is how issue 11's
 * lost pages showed).  The seed (printed; SEED=... reruns it) decides the
 * kill times.  TORTURE=1 runs thousands of cycles; KILLLOOP_CYCLES=n sets it.
 *
 * Then the same loop (a quarter of the cycles) on an image on an NBD
 * export: nbdkit's file plugin serves a file, and the server, a child of
 * this test, outlives every killed world.  A world killed before its first
 * root was written leaves an all-zero export, which the next one formats.
 *
 * Last, the loop with a replica (--replica; at least 50 cycles): after
 * each kill the replica, booted on its own, must hold a state of the same
 * run (every balance equal to a replay, the total conserved, churn blocks
 * intact) and be at most one snapshot behind the image; fsck clean.
 * Every tenth cycle the replica is deleted first (lost): the world must
 * rebuild it from scratch, in the background (until the rebuild completes
 * and catches up, perhaps cycles later, it holds no snapshot at all or
 * lands further behind; the first cycle's new replica too).
 *
 * Then the same over TCP (at least 50 cycles): each cycle starts a
 * `phantom replica-server` on a free port for the replica image and kills
 * it with SIGKILL right after the world (often in the middle of a
 * snapshot's stream); every other cycle runs with --replica-sync and
 * reports a step only once the replica holds it, and the replica must
 * then hold every step reported ("exactly as far": nothing acknowledged
 * is lost with the world's machine).  KILLLOOP_DEBUG=1 prints where the
 * replica stood after each kill.
 */
#define _GNU_SOURCE
#include "../../src/persist/pw.h"
#include "testlib.h"
#include "killrun.h"
#include "../bank.h"
#include "nbdkit.h"
#include "replsrv.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NACCT 20000u
#define NCHURN 32u
#define SEED 0x5eed1234abcdull
#define START_BALANCE 1000u

typedef struct churn {
    uint64_t step, size, words; /* pattern: word i == step * 31 + i */
    uint64_t data[];
} churn;

typedef struct bank {
    uint64_t magic;
    uint64_t step;
    uint64_t rng;
    uint64_t acct[NACCT]; /* 160 KiB: transfers dirty scattered pages */
    churn *ch[NCHURN];
} bank;

static uint64_t next_rand(uint64_t *s) { return bank_rand(s); }
static void transfer(uint64_t *acct, uint64_t *rng) { bank_transfer(acct, NACCT, rng); }

/* key: the replica's key file (tcp://); sync: --replica-sync, and a step
 * is reported only once the replica holds it (pw_wait_durable). */
static void child(const char *img, const char *strategy, const char *replica, const char *key, bool sync, int out)
{
    pw_options o;
    t_options(&o, strategy, true, 256ull << 20);
    o.replica = replica;
    o.replica_key = key;
    o.replica_sync = sync;
    o.snapshot_interval_ms = 10;
    o.log_level = PW_LOG_ERROR;
    pw_world *w;
    pw_error err;
    if (pw_open(img, &o, &w, &err)) {
        fprintf(stderr, "child: %s\n", err.msg);
        _exit(2);
    }
    bank *b = pw_root(w);
    if (!b) {
        b = pw_alloc(w, sizeof *b);
        b->magic = 0xBA4C;
        b->rng = SEED;
        for (unsigned i = 0; i < NACCT; i++)
            b->acct[i] = START_BALANCE;
        pw_set_root(w, b);
    }
    for (;;) {
        transfer(b->acct, &b->rng);
        if (b->step % 64 == 0) { /* churn: replace one block */
            unsigned k = (unsigned)(b->step / 64 % NCHURN);
            pw_free(w, b->ch[k]);
            uint64_t words = 1 + (b->step * 2654435761u) % 3000; /* up to ~24 KiB */
            churn *c = pw_alloc(w, sizeof *c + words * 8);
            c->step = b->step;
            c->words = words;
            for (uint64_t i = 0; i < words; i++)
                c->data[i] = b->step * 31 + i;
            b->ch[k] = c;
        }
        b->step++;
        pw_safepoint(w);
        if (b->step % 500 == 0 && (sync ? pw_wait_durable(w, pw_commit_ticket(w)) : pw_sync(w)) == 0) {
            uint64_t s = b->step;
            if (write(out, &s, sizeof s) != sizeof s)
                _exit(3);
        }
    }
}

/* The parent's replay of the balances, advanced as recovered steps grow. */
static uint64_t replay_acct[NACCT];
static uint64_t replay_rng = SEED, replay_step;

static void replay_to(uint64_t step)
{
    if (step < replay_step) { /* a replica behind the image: replay from the start */
        for (unsigned i = 0; i < NACCT; i++)
            replay_acct[i] = START_BALANCE;
        replay_rng = SEED;
        replay_step = 0;
    }
    for (; replay_step < step; replay_step++)
        transfer(replay_acct, &replay_rng);
}

static void fsck_line(void *ctx, const char *line)
{
    (void)ctx;
    if (line[0] == ' ')
        fprintf(stderr, "fsck: %s\n", line);
}

static int verify(const char *img, const char *strategy, uint64_t durable, uint64_t *prev)
{
    pw_options o;
    t_options(&o, strategy, false, 0);
    o.log_level = PW_LOG_ERROR;
    pw_world *w;
    pw_error err;
    if (!hal_blockdev_exists(img) && durable == 0 && *prev == 0)
        return 0; /* killed while creating: the image never appeared */
    int rc = pw_open(img, &o, &w, &err);
    if (rc == -ENODATA && durable == 0 && *prev == 0)
        return 0; /* killed while formatting an export: no root was written */
    if (rc) {
        fprintf(stderr, "reopen: %s\n", err.msg);
        return 1;
    }
    int bad = 0;
    bank *b = pw_root(w);
    if (!b) { /* killed before the first snapshot with the bank in it */
        bad = durable > 0 || *prev > 0;
        pw_close(w, false);
        return bad;
    }
    if (b->step < durable || b->step < *prev) {
        fprintf(stderr, "step went back: recovered %llu, durable %llu, previous %llu\n",
                (unsigned long long)b->step, (unsigned long long)durable,
                (unsigned long long)*prev);
        bad++;
    }
    replay_to(b->step);
    uint64_t total = 0;
    for (unsigned i = 0; i < NACCT; i++) {
        total += b->acct[i];
        if (b->acct[i] != replay_acct[i] && bad++ < 5)
            fprintf(stderr, "account %u: %llu, replay says %llu (step %llu)\n", i,
                    (unsigned long long)b->acct[i], (unsigned long long)replay_acct[i],
                    (unsigned long long)b->step);
    }
    if (total != (uint64_t)NACCT * START_BALANCE) {
        fprintf(stderr, "total %llu is not conserved\n", (unsigned long long)total);
        bad++;
    }
    if (b->rng != replay_rng) {
        fprintf(stderr, "generator state differs from the replay\n");
        bad++;
    }
    for (unsigned k = 0; k < NCHURN; k++) {
        churn *c = b->ch[k];
        if (!c)
            continue;
        for (uint64_t i = 0; i < c->words; i++)
            if (c->data[i] != c->step * 31 + i) {
                fprintf(stderr, "churn block %u corrupt at word %llu\n", k, (unsigned long long)i);
                bad++;
                break;
            }
    }
    *prev = b->step;
    pw_close(w, false);
    return bad;
}

/* The newest generation an image holds; 0 if none (or no image). */
static uint64_t newest_generation(const char *img)
{
    pw_image_info in;
    pw_error err;
    if (!hal_path_exists(img) || pw_image_info_read(img, &in, &err) || in.newest < 0)
        return 0;
    return in.slot[in.newest].generation;
}

static uint64_t replica_same, replica_behind;
/* The replica was deleted, and it has not caught up since (the rebuild
 * runs in the background while snapshots go on, so a rebuilt replica may
 * land more than one snapshot behind before it catches up). */
static bool replica_lost;

/* After a kill: the replica is at most one snapshot behind img, and boots
 * into a state of the same run, holding at least step acked (what the
 * world reported once the replica held it: --replica-sync). */
static int check_replica(const char *img, const char *replica, const char *strategy, uint64_t acked)
{
    uint64_t g = newest_generation(img), r = newest_generation(replica);
    replica_lost = replica_lost && (r == 0 || r + 1 < g);
    if (r + 1 < g && !replica_lost) {
        fprintf(stderr, "replica at generation %llu, the image at %llu: more than one behind\n",
                (unsigned long long)r, (unsigned long long)g);
        return 1;
    }
    if (getenv("KILLLOOP_DEBUG"))
        fprintf(stderr, "replica %llu image %llu lost %d\n", (unsigned long long)r, (unsigned long long)g, replica_lost);
    replica_same += r == g;
    replica_behind += r + 1 == g;
    if (r == 0 && acked) {
        fprintf(stderr, "--replica-sync: step %llu was reported, the replica holds nothing\n",
                (unsigned long long)acked);
        return 1;
    }
    if (r == 0)
        return 0; /* the image holds at most its first snapshot: none shipped yet */
    uint64_t any = 0;
    return verify(replica, strategy, acked, &any);
}

/* A replica-server for the loop: its image, key, and the server itself
 * (started before each cycle on a free port, killed after the world). */
typedef struct tcp_replica {
    const char *image, *key, *errfile;
    t_replsrv srv;
    uint64_t sync_checked; /* cycles run with --replica-sync */
} tcp_replica;

/* cycles kill-and-verify cycles of the workload on img (a fresh image),
 * with replica (NULL: none; with tcp, its server's image); returns the
 * number of failures. */
static int kill_loop(const char *argv0, const char *img, const char *replica, tcp_replica *tcp, int cycles,
                     uint64_t *seed)
{
    for (unsigned i = 0; i < NACCT; i++)
        replay_acct[i] = START_BALANCE;
    replay_rng = SEED;
    replay_step = 0;
    replica_lost = replica != NULL; /* a new replica is built in the background */
    const char *strategies[4];
    int nstrat = t_usable_strategies(strategies, 4, false);
    REQUIRE(nstrat > 0);
    printf("killloop: %d cycles over %d strategies on %s\n", cycles, nstrat, img);
    uint64_t t0 = hal_now_mono_ns();
    uint64_t prev = 0, durable = 0;
    int failures = 0;
    int cycle;
    for (cycle = 0; cycle < cycles && failures == 0; cycle++) {
        const char *strategy = strategies[cycle % nstrat];
        if (replica && cycle % 10 == 5) {
            unlink(replica);
            replica_lost = true;
        }
        /* Over TCP, every other cycle with --replica-sync. */
        bool sync = tcp && cycle % 2;
        if (tcp)
            REQUIRE(t_replsrv_start(&tcp->srv, replica, tcp->key, 0, tcp->errfile));
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            dup2(fds[1], 1);
            if (tcp)
                execl("/proc/self/exe", argv0, "--child", img, strategy, tcp->srv.uri, tcp->key, sync ? "sync" : "async",
                      (char *)NULL);
            else
                execl("/proc/self/exe", argv0, "--child", img, strategy, replica, (char *)NULL);
            _exit(127);
        }
        close(fds[1]);
        /* Mostly short runs, so kills land in every phase: opening,
         * first touches, snapshot writes, commits. */
        uint64_t r = next_rand(seed);
        /* Over TCP longer: a connection, and a rebuild must fit in some runs. */
        uint64_t us = 2000 + r % (r & 1 ? 150000 : 30000) + (tcp ? 80000 : 0);
        hal_sleep_ns(us * 1000);
        kill(pid, SIGKILL);
        if (tcp) { /* the server dies too, often in the middle of a snapshot */
            hal_sleep_ns((r >> 8) % 2000 * 1000);
            t_replsrv_kill(&tcp->srv);
        }
        int status;
        waitpid(pid, &status, 0);
        uint64_t s, acked = 0;
        while (read(fds[0], &s, sizeof s) == (ssize_t)sizeof s) {
            if (s > durable)
                durable = s;
            if (s > acked)
                acked = s;
        }
        close(fds[0]);
        if (WIFEXITED(status)) {
            fprintf(stderr, "cycle %d: child exited with %d before the kill\n", cycle,
                    WEXITSTATUS(status));
            failures++;
            break;
        }
        int bad = replica ? check_replica(img, replica, strategy, sync ? acked : 0) : 0;
        if (tcp && sync)
            tcp->sync_checked++;
        bad += verify(img, strategy, durable, &prev);
        if (bad) {
            fprintf(stderr, "cycle %d (%s): %d problems\n", cycle, strategy, bad);
            failures++;
        }
        /* (not before any step was recovered: a world killed while being
         * created has no image yet, or an export no root) */
        if ((cycle % 25 == 24 || cycle == cycles - 1) && (prev || durable)) {
            pw_fsck_result fr;
            pw_error err;
            int rc = pw_fsck(img, NULL, &fr, fsck_line, NULL, &err);
            if (rc != 0) {
                fprintf(stderr, "cycle %d: fsck says %d %s\n", cycle, rc, err.msg);
                failures++;
            }
            if (replica && newest_generation(replica) &&
                (rc = pw_fsck(replica, NULL, &fr, fsck_line, NULL, &err)) != 0) {
                fprintf(stderr, "cycle %d: fsck of the replica says %d %s\n", cycle, rc, err.msg);
                failures++;
            }
            printf("cycle %d: step %llu (durable %llu), fsck clean\n", cycle + 1,
                   (unsigned long long)prev, (unsigned long long)durable);
            fflush(stdout);
        }
    }
    printf("killloop: %d cycles in %.1f s\n", cycle, (double)(hal_now_mono_ns() - t0) / 1e9);
    CHECK(prev > 0);
    return failures;
}

int main(int argc, char **argv)
{
    if ((argc == 4 || argc == 5 || argc == 7) && !strcmp(argv[1], "--child")) {
        child(argv[2], argv[3], argc >= 5 ? argv[4] : NULL, argc == 7 ? argv[5] : NULL,
              argc == 7 && !strcmp(argv[6], "sync"), 1);
        return 0;
    }
    bool torture = getenv("TORTURE") != NULL;
    int cycles = torture ? 10000 : 200;
    if (getenv("KILLLOOP_CYCLES"))
        cycles = atoi(getenv("KILLLOOP_CYCLES"));
    char img[256];
    snprintf(img, sizeof img, "/tmp/phantom-killloop-%d.img", getpid());
    unlink(img);
    uint64_t seed = t_seed("killloop");
    t_load_start(2);
    int failures = kill_loop(argv[0], img, NULL, NULL, cycles, &seed);
    unlink(img);
    char tmp[300];
    snprintf(tmp, sizeof tmp, "%s.creating", img);
    unlink(tmp);
    if (failures == 0 && t_nbdkit_usable("killloop (NBD)")) {
        char dir[] = "/tmp/phantom-killloop-nbd-XXXXXX";
        REQUIRE(mkdtemp(dir) != NULL);
        t_nbdkit k;
        t_nbdkit_serve_file(&k, dir, 512ull << 20, true);
        failures += kill_loop(argv[0], k.uri, NULL, NULL, cycles / 4 > 20 ? cycles / 4 : 20, &seed);
        t_nbdkit_kill(&k);
        t_remove_dir(dir);
    }
    if (failures == 0) {
        char replica[300];
        snprintf(replica, sizeof replica, "%s.replica", img);
        unlink(replica);
        failures += kill_loop(argv[0], img, replica, NULL, cycles / 4 > 50 ? cycles / 4 : 50, &seed);
        printf("killloop: the replica was level with the image after %llu kills, one snapshot behind "
               "after %llu\n", (unsigned long long)replica_same, (unsigned long long)replica_behind);
        unlink(img);
        unlink(replica);
        unlink(tmp);
    }
    if (failures == 0) { /* over TCP: the world and its replica-server both killed each cycle */
        char dir[] = "/tmp/phantom-killloop-tcp-XXXXXX", replica[300], key[300], errfile[300];
        REQUIRE(mkdtemp(dir) != NULL);
        snprintf(replica, sizeof replica, "%s/replica.img", dir);
        snprintf(key, sizeof key, "%s/key", dir);
        snprintf(errfile, sizeof errfile, "%s/server.err", dir);
        uint64_t krng = seed;
        t_key_file(key, 0600, &krng);
        tcp_replica tcp = {replica, key, errfile, {0}, 0};
        replica_same = replica_behind = 0;
        failures += kill_loop(argv[0], img, replica, &tcp, cycles / 4 > 50 ? cycles / 4 : 50, &seed);
        printf("killloop: over TCP the replica was level after %llu kills, one snapshot behind after %llu; "
               "%llu cycles with --replica-sync held every reported step\n",
               (unsigned long long)replica_same, (unsigned long long)replica_behind,
               (unsigned long long)tcp.sync_checked);
        CHECK(replica_same + replica_behind >= 5); /* replication did work, not only rebuilds */
        unlink(img);
        unlink(tmp);
        if (failures == 0)
            t_remove_dir(dir);
        else
            fprintf(stderr, "the replica-server's messages: %s\n", errfile);
    }
    t_load_stop();
    CHECK(failures == 0);
    return test_done("killloop");
}
