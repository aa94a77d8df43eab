/*
 * history.c - the snapshot history (docs/STORAGE.md, "Snapshot history";
 * docs/DISK-FORMAT.md, section 9):
 *   - the retention decision (last N, first of each minute and hour, pins)
 *     and the policy's syntax, with its errors;
 *   - retention over a long run with a small disk budget: pw_fsck after
 *     every snapshot, the budget holds, and every retained generation
 *     still reads back exactly as it was (a read-only view of it);
 *   - a pinned snapshot outlives a policy that keeps nothing, until
 *     unpinned;
 *   - rollback to an old generation and forward again (the newer one
 *     stays retained), with the space's content checked each time;
 *   - an image in the previous format (version 1, written by the engine
 *     before history existed: tests/unit/data/v1-world.img.gz) passes
 *     fsck, opens with its content, and gains a history from its next
 *     snapshot.
 */
#include "../../src/persist/pw_internal.h"
#include "testlib.h"

#include <errno.h>
#include <unistd.h>

#define DATA_DIR "tests/unit/data" /* tests run from the repository's top */
#define NPAGES 48u
#define MAXGEN 4096u
#define TMAGIC 0x5453494854505048ull

static char img[256];
static uint64_t hashes[MAXGEN]; /* content of each generation */

typedef struct table {
    uint64_t magic;
    uint64_t step;
    uint8_t *page[NPAGES];
} table;

static uint64_t space_hash(pw_world *w)
{
    table *t = pw_root(w);
    if (!t)
        return 0;
    uint64_t h = t_hash_bytes(0, t, sizeof *t);
    for (unsigned i = 0; i < NPAGES; i++)
        h = t_hash_bytes(h, t->page[i], HAL_PAGE_SIZE);
    return h;
}

/* One step: a few pages rewritten (one of them zeroed), then a snapshot;
 * returns its generation, whose content hash is recorded. */
static uint64_t step(pw_world *w, uint64_t *rng)
{
    table *t = pw_root(w);
    if (!t) {
        t = pw_alloc(w, sizeof *t);
        REQUIRE(t);
        t->magic = TMAGIC;
        for (unsigned i = 0; i < NPAGES; i++)
            REQUIRE((t->page[i] = pw_alloc_pages(w, 1)));
        pw_set_root(w, t);
    }
    t->step++;
    for (int k = 0; k < 6; k++)
        t_fill_random(t->page[t_rand(rng) % NPAGES], HAL_PAGE_SIZE, rng);
    memset(t->page[t_rand(rng) % NPAGES], 0, HAL_PAGE_SIZE);
    uint64_t h = space_hash(w);
    REQUIRE(pw_snapshot(w, true) == 0);
    pw_stats st;
    pw_stats_get(w, &st);
    REQUIRE(st.generation < MAXGEN);
    hashes[st.generation] = h;
    return st.generation;
}

static bool fsck_clean(const char *what)
{
    pw_fsck_result r;
    pw_error err = {0, ""};
    int rc = pw_fsck(img, NULL, &r, NULL, NULL, &err);
    if (rc)
        fprintf(stderr, "%s: fsck: rc %d %s (checksum %llu map %llu space %llu leaked %llu double %llu)\n",
                what, rc, err.msg, (unsigned long long)r.checksum_errors, (unsigned long long)r.map_errors,
                (unsigned long long)r.space_errors, (unsigned long long)r.leaked_blocks,
                (unsigned long long)r.double_used_blocks);
    return rc == 0;
}

static pw_world *open_with(const pw_keep *keep, uint64_t rollback, uint64_t view, bool create)
{
    pw_options o;
    t_options(&o, NULL, create, 16ull << 20);
    o.keep = keep;
    o.rollback_to = rollback;
    o.view_generation = view;
    pw_world *w;
    REQUIRE(t_open(img, &o, &w) == 0);
    return w;
}

static bool retained(uint64_t g, pw_history *out)
{
    pw_history h;
    pw_error err;
    REQUIRE(pw_history_read(img, &h, &err) == 0);
    bool found = false;
    for (size_t i = 0; i < h.n; i++)
        found |= h.snap[i].generation == g;
    if (out)
        *out = h;
    else
        pw_history_free(&h);
    return found;
}

/* ---- the decision and the syntax ------------------------------------------------ */

static void test_decide(void)
{
    const uint64_t s = 1000000000ull, min = 60 * s, hour = 60 * min;
    pw_hist_rec h[12];
    memset(h, 0, sizeof h);
    /* 0..3: one a quarter hour apart, three hours ago; 4..7: seconds apart,
     * ten minutes ago; 8..11: the last minute */
    uint64_t now = 100 * hour;
    for (int i = 0; i < 4; i++)
        h[i].wall_ns = now - 3 * hour + (uint64_t)i * 15 * min;
    for (int i = 4; i < 8; i++)
        h[i].wall_ns = now - 10 * min + (uint64_t)i * s;
    for (int i = 8; i < 12; i++)
        h[i].wall_ns = now - 50 * s + (uint64_t)i * s;
    for (int i = 0; i < 12; i++)
        h[i].generation = (uint64_t)i + 1;
    bool keep[12];
    pw_keep k = {2, 0, 0, 0, 0};
    pw_history_decide(h, 12, now, &k, keep);
    for (int i = 0; i < 12; i++)
        CHECK(keep[i] == (i >= 10));
    k = (pw_keep){0, 0, 0, 0, 0};
    pw_history_decide(h, 12, now, &k, keep);
    for (int i = 0; i < 12; i++)
        CHECK(keep[i] == (i == 11)); /* the fallback only */
    h[5].pinned = 1;
    pw_history_decide(h, 12, now, &k, keep);
    CHECK(keep[5] && keep[11] && !keep[4] && !keep[6]);
    h[5].pinned = 0;
    k = (pw_keep){0, 60, 0, 0, 0}; /* the first of each minute of the last hour */
    pw_history_decide(h, 12, now, &k, keep);
    CHECK(!keep[0] && !keep[3]); /* three hours ago */
    CHECK(keep[4] && !keep[5] && !keep[7]);
    CHECK(keep[8] && !keep[9] && keep[11]);
    k = (pw_keep){0, 0, 24, 0, 0}; /* the first of each hour of the last day */
    pw_history_decide(h, 12, now, &k, keep);
    CHECK(keep[0] && !keep[1] && !keep[2] && !keep[3]);
    CHECK(keep[4] && !keep[8]); /* the first of the current hour */
    printf("  decide: last, minutely, hourly, pins, the fallback\n");
}

static void test_parse(void)
{
    pw_keep k;
    char why[300];
    CHECK(pw_keep_parse("last=3", &k, why, sizeof why));
    CHECK(k.last == 3 && k.minutely == PW_KEEP_DEFAULT_MINUTELY && k.hourly == PW_KEEP_DEFAULT_HOURLY);
    CHECK(pw_keep_parse("last=0,minutely=5,hourly=2,daily=7,budget=2G", &k, why, sizeof why));
    CHECK(k.last == 0 && k.minutely == 5 && k.hourly == 2 && k.daily == 7);
    CHECK_EQ_U64(k.budget_blocks, (2ull << 30) / 4096);
    char text[128];
    pw_keep_format(&k, text, sizeof text);
    CHECK(!strcmp(text, "last=0,minutely=5,hourly=2,daily=7,budget=2G"));
    pw_keep k2;
    CHECK(pw_keep_parse(text, &k2, why, sizeof why) && !memcmp(&k, &k2, sizeof k));
    CHECK(pw_keep_parse("none", &k, why, sizeof why) && !k.last && !k.minutely && !k.hourly);
    static const char *const bad[] = {"", "last", "last=", "last=x", "last=-1", "last=10001", "lats=3",
                                      "last=3,", "budget=12", "budget=1Q", "minutely=5M", "last=3;hourly=2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        why[0] = 0;
        bool ok = pw_keep_parse(bad[i], &k, why, sizeof why);
        CHECK(!ok && why[0]);
        if (ok)
            fprintf(stderr, "  accepted bad policy '%s'\n", bad[i]);
    }
    CHECK(!pw_keep_parse("budget=12", &k, why, sizeof why) && strstr(why, "budget"));
    printf("  policy syntax: values, defaults, round trip, %zu bad ones refused\n", sizeof bad / sizeof bad[0]);
}

/* ---- a long run within a budget ---------------------------------------------------- */

static void test_budget(uint64_t seed)
{
    unlink(img);
    pw_keep k;
    char why[200];
    REQUIRE(pw_keep_parse("last=40,minutely=0,hourly=0,budget=640K", &k, why, sizeof why));
    pw_world *w = open_with(&k, 0, 0, true);
    uint64_t rng = seed, max_used = 0, max_hist = 0, g = 0;
    for (int i = 0; i < 150; i++) {
        g = step(w, &rng);
        pw_stats st;
        pw_stats_get(w, &st);
        max_used = st.blocks_used > max_used ? st.blocks_used : max_used;
        pw_history h;
        retained(g, &h);
        max_hist = h.n > max_hist ? h.n : max_hist;
        pw_history_free(&h);
        if (i % 10 == 9 || i < 5) {
            pw_close(w, false);
            if (!fsck_clean("budget run"))
                REQUIRE(0);
            w = open_with(NULL, 0, 0, false); /* the policy stays with the image */
            CHECK_EQ_U64(space_hash(w), hashes[g]);
        }
    }
    pw_close(w, false);
    CHECK(fsck_clean("after the budget run"));
    /* 160 blocks of budget: the live world takes about 60, so the budget,
     * not last=40, bounds the history; one snapshot's writes and releases
     * may exceed it until the next. */
    CHECK(max_used <= 160 + 40);
    CHECK(max_hist >= 3 && max_hist < 40);
    pw_history h;
    REQUIRE(retained(g, &h));
    CHECK(h.n >= 2 && h.snap[h.n - 1].newest && h.snap[h.n - 1].generation == g);
    CHECK(h.keep.budget_blocks == 160 && h.keep.last == 40 && h.keep_stored);
    int viewed = 0;
    for (size_t i = 0; i + 1 < h.n; i++) {
        pw_world *v = open_with(NULL, 0, h.snap[i].generation, false);
        CHECK_EQ_U64(space_hash(v), hashes[h.snap[i].generation]);
        CHECK(pw_snapshot(v, true) == -EROFS); /* a view never writes */
        pw_close(v, false);
        viewed++;
    }
    CHECK(fsck_clean("after the views"));
    printf("  budget: 150 snapshots, at most %llu blocks in use (budget 160), %llu retained at most, "
           "%d older ones read back exactly\n",
           (unsigned long long)max_used, (unsigned long long)max_hist, viewed);
    pw_history_free(&h);
}

/* ---- pins -------------------------------------------------------------------------- */

static void test_pins(uint64_t seed)
{
    unlink(img);
    pw_keep none;
    memset(&none, 0, sizeof none);
    pw_world *w = open_with(&none, 0, 0, true);
    uint64_t rng = seed ^ 0x51;
    for (int i = 0; i < 3; i++)
        step(w, &rng);
    uint64_t pinned = pw_pin_newest(w);
    for (int i = 0; i < 10; i++)
        step(w, &rng);
    pw_close(w, false);
    CHECK(fsck_clean("pinned"));
    pw_history h;
    CHECK(retained(pinned, &h));
    CHECK(h.n == 3); /* the pinned one, the fallback, the newest */
    for (size_t i = 0; i < h.n; i++)
        CHECK(h.snap[i].pinned == (h.snap[i].generation == pinned));
    pw_history_free(&h);
    w = open_with(NULL, 0, pinned, false);
    CHECK_EQ_U64(space_hash(w), hashes[pinned]);
    pw_close(w, false);
    w = open_with(NULL, 0, 0, false);
    CHECK(pw_unpin(w, 99999) == -ENOENT);
    CHECK(pw_unpin(w, pinned) == 0);
    step(w, &rng);
    pw_close(w, false);
    CHECK(!retained(pinned, NULL));
    CHECK(fsck_clean("unpinned"));
    printf("  pins: generation %llu outlived keep=none until unpinned\n", (unsigned long long)pinned);
}

/* ---- rollback ------------------------------------------------------------------------- */

static void test_rollback(uint64_t seed)
{
    unlink(img);
    pw_world *w = open_with(NULL, 0, 0, true); /* the default policy */
    uint64_t rng = seed ^ 0x77, g = 0;
    for (int i = 0; i < 8; i++)
        g = step(w, &rng);
    pw_close(w, false);
    uint64_t back = g - 5, ahead = g;
    pw_options o;
    t_options(&o, NULL, false, 0);
    o.rollback_to = 12345;
    pw_error err;
    CHECK(pw_open(img, &o, &w, &err) == -ENOENT && strstr(err.msg, "12345") &&
          strstr(err.msg, "not retained"));
    CHECK(fsck_clean("refused rollback"));

    w = open_with(NULL, back, 0, false);
    CHECK_EQ_U64(space_hash(w), hashes[back]);
    pw_stats st;
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.generation, ahead + 1); /* going back is a new snapshot */
    hashes[ahead + 1] = hashes[back];
    g = step(w, &rng); /* and the world goes on from there */
    pw_close(w, false);
    CHECK(fsck_clean("rolled back"));
    CHECK(retained(ahead, NULL) && retained(back, NULL));

    w = open_with(NULL, 0, 0, false); /* a plain boot resumes the rolled-back line */
    CHECK_EQ_U64(space_hash(w), hashes[g]);
    pw_close(w, false);
    w = open_with(NULL, ahead, 0, false); /* undo the rollback */
    CHECK_EQ_U64(space_hash(w), hashes[ahead]);
    table *t = pw_root(w);
    CHECK_EQ_U64(t->step, 8);
    pw_close(w, false);
    CHECK(fsck_clean("forward again"));
    printf("  rollback: %llu -> %llu -> on -> %llu again, content exact, fsck clean\n",
           (unsigned long long)ahead, (unsigned long long)back, (unsigned long long)ahead);
}

/* ---- the previous format ----------------------------------------------------------------- */

/* The fixture: made by the engine of version 1 (before history), a 4 MiB
 * space whose root table points at NPAGES pages; page i of generation G
 * holds the words (i << 32 | G) for the generations that wrote it last;
 * see data/README.  Its slots hold generations 6 and 5. */
static void test_v1(void)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "gzip -dc '" DATA_DIR "/v1-world.img.gz' > '%s'", img);
    REQUIRE(system(cmd) == 0);
    pw_image_info in;
    pw_error err;
    REQUIRE(pw_image_info_read(img, &in, &err) == 0);
    CHECK_EQ_U64(in.version, 1);
    CHECK(fsck_clean("version 1 image"));
    pw_world *w = open_with(NULL, 0, 0, false);
    uint64_t *t = pw_root(w);
    REQUIRE(t && t[0] == 0x31563158454d4954ull);
    uint64_t g = t[1];
    CHECK_EQ_U64(g, 6);
    int bad = 0;
    for (unsigned i = 0; i < 16; i++) {
        const uint64_t *p = (const uint64_t *)(uintptr_t)t[2 + i];
        for (unsigned j = 0; j < HAL_PAGE_SIZE / 8; j++)
            bad += (p[j] >> 32) != i || (p[j] & 0xffffffffu) < 1 || (p[j] & 0xffffffffu) > g;
    }
    CHECK(bad == 0);
    uint64_t before = t_hash_bytes(0, (void *)(uintptr_t)t[2], HAL_PAGE_SIZE);
    memset((void *)(uintptr_t)t[2], 0x5a, HAL_PAGE_SIZE);
    CHECK(pw_snapshot(w, true) == 0);
    pw_close(w, false);
    REQUIRE(pw_image_info_read(img, &in, &err) == 0);
    CHECK_EQ_U64(in.version, PW_FORMAT_VERSION);
    CHECK(fsck_clean("version 1 image after a snapshot"));
    CHECK(retained(6, NULL)); /* the version 1 snapshot is in the history */
    w = open_with(NULL, 6, 0, false);
    t = pw_root(w);
    CHECK_EQ_U64(t_hash_bytes(0, (void *)(uintptr_t)t[2], HAL_PAGE_SIZE), before);
    pw_close(w, false);
    CHECK(fsck_clean("version 1 image rolled back"));
    printf("  version 1 image: fsck clean, opens, content right, gains a history, rolls back\n");
}

int main(void)
{
    snprintf(img, sizeof img, "/tmp/phantom-history-%d.img", (int)getpid());
    uint64_t seed = t_seed("history");
    test_decide();
    test_parse();
    test_budget(seed);
    test_pins(seed);
    test_rollback(seed);
    test_v1();
    unlink(img);
    return test_done("history");
}
