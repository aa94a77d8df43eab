/*
 * jv_internal.h - what the Java front end's files share among themselves
 * (not part of its API, jvm.h).
 */
#ifndef PHANTOM_JV_INTERNAL_H
#define PHANTOM_JV_INTERNAL_H

#include "../util/textbuf.h"
#include "jvm.h"

#define JV_NAMELEN 1200
#define JV_RT ".javart.rt" /* the run-time helpers' class (javalib/javart.rt.ph) */

/* The state of translating one class and one of its methods. */
typedef struct jv_tr {
    const jv_class *c;
    const jv_method *m;
    const jv_class *const *prog;
    int nprog;
    jv_error *err;
    tb_buf *ins;        /* per offset: the translation of the instruction there */
    char **st;          /* per offset: the entry stack's kinds, NULL until reached */
    char **lk;          /* per offset: the entry locals' kinds (T: unusable) */
    char *curl;         /* the locals' kinds while translating one instruction */
    int nloc;           /* max_locals */
    bool *queued;       /* per offset: in work */
    int *depth;         /* per offset: entry depth, -1 until reached */
    uint32_t *work;     /* offsets to visit */
    uint32_t nwork;
    int scratch;        /* first scratch local */
    int nscratch;       /* scratch locals used */
    char cur[65536 + 8]; /* the stack while translating one instruction */
    int sp;
    uint32_t pc;
    int rc;
    tb_buf *extra;      /* classes made for lambda call sites */
    int nsites;
} jv_tr;

/* jv_trans.c: "FILE: class C: method M: offset N: what" (the method and
 * offset when t->m is set), t->rc = rc; returns -1. */
int jv_fail(jv_tr *t, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The Phantom name of a Java class, refused if it cannot be one. */
int jv_pclass(jv_tr *t, const char *jname, char *buf, size_t n);
/* The JVM stack kind (I J F D A) of a value of a descriptor's type. */
char jv_kind_of(char d);
/* "int", "long", ..., "a reference", "nothing usable" for a kind. */
const char *jv_kind_name(char k);
/* The kinds of a descriptor's arguments; their count. */
int jv_arg_kinds(const char *desc, char *kinds);
const jv_method *jv_find_method(const jv_class *k, const char *name, const char *desc);
/* jv_method.c: the .method block of t->m. */
int jv_method_out(jv_tr *t, tb_buf *out);

/* jv_names.c: the start of each argument type of a method descriptor in
 * starts (at most 256), their count. */
int jv_desc_args(const char *desc, const char **starts);
/* Writes the Phantom descriptor of n untyped arguments: (*,*)* */
void jv_args(tb_buf *b, int n);
/* A quoted assembly string literal of the n bytes of s. */
void jv_quote(tb_buf *b, const char *s, size_t n);

/* jv_lambda.c: the class a LambdaMetafactory call site of class c
 * (invokedynamic constant indy, the site-th of the class) makes
 * instances of: a Phantom class implementing the functional interface,
 * its captured values in fields cap0..capN-1, written to out.  Its name
 * goes to cls, the number of values captured to *ncap.  0, or
 * JV_E_UNSUPPORTED with why. */
int jv_lambda_class(const jv_class *c, uint16_t indy, int site, const jv_class *const *prog, int nprog, tb_buf *out,
                    char *cls, size_t clslen, int *ncap, char *why, size_t whylen);

/* jv_trans.c: methods calling the default methods of interface iface
 * (jv_trans.c, "forwarders"). */
void jv_forwarders(const jv_class *const *prog, int nprog, const jv_class *k, const char *sam, const char *iface,
                   tb_buf *out, char done[][JV_NAMELEN], int *ndone, int depth);

#endif
