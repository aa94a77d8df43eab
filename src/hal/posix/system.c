/*
 * system.c - HAL time, plain memory, console, process and error text.
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

const char *hal_strerror(int code)
{
    if (code == HAL_E_NONAME)
        return "name not found";
    if (code == HAL_E_NAMEFAIL)
        return "name lookup failed";
    return strerror(code < 0 ? -code : code);
}

static void put_raw(const char *s)
{
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(2, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

_Noreturn void hal_assert_fail(const char *file, int line, const char *cond)
{
    char num[24];
    int i = (int)sizeof num - 1;
    num[i] = 0;
    unsigned u = line > 0 ? (unsigned)line : 0;
    do {
        num[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u && i > 0);
    put_raw("phantom: internal check failed at ");
    put_raw(file);
    put_raw(":");
    put_raw(num + i);
    put_raw(": ");
    put_raw(cond);
    put_raw("\n");
    abort();
}

uint64_t hal_now_mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t hal_thread_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t hal_now_wall_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t hal_process_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void hal_sleep_ns(uint64_t ns)
{
    struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
    while (nanosleep(&ts, &ts) && errno == EINTR) {
    }
}

uint64_t hal_physical_memory(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? (uint64_t)pages * (uint64_t)size : 0;
}

void *hal_pages_alloc(size_t bytes)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void *hal_pages_reserve(size_t bytes)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void hal_pages_free(void *p, size_t bytes)
{
    if (p)
        munmap(p, bytes);
}

void hal_console_write(int stream, const char *buf, size_t len)
{
    int fd = stream == 2 ? STDERR_FILENO : STDOUT_FILENO;
    while (len) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return; /* a closed console must not stop the world */
        }
        buf += n;
        len -= (size_t)n;
    }
}

void hal_console_vprintf(int stream, const char *fmt, va_list ap)
{
    char buf[4096];
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0)
        return;
    hal_console_write(stream, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void hal_console_printf(int stream, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hal_console_vprintf(stream, fmt, ap);
    va_end(ap);
}

bool hal_console_is_tty(int stream) { return isatty(stream == 2 ? STDERR_FILENO : STDOUT_FILENO); }

uint64_t hal_random_u64(void)
{
    uint64_t v = 0;
    if (getrandom(&v, sizeof v, 0) != (ssize_t)sizeof v)
        v = hal_now_wall_ns() ^ ((uint64_t)getpid() << 32) ^ hal_now_mono_ns();
    return v;
}

int hal_random_bytes(void *buf, size_t n)
{
    uint8_t *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -errno;
        p += got;
        n -= (size_t)got;
    }
    return 0;
}

int hal_getpid(void) { return (int)getpid(); }

const char *hal_getenv(const char *name) { return getenv(name); }
_Noreturn void hal_exit(int code) { exit(code); }
_Noreturn void hal_exit_now(int code) { _exit(code); }
_Noreturn void hal_abort(void) { _exit(134); }
