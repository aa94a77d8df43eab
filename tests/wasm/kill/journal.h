/* journal.h - the records of journal.c, shared with the test that checks
 * the file it leaves (tests/crash/wasm_killloop.c). */
#ifndef JOURNAL_H
#define JOURNAL_H

#include <stdint.h>
#include <stdio.h>

#define JOURNAL_RECORDS 2000u
#define JOURNAL_CHECK_EVERY 16u
#define JOURNAL_RECORD_BYTES 32u   /* "record NNNNNN XXXXXXXXXXXXXXXX\n" plus padding */

static inline uint64_t journal_mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

/* Record i, exactly JOURNAL_RECORD_BYTES bytes. */
static inline void journal_record(uint32_t i, char out[JOURNAL_RECORD_BYTES + 1])
{
    snprintf(out, JOURNAL_RECORD_BYTES + 1, "record %06u %016llx    \n", (unsigned)i,
             (unsigned long long)journal_mix(i));
}

#endif
