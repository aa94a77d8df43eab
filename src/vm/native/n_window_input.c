/*
 * n_window_input.c - input from the display to the windows (docs/DISPLAY.md,
 * "Events").
 *
 * The scheduler calls pv_win_deliver_input each round.  Events the
 * display queued (host memory, bounded: display.h) are taken here:
 * moving and focusing change the window in the world (the display only
 * asks); every event for a window with a handler is made an event object
 * and queued in the window (in the world, at most EVENT_QUEUE_MAX; beyond
 * that the oldest mouse move goes, then the new event).  A window's events
 * reach its handler one at a time, in order, each on a new VM thread
 * calling handler.handleEvent(event) (or its method 8 taking one
 * argument, the original's callback ordinal): the next starts when that
 * thread has ended.  Queued events are in the world, so a restart delivers
 * them.
 */
#include <string.h>

#include "../../display/display.h"
#include "../sched.h"
#include "n_window.h"

#define EVENT_QUEUE_MAX 256

static struct pv_native_obj *obj(pv_value v) { return pv_as_ptr(v); }

static const char *const type_names[PD_EV_COUNT] = {
    [PD_EV_MOUSE_MOVE] = "mousemove", [PD_EV_MOUSE_DOWN] = "mousedown", [PD_EV_MOUSE_UP] = "mouseup",
    [PD_EV_WHEEL] = "wheel",          [PD_EV_KEY_DOWN] = "keydown",     [PD_EV_KEY_UP] = "keyup",
    [PD_EV_FOCUS] = "focus",          [PD_EV_BLUR] = "blur",            [PD_EV_RESIZE] = "resize",
    [PD_EV_CLOSE] = "close",          [PD_EV_MOVE] = "move",
};

static pv_value find_window(pv_vm *vm, uint64_t id)
{
    struct pv_array *l = vm->root->restart;
    struct pv_class *wc = pv_find_class(vm, ".internal.window");
    for (uint32_t i = 0; i < l->len; i++) {
        pv_value o = l->items[i];
        if ((uint64_t)((uintptr_t)pv_as_ptr(o) - (uintptr_t)pw_base(vm->w)) == id && wc && pv_instance_of(vm, o, wc) &&
            obj(o)->w[WW_STATE] != PV_NULL)
            return o;
    }
    return PV_NULL;
}

static int put(pv_vm *vm, struct pv_directory *d, const char *k, pv_value v)
{
    struct pv_string *key = pv_str_cstr(vm, k);
    return key ? pv_dir_put(vm, d, key, v) : -1;
}

static pv_value event_object(pv_vm *vm, pv_value win, const pd_event *e)
{
    struct pv_directory *d = pv_dir_new(vm);
    struct pv_string *t = d ? pv_str_cstr(vm, type_names[e->type]) : NULL;
    if (!t || put(vm, d, "type", pv_from_ptr(t)) || put(vm, d, "window", win) || put(vm, d, "x", pv_int(e->x)) ||
        put(vm, d, "y", pv_int(e->y)) || put(vm, d, "button", pv_int(e->button)) ||
        put(vm, d, "key", pv_int(e->key)) || put(vm, d, "mods", pv_int(e->mods)) ||
        put(vm, d, "char", e->ch && e->ch < 0x110000 ? pv_char(e->ch) : PV_NULL))
        return PV_NULL;
    return pv_from_ptr(d);
}

static bool is_move(pv_value ev)
{
    pv_value t = pv_dir_get_cstr(pv_as_ptr(ev), "type");
    const struct pv_string *s = pv_as_ptr(t);
    return s->len == 9 && !memcmp(s->bytes, "mousemove", 9);
}

/* Removes item i: the tail moves down, the freed slot goes back to null
 * (a stale copy there would be released twice by the next push). */
static void queue_remove(pv_vm *vm, struct pv_array *q, uint32_t i)
{
    pv_gc_release_values(vm, q->items + i, 1);
    memmove(&q->items[i], &q->items[i + 1], (q->len - i - 1) * sizeof q->items[0]);
    q->items[q->len - 1] = PV_NULL;
    q->len--;
}

static void enqueue(pv_vm *vm, pv_value win, const pd_event *e)
{
    struct pv_array *q = pv_as_ptr(obj(win)->w[WW_EVENTS]);
    if (q->len >= EVENT_QUEUE_MAX) {
        uint32_t i = 0;
        while (i < q->len && !is_move(q->items[i]))
            i++;
        if (i == q->len)
            return;
        queue_remove(vm, q, i);
    }
    pv_value ev = event_object(vm, win, e);
    if (ev == PV_NULL || pv_array_push(vm, q, ev) < 0)
        return;   /* out of memory: the event is dropped */
    if (q->len == 1)
        vm->win_pending++;
}

static struct pv_method *handler_method(pv_vm *vm, pv_value h)
{
    if (pv_obj_kind(h) != PV_K_INSTANCE)
        return NULL;
    struct pv_class *c = pv_class_of(vm, h);
    struct pv_method *m = pv_find_method(c, "handleEvent", 1);
    if (!m)
        m = c->nvtable > 8 ? c->vtable[8] : NULL;
    if (!m || m->nargs != 1 || (m->flags & (PV_MF_ABSTRACT | PV_MF_STATIC | PV_MF_NATIVE)))
        return NULL;
    return m;
}

/* Starts the handler on the window's next event if none is running:
 * true while events stay queued. */
static bool dispatch(pv_vm *vm, pv_value win)
{
    struct pv_array *q = pv_as_ptr(obj(win)->w[WW_EVENTS]);
    pv_value busy = obj(win)->w[WW_BUSY];
    if (busy != PV_NULL && ((struct pv_thread *)pv_as_ptr(busy))->state != PV_TS_DONE)
        return q->len > 0;
    if (!q->len)
        return false;
    struct pv_method *m = handler_method(vm, obj(win)->w[WW_HANDLER]);
    pv_value args[2] = {obj(win)->w[WW_HANDLER], q->items[0]};
    struct pv_thread *t = m ? pv_thread_start(vm, m, args, 2, PV_TF_DAEMON) : NULL;
    if (m && !t)
        return true;   /* no memory now: try again next round */
    queue_remove(vm, q, 0);
    pv_gc_write(vm, &obj(win)->w[WW_BUSY], t ? pv_from_ptr(t) : PV_NULL);
    return q->len > 0;
}

static void apply(pv_vm *vm, pv_value win, const pd_event *e)
{
    if (e->type == PD_EV_MOVE) {
        pv_win_put(win, WS_X, e->x);
        pv_win_put(win, WS_Y, e->y);
        pv_win_publish(vm, win);
    } else if (e->type == PD_EV_FOCUS) {
        pv_win_to_front(vm, win);
    } else if (e->type == PD_EV_RESIZE) {
        pv_win_resize(vm, win, e->x, e->y);   /* a size out of range or no memory: the window stays */
    }
}

void pv_win_deliver_input(pv_vm *vm)
{
    if (!vm->display && !vm->win_pending)
        return;
    pd_event e;
    for (int n = 0; vm->display && n < 256 && pd_next_event(vm->display, &e); n++) {
        pv_value win = find_window(vm, e.win);
        if (win == PV_NULL || pv_win_get(win, WS_CLOSED))
            continue;
        apply(vm, win, &e);
        if (e.type != PD_EV_MOVE && obj(win)->w[WW_HANDLER] != PV_NULL)
            enqueue(vm, win, &e);
    }
    if (!vm->win_pending)
        return;
    uint32_t still = 0;
    struct pv_array *l = vm->root->restart;
    struct pv_class *wc = pv_find_class(vm, ".internal.window");
    for (uint32_t i = 0; i < l->len; i++)
        if (wc && pv_instance_of(vm, l->items[i], wc) && obj(l->items[i])->w[WW_STATE] != PV_NULL &&
            dispatch(vm, l->items[i]))
            still++;
    vm->win_pending = still;
}
