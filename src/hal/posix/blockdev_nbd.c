/*
 * blockdev_nbd.c - HAL block device on an NBD export (libnbd): an image on
 * a remote block server (nbdkit, qemu-nbd, Ceph's rbd-nbd ...), named by a
 * standard NBD URI: nbd://HOST[:PORT]/EXPORT, nbd+unix:///EXPORT?socket=P.
 *
 * The export has a fixed size: grow() beyond it is -ENOSPC, as on a raw
 * device.  flush() is NBD_CMD_FLUSH; write_durable() is a write with FUA
 * when the server offers it (one round trip instead of two), else a write
 * and a flush.
 *
 * The server may go away (restart, network).  A failed request marks the
 * connection lost and says so once on stderr; writes and flushes then fail
 * at once (the snapshot they belong to is abandoned, the world runs on),
 * and each later request tries to reconnect, at most once per backoff
 * interval (0.1 s doubling to 5 s).  Reads are different: a read serves a
 * page fault, which cannot fail without stopping the world, so a read
 * waits, reconnecting with the same backoff, for up to NBD_READ_PATIENCE.
 *
 * Invariant: every request runs under n->lock, with n->h connected (or
 * fails before touching it): the handle is replaced only under the lock.
 * One request at a time keeps reconnection simple; a page fault waits for
 * at most one write batch (1 MiB) ahead of it.
 */
#define _GNU_SOURCE
#include "blockdev_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

bool hal_blockdev_is_nbd(const char *name)
{
    return !strncmp(name, "nbd://", 6) || !strncmp(name, "nbd+unix://", 11) ||
           !strncmp(name, "nbds://", 7) || !strncmp(name, "nbds+unix://", 12) ||
           !strncmp(name, "nbd+vsock://", 12) || !strncmp(name, "nbds+vsock://", 13);
}

/* Why the last open in this thread failed, in libnbd's words. */
static _Thread_local char open_why[256];

const char *hal_nbd_open_why(int rc, char *buf, size_t len)
{
    if (rc == -EPROTONOSUPPORT)
        snprintf(buf, len, "this phantom was built without NBD support (libnbd-dev was not installed: "
                           "apt-get install libnbd-dev, then make)");
    else if (rc == -EEXIST)
        snprintf(buf, len, "an NBD export is made by its server, not by phantom");
    else if (rc == -EROFS)
        snprintf(buf, len, "the NBD export is read-only");
    else if (rc == -ENAMETOOLONG)
        snprintf(buf, len, "the URI is too long");
    else
        snprintf(buf, len, "cannot connect to the NBD server: %s", open_why[0] ? open_why : strerror(-rc));
    return buf;
}

#ifndef PHANTOM_HAVE_LIBNBD

bool hal_blockdev_nbd_supported(void) { return false; }

int hal_nbd_open(const char *uri, int flags, hal_blockdev **out)
{
    (void)uri, (void)flags, (void)out;
    return -EPROTONOSUPPORT;
}

#else

#include <libnbd.h>
#include <pthread.h>
#include <stdlib.h>

#define NBD_CHUNK (8u << 20)                     /* bytes per request: below every server's limit */
#define NBD_BACKOFF_MIN_NS 100000000ull          /* 0.1 s */
#define NBD_BACKOFF_MAX_NS 5000000000ull         /* 5 s */
#define NBD_READ_PATIENCE_NS 60000000000ull      /* 60 s */

bool hal_blockdev_nbd_supported(void) { return true; }

typedef struct nbd_dev {
    hal_blockdev base;
    pthread_mutex_t lock;
    struct nbd_handle *h; /* NULL while the connection is lost */
    uint64_t size;        /* the export's size when first connected */
    bool readonly;
    bool fua;             /* the server takes NBD_CMD_FLAG_FUA */
    uint64_t backoff_ns, next_try_ns;
} nbd_dev;

static uint64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* libnbd's errno for the last failure, never 0. */
static int last_error(void)
{
    int e = nbd_get_errno();
    return e ? -e : -EIO;
}

/* A connected handle to uri, or NULL with *rc set.  The export's size and
 * whether it is writable and takes FUA are read from the handshake. */
static struct nbd_handle *connect_uri(const char *uri, bool readonly, int64_t *size, bool *fua,
                                      int *rc)
{
    struct nbd_handle *h = nbd_create();
    if (!h) {
        *rc = -ENOMEM;
        return NULL;
    }
    if (nbd_connect_uri(h, uri) == -1) {
        *rc = last_error();
        snprintf(open_why, sizeof open_why, "%s", nbd_get_error() ? nbd_get_error() : strerror(-*rc));
        nbd_close(h);
        return NULL;
    }
    *size = nbd_get_size(h);
    int ro = nbd_is_read_only(h);
    if (*size < 0 || ro < 0) {
        *rc = last_error();
        snprintf(open_why, sizeof open_why, "%s", nbd_get_error() ? nbd_get_error() : strerror(-*rc));
        nbd_close(h);
        return NULL;
    }
    if (ro && !readonly) {
        *rc = -EROFS;
        nbd_close(h);
        return NULL;
    }
    *fua = nbd_can_fua(h) == 1;
    *rc = 0;
    return h;
}

/* The connection failed: drop it and say so (once per loss). */
static void lost(nbd_dev *n, int rc)
{
    if (!n->h)
        return;
    nbd_close(n->h);
    n->h = NULL;
    n->backoff_ns = NBD_BACKOFF_MIN_NS;
    n->next_try_ns = mono_ns();
    fprintf(stderr, "phantom: %s: connection to the NBD server lost (%s); reconnecting\n",
            n->base.name, strerror(-rc));
}

/* Under the lock: 0 with n->h connected, or -ENOTCONN if the connection is
 * lost and this is not yet the time for another attempt (or it failed). */
static int ensure_connected(nbd_dev *n)
{
    if (n->h)
        return 0;
    uint64_t now = mono_ns();
    if (now < n->next_try_ns)
        return -ENOTCONN;
    int64_t size;
    bool fua;
    int rc;
    struct nbd_handle *h = connect_uri(n->base.name, n->readonly, &size, &fua, &rc);
    if (h && (uint64_t)size != n->size) {
        fprintf(stderr, "phantom: %s: the export's size changed from %llu to %lld bytes; not using it\n",
                n->base.name, (unsigned long long)n->size, (long long)size);
        nbd_close(h);
        h = NULL;
    }
    if (!h) {
        n->next_try_ns = now + n->backoff_ns;
        n->backoff_ns = n->backoff_ns * 2 > NBD_BACKOFF_MAX_NS ? NBD_BACKOFF_MAX_NS : n->backoff_ns * 2;
        return -ENOTCONN;
    }
    n->h = h;
    n->fua = fua;
    fprintf(stderr, "phantom: %s: reconnected to the NBD server\n", n->base.name);
    return 0;
}

enum { REQ_READ, REQ_WRITE, REQ_WRITE_FUA, REQ_FLUSH };

/* One request, split in chunks, under the lock. */
static int request(nbd_dev *n, int kind, void *buf, size_t len, uint64_t off)
{
    int rc = ensure_connected(n);
    if (rc)
        return rc;
    if (kind == REQ_FLUSH) {
        rc = nbd_flush(n->h, 0) == -1 ? last_error() : 0;
    } else {
        char *p = buf;
        while (len && !rc) {
            size_t k = len < NBD_CHUNK ? len : NBD_CHUNK;
            int r = kind == REQ_READ ? nbd_pread(n->h, p, k, off, 0)
                                     : nbd_pwrite(n->h, p, k, off,
                                                  kind == REQ_WRITE_FUA && n->fua ? LIBNBD_CMD_FLAG_FUA : 0);
            rc = r == -1 ? last_error() : 0;
            p += k;
            off += k;
            len -= k;
        }
    }
    /* A request the server answered with an error (EIO, ENOSPC) leaves the
     * connection usable; a dead or closed one (the server hung up) not. */
    if (rc && (nbd_aio_is_dead(n->h) != 0 || nbd_aio_is_closed(n->h) != 0))
        lost(n, rc);
    return rc;
}

static int nbd_dev_read(hal_blockdev *d, void *buf, size_t len, uint64_t off)
{
    nbd_dev *n = (nbd_dev *)d;
    if (off > n->size || len > n->size - off)
        return -ENODATA;
    uint64_t give_up = mono_ns() + NBD_READ_PATIENCE_NS;
    for (;;) {
        pthread_mutex_lock(&n->lock);
        int rc = request(n, REQ_READ, buf, len, off);
        bool retry = rc && !n->h && mono_ns() < give_up;
        pthread_mutex_unlock(&n->lock);
        if (!retry)
            return rc;
        struct timespec ts = {0, 50000000}; /* 50 ms: the backoff decides when to connect */
        nanosleep(&ts, NULL);
    }
}

static int locked_request(hal_blockdev *d, int kind, const void *buf, size_t len, uint64_t off)
{
    nbd_dev *n = (nbd_dev *)d;
    if (n->readonly)
        return -EROFS;
    if (kind != REQ_FLUSH && (off > n->size || len > n->size - off))
        return -ENOSPC;
    pthread_mutex_lock(&n->lock);
    int rc = request(n, kind, (void *)buf, len, off);
    if (rc == 0 && kind == REQ_WRITE_FUA && !n->fua)
        rc = request(n, REQ_FLUSH, NULL, 0, 0);
    pthread_mutex_unlock(&n->lock);
    return rc;
}

static int nbd_dev_write(hal_blockdev *d, const void *buf, size_t len, uint64_t off)
{
    return locked_request(d, REQ_WRITE, buf, len, off);
}

static int nbd_dev_write_durable(hal_blockdev *d, const void *buf, size_t len, uint64_t off)
{
    return locked_request(d, REQ_WRITE_FUA, buf, len, off);
}

static int nbd_dev_flush(hal_blockdev *d) { return locked_request(d, REQ_FLUSH, NULL, 0, 0); }

static int nbd_dev_size(hal_blockdev *d, uint64_t *bytes)
{
    *bytes = ((nbd_dev *)d)->size;
    return 0;
}

static int nbd_dev_grow(hal_blockdev *d, uint64_t bytes)
{
    return bytes <= ((nbd_dev *)d)->size ? 0 : -ENOSPC;
}

static void nbd_dev_close(hal_blockdev *d)
{
    nbd_dev *n = (nbd_dev *)d;
    if (n->h) {
        nbd_shutdown(n->h, 0);
        nbd_close(n->h);
    }
    pthread_mutex_destroy(&n->lock);
    free(n);
}

static const hal_blockdev_ops nbd_ops = {
    .read = nbd_dev_read,
    .write = nbd_dev_write,
    .flush = nbd_dev_flush,
    .size = nbd_dev_size,
    .grow = nbd_dev_grow,
    .close = nbd_dev_close,
    .write_durable = nbd_dev_write_durable,
};

int hal_nbd_open(const char *uri, int flags, hal_blockdev **out)
{
    if (strlen(uri) >= sizeof ((hal_blockdev *)0)->name)
        return -ENAMETOOLONG;
    if (flags & HAL_BD_CREATE)
        return -EEXIST; /* an export is made by its server, never here */
    open_why[0] = 0;
    nbd_dev *n = calloc(1, sizeof *n);
    if (!n)
        return -ENOMEM;
    n->readonly = (flags & HAL_BD_READONLY) != 0;
    int64_t size;
    int rc;
    n->h = connect_uri(uri, n->readonly, &size, &n->fua, &rc);
    if (!n->h) {
        free(n);
        return rc == -ENOENT ? -ECONNREFUSED : rc; /* ENOENT: no socket, not no image */
    }
    n->size = (uint64_t)size;
    pthread_mutex_init(&n->lock, NULL);
    n->base.ops = &nbd_ops;
    snprintf(n->base.name, sizeof n->base.name, "%s", uri);
    *out = &n->base;
    return 0;
}

#endif
