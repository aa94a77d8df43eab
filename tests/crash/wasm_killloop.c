/*
 * wasm_killloop.c - a C program compiled to WebAssembly
 * (tests/wasm/kill/progress.c) is killed with SIGKILL at random moments in
 * the middle of its computation and resumed with `phantom boot`, over and
 * over, beside two CPU-burning processes, changing the snapshot strategy
 * at every boot.
 *
 * Its whole state (linear memory, value stack, frames, globals) lives in
 * the world, so after every restart it continues from the last snapshot:
 *  - every "step I TOTAL" line holds the TOTAL this test computes for I
 *    with the same code (tests/wasm/kill/progress.h): memory and the
 *    program's variables are consistent;
 *  - within a run I goes up by one; after a restart it goes back at most
 *    the work of one snapshot interval and never skips a number;
 *  - the program's own check (the heap summed again every 64 steps)
 *    never prints "BAD";
 *  - a last boot runs it to its end ("done", exit status 0), and phantom
 *    fsck finds the image clean.
 * At least 60 kill cycles (TORTURE=1: 1000).  Rerun a failure with the
 * SEED it printed.  Skipped, in one line, without clang's wasm32-wasi
 * target.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "killrun.h"
#include "../wasm/kill/progress.h"

#define INTERVAL_MS "30"
#define MAX_REPEAT 2000

static uint64_t expected[PROGRESS_STEPS];

typedef struct state {
    long hi, prev;       /* highest step printed so far; last in this run (-1: none) */
    bool done, bad;
    long repeated;
} state;

static void line(void *ctx, const char *l)
{
    state *s = ctx;
    long i;
    unsigned long long total;
    if (!strncmp(l, "BAD", 3)) {
        fprintf(stderr, "program reported: %s\n", l);
        s->bad = true;
    } else if (!strcmp(l, "done")) {
        s->done = true;
    } else if (sscanf(l, "step %ld %llu", &i, &total) == 2 && i >= 0 && i < (long)PROGRESS_STEPS) {
        if (total != expected[i]) {
            fprintf(stderr, "step %ld: total %llu, expected %llu: memory and variables disagree\n", i, total,
                    (unsigned long long)expected[i]);
            s->bad = true;
        }
        if (s->prev >= 0 && i != s->prev + 1) {
            fprintf(stderr, "step %ld after %ld in one run\n", i, s->prev);
            s->bad = true;
        }
        if (s->prev < 0 && i > s->hi + 1) {
            fprintf(stderr, "resumed at step %ld but only %ld was printed: a gap\n", i, s->hi);
            s->bad = true;
        }
        if (s->prev < 0 && s->hi - i + 1 > MAX_REPEAT) {
            fprintf(stderr, "resumed at step %ld after %ld: repeats more than %d\n", i, s->hi, MAX_REPEAT);
            s->bad = true;
        }
        if (s->prev < 0 && i <= s->hi)
            s->repeated += s->hi - i + 1;
        s->prev = i;
        if (i > s->hi)
            s->hi = i;
    } else {
        fprintf(stderr, "unexpected output line: '%s'\n", l);
        s->bad = true;
    }
}

static int run(void *ctx, char *const argv[], int kill_after_ms)
{
    state *s = ctx;
    s->prev = -1;
    kr_run_opts o = {.kill_after_ms = kill_after_ms, .line = line, .ctx = s};
    return kr_run(argv, &o);
}

static int one_world(const char *phantom, const char *img, const char *wasm, uint64_t *rng,
                     const char **strategies, int nstrat, int budget)
{
    state s = {.hi = -1};
    char *first[] = {(char *)phantom, "run", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], (char *)wasm, NULL};
    char *again[] = {(char *)phantom, "boot", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], NULL};
    int killed = 0;
    int rc = kr_kill_cycles(run, &s, &s.bad, first, again, 7, strategies, nstrat, budget, rng, &killed);
    CHECK(!s.bad);
    CHECK(rc == 0);
    CHECK(s.done);
    CHECK(s.hi == (long)PROGRESS_STEPS - 1);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fsck %s > /dev/null", phantom, img);
    CHECK(system(cmd) == 0);
    printf("wasm_killloop: a world killed %d times; %ld steps printed again after restarts; program finished\n",
           killed, s.repeated);
    fflush(stdout);
    return killed;
}

int main(void)
{
    if (system("printf 'int main(void){return 0;}' | clang --target=wasm32-wasi --sysroot=/usr -x c - "
               "-o /dev/null >/dev/null 2>&1") != 0) {
        printf("wasm_killloop: skipped: clang cannot build for wasm32-wasi "
               "(apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)\n");
        return 0;
    }
    int cycles = getenv("TORTURE") ? 1000 : 60;
    uint64_t rng = t_seed("wasm_killloop");
    static uint32_t heap[PROGRESS_WORDS];
    uint64_t total = progress_init(heap);
    for (uint32_t i = 0; i < PROGRESS_STEPS; i++)
        expected[i] = total = progress_step(heap, i, total);
    const char *strategies[4];
    int nstrat = t_usable_strategies(strategies, 4, false);
    REQUIRE(nstrat > 0);
    char dir[] = "/tmp/phantom-wasmkill-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char phantom[512], img[600], wasm[600], cmd[1400];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(wasm, sizeof wasm, "%s/progress.wasm", dir);
    snprintf(cmd, sizeof cmd, "clang --target=wasm32-wasi --sysroot=/usr -O2 tests/wasm/kill/progress.c -o %s", wasm);
    REQUIRE(system(cmd) == 0);
    t_load_start(2);
    int killed = 0, worlds = 0;
    while (killed < cycles && !t_failures) {
        snprintf(img, sizeof img, "%s/w%d.img", dir, worlds++);
        killed += one_world(phantom, img, wasm, &rng, strategies, nstrat, cycles - killed);
    }
    t_load_stop();
    CHECK(killed >= cycles);
    printf("wasm_killloop: %d kills over %d world%s\n", killed, worlds, worlds == 1 ? "" : "s");
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return test_done("wasm_killloop");
}
