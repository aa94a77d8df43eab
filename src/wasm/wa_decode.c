/*
 * wa_decode.c - the module's sections: types, imports, functions, table,
 * memory, globals, exports, start, elements, data count, code (bodies are
 * kept as byte ranges: wa_valid.c validates and translates them), data,
 * and the custom "name" section's function names.
 *
 * Everything but function bodies is validated here: section order and
 * sizes, indices, limits, constant expressions, unique export names, the
 * start function's type, and that the module is a WASI command (a
 * `_start` export of type [] -> []).
 */
#include "wa_internal.h"

#define MAX_TABLE (1u << 20)     /* entries this engine gives a table */
#define MAX_LOCALS 50000u        /* locals of one function, parameters included */

static void *zalloc(wa_reader *r, size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        wa_fail(r, "out of host memory");
    return p;
}

static bool rd_limits(wa_reader *r, uint32_t *min, uint32_t *max, uint32_t bound, const char *what)
{
    uint8_t flag = wa_rd_u8(r);
    if (!r->failed && flag > 1)
        return wa_fail(r, "malformed limits flags 0x%02x", flag);
    *min = wa_rd_u32(r);
    *max = flag ? wa_rd_u32(r) : UINT32_MAX;
    if (r->failed)
        return false;
    if (*min > bound || (flag && *max > bound))
        return wa_fail(r, "%s size must be at most %u", what, bound);
    if (flag && *max < *min)
        return wa_fail(r, "size minimum must not be greater than maximum");
    if (!flag)
        *max = bound;
    return true;
}

/* A constant expression of type `want`: a constant, ref.null or
 * ref.func (element expressions), then end.  Globals cannot be imported
 * here, so global.get never names a valid global. */
static bool rd_const(wa_reader *r, wa_mod *m, uint8_t want, uint64_t *out)
{
    size_t at = wa_rd_offset(r);
    uint8_t op = wa_rd_u8(r), got = 0;
    switch (op) {
    case 0x41: got = WA_I32; *out = (uint32_t)wa_rd_s32(r); break;
    case 0x42: got = WA_I64; *out = (uint64_t)wa_rd_s64(r); break;
    case 0x43: got = WA_F32; *out = wa_rd_fixed32(r); break;
    case 0x44: got = WA_F64; *out = wa_rd_fixed64(r); break;
    case 0x23: wa_rd_u32(r); return r->failed ? false : wa_fail_at(r, at, "unknown global (no global can be imported)");
    case 0xD0:
        got = wa_rd_u8(r);
        if (!r->failed && got != WA_FUNCREF && got != WA_EXTERNREF)
            return wa_fail(r, "malformed reference type");
        *out = UINT32_MAX;
        break;
    case 0xD2: {
        got = WA_FUNCREF;
        uint32_t f = wa_rd_u32(r);
        if (!r->failed && f >= m->nfuncs)
            return wa_fail_at(r, at, "unknown function %u", f);
        *out = f;
        if (!r->failed)
            m->declared[f] = true;
        break;
    }
    default:
        return r->failed ? false : wa_fail_at(r, at, "constant expression required (opcode 0x%02x)", op);
    }
    if (r->failed)
        return false;
    size_t end_at = wa_rd_offset(r);
    if (wa_rd_u8(r) != 0x0B)
        return r->failed ? false : wa_fail_at(r, end_at, "constant expression required (no end)");
    if (got != want)
        return wa_fail_at(r, at, "type mismatch: constant expression of type %s, expected %s", wa_type_name(got),
                          wa_type_name(want));
    return true;
}

static bool sec_types(wa_reader *r, wa_mod *m)
{
    m->ntypes = wa_rd_count(r, 3);
    m->types = zalloc(r, m->ntypes, sizeof *m->types);
    m->canon = zalloc(r, m->ntypes, sizeof *m->canon);
    for (uint32_t i = 0; i < m->ntypes && !r->failed; i++) {
        if (wa_rd_u8(r) != 0x60)
            return r->failed ? false : wa_fail(r, "malformed function type (0x60 expected)");
        uint32_t np = wa_rd_count(r, 1);
        const uint8_t *p = r->p;
        r->p += r->failed ? 0 : np;
        uint32_t nr = wa_rd_count(r, 1);
        const uint8_t *q = r->p;
        r->p += r->failed ? 0 : nr;
        if (r->failed)
            return false;
        wa_functype *t = malloc(sizeof *t + np + nr);
        if (!t)
            return wa_fail(r, "out of host memory");
        t->np = np;
        t->nr = nr;
        memcpy(t->t, p, np);
        memcpy(t->t + np, q, nr);
        m->types[i] = t;
        for (uint32_t k = 0; k < np + nr; k++)
            if (!wa_is_valtype(t->t[k]))
                return wa_fail_at(r, (size_t)((k < np ? p + k : q + k - np) - r->base), "malformed value type 0x%02x",
                                  t->t[k]);
        m->canon[i] = i;
        for (uint32_t j = 0; j < i; j++)
            if (m->types[j]->np == np && m->types[j]->nr == nr && !memcmp(m->types[j]->t, t->t, np + nr)) {
                m->canon[i] = j;
                break;
            }
    }
    return !r->failed;
}

static bool rd_typeidx(wa_reader *r, wa_mod *m, uint32_t *t)
{
    size_t at = wa_rd_offset(r);
    *t = wa_rd_u32(r);
    if (!r->failed && *t >= m->ntypes)
        return wa_fail_at(r, at, "unknown type %u", *t);
    return !r->failed;
}

static bool sec_imports(wa_reader *r, wa_mod *m)
{
    uint32_t n = wa_rd_count(r, 4);
    m->funcs = zalloc(r, n, sizeof *m->funcs);
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        size_t at = wa_rd_offset(r);
        uint32_t ml, nl;
        const uint8_t *mod = wa_rd_name(r, &ml), *name = wa_rd_name(r, &nl);
        uint8_t kind = wa_rd_u8(r);
        if (r->failed)
            return false;
        if (kind != 0) {
            static const char *const kinds[] = {"function", "table", "memory", "global"};
            if (kind > 3)
                return wa_fail(r, "malformed import kind %u", kind);
            return wa_fail_at(r, at, "unsupported import: %s %.*s.%.*s (only functions can be imported)", kinds[kind],
                              (int)ml, (const char *)mod, (int)nl, (const char *)name);
        }
        wa_fdecl *f = &m->funcs[m->nfuncs];
        if (!rd_typeidx(r, m, &f->type))
            return false;
        f->imported = true;
        f->imp_mod = mod;
        f->imp_mod_len = ml;
        f->imp_name = name;
        f->imp_name_len = nl;
        m->nfuncs++;
        m->nimports++;
    }
    return !r->failed;
}

static bool sec_functions(wa_reader *r, wa_mod *m)
{
    uint32_t n = wa_rd_count(r, 1);
    if (r->failed)
        return false;
    wa_fdecl *f = realloc(m->funcs, ((size_t)m->nfuncs + n + 1) * sizeof *f);
    if (!f)
        return wa_fail(r, "out of host memory");
    m->funcs = f;
    memset(f + m->nfuncs, 0, ((size_t)n + 1) * sizeof *f);
    for (uint32_t i = 0; i < n && !r->failed; i++)
        rd_typeidx(r, m, &m->funcs[m->nfuncs++].type);
    return !r->failed;
}

static bool sec_table(wa_reader *r, wa_mod *m)
{
    uint32_t n = wa_rd_count(r, 3);
    if (!r->failed && (n > 1 || (n && m->has_table)))
        return wa_fail(r, "multiple tables");
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        uint8_t t = wa_rd_u8(r);
        if (!r->failed && t != WA_FUNCREF)
            return wa_fail(r, "malformed reference type 0x%02x (only funcref tables)", t);
        if (!rd_limits(r, &m->table_min, &m->table_max, UINT32_MAX, "table"))
            return false;
        if (m->table_min > MAX_TABLE)
            return wa_fail(r, "a table of %u entries is more than this engine gives (%u)", m->table_min, MAX_TABLE);
        m->has_table = true;
    }
    return !r->failed;
}

static bool sec_memory(wa_reader *r, wa_mod *m)
{
    uint32_t n = wa_rd_count(r, 2);
    if (!r->failed && n > 1)
        return wa_fail(r, "multiple memories");
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        if (!rd_limits(r, &m->mem_min, &m->mem_max, 65536, "memory"))
            return false;
        if (m->mem_min > WA_MAX_PAGES)
            return wa_fail(r, "a memory of %u pages is more than this engine gives (%u pages, 1 GiB)", m->mem_min,
                           WA_MAX_PAGES);
        m->has_mem = true;
    }
    return !r->failed;
}

static bool sec_globals(wa_reader *r, wa_mod *m)
{
    m->nglobals = wa_rd_count(r, 4);
    m->globals = zalloc(r, m->nglobals, sizeof *m->globals);
    for (uint32_t i = 0; i < m->nglobals && !r->failed; i++) {
        wa_gdecl *g = &m->globals[i];
        g->type = wa_rd_u8(r);
        if (!r->failed && !wa_is_valtype(g->type))
            return wa_fail(r, "malformed value type 0x%02x", g->type);
        g->mut = wa_rd_u8(r);
        if (!r->failed && g->mut > 1)
            return wa_fail(r, "malformed mutability");
        rd_const(r, m, g->type, &g->init);
    }
    return !r->failed;
}

static bool sec_exports(wa_reader *r, wa_mod *m)
{
    uint32_t n = wa_rd_count(r, 3);
    const uint8_t **names = zalloc(r, n, sizeof *names);
    uint32_t *lens = zalloc(r, n, sizeof *lens);
    m->exports = zalloc(r, n, sizeof *m->exports);
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        size_t at = wa_rd_offset(r);
        names[i] = wa_rd_name(r, &lens[i]);
        uint8_t kind = wa_rd_u8(r);
        uint32_t idx = wa_rd_u32(r);
        if (r->failed)
            break;
        for (uint32_t j = 0; j < i; j++)
            if (lens[j] == lens[i] && !memcmp(names[j], names[i], lens[i])) {
                wa_fail_at(r, at, "duplicate export name");
                break;
            }
        uint32_t limit = kind == 0 ? m->nfuncs : kind == 1 ? m->has_table : kind == 2 ? m->has_mem : m->nglobals;
        if (!r->failed && kind > 3)
            wa_fail_at(r, at, "malformed export kind %u", kind);
        else if (!r->failed && idx >= limit)
            wa_fail_at(r, at, "unknown %s %u", kind == 0 ? "function" : kind == 1 ? "table" : kind == 2 ? "memory" : "global",
                       idx);
        if (!r->failed && kind == 0) {
            m->declared[idx] = true;
            m->exports[m->nexports++] = (wa_xdecl){names[i], lens[i], idx};
            if (lens[i] == 6 && !memcmp(names[i], "_start", 6))
                m->entry = idx;
            if (lens[i] == 11 && !memcmp(names[i], "_initialize", 11))
                m->initialize = idx;
        }
    }
    free(names);
    free(lens);
    return !r->failed;
}

static bool void_type(const wa_mod *m, uint32_t f)
{
    const wa_functype *t = m->types[m->funcs[f].type];
    return t->np == 0 && t->nr == 0;
}

static bool sec_start(wa_reader *r, wa_mod *m)
{
    size_t at = wa_rd_offset(r);
    m->start = wa_rd_u32(r);
    if (!r->failed && m->start >= m->nfuncs)
        return wa_fail_at(r, at, "unknown function %u", m->start);
    if (!r->failed && !void_type(m, m->start))
        return wa_fail_at(r, at, "start function must have type [] -> []");
    return !r->failed;
}

static bool rd_funcidx(wa_reader *r, wa_mod *m, uint32_t *f)
{
    size_t at = wa_rd_offset(r);
    *f = wa_rd_u32(r);
    if (!r->failed && *f >= m->nfuncs)
        return wa_fail_at(r, at, "unknown function %u", *f);
    if (!r->failed)
        m->declared[*f] = true;
    return !r->failed;
}

/* Element segments, the eight encodings of the bulk memory proposal:
 * bit 0 passive or declarative, bit 1 an explicit table (active) or
 * declarative (passive), bit 2 expressions instead of function indices. */
static bool sec_elements(wa_reader *r, wa_mod *m)
{
    m->nelems = wa_rd_count(r, 2);
    m->elems = zalloc(r, m->nelems, sizeof *m->elems);
    for (uint32_t i = 0; i < m->nelems && !r->failed; i++) {
        wa_edecl *e = &m->elems[i];
        size_t at = wa_rd_offset(r);
        uint32_t flags = wa_rd_u32(r);
        if (r->failed)
            return false;
        if (flags > 7)
            return wa_fail_at(r, at, "malformed elements segment kind %u", flags);
        bool exprs = flags & 4;
        e->mode = !(flags & 1) ? WA_SEG_ACTIVE : (flags & 2) ? WA_SEG_DECLARATIVE : WA_SEG_PASSIVE;
        if (e->mode == WA_SEG_ACTIVE) {
            uint32_t table = (flags & 2) ? wa_rd_u32(r) : 0;
            if (!r->failed && (table != 0 || !m->has_table))
                return wa_fail_at(r, at, "unknown table %u", table);
            uint64_t off;
            if (!rd_const(r, m, WA_I32, &off))
                return false;
            e->offset = (uint32_t)off;
        }
        if (flags & 3) {   /* an element kind or reference type */
            uint8_t k = wa_rd_u8(r);
            if (!r->failed && k != (exprs ? WA_FUNCREF : 0x00))
                return wa_fail(r, exprs ? "malformed reference type 0x%02x" : "malformed element kind 0x%02x", k);
        }
        e->n = wa_rd_count(r, 1);
        e->funcs = zalloc(r, e->n, sizeof *e->funcs);
        for (uint32_t k = 0; k < e->n && !r->failed; k++) {
            if (!exprs) {
                rd_funcidx(r, m, &e->funcs[k]);
            } else {
                uint64_t v;
                if (rd_const(r, m, WA_FUNCREF, &v))
                    e->funcs[k] = (uint32_t)v;
            }
        }
    }
    return !r->failed;
}

static bool sec_code(wa_reader *r, wa_mod *m)
{
    uint32_t n = wa_rd_count(r, 2);
    if (!r->failed && n != m->nfuncs - m->nimports)
        return wa_fail(r, "function and code section have inconsistent lengths (%u bodies, %u functions)", n,
                       m->nfuncs - m->nimports);
    for (uint32_t i = 0; i < n && !r->failed; i++) {
        wa_fdecl *f = &m->funcs[m->nimports + i];
        uint32_t size = wa_rd_u32(r);
        if (!r->failed && (size_t)(r->end - r->p) < size)
            return wa_fail(r, "unexpected end (a function body of %u bytes)", size);
        if (r->failed)
            return false;
        f->body = r->p;
        f->body_len = size;
        r->p += size;
    }
    return !r->failed;
}

static bool sec_datacount(wa_reader *r, wa_mod *m)
{
    m->datacount = wa_rd_u32(r);
    m->has_datacount = true;
    return !r->failed;
}

static bool sec_data(wa_reader *r, wa_mod *m)
{
    size_t at = wa_rd_offset(r);
    m->ndatas = wa_rd_count(r, 2);
    if (!r->failed && m->has_datacount && m->ndatas != m->datacount)
        return wa_fail_at(r, at, "data count and data section have inconsistent lengths");
    m->datas = zalloc(r, m->ndatas, sizeof *m->datas);
    for (uint32_t i = 0; i < m->ndatas && !r->failed; i++) {
        wa_ddecl *d = &m->datas[i];
        size_t seg_at = wa_rd_offset(r);
        uint32_t flags = wa_rd_u32(r);
        if (!r->failed && flags > 2)
            return wa_fail_at(r, seg_at, "malformed data segment kind %u", flags);
        d->mode = flags == 1 ? WA_SEG_PASSIVE : WA_SEG_ACTIVE;
        if (flags == 2 && wa_rd_u32(r) != 0 && !r->failed)
            return wa_fail_at(r, seg_at, "unknown memory");
        if (d->mode == WA_SEG_ACTIVE) {
            if (!r->failed && !m->has_mem)
                return wa_fail_at(r, seg_at, "unknown memory 0");
            uint64_t off;
            if (!rd_const(r, m, WA_I32, &off))
                return false;
            d->offset = (uint32_t)off;
        }
        d->len = wa_rd_u32(r);
        if (!r->failed && (size_t)(r->end - r->p) < d->len)
            return wa_fail(r, "unexpected end of section or function (a data segment of %u bytes)", d->len);
        if (r->failed)
            return false;
        d->bytes = r->p;
        r->p += d->len;
    }
    return !r->failed;
}

/* The "name" section's function names (subsection 1).  A custom section
 * never makes a module invalid: a malformed one is ignored. */
static void sec_names(const uint8_t *p, const uint8_t *end, wa_mod *m)
{
    wa_error ignored;
    wa_reader r = {.base = p, .p = p, .end = end, .err = &ignored, .func = -1};
    while (r.p < r.end && !r.failed) {
        uint8_t id = wa_rd_u8(&r);
        uint32_t size = wa_rd_u32(&r);
        if (r.failed || (size_t)(r.end - r.p) < size)
            return;
        wa_reader sub = {.base = p, .p = r.p, .end = r.p + size, .err = &ignored, .func = -1};
        r.p += size;
        if (id != 1)
            continue;
        uint32_t n = wa_rd_count(&sub, 2);
        for (uint32_t i = 0; i < n && !sub.failed; i++) {
            uint32_t f = wa_rd_u32(&sub), len;
            const uint8_t *name = wa_rd_name(&sub, &len);
            if (!sub.failed && f < m->nfuncs) {
                m->funcs[f].name = name;
                m->funcs[f].name_len = len;
            }
        }
    }
}

typedef bool (*section_fn)(wa_reader *r, wa_mod *m);

/* Section ids in the order they must come (custom sections anywhere). */
static const struct { uint8_t id; section_fn fn; } order[] = {
    {1, sec_types}, {2, sec_imports}, {3, sec_functions}, {4, sec_table}, {5, sec_memory}, {6, sec_globals},
    {7, sec_exports}, {8, sec_start}, {9, sec_elements}, {12, sec_datacount}, {10, sec_code}, {11, sec_data},
};

static int rank_of(uint8_t id)
{
    for (int i = 0; i < (int)(sizeof order / sizeof order[0]); i++)
        if (order[i].id == id)
            return i;
    return -1;
}

/* Until the function section the array only holds imports: keep room. */
static bool ensure_declared(wa_reader *r, wa_mod *m)
{
    free(m->declared);
    m->declared = zalloc(r, (size_t)m->nfuncs + 1, sizeof *m->declared);
    return m->declared != NULL;
}

int wa_decode(wa_mod *m, const uint8_t *bytes, size_t len, bool library, wa_error *err)
{
    memset(m, 0, sizeof *m);
    m->bytes = bytes;
    m->len = len;
    m->start = UINT32_MAX;
    m->entry = UINT32_MAX;
    m->initialize = UINT32_MAX;
    wa_reader r = {.base = bytes, .p = bytes, .end = bytes + len, .err = err, .func = -1};
    if (len > WA_MAX_MODULE) {
        wa_fail(&r, "a module of %zu bytes is more than this engine loads (%u)", len, WA_MAX_MODULE);
        return -1;
    }
    if (len < 4 || memcmp(bytes, "\0asm", 4)) {
        wa_fail(&r, "magic header not detected (not a WebAssembly module)");
        return -1;
    }
    r.p += 4;
    if (wa_rd_fixed32(&r) != 1) {
        wa_fail_at(&r, 4, r.failed ? "unexpected end (no version)" : "unknown binary version");
        return -1;
    }
    int last = -1;
    ensure_declared(&r, m);
    while (r.p < r.end && !r.failed) {
        size_t at = wa_rd_offset(&r);
        uint8_t id = wa_rd_u8(&r);
        uint32_t size = wa_rd_u32(&r);
        if (r.failed)
            break;
        if ((size_t)(r.end - r.p) < size) {
            wa_fail(&r, "unexpected end (section %u of %u bytes)", id, size);
            break;
        }
        wa_reader s = {.base = bytes, .p = r.p, .end = r.p + size, .err = err, .func = -1};
        r.p += size;
        if (id == 0) {
            uint32_t nl;
            const uint8_t *name = wa_rd_name(&s, &nl);
            if (s.failed)
                r.failed = true;
            else if (nl == 4 && !memcmp(name, "name", 4))
                sec_names(s.p, s.end, m);
            continue;
        }
        int rank = rank_of(id);
        if (rank < 0) {
            wa_fail_at(&r, at, "malformed section id %u", id);
            break;
        }
        if (rank <= last) {
            wa_fail_at(&r, at, "unexpected section %u (out of order or repeated)", id);
            break;
        }
        last = rank;
        if (!order[rank].fn(&s, m) || s.failed) {
            r.failed = true;
            break;
        }
        if (s.p != s.end) {
            wa_fail_at(&s, wa_rd_offset(&s), "section size mismatch (section %u)", id);
            r.failed = true;
            break;
        }
        if ((id == 2 || id == 3) && !ensure_declared(&r, m))
            break;
    }
    if (!r.failed && m->nfuncs > m->nimports && !m->funcs[m->nimports].body)
        wa_fail(&r, "function and code section have inconsistent lengths (no code section)");
    if (!r.failed && !library && m->entry == UINT32_MAX)
        wa_fail(&r, "not a WASI command: no `_start` function is exported");
    else if (!r.failed && !library && !void_type(m, m->entry))
        wa_fail(&r, "not a WASI command: `_start` must have type [] -> []");
    else if (!r.failed && library && m->initialize != UINT32_MAX && !void_type(m, m->initialize))
        wa_fail(&r, "not a WASI reactor: `_initialize` must have type [] -> []");
    if (r.failed) {
        wa_mod_free(m);
        return -1;
    }
    return 0;
}

void wa_mod_free(wa_mod *m)
{
    for (uint32_t i = 0; m->types && i < m->ntypes; i++)
        free(m->types[i]);
    for (uint32_t i = 0; m->elems && i < m->nelems; i++)
        free(m->elems[i].funcs);
    free(m->types);
    free(m->canon);
    free(m->funcs);
    free(m->globals);
    free(m->elems);
    free(m->datas);
    free(m->declared);
    free(m->exports);
    memset(m, 0, sizeof *m);
}
