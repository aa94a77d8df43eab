/*
 * pc_internal.h - what the compiler's phases share (private to
 * src/compiler/pc_*.c): types, class/field/method symbols, the side table
 * in which semantic analysis records what each expression and statement
 * means, and the entry points of each file.
 *
 * Phases, in order (pc_compile.c drives them):
 *   1. pc_natives.c   the internal classes from the VM's table
 *   2. pc_names.c     units, packages and imports; resolving class names and types
 *   3. pc_classes.c   classes of the program: hierarchy, members, constructors,
 *                     descriptors, overriding and ordinals
 *   4. pc_sema_stmt.c / pc_sema_expr.c (with pc_lookup.c for members and
 *                     overloads, pc_types.c for conversions): every method
 *                     body; records a pc_info per expression and declaration,
 *                     reports errors and warnings, finds unreachable code
 *   5. pc_gen_stmt.c / pc_gen_expr.c over pc_emit.c: bytecode into pv_cf
 * Code generation trusts what sema recorded and runs only if sema found no
 * error.
 */
#ifndef PHANTOM_COMPILER_PC_INTERNAL_H
#define PHANTOM_COMPILER_PC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../vm/classfile.h"
#include "../vm/object.h"
#include "../vm/opcodes.h"
#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "pc_compile.h"

typedef struct pc_ctx pc_ctx;
typedef struct pc_class pc_class;
typedef struct pc_field pc_field;
typedef struct pc_method pc_method;

/* ---- types (pc_types.c) ------------------------------------------------------------ */

typedef enum pc_tk {
    PC_TY_ERROR,  /* poison: an expression that had an error; accepted everywhere, silently */
    PC_TY_ANY,    /* untyped: any value, checked at run time */
    PC_TY_VOID,   /* a method's "no value" */
    PC_TY_NULL,   /* the type of `null` */
    PC_TY_BOOL,
    PC_TY_CHAR,
    PC_TY_INT,
    PC_TY_LONG,
    PC_TY_FLOAT,
    PC_TY_DOUBLE,
    PC_TY_STRING,
    PC_TY_CLASS,  /* cls */
    PC_TY_ARRAY,  /* elem [] */
} pc_tk;

typedef struct pc_ty {
    pc_tk k;
    pc_class *cls;       /* PC_TY_CLASS */
    struct pc_ty *elem;  /* PC_TY_ARRAY */
    struct pc_ty *arr;   /* the array type of this one, made on demand */
} pc_ty;

pc_ty *pc_ty_array(pc_ctx *c, pc_ty *elem);
bool pc_ty_numeric(const pc_ty *t);   /* char, int, long, float, double */
bool pc_ty_integral(const pc_ty *t);  /* char, int, long */
bool pc_ty_prim(const pc_ty *t);      /* bool or numeric */
bool pc_ty_ref(const pc_ty *t);       /* null, string, class, array */
bool pc_ty_dynamic(const pc_ty *t);   /* error or any: checked at run time */
/* Text for messages ("int", "string", ".demo.item", "int[]", "untyped"). */
const char *pc_ty_str(pc_ctx *c, const pc_ty *t);
/* The type as written in descriptors and field types ("int", ".a.b", "*"). */
const char *pc_ty_desc(pc_ctx *c, const pc_ty *t);
/* The CLASS constant name of a type's values (".internal.int", ...), or NULL. */
const char *pc_ty_class_name(pc_ctx *c, const pc_ty *t);
/* The class whose methods values of t have (string -> .internal.string), or NULL. */
pc_class *pc_ty_method_class(pc_ctx *c, const pc_ty *t);
/* The conv target (PV_CONV_*) for a primitive type, or -1. */
int pc_ty_conv(const pc_ty *t);
bool pc_ty_same(const pc_ty *a, const pc_ty *b);
/* Two methods take the same parameter types (overloads must differ). */
bool pc_same_params(const pc_method *a, const pc_method *b);
/* The type of a literal expression (int, long, ..., string), or NULL. */
pc_ty *pc_literal_type(pc_ctx *c, const pc_expr *e);
/* The wider of two numeric types (char counts as int). */
pc_ty *pc_ty_promote(pc_ctx *c, pc_ty *a, pc_ty *b);
bool pc_class_is_sub(const pc_class *c, const pc_class *of);   /* c == of, a subclass or an implementation */

/* How a value of type from becomes a value of type to implicitly. */
typedef enum pc_fit {
    PC_FIT_NO,      /* not without a cast */
    PC_FIT_SAME,    /* as it is */
    PC_FIT_CONV,    /* with a conv (numeric widening) */
} pc_fit;
pc_fit pc_ty_fit(pc_ctx *c, const pc_ty *from, const pc_ty *to);
/* The cost of passing from as to for overload resolution; -1 if it cannot. */
int pc_ty_cost(pc_ctx *c, const pc_ty *from, const pc_ty *to);

/* The largest file `import "file"` takes. */
#define PC_IMPORT_MAX (32u << 20)

/* A growing string (malloc'd). */
typedef struct pc_sb {
    char *p;
    size_t n, cap;
} pc_sb;

/* ---- symbols ------------------------------------------------------------------------- */

/* One source file of the program with its package and imports. */
typedef struct pc_unitinfo {
    pc_unit *unit;
    int index;               /* order of pc_compiler_add_source */
    const char *package;     /* ".demo.shop", or "" without a package */
    const char **imports;    /* single-class imports: full names */
    uint32_t nimports;
    const char **wild;       /* import .a.b.*: ".a.b" */
    uint32_t nwild;
    const char *dir;         /* the directory of the file, for import "file" ("" for none) */
    bool lib;                /* a library unit: its classes yield to the program's, and are
                                left out when they fail only because of that (pc_compile.c) */
} pc_unitinfo;

struct pc_field {
    const char *name;
    pc_ty *ty;
    pc_class *owner;
    pc_decl *decl;           /* NULL for internal classes */
    bool is_static, is_const;
    pc_expr *const_val;      /* a constant whose value is a literal: uses are replaced by it */
    pc_field *next;          /* in the owner's list */
};

enum {
    PC_MK_NORMAL,
    PC_MK_CTOR,              /* a constructor */
    PC_MK_IMPLICIT_CTOR,     /* the constructor of a class that declares none */
    PC_MK_CLINIT,            /* the static initialiser */
    PC_MK_SHIM,              /* construct(...): new *(c)(...) calls the constructor through it */
};

struct pc_method {
    const char *name;
    pc_class *owner;
    pc_decl *decl;           /* NULL for internal and synthesised methods */
    pc_ty **params;
    const char **pnames;
    uint32_t nparams;
    pc_ty *ret;
    uint32_t flags;          /* PV_MF_STATIC, ABSTRACT, CTOR */
    int32_t explicit_ord;    /* the [N] written, or -1 */
    uint32_t ordinal;        /* the vtable slot (PV_NO_ORDINAL for static methods and constructors) */
    const char *desc;        /* "(int,*)void" */
    int kind;                /* PC_MK_* */
    pc_method *target;       /* PC_MK_SHIM: the constructor it calls */
    bool is_extern;          /* an internal class's */
    uint16_t nlocals;        /* after sema: locals counting receiver and arguments */
    pc_method *next;         /* in the owner's list */
};

struct pc_class {
    const char *name;        /* full name, ".demo.shop.basket" */
    const char *simple;      /* the last component: constructors are named so */
    pc_decl *decl;           /* NULL for internal classes */
    pc_unitinfo *ui;
    pc_class *super;         /* NULL only for .internal.object */
    pc_class **ifaces;
    uint32_t nifaces;
    bool is_interface, is_extern, is_abstract, is_final;
    uint32_t kind;           /* enum pv_kind of instances (internal classes) */
    pc_field *fields, **fields_tail;
    pc_method *methods, **methods_tail;
    pc_ty *ty;               /* the type of its instances (a primitive type for value classes) */
    pc_ty cty;               /* storage for ty when it is a class type */
    int hier;                /* 0 not resolved, 1 resolving, 2 done */
    bool laid_out;           /* ordinals computed */
    pc_method **vt;          /* vtable by ordinal (for ordinal assignment) */
    uint32_t nvt;
    int index;               /* position among the program's classes; -1 for internal */
    bool has_ctor;           /* declares (or was given) a constructor */
    bool broken;             /* a library class whose body had errors (kept in lib_text) */
    pc_sb lib_text;          /* the diagnostics of a library class's body, held back */
    pc_class *hash_next;
};

/* ---- what sema records (the side table) ---------------------------------------------- */

typedef enum pc_rk {
    PC_R_NONE,
    /* names and members */
    PC_R_LOCAL,       /* slot */
    PC_R_FIELD,       /* an instance field of this (implicit this), field */
    PC_R_STATIC,      /* a static field, field */
    PC_R_CONST,       /* a constant replaced by its literal (cexpr) */
    PC_R_CLASS,       /* the name of a class (cls): only as a receiver of a static call */
    PC_R_CLASSOBJ,    /* X.class: the class object (cls) */
    /* calls */
    PC_R_CALL_STATIC,   /* method */
    PC_R_CALL_VIRTUAL,  /* method; receiver obj or implicit this */
    PC_R_CALL_SPECIAL,  /* method on this without dispatch: super.m(), constructors */
    PC_R_CALL_NAME,     /* by name and count at run time (untyped receiver or ambiguous) */
    PC_R_CALL_ORD,      /* by ordinal */
    PC_R_CALL_PRINT,    /* print/println: method is the console's static */
    /* object creation */
    PC_R_NEW,           /* cls, method = the constructor or NULL */
    PC_R_NEW_ARRAY,     /* new T[n] (fill with zero values when elem is primitive) */
    PC_R_NEW_EMPTY,     /* new T[]() */
    PC_R_NEW_DYN,       /* new *(c)(args): construct by name */
    /* casts */
    PC_R_CAST_NONE,
    PC_R_CAST_CONV,     /* conv */
    PC_R_CAST_CHECK,    /* checkcast cls_name */
} pc_rk;

/* One step after the base of a dotted name: a field, or `length`. */
typedef struct pc_step {
    pc_field *field;   /* NULL: `length` (alen) */
    bool pop_first;    /* a static field reached through an object: evaluate and drop the object */
} pc_step;

typedef struct pc_info {
    /* One record per expression (and per declaration, foreach, catch and
     * method), so it is kept small: the fields a kind of node never uses
     * together share storage (the unions below; each node kind reads only
     * its own group). */
    pc_ty *ty;           /* the expression's type (or a declaration's variable) */
    uint8_t rk;          /* pc_rk */
    bool implicit_this : 1; /* calls and fields: the receiver is this */
    bool static_recv : 1;   /* a call: obj is a class name (no receiver) or is evaluated and dropped */
    bool discard_recv : 1;  /* a static method called through an object: evaluate it, drop it */
    bool str_concat : 1;    /* '+' (or '+='): string concatenation */
    bool prim_elem : 1;     /* new T[n]: fill with the zero of T */
    bool ref_cmp : 1;       /* == / != with null: compare references */
    bool println0 : 1;      /* println(): no argument */
    bool to_text : 1;       /* an int passed where a string is declared: converted to its text */
    bool raw_bytes : 1;     /* import "file" of bytes that are not UTF-8 */
    uint8_t iter;        /* foreach: 0 array, string or binary, 1 directory keys, 2 decided at run time */
    int8_t coerce;       /* codegen converts the value to a primitive type: PC_CONV_CODE(type), 0 none */
    uint16_t slot;       /* locals, foreach and catch variables */
    uint16_t nargs;
    int32_t ordinal;
    union {
        uint32_t nsteps;     /* names */
        uint32_t nclasses;   /* catch clauses */
    };
    union {
        pc_class *cls;       /* names, new, X.class */
        pc_ty *opty;         /* binary/compound: the type the operation works in */
        pc_class **classes;  /* a catch clause: the classes caught (NULL entries: anything) */
    };
    union {
        pc_field *field;     /* names */
        pc_method *method;   /* calls, new */
        pc_ty *narrow;       /* compound assignment, ++/--: convert the result to this before storing */
    };
    union {
        pc_expr *cexpr;      /* names: PC_R_CONST: the literal; a method: its constructor call */
        const char *name;    /* invokename, checkcast class name, import file contents */
        int8_t lconv;        /* compound assignment: convert the value read from the target (a coerce code) */
    };
    union {
        pc_step *steps;      /* a dotted name: the fields after its base */
        size_t name_len;     /* import file contents */
    };
} pc_info;

/* The record of a node lives in the node itself (an expression, statement,
 * catch clause or declaration): no side map, which cost more memory than
 * the pointer. */
#define PC_INFO_SLOT(node)                                          \
    _Generic((node),                                                \
        pc_expr *: &((pc_expr *)(node))->info,                      \
        const pc_expr *: &((pc_expr *)(node))->info,                \
        pc_stmt *: &((pc_stmt *)(node))->info,                      \
        const pc_stmt *: &((pc_stmt *)(node))->info,                \
        pc_catch *: &((pc_catch *)(node))->info,                    \
        const pc_catch *: &((pc_catch *)(node))->info,              \
        pc_decl *: &((pc_decl *)(node))->info,                      \
        const pc_decl *: &((pc_decl *)(node))->info)
#define pc_info_get(c, node) ((void)(c), *PC_INFO_SLOT(node))   /* NULL if none was recorded */
#define pc_info_new(c, node) pc_info_fresh((c), PC_INFO_SLOT(node)) /* a fresh zeroed record for node */
pc_info *pc_info_fresh(pc_ctx *c, struct pc_info **slot);
/* coerce and lconv hold a type's conv target (PV_CONV_*, pc_ty_conv) in a
 * byte rather than the type: 0 is none. */
#define PC_CONV_CODE(t) ((int8_t)(pc_ty_conv(t) + 2))
#define PC_CONV_OF(code) ((int)(code) - 2)

/* ---- the compilation -------------------------------------------------------------------- */

struct pc_ctx {
    pc_diag *d;
    pc_arena arena;          /* symbols, types, infos */
    const pc_options *opts;
    pc_unitinfo **units;
    uint32_t nunits, capunits;
    bool parse_failed;
    bool internal_error;
    /* classes */
    pc_class **buckets;      /* hash of every class by full name */
    uint32_t nbuckets, nclasses;
    pc_class **prog;         /* the program's classes, in source order */
    uint32_t nprog, capprog;
    pc_class *c_object, *c_string, *c_array, *c_directory, *c_tty, *c_exception;
    pc_class *c_value[PC_TY_DOUBLE + 1]; /* .internal.bool ... .internal.double by pc_tk */
    /* basic types */
    pc_ty t_error, t_any, t_void, t_null, t_bool, t_char, t_int, t_long, t_float, t_double, t_string;
};

/* Arena helpers. */
void *pc_alloc(pc_ctx *c, size_t n);
char *pc_strdup(pc_ctx *c, const char *s);
char *pc_strndup(pc_ctx *c, const char *s, size_t n);
char *pc_fmt(pc_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Whether s[0, len) is valid UTF-8 (NUL bytes allowed when nul_ok). */
bool pc_utf8_ok(const char *s, size_t len, bool nul_ok);

void pc_sb_add(pc_sb *b, const char *s);
void pc_sb_addn(pc_sb *b, const char *s, size_t n);
void pc_sb_free(pc_sb *b);

/* ---- pc_natives.c ---- */
/* Creates the internal classes from the caller's table (or the bare minimum). */
void pc_natives_load(pc_ctx *c);
/* The type an internal method's result has, when the VM's table says only `*`. */
pc_ty *pc_natives_ret(pc_ctx *c, const pc_class *owner, const char *name, uint32_t nargs,
                      bool is_static);
/* True if class declaration d (full name full) declares an internal class
 * (.internal.*): then it is checked against the VM's (mismatches reported)
 * and not compiled. */
bool pc_internal_decl(pc_ctx *c, pc_decl *d, const char *full);

/* ---- pc_names.c ---- */
uint32_t pc_hash_str(const char *s);   /* FNV-1a of a NUL-terminated string */
pc_class *pc_class_find(pc_ctx *c, const char *full);
void pc_class_add(pc_ctx *c, pc_class *k);
/* The full name of name's first n components (absolute or relative to nothing): ".a.b". */
char *pc_name_join(pc_ctx *c, const pc_name *n, uint32_t count);
/* The name as written: "item", ".internal.string". */
const char *pc_name_spell(pc_ctx *c, const pc_name *n);
/* The class the first count components of n denote from unit ui, or NULL (no message). */
pc_class *pc_resolve_class(pc_ctx *c, const pc_unitinfo *ui, const pc_name *n, uint32_t count);
/* The type t denotes (NULL: untyped); reports unknown classes and returns poison then. */
pc_ty *pc_resolve_type(pc_ctx *c, const pc_unitinfo *ui, const pc_type *t);
/* Records the package and imports of a unit; reports imports of unknown classes. */
void pc_unit_scan(pc_ctx *c, pc_unitinfo *ui);
void pc_unit_check_imports(pc_ctx *c, pc_unitinfo *ui);

/* ---- pc_classes.c ---- */
void pc_classes_declare(pc_ctx *c);   /* every class of every unit into the table */
void pc_classes_resolve(pc_ctx *c);   /* supers, interfaces, members, ordinals */
/* The descriptor "(T,...)R" of parameter and result types. */
const char *pc_make_desc(pc_ctx *c, pc_ty **params, uint32_t n, pc_ty *ret);
/* Assigns ordinals for k (its ancestors first). */
void pc_class_layout(pc_ctx *c, pc_class *k);

/* ---- pc_lookup.c ---- */
/* A field named name of k or its ancestors (statics included), or NULL. */
pc_field *pc_find_field(pc_class *k, const char *name);
/* The unique class of the program or the internal ones with an instance field
 * of that name; NULL with *ambiguous set when several classes declare one. */
pc_field *pc_find_field_anywhere(pc_ctx *c, const char *name, bool *ambiguous);
bool pc_has_method_named(pc_class *k, const char *name);

typedef enum pc_pick {
    PC_PICK_OK,         /* *out is the method */
    PC_PICK_NONE,       /* no method of that name */
    PC_PICK_ARITY,      /* the name exists, not with that many arguments */
    PC_PICK_MISMATCH,   /* a method of that arity exists; no argument list fits (*out: the closest) */
    PC_PICK_AMBIGUOUS,  /* several fit equally (*out: the first); with untyped arguments: decide at run time */
} pc_pick;
/* Overload resolution among the methods called name with nargs arguments
 * (constructors when ctors, statics only when statics_only). */
pc_pick pc_pick_method(pc_ctx *c, pc_class *k, const char *name, pc_ty **args, uint32_t nargs,
                       bool ctors, bool statics_only, pc_method **out, bool *dynamic);
/* The arities methods called name have in k, for messages ("1 or 2"). */
const char *pc_arities(pc_ctx *c, pc_class *k, const char *name, bool ctors);

/* ---- pc_sema_stmt.c / pc_sema_expr.c ---- */
typedef struct pc_scope_var {
    const char *name;
    pc_ty *ty;
    uint16_t slot;
    bool is_const;
    pc_loc loc;
    uint32_t hash;         /* of name */
    uint32_t older;        /* 1 + the index of the next older var in its bucket, 0: none */
} pc_scope_var;

/* The state while checking one method body. */
typedef struct pc_body {
    pc_ctx *c;
    pc_class *cls;
    pc_method *m;
    const pc_unitinfo *ui;
    bool is_static;
    pc_scope_var *vars;    /* the visible locals, oldest first; a scope's own are at the end */
    uint32_t nvars, capvars;
    /* A hash index of vars, so that a method with tens of thousands of
     * locals is checked in linear time: buckets[h & (nbuckets - 1)] is 1 +
     * the index of the newest var in that bucket (0: none), and each var
     * links to the next older one.  Vars leave in reverse order of
     * declaration, so a leaving var is always the head of its bucket. */
    uint32_t *buckets;
    uint32_t nbuckets;     /* 0 or a power of two, >= capvars */
    uint32_t next_slot, max_slot;
    struct pc_target { bool is_loop, brk; } targets[256]; /* enclosing loops and switches */
    int ntargets;
    pc_expr *ctor_call_ok;   /* the call that may be a constructor call (first statement of a constructor) */
    int ctor_called;         /* 1: it called the parent's constructor, 2: another of this class */
    bool ctor_misplaced;     /* a constructor call that is not the first statement (reported) */
} pc_body;

void pc_sema_bodies(pc_ctx *c);       /* checks every method (and field initialiser) */
/* Around the checks of class k: a library class's diagnostics are held
 * back in k->lib_text (k->broken when they hold an error); pc_compile.c
 * shows them only if a class that compiled needs k. */
pc_diag *pc_lib_hold(pc_ctx *c, pc_class *k, pc_diag *hold);
void pc_lib_release(pc_ctx *c, pc_class *k, pc_diag *real);
pc_ty *pc_sema_expr(pc_body *b, pc_expr *e);
/* Checks e where a value of type to is wanted (assignment, argument,
 * return); records the conversion.  `what` describes the place for messages. */
void pc_sema_expect(pc_body *b, pc_expr *e, pc_ty *to, const char *what);
/* Records that e's value (of type from) must fit to; reports when it cannot. */
void pc_sema_fit(pc_body *b, pc_expr *e, pc_ty *from, pc_ty *to, const char *what);
void pc_sema_cond(pc_body *b, pc_expr *e);        /* a condition (any value; truthiness) */
pc_scope_var *pc_scope_find(pc_body *b, const char *name);
/* True if e is a constant condition that is always true (while (true), while (1)). */
bool pc_const_true(const pc_expr *e);
bool pc_const_false(const pc_expr *e);
/* Whether e is a literal whose value is known (for inlined constants). */
bool pc_is_literal(const pc_expr *e);

/* ---- code generation (pc_gen_*.c) ---- */
/* Builds the class file of program class k; NULL on an internal error or out of memory. */
pv_cf *pc_gen_class(pc_ctx *c, pc_class *k);

#endif
