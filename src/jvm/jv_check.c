/*
 * jv_check.c - a translated program's references, checked at install
 * time: every Java class, method and field it names (.jvm.*) must be in
 * the program or in the Java class library, so that what the library
 * lacks is an error naming it before anything runs, never a
 * NoSuchMethodException in the middle of a run.
 */
#include <stdio.h>
#include <string.h>

#include "jvm.h"

static const pv_cf *find(pv_cf *const *cfs, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(pv_cf_class_name(cfs[i], cfs[i]->this_class), name))
            return cfs[i];
    return NULL;
}

/* Whether k or an ancestor (superclasses and interfaces, as far as the
 * classes at hand go) has a method (or field) of that name. */
static bool has_member(pv_cf *const *cfs, int n, const pv_cf *k, const char *name, bool field, int depth)
{
    if (!k || depth > 64)
        return false;
    if (field) {
        for (uint32_t i = 0; i < k->nfields; i++)
            if (!strcmp(pv_cf_str(k, k->fields[i].name), name))
                return true;
    } else {
        for (uint32_t i = 0; i < k->nmethods; i++)
            if (!strcmp(pv_cf_str(k, k->methods[i].name), name))
                return true;
    }
    if (k->super_class) {
        const char *sn = pv_cf_class_name(k, k->super_class);
        /* a library class over one of the VM's (Throwable over
         * .phantom.Exception) has its members: the loader checks them */
        if (strncmp(sn, ".jvm.", 5) != 0 && strcmp(sn, ".internal.object") != 0)
            return true;
        if (has_member(cfs, n, find(cfs, n, sn), name, field, depth + 1))
            return true;
    }
    for (uint32_t i = 0; i < k->ninterfaces; i++)
        if (has_member(cfs, n, find(cfs, n, pv_cf_class_name(k, k->interfaces[i])), name, field, depth + 1))
            return true;
    return false;
}

static void java_name(const char *pname, char *buf, size_t n)
{
    snprintf(buf, n, "%s", strncmp(pname, ".jvm.", 5) ? pname : pname + 5);
}

int jv_check_refs(pv_cf *const *cfs, int n, int nprog, jv_error *err)
{
    for (int i = 0; i < nprog; i++) {
        const pv_cf *cf = cfs[i];
        char who[600];
        java_name(pv_cf_class_name(cf, cf->this_class), who, sizeof who);
        for (uint32_t k = 1; k < cf->nconsts; k++) {
            const pv_cf_const *c = &cf->consts[k];
            if (c->kind != PV_CK_CLASS && c->kind != PV_CK_METHOD && c->kind != PV_CK_FIELD)
                continue;
            const char *cls = pv_cf_class_name(cf, c->kind == PV_CK_CLASS ? k : c->a);
            if (!cls || strncmp(cls, ".jvm.", 5) != 0)
                continue;
            char jc[600];
            java_name(cls, jc, sizeof jc);
            const pv_cf *target = find(cfs, n, cls);
            if (!target) {
                snprintf(err->msg, sizeof err->msg,
                         "class %s refers to class %s, which is neither in the program nor in Phantom's Java "
                         "library (docs/JAVA.md lists what the library has)", who, jc);
                return JV_E_UNSUPPORTED;
            }
            if (c->kind == PV_CK_CLASS)
                continue;
            const char *member = pv_cf_str(cf, c->b);
            if (!has_member(cfs, n, target, member, c->kind == PV_CK_FIELD, 0)) {
                char jm[600];
                jv_demangle(member, jm, sizeof jm);
                snprintf(err->msg, sizeof err->msg,
                         "class %s refers to %s %s.%s, which Phantom's Java library does not have "
                         "(docs/JAVA.md lists what it has)", who, c->kind == PV_CK_FIELD ? "field" : "method", jc, jm);
                return JV_E_UNSUPPORTED;
            }
        }
    }
    return 0;
}
