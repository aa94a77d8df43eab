/*
 * uapi_wpasync.h - the Linux UAPI definitions the uffd-async strategy needs
 * that Debian 12's kernel headers (6.1) lack.  Written from the kernel's
 * UAPI as documented for Linux 6.7, where both appeared:
 *   include/uapi/linux/userfaultfd.h: UFFD_FEATURE_WP_ASYNC, feature bit 15
 *     (write faults on write-protected pages resolved by the kernel, which
 *     clears the protection without telling the userfaultfd reader);
 *   include/uapi/linux/fs.h: the PAGEMAP_SCAN ioctl on /proc/PID/pagemap,
 *     struct pm_scan_arg, struct page_region and the PAGE_IS_* categories
 *     (Documentation/admin-guide/mm/pagemap.rst, "PAGEMAP_SCAN IOCTL").
 * Only the names used here; the layouts are the kernel's ABI.
 */
#ifndef PHANTOM_HAL_UAPI_WPASYNC_H
#define PHANTOM_HAL_UAPI_WPASYNC_H

#include <linux/ioctl.h>
#include <linux/types.h>

#ifndef UFFD_FEATURE_WP_ASYNC
#define UFFD_FEATURE_WP_ASYNC (1ull << 15)
#endif

#ifndef PAGEMAP_SCAN
/* A page's categories: PAGE_IS_WRITTEN is "the uffd-wp bit is clear", i.e.
 * written (or mapped writable) since it was last write-protected. */
#define PAGE_IS_WPALLOWED (1ull << 0)
#define PAGE_IS_WRITTEN (1ull << 1)
#define PAGE_IS_PRESENT (1ull << 3)
#define PAGE_IS_SWAPPED (1ull << 4)

/* One run of pages [start, end) with the same categories. */
struct page_region {
    __u64 start;
    __u64 end;
    __u64 categories;
};

/* Write-protect the pages that match, atomically with reporting them. */
#define PM_SCAN_WP_MATCHING (1ull << 0)
/* Fail (EPERM) unless the range is registered for asynchronous uffd-wp. */
#define PM_SCAN_CHECK_WPASYNC (1ull << 1)

struct pm_scan_arg {
    __u64 size;              /* sizeof(struct pm_scan_arg) */
    __u64 flags;
    __u64 start, end;        /* the range to walk */
    __u64 walk_end;          /* out: where the walk stopped */
    __u64 vec, vec_len;      /* out: page_region array and its length */
    __u64 max_pages;         /* 0: no limit */
    __u64 category_inverted, category_mask, category_anyof_mask, return_mask;
};

#define PAGEMAP_SCAN _IOWR('f', 16, struct pm_scan_arg)
#endif

#endif
