/*
 * classfile.c - the class file reader and writer, the verifier, the
 * assembler and the disassembler (src/vm/classfile.h, src/vm/asm.h):
 *  - every sample in tests/vm/asm assembles and verifies, and survives the
 *    write/read/write and disassemble/assemble round trips byte for byte;
 *  - every case in tests/vm/bad fails with exactly the message it expects
 *    (tests/vm/bad/README.md describes the format);
 *  - descriptors, the constant helpers and the canonical form;
 *  - a short deterministic fuzz: mutated sample bytes are refused cleanly
 *    or read, verified and written back identically.
 * With PHANTOM_WRITE_CORPUS=1 it also writes the fuzzers' seed corpora
 * (tests/fuzz/corpus/) from the samples.
 */
#define _GNU_SOURCE
#include "../../src/vm/asm.h"
#include "../../src/vm/quicken.h"
#include "testlib.h"

#include <dirent.h>
#include <sys/stat.h>

#define ASM_DIR "tests/vm/asm"
#define BAD_DIR "tests/vm/bad"
#define CORPUS_DIR "tests/fuzz/corpus"

/* ---- helpers ------------------------------------------------------------------ */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    REQUIRE(f);
    REQUIRE(fseek(f, 0, SEEK_END) == 0);
    long n = ftell(f);
    REQUIRE(n >= 0);
    rewind(f);
    char *b = malloc((size_t)n + 1);
    REQUIRE(b);
    REQUIRE(fread(b, 1, (size_t)n, f) == (size_t)n);
    b[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return b;
}

static void write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    REQUIRE(f);
    REQUIRE(fwrite(p, 1, n, f) == n);
    REQUIRE(fclose(f) == 0);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The names of the files in dir ending in ext, sorted; NULL-terminated. */
static char **list_dir(const char *dir, const char *ext)
{
    DIR *d = opendir(dir);
    REQUIRE(d);
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name), x = strlen(ext);
        if (l <= x || strcmp(e->d_name + l - x, ext) != 0)
            continue;
        names = realloc(names, (n + 2) * sizeof *names);
        REQUIRE(names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (!names)
        names = calloc(1, sizeof *names);
    names[n] = NULL;
    qsort(names, n, sizeof *names, cmp_str);
    return names;
}

static void free_list(char **names)
{
    for (char **p = names; *p; p++)
        free(*p);
    free(names);
}

typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void text_line(void *ctx, const char *line)
{
    text *t = ctx;
    size_t n = strlen(line);
    if (t->len + n + 2 > t->cap) {
        t->cap = (t->len + n + 2) * 2;
        t->p = realloc(t->p, t->cap);
        REQUIRE(t->p);
    }
    memcpy(t->p + t->len, line, n);
    t->len += n;
    t->p[t->len++] = '\n';
    t->p[t->len] = 0;
}

static text disasm(const pv_cf *cf)
{
    text t = {0};
    pv_disasm(cf, text_line, &t);
    return t;
}

static uint8_t *write_cf(const pv_cf *cf, size_t *n)
{
    uint8_t *b = pv_cf_write(cf, n);
    REQUIRE(b);
    return b;
}

static bool same_bytes(const uint8_t *a, size_t an, const uint8_t *b, size_t bn)
{
    return an == bn && memcmp(a, b, an) == 0;
}

/* ---- good samples ------------------------------------------------------------- */

/* Checks one class that verifies: written bytes read back and write again
 * the same; the disassembly assembles to the same bytes; the canonical
 * form of what was read is the same. */
static void round_trips(const char *name, const pv_cf *cf)
{
    pv_cf_error err;
    size_t n1, n2, n3;
    uint8_t *b1 = write_cf(cf, &n1);
    size_t again;
    uint8_t *b1b = write_cf(cf, &again);
    CHECK(same_bytes(b1, n1, b1b, again)); /* deterministic */
    free(b1b);

    pv_cf rd;
    int rc = pv_cf_read(b1, n1, name, &rd, &err);
    if (rc)
        fprintf(stderr, "%s: read back: %s\n", name, err.msg);
    REQUIRE(rc == 0);
    uint8_t *b2 = write_cf(&rd, &n2);
    CHECK(same_bytes(b1, n1, b2, n2));
    CHECK(pv_cf_canonicalize(&rd) == 0);
    free(b2);
    b2 = write_cf(&rd, &n2);
    CHECK(same_bytes(b1, n1, b2, n2));

    text t = disasm(cf);
    pv_cf *back;
    int nback;
    rc = pv_asm(t.p, t.len, name, &back, &nback, &err);
    if (rc)
        fprintf(stderr, "%s: disassembly does not assemble: %s\n%s", name, err.msg, t.p);
    REQUIRE(rc == 0 && nback == 1);
    uint8_t *b3 = write_cf(&back[0], &n3);
    CHECK(same_bytes(b1, n1, b3, n3));
    if (!same_bytes(b1, n1, b3, n3))
        fprintf(stderr, "%s: disassembly assembles differently:\n%s", name, t.p);
    text t2 = disasm(&back[0]);
    CHECK(strcmp(t.p, t2.p) == 0);

    free(t.p);
    free(t2.p);
    free(b1);
    free(b2);
    free(b3);
    pv_cf_free(&rd);
    pv_asm_free(back, nback);
}

static bool corpus_wanted(void) { return getenv("PHANTOM_WRITE_CORPUS") != NULL; }

/* Seeds for both fuzzers: the source for fuzz_asm, the classes for both
 * (fuzz_asm takes class files too). */
static void write_corpus(const char *sample, const char *src, size_t srclen, const uint8_t *cls, size_t clen,
                         int i)
{
    char path[512];
    int stem = (int)(strlen(sample) - 5);
    snprintf(path, sizeof path, CORPUS_DIR "/asm/%s", sample);
    write_file(path, src, srclen);
    if (!cls)
        return;
    snprintf(path, sizeof path, CORPUS_DIR "/classfile/%.*s-%d.phc", stem, sample, i);
    write_file(path, cls, clen);
    snprintf(path, sizeof path, CORPUS_DIR "/asm/%.*s-%d.phc", stem, sample, i);
    write_file(path, cls, clen);
}

/* Assembles every sample; returns the written classes for the fuzz test. */
static void test_samples(uint8_t ***seeds, size_t **seedlen, int *nseeds)
{
    char **names = list_dir(ASM_DIR, ".pasm");
    int total = 0;
    *nseeds = 0;
    *seeds = NULL;
    *seedlen = NULL;
    for (char **nm = names; *nm; nm++) {
        char path[512];
        size_t len;
        snprintf(path, sizeof path, ASM_DIR "/%s", *nm);
        char *src = read_file(path, &len);
        pv_cf *cfs;
        int n;
        pv_cf_error err;
        int rc = pv_asm(src, len, *nm, &cfs, &n, &err);
        if (rc)
            fprintf(stderr, "%s\n", err.msg);
        CHECK(rc == 0 && n > 0);
        for (int i = 0; rc == 0 && i < n; i++) {
            int vr = pv_cf_verify(&cfs[i], &err);
            if (vr)
                fprintf(stderr, "%s: %s\n", *nm, err.msg);
            CHECK(vr == 0);
            round_trips(*nm, &cfs[i]);
            *seeds = realloc(*seeds, (*nseeds + 1) * sizeof **seeds);
            *seedlen = realloc(*seedlen, (*nseeds + 1) * sizeof **seedlen);
            (*seeds)[*nseeds] = write_cf(&cfs[i], &(*seedlen)[*nseeds]);
            if (corpus_wanted())
                write_corpus(*nm, src, len, (*seeds)[*nseeds], (*seedlen)[*nseeds], i);
            ++*nseeds;
            total++;
        }
        if (rc == 0)
            pv_asm_free(cfs, n);
        free(src);
    }
    printf("samples: %d classes round-tripped\n", total);
    CHECK(total >= 8);
    free_list(names);
}

/* A sample's numbers, checked against what the assembler must have made. */
static void test_sample_values(void)
{
    const char *src =
        ".class .t.v\n"
        ".method static m ()void\n"
        "    pushconst -0.0\n    pop\n"
        "    pushconst 1.5f\n    pop\n"
        "    pushconst -9223372036854775808L\n    pop\n"
        "    pushconst \"a\\x41\\tb\"\n    pop\n"
        "    pushconst doublebits 0x7ff8000000000123\n    pop\n"
        "    retvoid\n"
        ".end\n";
    pv_cf *cfs;
    int n;
    pv_cf_error err;
    REQUIRE(pv_asm(src, strlen(src), "v.pasm", &cfs, &n, &err) == 0 && n == 1);
    const pv_cf *cf = &cfs[0];
    bool negzero = false, f15 = false, lmin = false, str = false, nan = false;
    for (uint32_t i = 1; i < cf->nconsts; i++) {
        const pv_cf_const *k = &cf->consts[i];
        negzero |= k->kind == PV_CK_DOUBLE && k->bits == 0x8000000000000000ull;
        f15 |= k->kind == PV_CK_FLOAT && k->bits == 0x3FC00000u;
        lmin |= k->kind == PV_CK_LONG && k->i == INT64_MIN;
        str |= k->kind == PV_CK_UTF8 && k->len == 4 && memcmp(k->s, "aA\tb", 4) == 0;
        nan |= k->kind == PV_CK_DOUBLE && k->bits == 0x7ff8000000000123ull;
    }
    CHECK(negzero && f15 && lmin && str && nan);
    /* max_stack was computed: pushconst then pop never goes past 1 */
    CHECK_EQ_U64(cf->methods[0].max_stack, 1);
    CHECK_EQ_U64(cf->methods[0].nlocals, 0);
    pv_asm_free(cfs, n);
}

/* ---- the bad corpus -------------------------------------------------------------- */

static int hexbyte(const char *s)
{
    unsigned v;
    return sscanf(s, "%x", &v) == 1 && v < 256 ? (int)v : -1;
}

/* Applies one "; mutate:" command to the bytes; false if it is malformed. */
static bool mutate(const char *cmd, uint8_t **b, size_t *n)
{
    char op[16], rest[400];
    unsigned long off, val;
    if (sscanf(cmd, "%15s %399[^\n]", op, rest) < 1)
        return false;
    if (strcmp(op, "truncate") == 0 && sscanf(rest, "%lu", &off) == 1 && off <= *n) {
        *n = off;
        return true;
    }
    if ((strcmp(op, "u32") == 0 || strcmp(op, "u16") == 0 || strcmp(op, "u8") == 0) &&
        sscanf(rest, "%lu %li", &off, (long *)&val) == 2) {
        size_t w = op[1] == '3' ? 4 : op[1] == '1' ? 2 : 1;
        if (off + w > *n)
            return false;
        for (size_t i = 0; i < w; i++)
            (*b)[off + i] = (uint8_t)(val >> (8 * i));
        return true;
    }
    if (strcmp(op, "append") == 0 || strcmp(op, "set") == 0) {
        char *p = rest, *tokn;
        bool set = op[0] == 's';
        size_t at = *n;
        if (set) {
            off = strtoul(p, &p, 10);
            at = off;
        }
        while ((tokn = strtok(p, " "))) {
            p = NULL;
            int v = hexbyte(tokn);
            if (v < 0)
                return false;
            if (at >= *n) {
                *b = realloc(*b, at + 1);
                REQUIRE(*b);
                *n = at + 1;
            }
            (*b)[at++] = (uint8_t)v;
        }
        return true;
    }
    return false;
}

/* One bad case: "; expect:" is the whole message, "; mutate:" lines change
 * the assembled bytes.  Failing to assemble, to read or to verify must
 * give exactly the expected message, whichever comes first. */
static void bad_case(const char *name)
{
    char path[512], expect[600] = "";
    size_t len;
    snprintf(path, sizeof path, BAD_DIR "/%s", name);
    char *src = read_file(path, &len);
    char *muts[16];
    int nmut = 0;
    for (char *line = src; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        if (strncmp(line, "; expect: ", 10) == 0)
            sscanf(line + 10, "%599[^\n]", expect);
        else if (strncmp(line, "; mutate: ", 10) == 0 && nmut < 16)
            muts[nmut++] = line + 10;
    }
    CHECK(expect[0]);
    pv_cf *cfs;
    int n;
    pv_cf_error err = {{0}};
    const char *stage = "assemble";
    int rc = pv_asm(src, len, "t.pasm", &cfs, &n, &err);
    if (rc != 0 && corpus_wanted()) {
        char bad[300];
        snprintf(bad, sizeof bad, "bad-%s", name);
        write_corpus(bad, src, len, NULL, 0, 0);
    }
    if (rc == 0) {
        REQUIRE(n == 1);
        size_t blen;
        uint8_t *b = write_cf(&cfs[0], &blen);
        pv_cf rd;
        for (int i = 0; i < nmut; i++) {
            char cmd[420];
            sscanf(muts[i], "%419[^\n]", cmd);
            if (!mutate(cmd, &b, &blen)) {
                fprintf(stderr, "%s: bad mutation: %s\n", name, cmd);
                CHECK(!"mutation");
            }
        }
        if (corpus_wanted()) {
            char bad[300];
            snprintf(bad, sizeof bad, "bad-%s", name);
            write_corpus(bad, src, len, b, blen, 0);
        }
        stage = "read";
        if (pv_cf_read(b, blen, "t.phc", &rd, &err) == 0) {
            stage = "verify";
            if (pv_cf_verify(&rd, &err) == 0) {
                stage = "nothing";
                snprintf(err.msg, sizeof err.msg, "(no error)");
            }
            pv_cf_free(&rd);
        }
        free(b);
        pv_asm_free(cfs, n);
    }
    if (strcmp(err.msg, expect) != 0) {
        fprintf(stderr, "%s: %s failed with\n    %s\nbut expected\n    %s\n", name, stage, err.msg, expect);
        CHECK(!"the expected error");
    }
    free(src);
}

static void test_bad(void)
{
    char **names = list_dir(BAD_DIR, ".pasm");
    int n = 0;
    for (char **nm = names; *nm; nm++, n++)
        bad_case(*nm);
    printf("bad corpus: %d cases\n", n);
    CHECK(n >= 25);
    free_list(names);
}

/* ---- pieces -------------------------------------------------------------------- */

static void test_descriptors(void)
{
    static const struct { const char *d; int n; } cases[] = {
        {"()void", 0}, {"()*", 0}, {"(*)*", 1}, {"(*,*)void", 2},
        {"(.internal.int,int,.a.b[],*[][])long[]", 4}, {"(a.b)c", 1},
        {"", -1}, {"(", -1}, {"()", -1}, {"(*)", -1}, {"(,)void", -1}, {"(*,)void", -1},
        {"(void)void", -1}, {"()void[]", -1}, {"(.)*", -1}, {"(a..b)*", -1}, {"(a.)*", -1},
        {"(*[)*", -1}, {"( *)*", -1}, {"(*)**", -1}, {"(*)void ", -1}, {"(a(b)*", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = pv_desc_nargs(cases[i].d);
        if (got != cases[i].n)
            fprintf(stderr, "pv_desc_nargs(\"%s\") = %d, expected %d\n", cases[i].d, got, cases[i].n);
        CHECK(got == cases[i].n);
    }
    CHECK(pv_desc_nargs(NULL) == -1);
    /* PV_CF_MAX_ARGS arguments, and one more */
    char d[2 * 300 + 16] = "(";
    for (int i = 0; i < 256; i++)
        strcat(d, i ? ",*" : "*");
    strcat(d, ")void");
    CHECK(pv_desc_nargs(d) == -1);
    strcpy(strrchr(d, ',') , ")void");
    CHECK(pv_desc_nargs(d) == 255);
    CHECK(pv_cf_name_ok("run") && pv_cf_name_ok("<init>") && pv_cf_name_ok("lambda$1"));
    CHECK(!pv_cf_name_ok("") && !pv_cf_name_ok("a b") && !pv_cf_name_ok("a.b") && !pv_cf_name_ok(NULL));
}

static void test_helpers(void)
{
    pv_cf cf = {0};
    uint32_t a = pv_cf_utf8(&cf, "abc", 3);
    CHECK(a == 1 && cf.nconsts == 2);
    CHECK(pv_cf_utf8(&cf, "abcdef", 3) == a);              /* by content and length */
    CHECK(pv_cf_utf8(&cf, "ab", 2) != a);
    uint32_t c = pv_cf_class(&cf, ".a.b");
    CHECK(c && pv_cf_class(&cf, ".a.b") == c);
    CHECK(strcmp(pv_cf_class_name(&cf, c), ".a.b") == 0);
    CHECK(pv_cf_str(&cf, c) == NULL && pv_cf_class_name(&cf, a) == NULL);
    CHECK(pv_cf_str(&cf, 0) == NULL && pv_cf_str(&cf, 9999) == NULL);
    uint32_t m = pv_cf_method_ref(&cf, ".a.b", "run", "()void");
    CHECK(m && pv_cf_method_ref(&cf, ".a.b", "run", "()void") == m);
    CHECK(pv_cf_method_ref(&cf, ".a.b", "run", "(*)void") != m);
    uint32_t f = pv_cf_field_ref(&cf, ".a.b", "x");
    CHECK(f && f != m && pv_cf_field_ref(&cf, ".a.b", "x") == f);
    CHECK(pv_cf_int(&cf, 5) == pv_cf_int(&cf, 5) && pv_cf_int(&cf, 5) != pv_cf_long(&cf, 5));
    CHECK(pv_cf_double(&cf, 0) != pv_cf_double(&cf, 0x8000000000000000ull));
    CHECK(pv_cf_float(&cf, 1) != pv_cf_int(&cf, 1));
    /* many constants: the table grows and still finds each */
    char s[32];
    uint32_t first = 0;
    for (int i = 0; i < 5000; i++) {
        snprintf(s, sizeof s, "s%d", i);
        uint32_t k = pv_cf_utf8(&cf, s, (uint32_t)strlen(s));
        if (i == 0)
            first = k;
        CHECK(k == cf.nconsts - 1);
    }
    CHECK(pv_cf_utf8(&cf, "s0", 2) == first);
    /* a change behind the helpers' back is noticed */
    uint32_t before = cf.nconsts;
    free(cf.consts[first].s);
    cf.consts[first].s = strdup("zz");
    cf.consts[first].len = 2;
    cf.nconsts--;   /* drop the last one: the pool is rebuilt */
    free(cf.consts[cf.nconsts].s);
    cf.consts[cf.nconsts] = (pv_cf_const){0};
    CHECK(pv_cf_utf8(&cf, "zz", 2) == first);
    CHECK(pv_cf_utf8(&cf, "s0", 2) == before - 1);
    /* ids: equal strings share one */
    cf.consts[2].kind = PV_CK_UTF8;
    uint32_t *ids = pv_cf_utf8_ids(&cf);
    REQUIRE(ids);
    CHECK(ids[a] == a && ids[c] == 0);
    free(ids);
    pv_cf_free(&cf);
    CHECK(cf.consts == NULL && cf.pool == NULL);
}

static void test_canonical(void)
{
    /* the same class said in two orders assembles to the same bytes */
    const char *x =
        ".class .t.c\n.field b\n.field a : .t.d\n"
        ".method static m ()*\n  pushconst \"a\"\n  pushconst class .t.d\n  pop\n  return\n.end\n"
        ".source \"c.ph\"\n";
    const char *y =
        ".class .t.c\n.source \"c.ph\"\n.field b\n.field a : .t.d\n"
        ".method static m ()*\n  pushconst \"a\"\n  pushconst class .t.d\n  pop\n  return\n.end\n";
    pv_cf *cx, *cy;
    int nx, ny;
    pv_cf_error err;
    REQUIRE(pv_asm(x, strlen(x), "x", &cx, &nx, &err) == 0);
    REQUIRE(pv_asm(y, strlen(y), "y", &cy, &ny, &err) == 0);
    size_t lx, ly;
    uint8_t *bx = write_cf(&cx[0], &lx), *by = write_cf(&cy[0], &ly);
    CHECK(same_bytes(bx, lx, by, ly));
    /* a read class with a duplicate and an unused constant canonicalises
     * to what the assembler makes */
    pv_cf rd;
    REQUIRE(pv_cf_read(bx, lx, "x", &rd, &err) == 0);
    pv_cf_utf8(&rd, "unused", 6);
    rd.consts = realloc(rd.consts, (rd.nconsts + 1) * sizeof *rd.consts);
    rd.consts[rd.nconsts] = rd.consts[rd.methods[0].name];
    rd.consts[rd.nconsts].s = strdup(rd.consts[rd.methods[0].name].s);
    rd.methods[0].name = rd.nconsts++;
    CHECK(pv_cf_canonicalize(&rd) == 0);
    size_t lr;
    uint8_t *br = write_cf(&rd, &lr);
    CHECK(same_bytes(bx, lx, br, lr));
    free(bx);
    free(by);
    free(br);
    pv_cf_free(&rd);
    pv_asm_free(cx, nx);
    pv_asm_free(cy, ny);
}

/* Reader limits that are impractical as files: the counts are checked
 * against the bytes left before anything is allocated. */
static void test_limits(void)
{
    static const uint8_t head[] = {'P', 'H', 'C', 'L', 1, 0, 0, 0, 0, 0, 0, 0};
    uint8_t b[sizeof head + 4];
    pv_cf cf;
    pv_cf_error err;
    memcpy(b, head, sizeof head);
    memcpy(b + sizeof head, (uint8_t[]){0xFF, 0xFF, 0xFF, 0x7F}, 4);
    CHECK(pv_cf_read(b, sizeof b, "l", &cf, &err) < 0);
    CHECK(strcmp(err.msg, "l: 2147483647 constants, more than the limit of 1048576 (offset 12)") == 0);
    memcpy(b + sizeof head, (uint8_t[]){0x00, 0x00, 0x10, 0x00}, 4);
    CHECK(pv_cf_read(b, sizeof b, "l", &cf, &err) < 0);
    CHECK(strcmp(err.msg, "l: 1048576 constants exceed the file (offset 12)") == 0);
    CHECK(pv_cf_read(b, PV_CF_MAX_BYTES + 1ull, NULL, &cf, &err) < 0);
    CHECK(strcmp(err.msg, "the file is 67108865 bytes, more than the limit of 67108864 (offset 0)") == 0);
    CHECK(pv_cf_read(NULL, 0, "l", &cf, &err) < 0);
    CHECK(pv_cf_read(b, 3, "l", &cf, &err) < 0);
    CHECK(strcmp(err.msg, "l: not a Phantom class file (no PHCL magic) (offset 0)") == 0);
    /* a method to verify out of range is an error, not a crash */
    CHECK(pv_cf_verify_method(&cf, 3, NULL, NULL, &err) < 0);
}

/* ---- the fuzz smoke test -------------------------------------------------------- */

/* What the fuzz target checks, for one input. */
static void check_bytes(const uint8_t *b, size_t n)
{
    pv_cf cf;
    pv_cf_error err;
    if (pv_cf_read(b, n, "fuzz", &cf, &err) < 0) {
        CHECK(strncmp(err.msg, "fuzz: ", 6) == 0);
        return;
    }
    size_t m;
    uint8_t *w = write_cf(&cf, &m);
    CHECK(same_bytes(b, n, w, m));
    free(w);
    if (pv_cf_verify(&cf, &err) == 0) {
        text t = disasm(&cf);
        pv_cf *back;
        int nback;
        REQUIRE(pv_asm(t.p, t.len, "fuzz", &back, &nback, &err) == 0 && nback == 1);
        CHECK(pv_cf_canonicalize(&cf) == 0);
        size_t l1, l2;
        uint8_t *b1 = write_cf(&cf, &l1), *b2 = write_cf(&back[0], &l2);
        CHECK(same_bytes(b1, l1, b2, l2));
        free(b1);
        free(b2);
        free(t.p);
        pv_asm_free(back, nback);
    } else {
        text t = disasm(&cf);   /* must not crash on code that does not verify */
        free(t.p);
    }
    pv_cf_free(&cf);
}

static void test_mutations(uint8_t **seeds, size_t *seedlen, int nseeds)
{
    uint64_t rng = 0x5eed;
    int rounds = getenv("TORTURE") ? 200000 : 20000;
    for (int r = 0; r < rounds; r++) {
        int s = (int)(t_rand(&rng) % (uint64_t)nseeds);
        size_t n = seedlen[s];
        uint8_t *b = malloc(n + 8);
        REQUIRE(b);
        memcpy(b, seeds[s], n);
        int k = 1 + (int)(t_rand(&rng) % 4);
        for (int i = 0; i < k; i++) {
            uint64_t x = t_rand(&rng);
            size_t at = (size_t)(x >> 16) % n;
            switch (x % 5) {
            case 0: b[at] ^= (uint8_t)(1u << ((x >> 8) % 8)); break;
            case 1: b[at] = (uint8_t)(x >> 8); break;
            case 2: n = at; break;
            case 3: if (at + 4 <= n) memcpy(b + at, (uint8_t[]){0xFF, 0xFF, 0xFF, 0x7F}, 4); break;
            case 4: b[at] = (uint8_t)(b[at] + 1); break;
            }
            if (n == 0)
                n = 1;
        }
        check_bytes(b, n);
        free(b);
    }
    printf("mutations: %d inputs\n", rounds);
}

/* ---- quickening ------------------------------------------------------------------ */

/* Appends an instruction (operand bytes zero) to code; returns its pc. */
static uint32_t put_insn(uint8_t *code, uint32_t *len, uint8_t op)
{
    uint32_t pc = *len;
    int size = pv_op_size(pv_opinfo[op].fmt);
    code[pc] = op;
    memset(code + pc + 1, 0, (size_t)size - 1);
    *len += (uint32_t)size;
    return pc;
}

/* pv_quicken fuses the sequences quicken.h lists, changes nothing but the
 * first opcode of each, and takes a leading pair apart for a triple. */
static void test_quicken(void)
{
    uint8_t code[256], before[256];
    uint32_t len = 0;
    uint32_t triple = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_ALOAD);
    uint32_t apart = put_insn(code, &len, PV_OP_LOAD);
    uint32_t late = put_insn(code, &len, PV_OP_LOAD);
    uint32_t late2 = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_ALOAD);
    uint32_t konst = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_PUSHINT);
    put_insn(code, &len, PV_OP_JLT);
    uint32_t locals = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_JGE);
    uint32_t gt = put_insn(code, &len, PV_OP_GT);
    put_insn(code, &len, PV_OP_JT);
    uint32_t eq = put_insn(code, &len, PV_OP_EQ);
    put_insn(code, &len, PV_OP_JF);
    put_insn(code, &len, PV_OP_POP);
    uint32_t ldmul = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_MUL);
    put_insn(code, &len, PV_OP_POP);
    uint32_t imrem = put_insn(code, &len, PV_OP_PUSHINT);
    put_insn(code, &len, PV_OP_REM);
    uint32_t substore = put_insn(code, &len, PV_OP_SUB);
    put_insn(code, &len, PV_OP_STORE);
    uint32_t lladd = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_ADD);
    uint32_t quad = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_PUSHINT);
    uint32_t quadeq = put_insn(code, &len, PV_OP_EQ);
    put_insn(code, &len, PV_OP_JF);
    put_insn(code, &len, PV_OP_POP);
    uint32_t ldcj = put_insn(code, &len, PV_OP_LOAD);
    uint32_t ldcjgt = put_insn(code, &len, PV_OP_GT);
    put_insn(code, &len, PV_OP_JT);
    put_insn(code, &len, PV_OP_POP);
    uint32_t ldjlt = put_insn(code, &len, PV_OP_LOAD);
    put_insn(code, &len, PV_OP_JLT);
    uint32_t lone = put_insn(code, &len, PV_OP_LT);
    put_insn(code, &len, PV_OP_POP);
    memcpy(before, code, len);
    struct pv_method m = {.code = code, .code_len = len};
    pv_quicken(&m);
    CHECK(code[triple] == PV_QOP_LOAD_LOAD_ALOAD);
    CHECK(code[apart] == PV_OP_LOAD);
    CHECK(code[late] == PV_QOP_LOAD_LOAD_ALOAD);
    CHECK(code[late2] == PV_OP_LOAD);
    CHECK(code[konst] == PV_QOP_LOAD_PUSHINT_JCMP);
    CHECK(code[locals] == PV_QOP_LOAD_LOAD_JCMP);
    CHECK(code[gt] == PV_QOP_GT_JCOND);
    CHECK(code[eq] == PV_QOP_EQ_JCOND);
    CHECK(code[lone] == PV_OP_LT);
    CHECK(code[ldmul] == PV_QOP_LOAD_MUL);
    CHECK(code[imrem] == PV_QOP_PUSHINT_REM);
    CHECK(code[substore] == PV_QOP_SUB_STORE);
    CHECK(code[lladd] == PV_QOP_LOAD_LOAD_ADD);
    CHECK(code[quad] == PV_QOP_LOAD_PUSHINT_CJUMP);
    CHECK(code[quadeq] == PV_QOP_EQ_JCOND);
    CHECK(code[ldcj] == PV_QOP_LOAD_CJUMP);
    CHECK(code[ldcjgt] == PV_QOP_GT_JCOND);
    CHECK(code[ldjlt] == PV_QOP_LOAD_JCMP);
    uint32_t changed[] = {triple, late,  konst, locals, gt,   eq,     ldmul,  imrem,
                          substore, lladd, quad, quadeq, ldcj, ldcjgt, ldjlt};
    for (uint32_t pc = 0; pc < len; pc++) {
        bool fused = false;
        for (size_t i = 0; i < sizeof changed / sizeof *changed; i++)
            fused |= changed[i] == pc;
        CHECK(fused || code[pc] == before[pc]);
    }
}

int main(void)
{
    uint8_t **seeds;
    size_t *seedlen;
    int nseeds;
    test_descriptors();
    test_quicken();
    test_helpers();
    test_canonical();
    test_limits();
    test_sample_values();
    test_samples(&seeds, &seedlen, &nseeds);
    test_bad();
    test_mutations(seeds, seedlen, nseeds);
    for (int i = 0; i < nseeds; i++)
        free(seeds[i]);
    free(seeds);
    free(seedlen);
    return test_done("classfile");
}
