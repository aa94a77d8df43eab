/*
 * wfs_tool.c - the world's file system by path and whole file (pvm_fs.h),
 * on wfs.h: for tools (phantom fs) and .internal.fs's methods.
 * Reading never makes the file system: a world that has none shows an
 * empty root.
 */
#include <stdlib.h>

#include "native/native.h"
#include "pvm_fs.h"
#include "wfs.h"

const char *pvm_fs_strerror(int rc) { return wfs_strerror(rc); }

static bool has_fs(pv_vm *vm)
{
    struct pv_class *c = pv_class_of(vm, pv_dir_get_cstr(vm->root->names, WFS_PUBLISHED_NAME));
    return c && !strcmp(c->name->bytes, ".internal.fs");
}

static bool is_root(const char *path) { return path[strspn(path, "/")] == 0; }

/* The node path names.  A world with no file system yet (this does not
 * make one) has an empty root. */
static int find(pv_vm *vm, const char *path, wfs_node **out)
{
    if (!has_fs(vm))
        return WFS_ENOENT;
    return wfs_lookup(vm, wfs_root(vm), path, strlen(path), out);
}

int pvm_fs_list(pv_vm *vm, const char *path, void (*fn)(void *ctx, const pvm_fs_entry *e), void *ctx)
{
    if (!has_fs(vm) && is_root(path))
        return WFS_OK;
    wfs_node *n;
    int rc = find(vm, path, &n);
    if (rc)
        return rc;
    wfs_stat st;
    if (!wfs_is_dir(n)) {
        wfs_stat_of(vm, n, &st);
        const char *base = strrchr(path, '/');
        pvm_fs_entry e = {.name = base ? base + 1 : path, .size = st.size, .mtime_ns = st.mtime_ns};
        fn(ctx, &e);
        return WFS_OK;
    }
    uint64_t *names;
    uint32_t count;
    if ((rc = wfs_list(n, &names, &count)) != 0)
        return rc;
    for (uint32_t i = 0; i < count; i++) {
        wfs_node *child = wfs_child_named(n, names[i]);
        wfs_stat_of(vm, child, &st);
        pvm_fs_entry e = {.name = ((struct pv_string *)pv_as_ptr(names[i]))->bytes, .dir = st.type == WFS_DIR,
                          .size = st.size, .mtime_ns = st.mtime_ns};
        fn(ctx, &e);
    }
    free(names);
    return WFS_OK;
}

int pvm_fs_read(pv_vm *vm, const char *path, uint8_t **bytes, size_t *len)
{
    wfs_node *n;
    int rc = find(vm, path, &n);
    if (rc)
        return !has_fs(vm) && is_root(path) ? WFS_EISDIR : rc;
    if (wfs_is_dir(n))
        return WFS_EISDIR;
    wfs_stat st;
    wfs_stat_of(vm, n, &st);
    *bytes = malloc(st.size ? st.size : 1);
    if (!*bytes)
        return WFS_ENOMEM;
    *len = wfs_read(n, 0, *bytes, st.size);
    return WFS_OK;
}

int pvm_fs_kind(pv_vm *vm, const char *path, bool *dir)
{
    if (!has_fs(vm) && is_root(path)) {
        *dir = true;
        return WFS_OK;
    }
    wfs_node *n;
    int rc = find(vm, path, &n);
    if (!rc)
        *dir = wfs_is_dir(n);
    return rc;
}

/* Where path leads, making the file system when the world has none. */
static int locate(pv_vm *vm, const char *path, wfs_where *w)
{
    wfs_node *root = wfs_root(vm);
    return root ? wfs_locate(vm, root, path, strlen(path), w) : WFS_ENOMEM;
}

int pvm_fs_write(pv_vm *vm, const char *path, const void *bytes, size_t len, bool append)
{
    wfs_where w;
    int rc = locate(vm, path, &w);
    if (rc)
        return rc;
    wfs_node *n = wfs_at(&w);
    if (n && wfs_is_dir(n))
        return WFS_EISDIR;
    if (!n && (rc = wfs_create_at(vm, &w, WFS_FILE, &n)) != 0)
        return rc;
    wfs_stat st;
    wfs_stat_of(vm, n, &st);
    if (append)
        return wfs_write(vm, n, st.size, bytes, len);
    if (len > WFS_FILE_MAX)
        return WFS_EFBIG;
    if ((rc = wfs_truncate(vm, n, len)) != 0)
        return rc;
    return wfs_write(vm, n, 0, bytes, len);
}

int pvm_fs_remove(pv_vm *vm, const char *path)
{
    wfs_where w;
    int rc = locate(vm, path, &w);
    if (rc)
        return rc;
    wfs_node *n = wfs_at(&w);
    if (!n)
        return WFS_ENOENT;
    return wfs_is_dir(n) ? wfs_rmdir(vm, &w) : wfs_unlink(vm, &w);
}

int pvm_fs_mkdir(pv_vm *vm, const char *path)
{
    wfs_where w;
    int rc = locate(vm, path, &w);
    return rc ? rc : wfs_mkdir(vm, &w);
}
