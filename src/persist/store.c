/*
 * store.c - image I/O for the engine: root slot validation, checked block
 * reads, and batched sequential writes.
 *
 * Writes are queued: consecutive blocks accumulate in one buffer and go to
 * the device as a single request, so a snapshot whose blocks the allocator
 * placed next to each other becomes large sequential I/O.  Nothing is
 * durable until pw_store_flush() returns 0.
 */
#include "../util/crc32c.h"
#include "pw_internal.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RUN_MAX_BLOCKS 256u /* 1 MiB per write request */

void pw_open_error(const char *path, int rc, pw_error *err)
{
    char why[300];
    if (rc == -ENOENT)
        snprintf(why, sizeof why, "no such image");
    else if (rc == -EISDIR)
        snprintf(why, sizeof why, "is a directory, not an image");
    else
        hal_blockdev_open_why(path, rc, why, sizeof why);
    if (err) {
        err->code = rc;
        snprintf(err->msg, sizeof err->msg, "%s: %s", path, why);
    }
}

uint32_t pw_block_crc(const void *block) { return crc32c(0, block, PW_BLOCK_SIZE); }

int pw_store_init(pw_store *s, hal_blockdev *dev)
{
    memset(s, 0, sizeof *s);
    s->dev = dev;
    s->name = dev->name;
    s->run_cap = RUN_MAX_BLOCKS;
    s->run_buf = hal_pages_alloc(RUN_MAX_BLOCKS * PW_BLOCK_SIZE);
    s->spare = hal_pages_alloc(PW_BLOCK_SIZE);
    if (!s->run_buf || !s->spare)
        return -ENOMEM;
    uint64_t bytes;
    int rc = dev->ops->size(dev, &bytes);
    if (rc)
        return rc;
    s->dev_blocks = bytes / PW_BLOCK_SIZE;
    return 0;
}

void pw_store_fini(pw_store *s)
{
    hal_pages_free(s->run_buf, RUN_MAX_BLOCKS * PW_BLOCK_SIZE);
    hal_pages_free(s->spare, PW_BLOCK_SIZE);
    s->run_buf = s->spare = NULL;
}

int pw_store_read(pw_store *s, uint64_t block, void *buf)
{
    if (block >= s->dev_blocks)
        return -ENODATA;
    return s->dev->ops->read(s->dev, buf, PW_BLOCK_SIZE, block * PW_BLOCK_SIZE);
}

int pw_store_read_run(pw_store *s, uint64_t block, uint64_t n, void *buf)
{
    if (block >= s->dev_blocks || n > s->dev_blocks - block)
        return -ENODATA;
    return s->dev->ops->read(s->dev, buf, n * PW_BLOCK_SIZE, block * PW_BLOCK_SIZE);
}

int pw_store_read_checked(pw_store *s, const pw_entry *e, void *buf)
{
    /* One retry: a transient read error must not be mistaken for damage. */
    int rc = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        rc = pw_store_read(s, e->block, buf);
        if (rc == 0 && pw_block_crc(buf) == e->crc)
            return 0;
        if (rc == 0)
            rc = -EBADMSG;
    }
    return rc;
}

int pw_store_drain(pw_store *s)
{
    if (!s->run_len)
        return 0;
    int rc = s->dev->ops->write(s->dev, s->run_buf, s->run_len * PW_BLOCK_SIZE,
                                s->run_first * PW_BLOCK_SIZE);
    if (rc == 0) {
        s->bytes_written += s->run_len * PW_BLOCK_SIZE;
        /* Let the device work while the next batch is prepared. */
        if (s->dev->ops->writeback)
            s->dev->ops->writeback(s->dev, s->run_first * PW_BLOCK_SIZE, s->run_len * PW_BLOCK_SIZE);
    }
    s->run_len = 0;
    return rc;
}

uint8_t *pw_store_next_slot(pw_store *s) { return s->run_buf + s->run_len * PW_BLOCK_SIZE; }

int pw_store_commit_slot(pw_store *s, uint64_t block)
{
    int rc = 0;
    if (s->run_len && block != s->run_first + s->run_len) {
        /* Not contiguous: the slot's content moves to the start of a new
         * run (rare: the allocator hands out blocks in order). */
        memcpy(s->spare, pw_store_next_slot(s), PW_BLOCK_SIZE);
        if ((rc = pw_store_drain(s)))
            return rc;
        memcpy(s->run_buf, s->spare, PW_BLOCK_SIZE);
    }
    if (!s->run_len)
        s->run_first = block;
    if (++s->run_len == s->run_cap)
        rc = pw_store_drain(s);
    return rc;
}

int pw_store_write(pw_store *s, uint64_t block, const void *buf)
{
    memcpy(pw_store_next_slot(s), buf, PW_BLOCK_SIZE);
    return pw_store_commit_slot(s, block);
}

int pw_store_flush(pw_store *s)
{
    int rc = pw_store_drain(s);
    if (rc)
        return rc;
    return s->dev->ops->flush(s->dev);
}

int pw_store_ensure(pw_store *s, uint64_t blocks)
{
    if (blocks <= s->dev_blocks)
        return 0;
    int rc = s->dev->ops->grow(s->dev, blocks * PW_BLOCK_SIZE);
    if (rc)
        return rc;
    s->dev_blocks = blocks;
    return 0;
}

void pw_root_encode(const pw_rootslot *r, uint8_t *block)
{
    pw_rootslot c = *r;
    memcpy(c.magic, PW_ROOT_MAGIC, 8);
    c.version = PW_FORMAT_VERSION;
    c.block_size = PW_BLOCK_SIZE;
    memset(block, 0, PW_BLOCK_SIZE);
    memcpy(block, &c, sizeof c);
    uint32_t crc = crc32c(0, block, PW_ROOT_CRC_OFFSET);
    memcpy(block + PW_ROOT_CRC_OFFSET, &crc, 4);
}

bool pw_root_decode(const uint8_t *block, uint64_t dev_blocks, pw_rootslot *r, char *why,
                    size_t whylen)
{
    memcpy(r, block, sizeof *r);
    if (memcmp(r->magic, PW_ROOT_MAGIC, 8)) {
        bool zero = true;
        for (size_t i = 0; i < PW_BLOCK_SIZE && zero; i++)
            zero = block[i] == 0;
        snprintf(why, whylen, zero ? "empty (never written)" : "no Phantom root signature");
        return false;
    }
    uint32_t crc;
    memcpy(&crc, block + PW_ROOT_CRC_OFFSET, 4);
    if (crc != crc32c(0, block, PW_ROOT_CRC_OFFSET)) {
        snprintf(why, whylen, "checksum mismatch (torn or damaged root)");
        return false;
    }
    if (r->version < PW_FORMAT_VERSION_MIN || r->version > PW_FORMAT_VERSION) {
        snprintf(why, whylen, "format version %u, this build reads versions %u to %u", r->version,
                 PW_FORMAT_VERSION_MIN, PW_FORMAT_VERSION);
        return false;
    }
    if (r->version == 1) /* its bytes past reserved2 are not fields: no history */
        memset((uint8_t *)r + offsetof(pw_rootslot, history_head), 0,
               sizeof *r - offsetof(pw_rootslot, history_head));
    if (r->block_size != PW_BLOCK_SIZE || !r->generation || !r->map_levels ||
        r->map_levels > PW_MAX_LEVELS || !r->bitmap_levels || r->bitmap_levels > PW_MAX_LEVELS ||
        !r->space_size || r->space_size % PW_BLOCK_SIZE || r->space_base % PW_BLOCK_SIZE ||
        pw_tree_capacity(r->map_levels) < r->space_size / PW_BLOCK_SIZE) {
        snprintf(why, whylen, "inconsistent root fields");
        return false;
    }
    if (r->image_blocks > dev_blocks) {
        snprintf(why, whylen, "image truncated: snapshot needs %llu blocks, file holds %llu",
                 (unsigned long long)r->image_blocks, (unsigned long long)dev_blocks);
        return false;
    }
    return true;
}
