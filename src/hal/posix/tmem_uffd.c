/*
 * tmem_uffd.c - tracked memory with Linux userfaultfd (MISSING + WP modes),
 * in two strategies: "uffd" (every write fault a round trip to the handler
 * thread) and "uffd-async" (write faults resolved in the kernel; see the
 * end of this file and tmem_pagemap.c).
 *
 * The space is anonymous private memory registered with one userfaultfd.  A
 * handler thread serves two kinds of fault:
 *   missing page  -> read it from the image (fill) and install it with
 *                    UFFDIO_COPY, write-protected unless the access was a
 *                    write (then it is dirty at once);
 *   write to a write-protected page -> tmem_note_write() (copy-on-write of
 *                    a frozen page, dirty bit), then remove the protection.
 * Every clean resident page is write-protected, so the first write after a
 * snapshot is always seen: that is the dirty tracking.  Freezing
 * write-protects exactly the frozen pages, so the pause costs O(dirty).
 */
#define _GNU_SOURCE
#include "tmem_internal.h"
#include "uapi_wpasync.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef struct uffd_state {
    bool async;                   /* UFFD_FEATURE_WP_ASYNC negotiated */
    int pagemap;                  /* /proc/self/pagemap (async only) */
    int uffd;
    int stop_pipe[2];
    hal_thread *handler;
    uint8_t *fillbuf;
} uffd_state;

static int uffd_create(void) { return (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK); }

/* Feature negotiation: the kernel refuses (EINVAL) a feature it lacks. */
static int uffd_api(int fd, bool async, char *why, size_t whylen)
{
    struct uffdio_api api = {
        .api = UFFD_API,
        .features = UFFD_FEATURE_PAGEFAULT_FLAG_WP | (async ? UFFD_FEATURE_WP_ASYNC : 0),
    };
    if (ioctl(fd, UFFDIO_API, &api)) {
        snprintf(why, whylen, "userfaultfd %swrite-protect not supported: %s",
                 async ? "asynchronous " : "", strerror(errno));
        return -ENOTSUP;
    }
    return 0;
}

static int uffd_open_api(bool async, char *why, size_t whylen)
{
    int fd = uffd_create();
    if (fd < 0) {
        snprintf(why, whylen, "userfaultfd unavailable: %s%s", strerror(errno),
                 errno == EPERM ? " (needs root or vm.unprivileged_userfaultfd=1)" : "");
        return -ENOTSUP;
    }
    int rc = uffd_api(fd, async, why, whylen);
    if (rc) {
        close(fd);
        return rc;
    }
    return fd;
}

static int uffd_probe(char *why, size_t whylen)
{
    int fd = uffd_open_api(false, why, whylen);
    if (fd < 0)
        return fd;
    close(fd);
    return 0;
}

static int wp_range(uffd_state *u, uint64_t addr, uint64_t len, bool protect)
{
    struct uffdio_writeprotect wp = {
        .range = {.start = addr, .len = len},
        .mode = protect ? UFFDIO_WRITEPROTECT_MODE_WP : 0,
    };
    while (ioctl(u->uffd, UFFDIO_WRITEPROTECT, &wp)) {
        if (errno != EAGAIN)
            return -errno;
    }
    return 0;
}

static void wake(uffd_state *u, uint64_t addr)
{
    struct uffdio_range r = {.start = addr, .len = HAL_PAGE_SIZE};
    ioctl(u->uffd, UFFDIO_WAKE, &r);
}

/* A first touch.  The instant rule (hal.h) decides the order: the page is
 * marked resident (and, for a write, dirty) before UFFDIO_COPY maps it,
 * because the copy also wakes the faulting thread, which may then write
 * the page and reach a safepoint at once, while this thread is not yet
 * scheduled again.  Were the dirty mark made after the copy, a snapshot
 * frozen in that gap would leave out a page already written.  Everything
 * happens under the page's stripe lock, so hal_tmem_prepare, which takes
 * the dirty mark and then write-protects the page under that lock, never
 * protects the page before it is mapped (a no-op that would leave a page
 * counted as frozen writable). */
static void serve_missing(hal_tmem *t, uffd_state *u, uint64_t addr, bool write)
{
    uint64_t pg = (addr - (uint64_t)(uintptr_t)t->base) / HAL_PAGE_SIZE;
    tmem_lock(t, pg);
    if (tmem_test(t->resident, pg)) { /* raced with another fault */
        tmem_unlock(t, pg);
        wake(u, addr);
        return;
    }
    int rc = t->cfg.fill(t->cfg.ctx, pg, u->fillbuf);
    if (rc) {
        char msg[160];
        snprintf(msg, sizeof msg, "cannot load page %llu of the persistent space: %s",
                 (unsigned long long)pg, hal_strerror(rc));
        t->cfg.fatal(t->cfg.ctx, HAL_FATAL_FILL, msg);
    }
    tmem_note_filled(t, pg, write);
    struct uffdio_copy c = {
        .dst = addr,
        .src = (uint64_t)(uintptr_t)u->fillbuf,
        .len = HAL_PAGE_SIZE,
        .mode = write ? 0 : UFFDIO_COPY_MODE_WP,
    };
    while (ioctl(u->uffd, UFFDIO_COPY, &c)) {
        if (errno == EEXIST)
            break;
        if (errno != EAGAIN) {
            char msg[160];
            snprintf(msg, sizeof msg, "UFFDIO_COPY of page %llu failed: %s",
                     (unsigned long long)pg, strerror(errno));
            t->cfg.fatal(t->cfg.ctx, HAL_FATAL_HOST, msg);
        }
        c.copy = 0;
    }
    tmem_unlock(t, pg);
    if (t->cfg.fault_hook)
        t->cfg.fault_hook(t->cfg.hook_ctx, pg, write);
}

/* A write to a clean or frozen page: secured and marked dirty (the instant
 * rule) before the protection is removed, which wakes the writer. */
static void serve_wp(hal_tmem *t, uffd_state *u, uint64_t addr)
{
    uint64_t pg = (addr - (uint64_t)(uintptr_t)t->base) / HAL_PAGE_SIZE;
    tmem_lock(t, pg);
    /* If the page was evicted meanwhile, unprotecting the empty slot makes
     * the writer fault again as a missing page and reload it. */
    bool resident = tmem_note_write(t, pg);
    int rc = wp_range(u, addr, HAL_PAGE_SIZE, false); /* also wakes the writer */
    tmem_unlock(t, pg);
    if (rc && rc != -ENOENT) {
        char msg[160];
        snprintf(msg, sizeof msg, "cannot unprotect page %llu: %s", (unsigned long long)pg,
                 hal_strerror(rc));
        t->cfg.fatal(t->cfg.ctx, HAL_FATAL_HOST, msg);
    }
    if (resident && t->cfg.fault_hook)
        t->cfg.fault_hook(t->cfg.hook_ctx, pg, true);
}

static void handler_main(void *arg)
{
    hal_tmem *t = arg;
    uffd_state *u = t->impl;
    struct uffd_msg msgs[64];
    for (;;) {
        struct pollfd p[2] = {{u->uffd, POLLIN, 0}, {u->stop_pipe[0], POLLIN, 0}};
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            t->cfg.fatal(t->cfg.ctx, HAL_FATAL_HOST, "poll on userfaultfd failed");
        }
        if (p[1].revents)
            return;
        ssize_t n = read(u->uffd, msgs, sizeof msgs);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                continue;
            t->cfg.fatal(t->cfg.ctx, HAL_FATAL_HOST, "read from userfaultfd failed");
        }
        for (size_t i = 0; i < (size_t)n / sizeof msgs[0]; i++) {
            if (msgs[i].event != UFFD_EVENT_PAGEFAULT)
                continue;
            uint64_t flags = msgs[i].arg.pagefault.flags;
            uint64_t addr = msgs[i].arg.pagefault.address & ~(uint64_t)(HAL_PAGE_SIZE - 1);
            if (flags & UFFD_PAGEFAULT_FLAG_WP)
                serve_wp(t, u, addr);
            else
                serve_missing(t, u, addr, flags & UFFD_PAGEFAULT_FLAG_WRITE);
        }
    }
}

static int uffd_setup(hal_tmem *t, bool async, char *why, size_t whylen)
{
    uffd_state *u = calloc(1, sizeof *u);
    if (!u)
        return -ENOMEM;
    u->async = async;
    u->pagemap = -1;
    u->uffd = -1;
    u->stop_pipe[0] = u->stop_pipe[1] = -1;
    t->impl = u;
    int rc;
    void *p = mmap(t->base, t->cfg.size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED || p != t->base) {
        rc = p == MAP_FAILED ? -errno : -EEXIST;
        if (p != MAP_FAILED)
            munmap(p, t->cfg.size);
        snprintf(why, whylen, "cannot map the persistent space at %p (%llu bytes): %s", t->base,
                 (unsigned long long)t->cfg.size,
                 rc == -EEXIST ? "the address range is in use" : hal_strerror(rc));
        free(u);
        t->impl = NULL;
        return rc;
    }
    u->fillbuf = hal_pages_alloc(HAL_PAGE_SIZE);
    u->uffd = uffd_create();
    if (u->uffd < 0 || !u->fillbuf) {
        rc = -errno;
        snprintf(why, whylen, "userfaultfd: %s", strerror(errno));
        goto fail;
    }
    if ((rc = uffd_api(u->uffd, async, why, whylen)))
        goto fail;
    if (async && (u->pagemap = tmem_pagemap_open(why, whylen)) < 0) {
        rc = u->pagemap;
        goto fail;
    }
    struct uffdio_register reg = {
        .range = {.start = (uint64_t)(uintptr_t)t->base, .len = t->cfg.size},
        .mode = UFFDIO_REGISTER_MODE_MISSING | UFFDIO_REGISTER_MODE_WP,
    };
    if (ioctl(u->uffd, UFFDIO_REGISTER, &reg)) {
        rc = -errno;
        snprintf(why, whylen, "cannot register the space with userfaultfd: %s", strerror(errno));
        goto fail;
    }
    if (pipe2(u->stop_pipe, O_CLOEXEC)) {
        rc = -errno;
        snprintf(why, whylen, "pipe: %s", strerror(errno));
        goto fail;
    }
    if ((rc = hal_thread_start(&u->handler, handler_main, t, "pw-fault"))) {
        snprintf(why, whylen, "cannot start the page-fault thread: %s", hal_strerror(rc));
        goto fail;
    }
    return 0;
fail:
    if (u->uffd >= 0)
        close(u->uffd);
    if (u->pagemap >= 0)
        close(u->pagemap);
    if (u->stop_pipe[0] >= 0) {
        close(u->stop_pipe[0]);
        close(u->stop_pipe[1]);
    }
    hal_pages_free(u->fillbuf, HAL_PAGE_SIZE);
    munmap(t->base, t->cfg.size);
    free(u);
    t->impl = NULL;
    return rc;
}

static int uffd_init(hal_tmem *t, char *why, size_t whylen) { return uffd_setup(t, false, why, whylen); }

static void uffd_fini(hal_tmem *t)
{
    uffd_state *u = t->impl;
    if (!u)
        return;
    if (write(u->stop_pipe[1], "x", 1) < 0) {
        /* the handler also stops when the descriptors close below */
    }
    hal_thread_join(u->handler);
    close(u->uffd);
    if (u->pagemap >= 0)
        close(u->pagemap);
    close(u->stop_pipe[0]);
    close(u->stop_pipe[1]);
    munmap(t->base, t->cfg.size);
    hal_pages_free(u->fillbuf, HAL_PAGE_SIZE);
    free(u);
}

static int uffd_protect(hal_tmem *t, uint64_t first, uint64_t n)
{
    uint64_t base = (uint64_t)(uintptr_t)t->base;
    return wp_range(t->impl, base + first * HAL_PAGE_SIZE, n * HAL_PAGE_SIZE, true);
}

static int uffd_drop(hal_tmem *t, uint64_t pgno)
{
    return madvise(t->base + pgno * HAL_PAGE_SIZE, HAL_PAGE_SIZE, MADV_DONTNEED) ? -errno : 0;
}

static const void *uffd_view(hal_tmem *t, uint64_t pgno) { return t->base + pgno * HAL_PAGE_SIZE; }

/* One UFFDIO_COPY for the whole run, writable (the pages are dirty), which
 * also wakes any thread already waiting on one of them. */
static int uffd_install(hal_tmem *t, uint64_t first, uint64_t n, const uint8_t *src, bool writable)
{
    uffd_state *u = t->impl;
    uint64_t done = 0, len = n * HAL_PAGE_SIZE;
    while (done < len) {
        struct uffdio_copy c = {
            .dst = (uint64_t)(uintptr_t)t->base + first * HAL_PAGE_SIZE + done,
            .src = (uint64_t)(uintptr_t)src + done,
            .len = len - done,
            .mode = writable ? 0 : UFFDIO_COPY_MODE_WP,
        };
        if (!ioctl(u->uffd, UFFDIO_COPY, &c))
            return 0;
        if (errno != EAGAIN)
            return -errno; /* EEXIST included: a page thought unmapped was mapped */
        if (c.copy > 0)
            done += (uint64_t)c.copy;
    }
    return 0;
}

const tmem_ops tmem_uffd_ops = {
    .name = "uffd",
    .probe = uffd_probe,
    .init = uffd_init,
    .fini = uffd_fini,
    .protect = uffd_protect,
    .drop = uffd_drop,
    .view = uffd_view,
    .install = uffd_install,
};

/* ---- uffd-async ----------------------------------------------------------
 *
 * The same registration (MISSING + WP) with UFFD_FEATURE_WP_ASYNC: a write
 * to a write-protected page is resolved inside the kernel, which clears the
 * page's uffd-wp bit and lets the write proceed; no message, no handler
 * thread, no context switch.  Only first touches still come to the handler.
 * The written set is read back with PAGEMAP_SCAN (tmem_pagemap.c), which
 * write-protects what it reports in the same walk: that is the harvest
 * hal_tmem_prepare and hal_tmem_freeze run (tmem.c says how a snapshot
 * keeps its instant without a fault to copy on).
 *
 * Usable when the kernel accepts the feature (UFFDIO_API) and PAGEMAP_SCAN
 * works on a range registered this way (Linux 6.7 and later). */
static int uffd_async_probe(char *why, size_t whylen)
{
    int fd = uffd_open_api(true, why, whylen);
    if (fd < 0)
        return fd;
    int rc = -ENOTSUP;
    void *p = mmap(NULL, HAL_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        snprintf(why, whylen, "mmap: %s", strerror(errno));
        close(fd);
        return -ENOMEM;
    }
    struct uffdio_register reg = {
        .range = {.start = (uint64_t)(uintptr_t)p, .len = HAL_PAGE_SIZE},
        .mode = UFFDIO_REGISTER_MODE_WP,
    };
    if (ioctl(fd, UFFDIO_REGISTER, &reg)) {
        snprintf(why, whylen, "cannot register memory for asynchronous write-protect: %s",
                 strerror(errno));
    } else {
        int pm = tmem_pagemap_open(why, whylen);
        if (pm >= 0) {
            *(volatile uint8_t *)p = 1; /* written: the probe must see it */
            uint64_t n = 0;
            rc = tmem_pagemap_scan_probe(pm, p, &n, why, whylen);
            if (!rc && n != 1) {
                snprintf(why, whylen, "PAGEMAP_SCAN did not report a written page");
                rc = -ENOTSUP;
            }
            close(pm);
        }
    }
    munmap(p, HAL_PAGE_SIZE);
    close(fd);
    return rc;
}

static int uffd_async_init(hal_tmem *t, char *why, size_t whylen)
{
    return uffd_setup(t, true, why, whylen);
}

/* Pages the program wrote since they were last protected are marked dirty
 * and protected again, in one walk per stretch of the space. */
static int uffd_async_harvest(hal_tmem *t)
{
    uffd_state *u = t->impl;
    return tmem_pagemap_harvest(t, u->pagemap);
}

/* A written page's only record is in its page-table entry, which
 * MADV_DONTNEED would discard with the page: a write racing with the drop
 * could not be told apart from a clean page.  So pages are never dropped;
 * a world that bounds its memory gets another strategy unless it names
 * this one (docs/ARCHITECTURE.md, 4.2.1). */
static int uffd_async_drop(hal_tmem *t, uint64_t pgno)
{
    (void)t;
    (void)pgno;
    return -EBUSY;
}

const tmem_ops tmem_uffd_async_ops = {
    .name = "uffd-async",
    .probe = uffd_async_probe,
    .init = uffd_async_init,
    .fini = uffd_fini,
    .protect = uffd_protect,
    .drop = uffd_async_drop,
    .view = uffd_view,
    .install = uffd_install,
    .harvest = uffd_async_harvest,
    .unbounded = true,
};
