/*
 * blockdev_internal.h - the block device back ends behind hal_blockdev_open:
 * a file or raw device (blockdev.c) and an NBD export (blockdev_nbd.c).
 */
#ifndef PHANTOM_HAL_BLOCKDEV_INTERNAL_H
#define PHANTOM_HAL_BLOCKDEV_INTERNAL_H

#include "../hal.h"

/* Whether name is an NBD URI (nbd://, nbd+unix://, nbds://, ...). */
bool hal_blockdev_is_nbd(const char *name);
/* Opens the export uri names.  -EPROTONOSUPPORT in a build without libnbd;
 * -EEXIST with HAL_BD_CREATE (exports are made by their server). */
int hal_nbd_open(const char *uri, int flags, hal_blockdev **out);
/* hal_blockdev_open_why for an NBD URI. */
const char *hal_nbd_open_why(int rc, char *buf, size_t len);

#endif
