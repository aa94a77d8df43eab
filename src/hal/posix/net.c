/*
 * net.c - sockets, name resolution and the poller (hal.h, "network") on
 * POSIX sockets and Linux epoll.
 *
 * Every socket is created non-blocking and close-on-exec.  Writes use
 * MSG_NOSIGNAL, so a peer that went away gives -EPIPE instead of killing
 * the process with SIGPIPE.  Sockets are registered EPOLLONESHOT (hal.h:
 * one-shot interest).  The poller's wake-up is an eventfd registered
 * (level-triggered) with token WAKE_TOKEN, which hal_poller_wait drains
 * and never reports.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../hal.h"

#define WAKE_TOKEN UINT64_MAX

static socklen_t to_sockaddr(const hal_netaddr *a, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    if (a->family == 6) {
        struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons(a->port);
        memcpy(&s6->sin6_addr, a->ip, 16);
        return sizeof *s6;
    }
    struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
    s4->sin_family = AF_INET;
    s4->sin_port = htons(a->port);
    memcpy(&s4->sin_addr, a->ip, 4);
    return sizeof *s4;
}

static void from_sockaddr(const struct sockaddr *sa, hal_netaddr *a)
{
    memset(a, 0, sizeof *a);
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;
        a->family = 6;
        a->port = ntohs(s6->sin6_port);
        memcpy(a->ip, &s6->sin6_addr, 16);
    } else if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;
        a->family = 4;
        a->port = ntohs(s4->sin_port);
        memcpy(a->ip, &s4->sin_addr, 4);
    }
}

int hal_net_addr_parse(const char *host, uint16_t port, hal_netaddr *out)
{
    memset(out, 0, sizeof *out);
    out->port = port;
    out->family = 4;
    if (!*host || !strcmp(host, "*"))
        return 0;   /* INADDR_ANY */
    if (inet_pton(AF_INET, host, out->ip) == 1)
        return 0;
    char buf[64];
    size_t n = strlen(host);
    if (host[0] == '[' && n >= 2 && host[n - 1] == ']' && n - 2 < sizeof buf) {
        memcpy(buf, host + 1, n - 2);
        buf[n - 2] = 0;
        host = buf;
    }
    out->family = 6;
    if (inet_pton(AF_INET6, host, out->ip) == 1)
        return 0;
    memset(out, 0, sizeof *out);
    return -EINVAL;
}

void hal_net_addr_text(const hal_netaddr *a, char *buf, size_t cap)
{
    if (!cap)
        return;
    if (!inet_ntop(a->family == 6 ? AF_INET6 : AF_INET, a->ip, buf, (socklen_t)cap))
        buf[0] = 0;
}

int hal_net_resolve(const char *name, uint16_t port, hal_netaddr *out, int max)
{
    if (hal_net_addr_parse(name, port, out) == 0 && *name)
        return 1;
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(name, NULL, &hints, &res);
    if (rc) {
        if (rc == EAI_NONAME
#ifdef EAI_NODATA
            || rc == EAI_NODATA
#endif
        )
            return HAL_E_NONAME;
        if (rc == EAI_SYSTEM)
            return errno ? -errno : HAL_E_NAMEFAIL;
        return rc == EAI_MEMORY ? -ENOMEM : HAL_E_NAMEFAIL;
    }
    int n = 0;
    /* IPv4 first: a server on "localhost" listens on 127.0.0.1 more often
     * than on ::1. */
    for (int pass = 0; pass < 2; pass++)
        for (struct addrinfo *ai = res; ai && n < max; ai = ai->ai_next)
            if (ai->ai_family == (pass ? AF_INET6 : AF_INET)) {
                from_sockaddr(ai->ai_addr, &out[n]);
                out[n++].port = port;
            }
    freeaddrinfo(res);
    return n ? n : HAL_E_NONAME;
}

static int new_socket(int family, int type, hal_sock *out)
{
    int fd = socket(family == 6 ? AF_INET6 : AF_INET, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    *out = fd;
    return 0;
}

/* A socket of type bound to a; a listener (backlog >= 0) also listens. */
static int bound_socket(const hal_netaddr *a, int type, int backlog, hal_sock *out)
{
    hal_sock s = -1;
    int rc = new_socket(a->family, type, &s);
    if (rc)
        return rc;
    int one = 1;
    if (backlog >= 0)
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_storage ss;
    socklen_t len = to_sockaddr(a, &ss);
    if (bind(s, (struct sockaddr *)&ss, len) < 0 || (backlog >= 0 && listen(s, backlog) < 0)) {
        rc = -errno;
        close(s);
        return rc;
    }
    *out = s;
    return 0;
}

int hal_net_listen(const hal_netaddr *a, int backlog, hal_sock *out)
{
    return bound_socket(a, SOCK_STREAM, backlog < 0 ? 0 : backlog, out);
}

int hal_net_accept(hal_sock l, hal_sock *out, hal_netaddr *peer)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    int fd = accept4(l, (struct sockaddr *)&ss, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0)
        return errno == EWOULDBLOCK ? -EAGAIN : -errno;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (peer)
        from_sockaddr((struct sockaddr *)&ss, peer);
    *out = fd;
    return 0;
}

int hal_net_connect(const hal_netaddr *a, hal_sock *out)
{
    hal_sock s = -1;
    int rc = new_socket(a->family, SOCK_STREAM, &s);
    if (rc)
        return rc;
    int one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    struct sockaddr_storage ss;
    socklen_t len = to_sockaddr(a, &ss);
    if (connect(s, (struct sockaddr *)&ss, len) == 0) {
        *out = s;
        return 0;
    }
    rc = -errno;
    if (rc == -EINPROGRESS) {
        *out = s;
        return rc;
    }
    close(s);
    return rc;
}

int hal_net_connect_status(hal_sock s)
{
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
        return -errno;
    return -err;
}

int hal_net_udp_open(const hal_netaddr *a, hal_sock *out) { return bound_socket(a, SOCK_DGRAM, -1, out); }

static long io_result(ssize_t n)
{
    if (n >= 0)
        return (long)n;
    return errno == EWOULDBLOCK ? -EAGAIN : -errno;
}

long hal_net_send(hal_sock s, const void *buf, size_t n) { return io_result(send(s, buf, n, MSG_NOSIGNAL)); }
long hal_net_recv(hal_sock s, void *buf, size_t n) { return io_result(recv(s, buf, n, 0)); }

long hal_net_sendto(hal_sock s, const void *buf, size_t n, const hal_netaddr *to)
{
    struct sockaddr_storage ss;
    socklen_t len = to_sockaddr(to, &ss);
    return io_result(sendto(s, buf, n, MSG_NOSIGNAL, (struct sockaddr *)&ss, len));
}

long hal_net_recvfrom(hal_sock s, void *buf, size_t n, hal_netaddr *from)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    ssize_t r = recvfrom(s, buf, n, 0, (struct sockaddr *)&ss, &len);
    if (r >= 0 && from)
        from_sockaddr((struct sockaddr *)&ss, from);
    return io_result(r);
}

int hal_net_local_addr(hal_sock s, hal_netaddr *out)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(s, (struct sockaddr *)&ss, &len) < 0)
        return -errno;
    from_sockaddr((struct sockaddr *)&ss, out);
    return 0;
}

int hal_net_peer_addr(hal_sock s, hal_netaddr *out)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getpeername(s, (struct sockaddr *)&ss, &len) < 0)
        return -errno;
    from_sockaddr((struct sockaddr *)&ss, out);
    return 0;
}

int hal_net_shutdown_write(hal_sock s) { return shutdown(s, SHUT_WR) < 0 ? -errno : 0; }

void hal_net_close(hal_sock s)
{
    if (s >= 0)
        close(s);
}

int hal_net_wait(hal_sock s, uint32_t events, int timeout_ms)
{
    struct pollfd p = {s, (short)((events & HAL_POLL_IN ? POLLIN : 0) | (events & HAL_POLL_OUT ? POLLOUT : 0)), 0};
    int n = poll(&p, 1, timeout_ms);
    if (n < 0)
        return errno == EINTR ? 0 : -errno;
    if (!n)
        return 0;
    return (p.revents & POLLIN ? (int)HAL_POLL_IN : 0) | (p.revents & POLLOUT ? (int)HAL_POLL_OUT : 0) |
           (p.revents & (POLLERR | POLLHUP | POLLNVAL) ? (int)HAL_POLL_ERR : 0);
}

/* ---- the poller ------------------------------------------------------------------ */

struct hal_poller {
    int ep, wake;
};

static uint32_t to_epoll(uint32_t events)
{
    return (events & HAL_POLL_IN ? EPOLLIN : 0u) | (events & HAL_POLL_OUT ? EPOLLOUT : 0u) | EPOLLONESHOT;
}

int hal_poller_open(hal_poller **out)
{
    hal_poller *p = calloc(1, sizeof *p);
    if (!p)
        return -ENOMEM;
    p->ep = epoll_create1(EPOLL_CLOEXEC);
    p->wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    struct epoll_event e = {.events = EPOLLIN, .data.u64 = WAKE_TOKEN};
    if (p->ep < 0 || p->wake < 0 || epoll_ctl(p->ep, EPOLL_CTL_ADD, p->wake, &e) < 0) {
        int rc = -errno;
        hal_poller_close(p);
        return rc;
    }
    *out = p;
    return 0;
}

void hal_poller_close(hal_poller *p)
{
    if (!p)
        return;
    if (p->ep >= 0)
        close(p->ep);
    if (p->wake >= 0)
        close(p->wake);
    free(p);
}

static int ctl(hal_poller *p, int op, hal_sock s, uint32_t events, uint64_t token)
{
    HAL_ASSERT(token != WAKE_TOKEN);
    struct epoll_event e = {.events = to_epoll(events), .data.u64 = token};
    return epoll_ctl(p->ep, op, s, &e) < 0 ? -errno : 0;
}

int hal_poller_add(hal_poller *p, hal_sock s, uint32_t events, uint64_t token)
{
    return ctl(p, EPOLL_CTL_ADD, s, events, token);
}

int hal_poller_set(hal_poller *p, hal_sock s, uint32_t events, uint64_t token)
{
    return ctl(p, EPOLL_CTL_MOD, s, events, token);
}

void hal_poller_remove(hal_poller *p, hal_sock s) { epoll_ctl(p->ep, EPOLL_CTL_DEL, s, NULL); }

int hal_poller_wait(hal_poller *p, hal_poll_event *ev, int max, int timeout_ms)
{
    struct epoll_event raw[256];
    if (max > 256)
        max = 256;
    int n = epoll_wait(p->ep, raw, max, timeout_ms);
    if (n < 0)
        return errno == EINTR ? 0 : -errno;
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (raw[i].data.u64 == WAKE_TOKEN) {
            uint64_t v;
            while (read(p->wake, &v, sizeof v) > 0)
                ;
            continue;
        }
        uint32_t e = raw[i].events;
        ev[k].token = raw[i].data.u64;
        ev[k].events = (e & EPOLLIN ? HAL_POLL_IN : 0u) | (e & EPOLLOUT ? HAL_POLL_OUT : 0u) |
                       (e & (EPOLLERR | EPOLLHUP) ? HAL_POLL_ERR : 0u);
        k++;
    }
    return k;
}

void hal_poller_wake(hal_poller *p)
{
    uint64_t one = 1;
    ssize_t r = write(p->wake, &one, sizeof one);
    (void)r;   /* a full counter already wakes the waiter */
}
