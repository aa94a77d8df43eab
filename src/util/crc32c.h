/*
 * crc32c.h - CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the
 * checksum on every block of the image.  Uses the SSE4.2 instruction when
 * the CPU has it, a table otherwise; both give identical results.
 */
#ifndef PHANTOM_CRC32C_H
#define PHANTOM_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* crc32c of len bytes, continuing from crc (start with 0). */
uint32_t crc32c(uint32_t crc, const void *buf, size_t len);

#endif
