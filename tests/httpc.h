/*
 * httpc.h - a minimal HTTP/1.1 client over loopback for the tests and the
 * load generator that drive examples/kv_server.ph (tests/crash/kv_killloop.c,
 * tests/crash/http_server.c, bench/http_load.c): connecting, writing a
 * request, and parsing replies framed by Content-Length (what the Phantom
 * server sends for a sized reply), incrementally so that many connections
 * can be served from one poll loop.  Also starting a phantom process and
 * reading its peak memory.
 *
 * Header-only (static functions); define _GNU_SOURCE first (memmem).
 */
#ifndef PHANTOM_TESTS_HTTPC_H
#define PHANTOM_TESTS_HTTPC_H

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static inline uint64_t hc_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* A free TCP port on 127.0.0.1 (free when asked: another process may take it). */
static inline int hc_free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = -1;
    if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 && getsockname(fd, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    if (fd >= 0)
        close(fd);
    return port;
}

/* A connected socket to 127.0.0.1:port, retrying for up to ms (the server
 * may still be starting or booting); -1 if none.  TCP_NODELAY: requests
 * are small and each waits for its reply. */
static inline int hc_dial(int port, int ms)
{
    uint64_t end = hc_now_us() + (uint64_t)ms * 1000u;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    do {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return fd;
        }
        close(fd);
        usleep(10000);
    } while (hc_now_us() < end);
    return -1;
}

/* Writes all of p[0, n); false on a failure (the peer went away). */
static inline bool hc_write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = send(fd, c, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd pf = {fd, POLLOUT, 0};
            poll(&pf, 1, 1000);
            continue;
        }
        if (w <= 0)
            return false;
        c += w;
        n -= (size_t)w;
    }
    return true;
}

/* Formats a keep-alive request into out (cap bytes); its length, or 0 if
 * it does not fit.  body may be NULL (no body, no Content-Length). */
static inline size_t hc_format(char *out, size_t cap, const char *method, const char *path, const char *body)
{
    int n = body ? snprintf(out, cap, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %zu\r\n\r\n%s", method,
                            path, strlen(body), body)
                 : snprintf(out, cap, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", method, path);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

static inline bool hc_send(int fd, const char *method, const char *path, const char *body)
{
    char req[4096];
    size_t n = hc_format(req, sizeof req, method, path, body);
    return n && hc_write_all(fd, req, n);
}

/* One reply parsed from the front of a buffer. */
typedef struct hc_reply {
    int status;
    const char *body;   /* inside the buffer parsed, not NUL-terminated */
    size_t body_len;
    bool closing;       /* "Connection: close" */
} hc_reply;

/* Parses the reply at the start of buf[0, len): the bytes it takes (head
 * and Content-Length body), 0 if it is not complete yet, -1 if it is not a
 * reply this client understands (no status line, no Content-Length). */
static inline long hc_parse(const char *buf, size_t len, hc_reply *r)
{
    const char *end = memmem(buf, len, "\r\n\r\n", 4);
    if (!end)
        return len > 65536 ? -1 : 0;
    size_t head = (size_t)(end - buf) + 4;
    if (len < 12 || memcmp(buf, "HTTP/1.", 7))
        return -1;
    r->status = atoi(buf + 9);
    r->closing = false;
    long length = -1;
    /* each field line ends at a '\n'; the last one's is end[1] */
    const char *line = (const char *)memchr(buf, '\n', head) + 1;
    while (line < end) {
        const char *eol = memchr(line, '\n', (size_t)(end + 2 - line));
        size_t n = (size_t)(eol - line);
        if (n >= 15 && !strncasecmp(line, "Content-Length:", 15))
            length = atol(line + 15);
        else if (n >= 11 && !strncasecmp(line, "Connection:", 11) && memmem(line, n, "close", 5))
            r->closing = true;
        line = eol + 1;
    }
    if (length < 0)
        return -1;
    if (len < head + (size_t)length)
        return 0;
    r->body = buf + head;
    r->body_len = (size_t)length;
    return (long)(head + (size_t)length);
}

/* A connection's received bytes not yet parsed. */
typedef struct hc_conn {
    int fd;
    size_t len;
    char buf[16384];
} hc_conn;

/* Waits up to ms for one whole reply on c; the reply's body is copied,
 * NUL-terminated, into body (cap bytes, cut if longer).  false on timeout,
 * end of stream, or a reply it cannot parse. */
static inline bool hc_read(hc_conn *c, int ms, hc_reply *r, char *body, size_t cap)
{
    uint64_t end = hc_now_us() + (uint64_t)ms * 1000u;
    for (;;) {
        long used = hc_parse(c->buf, c->len, r);
        if (used < 0)
            return false;
        if (used > 0) {
            size_t n = r->body_len < cap - 1 ? r->body_len : cap - 1;
            memcpy(body, r->body, n);
            body[n] = 0;
            memmove(c->buf, c->buf + used, c->len - (size_t)used);
            c->len -= (size_t)used;
            return true;
        }
        uint64_t now = hc_now_us();
        struct pollfd pf = {c->fd, POLLIN, 0};
        if (now >= end || poll(&pf, 1, (int)((end - now + 999) / 1000)) <= 0)
            return false;
        ssize_t n = recv(c->fd, c->buf + c->len, sizeof c->buf - c->len, 0);
        if (n <= 0)
            return false;
        c->len += (size_t)n;
    }
}

/* One request and its reply on c: the status, or -1 on any failure. */
static inline int hc_call(hc_conn *c, const char *method, const char *path, const char *body, char *out, size_t cap,
                          int ms)
{
    hc_reply r;
    if (!hc_send(c->fd, method, path, body) || !hc_read(c, ms, &r, out, cap))
        return -1;
    return r.status;
}

/* Starts argv[0] (a path) with its standard output and error appended to
 * log (NULL: /dev/null); its pid. */
static inline pid_t hc_spawn(char *const argv[], const char *log)
{
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(log ? log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* A field of /proc/PID/status in KiB ("VmHWM", "VmRSS"), or -1. */
static inline long hc_proc_kib(pid_t pid, const char *field)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kib = -1;
    size_t n = strlen(field);
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, field, n) && line[n] == ':')
            kib = atol(line + n + 1);
    fclose(f);
    return kib;
}

#endif
