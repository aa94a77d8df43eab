/*
 * jv_lambda.c - lambdas and method references: the classes behind
 * LambdaMetafactory.metafactory call sites (JVMS 6.5 invokedynamic,
 * java.lang.invoke.LambdaMetafactory).
 *
 * javac compiles a lambda into a private method of its class (or names
 * an existing one, for a method reference) and an invokedynamic whose
 * bootstrap arguments are the interface method's erased type, the
 * implementation method and the instantiated type.  Here each call site
 * gets a class of its own, .jvm.C$$Lambda$N, implementing the functional
 * interface: its fields hold the captured values, its one method loads
 * them and its own arguments and calls the implementation, boxing or
 * unboxing where the erased interface type and the implementation's
 * differ (Function<String,Integer> f = Integer::parseInt returns a boxed
 * Integer from an int).  What the JVM would adapt in other ways is
 * refused, naming the site.
 */
#include <stdio.h>
#include <string.h>

#include "jv_internal.h"

/* The box class and its unboxing method for a primitive descriptor. */
static const struct {
    char prim;
    const char *box, *unbox;
} boxes[] = {
    {'I', "java/lang/Integer", "intValue____I"},   {'J', "java/lang/Long", "longValue____J"},
    {'D', "java/lang/Double", "doubleValue____D"}, {'F', "java/lang/Float", "floatValue____F"},
    {'Z', "java/lang/Boolean", "booleanValue____Z"}, {'C', "java/lang/Character", "charValue____C"},
};

static int box_of(char prim)
{
    for (size_t i = 0; i < sizeof boxes / sizeof boxes[0]; i++)
        if (boxes[i].prim == prim)
            return (int)i;
    return -1;
}

static bool is_ref(char d)
{
    return d == 'L' || d == '[';
}

/* Converts the value on the stack from descriptor type `from` to `to`
 * (boxing, unboxing, or nothing between references or equal types). */
static int adapt(tb_buf *out, char from, char to, char *why, size_t whylen)
{
    if (from == to || (is_ref(from) && is_ref(to)))
        return 0;
    if (!is_ref(from) && is_ref(to) && box_of(from) >= 0) {
        const char *b = boxes[box_of(from)].box;
        char pc[JV_NAMELEN], m[64];
        jv_phantom_class(b, pc, sizeof pc);
        char d[4] = {'(', from, ')', 0};
        char full[96];
        snprintf(full, sizeof full, "%sL%s;", d, b);
        jv_mangle("valueOf", full, m, sizeof m);
        tb_printf(out, "    invokestatic %s %s (*)*\n", pc, m);
        return 0;
    }
    if (is_ref(from) && !is_ref(to) && box_of(to) >= 0) {
        char pc[JV_NAMELEN];
        jv_phantom_class(boxes[box_of(to)].box, pc, sizeof pc);
        tb_printf(out, "    invokevirtual %s %s ()*\n", pc, boxes[box_of(to)].unbox);
        return 0;
    }
    snprintf(why, whylen, "a lambda whose types differ from its interface's by a primitive conversion (%c to %c)",
             from, to);
    return JV_E_UNSUPPORTED;
}


/* A lambda's class implements its interface's default methods too. */
static void forwarders(const jv_class *const *prog, int nprog, const char *iface, const char *sam, tb_buf *out)
{
    static char done[64][JV_NAMELEN];
    int ndone = 0;
    jv_forwarders(prog, nprog, NULL, sam, iface, out, done, &ndone, 0);
}

int jv_lambda_class(const jv_class *c, uint16_t indy, int site, const jv_class *const *prog, int nprog, tb_buf *out,
                    char *cls, size_t clslen, int *ncap, char *why, size_t whylen)
{
    const jv_bootstrap *b = &c->bootstraps[c->cp[indy].a];
    const jv_cp *nt = &c->cp[c->cp[indy].b];
    const char *sam = jv_utf8(c, nt->a), *site_desc = jv_utf8(c, nt->b);
    if (b->nargs != 3 || c->cp[b->args[0]].tag != JV_C_MTYPE || c->cp[b->args[1]].tag != JV_C_MHANDLE ||
        c->cp[b->args[2]].tag != JV_C_MTYPE) {
        snprintf(why, whylen, "a LambdaMetafactory call whose arguments are not (MethodType, MethodHandle, MethodType)");
        return JV_E_UNSUPPORTED;
    }
    const char *sam_desc = jv_utf8(c, c->cp[b->args[0]].a);
    const jv_cp *mh = &c->cp[b->args[1]];
    const jv_cp *ref = &c->cp[mh->a];
    const char *impl_cls = jv_class_name(c, ref->a);
    const jv_cp *rnt = &c->cp[ref->b];
    const char *impl_name = jv_utf8(c, rnt->a), *impl_desc = jv_utf8(c, rnt->b);
    const char *ret = strchr(site_desc, ')') + 1;
    if (ret[0] != 'L' || mh->kind < 5 || !impl_cls || impl_cls[0] == '[') {
        snprintf(why, whylen, "a LambdaMetafactory call site of a kind not supported");
        return JV_E_UNSUPPORTED;
    }
    char iface[JV_NAMELEN];
    snprintf(iface, sizeof iface, "%.*s", (int)(strchr(ret, ';') - ret - 1), ret + 1);
    char me[JV_NAMELEN], pi[JV_NAMELEN], pimpl[JV_NAMELEN], mangled[JV_NAMELEN], impl_m[JV_NAMELEN];
    jv_phantom_class(c->name, me, sizeof me);
    snprintf(cls, clslen, "%s$$Lambda$%d", me, site);
    jv_phantom_class(iface, pi, sizeof pi);
    jv_phantom_class(impl_cls, pimpl, sizeof pimpl);
    jv_mangle(sam, sam_desc, mangled, sizeof mangled);
    jv_mangle(impl_name, impl_desc, impl_m, sizeof impl_m);

    const char *caps[256], *sargs[256], *iargs[256];
    int ncaps = jv_desc_args(site_desc, caps);
    int nsam = jv_desc_args(sam_desc, sargs);
    int nimpl = jv_desc_args(impl_desc, iargs);
    bool has_recv = mh->kind == 5 || mh->kind == 7 || mh->kind == 9;
    bool is_new = mh->kind == 8;
    if (ncaps + nsam != nimpl + has_recv) {
        snprintf(why, whylen, "a lambda whose implementation takes %d values for %d captured and %d passed",
                 nimpl + has_recv, ncaps, nsam);
        return JV_E_UNSUPPORTED;
    }
    *ncap = ncaps;
    tb_printf(out, ".class final %s extends .jvm.java.lang.Object\n.implements %s\n", cls, pi);
    for (int i = 0; i < ncaps; i++)
        tb_printf(out, ".field cap%d\n", i);
    tb_printf(out, ".method %s ", mangled);
    jv_args(out, nsam);
    tb_printf(out, "\n");
    if (is_new) {
        tb_printf(out, "    new %s\n", pimpl);
        if (jv_find(prog, nprog, impl_cls))
            tb_printf(out, "    dup\n    invokevirtual %s __zero ()*\n    pop\n", pimpl);
        tb_printf(out, "    dup\n");
    }
    /* the implementation's arguments: captured values, then the
     * interface method's own; a receiver is the first of them */
    for (int i = 0; i < ncaps + nsam; i++) {
        if (i < ncaps)
            tb_printf(out, "    load 0\n    getfield %s cap%d\n", cls, i);
        else
            tb_printf(out, "    load %d\n", i - ncaps + 1);
        int k = i - has_recv;
        char from = i < ncaps ? *caps[i] : *sargs[i - ncaps];
        char to = k < 0 ? 'L' : *iargs[k];
        if (adapt(out, from, to, why, whylen) < 0)
            return JV_E_UNSUPPORTED;
    }
    const char *kw = mh->kind == 6 ? "invokestatic" : mh->kind == 7 || is_new ? "invokespecial" : "invokevirtual";
    const jv_class *ik = jv_find(prog, nprog, impl_cls);
    for (uint16_t i = 0; ik && i < ik->nmethods; i++)
        if (!strcmp(ik->methods[i].name, impl_name) && !strcmp(ik->methods[i].desc, impl_desc) &&
            (ik->methods[i].flags & 0x0002) && mh->kind != 6)
            kw = "invokespecial"; /* a private method is never dispatched */
    if (!strcmp(impl_cls, "java/lang/String")) {
        tb_printf(out, "    invokestatic .jvm.java.lang.String %s ", impl_m);
        jv_args(out, nimpl + has_recv);
    } else if (!strcmp(impl_cls, "java/lang/Object")) {
        snprintf(why, whylen, "a method reference to a method of Object");
        return JV_E_UNSUPPORTED;
    } else {
        if (mh->kind == 6 && jv_find(prog, nprog, impl_cls) && strcmp(impl_cls, c->name) != 0)
            tb_printf(out, "    getstatic %s __state\n    jt init\n    invokestatic %s __jinit ()*\n    pop\ninit:\n",
                          pimpl, pimpl);
        tb_printf(out, "    %s %s %s ", kw, pimpl, impl_m);
        jv_args(out, nimpl);
    }
    tb_printf(out, "\n");
    char iret = *(strchr(impl_desc, ')') + 1), sret = *(strchr(sam_desc, ')') + 1);
    if (is_new) {
        tb_printf(out, "    pop\n");
        iret = 'L';
    }
    if (sret == 'V') {
        tb_printf(out, "    pop\n    retvoid\n.end\n");
        forwarders(prog, nprog, iface, mangled, out);
        return 0;
    }
    if (iret == 'V') {
        snprintf(why, whylen, "a void method where the interface returns a value");
        return JV_E_UNSUPPORTED;
    }
    if (adapt(out, iret, sret, why, whylen) < 0)
        return JV_E_UNSUPPORTED;
    tb_printf(out, "    return\n.end\n");
    forwarders(prog, nprog, iface, mangled, out);
    return 0;
}
