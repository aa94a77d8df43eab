/*
 * class.c - laying out classes: fields, ordinals, lookup tables (class.h).
 *
 * Invariants of a finished class c:
 *  - c->display[0..depth] are its ancestors from .internal.object down to
 *    c itself, so "is c a subclass of k" is display[k->depth] == k;
 *  - c->interfaces holds every interface c implements, inherited ones too;
 *  - c->vtable[o] is the method every instance of c runs for ordinal o
 *    (NULL holes allowed), and extends the super's vtable;
 *  - c->lookup maps "name(desc)" and "name/N" to the method an instance
 *    of c runs for it, static methods and constructors of c included.
 */
#include <stdio.h>
#include <string.h>

#include "class.h"
#include "classfile.h"

/* Appends one pointer to a persistent pointer array of n entries. */
static int push_ptr(pv_vm *vm, void *arrp, uint32_t n, void *p)
{
    void ***arr = arrp;
    void **na = pv_alloc_raw(vm, (n + 1) * sizeof(void *));
    if (!na)
        return -1;
    if (n)
        memcpy(na, *arr, n * sizeof(void *));
    na[n] = p;
    pv_free_raw(vm, *arr);
    *arr = na;
    return 0;
}

static void *dup_ptrs(pv_vm *vm, void *src, uint32_t n)
{
    void **d = pv_alloc_raw(vm, (n ? n : 1) * sizeof(void *));
    if (d && n)
        memcpy(d, src, n * sizeof(void *));
    return d;
}

struct pv_class *pv_class_new(pv_vm *vm, const char *name, struct pv_class *super,
                              uint32_t kind, uint32_t flags)
{
    struct pv_class *c = pv_alloc_obj(vm, vm->b[PV_B_CLASS], sizeof *c);
    return c ? pv_class_init(vm, c, name, super, kind, flags) : NULL;
}

struct pv_class *pv_class_init(pv_vm *vm, struct pv_class *c, const char *name,
                               struct pv_class *super, uint32_t kind, uint32_t flags)
{
    if (!(c->name = pv_str_cstr(vm, name)) || !(c->lookup = pv_dir_new(vm)))
        return NULL;
    c->super = super;
    c->kind = kind;
    c->flags = flags;
    c->depth = super ? super->depth + 1 : 0;
    if (!(c->display = pv_alloc_raw(vm, (c->depth + 1) * sizeof(void *))))
        return NULL;
    if (super) {
        memcpy(c->display, super->display, super->depth * sizeof(void *) + sizeof(void *));
        c->nfields = super->nfields;
        c->ninterfaces = super->ninterfaces;
        c->nvtable = super->nvtable;
        if (!(c->field_names = dup_ptrs(vm, super->field_names, super->nfields)) ||
            !(c->interfaces = dup_ptrs(vm, super->interfaces, super->ninterfaces)) ||
            !(c->vtable = dup_ptrs(vm, super->vtable, super->nvtable)))
            return NULL;
        struct pv_directory *sl = super->lookup;
        for (uint32_t i = 0; i < sl->cap; i++) {
            struct pv_dir_entry *e = &sl->e[i];
            if (pv_is_obj(e->key) && pv_is_string(vm, e->key))
                if (pv_dir_put(vm, c->lookup, pv_as_ptr(e->key), e->val) < 0)
                    return NULL;
        }
    }
    c->display[c->depth] = c;
    return c;
}

int pv_class_add_field(pv_vm *vm, struct pv_class *c, const char *name, bool is_static)
{
    struct pv_string *s = pv_str_cstr(vm, name);
    if (!s)
        return -1;
    if (!is_static) {
        if (push_ptr(vm, &c->field_names, c->nfields, s) < 0)
            return -1;
        c->nfields++;
        return 0;
    }
    pv_value *ns = pv_alloc_raw(vm, (c->nstatics + 1) * sizeof(pv_value));
    if (!ns || push_ptr(vm, &c->static_names, c->nstatics, s) < 0)
        return -1;
    for (uint32_t i = 0; i < c->nstatics; i++)
        ns[i] = c->statics[i];
    ns[c->nstatics] = PV_NULL;
    pv_free_raw(vm, c->statics);
    c->statics = ns;
    c->nstatics++;
    return 0;
}

int pv_class_add_interface(pv_vm *vm, struct pv_class *c, struct pv_class *iface)
{
    if (pv_is_subclass(c, iface))
        return 0;
    if (push_ptr(vm, &c->interfaces, c->ninterfaces, iface) < 0)
        return -1;
    c->ninterfaces++;
    for (uint32_t i = 0; i < iface->ninterfaces; i++)
        if (pv_class_add_interface(vm, c, iface->interfaces[i]) < 0)
            return -1;
    return 0;
}

struct pv_method *pv_method_new(pv_vm *vm, struct pv_class *owner, const char *name,
                                const char *desc, uint32_t flags)
{
    int nargs = pv_desc_nargs(desc);
    if (nargs < 0)
        return NULL;
    struct pv_method *m = pv_alloc_obj(vm, vm->b[PV_B_METHOD], sizeof *m);
    if (!m || !(m->name = pv_str_cstr(vm, name)) || !(m->desc = pv_str_cstr(vm, desc)))
        return NULL;
    m->owner = owner;
    m->flags = flags;
    m->nargs = (uint16_t)nargs;
    m->nlocals = (uint16_t)(nargs + !(flags & PV_MF_STATIC));
    m->ordinal = PV_NO_ORDINAL;
    return m;
}

static bool reserved_ordinal(uint32_t o)
{
    return o < PV_FIRST_USER_ORDINAL || o == 14 || o == 15;
}

static int set_vtable(pv_vm *vm, struct pv_class *c, uint32_t o, struct pv_method *m)
{
    if (o >= c->nvtable) {
        struct pv_method **nv = pv_alloc_raw(vm, (o + 1) * sizeof *nv);
        if (!nv)
            return -1;
        if (c->nvtable)
            memcpy(nv, c->vtable, c->nvtable * sizeof *nv);
        pv_free_raw(vm, c->vtable);
        c->vtable = nv;
        c->nvtable = o + 1;
    }
    c->vtable[o] = m;
    return 0;
}

static int put_lookup(pv_vm *vm, struct pv_class *c, struct pv_method *m)
{
    struct pv_string *k1 = pv_str_fmt(vm, "%s%s", m->name->bytes, m->desc->bytes);
    struct pv_string *k2 = pv_str_fmt(vm, "%s/%u", m->name->bytes, (unsigned)m->nargs);
    if (!k1 || !k2 || pv_dir_put(vm, c->lookup, k1, pv_from_ptr(m)) < 0)
        return -1;
    /* "name/N" names the first method of that arity declared in c; an
     * inherited one is replaced by c's own. */
    pv_value old = pv_dir_get(c->lookup, k2, NULL);
    if (pv_is_obj(old) && ((struct pv_method *)pv_as_ptr(old))->owner == c)
        return 0;
    return pv_dir_put(vm, c->lookup, k2, pv_from_ptr(m));
}

int pv_class_add_method(pv_vm *vm, struct pv_class *c, struct pv_method *m,
                        uint32_t explicit_ordinal, char *err, size_t errlen)
{
    if (push_ptr(vm, &c->methods, c->nmethods, m) < 0)
        goto oom;
    c->nmethods++;
    if (!(m->flags & (PV_MF_STATIC | PV_MF_CTOR))) {
        uint32_t o = explicit_ordinal;
        struct pv_method *over = c->super ? pv_find_method(c->super, m->name->bytes, m->nargs) : NULL;
        if (over && (over->flags & (PV_MF_STATIC | PV_MF_CTOR)))
            over = NULL;
        if (o == PV_NO_ORDINAL && over)
            o = over->ordinal;
        if (o == PV_NO_ORDINAL) {
            o = PV_FIRST_USER_ORDINAL;
            while (reserved_ordinal(o) || (o < c->nvtable && c->vtable[o]))
                o++;
        } else if (o < c->nvtable && c->vtable[o] && c->vtable[o]->owner == c) {
            snprintf(err, errlen, "class %s: methods %s and %s both have ordinal %u", c->name->bytes,
                     c->vtable[o]->name->bytes, m->name->bytes, (unsigned)o);
            return -1;
        }
        if (o > PV_MAX_ORDINAL) {
            snprintf(err, errlen, "class %s: method %s: ordinal %u is above %u", c->name->bytes,
                     m->name->bytes, (unsigned)o, PV_MAX_ORDINAL);
            return -1;
        }
        m->ordinal = o;
        if (set_vtable(vm, c, o, m) < 0)
            goto oom;
    }
    if (put_lookup(vm, c, m) < 0)
        goto oom;
    return 0;
oom:
    snprintf(err, errlen, "class %s: out of memory in the world", c->name->bytes);
    return -1;
}

int pv_class_register(pv_vm *vm, struct pv_class *c)
{
    return pv_dir_put(vm, vm->root->classes, c->name, pv_from_ptr(c));
}

int pv_class_field_slot(const struct pv_class *c, const char *name)
{
    for (uint32_t i = c->nfields; i-- > 0;)   /* a subclass's field hides its parent's */
        if (!strcmp(c->field_names[i]->bytes, name))
            return (int)i;
    return -1;
}

int pv_class_static_index(const struct pv_class *c, const char *name, struct pv_class **owner)
{
    for (; c; c = c->super)
        for (uint32_t i = 0; i < c->nstatics; i++)
            if (!strcmp(c->static_names[i]->bytes, name)) {
                *owner = (struct pv_class *)c;
                return (int)i;
            }
    return -1;
}

struct pv_class *pv_find_class(pv_vm *vm, const char *name)
{
    pv_value v = pv_dir_get_cstr(vm->root->classes, name);
    return pv_is_obj(v) ? pv_as_ptr(v) : NULL;
}

/* The method under the key a ++ b in c's lookup or an ancestor's.  The
 * key is hashed once and never built: interface and by-name calls come
 * here on every cache miss, so this path makes no string. */
static struct pv_method *lookup_key(struct pv_class *c, const char *a, size_t alen, const char *b, size_t blen)
{
    uint32_t h = pv_dir_hash2(a, alen, b, blen);
    for (; c; c = c->super) {
        pv_value v = pv_dir_get2(c->lookup, a, alen, b, blen, h);
        if (pv_is_obj(v))
            return pv_as_ptr(v);
    }
    return NULL;
}

struct pv_method *pv_find_method(struct pv_class *c, const char *name, int nargs)
{
    /* "/N": the digits written backwards from the end of the buffer. */
    char count[16], *p = count + sizeof count;
    if (nargs < 0)
        return NULL;
    unsigned n = (unsigned)nargs;
    do
        *--p = (char)('0' + n % 10);
    while ((n /= 10) != 0);
    *--p = '/';
    return lookup_key(c, name, strlen(name), p, (size_t)(count + sizeof count - p));
}

struct pv_method *pv_find_method_desc(struct pv_class *c, const char *name, const char *desc)
{
    return lookup_key(c, name, strlen(name), desc, strlen(desc));
}
