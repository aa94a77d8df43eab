/*
 * class.h - building classes in the world: the one place that lays out
 * fields, assigns vtable ordinals and fills the method lookup tables, used
 * both for internal classes (native.c) and for installed class files
 * (install.c).
 *
 * Ordinals.  A method keeps the ordinal of the method it overrides (same
 * name and argument count in an ancestor); an explicit ordinal ([N] in the
 * source) wins; otherwise it takes the first free ordinal from 8 up, which
 * is what the original compiler did, so `run` is ordinal 8 in a class
 * whose first method it is.  Ordinals 0..7, 14 and 15 belong to the
 * methods every object has (construct, destruct, getClass, clone, equals,
 * toString, setImmutable, hashCode).
 */
#ifndef PHANTOM_VM_CLASS_H
#define PHANTOM_VM_CLASS_H

#include "vm.h"

#define PV_FIRST_USER_ORDINAL 8u

/* A new class inheriting super's fields, vtable, interfaces and lookup
 * table.  Not yet visible by name (pv_class_register does that). */
struct pv_class *pv_class_new(pv_vm *vm, const char *name, struct pv_class *super,
                              uint32_t kind, uint32_t flags);
/* The same, for a class object allocated earlier (bootstrap: the class of
 * strings must exist before the first string does). */
struct pv_class *pv_class_init(pv_vm *vm, struct pv_class *c, const char *name,
                               struct pv_class *super, uint32_t kind, uint32_t flags);
int pv_class_add_field(pv_vm *vm, struct pv_class *c, const char *name, bool is_static);
int pv_class_add_interface(pv_vm *vm, struct pv_class *c, struct pv_class *iface);
struct pv_method *pv_method_new(pv_vm *vm, struct pv_class *owner, const char *name,
                                const char *desc, uint32_t flags);
/* Adds m to c: vtable slot (virtual methods) and lookup entries.  -1 with
 * a message in err when an explicit ordinal clashes or memory runs out. */
int pv_class_add_method(pv_vm *vm, struct pv_class *c, struct pv_method *m,
                        uint32_t explicit_ordinal, char *err, size_t errlen);
int pv_class_register(pv_vm *vm, struct pv_class *c);

/* The instance field slot / static index of name in c or its ancestors,
 * -1 if none. */
int pv_class_field_slot(const struct pv_class *c, const char *name);
int pv_class_static_index(const struct pv_class *c, const char *name, struct pv_class **owner);

#endif
