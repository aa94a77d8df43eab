/*
 * thread.c - HAL threads, mutexes and condition variables on pthreads.
 * Condition variables use CLOCK_MONOTONIC so deadlines survive wall-clock
 * changes.
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

_Static_assert(sizeof(pthread_mutex_t) <= sizeof(hal_mutex), "hal_mutex too small");
_Static_assert(sizeof(pthread_cond_t) <= sizeof(hal_cond), "hal_cond too small");

struct hal_thread {
    pthread_t tid;
    void (*fn)(void *);
    void *arg;
    char name[16];
};

static void *trampoline(void *p)
{
    hal_thread *t = p;
    if (t->name[0])
        pthread_setname_np(pthread_self(), t->name);
    t->fn(t->arg);
    return NULL;
}

void hal_thread_background(void)
{
    /* Linux: a thread id names one thread, so this does not touch the
     * others; failing is harmless (the thread keeps the usual priority). */
    (void)setpriority(PRIO_PROCESS, (id_t)gettid(), 10);
}

int hal_thread_start(hal_thread **out, void (*fn)(void *), void *arg, const char *name)
{
    hal_thread *t = calloc(1, sizeof *t);
    if (!t)
        return -ENOMEM;
    t->fn = fn;
    t->arg = arg;
    if (name)
        snprintf(t->name, sizeof t->name, "%s", name);
    int rc = pthread_create(&t->tid, NULL, trampoline, t);
    if (rc) {
        free(t);
        return -rc;
    }
    *out = t;
    return 0;
}

void hal_thread_join(hal_thread *t)
{
    if (!t)
        return;
    pthread_join(t->tid, NULL);
    free(t);
}

void hal_thread_yield(void) { sched_yield(); }

void hal_mutex_init(hal_mutex *m) { pthread_mutex_init((pthread_mutex_t *)m->opaque, NULL); }
void hal_mutex_destroy(hal_mutex *m) { pthread_mutex_destroy((pthread_mutex_t *)m->opaque); }
void hal_mutex_lock(hal_mutex *m) { pthread_mutex_lock((pthread_mutex_t *)m->opaque); }
void hal_mutex_unlock(hal_mutex *m) { pthread_mutex_unlock((pthread_mutex_t *)m->opaque); }
bool hal_mutex_trylock(hal_mutex *m)
{
    return pthread_mutex_trylock((pthread_mutex_t *)m->opaque) == 0;
}

void hal_cond_init(hal_cond *c)
{
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init((pthread_cond_t *)c->opaque, &a);
    pthread_condattr_destroy(&a);
}
void hal_cond_destroy(hal_cond *c) { pthread_cond_destroy((pthread_cond_t *)c->opaque); }
void hal_cond_wait(hal_cond *c, hal_mutex *m)
{
    pthread_cond_wait((pthread_cond_t *)c->opaque, (pthread_mutex_t *)m->opaque);
}
bool hal_cond_wait_until(hal_cond *c, hal_mutex *m, uint64_t deadline_ns)
{
    struct timespec ts = {(time_t)(deadline_ns / 1000000000u), (long)(deadline_ns % 1000000000u)};
    return pthread_cond_timedwait((pthread_cond_t *)c->opaque, (pthread_mutex_t *)m->opaque, &ts) !=
           ETIMEDOUT;
}
void hal_cond_signal(hal_cond *c) { pthread_cond_signal((pthread_cond_t *)c->opaque); }
void hal_cond_broadcast(hal_cond *c) { pthread_cond_broadcast((pthread_cond_t *)c->opaque); }
