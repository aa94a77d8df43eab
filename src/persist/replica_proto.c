/*
 * replica_proto.c - frames, MACs and the handshake of the replication
 * stream (replica_proto.h describes the protocol).
 *
 * Sockets are the HAL's non-blocking ones; the replica thread and the
 * server may block, so every transfer here waits with hal_net_wait and a
 * timeout: a peer that stops answering fails the ship, it never hangs it.
 */
#include "replica_proto.h"

#include "../util/sha256.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char LABEL_SERVER[] = "phantom-replica server";
static const char LABEL_CLIENT[] = "phantom-replica client";
static const char LABEL_SESSION[] = "phantom-replica session";

void pr_wipe(void *p, size_t n)
{
    volatile uint8_t *v = p;
    while (n--)
        *v++ = 0;
}

int pr_key_load(const char *path, uint8_t **key, size_t *len, pw_error *err)
{
    *key = NULL;
    int rc = hal_file_private(path);
    if (rc == -EACCES) {
        err->code = rc;
        snprintf(err->msg, sizeof err->msg,
                 "replica key %s: its group or others may read or write it; a key must be private "
                 "(chmod 600 %s)",
                 path, path);
        return rc;
    }
    uint8_t *buf = NULL;
    size_t n = 0;
    if (!rc)
        rc = hal_file_read_all(path, PR_KEY_MAX + 2, &buf, &n);
    if (rc) {
        err->code = rc;
        snprintf(err->msg, sizeof err->msg, "replica key %s: %s", path,
                 rc == -EFBIG ? "longer than 4096 bytes: not a key file" : hal_strerror(rc));
        return rc;
    }
    if (n && buf[n - 1] == '\n')
        n--;
    if (n && buf[n - 1] == '\r')
        n--;
    if (n < PR_KEY_MIN || n > PR_KEY_MAX) {
        pr_wipe(buf, n);
        free(buf);
        err->code = -EINVAL;
        snprintf(err->msg, sizeof err->msg,
                 "replica key %s: %zu bytes; a key needs %u to %u (head -c 32 /dev/urandom | base64 > %s)",
                 path, n, PR_KEY_MIN, PR_KEY_MAX, path);
        return -EINVAL;
    }
    *key = buf;
    *len = n;
    return 0;
}

bool pr_is_uri(const char *target) { return !strncmp(target, "tcp://", 6); }

int pr_connect(const char *uri, int timeout_ms, hal_sock *out, pw_error *err)
{
    char host[256];
    const char *h = uri + 6, *colon = NULL, *end;
    if (*h == '[') {
        end = strchr(h, ']');
        colon = end && end[1] == ':' ? end + 1 : NULL;
        h++;
    } else {
        colon = strrchr(h, ':');
        end = colon;
    }
    char *pend = NULL;
    unsigned long port = colon ? strtoul(colon + 1, &pend, 10) : 0;
    if (!colon || !end || end == h || (size_t)(end - h) >= sizeof host || !pend || *pend || pend == colon + 1 ||
        port == 0 || port > 65535) {
        err->code = -EINVAL;
        snprintf(err->msg, sizeof err->msg, "replica %s: not tcp://HOST:PORT", uri);
        return -EINVAL;
    }
    memcpy(host, h, (size_t)(end - h));
    host[end - h] = 0;
    hal_netaddr addr[4];
    int n = hal_net_resolve(host, (uint16_t)port, addr, 4), rc = n < 0 ? n : -ECONNREFUSED;
    for (int i = 0; i < n; i++) {
        hal_sock s;
        rc = hal_net_connect(&addr[i], &s);
        if (rc == -EINPROGRESS) {
            int ev = hal_net_wait(s, HAL_POLL_OUT, timeout_ms);
            rc = ev < 0 ? ev : ev == 0 ? -ETIMEDOUT : hal_net_connect_status(s);
            if (rc)
                hal_net_close(s);
        }
        if (!rc) {
            *out = s;
            return 0;
        }
    }
    err->code = rc;
    snprintf(err->msg, sizeof err->msg, "replica %s: cannot connect: %s", uri, hal_strerror(rc));
    return rc;
}

static int send_all(hal_sock s, const void *buf, size_t n)
{
    const uint8_t *p = buf;
    while (n) {
        long k = hal_net_send(s, p, n);
        if (k == -EAGAIN) {
            int ev = hal_net_wait(s, HAL_POLL_OUT, PR_TIMEOUT_MS);
            if (ev <= 0)
                return ev ? ev : -ETIMEDOUT;
            continue;
        }
        if (k < 0)
            return (int)k;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* n bytes, from what was received before and then the socket; first_ms:
 * how long to wait for the first byte (negative: forever). */
static int recv_all(pr_conn *c, void *buf, size_t n, int first_ms)
{
    uint8_t *p = buf;
    int wait_ms = first_ms;
    while (n) {
        if (c->in_at < c->in_len) {
            size_t k = c->in_len - c->in_at < n ? c->in_len - c->in_at : n;
            memcpy(p, c->in + c->in_at, k);
            c->in_at += (uint32_t)k;
            p += k;
            n -= k;
            wait_ms = PR_TIMEOUT_MS;
            continue;
        }
        long k = hal_net_recv(c->s, c->in, sizeof c->in);
        if (k == -EAGAIN) {
            int ev = hal_net_wait(c->s, HAL_POLL_IN, wait_ms);
            if (ev <= 0)
                return ev ? ev : -ETIMEDOUT;
            continue;
        }
        if (k == 0)
            return -ECONNRESET;
        if (k < 0)
            return (int)k;
        c->in_at = 0;
        c->in_len = (uint32_t)k;
    }
    return 0;
}

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static uint32_t get32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* The MAC of a frame sent by the server (or client) side. */
static void frame_mac(const pr_conn *c, bool from_server, const uint8_t *head, const void *a, size_t alen,
                      const void *b, size_t blen, uint8_t out[PR_MAC])
{
    hmac_sha256_ctx h;
    uint8_t dir = from_server ? 'S' : 'C', full[SHA256_BYTES];
    hmac_sha256_init(&h, c->session, sizeof c->session);
    hmac_sha256_update(&h, &dir, 1);
    hmac_sha256_update(&h, head, PR_HEADER);
    if (alen)
        hmac_sha256_update(&h, a, alen);
    if (blen)
        hmac_sha256_update(&h, b, blen);
    hmac_sha256_final(&h, full);
    memcpy(out, full, PR_MAC);
}

int pr_send(pr_conn *c, uint8_t type, const void *a, size_t alen, const void *b, size_t blen)
{
    HAL_ASSERT(alen + blen <= PR_MAX_PAYLOAD);
    uint8_t *head = c->out;
    put32(head, PR_MAGIC);
    head[4] = type;
    head[5] = PR_VERSION;
    head[6] = head[7] = 0;
    put32(head + 8, (uint32_t)(alen + blen));
    put32(head + 12, c->send_seq++);
    if (alen)
        memcpy(head + PR_HEADER, a, alen);
    if (blen)
        memcpy(head + PR_HEADER + alen, b, blen);
    size_t n = PR_HEADER + alen + blen;
    if (c->authed) {
        frame_mac(c, c->server, head, head + PR_HEADER, alen + blen, NULL, 0, head + n);
        n += PR_MAC;
    }
    return send_all(c->s, head, n);
}

int pr_send_error(pr_conn *c, const char *msg) { return pr_send(c, PR_ERROR, msg, strlen(msg), NULL, 0); }

int pr_recv(pr_conn *c, pr_frame *f, int timeout_ms)
{
    uint8_t head[PR_HEADER];
    int rc = recv_all(c, head, sizeof head, timeout_ms);
    if (rc)
        return rc;
    f->type = head[4];
    f->len = get32(head + 8);
    if (get32(head) != PR_MAGIC || head[5] != PR_VERSION || f->len > PR_MAX_PAYLOAD ||
        get32(head + 12) != c->recv_seq)
        return -EPROTO;
    c->recv_seq++;
    if ((rc = recv_all(c, f->payload, f->len, PR_TIMEOUT_MS)))
        return rc;
    f->mac_ok = true;
    if (c->authed) {
        uint8_t mac[PR_MAC], want[PR_MAC];
        if ((rc = recv_all(c, mac, sizeof mac, PR_TIMEOUT_MS)))
            return rc;
        frame_mac(c, !c->server, head, f->payload, f->len, NULL, 0, want);
        f->mac_ok = sha256_equal(mac, want, PR_MAC);
    }
    return 0;
}

/* HMAC(K, label nonce1 nonce2). */
static void proof(const uint8_t *key, size_t keylen, const char *label, const uint8_t *n1, const uint8_t *n2,
                  uint8_t out[SHA256_BYTES])
{
    hmac_sha256_ctx h;
    hmac_sha256_init(&h, key, keylen);
    hmac_sha256_update(&h, label, strlen(label));
    hmac_sha256_update(&h, n1, PR_NONCE);
    hmac_sha256_update(&h, n2, PR_NONCE);
    hmac_sha256_final(&h, out);
}

static int fail(pw_error *err, int rc, const char *what, const char *detail)
{
    err->code = rc;
    snprintf(err->msg, sizeof err->msg, "%s: %s", what, detail);
    return rc;
}

/* A frame of type want, or the peer's ERROR text / the failure in err. */
static int expect(pr_conn *c, pr_frame *f, uint8_t want, int timeout_ms, pw_error *err)
{
    int rc = pr_recv(c, f, timeout_ms);
    if (rc)
        return fail(err, rc, "the replication handshake",
                    rc == -EPROTO       ? "the peer does not speak it"
                    : rc == -ECONNRESET ? "the peer left (it holds another key, or is not a Phantom world)"
                                        : hal_strerror(rc));
    if (f->type == PR_ERROR && f->mac_ok) {
        char text[400];
        snprintf(text, sizeof text, "%.*s", (int)(f->len < 399 ? f->len : 399), (const char *)f->payload);
        return fail(err, -EPERM, "the peer refused", text);
    }
    if (f->type != want || !f->mac_ok)
        return fail(err, -EPROTO, "the replication handshake", "an unexpected frame");
    return 0;
}

int pr_client_handshake(pr_conn *c, const uint8_t *key, size_t keylen, pw_error *err)
{
    uint8_t hello[8 + PR_NONCE], *nonce_c = hello + 8;
    put32(hello, PR_VERSION);
    put32(hello + 4, PR_VERSION);
    int rc = hal_random_bytes(nonce_c, PR_NONCE);
    if (!rc)
        rc = pr_send(c, PR_HELLO, hello, sizeof hello, NULL, 0);
    if (rc)
        return fail(err, rc, "the replication handshake", hal_strerror(rc));
    pr_frame *f = malloc(sizeof *f);
    if (!f)
        return fail(err, -ENOMEM, "the replication handshake", "out of memory");
    if ((rc = expect(c, f, PR_CHALLENGE, PR_TIMEOUT_MS, err)))
        goto out;
    if (f->len != 8 + PR_NONCE + SHA256_BYTES) {
        rc = fail(err, -EPROTO, "the replication handshake", "a malformed challenge");
        goto out;
    }
    const uint8_t *nonce_s = f->payload + 8, *their = nonce_s + PR_NONCE;
    uint8_t want[SHA256_BYTES], mine[SHA256_BYTES];
    proof(key, keylen, LABEL_SERVER, nonce_c, nonce_s, want);
    if (!sha256_equal(want, their, SHA256_BYTES)) {
        rc = fail(err, -EACCES, "the replica server", "does not hold the same key (--replica-key): refused");
        goto out;
    }
    proof(key, keylen, LABEL_CLIENT, nonce_s, nonce_c, mine);
    proof(key, keylen, LABEL_SESSION, nonce_c, nonce_s, c->session);
    if ((rc = pr_send(c, PR_AUTH, mine, sizeof mine, NULL, 0))) {
        fail(err, rc, "the replication handshake", hal_strerror(rc));
        goto out;
    }
    c->authed = true;
out:
    free(f);
    return rc;
}

int pr_server_handshake(pr_conn *c, const uint8_t *key, size_t keylen, pw_error *err)
{
    pr_frame *f = malloc(sizeof *f);
    if (!f)
        return fail(err, -ENOMEM, "the replication handshake", "out of memory");
    int rc = expect(c, f, PR_HELLO, PR_TIMEOUT_MS, err);
    if (rc)
        goto out;
    if (f->len != 8 + PR_NONCE) {
        rc = fail(err, -EPROTO, "the replication handshake", "a malformed hello");
        goto out;
    }
    uint32_t lo = get32(f->payload), hi = get32(f->payload + 4);
    if (lo > PR_VERSION || hi < PR_VERSION) {
        char text[160];
        snprintf(text, sizeof text, "the client speaks versions %u to %u of the replication protocol, this server %u",
                 (unsigned)lo, (unsigned)hi, PR_VERSION);
        pr_send_error(c, text);
        rc = fail(err, -EPROTO, "refused", text);
        goto out;
    }
    uint8_t nonce_c[PR_NONCE], ch[8 + PR_NONCE + SHA256_BYTES];
    memcpy(nonce_c, f->payload + 8, PR_NONCE);
    put32(ch, PR_VERSION);
    put32(ch + 4, 0);
    uint8_t *nonce_s = ch + 8;
    if ((rc = hal_random_bytes(nonce_s, PR_NONCE))) {
        fail(err, rc, "the replication handshake", hal_strerror(rc));
        goto out;
    }
    proof(key, keylen, LABEL_SERVER, nonce_c, nonce_s, ch + 8 + PR_NONCE);
    if ((rc = pr_send(c, PR_CHALLENGE, ch, sizeof ch, NULL, 0))) {
        fail(err, rc, "the replication handshake", hal_strerror(rc));
        goto out;
    }
    if ((rc = expect(c, f, PR_AUTH, PR_TIMEOUT_MS, err)))
        goto out;
    uint8_t want[SHA256_BYTES];
    proof(key, keylen, LABEL_CLIENT, nonce_s, nonce_c, want);
    if (f->len != SHA256_BYTES || !sha256_equal(want, f->payload, SHA256_BYTES)) {
        pr_send_error(c, "authentication failed: the client does not hold this server's key (--replica-key)");
        rc = fail(err, -EACCES, "refused", "authentication failed (a wrong key, or not a Phantom world)");
        goto out;
    }
    proof(key, keylen, LABEL_SESSION, nonce_c, nonce_s, c->session);
    c->authed = true;
out:
    free(f);
    return rc;
}
