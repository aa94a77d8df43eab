/*
 * parse.h - the Phantom language parser: source text in, AST (ast.h) out.
 *
 * The parser is reentrant: all of its state is in the call, so any number
 * of parses may run at once on different threads (each with its own
 * diagnostics sink).  Input is any bytes; no input makes it crash, hang
 * or recurse without bound: nesting deeper than PC_MAX_DEPTH and
 * expressions taller than PC_MAX_EXPR_HEIGHT are reported as errors.
 *
 * Errors are reported to the sink as they are found; parsing goes on after
 * an error (recovering at ';' and '}' boundaries) so one run reports
 * several independent mistakes.  The returned unit always holds a complete
 * tree (ast.h lists its invariants), but it must not be compiled unless
 * its status is PC_PARSE_OK.
 */
#ifndef PHANTOM_COMPILER_PARSE_H
#define PHANTOM_COMPILER_PARSE_H

#include "ast.h"

typedef struct pc_parse_opts {
    size_t mem_limit; /* 0: none; else the most bytes the unit may use ("out of memory" beyond) */
    int line_shift;   /* added to every line number: the text's first line is 1 + line_shift
                         (the shell's cells, whose first line is its own, use -1) */
} pc_parse_opts;

/*
 * Parses one source file: text[0, len) (not NUL-terminated; any bytes),
 * named `filename` in messages.  The unit copies the text.  Returns NULL
 * only if memory ran out (reported to d); otherwise a unit of kind
 * PC_UNIT_FILE whose status is PC_PARSE_OK or, if errors were reported,
 * PC_PARSE_ERROR.  opts may be NULL.
 */
pc_unit *pc_parse_unit(const char *text, size_t len, const char *filename, pc_diag *d,
                       const pc_parse_opts *opts);

/*
 * Parses one input of the interactive shell: class, interface, import,
 * package or attribute declarations (PC_UNIT_DECLS); or statements
 * (PC_UNIT_STMTS), where the last one may omit its ';'; or a single
 * expression without ';' (PC_UNIT_EXPR, whose value the shell shows).
 *
 * Status PC_PARSE_INCOMPLETE means every error is at the end of the input
 * (an unclosed brace, parenthesis or comment, a dangling operator): the
 * shell should read another line, append it and parse again, showing the
 * diagnostics only if the user ends the input.  So an interactive caller
 * gives a capturing sink and prints it only on PC_PARSE_ERROR.
 */
pc_unit *pc_parse_expression_or_statement(const char *text, size_t len, const char *name,
                                          pc_diag *d, const pc_parse_opts *opts);

/* Frees the unit and its whole tree.  NULL is ignored. */
void pc_unit_free(pc_unit *u);

#endif
