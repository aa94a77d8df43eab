/* sort - quicksort (median of three, insertion sort below 16 elements) of
 * 32-bit integers from a linear congruential generator, written for
 * bench/wasm: compares, swaps and recursion.  Sorts six arrays, checks
 * each is ordered and prints a position-weighted checksum of each. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 400000

static uint32_t seed = 7;
static uint32_t rnd(void)
{
    seed = (seed * 1103515245u + 12345u) & 0x7fffffffu;
    return seed;
}

static void isort(uint32_t *a, int lo, int hi)
{
    for (int i = lo + 1; i <= hi; i++) {
        uint32_t v = a[i];
        int j = i - 1;
        while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void qsort_u32(uint32_t *a, int lo, int hi)
{
    while (hi - lo >= 16) {
        int mid = lo + (hi - lo) / 2;
        uint32_t x = a[lo], y = a[mid], z = a[hi];
        uint32_t p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p)
                i++;
            while (a[j] > p)
                j--;
            if (i <= j) {
                uint32_t t = a[i];
                a[i] = a[j];
                a[j] = t;
                i++;
                j--;
            }
        }
        if (j - lo < hi - i) {
            qsort_u32(a, lo, j);
            lo = i;
        } else {
            qsort_u32(a, i, hi);
            hi = j;
        }
    }
    isort(a, lo, hi);
}

int main(void)
{
    uint32_t *a = malloc(N * sizeof *a);
    for (int round = 0; round < 6; round++) {
        uint32_t mod = round % 3 == 0 ? 0x7fffffffu : round % 3 == 1 ? 1000u : 100000u;
        for (int i = 0; i < N; i++)
            a[i] = rnd() % mod;
        qsort_u32(a, 0, N - 1);
        uint32_t sum = 0;
        int ordered = 1;
        for (int i = 0; i < N; i++) {
            if (i > 0 && a[i - 1] > a[i])
                ordered = 0;
            sum = sum * 31u + a[i];
        }
        printf("%d %u\n", ordered, sum);
    }
    return 0;
}
