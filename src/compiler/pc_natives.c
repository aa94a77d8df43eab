/*
 * pc_natives.c - the internal classes, as the compiler sees them.
 *
 * They come from the VM's own table (pc_options.natives, normally
 * src/vm/native_info.h), so names, argument counts, fixed ordinals and
 * flags can never disagree with the VM.  Their ordinals without a fixed
 * number are computed the way the VM's loader assigns them (pc_classes.c,
 * pc_class_layout), so a program class that overrides one knows its slot.
 *
 * The VM declares every native argument and result as `*`.  For the
 * common methods whose result type is certain, ret_table below tells the
 * compiler more ("abc".length() is an int), which lets arithmetic and
 * string '+' be decided at compile time.  It only ever narrows `*` to the
 * type the native really returns.
 */
#include <string.h>

#include "pc_internal.h"

static pc_class *new_class(pc_ctx *c, const char *name)
{
    pc_class *k = pc_alloc(c, sizeof *k);
    k->name = pc_strdup(c, name);
    const char *dot = strrchr(k->name, '.');
    k->simple = dot ? dot + 1 : k->name;
    k->fields_tail = &k->fields;
    k->methods_tail = &k->methods;
    k->index = -1;
    k->cty.k = PC_TY_CLASS;
    k->cty.cls = k;
    k->ty = &k->cty;
    k->hier = 2;
    return k;
}

static void add_method(pc_ctx *c, pc_class *k, const pv_native_info_method *nm)
{
    if (nm->nargs < 0 || !nm->name)
        return;
    pc_method *m = pc_alloc(c, sizeof *m);
    m->name = pc_strdup(c, nm->name);
    m->owner = k;
    m->nparams = (uint32_t)nm->nargs;
    m->params = pc_alloc(c, (m->nparams ? m->nparams : 1) * sizeof *m->params);
    for (uint32_t i = 0; i < m->nparams; i++)
        m->params[i] = &c->t_any;
    size_t dl = strlen(nm->desc);
    bool is_void = dl >= 5 && !strcmp(nm->desc + dl - 5, ")void");
    m->flags = nm->flags & (PV_MF_STATIC | PV_MF_CTOR);
    m->explicit_ord = nm->ordinal == PV_NO_ORDINAL ? -1 : (int32_t)nm->ordinal;
    m->ordinal = PV_NO_ORDINAL;
    m->desc = pc_strdup(c, nm->desc);
    m->kind = (m->flags & PV_MF_CTOR) ? PC_MK_CTOR : PC_MK_NORMAL;
    m->is_extern = true;
    m->ret = is_void ? &c->t_void : &c->t_any;
    *k->methods_tail = m;
    k->methods_tail = &m->next;
    if (m->flags & PV_MF_CTOR)
        k->has_ctor = true;
}

static void add_field(pc_ctx *c, pc_class *k, const char *name)
{
    pc_field *f = pc_alloc(c, sizeof *f);
    f->name = pc_strdup(c, name);
    f->ty = &c->t_any;
    f->owner = k;
    *k->fields_tail = f;
    k->fields_tail = &f->next;
}

void pc_natives_load(pc_ctx *c)
{
    const pc_natives *n = c->opts->natives;
    size_t count = n ? n->count() : 0;
    const char **supers = pc_alloc(c, (count + 1) * sizeof *supers);
    pc_class **made = pc_alloc(c, (count + 1) * sizeof *made);
    for (size_t i = 0; i < count; i++) {
        pv_native_info_class ic;
        if (n->class_at(i, &ic) < 0 || !ic.name || ic.name[0] != '.' || pc_class_find(c, ic.name))
            continue;
        pc_class *k = new_class(c, ic.name);
        k->is_extern = true;
        k->kind = ic.kind;
        k->is_interface = (ic.flags & PV_CF_INTERFACE) != 0;
        k->is_abstract = (ic.flags & PV_CF_ABSTRACT) != 0;
        k->is_final = (ic.flags & PV_CF_FINAL) != 0;
        for (const char *const *f = ic.fields; f && *f; f++)
            add_field(c, k, *f);
        for (uint32_t m = 0; m < ic.nmethods; m++) {
            pv_native_info_method nm;
            if (n->method_at(i, m, &nm) == 0)
                add_method(c, k, &nm);
        }
        supers[i] = ic.super ? pc_strdup(c, ic.super) : NULL;
        made[i] = k;
        pc_class_add(c, k);
    }
    if (!pc_class_find(c, ".internal.object")) { /* no table: the root must still exist */
        pc_class *k = new_class(c, ".internal.object");
        k->is_extern = true;
        pc_class_add(c, k);
    }
    c->c_object = pc_class_find(c, ".internal.object");
    for (size_t i = 0; i < count; i++) {
        if (!made[i] || made[i] == c->c_object)
            continue;
        pc_class *s = supers[i] ? pc_class_find(c, supers[i]) : NULL;
        made[i]->super = s ? s : c->c_object;
    }
    /* A superclass chain that does not reach the root (a broken table) is cut there. */
    for (size_t i = 0; i < count; i++) {
        pc_class *k = made[i];
        int steps = 0;
        for (pc_class *s = k; s && s != c->c_object; s = s->super)
            if (++steps > 1000) {
                k->super = c->c_object;
                break;
            }
    }
    c->c_string = pc_class_find(c, ".internal.string");
    c->c_array = pc_class_find(c, ".internal.container.array");
    c->c_directory = pc_class_find(c, ".internal.directory");
    c->c_tty = pc_class_find(c, ".internal.io.tty");
    c->c_exception = pc_class_find(c, ".phantom.Exception");
    static const struct { pc_tk k; const char *name; } values[] = {
        {PC_TY_BOOL, ".internal.bool"}, {PC_TY_CHAR, ".internal.char"}, {PC_TY_INT, ".internal.int"},
        {PC_TY_LONG, ".internal.long"}, {PC_TY_FLOAT, ".internal.float"}, {PC_TY_DOUBLE, ".internal.double"},
    };
    pc_ty *prims[] = {[PC_TY_BOOL] = &c->t_bool, [PC_TY_CHAR] = &c->t_char, [PC_TY_INT] = &c->t_int,
                      [PC_TY_LONG] = &c->t_long, [PC_TY_FLOAT] = &c->t_float, [PC_TY_DOUBLE] = &c->t_double};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        pc_class *k = pc_class_find(c, values[i].name);
        c->c_value[values[i].k] = k;
        if (k)
            k->ty = prims[values[i].k];
    }
    if (c->c_string)
        c->c_string->ty = &c->t_string;
    if (c->c_array)
        c->c_array->ty = pc_ty_array(c, &c->t_any);
    for (size_t i = 0; i < count; i++)
        for (pc_method *m = made[i] ? made[i]->methods : NULL; m; m = m->next) {
            pc_ty *r = m->ret->k == PC_TY_ANY
                           ? pc_natives_ret(c, made[i], m->name, m->nparams, (m->flags & PV_MF_STATIC) != 0)
                           : NULL;
            if (r)
                m->ret = r;
        }
}

/* ---- result types the VM's table does not record ------------------------------------------ */

typedef struct ret_entry {
    const char *cls;   /* full name, or NULL: any internal class (methods of .internal.object) */
    const char *name;
    int nargs;         /* -1: any */
    char ret;          /* s string, i int, l long, f float, d double, c char, b bool, S string[] */
    bool is_static;
} ret_entry;

static const ret_entry ret_table[] = {
    {".internal.object", "toString", 0, 's', false},
    {".internal.object", "equals", 1, 'b', false},
    {".internal.object", "hashCode", 0, 'i', false},
    {".internal.string", "substring", 2, 's', false},
    {".internal.string", "charAt", 1, 'c', false},
    {".internal.string", "charAtByte", 1, 'c', false},
    {".internal.string", "byteAt", 1, 'i', false},
    {".internal.string", "byteLength", 0, 'i', false},
    {".internal.string", "concat", 1, 's', false},
    {".internal.string", "length", 0, 'i', false},
    {".internal.string", "strstr", 1, 'i', false},
    {".internal.string", "toInt", 0, 'i', false},
    {".internal.string", "toLong", 0, 'l', false},
    {".internal.string", "toFloat", 0, 'f', false},
    {".internal.string", "toDouble", 0, 'd', false},
    {".internal.string", "indexOf", -1, 'i', false},
    {".internal.string", "lastIndexOf", 1, 'i', false},
    {".internal.string", "startsWith", 1, 'b', false},
    {".internal.string", "endsWith", 1, 'b', false},
    {".internal.string", "contains", 1, 'b', false},
    {".internal.string", "replace", 2, 's', false},
    {".internal.string", "trim", 0, 's', false},
    {".internal.string", "toUpperCase", 0, 's', false},
    {".internal.string", "toLowerCase", 0, 's', false},
    {".internal.string", "split", 1, 'S', false},
    {".internal.string", "compareTo", 1, 'i', false},
    {".internal.string", "isEmpty", 0, 'b', false},
    {".internal.container.array", "size", 0, 'i', false},
    {".internal.container.array", "indexOf", 1, 'i', false},
    {".internal.container.array", "contains", 1, 'b', false},
    {".internal.container.array", "join", 1, 's', false},
    {".internal.directory", "size", 0, 'i', false},
    {".internal.directory", "containsKey", 1, 'b', false},
    {".internal.directory", "isEmpty", 0, 'b', false},
    {".internal.directory", "keys", 0, 'S', false},
    {".internal.directory", "iterate", 0, 'S', false},
    {".internal.binary", "getByte", 1, 'i', false},
    {".internal.binary", "size", 0, 'i', false},
    {".internal.binary", "toText", 0, 's', false},
    {".internal.int", "parse", 1, 'i', true},
    {".internal.int", "MAX_VALUE", 0, 'i', true},
    {".internal.int", "MIN_VALUE", 0, 'i', true},
    {".internal.int", "abs", 1, 'i', true},
    {".internal.int", "min", 2, 'i', true},
    {".internal.int", "max", 2, 'i', true},
    {".internal.long", "parse", 1, 'l', true},
    {".internal.long", "MAX_VALUE", 0, 'l', true},
    {".internal.long", "MIN_VALUE", 0, 'l', true},
    {".internal.long", "abs", 1, 'l', true},
    {".internal.long", "min", 2, 'l', true},
    {".internal.long", "max", 2, 'l', true},
    {".internal.float", "parse", 1, 'f', true},
    {".internal.float", "MAX_VALUE", 0, 'f', true},
    {".internal.float", "MIN_VALUE", 0, 'f', true},
    {".internal.float", "isNaN", 1, 'b', true},
    {".internal.float", "isInfinite", 1, 'b', true},
    {".internal.double", "parse", 1, 'd', true},
    {".internal.double", "MAX_VALUE", 0, 'd', true},
    {".internal.double", "MIN_VALUE", 0, 'd', true},
    {".internal.double", "abs", 1, 'd', true},
    {".internal.double", "min", 2, 'd', true},
    {".internal.double", "max", 2, 'd', true},
    {".internal.double", "isNaN", 1, 'b', true},
    {".internal.double", "isInfinite", 1, 'b', true},
    {".internal.bool", "parse", 1, 'b', true},
    {".internal.char", "isDigit", 1, 'b', true},
    {".internal.char", "isLetter", 1, 'b', true},
    {".internal.char", "isLetterOrDigit", 1, 'b', true},
    {".internal.char", "isWhitespace", 1, 'b', true},
    {".internal.char", "isUpperCase", 1, 'b', true},
    {".internal.char", "isLowerCase", 1, 'b', true},
    {".internal.char", "toUpperCase", 1, 'c', true},
    {".internal.char", "toLowerCase", 1, 'c', true},
    {".internal.char", "digitValue", 1, 'i', true},
    {NULL, "compareTo", 1, 'i', false}, /* the number classes */
    {NULL, "toInt", 0, 'i', false},
    {NULL, "toLong", 0, 'l', false},
    {NULL, "toFloat", 0, 'f', false},
    {NULL, "toDouble", 0, 'd', false},
};

pc_ty *pc_natives_ret(pc_ctx *c, const pc_class *owner, const char *name, uint32_t nargs, bool is_static)
{
    for (size_t i = 0; i < sizeof ret_table / sizeof ret_table[0]; i++) {
        const ret_entry *r = &ret_table[i];
        if (r->is_static != is_static || strcmp(r->name, name) || (r->nargs >= 0 && (uint32_t)r->nargs != nargs))
            continue;
        if (r->cls ? strcmp(r->cls, owner->name) != 0
                   : !(owner->ty && pc_ty_numeric(owner->ty)))
            continue;
        switch (r->ret) {
        case 's': return &c->t_string;
        case 'i': return &c->t_int;
        case 'l': return &c->t_long;
        case 'f': return &c->t_float;
        case 'd': return &c->t_double;
        case 'c': return &c->t_char;
        case 'b': return &c->t_bool;
        case 'S': return pc_ty_array(c, &c->t_string);
        default: break;
        }
    }
    return NULL;
}

/* ---- declarations of internal classes in sources ---------------------------------------- */

/* The internal method of k (or an ancestor) called name with nargs
 * arguments, else the one at ordinal ord (-1: any); NULL if none. */
static pc_method *internal_method(pc_class *k, const char *name, uint32_t nargs, int32_t ord)
{
    for (pc_class *s = k; s; s = s->super)
        for (pc_method *m = s->methods; m; m = m->next)
            if (!(m->flags & PV_MF_CTOR) && !strcmp(m->name, name) && m->nparams == nargs &&
                (ord < 0 || m->explicit_ord < 0 || m->explicit_ord == ord))
                return m;
    for (pc_class *s = k; s && ord >= 0; s = s->super)
        for (pc_method *m = s->methods; m; m = m->next)
            if (m->explicit_ord == ord && !(m->flags & (PV_MF_CTOR | PV_MF_STATIC)))
                return m;
    return NULL;
}

/*
 * The original ships Phantom-language declarations of its internal classes
 * (`class .internal."thread" { void pause() [10] {} ... }`).  Such a class
 * is not compiled: each method it declares must be one the VM's class has,
 * by name and argument count (and ordinal, if written).  The original's
 * `.internal.bootstrap` declares the class the VM calls `.internal.boot`.
 */
bool pc_internal_decl(pc_ctx *c, pc_decl *d, const char *full)
{
    static const char prefix[] = ".internal.";
    if (strncmp(full, prefix, sizeof prefix - 1))
        return false;
    char q[80];
    const char *name = !strcmp(full, ".internal.bootstrap") ? ".internal.boot" : full;
    pc_class *k = pc_class_find(c, name);
    if (!k || !k->is_extern) {
        pc_error(c->d, d->u.cls.name->loc, "'%s' is declared as an internal class, but this VM has no internal "
                 "class of that name", pc_diag_quote(q, sizeof q, full, strlen(full)));
        return true;
    }
    for (pc_decl *m = d->u.cls.members; m; m = m->next) {
        if (m->kind != PC_D_METHOD || m->u.method.ctor)
            continue;
        int32_t ord = m->u.method.ordinal;
        pc_method *im = internal_method(k, m->u.method.name, m->u.method.nparams, ord);
        if (!im)
            pc_error(c->d, m->loc, "internal class '%s' has no method '%s' taking %u argument%s", k->name,
                     pc_diag_quote(q, sizeof q, m->u.method.name, strlen(m->u.method.name)),
                     (unsigned)m->u.method.nparams, m->u.method.nparams == 1 ? "" : "s");
        else if (strcmp(im->name, m->u.method.name) || im->nparams != m->u.method.nparams)
            pc_error(c->d, m->loc, "method '%s' [%d] does not match internal class '%s', whose method [%d] is "
                     "'%s' taking %u argument%s", pc_diag_quote(q, sizeof q, m->u.method.name,
                     strlen(m->u.method.name)), (int)ord, k->name, (int)ord, im->name, (unsigned)im->nparams,
                     im->nparams == 1 ? "" : "s");
        else if (ord >= 0 && im->explicit_ord >= 0 && im->explicit_ord != ord)
            pc_error(c->d, m->loc, "method '%s' [%d] of internal class '%s' has ordinal %d in this VM", im->name,
                     (int)ord, k->name, (int)im->explicit_ord);
    }
    return true;
}
