/*
 * strategies.c - prints the snapshot strategies usable on this host, one a
 * line (best first); for each unusable one, "# NAME: why" on stderr.
 */
#include "../src/hal/hal.h"

#include <stdio.h>

int main(void)
{
    for (const char *const *s = hal_tmem_strategies(); *s; s++) {
        char why[256] = "";
        if (hal_tmem_probe(*s, why, sizeof why) == 0)
            printf("%s\n", *s);
        else
            fprintf(stderr, "# %s: %s\n", *s, why);
    }
    return 0;
}
