/*
 * n_fs.c - the classes of the world's file system (src/vm/wfs.h): the
 * file system, its nodes and open files.  Nodes and open files have no
 * methods, and .internal.fs has only static ones that take paths, so
 * bytecode never holds a node: only the VM's C code (wfs.c, wfs_open.c)
 * makes and changes them, and a program cannot break the file system's
 * invariants.
 *
 * .internal.fs's methods work on whole files by path (from the root) and
 * return their failures as negative codes (the WFS_E* of wfs.h), which
 * error(code) names; the library (.phantom.io.file) turns them into
 * IOExceptions.
 */
#include <stdlib.h>

#include "../pvm_fs.h"
#include "../wfs.h"
#include "native.h"

/* A path argument: a string without NUL bytes, else *code is set. */
static struct pv_string *path_arg(pv_vm *vm, pv_value v, const char *fn, int32_t *code)
{
    struct pv_string *s = pv_arg_string(vm, v, fn, 1);
    *code = s && memchr(s->bytes, 0, s->len) ? WFS_EINVAL : WFS_OK;
    return s;
}

/* read(path): the file's bytes as a string, or a code. */
static int fs_read(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t code;
    struct pv_string *path = path_arg(vm, args[0], "read", &code);
    if (!path)
        return PV_NTHROW;
    uint8_t *bytes = NULL;
    size_t len = 0;
    if (!code)
        code = pvm_fs_read(vm, path->bytes, &bytes, &len);
    if (code) {
        *ret = pv_int(code);
        return PV_NOK;
    }
    struct pv_string *s = pv_str_new(vm, (const char *)bytes, len);
    free(bytes);
    return pv_ret_obj(vm, ret, s);
}

static int write_or_append(pv_vm *vm, pv_value *args, pv_value *ret, bool append)
{
    int32_t code;
    const char *fn = append ? "append" : "write";
    struct pv_string *path = path_arg(vm, args[0], fn, &code), *text = path ? pv_arg_string(vm, args[1], fn, 2) : NULL;
    if (!text)
        return PV_NTHROW;
    *ret = pv_int(code ? code : pvm_fs_write(vm, path->bytes, text->bytes, text->len, append));
    return PV_NOK;
}

static int fs_write(pv_vm *vm, pv_value *args, pv_value *ret) { return write_or_append(vm, args, ret, false); }
static int fs_append(pv_vm *vm, pv_value *args, pv_value *ret) { return write_or_append(vm, args, ret, true); }

typedef struct listing {
    pv_vm *vm;
    struct pv_array *names;
    bool failed;
} listing;

static void add_name(void *ctx, const pvm_fs_entry *e)
{
    listing *l = ctx;
    struct pv_string *s = l->failed ? NULL : pv_str_fmt(l->vm, "%s%s", e->name, e->dir ? "/" : "");
    if (!s || pv_array_push(l->vm, l->names, pv_from_ptr(s)) < 0)
        l->failed = true;
}

/* list(path): the names in a directory in byte order, a directory's
 * ending in "/" (a file: its own name), or a code. */
static int fs_list(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t code;
    struct pv_string *path = path_arg(vm, args[0], "list", &code);
    if (!path)
        return PV_NTHROW;
    listing l = {.vm = vm, .names = pv_array_new(vm, 0)};
    if (!l.names)
        return pv_throw_oom(vm);
    if (!code)
        code = pvm_fs_list(vm, path->bytes, add_name, &l);
    if (l.failed)
        return pv_throw_oom(vm);
    *ret = code ? pv_int(code) : pv_from_ptr(l.names);
    return PV_NOK;
}

typedef int path_op(pv_vm *vm, const char *path);

static int on_path(pv_vm *vm, pv_value *args, pv_value *ret, const char *fn, path_op *op)
{
    int32_t code;
    struct pv_string *path = path_arg(vm, args[0], fn, &code);
    if (!path)
        return PV_NTHROW;
    *ret = pv_int(code ? code : op(vm, path->bytes));
    return PV_NOK;
}

static int fs_remove(pv_vm *vm, pv_value *args, pv_value *ret) { return on_path(vm, args, ret, "remove", pvm_fs_remove); }
static int fs_mkdir(pv_vm *vm, pv_value *args, pv_value *ret) { return on_path(vm, args, ret, "mkdir", pvm_fs_mkdir); }

/* kind(path): 1 a file, 2 a directory, or a code (WFS_ENOENT: nothing there). */
static int kind_of(pv_vm *vm, const char *path)
{
    bool dir = false;
    int rc = pvm_fs_kind(vm, path, &dir);
    return rc ? rc : dir ? WFS_DIR : WFS_FILE;
}

static int fs_kind(pv_vm *vm, pv_value *args, pv_value *ret) { return on_path(vm, args, ret, "kind", kind_of); }

/* error(code): what a code means. */
static int fs_error(pv_vm *vm, pv_value *args, pv_value *ret)
{
    int32_t code;
    if (!pv_arg_int(vm, args[0], "error", 1, &code))
        return PV_NTHROW;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, pvm_fs_strerror(code)));
}

static const pv_native_method fs_methods[] = {
    {"read", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_read},
    {"write", "(*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_write},
    {"append", "(*,*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_append},
    {"list", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_list},
    {"remove", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_remove},
    {"mkdir", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_mkdir},
    {"kind", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_kind},
    {"error", "(*)*", PV_NO_ORDINAL, PV_MF_STATIC, fs_error},
};

const pv_native_class pv_nc_fs = {".internal.fs", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, fs_methods,
                                  PV_COUNTOF(fs_methods)};
const pv_native_class pv_nc_fs_node = {".internal.fs.node", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, NULL, 0};
const pv_native_class pv_nc_fs_open = {".internal.fs.open", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, NULL, 0};
