/*
 * n_connection.h - shared by the files of .internal.connection
 * (n_orig_net.c: the class, udp: and url:; n_conn_fio.c: fio:): the
 * object's words, the original's errno values, and a back end.
 */
#ifndef PHANTOM_VM_N_CONNECTION_H
#define PHANTOM_VM_N_CONNECTION_H

#include "native.h"

/* The words of an .internal.connection. */
enum { CN_NAME = 0, CN_BACKEND = 1, CN_STATE = 2, CN_CALLBACK = 3, CN_METHOD = 4, CN_LISTED = 5 };

/* Errno values as the original returns them (positive; Linux's numbers). */
enum {
    CN_ENOENT = 2, CN_ENXIO = 6, CN_EBADF = 9, CN_ENOMEM = 12, CN_EBUSY = 16, CN_EEXIST = 17, CN_ENOTDIR = 20,
    CN_EISDIR = 21, CN_EINVAL = 22, CN_EFBIG = 27, CN_ENAMETOOLONG = 36, CN_ENOSYS = 38, CN_ENOTEMPTY = 39,
    CN_EISCONN = 106, CN_ENOTCONN = 107,
};

/* A back end: init (connect and restart), invoke and block each return a
 * native result; state is the back end's object in CN_STATE.
 * disconnect (or NULL) lets go of it. */
struct cn_backend {
    const char *prefix;
    int (*init)(pv_vm *vm, pv_value self, struct pv_string *rest, pv_value *ret);
    int (*invoke)(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret);
    int (*block)(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret);
    void (*disconnect)(pv_vm *vm, pv_value self);
};

/* invoke of back ends that have nothing to invoke: EINVAL. */
int pv_cn_invoke_einval(pv_vm *vm, pv_value self, pv_value arg, int32_t op, pv_value *ret);

/* fio:PATH, a file of the world's file system (n_conn_fio.c). */
extern const struct cn_backend pv_cn_fio;
/* tmr: (timers) and stt: (statistics) (n_conn_tmr.c). */
extern const struct cn_backend pv_cn_tmr, pv_cn_stt;

#endif
