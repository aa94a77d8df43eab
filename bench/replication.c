/*
 * replication.c - what a continuous replica costs (issue 21 item 2):
 * the lag of the replica behind the image, and the bytes shipped per
 * snapshot against the bytes the program dirtied, for a replica in a local
 * file and one behind a replica-server over TCP (loopback, in this
 * process: pw_replica_serve on a thread), next to the same world without
 * a replica, in one run.
 *
 *   replication DIR MIB N ROUNDS
 *
 * Each round (modes in rotated order) makes a world of MIB MiB of written
 * pages in DIR, with no replica, a file replica, or a TCP one; waits until
 * the replica is level (the initial copy: time and bytes); then for 1% and
 * 10% of the pages: N times dirty that many random pages, take a snapshot
 * and wait for it.  With a replica, the snapshot thread ships each
 * snapshot as it commits and pw_snapshot returns once the replica has it,
 * so "to level replica" is request to replica ack, and the lag is that
 * minus the image's own request-to-durable time.  Over TCP, the server is
 * then stopped for 10 such snapshots and started again: the catch-up's
 * bytes against a rebuild's.  Output: markdown rows, medians over rounds.
 */
#define _GNU_SOURCE
#include "../src/persist/pw.h"
#include "bench_util.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>

#define MiB (1ull << 20)
#define MAXN 64
#define MAXR 16

enum { M_NONE, M_FILE, M_TCP, NMODES };
static const char *mode_name[NMODES] = {"no replica", "file replica", "TCP replica (loopback)"};

typedef struct server {
    pthread_t t;
    pw_replica_server_options o;
    _Atomic bool stop;
    _Atomic unsigned port;
    char listen[32], image[300], key[300];
} server;

static void on_ready(void *ctx, const char *addr, unsigned port)
{
    (void)addr;
    atomic_store(&((server *)ctx)->port, port);
}

static void *serve(void *arg)
{
    server *s = arg;
    pw_error err;
    if (pw_replica_serve(&s->o, &err))
        fprintf(stderr, "bench: replica-server: %s\n", err.msg);
    return NULL;
}

static void server_start(server *s)
{
    atomic_store(&s->stop, false);
    atomic_store(&s->port, 0);
    s->o = (pw_replica_server_options){.listen = s->listen, .image = s->image, .key_file = s->key,
                                       .log = NULL, .log_ctx = s, .ready = on_ready, .stop = &s->stop};
    if (pthread_create(&s->t, NULL, serve, s))
        bu_die("thread");
    while (!atomic_load(&s->port))
        usleep(1000);
    snprintf(s->listen, sizeof s->listen, "127.0.0.1:%u", atomic_load(&s->port)); /* a restart: the same port */
}

static void server_stop(server *s)
{
    atomic_store(&s->stop, true);
    pthread_join(s->t, NULL);
}

static void quiet(void *ctx, int level, const char *msg)
{
    (void)ctx;
    if (level == PW_LOG_ERROR && !strstr(msg, "replica"))
        fprintf(stderr, "bench: %s\n", msg);
}

static pw_world *open_world(const char *img, const char *replica, const char *key, uint64_t mib)
{
    pw_options o;
    pw_options_default(&o);
    o.replica = replica;
    o.replica_key = key;
    o.log = quiet;
    return bu_open_world_with(img, mib, &o);
}

static void wait_level(pw_world *w, pw_stats *st)
{
    for (;;) {
        pw_stats_get(w, st);
        if (st->replica_synced && st->replica_generation == st->generation)
            return;
        pw_blocking_begin(w);
        usleep(1000);
        pw_blocking_end(w);
    }
}

/* Medians per mode and dirty fraction. */
static double to_image[NMODES][2][MAXR], to_level[NMODES][2][MAXR], shipped[NMODES][2][MAXR],
    written[NMODES][2][MAXR];
static double init_s[NMODES][MAXR], init_mib[NMODES][MAXR], catchup_mib[MAXR], catchup_dirty_mib[MAXR];

static void run(int mode, int round, const char *dir, uint64_t mib, int n, server *srv)
{
    char img[300], rep[300], key[300];
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(rep, sizeof rep, "%s/r.img", dir);
    snprintf(key, sizeof key, "%s/key", dir);
    unlink(rep);
    char uri[64] = "";
    if (mode == M_TCP) {
        unlink(srv->image);
        snprintf(srv->listen, sizeof srv->listen, "127.0.0.1:0");
        server_start(srv);
        snprintf(uri, sizeof uri, "tcp://127.0.0.1:%u", atomic_load(&srv->port));
    }
    pw_world *w = open_world(img, mode == M_NONE ? NULL : mode == M_FILE ? rep : uri, mode == M_TCP ? key : NULL, mib);
    uint64_t npages = mib * MiB / 4096;
    uint8_t *p = pw_alloc_pages(w, npages);
    if (!p)
        bu_die("out of memory");
    for (uint64_t i = 0; i < npages; i++)
        p[i * 4096] = 1;
    pw_stats a, b;
    pw_stats_get(w, &a);
    uint64_t t0 = bu_now_ns();
    if (pw_snapshot(w, true))
        bu_die("snapshot failed");
    if (mode != M_NONE)
        wait_level(w, &b);
    else
        pw_stats_get(w, &b);
    init_s[mode][round] = (double)(bu_now_ns() - t0) / 1e9;
    init_mib[mode][round] = (double)(b.replica_bytes_shipped - a.replica_bytes_shipped) / MiB;
    uint64_t rng = 0x5eed + (uint64_t)round;
    static const double frac[2] = {0.01, 0.10};
    for (int f = 0; f < 2; f++) {
        double img_ns[MAXN], lvl_ns[MAXN], ship_b[MAXN], wr_b[MAXN];
        uint64_t dirty = (uint64_t)((double)npages * frac[f]);
        for (int k = 0; k < n; k++) {
            for (uint64_t d = 0; d < dirty; d++)
                p[bu_rand(&rng) % npages * 4096 + 8] = (uint8_t)k;
            pw_stats_get(w, &a);
            t0 = bu_now_ns();
            if (pw_snapshot(w, true))
                bu_die("snapshot failed");
            uint64_t t1 = bu_now_ns();
            pw_stats_get(w, &b);
            lvl_ns[k] = (double)(t1 - t0);
            img_ns[k] = (double)(b.pause_last_ns + b.write_last_ns);
            ship_b[k] = (double)(b.replica_bytes_shipped - a.replica_bytes_shipped) / (double)(dirty * 4096);
            wr_b[k] = (double)(b.bytes_written - a.bytes_written) / (double)(dirty * 4096);
        }
        to_image[mode][f][round] = bu_median_d(img_ns, (size_t)n) / 1e6;
        to_level[mode][f][round] = bu_median_d(lvl_ns, (size_t)n) / 1e6;
        shipped[mode][f][round] = bu_median_d(ship_b, (size_t)n);
        written[mode][f][round] = bu_median_d(wr_b, (size_t)n);
    }
    if (mode == M_TCP) { /* the server away for 10 snapshots of 1% */
        server_stop(srv);
        uint64_t dirty = npages / 100, before = 0;
        for (int k = 0; k < 10; k++) {
            for (uint64_t d = 0; d < dirty; d++)
                p[bu_rand(&rng) % npages * 4096 + 16] = (uint8_t)k;
            if (pw_snapshot(w, true))
                bu_die("snapshot failed");
        }
        pw_stats_get(w, &a);
        before = a.replica_bytes_shipped;
        server_start(srv);
        p[8] = 9; /* the next snapshot finds it behind */
        if (pw_snapshot(w, true))
            bu_die("snapshot failed");
        wait_level(w, &b);
        catchup_mib[round] = (double)(b.replica_bytes_shipped - before) / MiB;
        catchup_dirty_mib[round] = (double)(10 * dirty * 4096) / MiB;
    }
    pw_close(w, false);
    if (mode == M_TCP)
        server_stop(srv);
    unlink(img);
    unlink(rep);
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s DIR MIB N ROUNDS\n", argv[0]);
        return 2;
    }
    const char *dir = argv[1];
    uint64_t mib = strtoull(argv[2], NULL, 10);
    int n = atoi(argv[3]), rounds = atoi(argv[4]);
    n = n < 1 ? 1 : n > MAXN ? MAXN : n;
    rounds = rounds < 1 ? 1 : rounds > MAXR ? MAXR : rounds;
    static server srv;
    snprintf(srv.image, sizeof srv.image, "%s/srv.img", dir);
    snprintf(srv.key, sizeof srv.key, "%s/key", dir);
    int fd = open(srv.key, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, "bench-replication-key-0123456789\n", 33) != 33 || close(fd))
        bu_die("key file");
    for (int r = 0; r < rounds; r++) {
        for (int m = 0; m < NMODES; m++)
            run((m + r) % NMODES, r, dir, mib, n, &srv);
        fprintf(stderr, "  round %d done\n", r + 1);
    }
    printf("| %llu MiB world | initial copy | 1%%: to durable image | to level replica | lag | shipped / dirtied | "
           "image written / dirtied | 10%%: to durable image | to level replica | lag | shipped / dirtied | "
           "image written / dirtied |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n",
           (unsigned long long)mib);
    for (int m = 0; m < NMODES; m++) {
        printf("| %s | ", mode_name[m]);
        if (m == M_NONE)
            printf("- |");
        else
            printf("%.2f s, %.1f MiB |", bu_median_d(init_s[m], (size_t)rounds),
                   bu_median_d(init_mib[m], (size_t)rounds));
        for (int f = 0; f < 2; f++) {
            double ti = bu_median_d(to_image[m][f], (size_t)rounds), tl = bu_median_d(to_level[m][f], (size_t)rounds);
            if (m == M_NONE)
                printf(" %.1f ms | - | - | - | %.2f |", ti, bu_median_d(written[m][f], (size_t)rounds));
            else
                printf(" %.1f ms | %.1f ms | %.1f ms | %.2f | %.2f |", ti, tl, tl - ti,
                       bu_median_d(shipped[m][f], (size_t)rounds), bu_median_d(written[m][f], (size_t)rounds));
        }
        printf("\n");
    }
    printf("\nTCP replica away for 10 snapshots of 1%%: caught up with %.1f MiB (%.1f MiB dirtied meanwhile; a "
           "rebuild ships %.1f MiB)\n",
           bu_median_d(catchup_mib, (size_t)rounds), bu_median_d(catchup_dirty_mib, (size_t)rounds),
           bu_median_d(init_mib[M_TCP], (size_t)rounds));
    return 0;
}
