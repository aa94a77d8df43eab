/*
 * replica.c - continuous replicas (pw_options.replica), the cases around
 * the kill loop's (tests/crash/killloop.c, replica phase):
 *   - after each snapshot the replica is level with the image
 *     (pw_stats.replica_generation), and boots into the same content;
 *   - a replica deleted while the world runs is rebuilt at the next
 *     snapshot;
 *   - a replica path that holds another world's image is refused, and that
 *     image is left byte for byte as it was; so is the image itself;
 *   - a replica several snapshots behind catches up with only the blocks
 *     written since; one behind from another history of the world (booted
 *     from an older copy) fails the catch-up's check and is rebuilt.
 */
#define _GNU_SOURCE
#include "../../src/persist/pw.h"
#include "testlib.h"

#include <unistd.h>

#define TMAGIC 0x5245504c494341ull

static uint64_t file_hash(const char *path)
{
    uint8_t *buf;
    size_t len;
    REQUIRE(hal_file_read_all(path, 1u << 30, &buf, &len) == 0);
    uint64_t h = t_hash_bytes(0, buf, len);
    free(buf);
    return h;
}

static pw_world *open_with(const char *img, const char *replica, bool create, pw_error *err)
{
    pw_options o;
    t_options(&o, NULL, create, 64ull << 20);
    o.replica = replica;
    o.log = t_log_capture;
    pw_world *w = NULL;
    pw_open(img, &o, &w, err);
    return w;
}

static void copy_file(const char *from, const char *to)
{
    uint8_t *buf;
    size_t len;
    REQUIRE(hal_file_read_all(from, 1u << 30, &buf, &len) == 0);
    REQUIRE(hal_file_write_all(to, buf, len) == 0);
    free(buf);
}

/* A new or lost replica is built by the replica thread in the
 * background: waits (up to 20 s) until it is level with the image. */
static void wait_level(pw_world *w, pw_stats *st)
{
    for (int i = 0; i < 2000; i++) {
        pw_stats_get(w, st);
        if (st->replica_synced && st->replica_generation == st->generation)
            return;
        usleep(10000);
    }
}

int main(void)
{
    char dir[] = "/tmp/phantom-replica-XXXXXX";
    REQUIRE(mkdtemp(dir) != NULL);
    char img[300], rep[300], other[300], old[300];
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(rep, sizeof rep, "%s/r.img", dir);
    snprintf(other, sizeof other, "%s/other.img", dir);
    snprintf(old, sizeof old, "%s/old.img", dir);
    pw_error err;

    /* level after every snapshot */
    pw_world *w = open_with(img, rep, true, &err);
    REQUIRE(w);
    uint64_t *t = t_root_table(w, 4096 * 8, TMAGIC);
    pw_stats st;
    wait_level(w, &st);
    CHECK_EQ_U64(st.replica_generation, st.generation);
    for (uint64_t round = 1; round <= 5; round++) {
        for (int i = 1; i < 4096; i += 97)
            t[i] = round * i;
        REQUIRE(pw_snapshot(w, true) == 0);
        pw_stats_get(w, &st);
        CHECK_EQ_U64(st.replica_generation, st.generation);
    }
    CHECK(st.replica_blocks_shipped > 0);

    /* lost while the world runs: rebuilt at the next snapshot */
    REQUIRE(unlink(rep) == 0);
    t[1] = 99;
    REQUIRE(pw_snapshot(w, true) == 0);
    wait_level(w, &st);
    CHECK_EQ_U64(st.replica_generation, st.generation);
    CHECK(st.replica_rebuilds >= 2);
    CHECK(hal_path_exists(rep));
    uint64_t gen = st.generation;
    pw_close(w, false);
    w = open_with(img, rep, false, &err); /* level already: nothing to ship */
    REQUIRE(w);
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.replica_generation, gen);
    pw_close(w, false);

    /* the replica boots into the image's content */
    w = open_with(rep, NULL, false, &err);
    REQUIRE(w);
    t = pw_root(w);
    REQUIRE(t && t[0] == TMAGIC);
    CHECK(t[1] == 99 && t[98] == 5 * 98);
    pw_stats_get(w, &st);
    CHECK_EQ_U64(st.resumed_generation, gen);
    pw_close(w, false);
    pw_fsck_result fr;
    CHECK(pw_fsck(rep, NULL, &fr, NULL, NULL, &err) == 0);

    /* another world's image is never a replica */
    w = open_with(other, NULL, true, &err);
    REQUIRE(w);
    pw_close(w, false);
    uint64_t before = file_hash(other);
    w = open_with(img, other, false, &err);
    CHECK(w == NULL);
    CHECK(strstr(err.msg, other) && strstr(err.msg, "another world"));
    CHECK(file_hash(other) == before);
    w = open_with(img, img, false, &err);
    CHECK(w == NULL && strstr(err.msg, "is the image itself"));

    /* behind: caught up with only what was written since */
    w = open_with(img, NULL, false, &err);
    REQUIRE(w);
    t = pw_root(w);
    for (uint64_t round = 10; round < 14; round++) {
        t[2] = round;
        REQUIRE(pw_snapshot(w, true) == 0);
    }
    pw_close(w, false);
    copy_file(img, old); /* for the other history below */
    w = open_with(img, rep, false, &err);
    REQUIRE(w);
    wait_level(w, &st);
    CHECK_EQ_U64(st.replica_generation, st.generation);
    CHECK(st.replica_catchups == 1 && st.replica_rebuilds == 0);
    CHECK(st.replica_blocks_shipped < 40); /* a few pages and their tree nodes, not the image */
    for (uint64_t round = 14; round < 17; round++) {
        t = pw_root(w);
        t[2] = round;
        REQUIRE(pw_snapshot(w, true) == 0);
    }
    pw_close(w, false);

    /* another history of the world (booted from an older copy) with the
     * replica behind it: the catch-up's check fails, and it is rebuilt */
    w = open_with(old, NULL, false, &err);
    REQUIRE(w);
    t = pw_root(w);
    for (uint64_t round = 20; round < 28; round++) {
        t[2] = round;
        t[600] = round;
        if (round == 20) /* a page this history wrote once, where the replica has the other's */
            t[1200] = round;
        REQUIRE(pw_snapshot(w, true) == 0);
    }
    pw_close(w, false);
    t_log_reset();
    w = open_with(old, rep, false, &err);
    REQUIRE(w);
    for (int i = 0; i < 2 && st.replica_rebuilds == 0; i++) /* the rebuild follows a 1 s backoff */
        wait_level(w, &st);
    CHECK(st.replica_catchups == 1 && st.replica_rebuilds == 1);
    CHECK(strstr(t_logbuf, "another history") != NULL);
    pw_close(w, false);
    w = open_with(rep, NULL, false, &err);
    REQUIRE(w);
    t = pw_root(w);
    CHECK(t && t[2] == 27 && t[600] == 27 && t[1200] == 20);
    pw_close(w, false);
    CHECK(pw_fsck(rep, NULL, &fr, NULL, NULL, &err) == 0);

    t_remove_dir(dir);
    return test_done("replica");
}
