/*
 * classfile.h - the class file format (docs/BYTECODE.md, "Class files"):
 * its in-memory form, a reader that refuses malformed bytes with a message
 * naming the class and the problem, a writer that produces the same bytes
 * for the same class every time, and the verifier.
 *
 * The in-memory form (pv_cf) is what the assembler and the compiler build
 * and what the loader installs.  All of its memory is owned by the pv_cf
 * and released by pv_cf_free.
 *
 * The reader checks structure (sizes, counts, constant kinds, indices);
 * the verifier (pv_cf_verify) checks the code: every instruction decodes,
 * jumps land on instruction starts, the operand stack has one depth at
 * every instruction and never under- or overflows max_stack, locals are in
 * range, constants have the kind the instruction needs, call arities match
 * method references, handler ranges are sane, and control never runs off
 * the end of the code.
 */
#ifndef PHANTOM_VM_CLASSFILE_H
#define PHANTOM_VM_CLASSFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PV_CF_MAGIC "PHCL"
#define PV_CF_VERSION_MAJOR 1u
#define PV_CF_VERSION_MINOR 0u

/* Limits that keep a hostile file from asking for absurd memory. */
#define PV_CF_MAX_BYTES    (64u << 20)
#define PV_CF_MAX_CONSTS   (1u << 20)
#define PV_CF_MAX_CODE     (1u << 24)
#define PV_CF_MAX_MEMBERS  65535u
#define PV_CF_MAX_STRING   (16u << 20)
#define PV_CF_MAX_LOCALS   65535u
#define PV_CF_MAX_STACK    65535u
#define PV_CF_MAX_ARGS     255u

enum pv_ck {              /* constant kinds; values are part of the format */
    PV_CK_NONE = 0,       /* index 0: never a valid constant */
    PV_CK_UTF8 = 1,       /* u32 length, bytes (UTF-8, no NUL inside) */
    PV_CK_INT = 2,        /* int32 */
    PV_CK_LONG = 3,       /* int64 */
    PV_CK_FLOAT = 4,      /* u32 IEEE bits */
    PV_CK_DOUBLE = 5,     /* u64 IEEE bits */
    PV_CK_CLASS = 6,      /* u32 UTF8: full dotted name */
    PV_CK_FIELD = 7,      /* u32 CLASS, u32 UTF8 name */
    PV_CK_METHOD = 8,     /* u32 CLASS, u32 UTF8 name, u32 UTF8 descriptor */
    PV_CK_COUNT
};

typedef struct pv_cf_const {
    uint8_t kind;
    uint32_t a, b, c;        /* indices (CLASS/FIELD/METHOD) */
    int64_t i;               /* INT, LONG */
    uint64_t bits;           /* FLOAT, DOUBLE */
    char *s;                 /* UTF8, NUL-terminated copy */
    uint32_t len;            /* UTF8 byte length */
} pv_cf_const;

typedef struct pv_cf_field {
    uint32_t name;           /* UTF8 */
    uint32_t flags;          /* PV_MF_STATIC only */
    uint32_t type;           /* UTF8 type name, or 0 (untyped) */
} pv_cf_field;

typedef struct pv_cf_handler { uint32_t start, end, target, cls; } pv_cf_handler;
typedef struct pv_cf_line { uint32_t pc, line; } pv_cf_line;

typedef struct pv_cf_method {
    uint32_t name, desc;     /* UTF8 */
    uint32_t flags;          /* PV_MF_* (not NATIVE) */
    uint32_t ordinal;        /* explicit ordinal or PV_NO_ORDINAL */
    uint16_t nargs, nlocals, max_stack;
    uint32_t code_len;
    uint8_t *code;
    uint32_t nhandlers, nlines;
    pv_cf_handler *handlers;
    pv_cf_line *lines;
} pv_cf_method;

typedef struct pv_cf {
    uint32_t flags;          /* PV_CF_* (not NATIVE) */
    uint32_t this_class;     /* CLASS */
    uint32_t super_class;    /* CLASS, or 0 for .internal.object */
    uint32_t source;         /* UTF8 or 0 */
    uint32_t nconsts;        /* including the unused entry 0 */
    uint32_t ninterfaces, nfields, nmethods;
    pv_cf_const *consts;
    uint32_t *interfaces;    /* CLASS */
    pv_cf_field *fields;
    pv_cf_method *methods;
    struct pv_cf_pool *pool; /* the constant helpers' lookup table (private to
                                classfile.c); NULL until a helper adds a constant */
} pv_cf;

typedef struct pv_cf_error {
    char msg[512];
} pv_cf_error;

/* Parses bytes into *out.  On error returns -1, fills err (naming `what`,
 * usually the file name, and the class if known) and leaves *out empty.
 * `what` may be NULL: the message then starts with the class. */
int pv_cf_read(const uint8_t *bytes, size_t len, const char *what, pv_cf *out, pv_cf_error *err);
/* Serialises cf.  Returns a malloc'd buffer (caller frees) or NULL. */
uint8_t *pv_cf_write(const pv_cf *cf, size_t *len_out);
/* Verifies every method; -1 with "class C, method M(D), offset N: reason". */
int pv_cf_verify(const pv_cf *cf, pv_cf_error *err);
/* Verifies method mi alone, as pv_cf_verify would, and reports the deepest
 * operand stack it reaches in *max_depth (producers compute max_stack so,
 * with the method's max_stack set to PV_CF_MAX_STACK).  On error *bad_pc
 * is the offset the message names.  Either pointer may be NULL. */
int pv_cf_verify_method(const pv_cf *cf, uint32_t mi, uint32_t *max_depth, uint32_t *bad_pc,
                        pv_cf_error *err);
void pv_cf_free(pv_cf *cf);

/* Helpers for producers (assembler, compiler): append a constant, reusing
 * an identical existing one, and return its index (0 on out of memory). */
uint32_t pv_cf_utf8(pv_cf *cf, const char *s, uint32_t len);
uint32_t pv_cf_int(pv_cf *cf, int32_t v);
uint32_t pv_cf_long(pv_cf *cf, int64_t v);
uint32_t pv_cf_float(pv_cf *cf, uint32_t bits);
uint32_t pv_cf_double(pv_cf *cf, uint64_t bits);
uint32_t pv_cf_class(pv_cf *cf, const char *name);
uint32_t pv_cf_field_ref(pv_cf *cf, const char *cls, const char *name);
uint32_t pv_cf_method_ref(pv_cf *cf, const char *cls, const char *name, const char *desc);

/* Renumbers the constants into the canonical order (docs/BYTECODE.md,
 * "The writer and the canonical form"), merging equal ones and dropping
 * those nothing refers to, so that producers that build the same class in
 * different orders write the same bytes.  Returns -1 (cf unchanged) on out
 * of memory, or if a constant refers to a missing constant or one of the
 * wrong kind (which the reader refuses). */
int pv_cf_canonicalize(pv_cf *cf);

/* Identities of the UTF8 constants by content: ids[i] == ids[j] exactly
 * when constants i and j are UTF8 constants with the same bytes (ids[i] is
 * the first such constant; 0 for other kinds).  A malloc'd array of
 * nconsts entries, or NULL on out of memory.  Linear in the pool's size. */
uint32_t *pv_cf_utf8_ids(const pv_cf *cf);

/* "utf8", "int", ... "method": the name of a constant kind for messages. */
const char *pv_cf_kind_name(unsigned kind);

/* The UTF8 text of constant i, or NULL if i is not a UTF8 constant. */
const char *pv_cf_str(const pv_cf *cf, uint32_t i);
/* The class name of a CLASS constant, or NULL. */
const char *pv_cf_class_name(const pv_cf *cf, uint32_t i);

/* Whether s is a valid field or method name: one or more printable
 * bytes, none of them blank or one of ( ) . , [ ] * : ; # " / */
bool pv_cf_name_ok(const char *s);

/* Descriptors: "(" T {"," T} ")" R where T is a full class name, "*"
 * (any) or a primitive name; R adds "void".  Returns the argument count,
 * or -1 if malformed or more than PV_CF_MAX_ARGS. */
int pv_desc_nargs(const char *desc);
/* The type of argument i (from 0) of a well-formed descriptor: *type
 * points into desc, *len bytes long ("*", ".internal.mutex", "int[]").
 * False if desc is malformed or has no argument i. */
bool pv_desc_arg(const char *desc, int i, const char **type, size_t *len);

/* One decoded instruction (the verifier, the disassembler and
 * pv_cf_canonicalize share this decoder). */
typedef struct pv_insn {
    uint8_t op;         /* enum pv_opcode */
    uint8_t fmt;        /* enum pv_opfmt */
    uint8_t size;       /* bytes, opcode included */
    uint32_t u;         /* K, KN: constant; J: target; L, LI: local;
                           ON: ordinal; U8: the byte */
    int32_t i;          /* I32: the value; LI: the increment; KN, ON: the count */
} pv_insn;

/* Decodes the instruction at code[pc] and returns its size; 0 if pc is past
 * the end, the opcode is unknown or the operands run past len. */
int pv_insn_decode(const uint8_t *code, uint32_t len, uint32_t pc, pv_insn *out);

#endif
