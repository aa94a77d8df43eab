/*
 * n_class.c - .internal.class and .internal.method: classes and methods
 * as objects programs can hold (getClass(), boot.loadClass, new *(c)).
 * Read-only: code cannot change a class's layout or methods.
 */
#include "n_orig_sys.h"
#include "native.h"

static int c_name(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = pv_from_ptr(((struct pv_class *)pv_as_ptr(args[0]))->name);
    return PV_NOK;
}

static int c_super(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    struct pv_class *s = ((struct pv_class *)pv_as_ptr(args[0]))->super;
    *ret = s ? pv_from_ptr(s) : PV_NULL;
    return PV_NOK;
}

static int c_is_instance(pv_vm *vm, pv_value *args, pv_value *ret)
{
    *ret = pv_bool(pv_instance_of(vm, args[1], pv_as_ptr(args[0])));
    return PV_NOK;
}

static int c_methods(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_class *c = pv_as_ptr(args[0]);
    struct pv_array *a = pv_array_new(vm, c->nmethods);
    for (uint32_t i = 0; a && i < c->nmethods; i++)
        pv_gc_write(vm, &a->items[i], pv_from_ptr(c->methods[i]));
    return pv_ret_obj(vm, ret, a);
}

static int c_fields(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_class *c = pv_as_ptr(args[0]);
    struct pv_array *a = pv_array_new(vm, c->nfields);
    for (uint32_t i = 0; a && i < c->nfields; i++)
        pv_gc_write(vm, &a->items[i], pv_from_ptr(c->field_names[i]));
    return pv_ret_obj(vm, ret, a);
}

static int c_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    return pv_ret_obj(vm, ret, pv_str_fmt(vm, "class %s", ((struct pv_class *)pv_as_ptr(args[0]))->name->bytes));
}

static const pv_native_method class_methods[] = {
    /* the fixed ordinals first: the others take the slots left free */
    {"toString", "()*", 5, 0, c_tostring},
    {"newClass", "(*,*,*)*", 8, 0, pv_orig_class_new},
    {"setStatic", "(*,*)void", 10, 0, pv_orig_class_set_static},
    {"getStatic", "(*)*", 11, 0, pv_orig_class_get_static},
    {"instanceOf", "(*)*", 14, 0, pv_orig_class_instance_of},
    {"newClass", "()*", PV_NO_ORDINAL, 0, pv_orig_class_new0},
    {"getName", "()*", PV_NO_ORDINAL, 0, c_name},
    {"getSuperclass", "()*", PV_NO_ORDINAL, 0, c_super},
    {"isInstance", "(*)*", PV_NO_ORDINAL, 0, c_is_instance},
    {"getMethods", "()*", PV_NO_ORDINAL, 0, c_methods},
    {"getFields", "()*", PV_NO_ORDINAL, 0, c_fields},
};

const pv_native_class pv_nc_class = {
    ".internal.class", NULL, PV_K_CLASS, PV_CF_FINAL, NULL, class_methods, PV_COUNTOF(class_methods),
};

static struct pv_method *meth(pv_value v) { return pv_as_ptr(v); }

static int m_name(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = pv_from_ptr(meth(args[0])->name);
    return PV_NOK;
}

static int m_desc(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = pv_from_ptr(meth(args[0])->desc);
    return PV_NOK;
}

static int m_ordinal(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    uint32_t o = meth(args[0])->ordinal;
    *ret = pv_int(o == PV_NO_ORDINAL ? -1 : (int32_t)o);
    return PV_NOK;
}

static int m_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    struct pv_method *m = meth(args[0]);
    return pv_ret_obj(vm, ret, pv_str_fmt(vm, "%s.%s%s", m->owner->name->bytes, m->name->bytes, m->desc->bytes));
}

static const pv_native_method method_methods[] = {
    {"getName", "()*", PV_NO_ORDINAL, 0, m_name},
    {"getDescriptor", "()*", PV_NO_ORDINAL, 0, m_desc},
    {"getOrdinal", "()*", PV_NO_ORDINAL, 0, m_ordinal},
    {"toString", "()*", 5, 0, m_tostring},
};

const pv_native_class pv_nc_method = {
    ".internal.method", NULL, PV_K_METHOD, PV_CF_FINAL, NULL, method_methods, PV_COUNTOF(method_methods),
};
