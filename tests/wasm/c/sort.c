/* sort.c - qsort of numbers and strings, and a binary search. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned rng = 12345;
static unsigned next(void) { rng = rng * 1103515245u + 12345u; return rng >> 8; }

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void)
{
    enum { N = 20000 };
    int *v = malloc(N * sizeof *v);
    for (int i = 0; i < N; i++)
        v[i] = (int)(next() % 100000) - 50000;
    qsort(v, N, sizeof *v, cmp_int);
    long long check = 0;
    for (int i = 0; i < N; i++) {
        if (i && v[i - 1] > v[i])
            printf("not sorted at %d\n", i);
        check = check * 31 + v[i];
    }
    printf("min %d max %d median %d check %lld\n", v[0], v[N - 1], v[N / 2], check);
    int key = v[1234];
    int *found = bsearch(&key, v, N, sizeof *v, cmp_int);
    printf("bsearch %d\n", found && *found == key);
    static const char *words[] = {"world", "snapshot", "thread", "apple", "zebra", "kernel", "page", "bytecode"};
    const char *w[8];
    memcpy(w, words, sizeof w);
    qsort(w, 8, sizeof *w, cmp_str);
    for (int i = 0; i < 8; i++)
        printf("%s%s", w[i], i < 7 ? " " : "\n");
    free(v);
    return 0;
}
