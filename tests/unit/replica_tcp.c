/*
 * replica_tcp.c - replicas over TCP (--replica tcp://HOST:PORT and
 * `phantom replica-server`, docs/STORAGE.md "Replicas over TCP"):
 *   - a wrong key is refused both ways, and a key file others may read is
 *     refused; the server's image is not written;
 *   - the replica is level after each snapshot and boots into the same
 *     content (once the server is stopped);
 *   - blocks damaged in transit (a proxy flips a byte of BLOCK frames) are
 *     refused by the server and sent again; a block whose MAC is right but
 *     whose CRC-32C is not (a raw client) is asked for again, and a root
 *     that is not valid is refused;
 *   - the server killed mid-stream (kill -9) leaves a valid image; restarted
 *     on the same port the world reconnects and catches up; restarted with
 *     an empty image, the replica is rebuilt from scratch in the background;
 *   - --replica-sync: output commit's durable generation waits for the
 *     replica while the server is down, and catches up when it is back.
 * Ports: the server listens on port 0; a restart takes the port it had.
 * RT_DEBUG=1 shows the engine's messages (the replica's retries).
 */
#define _GNU_SOURCE
#include "../../src/persist/replica_proto.h"
#include "../../src/util/crc32c.h"
#include "testlib.h"
#include "replsrv.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>

#define TMAGIC 0x54435052ull
#define PAGES 96u

static char dir[] = "/tmp/phantom-replica-tcp-XXXXXX";

static pw_world *open_world(const char *img, const char *uri, const char *key, bool sync, pw_error *err)
{
    pw_options o;
    t_options(&o, NULL, true, 64ull << 20);
    o.replica = uri;
    o.replica_key = key;
    o.replica_sync = sync;
    o.log = getenv("RT_DEBUG") ? NULL : t_log_capture;
    o.log_level = getenv("RT_DEBUG") ? PW_LOG_INFO : o.log_level;
    pw_world *w = NULL;
    pw_open(img, &o, &w, err);
    return w;
}

/* Sleeps outside the world: snapshots need not wait for this thread. */
static void nap(pw_world *w, unsigned us)
{
    pw_blocking_begin(w);
    usleep(us);
    pw_blocking_end(w);
}

/* Waits (up to seconds) until the replica is level with the image. */
static bool wait_level(pw_world *w, pw_stats *st, int seconds)
{
    for (int i = 0; i < seconds * 100; i++) {
        pw_stats_get(w, st);
        if (st->replica_synced && st->replica_generation == st->generation)
            return true;
        nap(w, 10000);
    }
    return false;
}

static void dirty(uint64_t *t, uint64_t round)
{
    for (unsigned p = 1; p < PAGES; p++)
        t[p * 512] = round * 1000 + p;
}

/* The content a world at round holds: checked in the replica. */
static bool holds_round(const char *img, uint64_t round)
{
    pw_options o;
    t_options(&o, NULL, false, 0);
    pw_world *w;
    if (t_open(img, &o, &w))
        return false;
    uint64_t *t = pw_root(w);
    bool ok = t && t[0] == TMAGIC;
    for (unsigned p = 1; ok && p < PAGES; p++)
        ok = t[p * 512] == round * 1000 + p;
    pw_close(w, false);
    pw_fsck_result fr;
    pw_error err;
    return ok && pw_fsck(img, NULL, &fr, NULL, NULL, &err) == 0;
}

static uint64_t newest(const char *img)
{
    pw_image_info in;
    pw_error err;
    if (pw_image_info_read(img, &in, &err) || in.newest < 0)
        return 0;
    return in.slot[in.newest].generation;
}

/* ---- a proxy that damages BLOCK frames from client to server ------------------------ */

typedef struct proxy {
    int listener;
    unsigned port, to_port;
    int damage_left;          /* BLOCK frames still to damage */
    int damaged;
} proxy;

static bool read_full(int fd, void *buf, size_t n)
{
    uint8_t *p = buf;
    while (n) {
        ssize_t k = read(fd, p, n);
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

static bool write_full(int fd, const void *buf, size_t n)
{
    const uint8_t *p = buf;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

typedef struct pipe_args { proxy *px; int from, to; } pipe_args;

static void *server_to_client(void *arg)
{
    pipe_args *a = arg;
    uint8_t buf[8192];
    ssize_t k;
    while ((k = read(a->from, buf, sizeof buf)) > 0 && write_full(a->to, buf, (size_t)k)) {
    }
    shutdown(a->to, SHUT_RDWR);
    shutdown(a->from, SHUT_RDWR);
    return NULL;
}

/* Frame by frame: HELLO and AUTH carry no MAC, every later frame does. */
static void client_to_server(proxy *px, int from, int to)
{
    static uint8_t buf[PR_HEADER + PR_MAX_PAYLOAD + PR_MAC];
    for (unsigned frame = 0;; frame++) {
        if (!read_full(from, buf, PR_HEADER))
            break;
        uint32_t len;
        memcpy(&len, buf + 8, 4);
        size_t rest = len + (frame >= 2 ? PR_MAC : 0);
        if (len > PR_MAX_PAYLOAD || !read_full(from, buf + PR_HEADER, rest))
            break;
        if (buf[4] == PR_BLOCK && px->damage_left > 0 && frame % 7 == 3) {
            buf[PR_HEADER + sizeof(pr_block_head) + 100] ^= 0x40;
            px->damage_left--;
            px->damaged++;
        }
        if (!write_full(to, buf, PR_HEADER + rest))
            break;
    }
    shutdown(to, SHUT_RDWR);
    shutdown(from, SHUT_RDWR);
}

static void *proxy_thread(void *arg)
{
    proxy *px = arg;
    for (;;) {
        int c = accept(px->listener, NULL, NULL);
        if (c < 0)
            return NULL;
        int s = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)px->to_port)};
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(s, (struct sockaddr *)&a, sizeof a) == 0) {
            pipe_args back = {px, s, c};
            pthread_t t;
            pthread_create(&t, NULL, server_to_client, &back);
            client_to_server(px, c, s);
            pthread_join(t, NULL);
        }
        close(s);
        close(c);
    }
}

static void proxy_start(proxy *px, unsigned to_port, pthread_t *t)
{
    px->listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t al = sizeof a;
    REQUIRE(bind(px->listener, (struct sockaddr *)&a, sizeof a) == 0 && listen(px->listener, 4) == 0);
    REQUIRE(getsockname(px->listener, (struct sockaddr *)&a, &al) == 0);
    px->port = ntohs(a.sin_port);
    px->to_port = to_port;
    REQUIRE(pthread_create(t, NULL, proxy_thread, px) == 0);
}

/* ---- a raw client: a block whose MAC is right and CRC wrong ----------------------- */

static void raw_client(const t_replsrv *s, const char *key)
{
    uint8_t *k;
    size_t klen;
    pw_error err;
    REQUIRE(pr_key_load(key, &k, &klen, &err) == 0);
    pr_conn c = {0};
    REQUIRE(pr_connect(s->uri, 5000, &c.s, &err) == 0);
    REQUIRE(pr_client_handshake(&c, k, klen, &err) == 0);
    pr_frame *f = malloc(sizeof *f);
    REQUIRE(f && pr_recv(&c, f, 5000) == 0 && f->type == PR_STATE && f->mac_ok);
    pr_begin b = {1, 0, 16, {7, 7}, 0};
    REQUIRE(pr_send(&c, PR_BEGIN, &b, sizeof b, NULL, 0) == 0);
    uint8_t data[PW_BLOCK_SIZE];
    memset(data, 0x5a, sizeof data);
    pr_block_head bad = {2, crc32c(0, data, sizeof data) ^ 1, 0}, good = {3, crc32c(0, data, sizeof data), 0};
    REQUIRE(pr_send(&c, PR_BLOCK, &bad, sizeof bad, data, sizeof data) == 0);
    REQUIRE(pr_send(&c, PR_BLOCK, &good, sizeof good, data, sizeof data) == 0);
    uint8_t sector[PW_ROOT_SECTOR] = "not a root";
    REQUIRE(pr_send(&c, PR_COMMIT, sector, sizeof sector, NULL, 0) == 0);
    REQUIRE(pr_recv(&c, f, 5000) == 0);
    const pr_resend *rs = (const pr_resend *)(const void *)f->payload;
    CHECK(f->type == PR_RESEND && f->mac_ok && rs->n == 1 && rs->b[0].block == 2);
    /* the block again, intact: then the root is checked, and refused */
    bad.crc ^= 1;
    REQUIRE(pr_send(&c, PR_BLOCK, &bad, sizeof bad, data, sizeof data) == 0);
    REQUIRE(pr_send(&c, PR_COMMIT, sector, sizeof sector, NULL, 0) == 0);
    REQUIRE(pr_recv(&c, f, 5000) == 0);
    CHECK(f->type == PR_ERROR && strstr((const char *)f->payload, "not valid"));
    hal_net_close(c.s);
    free(f);
    pr_wipe(k, klen);
    free(k);
}

int main(void)
{
    REQUIRE(mkdtemp(dir) != NULL);
    char img[300], rep[300], rep2[300], key[300], other[300], loose[300], errf[300], raw[300];
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(rep, sizeof rep, "%s/r.img", dir);
    snprintf(rep2, sizeof rep2, "%s/r2.img", dir);
    snprintf(raw, sizeof raw, "%s/raw.img", dir);
    snprintf(key, sizeof key, "%s/key", dir);
    snprintf(other, sizeof other, "%s/other.key", dir);
    snprintf(loose, sizeof loose, "%s/loose.key", dir);
    snprintf(errf, sizeof errf, "%s/server.err", dir);
    uint64_t rng = 0x7265706c;
    t_key_file(key, 0600, &rng);
    t_key_file(other, 0600, &rng);
    t_key_file(loose, 0644, &rng);
    pw_error err;
    pw_stats st;
    t_replsrv s;
    REQUIRE(t_replsrv_start(&s, rep, key, 0, errf));

    /* wrong keys: refused both ways; a loose key file is refused */
    pw_world *w = open_world(img, s.uri, other, false, &err);
    CHECK(w == NULL && strstr(err.msg, "key"));
    w = open_world(img, s.uri, loose, false, &err);
    CHECK(w == NULL && strstr(err.msg, "chmod 600"));
    w = open_world(img, s.uri, NULL, false, &err);
    CHECK(w == NULL && strstr(err.msg, "--replica-key"));
    CHECK(newest(rep) == 0);
    printf("  ok wrong keys refused\n");

    /* level after every snapshot, through a proxy that damages blocks */
    proxy px = {.damage_left = 6};
    pthread_t pt;
    proxy_start(&px, s.port, &pt);
    char via[64];
    snprintf(via, sizeof via, "tcp://127.0.0.1:%u", px.port);
    w = open_world(img, via, key, false, &err);
    REQUIRE(w);
    uint64_t *t = t_root_table(w, PAGES * 4096, TMAGIC);
    uint64_t round;
    for (round = 1; round <= 6; round++) {
        dirty(t, round);
        REQUIRE(pw_snapshot(w, true) == 0);
        CHECK(wait_level(w, &st, 20));
    }
    CHECK(px.damaged > 0 && st.replica_resent > 0);
    CHECK(t_replsrv_said(&s, "arrived damaged"));
    printf("  ok level after each snapshot; %d blocks damaged in transit, %llu sent again\n", px.damaged,
           (unsigned long long)st.replica_resent);
    pw_close(w, false);
    round--;
    t_replsrv_kill(&s);
    CHECK(holds_round(rep, round));
    printf("  ok the replica boots into the same content\n");

    /* a raw client: CRC-32C checked against the block, roots checked */
    t_replsrv raws;
    REQUIRE(t_replsrv_start(&raws, raw, key, 0, errf));
    raw_client(&raws, key);
    t_replsrv_kill(&raws);
    CHECK(newest(raw) == 0);
    printf("  ok a block with a wrong CRC-32C is asked again; a bad root is refused\n");

    /* the server killed mid-stream, restarted on its port: catches up */
    unsigned port = s.port;
    REQUIRE(t_replsrv_start(&s, rep, key, port, errf));
    w = open_world(img, s.uri, key, false, &err);
    REQUIRE(w);
    t = pw_root(w);
    CHECK(wait_level(w, &st, 10));
    pw_set_interval(w, 20);
    for (int k = 0; k < 3; k++) {
        dirty(t, ++round);
        nap(w, 30000 + 20000 * k);
        t_replsrv_kill(&s);
        uint64_t g = newest(rep);
        CHECK(g != 0);
        pw_stats_get(w, &st);
        CHECK(g + 1 >= st.generation || !st.replica_synced);
        REQUIRE(t_replsrv_start(&s, rep, key, port, errf));
        CHECK(wait_level(w, &st, 20));
    }
    printf("  ok killed mid-stream three times: valid each time, then level again\n");

    /* restarted with an empty image: rebuilt from scratch in the background */
    uint64_t rebuilds = st.replica_rebuilds;
    t_replsrv_kill(&s);
    REQUIRE(t_replsrv_start(&s, rep2, key, port, errf));
    dirty(t, ++round); /* the next snapshot finds the replica lost */
    for (int i = 0; i < 2000 && st.replica_rebuilds == rebuilds; i++) {
        nap(w, 10000);
        pw_stats_get(w, &st);
    }
    CHECK(st.replica_rebuilds > rebuilds);
    CHECK(wait_level(w, &st, 20));
    pw_set_interval(w, 0);
    pw_close(w, false);
    t_replsrv_kill(&s);
    CHECK(holds_round(rep2, round));
    printf("  ok an empty replica is rebuilt from scratch\n");

    /* --replica-sync: output waits for the replica */
    REQUIRE(t_replsrv_start(&s, rep2, key, port, errf));
    w = open_world(img, s.uri, key, true, &err);
    REQUIRE(w);
    t = pw_root(w);
    CHECK(wait_level(w, &st, 10));
    t_replsrv_kill(&s);
    dirty(t, ++round);
    uint64_t ticket = pw_commit_ticket(w);
    REQUIRE(pw_snapshot(w, true) == 0);
    pw_stats_get(w, &st);
    CHECK(st.generation >= ticket);
    nap(w, 200000);
    CHECK(pw_durable_generation(w) < ticket);
    REQUIRE(t_replsrv_start(&s, rep2, key, port, errf));
    for (int i = 0; i < 2000 && pw_durable_generation(w) < ticket; i++)
        nap(w, 10000);
    CHECK(pw_durable_generation(w) >= ticket);
    CHECK(pw_wait_durable(w, ticket) == 0);
    pw_close(w, false);
    t_replsrv_kill(&s);
    CHECK(holds_round(rep2, round));
    printf("  ok --replica-sync: output waits for the replica\n");

    shutdown(px.listener, SHUT_RDWR);
    close(px.listener);
    pthread_join(pt, NULL);
    t_remove_dir(dir);
    return test_done("replica_tcp");
}
