/* hashtab - an open-addressing hash table (linear probing, multiplicative
 * hash) of 32-bit keys from a linear congruential generator, written for
 * bench/wasm: loads and stores at random addresses of a 8 MiB table.
 * Inserts (counting repeats), then looks up hits and misses; prints the
 * counts and a checksum of the values found. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define BITS 20
#define SIZE (1u << BITS)
#define MASK (SIZE - 1)
#define INSERTS 700000
#define LOOKUPS 6000000

static uint32_t seed = 42;
static uint32_t rnd(void)
{
    seed = (seed * 1103515245u + 12345u) & 0x7fffffffu;
    return seed;
}

static uint32_t *keys, *vals;

/* The slot holding key, or the empty slot where it goes. */
static uint32_t find(uint32_t key)
{
    uint32_t s = ((key * 2654435769u) >> (32 - BITS)) & MASK;
    while (keys[s] != 0 && keys[s] != key)
        s = (s + 1) & MASK;
    return s;
}

int main(void)
{
    keys = calloc(SIZE, 4);
    vals = calloc(SIZE, 4);
    uint32_t distinct = 0, repeats = 0;
    for (uint32_t i = 0; i < INSERTS; i++) {
        uint32_t k = rnd() % 1000000u + 1;
        uint32_t s = find(k);
        if (keys[s] == k) {
            vals[s] += i;
            repeats++;
        } else {
            keys[s] = k;
            vals[s] = i;
            distinct++;
        }
    }
    uint32_t hits = 0, sum = 0;
    for (uint32_t i = 0; i < LOOKUPS; i++) {
        uint32_t k = rnd() % 2000000u + 1;
        uint32_t s = find(k);
        if (keys[s] == k) {
            hits++;
            sum = sum * 31u + vals[s];
        }
    }
    printf("%u %u %u %u\n", distinct, repeats, hits, sum);
    return 0;
}
