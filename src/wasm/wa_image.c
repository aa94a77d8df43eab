/*
 * wa_image.c - wa_load: decode, validate and translate a module, then lay
 * the result out as one flat image (wa_internal.h, "the image"): the
 * header, functions, globals, element and data segments, trap sites,
 * code, the exports, and a blob area holding element function lists, data
 * bytes, function names and export names and types.  Every part is 8-byte aligned; offsets are from the
 * image's first byte, so the image can live anywhere (the world keeps
 * it in a binary).
 */
#include "../hal/hal.h"
#include "wa_internal.h"

void wa_emit(wa_code *c, uint32_t word)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 4096;
        uint32_t *w = realloc(c->w, cap * sizeof *w);
        if (!w) {
            c->oom = true;
            return;
        }
        c->w = w;
        c->cap = cap;
    }
    c->w[c->n++] = word;
}

/* The site is the last emitted instruction's first word: callers emit the
 * whole instruction first, so the site is recorded as "the instruction
 * that ends here"; the engine looks up the largest site pc <= its pc. */
void wa_emit_trap_site(wa_code *c, size_t wasm_off)
{
    if (c->ntraps == c->trapcap) {
        size_t cap = c->trapcap ? c->trapcap * 2 : 1024;
        wa_itrap *t = realloc(c->traps, cap * sizeof *t);
        if (!t) {
            c->oom = true;
            return;
        }
        c->traps = t;
        c->trapcap = cap;
    }
    c->traps[c->ntraps++] = (wa_itrap){(uint32_t)(c->n ? c->n - 1 : 0), (uint32_t)wasm_off};
}

typedef struct out {
    uint8_t *p;
    size_t n, cap;
    bool oom;
} out;

static size_t put(out *o, const void *src, size_t len)
{
    size_t at = (o->n + 7) & ~(size_t)7;
    if (at + len > o->cap) {
        size_t cap = o->cap ? o->cap : 65536;
        while (cap < at + len)
            cap *= 2;
        uint8_t *p = realloc(o->p, cap);
        if (!p) {
            o->oom = true;
            return 0;
        }
        o->p = p;
        o->cap = cap;
    }
    memset(o->p + o->n, 0, at - o->n);
    if (len)
        memcpy(o->p + at, src, len);
    o->n = at + len;
    return at;
}

/* Bytes into the blob: their offset from the blob's start. */
static uint32_t blob(out *b, const void *src, size_t len)
{
    size_t at = b->n;
    if (b->n + len + 4 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + len + 4)
            cap *= 2;
        uint8_t *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return 0;
        }
        b->p = p;
        b->cap = cap;
    }
    if (len)
        memcpy(b->p + b->n, src, len);
    b->n += len;
    b->p[b->n++] = 0;
    b->n = (b->n + 3) & ~(size_t)3;
    return (uint32_t)at;
}

/* A stub's call: the stub has no frame, its operands (a library call's
 * arguments, then results) are slots 0 on. */
static void emit_stub_call(wa_code *c, uint32_t func)
{
    wa_emit(c, 0x10);
    wa_emit(c, func);
    wa_emit(c, 0);
}

static int build(const wa_mod *m, wa_code *c, const uint32_t *fx, bool library, uint8_t **image, size_t *image_len)
{
    wa_img h = {.magic = WA_IMAGE_MAGIC, .version = WA_IMAGE_VERSION, .nfuncs = m->nfuncs, .nimports = m->nimports,
                .nglobals = m->nglobals, .nelems = m->nelems, .ndatas = m->ndatas, .ntraps = (uint32_t)c->ntraps,
                .has_mem = m->has_mem, .mem_min = m->mem_min,
                .mem_max = m->mem_max > WA_MAX_PAGES ? WA_MAX_PAGES : m->mem_max,
                .table_size = m->has_table ? m->table_min : 0,
                .nexports = m->nexports, .flags = library ? WA_IMG_LIBRARY : 0};
    out o = {0}, b = {0};
    blob(&b, "", 0);   /* offset 0: no name */
    wa_ifunc *fs = calloc((size_t)m->nfuncs + 1, sizeof *fs);
    wa_iglobal *gs = calloc((size_t)m->nglobals + 1, sizeof *gs);
    wa_iseg *es = calloc((size_t)m->nelems + 1, sizeof *es), *ds = calloc((size_t)m->ndatas + 1, sizeof *ds);
    wa_iexport *xs = calloc((size_t)m->nexports + 1, sizeof *xs);
    if (!fs || !gs || !es || !ds || !xs)
        o.oom = true;
    for (uint32_t i = 0; !o.oom && i < m->nfuncs; i++) {
        const wa_fdecl *f = &m->funcs[i];
        const wa_functype *t = m->types[f->type];
        fs[i] = (wa_ifunc){.pc = fx[i * 3], .np = t->np, .nr = t->nr, .nlocals = fx[i * 3 + 1],
                           .max_height = fx[i * 3 + 2], .type = m->canon[f->type],
                           .res0 = t->nr ? t->t[t->np] : 0,
                           .wasm_off = f->imported ? 0 : (uint32_t)(f->body - m->bytes)};
        if (f->imported)
            fs[i].host = wa_wasi_bind(m, f);
        if (f->name)
            fs[i].name = blob(&b, f->name, f->name_len);
        else if (f->imported) {
            char nm[600];
            int n = snprintf(nm, sizeof nm, "%.*s.%.*s", (int)f->imp_mod_len, (const char *)f->imp_mod,
                             (int)f->imp_name_len, (const char *)f->imp_name);
            fs[i].name = blob(&b, nm, n < (int)sizeof nm ? (size_t)n : sizeof nm - 1);
        }
    }
    for (uint32_t i = 0; !o.oom && i < m->nglobals; i++)
        gs[i] = (wa_iglobal){m->globals[i].type, m->globals[i].mut, m->globals[i].init};
    for (uint32_t i = 0; !o.oom && i < m->nelems; i++) {
        const wa_edecl *e = &m->elems[i];
        es[i] = (wa_iseg){e->mode, e->offset, e->n, blob(&b, e->funcs, (size_t)e->n * 4)};
    }
    for (uint32_t i = 0; !o.oom && i < m->ndatas; i++) {
        const wa_ddecl *d = &m->datas[i];
        ds[i] = (wa_iseg){d->mode, d->offset, d->len, blob(&b, d->bytes, d->len)};
    }
    h.entry_pc = (uint32_t)c->n;
    /* The entry stub: the start function, then a command's `_start` and
     * the end, or a library's `_initialize` and the wait for calls. */
    if (m->start != UINT32_MAX)
        emit_stub_call(c, m->start);
    uint32_t first = library ? m->initialize : m->entry;
    if (first != UINT32_MAX)
        emit_stub_call(c, first);
    wa_emit(c, library ? WA_OP_IDLE : WA_OP_EXIT);
    for (uint32_t i = 0; !o.oom && i < m->nexports; i++) {
        const wa_xdecl *x = &m->exports[i];
        const wa_functype *t = m->types[m->funcs[x->func].type];
        xs[i] = (wa_iexport){.name = blob(&b, x->name, x->len), .name_len = x->len, .types = blob(&b, t->t, (size_t)t->np + t->nr),
                             .func = x->func, .np = t->np, .nr = t->nr, .stub_pc = (uint32_t)c->n};
        emit_stub_call(c, x->func);
        wa_emit(c, WA_OP_IDLE);
    }
    h.ncode = (uint32_t)c->n;
    if (c->oom || b.oom)
        o.oom = true;
    put(&o, &h, sizeof h);
    h.funcs_at = (uint32_t)put(&o, fs, (size_t)m->nfuncs * sizeof *fs);
    h.globals_at = (uint32_t)put(&o, gs, (size_t)m->nglobals * sizeof *gs);
    h.elems_at = (uint32_t)put(&o, es, (size_t)m->nelems * sizeof *es);
    h.datas_at = (uint32_t)put(&o, ds, (size_t)m->ndatas * sizeof *ds);
    h.traps_at = (uint32_t)put(&o, c->traps, c->ntraps * sizeof *c->traps);
    h.exports_at = (uint32_t)put(&o, xs, (size_t)m->nexports * sizeof *xs);
    h.code_at = (uint32_t)put(&o, c->w, c->n * sizeof *c->w);
    h.blob_at = (uint32_t)put(&o, b.p, b.n);
    h.names_at = h.blob_at;
    free(fs);
    free(gs);
    free(es);
    free(ds);
    free(xs);
    free(b.p);
    if (o.oom || o.n > UINT32_MAX / 2) {
        free(o.p);
        return -1;
    }
    h.size = (uint32_t)o.n;
    memcpy(o.p, &h, sizeof h);
    *image = o.p;
    *image_len = o.n;
    return 0;
}

static int load(const uint8_t *bytes, size_t len, bool library, uint8_t **image, size_t *image_len, wa_error *err)
{
    wa_mod m;
    if (wa_decode(&m, bytes, len, library, err) < 0)
        return -1;
    wa_code c = {0};
    /* per function: its first pc, its locals, its max height */
    uint32_t *mh = calloc((size_t)m.nfuncs * 3 + 3, sizeof *mh);
    int rc = mh ? 0 : -1;
    if (!mh)
        snprintf(err->msg, sizeof err->msg, "out of host memory");
    for (uint32_t i = m.nimports; rc == 0 && i < m.nfuncs; i++) {
        mh[i * 3] = (uint32_t)c.n;
        rc = wa_translate_func(&m, i, &c, &mh[i * 3 + 1], &mh[i * 3 + 2], err);
        if (rc == 0 && c.n > (1u << 28)) {
            snprintf(err->msg, sizeof err->msg, "the module's code is larger than this engine runs");
            rc = -1;
        }
    }
    if (rc == 0 && build(&m, &c, mh, library, image, image_len) < 0) {
        snprintf(err->msg, sizeof err->msg, "out of host memory");
        rc = -1;
    }
    free(mh);
    free(c.w);
    free(c.traps);
    wa_mod_free(&m);
    return rc;
}

int wa_load(const uint8_t *bytes, size_t len, uint8_t **image, size_t *image_len, wa_error *err)
{
    return load(bytes, len, false, image, image_len, err);
}

int wa_load_library(const uint8_t *bytes, size_t len, uint8_t **image, size_t *image_len, wa_error *err)
{
    return load(bytes, len, true, image, image_len, err);
}

bool wa_image_ok(const uint8_t *image, size_t len)
{
    if (len < sizeof(wa_img))
        return false;
    const wa_img *h = wa_img_of(image);
    return h->magic == WA_IMAGE_MAGIC && h->version == WA_IMAGE_VERSION && h->size == len;
}

uint32_t wa_image_older(const uint8_t *image, size_t len)
{
    if (len < WA_IMG_V1_HEADER)
        return 0;
    const wa_img *h = wa_img_of(image);
    return h->magic == WA_IMAGE_MAGIC && h->version < WA_IMAGE_VERSION ? h->version : 0;
}

bool wa_image_is_library(const uint8_t *image)
{
    return (wa_img_flags(wa_img_of(image)) & WA_IMG_LIBRARY) != 0;
}

uint32_t wa_export_count(const uint8_t *image)
{
    return wa_img_nexports(wa_img_of(image));
}

void wa_export_get(const uint8_t *image, uint32_t i, wa_export *e)
{
    const wa_img *h = wa_img_of(image);
    HAL_ASSERT(i < wa_img_nexports(h));
    const wa_iexport *x = &wa_img_exports(h)[i];
    const uint8_t *blob = wa_img_blob(h);
    *e = (wa_export){.name = (const char *)blob + x->name, .name_len = x->name_len, .np = x->np, .nr = x->nr, .types = blob + x->types};
}

int64_t wa_export_find(const uint8_t *image, const char *name, size_t len)
{
    const wa_img *h = wa_img_of(image);
    const uint8_t *blob = wa_img_blob(h);
    for (uint32_t i = 0; i < wa_img_nexports(h); i++) {
        const wa_iexport *x = &wa_img_exports(h)[i];
        if (x->name_len == len && !memcmp(blob + x->name, name, len))
            return i;
    }
    return -1;
}

size_t wa_state_bytes(const uint8_t *image)
{
    const wa_img *h = wa_img_of(image);
    return sizeof(wa_state) + 8u * (size_t)h->nglobals + 4u * (size_t)h->table_size + h->nelems + h->ndatas;
}

uint64_t wa_memory_bytes(const uint8_t *image)
{
    const wa_img *h = wa_img_of(image);
    return h->has_mem ? (uint64_t)h->mem_min * WA_PAGE : 0;
}

uint32_t wa_func_at(const wa_img *h, uint32_t pc)
{
    const wa_ifunc *f = wa_img_funcs(h);
    if (pc >= h->entry_pc || h->nfuncs == h->nimports)
        return UINT32_MAX;
    uint32_t lo = h->nimports, hi = h->nfuncs - 1;
    while (lo < hi) {   /* the last function whose pc <= pc */
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (f[mid].pc <= pc)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
