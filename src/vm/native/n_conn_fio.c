/*
 * n_conn_fio.c - the fio: back end of .internal.connection: a file of
 * the world's file system (wfs.h), the same files WebAssembly programs
 * and `phantom fs` see.  As the original: connect("fio:PATH") opens PATH
 * for reading and writing, making it if missing (0, or a positive errno);
 * block(n, 0) reads up to n bytes as a string, block(s, 1) writes the
 * string s (the count written), block(pos, any other op) seeks to pos
 * (0).  Failures are -errno.
 *
 * The open file is in the world (CN_STATE), so after a restart the
 * connection is where it was, position included, and the file holds
 * exactly what was written before the snapshot.
 */
#include "../wfs.h"
#include "n_connection.h"

static const int32_t errnos[] = {
    [0] = 0, [-WFS_ENOENT] = CN_ENOENT, [-WFS_EEXIST] = CN_EEXIST, [-WFS_ENOTDIR] = CN_ENOTDIR,
    [-WFS_EISDIR] = CN_EISDIR, [-WFS_ENOTEMPTY] = CN_ENOTEMPTY, [-WFS_EINVAL] = CN_EINVAL,
    [-WFS_ENAMETOOLONG] = CN_ENAMETOOLONG, [-WFS_EFBIG] = CN_EFBIG, [-WFS_ENOMEM] = CN_ENOMEM,
    [-WFS_EBUSY] = CN_EBUSY, [-WFS_EBADF] = CN_EBADF,
};

static int32_t cn_errno(int wfs_err)
{
    return wfs_err <= 0 && -wfs_err < (int)PV_COUNTOF(errnos) ? errnos[-wfs_err] : CN_EINVAL;
}

static struct pv_native_obj *conn(pv_value v) { return pv_as_ptr(v); }

/* A relative path is from the root. */
static int fio_init(pv_vm *vm, pv_value self, struct pv_string *path, pv_value *ret)
{
    wfs_node *root = wfs_root(vm);
    wfs_open *o;
    int rc = root ? wfs_open_path(vm, root, path->bytes, path->len, WFS_O_CREATE | WFS_O_READ | WFS_O_WRITE, &o)
                  : WFS_ENOMEM;
    if (!rc)
        pv_gc_write(vm, &conn(self)->w[CN_STATE], pv_from_ptr(o));
    *ret = pv_int(cn_errno(rc));
    return PV_NOK;
}

static int fio_block(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret)
{
    pv_value st = conn(self)->w[CN_STATE];
    if (!wfs_is_open(vm, st)) {
        *ret = pv_int(-CN_ENOTCONN);
        return PV_NOK;
    }
    wfs_open *o = pv_as_ptr(st);
    int rc;
    if (op == 0) {
        int32_t n;
        if (!pv_arg_int(vm, arg, "block", 1, &n))
            return PV_NTHROW;
        if (n < 0) {
            *ret = pv_int(-CN_EINVAL);
            return PV_NOK;
        }
        wfs_stat s;
        wfs_stat_of(vm, wfs_open_node_of(o), &s);
        uint64_t left = s.size > wfs_open_pos(o) ? s.size - wfs_open_pos(o) : 0;
        struct pv_string *str = pv_str_alloc(vm, left < (uint64_t)n ? left : (uint64_t)n);
        if (!str)
            return pv_throw_oom(vm);
        size_t got;
        rc = wfs_open_read(vm, o, str->bytes, str->len, -1, &got);
        *ret = rc ? pv_int(-cn_errno(rc)) : pv_from_ptr(str);
    } else if (op == 1) {
        struct pv_string *s = pv_arg_string(vm, arg, "block", 1);
        if (!s)
            return PV_NTHROW;
        rc = wfs_open_write(vm, o, s->bytes, s->len, -1);
        *ret = pv_int(rc ? -cn_errno(rc) : (int32_t)s->len);
    } else {
        int32_t pos;
        if (!pv_arg_int(vm, arg, "block", 1, &pos))
            return PV_NTHROW;
        uint64_t at;
        rc = wfs_open_seek(o, pos, 0, &at);
        *ret = pv_int(-cn_errno(rc));
    }
    return PV_NOK;
}

const struct cn_backend pv_cn_fio = {"fio:", fio_init, pv_cn_invoke_einval, fio_block, NULL};
