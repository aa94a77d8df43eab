/* lists.c - malloc-heavy linked lists and trees: allocation, free,
 * realloc and calloc, with the heap growing through memory.grow.
 * (long is 32 bits in wasm32 and 64 natively: sums use long long.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct node {
    struct node *next;
    int value;
    char name[20];
} node;

typedef struct tree {
    struct tree *l, *r;
    int key;
} tree;

static tree *insert(tree *t, int key)
{
    if (!t) {
        t = calloc(1, sizeof *t);
        t->key = key;
        return t;
    }
    if (key < t->key)
        t->l = insert(t->l, key);
    else
        t->r = insert(t->r, key);
    return t;
}

static int depth(const tree *t)
{
    if (!t)
        return 0;
    int a = depth(t->l), b = depth(t->r);
    return 1 + (a > b ? a : b);
}

static long long sum_free(tree *t)
{
    if (!t)
        return 0;
    long long s = t->key + sum_free(t->l) + sum_free(t->r);
    free(t);
    return s;
}

int main(void)
{
    node *head = NULL;
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 20000; i++) {
            node *n = malloc(sizeof *n);
            n->value = i * round;
            snprintf(n->name, sizeof n->name, "n%d", i);
            n->next = head;
            head = n;
        }
        long long sum = 0;
        int count = 0;
        node **pp = &head;
        while (*pp) {   /* free every other node */
            node *n = *pp;
            sum += n->value;
            count++;
            if (count % 2) {
                *pp = n->next;
                free(n);
            } else {
                pp = &n->next;
            }
        }
        printf("round %d: %d nodes, sum %lld\n", round, count, sum);
    }
    tree *t = NULL;
    unsigned x = 7;
    for (int i = 0; i < 50000; i++) {
        x = x * 1664525u + 1013904223u;
        t = insert(t, (int)(x >> 12));
    }
    printf("tree depth %d\n", depth(t));
    printf("tree sum %lld\n", sum_free(t));
    char *s = NULL;
    size_t len = 0;
    for (int i = 0; i < 3000; i++) {
        char part[16];
        int k = snprintf(part, sizeof part, "%d,", i);
        s = realloc(s, len + (size_t)k + 1);
        memcpy(s + len, part, (size_t)k + 1);
        len += (size_t)k;
    }
    printf("realloc'd %zu bytes, ends %s\n", len, s + len - 10);
    free(s);
    void *big = malloc(8 << 20);
    memset(big, 1, 8 << 20);
    printf("big block %s\n", big ? "ok" : "failed");
    free(big);
    return 0;
}
