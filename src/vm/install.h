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
/* reused: NULL to install every class anew; else reuse the world's
 * classes that are unchanged (install.c) and set reused[i] for them. */
/* renames: nrenames pairs of full class names, OLD then NEW: the batch's
 * class NEW is the new version of the world's class OLD, whose name is
 * unbound (update.c migrates OLD's objects to NEW). */
int pv_install(pv_vm *vm, pv_cf **cfs, int n, struct pv_class **out, bool *reused, const char *const *renames,
               int nrenames, char *err, size_t errlen);

#endif
