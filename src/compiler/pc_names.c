/*
 * pc_names.c - names: the table of every class by full name, the package
 * and imports of each source file, and what a written class name or type
 * denotes there.
 *
 * A relative name (`item`, `hier.child1`) is looked for, in this order:
 *   1. through a single-class import whose last component is the name's
 *      first (`import .demo.shop.item;` makes `item` and `item.x` work);
 *   2. in the file's package (`.demo.shop.item`), or at the root when the
 *      file has no package (`.item`);
 *   3. in each `import .a.b.*;` package, in order;
 *   4. in `.phantom` (the standard exceptions) and `.internal` (the
 *      internal classes), which every file sees;
 *   5. at the root (`.hier.child1`), so a packaged file can name classes of
 *      files without a package.
 * An absolute name (`.internal.string`) denotes exactly that class.  The
 * built-in type names (`int`, `string`, ...) are keywords and never
 * classes; `.internal.int` and friends name the same value types.
 */
#include <string.h>

#include "pc_internal.h"

/* ---- the class table ------------------------------------------------------------------ */

uint32_t pc_hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

pc_class *pc_class_find(pc_ctx *c, const char *full)
{
    if (!c->nbuckets)
        return NULL;
    for (pc_class *k = c->buckets[pc_hash_str(full) & (c->nbuckets - 1)]; k; k = k->hash_next)
        if (!strcmp(k->name, full))
            return k;
    return NULL;
}

void pc_class_add(pc_ctx *c, pc_class *k)
{
    if (c->nclasses + 1 > c->nbuckets) {
        uint32_t nb = c->nbuckets ? c->nbuckets * 4 : 256;
        pc_class **b = pc_alloc(c, nb * sizeof *b);
        for (uint32_t i = 0; i < c->nbuckets; i++)
            for (pc_class *x = c->buckets[i], *next; x; x = next) {
                next = x->hash_next;
                uint32_t h = pc_hash_str(x->name) & (nb - 1);
                x->hash_next = b[h];
                b[h] = x;
            }
        c->buckets = b;
        c->nbuckets = nb;
    }
    uint32_t h = pc_hash_str(k->name) & (c->nbuckets - 1);
    k->hash_next = c->buckets[h];
    c->buckets[h] = k;
    c->nclasses++;
}

/* ---- names ---------------------------------------------------------------------------- */

/* "a.b" from the first count components (no leading dot). */
static char *join_rel(pc_ctx *c, const pc_name *n, uint32_t from, uint32_t count)
{
    size_t len = 0;
    for (uint32_t i = from; i < count; i++)
        len += strlen(n->part[i]) + 1;
    char *s = pc_alloc(c, len + 1), *p = s;
    for (uint32_t i = from; i < count; i++) {
        if (i > from)
            *p++ = '.';
        size_t k = strlen(n->part[i]);
        memcpy(p, n->part[i], k);
        p += k;
    }
    *p = 0;
    return s;
}

char *pc_name_join(pc_ctx *c, const pc_name *n, uint32_t count)
{
    return pc_fmt(c, ".%s", join_rel(c, n, 0, count));
}

const char *pc_name_spell(pc_ctx *c, const pc_name *n)
{
    char *r = join_rel(c, n, 0, n->count);
    return n->absolute ? pc_fmt(c, ".%s", r) : r;
}

static pc_class *try_name(pc_ctx *c, const char *prefix, const char *rel)
{
    char buf[1024];
    size_t pl = strlen(prefix), rl = strlen(rel);
    if (pl + rl + 2 > sizeof buf)
        return NULL;
    memcpy(buf, prefix, pl);
    buf[pl] = '.';
    memcpy(buf + pl + 1, rel, rl + 1);
    return pc_class_find(c, buf);
}

pc_class *pc_resolve_class(pc_ctx *c, const pc_unitinfo *ui, const pc_name *n, uint32_t count)
{
    if (count == 0 || count > n->count)
        return NULL;
    char *rel = join_rel(c, n, 0, count);
    if (n->absolute)
        return try_name(c, "", rel);
    pc_class *k;
    if (ui) {
        for (uint32_t i = 0; i < ui->nimports; i++) {
            const char *imp = ui->imports[i];
            const char *last = strrchr(imp, '.');
            if (!last || strcmp(last + 1, n->part[0]))
                continue;
            if (count == 1)
                k = pc_class_find(c, imp);
            else
                k = try_name(c, imp, join_rel(c, n, 1, count));
            if (k)
                return k;
        }
        if ((k = try_name(c, ui->package, rel)))
            return k;
        for (uint32_t i = 0; i < ui->nwild; i++)
            if ((k = try_name(c, ui->wild[i], rel)))
                return k;
    }
    if ((k = try_name(c, ".phantom", rel)) || (k = try_name(c, ".internal", rel)))
        return k;
    return try_name(c, "", rel);
}

pc_ty *pc_resolve_type(pc_ctx *c, const pc_unitinfo *ui, const pc_type *t)
{
    if (!t)
        return &c->t_any;
    switch (t->kind) {
    case PC_T_VOID: return &c->t_void;
    case PC_T_INT: return &c->t_int;
    case PC_T_LONG: return &c->t_long;
    case PC_T_FLOAT: return &c->t_float;
    case PC_T_DOUBLE: return &c->t_double;
    case PC_T_BOOL: return &c->t_bool;
    case PC_T_CHAR: return &c->t_char;
    case PC_T_STRING: return &c->t_string;
    case PC_T_NAMED: {
        pc_class *k = pc_resolve_class(c, ui, t->name, t->name->count);
        if (!k) {
            char q[80];
            const char *full = pc_name_spell(c, t->name);
            pc_error(c->d, t->loc, "unknown class '%s'", pc_diag_quote(q, sizeof q, full, strlen(full)));
            return &c->t_error;
        }
        return k->ty;
    }
    case PC_T_ARRAY: {
        pc_ty *e = pc_resolve_type(c, ui, t->elem);
        if (e->k == PC_TY_VOID)
            e = &c->t_any; /* void [] : an array of anything */
        return pc_ty_array(c, e);
    }
    }
    return &c->t_error;
}

/* ---- units ----------------------------------------------------------------------------- */

void pc_unit_scan(pc_ctx *c, pc_unitinfo *ui)
{
    ui->package = "";
    uint32_t ni = 0, nw = 0;
    for (pc_decl *d = ui->unit->decls; d; d = d->next)
        if (d->kind == PC_D_IMPORT)
            *(d->u.import.all ? &nw : &ni) += 1;
    ui->imports = pc_alloc(c, (ni + 1) * sizeof *ui->imports);
    ui->wild = pc_alloc(c, (nw + 1) * sizeof *ui->wild);
    for (pc_decl *d = ui->unit->decls; d; d = d->next) {
        if (d->kind == PC_D_PACKAGE) {
            ui->package = pc_name_join(c, d->u.package, d->u.package->count);
        } else if (d->kind == PC_D_IMPORT) {
            const char *full = pc_name_join(c, d->u.import.name, d->u.import.name->count);
            if (d->u.import.all)
                ui->wild[ui->nwild++] = full;
            else
                ui->imports[ui->nimports++] = full;
        }
    }
    const char *name = ui->unit->src.name ? ui->unit->src.name : "";
    const char *slash = strrchr(name, '/');
    ui->dir = slash ? pc_strndup(c, name, (size_t)(slash - name + 1)) : "";
}

/* Whether some known class is in package pkg (or in one under it). */
static bool package_known(pc_ctx *c, const char *pkg)
{
    size_t n = strlen(pkg);
    for (uint32_t i = 0; i < c->nbuckets; i++)
        for (pc_class *k = c->buckets[i]; k; k = k->hash_next)
            if (!strncmp(k->name, pkg, n) && k->name[n] == '.')
                return true;
    return false;
}

void pc_unit_check_imports(pc_ctx *c, pc_unitinfo *ui)
{
    for (pc_decl *d = ui->unit->decls; d; d = d->next) {
        if (d->kind != PC_D_IMPORT)
            continue;
        const char *full = pc_name_join(c, d->u.import.name, d->u.import.name->count);
        char q[80];
        if (d->u.import.all) {
            if (!package_known(c, full))
                pc_error(c->d, d->u.import.name->loc, "import of unknown package '%s' (no class is in it)",
                         pc_diag_quote(q, sizeof q, full, strlen(full)));
        } else if (!pc_class_find(c, full)) {
            pc_error(c->d, d->u.import.name->loc, "import of unknown class '%s'%s",
                     pc_diag_quote(q, sizeof q, full, strlen(full)),
                     package_known(c, full) ? " (it is a package: import its classes with '.*')" : "");
        }
    }
}
