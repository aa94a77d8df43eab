/*
 * bank.h - the bank workload of the kill loops (killloop,
 * history_killloop): accounts in the persistent space and transfers
 * between them drawn from a generator whose state lives beside them, so
 * the parent can replay exactly what any step must hold, and the total
 * never changes.
 */
#ifndef PHANTOM_TESTS_BANK_H
#define PHANTOM_TESTS_BANK_H

#include <stdint.h>

/* xorshift64: the next word of the sequence whose state is *s. */
static inline uint64_t bank_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* One transfer among the n accounts: an amount below 100 from one to
 * another, if the first has it. */
static inline void bank_transfer(uint64_t *acct, unsigned n, uint64_t *rng)
{
    uint64_t a = bank_rand(rng) % n, b = bank_rand(rng) % n, amt = bank_rand(rng) % 100;
    if (acct[a] >= amt) {
        acct[a] -= amt;
        acct[b] += amt;
    }
}

#endif
