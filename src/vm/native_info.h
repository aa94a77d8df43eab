/*
 * native_info.h - a read-only view of the VM's internal (native) classes,
 * for tools that need to know them without running a VM: the compiler
 * resolves `.internal.*` names, method ordinals and argument counts from
 * it, so its table can never disagree with the VM's.
 *
 * The view lists the classes of native/registry.c in their table order,
 * each with its superclass, kind, flags, instance fields and methods (name,
 * descriptor, argument count, explicit ordinal or PV_NO_ORDINAL, flags).
 * Everything returned points into static tables: it never changes and is
 * never freed.
 */
#ifndef PHANTOM_VM_NATIVE_INFO_H
#define PHANTOM_VM_NATIVE_INFO_H

#include <stddef.h>
#include <stdint.h>

typedef struct pv_native_info_method {
    const char *name;
    const char *desc;      /* "(*,*)*" style */
    int nargs;             /* arguments, not counting the receiver */
    uint32_t ordinal;      /* the fixed ordinal, or PV_NO_ORDINAL (the VM picks a free one) */
    uint32_t flags;        /* PV_MF_STATIC, PV_MF_CTOR */
} pv_native_info_method;

typedef struct pv_native_info_class {
    const char *name;      /* full name: ".internal.string" */
    const char *super;     /* full name of the superclass; NULL only for .internal.object */
    uint32_t kind;         /* enum pv_kind of its instances */
    uint32_t flags;        /* PV_CF_* (PV_CF_NATIVE not included) */
    const char *const *fields; /* instance slot names, NULL-ended (never NULL itself) */
    uint32_t nmethods;
} pv_native_info_class;

/* The number of internal classes. */
size_t pv_native_info_count(void);
/* Class i (0 <= i < count) into *out; -1 if i is out of range. */
int pv_native_info_class_at(size_t i, pv_native_info_class *out);
/* Method m of class i into *out; -1 if either index is out of range. */
int pv_native_info_method_at(size_t i, uint32_t m, pv_native_info_method *out);

#endif
