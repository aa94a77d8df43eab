/*
 * counter.c - a program that never saves anything, yet continues after
 * kill -9 from where it was (at most one snapshot interval back).
 *
 * It keeps a growing list of records in the persistent space: each step
 * appends one record holding the step number and a running hash of all
 * earlier records, and prints progress.  On start it checks the whole
 * list against the hashes, so a resumed world is also a verified one.
 *
 *   build/examples/counter [--steps N] [--delay MS] [--interval MS]
 *                          [--strategy NAME] [--quiet] IMAGE
 */
#include "../src/persist/pw.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct record {
    uint64_t step;
    uint64_t hash; /* hash of every earlier record and this step */
    struct record *next;
} record;

typedef struct state {
    uint64_t steps;
    uint64_t hash;
    record *first, *last;
    uint64_t runs; /* how many times the program has started on this world */
} state;

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

static int usage(void)
{
    fprintf(stderr, "usage: counter [--steps N] [--delay MS] [--interval MS] [--strategy NAME] "
                    "[--quiet] IMAGE\n");
    return 2;
}

int main(int argc, char **argv)
{
    uint64_t max_steps = UINT64_MAX;
    unsigned delay_ms = 200;
    bool quiet = false;
    const char *path = NULL;
    pw_options o;
    pw_options_default(&o);
    o.create = true;
    o.log_level = PW_LOG_INFO;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--steps") && i + 1 < argc)
            max_steps = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--delay") && i + 1 < argc)
            delay_ms = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--interval") && i + 1 < argc)
            o.snapshot_interval_ms = (uint32_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--strategy") && i + 1 < argc)
            o.strategy = argv[++i];
        else if (!strcmp(argv[i], "--quiet"))
            quiet = true;
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage();
            return 0;
        } else if (argv[i][0] == '-' || path)
            return usage();
        else
            path = argv[i];
    }
    if (!path)
        return usage();

    pw_world *w;
    pw_error err;
    if (pw_open(path, &o, &w, &err)) {
        fprintf(stderr, "counter: %s\n", err.msg);
        return 2;
    }
    state *s = pw_root(w);
    if (!s) {
        s = pw_alloc(w, sizeof *s);
        pw_set_root(w, s);
    }
    s->runs++;

    /* Verify what survived: every record chains to the next. */
    uint64_t h = 0, n = 0;
    for (record *r = s->first; r; r = r->next, n++) {
        h = mix(h, r->step);
        if (r->step != n + 1 || r->hash != h) {
            fprintf(stderr, "counter: record %" PRIu64 " is corrupt\n", n + 1);
            return 1;
        }
    }
    if (n != s->steps || h != s->hash) {
        fprintf(stderr, "counter: list and totals disagree\n");
        return 1;
    }
    pw_stats st;
    pw_stats_get(w, &st);
    printf("counter: %s world %s, start #%" PRIu64 ", %" PRIu64 " steps verified, snapshot "
           "generation %" PRIu64 ", strategy %s\n",
           pw_is_new(w) ? "new" : "resumed", path, s->runs, s->steps, st.resumed_generation,
           pw_strategy(w));
    fflush(stdout);

    while (s->steps < max_steps) {
        record *r = pw_alloc(w, sizeof *r);
        if (!r) {
            fprintf(stderr, "counter: the persistent space is full\n");
            break;
        }
        r->step = s->steps + 1;
        r->hash = mix(s->hash, r->step);
        if (s->last)
            s->last->next = r;
        else
            s->first = r;
        s->last = r;
        s->hash = r->hash;
        s->steps = r->step;
        pw_safepoint(w); /* the world is consistent here */
        if (!quiet && (s->steps % 5 == 0 || delay_ms >= 100)) {
            pw_stats_get(w, &st);
            printf("step %" PRIu64 "  (durable snapshots: %" PRIu64 ", last pause %.3f ms)\n",
                   s->steps, st.generation, (double)st.pause_last_ns / 1e6);
            fflush(stdout);
        }
        if (delay_ms) {
            pw_blocking_begin(w);
            hal_sleep_ns((uint64_t)delay_ms * 1000000u);
            pw_blocking_end(w);
        }
    }
    uint64_t done = s->steps; /* the space is unmapped by pw_close */
    int rc = pw_close(w, true);
    if (!quiet)
        printf("counter: stopped at step %" PRIu64 ", final snapshot %s\n", done,
               rc ? "FAILED" : "durable");
    return rc ? 1 : 0;
}
