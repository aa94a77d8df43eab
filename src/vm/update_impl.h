/*
 * update_impl.h - the state of an update between prepare and commit,
 * shared by update.c (the protocol) and update_check.c (refusals).
 */
#ifndef PHANTOM_VM_UPDATE_IMPL_H
#define PHANTOM_VM_UPDATE_IMPL_H

#include "update.h"

/* Where each instance slot of a new version comes from: from[j] is the
 * old version's slot of the same name (the r-th of that name for the
 * r-th, since a subclass may hide a field of its parent), -1 for a new
 * field, which starts at its type's zero (def[j]). */
struct pv_update_map {
    int32_t *from;
    pv_value *def;
};

/* An instance of a class being replaced; moved_to: a new object of the
 * new version, made by prepare, when the new layout does not fit the
 * instance's slot (NULL: migrated in place). */
struct pv_update_inst {
    struct pv_instance *obj, *moved_to;
    int cls_index;
};

struct pv_update {
    pv_vm *vm;
    pv_update_set set;                 /* the batch's pairs, then derived ones */
    int nbatch;                        /* set.n before update_derive.c added its pairs */
    struct pv_update_map *maps;        /* per class of the set */
    struct pv_update_inst *inst;       /* by address of obj */
    uint64_t ninst, inst_cap, nmoved;
    char *err;
    size_t errlen;
    uint64_t nfaults;
};

/* update_derive.c: adds to the set a new version of every bound class
 * that extends one being replaced (its subclasses' too); -1 when the
 * world's memory runs out. */
int pv_update_derive_subclasses(pv_vm *vm, pv_update *u);

int pv_update_index(const pv_update_set *s, const struct pv_class *old);
int pv_update_check(pv_vm *vm, pv_update *u);
uint64_t pv_update_count_of(const pv_update *u, const struct pv_class *c);
const char *pv_update_slot_type(const pv_update_set *s, const struct pv_class *c, uint32_t j);
/* A FIELD constant naming a class of the set: its name, and its slot
 * (instance) or static index in the new version, -1 if gone. */
struct pv_string *pv_update_field_name(const struct pv_cref *r);
int pv_update_field_after(const pv_update_set *s, const struct pv_cref *r);
/* The new version's method for an old one (same name and descriptor,
 * else name and a descriptor whose types differ only where one side is
 * untyped), NULL if gone or changed in kind. */
struct pv_method *pv_update_method_after(const pv_update_set *s, const struct pv_method *m);

#endif
