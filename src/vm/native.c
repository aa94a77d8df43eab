/*
 * native.c - creating the internal classes in a new world and binding
 * their C functions by name at every boot.
 *
 * Nothing about an internal class is stored by table position: a world
 * records class and method names, and each boot looks every native method
 * up by (class name, method name, descriptor).  A newer VM that adds a
 * class or a method adds it to old worlds at boot; a method a world knows
 * but this VM lacks raises NoSuchMethodException when called.
 */
#include <stdio.h>
#include <string.h>

#include "class.h"
#include "native/native.h"

static int native_missing(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    (void)ret;
    return pv_throw(vm, PV_B_NOMETHOD_EXC, "this internal method does not exist in this version of Phantom");
}

static const char *super_name(const pv_native_class *d)
{
    if (d->super)
        return d->super;
    return strcmp(d->name, ".internal.object") ? ".internal.object" : NULL;
}

static struct pv_method *own_method(struct pv_class *c, const char *name, const char *desc)
{
    for (uint32_t i = 0; i < c->nmethods; i++)
        if (!strcmp(c->methods[i]->name->bytes, name) && !strcmp(c->methods[i]->desc->bytes, desc))
            return c->methods[i];
    return NULL;
}

/* Binds (adding when missing) every method of d to class c. */
static int bind_methods(pv_vm *vm, struct pv_class *c, const pv_native_class *d, char *err, size_t errlen)
{
    for (uint32_t i = 0; i < c->nmethods; i++)
        if (c->methods[i]->flags & PV_MF_NATIVE)
            c->methods[i]->native = native_missing;
    for (uint32_t i = 0; i < d->nmethods; i++) {
        const pv_native_method *nm = &d->methods[i];
        struct pv_method *m = own_method(c, nm->name, nm->desc);
        if (!m) {
            m = pv_method_new(vm, c, nm->name, nm->desc, nm->flags | PV_MF_NATIVE);
            if (!m) {
                snprintf(err, errlen, "internal class %s: cannot create method %s%s", d->name, nm->name, nm->desc);
                return -1;
            }
            if (pv_class_add_method(vm, c, m, nm->ordinal, err, errlen) < 0)
                return -1;
        }
        if (pv_native_typed_args(nm->desc, &m->typed_args) < 0) {
            snprintf(err, errlen, "internal class %s: method %s%s: bad descriptor", d->name, nm->name, nm->desc);
            return -1;
        }
        m->native = nm->fn;
    }
    return 0;
}

static struct pv_class *create_class(pv_vm *vm, struct pv_class *pre, const pv_native_class *d,
                                     struct pv_class *super, char *err, size_t errlen)
{
    struct pv_class *c = pre ? pv_class_init(vm, pre, d->name, super, d->kind, d->flags | PV_CF_NATIVE)
                             : pv_class_new(vm, d->name, super, d->kind, d->flags | PV_CF_NATIVE);
    for (const char *const *f = d->fields; c && f && *f; f++)
        if (pv_class_add_field(vm, c, *f, false) < 0)
            c = NULL;
    if (!c || pv_class_register(vm, c) < 0) {
        snprintf(err, errlen, "internal class %s: out of memory in the world", d->name);
        return NULL;
    }
    /* Methods now, so that subclasses made later inherit them. */
    return bind_methods(vm, c, d, err, errlen) < 0 ? NULL : c;
}

static const char *const builtin_names[PV_B_COUNT] = {
#define PV_B_NAME(id, name) name,
    PV_BUILTINS(PV_B_NAME)
#undef PV_B_NAME
};

/* A new world: every internal class is allocated bare first, because
 * making any class needs strings and directories, whose classes must
 * already exist; then each is filled in, ancestors before descendants. */
static int bootstrap(pv_vm *vm, char *err, size_t errlen)
{
    size_t n = pv_native_class_count;
    struct pv_class *pre[256];
    if (n > 256) {
        snprintf(err, errlen, "too many internal classes (%zu)", n);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!(pre[i] = pv_alloc_sticky(vm, NULL, sizeof(struct pv_class)))) {
            snprintf(err, errlen, "out of memory creating the world");
            return -1;
        }
        for (int b = 0; b < PV_B_COUNT; b++)
            if (!strcmp(builtin_names[b], pv_native_classes[i]->name))
                vm->b[b] = pre[i];
    }
    for (int b = 0; b < PV_B_COUNT; b++)
        if (!vm->b[b]) {
            snprintf(err, errlen, "internal class %s is not built into this VM", builtin_names[b]);
            return -1;
        }
    for (size_t i = 0; i < n; i++)
        pre[i]->h.cls = vm->b[PV_B_CLASS];
    if (!(vm->root->classes = pv_dir_new(vm)) || !(vm->root->names = pv_dir_new(vm)) ||
        !(vm->root->threads = pv_array_new(vm, 0)) || !(vm->root->restart = pv_array_new(vm, 0)) ||
        !(vm->root->monitors = pv_array_new(vm, 0))) {
        snprintf(err, errlen, "out of memory creating the world");
        return -1;
    }
    vm->root->h.cls = vm->b[PV_B_OBJECT];
    bool done[256] = {0};
    for (size_t made = 0, pass = 0; made < n; pass++) {
        size_t before = made;
        for (size_t i = 0; i < n; i++) {
            const pv_native_class *d = pv_native_classes[i];
            const char *sn = super_name(d);
            struct pv_class *super = sn ? pv_find_class(vm, sn) : NULL;
            if (done[i] || (sn && !super))
                continue;
            if (!create_class(vm, pre[i], d, super, err, errlen))
                return -1;
            done[i] = true;
            made++;
        }
        if (made == before) {
            snprintf(err, errlen, "internal classes: a superclass is missing or the hierarchy has a cycle");
            return -1;
        }
    }
    return 0;
}

/* Everything made here is referenced by the class table and the root
 * without counting: it is made sticky (gc/gc.h). */
static int bind_all(pv_vm *vm, bool new_world, char *err, size_t errlen)
{
    if (new_world && bootstrap(vm, err, errlen) < 0)
        return -1;
    /* Classes a newer VM added: create them (supers first). */
    for (bool progress = true; progress;) {
        progress = false;
        for (size_t i = 0; i < pv_native_class_count; i++) {
            const pv_native_class *d = pv_native_classes[i];
            const char *sn = super_name(d);
            struct pv_class *super = sn ? pv_find_class(vm, sn) : NULL;
            if (pv_find_class(vm, d->name) || (sn && !super))
                continue;
            if (!create_class(vm, NULL, d, super, err, errlen))
                return -1;
            progress = true;
        }
    }
    for (int b = 0; b < PV_B_COUNT; b++)
        if (!(vm->b[b] = pv_find_class(vm, builtin_names[b]))) {
            snprintf(err, errlen, "the world lacks internal class %s", builtin_names[b]);
            return -1;
        }
    for (size_t i = 0; i < pv_native_class_count; i++)
        if (bind_methods(vm, pv_find_class(vm, pv_native_classes[i]->name), pv_native_classes[i], err, errlen) < 0)
            return -1;
    return 0;
}

int pv_native_bind_all(pv_vm *vm, bool new_world, char *err, size_t errlen)
{
    vm->alloc_sticky++;
    int rc = bind_all(vm, new_world, err, errlen);
    vm->alloc_sticky--;
    return rc;
}
