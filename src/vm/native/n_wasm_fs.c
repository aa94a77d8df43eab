/*
 * n_wasm_fs.c - a WebAssembly program's descriptors on the world's file
 * system (wfs.h): the wa_files services of src/wasm.
 *
 * The descriptor table is W_FDS of the .internal.wasm object, an array
 * whose item fd is an open file (.internal.fs.open) or null; 0 to 2 are
 * the console and never in it.  It lives in the world with the program,
 * so its open files, their positions included, survive a restart.  It is
 * made on first use with descriptor 3, the root preopen "/".
 *
 * Rights: a file opened without WASI's fd_read right refuses reading,
 * one without fd_write refuses writing (EBADF, as a POSIX O_WRONLY or
 * O_RDONLY descriptor); other rights are not checked.
 */
#include <stdlib.h>

#include "../../hal/hal.h"
#include "../wfs.h"
#include "n_wasm.h"

#define PREOPEN_FD 3u
#define MAX_FDS 1024u

static const uint16_t errnos[] = {
    [0] = WA_E_SUCCESS, [-WFS_ENOENT] = WA_E_NOENT, [-WFS_EEXIST] = WA_E_EXIST, [-WFS_ENOTDIR] = WA_E_NOTDIR,
    [-WFS_EISDIR] = WA_E_ISDIR, [-WFS_ENOTEMPTY] = WA_E_NOTEMPTY, [-WFS_EINVAL] = WA_E_INVAL,
    [-WFS_ENAMETOOLONG] = WA_E_NAMETOOLONG, [-WFS_EFBIG] = WA_E_FBIG, [-WFS_ENOMEM] = WA_E_NOMEM,
    [-WFS_EBUSY] = WA_E_BUSY, [-WFS_EBADF] = WA_E_BADF,
};

static int wasi_errno(int wfs_err)
{
    HAL_ASSERT(wfs_err <= 0 && -wfs_err < (int)PV_COUNTOF(errnos));
    return errnos[-wfs_err];
}

/* The descriptor table, made with the preopen on first use; NULL out of memory. */
static struct pv_array *table(wasm_ctx *c)
{
    if (pv_obj_kind(c->o->w[W_FDS]) == PV_K_ARRAY)
        return pv_as_ptr(c->o->w[W_FDS]);
    wfs_node *root = wfs_root(c->vm);
    struct pv_array *a = root ? pv_array_new(c->vm, 0) : NULL;
    wfs_open *o;
    if (!a || wfs_open_node(c->vm, root, WFS_O_READ, &o) || pv_array_set(c->vm, a, PREOPEN_FD, pv_from_ptr(o)) < 0)
        return NULL;
    pv_gc_write(c->vm, &c->o->w[W_FDS], pv_from_ptr(a));
    return a;
}

/* The open file of descriptor fd, or NULL. */
static wfs_open *open_of(wasm_ctx *c, uint32_t fd)
{
    struct pv_array *a = table(c);
    if (!a || fd >= a->len || !pv_is_obj(a->items[fd]))
        return NULL;
    HAL_ASSERT(wfs_is_open(c->vm, a->items[fd]));
    return pv_as_ptr(a->items[fd]);
}

/* The directory of descriptor fd, for the path calls. */
static int dir_of(wasm_ctx *c, uint32_t fd, wfs_node **d)
{
    wfs_open *o = open_of(c, fd);
    if (!o)
        return WA_E_BADF;
    *d = wfs_open_node_of(o);
    return wfs_is_dir(*d) ? WA_E_SUCCESS : WA_E_NOTDIR;
}

static int where(wasm_ctx *c, uint32_t fd, const char *path, size_t len, wfs_where *w)
{
    wfs_node *d;
    int rc = dir_of(c, fd, &d);
    return rc ? rc : wasi_errno(wfs_locate(c->vm, d, path, len, w));
}

/* Descriptor 3 while it is the root preopen (a program may close it and
 * get 3 again for a file). */
static int f_prestat(void *ctx, uint32_t fd, const char **name)
{
    wasm_ctx *c = ctx;
    wfs_open *o = fd == PREOPEN_FD ? open_of(c, fd) : NULL;
    if (!o || wfs_open_node_of(o) != wfs_root(c->vm))
        return WA_E_BADF;
    *name = "/";
    return WA_E_SUCCESS;
}

static int f_open(void *ctx, uint32_t fd, const char *path, size_t len, uint32_t oflags, uint64_t rights,
                  uint32_t fdflags, uint32_t *opened)
{
    wasm_ctx *c = ctx;
    wfs_node *d;
    int rc = dir_of(c, fd, &d);
    struct pv_array *a = table(c);
    if (rc || !a)
        return rc ? rc : WA_E_NOMEM;
    uint32_t n = PREOPEN_FD;
    while (n < a->len && pv_is_obj(a->items[n]))
        n++;
    if (n >= MAX_FDS)
        return WA_E_MFILE;
    uint32_t flags = (oflags & WA_OFLAG_CREAT ? WFS_O_CREATE : 0) | (oflags & WA_OFLAG_EXCL ? WFS_O_EXCL : 0) |
                     (oflags & WA_OFLAG_TRUNC ? WFS_O_TRUNC : 0) |
                     (oflags & WA_OFLAG_DIRECTORY ? WFS_O_DIRECTORY : 0) |
                     (rights & WA_RIGHT_FD_READ ? WFS_O_READ : 0) | (rights & WA_RIGHT_FD_WRITE ? WFS_O_WRITE : 0) |
                     (fdflags & WA_FDFLAG_APPEND ? WFS_O_APPEND : 0);
    wfs_open *o;
    rc = wfs_open_path(c->vm, d, path, len, flags, &o);
    if (rc)
        return wasi_errno(rc);
    if (pv_array_set(c->vm, a, n, pv_from_ptr(o)) < 0)
        return WA_E_NOMEM;
    *opened = n;
    return WA_E_SUCCESS;
}

static int f_close(void *ctx, uint32_t fd)
{
    wasm_ctx *c = ctx;
    if (!open_of(c, fd))
        return WA_E_BADF;
    struct pv_array *a = table(c);
    pv_gc_write(c->vm, &a->items[fd], PV_NULL);
    return WA_E_SUCCESS;
}

static int f_read(void *ctx, uint32_t fd, uint8_t *p, size_t n, int64_t at, size_t *got)
{
    wasm_ctx *c = ctx;
    wfs_open *o = open_of(c, fd);
    return o ? wasi_errno(wfs_open_read(c->vm, o, p, n, at, got)) : WA_E_BADF;
}

static int f_write(void *ctx, uint32_t fd, const uint8_t *p, size_t n, int64_t at)
{
    wasm_ctx *c = ctx;
    wfs_open *o = open_of(c, fd);
    return o ? wasi_errno(wfs_open_write(c->vm, o, p, n, at)) : WA_E_BADF;
}

static int f_seek(void *ctx, uint32_t fd, int64_t delta, uint32_t whence, uint64_t *pos)
{
    wfs_open *o = open_of(ctx, fd);
    return o ? wasi_errno(wfs_open_seek(o, delta, (int)whence, pos)) : WA_E_BADF;
}

static void stat_of(wasm_ctx *c, wfs_node *n, wa_filestat *st)
{
    wfs_stat s;
    wfs_stat_of(c->vm, n, &s);
    *st = (wa_filestat){.filetype = s.type == WFS_DIR ? WA_FT_DIR : WA_FT_FILE, .ino = s.ino, .nlink = s.nlink,
                        .size = s.size, .mtim_ns = s.mtime_ns};
}

static int f_fdstat(void *ctx, uint32_t fd, uint8_t *filetype, uint16_t *fdflags, uint64_t *rights)
{
    wasm_ctx *c = ctx;
    wfs_open *o = open_of(c, fd);
    if (!o)
        return WA_E_BADF;
    uint32_t mode = wfs_open_mode(o);
    bool dir = wfs_is_dir(wfs_open_node_of(o));
    *filetype = dir ? WA_FT_DIR : WA_FT_FILE;
    *fdflags = mode & WFS_O_APPEND ? WA_FDFLAG_APPEND : 0;
    /* A directory passes every right on to what is opened in it. */
    *rights = dir ? WA_RIGHTS_ALL
                  : WA_RIGHTS_ALL & ~(mode & WFS_O_READ ? 0 : WA_RIGHT_FD_READ) &
                        ~(mode & WFS_O_WRITE ? 0 : WA_RIGHT_FD_WRITE);
    return WA_E_SUCCESS;
}

static int f_filestat(void *ctx, uint32_t fd, wa_filestat *st)
{
    wfs_open *o = open_of(ctx, fd);
    if (!o)
        return WA_E_BADF;
    stat_of(ctx, wfs_open_node_of(o), st);
    return WA_E_SUCCESS;
}

static int f_set_size(void *ctx, uint32_t fd, uint64_t size)
{
    wasm_ctx *c = ctx;
    wfs_open *o = open_of(c, fd);
    if (!o)
        return WA_E_BADF;
    if (!(wfs_open_mode(o) & WFS_O_WRITE) || wfs_is_dir(wfs_open_node_of(o)))
        return WA_E_INVAL;
    return wasi_errno(wfs_truncate(c->vm, wfs_open_node_of(o), size));
}

/* Position 0 is ".", 1 "..", then the names in byte order. */
static int f_readdir(void *ctx, uint32_t fd, uint64_t cookie, wa_dirent_fn *emit, void *arg)
{
    wasm_ctx *c = ctx;
    wfs_node *d;
    int rc = dir_of(c, fd, &d);
    if (rc)
        return rc;
    uint64_t *names;
    uint32_t count;
    if (wfs_list(d, &names, &count))
        return WA_E_NOMEM;
    wfs_stat self;
    wfs_stat_of(c->vm, d, &self);
    bool more = true;
    for (uint64_t i = cookie; more && i < 2; i++)   /* "." then ".." */
        more = emit(arg, i + 1, self.ino, WA_FT_DIR, "..", (size_t)i + 1);
    for (uint64_t i = cookie < 2 ? 0 : cookie - 2; more && i < count; i++) {
        wa_filestat st;
        stat_of(c, wfs_child_named(d, names[i]), &st);
        struct pv_string *s = pv_as_ptr(names[i]);
        more = emit(arg, i + 3, st.ino, st.filetype, s->bytes, s->len);
    }
    free(names);
    return WA_E_SUCCESS;
}

static int f_path_stat(void *ctx, uint32_t fd, const char *path, size_t len, wa_filestat *st)
{
    wasm_ctx *c = ctx;
    wfs_node *d, *n;
    int rc = dir_of(c, fd, &d);
    if (rc)
        return rc;
    rc = wfs_lookup(c->vm, d, path, len, &n);
    if (rc)
        return wasi_errno(rc);
    stat_of(c, n, st);
    return WA_E_SUCCESS;
}

typedef int name_op(pv_vm *vm, const wfs_where *w);

static int on_name(void *ctx, uint32_t fd, const char *path, size_t len, name_op *op)
{
    wasm_ctx *c = ctx;
    wfs_where w;
    int rc = where(c, fd, path, len, &w);
    return rc ? rc : wasi_errno(op(c->vm, &w));
}

static int f_mkdir(void *ctx, uint32_t fd, const char *path, size_t len) { return on_name(ctx, fd, path, len, wfs_mkdir); }
static int f_unlink(void *ctx, uint32_t fd, const char *path, size_t len) { return on_name(ctx, fd, path, len, wfs_unlink); }
static int f_rmdir(void *ctx, uint32_t fd, const char *path, size_t len) { return on_name(ctx, fd, path, len, wfs_rmdir); }

static int f_rename(void *ctx, uint32_t fd, const char *path, size_t len, uint32_t fd2, const char *path2,
                    size_t len2)
{
    wasm_ctx *c = ctx;
    wfs_where from, to;
    int rc = where(c, fd, path, len, &from);
    rc = rc ? rc : where(c, fd2, path2, len2, &to);
    return rc ? rc : wasi_errno(wfs_rename(c->vm, &from, &to));
}

const wa_files pv_wasm_files = {
    .prestat = f_prestat, .open = f_open, .close = f_close, .read = f_read, .write = f_write, .seek = f_seek,
    .fdstat = f_fdstat, .filestat = f_filestat, .set_size = f_set_size, .readdir = f_readdir,
    .path_stat = f_path_stat, .mkdir = f_mkdir, .unlink = f_unlink, .rmdir = f_rmdir, .rename = f_rename,
};
