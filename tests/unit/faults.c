/*
 * faults.c - failing devices and bad images.
 *
 * I/O faults (unit/memdev.h injects them):
 *   - every write of a snapshot in turn fails with -EIO or -ENOSPC (the
 *     fault stays until cleared, so everything after it fails too);
 *   - the data flush, then the root flush, fails with -EIO;
 *   - the disk is full: the image cannot grow (-ENOSPC).
 *   While the fault lasts, pw_snapshot returns exactly that error, pw_stats
 *   counts snapshots_failed and keeps the generation, and the program keeps
 *   running and modifying the space (its content stays right).  The disk as
 *   power loss would leave it (memimg_durable) is clean for fsck and opens
 *   at the last good snapshot with exactly its content.  Once the fault
 *   clears, the next snapshot succeeds and captures the newest state, which
 *   a reopen then shows.
 *   An error is no proof that nothing was written: the root write (or its
 *   flush) fails yet the root is on the disk; then at every point of the
 *   retry, power loss must leave a disk that opens cleanly at the good
 *   snapshot, the failed one or the retry (the retry must not reuse the
 *   failed snapshot's blocks while its root can still be found).
 *   The snapshot thread's own retries (interval > 0) back off, log, and
 *   recover by themselves.
 * Bad images (files): missing, empty, truncated (several ways), garbage,
 * foreign format version, a directory.  Each is refused with an error that
 * names the file and says what is wrong, with create=false and (where the
 * path exists) create=true, and is left byte-for-byte as it was; fsck
 * refuses them too.  A world already open (another process, or this one
 * again) is refused with "already open".
 */
#define _GNU_SOURCE
#include "../../src/persist/format.h"
#include "../../src/persist/pw.h"
#include "../../src/util/crc32c.h"
#include "testlib.h"
#include "memdev.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SPACE_SIZE (8ull << 20)
#define HW_PAGES 512u
#define MAXOBJ 32
#define TMAGIC 0x53544c5541464d50ull

static bool torture;
static const char *strategies[4];
static int nstrategies;
static int ncase;
static char dir[256];

/* ---- workload ------------------------------------------------------------------- */

typedef struct table {
    uint64_t magic, nobj;
    struct {
        uint64_t addr, npages, sum;
    } o[MAXOBJ];
} table;

/* The used part of the space, and the objects the root leads to (each must
 * match the checksum kept next to it). */
static uint64_t content_hash(pw_world *w, int *bad)
{
    *bad = 0;
    const uint8_t *b = pw_base(w);
    uint64_t h = t_hash_bytes(0x5eed, b, (size_t)HW_PAGES * PW_BLOCK_SIZE);
    const table *t = pw_root(w);
    if (!t)
        return h;
    uint64_t base = (uint64_t)(uintptr_t)b, end = base + (uint64_t)HW_PAGES * PW_BLOCK_SIZE;
    if ((uint64_t)(uintptr_t)t < base || (uint64_t)(uintptr_t)(t + 1) > end ||
        t->magic != TMAGIC || t->nobj > MAXOBJ) {
        (*bad)++;
        return h;
    }
    for (uint64_t i = 0; i < t->nobj; i++) {
        if (t->o[i].addr < base || t->o[i].npages > HW_PAGES ||
            t->o[i].addr + t->o[i].npages * PW_BLOCK_SIZE > end) {
            (*bad)++;
            continue;
        }
        uint64_t s = t_hash_bytes(7, (const uint8_t *)(uintptr_t)t->o[i].addr,
                                t->o[i].npages * PW_BLOCK_SIZE);
        *bad += s != t->o[i].sum;
        h ^= s;
    }
    return h;
}

/* One step: a new object (big ones need many new blocks), changes to old
 * ones, sometimes a free. */
static void step(pw_world *w, uint64_t *rng, bool big)
{
    table *t = t_root_table(w, sizeof *t, TMAGIC);
    if (t->nobj == MAXOBJ || (t->nobj > 4 && t_rand(rng) % 3 == 0)) {
        uint64_t i = t_rand(rng) % t->nobj;
        pw_free_pages(w, (void *)(uintptr_t)t->o[i].addr, t->o[i].npages);
        t->o[i] = t->o[--t->nobj];
    }
    uint64_t np = big ? 40 : 1 + t_rand(rng) % 4;
    uint8_t *p = pw_alloc_pages(w, np);
    REQUIRE(p && (uint64_t)(p - (uint8_t *)pw_base(w)) / PW_BLOCK_SIZE + np <= HW_PAGES);
    for (uint64_t i = 0; i < np; i++)
        if (big || t_rand(rng) % 4)
            t_fill_random(p + i * PW_BLOCK_SIZE, PW_BLOCK_SIZE, rng);
    t->o[t->nobj].addr = (uint64_t)(uintptr_t)p;
    t->o[t->nobj++].npages = np;
    for (int m = 0; m < 3; m++) {
        uint64_t i = t_rand(rng) % t->nobj;
        uint8_t *pg = (uint8_t *)(uintptr_t)t->o[i].addr + (t_rand(rng) % t->o[i].npages) * PW_BLOCK_SIZE;
        if (m == 2)
            memset(pg, 0, PW_BLOCK_SIZE);
        else
            t_fill_random(pg + (t_rand(rng) % 32) * 128, 128, rng);
    }
    for (uint64_t i = 0; i < t->nobj; i++)
        t->o[i].sum = t_hash_bytes(7, (const uint8_t *)(uintptr_t)t->o[i].addr,
                                 t->o[i].npages * PW_BLOCK_SIZE);
}

/* ---- options and logs ---------------------------------------------------------- */

static void opts(pw_options *o, const char *strategy, bool create, hal_blockdev *dev)
{
    t_options(o, strategy, create, SPACE_SIZE);
    o->log = t_log_capture;
    o->log_level = PW_LOG_INFO;
    o->dev = dev;
}

static const char *next_strategy(void) { return strategies[ncase++ % nstrategies]; }

/* A disk opens at generation gen with content hash h, and fsck calls it clean. */
static void verify_disk(memimg *m, uint64_t gen, uint64_t h, const char *what)
{
    pw_fsck_result fr;
    pw_error err = {0, ""};
    int frc = pw_fsck("mem:check", memimg_dev(m, "mem:check"), &fr, NULL, NULL, &err);
    CHECK(frc == 0);
    if (frc)
        fprintf(stderr, "%s: fsck returned %d: %s\n", what, frc, err.msg);
    pw_options o;
    opts(&o, next_strategy(), false, memimg_dev(m, "mem:check"));
    pw_world *w;
    t_log_reset();
    int rc = pw_open("mem:check", &o, &w, &err);
    if (rc) {
        fprintf(stderr, "%s: open failed: %s\n", what, err.msg);
        CHECK(0);
        return;
    }
    pw_stats st;
    pw_stats_get(w, &st);
    int bad;
    uint64_t got = content_hash(w, &bad);
    CHECK_EQ_U64(st.resumed_generation, gen);
    CHECK(got == h && bad == 0);
    if (st.resumed_generation != gen || got != h || bad)
        fprintf(stderr, "%s: generation %llu (want %llu), content %s\n%s", what,
                (unsigned long long)st.resumed_generation, (unsigned long long)gen,
                got == h ? "right" : "WRONG", t_logbuf);
    pw_close(w, false);
}

/* ---- I/O faults ------------------------------------------------------------------ */

enum { F_WRITE, F_FLUSH, F_GROW };
static const char *fault_name[] = {"write", "flush", "grow"};

static void arm(memimg *m, int kind, int err, long after)
{
    pthread_mutex_lock(&m->lock);
    if (kind == F_WRITE) {
        m->write_err = err;
        m->write_after = after;
    } else if (kind == F_FLUSH) {
        m->flush_err = err;
        m->flush_after = after;
    } else {
        m->max_size = m->size; /* the disk is full */
    }
    pthread_mutex_unlock(&m->lock);
}

static void disarm(memimg *m)
{
    pthread_mutex_lock(&m->lock);
    m->write_err = m->flush_err = 0;
    m->max_size = 0;
    pthread_mutex_unlock(&m->lock);
}

/* The fault hits the (after+1)-th operation of its kind in the snapshot.
 * Returns false if the snapshot has fewer such operations (it succeeded). */
static bool fault_case(int kind, int err, long after)
{
    char what[160];
    snprintf(what, sizeof what, "%s fault %s after %ld", fault_name[kind], hal_strerror(err), after);
    memimg *img = memimg_new(NULL, 0);
    /* grow block by block: little slack, freed blocks are reused, so a
     * snapshot's writes are scattered over several requests */
    img->grow_max = 4 * PW_BLOCK_SIZE;
    memimg_record_start(img);
    pw_options o;
    opts(&o, next_strategy(), true, memimg_dev(img, "mem:faults"));
    pw_world *w;
    pw_error perr;
    t_log_reset();
    int rc = pw_open("mem:faults", &o, &w, &perr);
    if (rc)
        fprintf(stderr, "%s: open: %s\n", what, perr.msg);
    REQUIRE(rc == 0);
    uint64_t rng = 1000 + (uint64_t)after * 7 + (uint64_t)kind;
    int bad;
    pw_stats st, st0;
    for (int i = 0; i < 8; i++) {
        step(w, &rng, false);
        CHECK(pw_snapshot(w, true) == 0);
    }
    step(w, &rng, false);
    uint64_t h_good = content_hash(w, &bad);
    CHECK(pw_snapshot(w, true) == 0);
    pw_stats_get(w, &st0);
    uint64_t g_good = st0.generation;

    arm(img, kind, err, after);
    step(w, &rng, kind == F_GROW);
    rc = pw_snapshot(w, true);
    if (rc == 0) { /* the snapshot has no (after+1)-th operation of this kind */
        disarm(img);
        pw_close(w, false);
        memimg_free(img);
        return false;
    }
    CHECK(rc == err);
    if (rc != err)
        fprintf(stderr, "%s: pw_snapshot returned %d (%s)\n", what, rc, hal_strerror(rc));
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.snapshots_failed, st0.snapshots_failed + 1);
    CHECK_EQ_U64(st.generation, g_good);
    CHECK_EQ_U64(st.snapshots, st0.snapshots);

    /* the program goes on; the fault persists */
    step(w, &rng, kind == F_GROW);
    rc = pw_snapshot(w, true);
    CHECK(rc == err);
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.snapshots_failed, st0.snapshots_failed + 2);
    CHECK_EQ_U64(st.generation, g_good);
    step(w, &rng, false);
    content_hash(w, &bad);
    CHECK(bad == 0); /* the space itself is intact */

    memimg *crashed = memimg_durable(img); /* power lost now */
    disarm(img);
    uint64_t h_new = content_hash(w, &bad);
    rc = pw_snapshot(w, true);
    CHECK(rc == 0);
    if (rc)
        fprintf(stderr, "%s: snapshot after the fault cleared: %s\n%s", what, hal_strerror(rc), t_logbuf);
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.generation, g_good + 1);
    CHECK_EQ_U64(st.snapshots_failed, st0.snapshots_failed + 2);
    memimg *after_ok = memimg_durable(img);
    pw_close(w, false);

    char w2[200];
    snprintf(w2, sizeof w2, "%s: power lost while failing", what);
    verify_disk(crashed, g_good, h_good, w2);
    snprintf(w2, sizeof w2, "%s: power lost after recovery", what);
    verify_disk(after_ok, g_good + 1, h_new, w2);
    snprintf(w2, sizeof w2, "%s: the disk as the program left it", what);
    verify_disk(img, g_good + 1, h_new, w2);
    memimg_free(crashed);
    memimg_free(after_ok);
    memimg_free(img);
    return true;
}

static void io_faults(void)
{
    const int errs[2] = {-EIO, -ENOSPC};
    int hits[3] = {0, 0, 0};
    for (int e = 0; e < 2; e++) {
        long after = 0;
        while (after < 200 && fault_case(F_WRITE, errs[e], after)) {
            hits[F_WRITE]++;
            after += torture || after < 8 ? 1 : 3;
        }
        CHECK(after >= 3); /* data, metadata and root writes were all hit */
    }
    long after = 0;
    while (after < 10 && fault_case(F_FLUSH, -EIO, after)) {
        hits[F_FLUSH]++;
        after++;
    }
    CHECK_EQ_U64(after, 2); /* the data flush and the root flush */
    hits[F_GROW] += fault_case(F_GROW, -ENOSPC, 0);
    CHECK_EQ_U64(hits[F_GROW], 1);
    printf("I/O faults: %d write, %d flush, %d grow cases\n", hits[F_WRITE], hits[F_FLUSH],
           hits[F_GROW]);
}

/* An error is no proof that nothing reached the disk: the root write (or
 * its flush) fails, yet the root is on the disk.  The failed snapshot may
 * then be what a crash leaves (it is consistent), but the retry must not
 * reuse that snapshot's blocks while its root can still be found: at every
 * point of the retry, power loss must leave a disk that opens, cleanly, at
 * the good snapshot, the failed one or the retry. */

/* What the child of open_in_child opens, and the content hashes it accepts. */
typedef struct landed_open {
    memimg *m;
    const uint64_t *h;
    int nh;
} landed_open;

static void open_child(const void *arg)
{
    const landed_open *a = arg;
    on_exit(t_child_on_exit, NULL);
    pw_options o;
    opts(&o, next_strategy(), false, memimg_dev(a->m, "mem:landed"));
    o.log = NULL;
    o.log_level = PW_LOG_WARN;
    pw_world *w;
    pw_error err;
    if (pw_open("mem:landed", &o, &w, &err)) {
        fprintf(stderr, "open: %s\n", err.msg);
        _exit(50);
    }
    int bad;
    uint64_t got = content_hash(w, &bad);
    int code = 60;
    for (int i = 0; i < a->nh; i++)
        if (got == a->h[i] && !bad)
            code = 40 + i;
    pw_close(w, false);
    _exit(code);
}

/* Opens m in a forked child, its stderr into out; returns the child's exit
 * code: 40 + i when the content matches h[i], 50 refused, 60 no match. */
static int open_in_child(memimg *m, const uint64_t *h, int nh, char *out, size_t outlen)
{
    landed_open a = {m, h, nh};
    int status = t_run_child(open_child, &a, out, outlen);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void landed_case(bool flush_fails, uint64_t seed)
{
    const char *what = flush_fails ? "root flush failed, root landed" : "root write failed, root landed";
    memimg *img = memimg_new(NULL, 0);
    img->grow_max = 4 * PW_BLOCK_SIZE; /* little slack: the retry reuses freed blocks */
    pw_options o;
    opts(&o, next_strategy(), true, memimg_dev(img, "mem:landed"));
    pw_world *w;
    pw_error err;
    t_log_reset();
    REQUIRE(pw_open("mem:landed", &o, &w, &err) == 0);
    uint64_t rng = seed;
    int bad;
    for (int i = 0; i < 6 + (int)(seed % 4); i++) {
        step(w, &rng, false);
        CHECK(pw_snapshot(w, true) == 0);
    }
    uint64_t h[3];
    h[0] = content_hash(w, &bad); /* the good snapshot */
    step(w, &rng, false);
    h[1] = content_hash(w, &bad); /* the failed one */
    pthread_mutex_lock(&img->lock);
    if (flush_fails) {
        img->flush_err = -EIO;
        img->flush_after = 1; /* the data flush works, the root flush fails */
    } else {
        img->write_err = -EIO;
        img->write_fault_below = PW_FIRST_DATA_BLOCK * PW_BLOCK_SIZE;
        img->failed_writes_land = true;
    }
    pthread_mutex_unlock(&img->lock);
    CHECK(pw_snapshot(w, true) == -EIO);
    disarm(img);
    img->failed_writes_land = false;
    img->write_fault_below = 0;
    memimg_record_start(img); /* the disk now: the failed root is on it */
    step(w, &rng, true);
    h[2] = content_hash(w, &bad); /* the retry */
    CHECK(pw_snapshot(w, true) == 0);
    pw_close(w, false);

    int seen[3] = {0, 0, 0}, failures = 0;
    for (size_t k = 0; k <= img->nops; k++) {
        /* power lost before op k, with every write before it on the disk */
        memimg *m = memimg_new(img->base0, img->base0_size);
        for (size_t i = 0; i < k; i++)
            memop_apply(m, &img->ops[i], UINT64_MAX);
        pw_fsck_result fr;
        pw_error ferr = {0, ""};
        int frc = pw_fsck("mem:landed", memimg_dev(m, "mem:landed"), &fr, NULL, NULL, &ferr);
        char out[4096];
        int code = open_in_child(m, h, 3, out, sizeof out);
        bool ok = code >= 40 && code < 43 && frc == 0;
        if (ok)
            seen[code - 40]++;
        CHECK(ok);
        if (!ok && failures++ < 5)
            fprintf(stderr, "%s: power lost before op %zu of the retry: fsck %d, open outcome %d "
                            "(40 good, 41 failed, 42 retry, 3 fatal, 50 refused, 60 wrong)\n%s",
                    what, k, frc, code, out);
        memimg_free(m);
    }
    CHECK(seen[2] > 0);
    printf("%s: %zu crash points during the retry: good %d, failed %d, retry %d\n", what,
           img->nops + 1, seen[0], seen[1], seen[2]);
    memimg_free(img);
}

/* The snapshot thread retries by itself, backing off, and recovers. */
static void background_retry(void)
{
    memimg *img = memimg_new(NULL, 0);
    memimg_record_start(img);
    pw_options o;
    opts(&o, next_strategy(), true, memimg_dev(img, "mem:retry"));
    o.snapshot_interval_ms = 10;
    pw_world *w;
    pw_error err;
    t_log_reset();
    REQUIRE(pw_open("mem:retry", &o, &w, &err) == 0);
    uint64_t rng = 5;
    step(w, &rng, false);
    CHECK(pw_snapshot(w, true) == 0);
    pw_stats st;
    pw_stats_get(w, &st);
    uint64_t g = st.generation;
    arm(img, F_WRITE, -EIO, 0);
    step(w, &rng, false);
    uint64_t t0 = hal_now_mono_ns();
    do {
        hal_sleep_ns(5000000);
        pw_safepoint(w);
        pw_stats_get(w, &st);
    } while (st.snapshots_failed < 3 && hal_now_mono_ns() - t0 < 10000000000ull);
    CHECK(st.snapshots_failed >= 3);
    CHECK_EQ_U64(st.generation, g);
    /* backoff: 3 failures take at least 100 + 200 ms */
    CHECK(hal_now_mono_ns() - t0 >= 250000000ull);
    CHECK(strstr(t_logbuf, "snapshot failed") && strstr(t_logbuf, "retrying"));
    CHECK(strstr(t_logbuf, "mem:retry") != NULL);
    disarm(img);
    t0 = hal_now_mono_ns();
    do {
        hal_sleep_ns(5000000);
        pw_safepoint(w);
        pw_stats_get(w, &st);
    } while (st.generation == g && hal_now_mono_ns() - t0 < 10000000000ull);
    CHECK(st.generation > g);
    CHECK(strstr(t_logbuf, "snapshots work again") != NULL);
    pw_set_interval(w, 0);
    step(w, &rng, false);
    int bad;
    uint64_t h = content_hash(w, &bad);
    CHECK(pw_snapshot(w, true) == 0);
    pw_stats_get(w, &st);
    pw_close(w, false);
    verify_disk(img, st.generation, h, "background retry");
    memimg *d = memimg_durable(img);
    verify_disk(d, st.generation, h, "background retry, power lost");
    memimg_free(d);
    memimg_free(img);
    printf("background retry: recovered after %llu failures\n",
           (unsigned long long)st.snapshots_failed);
}

/* ---- bad images --------------------------------------------------------------- */

static uint64_t file_sig(const char *path, bool *exists)
{
    struct stat st;
    *exists = stat(path, &st) == 0;
    if (!*exists)
        return 0;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        uint64_t n = 0;
        for (struct dirent *e; d && (e = readdir(d));)
            n++;
        if (d)
            closedir(d);
        return 0xd1200000ull + n;
    }
    int fd = open(path, O_RDONLY);
    REQUIRE(fd >= 0);
    uint8_t buf[65536];
    uint64_t h = (uint64_t)st.st_size;
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        h = t_hash_bytes(h, buf, (size_t)n & ~(size_t)7) ^ (uint64_t)n;
    close(fd);
    return h ^ ((uint64_t)st.st_mode << 48);
}

static void write_file(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(len == 0 || write(fd, data, len) == (ssize_t)len);
    close(fd);
}

static uint8_t *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    REQUIRE(fd >= 0);
    struct stat st;
    REQUIRE(fstat(fd, &st) == 0);
    uint8_t *p = malloc((size_t)st.st_size + 1);
    REQUIRE(p);
    REQUIRE(read(fd, p, (size_t)st.st_size) == st.st_size);
    close(fd);
    *len = (size_t)st.st_size;
    return p;
}

/* pw_open (both create modes unless the path is missing) and pw_fsck refuse
 * the image with an error naming it and containing one of the keywords,
 * and leave it exactly as it was. */
static void refused(const char *path, const char *what, const char *kw1, const char *kw2)
{
    bool existed, exists;
    uint64_t sig = file_sig(path, &existed);
    for (int create = 0; create < (existed ? 2 : 1); create++) {
        pw_options o;
        opts(&o, next_strategy(), create, NULL);
        pw_world *w = NULL;
        pw_error err = {0, ""};
        int rc = pw_open(path, &o, &w, &err);
        bool named = strstr(err.msg, path) != NULL;
        bool says = strstr(err.msg, kw1) || (kw2 && strstr(err.msg, kw2));
        CHECK(rc < 0 && w == NULL);
        CHECK(err.code == rc);
        CHECK(named && says);
        if (rc >= 0 || !named || !says || err.code != rc)
            fprintf(stderr, "%s (create=%d): rc %d, code %d, message: %s\n", what, create, rc,
                    err.code, err.msg);
        if (rc == 0)
            pw_close(w, false);
        else
            printf("  %s (create=%d): %s\n", what, create, err.msg);
        CHECK(file_sig(path, &exists) == sig && exists == existed);
        if (exists != existed || file_sig(path, &exists) != sig)
            fprintf(stderr, "%s (create=%d): the file was changed\n", what, create);
    }
    pw_fsck_result fr;
    pw_error err = {0, ""};
    int rc = pw_fsck(path, NULL, &fr, NULL, NULL, &err);
    CHECK(rc != 0 && strstr(err.msg, path));
    if (rc == 0 || !strstr(err.msg, path))
        fprintf(stderr, "%s: fsck returned %d: %s\n", what, rc, err.msg);
    CHECK(file_sig(path, &exists) == sig && exists == existed);
}

static void make_valid_image(const char *path)
{
    unlink(path);
    pw_options o;
    opts(&o, next_strategy(), true, NULL);
    pw_world *w;
    pw_error err;
    REQUIRE(pw_open(path, &o, &w, &err) == 0);
    uint64_t rng = 77;
    for (int i = 0; i < 3; i++) {
        step(w, &rng, false);
        CHECK(pw_snapshot(w, true) == 0);
    }
    pw_close(w, false);
}

static void bad_images(void)
{
    char p[400], valid[400];
    snprintf(valid, sizeof valid, "%s/valid.img", dir);
    make_valid_image(valid);
    size_t vlen;
    uint8_t *v = read_file(valid, &vlen);
    REQUIRE(vlen >= 8 * PW_BLOCK_SIZE);

    snprintf(p, sizeof p, "%s/missing.img", dir);
    refused(p, "missing file", "no such image", NULL);

    snprintf(p, sizeof p, "%s/empty.img", dir);
    write_file(p, "", 0);
    refused(p, "empty file", "empty", NULL);

    snprintf(p, sizeof p, "%s/short.img", dir);
    write_file(p, v, 3000);
    refused(p, "truncated to 3000 bytes", "too short", "truncated");
    write_file(p, v, PW_BLOCK_SIZE);
    refused(p, "truncated to one block", "too short", "truncated");

    snprintf(p, sizeof p, "%s/truncated.img", dir);
    write_file(p, v, vlen / 2);
    refused(p, "truncated to half", "truncated", NULL);
    write_file(p, v, vlen - 100);
    refused(p, "last block cut short", "truncated", NULL);

    snprintf(p, sizeof p, "%s/garbage.img", dir);
    uint8_t *g = malloc(16 * PW_BLOCK_SIZE);
    REQUIRE(g);
    uint64_t rng = 3;
    t_fill_random(g, 16 * PW_BLOCK_SIZE, &rng);
    write_file(p, g, 16 * PW_BLOCK_SIZE);
    refused(p, "garbage", "not a Phantom image", "no Phantom root signature");
    memcpy(g, "PHWORLD1", 8); /* the signature alone proves nothing */
    write_file(p, g, 16 * PW_BLOCK_SIZE);
    refused(p, "garbage with a signature", "no usable snapshot", "unsupported image format");
    write_file(p, g, 5000);
    refused(p, "short garbage", "too short", NULL);
    free(g);

    /* a future format: valid roots (checksums right) of version 2 */
    snprintf(p, sizeof p, "%s/foreign.img", dir);
    uint8_t *f = malloc(vlen);
    REQUIRE(f);
    memcpy(f, v, vlen);
    for (int s = 0; s < 2; s++) {
        uint8_t *blk = f + (size_t)s * PW_BLOCK_SIZE;
        uint32_t crc;
        memcpy(&crc, blk + PW_ROOT_CRC_OFFSET, 4);
        REQUIRE(!memcmp(blk, PW_ROOT_MAGIC, 8));
        REQUIRE(crc == crc32c(0, blk, PW_ROOT_CRC_OFFSET));
        uint32_t version = PW_FORMAT_VERSION + 1;
        memcpy(blk + offsetof(pw_rootslot, version), &version, 4);
        crc = crc32c(0, blk, PW_ROOT_CRC_OFFSET);
        memcpy(blk + PW_ROOT_CRC_OFFSET, &crc, 4);
    }
    write_file(p, f, vlen);
    refused(p, "foreign format version", "format version", "unsupported");
    free(f);

    snprintf(p, sizeof p, "%s/adir.img", dir);
    REQUIRE(mkdir(p, 0755) == 0);
    refused(p, "a directory", "directory", NULL);
    rmdir(p);

    /* the valid image itself still opens, and was not touched by any of it */
    size_t v2len;
    uint8_t *v2 = read_file(valid, &v2len);
    CHECK(v2len == vlen && !memcmp(v, v2, vlen));
    free(v2);
    free(v);
    unlink(valid);
    static const char *const made[] = {"missing", "empty", "short", "truncated", "garbage", "foreign"};
    for (size_t k = 0; k < sizeof made / sizeof made[0]; k++) {
        snprintf(p, sizeof p, "%s/%s.img", dir, made[k]);
        unlink(p);
    }
}

/* ---- already open ------------------------------------------------------------- */

static void already_open(void)
{
    char path[400];
    snprintf(path, sizeof path, "%s/busy.img", dir);
    make_valid_image(path);

    /* another process holds it */
    int to_child[2], from_child[2];
    REQUIRE(pipe(to_child) == 0 && pipe(from_child) == 0);
    fflush(NULL);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(to_child[1]);
        close(from_child[0]);
        pw_options o;
        opts(&o, NULL, false, NULL);
        o.log = NULL;
        o.log_level = PW_LOG_WARN;
        pw_world *w;
        pw_error err;
        char c = pw_open(path, &o, &w, &err) == 0 ? 'y' : 'n';
        if (write(from_child[1], &c, 1) != 1)
            _exit(2);
        if (read(to_child[0], &c, 1) < 0)
            _exit(2);
        if (w)
            pw_close(w, false);
        _exit(0);
    }
    close(to_child[0]);
    close(from_child[1]);
    char c = 0;
    REQUIRE(read(from_child[0], &c, 1) == 1);
    CHECK(c == 'y');
    bool ex;
    uint64_t sig = file_sig(path, &ex);
    for (int create = 0; create < 2; create++) {
        pw_options o;
        opts(&o, next_strategy(), create, NULL);
        pw_world *w = NULL;
        pw_error err = {0, ""};
        int rc = pw_open(path, &o, &w, &err);
        CHECK(rc < 0 && err.code == rc && strstr(err.msg, "already open") && strstr(err.msg, path));
        printf("  held by another process (create=%d): %s\n", create, err.msg);
        if (!rc)
            pw_close(w, false);
    }
    CHECK(file_sig(path, &ex) == sig);
    REQUIRE(write(to_child[1], "x", 1) == 1);
    int status;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(to_child[1]);
    close(from_child[0]);

    /* this process holds it, and opens it again */
    pw_options o;
    opts(&o, next_strategy(), false, NULL);
    pw_world *w;
    pw_error err;
    REQUIRE(pw_open(path, &o, &w, &err) == 0);
    pw_world *w2 = NULL;
    pw_error err2 = {0, ""};
    int rc = pw_open(path, &o, &w2, &err2);
    CHECK(rc < 0 && w2 == NULL && err2.code == rc && strstr(err2.msg, "already open") &&
          strstr(err2.msg, path));
    printf("  held by this process: %s\n", err2.msg);
    /* the first world is unharmed */
    uint64_t rng = 8;
    step(w, &rng, false);
    int bad;
    uint64_t h = content_hash(w, &bad);
    CHECK(pw_snapshot(w, true) == 0);
    pw_close(w, false);
    REQUIRE(pw_open(path, &o, &w, &err) == 0);
    CHECK(content_hash(w, &bad) == h && bad == 0);
    pw_close(w, false);
    unlink(path);
}

int main(void)
{
    torture = getenv("TORTURE") && atoi(getenv("TORTURE")) > 0;
    nstrategies = t_usable_strategies(strategies, 3, false);
    REQUIRE(nstrategies > 0);
    snprintf(dir, sizeof dir, "/tmp/phantom-test-faults-%d", getpid());
    REQUIRE(mkdir(dir, 0755) == 0);

    io_faults();
    for (uint64_t seed = 1; seed <= (torture ? 24u : 3u); seed++) {
        landed_case(true, seed);
        landed_case(false, seed);
    }
    background_retry();
    bad_images();
    already_open();

    rmdir(dir);
    return test_done("faults");
}
