/*
 * crc32c.c - CRC-32C.  The portable path is slicing-by-8 over tables built
 * on first use; on x86-64 the SSE4.2 crc32 instruction computes the same
 * polynomial about ten times faster, which matters because every snapshot
 * checksums every page it writes.
 */
#include "crc32c.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#define POLY 0x82F63B78u

static uint32_t table[8][256];
static atomic_int table_ready;

static void build_tables(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ POLY : c >> 1;
        table[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; n++)
        for (int t = 1; t < 8; t++)
            table[t][n] = (table[t - 1][n] >> 8) ^ table[0][table[t - 1][n] & 0xff];
    atomic_store_explicit(&table_ready, 1, memory_order_release);
}

static uint32_t crc32c_soft(uint32_t crc, const unsigned char *p, size_t len)
{
    if (!atomic_load_explicit(&table_ready, memory_order_acquire))
        build_tables(); /* idempotent: racing builders write identical values */
    while (len >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        v ^= crc;
        crc = table[7][v & 0xff] ^ table[6][(v >> 8) & 0xff] ^ table[5][(v >> 16) & 0xff] ^
              table[4][(v >> 24) & 0xff] ^ table[3][(v >> 32) & 0xff] ^
              table[2][(v >> 40) & 0xff] ^ table[1][(v >> 48) & 0xff] ^ table[0][v >> 56];
        p += 8;
        len -= 8;
    }
    while (len--)
        crc = (crc >> 8) ^ table[0][(crc ^ *p++) & 0xff];
    return crc;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/* GCC/Clang specific: the target attribute compiles this one function for
 * SSE4.2 without requiring it of the whole program; it only runs after the
 * cpuid check below says the instruction exists. */
__attribute__((target("sse4.2"))) static uint32_t crc32c_hw(uint32_t crc, const unsigned char *p,
                                                             size_t len)
{
    uint64_t c = crc;
    while (len >= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        c = __builtin_ia32_crc32di(c, v);
        p += 8;
        len -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (len--)
        c32 = __builtin_ia32_crc32qi(c32, *p++);
    return c32;
}

static bool have_hw(void)
{
    static atomic_int state; /* 0 unknown, 1 no, 2 yes */
    int s = atomic_load_explicit(&state, memory_order_relaxed);
    if (!s) {
        __builtin_cpu_init();
        s = __builtin_cpu_supports("sse4.2") ? 2 : 1;
        atomic_store_explicit(&state, s, memory_order_relaxed);
    }
    return s == 2;
}
#else
static bool have_hw(void) { return false; }
static uint32_t crc32c_hw(uint32_t crc, const unsigned char *p, size_t len)
{
    return crc32c_soft(crc, p, len);
}
#endif

uint32_t crc32c(uint32_t crc, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    crc = ~crc;
    crc = have_hw() ? crc32c_hw(crc, p, len) : crc32c_soft(crc, p, len);
    return ~crc;
}
