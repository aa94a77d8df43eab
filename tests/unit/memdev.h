/*
 * memdev.h - an in-memory hal_blockdev for tests: power-loss recording and
 * fault injection.  Header-only; include it after testlib.h.
 *
 * A memimg is the "disk": a byte array plus knobs.  memimg_dev() makes a
 * hal_blockdev on it; the world (or fsck) owns that device and closes it,
 * which frees only the small device struct, never the memimg, so a test can
 * look at the disk after the world is gone and build crashed copies of it.
 *
 * Recording (memimg_record_start): every write (offset and a copy of the
 * bytes), every flush and every grow is appended to ops[], together with
 * the content the disk had when recording started (base0).  Failed
 * operations are recorded with failed = true and applied to nothing.
 * memimg_durable() replays the record the way a disk that lost power would
 * hold it: writes count once a later flush succeeded; writes followed by a
 * failed flush are dropped (Linux marks such pages clean without having
 * written them).  Grows count at once (the size is metadata).
 *
 * Fault injection: write_err / flush_err / grow_err (a negative errno) make
 * the operation fail once its *_after countdown reaches 0 (each success
 * decrements it), and keep failing until the test clears the error.
 * max_size makes the disk full (grow beyond it: -ENOSPC), grow_max limits
 * one grow's increase (a nearly full disk: the engine then grows block by
 * block).  write_fault_below limits write faults to offsets below it (the
 * root slots: 8192); failed_writes_land makes a failing write change the
 * disk anyway (it is then recorded as a write that happened), the way an
 * EIO can come after part or all of the data reached the medium.  All
 * operations take the image's lock: the engine reads from the fault handler
 * while the snapshot thread writes.
 */
#ifndef PHANTOM_TEST_MEMDEV_H
#define PHANTOM_TEST_MEMDEV_H

#include "../../src/hal/hal.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MOP_WRITE = 1, MOP_FLUSH = 2, MOP_GROW = 3 };

typedef struct memop {
    int kind;
    bool failed;
    uint64_t off;  /* WRITE: byte offset; GROW: the new size in bytes */
    uint64_t len;  /* WRITE: bytes */
    uint8_t *data; /* WRITE: copy of the bytes */
} memop;

typedef struct memimg {
    pthread_mutex_t lock;
    uint8_t *data;
    uint64_t size, cap;
    /* knobs */
    uint64_t max_size;          /* 0: unlimited */
    uint64_t grow_max;          /* 0: unlimited; bytes one grow may add */
    int write_err, flush_err, grow_err; /* 0: no fault */
    long write_after, flush_after;      /* successes before the fault hits */
    uint64_t write_fault_below;         /* 0: any write; else only writes there */
    bool failed_writes_land;            /* a failing write still changes the disk */
    /* counters */
    uint64_t writes, flushes, grows, reads, bytes_written;
    uint64_t failed_writes, failed_flushes, failed_grows;
    int devs_open;
    /* recording */
    bool recording;
    uint8_t *base0;
    uint64_t base0_size;
    memop *ops;
    size_t nops, opcap;
} memimg;

typedef struct memdev {
    hal_blockdev base;
    memimg *img;
} memdev;

static inline void *memdev_xalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fprintf(stderr, "memdev: out of memory (%zu bytes)\n", n);
        exit(2);
    }
    return p;
}

/* Makes room for size bytes (zero-filled); caller holds the lock. */
static inline void memimg_resize_locked(memimg *m, uint64_t size)
{
    if (size > m->cap) {
        uint64_t cap = m->cap ? m->cap : 65536;
        while (cap < size)
            cap *= 2;
        uint8_t *d = realloc(m->data, cap);
        if (!d) {
            fprintf(stderr, "memdev: out of memory (%llu bytes)\n", (unsigned long long)cap);
            exit(2);
        }
        memset(d + m->cap, 0, cap - m->cap);
        m->data = d;
        m->cap = cap;
    }
    if (size < m->size)
        memset(m->data + size, 0, m->size - size);
    m->size = size;
}

static inline bool memdev_zero(const uint8_t *p, size_t n)
{
    uint64_t acc = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        acc |= v;
    }
    for (; i < n; i++)
        acc |= p[i];
    return acc == 0;
}

/* A disk holding a copy of content.  Zero 4 KiB chunks are not copied (the
 * fresh allocation is zero already): crash tests copy mostly empty disks
 * many times. */
static inline memimg *memimg_new(const void *content, uint64_t size)
{
    memimg *m = memdev_xalloc(sizeof *m);
    pthread_mutex_init(&m->lock, NULL);
    m->data = memdev_xalloc(size);
    m->size = m->cap = size;
    const uint8_t *src = content;
    for (uint64_t off = 0; src && off < size; off += 4096) {
        size_t n = size - off < 4096 ? (size_t)(size - off) : 4096;
        if (!memdev_zero(src + off, n))
            memcpy(m->data + off, src + off, n);
    }
    return m;
}

static inline memimg *memimg_clone(memimg *src)
{
    pthread_mutex_lock(&src->lock);
    memimg *m = memimg_new(src->data, src->size);
    pthread_mutex_unlock(&src->lock);
    return m;
}

static inline void memimg_record_stop(memimg *m)
{
    pthread_mutex_lock(&m->lock);
    for (size_t i = 0; i < m->nops; i++)
        free(m->ops[i].data);
    free(m->ops);
    free(m->base0);
    m->ops = NULL;
    m->base0 = NULL;
    m->nops = m->opcap = 0;
    m->base0_size = 0;
    m->recording = false;
    pthread_mutex_unlock(&m->lock);
}

static inline void memimg_record_start(memimg *m)
{
    memimg_record_stop(m);
    pthread_mutex_lock(&m->lock);
    m->base0 = memdev_xalloc(m->size);
    if (m->size)
        memcpy(m->base0, m->data, m->size);
    m->base0_size = m->size;
    m->recording = true;
    pthread_mutex_unlock(&m->lock);
}

static inline void memimg_free(memimg *m)
{
    if (!m)
        return;
    if (m->devs_open)
        fprintf(stderr, "memdev: image freed with %d device(s) still open\n", m->devs_open);
    memimg_record_stop(m);
    free(m->data);
    pthread_mutex_destroy(&m->lock);
    free(m);
}

static inline void memimg_log(memimg *m, int kind, bool failed, uint64_t off, uint64_t len,
                       const void *data)
{
    if (!m->recording)
        return;
    if (m->nops == m->opcap) {
        size_t cap = m->opcap ? m->opcap * 2 : 256;
        memop *o = realloc(m->ops, cap * sizeof *o);
        if (!o) {
            fprintf(stderr, "memdev: out of memory\n");
            exit(2);
        }
        m->ops = o;
        m->opcap = cap;
    }
    memop *op = &m->ops[m->nops++];
    op->kind = kind;
    op->failed = failed;
    op->off = off;
    op->len = len;
    op->data = NULL;
    if (kind == MOP_WRITE && !failed) {
        op->data = memdev_xalloc(len);
        memcpy(op->data, data, len);
    }
}

/* Takes a fault if one is armed: returns the error or 0. */
static inline int memimg_fault(int err, long *after)
{
    if (!err)
        return 0;
    if (*after > 0) {
        (*after)--;
        return 0;
    }
    return err;
}

static inline memimg *md_img(hal_blockdev *d) { return ((memdev *)d)->img; }

static inline int md_read(hal_blockdev *d, void *buf, size_t len, uint64_t off)
{
    memimg *m = md_img(d);
    pthread_mutex_lock(&m->lock);
    int rc = 0;
    m->reads++;
    if (off > m->size || len > m->size - off)
        rc = -ENODATA; /* past the end, like a file */
    else
        memcpy(buf, m->data + off, len);
    pthread_mutex_unlock(&m->lock);
    return rc;
}

static inline int md_write(hal_blockdev *d, const void *buf, size_t len, uint64_t off)
{
    memimg *m = md_img(d);
    pthread_mutex_lock(&m->lock);
    int rc = m->write_fault_below && off >= m->write_fault_below
                 ? 0
                 : memimg_fault(m->write_err, &m->write_after);
    if (rc)
        m->failed_writes++;
    if (rc && !m->failed_writes_land) {
        memimg_log(m, MOP_WRITE, true, off, len, NULL);
    } else {
        if (off + len > m->size)
            memimg_resize_locked(m, off + len);
        memcpy(m->data + off, buf, len);
        m->writes++;
        m->bytes_written += len;
        memimg_log(m, MOP_WRITE, false, off, len, buf);
    }
    pthread_mutex_unlock(&m->lock);
    return rc;
}

static inline int md_flush(hal_blockdev *d)
{
    memimg *m = md_img(d);
    pthread_mutex_lock(&m->lock);
    int rc = memimg_fault(m->flush_err, &m->flush_after);
    if (rc)
        m->failed_flushes++;
    else
        m->flushes++;
    memimg_log(m, MOP_FLUSH, rc != 0, 0, 0, NULL);
    pthread_mutex_unlock(&m->lock);
    return rc;
}

static inline int md_size(hal_blockdev *d, uint64_t *bytes)
{
    memimg *m = md_img(d);
    pthread_mutex_lock(&m->lock);
    *bytes = m->size;
    pthread_mutex_unlock(&m->lock);
    return 0;
}

static inline int md_grow(hal_blockdev *d, uint64_t bytes)
{
    memimg *m = md_img(d);
    pthread_mutex_lock(&m->lock);
    int rc = 0;
    if (bytes > m->size) {
        if (m->grow_err)
            rc = m->grow_err;
        else if ((m->max_size && bytes > m->max_size) ||
                 (m->grow_max && bytes - m->size > m->grow_max))
            rc = -ENOSPC;
        if (rc) {
            m->failed_grows++;
        } else {
            memimg_resize_locked(m, bytes);
            m->grows++;
            memimg_log(m, MOP_GROW, false, bytes, 0, NULL);
        }
    }
    pthread_mutex_unlock(&m->lock);
    return rc;
}

static inline void md_close(hal_blockdev *d)
{
    memimg *m = md_img(d);
    pthread_mutex_lock(&m->lock);
    m->devs_open--;
    pthread_mutex_unlock(&m->lock);
    free(d);
}

/* No writeback hint: the simulated disk has nothing to start early. */
static const hal_blockdev_ops memdev_ops = {md_read, md_write, md_flush, md_size, md_grow, md_close, NULL, NULL, NULL};

/* A device on m, named name (messages use it as the path). */
static inline hal_blockdev *memimg_dev(memimg *m, const char *name)
{
    memdev *d = memdev_xalloc(sizeof *d);
    d->base.ops = &memdev_ops;
    snprintf(d->base.name, sizeof d->base.name, "%s", name);
    d->img = m;
    pthread_mutex_lock(&m->lock);
    m->devs_open++;
    pthread_mutex_unlock(&m->lock);
    return &d->base;
}

/* Applies one recorded op to a plain buffer (for crash builders). */
static inline void memop_apply(memimg *dst, const memop *op, uint64_t prefix)
{
    if (op->failed)
        return;
    if (op->kind == MOP_GROW) {
        if (op->off > dst->size)
            memimg_resize_locked(dst, op->off);
    } else if (op->kind == MOP_WRITE) {
        uint64_t n = prefix < op->len ? prefix : op->len;
        if (op->off + op->len > dst->size)
            memimg_resize_locked(dst, op->off + op->len);
        memcpy(dst->data + op->off, op->data, n);
    }
}

/* What the disk would hold after power loss now (see the top comment). */
static inline memimg *memimg_durable(memimg *m)
{
    pthread_mutex_lock(&m->lock);
    memimg *out = memimg_new(m->base0, m->base0_size);
    size_t pending = 0; /* first op not yet covered by a flush */
    for (size_t i = 0; i < m->nops; i++) {
        const memop *op = &m->ops[i];
        if (op->kind == MOP_GROW) {
            memop_apply(out, op, 0);
        } else if (op->kind == MOP_FLUSH) {
            if (!op->failed)
                for (size_t j = pending; j < i; j++)
                    if (m->ops[j].kind == MOP_WRITE)
                        memop_apply(out, &m->ops[j], UINT64_MAX);
            pending = i + 1;
        }
    }
    pthread_mutex_unlock(&m->lock);
    return out;
}

#endif
