/*
 * bitflip.c - one flipped bit anywhere in an image is caught, never served.
 *
 * The test makes a small image file with a few snapshots, keeping the hash
 * of the space at each generation, and parses it (format.h) to know which
 * blocks each retained snapshot references and as what.  Then, one block at
 * a time (quick mode: every referenced block, including the page maps of
 * the older snapshots the history retains, and a sample of the others;
 * TORTURE=1: every block, several bits each), it flips one random bit in
 * place and
 *   - runs pw_fsck: it must report a problem (1) exactly when the block is
 *     referenced by a retained snapshot, and call the image clean (0)
 *     otherwise;
 *   - in a fork()ed child, opens the world and reads the whole space.  The
 *     child may see exactly the newest generation, or exactly the previous
 *     one after the engine logged that it fell back ("FALLING BACK", or
 *     "slot X holds no usable root"), or die with exit code 3
 *     and the "phantom: fatal:" message naming the image, or fail to open
 *     with an error naming the image.  Nothing else: never other content.
 *     Where the outcome is certain it must be that one: a damaged top block
 *     of the newest snapshot means fallback, a damaged data page or
 *     page-map leaf of the newest means exit 3, a damaged block the newest
 *     does not use means the newest content, intact.
 * and flips the bit back.  Bits flipped in a root slot: the newest slot
 * makes open fall back to the other slot; the older one is ignored by open;
 * fsck reports both.  At the end the image must be byte-for-byte what it
 * was: neither opening nor checking writes anything.
 */
#define _GNU_SOURCE
#include "../../src/persist/format.h"
#include "../../src/persist/pw.h"
#include "../../src/util/crc32c.h"
#include "testlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SPACE_SIZE (4ull << 20) /* 1024 pages: a two-level page map */
#define HW_PAGES 256u
#define MAXOBJ 12
#define TMAGIC 0x50494c4654494221ull
#define MAXGEN 64

static bool torture;
static char img[256];
static const char *strategies[4];
static int nstrategies;

/* ---- workload and content hash ---------------------------------------------------- */

typedef struct table {
    uint64_t magic, nobj;
    struct {
        uint64_t addr, npages;
    } o[MAXOBJ];
} table;

/* The used part of the space, then a walk from the root pointer (which
 * must find the table and its objects inside the space). */
static uint64_t content_hash(pw_world *w)
{
    const uint8_t *b = pw_base(w);
    uint64_t h = t_hash_bytes(0x5eed, b, (size_t)HW_PAGES * PW_BLOCK_SIZE);
    for (uint64_t pg = HW_PAGES + 5; pg < pw_size(w) / PW_BLOCK_SIZE; pg += 97) {
        const uint64_t *p = (const uint64_t *)(const void *)(b + pg * PW_BLOCK_SIZE);
        for (size_t i = 0; i < PW_BLOCK_SIZE / 8; i++)
            h += p[i] != 0; /* beyond the workload: zero */
    }
    const table *t = pw_root(w);
    if (!t)
        return h;
    uint64_t base = (uint64_t)(uintptr_t)b, end = base + (uint64_t)HW_PAGES * PW_BLOCK_SIZE;
    uint64_t ta = (uint64_t)(uintptr_t)t;
    if (ta < base || ta + sizeof *t > end || t->magic != TMAGIC || t->nobj > MAXOBJ)
        return h ^ 0xbad;
    for (uint64_t i = 0; i < t->nobj; i++) {
        if (t->o[i].addr < base || t->o[i].npages > HW_PAGES ||
            t->o[i].addr + t->o[i].npages * PW_BLOCK_SIZE > end)
            return h ^ 0xbad2;
        h = t_hash_bytes(h, (const uint8_t *)(uintptr_t)t->o[i].addr, t->o[i].npages * PW_BLOCK_SIZE);
    }
    return h;
}

static void step(pw_world *w, uint64_t *rng)
{
    table *t = t_root_table(w, sizeof *t, TMAGIC);
    if (t->nobj < MAXOBJ) {
        uint64_t np = 1 + t_rand(rng) % 5;
        uint8_t *p = pw_alloc_pages(w, np);
        REQUIRE(p && (uint64_t)(p - (uint8_t *)pw_base(w)) / PW_BLOCK_SIZE + np <= HW_PAGES);
        for (uint64_t i = 0; i < np; i++)
            if (t_rand(rng) % 4)
                t_fill_random(p + i * PW_BLOCK_SIZE, PW_BLOCK_SIZE, rng);
        t->o[t->nobj].addr = (uint64_t)(uintptr_t)p;
        t->o[t->nobj++].npages = np;
    }
    for (int m = 0; m < 2; m++) {
        uint64_t i = t_rand(rng) % t->nobj;
        uint8_t *pg = (uint8_t *)(uintptr_t)t->o[i].addr + (t_rand(rng) % t->o[i].npages) * PW_BLOCK_SIZE;
        if (t_rand(rng) % 3 == 0)
            memset(pg, 0, PW_BLOCK_SIZE);
        else
            t_fill_random(pg + (t_rand(rng) % 64) * 64, 64, rng);
    }
    if (t->nobj > 4 && t_rand(rng) % 2) {
        uint64_t i = t_rand(rng) % t->nobj;
        pw_free_pages(w, (void *)(uintptr_t)t->o[i].addr, t->o[i].npages);
        t->o[i] = t->o[--t->nobj];
    }
}

static uint64_t expected[MAXGEN];

/* ---- what the image holds ------------------------------------------------------ */

enum {
    R_TOP = 1,     /* page-map root, bitmap-index root, superseded-list head */
    R_MAPNODE = 2, /* page-map node below the root */
    R_DATA = 4,
    R_BMNODE = 8,  /* bitmap-index node below the root */
    R_BITMAP = 16, /* allocation-bitmap block */
    R_SLIST = 32,  /* superseded-list block after the head */
    R_HMAP = 64    /* page-map node or data of an older snapshot the history retains */
};

static int fd;
static uint64_t nblocks;
static uint8_t *refs[2]; /* per block: R_* bits, [0] newest, [1] older */
static pw_rootslot roots[2];
static int newest_slot;
static uint64_t gen_new, gen_old;

static void rd(uint64_t block, void *buf)
{
    REQUIRE(pread(fd, buf, PW_BLOCK_SIZE, (off_t)(block * PW_BLOCK_SIZE)) == PW_BLOCK_SIZE);
}

static void walk(uint8_t *ref, const pw_entry *e, int level, int top_kind, int node_kind,
                 int leaf_kind, bool is_top)
{
    REQUIRE(e->block >= PW_FIRST_DATA_BLOCK && e->block < nblocks);
    ref[e->block] |= (uint8_t)(is_top ? top_kind : node_kind);
    pw_entry node[PW_FANOUT];
    rd(e->block, node);
    REQUIRE(crc32c(0, node, PW_BLOCK_SIZE) == e->crc);
    for (unsigned i = 0; i < PW_FANOUT; i++) {
        if (!node[i].block)
            continue;
        if (level == 0) {
            REQUIRE(node[i].block < nblocks);
            ref[node[i].block] |= (uint8_t)leaf_kind;
        } else {
            walk(ref, &node[i], level - 1, top_kind, node_kind, leaf_kind, false);
        }
    }
}

static void parse_image(void)
{
    struct stat st;
    REQUIRE(fstat(fd, &st) == 0);
    nblocks = (uint64_t)st.st_size / PW_BLOCK_SIZE;
    uint8_t blk[PW_BLOCK_SIZE];
    for (int i = 0; i < 2; i++) {
        rd((uint64_t)i, blk);
        memcpy(&roots[i], blk, sizeof roots[i]);
        REQUIRE(!memcmp(roots[i].magic, PW_ROOT_MAGIC, 8));
        uint32_t crc;
        memcpy(&crc, blk + PW_ROOT_CRC_OFFSET, 4);
        REQUIRE(crc == crc32c(0, blk, PW_ROOT_CRC_OFFSET));
    }
    newest_slot = roots[1].generation > roots[0].generation;
    gen_new = roots[newest_slot].generation;
    gen_old = roots[!newest_slot].generation;
    REQUIRE(gen_old + 1 == gen_new);
    for (int k = 0; k < 2; k++) {
        const pw_rootslot *r = &roots[k == 0 ? newest_slot : !newest_slot];
        refs[k] = calloc(nblocks, 1);
        REQUIRE(refs[k]);
        if (r->map_root.block)
            walk(refs[k], &r->map_root, r->map_levels - 1, R_TOP, R_MAPNODE, R_DATA, true);
        if (r->bitmap_root.block)
            walk(refs[k], &r->bitmap_root, r->bitmap_levels - 1, R_TOP, R_BMNODE, R_BITMAP, true);
        pw_entry e = r->slist_head;
        bool head = true;
        while (e.block) {
            REQUIRE(e.block < nblocks);
            refs[k][e.block] |= head ? R_TOP : R_SLIST;
            pw_slist_block sl;
            rd(e.block, &sl);
            REQUIRE(sl.magic == PW_SLIST_MAGIC);
            e = sl.next;
            head = false;
        }
        /* The history chain is checked whole at open (a top); the page
         * maps it names are read only to look at or go back to them. */
        e = r->history_head;
        while (e.block) {
            REQUIRE(e.block < nblocks);
            refs[k][e.block] |= R_TOP;
            pw_hist_block hb;
            rd(e.block, &hb);
            REQUIRE(hb.magic == PW_HIST_MAGIC && hb.count <= PW_HIST_PER_BLOCK);
            for (uint32_t i = 0; i < hb.count; i++)
                if (hb.rec[i].map_root.block)
                    walk(refs[k], &hb.rec[i].map_root, hb.rec[i].map_levels - 1, R_HMAP, R_HMAP, R_HMAP,
                         true);
            e = hb.next;
        }
    }
}

/* ---- one damaged image -------------------------------------------------------- */

enum {
    C_NEWEST = 0,
    C_FATAL = 3,        /* hal_exit(3) after "phantom: fatal:" */
    C_FALLBACK = 10,    /* previous generation, "FALLING BACK" logged */
    C_OPEN_ERROR = 11,  /* refused, with an error naming the image */
    C_QUIET_FALLBACK = 12,
    C_WRONG = 13,       /* content of no committed generation */
    C_BAD_ERROR = 14,   /* refused without naming the image */
};
#define A(c) (1u << (c))

static bool child_fell_back;
static void child_log(void *ctx, int level, const char *msg)
{
    (void)ctx;
    (void)level;
    /* The engine cannot tell a damaged newest root from a damaged older
     * one, so it may say either; it must say something. */
    if (strstr(msg, "FALLING BACK") || strstr(msg, "no usable root"))
        child_fell_back = true;
    fprintf(stderr, "phantom: %s\n", msg);
}

/* In the forked child: open the image with strategy arg; _exit with a C_* code. */
static void child(const void *arg)
{
    const char *strategy = arg;
    on_exit(t_child_on_exit, NULL);
    pw_options o;
    t_options(&o, strategy, false, SPACE_SIZE);
    o.log = child_log;
    pw_world *w;
    pw_error err;
    if (pw_open(img, &o, &w, &err)) {
        fprintf(stderr, "open: %s\n", err.msg);
        _exit(strstr(err.msg, img) ? C_OPEN_ERROR : C_BAD_ERROR);
    }
    pw_stats st;
    pw_stats_get(w, &st);
    uint64_t g = st.resumed_generation, h = content_hash(w);
    int code = C_WRONG;
    if (g == gen_new && h == expected[g])
        code = C_NEWEST;
    else if (g == gen_old && h == expected[g])
        code = child_fell_back ? C_FALLBACK : C_QUIET_FALLBACK;
    else
        fprintf(stderr, "generation %llu, content %s\n", (unsigned long long)g,
                g < MAXGEN && h == expected[g] ? "matches" : "MATCHES NO SNAPSHOT");
    pw_close(w, false);
    _exit(code);
}

static uint64_t outcome_count[16];
static int shown;

/* Runs the child; checks its outcome is in the accepted set. */
static void check_open(unsigned accept, const char *what, uint64_t case_no)
{
    const char *strategy = strategies[case_no % (uint64_t)nstrategies];
    char out[8192];
    int status = t_run_child(child, strategy, out, sizeof out);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 100 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    bool ok = code < 32 && (accept & A(code));
    if (code == C_FATAL)
        ok = ok && strstr(out, "phantom: fatal:") && strstr(out, img);
    if (code < 16)
        outcome_count[code]++;
    CHECK(ok);
    if (!ok && shown++ < 12)
        fprintf(stderr, "bitflip: %s (strategy %s): child outcome %d, accepted mask %#x; its output:\n%s\n",
                what, strategy ? strategy : "default", code, accept, out);
}

static uint64_t fsck_reported[2];

static void check_fsck(int want, const char *what)
{
    pw_fsck_result r;
    pw_error err = {0, ""};
    int rc = pw_fsck(img, NULL, &r, NULL, NULL, &err);
    fsck_reported[rc == 1]++;
    CHECK(rc == want);
    if (rc != want && shown++ < 12)
        fprintf(stderr, "bitflip: %s: fsck returned %d, expected %d (%s)\n", what, rc, want, err.msg);
}

static void flip(uint64_t byte, int bit)
{
    uint8_t c;
    REQUIRE(pread(fd, &c, 1, (off_t)byte) == 1);
    c ^= (uint8_t)(1u << bit);
    REQUIRE(pwrite(fd, &c, 1, (off_t)byte) == 1);
}

static const char *kind_name(int r)
{
    static char buf[128];
    buf[0] = 0;
    const char *names[] = {"top", "map node", "data", "bitmap-index node", "bitmap", "slist", "retained map"};
    for (int i = 0; i < 7; i++)
        if (r & (1 << i))
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", buf[0] ? "+" : "", names[i]);
    return buf[0] ? buf : "unreferenced";
}

static uint64_t cases;

static void test_block(uint64_t b, uint64_t *rng)
{
    int rn = refs[0][b], ro = refs[1][b];
    unsigned accept;
    if (rn & R_TOP)
        accept = A(C_FALLBACK);
    else if (rn & (R_DATA | R_MAPNODE))
        accept = A(C_FATAL);
    else if (rn)
        accept = A(C_NEWEST); /* not read until the next snapshot */
    else
        accept = A(C_NEWEST); /* the newest does not use it */
    uint64_t bit = t_rand(rng) % (PW_BLOCK_SIZE * 8);
    char what[200];
    snprintf(what, sizeof what, "block %llu (newest: %s; ", (unsigned long long)b, kind_name(rn));
    snprintf(what + strlen(what), sizeof what - strlen(what), "older: %s), bit %llu",
             kind_name(ro), (unsigned long long)bit);
    flip(b * PW_BLOCK_SIZE + bit / 8, (int)(bit % 8));
    check_fsck(rn || ro ? 1 : 0, what);
    check_open(accept, what, cases++);
    flip(b * PW_BLOCK_SIZE + bit / 8, (int)(bit % 8));
}


/* bit: a bit of the root structure, or -1 for a random one. */
static void test_root(int slot, long bit_in, uint64_t *rng)
{
    uint64_t bit = bit_in >= 0 ? (uint64_t)bit_in : t_rand(rng) % (sizeof(pw_rootslot) * 8);
    char what[160];
    snprintf(what, sizeof what, "root slot %c (%s, generation %llu), bit %llu", 'A' + slot,
             slot == newest_slot ? "newest" : "older",
             (unsigned long long)roots[slot].generation, (unsigned long long)bit);
    unsigned accept = slot == newest_slot ? A(C_FALLBACK) : A(C_NEWEST);
    flip((uint64_t)slot * PW_BLOCK_SIZE + bit / 8, (int)(bit % 8));
    check_fsck(1, what);
    check_open(accept, what, cases++);
    flip((uint64_t)slot * PW_BLOCK_SIZE + bit / 8, (int)(bit % 8));
}

/* One bit in every field of both root structures, then random ones. */
static void test_roots(uint64_t *rng)
{
    static const size_t field_off[] = {
        offsetof(pw_rootslot, magic),         offsetof(pw_rootslot, version),
        offsetof(pw_rootslot, block_size),    offsetof(pw_rootslot, generation),
        offsetof(pw_rootslot, wall_ns),       offsetof(pw_rootslot, world_id),
        offsetof(pw_rootslot, space_base),    offsetof(pw_rootslot, space_size),
        offsetof(pw_rootslot, image_blocks),  offsetof(pw_rootslot, pages_present),
        offsetof(pw_rootslot, blocks_used),   offsetof(pw_rootslot, slist_count),
        offsetof(pw_rootslot, map_root),      offsetof(pw_rootslot, bitmap_root),
        offsetof(pw_rootslot, slist_head),    offsetof(pw_rootslot, map_levels),
        offsetof(pw_rootslot, bitmap_levels), offsetof(pw_rootslot, snapshots_total),
        offsetof(pw_rootslot, bytes_written_total), PW_ROOT_CRC_OFFSET,
    };
    for (int slot = 0; slot < 2; slot++) {
        for (size_t f = 0; f < sizeof field_off / sizeof field_off[0]; f++)
            test_root(slot, (long)(field_off[f] * 8 + t_rand(rng) % 8), rng);
        for (int k = 0; k < (torture ? 64 : 10); k++)
            test_root(slot, -1, rng);
    }
}

static uint64_t file_hash(void)
{
    uint8_t blk[PW_BLOCK_SIZE];
    uint64_t h = 0;
    for (uint64_t b = 0; b < nblocks; b++) {
        rd(b, blk);
        h = t_hash_bytes(h, blk, sizeof blk);
    }
    return h;
}

int main(void)
{
    torture = getenv("TORTURE") && atoi(getenv("TORTURE")) > 0;
    snprintf(img, sizeof img, "/tmp/phantom-test-bitflip-%d.img", getpid());
    unlink(img);
    nstrategies = t_usable_strategies(strategies, 3, false);
    REQUIRE(nstrategies > 0);

    /* the image: a few snapshots */
    pw_options o;
    t_options(&o, NULL, true, SPACE_SIZE);
    pw_world *w;
    REQUIRE(t_open(img, &o, &w) == 0);
    uint64_t rng = 42;
    pw_stats st;
    for (int s = 0; s < 10; s++) {
        step(w, &rng);
        pw_stats_get(w, &st);
        REQUIRE(st.generation + 1 < MAXGEN);
        expected[st.generation + 1] = content_hash(w);
        CHECK(pw_snapshot(w, true) == 0);
    }
    step(w, &rng); /* not snapshotted: must never be seen */
    pw_close(w, false);

    fd = open(img, O_RDWR);
    REQUIRE(fd >= 0);
    parse_image();
    uint64_t h0 = file_hash();
    uint64_t nref = 0;
    for (uint64_t b = 0; b < nblocks; b++)
        nref += refs[0][b] || refs[1][b];
    printf("image: %llu blocks, %llu referenced, generations %llu (slot %c) and %llu\n",
           (unsigned long long)nblocks, (unsigned long long)nref, (unsigned long long)gen_new,
           'A' + newest_slot, (unsigned long long)gen_old);

    /* intact: clean, newest */
    check_fsck(0, "intact image");
    check_open(A(C_NEWEST), "intact image", cases++);

    uint64_t r2 = torture ? hal_random_u64() : 7;
    printf("seed %llu\n", (unsigned long long)r2);
    int per_block = torture ? 4 : 2;
    for (uint64_t b = PW_FIRST_DATA_BLOCK; b < nblocks; b++) {
        bool referenced = refs[0][b] || refs[1][b];
        /* quick: every referenced block, and about 48 of the others */
        if (!torture && !referenced && t_rand(&r2) % (nblocks / 48 + 1))
            continue;
        for (int k = 0; k < per_block; k++)
            test_block(b, &r2);
    }
    test_roots(&r2);

    CHECK(file_hash() == h0); /* nothing wrote to the image */
    check_fsck(0, "image after all flips were undone");
    printf("%llu cases: newest %llu, fallback %llu, fatal %llu, refused %llu; fsck clean %llu, "
           "problems %llu\n",
           (unsigned long long)cases, (unsigned long long)outcome_count[C_NEWEST],
           (unsigned long long)outcome_count[C_FALLBACK], (unsigned long long)outcome_count[C_FATAL],
           (unsigned long long)outcome_count[C_OPEN_ERROR], (unsigned long long)fsck_reported[0],
           (unsigned long long)fsck_reported[1]);
    close(fd);
    unlink(img);
    free(refs[0]);
    free(refs[1]);
    return test_done("bitflip");
}
