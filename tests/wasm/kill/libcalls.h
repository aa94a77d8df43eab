/* libcalls.h - the computation of libcalls.c, a library module that
 * tests/wasm/kill/libcalls.ph calls, shared with the test that checks
 * its output (tests/crash/wasm_killloop.c). */
#ifndef LIBCALLS_H
#define LIBCALLS_H

#include <stdint.h>

#define LIBCALLS_WORDS (1u << 16)
#define LIBCALLS_STEPS 1000u
#define LIBCALLS_ROUNDS 16u

/* Call i: LIBCALLS_ROUNDS passes over the module's memory, each word
 * mixed with its neighbour and i; the result is a hash of the whole. */
static inline uint32_t libcalls_step(uint32_t *a, uint32_t i)
{
    uint32_t h = 2166136261u;
    for (uint32_t r = 0; r < LIBCALLS_ROUNDS; r++)
        for (uint32_t j = (i + r) % 64; j < LIBCALLS_WORDS; j += 64) {
            a[j] = (a[j] ^ a[(j + 1) % LIBCALLS_WORDS]) * 16777619u + i;
            h = (h ^ a[j]) * 16777619u;
        }
    return h;
}

#endif
