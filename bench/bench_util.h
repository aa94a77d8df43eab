/*
 * bench_util.h - small helpers shared by the benchmark programs (header
 * only: every bench/NAME.c is built on its own).
 */
#ifndef PHANTOM_BENCH_UTIL_H
#define PHANTOM_BENCH_UTIL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../src/persist/pw.h"

static inline uint64_t bu_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* xorshift64*: fast, good enough to pick pages and offsets. */
static inline uint64_t bu_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static int bu_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts v in place.  Nearest-rank percentile (p in 0..100). */
static inline uint64_t bu_pct(uint64_t *v, size_t n, double p)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof *v, bu_cmp_u64);
    size_t rank = (size_t)(p / 100.0 * (double)n + 0.999999);
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return v[rank - 1];
}

static inline double bu_median_d(double *v, size_t n)
{
    for (size_t i = 1; i < n; i++) /* insertion sort: n is tiny */
        for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    if (!n)
        return 0;
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static inline double bu_ms(uint64_t ns) { return (double)ns / 1e6; }
static inline double bu_us(uint64_t ns) { return (double)ns / 1e3; }

static inline void bu_die(const char *what)
{
    fprintf(stderr, "bench: %s\n", what);
    exit(1);
}

/* A new world for a benchmark: its image replaced, room for twice the
 * working set, snapshots only on request; the other options from o (NULL:
 * the defaults).  Exits on failure. */
static inline pw_world *bu_open_world_with(const char *img, uint64_t working_mib, const pw_options *o_in)
{
    unlink(img);
    pw_options o;
    if (o_in)
        o = *o_in;
    else
        pw_options_default(&o);
    o.create = true;
    o.snapshot_interval_ms = 0;
    o.space_size = working_mib * 2 * (1ull << 20) + (64ull << 20);
    pw_world *w;
    pw_error err;
    if (pw_open(img, &o, &w, &err)) {
        fprintf(stderr, "bench: open: %s\n", err.msg);
        exit(1);
    }
    return w;
}

static inline pw_world *bu_open_world(const char *strategy, const char *img, uint64_t working_mib)
{
    pw_options o;
    pw_options_default(&o);
    o.strategy = strategy;
    return bu_open_world_with(img, working_mib, &o);
}

#endif
