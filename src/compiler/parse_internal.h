/*
 * parse_internal.h - the parser's state and the helpers its files share
 * (parse.c: tokens, errors, recovery, names, types, entry points;
 * parse_decl.c: declarations; parse_stmt.c: statements; parse_expr.c:
 * expressions).  Private to src/compiler/parse*.c.
 *
 * Error recovery is panic mode.  The first error sets `panic`, and every
 * further error is dropped until the parser is back in step: consuming a
 * ';', '{' or '}' clears panic (those tokens end or begin constructs), and
 * the statement, member and top-level loops call p_sync() to skip to such
 * a token when a construct returns still in panic.  A repeated error at
 * the same place (the end of input, typically) is dropped too.  The result
 * is one message per mistake, not a cascade.
 *
 * Progress: every loop over a list either consumes a token per iteration
 * or ends (the loops end at PC_TK_EOF, and after p_sync or a consumed
 * token); recursion is bounded by p_enter (PC_MAX_DEPTH).
 */
#ifndef PHANTOM_COMPILER_PARSE_INTERNAL_H
#define PHANTOM_COMPILER_PARSE_INTERNAL_H

#include "ast.h"
#include "lex.h"
#include "parse.h"

typedef struct pc_parser {
    pc_lexer lx;       /* positioned just after tok */
    pc_token tok;      /* the current token */
    pc_loc prev_end;   /* just past the previous token (where a missing ';' belongs) */
    pc_diag *d;
    pc_arena *a;
    int depth;         /* current nesting, <= PC_MAX_DEPTH */
    bool panic;        /* an error was reported; report nothing until back in step */
    bool stopped;      /* the sink gave up: the parser sees only end of input */
    bool reported;     /* the last error was printed (so its note may be) */
    int errors;        /* errors this parser reported */
    uint32_t last_error_off;
    bool first_error_at_eof;
    const char *class_name; /* simple name of the class being parsed, or NULL */
    pc_loc class_end;       /* the '}' that closed the last class (src NULL: none yet) */
    pc_stmt *open_expr;     /* shell: a final expression statement that had no ';' */
    /* Identifiers, each spelling copied once (open addressing, in the arena):
     * a name used a million times costs one copy, not a million. */
    const char **intern;
    uint32_t ninterned, capintern;
} pc_parser;

/* ---- tokens (parse.c) ---- */
void p_advance(pc_parser *p);
bool p_accept(pc_parser *p, pc_tok_kind k);
pc_token p_peek(const pc_parser *p, int n); /* the token n ahead (1: the next one), quietly */
const char *p_tok_text(pc_parser *p);       /* the current identifier as an arena string (shared by equal ones) */

/* ---- diagnostics and recovery (parse.c) ---- */
void p_error(pc_parser *p, pc_loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* An error found while the parse is in step (a bad modifier, a literal out of range): no panic. */
void p_check(pc_parser *p, pc_loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void p_error_found(pc_parser *p, const char *what); /* "expected WHAT, found <current token>" */
void p_note(pc_parser *p, pc_loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void p_warning(pc_parser *p, pc_loc at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
bool p_expect(pc_parser *p, pc_tok_kind k, const char *context);
bool p_expect_close(pc_parser *p, pc_tok_kind k, pc_loc open);
void p_expect_semi(pc_parser *p, const char *context);
void p_sync(pc_parser *p);
/* After a list element begun at offset `before`: resynchronise after errors, ensure progress. */
void p_next_in_list(pc_parser *p, uint32_t before);
bool p_enter(pc_parser *p);
void p_leave(pc_parser *p);

/* ---- building nodes (parse.c) ---- */
pc_expr *p_new_expr(pc_parser *p, pc_expr_kind kind, pc_loc loc);
pc_stmt *p_new_stmt(pc_parser *p, pc_stmt_kind kind, pc_loc loc);
/* A statement with room for u.expr or u.block only (empty, expression,
 * return, throw, break, continue, a block): most statements, and no more
 * than they read; its kind may change only among those. */
pc_stmt *p_new_simple_stmt(pc_parser *p, pc_stmt_kind kind, pc_loc loc);
pc_decl *p_new_decl(pc_parser *p, pc_decl_kind kind, pc_loc loc);
pc_type *p_new_type(pc_parser *p, pc_type_kind kind, pc_loc loc);

/* ---- names, types, attributes, modifiers (parse.c) ---- */
enum {
    P_NAME_QUOTED_FIRST = 1, /* a quoted first component is allowed (only a type can be here) */
    P_NAME_BEFORE_CALL = 2,  /* stop before a component followed by '(' (it is a method) */
    P_NAME_ANY_FIRST = 4,    /* the first component may also be a keyword (attribute names) */
};
bool p_name_start(const pc_parser *p, int flags);
pc_name *p_name(pc_parser *p, int flags);
bool p_is_component(pc_tok_kind k);
const char *p_component(pc_parser *p); /* the current component token's text (not consumed) */
bool p_builtin_type(pc_tok_kind k, pc_type_kind *kind);
bool p_type_start(const pc_parser *p, int flags);
pc_type *p_type(pc_parser *p, int flags);
pc_type *p_array_suffix(pc_parser *p, pc_type *t); /* t, wrapped once per "[ ]" that follows */
bool p_looks_like_decl(const pc_parser *p);
bool p_looks_like_cast(const pc_parser *p);
const char *p_ident(pc_parser *p, const char *what);
int32_t p_ordinal(pc_parser *p); /* the current PC_TK_INT as a method ordinal (>= 0), consumed */
void p_attrs(pc_parser *p, pc_attr **list, bool commas);
pc_decl *p_attribute_decl(pc_parser *p); /* at `attribute`: the definitions, through ';' */
/* Modifiers (PC_MOD_*); those not in `allowed` are reported as not allowed on `what`. */
unsigned p_mods(pc_parser *p, unsigned allowed, const char *what);
#define P_MODS_ACCESS (PC_MOD_PUBLIC | PC_MOD_PROTECTED | PC_MOD_PRIVATE)
#define P_MODS_ALL (PC_MOD_STATIC | PC_MOD_CONST | PC_MOD_SYNCHRONIZED | P_MODS_ACCESS)

/* ---- the grammar (parse_decl.c, parse_stmt.c, parse_expr.c) ---- */

/* One variable of a declaration, before it becomes a field or a local. */
typedef struct p_var {
    pc_loc loc;
    const char *name;
    pc_type *type;
    pc_attr *attrs;
    pc_expr *init;
    struct p_var *next;
} p_var;

p_var *p_vars(pc_parser *p, pc_type *ctype, pc_attr *type_attrs, unsigned mods);
/* `const N = 1;` or `const N : int = 1;`: the var-style declaration without `var`. */
bool p_const_shorthand(const pc_parser *p, unsigned mods);

/* Contexts of p_stmt. */
enum {
    P_STMT_LIST = 1,  /* in a list: a declaration may yield several statements */
    P_STMT_SHELL = 2, /* a shell's top level: a final expression may lack its ';' */
};

pc_decl *p_top_item(pc_parser *p);
bool p_decl_start(const pc_parser *p);
pc_stmt *p_block(pc_parser *p);
pc_stmt *p_stmt(pc_parser *p, int ctx);
pc_stmt *p_local_decl(pc_parser *p, unsigned mods);
pc_expr *p_expr(pc_parser *p);
pc_expr *p_error_expr(pc_parser *p);

/*
 * Appends node (which may head a chain linked through ->next) to the list
 * whose link *tail is in, and leaves tail at the new end.  tail normally
 * points at the end already; walking first makes appending to a list
 * that already has items safe too.
 */
#define P_APPEND(tail, node)                                                               \
    do {                                                                                   \
        while (*(tail))                                                                    \
            (tail) = &(*(tail))->next;                                                     \
        *(tail) = (node);                                                                  \
        while (*(tail))                                                                    \
            (tail) = &(*(tail))->next;                                                     \
    } while (0)

#endif
