/*
 * file.c - whole-file reads and writes, directory listings and console
 * input for the tools and the VM (programs, class files, stdin).
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int hal_file_private(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return -errno;
    if (!S_ISREG(st.st_mode))
        return S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
    return st.st_mode & 077 ? -EACCES : 0;
}

int hal_file_read_all(const char *path, size_t max, uint8_t **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = -errno;
        close(fd);
        return e;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return -EISDIR;
    }
    if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > max) {
        close(fd);
        return S_ISREG(st.st_mode) ? -EFBIG : -EINVAL;
    }
    size_t n = (size_t)st.st_size;
    uint8_t *buf = malloc(n + 1);
    if (!buf) {
        close(fd);
        return -ENOMEM;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            int e = r < 0 ? -errno : -EIO;   /* shrank while reading */
            free(buf);
            close(fd);
            return e;
        }
        got += (size_t)r;
    }
    close(fd);
    buf[n] = 0;
    *out = buf;
    *len = n;
    return 0;
}

int hal_file_append(const char *path, const void *buf, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return -errno;
    ssize_t w;
    do
        w = write(fd, buf, len);
    while (w < 0 && errno == EINTR);
    int err = w < 0 ? -errno : (size_t)w < len ? -ENOSPC : 0;
    if (close(fd) < 0 && !err)
        err = -errno;
    return err;
}

int hal_file_write_all(const char *path, const void *buf, size_t len)
{
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp%d", path, (int)getpid()) >= sizeof tmp)
        return -ENAMETOOLONG;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -errno;
    const uint8_t *p = buf;
    size_t left = len;
    int err = 0;
    while (left && !err) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            err = -errno;
        else {
            p += w;
            left -= (size_t)w;
        }
    }
    if (!err && fdatasync(fd) < 0)
        err = -errno;
    if (close(fd) < 0 && !err)
        err = -errno;
    if (!err && rename(tmp, path) < 0)
        err = -errno;
    if (err)
        unlink(tmp);
    return err;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int hal_dir_list(const char *path, void (*fn)(void *ctx, const char *name, bool is_dir), void *ctx)
{
    DIR *d = opendir(path);
    if (!d)
        return -errno;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int err = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) { err = -ENOMEM; break; }
            names = nn;
        }
        if (!(names[n] = strdup(e->d_name))) { err = -ENOMEM; break; }
        n++;
    }
    closedir(d);
    if (!err) {
        qsort(names, n, sizeof *names, cmp_names);
        for (size_t i = 0; i < n; i++) {
            char full[4096];
            snprintf(full, sizeof full, "%s/%s", path, names[i]);
            fn(ctx, names[i], hal_is_dir(full));
        }
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return err;
}

bool hal_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int hal_make_dirs(const char *path)
{
    char buf[4096];
    size_t len = strlen(path);
    if (!len || len >= sizeof buf)
        return -ENAMETOOLONG;
    memcpy(buf, path, len + 1);
    for (size_t i = 1; i <= len; i++) {
        if (buf[i] != '/' && buf[i] != 0)
            continue;
        char saved = buf[i];
        buf[i] = 0;
        if (mkdir(buf, 0777) && errno != EEXIST)
            return -errno;
        if (!hal_is_dir(buf))
            return -ENOTDIR;
        buf[i] = saved;
    }
    return 0;
}

/* One byte of standard input: 1, 0 at end of input, -errno.  Byte by byte,
 * so that nothing past the line is taken from other readers of the same
 * input (a program run by the shell reads it too). */
static int read_byte(char *c)
{
    for (;;) {
        ssize_t r = read(STDIN_FILENO, c, 1);
        if (r >= 0)
            return (int)r;
        if (errno != EINTR)
            return -errno;
    }
}

int hal_console_wait_input(int timeout_ms)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    int r = poll(&p, 1, timeout_ms);
    return r < 0 ? (errno == EINTR ? 0 : -errno) : r > 0;
}

long hal_console_read_line(char *buf, size_t cap)
{
    size_t n = 0;
    while (n + 1 < cap) {
        char c;
        int r = read_byte(&c);
        if (r < 0)
            return r;
        if (r == 0)
            break;
        buf[n++] = c;
        if (c == '\n')
            break;
    }
    buf[n] = 0;
    return (long)n;
}

long hal_console_read_whole_line(char **line, size_t max)
{
    /* Invariant: buf holds the line's first n bytes (none once it is over
     * max), n < cap when buf is set. */
    char *buf = NULL;
    size_t n = 0, cap = 0;
    bool too_long = false, out_of_memory = false;
    *line = NULL;
    for (;;) {
        char c;
        int r = read_byte(&c);
        if (r < 0) {
            free(buf);
            return r;
        }
        if (r == 0 && !n && !too_long && !out_of_memory) {
            free(buf);
            return 0;
        }
        if (r == 0)
            break;
        if (!too_long && !out_of_memory && n == max) {
            too_long = true;
            free(buf);
            buf = NULL;
        }
        if (!too_long && !out_of_memory && n + 1 >= cap) {
            size_t grown = cap ? (cap > max / 2 ? max + 1 : cap * 2) : 256;
            char *p = realloc(buf, grown);
            if (!p) {
                out_of_memory = true;
                free(buf);
                buf = NULL;
            } else {
                buf = p;
                cap = grown;
            }
        }
        if (buf)
            buf[n++] = c;
        if (c == '\n')
            break;
    }
    if (too_long || out_of_memory)
        return too_long ? -E2BIG : -ENOMEM;
    buf[n] = 0;
    *line = buf;
    return (long)n;
}
