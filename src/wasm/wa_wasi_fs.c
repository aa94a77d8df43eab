/*
 * wa_wasi_fs.c - the WASI calls on files and directories (descriptors 3
 * and up): the program's memory side of each call (iovecs, paths,
 * filestat and dirent records, checked before anything is done), and the
 * host's file system (wa_files) for the rest.
 */
#include "../hal/hal.h"
#include "wa_wasi.h"

/* A path argument: its bytes in memory. */
static int path_arg(const wa_call *c, int i, const char **path, size_t *len)
{
    uint32_t n = wa_arg32(c, i + 1);
    const uint8_t *p = wa_at(c, wa_arg32(c, i), n);
    if (!p)
        return WA_E_FAULT;
    *path = (const char *)p;
    *len = n;
    return WA_E_SUCCESS;
}

static int put_filestat(const wa_call *c, uint32_t addr, const wa_filestat *st)
{
    uint8_t *p = wa_at(c, addr, 64);
    if (!p)
        return WA_E_FAULT;
    memset(p, 0, 64);
    memcpy(p + 8, &st->ino, 8);
    p[16] = st->filetype;
    memcpy(p + 24, &st->nlink, 8);
    memcpy(p + 32, &st->size, 8);
    memcpy(p + 40, &st->mtim_ns, 8);
    memcpy(p + 48, &st->mtim_ns, 8);
    memcpy(p + 56, &st->mtim_ns, 8);
    return WA_E_SUCCESS;
}

/* The arguments of fd_read, fd_pread, fd_write and fd_pwrite. */
typedef struct io_args {
    uint32_t fd, n, result;
    uint8_t *iov;
    int64_t at;       /* -1: at the descriptor's position */
} io_args;

static int io_args_of(const wa_call *c, bool at_offset, io_args *a)
{
    *a = (io_args){.fd = wa_arg32(c, 0), .n = wa_arg32(c, 2), .result = wa_arg32(c, at_offset ? 4 : 3),
                   .at = at_offset ? (int64_t)wa_arg64(c, 3) : -1};
    a->iov = wa_iovecs(c, wa_arg32(c, 1), a->n);
    if (!a->iov || !wa_at(c, a->result, 4))
        return WA_E_FAULT;
    return at_offset && a->at < 0 ? WA_E_INVAL : WA_E_SUCCESS;
}

/* fd_read, fd_pread, fd_write, fd_pwrite: the buffers in turn, until a
 * read comes back short; a failure after some bytes is a short count. */
static int file_io(const wa_call *c, const wa_files *fs, bool write, bool at_offset)
{
    io_args a;
    int rc = io_args_of(c, at_offset, &a);
    if (rc)
        return rc;
    uint64_t total = 0;
    for (uint32_t i = 0; i < a.n; i++) {
        uint32_t len;
        uint8_t *p = wa_iov_buf(c, a.iov, i, &len);
        int64_t at = a.at < 0 ? -1 : a.at + (int64_t)total;
        size_t done = len;
        rc = write ? fs->write(c->h->ctx, a.fd, p, len, at) : fs->read(c->h->ctx, a.fd, p, len, at, &done);
        if (rc)
            return total ? wa_put32(c, a.result, (uint32_t)total) : rc;
        total += done;
        if (done < len)
            break;
    }
    return wa_put32(c, a.result, (uint32_t)total);
}

static int prestat_get(const wa_call *c, const wa_files *fs)
{
    const char *name;
    int rc = fs->prestat(c->h->ctx, wa_arg32(c, 0), &name);
    uint8_t *p = wa_at(c, wa_arg32(c, 1), 8);
    if (rc)
        return rc;
    if (!p)
        return WA_E_FAULT;
    memset(p, 0, 8);   /* tag 0: a directory */
    uint32_t len = (uint32_t)strlen(name);
    memcpy(p + 4, &len, 4);
    return WA_E_SUCCESS;
}

static int prestat_dir_name(const wa_call *c, const wa_files *fs)
{
    const char *name;
    int rc = fs->prestat(c->h->ctx, wa_arg32(c, 0), &name);
    if (rc)
        return rc;
    size_t len = strlen(name);
    if (wa_arg32(c, 2) < len)
        return WA_E_INVAL;
    uint8_t *p = wa_at(c, wa_arg32(c, 1), len);
    if (!p)
        return WA_E_FAULT;
    memcpy(p, name, len);
    return WA_E_SUCCESS;
}

static int fdstat_get(const wa_call *c, const wa_files *fs)
{
    uint8_t *p = wa_at(c, wa_arg32(c, 1), 24);
    uint8_t type;
    uint16_t flags;
    uint64_t rights;
    int rc = fs->fdstat(c->h->ctx, wa_arg32(c, 0), &type, &flags, &rights);
    if (rc)
        return rc;
    if (!p)
        return WA_E_FAULT;
    memset(p, 0, 24);
    p[0] = type;
    memcpy(p + 2, &flags, 2);
    memcpy(p + 8, &rights, 8);
    memcpy(p + 16, &rights, 8);
    return WA_E_SUCCESS;
}

static int seek(const wa_call *c, const wa_files *fs, bool tell)
{
    uint32_t result = wa_arg32(c, tell ? 1 : 3);
    if (!wa_at(c, result, 8))
        return WA_E_FAULT;
    uint64_t pos;
    int rc = tell ? fs->seek(c->h->ctx, wa_arg32(c, 0), 0, 1, &pos)
                  : fs->seek(c->h->ctx, wa_arg32(c, 0), (int64_t)wa_arg64(c, 1), wa_arg32(c, 2), &pos);
    return rc ? rc : wa_put64(c, result, pos);
}

/* fd_readdir fills the buffer with dirent records (24 bytes, then the
 * name), the last one cut short when it does not fit, as WASI asks. */
typedef struct dirbuf {
    uint8_t *p;
    uint32_t cap, used;
} dirbuf;

static bool emit(void *arg, uint64_t next, uint64_t ino, uint8_t type, const char *name, size_t len)
{
    dirbuf *b = arg;
    uint8_t rec[24] = {0};
    uint32_t nl = (uint32_t)len;
    memcpy(rec, &next, 8);
    memcpy(rec + 8, &ino, 8);
    memcpy(rec + 16, &nl, 4);
    rec[20] = type;
    uint32_t n = b->cap - b->used < 24 ? b->cap - b->used : 24;
    memcpy(b->p + b->used, rec, n);
    b->used += n;
    n = b->cap - b->used < nl ? b->cap - b->used : nl;
    memcpy(b->p + b->used, name, n);
    b->used += n;
    return b->used < b->cap;
}

static int readdir(const wa_call *c, const wa_files *fs)
{
    dirbuf b = {.p = wa_at(c, wa_arg32(c, 1), wa_arg32(c, 2)), .cap = wa_arg32(c, 2)};
    uint32_t result = wa_arg32(c, 4);
    if (!b.p || !wa_at(c, result, 4))
        return WA_E_FAULT;
    int rc = b.cap ? fs->readdir(c->h->ctx, wa_arg32(c, 0), wa_arg64(c, 3), emit, &b) : WA_E_SUCCESS;
    return rc ? rc : wa_put32(c, result, b.used);
}

static int path_open(const wa_call *c, const wa_files *fs)
{
    const char *path;
    size_t len;
    uint32_t result = wa_arg32(c, 8), fd;
    int rc = path_arg(c, 2, &path, &len);
    if (rc || !wa_at(c, result, 4))
        return WA_E_FAULT;
    rc = fs->open(c->h->ctx, wa_arg32(c, 0), path, len, wa_arg32(c, 4) & 0xFFFF, wa_arg64(c, 5),
                  wa_arg32(c, 7) & 0xFFFF, &fd);
    return rc ? rc : wa_put32(c, result, fd);
}

typedef int path_fn(void *ctx, uint32_t fd, const char *path, size_t len);

static int path_call(const wa_call *c, path_fn *fn)
{
    const char *path;
    size_t len;
    int rc = path_arg(c, 1, &path, &len);
    return rc ? rc : fn(c->h->ctx, wa_arg32(c, 0), path, len);
}

static int path_rename(const wa_call *c, const wa_files *fs)
{
    const char *from, *to;
    size_t flen, tlen;
    if (path_arg(c, 1, &from, &flen) || path_arg(c, 4, &to, &tlen))
        return WA_E_FAULT;
    return fs->rename(c->h->ctx, wa_arg32(c, 0), from, flen, wa_arg32(c, 3), to, tlen);
}

static int path_filestat(const wa_call *c, const wa_files *fs)
{
    const char *path;
    size_t len;
    if (path_arg(c, 2, &path, &len) || !wa_at(c, wa_arg32(c, 4), 64))
        return WA_E_FAULT;
    wa_filestat st;
    int rc = fs->path_stat(c->h->ctx, wa_arg32(c, 0), path, len, &st);
    return rc ? rc : put_filestat(c, wa_arg32(c, 4), &st);
}

static int filestat(const wa_call *c, const wa_files *fs)
{
    if (!wa_at(c, wa_arg32(c, 1), 64))
        return WA_E_FAULT;
    wa_filestat st;
    int rc = fs->filestat(c->h->ctx, wa_arg32(c, 0), &st);
    return rc ? rc : put_filestat(c, wa_arg32(c, 1), &st);
}

int wa_wasi_file_call(const wa_call *c, uint32_t fn)
{
    const wa_files *fs = c->h->files;
    if (!fs)
        return WA_E_BADF;
    switch (fn) {
    case WA_WASI_FD_READ: return file_io(c, fs, false, false);
    case WA_WASI_FD_PREAD: return file_io(c, fs, false, true);
    case WA_WASI_FD_WRITE: return file_io(c, fs, true, false);
    case WA_WASI_FD_PWRITE: return file_io(c, fs, true, true);
    case WA_WASI_FD_PRESTAT_GET: return prestat_get(c, fs);
    case WA_WASI_FD_PRESTAT_DIR_NAME: return prestat_dir_name(c, fs);
    case WA_WASI_FD_FDSTAT_GET: return fdstat_get(c, fs);
    case WA_WASI_FD_FILESTAT_GET: return filestat(c, fs);
    case WA_WASI_FD_FILESTAT_SET_SIZE: return fs->set_size(c->h->ctx, wa_arg32(c, 0), wa_arg64(c, 1));
    case WA_WASI_FD_CLOSE: return fs->close(c->h->ctx, wa_arg32(c, 0));
    case WA_WASI_FD_SEEK: return seek(c, fs, false);
    case WA_WASI_FD_TELL: return seek(c, fs, true);
    case WA_WASI_FD_READDIR: return readdir(c, fs);
    case WA_WASI_FD_SYNC:
    case WA_WASI_FD_DATASYNC: {
        uint8_t type;
        uint16_t flags;
        uint64_t rights;
        return fs->fdstat(c->h->ctx, wa_arg32(c, 0), &type, &flags, &rights);
    }
    case WA_WASI_PATH_OPEN: return path_open(c, fs);
    case WA_WASI_PATH_CREATE_DIRECTORY: return path_call(c, fs->mkdir);
    case WA_WASI_PATH_UNLINK_FILE: return path_call(c, fs->unlink);
    case WA_WASI_PATH_REMOVE_DIRECTORY: return path_call(c, fs->rmdir);
    case WA_WASI_PATH_RENAME: return path_rename(c, fs);
    case WA_WASI_PATH_FILESTAT_GET: return path_filestat(c, fs);
    default: return WA_E_NOSYS;
    }
}
