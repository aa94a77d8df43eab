/*
 * native_info.c - the read-only view of the internal classes
 * (native_info.h) over native/registry.c's table.
 */
#include "native_info.h"

#include <string.h>

#include "classfile.h"
#include "vm.h"

static const char *const no_fields[] = {NULL};

size_t pv_native_info_count(void)
{
    return pv_native_class_count;
}

int pv_native_info_class_at(size_t i, pv_native_info_class *out)
{
    if (i >= pv_native_class_count)
        return -1;
    const pv_native_class *d = pv_native_classes[i];
    bool root = !d->super && !strcmp(d->name, ".internal.object");
    *out = (pv_native_info_class){
        .name = d->name,
        .super = d->super ? d->super : root ? NULL : ".internal.object",
        .kind = d->kind,
        .flags = d->flags & ~PV_CF_NATIVE,
        .fields = d->fields ? d->fields : no_fields,
        .nmethods = d->nmethods,
    };
    return 0;
}

int pv_native_info_method_at(size_t i, uint32_t m, pv_native_info_method *out)
{
    if (i >= pv_native_class_count || m >= pv_native_classes[i]->nmethods)
        return -1;
    const pv_native_method *nm = &pv_native_classes[i]->methods[m];
    *out = (pv_native_info_method){
        .name = nm->name,
        .desc = nm->desc,
        .nargs = pv_desc_nargs(nm->desc),
        .ordinal = nm->ordinal,
        .flags = nm->flags,
    };
    return 0;
}
