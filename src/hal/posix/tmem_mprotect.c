/*
 * tmem_mprotect.c - tracked memory with mprotect() and a SIGSEGV handler:
 * plain POSIX, for hosts without userfaultfd.
 *
 * The space is a shared mapping of a memfd, mapped twice: the program's
 * view at the fixed base, whose per-page protection encodes the state
 * (PROT_NONE not resident, PROT_READ clean or frozen, read-write dirty), and
 * a private read-write alias that the engine uses to fill pages and to read
 * frozen ones without faulting.  The SIGSEGV handler runs on the faulting
 * thread: a fault on a PROT_NONE page fills it and makes it readable; a
 * fault on a readable page is a write, handled by tmem_note_write().
 *
 * Limits: every change of protection may split a kernel VMA, so a very
 * fragmented dirty set can reach vm.max_map_count.  The fill callback runs
 * in signal context and is not async-signal-safe (the engine's fill takes a
 * mutex and may allocate a page-map node); this is safe only because the
 * faulting code is the program's own access to the space, never code inside
 * the allocator or the engine.  The uffd strategy, which fills on its own
 * thread, has no such caveat and is preferred wherever it works.
 */
#define _GNU_SOURCE
#include "tmem_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct mp_state {
    int memfd;
    uint8_t *alias;
    struct sigaction previous;
} mp_state;

/* One process-wide handler dispatches to the regions currently open. */
#define MAX_REGIONS 8
static hal_tmem *_Atomic regions[MAX_REGIONS];
static struct sigaction chained;
static atomic_int handler_installed;

static int mp_probe(char *why, size_t whylen)
{
    int fd = memfd_create("phantom-probe", MFD_CLOEXEC);
    if (fd < 0) {
        snprintf(why, whylen, "memfd_create unavailable: %s", strerror(errno));
        return -ENOTSUP;
    }
    close(fd);
    return 0;
}

static void fatal_errno(hal_tmem *t, const char *what, uint64_t pg)
{
    char msg[320];
    if (errno == ENOMEM)
        /* Each page whose protection differs from its neighbours' is a
         * separate kernel mapping; very scattered writes reach the limit. */
        snprintf(msg, sizeof msg,
                 "%s of page %llu failed: the host's limit on memory mappings "
                 "(vm.max_map_count) was reached by scattered writes; use the uffd strategy "
                 "or raise vm.max_map_count",
                 what, (unsigned long long)pg);
    else
        snprintf(msg, sizeof msg, "%s of page %llu failed: %s", what, (unsigned long long)pg,
                 strerror(errno));
    t->cfg.fatal(t->cfg.ctx, HAL_FATAL_HOST, msg);
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    uint8_t *addr = si->si_addr;
    for (int i = 0; i < MAX_REGIONS; i++) {
        hal_tmem *t = atomic_load(&regions[i]);
        if (!t || addr < t->base || addr >= t->base + t->cfg.size)
            continue;
        mp_state *m = t->impl;
        uint64_t pg = (uint64_t)(addr - t->base) / HAL_PAGE_SIZE;
        uint8_t *page = t->base + pg * HAL_PAGE_SIZE;
        int saved_errno = errno;
        /* The instant rule (hal.h) holds trivially here: the faulting
         * thread itself runs this handler, so it writes nothing before the
         * handler has marked the page. */
        tmem_lock(t, pg);
        bool write = false, served = true;
        if (!tmem_test(t->resident, pg)) {
            int rc = t->cfg.fill(t->cfg.ctx, pg, m->alias + pg * HAL_PAGE_SIZE);
            if (rc) {
                char msg[160];
                snprintf(msg, sizeof msg, "cannot load page %llu of the persistent space: %s",
                         (unsigned long long)pg, hal_strerror(rc));
                t->cfg.fatal(t->cfg.ctx, HAL_FATAL_FILL, msg);
            }
            tmem_note_filled(t, pg, false);
            if (mprotect(page, HAL_PAGE_SIZE, PROT_READ))
                fatal_errno(t, "mprotect", pg);
        } else if (tmem_note_write(t, pg)) {
            /* A resident page faults only when written (it is readable),
             * or when a read fault lost the race with hal_tmem_preload,
             * which made it resident meanwhile: taken as a write, that
             * costs one page more in the next snapshot, nothing else.
             * Unprotect under the lock, so eviction cannot drop it between
             * the dirty mark and the write. */
            if (mprotect(page, HAL_PAGE_SIZE, PROT_READ | PROT_WRITE))
                fatal_errno(t, "mprotect", pg);
            write = true;
        } else {
            served = false; /* evicted meanwhile: the access faults again */
        }
        tmem_unlock(t, pg);
        if (served && t->cfg.fault_hook)
            t->cfg.fault_hook(t->cfg.hook_ctx, pg, write);
        errno = saved_errno;
        return; /* the access is retried */
    }
    /* Not ours: a real fault.  Leave the evidence, then hand over to
     * whoever was installed before us. */
    hal_posix_note_crash(sig);
    if (chained.sa_flags & SA_SIGINFO && chained.sa_sigaction) {
        chained.sa_sigaction(sig, si, uc);
        return;
    }
    if (chained.sa_handler != SIG_IGN && chained.sa_handler != SIG_DFL && chained.sa_handler) {
        chained.sa_handler(sig);
        return;
    }
    signal(sig, SIG_DFL); /* re-executing the access now kills the process */
}

bool tmem_mprotect_owns_segv(void) { return atomic_load(&handler_installed) != 0; }

static int install_handler(void)
{
    if (atomic_exchange(&handler_installed, 1))
        return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGSEGV, &sa, &chained)) {
        atomic_store(&handler_installed, 0);
        return -errno;
    }
    return 0;
}

static int mp_init(hal_tmem *t, char *why, size_t whylen)
{
    mp_state *m = calloc(1, sizeof *m);
    if (!m)
        return -ENOMEM;
    int rc;
    m->memfd = memfd_create("phantom-world", MFD_CLOEXEC);
    if (m->memfd < 0 || ftruncate(m->memfd, (off_t)t->cfg.size)) {
        rc = -errno;
        snprintf(why, whylen, "cannot create the backing memory: %s", strerror(errno));
        goto fail;
    }
    void *p = mmap(t->base, t->cfg.size, PROT_NONE, MAP_SHARED | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
                   m->memfd, 0);
    if (p == MAP_FAILED || p != t->base) {
        rc = p == MAP_FAILED ? -errno : -EEXIST;
        if (p != MAP_FAILED)
            munmap(p, t->cfg.size);
        snprintf(why, whylen, "cannot map the persistent space at %p (%llu bytes): %s", t->base,
                 (unsigned long long)t->cfg.size,
                 rc == -EEXIST ? "the address range is in use" : hal_strerror(rc));
        goto fail;
    }
    m->alias = mmap(NULL, t->cfg.size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, m->memfd, 0);
    if (m->alias == MAP_FAILED) {
        rc = -errno;
        snprintf(why, whylen, "cannot map the engine's view of the space: %s", strerror(errno));
        munmap(t->base, t->cfg.size);
        goto fail;
    }
    t->impl = m;
    int slot = -1;
    for (int i = 0; i < MAX_REGIONS && slot < 0; i++) {
        hal_tmem *expect = NULL;
        if (atomic_compare_exchange_strong(&regions[i], &expect, t))
            slot = i;
    }
    if (slot < 0 || (rc = install_handler())) {
        rc = slot < 0 ? -EMFILE : rc;
        snprintf(why, whylen, "cannot install the page-fault handler: %s", hal_strerror(rc));
        if (slot >= 0)
            atomic_store(&regions[slot], NULL);
        munmap(m->alias, t->cfg.size);
        munmap(t->base, t->cfg.size);
        t->impl = NULL;
        goto fail;
    }
    return 0;
fail:
    if (m->memfd >= 0)
        close(m->memfd);
    free(m);
    return rc;
}

static void mp_fini(hal_tmem *t)
{
    mp_state *m = t->impl;
    if (!m)
        return;
    for (int i = 0; i < MAX_REGIONS; i++) {
        hal_tmem *expect = t;
        atomic_compare_exchange_strong(&regions[i], &expect, NULL);
    }
    munmap(t->base, t->cfg.size);
    munmap(m->alias, t->cfg.size);
    close(m->memfd);
    free(m);
}

static int mp_protect(hal_tmem *t, uint64_t first, uint64_t n)
{
    return mprotect(t->base + first * HAL_PAGE_SIZE, n * HAL_PAGE_SIZE, PROT_READ) ? -errno : 0;
}

static int mp_drop(hal_tmem *t, uint64_t pgno)
{
    mp_state *m = t->impl;
    if (mprotect(t->base + pgno * HAL_PAGE_SIZE, HAL_PAGE_SIZE, PROT_NONE))
        return -errno;
    if (fallocate(m->memfd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, (off_t)(pgno * HAL_PAGE_SIZE),
                  HAL_PAGE_SIZE))
        return -errno;
    return 0;
}

static const void *mp_view(hal_tmem *t, uint64_t pgno)
{
    mp_state *m = t->impl;
    return m->alias + pgno * HAL_PAGE_SIZE;
}

/* The content goes in through the alias; the program's view becomes
 * read-write with one mprotect for the run (no signal per page). */
static int mp_install(hal_tmem *t, uint64_t first, uint64_t n, const uint8_t *src, bool writable)
{
    mp_state *m = t->impl;
    memcpy(m->alias + first * HAL_PAGE_SIZE, src, n * HAL_PAGE_SIZE);
    return mprotect(t->base + first * HAL_PAGE_SIZE, n * HAL_PAGE_SIZE, PROT_READ | (writable ? PROT_WRITE : 0))
               ? -errno
               : 0;
}

const tmem_ops tmem_mprotect_ops = {
    .name = "mprotect",
    .probe = mp_probe,
    .init = mp_init,
    .fini = mp_fini,
    .protect = mp_protect,
    .drop = mp_drop,
    .view = mp_view,
    .install = mp_install,
};
