/*
 * powerloss.c - simulated power loss at every point of a recorded run
 * (in the manner of SQLite's crash tests and CrashMonkey).
 *
 * A deterministic workload runs on an in-memory device (unit/memdev.h) that
 * records every write, flush and grow: several snapshots, each allocating,
 * modifying and zeroing pages, freeing objects and small blocks, so that
 * the image grows and the superseded lists are non-empty.  Right before
 * each pw_snapshot the workload hashes the whole space (and, separately,
 * the data reachable from the root pointer), so the content of every
 * committed generation is known.
 *
 * Then, for every operation index k of the record, the test builds disks
 * as they could be after power failed just before operation k:
 *   everything durable at the last successful flush before k, plus
 *   - none of the writes issued since,
 *   - all of them,
 *   - all of them with the last one torn (a prefix of its 512-byte sectors),
 *   - random subsets (the device may reorder), the last included one torn,
 *   - random subsets of individual sectors.
 * Each crashed disk must
 *   - open (create=false) once any root flush has completed, and then hold
 *     exactly the content of a committed generation, namely the one
 *     pw_stats().resumed_generation names, which must be at least the
 *     newest generation whose root flush completed before k; the engine
 *     must not log any error (no fallback is ever needed after power loss);
 *   - be clean for pw_fsck;
 *   - (some variants) keep working: one more step and snapshot, reopen,
 *     the new content is there, fsck clean again.
 * Before the first root flush the disk may be refused, with an error that
 * names the image.
 *
 * Two device models: a file (grows in 16 MiB steps) and a nearly full disk
 * that grows one block at a time.  The file keeps the default snapshot
 * history; the others keep only the fallback (--keep none), so that every
 * commit drops a retained snapshot and releases its blocks, and fsck walks
 * whatever history each crashed disk holds.  Strategies alternate between crash
 * points.  TORTURE=1: a longer workload and many more subsets per point.
 *
 * A third model is an NBD export (when nbdkit is installed): a fixed-size
 * all-zero device the engine formats in place.  Each crashed disk is put
 * on an nbdkit memory-plugin export and everything above (open, content,
 * fsck, continuing) goes through the NBD back end: reads, FUA root writes,
 * flushes.
 */
#define _GNU_SOURCE
#include "../../src/persist/format.h"
#include "../../src/persist/pw.h"
#include "testlib.h"
#include "../unit/memdev.h"
#include "nbdkit.h"

#include <stdarg.h>
#include <time.h>
#include <unistd.h>

#define SPACE_SIZE (4ull << 20) /* 1024 pages: a two-level page map */
#define HW_PAGES 512u           /* the workload stays below this page */
#define MAXOBJ 16
#define NSMALL 6
#define TMAGIC 0x454c42415457504full
#define MAXGEN 512
#define SECTOR 512u

#define EXPORT_BYTES (1u << 20) /* the NBD model's device */

static bool torture;
/* The NBD model: crashed disks are loaded into this export (a device kept
 * open for it, and a copy of what the export holds, so that only blocks
 * that differ are sent). */
static const char *nbd_uri;
static hal_blockdev *nbd_loader;
static uint8_t *nbd_shadow;
static const char *strategies[4];
static int nstrategies;

/* ---- the workload ------------------------------------------------------------------ */

typedef struct table {
    uint64_t magic;
    uint64_t step;
    uint64_t nobj, nbig;
    struct {
        uint64_t addr, npages, sum;
    } o[MAXOBJ];
    uint64_t small[NSMALL], small_len[NSMALL], small_sum[NSMALL];
} table;

/* Every byte of the part of the space the workload uses, and a sample of
 * the rest (which must be zero). */
static uint64_t space_hash(pw_world *w)
{
    const uint8_t *b = pw_base(w);
    uint64_t h = t_hash_bytes(0x5eed, b, (size_t)HW_PAGES * PW_BLOCK_SIZE);
    for (uint64_t pg = HW_PAGES + 3; pg < pw_size(w) / PW_BLOCK_SIZE; pg += 61)
        h = t_hash_mix(h, memdev_zero(b + pg * PW_BLOCK_SIZE, PW_BLOCK_SIZE));
    return h;
}

static bool in_space(pw_world *w, uint64_t addr, uint64_t len)
{
    uint64_t b = (uint64_t)(uintptr_t)pw_base(w);
    return addr >= b && len <= pw_size(w) && addr - b <= pw_size(w) - len;
}

/* The data reachable from the root: its hash, and how many objects do not
 * match the checksum the table keeps for them. */
static uint64_t walk_hash(pw_world *w, int *bad)
{
    *bad = 0;
    const table *t = pw_root(w);
    if (!t)
        return 1;
    if (!in_space(w, (uint64_t)(uintptr_t)t, sizeof *t) || t->magic != TMAGIC ||
        t->nobj > MAXOBJ) {
        (*bad)++;
        return 2;
    }
    uint64_t h = t_hash_bytes(3, (const uint8_t *)t, sizeof *t);
    for (uint64_t i = 0; i < t->nobj; i++) {
        if (!in_space(w, t->o[i].addr, t->o[i].npages * PW_BLOCK_SIZE)) {
            (*bad)++;
            continue;
        }
        uint64_t s = t_hash_bytes(7, (const uint8_t *)(uintptr_t)t->o[i].addr,
                                t->o[i].npages * PW_BLOCK_SIZE);
        *bad += s != t->o[i].sum;
        h = t_hash_mix(h, s);
    }
    for (int i = 0; i < NSMALL; i++) {
        if (!t->small[i])
            continue;
        if (!in_space(w, t->small[i], t->small_len[i])) {
            (*bad)++;
            continue;
        }
        uint64_t s = t_hash_bytes(11, (const uint8_t *)(uintptr_t)t->small[i], t->small_len[i]);
        *bad += s != t->small_sum[i];
        h = t_hash_mix(h, s);
    }
    return h;
}

/* One step of churn, on whatever the root holds (so it can also continue
 * from a recovered image). */
static void step(pw_world *w, uint64_t *rng)
{
    table *t = t_root_table(w, sizeof *t, TMAGIC);
    t->step++;
    /* new object: mostly a few pages (some left as holes), rarely a big
     * sparse one that reaches into another page-map leaf */
    if (t->nobj < MAXOBJ && (t->nobj < 3 || t_rand(rng) % 3)) {
        bool big = t->nbig < 1 && t_rand(rng) % 6 == 0;
        uint64_t np = big ? 150 + t_rand(rng) % 100 : 1 + t_rand(rng) % 6;
        uint8_t *p = pw_alloc_pages(w, np);
        REQUIRE(p);
        if ((uint64_t)(p - (uint8_t *)pw_base(w)) / PW_BLOCK_SIZE + np > HW_PAGES) {
            pw_free_pages(w, p, np); /* the hash covers only HW_PAGES: stay below */
            np = 0;
        }
        for (uint64_t i = 0; i < np; i++)
            if (big ? t_rand(rng) % 40 == 0 || i == np - 1 : t_rand(rng) % 5 != 0)
                t_fill_random(p + i * PW_BLOCK_SIZE, PW_BLOCK_SIZE, rng);
        if (np) {
            t->o[t->nobj].addr = (uint64_t)(uintptr_t)p;
            t->o[t->nobj].npages = np;
            t->nbig += big;
            t->nobj++;
        }
    }
    /* modify pages of a few objects: overwrite words, or zero a page */
    int nmod = 1 + (int)(t_rand(rng) % 3);
    for (int m = 0; m < nmod && t->nobj; m++) {
        uint64_t i = t_rand(rng) % t->nobj;
        uint8_t *pg = (uint8_t *)(uintptr_t)t->o[i].addr +
                      (t_rand(rng) % t->o[i].npages) * PW_BLOCK_SIZE;
        if (t_rand(rng) % 4 == 0) {
            memset(pg, 0, PW_BLOCK_SIZE);
        } else {
            int nw = 1 + (int)(t_rand(rng) % 64);
            for (int k = 0; k < nw; k++) {
                uint64_t v = t_rand(rng);
                memcpy(pg + (t_rand(rng) % (PW_BLOCK_SIZE / 8)) * 8, &v, 8);
            }
        }
    }
    /* free an object now and then */
    if (t->nobj > 3 && t_rand(rng) % 3 == 0) {
        uint64_t i = t_rand(rng) % t->nobj;
        if (t->o[i].npages >= 150)
            t->nbig--;
        pw_free_pages(w, (void *)(uintptr_t)t->o[i].addr, t->o[i].npages);
        t->o[i] = t->o[--t->nobj];
        memset(&t->o[t->nobj], 0, sizeof t->o[0]);
    }
    /* small blocks: replace one */
    int s = (int)(t_rand(rng) % NSMALL);
    if (t->small[s])
        pw_free(w, (void *)(uintptr_t)t->small[s]);
    t->small[s] = 0;
    if (t_rand(rng) % 4) {
        size_t len = 10 + t_rand(rng) % 700;
        uint8_t *p = pw_alloc(w, len);
        REQUIRE(p);
        if ((uint64_t)(p - (uint8_t *)pw_base(w)) + len > HW_PAGES * PW_BLOCK_SIZE) {
            pw_free(w, p);
        } else {
            for (size_t i = 0; i < len; i++)
                p[i] = (uint8_t)t_rand(rng);
            t->small[s] = (uint64_t)(uintptr_t)p;
            t->small_len[s] = len;
            t->small_sum[s] = t_hash_bytes(11, p, len);
        }
    }
    for (uint64_t i = 0; i < t->nobj; i++)
        t->o[i].sum = t_hash_bytes(7, (const uint8_t *)(uintptr_t)t->o[i].addr,
                                 t->o[i].npages * PW_BLOCK_SIZE);
}

/* ---- per-generation expectations --------------------------------------------------- */

typedef struct expect {
    bool have;
    uint64_t space, walk;
} expect;
static expect expected[MAXGEN];

static void expect_now(pw_world *w, uint64_t gen)
{
    REQUIRE(gen < MAXGEN);
    int bad;
    expected[gen].have = true;
    expected[gen].space = space_hash(w);
    expected[gen].walk = walk_hash(w, &bad);
    REQUIRE(bad == 0);
}

/* ---- logging and context ------------------------------------------------------------ */

static char cur_case[512];

static char fsck_out[16384];
static size_t fsck_len;
static void fsck_cb(void *ctx, const char *line)
{
    (void)ctx;
    t_append(fsck_out, sizeof fsck_out, &fsck_len, "    %s\n", line);
}

static void died(void)
{
    if (cur_case[0])
        fprintf(stderr, "powerloss: the process ended during: %s\n%s", cur_case, t_logbuf);
}

static int failures_reported;
static void case_failed(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void case_failed(const char *fmt, ...)
{
    if (++failures_reported > 20)
        return;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "powerloss: %s: ", cur_case);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n%s", t_logbuf);
}

/* The device a crashed disk is opened on: the memimg, or (NBD model) none:
 * the world opens the export by its URI. */
static hal_blockdev *crash_dev(memimg *img, const char *name)
{
    return nbd_uri && !strcmp(name, nbd_uri) ? NULL : memimg_dev(img, name);
}

static void opts(pw_options *o, memimg *img, const char *name, const char *strategy, bool create)
{
    t_options(o, strategy, create, SPACE_SIZE);
    o->log = t_log_capture;
    o->log_level = PW_LOG_WARN;
    o->dev = crash_dev(img, name);
}

/* NBD model: the export's content becomes the crashed disk's. */
static void nbd_load(const memimg *m)
{
    REQUIRE(m->size <= EXPORT_BYTES);
    for (uint64_t off = 0; off < EXPORT_BYTES; off += PW_BLOCK_SIZE) {
        static const uint8_t zero[PW_BLOCK_SIZE];
        const uint8_t *want = off < m->size ? m->data + off : zero;
        if (memcmp(nbd_shadow + off, want, PW_BLOCK_SIZE)) {
            REQUIRE(nbd_loader->ops->write(nbd_loader, want, PW_BLOCK_SIZE, off) == 0);
            memcpy(nbd_shadow + off, want, PW_BLOCK_SIZE);
        }
    }
}

/* NBD model: after a world wrote to the export, the copy is read anew. */
static void nbd_reread(void)
{
    REQUIRE(nbd_loader->ops->read(nbd_loader, nbd_shadow, EXPORT_BYTES, 0) == 0);
}

/* ---- recording ------------------------------------------------------------------ */

/* Runs the workload on a fresh recording device; returns the device. */
static memimg *record_run(uint64_t grow_max, bool fixed, int nsteps, uint64_t *last_gen)
{
    memset(expected, 0, sizeof expected);
    memimg *img = memimg_new(NULL, fixed ? EXPORT_BYTES : 0);
    img->grow_max = grow_max;
    img->max_size = fixed ? EXPORT_BYTES : 0;
    memimg_record_start(img);
    pw_options o;
    opts(&o, img, "mem:record", NULL, true);
    static const pw_keep fallback_only = {0, 0, 0, 0, 0};
    if (grow_max || fixed)
        o.keep = &fallback_only; /* stored in the image: the crashed opens keep it */
    pw_world *w;
    t_log_reset();
    snprintf(cur_case, sizeof cur_case, "recording run");
    REQUIRE(t_open("mem:record", &o, &w) == 0);
    pw_stats st;
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.generation, 1);
    expect_now(w, st.generation); /* the new world, as generation 1 wrote it */
    uint64_t rng = 0x1234567 + grow_max;
    uint64_t max_slist = 0;
    for (int s = 0; s < nsteps; s++) {
        step(w, &rng);
        if (s % 4 == 3)
            step(w, &rng); /* some snapshots carry more change */
        uint64_t next = st.generation + 1;
        expect_now(w, next);
        CHECK(pw_snapshot(w, true) == 0);
        pw_stats_get(w, &st);
        CHECK_EQ_U64(st.generation, next);
    }
    *last_gen = st.generation;
    pw_close(w, false);
    cur_case[0] = 0;
    /* the record must cover what the test is about */
    size_t writes = 0, flushes = 0, grows = 0, roots = 0;
    for (size_t i = 0; i < img->nops; i++) {
        const memop *op = &img->ops[i];
        writes += op->kind == MOP_WRITE;
        flushes += op->kind == MOP_FLUSH;
        grows += op->kind == MOP_GROW;
        if (op->kind == MOP_WRITE && op->off < PW_FIRST_DATA_BLOCK * PW_BLOCK_SIZE) {
            pw_rootslot r;
            memcpy(&r, op->data, sizeof r);
            roots++;
            if (r.slist_count > max_slist)
                max_slist = r.slist_count;
        }
    }
    CHECK(roots == *last_gen);
    CHECK(max_slist > 0);
    CHECK(grows >= (fixed ? 0u : grow_max ? 5u : 1u));
    printf("recorded (%s): %d steps, %llu generations, %zu ops (%zu writes, %zu flushes, "
           "%zu grows), largest superseded list %llu, image %llu blocks\n",
           fixed ? "fixed-size export" : grow_max ? "block-by-block growth" : "file growth", nsteps,
           (unsigned long long)*last_gen, img->nops, writes, flushes, grows,
           (unsigned long long)max_slist, (unsigned long long)(img->size / PW_BLOCK_SIZE));
    return img;
}

/* ---- checking one crashed disk -------------------------------------------------- */

static uint64_t n_opened, n_refused, n_continued, gen_hist_newer;

/* gmin: newest generation whose root flush completed; 0: none yet. */
static void check_crashed(memimg *crash, uint64_t gmin, const char *strategy, bool cont,
                          uint64_t seed)
{
    const char *name = nbd_uri ? nbd_uri : "mem:crashed";
    if (nbd_uri)
        nbd_load(crash);
    /* fsck first: nothing has touched the crashed disk yet */
    pw_fsck_result fr;
    pw_error err;
    fsck_len = 0;
    fsck_out[0] = 0;
    int frc = pw_fsck(name, crash_dev(crash, name), &fr, fsck_cb, NULL, &err);

    pw_options o;
    opts(&o, crash, name, strategy, false);
    pw_world *w = NULL;
    t_log_reset();
    int rc = pw_open(name, &o, &w, &err);
    if (rc) {
        if (gmin > 0) {
            case_failed("open failed although generation %llu was durable: %s",
                        (unsigned long long)gmin, err.msg);
            CHECK(0);
        } else {
            n_refused++;
            CHECK(strstr(err.msg, name) != NULL);
            if (!(err.code == rc && rc < 0))
                case_failed("refused with rc %d, err.code %d: %s", rc, err.code, err.msg);
            CHECK(err.code == rc && rc < 0);
            CHECK(frc != 0); /* fsck must not call a disk without a root clean */
        }
        return;
    }
    n_opened++;
    pw_stats st;
    pw_stats_get(w, &st);
    uint64_t g = st.resumed_generation;
    int bad = 0;
    uint64_t sh = space_hash(w), wh = walk_hash(w, &bad);
    bool ok = true;
    if (g < gmin || g >= MAXGEN || !expected[g].have) {
        case_failed("resumed generation %llu, durable was %llu", (unsigned long long)g,
                    (unsigned long long)gmin);
        ok = false;
    } else if (sh != expected[g].space || wh != expected[g].walk || bad) {
        case_failed("content differs from generation %llu (space %s, root walk %s, %d bad objects)",
                    (unsigned long long)g, sh == expected[g].space ? "same" : "DIFFERENT",
                    wh == expected[g].walk ? "same" : "DIFFERENT", bad);
        ok = false;
    }
    CHECK(ok);
    gen_hist_newer += g > gmin;
    if (t_log_error_seen) {
        case_failed("the engine logged an error opening a power-loss image");
        CHECK(0);
    }
    if (frc != 0) {
        case_failed("fsck returned %d (%s)\n%s", frc, err.msg, fsck_out);
        CHECK(0);
    }
    if (!ok || !cont) {
        pw_close(w, false);
        return;
    }
    /* keep going from the recovered state */
    uint64_t rng = seed;
    step(w, &rng);
    step(w, &rng);
    uint64_t want_space = space_hash(w), want_walk = walk_hash(w, &bad);
    CHECK(bad == 0);
    rc = pw_snapshot(w, true);
    CHECK(rc == 0);
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.generation, g + 1);
    pw_close(w, false);
    opts(&o, crash, name, strategy, false);
    rc = pw_open(name, &o, &w, &err);
    if (rc) {
        if (nbd_uri)
            nbd_reread();
        case_failed("reopen after recovery and a snapshot failed: %s", err.msg);
        CHECK(0);
        return;
    }
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.resumed_generation, g + 1);
    bool same = space_hash(w) == want_space && walk_hash(w, &bad) == want_walk && !bad;
    if (!same)
        case_failed("content after recovery + snapshot + reopen differs");
    CHECK(same);
    pw_close(w, false);
    fsck_len = 0;
    frc = pw_fsck(name, crash_dev(crash, name), &fr, fsck_cb, NULL, &err);
    if (nbd_uri)
        nbd_reread();
    if (frc != 0)
        case_failed("fsck after recovery + snapshot returned %d (%s)\n%s", frc, err.msg, fsck_out);
    CHECK(frc == 0);
    n_continued++;
}

/* ---- enumerating crash points ----------------------------------------------------- */

enum { V_NONE, V_ALL, V_ALL_TORN, V_SUBSET, V_SECTORS };

/* The disk after a crash: dur plus a choice of the pending ops. */
static memimg *build(const memimg *dur, const memop *ops, const size_t *pend, size_t npend,
                     int variant, uint64_t *rng)
{
    memimg *m = memimg_new(dur->data, dur->size);
    if (variant == V_NONE)
        return m;
    bool inc[npend ? npend : 1];
    size_t last = SIZE_MAX;
    for (size_t i = 0; i < npend; i++) {
        inc[i] = variant == V_ALL || variant == V_ALL_TORN || variant == V_SECTORS ||
                 t_rand(rng) % 2;
        if (inc[i] && ops[pend[i]].kind == MOP_WRITE)
            last = i;
    }
    for (size_t i = 0; i < npend; i++) {
        if (!inc[i])
            continue;
        const memop *op = &ops[pend[i]];
        if (variant == V_SECTORS && op->kind == MOP_WRITE) {
            memop_apply(m, op, 0); /* size only */
            for (uint64_t s = 0; s < op->len / SECTOR; s++)
                if (t_rand(rng) % 2)
                    memcpy(m->data + op->off + s * SECTOR, op->data + s * SECTOR, SECTOR);
            continue;
        }
        uint64_t prefix = UINT64_MAX;
        if (i == last && (variant == V_ALL_TORN || (variant == V_SUBSET && t_rand(rng) % 2))) {
            uint64_t nsec = op->len / SECTOR;
            prefix = nsec > 1 ? (1 + t_rand(rng) % (nsec - 1)) * SECTOR : 0;
        }
        memop_apply(m, op, prefix);
    }
    return m;
}

static void run_crashes(memimg *rec, const char *label)
{
    const memop *ops = rec->ops;
    size_t nops = rec->nops;
    memimg *dur = memimg_new(rec->base0, rec->base0_size);
    size_t applied = 0;   /* ops [0, applied) are in dur */
    uint64_t gmin = 0;    /* newest root flushed so far */
    uint64_t root_pending = 0;
    size_t *pend = malloc((nops + 1) * sizeof *pend);
    REQUIRE(pend);
    /* TORTURE: a new choice of subsets each run (the seed is printed) */
    uint64_t rng = torture ? hal_random_u64() : 0xfeedface;
    printf("%s: subset seed %llu\n", label, (unsigned long long)rng);
    int nsub = torture ? 24 : 3, nsec = torture ? 8 : 2;
    uint64_t cases = 0;
    uint64_t t0 = (uint64_t)clock();
    for (size_t k = 0; k <= nops; k++) {
        /* dur := durable state at the last flush before k */
        size_t lastflush = SIZE_MAX;
        for (size_t i = 0; i < k; i++)
            if (ops[i].kind == MOP_FLUSH && !ops[i].failed)
                lastflush = i;
        if (lastflush != SIZE_MAX && lastflush + 1 > applied) {
            for (size_t i = applied; i <= lastflush; i++) {
                memop_apply(dur, &ops[i], UINT64_MAX);
                if (ops[i].kind == MOP_WRITE && ops[i].off < PW_FIRST_DATA_BLOCK * PW_BLOCK_SIZE) {
                    pw_rootslot r;
                    memcpy(&r, ops[i].data, sizeof r);
                    root_pending = r.generation > root_pending ? r.generation : root_pending;
                }
                if (ops[i].kind == MOP_FLUSH && root_pending > gmin)
                    gmin = root_pending;
            }
            applied = lastflush + 1;
        }
        size_t npend = 0;
        for (size_t i = applied; i < k; i++)
            if (ops[i].kind != MOP_FLUSH && !ops[i].failed)
                pend[npend++] = i;
        const char *strategy = strategies[k % (size_t)nstrategies];
        int nvar = npend ? 3 + nsub + nsec : 1;
        for (int v = 0; v < nvar; v++) {
            int variant = v < 3 ? v : v < 3 + nsub ? V_SUBSET : V_SECTORS;
            uint64_t vr = rng ^ (k * 1000003u + (uint64_t)v);
            memimg *m = build(dur, ops, pend, npend, variant, &vr);
            snprintf(cur_case, sizeof cur_case,
                     "%s: crash before op %zu of %zu (%zu pending), variant %d, strategy %s, "
                     "generation %llu durable",
                     label, k, nops, npend, v, strategy ? strategy : "default",
                     (unsigned long long)gmin);
            bool cont = torture || v == (int)(k % (size_t)nvar);
            check_crashed(m, gmin, strategy, cont, vr);
            memimg_free(m);
            cases++;
        }
    }
    cur_case[0] = 0;
    printf("%s: %llu crashed disks at %zu crash points, %.1f s cpu\n", label,
           (unsigned long long)cases, nops + 1, (double)((uint64_t)clock() - t0) / CLOCKS_PER_SEC);
    free(pend);
    memimg_free(dur);
}

int main(void)
{
    torture = getenv("TORTURE") && atoi(getenv("TORTURE")) > 0;
    atexit(died);
    nstrategies = t_usable_strategies(strategies, 3, true);
    REQUIRE(nstrategies > 0);
    int nsteps = torture ? 40 : 12;
    uint64_t last;
    memimg *rec = record_run(0, false, nsteps, &last);
    run_crashes(rec, "file growth");
    memimg_free(rec);
    rec = record_run(4 * PW_BLOCK_SIZE, false, torture ? nsteps : 8, &last);
    run_crashes(rec, "block-by-block growth");
    memimg_free(rec);
    if (t_nbdkit_usable("powerloss (NBD export)")) {
        char dir[] = "/tmp/phantom-powerloss-XXXXXX";
        REQUIRE(mkdtemp(dir) != NULL);
        const char *args[] = {"memory", "1M", NULL};
        t_nbdkit k;
        t_nbdkit_start(&k, dir, args);
        REQUIRE(hal_blockdev_open(k.uri, 0, &nbd_loader) == 0);
        nbd_shadow = calloc(1, EXPORT_BYTES);
        REQUIRE(nbd_shadow);
        rec = record_run(0, true, torture ? nsteps : 6, &last);
        nbd_uri = k.uri;
        run_crashes(rec, "NBD export");
        nbd_uri = NULL;
        memimg_free(rec);
        nbd_loader->ops->close(nbd_loader);
        free(nbd_shadow);
        t_nbdkit_kill(&k);
        t_remove_dir(dir);
    }
    printf("opened %llu (%llu at a newer generation than the durable one), refused %llu "
           "(before the first root), continued %llu\n",
           (unsigned long long)n_opened, (unsigned long long)gen_hist_newer,
           (unsigned long long)n_refused, (unsigned long long)n_continued);
    CHECK(n_opened > 0 && n_refused > 0 && n_continued > 0 && gen_hist_newer > 0);
    return test_done("powerloss");
}
