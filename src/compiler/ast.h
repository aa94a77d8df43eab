/*
 * ast.h - the abstract syntax tree of the Phantom language (the original
 * language of PHANTOM-LANGUAGE.md section 1 and our additions of section
 * 2; the grammar is docs/LANGUAGE-GRAMMAR.md).
 *
 * Ownership: every node, string and name of a unit lives in the unit's
 * arena (or is a static constant, such as a keyword used as a name);
 * pc_unit_free (parse.h) frees the whole tree at once.  Nothing points
 * into the caller's source buffer: locations refer to the unit's copy.
 *
 * Shape: sequences (declarations, members, statements, arguments,
 * parameters, catch clauses, switch arms, case labels, types of a
 * catch/extends/implements list) are singly linked through `next`, in
 * source order.  A node is in at most one list.  The variables of one
 * C-style declaration (`int a, b;`) share their pc_type.
 *
 * Positions: every node has a pc_loc (source, offset, line, column), which
 * is where a message about the node should point: a declaration's name or
 * keyword, a statement's keyword, an operator, a call's method name.
 *
 * Invariants that hold even for a tree built from input with errors (the
 * parser repairs instead of leaving holes), so a consumer never checks for
 * NULL where a child is required:
 *   - required children are non-NULL; an unparseable expression is a
 *     PC_E_ERROR node, an unparseable statement a PC_S_EMPTY;
 *   - every expression's height (longest path to a leaf) is at most
 *     PC_MAX_EXPR_HEIGHT, and statements nest at most PC_MAX_DEPTH deep, so
 *     passes may recurse over the tree without running out of stack;
 *   - names have at least one component; identifiers are non-empty
 *     NUL-terminated strings (quoted name components hold no NUL byte).
 * Still, a tree from input with errors must not be compiled: check the
 * unit's status (or the diagnostics' error count) first.
 */
#ifndef PHANTOM_COMPILER_AST_H
#define PHANTOM_COMPILER_AST_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PC_MAX_DEPTH 200        /* nesting of statements, parentheses, calls, unary operators */
#define PC_MAX_EXPR_HEIGHT 2000 /* nodes on the longest path from an expression to a leaf */

typedef struct pc_expr pc_expr;
typedef struct pc_stmt pc_stmt;
typedef struct pc_decl pc_decl;
struct pc_info; /* what semantic analysis recorded for a node (the compiler's; NULL until then) */

/* ---- names and types -------------------------------------------------------------- */

/*
 * A dotted name: `item`, `hier.child1` (relative to the package),
 * `.internal.string` (absolute: a leading dot), `.internal."class"` (a
 * quoted component may be any text, even a keyword).
 */
typedef struct pc_name {
    pc_loc loc;
    bool absolute;
    uint32_t count;    /* >= 1 */
    const char **part; /* count components, outermost first */
} pc_name;

typedef enum pc_type_kind {
    PC_T_VOID,   /* `void`: a method's "no value"; `void []` is an array of any objects */
    PC_T_INT,    /* the built-in spellings; .internal.int etc. are PC_T_NAMED */
    PC_T_LONG,
    PC_T_FLOAT,
    PC_T_DOUBLE,
    PC_T_BOOL,
    PC_T_CHAR,
    PC_T_STRING,
    PC_T_NAMED,  /* a class or interface by name */
    PC_T_ARRAY,  /* elem [] */
} pc_type_kind;

/* A written type.  An untyped declaration (`var x;`) has no pc_type: its type pointer is NULL. */
typedef struct pc_type {
    pc_type_kind kind;
    pc_loc loc;
    pc_name *name;        /* PC_T_NAMED */
    struct pc_type *elem; /* PC_T_ARRAY */
    struct pc_type *next; /* in a list: catch ( A | B e ), extends, implements */
} pc_type;

/*
 * An attribute (original Phantom): a definition on an `attribute` line,
 * `attribute const * ->!;`, or a use, `var boot @const`.  Parsed and kept;
 * nothing gives them meaning yet.
 */
enum {
    PC_ATTR_NOT = 1 << 0, /* ~name */
    PC_ATTR_ADD = 1 << 1, /* name + : additive */
    PC_ATTR_MUL = 1 << 2, /* name * : multiplicative */
    PC_ATTR_REQ = 1 << 3, /* name ! : required */
    PC_ATTR_SRC = 1 << 4, /* name !-> */
    PC_ATTR_DST = 1 << 5, /* name ->! */
};

typedef struct pc_attr {
    pc_loc loc;
    pc_name *name;
    unsigned flags; /* PC_ATTR_* */
    struct pc_attr *next;
} pc_attr;

/* Declaration modifiers: fields and methods any (synchronized: methods only), classes the access
 * ones, locals const. */
enum {
    PC_MOD_STATIC = 1 << 0,
    PC_MOD_CONST = 1 << 1, /* a constant: needs an initialiser; a const field is also static */
    PC_MOD_PUBLIC = 1 << 2,
    PC_MOD_PROTECTED = 1 << 3,
    PC_MOD_PRIVATE = 1 << 4,
    PC_MOD_SYNCHRONIZED = 1 << 5, /* methods: hold the receiver's (or class's) monitor while running */
};

/* ---- expressions ------------------------------------------------------------------ */

typedef enum pc_expr_kind {
    PC_E_ERROR,      /* stands for an expression that did not parse */
    PC_E_INT,        /* u.i: the value as a 32-bit int (0xFFFFFFFF is -1) */
    PC_E_LONG,       /* u.i */
    PC_E_FLOAT,      /* u.f (already rounded to float precision) */
    PC_E_DOUBLE,     /* u.f */
    PC_E_CHAR,       /* u.i: a Unicode code point, or a byte from '\xHH' */
    PC_E_BOOL,       /* u.i: 0 or 1 */
    PC_E_STRING,     /* u.str: the decoded bytes (may contain NUL), NUL-terminated */
    PC_E_IMPORT,     /* import "file": u.str is the file name; its value: the file's bytes */
    PC_E_NULL,
    PC_E_THIS,
    PC_E_SUPER,      /* only as the object of a member or call: super.m() */
    PC_E_NAME,       /* u.name: a variable, field, or class; a dotted name is resolved later */
    PC_E_MEMBER,     /* u.member: obj.name, a field (or `length`) of a computed object */
    PC_E_INDEX,      /* u.index: obj[index] */
    PC_E_CALL,       /* u.call */
    PC_E_NEW,        /* u.create */
    PC_E_NEW_ARRAY,  /* u.create: new T[size] (type is the element type) */
    PC_E_UNARY,      /* u.unary: - + ! ~, prefix and postfix ++ -- */
    PC_E_BINARY,     /* u.binary */
    PC_E_ASSIGN,     /* u.binary: op is PC_OP_NONE for '=', else the operator of a compound '+=' */
    PC_E_COND,       /* u.cond: c ? a : b */
    PC_E_CAST,       /* u.cast: (T) e */
    PC_E_INSTANCEOF, /* u.cast: e instanceof T */
} pc_expr_kind;

typedef enum pc_op {
    PC_OP_NONE,
    /* binary */
    PC_OP_ADD, PC_OP_SUB, PC_OP_MUL, PC_OP_DIV, PC_OP_MOD,
    PC_OP_SHL, PC_OP_SHR, PC_OP_USHR,
    PC_OP_BAND, PC_OP_BOR, PC_OP_BXOR,
    PC_OP_AND, PC_OP_OR,          /* && || (short-circuit) */
    PC_OP_EQ, PC_OP_NE,           /* == != : call equals() on objects */
    PC_OP_REF_EQ, PC_OP_REF_NE,   /* :== :!= : compare references */
    PC_OP_LT, PC_OP_LE, PC_OP_GT, PC_OP_GE,
    /* unary */
    PC_OP_NEG, PC_OP_PLUS, PC_OP_NOT, PC_OP_BNOT,
    PC_OP_PREINC, PC_OP_PREDEC, PC_OP_POSTINC, PC_OP_POSTDEC,
    PC_OP_COUNT
} pc_op;

enum {
    PC_EF_PAREN = 1, /* written in parentheses (kept for warnings; no meaning) */
};

/* A node has room only for its kind's member of u (see p_new_expr): never
 * copy a whole pc_expr, and never read a member of another kind. */
struct pc_expr {
    pc_expr_kind kind;
    uint16_t flags;  /* PC_EF_* */
    uint16_t height; /* 1 for a leaf; <= PC_MAX_EXPR_HEIGHT */
    pc_loc loc;
    struct pc_info *info;
    pc_expr *next;   /* next argument, or next step of a for loop */
    union {
        int64_t i;
        double f;
        struct {
            const char *s;
            size_t len;
        } str;
        pc_name *name;
        struct {
            pc_op op;
            pc_expr *operand;
        } unary;
        struct {
            pc_op op;
            pc_expr *lhs, *rhs;
        } binary;
        struct {
            pc_expr *cond, *then, *els;
        } cond;
        struct {
            pc_expr *obj;
            const char *name;
        } member;
        struct {
            pc_expr *obj, *index;
        } index;
        /*
         * A call names its method in exactly one way: by name (`o.m(x)`,
         * or `m(x)` with obj NULL: a method of this class or a built-in
         * such as print), by ordinal (`o.16(x)`, ordinal >= 0, name NULL),
         * or by a computed method (`o.(e)(x)`, dyn non-NULL, original Phantom).
         * obj may be a PC_E_NAME that names a class: a static call.
         */
        struct {
            pc_expr *obj;     /* NULL: unqualified */
            const char *name; /* NULL when called by ordinal or dyn */
            int32_t ordinal;  /* -1 unless called by ordinal */
            pc_expr *dyn;
            pc_expr *args;
            uint32_t nargs;
        } call;
        /*
         * PC_E_NEW: `new T(args)` (type; an array type for `new T[]()`), or
         * the dynamic `new *(class_expr) : T (args)` (class_expr; type is
         * the optional static type after ':', else NULL).
         * PC_E_NEW_ARRAY: `new T[size]`; type is T, the element type.
         */
        struct {
            pc_type *type;
            pc_expr *class_expr;
            pc_expr *size;
            pc_expr *args;
            uint32_t nargs;
        } create;
        struct {
            pc_type *type;
            pc_expr *expr;
        } cast;
    } u;
};

/* ---- statements ------------------------------------------------------------------- */

typedef enum pc_stmt_kind {
    PC_S_EMPTY,    /* ; (also stands for a statement that did not parse) */
    PC_S_BLOCK,    /* u.block: { ... } */
    PC_S_EXPR,     /* u.expr */
    PC_S_VAR,      /* u.var: one local (`var a, b;` gives two; in a block if it is a body) */
    PC_S_IF,       /* u.if_ */
    PC_S_WHILE,    /* u.while_ */
    PC_S_DO,       /* u.do_: do S while (C) S2; -- loop { S; if (!C) break; S2; } */
    PC_S_FOR,      /* u.for_ */
    PC_S_FOREACH,  /* u.foreach */
    PC_S_SWITCH,   /* u.switch_ */
    PC_S_BREAK,
    PC_S_CONTINUE,
    PC_S_RETURN,   /* u.expr, NULL for `return;` */
    PC_S_THROW,    /* u.expr */
    PC_S_TRY,      /* u.try_ */
    PC_S_SYNC,     /* u.sync: synchronized (lock) { body } */
} pc_stmt_kind;

/* A catch clause: catch ( A | B e ) S.  types is NULL for an untyped catch (catches anything). */
typedef struct pc_catch {
    pc_loc loc;
    pc_type *types;
    const char *name;
    pc_stmt *body;
    struct pc_catch *next;
    struct pc_info *info;
} pc_catch;

/*
 * A switch arm: one or more labels, then statements.  `case 1: case 2:
 * S;` is one arm with two labels; `default:` may be among them.  Control
 * does not fall into the next arm unless the arm's statements run off its
 * end without a break (as in C).
 */
typedef struct pc_case {
    pc_loc loc;
    pc_expr *labels; /* the case expressions, may be NULL if only default */
    bool has_default;
    pc_stmt *body;   /* list, may be NULL */
    struct pc_case *next;
} pc_case;

struct pc_stmt {
    pc_stmt_kind kind;
    pc_loc loc;
    pc_stmt *next;
    struct pc_info *info;
    union {
        pc_stmt *block; /* list, may be NULL */
        pc_expr *expr;
        struct {
            unsigned mods; /* PC_MOD_CONST */
            const char *name;
            pc_type *type; /* NULL: untyped (or inferred from init) */
            pc_expr *init; /* NULL: none */
            pc_attr *attrs;
        } var;
        struct {
            pc_expr *cond;
            pc_stmt *then, *els; /* els NULL: no else */
        } if_;
        struct {
            pc_expr *cond;
            pc_stmt *body;
        } while_;
        struct {
            pc_stmt *body;
            pc_expr *cond;
            pc_stmt *step; /* the Phantom S2 that runs between iterations; NULL: none */
        } do_;
        struct {
            pc_stmt *init; /* list of PC_S_VAR or PC_S_EXPR, may be NULL */
            pc_expr *cond; /* NULL: forever */
            pc_expr *step; /* list, may be NULL */
            pc_stmt *body;
        } for_;
        struct {
            const char *name; /* the loop variable, declared by the loop */
            pc_type *type;    /* NULL: untyped */
            pc_expr *iter;
            pc_stmt *body;
        } foreach;
        struct {
            pc_expr *expr;
            pc_case *cases;
        } switch_;
        struct {
            pc_stmt *body;
            pc_catch *catches; /* may be NULL if there is a finally */
            pc_stmt *finally;  /* NULL: none */
        } try_;
        struct {
            pc_expr *lock;
            pc_stmt *body;
        } sync;
    } u;
};

/* ---- declarations ------------------------------------------------------------------- */

typedef enum pc_decl_kind {
    PC_D_PACKAGE,   /* package .a.b;  u.package */
    PC_D_IMPORT,    /* import .a.b;  import .a.*;  u.import */
    PC_D_ATTRIBUTE, /* attribute a, b *;  the definitions are in attrs */
    PC_D_CLASS,     /* class or interface; u.cls */
    PC_D_FIELD,     /* u.field (`var a, b : int;` gives two fields) */
    PC_D_METHOD,    /* u.method, constructors included */
} pc_decl_kind;

/* A method parameter: `var it : item`, `item it`, or untyped `var boot @const`. */
typedef struct pc_param {
    pc_loc loc;
    const char *name;
    pc_type *type; /* NULL: untyped */
    pc_attr *attrs;
    struct pc_param *next;
} pc_param;

struct pc_decl {
    pc_decl_kind kind;
    pc_loc loc;
    pc_decl *next;
    struct pc_info *info;
    unsigned mods;  /* PC_MOD_* (fields and methods) */
    pc_attr *attrs; /* attribute uses (@a); for PC_D_ATTRIBUTE, the definitions */
    union {
        pc_name *package;
        struct {
            pc_name *name;
            bool all; /* import .a.b.*; */
        } import;
        struct {
            pc_name *name; /* relative to the package, or absolute */
            bool interface;
            pc_type *extends;    /* list; a class has at most one, an interface any number */
            pc_type *implements; /* list (classes only) */
            pc_decl *members;    /* PC_D_FIELD, PC_D_METHOD and PC_D_ATTRIBUTE, in order */
        } cls;
        struct {
            const char *name;
            pc_type *type; /* NULL: untyped */
            pc_expr *init; /* NULL: none */
        } field;
        /*
         * A constructor is a method returning void named like its class
         * (`void basket()`, or Java-style `basket()`): ctor is set.  body is
         * NULL for a declaration without a body (`int f();`, as interfaces
         * have).
         */
        struct {
            const char *name;
            pc_type *ret; /* PC_T_VOID for void */
            pc_param *params;
            uint32_t nparams;
            int32_t ordinal; /* the explicit [N], or -1 */
            bool ctor;
            pc_stmt *body;   /* a PC_S_BLOCK, or NULL */
        } method;
    } u;
};

/* ---- units -------------------------------------------------------------------------- */

typedef enum pc_parse_status {
    PC_PARSE_OK,
    PC_PARSE_ERROR,      /* errors were reported */
    PC_PARSE_INCOMPLETE, /* the input ended early (an open brace, comment, ...): more may follow */
} pc_parse_status;

/* What a unit holds: a whole file, or one shell input (see parse.h). */
typedef enum pc_unit_kind {
    PC_UNIT_FILE,  /* decls */
    PC_UNIT_DECLS, /* shell: class/interface/import/package/attribute declarations in decls */
    PC_UNIT_STMTS, /* shell: statements in stmts */
    PC_UNIT_EXPR,  /* shell: one expression without ';' in expr (its value is shown) */
} pc_unit_kind;

/* One parsed source: a file, or one input of the interactive shell. */
typedef struct pc_unit {
    pc_arena arena;   /* owns every node */
    pc_source src;    /* the unit's own copy of the text; every pc_loc points here */
    pc_unit_kind kind;
    pc_parse_status status;
    pc_decl *decls;   /* top-level items in order: PACKAGE, IMPORT, ATTRIBUTE, CLASS */
    pc_name *package; /* the package's name, if declared (also in decls) */
    pc_stmt *stmts;
    pc_expr *expr;
} pc_unit;

/* Printing (ast_dump.c): the tree as indented S-expressions, for tests and debugging. */
void pc_dump_unit(const pc_unit *u, pc_write_fn *write, void *ctx);
void pc_dump_expr(const pc_expr *e, int indent, pc_write_fn *write, void *ctx);
void pc_dump_stmt(const pc_stmt *s, int indent, pc_write_fn *write, void *ctx);

/* The source spelling of an operator ("+", ":==", "++"). */
const char *pc_op_spelling(pc_op op);

#endif
