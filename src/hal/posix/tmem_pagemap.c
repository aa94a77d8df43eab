/*
 * tmem_pagemap.c - reading the written set of the uffd-async strategy with
 * the PAGEMAP_SCAN ioctl on /proc/self/pagemap.
 *
 * One walk finds the pages whose uffd-wp bit is clear (PAGE_IS_WRITTEN:
 * written since last protected, or installed writable) and, with
 * PM_SCAN_WP_MATCHING, protects them again before reporting them, so a
 * write that lands after the walk passed a page is reported by the next
 * walk: no write is ever lost between two harvests.
 */
#define _GNU_SOURCE
#include "tmem_internal.h"
#include "uapi_wpasync.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Regions a walk reports at most before it stops and is resumed. */
#define SCAN_REGIONS 512

int tmem_pagemap_open(char *why, size_t whylen)
{
    int fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, whylen, "cannot open /proc/self/pagemap: %s", strerror(errno));
        return -ENOTSUP;
    }
    return fd;
}

/* One walk over [start, end): written pages protected and reported in vec.
 * Returns the regions filled (>= 0) or a negative error; *walk_end is where
 * the walk stopped (end when it covered the range). */
static long scan(int fd, uint64_t start, uint64_t end, struct page_region *vec, size_t nvec,
                 uint64_t *walk_end)
{
    struct pm_scan_arg a = {
        .size = sizeof a,
        .flags = PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC,
        .start = start,
        .end = end,
        .vec = (uint64_t)(uintptr_t)vec,
        .vec_len = nvec,
        /* A page never mapped also counts as "written" (no uffd-wp bit),
         * and protecting it would plant a marker in its empty entry: only
         * pages with content, in memory or in swap, are harvested. */
        .category_mask = PAGE_IS_WRITTEN,
        .category_anyof_mask = PAGE_IS_PRESENT | PAGE_IS_SWAPPED,
        .return_mask = PAGE_IS_WRITTEN,
    };
    long n;
    while ((n = ioctl(fd, PAGEMAP_SCAN, &a)) < 0 && errno == EINTR)
        ;
    if (n < 0)
        return -errno;
    *walk_end = a.walk_end;
    return n;
}

int tmem_pagemap_scan_probe(int fd, void *page, uint64_t *npages, char *why, size_t whylen)
{
    struct page_region r[4];
    uint64_t start = (uint64_t)(uintptr_t)page, walk_end = 0;
    long n = scan(fd, start, start + HAL_PAGE_SIZE, r, 4, &walk_end);
    if (n < 0) {
        snprintf(why, whylen, "PAGEMAP_SCAN not supported: %s", strerror((int)-n));
        return -ENOTSUP;
    }
    *npages = 0;
    for (long i = 0; i < n; i++)
        *npages += (r[i].end - r[i].start) / HAL_PAGE_SIZE;
    return 0;
}

int tmem_pagemap_harvest(hal_tmem *t, int fd)
{
    struct page_region vec[SCAN_REGIONS];
    uint64_t base = (uint64_t)(uintptr_t)t->base;
    uint64_t at = base, end = base + t->npages * HAL_PAGE_SIZE;
    while (at < end) {
        uint64_t walk_end = end;
        long n = scan(fd, at, end, vec, SCAN_REGIONS, &walk_end);
        if (n < 0)
            return (int)n;
        for (long i = 0; i < n; i++)
            for (uint64_t a = vec[i].start; a < vec[i].end; a += HAL_PAGE_SIZE)
                /* Mapped, so resident: every path marks a page resident
                 * before it maps it.  No stripe lock: the mark is atomic,
                 * and with this strategy no page is dropped (uffd_async_drop)
                 * nor copied on a fault, the two things it would order. */
                tmem_mark_dirty(t, (a - base) / HAL_PAGE_SIZE);
        if (walk_end <= at)
            return -EIO; /* no progress: would loop forever */
        at = walk_end;
    }
    return 0;
}
