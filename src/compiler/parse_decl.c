/*
 * parse_decl.c - declarations: the top-level items of a file (package,
 * import, attribute, class, interface) and class members (fields,
 * methods, constructors), plus the variable declarators that fields and
 * local variables share.
 */
#include "parse_internal.h"

#include <string.h>

/* ---- variable declarators (fields and locals) ------------------------------------------ */

/*
 * The declarators of a declaration whose first name is current.
 * Var-style (ctype NULL): name [: T] {@attr} [= init] {, ...}; names with
 * neither type nor value take the type of the next name that has one
 * (var a, b : int; declares two ints; var a, b = 1; leaves a untyped).
 * C-style (after the type ctype and its attributes type_attrs, which go
 * to the first variable): name {@attr} [= init] {, ...}, every variable
 * sharing ctype.  The caller consumes the ';'.
 */
p_var *p_vars(pc_parser *p, pc_type *ctype, pc_attr *type_attrs, unsigned mods)
{
    p_var *head = NULL, **tail = &head;
    do {
        p_var *v = pc_arena_alloc(p->a, sizeof *v);
        v->loc = p->tok.loc;
        v->attrs = head ? NULL : type_attrs;
        v->name = p_ident(p, "a variable name");
        v->type = ctype;
        if (!ctype && p_accept(p, PC_TK_COLON))
            v->type = p_type(p, P_NAME_QUOTED_FIRST);
        p_attrs(p, &v->attrs, false);
        if (p_accept(p, PC_TK_ASSIGN))
            v->init = p_expr(p);
        else if (mods & PC_MOD_CONST)
            p_check(p, p->tok.loc, "constant '%s' needs a value ('= ...')", v->name);
        P_APPEND(tail, v);
    } while (p_accept(p, PC_TK_COMMA));
    if (!ctype) { /* var a, b : int;  gives b's type to a, as in Pascal */
        p_var *bare = head;
        for (p_var *v = head; v; v = v->next) {
            if (v->type)
                for (; bare != v; bare = bare->next)
                    bare->type = v->type;
            if (v->type || v->init)
                bare = v->next;
        }
    }
    return head;
}

bool p_const_shorthand(const pc_parser *p, unsigned mods)
{
    if (!(mods & PC_MOD_CONST) || p->tok.kind != PC_TK_IDENT)
        return false;
    pc_tok_kind next = p_peek(p, 1).kind;
    return next == PC_TK_ASSIGN || next == PC_TK_COLON;
}

/* ---- class members ------------------------------------------------------------------ */

static pc_decl *fields(pc_parser *p, unsigned mods, p_var *vars)
{
    pc_decl *head = NULL, **tail = &head;
    if (vars && (mods & PC_MOD_SYNCHRONIZED))
        p_check(p, vars->loc, "'synchronized' is for methods (and blocks), not fields");
    for (p_var *v = vars; v; v = v->next) {
        pc_decl *f = p_new_decl(p, PC_D_FIELD, v->loc);
        f->mods = mods;
        f->attrs = v->attrs;
        f->u.field.name = v->name;
        f->u.field.type = v->type;
        f->u.field.init = v->init;
        P_APPEND(tail, f);
    }
    p_expect_semi(p, "after field declaration");
    return head;
}

/* A parameter: var name [: T] {@attr}, or T name {@attr}. */
static pc_param *param(pc_parser *p)
{
    pc_param *pm = pc_arena_alloc(p->a, sizeof *pm);
    if (p_accept(p, PC_TK_VAR)) {
        pm->loc = p->tok.loc;
        pm->name = p_ident(p, "a parameter name");
        if (p_accept(p, PC_TK_COLON))
            pm->type = p_type(p, P_NAME_QUOTED_FIRST);
    } else if (p_type_start(p, 0)) {
        pm->type = p_type(p, 0);
        p_attrs(p, &pm->attrs, false);
        pm->loc = p->tok.loc;
        pm->name = p_ident(p, "a parameter name");
    } else {
        pm->loc = p->tok.loc;
        pm->name = "?";
        p_error_found(p, "a parameter ('var name : type' or 'type name')");
    }
    p_attrs(p, &pm->attrs, false);
    return pm;
}

/*
 * The rest of a method after its name: ( params ) [ [N] ] {@attr} then a
 * body block or ';' (a method without body, as in interfaces).
 */
static pc_decl *method(pc_parser *p, pc_decl *m)
{
    pc_loc open = p->tok.loc;
    p_advance(p); /* ( */
    pc_param **tail = &m->u.method.params;
    if (p->tok.kind != PC_TK_RPAREN) {
        do {
            P_APPEND(tail, param(p));
            m->u.method.nparams++;
        } while (p_accept(p, PC_TK_COMMA));
    }
    p_expect_close(p, PC_TK_RPAREN, open);
    m->u.method.ordinal = -1;
    if (p->tok.kind == PC_TK_LBRACKET) {
        pc_loc bracket = p->tok.loc;
        p_advance(p);
        if (p->tok.kind == PC_TK_INT) {
            m->u.method.ordinal = p_ordinal(p);
        } else {
            p_error_found(p, "a method ordinal (a non-negative integer)");
        }
        p_expect_close(p, PC_TK_RBRACKET, bracket);
    }
    p_attrs(p, &m->attrs, true);
    if (p->tok.kind == PC_TK_LBRACE)
        m->u.method.body = p_block(p);
    else if (!p_accept(p, PC_TK_SEMI))
        p_error_found(p, "'{' or ';' after the method's parameters");
    return m;
}

/* True if the current token is the class's own name (a constructor). */
static bool is_class_name(const pc_parser *p)
{
    return p->class_name && p->tok.kind == PC_TK_IDENT &&
           strlen(p->class_name) == p->tok.tlen &&
           memcmp(p->class_name, p->tok.text, p->tok.tlen) == 0;
}

/* One member; NULL for an empty one.  May return several fields (int a, b;). */
static pc_decl *member(pc_parser *p)
{
    if (p_accept(p, PC_TK_SEMI))
        return NULL;
    if (p->tok.kind == PC_TK_ATTRIBUTE)
        return p_attribute_decl(p);
    unsigned mods = p_mods(p, P_MODS_ALL, "a member");
    if (p->tok.kind == PC_TK_CLASS || p->tok.kind == PC_TK_INTERFACE) {
        p_error(p, p->tok.loc, "classes cannot be nested; declare each class at top level");
        return NULL;
    }
    if (p_accept(p, PC_TK_VAR) || p_const_shorthand(p, mods))
        return fields(p, mods, p_vars(p, NULL, NULL, mods));
    pc_type *type;
    pc_attr *attrs = NULL;
    bool ctor = false;
    if (p->tok.kind == PC_TK_IDENT && p_peek(p, 1).kind == PC_TK_LPAREN) {
        /* name( ... : a Java-style constructor, or a method missing its type */
        type = p_new_type(p, PC_T_VOID, p->tok.loc);
        ctor = is_class_name(p);
        if (!ctor)
            p_check(p, p->tok.loc, "method '%.*s' needs a return type (or 'void')",
                    (int)(p->tok.tlen > 64 ? 64 : p->tok.tlen), p->tok.text);
    } else if (p_type_start(p, P_NAME_QUOTED_FIRST)) {
        type = p_type(p, P_NAME_QUOTED_FIRST);
        p_attrs(p, &attrs, false);
        /* a static void method named like its class is a method (static void main in main) */
        ctor = type->kind == PC_T_VOID && !(mods & PC_MOD_STATIC) && is_class_name(p) &&
               p_peek(p, 1).kind == PC_TK_LPAREN;
    } else {
        p_error_found(p, "a field or method declaration");
        return NULL;
    }
    if (p->tok.kind == PC_TK_IDENT && p_peek(p, 1).kind == PC_TK_LPAREN) {
        pc_decl *m = p_new_decl(p, PC_D_METHOD, p->tok.loc);
        m->mods = mods;
        m->attrs = attrs;
        m->u.method.name = p_tok_text(p);
        m->u.method.ret = type;
        m->u.method.ctor = ctor;
        if (ctor && (mods & PC_MOD_STATIC))
            p_check(p, m->loc, "a constructor cannot be static");
        if (ctor && (mods & PC_MOD_SYNCHRONIZED))
            p_check(p, m->loc, "a constructor cannot be synchronized");
        if (mods & PC_MOD_CONST)
            p_check(p, m->loc, "a method cannot be 'const'");
        p_advance(p);
        return method(p, m);
    }
    return fields(p, mods, p_vars(p, type, attrs, mods));
}

/* ---- classes and interfaces -------------------------------------------------------------- */

/* A comma-separated list of class or interface names. */
static pc_type *type_list(pc_parser *p, int *count)
{
    pc_type *head = NULL, **tail = &head;
    do {
        P_APPEND(tail, p_type(p, P_NAME_QUOTED_FIRST));
        (*count)++;
    } while (p_accept(p, PC_TK_COMMA));
    return head;
}

static pc_decl *class_decl(pc_parser *p, unsigned mods)
{
    bool interface = p->tok.kind == PC_TK_INTERFACE;
    p_advance(p);
    pc_decl *c = p_new_decl(p, PC_D_CLASS, p->tok.loc);
    c->mods = mods;
    c->u.cls.interface = interface;
    c->u.cls.name = p_name(p, P_NAME_QUOTED_FIRST);
    p_attrs(p, &c->attrs, true);
    for (;;) {
        pc_loc at = p->tok.loc;
        int n = 0;
        if (p_accept(p, PC_TK_EXTENDS)) {
            bool again = c->u.cls.extends != NULL;
            pc_type **tail = &c->u.cls.extends;
            P_APPEND(tail, type_list(p, &n));
            if (!interface && (again || n > 1))
                p_check(p, at, "a class extends at most one class "
                               "(interfaces go after 'implements')");
        } else if (p_accept(p, PC_TK_IMPLEMENTS)) {
            pc_type **tail = &c->u.cls.implements;
            P_APPEND(tail, type_list(p, &n));
            if (interface)
                p_check(p, at, "an interface extends other interfaces; it does not implement them");
        } else {
            break;
        }
    }
    pc_loc open = p->tok.loc;
    if (!p_expect(p, PC_TK_LBRACE, "to begin the class body"))
        return c;
    const pc_name *name = c->u.cls.name;
    const char *outer = p->class_name;
    p->class_name = name->part[name->count - 1];
    pc_decl **tail = &c->u.cls.members;
    while (p->tok.kind != PC_TK_RBRACE && p->tok.kind != PC_TK_EOF) {
        uint32_t before = p->tok.loc.off;
        P_APPEND(tail, member(p));
        p_next_in_list(p, before);
    }
    p->class_end = p->tok.loc;
    p_expect_close(p, PC_TK_RBRACE, open);
    p->class_name = outer;
    return c;
}

/* ---- top level -------------------------------------------------------------------------- */

bool p_decl_start(const pc_parser *p)
{
    switch (p->tok.kind) {
    case PC_TK_CLASS:
    case PC_TK_INTERFACE:
    case PC_TK_PACKAGE:
    case PC_TK_ATTRIBUTE:
        return true;
    case PC_TK_IMPORT:
        return p_peek(p, 1).kind != PC_TK_STRING; /* import "file" is an expression */
    case PC_TK_PUBLIC:
    case PC_TK_PROTECTED:
    case PC_TK_PRIVATE:
        return true; /* only classes (or members) are public; the parser explains if not */
    default:
        return false;
    }
}

static pc_decl *import_decl(pc_parser *p)
{
    p_advance(p);
    if (p->tok.kind == PC_TK_STRING) {
        p_error(p, p->tok.loc,
                "'import \"file\"' is an expression (the file's bytes as a string); "
                "a top-level import names a class, as in 'import .internal.directory;'");
        return NULL;
    }
    pc_decl *d = p_new_decl(p, PC_D_IMPORT, p->tok.loc);
    d->u.import.name = p_name(p, P_NAME_QUOTED_FIRST);
    if (p->tok.kind == PC_TK_DOT && p_peek(p, 1).kind == PC_TK_STAR) {
        p_advance(p);
        p_advance(p);
        d->u.import.all = true;
    }
    p_expect_semi(p, "after import");
    return d;
}

pc_decl *p_top_item(pc_parser *p)
{
    switch (p->tok.kind) {
    case PC_TK_SEMI:
        p_advance(p);
        return NULL;
    case PC_TK_PACKAGE: {
        p_advance(p);
        pc_decl *d = p_new_decl(p, PC_D_PACKAGE, p->tok.loc);
        d->u.package = p_name(p, P_NAME_QUOTED_FIRST);
        p_expect_semi(p, "after the package name");
        return d;
    }
    case PC_TK_IMPORT:
        return import_decl(p);
    case PC_TK_ATTRIBUTE:
        return p_attribute_decl(p);
    default:
        break;
    }
    unsigned mods = p_mods(p, P_MODS_ACCESS, "a class");
    if (p->tok.kind == PC_TK_CLASS || p->tok.kind == PC_TK_INTERFACE)
        return class_decl(p, mods);
    pc_type_kind k;
    bool member = mods || p->tok.kind == PC_TK_VAR || p_builtin_type(p->tok.kind, &k) ||
                  (p->tok.kind == PC_TK_IDENT && p_peek(p, 1).kind == PC_TK_LPAREN) ||
                  p_looks_like_decl(p);
    p_error_found(p, "a class, interface, package, import or attribute declaration");
    if (member && p->class_end.src) {
        p_note(p, p->class_end, "this looks like a member, but the class ended at this '}'");
        p->class_end.src = NULL; /* once */
    }
    return NULL;
}
