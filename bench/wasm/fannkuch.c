/* fannkuch - fannkuch-redux of the Computer Language Benchmarks Game
 * (permutations in count order, pancake flips), written for bench/wasm:
 * small integer arrays, short inner loops, unpredictable branches.
 * Prints the checksum and the maximum number of flips. */
#include <stdio.h>

#define N 10

int main(void)
{
    int perm[N], perm1[N], count[N];
    int maxflips = 0, checksum = 0, permcount = 0, r = N;
    for (int i = 0; i < N; i++)
        perm1[i] = i;
    for (;;) {
        while (r != 1) {
            count[r - 1] = r;
            r--;
        }
        for (int i = 0; i < N; i++)
            perm[i] = perm1[i];
        int flips = 0, k;
        while ((k = perm[0]) != 0) {
            int k2 = (k + 1) >> 1;
            for (int i = 0; i < k2; i++) {
                int t = perm[i];
                perm[i] = perm[k - i];
                perm[k - i] = t;
            }
            flips++;
        }
        if (flips > maxflips)
            maxflips = flips;
        checksum += permcount % 2 == 0 ? flips : -flips;
        for (;;) {
            if (r == N) {
                printf("%d\nPfannkuchen(%d) = %d\n", checksum, N, maxflips);
                return 0;
            }
            int perm0 = perm1[0];
            for (int i = 0; i < r; i++)
                perm1[i] = perm1[i + 1];
            perm1[r] = perm0;
            count[r]--;
            if (count[r] > 0)
                break;
            r++;
        }
        permcount++;
    }
}
