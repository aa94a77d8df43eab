/*
 * update.h - installing new versions of classes the world already has
 * (hot code update; docs/VM.md, "Updating classes").
 *
 * pv_install calls this for every class of a batch whose name is bound
 * to a class it does not reuse.  The update happens inside one VM request
 * or before any thread runs: between two safepoints, so a snapshot sees
 * the world either before or after it, never in between.
 */
#ifndef PHANTOM_VM_UPDATE_H
#define PHANTOM_VM_UPDATE_H

#include "classfile.h"
#include "vm.h"

/* One class being replaced: olds[i] is bound to the name now, news[i] is
 * its new version (created and linked, not yet bound), cfs[i] the class
 * file it came from (for the declared types of its fields). */
typedef struct pv_update_set {
    struct pv_class **olds, **news;
    pv_cf **cfs;
    int n;
} pv_update_set;

typedef struct pv_update pv_update;

/* Checks that the update can be made and makes everything it will need
 * (the objects that must move); changes nothing the world can see.
 * 0 with *out set, or -1 with err listing every fault (and how many
 * objects each concerns).  The set is copied. */
int pv_update_prepare(pv_vm *vm, const pv_update_set *s, pv_update **out, char *err, size_t errlen);
/* Binds the names of the new versions prepare made of classes outside
 * the set that extend one in it (they are migrated too); -1 when the
 * world's memory runs out (then the caller abandons the update). */
int pv_update_bind(pv_vm *vm, pv_update *u);
/* Makes the update: migrates every instance, carries static fields over,
 * points every constant at the new versions.  Cannot fail.  The caller
 * binds the new names first (that can fail, and then calls abandon). */
void pv_update_commit(pv_vm *vm, pv_update *u);
/* Drops a prepared update: what it made is garbage for the collectors. */
void pv_update_abandon(pv_vm *vm, pv_update *u);

/* The zero a field or static declared with this type starts at (a number
 * type's zero, false, char 0), null for anything else or untyped. */
pv_value pv_type_zero(const char *type);
/* Whether v may be stored in a field declared with this type, where
 * objects of classes being replaced count as their new versions. */
bool pv_update_value_fits(pv_vm *vm, const pv_update_set *s, pv_value v, const char *type);

#endif
