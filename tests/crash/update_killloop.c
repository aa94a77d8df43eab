/*
 * update_killloop.c - hot code update of a running world, killed with
 * SIGKILL at random moments, during updates and between them.
 *
 * The program counts forever: Main.main calls Counter.step() every 3 ms,
 * and step prints "vK N CALLS".  Version K of Counter (K = 1..VERSIONS)
 * changes step (it prints its own K), adds the field `calls` from K = 2
 * (counting the steps since), puts its fields in another order at every
 * version and adds a field p<i> at each version from 3 on (so objects
 * grow past their slot and move).  Main's text never changes, but it
 * refers to Counter, so it gets a new version too while its old main()
 * frame runs on.  Each round: boot the world and kill it after a random
 * moment, then `phantom update` to the next version, killed at a random
 * moment until one attempt completes.  Checked on every line:
 *  - N goes up by one within a run, and after a restart goes back at most
 *    one snapshot interval's work (state always carries over);
 *  - K is never below the last completed update's version nor above the
 *    last attempted one, and does not change within a run (the old or the
 *    new version is in force, never a mix);
 *  - from version 2 on, N - CALLS is the same on every line (the added
 *    field started at 0 when the update happened, and carried over since).
 * Then LIVE_VERSIONS more versions go in while the world runs: each
 * round boots the world, runs `phantom update` (through the world's
 * control socket, installed by its process and answered once durable)
 * at a random moment, and kills the world at another, possibly during
 * the update.  K may then go up within a run (never down, never a mix);
 * an update answered with status 0 is in force after every later boot.
 * At the end an update that changes `n` to a string is refused: exit
 * status 2, the image file byte-for-byte the same, fsck clean, and the
 * world still counts with the last version.  SEED= reruns a run.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>

#include "testlib.h"
#include "killrun.h"

#define VERSIONS 8
#define LIVE_VERSIONS 6   /* then updated while the world runs, through its socket */
#define MAX_REPEAT 200

typedef struct state {
    long hi, prev;           /* highest N so far; last N of this run (-1 none) */
    int run_version;         /* K of this run's lines, 0 none yet */
    int min_v, max_v;        /* versions that may be in force */
    long base;               /* N - CALLS, -1 not seen yet */
    long lines;
    bool live;               /* updates happen during runs: K may go up within one */
    bool bad;
} state;

static void line(void *ctx, const char *l)
{
    state *s = ctx;
    int k;
    long n, calls;
    if (sscanf(l, "v%d %ld %ld", &k, &n, &calls) != 3)
        return;
    s->lines++;
    if (k < s->min_v || k > s->max_v) {
        fprintf(stderr, "version %d in force, expected %d..%d: %s\n", k, s->min_v, s->max_v, l);
        s->bad = true;
    }
    if (s->run_version && k != s->run_version && !(s->live && k > s->run_version)) {
        fprintf(stderr, "version changed within a run (%d then %d)\n", s->run_version, k);
        s->bad = true;
    }
    s->run_version = k;
    if (s->prev >= 0 && n != s->prev + 1) {
        fprintf(stderr, "N %ld after %ld in one run\n", n, s->prev);
        s->bad = true;
    }
    if (s->prev < 0 && (n > s->hi + 1 || n < s->hi - MAX_REPEAT)) {
        fprintf(stderr, "N %ld after a restart, highest before %ld\n", n, s->hi);
        s->bad = true;
    }
    if (k >= 2) {
        if (s->base < 0)
            s->base = n - calls;
        if (n - calls != s->base) {
            fprintf(stderr, "state lost: N %ld CALLS %ld, N - CALLS was %ld\n", n, calls, s->base);
            s->bad = true;
        }
    }
    s->prev = n;
    if (n > s->hi)
        s->hi = n;
}

static int run(void *ctx, char *const argv[], int kill_after_ms)
{
    state *s = ctx;
    s->prev = -1;
    s->run_version = 0;
    kr_run_opts o = {.kill_after_ms = kill_after_ms, .line = line, .ctx = s};
    return kr_run(argv, &o);
}

/* Version k of the program, into path; bad_type: `n` declared a string. */
static void write_version(const char *path, int k, bool bad_type)
{
    FILE *f = fopen(path, "w");
    REQUIRE(f);
    char fields[1024] = "";
    size_t at = 0;
    const char *n_type = bad_type ? "string" : "int";
    /* fields in an order that changes with k: n first at odd versions */
    if (k % 2)
        at += (size_t)snprintf(fields + at, sizeof fields - at, "    var n: %s;\n", n_type);
    for (int i = 1; i <= k - 2; i++)
        at += (size_t)snprintf(fields + at, sizeof fields - at, "    var p%d: int;\n", i);
    if (k >= 2)
        at += (size_t)snprintf(fields + at, sizeof fields - at, "    var calls: int;\n");
    if (!(k % 2))
        snprintf(fields + at, sizeof fields - at, "    var n: %s;\n", n_type);
    fprintf(f,
            "class Counter {\n%s"
            "    void step() { n = n + 1; %s print(\"v%d \" + n + \" \" + %s + \"\\n\"); }\n"
            "}\n"
            "class Main {\n"
            "    static var c: Counter;\n"
            "    static void main() {\n"
            "        if (c == null) c = new Counter();\n"
            "        while (true) { c.step(); time.sleep(3); }\n"
            "    }\n"
            "}\n",
            fields, k >= 2 ? "calls = calls + 1;" : "", k, k >= 2 ? "calls" : "0");
    fclose(f);
}

/* phantom update after delay_ms, in the background: its pid. */
static pid_t update_later(const char *phantom, const char *img, const char *prog, int delay_ms)
{
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        usleep((useconds_t)delay_ms * 1000);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execl(phantom, phantom, "update", "--image", img, prog, (char *)NULL);
        _exit(127);
    }
    return pid;
}

/* phantom update, killed after kill_ms (< 0: never).  Exit status, or -1 if killed. */
static int update(const char *phantom, const char *img, const char *prog, int kill_ms)
{
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        execl(phantom, phantom, "update", "--image", img, prog, (char *)NULL);
        _exit(127);
    }
    int st;
    if (kill_ms >= 0) {
        usleep((useconds_t)kill_ms * 1000);
        if (waitpid(pid, &st, WNOHANG) == 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return -1;
        }
    } else {
        waitpid(pid, &st, 0);
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void fsck_clean(const char *phantom, const char *img)
{
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fsck --vm %s > /dev/null", phantom, img);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    uint64_t rng = t_seed("update_killloop");
    t_load_start(2);
    char dir[] = "/tmp/phantom-updkill-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char phantom[512], img[600], prog[600];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(prog, sizeof prog, "%s/counter.ph", dir);
    state s = {.hi = 0, .min_v = 1, .max_v = 1, .base = -1};
    write_version(prog, 1, false);
    char *first[] = {phantom, "run", "--image", img, "--snapshot-interval", "20", prog, NULL};
    char *boot[] = {phantom, "boot", "--image", img, "--snapshot-interval", "20", NULL};
    CHECK(run(&s, first, 30 + (int)(t_rand(&rng) % 80)) < 0);
    int kills = 1, update_kills = 0;
    for (int k = 2; k <= VERSIONS && !s.bad && !t_failures; k++) {
        write_version(prog, k, false);
        s.max_v = k;
        int rc, tries = 0;
        /* a kill within the first 400 ms, then within twice as long at each
         * try, so a slow (sanitized) build also completes one */
        while ((rc = update(phantom, img, prog, (int)(t_rand(&rng) % (400u << (tries < 6 ? tries : 6))))) < 0) {
            tries++;
            update_kills++;
            fsck_clean(phantom, img);
            CHECK(run(&s, boot, 20 + (int)(t_rand(&rng) % 60)) < 0);   /* k-1 or k in force */
            kills++;
        }
        CHECK(rc == 0);
        s.min_v = k;
        CHECK(run(&s, boot, 20 + (int)(t_rand(&rng) % 60)) < 0);
        kills++;
    }
    CHECK(s.hi > 0 && s.base >= 0);
    /* live: each version until an update answered 0 (durable) */
    s.live = true;
    int live_kills = 0;
    for (int k = VERSIONS + 1; k <= VERSIONS + LIVE_VERSIONS && !s.bad && !t_failures; k++) {
        write_version(prog, k, false);
        s.max_v = k;
        for (int tries = 0;; tries++) {
            REQUIRE(tries < 50);
            int stretch = tries < 4 ? tries : 4;   /* a slow (sanitized) build gets longer runs */
            pid_t up = update_later(phantom, img, prog, (int)(t_rand(&rng) % (300u << stretch)));
            /* killed (< 0), or refused at once (2: the update, finding no
             * world running yet, opened the image first) */
            int rr = run(&s, boot, 150 + (int)(t_rand(&rng) % (600u << stretch)));
            CHECK(rr < 0 || rr == 2);
            live_kills += rr < 0;
            int st;
            waitpid(up, &st, 0);
            if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
                break;
        }
        s.min_v = k;   /* durable: in force from the next line of any run on */
        CHECK(run(&s, boot, 20 + (int)(t_rand(&rng) % 60)) < 0);
        kills++;
    }
    s.live = false;
    /* a refused update changes nothing */
    write_version(prog, VERSIONS + LIVE_VERSIONS + 1, true);
    char cmd[2000], before[128] = "", after[128] = "";
    snprintf(cmd, sizeof cmd, "md5sum < %s", img);
    FILE *p = popen(cmd, "r");
    REQUIRE(p && fgets(before, sizeof before, p));
    pclose(p);
    CHECK(update(phantom, img, prog, -1) == 2);
    p = popen(cmd, "r");
    REQUIRE(p && fgets(after, sizeof after, p));
    pclose(p);
    CHECK(!strcmp(before, after));
    fsck_clean(phantom, img);
    long lines = s.lines;
    CHECK(run(&s, boot, 300) < 0);
    CHECK(s.lines > lines && s.run_version == VERSIONS + LIVE_VERSIONS);
    t_load_stop();
    CHECK(!s.bad);
    printf("update_killloop: %d versions (%d of them live), %d updates killed, %d runs killed (%d with a live "
           "update), %ld lines, count %ld\n",
           VERSIONS + LIVE_VERSIONS, LIVE_VERSIONS, update_kills, kills + live_kills, live_kills, s.lines, s.hi);
    t_remove_dir(dir);
    return test_done("update_killloop");
}
