/*
 * http_load.c - a closed-loop load generator for key-value servers over
 * loopback: N keep-alive connections, each sending one request, waiting for
 * its reply, sending the next, for a fixed time.  It speaks HTTP to
 * examples/kv_server.ph (POST /kv/KEY/incr, PUT /kv/KEY) or, with --resp,
 * the Redis protocol to redis-server (INCR KEY, SET KEY v): the same client
 * loop for both, though the protocols differ (an HTTP request and reply
 * are about 100 bytes each, RESP ones about 30).
 *
 *   http_load [--resp] [--set] [--pid PID] PORT CONNECTIONS SECONDS
 *       prints: requests, seconds, requests/s, p50 and p99 latency in us,
 *       and, with --pid, the server's CPU seconds during the run
 *   http_load [--resp] --kill-after S --acked FILE --pid PID PORT CONNECTIONS SECONDS
 *       connection i increments only its key k<i>; S seconds in, the
 *       server (PID) is killed with SIGKILL; replies that arrived before
 *       the kill count as acknowledged; FILE gets "k<i> VALUE" per key
 *   http_load [--resp] --verify FILE PORT
 *       reads each key back from the restarted server and prints how many
 *       acknowledged increments are missing ("lost L of A")
 *
 * bench/http_bench.sh runs it; results in BENCHMARKS.md.  A measurement,
 * never a test.
 */
#define _GNU_SOURCE
#include <signal.h>

#include "../tests/httpc.h"

typedef struct conn {
    hc_conn io;
    uint64_t sent_us;   /* when the outstanding request was sent */
    long acked;         /* --kill-after: the last value acknowledged for k<i> */
} conn;

static bool resp, set_workload;

/* The request for connection i into out; its length. */
static size_t format_request(char *out, size_t cap, int i)
{
    char key[32];   /* set and incr use separate keys: an incr of a set "v" would fail */
    int klen = snprintf(key, sizeof key, set_workload ? "s%d" : "k%d", i);
    if (resp)
        return (size_t)(set_workload ? snprintf(out, cap, "*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$1\r\nv\r\n", klen, key)
                                     : snprintf(out, cap, "*2\r\n$4\r\nINCR\r\n$%d\r\n%s\r\n", klen, key));
    char path[64];
    snprintf(path, sizeof path, set_workload ? "/kv/%s" : "/kv/%s/incr", key);
    return hc_format(out, cap, set_workload ? "PUT" : "POST", path, set_workload ? "v" : "");
}

/* Parses the RESP reply at the start of buf: bytes taken (0: incomplete,
 * -1: an error reply or not RESP); *value is an integer reply's value or a
 * bulk string's number (-1 for a null bulk string). */
static long parse_resp(const char *buf, size_t len, long *value)
{
    const char *eol = memmem(buf, len, "\r\n", 2);
    if (!eol)
        return 0;
    size_t line = (size_t)(eol - buf) + 2;
    switch (buf[0]) {
    case '+':
        *value = 0;
        return (long)line;
    case ':':
        *value = atol(buf + 1);
        return (long)line;
    case '$': {
        long n = atol(buf + 1);
        if (n < 0) {
            *value = -1;
            return (long)line;
        }
        if (len < line + (size_t)n + 2)
            return 0;
        *value = atol(buf + line);
        return (long)(line + (size_t)n + 2);
    }
    default:
        return -1;
    }
}

/* Takes one reply from c's buffer: bytes taken (0 incomplete, -1 bad);
 * *value as parse_resp (HTTP: the body as a number, -1 for a 404). */
static long take_reply(conn *c, long *value)
{
    long used;
    if (resp) {
        used = parse_resp(c->io.buf, c->io.len, value);
    } else {
        hc_reply r;
        used = hc_parse(c->io.buf, c->io.len, &r);
        if (used > 0) {
            char body[32];
            size_t n = r.body_len < sizeof body - 1 ? r.body_len : sizeof body - 1;
            memcpy(body, r.body, n);
            body[n] = 0;
            *value = r.status == 404 ? -1 : atol(body);
            if (r.status != 200 && r.status != 404)
                used = -1;
        }
    }
    if (used > 0) {
        memmove(c->io.buf, c->io.buf + used, c->io.len - (size_t)used);
        c->io.len -= (size_t)used;
    }
    return used;
}

static bool send_next(conn *c, int i)
{
    char req[256];
    size_t n = format_request(req, sizeof req, i);
    c->sent_us = hc_now_us();
    return hc_write_all(c->io.fd, req, n);
}

/* utime + stime of pid in seconds, or -1. */
static double cpu_seconds(pid_t pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    const char *p = strrchr(buf, ')');
    unsigned long utime, stime;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
        return -1;
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The value of key on the server at port (0 if absent), asked on a new
 * connection; retried for up to 20 s while the server is starting or
 * still loading its data (Redis answers -LOADING meanwhile); -1 if never. */
static long read_value(int port, const char *key)
{
    for (int attempt = 0; attempt < 200; attempt++) {
        conn c = {.io = {.fd = hc_dial(port, 1000)}};
        long value = -2, used = 0;
        if (c.io.fd >= 0) {
            char req[256];
            size_t n = resp ? (size_t)snprintf(req, sizeof req, "*2\r\n$3\r\nGET\r\n$%zu\r\n%s\r\n", strlen(key), key)
                            : (size_t)snprintf(req, sizeof req, "GET /kv/%s HTTP/1.1\r\nHost: x\r\n\r\n", key);
            if (hc_write_all(c.io.fd, req, n)) {
                while ((used = take_reply(&c, &value)) == 0) {
                    struct pollfd pf = {c.io.fd, POLLIN, 0};
                    ssize_t got;
                    if (poll(&pf, 1, 5000) <= 0 ||
                        (got = recv(c.io.fd, c.io.buf + c.io.len, sizeof c.io.buf - c.io.len, 0)) <= 0)
                        break;
                    c.io.len += (size_t)got;
                }
            }
            close(c.io.fd);
        }
        if (used > 0)
            return value < 0 ? 0 : value;
        usleep(100000);
    }
    return -1;
}

/* Reads each "KEY VALUE" of file back; prints what is missing. */
static int verify(const char *file, int port)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        perror(file);
        return 1;
    }
    long lost = 0, acked_total = 0, keys = 0, unreadable = 0;
    char key[32];
    long acked;
    while (fscanf(f, "%31s %ld", key, &acked) == 2) {
        long value = read_value(port, key);
        if (value < 0) {
            unreadable++;
            value = 0;
        }
        lost += acked > value ? acked - value : 0;
        acked_total += acked;
        keys++;
    }
    fclose(f);
    printf("lost %ld of %ld acknowledged increments (%ld keys, %ld unreadable)\n", lost, acked_total, keys, unreadable);
    return 0;
}

int main(int argc, char **argv)
{
    pid_t pid = 0;
    double kill_after = 0;
    const char *acked_file = NULL, *verify_file = NULL;
    int a = 1;
    for (; a < argc && argv[a][0] == '-'; a++) {
        if (!strcmp(argv[a], "--resp"))
            resp = true;
        else if (!strcmp(argv[a], "--set"))
            set_workload = true;
        else if (!strcmp(argv[a], "--pid") && a + 1 < argc)
            pid = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--kill-after") && a + 1 < argc)
            kill_after = atof(argv[++a]);
        else if (!strcmp(argv[a], "--acked") && a + 1 < argc)
            acked_file = argv[++a];
        else if (!strcmp(argv[a], "--verify") && a + 1 < argc)
            verify_file = argv[++a];
        else
            break;
    }
    signal(SIGPIPE, SIG_IGN);
    if (verify_file && a + 1 == argc)
        return verify(verify_file, atoi(argv[a]));
    if (a + 3 != argc || (kill_after > 0 && (!acked_file || pid <= 0))) {
        fprintf(stderr, "usage: http_load [--resp] [--set] [--pid PID] [--kill-after S --acked FILE] PORT CONNECTIONS SECONDS\n"
                        "       http_load [--resp] --verify FILE PORT\n");
        return 2;
    }
    int port = atoi(argv[a]), nconn = atoi(argv[a + 1]);
    double seconds = atof(argv[a + 2]);
    conn *c = calloc((size_t)nconn, sizeof *c);
    struct pollfd *pf = calloc((size_t)nconn, sizeof *pf);
    size_t nlat = 0, cap = 1 << 20;
    uint32_t *lat = malloc(cap * sizeof *lat);
    if (!c || !pf || !lat)
        return 1;
    for (int i = 0; i < nconn; i++) {
        c[i].io.fd = hc_dial(port, 30000);
        if (c[i].io.fd < 0) {
            fprintf(stderr, "http_load: cannot connect to port %d\n", port);
            return 1;
        }
    }
    double cpu0 = pid > 0 ? cpu_seconds(pid) : -1;
    uint64_t t0 = hc_now_us(), end = t0 + (uint64_t)((kill_after > 0 ? kill_after : seconds) * 1e6);
    long errors = 0;
    for (int i = 0; i < nconn; i++)
        if (!send_next(&c[i], i))
            errors++;
    while (hc_now_us() < end) {
        for (int i = 0; i < nconn; i++)
            pf[i] = (struct pollfd){c[i].io.fd, POLLIN, 0};
        if (poll(pf, (nfds_t)nconn, 50) <= 0)
            continue;
        for (int i = 0; i < nconn; i++) {
            if (!pf[i].revents)
                continue;
            ssize_t got = recv(c[i].io.fd, c[i].io.buf + c[i].io.len, sizeof c[i].io.buf - c[i].io.len, 0);
            if (got <= 0) {
                errors++;
                pf[i].fd = -1;
                continue;
            }
            c[i].io.len += (size_t)got;
            long value;
            long used = take_reply(&c[i], &value);
            if (used < 0)
                errors++;
            if (used <= 0)
                continue;
            uint64_t now = hc_now_us();
            if (nlat == cap) {
                cap *= 2;
                lat = realloc(lat, cap * sizeof *lat);
                if (!lat)
                    return 1;
            }
            lat[nlat++] = (uint32_t)(now - c[i].sent_us);
            c[i].acked = value;
            if (!send_next(&c[i], i))
                errors++;
        }
    }
    double wall = (double)(hc_now_us() - t0) / 1e6;
    double cpu = pid > 0 && cpu0 >= 0 ? cpu_seconds(pid) - cpu0 : -1;
    if (kill_after > 0) {
        kill(pid, SIGKILL);
        usleep(100000);
        /* replies already in this side's sockets were acknowledged before the kill */
        for (int i = 0; i < nconn; i++) {
            ssize_t got;
            while ((got = recv(c[i].io.fd, c[i].io.buf + c[i].io.len, sizeof c[i].io.buf - c[i].io.len, MSG_DONTWAIT)) > 0)
                c[i].io.len += (size_t)got;
            long value;
            if (take_reply(&c[i], &value) > 0)
                c[i].acked = value;
        }
        FILE *f = fopen(acked_file, "w");
        if (!f)
            return 1;
        for (int i = 0; i < nconn; i++)
            fprintf(f, "k%d %ld\n", i, c[i].acked);
        fclose(f);
    }
    qsort(lat, nlat, sizeof *lat, cmp_u32);
    uint32_t p50 = nlat ? lat[nlat / 2] : 0, p99 = nlat ? lat[nlat * 99 / 100] : 0;
    printf("requests %zu seconds %.2f rps %.0f p50_us %u p99_us %u server_cpu_s %.2f errors %ld\n", nlat, wall,
           (double)nlat / wall, p50, p99, cpu, errors);
    for (int i = 0; i < nconn; i++)
        close(c[i].io.fd);
    free(c);
    free(pf);
    free(lat);
    return 0;
}
