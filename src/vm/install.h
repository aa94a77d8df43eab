/*
 * install.h - installing a program's class files into the world.
 */
#ifndef PHANTOM_VM_INSTALL_H
#define PHANTOM_VM_INSTALL_H

#include "classfile.h"
#include "vm.h"

/* Verifies, links and installs n classes as one unit (see install.c).
 * out receives the new classes in the order given.  -1 with a message
 * naming the class (and method and offset) on failure. */
int pv_install(pv_vm *vm, pv_cf **cfs, int n, struct pv_class **out, char *err, size_t errlen);

#endif
