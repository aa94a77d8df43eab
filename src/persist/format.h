/*
 * format.h - the image's on-disk format (docs/DISK-FORMAT.md is the prose
 * version; keep the two in step).
 *
 * The image is an array of 4096-byte blocks, all integers little-endian.
 *   block 0, 1   root slots A and B.  Snapshot generation g lives in slot
 *                g % 2, so a commit never overwrites the newest good root.
 *   block 2..    data pages, page-map nodes, allocation-bitmap blocks and
 *                superseded-block lists, handed out by the block allocator.
 *
 * A root describes one complete snapshot through three structures, all
 * copy-on-write (a block is written once and never modified in place):
 *   - page map: a radix tree (fan-out 256, 16-byte entries) from page number
 *     in the persistent space to the data block holding it;
 *   - allocation bitmap: a radix tree of the same shape from bitmap-block
 *     number to blocks of 32768 bits, one bit per image block;
 *   - superseded list: the blocks that the previous snapshot used and this
 *     one does not; they stay reserved while the previous snapshot is
 *     retained and are released by the next commit.
 * Every reference is an entry {block, crc32c of the referenced block,
 * generation that wrote it}; block 0 in an entry means "absent" (a page of
 * zeros, or an empty subtree).  The root slot carries its own crc32c
 * (PW_ROOT_CRC_OFFSET).
 *
 * Free-space invariant (checked by fsck): for the committed root R,
 *     bitmap(R) == blocks(R) + superseded(R) + {0, 1}
 * where blocks(R) is every block reachable from R, including the page maps
 * of the older snapshots R's history names (version 2), which may share
 * blocks with each other and with R's own map.  Since superseded(R) is
 * exactly blocks(R-1) - blocks(R), the bitmap covers R, its history and
 * R-1 (the fallback) and nothing else: no leak, and no block of any of
 * them is handed out.
 */
#ifndef PHANTOM_PERSIST_FORMAT_H
#define PHANTOM_PERSIST_FORMAT_H

#include <stdint.h>

#define PW_BLOCK_SIZE 4096u
#define PW_FORMAT_VERSION 2u     /* written; version 1 images are read too */
#define PW_FORMAT_VERSION_MIN 1u /* version 1: no history fields (all zero) */
#define PW_ROOT_MAGIC "PHWORLD1"      /* 8 bytes, no terminator on disk */
#define PW_SLIST_MAGIC 0x54534c53u    /* "SLST" */
#define PW_HIST_MAGIC 0x54534948u     /* "HIST" */
#define PW_FANOUT_BITS 8u
#define PW_FANOUT (1u << PW_FANOUT_BITS)
#define PW_BITS_PER_BITMAP_BLOCK (PW_BLOCK_SIZE * 8u)
#define PW_FIRST_DATA_BLOCK 2u
#define PW_MAX_LEVELS 6u

/* A reference to a block.  16 bytes; 256 of them fill a tree node. */
typedef struct pw_entry {
    uint64_t block; /* 0: absent */
    uint32_t crc;   /* crc32c of the referenced 4096 bytes */
    uint32_t gen;   /* low 32 bits of the generation that wrote the block */
} pw_entry;

/* Root slot, at offset 0 of block 0 or 1; the rest of the block is zero. */
typedef struct pw_rootslot {
    char magic[8];            /* PW_ROOT_MAGIC */
    uint32_t version;         /* PW_FORMAT_VERSION */
    uint32_t block_size;      /* PW_BLOCK_SIZE */
    uint64_t generation;      /* >= 1; newest valid root wins */
    uint64_t wall_ns;         /* wall clock at the snapshot instant */
    uint64_t world_id[2];     /* random at creation; both slots agree */
    uint64_t space_base;      /* address the space is mapped at */
    uint64_t space_size;      /* bytes of persistent address space */
    uint64_t image_blocks;    /* blocks the image spans */
    uint64_t pages_present;   /* data pages in the page map */
    uint64_t blocks_used;     /* bits set in the allocation bitmap */
    uint64_t slist_count;     /* block numbers in the superseded list */
    pw_entry map_root;        /* page map */
    pw_entry bitmap_root;     /* allocation bitmap */
    pw_entry slist_head;      /* first superseded-list block */
    uint8_t map_levels;       /* 1..PW_MAX_LEVELS */
    uint8_t bitmap_levels;    /* 1..PW_MAX_LEVELS */
    uint8_t reserved[6];
    uint64_t snapshots_total; /* snapshots committed over the world's life */
    uint64_t bytes_written_total;
    uint64_t reserved2;
    /* Version 2: the snapshot history (docs/DISK-FORMAT.md, section 9).
     * A version-1 root has zeros here: no history, no policy. */
    pw_entry history_head;    /* first history block (absent: none) */
    uint32_t history_count;   /* records in the history chain */
    uint32_t flags;           /* PW_ROOT_KEEP_SET */
    uint16_t keep_last;       /* retention policy (pw_keep), if KEEP_SET */
    uint16_t keep_minutely;
    uint16_t keep_hourly;
    uint16_t keep_daily;
    uint64_t keep_budget_blocks; /* 0: no disk budget */
} pw_rootslot;

#define PW_ROOT_KEEP_SET 1u /* the keep_* fields hold the world's policy */

/* Every format version keeps the root in the slot's first 512-byte sector
 * (which disks write atomically) and its checksum in the same place: bytes
 * 508..511, the crc32c of bytes 0..507.  So any build can tell a damaged
 * root from one in a newer format.  The rest of the block is zero. */
#define PW_ROOT_SECTOR 512u
#define PW_ROOT_CRC_OFFSET (PW_ROOT_SECTOR - 4u)

/* Superseded-list block: the list is split over a chain of these, in
 * list order; all blocks of one chain are written by one generation. */
#define PW_SLIST_PER_BLOCK ((PW_BLOCK_SIZE - 32u) / 8u) /* 508 */
typedef struct pw_slist_block {
    uint32_t magic;    /* PW_SLIST_MAGIC */
    uint32_t count;    /* used entries of blocks[] */
    uint64_t generation; /* low 32 bits of the generation that wrote it */
    pw_entry next;     /* next block of the chain; block 0 ends it */
    uint64_t blocks[PW_SLIST_PER_BLOCK];
} pw_slist_block;

/* History block: older retained snapshots, oldest first, in a chain of
 * these.  A record is everything needed to read that snapshot's space. */
typedef struct pw_hist_rec {
    uint64_t generation;
    uint64_t wall_ns;
    pw_entry map_root;        /* its page map */
    uint64_t pages_present;
    uint8_t map_levels;
    uint8_t pinned;           /* 1: kept until unpinned */
    uint8_t reserved[6];
    uint64_t reserved2[2];
} pw_hist_rec;
#define PW_HIST_PER_BLOCK ((PW_BLOCK_SIZE - 32u) / sizeof(pw_hist_rec)) /* 63 */
typedef struct pw_hist_block {
    uint32_t magic;           /* PW_HIST_MAGIC */
    uint32_t count;           /* used records, 1..63 */
    uint64_t generation;      /* the root that wrote it */
    pw_entry next;            /* next block of the chain; absent in the last */
    pw_hist_rec rec[PW_HIST_PER_BLOCK];
    uint8_t pad[PW_BLOCK_SIZE - 32u - PW_HIST_PER_BLOCK * sizeof(pw_hist_rec)];
} pw_hist_block;

_Static_assert(sizeof(pw_hist_rec) == 64, "history record layout");
_Static_assert(sizeof(pw_hist_block) == PW_BLOCK_SIZE, "history block layout");
_Static_assert(sizeof(pw_entry) == 16, "entry layout");
_Static_assert(sizeof(pw_entry) * PW_FANOUT == PW_BLOCK_SIZE, "node layout");
_Static_assert(sizeof(pw_slist_block) == PW_BLOCK_SIZE, "slist layout");
_Static_assert(sizeof(pw_rootslot) <= PW_ROOT_CRC_OFFSET, "root fits the first sector");

#endif
