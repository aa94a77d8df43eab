/* progress.c - the program of tests/crash/wasm_killloop.c: a computation
 * over 1 MiB of heap that prints "step I TOTAL" for I = 0 .. STEPS-1,
 * where TOTAL (the sum of every word, kept up to date as words change)
 * follows from I alone: the test computes the same sequence and checks
 * every line.  Every 64 steps the whole heap is summed again and compared
 * with TOTAL ("BAD ..." if they differ): memory and the program's
 * variables must agree after every restart.  Ends with "done". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "progress.h"

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    uint32_t *a = malloc(PROGRESS_WORDS * sizeof *a);
    if (!a) {
        printf("BAD no memory\n");
        return 1;
    }
    uint64_t total = progress_init(a);
    for (uint32_t i = 0; i < PROGRESS_STEPS; i++) {
        total = progress_step(a, i, total);
        printf("step %u %llu\n", i, (unsigned long long)total);
        if (i % 64 == 63 && progress_sum(a) != total)
            printf("BAD step %u: the heap sums to %llu\n", i, (unsigned long long)progress_sum(a));
    }
    printf("done\n");
    free(a);
    return 0;
}
