/*
 * readahead.c - after a world is resumed, the engine reads its pages ahead
 * in the background (src/persist/readahead.c), for every snapshot strategy:
 *  - left alone, the read-ahead makes every page of the image resident,
 *    and then reading the whole world takes no fault at all;
 *  - what it loaded is what the snapshot holds (every page checked);
 *  - pages it loaded are still write-tracked: writes to them after the
 *    read-ahead reach the next snapshot, and writes made while it runs
 *    (the program racing it from the first instant) do too;
 *  - with no_readahead nothing is read ahead, and the pages fault in.
 */
#define _GNU_SOURCE
#include "../../src/persist/pw.h"
#include "testlib.h"

#include <unistd.h>

#define NPAGES 4096u   /* 16 MiB of data */
#define MAGIC 0x52454144414845ull

typedef struct root {
    uint64_t magic, round;
    uint64_t *data;    /* NPAGES pages; word 0 of page i: value(i, round of its last write) */
} root;

static char img[256];

static uint64_t value(uint64_t i, uint64_t round) { return (i * 2654435761ull) ^ (round << 40) ^ MAGIC; }

static pw_world *open_world(const char *strategy, bool create, bool readahead)
{
    pw_options o;
    t_options(&o, strategy, create, 1ull << 30);
    o.no_readahead = !readahead;
    pw_world *w;
    return t_open(img, &o, &w) ? NULL : w;
}

/* Waits (at most 10 s) for the read-ahead to finish. */
static bool readahead_done(pw_world *w, pw_stats *s)
{
    for (int i = 0; i < 10000; i++) {
        pw_stats_get(w, s);
        if (s->readahead_done_ns)
            return true;
        usleep(1000);
    }
    return false;
}

/* Every page holds value(i, round) for its round: rounds[i], or `round`
 * for all when rounds is NULL.  Returns the pages that do not. */
static uint64_t check_all(const root *r, const uint64_t *rounds, uint64_t round)
{
    uint64_t bad = 0;
    for (uint64_t i = 0; i < NPAGES; i++)
        bad += r->data[i * 512] != value(i, rounds ? rounds[i] : round);
    return bad;
}

static void run(const char *strategy)
{
    printf("strategy %s\n", strategy);
    unlink(img);
    pw_world *w = open_world(strategy, true, true);
    REQUIRE(w);
    root *r = pw_alloc(w, sizeof *r);
    REQUIRE(r);
    r->data = pw_alloc_pages(w, NPAGES);
    REQUIRE(r->data);
    for (uint64_t i = 0; i < NPAGES; i++)
        r->data[i * 512] = value(i, 0);
    r->magic = MAGIC;
    pw_set_root(w, r);
    CHECK(pw_close(w, true) == 0);

    /* 1. Left alone, it loads the whole image; reading it then faults on
     * nothing; the content is the snapshot's; and writes are tracked. */
    w = open_world(strategy, false, true);
    REQUIRE(w);
    pw_stats s0, s1;
    CHECK(readahead_done(w, &s0));
    CHECK(s0.readahead_pages >= NPAGES);
    CHECK_EQ_U64(s0.mem.preloaded_pages, s0.readahead_pages);
    r = pw_root(w);
    REQUIRE(r && r->magic == MAGIC);
    CHECK_EQ_U64(check_all(r, NULL, 0), 0);
    pw_stats_get(w, &s1);
    CHECK_EQ_U64(s1.mem.fill_faults - s0.mem.fill_faults, 0);
    for (uint64_t i = 0; i < NPAGES; i += 3)
        r->data[i * 512] = value(i, 1);
    r->round = 1;
    CHECK(pw_close(w, true) == 0);

    /* 2. Without the read-ahead: the writes are there, and the pages
     * come in by faults. */
    w = open_world(strategy, false, false);
    REQUIRE(w);
    r = pw_root(w);
    REQUIRE(r && r->magic == MAGIC && r->round == 1);
    uint64_t *rounds = calloc(NPAGES, sizeof *rounds);
    REQUIRE(rounds);
    for (uint64_t i = 0; i < NPAGES; i += 3)
        rounds[i] = 1;
    CHECK_EQ_U64(check_all(r, rounds, 0), 0);
    pw_stats_get(w, &s1);
    CHECK(s1.mem.fill_faults >= NPAGES);
    CHECK_EQ_U64(s1.mem.preloaded_pages, 0);
    CHECK_EQ_U64(s1.readahead_done_ns, 0);
    pw_close(w, false);

    /* 3. The program races the read-ahead from the first instant: it
     * writes every other page from the end backwards (meeting the
     * read-ahead's front), with a snapshot in the middle; all of it, and
     * what it did not write, survive. */
    w = open_world(strategy, false, true);
    REQUIRE(w);
    r = pw_root(w);
    REQUIRE(r && r->magic == MAGIC);
    for (uint64_t i = NPAGES; i-- > 0;) {
        if (i % 2 == 0) {
            r->data[i * 512] = value(i, 2);
            rounds[i] = 2;
        }
        if (i == NPAGES / 2)
            CHECK(pw_snapshot(w, true) == 0);
    }
    CHECK_EQ_U64(check_all(r, rounds, 0), 0);
    CHECK(pw_close(w, true) == 0);
    w = open_world(strategy, false, true);
    REQUIRE(w);
    r = pw_root(w);
    REQUIRE(r && r->magic == MAGIC);
    CHECK_EQ_U64(check_all(r, rounds, 0), 0);
    pw_close(w, false);
    free(rounds);
}

int main(void)
{
    snprintf(img, sizeof img, "/tmp/phantom-test-readahead-%d.img", getpid());
    for (const char *const *s = hal_tmem_strategies(); *s; s++) {
        char why[200];
        if (hal_tmem_probe(*s, why, sizeof why)) {
            printf("skip strategy %s: %s\n", *s, why);
            continue;
        }
        run(*s);
    }
    unlink(img);
    return test_done("readahead");
}
