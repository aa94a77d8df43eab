/*
 * lex.h - the Phantom language lexer.
 *
 * The lexer turns a source buffer (any bytes, not NUL-terminated, at most
 * PC_MAX_SOURCE bytes) into tokens on demand.  It never fails: a malformed
 * token is reported to the diagnostics sink and still yields a token of a
 * sensible kind (an unterminated string is a string up to the end of its
 * line; a run of invalid bytes is reported once and skipped), so the parser
 * never sees lexical errors and never reports them twice.
 *
 * A lexer is a small value: copying it and lexing from the copy looks ahead
 * without disturbing the original.  A copy with diag == NULL is "quiet": it
 * reports nothing and does not decode string contents (used for lookahead,
 * so every error is reported once, by the real pass).
 *
 * `in` is not a keyword: it is special only inside foreach( x in e ), so
 * programs may keep variables called `in`.  Keywords are reserved, but any
 * keyword may follow a '.' as a name component (.internal.int).
 */
#ifndef PHANTOM_COMPILER_LEX_H
#define PHANTOM_COMPILER_LEX_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stdint.h>

/* Sources are addressed with 32-bit offsets; the parser rejects longer ones. */
#define PC_MAX_SOURCE ((size_t)1 << 30)

/* X(NAME, spelling): keywords, in strcmp order (the lookup is a binary search). */
#define PC_KEYWORDS(X)                                                                     \
    X(ATTRIBUTE, "attribute") X(BOOL, "bool") X(BREAK, "break") X(CASE, "case")              \
    X(CATCH, "catch") X(CHAR_KW, "char") X(CLASS, "class") X(CONST, "const")                 \
    X(CONTINUE, "continue") X(DEFAULT, "default") X(DO, "do") X(DOUBLE_KW, "double")         \
    X(ELSE, "else") X(EXTENDS, "extends") X(FALSE, "false") X(FINALLY, "finally")            \
    X(FLOAT_KW, "float") X(FOR, "for") X(FOREACH, "foreach") X(IF, "if")                     \
    X(IMPLEMENTS, "implements") X(IMPORT, "import") X(INSTANCEOF, "instanceof")              \
    X(INT_KW, "int") X(INTERFACE, "interface") X(LONG_KW, "long") X(NEW, "new")              \
    X(NULL_KW, "null") X(PACKAGE, "package") X(PRIVATE, "private")                           \
    X(PROTECTED, "protected") X(PUBLIC, "public") X(RETURN, "return") X(STATIC, "static")    \
    X(STRING_KW, "string") X(SUPER, "super") X(SWITCH, "switch")                             \
    X(SYNCHRONIZED, "synchronized") X(THIS, "this") X(THROW, "throw") X(TRUE, "true")        \
    X(TRY, "try") X(VAR, "var") X(VOID, "void") X(WHILE, "while")

/* X(NAME, spelling): operators and punctuation. */
#define PC_PUNCTUATION(X)                                                                  \
    X(LPAREN, "(") X(RPAREN, ")") X(LBRACE, "{") X(RBRACE, "}") X(LBRACKET, "[")              \
    X(RBRACKET, "]") X(SEMI, ";") X(COMMA, ",") X(DOT, ".") X(COLON, ":") X(QUESTION, "?")    \
    X(AT, "@") X(TILDE, "~") X(BANG, "!") X(NE, "!=") X(ASSIGN, "=") X(EQ, "==")              \
    X(REF_EQ, ":==") X(REF_NE, ":!=") X(LT, "<") X(LE, "<=") X(SHL, "<<") X(SHL_ASSIGN, "<<=") \
    X(GT, ">") X(GE, ">=") X(SHR, ">>") X(SHR_ASSIGN, ">>=") X(USHR, ">>>")                   \
    X(USHR_ASSIGN, ">>>=") X(PLUS, "+") X(PLUS_ASSIGN, "+=") X(INC, "++") X(MINUS, "-")       \
    X(MINUS_ASSIGN, "-=") X(DEC, "--") X(ARROW, "->") X(STAR, "*") X(STAR_ASSIGN, "*=")       \
    X(SLASH, "/") X(SLASH_ASSIGN, "/=") X(PERCENT, "%") X(PERCENT_ASSIGN, "%=") X(AMP, "&")   \
    X(AMP_ASSIGN, "&=") X(AND, "&&") X(PIPE, "|") X(PIPE_ASSIGN, "|=") X(OR, "||")            \
    X(CARET, "^") X(CARET_ASSIGN, "^=")

typedef enum pc_tok_kind {
    PC_TK_EOF,
    PC_TK_IDENT,
    PC_TK_INT,    /* 123, 0x7f: value in ival (hex: the 32-bit pattern); see PC_TF_MINVAL */
    PC_TK_LONG,   /* 123L */
    PC_TK_FLOAT,  /* 1.5f */
    PC_TK_DOUBLE, /* 1.5, 1e3, 1.5d */
    PC_TK_CHAR,   /* 'a': code point in ival */
    PC_TK_STRING, /* "a\n": decoded bytes in text/tlen */
#define PC_TK_ENUM_(name, spelling) PC_TK_##name,
    PC_KEYWORDS(PC_TK_ENUM_) PC_PUNCTUATION(PC_TK_ENUM_)
#undef PC_TK_ENUM_
        PC_TK_COUNT
} pc_tok_kind;

/* Token flags. */
enum {
    PC_TF_MINVAL = 1, /* decimal 2147483648 (or 9223372036854775808L): valid only after '-' */
};

typedef struct pc_token {
    pc_tok_kind kind;
    unsigned flags;
    pc_loc loc;       /* the first byte */
    uint32_t len;     /* bytes of source text */
    uint64_t ival;    /* INT (as the 32-bit pattern), LONG, CHAR */
    double fval;      /* FLOAT (already rounded to float), DOUBLE */
    const char *text; /* IDENT: the source bytes; STRING: decoded, NUL-terminated (arena) */
    size_t tlen;
} pc_token;

typedef struct pc_lexer {
    const pc_source *src;
    uint32_t pos, line, col; /* the next byte to read and where it is */
    pc_diag *d;              /* NULL: quiet (lookahead) */
    pc_arena *a;
    bool open_comment;       /* the input ended inside a comment */
    bool bad;                /* a lexical error was reported (other than open_comment) */
    uint32_t stray_line;     /* line of the last run of invalid bytes (one message per line) */
} pc_lexer;

/* A lexer at the start of src (len <= PC_MAX_SOURCE); reports to d (NULL: quiet). */
void pc_lex_init(pc_lexer *lx, const pc_source *src, pc_diag *d, pc_arena *a);

/* The next token; at the end, PC_TK_EOF (again on every further call). */
void pc_lex_next(pc_lexer *lx, pc_token *t);

/* The spelling of a keyword or punctuation kind ("class", "+="), else a description. */
const char *pc_tok_spelling(pc_tok_kind k);

/* The token as messages name it: "';'", "'class'", "identifier 'foo'", "end of input". */
char *pc_tok_describe(const pc_token *t, char *buf, size_t n);

#endif
