/*
 * history_cli.c - snapshot history and rollback as a user meets them
 * (docs/STORAGE.md, "Snapshot history"):
 *   - `phantom snapshots` lists one line per retained snapshot, starting
 *     with its generation, the newest last and marked;
 *   - a program's state goes back and forward: a counter kept in a static
 *     field is raised by one run after another; `boot --snapshot G` of the
 *     generation after its second run makes the next run print 3, and
 *     `boot --snapshot` of the generation after its fifth run (still
 *     listed after the rollback) makes the next one print 6;
 *   - `info --snapshot G` shows an old state without resuming it: the
 *     image is left as it was;
 *   - a hot update pins the snapshot before it; `--unpin` releases it;
 *   - wrong input: a bad --keep, a generation not retained, are refused
 *     with what is wrong and the documented exit status.
 */
#define _GNU_SOURCE
#include "runner.h"

static char phantom[512], img[600];

static bool has(const buf *b, const char *text) { return b->p && strstr(b->p, text); }

static int phantom_says(result *r, const char *a1, const char *a2, const char *a3, const char *a4,
                        const char *a5)
{
    char *argv[] = {phantom, (char *)a1, (char *)a2, (char *)a3, (char *)a4, (char *)a5, NULL};
    memset(r, 0, sizeof *r);
    run(argv, "/dev/null", tmpdir, r);
    return WIFEXITED(r->status) ? WEXITSTATUS(r->status) : 128 + WTERMSIG(r->status);
}

/* The listing's generations, oldest first; returns how many.  Every line
 * but the summary must start with one. */
static int listed_in(const char *image, uint64_t *gen, int max, bool *pinned)
{
    result r;
    CHECK(phantom_says(&r, "snapshots", "--image", image, NULL, NULL) == 0);
    int n = 0;
    const char *p = r.out.p ? r.out.p : "";
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char *end;
        unsigned long long g = strtoull(p, &end, 10);
        if (end != p && n < max) {
            gen[n] = g;
            if (pinned)
                pinned[n] = memmem(p, len, "pinned", 6) != NULL;
            n++;
        } else {
            CHECK(!strncmp(p, "kept: ", 6)); /* the summary */
        }
        p += len + (eol ? 1 : 0);
    }
    CHECK(n >= 1 && has(&r.out, "newest"));
    result_free(&r);
    return n;
}

static int listed(uint64_t *gen, int max, bool *pinned) { return listed_in(img, gen, max, pinned); }

static uint64_t newest_in(const char *image)
{
    uint64_t g[256];
    int n = listed_in(image, g, 256, NULL);
    return n ? g[n - 1] : 0;
}

static uint64_t newest(void) { return newest_in(img); }

static bool retained(uint64_t want)
{
    uint64_t g[256];
    int n = listed(g, 256, NULL);
    for (int i = 0; i < n; i++)
        if (g[i] == want)
            return true;
    return false;
}

static const char *INC = "class counter {\n"
                         "    static var n : int;\n"
                         "    static void main() { n = n + 1; println(\"n=\" + n); }\n"
                         "}\n";
static const char *INC2 = "class counter {\n"
                          "    static var n : int;\n"
                          "    static void main() { n = n + 10; println(\"n=\" + n); }\n"
                          "}\n";

static void back_and_forth(void)
{
    char src[600];
    path_in(src, sizeof src, "counter.ph");
    result r;
    uint64_t after[6] = {0};
    for (int i = 1; i <= 5; i++) {
        CHECK(phantom_says(&r, "run", "--image", img, src, NULL) == 0);
        char want[16];
        snprintf(want, sizeof want, "n=%d\n", i);
        CHECK(has(&r.out, want));
        result_free(&r);
        after[i] = newest();
    }
    CHECK(retained(after[2]) && retained(after[5]));

    /* looking at an old state changes nothing */
    char g2[32], g5[32];
    snprintf(g2, sizeof g2, "%llu", (unsigned long long)after[2]);
    snprintf(g5, sizeof g5, "%llu", (unsigned long long)after[5]);
    CHECK(phantom_says(&r, "info", img, "--snapshot", g2, NULL) == 0);
    CHECK(has(&r.out, "snapshot:       generation ") && has(&r.out, "objects:"));
    result_free(&r);
    CHECK_EQ_U64(newest(), after[5]);

    /* back to the state after the second run */
    CHECK(phantom_says(&r, "boot", "--image", img, "--snapshot", g2) == 0);
    result_free(&r);
    CHECK(newest() > after[5]);
    CHECK(retained(after[5])); /* the newer line stays listed */
    CHECK(phantom_says(&r, "run", "--image", img, src, NULL) == 0);
    CHECK(has(&r.out, "n=3\n"));
    result_free(&r);

    /* and forward again: the rollback undone */
    CHECK(phantom_says(&r, "boot", "--image", img, "--snapshot", g5) == 0);
    result_free(&r);
    CHECK(phantom_says(&r, "run", "--image", img, src, NULL) == 0);
    CHECK(has(&r.out, "n=6\n"));
    result_free(&r);
    CHECK(phantom_says(&r, "fsck", img, NULL, NULL, NULL) == 0);
    result_free(&r);
    printf("  back to generation %llu (n=2) and forward to %llu (n=5): the next runs print 3, then 6\n",
           (unsigned long long)after[2], (unsigned long long)after[5]);
}

static void pin_by_update(void)
{
    char src[600];
    path_in(src, sizeof src, "counter2.ph");
    uint64_t before = newest();
    result r;
    CHECK(phantom_says(&r, "update", "--image", img, src, NULL) == 0);
    result_free(&r);
    uint64_t g[256];
    bool pinned[256];
    int n = listed(g, 256, pinned), npinned = 0;
    uint64_t which = 0;
    for (int i = 0; i < n; i++)
        if (pinned[i]) {
            npinned++;
            which = g[i];
        }
    /* the newest durable snapshot when the update began: the one before
     * the run, or one its own open took */
    CHECK(npinned == 1 && which >= before && which < g[n - 1]);
    char gs[32];
    snprintf(gs, sizeof gs, "%llu", (unsigned long long)which);
    CHECK(phantom_says(&r, "snapshots", "--image", img, "--unpin", gs) == 0);
    CHECK(has(&r.out, "unpinned"));
    result_free(&r);
    n = listed(g, 256, pinned);
    for (int i = 0; i < n; i++)
        CHECK(!pinned[i]);
    printf("  an update pinned generation %llu; --unpin released it\n", (unsigned long long)which);
}

static void refusals(void)
{
    char src[600];
    path_in(src, sizeof src, "counter.ph");
    result r;
    CHECK(phantom_says(&r, "run", "--image", img, "--keep", "last=x") == 2);
    CHECK(has(&r.err, "--keep: last: 'x' is not a number"));
    result_free(&r);
    CHECK(phantom_says(&r, "boot", "--image", img, "--snapshot", "999999") == 2);
    CHECK(has(&r.err, "generation 999999 is not retained") && has(&r.err, "phantom snapshots"));
    result_free(&r);
    CHECK(phantom_says(&r, "boot", "--image", img, "--snapshot", "two") == 2);
    CHECK(has(&r.err, "'two' is not a generation number"));
    result_free(&r);
    CHECK(phantom_says(&r, "info", img, "--snapshot", "999999", NULL) == 2);
    CHECK(has(&r.err, "not retained"));
    result_free(&r);
    CHECK(phantom_says(&r, "snapshots", "--image", img, "--unpin", "999999") == 1);
    CHECK(has(&r.err, "generation 999999 is not retained"));
    result_free(&r);
    char missing[600];
    path_in(missing, sizeof missing, "missing.img");
    CHECK(phantom_says(&r, "snapshots", "--image", missing, NULL, NULL) == 2);
    CHECK(has(&r.err, "missing.img"));
    result_free(&r);
    printf("  refusals: a bad --keep, a generation not retained or not a number, a missing image\n");
}

/* phantom attach --snapshot G: a shell on an old state that writes nothing. */
static void view_old_state(void)
{
    char view_img[600], in1[600], in2[600], look[600], cmd[2000];
    path_in(view_img, sizeof view_img, "view.img");
    put("in1.txt", "int x = 1;\n");
    put("in2.txt", "x = 2;\n");
    put("look.txt", "println(\"x=\" + x);\nx = 50;\nprintln(\"now \" + x);\n:resume\n");
    path_in(in1, sizeof in1, "in1.txt");
    path_in(in2, sizeof in2, "in2.txt");
    path_in(look, sizeof look, "look.txt");
    result r;
    char *shell1[] = {phantom, "--image", view_img, NULL};
    memset(&r, 0, sizeof r);
    run(shell1, in1, tmpdir, &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    result_free(&r);
    unsigned long long g1 = newest_in(view_img);   /* the first session's last snapshot */
    memset(&r, 0, sizeof r);
    run(shell1, in2, tmpdir, &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    result_free(&r);

    snprintf(cmd, sizeof cmd, "cp %s %s.before", view_img, view_img);
    REQUIRE(system(cmd) == 0);
    char g[32];
    snprintf(g, sizeof g, "%llu", g1);
    char *view[] = {phantom, "attach", "--image", view_img, "--snapshot", g, NULL};
    memset(&r, 0, sizeof r);
    run(view, look, tmpdir, &r);
    CHECK(has(&r.out, "x=1\n"));      /* the state of the first session */
    CHECK(has(&r.out, "now 50\n"));   /* code runs on it */
    CHECK(has(&r.err, "read-only"));
    CHECK(has(&r.err, ":resume: this is a read-only view"));
    result_free(&r);
    snprintf(cmd, sizeof cmd, "cmp -s %s %s.before", view_img, view_img);
    CHECK(system(cmd) == 0);          /* not a byte of the image changed */
    char *newest_view[] = {phantom, "--image", view_img, NULL};
    memset(&r, 0, sizeof r);
    run(newest_view, look, tmpdir, &r);
    CHECK(has(&r.out, "x=2\n"));      /* the world itself is where it was */
    result_free(&r);
    printf("  attach --snapshot %llu showed x=1 (the world holds 2), ran code on it, and wrote nothing\n", g1);
}

int main(void)
{
    runner_start("history_cli", phantom, sizeof phantom);
    put("counter.ph", INC);
    put("counter2.ph", INC2);
    path_in(img, sizeof img, "w.img");
    back_and_forth();
    pin_by_update();
    refusals();
    view_old_state();
    t_remove_dir(tmpdir);
    return test_done("history_cli");
}
