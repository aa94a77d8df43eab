/*
 * nbd_server.c - images on an NBD export (nbdkit) when the server goes
 * away, when the export is full, and when the URI is wrong.
 *
 * Server killed mid-snapshot: a world on an nbdkit file-plugin export
 * dirties 16 MiB, and while the snapshot writes it a thread kills the
 * server (SIGKILL) at a random moment.  The snapshot must fail (or, if the
 * kill came after its commit, succeed), the world must keep running (the
 * test writes to it while the server is down), and once a new server
 * serves the same file the engine reconnects and a later snapshot
 * succeeds.  Several rounds; then the world is closed, opened again over
 * NBD, and must hold the last durable round's content; fsck clean.  The
 * seed (printed; SEED=...) decides the kill times, with competing CPU load.
 *
 * Full export: a world on a 24 MiB export that is asked to keep 40 MiB:
 * the snapshot fails with ENOSPC and a message naming the image, the world
 * runs on, and after the program frees the data a snapshot succeeds and
 * the image opens again.
 *
 * URI errors: no server (a Unix socket, a TCP port), a malformed URI, a
 * read-only export: each a clear error naming the URI.
 */
#define _GNU_SOURCE
#include "../../src/persist/pw.h"
#include "testlib.h"
#include "killrun.h"
#include "nbdkit.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>

#define BIG_PAGES 4096u /* 16 MiB dirtied per round */
#define TMAGIC 0x4e42444b494c4cull

typedef struct table {
    uint64_t magic;
    uint64_t round;
    uint64_t *big;
} table;

static void fill(table *t, uint64_t round)
{
    for (uint64_t i = 0; i < BIG_PAGES * 512; i += 64)
        t->big[i] = round * 1000003u + i;
    t->round = round;
}

static bool holds(const table *t, uint64_t round)
{
    for (uint64_t i = 0; i < BIG_PAGES * 512; i += 64)
        if (t->big[i] != round * 1000003u + i)
            return false;
    return t->round == round;
}

typedef struct killer {
    t_nbdkit *k;
    uint64_t delay_us;
} killer;

static void *kill_later(void *arg)
{
    killer *kl = arg;
    usleep((useconds_t)kl->delay_us);
    t_nbdkit_kill(kl->k);
    return NULL;
}

/* A new world on the export at uri (all zero: formatted), its table at the root. */
static pw_world *open_new(const char *uri, table **t)
{
    pw_options o;
    t_options(&o, NULL, true, 256ull << 20);
    o.log = t_log_capture;
    pw_world *w;
    REQUIRE(t_open(uri, &o, &w) == 0);
    *t = t_root_table(w, sizeof **t, TMAGIC);
    return w;
}

/* Snapshots until one succeeds (the engine reconnecting, or the program
 * having freed enough), for up to 30 s; returns the last result. */
static int snapshot_soon(pw_world *w)
{
    uint64_t deadline = hal_now_mono_ns() + 30000000000ull;
    int rc;
    while ((rc = pw_snapshot(w, true)) != 0 && hal_now_mono_ns() < deadline)
        hal_sleep_ns(100000000);
    return rc;
}

static void server_goes_away(const char *dir, uint64_t seed)
{
    t_nbdkit k;
    t_nbdkit_serve_file(&k, dir, 128ull << 20, false);
    table *t;
    pw_world *w = open_new(k.uri, &t);
    t->big = pw_alloc(w, BIG_PAGES * 4096ull);
    REQUIRE(t->big);
    fill(t, 1);
    REQUIRE(pw_snapshot(w, true) == 0);
    uint64_t durable_round = 1, abandoned = 0;
    int rounds = 4;
    for (int r = 2; r < 2 + rounds; r++) {
        fill(t, (uint64_t)r);
        killer kl = {&k, 1000 + t_rand(&seed) % 40000};
        pthread_t th;
        REQUIRE(pthread_create(&th, NULL, kill_later, &kl) == 0);
        t_log_reset();
        int rc = pw_snapshot(w, true);
        pthread_join(th, NULL);
        printf("round %d: server killed after %llu us; the snapshot %s\n", r,
               (unsigned long long)kl.delay_us, rc ? "was abandoned" : "had committed");
        fflush(stdout);
        if (rc == 0) {
            durable_round = (uint64_t)r;
        } else {
            abandoned++;
            CHECK(strstr(t_logbuf, "snapshot failed") != NULL);
            CHECK(strstr(t_logbuf, "is intact") != NULL);
            /* another attempt while the server is down fails too */
            CHECK(pw_snapshot(w, true) != 0);
        }
        /* the world keeps running: the program writes while the server is down */
        fill(t, (uint64_t)r + 100);
        fill(t, (uint64_t)r);
        t_nbdkit_serve_again(&k);
        /* the engine reconnects (within its backoff, at most 5 s) */
        rc = snapshot_soon(w);
        CHECK(rc == 0);
        if (rc == 0)
            durable_round = (uint64_t)r;
    }
    printf("%llu of %d snapshots abandoned when the server died\n", (unsigned long long)abandoned,
           rounds);
    CHECK(durable_round == (uint64_t)(1 + rounds));
    pw_close(w, false);

    /* a later boot over NBD holds the last durable round */
    pw_options o;
    t_options(&o, NULL, false, 0);
    o.log = t_log_capture;
    t_log_reset();
    REQUIRE(t_open(k.uri, &o, &w) == 0);
    t = pw_root(w);
    REQUIRE(t && t->magic == TMAGIC);
    CHECK(holds(t, durable_round));
    CHECK(!t_log_error_seen);
    pw_close(w, false);
    pw_fsck_result fr;
    pw_error err;
    CHECK(pw_fsck(k.uri, NULL, &fr, NULL, NULL, &err) == 0);
    t_nbdkit_kill(&k);
}

static void export_full(const char *dir)
{
    const char *args[] = {"memory", "24M", NULL};
    t_nbdkit k;
    t_nbdkit_start(&k, dir, args);
    table *t;
    pw_world *w = open_new(k.uri, &t);
    REQUIRE(pw_snapshot(w, true) == 0);
    uint64_t *big = pw_alloc(w, 40ull << 20);
    REQUIRE(big);
    for (uint64_t i = 0; i < (40ull << 20) / 8; i += 512)
        big[i] = i + 1;
    t->big = big;
    t_log_reset();
    int rc = pw_snapshot(w, true);
    CHECK(rc == -ENOSPC);
    CHECK(strstr(t_logbuf, k.uri) != NULL);
    CHECK(strstr(t_logbuf, "snapshot failed") != NULL);
    printf("full export: %s", t_logbuf);
    /* the world runs on; once the program lets go of the data it fits */
    t->big = NULL;
    pw_free(w, big);
    t->round = 7;
    CHECK(snapshot_soon(w) == 0);
    pw_close(w, false);
    pw_options o;
    t_options(&o, NULL, false, 0);
    REQUIRE(t_open(k.uri, &o, &w) == 0);
    t = pw_root(w);
    CHECK(t && t->round == 7);
    pw_close(w, false);
    t_nbdkit_kill(&k);
}

/* pw_open(uri) must fail with a message naming uri and containing what. */
static void refused(const char *uri, const char *what)
{
    pw_options o;
    t_options(&o, NULL, true, 0);
    pw_world *w = NULL;
    pw_error err;
    int rc = pw_open(uri, &o, &w, &err);
    CHECK(rc < 0 && w == NULL);
    bool ok = strstr(err.msg, uri) && strstr(err.msg, what);
    if (!ok)
        fprintf(stderr, "opening %s: \"%s\", expected \"%s\"\n", uri, err.msg, what);
    CHECK(ok);
}

static void uri_errors(const char *dir)
{
    char uri[400];
    snprintf(uri, sizeof uri, "nbd+unix:///?socket=%s/nobody.sock", dir);
    refused(uri, "cannot connect to the NBD server");
    refused("nbd+unix:///", "cannot parse socket parameter");
    /* a TCP port nobody listens on: one just bound and closed */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof sa;
    REQUIRE(fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
            getsockname(fd, (struct sockaddr *)&sa, &len) == 0);
    close(fd);
    snprintf(uri, sizeof uri, "nbd://127.0.0.1:%u/x", (unsigned)ntohs(sa.sin_port));
    refused(uri, "cannot connect to the NBD server");
    const char *args[] = {"--readonly", "memory", "4M", NULL};
    t_nbdkit k;
    t_nbdkit_start(&k, dir, args);
    refused(k.uri, "read-only");
    t_nbdkit_kill(&k);
}

int main(void)
{
    if (!t_nbdkit_usable("nbd_server"))
        return 0;
    uint64_t seed = t_seed("nbd_server");
    char dir[] = "/tmp/phantom-nbd-XXXXXX";
    REQUIRE(mkdtemp(dir) != NULL);
    uri_errors(dir);
    export_full(dir);
    t_load_start(2);
    server_goes_away(dir, seed);
    t_load_stop();
    t_remove_dir(dir);
    return test_done("nbd_server");
}
