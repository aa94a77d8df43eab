/*
 * jv_method.c - translating a JVM method into Phantom assembly.
 *
 * Each method is translated by following its control flow from offset 0
 * and from every handler whose range holds reached code, with the JVM
 * operand stack's value kinds (int, long, float, double, reference)
 * known at each instruction.  Invariants of a translated method:
 *  - the JVM stack of n entries is the Phantom stack of n values (a long
 *    or double is one Phantom value), so pop2/dup2 and friends are
 *    chosen by the kinds of the entries they move;
 *  - JVM local slot k is Phantom local k (the arguments are moved to
 *    their JVM slots by a prologue), the locals past max_locals are
 *    scratch space for the instructions that need some;
 *  - every reached instruction at offset pc starts at label Lpc, and only
 *    reached code is emitted (dead code never runs, and cannot fail
 *    verification);
 *  - an exception the VM raises (.phantom.RuntimeException: a null
 *    receiver, division by zero, ...) is turned into its Java class by
 *    .javart.rt.convert before any Java handler sees it: each run of code
 *    with the same handlers gets a converting handler first, whose stub
 *    rethrows under the same Java handlers.
 * Anything not translated exactly is refused, naming class, method,
 * offset and instruction.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jv_internal.h"
#include "jv_ops.h"

#define RT JV_RT
#define NAMELEN JV_NAMELEN

static int unsupported(jv_tr *t, const char *what)
{
    const char *op = jv_op_name(t->m->code[t->pc]);
    return jv_fail(t, JV_E_UNSUPPORTED, "%s: %s", op ? op : "?", what);
}


/* The class an instanceof or checkcast tests: Object and String are the
 * VM's own, every array is a Phantom array. */
static int test_class(jv_tr *t, const char *jname, char *buf, size_t n)
{
    if (jname[0] == '[')
        snprintf(buf, n, ".internal.container.array");
    else if (!strcmp(jname, "java/lang/Object"))
        snprintf(buf, n, ".internal.object");
    else if (!strcmp(jname, "java/lang/String"))
        snprintf(buf, n, ".internal.string");
    else
        return jv_pclass(t, jname, buf, n);
    return 0;
}

/* ---- the abstract stack --------------------------------------------------- */

static bool wide_kind(char k)
{
    return k == 'J' || k == 'D';
}

/* Pops the entries of the kinds given (bottom first; 'x' any one-slot
 * or two-slot value), as the JVM's verifier requires them. */
static int popk(jv_tr *t, const char *kinds)
{
    int n = (int)strlen(kinds);
    if (t->sp < n)
        return jv_fail(t, JV_E_FORMAT, "%s: stack underflow", jv_op_name(t->m->code[t->pc]));
    for (int i = 0; i < n; i++) {
        char have = t->cur[t->sp - n + i];
        if (kinds[i] != 'x' && have != kinds[i])
            return jv_fail(t, JV_E_FORMAT, "%s: operand %d is %s, not %s", jv_op_name(t->m->code[t->pc]), i + 1,
                           jv_kind_name(have), jv_kind_name(kinds[i]));
    }
    t->sp -= n;
    return 0;
}

static int push(jv_tr *t, char k)
{
    int slots = 0;
    for (int i = 0; i < t->sp; i++)
        slots += wide_kind(t->cur[i]) ? 2 : 1;
    if (slots + (wide_kind(k) ? 2 : 1) > t->m->max_stack)
        return jv_fail(t, JV_E_FORMAT, "%s: stack overflow (max_stack %u)", jv_op_name(t->m->code[t->pc]),
                    (unsigned)t->m->max_stack);
    t->cur[t->sp++] = k;
    return 0;
}

static char top(jv_tr *t, int i)
{
    return t->sp > i ? t->cur[t->sp - 1 - i] : 0;
}

/* Records the stack and the locals' kinds for a successor and queues
 * it.  Another path must bring the same stack; a local whose kind
 * differs between paths becomes unusable ('T') there, which queues the
 * successor again to check its uses (its translation does not change). */
static int flow(jv_tr *t, uint32_t to, const char *stack, int depth)
{
    const jv_method *m = t->m;
    if (to >= m->code_len)
        return jv_fail(t, JV_E_FORMAT, "jump target %u is outside the code (length %u)", (unsigned)to,
                    (unsigned)m->code_len);
    bool queue = false;
    if (t->depth[to] >= 0) {
        if (t->depth[to] != depth)
            return jv_fail(t, JV_E_FORMAT, "stack depth %d on one path into offset %u, %d on another", depth,
                        (unsigned)to, t->depth[to]);
        for (int i = 0; i < depth; i++)
            if (t->st[to][i] != stack[i])
                return jv_fail(t, JV_E_FORMAT, "the stack into offset %u differs between paths", (unsigned)to);
        for (int i = 0; i < t->nloc; i++)
            if (t->lk[to][i] != t->curl[i] && t->lk[to][i] != 'T') {
                t->lk[to][i] = 'T';
                queue = true;
            }
    } else {
        t->st[to] = malloc((size_t)depth + 1);
        t->lk[to] = malloc((size_t)t->nloc + 1);
        if (!t->st[to] || !t->lk[to])
            return jv_fail(t, JV_E_NOMEM, "out of host memory");
        memcpy(t->st[to], stack, (size_t)depth);
        memcpy(t->lk[to], t->curl, (size_t)t->nloc);
        t->depth[to] = depth;
        queue = true;
    }
    if (queue && !t->queued[to]) {
        t->queued[to] = true;
        t->work[t->nwork++] = to;
    }
    return 0;
}

/* A load of local idx as kind k: the local must hold one. */
static int use_local(jv_tr *t, unsigned idx, char k)
{
    if (idx >= (unsigned)t->nloc || (wide_kind(k) && idx + 1 >= (unsigned)t->nloc))
        return jv_fail(t, JV_E_FORMAT, "local %u is not below max_locals %d", idx, t->nloc);
    if (t->curl[idx] != k)
        return jv_fail(t, JV_E_FORMAT, "%s: local %u holds %s, not %s", jv_op_name(t->m->code[t->pc]), idx,
                       jv_kind_name(t->curl[idx]), jv_kind_name(k));
    return 0;
}

/* A store of kind k into local idx (a long or double takes two). */
static int set_local(jv_tr *t, unsigned idx, char k)
{
    if (idx >= (unsigned)t->nloc || (wide_kind(k) && idx + 1 >= (unsigned)t->nloc))
        return jv_fail(t, JV_E_FORMAT, "local %u is not below max_locals %d", idx, t->nloc);
    if (idx > 0 && wide_kind(t->curl[idx - 1]))
        t->curl[idx - 1] = 'T';
    t->curl[idx] = k;
    if (wide_kind(k))
        t->curl[idx + 1] = 'T';
    return 0;
}

/* ---- emitting --------------------------------------------------------------- */

#define E(...) tb_printf(&t->ins[t->pc], __VA_ARGS__)

static int scratch(jv_tr *t, int n)
{
    if (t->nscratch < n)
        t->nscratch = n;
    return t->scratch;
}

static uint16_t u2at(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static int32_t s4at(const uint8_t *p)
{
    return (int32_t)((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]);
}

static char ret_kind(const char *desc)
{
    const char *r = strchr(desc, ')') + 1;
    return *r == 'V' ? 0 : jv_kind_of(*r);
}

/* ---- class initialisation (JVMS 5.5) ----------------------------------------
 * A program class C has a static __state and a static __jinit() that, the
 * first time, zeroes C's statics, initialises its superclass, and runs
 * C's <clinit>.  Code of another class calls it before the first use of
 * C (new, a static field, a static method); C's own code needs no check. */

static void init_guard(jv_tr *t, const char *owner)
{
    if (!strcmp(owner, t->c->name) || !jv_find(t->prog, t->nprog, owner))
        return;
    char pc[NAMELEN];
    jv_phantom_class(owner, pc, sizeof pc);
    E("    getstatic %s __state\n    jt L%u_i\n    invokestatic %s __jinit ()*\n    pop\nL%u_i:\n", pc,
      (unsigned)t->pc, pc, (unsigned)t->pc);
}

/* The program class that declares the static field or method named
 * (searching the superclasses and superinterfaces, JVMS 5.4.3.2), or
 * the named class when it is the library's. */
static const char *declaring(jv_tr *t, const char *cls, const char *name, const char *desc, bool field, int depth)
{
    const jv_class *k = jv_find(t->prog, t->nprog, cls);
    if (!k || depth > 64)
        return cls;
    if (field) {
        for (uint16_t i = 0; i < k->nfields; i++)
            if (!strcmp(k->fields[i].name, name) && !strcmp(k->fields[i].desc, desc))
                return k->name;
        for (uint16_t i = 0; i < k->ninterfaces; i++) {
            const char *o = declaring(t, k->interfaces[i], name, desc, true, depth + 1);
            const jv_class *ok = jv_find(t->prog, t->nprog, o);
            if (ok && ok != jv_find(t->prog, t->nprog, k->interfaces[i]))
                return o;
            for (uint16_t f = 0; ok && f < ok->nfields; f++)
                if (!strcmp(ok->fields[f].name, name))
                    return o;
        }
    } else {
        for (uint16_t i = 0; i < k->nmethods; i++)
            if (!strcmp(k->methods[i].name, name) && !strcmp(k->methods[i].desc, desc))
                return k->name;
    }
    return k->super ? declaring(t, k->super, name, desc, field, depth + 1) : cls;
}

/* The interface that declares a method called through a program
 * interface: the VM looks a method reference up in the named class and
 * its superclasses only, so a method a superinterface declares is called
 * through that one.  NULL if the program's interfaces do not declare it. */
static const char *iface_declaring(jv_tr *t, const char *cls, const char *name, const char *desc, int depth)
{
    const jv_class *k = jv_find(t->prog, t->nprog, cls);
    if (!k || !(k->flags & JV_ACC_INTERFACE) || depth > 64)
        return NULL;
    if (jv_find_method(k, name, desc))
        return k->name;
    for (uint16_t i = 0; i < k->ninterfaces; i++) {
        const char *d = iface_declaring(t, k->interfaces[i], name, desc, depth + 1);
        if (d)
            return d;
        if (!jv_find(t->prog, t->nprog, k->interfaces[i]))
            return k->interfaces[i]; /* a library interface: it declares what it inherits */
    }
    return NULL;
}

/* ---- member references ------------------------------------------------------ */

typedef struct ref {
    const char *cls, *name, *desc;
} ref;

static int get_ref(jv_tr *t, uint16_t i, uint8_t tag1, uint8_t tag2, ref *r)
{
    const jv_class *c = t->c;
    if (!i || i >= c->ncp || (c->cp[i].tag != tag1 && c->cp[i].tag != tag2))
        return jv_fail(t, JV_E_FORMAT, "%s: constant %u is not a %s reference", jv_op_name(t->m->code[t->pc]),
                    (unsigned)i, tag1 == JV_C_FIELDREF ? "field" : "method");
    r->cls = jv_class_name(c, c->cp[i].a);
    const jv_cp *nt = &c->cp[c->cp[i].b];
    r->name = jv_utf8(c, nt->a);
    r->desc = jv_utf8(c, nt->b);
    return 0;
}

/* Calls on receivers that may be strings (String's own methods, and
 * Object's, Comparable's and CharSequence's, which a string answers too)
 * go to static helpers that take the receiver first. */
static const struct {
    const char *cls, *name, *desc, *helper_cls, *helper;
} receiver_helpers[] = {
    {"java/lang/Object", "hashCode", "()I", ".jvm.java.lang.Object", "s_hashCode"},
    {"java/lang/Object", "equals", "(Ljava/lang/Object;)Z", ".jvm.java.lang.Object", "s_equals"},
    {"java/lang/Object", "toString", "()Ljava/lang/String;", ".jvm.java.lang.Object", "s_toString"},
    {"java/lang/Comparable", "compareTo", "(Ljava/lang/Object;)I", ".jvm.java.lang.Object", "s_compareTo"},
    {"java/lang/CharSequence", "length", "()I", ".jvm.java.lang.Object", "s_length"},
    {"java/lang/CharSequence", "charAt", "(I)C", ".jvm.java.lang.Object", "s_charAt"},
    {"java/lang/CharSequence", "toString", "()Ljava/lang/String;", ".jvm.java.lang.Object", "s_toString"},
    /* a Class is the VM's class object (what a class literal pushes) */
    {"java/lang/Class", "getName", "()Ljava/lang/String;", ".jvm.java.lang.Class", "getName"},
    {"java/lang/Class", "getSimpleName", "()Ljava/lang/String;", ".jvm.java.lang.Class", "getSimpleName"},
    {"java/lang/Class", "toString", "()Ljava/lang/String;", ".jvm.java.lang.Class", "toString"},
    {"java/lang/Class", "isInstance", "(Ljava/lang/Object;)Z", ".jvm.java.lang.Class", "isInstance"},
    {"java/lang/Class", "hashCode", "()I", ".jvm.java.lang.Object", "s_hashCode"},
    {"java/lang/Class", "equals", "(Ljava/lang/Object;)Z", ".jvm.java.lang.Object", "s_equals"},
};

/* Whether program class or interface cls implements the library
 * interface iface (java/lang/Iterable: through any java.util interface). */
static bool implements_lib(jv_tr *t, const char *cls, const char *iface, int depth)
{
    const jv_class *k = jv_find(t->prog, t->nprog, cls);
    if (!k || depth > 64)
        return false;
    for (uint16_t i = 0; i < k->ninterfaces; i++) {
        const char *n = k->interfaces[i];
        if (!strcmp(n, iface) || (!strcmp(iface, "java/lang/Iterable") && !strncmp(n, "java/util/", 10)) ||
            implements_lib(t, n, iface, depth + 1))
            return true;
    }
    return k->super && implements_lib(t, k->super, iface, depth + 1);
}

/* Calls that become static helpers taking the receiver first: Object's
 * final methods, which javac names through whatever class the receiver
 * has (cls NULL), and default methods of the library's interfaces, which
 * a Phantom interface cannot hold (named through that interface). */
static const struct {
    const char *cls, *name, *desc, *helper_cls, *helper;
} static_helpers[] = {
    {NULL, "getClass", "()Ljava/lang/Class;", ".jvm.java.lang.Class", "of"},
    {NULL, "wait", "()V", ".jvm.java.lang.Monitor", "wait____V"},
    {NULL, "wait", "(J)V", ".jvm.java.lang.Monitor", "wait__J__V"},
    {NULL, "wait", "(JI)V", ".jvm.java.lang.Monitor", "wait__JI__V"},
    {NULL, "notify", "()V", ".jvm.java.lang.Monitor", "notify____V"},
    {NULL, "notifyAll", "()V", ".jvm.java.lang.Monitor", "notifyAll____V"},
    {"java/util/Comparator", "reversed", "()Ljava/util/Comparator;", ".jvm.java.util.ChainOrder", "reversed"},
    {"java/util/Comparator", "thenComparing", "(Ljava/util/Comparator;)Ljava/util/Comparator;",
     ".jvm.java.util.ChainOrder", "then"},
    {"java/util/Comparator", "thenComparing", "(Ljava/util/function/Function;)Ljava/util/Comparator;",
     ".jvm.java.util.ChainOrder", "thenKey"},
    {"java/util/Comparator", "thenComparingInt", "(Ljava/util/function/ToIntFunction;)Ljava/util/Comparator;",
     ".jvm.java.util.ChainOrder", "thenIntKey"},
    {"java/lang/Iterable", "forEach", "(Ljava/util/function/Consumer;)V", ".jvm.java.util.ChainOrder",
     "iterableForEach"},
};

static int emit_invoke(jv_tr *t, uint8_t op, ref *r, bool is_interface)
{
    char kinds[256], mangled[NAMELEN], pc[NAMELEN];
    int n = jv_arg_kinds(r->desc, kinds);
    bool has_recv = op != 184;
    char want[260];
    want[0] = 'A';
    memcpy(want + has_recv, kinds, (size_t)n);
    want[n + has_recv] = 0;
    if (popk(t, want) < 0)
        return -1;
    char rk = ret_kind(r->desc);
    (void)is_interface;
    if (r->cls[0] == '[') {
        if (!strcmp(r->name, "clone") && !strcmp(r->desc, "()Ljava/lang/Object;")) {
            E("    invokestatic " RT " arrayClone (*)*\n");
            return push(t, 'A');
        }
        return unsupported(t, "this method of arrays is not supported");
    }
    jv_mangle(r->name, r->desc, mangled, sizeof mangled);
    if (op != 184 && op != 183) {
        /* Object's methods called through a library class or interface
         * (List.equals) may reach a string or a box: the helpers too */
        bool lib_owner = !jv_find(t->prog, t->nprog, r->cls) && strcmp(r->cls, "java/lang/String") != 0 &&
                         strcmp(r->cls, "java/lang/Class") != 0;
        for (size_t i = 0; i < sizeof receiver_helpers / sizeof receiver_helpers[0]; i++)
            if ((!strcmp(r->cls, receiver_helpers[i].cls) ||
                 (lib_owner && !strcmp(receiver_helpers[i].cls, "java/lang/Object"))) &&
                !strcmp(r->name, receiver_helpers[i].name) && !strcmp(r->desc, receiver_helpers[i].desc)) {
                E("    invokestatic %s %s (*%s)*\n", receiver_helpers[i].helper_cls, receiver_helpers[i].helper,
                  n ? ",*" : "");
                return rk ? push(t, rk) : 0;
            }
        /* a program class (over Object) that does not declare the
         * method gets the default of a library interface it implements */
        bool own = jv_find(t->prog, t->nprog, r->cls) &&
                   !strcmp(declaring(t, r->cls, r->name, r->desc, false, 0), "java/lang/Object");
        for (size_t i = 0; i < sizeof static_helpers / sizeof static_helpers[0]; i++)
            if ((!static_helpers[i].cls || !strcmp(r->cls, static_helpers[i].cls) ||
                 (own && implements_lib(t, r->cls, static_helpers[i].cls, 0))) &&
                !strcmp(r->name, static_helpers[i].name) && !strcmp(r->desc, static_helpers[i].desc)) {
                E("    invokestatic %s %s (*", static_helpers[i].helper_cls, static_helpers[i].helper);
                for (int a = 0; a < n; a++)
                    E(",*");
                E(")*\n");
                goto after_call;
            }
        if (!strcmp(r->cls, "java/lang/Object") || !strcmp(r->cls, "java/lang/Comparable") ||
            !strcmp(r->cls, "java/lang/CharSequence") || !strcmp(r->cls, "java/lang/Class")) {
            char msg[NAMELEN + 64];
            snprintf(msg, sizeof msg, "%s.%s%s is not supported", r->cls, r->name, r->desc);
            return unsupported(t, msg);
        }
    }
    char args[2 * 258 + 4];
    int total = n + (has_recv && (!strcmp(r->cls, "java/lang/String")) ? 1 : 0);
    size_t o = 0;
    args[o++] = '(';
    for (int i = 0; i < total; i++) {
        if (i)
            args[o++] = ',';
        args[o++] = '*';
    }
    args[o++] = ')';
    args[o] = 0;
    if (!strcmp(r->cls, "java/lang/String")) {
        /* String is the VM's string: its methods are static helpers */
        if (!strcmp(r->name, "<init>"))
            return unsupported(t, "new String(...) is not supported (strings are the VM's immutable strings)");
        E("    invokestatic .jvm.java.lang.String %s %s*\n", mangled, args);
    } else if (op == 183 && !strcmp(r->cls, "java/lang/Object") && !strcmp(r->name, "<init>")) {
        E("    pop\n");   /* Object's constructor does nothing */
        return 0;
    } else {
        if (jv_pclass(t, r->cls, pc, sizeof pc) < 0)
            return -1;
        const char *kw = "invokevirtual";
        /* a program method called by the wrong instruction is an error
         * the JVM reports when linking (IncompatibleClassChangeError) */
        const jv_method *target = jv_find_method(
            jv_find(t->prog, t->nprog, declaring(t, r->cls, r->name, r->desc, false, 0)), r->name, r->desc);
        if (target && ((op == 184) != !!(target->flags & JV_ACC_STATIC)))
            return jv_fail(t, JV_E_FORMAT, "%s of the %s method %s.%s%s", jv_op_name(op),
                           (target->flags & JV_ACC_STATIC) ? "static" : "instance", r->cls, r->name, r->desc);
        if (op == 184) {
            const char *owner = declaring(t, r->cls, r->name, r->desc, false, 0);
            init_guard(t, owner);
            kw = "invokestatic";
        } else if (op == 183) {
            kw = "invokespecial";
            const jv_class *ik = jv_find(t->prog, t->nprog, r->cls);
            if (ik && (ik->flags & JV_ACC_INTERFACE)) {
                E("    invokestatic %s __dflt_%s (*", pc, mangled);
                for (int k = 0; k < n; k++)
                    E(",*");
                E(")*\n");
                goto after_call;
            }
        } else {
            const char *via = iface_declaring(t, r->cls, r->name, r->desc, 0);
            if (via && strcmp(via, r->cls) != 0 && jv_pclass(t, via, pc, sizeof pc) < 0)
                return -1;
            const jv_class *k = jv_find(t->prog, t->nprog, declaring(t, r->cls, r->name, r->desc, false, 0));
            const jv_method *tm = jv_find_method(k, r->name, r->desc);
            if (tm && (tm->flags & 0x0002) && (k->flags & JV_ACC_INTERFACE)) {
                /* a private interface method: its static body */
                char kp[NAMELEN];
                jv_phantom_class(k->name, kp, sizeof kp);
                E("    invokestatic %s __dflt_%s (*", kp, mangled);
                for (int a = 0; a < n; a++)
                    E(",*");
                E(")*\n");
                goto after_call;
            }
            if (tm && (tm->flags & 0x0002))   /* private: never dispatched */
                kw = "invokespecial";
        }
        E("    %s %s %s %s*\n", kw, pc, mangled, args);
    }
after_call:
    if (!rk) {
        E("    pop\n");
        return 0;
    }
    return push(t, rk);
}

/* A lambda or method reference: an instance of the class jv_lambda.c
 * makes for the site, holding the captured values. */
static int emit_lambda(jv_tr *t, uint16_t i, const char *desc)
{
    char cls[NAMELEN], why[300];
    int ncap;
    if (jv_lambda_class(t->c, i, t->nsites++, t->prog, t->nprog, t->extra, cls, sizeof cls, &ncap, why, sizeof why) < 0)
        return unsupported(t, why);
    char want[260];
    int nk = jv_arg_kinds(desc, want);
    want[nk] = 0;
    if (nk != ncap || popk(t, want) < 0)
        return nk != ncap ? jv_fail(t, JV_E_FORMAT, "invokedynamic: the call site's type does not fit") : -1;
    int base = scratch(t, ncap);
    for (int k = ncap; k-- > 0;)
        E("    store %d\n", base + k);
    E("    new %s\n", cls);
    for (int k = 0; k < ncap; k++)
        E("    dup\n    load %d\n    putfield %s cap%d\n", base + k, cls, k);
    return push(t, 'A');
}

/* invokedynamic: string concatenation (StringConcatFactory) and lambdas. */
static int emit_indy(jv_tr *t, uint16_t i)
{
    const jv_class *c = t->c;
    if (!i || i >= c->ncp || c->cp[i].tag != JV_C_INDY)
        return jv_fail(t, JV_E_FORMAT, "invokedynamic: constant %u is not an InvokeDynamic constant", (unsigned)i);
    const jv_bootstrap *b = &c->bootstraps[c->cp[i].a];
    const jv_cp *mh = &c->cp[b->handle];
    ref bm;
    if (get_ref(t, mh->a, JV_C_METHODREF, JV_C_IMETHODREF, &bm) < 0)
        return -1;
    const char *desc = jv_utf8(c, c->cp[c->cp[i].b].b);
    if (!strcmp(bm.cls, "java/lang/invoke/LambdaMetafactory") && !strcmp(bm.name, "metafactory"))
        return emit_lambda(t, i, desc);
    if (strcmp(bm.cls, "java/lang/invoke/StringConcatFactory") != 0 || strcmp(bm.name, "makeConcatWithConstants") != 0) {
        char msg[NAMELEN + 80];
        snprintf(msg, sizeof msg,
                 "bootstrap method %s.%s is not supported (only string concatenation and lambdas)", bm.cls, bm.name);
        return unsupported(t, msg);
    }
    if (b->nargs < 1 || c->cp[b->args[0]].tag != JV_C_STRING || !c->cp[c->cp[b->args[0]].a].str)
        return unsupported(t, "makeConcatWithConstants without a recipe string Phantom can hold");
    const char *recipe = c->cp[c->cp[b->args[0]].a].str;
    const char *argds[256];
    int n = jv_desc_args(desc, argds);
    char want[260];
    for (int k = 0; k < n; k++)
        want[k] = jv_kind_of(*argds[k]);
    want[n] = 0;
    if (popk(t, want) < 0)
        return -1;
    int base = scratch(t, n);
    for (int k = n; k-- > 0;)
        E("    store %d\n", base + k);
    E("    pushconst \"\"\n");
    int arg = 0, nconst = 1;
    const char *lit = recipe;
    for (const char *p = recipe;; p++) {
        if (*p && *p != 1 && *p != 2)
            continue;
        if (p > lit) {
            tb_put(&t->ins[t->pc], "    pushconst ", 14);
            jv_quote(&t->ins[t->pc], lit, (size_t)(p - lit));
            E("\n    concat\n");
        }
        if (!*p)
            break;
        if (*p == 1) {
            if (arg >= n)
                return unsupported(t, "the concatenation recipe has more arguments than the call");
            const char *d = argds[arg];
            E("    load %d\n", base + arg);
            switch (*d) {
            case 'Z': E("    invokestatic " RT " strZ (*)*\n"); break;
            case 'C': E("    invokestatic " RT " strC (*)*\n"); break;
            case 'F': E("    invokestatic .jvm.java.lang.Float toString__F__Ljava_lang_String_2 (*)*\n"); break;
            case 'D': E("    invokestatic .jvm.java.lang.Double toString__D__Ljava_lang_String_2 (*)*\n"); break;
            default: E("    tostring\n"); break;
            }
            E("    concat\n");
            arg++;
        } else {
            if (nconst >= b->nargs || c->cp[b->args[nconst]].tag != JV_C_STRING ||
                !c->cp[c->cp[b->args[nconst]].a].str)
                return unsupported(t, "a concatenation constant that is not a string");
            const jv_cp *s = &c->cp[c->cp[b->args[nconst]].a];
            tb_put(&t->ins[t->pc], "    pushconst ", 14);
            jv_quote(&t->ins[t->pc], s->str, s->len);
            E("\n    concat\n");
            nconst++;
        }
        lit = p + 1;
    }
    if (arg != n)
        return unsupported(t, "the concatenation recipe has fewer arguments than the call");
    return push(t, 'A');
}

static int emit_ldc(jv_tr *t, uint16_t i, bool wide2)
{
    const jv_class *c = t->c;
    if (!i || i >= c->ncp)
        return jv_fail(t, JV_E_FORMAT, "ldc: constant %u does not exist", (unsigned)i);
    const jv_cp *k = &c->cp[i];
    bool two = k->tag == JV_C_LONG || k->tag == JV_C_DOUBLE;
    if (two != wide2)
        return jv_fail(t, JV_E_FORMAT, "%s: constant %u has the wrong size", wide2 ? "ldc2_w" : "ldc", (unsigned)i);
    switch (k->tag) {
    case JV_C_INTEGER: E("    pushint %" PRId32 "\n", (int32_t)(uint32_t)k->bits); return push(t, 'I');
    case JV_C_FLOAT: E("    pushconst floatbits 0x%08" PRIx32 "\n", (uint32_t)k->bits); return push(t, 'F');
    case JV_C_LONG: E("    pushconst %" PRId64 "L\n", (int64_t)k->bits); return push(t, 'J');
    case JV_C_DOUBLE: E("    pushconst doublebits 0x%016" PRIx64 "\n", k->bits); return push(t, 'D');
    case JV_C_STRING: {
        const jv_cp *s = &c->cp[k->a];
        if (!s->str) {
            char msg[120];
            snprintf(msg, sizeof msg, "a string constant holding %s is not supported", s->str_bad);
            return unsupported(t, msg);
        }
        tb_put(&t->ins[t->pc], "    pushconst ", 14);
        jv_quote(&t->ins[t->pc], s->str, s->len);
        E("\n");
        return push(t, 'A');
    }
    case JV_C_CLASS: {
        /* a class literal: the class object (what Enum.valueOf needs) */
        char pc[NAMELEN];
        const char *cn = jv_class_name(c, i);
        if (cn[0] == '[')
            return unsupported(t, "class literals of array types are not supported");
        if (test_class(t, cn, pc, sizeof pc) < 0)
            return -1;
        E("    pushconst class %s\n", pc);
        return push(t, 'A');
    }
    default:
        return unsupported(t, "method handle, method type and dynamic constants are not supported");
    }
}

/* A compare-and-branch: the JVM's lcmp/fcmp/dcmp followed by if<cond>
 * becomes one Phantom comparison, with NaN going the way fcmpl/fcmpg say. */
static void emit_branch(jv_tr *t, int cond, uint8_t cmp, uint32_t target)
{
    /* cond: 0 eq, 1 ne, 2 lt, 3 ge, 4 gt, 5 le */
    static const char *const rel[] = {"eq", "ne", "lt", "ge", "gt", "le"};
    static const char *const inv[] = {"ne", "eq", "ge", "lt", "le", "gt"};
    bool nan_true = (cmp == 149 || cmp == 151) ? (cond == 2 || cond == 5)   /* fcmpl/dcmpl: NaN is -1 */
                  : (cmp == 150 || cmp == 152) ? (cond == 3 || cond == 4)   /* fcmpg/dcmpg: NaN is 1 */
                  : false;
    if (cond == 1)
        nan_true = cmp != 148;
    if (nan_true && cond != 1)
        E("    %s\n    jf L%u\n", inv[cond], (unsigned)target);
    else if (cond == 2)
        E("    jlt L%u\n", (unsigned)target);
    else if (cond == 3)
        E("    jge L%u\n", (unsigned)target);
    else
        E("    %s\n    jt L%u\n", rel[cond], (unsigned)target);
}

/* The kinds of the n entries on top (at most 4): ok when they can be
 * moved as a group of exactly `slots` JVM slots. */
static int group(jv_tr *t, int slots)
{
    int n = 0, s = 0;
    while (s < slots) {
        if (n >= t->sp)
            return -1;
        s += wide_kind(top(t, n)) ? 2 : 1;
        n++;
    }
    return s == slots ? n : -1;
}

/* dup_x2, dup2, dup2_x1, dup2_x2: copies the top group of `a` slots
 * below the next group of `b` slots, through scratch locals. */
static int emit_dup_group(jv_tr *t, int a, int b)
{
    int na = group(t, a);
    if (na < 0)
        return jv_fail(t, JV_E_FORMAT, "%s: the stack's top entries do not form its operands", jv_op_name(t->m->code[t->pc]));
    int nb = 0;
    if (b) {
        t->sp -= na;
        nb = group(t, b);
        t->sp += na;
        if (nb < 0)
            return jv_fail(t, JV_E_FORMAT, "%s: the stack's entries do not form its operands", jv_op_name(t->m->code[t->pc]));
    }
    char moved[8];
    for (int i = 0; i < na + nb; i++)
        moved[i] = t->cur[t->sp - na - nb + i];
    if (nb == 0 && na == 1)
        E("    dup\n");
    else if (nb == 0 && na == 2)
        E("    dup2\n");
    else if (nb == 1 && na == 1)
        E("    dupx1\n");
    else if (nb == 2 && na == 1)
        E("    dupx2\n");
    else {
        int base = scratch(t, na + nb);
        for (int i = na + nb; i-- > 0;)
            E("    store %d\n", base + i);
        for (int i = 0; i < na; i++)
            E("    load %d\n", base + nb + i);
        for (int i = 0; i < na + nb; i++)
            E("    load %d\n", base + i);
    }
    t->sp -= na + nb;
    for (int i = 0; i < na; i++)
        if (push(t, moved[nb + i]) < 0)
            return -1;
    for (int i = 0; i < na + nb; i++)
        if (push(t, moved[i]) < 0)
            return -1;
    return 0;
}

static int emit_switch(jv_tr *t, uint8_t op, const uint8_t *code, uint32_t pc)
{
    uint32_t p = (pc + 4) & ~3u;
    uint32_t dflt = (uint32_t)((int64_t)pc + s4at(code + p));
    if (popk(t, "I") < 0)
        return -1;
    int k = scratch(t, 1);
    E("    store %d\n", k);
    if (op == 170) {
        int32_t lo = s4at(code + p + 4), hi = s4at(code + p + 8);
        for (int64_t v = lo; v <= hi; v++) {
            uint32_t to = (uint32_t)((int64_t)pc + s4at(code + p + 12 + (v - lo) * 4));
            if (flow(t, to, t->cur, t->sp) < 0)
                return -1;
            E("    load %d\n    pushint %" PRId64 "\n    eq\n    jt L%u\n", k, v, (unsigned)to);
        }
    } else {
        int32_t np = s4at(code + p + 4);
        for (int32_t i = 0; i < np; i++) {
            int32_t v = s4at(code + p + 8 + i * 8);
            if (i && v <= s4at(code + p + i * 8))
                return jv_fail(t, JV_E_FORMAT, "lookupswitch: keys are not in increasing order");
            uint32_t to = (uint32_t)((int64_t)pc + s4at(code + p + 12 + i * 8));
            if (flow(t, to, t->cur, t->sp) < 0)
                return -1;
            E("    load %d\n    pushint %" PRId32 "\n    eq\n    jt L%u\n", k, v, (unsigned)to);
        }
    }
    E("    jmp L%u\n", (unsigned)dflt);
    return flow(t, dflt, t->cur, t->sp);
}

/* xaload and xastore.  A load is the VM's aload: its exceptions for a
 * null array or an index out of range (negative, or past the end)
 * become NullPointerException and ArrayIndexOutOfBoundsException with
 * Java's message (.javart.rt.convert).  A store checks the index against
 * the length first, as Phantom's astore would grow the array (a negative
 * index it refuses, as aload does); only a failing store calls the
 * .javart.rt helper, which throws Java's exception with Java's message.
 * Stores into byte, char and short arrays truncate the value as the JVM
 * does. */
static int emit_array(jv_tr *t, uint8_t op)
{
    bool store = op >= 79;
    static const char elem[] = "IJFDAIII";
    char want[4] = {'A', 'I', store ? elem[op - 79] : 0, 0};
    if (popk(t, want) < 0)
        return -1;
    if (!store) {
        E("    aload\n");
        return push(t, "IJFDAIII"[op - 46]);
    }
    int base = scratch(t, 3);
    unsigned pc = (unsigned)t->pc;
    E("    store %d\n    store %d\n    store %d\n"
      "    load %d\n    load %d\n    alen\n    jge L%u_x\n"
      "    load %d\n    load %d\n    load %d\n",
      base + 2, base + 1, base, base + 1, base, pc, base, base + 1, base + 2);
    if (op == 84)
        E("    pushint 24\n    shl\n    pushint 24\n    shr\n");
    else if (op == 85)
        E("    pushint 65535\n    band\n");
    else if (op == 86)
        E("    pushint 16\n    shl\n    pushint 16\n    shr\n");
    E("    astore\n    jmp L%u_y\nL%u_x:\n    load %d\n    load %d\n    load %d\n"
      "    invokestatic " RT " astore (*,*,*)*\n    pop\nL%u_y:\n",
      pc, pc, base, base + 1, base + 2, pc);
    return 0;
}

/* One instruction at t->pc, its stack in t->cur; queues its successors.
 * *skip is set when the next instruction was folded into this one. */
static int step(jv_tr *t, uint32_t len, uint32_t *skip)
{
    const jv_method *m = t->m;
    const uint8_t *code = m->code;
    uint32_t pc = t->pc;
    uint8_t op = code[pc];
    bool falls = true;
    char pcls[NAMELEN];
    ref r;
    *skip = 0;
    if (op == 196) { /* wide */
        uint8_t w = code[pc + 1];
        uint16_t idx = u2at(code + pc + 2);
        if (idx >= m->max_locals)
            return jv_fail(t, JV_E_FORMAT, "wide: local %u is not below max_locals %u", idx, m->max_locals);
        if (w == 132) {
            if (use_local(t, idx, 'I') < 0)
                return -1;
            E("    inclocal %u %d\n", idx, (int16_t)u2at(code + pc + 4));
        } else if (w >= 21 && w <= 25) {
            if (use_local(t, idx, "IJFDA"[w - 21]) < 0)
                return -1;
            E("    load %u\n", idx);
            if (push(t, "IJFDA"[w - 21]) < 0)
                return -1;
        } else if (w >= 54 && w <= 58) {
            char k[2] = {"IJFDA"[w - 54], 0};
            if (popk(t, k) < 0 || set_local(t, idx, k[0]) < 0)
                return -1;
            E("    store %u\n", idx);
        } else {
            return unsupported(t, "wide ret (subroutines) is not supported");
        }
        return flow(t, pc + len, t->cur, t->sp);
    }
    if ((op >= 21 && op <= 45) || (op >= 54 && op <= 78) || op == 132) {
        unsigned idx;
        if (op <= 25 || (op >= 54 && op <= 58) || op == 132)
            idx = code[pc + 1];
        else if (op <= 45)
            idx = (unsigned)(op - 26) % 4;
        else
            idx = (unsigned)(op - 59) % 4;
        if (idx >= m->max_locals)
            return jv_fail(t, JV_E_FORMAT, "local %u is not below max_locals %u", idx, (unsigned)m->max_locals);
        if (op == 132) {
            if (use_local(t, idx, 'I') < 0)
                return -1;
            E("    inclocal %u %d\n", idx, (int8_t)code[pc + 2]);
        } else if (op <= 45) {
            int kind = op <= 25 ? op - 21 : (op - 26) / 4;
            if (use_local(t, idx, "IJFDA"[kind]) < 0)
                return -1;
            E("    load %u\n", idx);
            if (push(t, "IJFDA"[kind]) < 0)
                return -1;
        } else {
            int kind = op <= 58 ? op - 54 : (op - 59) / 4;
            char k[2] = {"IJFDA"[kind], 0};
            if (popk(t, k) < 0 || set_local(t, idx, k[0]) < 0)
                return -1;
            E("    store %u\n", idx);
        }
        return flow(t, pc + len, t->cur, t->sp);
    }
    switch (op) {
    case 0: break;
    case 1: E("    pushnull\n"); if (push(t, 'A') < 0) return -1; break;
    case 2: case 3: case 4: case 5: case 6: case 7: case 8:
        E("    pushint %d\n", op - 3);
        if (push(t, 'I') < 0) return -1;
        break;
    case 9: case 10: E("    pushconst %dL\n", op - 9); if (push(t, 'J') < 0) return -1; break;
    case 11: case 12: case 13: E("    pushconst %d.0f\n", op - 11); if (push(t, 'F') < 0) return -1; break;
    case 14: case 15: E("    pushconst %d.0\n", op - 14); if (push(t, 'D') < 0) return -1; break;
    case 16: E("    pushint %d\n", (int8_t)code[pc + 1]); if (push(t, 'I') < 0) return -1; break;
    case 17: E("    pushint %d\n", (int16_t)u2at(code + pc + 1)); if (push(t, 'I') < 0) return -1; break;
    case 18: if (emit_ldc(t, code[pc + 1], false) < 0) return -1; break;
    case 19: if (emit_ldc(t, u2at(code + pc + 1), false) < 0) return -1; break;
    case 20: if (emit_ldc(t, u2at(code + pc + 1), true) < 0) return -1; break;
    case 46: case 47: case 48: case 49: case 50: case 51: case 52: case 53:
    case 79: case 80: case 81: case 82: case 83: case 84: case 85: case 86:
        if (emit_array(t, op) < 0) return -1;
        break;
    case 87: /* pop */
        if (wide_kind(top(t, 0))) return jv_fail(t, JV_E_FORMAT, "pop of a long or double");
        if (popk(t, "x") < 0) return -1;
        E("    pop\n");
        break;
    case 88: { /* pop2 */
        int n = group(t, 2);
        if (n < 0) return jv_fail(t, JV_E_FORMAT, "pop2: the top entries are not two slots");
        t->sp -= n;
        E(n == 1 ? "    pop\n" : "    pop\n    pop\n");
        break;
    }
    case 89: if (emit_dup_group(t, 1, 0) < 0) return -1; break;
    case 90: if (emit_dup_group(t, 1, 1) < 0) return -1; break;
    case 91: if (emit_dup_group(t, 1, 2) < 0) return -1; break;
    case 92: if (emit_dup_group(t, 2, 0) < 0) return -1; break;
    case 93: if (emit_dup_group(t, 2, 1) < 0) return -1; break;
    case 94: if (emit_dup_group(t, 2, 2) < 0) return -1; break;
    case 95: {
        if (t->sp < 2 || wide_kind(top(t, 0)) || wide_kind(top(t, 1)))
            return jv_fail(t, JV_E_FORMAT, "swap needs two one-slot entries");
        char a = top(t, 0), b = top(t, 1);
        t->cur[t->sp - 1] = b;
        t->cur[t->sp - 2] = a;
        E("    swap\n");
        break;
    }
    case 96 ... 115: {
        static const char *const ar[] = {"add", "sub", "mul", "div", "rem"};
        char k = "IJFD"[(op - 96) % 4];
        char kk[3] = {k, k, 0};
        if (popk(t, kk) < 0) return -1;
        E("    %s\n", ar[(op - 96) / 4]);
        if (push(t, k) < 0) return -1;
        break;
    }
    case 116 ... 119: {
        char k1[2] = {"IJFD"[op - 116], 0};
        if (popk(t, k1) < 0) return -1;
        E("    neg\n");
        if (push(t, "IJFD"[op - 116]) < 0) return -1;
        break;
    }
    case 120 ... 131: {
        static const char *const bi[] = {"shl", "shr", "ushr", "band", "bor", "bxor"};
        bool lng = (op - 120) % 2;
        if (popk(t, !lng ? "II" : op < 126 ? "JI" : "JJ") < 0) return -1;
        E("    %s\n", bi[(op - 120) / 2]);
        if (push(t, (op - 120) % 2 ? 'J' : 'I') < 0) return -1;
        break;
    }
    case 133 ... 144: {
        static const char from[] = "IIIJJJFFFDDD";
        static const char to[] = "JFDIFDIJDIJF";
        static const char *const conv[] = {"long", "float", "double", "int", "float", "double",
                                           "int", "long", "double", "int", "long", "float"};
        char k1[2] = {from[op - 133], 0};
        if (popk(t, k1) < 0) return -1;
        E("    conv %s\n", conv[op - 133]);
        if (push(t, to[op - 133]) < 0) return -1;
        break;
    }
    case 145 ... 147:
        if (popk(t, "I") < 0 || push(t, 'I') < 0) return -1;
        if (op == 145) E("    pushint 24\n    shl\n    pushint 24\n    shr\n");          /* i2b */
        else if (op == 146) E("    pushint 65535\n    band\n");                          /* i2c */
        else E("    pushint 16\n    shl\n    pushint 16\n    shr\n");                   /* i2s */
        break;
    case 148 ... 152: {
        if (popk(t, op == 148 ? "JJ" : op <= 150 ? "FF" : "DD") < 0) return -1;
        uint32_t next = pc + len;
        uint8_t nop = next < m->code_len ? code[next] : 0;
        bool target_of_jump = false;
        for (uint16_t h = 0; h < m->nhandlers; h++)
            if (m->handlers[h].target == next)
                target_of_jump = true;
        /* folding needs the if to be reached only from here; javac
         * always emits it so, and a jump into it is detected below */
        if (nop >= 153 && nop <= 158 && !target_of_jump && next + 3 <= m->code_len && t->depth[next] < 0) {
            uint32_t to = (uint32_t)((int64_t)next + (int16_t)u2at(code + next + 1));
            emit_branch(t, nop - 153, op, to);
            if (flow(t, to, t->cur, t->sp) < 0)
                return -1;
            *skip = next;
            return flow(t, next + 3, t->cur, t->sp);
        }
        static const char *const h[] = {"lcmp", "fcmpl", "fcmpg", "dcmpl", "dcmpg"};
        E("    invokestatic " RT " %s (*,*)*\n", h[op - 148]);
        if (push(t, 'I') < 0) return -1;
        break;
    }
    case 153 ... 166: case 198: case 199: {
        uint32_t to = (uint32_t)((int64_t)pc + (int16_t)u2at(code + pc + 1));
        if (popk(t, op <= 158 ? "I" : op <= 164 ? "II" : op <= 166 ? "AA" : "A") < 0) return -1;
        if (op == 153 || op == 198) E("    jf L%u\n", (unsigned)to);
        else if (op == 154 || op == 199) E("    jt L%u\n", (unsigned)to);
        else if (op <= 158) { E("    pushint 0\n"); emit_branch(t, op - 153, 148, to); }
        else if (op <= 164) emit_branch(t, op - 159, 148, to);
        else E("    %s\n    jt L%u\n", op == 165 ? "refeq" : "refne", (unsigned)to);
        if (flow(t, to, t->cur, t->sp) < 0) return -1;
        break;
    }
    case 167: case 200: {
        int32_t off = op == 167 ? (int16_t)u2at(code + pc + 1) : s4at(code + pc + 1);
        uint32_t to = (uint32_t)((int64_t)pc + off);
        E("    jmp L%u\n", (unsigned)to);
        if (flow(t, to, t->cur, t->sp) < 0) return -1;
        falls = false;
        break;
    }
    case 168: case 169: case 201: return unsupported(t, "subroutines (jsr/ret, before Java 6) are not supported");
    case 170: case 171:
        if (emit_switch(t, op, code, pc) < 0) return -1;
        falls = false;
        break;
    case 172 ... 176: {
        char k1[2] = {"IJFDA"[op - 172], 0};
        char want = jv_kind_of(*(strchr(m->desc, ')') + 1));
        if (*(strchr(m->desc, ')') + 1) == 'V' || want != k1[0])
            return jv_fail(t, JV_E_FORMAT, "%s in a method returning %s", jv_op_name(op), strchr(m->desc, ')') + 1);
        if (popk(t, k1) < 0) return -1;
        E("    return\n");
        falls = false;
        break;
    }
    case 177:
        if (*(strchr(m->desc, ')') + 1) != 'V')
            return jv_fail(t, JV_E_FORMAT, "return in a method returning %s", strchr(m->desc, ')') + 1);
        E("    retvoid\n");
        falls = false;
        break;
    case 178: case 179: case 180: case 181: {
        if (get_ref(t, u2at(code + pc + 1), JV_C_FIELDREF, JV_C_FIELDREF, &r) < 0) return -1;
        if (r.cls[0] == '[') return unsupported(t, "a field of an array class");
        bool is_static = op <= 179;
        const char *owner = is_static ? declaring(t, r.cls, r.name, r.desc, true, 0) : r.cls;
        const jv_class *fk = jv_find(t->prog, t->nprog, declaring(t, r.cls, r.name, r.desc, true, 0));
        for (uint16_t f = 0; fk && f < fk->nfields; f++)
            if (!strcmp(fk->fields[f].name, r.name) && is_static != !!(fk->fields[f].flags & JV_ACC_STATIC))
                return jv_fail(t, JV_E_FORMAT, "%s of the %s field %s.%s", jv_op_name(op),
                               is_static ? "instance" : "static", fk->name, r.name);
        if (jv_pclass(t, owner, pcls, sizeof pcls) < 0) return -1;
        char fname[NAMELEN];
        jv_mangle(r.name, "()V", fname, sizeof fname);
        *strstr(fname, "__") = 0;
        if (is_static)
            init_guard(t, owner);
        static const char *const fop[] = {"getstatic", "putstatic", "getfield", "putfield"};
        char fkinds[3] = {'A', jv_kind_of(r.desc[0]), 0};
        if (op == 179 && popk(t, fkinds + 1) < 0) return -1;
        if (op == 181 && popk(t, fkinds) < 0) return -1;
        if (op == 180 && popk(t, "A") < 0) return -1;
        E("    %s %s %s\n", fop[op - 178], pcls, fname);
        if (op == 178 || op == 180) { if (push(t, jv_kind_of(r.desc[0])) < 0) return -1; }
        break;
    }
    case 182: case 183: case 184: case 185: {
        uint8_t t1 = op == 185 ? JV_C_IMETHODREF : op == 182 ? JV_C_METHODREF : JV_C_METHODREF;
        uint8_t t2 = op == 182 ? JV_C_METHODREF : JV_C_IMETHODREF;
        if (get_ref(t, u2at(code + pc + 1), t1, t2, &r) < 0) return -1;
        if (!strcmp(r.name, "<init>") && op != 183)
            return jv_fail(t, JV_E_FORMAT, "%s of a constructor", jv_op_name(op));
        if (op == 185 && (code[pc + 3] == 0 || code[pc + 4] != 0))
            return jv_fail(t, JV_E_FORMAT, "invokeinterface: bad count or trailing byte");
        if (emit_invoke(t, op, &r, op == 185) < 0) return -1;
        break;
    }
    case 186:
        if (code[pc + 3] || code[pc + 4])
            return jv_fail(t, JV_E_FORMAT, "invokedynamic: the two bytes after the index are not 0");
        if (emit_indy(t, u2at(code + pc + 1)) < 0) return -1;
        break;
    case 187: { /* new */
        const char *cn = jv_class_name(t->c, u2at(code + pc + 1));
        if (!cn || cn[0] == '[') return jv_fail(t, JV_E_FORMAT, "new: not a class constant");
        if (!strcmp(cn, "java/lang/String"))
            return unsupported(t, "new String(...) is not supported (strings are the VM's immutable strings)");
        if (jv_pclass(t, cn, pcls, sizeof pcls) < 0) return -1;
        init_guard(t, cn);
        E("    new %s\n", pcls);
        if (jv_find(t->prog, t->nprog, cn))
            E("    dup\n    invokevirtual %s __zero ()*\n    pop\n", pcls);
        if (push(t, 'A') < 0) return -1;
        break;
    }
    case 188: { /* newarray */
        static const char *const zero[] = {"pushint 0", "pushint 0", "pushconst 0.0f", "pushconst 0.0",
                                           "pushint 0", "pushint 0", "pushint 0", "pushconst 0L"};
        uint8_t at = code[pc + 1];
        if (at < 4 || at > 11) return jv_fail(t, JV_E_FORMAT, "newarray: element type %u is not 4..11", at);
        if (popk(t, "I") < 0) return -1;
        E("    %s\n    invokestatic " RT " newarray (*,*)*\n", zero[at - 4]);
        if (push(t, 'A') < 0) return -1;
        break;
    }
    case 189: /* anewarray */
        if (!jv_class_name(t->c, u2at(code + pc + 1))) return jv_fail(t, JV_E_FORMAT, "anewarray: not a class constant");
        if (popk(t, "I") < 0) return -1;
        E("    pushnull\n    invokestatic " RT " newarray (*,*)*\n");
        if (push(t, 'A') < 0) return -1;
        break;
    case 197: { /* multianewarray */
        const char *cn = jv_class_name(t->c, u2at(code + pc + 1));
        int dims = code[pc + 3], tdims = 0;
        if (!cn) return jv_fail(t, JV_E_FORMAT, "multianewarray: not a class constant");
        while (cn[tdims] == '[')
            tdims++;
        if (dims < 1 || dims > tdims) return jv_fail(t, JV_E_FORMAT, "multianewarray: %d dimensions of %s", dims, cn);
        char want[260];
        memset(want, 'I', (size_t)dims);
        want[dims] = 0;
        if (popk(t, want) < 0) return -1;
        int base = scratch(t, dims + 1);
        for (int i = dims; i-- > 0;)
            E("    store %d\n", base + i);
        E("    pushint %d\n    newarray\n    store %d\n", dims, base + dims);
        for (int i = 0; i < dims; i++)
            E("    load %d\n    pushint %d\n    load %d\n    astore\n", base + dims, i, base + i);
        char leaf = dims < tdims ? 'L' : cn[tdims];
        E("    load %d\n    %s\n    invokestatic " RT " multi (*,*)*\n", base + dims,
          leaf == 'L' ? "pushnull" : leaf == 'J' ? "pushconst 0L" : leaf == 'F' ? "pushconst 0.0f"
          : leaf == 'D' ? "pushconst 0.0" : "pushint 0");
        if (push(t, 'A') < 0) return -1;
        break;
    }
    case 190: if (popk(t, "A") < 0) return -1; E("    alen\n"); if (push(t, 'I') < 0) return -1; break;
    case 191: if (popk(t, "A") < 0) return -1; E("    throw\n"); falls = false; break;
    case 192: case 193: { /* checkcast, instanceof */
        const char *cn = jv_class_name(t->c, u2at(code + pc + 1));
        if (!cn) return jv_fail(t, JV_E_FORMAT, "%s: not a class constant", jv_op_name(op));
        if (popk(t, "A") < 0) return -1;
        char tc[NAMELEN];
        bool str_iface = !strcmp(cn, "java/lang/Comparable") || !strcmp(cn, "java/lang/CharSequence");
        if (test_class(t, cn, tc, sizeof tc) < 0) return -1;
        /* strings are Comparable and CharSequence too */
        const char *test = str_iface ? (cn[10] == 'C' && cn[11] == 'o' ? "isComparable" : "isCharSequence") : NULL;
        if (op == 192) {
            if (strcmp(tc, ".internal.object") != 0) {
                E("    dup\n");
                if (test) E("    invokestatic " RT " %s (*)*\n", test);
                else E("    instanceof %s\n", tc);
                E("    jt L%u_c\n    dup\n    jf L%u_c\n    pushconst ", (unsigned)pc, (unsigned)pc);
                char jn[NAMELEN];
                snprintf(jn, sizeof jn, "%s", cn);
                for (char *p = jn; *p; p++)
                    if (*p == '/') *p = '.';
                jv_quote(&t->ins[pc], jn, strlen(jn));
                E("\n    invokestatic " RT " cce (*,*)*\n    throw\nL%u_c:\n", (unsigned)pc);
            }
            if (push(t, 'A') < 0) return -1;
        } else {
            if (test) E("    invokestatic " RT " %s (*)*\n", test);
            else E("    instanceof %s\n", tc);
            E("    jf L%u_f\n    pushint 1\n    jmp L%u_e\nL%u_f:\n    pushint 0\nL%u_e:\n", (unsigned)pc,
              (unsigned)pc, (unsigned)pc, (unsigned)pc);
            if (push(t, 'I') < 0) return -1;
        }
        break;
    }
    case 194: case 195:
        if (popk(t, "A") < 0) return -1;
        E("    %s\n", op == 194 ? "monitorenter" : "monitorexit");
        break;
    default: {
        return unsupported(t, "this instruction is not supported");
    }
    }
    if (!falls)
        return 0;
    if (pc + len >= m->code_len)
        return jv_fail(t, JV_E_FORMAT, "control falls off the end of the code");
    return flow(t, pc + len, t->cur, t->sp);
}

static bool covers(const jv_handler *h, uint32_t pc)
{
    return pc >= h->start && pc < h->end;
}

/* Handler catch class: any for finally (0), else the Java class. */
static int catch_class(jv_tr *t, uint16_t ct, char *buf, size_t n)
{
    if (!ct) {
        snprintf(buf, n, "any");
        return 0;
    }
    return jv_pclass(t, jv_class_name(t->c, ct), buf, n);
}

static int method_body(jv_tr *t, tb_buf *out)
{
    const jv_method *m = t->m;
    uint32_t len = m->code_len;
    t->ins = calloc(len, sizeof *t->ins);
    t->st = calloc(len, sizeof *t->st);
    t->depth = malloc(len * sizeof *t->depth);
    t->work = malloc((len + 1) * sizeof *t->work);
    uint32_t *lens = calloc(len, sizeof *lens);
    bool *folded = calloc(len, sizeof *folded);
    t->nloc = m->max_locals;
    t->lk = calloc(len, sizeof *t->lk);
    t->queued = calloc(len, sizeof *t->queued);
    t->curl = malloc((size_t)t->nloc + 1);
    int rc = -1;
    if ((uint64_t)len * (t->nloc + 1) > (64u << 20)) {
        jv_fail(t, JV_E_UNSUPPORTED, "the method is too large to translate (%u bytes of code, %d locals)",
                (unsigned)len, t->nloc);
        goto out;
    }
    if (!t->ins || !t->st || !t->depth || !t->work || !lens || !folded || !t->lk || !t->queued || !t->curl) {
        jv_fail(t, JV_E_NOMEM, "out of host memory");
        goto out;
    }
    for (uint32_t i = 0; i < len; i++)
        t->depth[i] = -1;
    /* decode every instruction once: lengths, and instruction starts */
    for (uint32_t pc = 0; pc < len;) {
        t->pc = pc;
        uint32_t n = jv_op_length(m->code, len, pc);
        if (!n) {
            const char *name = jv_op_name(m->code[pc]);
            if (name)
                jv_fail(t, JV_E_FORMAT, "%s is cut off or malformed", name);
            else
                jv_fail(t, JV_E_FORMAT, "unknown opcode %u", (unsigned)m->code[pc]);
            goto out;
        }
        lens[pc] = n;
        pc += n;
    }
    /* the locals at entry: the receiver and the arguments */
    {
        bool st_ = m->flags & JV_ACC_STATIC;
        char kinds[256];
        int na = jv_arg_kinds(m->desc, kinds);
        memset(t->curl, 'T', (size_t)t->nloc);
        unsigned k = 0;
        if (!st_)
            set_local(t, k++, 'A');
        for (int i = 0; i < na; i++) {
            set_local(t, k, kinds[i]);
            k += wide_kind(kinds[i]) ? 2 : 1;
        }
    }
    t->pc = 0;
    if (flow(t, 0, "", 0) < 0)
        goto out;
    while (t->nwork) {
        uint32_t pc = t->work[--t->nwork];
        t->queued[pc] = false;
        if (!lens[pc]) {
            t->pc = pc;
            jv_fail(t, JV_E_FORMAT, "a jump or handler targets offset %u, inside an instruction", (unsigned)pc);
            goto out;
        }
        if (folded[pc]) {
            t->pc = pc;
            jv_fail(t, JV_E_UNSUPPORTED, "a jump into the middle of a comparison and its branch");
            goto out;
        }
        t->pc = pc;
        memcpy(t->cur, t->st[pc], (size_t)t->depth[pc]);
        t->sp = t->depth[pc];
        memcpy(t->curl, t->lk[pc], (size_t)t->nloc);
        t->ins[pc].n = 0; /* a second visit (a local merged) translates it again, the same way */
        if (t->ins[pc].p)
            t->ins[pc].p[0] = 0;
        for (uint16_t h = 0; h < m->nhandlers; h++)
            if (covers(&m->handlers[h], pc)) {
                if (!lens[m->handlers[h].target] || !lens[m->handlers[h].start] ||
                    (m->handlers[h].end < len && !lens[m->handlers[h].end])) {
                    jv_fail(t, JV_E_FORMAT, "handler %u's offsets are not instruction starts", (unsigned)h);
                    goto out;
                }
                if (flow(t, m->handlers[h].target, "A", 1) < 0)
                    goto out;
            }
        uint32_t skip;
        t->pc = pc;
        if (step(t, lens[pc], &skip) < 0)
            goto out;
        if (skip) {
            if (t->depth[skip] >= 0) {
                t->pc = skip;
                jv_fail(t, JV_E_UNSUPPORTED, "a jump into the middle of a comparison and its branch");
                goto out;
            }
            folded[skip] = true;
            t->depth[skip] = -2; /* reached as part of its comparison */
        }
    }
    /* the argument prologue: Phantom passes arguments in consecutive
     * locals, the JVM gives longs and doubles two slots each */
    bool is_static = m->flags & JV_ACC_STATIC;
    int slot[256], nargs = 0, s = !is_static;
    char kinds[256];
    int na = jv_arg_kinds(m->desc, kinds);
    for (int i = 0; i < na; i++) {
        slot[nargs++] = s;
        s += wide_kind(kinds[i]) ? 2 : 1;
    }
    for (int i = nargs; i-- > 0;)
        if (slot[i] != i + !is_static)
            tb_printf(out, "    load %d\n    store %d\n", i + !is_static, slot[i]);
    /* handlers: by runs of reached code with the same handlers */
    uint32_t nseg = 0;
    for (uint32_t pc = 0; pc < len;) {
        if (t->depth[pc] < 0 || folded[pc]) {
            pc += lens[pc] ? lens[pc] : 1;
            continue;
        }
        uint32_t end = pc + lens[pc];
        while (end < len && !(t->depth[end] >= 0 && !folded[end]) )
            end += lens[end] ? lens[end] : 1;
        bool any = false;
        for (uint16_t h = 0; h < m->nhandlers; h++)
            any |= covers(&m->handlers[h], pc);
        /* extend while the next reached instruction has the same handlers */
        while (end < len) {
            bool same = true;
            for (uint16_t h = 0; h < m->nhandlers && same; h++)
                same = covers(&m->handlers[h], pc) == covers(&m->handlers[h], end);
            if (!same)
                break;
            uint32_t e2 = end + lens[end];
            while (e2 < len && !(t->depth[e2] >= 0 && !folded[e2]))
                e2 += lens[e2] ? lens[e2] : 1;
            end = e2;
        }
        if (any) {
            char endl[32];
            if (end < len)
                snprintf(endl, sizeof endl, "L%u", (unsigned)end);
            else
                snprintf(endl, sizeof endl, "Lend");
            tb_printf(out, "    .catch .phantom.RuntimeException from L%u to %s using S%u\n", (unsigned)pc, endl,
                          (unsigned)nseg);
            for (uint16_t h = 0; h < m->nhandlers; h++)
                if (covers(&m->handlers[h], pc)) {
                    char cc[NAMELEN];
                    if (catch_class(t, m->handlers[h].catch_type, cc, sizeof cc) < 0)
                        goto out;
                    tb_printf(out, "    .catch %s from L%u to %s using L%u\n", cc, (unsigned)pc, endl,
                                  (unsigned)m->handlers[h].target);
                }
            for (uint16_t h = 0; h < m->nhandlers; h++)
                if (covers(&m->handlers[h], pc)) {
                    char cc[NAMELEN];
                    catch_class(t, m->handlers[h].catch_type, cc, sizeof cc);
                    tb_printf(out, "    .catch %s from S%u to S%ue using L%u\n", cc, (unsigned)nseg,
                                  (unsigned)nseg, (unsigned)m->handlers[h].target);
                }
            /* the stub's code goes after the method's: remember its run */
            t->work[nseg++] = pc;
        }
        pc = end;
    }
    /* the code, in offset order, with the line table */
    uint32_t line_i = 0;
    (void)line_i;
    for (uint32_t pc = 0; pc < len; pc += lens[pc] ? lens[pc] : 1) {
        if (t->depth[pc] < 0 && !folded[pc])
            continue;
        if (folded[pc])
            continue;
        for (uint32_t l = 0; l < m->nlines; l++)
            if (m->lines[l].pc == pc) {
                tb_printf(out, "    .line %u\n", (unsigned)m->lines[l].line);
                break;
            }
        tb_printf(out, "L%u:\n", (unsigned)pc);
        if (t->ins[pc].oom) {
            jv_fail(t, JV_E_NOMEM, "out of host memory");
            goto out;
        }
        tb_put(out, t->ins[pc].p ? t->ins[pc].p : "", t->ins[pc].n);
    }
    tb_printf(out, "Lend:\n");
    for (uint32_t k = 0; k < nseg; k++)
        tb_printf(out, "S%u:\n    invokestatic " RT " convert (*)*\n    throw\nS%ue:\n", (unsigned)k, (unsigned)k);
    rc = 0;
out:
    for (uint32_t i = 0; t->ins && i < len; i++)
        tb_free(&t->ins[i]);
    for (uint32_t i = 0; t->st && i < len; i++)
        free(t->st[i]);
    for (uint32_t i = 0; t->lk && i < len; i++)
        free(t->lk[i]);
    free(t->lk);
    free(t->queued);
    free(t->curl);
    t->lk = NULL;
    t->queued = NULL;
    t->curl = NULL;
    free(t->ins);
    free(t->st);
    free(t->depth);
    free(t->work);
    free(lens);
    free(folded);
    t->ins = NULL;
    t->st = NULL;
    t->depth = NULL;
    t->work = NULL;
    return rc;
}


int jv_method_out(jv_tr *t, tb_buf *out)
{
    const jv_method *m = t->m;
    const jv_class *c = t->c;
    bool iface = c->flags & JV_ACC_INTERFACE;
    bool is_static = m->flags & JV_ACC_STATIC;
    t->pc = 0;
    if (m->flags & JV_ACC_NATIVE)
        return jv_fail(t, JV_E_UNSUPPORTED, "native methods are not supported");
    char mangled[NAMELEN], kinds[256];
    jv_mangle(m->name, m->desc, mangled, sizeof mangled);
    int na = jv_arg_kinds(m->desc, kinds);
    /* An interface's default (or private) method: Phantom interfaces hold
     * only abstract and static methods, so the body becomes the static
     * __dflt_NAME(this, args...) and implementing classes get a method
     * that calls it (forwarders()); the interface declares it abstract. */
    bool dflt = iface && !is_static && !(m->flags & JV_ACC_ABSTRACT);
    if (dflt) {
        if (!(m->flags & 0x0002)) {
            tb_printf(out, ".method abstract %s ", mangled);
            jv_args(out, na);
            tb_printf(out, "\n.end\n");
        }
        tb_printf(out, ".method static __dflt_%s ", mangled);
        jv_args(out, na + 1);
    } else {
        bool ctor = !strcmp(m->name, "<init>") || (!is_static && (m->flags & 0x0002));
        tb_printf(out, ".method%s%s%s%s %s ", is_static ? " static" : "",
                      (m->flags & JV_ACC_ABSTRACT) ? " abstract" : "", ctor ? " ctor" : "",
                      (m->flags & JV_ACC_SYNCHRONIZED) ? " synchronized" : "", mangled);
        jv_args(out, na);
    }
    tb_put(out, "\n", 1);
    if (!m->has_code) {
        tb_printf(out, ".end\n");
        return 0;
    }
    int params = na + !is_static;
    t->scratch = m->max_locals > params ? m->max_locals : params;
    t->nscratch = 0;
    tb_buf body = {0};
    int rc = method_body(t, &body);
    if (rc == 0) {
        tb_printf(out, "    .locals %d\n", t->scratch + t->nscratch);
        tb_put(out, body.p ? body.p : "", body.n);
        tb_printf(out, ".end\n");
    }
    tb_free(&body);
    return rc;
}
