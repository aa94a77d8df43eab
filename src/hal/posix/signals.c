/*
 * signals.c - interrupts (SIGINT, SIGTERM, and SIGHUP: the terminal was
 * closed) turned into a callback, so a command can stop cleanly: finish
 * the current step and take a last snapshot.  A second interrupt does not
 * wait.  (SIGXFSZ is ignored where image files are opened: blockdev.c.)
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

static void (*volatile int_fn)(void *);
static void *volatile int_ctx;
static atomic_int int_count;

static void on_signal(int sig)
{
    (void)sig;
    if (atomic_fetch_add(&int_count, 1) > 0)
        _exit(130);
    if (int_fn)
        int_fn(int_ctx);
}

void hal_on_interrupt(void (*fn)(void *ctx), void *ctx)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    int_ctx = ctx;
    int_fn = fn;
    atomic_store(&int_count, 0);
    sa.sa_handler = fn ? on_signal : SIG_DFL;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}
