/*
 * gc_threads.c - many threads and the complete collector, across SIGKILL:
 * tests/lang/gc/persist/threads.ph starts 50,000 threads that sleep
 * briefly, all alive at once, so that a complete cycle marks while they
 * end.  It is killed with SIGKILL while they run, resumed with `phantom
 * boot` until it prints "done", and the finished world must boot again.
 *
 * What a user would see go wrong, and what is checked:
 *  - the run or a boot crashes (an ended thread kept its target, which the
 *    fast collector freed; marking then read the freed slot, in every boot
 *    after): every run ends by the kill or with status 0;
 *  - the program loses threads: "joined 50000";
 *  - no complete cycle finished: "done C" with C >= 1;
 *  - the world is damaged: a last `phantom boot` exits 0 and fsck is clean.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "killrun.h"

typedef struct state {
    long joined, cycles;
    bool done, bad;
} state;

static void line(void *ctx, const char *l)
{
    state *s = ctx;
    long n;
    if (sscanf(l, "joined %ld", &n) == 1) {
        s->joined = n;
    } else if (sscanf(l, "done %ld", &n) == 1) {
        s->done = true;
        s->cycles = n;
    } else if (strcmp(l, "started") != 0) {
        fprintf(stderr, "unexpected output line: '%s'\n", l);
        s->bad = true;
    }
}

int main(void)
{
    char dir[] = "/tmp/phantom-gcthreads-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char phantom[512], img[600];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(img, sizeof img, "%s/w.img", dir);
    char *first[] = {phantom, "run", "--image", img, "--snapshot-interval", "50",
                     "tests/lang/gc/persist/threads.ph", NULL};
    char *again[] = {phantom, "boot", "--image", img, "--snapshot-interval", "50", NULL};

    state s = {0};
    uint64_t t0 = kr_now_ms();
    /* Killed 150 ms after "started": threads are being started or joined. */
    kr_run_opts kill = {.kill_after_ms = 150, .line = line, .ctx = &s};
    int rc = kr_run(first, &kill);
    CHECK(rc == -1 || rc == 0);
    int boots = 0;
    kr_run_opts to_end = {.line = line, .ctx = &s};
    while (rc == -1 && boots < 5) {
        boots++;
        rc = kr_run(again, &to_end);
    }
    CHECK(rc == 0);
    CHECK(!s.bad);
    CHECK(s.done);
    CHECK(s.joined == 50000);
    CHECK(s.cycles >= 1);
    /* The finished world: no thread left, and it boots. */
    CHECK(kr_run(again, &to_end) == 0);

    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fsck %s > /dev/null", phantom, img);
    CHECK(system(cmd) == 0);
    printf("gc_threads: 50,000 threads, %d boot%s after the kill, %ld complete cycles, %.1f s\n", boots,
           boots == 1 ? "" : "s", s.cycles, (double)(kr_now_ms() - t0) / 1000.0);
    t_remove_dir(dir);
    return test_done("gc_threads");
}
