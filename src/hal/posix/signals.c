/*
 * signals.c - interrupts (SIGINT, SIGTERM, and SIGHUP: the terminal was
 * closed) turned into a callback, so a command can stop cleanly: finish
 * the current step and take a last snapshot.  A second interrupt does not
 * wait.  (SIGXFSZ is ignored where image files are opened: blockdev.c.)
 * Also the crash note (hal.h, "crash evidence"): a line appended to a file
 * when a fatal fault ends the process.
 */
#define _GNU_SOURCE
#include "../hal.h"
#include "tmem_internal.h"

#include <errno.h>
#include <fcntl.h>
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

/* ---- crash evidence ------------------------------------------------------------ */

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])
static struct sigaction previous[NFATAL];
static atomic_int note_fd = -1;
static atomic_int fatal_installed;
static char note_path[4096];

void hal_posix_note_crash(int sig)
{
    int fd = atomic_exchange(&note_fd, -1);   /* once, whichever thread faults first */
    if (fd < 0)
        return;
    const char *what = sig == SIGSEGV ? "segmentation fault" : sig == SIGBUS ? "bus error"
                     : sig == SIGILL ? "illegal instruction" : sig == SIGFPE ? "arithmetic fault" : "abort";
    char line[96] = "crashed: signal ";
    size_t n = strlen(line);
    char digits[8];
    int k = 0;
    for (int v = sig; v && k < 8; v /= 10)
        digits[k++] = (char)('0' + v % 10);
    while (k)
        line[n++] = digits[--k];
    line[n++] = ' ';
    line[n++] = '(';
    for (const char *p = what; *p && n < sizeof line - 2; p++)
        line[n++] = *p;
    line[n++] = ')';
    line[n++] = '\n';
    ssize_t w = write(fd, line, n);
    (void)w;   /* nothing more can be done about a failed write now */
}

static void on_fatal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    hal_posix_note_crash(sig);
    for (size_t i = 0; i < NFATAL; i++)
        if (fatal_signals[i] == sig)
            sigaction(sig, &previous[i], NULL);
    /* A fault happens again when the faulting instruction is retried, now
     * under the previous action; a signal that was sent (abort, kill) is
     * sent again. */
    if (si->si_code <= 0 || sig == SIGABRT)
        raise(sig);
}

int hal_crash_note_arm(const char *path, const char *text)
{
    hal_crash_note_remove();
    if (strlen(path) >= sizeof note_path)
        return -ENAMETOOLONG;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return -errno;
    size_t len = strlen(text);
    if (write(fd, text, len) != (ssize_t)len) {
        int err = errno ? -errno : -EIO;
        close(fd);
        unlink(path);
        return err;
    }
    strcpy(note_path, path);
    if (!atomic_exchange(&fatal_installed, 1)) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_fatal;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        for (size_t i = 0; i < NFATAL; i++) {
            /* The mprotect strategy's SIGSEGV handler serves page faults of
             * the space and notes every other fault itself: replacing it
             * would break the space. */
            if (fatal_signals[i] == SIGSEGV && tmem_mprotect_owns_segv())
                sigaction(SIGSEGV, NULL, &previous[i]);
            else
                sigaction(fatal_signals[i], &sa, &previous[i]);
        }
    }
    atomic_store(&note_fd, fd);
    return 0;
}

void hal_crash_note_remove(void)
{
    int fd = atomic_exchange(&note_fd, -1);
    if (fd < 0)
        return;
    close(fd);
    unlink(note_path);
}
