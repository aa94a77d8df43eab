/*
 * wfs.h - the file system inside the world (docs/WASM.md, "Files").
 *
 * Directories and files are objects in the persistent space, so a
 * program's files are always consistent with its memory after a crash:
 * a file written before the last snapshot is there, one written after it
 * is not, exactly like a variable.  WebAssembly programs see it as their
 * root preopen (`/`); `phantom fs` copies files in and out.
 *
 * Objects (PV_K_NATIVE, no methods: bytecode cannot reach inside):
 *   .internal.fs        the file system: its root directory and the next
 *                       inode number; published in the world's
 *                       published-objects directory as "phantom.fs"
 *   .internal.fs.node   a file (its bytes: a binary) or a directory (a
 *                       directory object: name -> node)
 *   .internal.fs.open   an open file description: node, position, mode
 *
 * Invariants (checked with HAL_ASSERT in debug builds):
 *  - a directory maps names to nodes; a name is 1..WFS_NAME_MAX bytes
 *    without '/' or NUL and is neither "." nor "..";
 *  - a node is in at most one directory (no hard links); a directory
 *    node's parent is the directory holding it, the root's is null, and
 *    following parents from any linked directory reaches the root (no
 *    directory is inside itself);
 *  - a file's size is its binary's length, at most WFS_FILE_MAX;
 *  - nodes are made only here; words of a node never change kind.
 *
 * Error model: every call returns WFS_OK (0) or a negative WFS_E* code;
 * wfs_strerror names it.  Nothing here throws or touches the host.
 * Every call runs on the VM's host thread, inside a native call or with
 * no thread running (tools): no collection happens meanwhile.
 */
#ifndef PHANTOM_VM_WFS_H
#define PHANTOM_VM_WFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pv_vm pv_vm;
struct pv_native_obj;
typedef struct pv_native_obj wfs_node;
typedef struct pv_native_obj wfs_open;

enum wfs_err {
    WFS_OK = 0,
    WFS_ENOENT = -1,        /* no such file or directory */
    WFS_EEXIST = -2,        /* it exists already */
    WFS_ENOTDIR = -3,       /* a path component, or the target, is not a directory */
    WFS_EISDIR = -4,        /* it is a directory */
    WFS_ENOTEMPTY = -5,     /* the directory is not empty */
    WFS_EINVAL = -6,        /* an invalid name or argument ("." as a target, a move into itself) */
    WFS_ENAMETOOLONG = -7,  /* a name over WFS_NAME_MAX or a path over WFS_PATH_MAX bytes */
    WFS_EFBIG = -8,         /* a file would grow past WFS_FILE_MAX */
    WFS_ENOMEM = -9,        /* the world is out of memory */
    WFS_EBUSY = -10,        /* the root cannot be removed or moved */
    WFS_EBADF = -11,        /* the open file does not allow that (read or write) */
};
const char *wfs_strerror(int err);

#define WFS_NAME_MAX 255u
#define WFS_PATH_MAX 4096u
#define WFS_FILE_MAX (1u << 30)
#define WFS_PUBLISHED_NAME "phantom.fs"

enum wfs_type { WFS_FILE = 1, WFS_DIR = 2 };

typedef struct wfs_stat {
    uint32_t type;            /* enum wfs_type */
    uint64_t ino;
    uint64_t size;            /* files: bytes; directories: entries */
    uint64_t mtime_ns;        /* last change (millisecond resolution) */
    uint64_t nlink;           /* 1 while linked in a directory, 0 after removal */
} wfs_stat;

/* The root directory of the world's file system, made on first use;
 * NULL when the world is out of memory. */
wfs_node *wfs_root(pv_vm *vm);

/* ---- paths ---------------------------------------------------------------------
 * A path is resolved from `base` (a directory node), or from the root when
 * it starts with '/'.  Components are separated by '/' (repeated slashes
 * count as one); "." is the directory itself, ".." its parent (the root's
 * is the root). */

/* The node path names. */
int wfs_lookup(pv_vm *vm, wfs_node *base, const char *path, size_t len, wfs_node **out);

/* Where a path leads: the directory that holds (or would hold) its last
 * component, and that name.  name NULL: the path names a directory
 * itself ("/", ".", "a/.."), which is `dir`.  trailing_slash: the path
 * ended in '/' (its target must be a directory). */
typedef struct wfs_where {
    wfs_node *dir;
    const char *name;
    size_t len;
    bool trailing_slash;
} wfs_where;
int wfs_locate(pv_vm *vm, wfs_node *base, const char *path, size_t len, wfs_where *w);
/* The node at w, or NULL when there is none. */
wfs_node *wfs_at(const wfs_where *w);

/* Makes a new file or directory at w (WFS_EEXIST if there is one). */
int wfs_create_at(pv_vm *vm, const wfs_where *w, uint32_t type, wfs_node **out);
int wfs_mkdir(pv_vm *vm, const wfs_where *w);
int wfs_unlink(pv_vm *vm, const wfs_where *w);
int wfs_rmdir(pv_vm *vm, const wfs_where *w);
/* POSIX rename: replaces a file by a file, or an empty directory by a
 * directory; refuses to move a directory into itself. */
int wfs_rename(pv_vm *vm, const wfs_where *from, const wfs_where *to);

/* ---- nodes ---------------------------------------------------------------------- */

void wfs_stat_of(pv_vm *vm, wfs_node *n, wfs_stat *st);
bool wfs_is_dir(wfs_node *n);
/* The names in directory d in byte order, as a malloc'd array of string
 * values (NULL when empty), *count of them.  WFS_ENOMEM, WFS_ENOTDIR. */
int wfs_list(wfs_node *d, uint64_t **names, uint32_t *count);
/* The node named `name` (a string value from wfs_list) in d, or NULL. */
wfs_node *wfs_child_named(wfs_node *d, uint64_t name);
/* Bytes of file f from off into buf (up to n): the count, 0 at or past
 * the end. */
size_t wfs_read(wfs_node *f, uint64_t off, void *buf, size_t n);
/* Writes n bytes at off, growing the file (a gap reads as zeros). */
int wfs_write(pv_vm *vm, wfs_node *f, uint64_t off, const void *buf, size_t n);
int wfs_truncate(pv_vm *vm, wfs_node *f, uint64_t size);

/* ---- open files ------------------------------------------------------------------ */

enum {
    WFS_O_READ = 1u, WFS_O_WRITE = 2u, WFS_O_APPEND = 4u,   /* the open file's mode */
    WFS_O_CREATE = 8u, WFS_O_EXCL = 16u, WFS_O_TRUNC = 32u, WFS_O_DIRECTORY = 64u,   /* at open only */
};
#define WFS_O_MODE (WFS_O_READ | WFS_O_WRITE | WFS_O_APPEND)

/* Opens (creating with WFS_O_CREATE) what path names.  A directory opens
 * only for reading (WFS_EISDIR otherwise); WFS_O_DIRECTORY refuses a
 * file (WFS_ENOTDIR). */
int wfs_open_path(pv_vm *vm, wfs_node *base, const char *path, size_t len, uint32_t flags, wfs_open **out);
/* An open description of node n (the root preopen). */
int wfs_open_node(pv_vm *vm, wfs_node *n, uint32_t mode, wfs_open **out);
wfs_node *wfs_open_node_of(wfs_open *o);
uint32_t wfs_open_mode(wfs_open *o);
uint64_t wfs_open_pos(wfs_open *o);
/* Reads at the position (advancing it), or at `at` when at >= 0: the count in *got. */
int wfs_open_read(pv_vm *vm, wfs_open *o, void *buf, size_t n, int64_t at, size_t *got);
/* Writes at the position (at the end in append mode; advancing it), or at `at` when at >= 0. */
int wfs_open_write(pv_vm *vm, wfs_open *o, const void *buf, size_t n, int64_t at);
/* whence 0 set, 1 from the position, 2 from the end; the new position. */
int wfs_open_seek(wfs_open *o, int64_t delta, int whence, uint64_t *pos);
/* v is an open file description made by wfs_open_*. */
bool wfs_is_open(pv_vm *vm, uint64_t v);

#endif
