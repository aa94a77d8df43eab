/*
 * wfs.c - the file system inside the world: nodes, paths and the
 * operations on names (wfs.h states the invariants).
 */
#include <stdlib.h>

#include "../hal/hal.h"
#include "native/native.h"
#include "wfs.h"

/* Words of .internal.fs.node. */
enum { N_TYPE, N_DATA, N_PARENT, N_INO, N_MTIME, N_LINKED };
/* Words of .internal.fs. */
enum { F_ROOT, F_NEXT_INO };

static const char *const messages[] = {
    "success", "no such file or directory", "file exists", "not a directory", "is a directory",
    "directory not empty", "invalid argument", "file name too long", "file too large",
    "out of memory", "the root directory cannot be removed or moved", "bad file descriptor",
};

const char *wfs_strerror(int err)
{
    return err <= 0 && -err < (int)PV_COUNTOF(messages) ? messages[-err] : "unknown error";
}

static uint32_t type_of(wfs_node *n) { return (uint32_t)pv_as_int(n->w[N_TYPE]); }
bool wfs_is_dir(wfs_node *n) { return type_of(n) == WFS_DIR; }
static struct pv_directory *entries(wfs_node *d) { return pv_as_ptr(d->w[N_DATA]); }
static struct pv_binary *bytes_of(wfs_node *f) { return pv_as_ptr(f->w[N_DATA]); }
static wfs_node *parent_of(wfs_node *d) { return pv_is_obj(d->w[N_PARENT]) ? pv_as_ptr(d->w[N_PARENT]) : NULL; }

static void touch(wfs_node *n) { n->w[N_MTIME] = pv_long48((int64_t)(hal_now_wall_ns() / 1000000)); }

/* A node as wfs made it (debug builds check every node they meet). */
static bool node_ok(wfs_node *n)
{
    uint32_t t = type_of(n);
    return pv_is_int(n->w[N_TYPE]) && pv_is_long48(n->w[N_INO]) && pv_is_long48(n->w[N_MTIME]) &&
           pv_obj_kind(n->w[N_DATA]) == (t == WFS_DIR ? PV_K_DIRECTORY : PV_K_BINARY) &&
           (t == WFS_DIR || !pv_is_obj(n->w[N_PARENT]));
}

static wfs_node *new_object(pv_vm *vm, const char *cls)
{
    wfs_node *o = pv_alloc_obj(vm, pv_find_class(vm, cls), sizeof *o);
    for (int i = 0; o && i < PV_NATIVE_WORDS; i++)
        o->w[i] = PV_NULL;
    return o;
}

static wfs_node *fs_object(pv_vm *vm)
{
    pv_value v = pv_dir_get_cstr(vm->root->names, WFS_PUBLISHED_NAME);
    struct pv_class *c = pv_class_of(vm, v);
    if (c && !strcmp(c->name->bytes, ".internal.fs"))
        return pv_as_ptr(v);
    return NULL;
}

static wfs_node *new_node(pv_vm *vm, uint32_t type)
{
    wfs_node *fs = fs_object(vm);
    HAL_ASSERT(fs != NULL);
    wfs_node *n = new_object(vm, ".internal.fs.node");
    void *data = n ? (type == WFS_DIR ? (void *)pv_dir_new(vm) : (void *)pv_binary_new(vm, 0)) : NULL;
    if (!data)
        return NULL;
    int64_t ino = pv_as_long48(fs->w[F_NEXT_INO]);
    pv_gc_write(vm, &fs->w[F_NEXT_INO], pv_long48(ino + 1));
    pv_gc_write(vm, &n->w[N_TYPE], pv_int((int32_t)type));
    pv_gc_write(vm, &n->w[N_DATA], pv_from_ptr(data));
    pv_gc_write(vm, &n->w[N_INO], pv_long48(ino));
    pv_gc_write(vm, &n->w[N_LINKED], PV_FALSE);
    touch(n);
    return n;
}

/* A world whose "phantom.fs" was replaced by a program gets a new, empty
 * file system (the old one is the program's object now). */
wfs_node *wfs_root(pv_vm *vm)
{
    wfs_node *fs = fs_object(vm);
    if (fs)
        return pv_as_ptr(fs->w[F_ROOT]);
    struct pv_string *key = pv_str_cstr(vm, WFS_PUBLISHED_NAME);
    fs = key ? new_object(vm, ".internal.fs") : NULL;
    if (!fs || pv_dir_put(vm, vm->root->names, key, pv_from_ptr(fs)) < 0)
        return NULL;
    pv_gc_write(vm, &fs->w[F_NEXT_INO], pv_long48(1));
    wfs_node *root = new_node(vm, WFS_DIR);
    if (!root)
        return NULL;
    pv_gc_write(vm, &root->w[N_LINKED], PV_TRUE);
    pv_gc_write(vm, &fs->w[F_ROOT], pv_from_ptr(root));
    return root;
}

/* ---- paths ---------------------------------------------------------------------- */

static bool is_dot(const char *s, size_t n) { return n == 1 && s[0] == '.'; }
static bool is_dotdot(const char *s, size_t n) { return n == 2 && s[0] == '.' && s[1] == '.'; }

static wfs_node *child(wfs_node *d, const char *name, size_t len)
{
    char key[WFS_NAME_MAX + 1];
    HAL_ASSERT(len <= WFS_NAME_MAX);
    memcpy(key, name, len);
    key[len] = 0;
    pv_value v = pv_dir_get_cstr(entries(d), key);
    if (!pv_is_obj(v))
        return NULL;
    HAL_ASSERT(node_ok(pv_as_ptr(v)));
    return pv_as_ptr(v);
}

int wfs_locate(pv_vm *vm, wfs_node *base, const char *path, size_t len, wfs_where *w)
{
    if (len > WFS_PATH_MAX)
        return WFS_ENAMETOOLONG;
    if (!len)
        return WFS_ENOENT;
    if (memchr(path, 0, len))
        return WFS_EINVAL;
    wfs_node *d = base;
    if (path[0] == '/') {
        d = wfs_root(vm);
        if (!d)
            return WFS_ENOMEM;
    }
    HAL_ASSERT(wfs_is_dir(d));
    *w = (wfs_where){.dir = d, .trailing_slash = path[len - 1] == '/'};
    size_t i = 0;
    for (;;) {
        while (i < len && path[i] == '/')
            i++;
        if (i == len)
            return WFS_OK;
        size_t start = i;
        while (i < len && path[i] != '/')
            i++;
        const char *name = path + start;
        size_t n = i - start;
        if (n > WFS_NAME_MAX)
            return WFS_ENAMETOOLONG;
        if (w->name) {   /* the previous component was not the last: step into it */
            wfs_node *next = child(w->dir, w->name, w->len);
            if (!next)
                return WFS_ENOENT;
            if (!wfs_is_dir(next))
                return WFS_ENOTDIR;
            w->dir = next;
            w->name = NULL;
        }
        if (is_dot(name, n))
            continue;
        if (is_dotdot(name, n)) {
            if (parent_of(w->dir))
                w->dir = parent_of(w->dir);
            continue;
        }
        w->name = name;
        w->len = n;
    }
}

wfs_node *wfs_at(const wfs_where *w)
{
    return w->name ? child(w->dir, w->name, w->len) : w->dir;
}

int wfs_lookup(pv_vm *vm, wfs_node *base, const char *path, size_t len, wfs_node **out)
{
    wfs_where w;
    int rc = wfs_locate(vm, base, path, len, &w);
    if (rc)
        return rc;
    *out = wfs_at(&w);
    if (!*out)
        return WFS_ENOENT;
    return w.trailing_slash && !wfs_is_dir(*out) ? WFS_ENOTDIR : WFS_OK;
}

/* ---- operations on names -------------------------------------------------------------- */

/* A directory removed from the tree takes no new entries (as POSIX). */
static bool linked(wfs_node *n) { return n->w[N_LINKED] == PV_TRUE; }

static int link_in(pv_vm *vm, wfs_node *d, const char *name, size_t len, wfs_node *n)
{
    struct pv_string *key = pv_str_new(vm, name, len);
    if (!key || pv_dir_put(vm, entries(d), key, pv_from_ptr(n)) < 0)
        return WFS_ENOMEM;
    pv_gc_write(vm, &n->w[N_LINKED], PV_TRUE);
    if (wfs_is_dir(n))
        pv_gc_write(vm, &n->w[N_PARENT], pv_from_ptr(d));
    touch(d);
    return WFS_OK;
}

static void unlink_from(pv_vm *vm, wfs_node *d, const char *name, size_t len, wfs_node *n)
{
    struct pv_string *key = pv_str_new(vm, name, len);
    /* No memory for the key: remove it by an existing key of equal text. */
    pv_value k = PV_NULL;
    if (!key) {
        struct pv_directory *e = entries(d);
        for (uint32_t i = 0; i < e->cap && k == PV_NULL; i++)
            if (e->e[i].val == pv_from_ptr(n))
                k = e->e[i].key;
        key = pv_as_ptr(k);
    }
    bool removed = key && pv_dir_remove(vm, entries(d), key);
    HAL_ASSERT(removed);
    (void)removed;
    pv_gc_write(vm, &n->w[N_LINKED], PV_FALSE);
    if (wfs_is_dir(n))
        pv_gc_write(vm, &n->w[N_PARENT], PV_NULL);
    touch(d);
}

int wfs_create_at(pv_vm *vm, const wfs_where *w, uint32_t type, wfs_node **out)
{
    if (!w->name || wfs_at(w))
        return WFS_EEXIST;
    if (!linked(w->dir))
        return WFS_ENOENT;
    if (w->trailing_slash && type != WFS_DIR)
        return WFS_EISDIR;
    wfs_node *n = new_node(vm, type);
    if (!n)
        return WFS_ENOMEM;
    int rc = link_in(vm, w->dir, w->name, w->len, n);
    if (!rc && out)
        *out = n;
    return rc;
}

int wfs_mkdir(pv_vm *vm, const wfs_where *w)
{
    return wfs_create_at(vm, w, WFS_DIR, NULL);
}

int wfs_unlink(pv_vm *vm, const wfs_where *w)
{
    wfs_node *n = wfs_at(w);
    if (!n)
        return WFS_ENOENT;
    if (wfs_is_dir(n))
        return WFS_EISDIR;
    if (w->trailing_slash)
        return WFS_ENOTDIR;
    unlink_from(vm, w->dir, w->name, w->len, n);
    return WFS_OK;
}

int wfs_rmdir(pv_vm *vm, const wfs_where *w)
{
    if (!w->name)
        return parent_of(w->dir) ? WFS_EINVAL : WFS_EBUSY;
    wfs_node *n = wfs_at(w);
    if (!n)
        return WFS_ENOENT;
    if (!wfs_is_dir(n))
        return WFS_ENOTDIR;
    if (entries(n)->count)
        return WFS_ENOTEMPTY;
    unlink_from(vm, w->dir, w->name, w->len, n);
    return WFS_OK;
}

/* d is n or inside n. */
static bool within(wfs_node *d, wfs_node *n)
{
    for (; d; d = parent_of(d))
        if (d == n)
            return true;
    return false;
}

int wfs_rename(pv_vm *vm, const wfs_where *from, const wfs_where *to)
{
    if (!from->name || !to->name)
        return from->name || parent_of(from->dir) ? WFS_EINVAL : WFS_EBUSY;
    wfs_node *n = wfs_at(from), *old = wfs_at(to);
    if (!n)
        return WFS_ENOENT;
    if (!wfs_is_dir(n) && (from->trailing_slash || to->trailing_slash))
        return WFS_ENOTDIR;
    if (old == n)
        return WFS_OK;
    if (wfs_is_dir(n) && within(to->dir, n))
        return WFS_EINVAL;
    if (old && wfs_is_dir(old) != wfs_is_dir(n))
        return wfs_is_dir(old) ? WFS_EISDIR : WFS_ENOTDIR;
    if (old && wfs_is_dir(old) && entries(old)->count)
        return WFS_ENOTEMPTY;
    if (!linked(to->dir))
        return WFS_ENOENT;
    /* The new name first: out of memory then leaves everything as it was. */
    struct pv_string *key = pv_str_new(vm, to->name, to->len);
    if (!key || pv_dir_put(vm, entries(to->dir), key, pv_from_ptr(n)) < 0)
        return WFS_ENOMEM;
    if (old) {
        pv_gc_write(vm, &old->w[N_LINKED], PV_FALSE);
        if (wfs_is_dir(old))
            pv_gc_write(vm, &old->w[N_PARENT], PV_NULL);
    }
    /* n is in both directories now (counted twice): taking the old name
     * away cannot free it. */
    unlink_from(vm, from->dir, from->name, from->len, n);
    pv_gc_write(vm, &n->w[N_LINKED], PV_TRUE);
    if (wfs_is_dir(n))
        pv_gc_write(vm, &n->w[N_PARENT], pv_from_ptr(to->dir));
    touch(to->dir);
    return WFS_OK;
}

/* ---- nodes ------------------------------------------------------------------------- */

void wfs_stat_of(pv_vm *vm, wfs_node *n, wfs_stat *st)
{
    (void)vm;
    HAL_ASSERT(node_ok(n));
    *st = (wfs_stat){.type = type_of(n), .ino = (uint64_t)pv_as_long48(n->w[N_INO]),
                     .size = wfs_is_dir(n) ? entries(n)->count : bytes_of(n)->len,
                     .mtime_ns = (uint64_t)pv_as_long48(n->w[N_MTIME]) * 1000000u, .nlink = linked(n) ? 1 : 0};
}

int wfs_list(wfs_node *d, uint64_t **names, uint32_t *count)
{
    if (!wfs_is_dir(d))
        return WFS_ENOTDIR;
    *count = entries(d)->count;
    return pv_dir_sorted_keys(entries(d), names) < 0 ? WFS_ENOMEM : WFS_OK;
}

wfs_node *wfs_child_named(wfs_node *d, uint64_t name)
{
    pv_value v = pv_dir_get(entries(d), pv_as_ptr(name), NULL);
    return pv_is_obj(v) ? pv_as_ptr(v) : NULL;
}

size_t wfs_read(wfs_node *f, uint64_t off, void *buf, size_t n)
{
    HAL_ASSERT(type_of(f) == WFS_FILE);
    struct pv_binary *b = bytes_of(f);
    if (off >= b->len)
        return 0;
    if (n > b->len - off)
        n = (size_t)(b->len - off);
    memcpy(buf, b->bytes + off, n);
    return n;
}

int wfs_truncate(pv_vm *vm, wfs_node *f, uint64_t size)
{
    HAL_ASSERT(type_of(f) == WFS_FILE);
    if (size > WFS_FILE_MAX)
        return WFS_EFBIG;
    if (pv_binary_resize(vm, bytes_of(f), (uint32_t)size) < 0)
        return WFS_ENOMEM;
    touch(f);
    return WFS_OK;
}

int wfs_write(pv_vm *vm, wfs_node *f, uint64_t off, const void *buf, size_t n)
{
    HAL_ASSERT(type_of(f) == WFS_FILE);
    if (off > WFS_FILE_MAX || n > WFS_FILE_MAX - off)
        return WFS_EFBIG;
    struct pv_binary *b = bytes_of(f);
    if (off + n > b->len && pv_binary_resize(vm, b, (uint32_t)(off + n)) < 0)
        return WFS_ENOMEM;
    if (n)
        memmove(b->bytes + off, buf, n);
    touch(f);
    return WFS_OK;
}
