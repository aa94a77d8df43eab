/*
 * wfs_open.c - open file descriptions of the world's file system (wfs.h):
 * a node, a position and a mode, kept in the world like the node itself,
 * so a program's open files survive a restart with it.
 *
 * Invariants: an open description's node is a node made by wfs.c; its
 * position is a non-negative 48-bit long; a directory is open for reading
 * only.
 */
#include "../hal/hal.h"
#include "native/native.h"
#include "wfs.h"

/* Words of .internal.fs.open. */
enum { O_NODE, O_POS, O_MODE };

/* Positions beyond this are refused (they fit a 48-bit long). */
#define POS_MAX ((int64_t)1 << 46)

bool wfs_is_open(pv_vm *vm, uint64_t v)
{
    struct pv_class *c = pv_class_of(vm, v);
    return c && !strcmp(c->name->bytes, ".internal.fs.open") && pv_is_obj(((wfs_open *)pv_as_ptr(v))->w[O_NODE]);
}

wfs_node *wfs_open_node_of(wfs_open *o) { return pv_as_ptr(o->w[O_NODE]); }
uint32_t wfs_open_mode(wfs_open *o) { return (uint32_t)pv_as_int(o->w[O_MODE]); }
uint64_t wfs_open_pos(wfs_open *o) { return (uint64_t)pv_as_long48(o->w[O_POS]); }

static void set_pos(pv_vm *vm, wfs_open *o, uint64_t pos)
{
    HAL_ASSERT(pos <= (uint64_t)POS_MAX);
    pv_gc_write(vm, &o->w[O_POS], pv_long48((int64_t)pos));
}

int wfs_open_node(pv_vm *vm, wfs_node *n, uint32_t mode, wfs_open **out)
{
    HAL_ASSERT(!wfs_is_dir(n) || mode == WFS_O_READ);
    wfs_open *o = pv_alloc_obj(vm, pv_find_class(vm, ".internal.fs.open"), sizeof *o);
    if (!o)
        return WFS_ENOMEM;
    for (int i = 0; i < PV_NATIVE_WORDS; i++)
        o->w[i] = PV_NULL;
    pv_gc_write(vm, &o->w[O_NODE], pv_from_ptr(n));
    pv_gc_write(vm, &o->w[O_POS], pv_long48(0));
    pv_gc_write(vm, &o->w[O_MODE], pv_int((int32_t)(mode & WFS_O_MODE)));
    *out = o;
    return WFS_OK;
}

int wfs_open_path(pv_vm *vm, wfs_node *base, const char *path, size_t len, uint32_t flags, wfs_open **out)
{
    wfs_where w;
    int rc = wfs_locate(vm, base, path, len, &w);
    if (rc)
        return rc;
    wfs_node *n = wfs_at(&w);
    if (n && (flags & WFS_O_CREATE) && (flags & WFS_O_EXCL))
        return WFS_EEXIST;
    if (!n && !(flags & WFS_O_CREATE))
        return WFS_ENOENT;
    if (!n && (flags & WFS_O_DIRECTORY))
        return WFS_ENOENT;
    if (n && wfs_is_dir(n) && (flags & (WFS_O_WRITE | WFS_O_CREATE | WFS_O_TRUNC)))
        return WFS_EISDIR;
    if (n && !wfs_is_dir(n) && ((flags & WFS_O_DIRECTORY) || w.trailing_slash))
        return WFS_ENOTDIR;
    if (!n && (rc = wfs_create_at(vm, &w, WFS_FILE, &n)) != 0)
        return rc;
    else if ((flags & WFS_O_TRUNC) && (rc = wfs_truncate(vm, n, 0)) != 0)
        return rc;
    return wfs_open_node(vm, n, wfs_is_dir(n) ? WFS_O_READ : flags & WFS_O_MODE, out);
}

int wfs_open_read(pv_vm *vm, wfs_open *o, void *buf, size_t n, int64_t at, size_t *got)
{
    wfs_node *f = wfs_open_node_of(o);
    if (!(wfs_open_mode(o) & WFS_O_READ))
        return WFS_EBADF;
    if (wfs_is_dir(f))
        return WFS_EISDIR;
    uint64_t pos = at >= 0 ? (uint64_t)at : wfs_open_pos(o);
    *got = wfs_read(f, pos, buf, n);
    if (at < 0)
        set_pos(vm, o, pos + *got);
    return WFS_OK;
}

int wfs_open_write(pv_vm *vm, wfs_open *o, const void *buf, size_t n, int64_t at)
{
    wfs_node *f = wfs_open_node_of(o);
    uint32_t mode = wfs_open_mode(o);
    if (!(mode & WFS_O_WRITE))
        return WFS_EBADF;
    HAL_ASSERT(!wfs_is_dir(f));
    wfs_stat st;
    wfs_stat_of(vm, f, &st);
    uint64_t pos = at >= 0 ? (uint64_t)at : (mode & WFS_O_APPEND) ? st.size : wfs_open_pos(o);
    int rc = wfs_write(vm, f, pos, buf, n);
    if (!rc && at < 0)
        set_pos(vm, o, pos + n);
    return rc;
}

int wfs_open_seek(wfs_open *o, int64_t delta, int whence, uint64_t *pos)
{
    int64_t from;
    switch (whence) {
    case 0: from = 0; break;
    case 1: from = (int64_t)wfs_open_pos(o); break;
    case 2: {
        wfs_stat st;
        wfs_stat_of(NULL, wfs_open_node_of(o), &st);
        from = wfs_is_dir(wfs_open_node_of(o)) ? 0 : (int64_t)st.size;
        break;
    }
    default: return WFS_EINVAL;
    }
    if (delta > POS_MAX || delta < -POS_MAX || from + delta < 0 || from + delta > POS_MAX)
        return WFS_EINVAL;
    *pos = (uint64_t)(from + delta);
    o->w[O_POS] = pv_long48(from + delta);
    return WFS_OK;
}
