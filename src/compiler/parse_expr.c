/*
 * parse_expr.c - expressions, by precedence climbing over Java's operator
 * precedence (docs/LANGUAGE-GRAMMAR.md has the table):
 *
 *   assignment (right)  ?: (right)  ||  &&  |  ^  &  == != :== :!=
 *   < <= > >= instanceof  << >> >>>  + -  * / %  unary  postfix
 *
 * The original Phantom compiler grouped some of these differently ('&'
 * and '|' tighter than '+', '&&' and '||' at one level); where a program
 * relies on the difference without parentheses we warn (check_grouping).
 *
 * Every node goes through finish(), which computes its height and turns a
 * node taller than PC_MAX_EXPR_HEIGHT into an error, so a 100000-term sum
 * is reported instead of becoming a tree no later pass could recurse over.
 */
#include "parse_internal.h"

pc_expr *p_error_expr(pc_parser *p)
{
    return p_new_expr(p, PC_E_ERROR, p->tok.loc);
}

/* ---- heights ---------------------------------------------------------------------------- */

static unsigned max_height(unsigned m, const pc_expr *e)
{
    return e && e->height > m ? e->height : m;
}

static unsigned list_height(unsigned m, const pc_expr *list)
{
    for (; list; list = list->next)
        m = max_height(m, list);
    return m;
}

/* Sets e's height from its children; an expression too tall becomes an error. */
static pc_expr *finish(pc_parser *p, pc_expr *e)
{
    unsigned m = 0;
    switch (e->kind) {
    case PC_E_UNARY: m = max_height(0, e->u.unary.operand); break;
    case PC_E_BINARY:
    case PC_E_ASSIGN: m = max_height(max_height(0, e->u.binary.lhs), e->u.binary.rhs); break;
    case PC_E_COND:
        m = max_height(max_height(max_height(0, e->u.cond.cond), e->u.cond.then), e->u.cond.els);
        break;
    case PC_E_MEMBER: m = max_height(0, e->u.member.obj); break;
    case PC_E_INDEX: m = max_height(max_height(0, e->u.index.obj), e->u.index.index); break;
    case PC_E_CALL:
        m = list_height(max_height(max_height(0, e->u.call.obj), e->u.call.dyn), e->u.call.args);
        break;
    case PC_E_NEW:
    case PC_E_NEW_ARRAY:
        m = list_height(max_height(max_height(0, e->u.create.class_expr), e->u.create.size),
                        e->u.create.args);
        break;
    case PC_E_CAST:
    case PC_E_INSTANCEOF: m = max_height(0, e->u.cast.expr); break;
    default: break;
    }
    if (m + 1 > PC_MAX_EXPR_HEIGHT) {
        p_error(p, e->loc, "expression too complex (more than %d levels); split it up",
                PC_MAX_EXPR_HEIGHT);
        return p_new_expr(p, PC_E_ERROR, e->loc);
    }
    e->height = (uint16_t)(m + 1);
    return e;
}

/* ---- operators ---------------------------------------------------------------------------- */

/* Precedence of a binary operator token (0: not one) and its operator. */
static int binary_prec(pc_tok_kind k, pc_op *op)
{
    switch (k) {
    case PC_TK_OR: *op = PC_OP_OR; return 1;
    case PC_TK_AND: *op = PC_OP_AND; return 2;
    case PC_TK_PIPE: *op = PC_OP_BOR; return 3;
    case PC_TK_CARET: *op = PC_OP_BXOR; return 4;
    case PC_TK_AMP: *op = PC_OP_BAND; return 5;
    case PC_TK_EQ: *op = PC_OP_EQ; return 6;
    case PC_TK_NE: *op = PC_OP_NE; return 6;
    case PC_TK_REF_EQ: *op = PC_OP_REF_EQ; return 6;
    case PC_TK_REF_NE: *op = PC_OP_REF_NE; return 6;
    case PC_TK_LT: *op = PC_OP_LT; return 7;
    case PC_TK_LE: *op = PC_OP_LE; return 7;
    case PC_TK_GT: *op = PC_OP_GT; return 7;
    case PC_TK_GE: *op = PC_OP_GE; return 7;
    case PC_TK_INSTANCEOF: *op = PC_OP_NONE; return 7;
    case PC_TK_SHL: *op = PC_OP_SHL; return 8;
    case PC_TK_SHR: *op = PC_OP_SHR; return 8;
    case PC_TK_USHR: *op = PC_OP_USHR; return 8;
    case PC_TK_PLUS: *op = PC_OP_ADD; return 9;
    case PC_TK_MINUS: *op = PC_OP_SUB; return 9;
    case PC_TK_STAR: *op = PC_OP_MUL; return 10;
    case PC_TK_SLASH: *op = PC_OP_DIV; return 10;
    case PC_TK_PERCENT: *op = PC_OP_MOD; return 10;
    default: return 0;
    }
}

static bool assign_op(pc_tok_kind k, pc_op *op)
{
    switch (k) {
    case PC_TK_ASSIGN: *op = PC_OP_NONE; return true;
    case PC_TK_PLUS_ASSIGN: *op = PC_OP_ADD; return true;
    case PC_TK_MINUS_ASSIGN: *op = PC_OP_SUB; return true;
    case PC_TK_STAR_ASSIGN: *op = PC_OP_MUL; return true;
    case PC_TK_SLASH_ASSIGN: *op = PC_OP_DIV; return true;
    case PC_TK_PERCENT_ASSIGN: *op = PC_OP_MOD; return true;
    case PC_TK_AMP_ASSIGN: *op = PC_OP_BAND; return true;
    case PC_TK_PIPE_ASSIGN: *op = PC_OP_BOR; return true;
    case PC_TK_CARET_ASSIGN: *op = PC_OP_BXOR; return true;
    case PC_TK_SHL_ASSIGN: *op = PC_OP_SHL; return true;
    case PC_TK_SHR_ASSIGN: *op = PC_OP_SHR; return true;
    case PC_TK_USHR_ASSIGN: *op = PC_OP_USHR; return true;
    default: return false;
    }
}

/* Reports an assignment or ++/-- whose target is not a variable, field or element. */
static void check_target(pc_parser *p, const pc_expr *target, const char *op)
{
    pc_expr_kind k = target->kind;
    if (k != PC_E_NAME && k != PC_E_MEMBER && k != PC_E_INDEX && k != PC_E_ERROR)
        p_check(p, target->loc,
                "the target of '%s' must be a variable, a field or an array element", op);
}

static bool arith_or_compare(pc_op op)
{
    return (op >= PC_OP_ADD && op <= PC_OP_MOD) || (op >= PC_OP_EQ && op <= PC_OP_GE);
}

/*
 * Warns where Java precedence (ours) and the original Phantom compiler's
 * read an unparenthesised expression differently: a || b && c (the
 * original: (a || b) && c), and arithmetic or a comparison inside '&', '|'
 * or '^' (a + b & c; the original: a + (b & c)).
 */
static void check_grouping(pc_parser *p, const pc_expr *e)
{
    pc_op op = e->u.binary.op;
    const pc_expr *side[2] = {e->u.binary.lhs, e->u.binary.rhs};
    for (int i = 0; i < 2; i++) {
        const pc_expr *s = side[i];
        if (s->kind != PC_E_BINARY || (s->flags & PC_EF_PAREN))
            continue;
        pc_op in = s->u.binary.op;
        if (op == PC_OP_OR && in == PC_OP_AND && i == 1) /* (a && b) || c: the same both ways */
            p_warning(p, s->loc, "add parentheses around '&&' inside '||' (the original Phantom "
                                 "compiler grouped '&&' and '||' left to right)");
        else if ((op == PC_OP_BAND || op == PC_OP_BOR || op == PC_OP_BXOR) && arith_or_compare(in))
            p_warning(p, s->loc, "add parentheses around '%s' inside '%s' (the original Phantom "
                                 "compiler grouped '%s' first)",
                      pc_op_spelling(in), pc_op_spelling(op), pc_op_spelling(op));
    }
}

/* ---- primary expressions -------------------------------------------------------------------- */

/*
 * An integer literal, negated if neg.  Decimal 2147483648 (and its long
 * twin) is valid only negated; hex ints are 32-bit patterns (0xFFFFFFFF
 * is -1), as in Java.
 */
static pc_expr *int_literal(pc_parser *p, pc_loc at, bool neg)
{
    pc_token t = p->tok;
    pc_expr *e = p_new_expr(p, t.kind == PC_TK_LONG ? PC_E_LONG : PC_E_INT, at);
    if ((t.flags & PC_TF_MINVAL) && !neg)
        p_check(p, t.loc, "integer literal too large (only its negation, -%llu, fits)",
                (unsigned long long)t.ival);
    if (t.kind == PC_TK_LONG) {
        uint64_t bits = neg ? UINT64_C(0) - t.ival : t.ival;
        e->u.i = (int64_t)bits;
    } else {
        uint32_t bits = (uint32_t)t.ival;
        e->u.i = (int32_t)(neg ? 0u - bits : bits);
    }
    p_advance(p);
    return e;
}

/* ( [ expr { , expr } ] ) into *args; returns the count.  The current token is '('. */
static uint32_t call_args(pc_parser *p, pc_expr **args)
{
    pc_loc open = p->tok.loc;
    uint32_t n = 0;
    p_advance(p);
    if (p->tok.kind != PC_TK_RPAREN) {
        do {
            P_APPEND(args, p_expr(p));
            n++;
        } while (p_accept(p, PC_TK_COMMA));
    }
    p_expect_close(p, PC_TK_RPAREN, open);
    return n;
}

/* new T(args), new T[](args), new T[n], new *(class) [: T] (args) */
static pc_expr *new_expr(pc_parser *p)
{
    pc_expr *e = p_new_expr(p, PC_E_NEW, p->tok.loc);
    p_advance(p);
    if (p_accept(p, PC_TK_STAR)) {
        pc_loc open = p->tok.loc;
        if (p_expect(p, PC_TK_LPAREN, "after 'new *'")) {
            e->u.create.class_expr = p_expr(p);
            p_expect_close(p, PC_TK_RPAREN, open);
        } else {
            e->u.create.class_expr = p_error_expr(p);
        }
        if (p_accept(p, PC_TK_COLON))
            e->u.create.type = p_type(p, P_NAME_QUOTED_FIRST);
    } else {
        e->u.create.type = p_type(p, P_NAME_QUOTED_FIRST);
        if (p->tok.kind == PC_TK_LBRACKET) {
            pc_loc open = p->tok.loc;
            p_advance(p);
            e->kind = PC_E_NEW_ARRAY;
            e->u.create.size = p_expr(p);
            p_expect_close(p, PC_TK_RBRACKET, open);
            e->u.create.type = p_array_suffix(p, e->u.create.type); /* new T[n][] */
            if (p->tok.kind == PC_TK_LBRACKET)
                p_check(p, p->tok.loc, "only the outer size of an array can be given "
                                       "(new T[n][]); create the inner arrays one by one");
            return finish(p, e);
        }
    }
    if (p->tok.kind == PC_TK_LPAREN)
        e->u.create.nargs = call_args(p, &e->u.create.args);
    else
        p_error_found(p, "'(' (the constructor's arguments) or '[' (an array size) after the type");
    return finish(p, e);
}

static pc_expr *primary(pc_parser *p)
{
    pc_token t = p->tok;
    pc_expr *e;
    switch (t.kind) {
    case PC_TK_INT:
    case PC_TK_LONG:
        return int_literal(p, t.loc, false);
    case PC_TK_FLOAT:
    case PC_TK_DOUBLE:
        e = p_new_expr(p, t.kind == PC_TK_FLOAT ? PC_E_FLOAT : PC_E_DOUBLE, t.loc);
        e->u.f = t.fval;
        break;
    case PC_TK_CHAR:
        e = p_new_expr(p, PC_E_CHAR, t.loc);
        e->u.i = (int64_t)t.ival;
        break;
    case PC_TK_STRING:
        e = p_new_expr(p, PC_E_STRING, t.loc);
        e->u.str.s = t.text;
        e->u.str.len = t.tlen;
        break;
    case PC_TK_TRUE:
    case PC_TK_FALSE:
        e = p_new_expr(p, PC_E_BOOL, t.loc);
        e->u.i = t.kind == PC_TK_TRUE;
        break;
    case PC_TK_NULL_KW: e = p_new_expr(p, PC_E_NULL, t.loc); break;
    case PC_TK_THIS: e = p_new_expr(p, PC_E_THIS, t.loc); break;
    case PC_TK_SUPER:
        e = p_new_expr(p, PC_E_SUPER, t.loc);
        if (p_peek(p, 1).kind != PC_TK_DOT)
            p_check(p, t.loc, "'super' must be followed by '.' and a member");
        break;
    case PC_TK_IMPORT:
        p_advance(p);
        e = p_new_expr(p, PC_E_IMPORT, t.loc);
        e->u.str.s = "";
        if (p->tok.kind != PC_TK_STRING) {
            p_error_found(p, "a file name (a string) after 'import'");
            return e;
        }
        e->u.str.s = p->tok.text;
        e->u.str.len = p->tok.tlen;
        break;
    case PC_TK_NEW:
        return new_expr(p);
    case PC_TK_LPAREN:
        p_advance(p);
        e = p_expr(p);
        p_expect_close(p, PC_TK_RPAREN, t.loc);
        e->flags |= PC_EF_PAREN;
        return e;
    case PC_TK_IDENT:
    case PC_TK_DOT:
        e = p_new_expr(p, PC_E_NAME, t.loc);
        e->u.name = p_name(p, P_NAME_BEFORE_CALL);
        return e;
    default:
        p_error_found(p, "an expression");
        return p_error_expr(p);
    }
    p_advance(p);
    return e;
}

/* ---- postfix: members, calls, indexing, ++ -- ----------------------------------------------- */

/* After obj '.': a field, a call by name, by ordinal (o.16(x)) or by computed method (o.(e)(x)). */
static pc_expr *member(pc_parser *p, pc_expr *obj)
{
    p_advance(p); /* . */
    pc_token t = p->tok;
    pc_expr *e = p_new_expr(p, PC_E_CALL, t.loc);
    e->u.call.obj = obj;
    e->u.call.ordinal = -1;
    if (t.kind == PC_TK_INT) {
        e->u.call.ordinal = p_ordinal(p);
    } else if (t.kind == PC_TK_LPAREN) {
        p_advance(p);
        e->u.call.dyn = p_expr(p);
        p_expect_close(p, PC_TK_RPAREN, t.loc);
    } else if (p_is_component(t.kind)) {
        const char *name = p_component(p);
        p_advance(p);
        if (p->tok.kind != PC_TK_LPAREN) {
            e->kind = PC_E_MEMBER;
            e->u.member.obj = obj;
            e->u.member.name = name;
            return finish(p, e);
        }
        e->u.call.name = name;
    } else {
        p_error_found(p, "a member name, a method ordinal or '(' after '.'");
        return finish(p, p_error_expr(p));
    }
    if (p->tok.kind == PC_TK_LPAREN)
        e->u.call.nargs = call_args(p, &e->u.call.args);
    else
        p_error_found(p, "'(' and the call's arguments");
    return finish(p, e);
}

static pc_expr *postfix(pc_parser *p)
{
    pc_expr *e = primary(p);
    for (;;) {
        pc_loc at = p->tok.loc;
        switch (p->tok.kind) {
        case PC_TK_DOT:
            e = member(p, e);
            break;
        case PC_TK_LBRACKET: {
            pc_expr *ix = p_new_expr(p, PC_E_INDEX, at);
            p_advance(p);
            ix->u.index.obj = e;
            ix->u.index.index = p_expr(p);
            p_expect_close(p, PC_TK_RBRACKET, at);
            e = finish(p, ix);
            break;
        }
        case PC_TK_LPAREN: {
            const pc_name *n = e->kind == PC_E_NAME ? e->u.name : NULL;
            if (!n || n->absolute || n->count != 1 || (e->flags & PC_EF_PAREN)) {
                if (e->kind != PC_E_ERROR)
                    p_error(p, at, "only a method can be called; "
                                   "expected a method name before '('");
                else
                    p_error_found(p, "an operator");
                return e;
            }
            pc_expr *c = p_new_expr(p, PC_E_CALL, e->loc); /* m(args): a method of this class */
            c->u.call.name = n->part[0];
            c->u.call.ordinal = -1;
            c->u.call.nargs = call_args(p, &c->u.call.args);
            e = finish(p, c);
            break;
        }
        case PC_TK_INC:
        case PC_TK_DEC: {
            pc_expr *u = p_new_expr(p, PC_E_UNARY, at);
            u->u.unary.op = p->tok.kind == PC_TK_INC ? PC_OP_POSTINC : PC_OP_POSTDEC;
            u->u.unary.operand = e;
            check_target(p, e, pc_tok_spelling(p->tok.kind));
            p_advance(p);
            e = finish(p, u);
            break;
        }
        default:
            return e;
        }
    }
}

/* ---- unary, binary, conditional, assignment ------------------------------------------------ */

/* True if the token after an integer literal continues it as an operand (-5.toString()). */
static bool continues_operand(pc_tok_kind k)
{
    return k == PC_TK_DOT || k == PC_TK_LBRACKET || k == PC_TK_LPAREN || k == PC_TK_INC ||
           k == PC_TK_DEC;
}

static pc_expr *unary(pc_parser *p)
{
    pc_loc at = p->tok.loc;
    pc_op op;
    switch (p->tok.kind) {
    case PC_TK_MINUS: op = PC_OP_NEG; break;
    case PC_TK_PLUS: op = PC_OP_PLUS; break;
    case PC_TK_BANG: op = PC_OP_NOT; break;
    case PC_TK_TILDE: op = PC_OP_BNOT; break;
    case PC_TK_INC: op = PC_OP_PREINC; break;
    case PC_TK_DEC: op = PC_OP_PREDEC; break;
    case PC_TK_LPAREN:
        if (p_looks_like_cast(p)) {
            pc_expr *e = p_new_expr(p, PC_E_CAST, at);
            p_advance(p);
            e->u.cast.type = p_type(p, 0);
            p_expect_close(p, PC_TK_RPAREN, at);
            if (!p_enter(p))
                return p_error_expr(p);
            e->u.cast.expr = unary(p);
            p_leave(p);
            return finish(p, e);
        }
        return postfix(p);
    default:
        return postfix(p);
    }
    if (op == PC_OP_NEG) { /* fold -literal so -2147483648 is an int, as in Java */
        pc_token lit = p_peek(p, 1);
        if ((lit.kind == PC_TK_INT || lit.kind == PC_TK_LONG) &&
            !continues_operand(p_peek(p, 2).kind)) {
            p_advance(p);
            return int_literal(p, at, true);
        }
    }
    const char *spelling = pc_tok_spelling(p->tok.kind);
    p_advance(p);
    if (!p_enter(p))
        return p_error_expr(p);
    pc_expr *e = p_new_expr(p, PC_E_UNARY, at);
    e->u.unary.op = op;
    e->u.unary.operand = unary(p);
    p_leave(p);
    if (op == PC_OP_PREINC || op == PC_OP_PREDEC)
        check_target(p, e->u.unary.operand, spelling);
    return finish(p, e);
}

static pc_expr *binary(pc_parser *p, int min_prec)
{
    pc_expr *lhs = unary(p);
    for (;;) {
        pc_op op;
        int prec = binary_prec(p->tok.kind, &op);
        if (prec == 0 || prec < min_prec)
            return lhs;
        pc_expr *e = p_new_expr(p, PC_E_BINARY, p->tok.loc);
        if (p_accept(p, PC_TK_INSTANCEOF)) {
            e->kind = PC_E_INSTANCEOF;
            e->u.cast.expr = lhs;
            e->u.cast.type = p_type(p, P_NAME_QUOTED_FIRST);
            lhs = finish(p, e);
            continue;
        }
        p_advance(p);
        e->u.binary.op = op;
        e->u.binary.lhs = lhs;
        e->u.binary.rhs = binary(p, prec + 1);
        check_grouping(p, e);
        lhs = finish(p, e);
    }
}

static pc_expr *conditional(pc_parser *p)
{
    pc_expr *c = binary(p, 1);
    if (p->tok.kind != PC_TK_QUESTION)
        return c;
    pc_expr *e = p_new_expr(p, PC_E_COND, p->tok.loc);
    p_advance(p);
    e->u.cond.cond = c;
    e->u.cond.then = p_expr(p);
    p_expect(p, PC_TK_COLON, "between the branches of '?'");
    if (!p_enter(p)) {
        e->u.cond.els = p_error_expr(p);
    } else {
        e->u.cond.els = conditional(p);
        p_leave(p);
    }
    return finish(p, e);
}

static pc_expr *assignment(pc_parser *p)
{
    pc_expr *lhs = conditional(p);
    pc_op op;
    if (!assign_op(p->tok.kind, &op))
        return lhs;
    pc_expr *e = p_new_expr(p, PC_E_ASSIGN, p->tok.loc);
    check_target(p, lhs, pc_tok_spelling(p->tok.kind));
    p_advance(p);
    e->u.binary.op = op;
    e->u.binary.lhs = lhs;
    e->u.binary.rhs = p_expr(p); /* right-associative: a = b = c */
    return finish(p, e);
}

pc_expr *p_expr(pc_parser *p)
{
    if (!p_enter(p))
        return p_error_expr(p);
    pc_expr *e = assignment(p);
    p_leave(p);
    return e;
}
