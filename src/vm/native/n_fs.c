/*
 * n_fs.c - the classes of the world's file system (src/vm/wfs.h): the
 * file system, its nodes and open files.  They have no methods: only the
 * VM's C code (wfs.c, wfs_open.c) makes and changes them, so bytecode can
 * neither forge a node nor break the file system's invariants.
 */
#include "native.h"

const pv_native_class pv_nc_fs = {".internal.fs", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, NULL, 0};
const pv_native_class pv_nc_fs_node = {".internal.fs.node", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, NULL, 0};
const pv_native_class pv_nc_fs_open = {".internal.fs.open", NULL, PV_K_NATIVE, PV_CF_FINAL, NULL, NULL, 0};
