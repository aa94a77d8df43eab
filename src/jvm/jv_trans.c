/*
 * jv_trans.c - translating a JVM class into Phantom assembly: the class
 * and its fields, the helpers every translated class has (__zero,
 * __jinit, __state: class initialisation in Java's order), the methods
 * (jv_method.c), the abstract declarations and default-method
 * forwarders Phantom wants where Java leaves them implicit, and the
 * classes of the class's lambda call sites (jv_lambda.c).
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jv_internal.h"

#define RT JV_RT
#define NAMELEN JV_NAMELEN

const jv_class *jv_find(const jv_class *const *prog, int nprog, const char *name)
{
    for (int i = 0; i < nprog; i++)
        if (!strcmp(prog[i]->name, name))
            return prog[i];
    return NULL;
}

int jv_fail(jv_tr *t, int rc, const char *fmt, ...)
{
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (t->m)
        snprintf(t->err->msg, sizeof t->err->msg, "%s: class %s: method %s%s: offset %u: %s", t->c->file, t->c->name,
                 t->m->name, t->m->desc, (unsigned)t->pc, what);
    else
        snprintf(t->err->msg, sizeof t->err->msg, "%s: class %s: %s", t->c->file, t->c->name, what);
    t->rc = rc;
    return -1;
}

static bool name_ok(const char *jname)
{
    for (const unsigned char *p = (const unsigned char *)jname; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_' ||
              *p == '$' || *p == '/' || *p >= 0x80))
            return false;
    return true;
}

int jv_pclass(jv_tr *t, const char *jname, char *buf, size_t n)
{
    if (!name_ok(jname))
        return jv_fail(t, JV_E_UNSUPPORTED, "class name \"%s\" has characters a Phantom name cannot hold", jname);
    jv_phantom_class(jname, buf, n);
    return 0;
}


char jv_kind_of(char d)
{
    switch (d) {
    case 'J': return 'J';
    case 'D': return 'D';
    case 'F': return 'F';
    case 'L': case '[': return 'A';
    default: return 'I';
    }
}


/* The descriptor's argument kinds into kinds (at most 256), their count. */
const char *jv_kind_name(char k)
{
    switch (k) {
    case 'I': return "an int";
    case 'J': return "a long";
    case 'F': return "a float";
    case 'D': return "a double";
    case 'A': return "a reference";
    default: return "nothing usable";
    }
}

int jv_arg_kinds(const char *desc, char *kinds)
{
    const char *starts[256];
    int n = jv_desc_args(desc, starts);
    for (int i = 0; i < n; i++)
        kinds[i] = jv_kind_of(*starts[i]);
    return n;
}


const jv_method *jv_find_method(const jv_class *k, const char *name, const char *desc)
{
    for (uint16_t i = 0; k && i < k->nmethods; i++)
        if (!strcmp(k->methods[i].name, name) && !strcmp(k->methods[i].desc, desc))
            return &k->methods[i];
    return NULL;
}

/* The Phantom type a field of a primitive Java type is declared with, so
 * that a field the VM fills in itself starts at Java's zero, not null: a
 * static or an instance field added by a hot code update (docs/VM.md,
 * "Updating classes"); NULL for references.  byte, short, char and boolean
 * are ints here, as the translation computes with them. */
static const char *type_of(const char *desc)
{
    switch (desc[0]) {
    case 'J': return ".internal.long";
    case 'F': return ".internal.float";
    case 'D': return ".internal.double";
    case 'L': case '[': return NULL;
    default: return ".internal.int";
    }
}

/* Zero of a field's type, as an instruction; NULL for references. */
static const char *zero_of(const char *desc)
{
    switch (desc[0]) {
    case 'J': return "pushconst 0L";
    case 'F': return "pushconst 0.0f";
    case 'D': return "pushconst 0.0";
    case 'L': case '[': return NULL;
    default: return "pushint 0";
    }
}

static int helpers(jv_tr *t, tb_buf *out, const char *me, const char *super_p)
{
    const jv_class *c = t->c;
    bool iface = c->flags & JV_ACC_INTERFACE;
    if (!iface) {
        tb_printf(out, ".method __zero ()*\n");
        if (jv_find(t->prog, t->nprog, c->super))
            tb_printf(out, "    load 0\n    invokespecial %s __zero ()*\n    pop\n", super_p);
        for (uint16_t i = 0; i < c->nfields; i++) {
            const jv_field *f = &c->fields[i];
            const char *z = zero_of(f->desc);
            if ((f->flags & JV_ACC_STATIC) || !z)
                continue;
            char fname[NAMELEN];
            jv_mangle(f->name, "()V", fname, sizeof fname);
            *strstr(fname, "__") = 0;
            tb_printf(out, "    load 0\n    %s\n    putfield %s %s\n", z, me, fname);
        }
        tb_printf(out, "    retvoid\n.end\n");
    }
    tb_printf(out, ".method static __jinit ()*\n    getstatic %s __state\n    jf go\n    retvoid\ngo:\n"
                       "    pushint 1\n    putstatic %s __state\n", me, me);
    if (!iface && jv_find(t->prog, t->nprog, c->super))
        tb_printf(out, "    invokestatic %s __jinit ()*\n    pop\n", super_p);
    for (uint16_t i = 0; i < c->nfields; i++) {
        const jv_field *f = &c->fields[i];
        if (!(f->flags & JV_ACC_STATIC))
            continue;
        char fname[NAMELEN];
        jv_mangle(f->name, "()V", fname, sizeof fname);
        *strstr(fname, "__") = 0;
        const char *z = zero_of(f->desc);
        if (f->constant) {
            const jv_cp *k = &c->cp[f->constant];
            switch (k->tag) {
            case JV_C_INTEGER: tb_printf(out, "    pushint %" PRId32 "\n", (int32_t)(uint32_t)k->bits); break;
            case JV_C_LONG: tb_printf(out, "    pushconst %" PRId64 "L\n", (int64_t)k->bits); break;
            case JV_C_FLOAT: tb_printf(out, "    pushconst floatbits 0x%08" PRIx32 "\n", (uint32_t)k->bits); break;
            case JV_C_DOUBLE: tb_printf(out, "    pushconst doublebits 0x%016" PRIx64 "\n", k->bits); break;
            default: {
                const jv_cp *s = &c->cp[k->a];
                if (!s->str)
                    return jv_fail(t, JV_E_UNSUPPORTED, "field %s: a string constant holding %s is not supported",
                                f->name, s->str_bad);
                tb_put(out, "    pushconst ", 14);
                jv_quote(out, s->str, s->len);
                tb_put(out, "\n", 1);
            }
            }
        } else if (z) {
            tb_printf(out, "    %s\n", z);
        } else {
            continue;
        }
        tb_printf(out, "    putstatic %s %s\n", me, fname);
    }
    if (jv_find_method(c, "<clinit>", "()V"))
        tb_printf(out, "    invokestatic %s _4clinit_5____V ()*\n    pop\n", me);
    tb_printf(out, "    retvoid\n.end\n");
    return 0;
}

/* The methods of the library's interfaces a program class may implement. */
static const struct {
    const char *iface, *name, *desc;
} lib_iface_methods[] = {
    {"java/lang/Comparable", "compareTo", "(Ljava/lang/Object;)I"},
    {"java/lang/CharSequence", "length", "()I"},
    {"java/lang/CharSequence", "charAt", "(I)C"},
    {"java/lang/Runnable", "run", "()V"},
    {"java/lang/Iterable", "iterator", "()Ljava/util/Iterator;"},
};

/* Whether the class k (a program class, or the library's Object) or one
 * of its superclasses declares name+desc. */
static bool class_has(jv_tr *t, const char *k, const char *name, const char *desc, int depth)
{
    const jv_class *pk = jv_find(t->prog, t->nprog, k);
    if (!pk || depth > 64)
        return !strcmp(k, "java/lang/Object") &&
               ((!strcmp(name, "toString") && !strcmp(desc, "()Ljava/lang/String;")) ||
                (!strcmp(name, "hashCode") && !strcmp(desc, "()I")) ||
                (!strcmp(name, "equals") && !strcmp(desc, "(Ljava/lang/Object;)Z")));
    if (jv_find_method(pk, name, desc))
        return true;
    return pk->super && class_has(t, pk->super, name, desc, depth + 1);
}

/* An abstract class need not declare the methods of its interfaces (Java
 * leaves them to subclasses); Phantom wants them declared: abstract ones
 * are added for those neither it nor a superclass declares. */
static void abstract_iface_methods(jv_tr *t, tb_buf *out, const char *iface, int depth)
{
    const jv_class *ik = jv_find(t->prog, t->nprog, iface);
    if (depth > 64)
        return;
    char mangled[NAMELEN], kinds[256];
    if (!ik) {
        for (size_t i = 0; i < sizeof lib_iface_methods / sizeof lib_iface_methods[0]; i++)
            if (!strcmp(lib_iface_methods[i].iface, iface) &&
                !class_has(t, t->c->name, lib_iface_methods[i].name, lib_iface_methods[i].desc, 0)) {
                jv_mangle(lib_iface_methods[i].name, lib_iface_methods[i].desc, mangled, sizeof mangled);
                tb_printf(out, ".method abstract %s ", mangled);
                jv_args(out, jv_arg_kinds(lib_iface_methods[i].desc, kinds));
                tb_printf(out, "\n.end\n");
            }
        return;
    }
    for (uint16_t i = 0; i < ik->nmethods; i++) {
        const jv_method *m = &ik->methods[i];
        if ((m->flags & JV_ACC_STATIC) || !(m->flags & JV_ACC_ABSTRACT) || class_has(t, t->c->name, m->name, m->desc, 0))
            continue;
        jv_mangle(m->name, m->desc, mangled, sizeof mangled);
        tb_printf(out, ".method abstract %s ", mangled);
        jv_args(out, jv_arg_kinds(m->desc, kinds));
        tb_printf(out, "\n.end\n");
    }
    for (uint16_t i = 0; i < ik->ninterfaces; i++)
        abstract_iface_methods(t, out, ik->interfaces[i], depth + 1);
}

static int translate_class(jv_tr *tp, tb_buf *out);

/* Forwarders to the default methods of the program interface iface (and
 * its superinterfaces) for a class whose chain does not declare them:
 * each calls the interface's static __dflt_NAME with the receiver.
 * k is the class (NULL for a lambda's, which declares only its one
 * method, sam); done remembers the names written (at most 64). */
void jv_forwarders(const jv_class *const *prog, int nprog, const jv_class *k, const char *sam, const char *iface,
                   tb_buf *out, char done[][JV_NAMELEN], int *ndone, int depth)
{
    const jv_class *ik = jv_find(prog, nprog, iface);
    if (!ik || depth > 64)
        return;
    jv_tr t = {.c = k, .prog = prog, .nprog = nprog};
    char mangled[JV_NAMELEN], pi[JV_NAMELEN], kinds[256];
    jv_phantom_class(iface, pi, sizeof pi);
    for (uint16_t i = 0; i < ik->nmethods; i++) {
        const jv_method *m = &ik->methods[i];
        if (m->flags & (JV_ACC_STATIC | JV_ACC_ABSTRACT | 0x0002))
            continue;
        jv_mangle(m->name, m->desc, mangled, sizeof mangled);
        if (k ? class_has(&t, k->name, m->name, m->desc, 0) : !strcmp(mangled, sam))
            continue;
        bool seen = false;
        for (int d = 0; d < *ndone && !seen; d++)
            seen = !strcmp(done[d], mangled);
        if (seen || *ndone >= 64)
            continue;
        snprintf(done[(*ndone)++], JV_NAMELEN, "%s", mangled);
        int na = jv_arg_kinds(m->desc, kinds);
        tb_printf(out, ".method %s ", mangled);
        jv_args(out, na);
        tb_printf(out, "\n");
        for (int a = 0; a <= na; a++)
            tb_printf(out, "    load %d\n", a);
        tb_printf(out, "    invokestatic %s __dflt_%s ", pi, mangled);
        jv_args(out, na + 1);
        tb_printf(out, "\n    return\n.end\n");
    }
    for (uint16_t i = 0; i < ik->ninterfaces; i++)
        jv_forwarders(prog, nprog, k, sam, ik->interfaces[i], out, done, ndone, depth + 1);
}

int jv_translate(const jv_class *c, const jv_class *const *prog, int nprog, tb_buf *out, jv_error *err)
{
    tb_buf extra = {0};
    jv_tr t = {.c = c, .prog = prog, .nprog = nprog, .err = err, .extra = &extra};
    int rc = translate_class(&t, out);
    if (rc == 0)
        tb_put(out, extra.p ? extra.p : "", extra.n);
    tb_free(&extra);
    if (rc == 0 && (out->oom || extra.oom)) {
        snprintf(err->msg, sizeof err->msg, "out of host memory");
        return JV_E_NOMEM;
    }
    return rc;
}

static int translate_class(jv_tr *tp, tb_buf *out)
{
    jv_tr t = *tp;
    const jv_class *c = t.c;
    const jv_class *const *prog = t.prog;
    int nprog = t.nprog;
    jv_error *err = t.err;
    char me[NAMELEN], sup[NAMELEN];
    bool iface = c->flags & JV_ACC_INTERFACE;
    if (jv_pclass(&t, c->name, me, sizeof me) < 0 || jv_pclass(&t, c->super ? c->super : "java/lang/Object", sup, sizeof sup) < 0)
        return t.rc;
    if (jv_find(prog, nprog, c->name) != c)
        return jv_fail(&t, JV_E_FORMAT, "the class is given twice"), t.rc;
    if (iface)
        tb_printf(out, ".interface %s\n", me);
    else
        tb_printf(out, ".class%s%s %s extends %s\n", (c->flags & JV_ACC_ABSTRACT) ? " abstract" : "",
                      (c->flags & JV_ACC_FINAL) ? " final" : "", me, sup);
    if (c->ninterfaces) {
        tb_printf(out, ".implements");
        for (uint16_t i = 0; i < c->ninterfaces; i++) {
            char in[NAMELEN];
            if (jv_pclass(&t, c->interfaces[i], in, sizeof in) < 0)
                return t.rc;
            tb_printf(out, " %s", in);
        }
        tb_printf(out, "\n");
    }
    if (c->source) {
        tb_put(out, ".source ", 8);
        jv_quote(out, c->source, strlen(c->source));
        tb_put(out, "\n", 1);
    }
    tb_printf(out, ".field static __state\n");
    for (uint16_t i = 0; i < c->nfields; i++) {
        char fname[NAMELEN];
        jv_mangle(c->fields[i].name, "()V", fname, sizeof fname);
        *strstr(fname, "__") = 0;
        for (uint16_t k = 0; k < i; k++)
            if (!strcmp(c->fields[k].name, c->fields[i].name))
                return jv_fail(&t, JV_E_UNSUPPORTED, "two fields named %s", c->fields[i].name), t.rc;
        const char *type = type_of(c->fields[i].desc);
        tb_printf(out, ".field%s %s%s%s\n", (c->fields[i].flags & JV_ACC_STATIC) ? " static" : "", fname,
                  type ? " : " : "", type ? type : "");
    }
    if (helpers(&t, out, me, sup) < 0)
        return t.rc;
    for (uint16_t i = 0; i < c->nmethods; i++) {
        t.m = &c->methods[i];
        if (jv_method_out(&t, out) < 0)
            return t.rc;
    }
    t.m = NULL;
    if (!iface) {
        static char done[64][JV_NAMELEN];
        int ndone = 0;
        for (uint16_t i = 0; i < c->ninterfaces; i++)
            jv_forwarders(prog, nprog, c, NULL, c->interfaces[i], out, done, &ndone, 0);
    }
    if ((c->flags & JV_ACC_ABSTRACT) && !iface)
        for (const char *k = c->name; k; ) {
            const jv_class *pk = jv_find(prog, nprog, k);
            if (!pk)
                break;
            for (uint16_t i = 0; i < pk->ninterfaces; i++)
                abstract_iface_methods(&t, out, pk->interfaces[i], 0);
            k = pk->super;
        }
    if (out->oom) {
        snprintf(err->msg, sizeof err->msg, "out of host memory");
        return JV_E_NOMEM;
    }
    return 0;
}
