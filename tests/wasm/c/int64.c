/* int64.c - 64-bit and 32-bit integer arithmetic: wrap-around, division
 * and remainder signs, shifts, and bit tricks. */
#include <inttypes.h>
#include <stdio.h>

int main(void)
{
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < 1000000; i++)
        h = (h ^ (uint64_t)i) * 1099511628211ull;
    printf("fnv %" PRIu64 " %" PRIx64 "\n", h, h);
    int64_t a[] = {INT64_MAX, INT64_MIN + 1, -7, 7, 1000000007, -1000000007};
    int64_t b[] = {3, -3, 2, -2, 65536};
    for (unsigned i = 0; i < 6; i++)
        for (unsigned j = 0; j < 5; j++)
            printf("%" PRId64 " %" PRId64 ": / %" PRId64 " %% %" PRId64 "\n", a[i], b[j], a[i] / b[j], a[i] % b[j]);
    uint64_t u = 0xDEADBEEFCAFEBABEull;
    for (int s = 0; s < 64; s += 7)
        printf("shift %d: %" PRIx64 " %" PRIx64 " %" PRId64 "\n", s, u << s, u >> s, (int64_t)u >> s);
    printf("clz %d ctz %d pop %d\n", __builtin_clzll(u), __builtin_ctzll(u), __builtin_popcountll(u));
    uint32_t w = 0xFFFFFFFFu;
    w += 2;
    int32_t m = INT32_MAX;
    printf("wrap %u %d %" PRId64 "\n", w, (int32_t)((uint32_t)m + 1u), (int64_t)m * m);
    uint64_t f = 1;
    for (int i = 1; i <= 25; i++)
        f *= (uint64_t)i;
    printf("25! mod 2^64 = %" PRIu64 "\n", f);
    printf("mulhi %" PRIu64 "\n", (uint64_t)(((unsigned __int128)u * u) >> 64));
    return 0;
}
