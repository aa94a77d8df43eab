/* napper.c - the sleeping program of tests/crash/wasm_killloop.c: notes
 * the wall clock in memory, sleeps NAP_MS in one call, and prints how
 * long it slept by the wall clock.  Killed while asleep and resumed, the
 * sleep keeps its wall-clock deadline: it ends NAP_MS after it began,
 * not NAP_MS after the restart. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define NAP_MS 3000

static long long wall_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int main(void)
{
    long long t0 = wall_ms();
    printf("sleeping %d ms\n", NAP_MS);
    fflush(stdout);
    usleep(NAP_MS * 1000);
    printf("slept %lld ms\n", wall_ms() - t0);
    return 0;
}
