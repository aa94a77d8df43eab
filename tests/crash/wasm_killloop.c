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
 *
 * The same for a program writing a file (tests/wasm/kill/journal.c): it
 * appends records and keeps their count and hash in memory, and checks
 * every few records that the file agrees exactly with its memory; after
 * the last boot, `phantom fs cat` shows the whole file as expected.
 *
 * The same for Phantom code calling a library module (tests/wasm/kill/
 * libcalls.ph calling libcalls.c, built with -mexec-model=reactor): a
 * call killed midway goes on after the boot; every "step I HASH" holds
 * the hash this test computes for call I (the module's memory is what
 * exactly I calls made of it), and the module's count of ended calls
 * always equals the program's.
 *
 * And a sleeping program (tests/wasm/kill/napper.c) killed in the middle
 * of a 3 s sleep and booted again wakes 3 s after it fell asleep, not
 * 3 s after the restart: the sleep keeps its wall-clock deadline.
 *
 * At least 60 kill cycles for each of the first two, 30 for the library
 * (TORTURE=1: 1000 each).
 * Rerun a failure with the SEED it printed.  Skipped, in one line,
 * without clang's wasm32-wasi target.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "killrun.h"
#include "../wasm/kill/journal.h"
#include "../wasm/kill/libcalls.h"
#include "../wasm/kill/progress.h"

#define INTERVAL_MS "30"
#define MAX_REPEAT 2000

static uint64_t expected[PROGRESS_STEPS];
static uint32_t lib_expected[LIBCALLS_STEPS];

enum kind { K_PROGRESS, K_JOURNAL, K_LIBCALLS, K_COUNT };
static const char *const kind_name[K_COUNT] = {"progress", "journal", "libcalls"};

typedef struct state {
    kr_seq step;
    long steps;          /* how many steps the program makes */
    bool done, bad;
} state;

static void sequence(state *s, long i)
{
    if (!kr_seq_next(&s->step, i))
        s->bad = true;
}

/* "BAD ..." and "done"; false for any other line. */
static bool common_line(state *s, const char *l)
{
    if (!strncmp(l, "BAD", 3)) {
        fprintf(stderr, "program reported: %s\n", l);
        s->bad = true;
    } else if (!strcmp(l, "done")) {
        s->done = true;
    } else {
        return false;
    }
    return true;
}

static void unexpected(state *s, const char *l)
{
    fprintf(stderr, "unexpected output line: '%s'\n", l);
    s->bad = true;
}

static void progress_line(void *ctx, const char *l)
{
    state *s = ctx;
    long i;
    unsigned long long total;
    if (common_line(s, l))
        return;
    if (sscanf(l, "step %ld %llu", &i, &total) != 2 || i < 0 || i >= (long)PROGRESS_STEPS)
        return unexpected(s, l);
    if (total != expected[i]) {
        fprintf(stderr, "step %ld: total %llu, expected %llu: memory and variables disagree\n", i, total,
                (unsigned long long)expected[i]);
        s->bad = true;
    }
    sequence(s, i);
}

static void journal_line(void *ctx, const char *l)
{
    state *s = ctx;
    long i;
    if (common_line(s, l))
        return;
    if (sscanf(l, "check %ld", &i) != 1 || i < 0 || i >= s->steps)
        return unexpected(s, l);
    sequence(s, i);
}

static void libcalls_line(void *ctx, const char *l)
{
    state *s = ctx;
    long i, h;
    if (common_line(s, l))
        return;
    if (sscanf(l, "step %ld %ld", &i, &h) != 2 || i < 0 || i >= (long)LIBCALLS_STEPS)
        return unexpected(s, l);
    if ((int32_t)h != (int32_t)lib_expected[i]) {
        fprintf(stderr, "call %ld: hash %ld, expected %d: the module's memory is not what %ld calls made\n", i, h,
                (int32_t)lib_expected[i], i + 1);
        s->bad = true;
    }
    sequence(s, i);
}

typedef struct world_run {
    state s;
    void (*line)(void *ctx, const char *l);
} world_run;

static int run(void *ctx, char *const argv[], int kill_after_ms)
{
    world_run *w = ctx;
    kr_seq_restart(&w->s.step);
    kr_run_opts o = {.kill_after_ms = kill_after_ms, .line = w->line, .ctx = &w->s};
    return kr_run(argv, &o);
}

/* The whole journal, as `phantom fs cat` shows it, holds every record. */
static void check_journal(const char *phantom, const char *img)
{
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fs --image %s cat /journal", phantom, img);
    FILE *p = popen(cmd, "r");
    REQUIRE(p);
    char got[JOURNAL_RECORD_BYTES + 1], want[JOURNAL_RECORD_BYTES + 1];
    uint32_t n = 0;
    bool same = true;
    while (fread(got, 1, JOURNAL_RECORD_BYTES, p) == JOURNAL_RECORD_BYTES) {
        journal_record(n++, want);
        same &= !memcmp(got, want, JOURNAL_RECORD_BYTES);
    }
    CHECK(pclose(p) == 0);
    CHECK(same);
    CHECK(n == JOURNAL_RECORDS);
}

static int one_world(const char *phantom, const char *img, const char *wasm, enum kind k, uint64_t *rng,
                     const char **strategies, int nstrat, int budget)
{
    static const long steps[K_COUNT] = {PROGRESS_STEPS, JOURNAL_RECORDS / JOURNAL_CHECK_EVERY, LIBCALLS_STEPS};
    static void (*const line[K_COUNT])(void *, const char *) = {progress_line, journal_line, libcalls_line};
    world_run w = {.s = {.steps = steps[k]}, .line = line[k]};
    state *sp = &w.s;
    kr_seq_init(&sp->step, "step", MAX_REPEAT);
    const char *program = wasm;
    if (k == K_LIBCALLS) {
        /* The Phantom program runs; the module is a file of the world. */
        char cmd[1400];
        snprintf(cmd, sizeof cmd, "%s fs --image %s put /libcalls.wasm %s", phantom, img, wasm);
        REQUIRE(system(cmd) == 0);
        program = "tests/wasm/kill/libcalls.ph";
    }
    char *first[] = {(char *)phantom, "run", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], (char *)program, NULL};
    char *again[] = {(char *)phantom, "boot", "--image", (char *)img, "--snapshot-interval", INTERVAL_MS,
                     "--strategy", (char *)strategies[0], NULL};
    int killed = 0;
    int rc = kr_kill_cycles(run, &w, &sp->bad, first, again, 7, strategies, nstrat, budget, rng, &killed);
    CHECK(!sp->bad);
    CHECK(rc == 0);
    CHECK(sp->done);
    CHECK(sp->step.hi == sp->steps - 1);
    if (k == K_JOURNAL)
        check_journal(phantom, img);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "%s fsck %s > /dev/null", phantom, img);
    CHECK(system(cmd) == 0);
    printf("wasm_killloop: %s: a world killed %d times; %ld lines printed again after restarts; program finished\n",
           kind_name[k], killed, sp->step.repeated);
    fflush(stdout);
    return killed;
}

/* The napper: killed 1.5 s into its 3 s sleep, booted again. */
static void nap_line(void *ctx, const char *l)
{
    long *slept = ctx;
    long ms;
    if (sscanf(l, "slept %ld ms", &ms) == 1)
        *slept = ms;
}

static void sleep_across_kill(const char *phantom, const char *dir, const char *wasm)
{
    char img[600];
    snprintf(img, sizeof img, "%s/nap.img", dir);
    char *first[] = {(char *)phantom, "run", "--image", img, "--snapshot-interval", INTERVAL_MS, (char *)wasm, NULL};
    char *again[] = {(char *)phantom, "boot", "--image", img, NULL};
    long slept = -1;
    kr_run_opts o = {.kill_after_ms = 1500, .line = nap_line, .ctx = &slept};
    CHECK(kr_run(first, &o) < 0);
    o.kill_after_ms = 0;
    CHECK(kr_run(again, &o) == 0);
    printf("wasm_killloop: napper: a 3000 ms sleep killed after 1500 ms ended %ld ms after it began\n", slept);
    CHECK(slept >= 3000 && slept < 4400);
}

static void compile(const char *dir, const char *name, const char *flags, char *wasm, size_t len)
{
    char cmd[1400];
    snprintf(wasm, len, "%s/%s.wasm", dir, name);
    snprintf(cmd, sizeof cmd, "clang --target=wasm32-wasi --sysroot=/usr -O2 %s tests/wasm/kill/%s.c -o %s", flags,
             name, wasm);
    REQUIRE(system(cmd) == 0);
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
    static uint32_t lib_heap[LIBCALLS_WORDS];
    for (uint32_t i = 0; i < LIBCALLS_STEPS; i++)
        lib_expected[i] = libcalls_step(lib_heap, i);
    const char *strategies[4];
    int nstrat = t_usable_strategies(strategies, 4, false);
    REQUIRE(nstrat > 0);
    char dir[] = "/tmp/phantom-wasmkill-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char phantom[512], img[600], wasm[K_COUNT][600], napper[600];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    for (int k = 0; k < K_COUNT; k++)
        compile(dir, kind_name[k], k == K_LIBCALLS ? "-mexec-model=reactor" : "", wasm[k], sizeof wasm[k]);
    compile(dir, "napper", "", napper, sizeof napper);
    t_load_start(2);
    int worlds = 0;
    for (int k = 0; k < K_COUNT && !t_failures; k++) {
        int want = k == K_LIBCALLS && !getenv("TORTURE") ? cycles / 2 : cycles, killed = 0;
        while (killed < want && !t_failures) {
            snprintf(img, sizeof img, "%s/w%d.img", dir, worlds++);
            killed += one_world(phantom, img, wasm[k], k, &rng, strategies, nstrat, want - killed);
        }
        CHECK(killed >= want);
        printf("wasm_killloop: %s: %d kills\n", kind_name[k], killed);
    }
    if (!t_failures)
        sleep_across_kill(phantom, dir, napper);
    t_load_stop();
    t_remove_dir(dir);
    return test_done("wasm_killloop");
}
