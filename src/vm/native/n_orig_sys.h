/*
 * n_orig_sys.h - the original Phantom's methods of .internal.thread,
 * .internal.boot and .internal.class (n_orig_sys.c), listed in those
 * classes' method tables (n_thread.c, n_class.c).
 */
#ifndef PHANTOM_VM_N_ORIG_SYS_H
#define PHANTOM_VM_N_ORIG_SYS_H

#include "../vm.h"

int pv_orig_th_pause(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_th_unpause(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_th_environment(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_th_user(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_th_os_interface(pv_vm *vm, pv_value *args, pv_value *ret);

int pv_orig_boot_tostring(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_boot_load_class(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_boot_set_loader(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_boot_set_os(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_boot_create_binary(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_boot_kernel_env(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_boot_reboot(pv_vm *vm, pv_value *args, pv_value *ret);

int pv_orig_class_new(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_class_new0(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_class_set_static(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_class_get_static(pv_vm *vm, pv_value *args, pv_value *ret);
int pv_orig_class_instance_of(pv_vm *vm, pv_value *args, pv_value *ret);

#endif
