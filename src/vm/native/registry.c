/*
 * registry.c - every internal class, in no particular order.  Classes and
 * their methods are bound to the world by name at every boot, so this
 * list's order means nothing to the image: add or reorder freely.
 */
#include "native.h"

extern const pv_native_class pv_nc_object, pv_nc_string, pv_nc_int, pv_nc_long, pv_nc_float,
    pv_nc_double, pv_nc_bool, pv_nc_char, pv_nc_array, pv_nc_directory, pv_nc_binary;
extern const pv_native_class pv_nc_process, pv_nc_json, pv_nc_regex, pv_nc_wasm;
extern const pv_native_class pv_nc_fs, pv_nc_fs_node, pv_nc_fs_open;
extern const pv_native_class pv_nc_math, pv_nc_time, pv_nc_class, pv_nc_method, pv_nc_thread, pv_nc_world, pv_nc_boot, pv_nc_closure, pv_nc_weakref,
    pv_nc_mutex, pv_nc_cond, pv_nc_sema, pv_nc_tty;
extern const pv_native_class pv_nc_net_listener, pv_nc_net_connection, pv_nc_net_udp, pv_nc_net_dns;
extern const pv_native_class pv_nc_tcp, pv_nc_udp, pv_nc_connection, pv_nc_orig_net, pv_nc_orig_http;
extern const pv_native_class pv_nc_window, pv_nc_bitmap;
extern const pv_native_class pv_nc_exception, pv_nc_runtime_exc, pv_nc_null_exc, pv_nc_index_exc,
    pv_nc_arith_exc, pv_nc_cast_exc, pv_nc_arity_exc, pv_nc_nomethod_exc, pv_nc_type_exc, pv_nc_arg_exc,
    pv_nc_state_exc, pv_nc_stack_exc, pv_nc_oom_exc;

const pv_native_class *const pv_native_classes[] = {
    /* values and containers */
    &pv_nc_object,
    &pv_nc_string,
    &pv_nc_int,
    &pv_nc_long,
    &pv_nc_float,
    &pv_nc_double,
    &pv_nc_bool,
    &pv_nc_char,
    &pv_nc_array,
    &pv_nc_directory,
    &pv_nc_binary,
    &pv_nc_json,
    &pv_nc_regex,
    /* math functions and clocks */
    &pv_nc_math,
    &pv_nc_time,
    /* the host process: environment, exit status, entropy */
    &pv_nc_process,
    /* WebAssembly instances (src/wasm) */
    &pv_nc_wasm,
    /* the file system inside the world (wfs.h) */
    &pv_nc_fs,
    &pv_nc_fs_node,
    &pv_nc_fs_open,
    /* classes and methods as objects */
    &pv_nc_class,
    &pv_nc_method,
    /* threads, synchronisation, console, boot, world */
    &pv_nc_thread,
    &pv_nc_mutex,
    &pv_nc_cond,
    &pv_nc_sema,
    &pv_nc_tty,
    &pv_nc_world,
    &pv_nc_boot,
    &pv_nc_closure,
    &pv_nc_weakref,
    /* networking (n_net.c) */
    &pv_nc_net_listener,
    &pv_nc_net_connection,
    &pv_nc_net_udp,
    &pv_nc_net_dns,
    /* the original's network classes (n_orig_net.c) */
    &pv_nc_tcp,
    &pv_nc_udp,
    &pv_nc_connection,
    &pv_nc_orig_net,
    &pv_nc_orig_http,
    /* windows and images (n_window.c, n_bitmap.c; docs/DISPLAY.md) */
    &pv_nc_window,
    &pv_nc_bitmap,
    /* the standard exceptions */
    &pv_nc_exception,
    &pv_nc_runtime_exc,
    &pv_nc_null_exc,
    &pv_nc_index_exc,
    &pv_nc_arith_exc,
    &pv_nc_cast_exc,
    &pv_nc_arity_exc,
    &pv_nc_nomethod_exc,
    &pv_nc_type_exc,
    &pv_nc_arg_exc,
    &pv_nc_state_exc,
    &pv_nc_stack_exc,
    &pv_nc_oom_exc,
};

const size_t pv_native_class_count = PV_COUNTOF(pv_native_classes);
