/*
 * n_window.c - .internal.window: a persistent window (docs/DISPLAY.md,
 * docs/INTERNAL-CLASSES.md).  Ordinals and arguments are the original
 * Phantom's; coordinates start at the bottom left; colours are 0xAARRGGBB.
 *
 * The window is its object: position, size, colours, stacking, title,
 * handler and the pixels themselves are in the world (n_window.h), so
 * after kill -9 the boot shows it exactly as the last snapshot had it,
 * with no program code running.  The display (src/display) is only told:
 * every change goes to it when made, and the restart hook tells it all
 * again.  Without a display windows work the same, unseen.
 *
 * A window is made on first use (the first method called after `new`),
 * 400x300 at (100,100), titled "Window", black on white, autoupdate on,
 * in front of the others.  It stays in the world's restart list (and so
 * alive) until close().
 */
#include <string.h>

#include "../../display/display.h"
#include "../../hal/hal.h"
#include "../netio.h"
#include "../sched.h"
#include "n_window.h"

#define STATE_BYTES (WS_COUNT * 4)

static struct pv_native_obj *obj(pv_value v) { return pv_as_ptr(v); }

static struct pv_binary *state(pv_value win)
{
    pv_value s = obj(win)->w[WW_STATE];
    return s == PV_NULL ? NULL : pv_as_ptr(s);
}

/* Invariant: a window's state is a binary of exactly STATE_BYTES (made by
 * pv_win_ensure before any field is read) and its pixels hold W*H*4 bytes. */
int32_t pv_win_get(pv_value win, int field)
{
    HAL_ASSERT(state(win) && state(win)->len == STATE_BYTES && field >= 0 && field < WS_COUNT);
    int32_t v;
    memcpy(&v, state(win)->bytes + field * 4, 4);
    return v;
}

void pv_win_put(pv_value win, int field, int32_t v)
{
    HAL_ASSERT(state(win) && state(win)->len == STATE_BYTES && field >= 0 && field < WS_COUNT);
    memcpy(state(win)->bytes + field * 4, &v, 4);
}

static uint64_t win_id(pv_vm *vm, pv_value win) { return (uint64_t)((uintptr_t)pv_as_ptr(win) - (uintptr_t)pw_base(vm->w)); }

pu_raster pv_win_raster(pv_value win)
{
    struct pv_binary *px = pv_as_ptr(obj(win)->w[WW_PIXELS]);
    pu_raster r = {px->bytes, pv_win_get(win, WS_W), pv_win_get(win, WS_H)};
    HAL_ASSERT(r.w > 0 && r.h > 0 && (uint64_t)px->len == (uint64_t)r.w * (uint64_t)r.h * 4);
    return r;
}

/* One above every other window of the world. */
static int32_t front_z(pv_vm *vm, pv_value self)
{
    int32_t z = 0;
    struct pv_array *l = vm->root->restart;
    for (uint32_t i = 0; i < l->len; i++) {
        pv_value o = l->items[i];
        if (o != self && pv_obj_kind(o) == PV_K_NATIVE && obj(o)->w[WW_STATE] != PV_NULL &&
            pv_class_of(vm, o) == pv_class_of(vm, self) && pv_win_get(o, WS_Z) > z)
            z = pv_win_get(o, WS_Z);
    }
    return z + 1;
}

static bool is_window_object(pv_vm *vm, pv_value o)
{
    struct pv_class *c = pv_class_of(vm, o);
    return c && pv_obj_kind(o) == PV_K_NATIVE && obj(o)->w[WW_STATE] != PV_NULL &&
           pv_obj_kind(obj(o)->w[WW_STATE]) == PV_K_BINARY && state(o)->len == STATE_BYTES;
}

bool pv_win_ensure(pv_vm *vm, pv_value self, const char *title)
{
    if (obj(self)->w[WW_STATE] != PV_NULL)
        return true;
    struct pv_binary *st = pv_binary_new(vm, STATE_BYTES);
    struct pv_binary *px = st ? pv_binary_new(vm, 400 * 300 * 4) : NULL;
    struct pv_string *t = px ? pv_str_cstr(vm, title) : NULL;
    struct pv_array *ev = t ? pv_array_new(vm, 0) : NULL;
    if (!ev || pv_array_push(vm, vm->root->restart, self) < 0) {
        pv_throw_oom(vm);
        return false;
    }
    pv_gc_write(vm, &obj(self)->w[WW_STATE], pv_from_ptr(st));
    pv_gc_write(vm, &obj(self)->w[WW_PIXELS], pv_from_ptr(px));
    pv_gc_write(vm, &obj(self)->w[WW_TITLE], pv_from_ptr(t));
    pv_gc_write(vm, &obj(self)->w[WW_EVENTS], pv_from_ptr(ev));
    static const int32_t init[WS_COUNT] = {
        [WS_X] = 100, [WS_Y] = 100, [WS_W] = 400, [WS_H] = 300, [WS_FG] = (int32_t)0xFF000000u,
        [WS_BG] = (int32_t)0xFFFFFFFFu, [WS_AUTO] = 1, [WS_VISIBLE] = 1,
    };
    for (int i = 0; i < WS_COUNT; i++)
        pv_win_put(self, i, init[i]);
    pv_win_put(self, WS_Z, front_z(vm, self));
    pu_raster r = pv_win_raster(self);
    pu_fill(&r, 0, 0, r.w, r.h, 0xFFFFFFFFu);
    pv_win_restart(vm, self);
    return true;
}

void pv_win_publish(pv_vm *vm, pv_value win)
{
    if (!vm->display)
        return;
    pd_win_info in = {pv_win_get(win, WS_X), pv_win_get(win, WS_Y), pv_win_get(win, WS_W), pv_win_get(win, WS_H),
                      (uint32_t)pv_win_get(win, WS_Z), pv_win_get(win, WS_VISIBLE) != 0, ""};
    struct pv_string *t = pv_as_ptr(obj(win)->w[WW_TITLE]);
    size_t n = t->len < sizeof in.title - 1 ? t->len : sizeof in.title - 1;
    memcpy(in.title, t->bytes, n);
    pd_win_set(vm->display, win_id(vm, win), &in);
}

void pv_win_show(pv_vm *vm, pv_value win)
{
    pu_rect d = {pv_win_get(win, WS_DX), pv_win_get(win, WS_DY), pv_win_get(win, WS_DW), pv_win_get(win, WS_DH)};
    if (!d.w || !d.h)
        return;
    pv_win_put(win, WS_DW, 0);
    pv_win_put(win, WS_DH, 0);
    if (vm->display) {
        pu_raster r = pv_win_raster(win);
        pd_win_pixels(vm->display, win_id(vm, win), r.px, r.w, r.h, d.x, d.y, d.w, d.h);
    }
}

void pv_win_drawn(pv_vm *vm, pv_value win, pu_rect r, bool autoupdate)
{
    pu_rect d = {pv_win_get(win, WS_DX), pv_win_get(win, WS_DY), pv_win_get(win, WS_DW), pv_win_get(win, WS_DH)};
    pu_rect_union(&d, r);
    pv_win_put(win, WS_DX, d.x);
    pv_win_put(win, WS_DY, d.y);
    pv_win_put(win, WS_DW, d.w);
    pv_win_put(win, WS_DH, d.h);
    if (autoupdate && pv_win_get(win, WS_AUTO))
        pv_win_show(vm, win);
}

void pv_win_restart(pv_vm *vm, pv_value win)
{
    if (pv_win_get(win, WS_CLOSED))
        return;
    pv_win_publish(vm, win);
    pu_raster r = pv_win_raster(win);
    if (vm->display)
        pd_win_pixels(vm->display, win_id(vm, win), r.px, r.w, r.h, 0, 0, r.w, r.h);
    if (pv_obj_kind(obj(win)->w[WW_EVENTS]) == PV_K_ARRAY &&
        ((struct pv_array *)pv_as_ptr(obj(win)->w[WW_EVENTS]))->len)
        vm->win_pending++;
}

/* ---- methods ---------------------------------------------------------------------- */

/* Every method starts here: the receiver made a window if it is not one,
 * and refused once closed. */
static bool self_ok(pv_vm *vm, pv_value self, const char *fn)
{
    if (!pv_win_ensure(vm, self, "Window"))
        return false;
    if (pv_win_get(self, WS_CLOSED)) {
        pv_throw(vm, PV_B_STATE_EXC, "%s: this window is closed", fn);
        return false;
    }
    return true;
}

static bool ints(pv_vm *vm, pv_value *args, int n, const char *fn, int32_t *out)
{
    for (int i = 0; i < n; i++)
        if (!pv_arg_int(vm, args[i + 1], fn, i + 1, &out[i]))
            return false;
    return true;
}

#define WIN_METHOD(name, fn, nints)                                                                       \
    static int name##_body(pv_vm *vm, pv_value self, int32_t *a, pv_value *args, pv_value *ret);          \
    static int name(pv_vm *vm, pv_value *args, pv_value *ret)                                             \
    {                                                                                                     \
        int32_t a[8];                                                                                     \
        if (!self_ok(vm, args[0], fn) || !ints(vm, args, nints, fn, a))                                   \
            return PV_NTHROW;                                                                             \
        return name##_body(vm, args[0], a, args, ret);                                                    \
    }                                                                                                     \
    static int name##_body(pv_vm *vm, pv_value self, int32_t *a, pv_value *args, pv_value *ret)

#define UNUSED4 (void)vm, (void)self, (void)a, (void)args, (void)ret

WIN_METHOD(wn_tostring, "toString", 0)
{
    UNUSED4;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "(window)"));
}

WIN_METHOD(wn_xsize, "getXSize", 0) { UNUSED4; *ret = pv_int(pv_win_get(self, WS_W)); return PV_NOK; }
WIN_METHOD(wn_ysize, "getYSize", 0) { UNUSED4; *ret = pv_int(pv_win_get(self, WS_H)); return PV_NOK; }
/* The original's getX/getY read a text cursor only clear() wrote: 0. */
WIN_METHOD(wn_getx, "getX", 0) { UNUSED4; *ret = pv_int(0); return PV_NOK; }
WIN_METHOD(wn_gety, "getY", 0) { UNUSED4; *ret = pv_int(0); return PV_NOK; }
WIN_METHOD(wn_winx, "getWinX", 0) { UNUSED4; *ret = pv_int(pv_win_get(self, WS_X)); return PV_NOK; }
WIN_METHOD(wn_winy, "getWinY", 0) { UNUSED4; *ret = pv_int(pv_win_get(self, WS_Y)); return PV_NOK; }

WIN_METHOD(wn_clear, "clear", 0)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    pv_win_drawn(vm, self, pu_fill(&r, 0, 0, r.w, r.h, (uint32_t)pv_win_get(self, WS_BG)), true);
    return PV_NOK;
}

WIN_METHOD(wn_fill, "fill", 1)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    pv_win_drawn(vm, self, pu_fill(&r, 0, 0, r.w, r.h, (uint32_t)a[0]), false);
    return PV_NOK;
}

WIN_METHOD(wn_setfg, "setFg", 1) { UNUSED4; pv_win_put(self, WS_FG, a[0]); return PV_NOK; }
WIN_METHOD(wn_setbg, "setBg", 1) { UNUSED4; pv_win_put(self, WS_BG, a[0]); return PV_NOK; }

/* The original draws at most 1024 bytes of a string. */
WIN_METHOD(wn_drawstring, "drawString", 2)
{
    UNUSED4;
    struct pv_string *s = pv_arg_string(vm, args[3], "drawString", 3);
    if (!s)
        return PV_NTHROW;
    pu_raster r = pv_win_raster(self);
    uint32_t fg = (uint32_t)pv_win_get(self, WS_FG), bg = (uint32_t)pv_win_get(self, WS_BG);
    pu_pen pen = {a[0], a[1], a[0], fg, bg, fg, bg, false};
    pv_win_drawn(vm, self, pu_text(&r, &pen, s->bytes, s->len < 1024 ? s->len : 1024), true);
    return PV_NOK;
}

static int image_part(pv_vm *vm, pv_value self, int32_t x, int32_t y, pv_value img, int64_t xs, int64_t ys,
                      int64_t w, int64_t h, const char *fn, bool whole)
{
    pu_raster src;
    if (!pv_bitmap_raster(vm, img, fn, 3, &src))
        return PV_NTHROW;
    if (whole) {
        w = src.w;
        h = src.h;
    }
    pu_raster r = pv_win_raster(self);
    pv_win_drawn(vm, self, pu_blit(&r, (int64_t)x + xs, (int64_t)y + ys, &src, xs, ys, w, h), true);
    return PV_NOK;
}

WIN_METHOD(wn_drawimage, "drawImage", 2)
{
    UNUSED4;
    return image_part(vm, self, a[0], a[1], args[3], 0, 0, 0, 0, "drawImage", true);
}

/* drawImagePart(x, y, img, xstart, ystart, xsize, ysize): the part lands
 * where it would in a whole drawImage at (x,y). */
static int wn_drawimagepart(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    int32_t a[2], p[4];
    if (!self_ok(vm, args[0], "drawImagePart") || !ints(vm, args, 2, "drawImagePart", a))
        return PV_NTHROW;
    for (int i = 0; i < 4; i++)
        if (!pv_arg_int(vm, args[4 + i], "drawImagePart", 4 + i, &p[i]))
            return PV_NTHROW;
    return image_part(vm, args[0], a[0], a[1], args[3], p[0], p[1], p[2], p[3], "drawImagePart", false);
}

/* setWinSize really resizes (the original only checked the size): the
 * pixels kept are those at the bottom left, new ones are the background. */
int pv_win_resize(pv_vm *vm, pv_value self, int32_t w, int32_t h)
{
    if (w <= 0 || h <= 0 || (int64_t)w * h > PV_WIN_MAX_PIXELS)
        return -1;
    pu_raster old = pv_win_raster(self);
    struct pv_binary *px = pv_binary_new(vm, (uint32_t)w * (uint32_t)h * 4);
    if (!px)
        return -2;
    pu_raster r = {px->bytes, w, h};
    pu_fill(&r, 0, 0, w, h, (uint32_t)pv_win_get(self, WS_BG));
    for (int32_t y = 0; y < h && y < old.h; y++)
        memcpy(r.px + (size_t)y * (size_t)w * 4, old.px + (size_t)y * (size_t)old.w * 4,
               (size_t)(w < old.w ? w : old.w) * 4);
    pv_gc_write(vm, &obj(self)->w[WW_PIXELS], pv_from_ptr(px));
    pv_win_put(self, WS_W, w);
    pv_win_put(self, WS_H, h);
    pv_win_put(self, WS_DW, 0);
    pv_win_put(self, WS_DH, 0);
    pv_win_publish(vm, self);
    if (vm->display)
        pd_win_pixels(vm->display, win_id(vm, self), r.px, w, h, 0, 0, w, h);
    return 0;
}

WIN_METHOD(wn_setwinsize, "setWinSize", 2)
{
    UNUSED4;
    int r = pv_win_resize(vm, self, a[0], a[1]);
    if (r == -1)
        return pv_throw(vm, PV_B_ARG_EXC, "setWinSize: %ldx%ld is not a window size (each side at least 1, at most %d pixels in all)",
                        (long)a[0], (long)a[1], PV_WIN_MAX_PIXELS);
    return r ? pv_throw_oom(vm) : PV_NOK;
}

int pv_win_move(pv_vm *vm, pv_value win, pv_value x, pv_value y, const char *fn)
{
    int32_t px, py;
    if (!pv_arg_int(vm, x, fn, 1, &px) || !pv_arg_int(vm, y, fn, 2, &py))
        return PV_NTHROW;
    pv_win_put(win, WS_X, px);
    pv_win_put(win, WS_Y, py);
    pv_win_publish(vm, win);
    return PV_NOK;
}

static int wn_setwinpos(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    if (!self_ok(vm, args[0], "setWinPosition"))
        return PV_NTHROW;
    return pv_win_move(vm, args[0], args[1], args[2], "setWinPosition");
}

WIN_METHOD(wn_drawline, "drawLine", 4)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    pv_win_drawn(vm, self, pu_line(&r, a[0], a[1], (int64_t)a[0] + a[2], (int64_t)a[1] + a[3],
                                   (uint32_t)pv_win_get(self, WS_FG)), false);
    return PV_NOK;
}

WIN_METHOD(wn_drawbox, "drawBox", 4)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    pv_win_drawn(vm, self, pu_box(&r, a[0], a[1], a[2], a[3], (uint32_t)pv_win_get(self, WS_FG)), false);
    return PV_NOK;
}

WIN_METHOD(wn_fillbox, "fillBox", 4)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    pv_win_drawn(vm, self, pu_fill(&r, a[0], a[1], a[2], a[3], (uint32_t)pv_win_get(self, WS_FG)), false);
    return PV_NOK;
}

WIN_METHOD(wn_fillellipse, "fillEllipse", 4)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    pv_win_drawn(vm, self, pu_fill_ellipse(&r, a[0], a[1], a[2], a[3], (uint32_t)pv_win_get(self, WS_FG)), false);
    return PV_NOK;
}

WIN_METHOD(wn_sethandler, "setEventHandler", 0)
{
    UNUSED4;
    pv_gc_write(vm, &obj(self)->w[WW_HANDLER], args[1]);
    return PV_NOK;
}

int pv_win_set_title(pv_vm *vm, pv_value win, pv_value title, const char *fn)
{
    struct pv_string *s = pv_arg_string(vm, title, fn, 1);
    if (!s)
        return PV_NTHROW;
    pv_gc_write(vm, &obj(win)->w[WW_TITLE], title);
    pv_win_publish(vm, win);
    return PV_NOK;
}

static int wn_settitle(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    if (!self_ok(vm, args[0], "setTitle"))
        return PV_NTHROW;
    return pv_win_set_title(vm, args[0], args[1], "setTitle");
}

WIN_METHOD(wn_gettitle, "getTitle", 0) { UNUSED4; *ret = obj(self)->w[WW_TITLE]; return PV_NOK; }

WIN_METHOD(wn_update, "update", 0)
{
    UNUSED4;
    pv_win_show(vm, self);
    return PV_NOK;
}

/* The original fills what scrolling leaves with white (the kernel
 * window's first background), whatever setBg said. */
WIN_METHOD(wn_scrollhor, "scrollHor", 5)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    pu_rect k;
    if (!pu_scroll_hor(&r, a[0], a[1], a[2], a[3], a[4], 0xFFFFFFFFu, &k)) {
        *ret = pv_int(22);   /* EINVAL, as the original */
        return PV_NOK;
    }
    pv_win_drawn(vm, self, k, false);
    *ret = pv_int(0);
    return PV_NOK;
}

WIN_METHOD(wn_setauto, "setAutoUpdate", 1) { UNUSED4; pv_win_put(self, WS_AUTO, a[0] != 0); return PV_NOK; }

WIN_METHOD(wn_getpixel, "getPixel", 2)
{
    UNUSED4;
    pu_raster r = pv_win_raster(self);
    if (!pv_check_index(vm, "getPixel", a[0], (uint64_t)r.w) || !pv_check_index(vm, "getPixel", a[1], (uint64_t)r.h))
        return PV_NTHROW;
    *ret = pv_int((int32_t)pu_get(&r, a[0], a[1]));
    return PV_NOK;
}

WIN_METHOD(wn_setvisible, "setVisible", 0)
{
    UNUSED4;
    pv_win_put(self, WS_VISIBLE, args[1] == PV_TRUE || (pv_is_int(args[1]) && pv_as_int(args[1])));
    pv_win_publish(vm, self);
    return PV_NOK;
}

void pv_win_to_front(pv_vm *vm, pv_value win)
{
    pv_win_put(win, WS_Z, front_z(vm, win));
    pv_win_publish(vm, win);
}

WIN_METHOD(wn_tofront, "toFront", 0)
{
    UNUSED4;
    pv_win_to_front(vm, self);
    return PV_NOK;
}

/* close(): gone from the display and from the restart list. */
WIN_METHOD(wn_close, "close", 0)
{
    UNUSED4;
    pv_win_put(self, WS_CLOSED, 1);
    pv_restart_list_remove(vm, self);
    if (vm->display)
        pd_win_remove(vm->display, win_id(vm, self));
    return PV_NOK;
}

static int wn_restart(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    if (is_window_object(vm, args[0]))
        pv_win_restart(vm, args[0]);
    return PV_NOK;
}

static const pv_native_method window_methods[] = {
    {"toString", "()*", 5, 0, wn_tostring},
    {"getXSize", "()*", 16, 0, wn_xsize},
    {"getYSize", "()*", 17, 0, wn_ysize},
    {"getX", "()*", 18, 0, wn_getx},
    {"getY", "()*", 19, 0, wn_gety},
    {"clear", "()void", 20, 0, wn_clear},
    {"fill", "(*)void", 21, 0, wn_fill},
    {"setFg", "(*)void", 22, 0, wn_setfg},
    {"setBg", "(*)void", 23, 0, wn_setbg},
    {"drawString", "(*,*,*)void", 24, 0, wn_drawstring},
    {"drawImage", "(*,*,*)void", 25, 0, wn_drawimage},
    {"setWinSize", "(*,*)void", 26, 0, wn_setwinsize},
    {"setWinPosition", "(*,*)void", 27, 0, wn_setwinpos},
    {"drawLine", "(*,*,*,*)void", 28, 0, wn_drawline},
    {"drawBox", "(*,*,*,*)void", 29, 0, wn_drawbox},
    {"fillBox", "(*,*,*,*)void", 30, 0, wn_fillbox},
    {"fillEllipse", "(*,*,*,*)void", 31, 0, wn_fillellipse},
    {"setEventHandler", "(*)void", 32, 0, wn_sethandler},
    {"setTitle", "(*)void", 33, 0, wn_settitle},
    {"update", "()void", 34, 0, wn_update},
    {"scrollHor", "(*,*,*,*,*)*", 35, 0, wn_scrollhor},
    {"drawImagePart", "(*,*,*,*,*,*,*)void", 36, 0, wn_drawimagepart},
    {"setAutoUpdate", "(*)void", 37, 0, wn_setauto},
    {"getPixel", "(*,*)*", PV_NO_ORDINAL, 0, wn_getpixel},
    {"getWinX", "()*", PV_NO_ORDINAL, 0, wn_winx},
    {"getWinY", "()*", PV_NO_ORDINAL, 0, wn_winy},
    {"getTitle", "()*", PV_NO_ORDINAL, 0, wn_gettitle},
    {"setVisible", "(*)void", PV_NO_ORDINAL, 0, wn_setvisible},
    {"toFront", "()void", PV_NO_ORDINAL, 0, wn_tofront},
    {"close", "()void", PV_NO_ORDINAL, 0, wn_close},
    {"restart", "()void", PV_NO_ORDINAL, 0, wn_restart},
};

const pv_native_class pv_nc_window = {
    ".internal.window", NULL, PV_K_NATIVE, 0, NULL, window_methods, PV_COUNTOF(window_methods),
};
