/* sleep.c - sleeping (poll_oneoff with a clock): the clock shows at least
 * the time slept. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int main(void)
{
    long long t0 = now_ms();
    usleep(50000);
    long long t1 = now_ms();
    struct timespec ts = {0, 30000000};
    nanosleep(&ts, NULL);
    long long t2 = now_ms();
    printf("usleep 50 ms: %s\n", t1 - t0 >= 50 ? "at least that long" : "too short");
    printf("nanosleep 30 ms: %s\n", t2 - t1 >= 30 ? "at least that long" : "too short");
    printf("sleep 0: %d\n", sleep(0));
    return 0;
}
