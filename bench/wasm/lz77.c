/* lz77 - an LZ77 compressor in the style of deflate's (3-byte hash, hash
 * chains over a 32 KiB window, longest match of at most 255 bytes) and
 * its decompressor, written for bench/wasm: byte loads and stores,
 * compare loops.  The input is text of words picked by a linear
 * congruential generator.  Prints the sizes, that the round trip
 * matches, and an Adler-32 of the compressed bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE 1000000
#define HBITS 15
#define WINDOW 32768
#define MAXCHAIN 256
#define MAXLEN 255

static const char *const words[] = {
    "the", "persistent", "world", "keeps", "every", "object", "snapshot", "of", "memory",
    "and", "a", "program", "continues", "after", "kill", "interpreter", "stack", "frame",
    "page", "disk", "restart", "thread", "value", "table", "function", "module",
};
#define NWORDS (int)(sizeof words / sizeof *words)

static uint32_t seed = 12345;
static uint32_t rnd(void)
{
    seed = (seed * 1103515245u + 12345u) & 0x7fffffffu;
    return seed;
}

static int hash3(const uint8_t *d, int i) { return ((d[i] << 10) ^ (d[i + 1] << 5) ^ d[i + 2]) & ((1 << HBITS) - 1); }

int main(void)
{
    uint8_t *in = malloc(SIZE), *out = malloc(2 * SIZE + 16), *back = malloc(SIZE);
    int *head = malloc(sizeof(int) << HBITS), *prev = malloc(sizeof(int) * SIZE);
    int n = 0;
    while (n < SIZE) {
        const char *w = words[rnd() % NWORDS];
        for (int k = 0; w[k] && n < SIZE; k++)
            in[n++] = (uint8_t)w[k];
        if (n < SIZE)
            in[n++] = rnd() % 8 == 0 ? '\n' : ' ';
    }
    for (int h = 0; h < 1 << HBITS; h++)
        head[h] = -1;
    int o = 0, i = 0;
    while (i < n) {
        int best = 0, dist = 0;
        if (i + 3 <= n) {
            int h = hash3(in, i), j = head[h], chain = 0;
            while (j >= 0 && i - j <= WINDOW && chain < MAXCHAIN) {
                int l = 0;
                while (l < MAXLEN && i + l < n && in[j + l] == in[i + l])
                    l++;
                if (l > best) {
                    best = l;
                    dist = i - j;
                }
                j = prev[j];
                chain++;
            }
            prev[i] = head[h];
            head[h] = i;
        }
        if (best >= 3) {
            out[o++] = 1;
            out[o++] = (uint8_t)best;
            out[o++] = (uint8_t)(dist & 255);
            out[o++] = (uint8_t)(dist >> 8);
            for (int k = i + 1; k < i + best; k++)
                if (k + 3 <= n) {
                    int h = hash3(in, k);
                    prev[k] = head[h];
                    head[h] = k;
                }
            i += best;
        } else {
            out[o++] = 0;
            out[o++] = in[i++];
        }
    }
    int m = 0;
    for (int p = 0; p < o;) {
        if (out[p] == 0) {
            back[m++] = out[p + 1];
            p += 2;
        } else {
            int len = out[p + 1], d = out[p + 2] | out[p + 3] << 8;
            for (int k = 0; k < len; k++, m++)
                back[m] = back[m - d];
            p += 4;
        }
    }
    uint32_t a = 1, b = 0;
    for (int p = 0; p < o; p++) {
        a = (a + out[p]) % 65521;
        b = (b + a) % 65521;
    }
    printf("%d %d %d %u\n", n, o, m == n && memcmp(in, back, n) == 0, b << 16 | a);
    return 0;
}
