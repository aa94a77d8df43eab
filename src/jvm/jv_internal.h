/*
 * jv_internal.h - what the Java front end's files share among themselves
 * (not part of its API, jvm.h).
 */
#ifndef PHANTOM_JV_INTERNAL_H
#define PHANTOM_JV_INTERNAL_H

#include "jv_buf.h"
#include "jvm.h"

#define JV_NAMELEN 1200

/* jv_names.c: the start of each argument type of a method descriptor in
 * starts (at most 256), their count. */
int jv_desc_args(const char *desc, const char **starts);
/* Writes the Phantom descriptor of n untyped arguments: (*,*)* */
void jv_buf_args(jv_buf *b, int n);

/* jv_lambda.c: the class a LambdaMetafactory call site of class c
 * (invokedynamic constant indy, the site-th of the class) makes
 * instances of: a Phantom class implementing the functional interface,
 * its captured values in fields cap0..capN-1, written to out.  Its name
 * goes to cls, the number of values captured to *ncap.  0, or
 * JV_E_UNSUPPORTED with why. */
int jv_lambda_class(const jv_class *c, uint16_t indy, int site, const jv_class *const *prog, int nprog, jv_buf *out,
                    char *cls, size_t clslen, int *ncap, char *why, size_t whylen);

/* jv_trans.c: methods calling the default methods of interface iface
 * (jv_trans.c, "forwarders"). */
void jv_forwarders(const jv_class *const *prog, int nprog, const jv_class *k, const char *sam, const char *iface,
                   jv_buf *out, char done[][JV_NAMELEN], int *ndone, int depth);

#endif
