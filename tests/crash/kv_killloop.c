/*
 * kv_killloop.c - output commit under kill -9, end to end: HTTP clients
 * drive examples/kv_server.ph with increments on several keys over
 * keep-alive connections while the server is killed with SIGKILL at random
 * moments, beside competing CPU load, and booted again (`phantom boot`).
 *
 * Each connection owns two keys (no other connection touches them) and
 * also increments one key shared by all.  The invariants:
 *  - an owned key's replies within one life of the server are exactly
 *    one more than the last value acknowledged (read or incremented);
 *  - after a boot, an owned key holds at least its last acknowledged value
 *    and at most that plus the one increment left unanswered at the kill
 *    (an unacknowledged increment may or may not be applied): so no
 *    acknowledged increment is lost, none applied twice, none goes back;
 *  - the shared key never acknowledges the same value twice, and after a
 *    boot it is at least the highest value acknowledged before.
 * Replies that reached the client's socket before the kill count as
 * acknowledged: they are read after the kill and checked the same way.
 *
 * 50 cycles (TORTURE=1: 400; KV_CYCLES=n), each with a random snapshot
 * interval (10, 100 or 1000 ms: output commit asks for its own snapshots)
 * and a random strategy.  Prints SEED; rerun with SEED=.  KV_NOCOMMIT=1
 * runs the server with output commit off, to see the checks catch the
 * acknowledged increments it loses (the test must then fail).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "testlib.h"
#include "killrun.h"
#include "httpc.h"

#define NCONN 4
#define OWNED 2
#define SHARED_MAX 1000000   /* shared values tracked; far above what a run reaches */

typedef struct client {
    hc_conn c;
    int key;          /* the key of the request outstanding: 0..OWNED-1, OWNED for shared, -1 none */
} client;

static char phantom[512], img[600], portarg[16];
static int port;
static uint64_t rng;
static long owned[NCONN][OWNED];      /* the last acknowledged value of each owned key */
static bool unanswered[NCONN][OWNED]; /* an increment left unanswered at the last kill */
static uint8_t *shared_seen;          /* shared values acknowledged by an increment */
static long shared_max;               /* the highest shared value acknowledged (or read) */
static long shared_sent;              /* shared increments ever sent: the most it can be */
static long acks, kills;

static void key_path(char *out, size_t cap, int conn, int key, const char *suffix)
{
    if (key == OWNED)
        snprintf(out, cap, "/kv/shared%s", suffix);
    else
        snprintf(out, cap, "/kv/c%d-%d%s", conn, key, suffix);
}

/* Sends the next increment on connection i, on a random key. */
static bool send_incr(client *cl, int i)
{
    char path[64];
    cl->key = t_rand(&rng) % 10 < 3 ? OWNED : (int)(t_rand(&rng) % OWNED);
    key_path(path, sizeof path, i, cl->key, "/incr");
    if (cl->key == OWNED)
        shared_sent++;
    return hc_send(cl->c.fd, "POST", path, "");
}

/* Checks one acknowledged increment of connection i. */
static void acknowledged(client *cl, int i, const hc_reply *r)
{
    char body[32];
    size_t n = r->body_len < sizeof body - 1 ? r->body_len : sizeof body - 1;
    memcpy(body, r->body, n);
    body[n] = 0;
    long v = atol(body);
    CHECK(r->status == 200);
    if (cl->key == OWNED) {
        CHECK(v > 0 && v < SHARED_MAX);
        if (v > 0 && v < SHARED_MAX) {
            if (shared_seen[v])
                printf("kv_killloop: shared value %ld acknowledged twice\n", v);
            CHECK(!shared_seen[v]);
            shared_seen[v] = 1;
            if (v > shared_max)
                shared_max = v;
        }
    } else {
        if (v != owned[i][cl->key] + 1)
            printf("kv_killloop: c%d-%d acknowledged %ld after %ld\n", i, cl->key, v, owned[i][cl->key]);
        CHECK(v == owned[i][cl->key] + 1);
        owned[i][cl->key] = v;
    }
    acks++;
    cl->key = -1;
}

/* Parses every whole reply buffered on cl; false on a reply it cannot read. */
static bool take_replies(client *cl, int i)
{
    for (;;) {
        hc_reply r;
        long used = hc_parse(cl->c.buf, cl->c.len, &r);
        if (used <= 0)
            return used == 0;
        if (cl->key < 0)
            return false;   /* a reply nothing asked for */
        acknowledged(cl, i, &r);
        memmove(cl->c.buf, cl->c.buf + used, cl->c.len - (size_t)used);
        cl->c.len -= (size_t)used;
    }
}

/* The value of a key read with GET (0 if absent), or -1. */
static long read_key(hc_conn *c, int conn, int key)
{
    char path[64], body[64];
    key_path(path, sizeof path, conn, key, "");
    int st = hc_call(c, "GET", path, NULL, body, sizeof body, 60000);
    if (st == 404)
        return 0;
    return st == 200 ? atol(body) : -1;
}

/* After a boot: every key holds what the invariants allow; the values read
 * become the new baseline (a reply to a GET is acknowledged state too). */
static void verify(hc_conn *c)
{
    for (int i = 0; i < NCONN; i++)
        for (int k = 0; k < OWNED; k++) {
            long v = read_key(c, i, k), want = owned[i][k];
            if (v < want || v > want + unanswered[i][k])
                printf("kv_killloop: c%d-%d is %ld after boot; acknowledged %ld, %d unanswered\n", i, k, v, want,
                       unanswered[i][k]);
            CHECK(v >= want && v <= want + unanswered[i][k]);
            owned[i][k] = v;
            unanswered[i][k] = false;
        }
    long s = read_key(c, 0, OWNED);
    if (s < shared_max || s > shared_sent)
        printf("kv_killloop: shared is %ld after boot; acknowledged up to %ld, %ld sent\n", s, shared_max, shared_sent);
    CHECK(s >= shared_max && s <= shared_sent);
    shared_max = s;
}

/* One life of the server: boots (or first runs) it, checks what it holds,
 * drives increments for a random time, kills it, and takes the replies
 * that arrived before the kill. */
static void cycle(int n)
{
    static const char *const intervals[] = {"10", "100", "1000"};
    static const char *const strategies[] = {"uffd", "mprotect"};
    char *interval = (char *)intervals[t_rand(&rng) % 3];
    char *strategy = (char *)strategies[t_rand(&rng) % 2];
    char nocommit[] = "nocommit";
    char *run[] = {phantom, "run", "--image", img, "--snapshot-interval", interval, "--strategy", strategy,
                   "examples/kv_server.ph", "--", portarg, getenv("KV_NOCOMMIT") ? nocommit : NULL, NULL};
    char *boot[] = {phantom, "boot", "--image", img, "--snapshot-interval", interval, "--strategy", strategy, NULL};
    pid_t pid = hc_spawn(n ? boot : run, NULL);
    REQUIRE(pid > 0);
    client cl[NCONN];
    for (int i = 0; i < NCONN; i++) {
        cl[i].c.fd = hc_dial(port, 60000);
        cl[i].c.len = 0;
        cl[i].key = -1;
        REQUIRE(cl[i].c.fd >= 0);
    }
    if (n) {
        verify(&cl[0].c);
    } else {
        /* a reply means a durable snapshot holds the listening server:
         * from here on a kill leaves a world to boot */
        char body[64];
        CHECK(hc_call(&cl[0].c, "GET", "/kv", NULL, body, sizeof body, 60000) == 200);
    }
    for (int i = 0; i < NCONN; i++)
        CHECK(send_incr(&cl[i], i));
    uint64_t end = hc_now_us() + 1000u * (t_rand(&rng) % 400);
    while (hc_now_us() < end && !t_failures) {
        struct pollfd pf[NCONN];
        for (int i = 0; i < NCONN; i++)
            pf[i] = (struct pollfd){cl[i].c.fd, POLLIN, 0};
        uint64_t now = hc_now_us();
        if (poll(pf, NCONN, now >= end ? 0 : (int)((end - now) / 1000) + 1) <= 0)
            continue;
        for (int i = 0; i < NCONN; i++) {
            if (!(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t got = recv(cl[i].c.fd, cl[i].c.buf + cl[i].c.len, sizeof cl[i].c.buf - cl[i].c.len, 0);
            CHECK(got > 0);   /* the server never closes a keep-alive connection by itself */
            if (got <= 0)
                break;
            cl[i].c.len += (size_t)got;
            bool was_waiting = cl[i].key >= 0;
            CHECK(take_replies(&cl[i], i));
            if (was_waiting && cl[i].key < 0)
                CHECK(send_incr(&cl[i], i));
        }
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    kills++;
    /* what reached this side before the kill was acknowledged */
    for (int i = 0; i < NCONN; i++) {
        for (;;) {
            ssize_t got = recv(cl[i].c.fd, cl[i].c.buf + cl[i].c.len, sizeof cl[i].c.buf - cl[i].c.len, MSG_DONTWAIT);
            if (got <= 0)
                break;
            cl[i].c.len += (size_t)got;
        }
        CHECK(take_replies(&cl[i], i));
        if (cl[i].key >= 0 && cl[i].key < OWNED)
            unanswered[i][cl[i].key] = true;
        close(cl[i].c.fd);
    }
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    rng = t_seed("kv_killloop");
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    char dir[] = "/tmp/phantom-kvkill-XXXXXX";
    REQUIRE(mkdtemp(dir));
    snprintf(img, sizeof img, "%s/kv.img", dir);
    port = hc_free_port();
    REQUIRE(port > 0);
    snprintf(portarg, sizeof portarg, "%d", port);
    shared_seen = calloc(SHARED_MAX, 1);
    REQUIRE(shared_seen);
    int cycles = getenv("KV_CYCLES") ? atoi(getenv("KV_CYCLES")) : getenv("TORTURE") ? 400 : 50;
    t_load_start(2);
    uint64_t t0 = hc_now_us();
    for (int n = 0; n < cycles && !t_failures; n++)
        cycle(n);
    /* a last boot: everything acknowledged is there */
    char *boot[] = {phantom, "boot", "--image", img, NULL};
    pid_t pid = hc_spawn(boot, NULL);
    hc_conn c = {.fd = hc_dial(port, 60000)};
    REQUIRE(c.fd >= 0);
    verify(&c);
    close(c.fd);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    t_load_stop();
    CHECK(acks >= kills);   /* the server made progress between the kills */
    printf("kv_killloop: %ld kills in %.1f s, %ld increments acknowledged, shared key at %ld; "
           "none lost, none twice, none back\n",
           kills, (double)(hc_now_us() - t0) / 1e6, acks, shared_max);
    free(shared_seen);
    t_remove_dir(dir);
    return test_done("kv_killloop");
}
