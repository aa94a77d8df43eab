/*
 * blockdev.c - HAL block device on a file or a raw device: pread/pwrite,
 * fdatasync as the flush, flock for exclusive access.  NBD URIs go to
 * blockdev_nbd.c.
 */
#define _GNU_SOURCE
#include "blockdev_internal.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

typedef struct file_dev {
    hal_blockdev base;
    int fd;
    bool is_blockdev; /* raw device: fixed size */
} file_dev;

static int fd_read(hal_blockdev *d, void *buf, size_t len, uint64_t off)
{
    file_dev *f = (file_dev *)d;
    char *p = buf;
    while (len) {
        ssize_t n = pread(f->fd, p, len, (off_t)off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (n == 0)
            return -ENODATA; /* past the end: a truncated image */
        p += n;
        off += (uint64_t)n;
        len -= (size_t)n;
    }
    return 0;
}

static int fd_write(hal_blockdev *d, const void *buf, size_t len, uint64_t off)
{
    file_dev *f = (file_dev *)d;
    const char *p = buf;
    while (len) {
        ssize_t n = pwrite(f->fd, p, len, (off_t)off);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        p += n;
        off += (uint64_t)n;
        len -= (size_t)n;
    }
    return 0;
}

static int fd_flush(hal_blockdev *d)
{
    file_dev *f = (file_dev *)d;
    return fdatasync(f->fd) ? -errno : 0;
}

static int fd_size(hal_blockdev *d, uint64_t *bytes)
{
    file_dev *f = (file_dev *)d;
    off_t end = lseek(f->fd, 0, SEEK_END);
    if (end < 0)
        return -errno;
    *bytes = (uint64_t)end;
    return 0;
}

static int fd_grow(hal_blockdev *d, uint64_t bytes)
{
    file_dev *f = (file_dev *)d;
    uint64_t cur = 0;
    int rc = fd_size(d, &cur);
    if (rc || cur >= bytes)
        return rc;
    if (f->is_blockdev)
        return -ENOSPC;
    /* Reserve real space now, so running out shows up here as ENOSPC
     * rather than later as a failed write of data that was counted on. */
    rc = posix_fallocate(f->fd, (off_t)cur, (off_t)(bytes - cur));
    if (rc == EOPNOTSUPP || rc == EINVAL)
        rc = ftruncate(f->fd, (off_t)bytes) ? errno : 0;
    return -rc;
}

static void fd_writeback(hal_blockdev *d, uint64_t off, uint64_t len)
{
    file_dev *f = (file_dev *)d;
    /* Errors are ignored: flush() reports whatever went wrong. */
    (void)sync_file_range(f->fd, (off_t)off, (off_t)len, SYNC_FILE_RANGE_WRITE);
}

static void fd_close(hal_blockdev *d)
{
    file_dev *f = (file_dev *)d;
    close(f->fd);
    free(f);
}

static int fd_check(hal_blockdev *d)
{
    file_dev *f = (file_dev *)d;
    struct stat mine, named;
    if (fstat(f->fd, &mine))
        return -errno;
    if (mine.st_nlink == 0 || stat(f->base.name, &named) || named.st_dev != mine.st_dev ||
        named.st_ino != mine.st_ino)
        return -ENOENT;
    return 0;
}

static const hal_blockdev_ops file_ops = {fd_read, fd_write, fd_flush, fd_size, fd_grow, fd_close,
                                          fd_writeback, fd_check, NULL};

int hal_blockdev_open(const char *path, int flags, hal_blockdev **out)
{
    if (hal_blockdev_is_nbd(path))
        return hal_nbd_open(path, flags, out);
    /* A write beyond `ulimit -f` must fail with EFBIG, handled like a full
     * disk, not kill the process with SIGXFSZ and no word said. */
    static atomic_flag xfsz_ignored = ATOMIC_FLAG_INIT;
    if (!atomic_flag_test_and_set(&xfsz_ignored))
        signal(SIGXFSZ, SIG_IGN);
    int oflags = O_CLOEXEC | ((flags & HAL_BD_READONLY) ? O_RDONLY : O_RDWR);
    if (flags & HAL_BD_CREATE)
        oflags |= O_CREAT | O_EXCL;
    int fd = open(path, oflags, 0644);
    if (fd < 0)
        return -errno;
    struct stat st;
    if (fstat(fd, &st)) {
        int e = -errno;
        close(fd);
        return e;
    }
    if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode)) {
        close(fd);
        return S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
    }
    if ((flags & HAL_BD_EXCLUSIVE) && flock(fd, LOCK_EX | LOCK_NB)) {
        int e = errno == EWOULDBLOCK ? -EBUSY : -errno;
        close(fd);
        return e;
    }
    file_dev *f = calloc(1, sizeof *f);
    if (!f) {
        close(fd);
        return -ENOMEM;
    }
    f->base.ops = &file_ops;
    snprintf(f->base.name, sizeof f->base.name, "%s", path);
    f->fd = fd;
    f->is_blockdev = S_ISBLK(st.st_mode);
    *out = &f->base;
    return 0;
}

int hal_blockdev_write_durable(hal_blockdev *d, const void *buf, size_t len, uint64_t off)
{
    if (d->ops->write_durable)
        return d->ops->write_durable(d, buf, len, off);
    int rc = d->ops->write(d, buf, len, off);
    return rc ? rc : d->ops->flush(d);
}

const char *hal_blockdev_open_why(const char *name, int rc, char *buf, size_t len)
{
    if (hal_blockdev_is_nbd(name))
        return hal_nbd_open_why(rc, buf, len);
    snprintf(buf, len, "%s", hal_strerror(rc));
    return buf;
}

bool hal_blockdev_exists(const char *name) { return hal_blockdev_is_nbd(name) || hal_path_exists(name); }

bool hal_path_exists(const char *path) { return access(path, F_OK) == 0; }

uint64_t hal_free_disk_space(const char *path)
{
    struct statvfs fs;
    if (hal_blockdev_is_nbd(path))
        return 0;
    if (statvfs(path, &fs) == 0)
        return (uint64_t)fs.f_bavail * fs.f_frsize;
    /* A new image: the file system of the directory it will be made in. */
    char dir[4096];
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n >= sizeof dir)
        return 0;
    memcpy(dir, path, n);
    strcpy(dir + n, n ? "" : slash ? "/" : ".");
    return statvfs(dir, &fs) == 0 ? (uint64_t)fs.f_bavail * fs.f_frsize : 0;
}
int hal_remove(const char *path) { return unlink(path) ? -errno : 0; }

int hal_rename_durable(const char *from, const char *to)
{
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE))
        return -errno;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", to);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = 0;
    else
        snprintf(dir, sizeof dir, ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    int rc = fsync(fd) ? -errno : 0;
    close(fd);
    return rc;
}
