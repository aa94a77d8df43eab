/* progress.h - the computation of progress.c, shared with the test that
 * checks its output (tests/crash/wasm_killloop.c). */
#ifndef PROGRESS_H
#define PROGRESS_H

#include <stdint.h>

#define PROGRESS_WORDS (1u << 18)
#define PROGRESS_STEPS 10000u
#define PROGRESS_TOUCH 2048u

static inline uint64_t progress_sum(const uint32_t *a)
{
    uint64_t s = 0;
    for (uint32_t j = 0; j < PROGRESS_WORDS; j++)
        s += a[j];
    return s;
}

static inline uint64_t progress_init(uint32_t *a)
{
    for (uint32_t j = 0; j < PROGRESS_WORDS; j++)
        a[j] = j * 2654435761u;
    return progress_sum(a);
}

/* Step i changes PROGRESS_TOUCH words spread over the heap. */
static inline uint64_t progress_step(uint32_t *a, uint32_t i, uint64_t total)
{
    for (uint32_t k = 0; k < PROGRESS_TOUCH; k++) {
        uint32_t j = (i * 7919u + k * 131u) % PROGRESS_WORDS;
        total -= a[j];
        a[j] = a[j] * 1664525u + 1013904223u + i;
        total += a[j];
    }
    return total;
}

#endif
