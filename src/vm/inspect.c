/*
 * inspect.c - looking into a running world and steering its threads from
 * a tool (pvm.h: inspection and control).  Every function runs on the
 * VM's thread between time slices (pvm_call), so it sees each VM thread
 * at an instruction boundary and changes nothing a snapshot could catch
 * half done.  None runs bytecode.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "class.h"
#include "interp.h"
#include "native/native.h"
#include "pvm.h"
#include "sched.h"

/* ---- threads ------------------------------------------------------------------- */

static const char *state_name(uint32_t s)
{
    switch (s) {
    case PV_TS_RUNNABLE: return "runnable";
    case PV_TS_SLEEPING: return "sleeping";
    case PV_TS_WAIT_MUTEX: return "waiting for a lock";
    case PV_TS_WAIT_COND: return "waiting on a condition";
    case PV_TS_WAIT_SEMA: return "waiting on a semaphore";
    case PV_TS_WAIT_IO: return "waiting for input";
    case PV_TS_WAIT_JOIN: return "waiting for a thread";
    case PV_TS_DONE: return "done";
    default: return "?";
    }
}

static struct pv_thread *find_thread(pv_vm *vm, uint64_t id)
{
    struct pv_array *all = vm->root->threads;
    for (uint32_t i = 0; i < all->len; i++) {
        struct pv_thread *t = pv_as_ptr(all->items[i]);
        if (t->id == id)
            return t;
    }
    return NULL;
}

/* "class.method" of a frame's method, or why it cannot be named: a
 * paused boot exists to look at threads too damaged to run, so nothing
 * behind a frame is read before the heap map vouches for it. */
static bool frame_text(const struct pv_heapmap *map, const struct pv_frame *f, bool where, char *buf, size_t len)
{
    const struct pv_method *m = f->m;
    if (!map || !pv_heapmap_frame_method(map, m, f->pc)) {
        snprintf(buf, len, "damaged frame (method %p; phantom fsck --vm)", (const void *)m);
        return false;
    }
    const struct pv_class *c = m->owner;
    bool named = pv_heapmap_object_of_kind(map, c->name, PV_K_STRING);
    bool src = c->source && pv_heapmap_object_of_kind(map, c->source, PV_K_STRING);
    if (where)
        snprintf(buf, len, "%s.%s (%s:%u)", named ? c->name->bytes : "?", m->name->bytes, src ? c->source->bytes : "?",
                 (unsigned)pv_method_line(m, f->pc));
    else
        snprintf(buf, len, "%s.%s", named ? c->name->bytes : "?", m->name->bytes);
    return true;
}

int pvm_threads(pv_vm *vm, pvm_thread_info *out, int max)
{
    struct pv_array *all = vm->root->threads;
    struct pv_heapmap map;
    bool mapped = pv_heapmap_build(vm, &map, NULL) == 0;
    int n = 0;
    for (uint32_t i = 0; i < all->len; i++, n++) {
        struct pv_thread *t = pv_as_ptr(all->items[i]);
        if (n >= max)
            continue;
        pvm_thread_info *ti = &out[n];
        memset(ti, 0, sizeof *ti);
        ti->id = t->id;
        ti->state = state_name(t->state);
        ti->daemon = t->tflags & PV_TF_DAEMON;
        ti->held = t->tflags & PV_TF_HELD;
        for (uint32_t j = 0; j < t->nframes; j++) {
            char tmp[200];
            if (!frame_text(mapped ? &map : NULL, &t->frames[j], false, tmp, sizeof tmp))
                ti->damaged = true;
        }
        if (t->nframes) {
            frame_text(mapped ? &map : NULL, &t->frames[0], false, ti->entry, sizeof ti->entry);
            frame_text(mapped ? &map : NULL, &t->frames[t->nframes - 1], true, ti->where, sizeof ti->where);
        }
    }
    if (mapped)
        pv_heapmap_free(&map);
    /* oldest first: the array is kept compact by moving the last thread
     * into a hole, so sort the few entries by id */
    int k = n < max ? n : max;
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && out[j - 1].id > out[j].id; j--) {
            pvm_thread_info tmp = out[j];
            out[j] = out[j - 1];
            out[j - 1] = tmp;
        }
    return n;
}

int pvm_thread_kill(pv_vm *vm, uint64_t id)
{
    struct pv_thread *t = find_thread(vm, id);
    if (!t || t == vm->cur)
        return -1;
    pv_thread_kill(vm, t);
    return 0;
}

/* ---- values as text ------------------------------------------------------------------ */

typedef struct tbuf { char *p; size_t len, n; } tbuf;

static void put(tbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(tbuf *b, const char *fmt, ...)
{
    if (b->n + 1 >= b->len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(b->p + b->n, b->len - b->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        b->n = b->n + (size_t)k < b->len ? b->n + (size_t)k : b->len - 1;
}

static void put_quoted(tbuf *b, const struct pv_string *s)
{
    put(b, "\"");
    for (uint32_t i = 0; i < s->len && i < 200; i++) {
        unsigned char c = (unsigned char)s->bytes[i];
        if (c == '"' || c == '\\')
            put(b, "\\%c", c);
        else if (c == '\n')
            put(b, "\\n");
        else if (c < 32 || c == 127)
            put(b, "\\x%02x", c);
        else
            put(b, "%c", c);
    }
    put(b, s->len > 200 ? "\"... (%u bytes)" : "\"", (unsigned)s->len);
}

static const char *class_name(pv_vm *vm, pv_value v)
{
    struct pv_class *c = pv_class_of(vm, v);
    return c ? c->name->bytes : "?";
}

/* An object's identity as toString shows it (string.c): its offset in
 * the world's space, which never moves. */
static uintptr_t object_id(pv_vm *vm, const void *o) { return (uintptr_t)o - (uintptr_t)pw_base(vm->w); }

/* ---- containers by their contents ------------------------------------------------------
 *
 * Arrays, directories and the library's containers (.phantom.util.list,
 * map, set, queue, stack) are shown by what they hold, on one line:
 *     map (30 entries) {"k0": 0, "k1": 1, ..., ... 10 more}
 * The library's are recognised by their class's full name and read
 * through their fields by name (lib/phantom.util.*.ph); a container whose
 * fields are not as expected (another version of the library) is shown by
 * its fields instead.  Nothing runs: a class's own toString is not called. */

#define SHOWN 20   /* items shown of a container; then "... N more" */

typedef struct contents {
    const char *kind;          /* "map" */
    bool keyed;                /* key: value items (else values) */
    char open, close;          /* the brackets */
    uint32_t count;            /* what the container says it holds */
    uint32_t n;                /* gathered, at most SHOWN */
    pv_value key[SHOWN], val[SHOWN];
} contents;

/* Field `name` of an instance of a library class, if it has one of that
 * kind (PV_K_COUNT: any value). */
static bool field(pv_vm *vm, const struct pv_instance *o, const char *name, uint32_t kind, pv_value *out)
{
    const struct pv_class *c = pv_class_of(vm, pv_from_ptr(o));
    for (uint32_t i = 0; i < o->nslots && i < c->nfields; i++)
        if (!strcmp(c->field_names[i]->bytes, name)) {
            *out = o->slot[i];
            return kind == PV_K_COUNT || pv_obj_kind(*out) == kind;
        }
    return false;
}

static bool int_field(pv_vm *vm, const struct pv_instance *o, const char *name, uint32_t *out)
{
    pv_value v;
    if (!field(vm, o, name, PV_K_COUNT, &v) || !pv_is_int(v) || pv_as_int(v) < 0)
        return false;
    *out = (uint32_t)pv_as_int(v);
    return true;
}

static void add_item(contents *c, pv_value key, pv_value val)
{
    if (c->n < SHOWN) {
        c->key[c->n] = key;
        c->val[c->n] = val;
        c->n++;
    }
}

/* The entries of a .phantom.util.map: its `order` array holds its
 * mapEntry objects in the order their keys were put, null where one was
 * removed. */
static bool map_entries(pv_vm *vm, const struct pv_instance *m, contents *c, bool keys_only)
{
    pv_value order, key, val;
    if (!field(vm, m, "order", PV_K_ARRAY, &order) || !int_field(vm, m, "count", &c->count))
        return false;
    const struct pv_array *a = pv_as_ptr(order);
    for (uint32_t i = 0; i < a->len && c->n < SHOWN; i++) {
        if (a->items[i] == PV_NULL)
            continue;
        const struct pv_instance *e = pv_as_ptr(a->items[i]);
        if (pv_obj_kind(a->items[i]) != PV_K_INSTANCE || !field(vm, e, "key", PV_K_COUNT, &key) ||
            !field(vm, e, "value", PV_K_COUNT, &val))
            return false;
        add_item(c, keys_only ? PV_NULL : key, keys_only ? key : val);
    }
    return true;
}

/* A library container's contents; false if v is none, or not laid out
 * as this VM's library lays it out. */
static bool library_contents(pv_vm *vm, pv_value v, contents *c)
{
    const struct pv_instance *o = pv_as_ptr(v);
    const char *name = pv_class_of(vm, v)->name->bytes;
    static const char prefix[] = ".phantom.util.";
    if (strncmp(name, prefix, sizeof prefix - 1) != 0)
        return false;
    c->kind = name + sizeof prefix - 1;
    c->open = '[', c->close = ']';
    pv_value items, elems;
    if (!strcmp(c->kind, "map")) {
        c->keyed = true;
        c->open = '{', c->close = '}';
        return map_entries(vm, o, c, false);
    }
    if (!strcmp(c->kind, "set")) {
        c->open = '{', c->close = '}';
        return field(vm, o, "elems", PV_K_INSTANCE, &elems) && map_entries(vm, pv_as_ptr(elems), c, true);
    }
    bool ring = !strcmp(c->kind, "queue");
    if ((!ring && strcmp(c->kind, "list") && strcmp(c->kind, "stack")) || !field(vm, o, "items", PV_K_ARRAY, &items))
        return false;
    const struct pv_array *a = pv_as_ptr(items);
    uint32_t head = 0;
    c->count = a->len;
    /* a queue is a ring: count items from head, wrapping */
    if (ring && (!int_field(vm, o, "head", &head) || !int_field(vm, o, "count", &c->count) ||
                 (a->len && (head >= a->len || c->count > a->len))))
        return false;
    for (uint32_t i = 0; i < c->count && c->n < SHOWN; i++)
        add_item(c, PV_NULL, a->items[ring ? (head + i) % a->len : i]);
    return true;
}

/* v's contents if it is a container (see above); a directory's keys in
 * byte order, as its toString lists them. */
static bool gather(pv_vm *vm, pv_value v, contents *c)
{
    memset(c, 0, sizeof *c);
    switch (pv_obj_kind(v)) {
    case PV_K_ARRAY: {
        const struct pv_array *a = pv_as_ptr(v);
        *c = (contents){.kind = "array", .open = '[', .close = ']', .count = a->len};
        for (uint32_t i = 0; i < a->len && c->n < SHOWN; i++)
            add_item(c, PV_NULL, a->items[i]);
        return true;
    }
    case PV_K_DIRECTORY: {
        struct pv_directory *d = pv_as_ptr(v);
        *c = (contents){.kind = "directory", .keyed = true, .open = '{', .close = '}', .count = d->count};
        pv_value *keys;
        if (pv_dir_sorted_keys(d, &keys) < 0)
            return false;
        for (uint32_t i = 0; i < d->count && c->n < SHOWN; i++)
            add_item(c, keys[i], pv_dir_get(d, pv_as_ptr(keys[i]), NULL));
        free(keys);
        return true;
    }
    case PV_K_INSTANCE:
        return library_contents(vm, v, c);
    default:
        return false;
    }
}

static void describe(pv_vm *vm, tbuf *b, pv_value v, int depth, int indent, bool raw);

/* "map (30 entries) {...}": the items while depth lasts, each on this
 * line (objects with fields as CLASS@ID). */
static void put_contents(pv_vm *vm, tbuf *b, const contents *c, int depth)
{
    const char *unit = c->keyed ? "entr" : "element";
    put(b, "%s (%u %s%s)", c->kind, (unsigned)c->count, unit,
        c->count == 1 ? (c->keyed ? "y" : "") : (c->keyed ? "ies" : "s"));
    if (depth <= 0)
        return;
    put(b, " %c", c->open);
    for (uint32_t i = 0; i < c->n; i++) {
        if (i)
            put(b, ", ");
        if (c->keyed) {
            describe(vm, b, c->key[i], 0, 0, false);
            put(b, ": ");
        }
        describe(vm, b, c->val[i], depth - 1, -1, false);
    }
    if (c->count > c->n)
        put(b, "%s... %u more", c->n ? ", " : "", (unsigned)(c->count - c->n));
    put(b, "%c", c->close);
}

/* One value on the current line; objects with fields continue on the
 * following lines, indented, while depth lasts (indent -1: on this line
 * only, as an item of a container).  raw: containers by their fields and
 * slots, as they are laid out, not by their contents. */
static void describe(pv_vm *vm, tbuf *b, pv_value v, int depth, int indent, bool raw)
{
    if (v == PV_NULL) {
        put(b, "null");
        return;
    }
    if (pv_is_int(v)) {
        put(b, "%" PRId32, pv_as_int(v));
        return;
    }
    if (pv_is_bool(v)) {
        put(b, pv_as_bool(v) ? "true" : "false");
        return;
    }
    if (!pv_is_obj(v) || pv_obj_kind(v) == PV_K_LONGBOX) {   /* other numbers, chars */
        struct pv_string *s = pv_tostring_native(vm, v);
        put(b, pv_is_char(v) ? "'%s'" : "%s", s ? s->bytes : "?");
        return;
    }
    contents c;
    if (!raw && gather(vm, v, &c)) {
        put_contents(vm, b, &c, depth);
        return;
    }
    switch (pv_obj_kind(v)) {
    case PV_K_STRING:
        put_quoted(b, pv_as_ptr(v));
        return;
    case PV_K_INSTANCE: {
        struct pv_instance *o = pv_as_ptr(v);
        struct pv_class *cl = pv_class_of(vm, v);
        put(b, "%s@%" PRIxPTR, cl->name->bytes, object_id(vm, o));
        if (cl->version > 1)   /* updated: which version the object is of */
            put(b, " (version %u)", (unsigned)cl->version);
        if (depth <= 0 || indent < 0) {
            if (o->nslots)
                put(b, " {...}");
            return;
        }
        for (uint32_t i = 0; i < o->nslots && i < cl->nfields; i++) {
            put(b, "\n%*s%s = ", indent + 2, "", cl->field_names[i]->bytes);
            describe(vm, b, o->slot[i], depth - 1, indent + 2, raw);
        }
        return;
    }
    case PV_K_ARRAY: {
        struct pv_array *a = pv_as_ptr(v);
        put(b, "array of %u", (unsigned)a->len);
        if (depth <= 0 || indent < 0)
            return;
        for (uint32_t i = 0; i < a->len && i < SHOWN; i++) {
            put(b, "\n%*s[%u] = ", indent + 2, "", (unsigned)i);
            describe(vm, b, a->items[i], depth - 1, indent + 2, raw);
        }
        if (a->len > SHOWN)
            put(b, "\n%*s... %u more", indent + 2, "", (unsigned)(a->len - SHOWN));
        return;
    }
    case PV_K_DIRECTORY: {
        struct pv_directory *d = pv_as_ptr(v);
        put(b, "directory of %u", (unsigned)d->count);
        if (depth <= 0 || indent < 0)
            return;
        uint32_t shown = 0;
        for (uint32_t i = 0; i < d->cap && shown < SHOWN; i++) {
            if (!pv_is_obj(d->e[i].key))
                continue;
            put(b, "\n%*s", indent + 2, "");
            put_quoted(b, pv_as_ptr(d->e[i].key));
            put(b, " = ");
            describe(vm, b, d->e[i].val, depth - 1, indent + 2, raw);
            shown++;
        }
        if (d->count > shown)
            put(b, "\n%*s... %u more", indent + 2, "", (unsigned)(d->count - shown));
        return;
    }
    case PV_K_THREAD: {
        struct pv_thread *t = pv_as_ptr(v);
        put(b, "thread %" PRIu64 " (%s)", t->id, state_name(t->state));
        return;
    }
    case PV_K_CLASS:
        put(b, "class %s", ((struct pv_class *)pv_as_ptr(v))->name->bytes);
        if (((struct pv_class *)pv_as_ptr(v))->version > 1)
            put(b, " (version %u)", (unsigned)((struct pv_class *)pv_as_ptr(v))->version);
        return;
    default:
        put(b, "%s@%" PRIxPTR, class_name(vm, v), object_id(vm, pv_as_ptr(v)));
        return;
    }
}

int pvm_describe_static(pv_vm *vm, const char *cls, const char *field_name, int depth, bool raw, char *buf, size_t len)
{
    tbuf b = {buf, len, 0};
    buf[0] = 0;
    struct pv_class *c = pv_find_class(vm, cls);
    if (!c) {
        put(&b, "class %s is not in the world", cls);
        return -1;
    }
    for (uint32_t i = 0; i < c->nstatics; i++)
        if (!strcmp(c->static_names[i]->bytes, field_name)) {
            describe(vm, &b, c->statics[i], depth, 0, raw);
            return 0;
        }
    put(&b, "class %s has no static field %s", cls, field_name);
    return -1;
}

/* ---- classes, notes, statistics ---------------------------------------------------------- */

bool pvm_class_exists(pv_vm *vm, const char *name)
{
    return pv_find_class(vm, name) != NULL;
}

uint32_t pvm_class_version(pv_vm *vm, const char *name)
{
    const struct pv_class *c = pv_find_class(vm, name);
    return !c ? 0 : c->version ? c->version : 1;
}

int pvm_static_class(pv_vm *vm, const char *cls, const char *field, char *buf, size_t len)
{
    struct pv_class *owner = NULL, *c = pv_find_class(vm, cls);
    int i = c ? pv_class_static_index(c, field, &owner) : -1;
    struct pv_class *of = i >= 0 ? pv_class_of(vm, owner->statics[i]) : NULL;
    if (!of)
        return -1;
    snprintf(buf, len, "%s", of->name->bytes);
    return 0;
}

int pvm_class_members(pv_vm *vm, const char *cls, bool instance,
                      void (*fn)(void *ctx, const char *name, bool is_method), void *ctx)
{
    struct pv_class *c = pv_find_class(vm, cls);
    if (!c)
        return -1;
    if (instance)   /* field_names holds the inherited fields too */
        for (uint32_t i = 0; i < c->nfields; i++)
            fn(ctx, c->field_names[i]->bytes, false);
    for (struct pv_class *k = c; k; k = k->super) {
        for (uint32_t i = 0; !instance && i < k->nstatics; i++)
            fn(ctx, k->static_names[i]->bytes, false);
        for (uint32_t i = 0; i < k->nmethods; i++) {
            const struct pv_method *m = k->methods[i];
            if (!(m->flags & PV_MF_CTOR) && !(m->flags & PV_MF_STATIC) == instance)
                fn(ctx, m->name->bytes, true);
        }
    }
    return 0;
}

void pvm_classes(pv_vm *vm, void (*fn)(void *ctx, const char *name), void *ctx)
{
    struct pv_directory *d = vm->root->classes;
    for (uint32_t i = 0; i < d->cap; i++)
        if (pv_is_obj(d->e[i].key))
            fn(ctx, ((struct pv_string *)pv_as_ptr(d->e[i].key))->bytes);
}

static struct pv_directory *book_of(pv_vm *vm, const char *book, bool create)
{
    pv_value v = pv_dir_get_cstr(vm->root->names, book);
    if (pv_obj_kind(v) == PV_K_DIRECTORY)
        return pv_as_ptr(v);
    if (!create)
        return NULL;
    struct pv_directory *d = pv_dir_new(vm);
    struct pv_string *k = pv_str_cstr(vm, book);
    if (!d || !k || pv_dir_put(vm, vm->root->names, k, pv_from_ptr(d)) < 0)
        return NULL;
    return d;
}

int pvm_note_put(pv_vm *vm, const char *book, const char *key, const char *val)
{
    struct pv_directory *d = book_of(vm, book, val != NULL);
    struct pv_string *k = pv_str_cstr(vm, key);
    if (!k)
        return -1;
    if (!val) {
        if (d)
            pv_dir_remove(vm, d, k);
        return 0;
    }
    struct pv_string *s = pv_str_cstr(vm, val);
    if (!d || !s || pv_dir_put(vm, d, k, pv_from_ptr(s)) < 0)
        return -1;
    return 0;
}

void pvm_notes(pv_vm *vm, const char *book, void (*fn)(void *ctx, const char *key, const char *val), void *ctx)
{
    struct pv_directory *d = book_of(vm, book, false);
    for (uint32_t i = 0; d && i < d->cap; i++)
        if (pv_is_obj(d->e[i].key) && pv_obj_kind(d->e[i].val) == PV_K_STRING)
            fn(ctx, ((struct pv_string *)pv_as_ptr(d->e[i].key))->bytes,
               ((struct pv_string *)pv_as_ptr(d->e[i].val))->bytes);
}

void pvm_stats_get(pv_vm *vm, pvm_stats *out)
{
    memset(out, 0, sizeof *out);
    struct pv_array *all = vm->root->threads;
    out->threads = all->len;
    for (uint32_t i = 0; i < all->len; i++)
        out->runnable += ((struct pv_thread *)pv_as_ptr(all->items[i]))->state == PV_TS_RUNNABLE;
    out->classes = vm->root->classes->count;
    out->boots = vm->root->boots;
    pvm_gc_stats_get(vm, &out->gc);
}
