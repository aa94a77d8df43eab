/*
 * parse_stmt.c - statements and blocks.
 *
 * A statement that is the body of another (if, loops, try, ...) is one
 * node: a declaration of several variables there is wrapped in a block.
 * In a list (a block, a switch arm, the shell), each variable of a
 * declaration is its own PC_S_VAR statement.
 */
#include "parse_internal.h"

#include <string.h>

/* Statements until '}' or the end (or, in a switch arm, the next label). */
static pc_stmt *stmt_list(pc_parser *p, bool switch_arm)
{
    pc_stmt *head = NULL, **tail = &head;
    for (;;) {
        pc_tok_kind k = p->tok.kind;
        if (k == PC_TK_RBRACE || k == PC_TK_EOF ||
            (switch_arm && (k == PC_TK_CASE || k == PC_TK_DEFAULT)))
            return head;
        uint32_t before = p->tok.loc.off;
        P_APPEND(tail, p_stmt(p, P_STMT_LIST));
        p_next_in_list(p, before);
    }
}

pc_stmt *p_block(pc_parser *p)
{
    pc_stmt *s = p_new_stmt(p, PC_S_BLOCK, p->tok.loc);
    if (!p_expect(p, PC_TK_LBRACE, "to begin a block"))
        return s;
    s->u.block = stmt_list(p, false);
    p_expect_close(p, PC_TK_RBRACE, s->loc);
    return s;
}

/* The body of another statement: exactly one node. */
static pc_stmt *body(pc_parser *p)
{
    return p_stmt(p, 0);
}

/* '(' expression ')' after if, while, switch, ... */
static pc_expr *paren_expr(pc_parser *p, const char *after)
{
    pc_loc open = p->tok.loc;
    if (!p_expect(p, PC_TK_LPAREN, after))
        return p_error_expr(p);
    pc_expr *e = p_expr(p);
    p_expect_close(p, PC_TK_RPAREN, open);
    return e;
}

/* Warns about `if (c);` style empty bodies (a ';' on the line of the ')'). */
static void check_empty_body(pc_parser *p, const char *what)
{
    if (p->tok.kind == PC_TK_SEMI && p->tok.loc.line == p->prev_end.line)
        p_warning(p, p->tok.loc, "empty body of '%s'; write '{ }' if this is intended", what);
}

static pc_stmt *if_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    s->u.if_.cond = paren_expr(p, "after 'if'");
    check_empty_body(p, "if");
    s->u.if_.then = body(p);
    if (p_accept(p, PC_TK_ELSE))
        s->u.if_.els = body(p);
    return s;
}

static pc_stmt *while_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    s->u.while_.cond = paren_expr(p, "after 'while'");
    check_empty_body(p, "while");
    s->u.while_.body = body(p);
    return s;
}

/*
 * do S while (C) [S2] ;  -- the Phantom form: S2, if present, runs between
 * iterations.  A plain `do S while (C);` has no S2.  A statement after the
 * ')' on a later line was probably meant to follow the loop, so that case
 * gets a warning.
 */
static pc_stmt *do_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    s->u.do_.body = body(p);
    if (!p_expect(p, PC_TK_WHILE, "after the body of 'do'")) {
        s->u.do_.cond = p_error_expr(p);
        return s;
    }
    s->u.do_.cond = paren_expr(p, "after 'while'");
    if (p_accept(p, PC_TK_SEMI))
        return s;
    if (p->tok.kind == PC_TK_RBRACE || p->tok.kind == PC_TK_EOF) {
        p_expect_semi(p, "after 'do ... while (...)'");
        return s;
    }
    uint32_t line = p->prev_end.line;
    s->u.do_.step = body(p);
    if (s->u.do_.step->loc.line > line)
        p_warning(p, s->u.do_.step->loc,
                  "this statement runs between the iterations of the 'do' loop above (Phantom's "
                  "'do S while (C) S2;'); put ';' after 'while (...)' to end the loop there");
    return s;
}

/* Expression statements separated by commas (for loop parts). */
static pc_stmt *expr_stmts(pc_parser *p)
{
    pc_stmt *head = NULL, **tail = &head;
    do {
        pc_stmt *s = p_new_simple_stmt(p, PC_S_EXPR, p->tok.loc);
        s->u.expr = p_expr(p);
        P_APPEND(tail, s);
    } while (p_accept(p, PC_TK_COMMA));
    return head;
}

/* The word `in` of foreach (not a keyword, so programs may use it as a name). */
static bool is_in(const pc_token *t)
{
    return t->kind == PC_TK_IDENT && t->tlen == 2 && memcmp(t->text, "in", 2) == 0;
}

static bool local_decl_start(const pc_parser *p)
{
    pc_type_kind k;
    switch (p->tok.kind) {
    case PC_TK_VAR:
    case PC_TK_CONST:
    case PC_TK_STATIC: /* not allowed, but p_local_decl says so better than an expression would */
    case PC_TK_PUBLIC:
    case PC_TK_PROTECTED:
    case PC_TK_PRIVATE:
        return true;
    default:
        return p_builtin_type(p->tok.kind, &k) || p_looks_like_decl(p);
    }
}

static pc_stmt *for_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    pc_loc open = p->tok.loc;
    if (!p_expect(p, PC_TK_LPAREN, "after 'for'")) {
        s->u.for_.body = p_new_stmt(p, PC_S_EMPTY, p->tok.loc);
        return s;
    }
    if (p->tok.kind != PC_TK_SEMI) {
        bool decl = local_decl_start(p);
        if (decl)
            s->u.for_.init = p_local_decl(p, p_mods(p, PC_MOD_CONST, "a local variable"));
        else
            s->u.for_.init = expr_stmts(p);
        if (decl && (p->tok.kind == PC_TK_COLON || is_in(&p->tok)))
            p_error(p, p->tok.loc, "to loop over the items of a collection, write "
                                   "'foreach ( x in collection )'");
    }
    p_expect(p, PC_TK_SEMI, "after the loop's initialisation");
    if (p->tok.kind != PC_TK_SEMI)
        s->u.for_.cond = p_expr(p);
    p_expect(p, PC_TK_SEMI, "after the loop condition");
    if (p->tok.kind != PC_TK_RPAREN) {
        pc_expr **tail = &s->u.for_.step;
        do
            P_APPEND(tail, p_expr(p));
        while (p_accept(p, PC_TK_COMMA));
    }
    p_expect_close(p, PC_TK_RPAREN, open);
    check_empty_body(p, "for");
    s->u.for_.body = body(p);
    return s;
}

/* foreach ( [var] x [: T] in e ) S   or   foreach ( T x in e ) S */
static pc_stmt *foreach_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    pc_loc open = p->tok.loc;
    if (p_expect(p, PC_TK_LPAREN, "after 'foreach'")) {
        bool var = p_accept(p, PC_TK_VAR);
        pc_token next = p_peek(p, 1);
        bool plain = p->tok.kind == PC_TK_IDENT && (next.kind == PC_TK_COLON || is_in(&next));
        if (!var && !plain && p_type_start(p, 0))
            s->u.foreach.type = p_type(p, 0);
        s->u.foreach.name = p_ident(p, "the loop variable's name");
        if ((var || plain) && p_accept(p, PC_TK_COLON))
            s->u.foreach.type = p_type(p, P_NAME_QUOTED_FIRST);
        if (is_in(&p->tok))
            p_advance(p);
        else
            p_error_found(p, "'in'");
        s->u.foreach.iter = p_expr(p);
        p_expect_close(p, PC_TK_RPAREN, open);
    } else {
        s->u.foreach.name = "?";
        s->u.foreach.iter = p_error_expr(p);
    }
    s->u.foreach.body = body(p);
    return s;
}

static pc_stmt *switch_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    s->u.switch_.expr = paren_expr(p, "after 'switch'");
    pc_loc open = p->tok.loc;
    if (!p_expect(p, PC_TK_LBRACE, "to begin the switch body"))
        return s;
    pc_case **tail = &s->u.switch_.cases;
    pc_loc first_default = {0}; /* src NULL: no default yet */
    while (p->tok.kind != PC_TK_RBRACE && p->tok.kind != PC_TK_EOF) {
        if (p->tok.kind != PC_TK_CASE && p->tok.kind != PC_TK_DEFAULT) {
            p_error(p, p->tok.loc,
                    "a statement in a switch must follow a 'case' or 'default' label");
            p_sync(p);
            continue;
        }
        pc_case *arm = pc_arena_alloc(p->a, sizeof *arm);
        arm->loc = p->tok.loc;
        pc_expr **labels = &arm->labels;
        while (p->tok.kind == PC_TK_CASE || p->tok.kind == PC_TK_DEFAULT) {
            pc_loc at = p->tok.loc;
            if (p_accept(p, PC_TK_CASE)) {
                P_APPEND(labels, p_expr(p));
                p_expect(p, PC_TK_COLON, "after the case value");
            } else {
                p_advance(p);
                if (first_default.src) {
                    p_check(p, at, "more than one 'default' in a switch");
                    p_note(p, first_default, "the first is here");
                } else {
                    first_default = at;
                }
                arm->has_default = true;
                p_expect(p, PC_TK_COLON, "after 'default'");
            }
        }
        arm->body = stmt_list(p, true);
        P_APPEND(tail, arm);
    }
    p_expect_close(p, PC_TK_RBRACE, open);
    return s;
}

/* T {| T}: the classes a catch clause catches. */
static pc_type *caught_types(pc_parser *p, int flags)
{
    pc_type *head = NULL, **tail = &head;
    do
        P_APPEND(tail, p_type(p, flags));
    while (p_accept(p, PC_TK_PIPE));
    return head;
}

/* catch ( T {| T} e ) S,  catch ( var e [: T {| T}] ) S,  catch ( e ) S */
static pc_catch *catch_clause(pc_parser *p)
{
    pc_catch *c = pc_arena_alloc(p->a, sizeof *c);
    c->loc = p->tok.loc;
    c->name = "?";
    p_advance(p);
    pc_loc open = p->tok.loc;
    if (p_expect(p, PC_TK_LPAREN, "after 'catch'")) {
        pc_tok_kind next = p_peek(p, 1).kind;
        if (p_accept(p, PC_TK_VAR) ||
            (p->tok.kind == PC_TK_IDENT && (next == PC_TK_RPAREN || next == PC_TK_COLON))) {
            c->name = p_ident(p, "the exception variable's name");
            if (p_accept(p, PC_TK_COLON))
                c->types = caught_types(p, P_NAME_QUOTED_FIRST);
        } else {
            c->types = caught_types(p, 0);
            c->name = p_ident(p, "the exception variable's name");
        }
        p_expect_close(p, PC_TK_RPAREN, open);
    }
    c->body = body(p);
    return c;
}

static pc_stmt *try_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    s->u.try_.body = body(p);
    pc_catch **tail = &s->u.try_.catches;
    while (p->tok.kind == PC_TK_CATCH)
        P_APPEND(tail, catch_clause(p));
    if (p_accept(p, PC_TK_FINALLY))
        s->u.try_.finally = body(p);
    else if (!s->u.try_.catches)
        p_check(p, s->loc, "'try' needs a 'catch' or a 'finally'");
    return s;
}

static pc_stmt *sync_stmt(pc_parser *p, pc_stmt *s)
{
    p_advance(p);
    s->u.sync.lock = paren_expr(p, "after 'synchronized'");
    s->u.sync.body = p_block(p);
    return s;
}

/* Local variables, var- or C-style (after their modifiers); no ';'. */
pc_stmt *p_local_decl(pc_parser *p, unsigned mods)
{
    p_var *vars;
    if (p_accept(p, PC_TK_VAR) || p_const_shorthand(p, mods)) {
        vars = p_vars(p, NULL, NULL, mods);
    } else {
        pc_type *type = p_type(p, 0);
        pc_attr *attrs = NULL;
        p_attrs(p, &attrs, false);
        vars = p_vars(p, type, attrs, mods);
    }
    pc_stmt *head = NULL, **tail = &head;
    for (p_var *v = vars; v; v = v->next) {
        pc_stmt *s = p_new_stmt(p, PC_S_VAR, v->loc);
        s->u.var.mods = mods;
        s->u.var.name = v->name;
        s->u.var.type = v->type;
        s->u.var.init = v->init;
        s->u.var.attrs = v->attrs;
        P_APPEND(tail, s);
    }
    return head;
}

/* At the end of a shell input's top level, where a final ';' may be left out. */
static bool shell_end(const pc_parser *p, int ctx)
{
    return (ctx & P_STMT_SHELL) && p->tok.kind == PC_TK_EOF && !p->panic;
}

/* True for expressions whose value may be thrown away without a warning. */
static bool has_effect(const pc_expr *e)
{
    switch (e->kind) {
    case PC_E_ERROR:
    case PC_E_CALL:
    case PC_E_NEW:
    case PC_E_NEW_ARRAY:
    case PC_E_ASSIGN:
        return true;
    case PC_E_UNARY:
        return e->u.unary.op >= PC_OP_PREINC;
    default:
        return false;
    }
}

static pc_stmt *simple_stmt(pc_parser *p, pc_stmt *s, int ctx)
{
    switch (p->tok.kind) {
    case PC_TK_BREAK:
    case PC_TK_CONTINUE: {
        s->kind = p->tok.kind == PC_TK_BREAK ? PC_S_BREAK : PC_S_CONTINUE;
        const char *what = s->kind == PC_S_BREAK ? "after 'break'" : "after 'continue'";
        p_advance(p);
        if (p->tok.kind == PC_TK_IDENT && p_peek(p, 1).kind == PC_TK_SEMI) {
            p_error(p, p->tok.loc, "labels are not supported: '%s' leaves the innermost %s",
                    s->kind == PC_S_BREAK ? "break" : "continue",
                    s->kind == PC_S_BREAK ? "loop or switch" : "loop");
            p_advance(p);
        }
        p_expect_semi(p, what);
        return s;
    }
    case PC_TK_RETURN:
        s->kind = PC_S_RETURN;
        p_advance(p);
        if (p->tok.kind != PC_TK_SEMI && p->tok.kind != PC_TK_RBRACE)
            s->u.expr = p_expr(p);
        p_expect_semi(p, "after 'return'");
        return s;
    case PC_TK_THROW:
        s->kind = PC_S_THROW;
        p_advance(p);
        s->u.expr = p_expr(p);
        p_expect_semi(p, "after the thrown value");
        return s;
    default:
        break;
    }
    s->kind = PC_S_EXPR;
    s->u.expr = p_expr(p);
    if (shell_end(p, ctx)) {
        p->open_expr = s; /* the shell shows its value */
        return s;
    }
    if (!has_effect(s->u.expr))
        p_warning(p, s->u.expr->loc, "the value of this expression is not used");
    p_expect_semi(p, "after expression");
    return s;
}

static pc_stmt *stmt(pc_parser *p, int ctx)
{
    pc_tok_kind k = p->tok.kind;
    bool compound = k == PC_TK_IF || k == PC_TK_WHILE || k == PC_TK_DO || k == PC_TK_FOR || k == PC_TK_FOREACH ||
                    k == PC_TK_SWITCH || k == PC_TK_TRY || k == PC_TK_SYNCHRONIZED;
    pc_stmt *s = compound ? p_new_stmt(p, PC_S_EMPTY, p->tok.loc) : p_new_simple_stmt(p, PC_S_EMPTY, p->tok.loc);
    switch (p->tok.kind) {
    case PC_TK_LBRACE: return p_block(p);
    case PC_TK_SEMI: p_advance(p); return s;
    case PC_TK_IF: s->kind = PC_S_IF; return if_stmt(p, s);
    case PC_TK_WHILE: s->kind = PC_S_WHILE; return while_stmt(p, s);
    case PC_TK_DO: s->kind = PC_S_DO; return do_stmt(p, s);
    case PC_TK_FOR: s->kind = PC_S_FOR; return for_stmt(p, s);
    case PC_TK_FOREACH: s->kind = PC_S_FOREACH; return foreach_stmt(p, s);
    case PC_TK_SWITCH: s->kind = PC_S_SWITCH; return switch_stmt(p, s);
    case PC_TK_TRY: s->kind = PC_S_TRY; return try_stmt(p, s);
    case PC_TK_SYNCHRONIZED: s->kind = PC_S_SYNC; return sync_stmt(p, s);
    case PC_TK_ELSE:
        p_error(p, p->tok.loc, "'else' without a matching 'if'");
        return s;
    case PC_TK_CASE:
    case PC_TK_DEFAULT:
        p_error(p, p->tok.loc, "'%s' outside a switch", pc_tok_spelling(p->tok.kind));
        return s;
    case PC_TK_CATCH:
    case PC_TK_FINALLY:
        p_error(p, p->tok.loc, "'%s' without a matching 'try'", pc_tok_spelling(p->tok.kind));
        return s;
    case PC_TK_CLASS:
    case PC_TK_INTERFACE:
    case PC_TK_PACKAGE:
        p_error(p, p->tok.loc, "'%s' declarations belong at the top level of a file",
                pc_tok_spelling(p->tok.kind));
        return s;
    case PC_TK_IDENT:
        if (p_peek(p, 1).kind == PC_TK_COLON) { /* a Java label: report it, parse what it labels */
            p_error(p, p->tok.loc, "labels are not supported: 'break' and 'continue' leave the innermost "
                                   "loop (use a flag, or return from a method)");
            p_advance(p);
            p_advance(p);
            return p_stmt(p, ctx);
        }
        break;
    default:
        break;
    }
    if (!local_decl_start(p))
        return simple_stmt(p, s, ctx);
    pc_stmt *decl = p_local_decl(p, p_mods(p, PC_MOD_CONST, "a local variable"));
    if (!shell_end(p, ctx))
        p_expect_semi(p, "after variable declaration");
    if ((ctx & P_STMT_LIST) || !decl->next)
        return decl;
    s->kind = PC_S_BLOCK; /* several variables as the body of a statement */
    s->u.block = decl;
    return s;
}

pc_stmt *p_stmt(pc_parser *p, int ctx)
{
    if (!p_enter(p))
        return p_new_stmt(p, PC_S_EMPTY, p->tok.loc);
    pc_stmt *s = stmt(p, ctx);
    p_leave(p);
    return s;
}
