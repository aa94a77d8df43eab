/*
 * n_bitmap.c - .internal.bitmap: an image loaded from binary PPM (P6)
 * text, drawn into windows (window.drawImage, paintTo) or made the
 * desktop's background (boot.setScreenBackground).
 *
 * Pixels are stored as windows store them (raster.h: B,G,R,A, rows
 * bottom-up), alpha 255: the last PPM row is row 0, so the image is
 * upright.  Unlike the original's loader, every size is checked against
 * the data: malformed or short data raises ArgumentException naming the
 * problem, never reads past the string.
 */
#include <string.h>

#include "../../display/display.h"
#include "../netio.h"
#include "n_window.h"

enum { BW_PIXELS, BW_W, BW_H };

#define BACKGROUND_NAME ".internal.boot.screenBackground"

static struct pv_native_obj *obj(pv_value v) { return pv_as_ptr(v); }

bool pv_bitmap_raster(pv_vm *vm, pv_value v, const char *fn, int argno, pu_raster *out)
{
    struct pv_class *bc = pv_find_class(vm, ".internal.bitmap");
    if (!bc || !pv_instance_of(vm, v, bc)) {
        pv_wrong_type(vm, v, fn, argno, ".internal.bitmap");
        return false;
    }
    if (pv_obj_kind(obj(v)->w[BW_PIXELS]) != PV_K_BINARY) {
        pv_throw(vm, PV_B_STATE_EXC, "%s: the bitmap is empty (loadFromString first)", fn);
        return false;
    }
    struct pv_binary *px = pv_as_ptr(obj(v)->w[BW_PIXELS]);
    *out = (pu_raster){px->bytes, pv_as_int(obj(v)->w[BW_W]), pv_as_int(obj(v)->w[BW_H])};
    return true;
}

/* One header number after white space and # comments. */
static bool ppm_number(const uint8_t *p, size_t n, size_t *at, int64_t *out)
{
    for (;;) {
        while (*at < n && (p[*at] == ' ' || p[*at] == '\t' || p[*at] == '\n' || p[*at] == '\r'))
            ++*at;
        if (*at < n && p[*at] == '#') {
            while (*at < n && p[*at] != '\n')
                ++*at;
            continue;
        }
        break;
    }
    if (*at >= n || p[*at] < '0' || p[*at] > '9')
        return false;
    int64_t v = 0;
    while (*at < n && p[*at] >= '0' && p[*at] <= '9' && v < (1ll << 40))
        v = v * 10 + (p[(*at)++] - '0');
    *out = v;
    return true;
}

static int bm_load(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    const uint8_t *p;
    size_t n, at = 2;
    if (pv_obj_kind(args[1]) == PV_K_BINARY) {   /* the bytes of a file, read at run time */
        struct pv_binary *bin = pv_as_ptr(args[1]);
        p = bin->bytes;
        n = bin->len;
    } else {
        struct pv_string *s = pv_arg_string(vm, args[1], "loadFromString", 1);
        if (!s)
            return PV_NTHROW;
        p = (const uint8_t *)s->bytes;
        n = s->len;
    }
    int64_t w, h, max;
    if (n < 2 || p[0] != 'P' || p[1] != '6')
        return pv_throw(vm, PV_B_ARG_EXC, "loadFromString: can not parse graphics data: not a binary PPM (P6)");
    if (!ppm_number(p, n, &at, &w) || !ppm_number(p, n, &at, &h) || !ppm_number(p, n, &at, &max) || at >= n)
        return pv_throw(vm, PV_B_ARG_EXC, "loadFromString: can not parse graphics data: bad PPM header");
    if (w < 1 || h < 1 || w * h > PV_BITMAP_MAX_PIXELS)
        return pv_throw(vm, PV_B_ARG_EXC, "loadFromString: PPM size %lldx%lld is not 1 to %d pixels", (long long)w,
                        (long long)h, PV_BITMAP_MAX_PIXELS);
    if (max < 1 || max > 65535)
        return pv_throw(vm, PV_B_ARG_EXC, "loadFromString: PPM maxval %lld is not 1 to 65535", (long long)max);
    at++;   /* the one white space byte after maxval */
    size_t sample = max > 255 ? 2 : 1, need = (size_t)w * (size_t)h * 3 * sample;
    if (n - at < need)
        return pv_throw(vm, PV_B_ARG_EXC, "loadFromString: PPM data is %zu bytes, %lldx%lld needs %zu", n - at,
                        (long long)w, (long long)h, need);
    struct pv_binary *px = pv_binary_new(vm, (uint32_t)(w * h * 4));
    if (!px)
        return pv_throw_oom(vm);
    pu_raster r = {px->bytes, (int32_t)w, (int32_t)h};
    const uint8_t *d = p + at;
    for (int32_t y = 0; y < r.h; y++)
        for (int32_t x = 0; x < r.w; x++) {
            const uint8_t *q = d + (((size_t)(r.h - 1 - y) * (size_t)r.w + (size_t)x) * 3) * sample;
            uint32_t rr = q[0], gg = q[sample], bb = q[2 * sample];   /* the high byte of 2-byte samples */
            if (max != 255 && sample == 1) {
                rr = rr * 255 / (uint32_t)max, gg = gg * 255 / (uint32_t)max, bb = bb * 255 / (uint32_t)max;
            }
            pu_put(&r, x, y, 0xFF000000u | (rr > 255 ? 255 : rr) << 16 | (gg > 255 ? 255 : gg) << 8 | (bb > 255 ? 255 : bb));
        }
    pv_gc_write(vm, &obj(args[0])->w[BW_PIXELS], pv_from_ptr(px));
    obj(args[0])->w[BW_W] = pv_int(r.w);
    obj(args[0])->w[BW_H] = pv_int(r.h);
    return PV_NOK;
}

/* paintTo(window, x, y): a no-op in the original; here it draws the
 * bitmap into the window (or console text window) as drawImage does. */
static int bm_paint(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    pu_raster src;
    int32_t x, y;
    if (!pv_bitmap_raster(vm, args[0], "paintTo", 0, &src) || !pv_arg_int(vm, args[2], "paintTo", 2, &x) ||
        !pv_arg_int(vm, args[3], "paintTo", 3, &y))
        return PV_NTHROW;
    struct pv_class *wc = pv_find_class(vm, ".internal.window"), *tc = pv_find_class(vm, ".internal.io.tty");
    pv_value win = args[1];
    if (tc && pv_instance_of(vm, win, tc))
        win = pv_tty_window(vm, win);
    else if (!wc || !pv_instance_of(vm, win, wc))
        return pv_wrong_type(vm, args[1], "paintTo", 1, ".internal.window or .internal.io.tty"), PV_NTHROW;
    if (win == PV_NULL)
        return PV_NOK;   /* a console without a display: nothing to paint on */
    if (!pv_win_ensure(vm, win, "Window"))
        return PV_NTHROW;
    pu_raster r = pv_win_raster(win);
    pv_win_drawn(vm, win, pu_blit(&r, x, y, &src, 0, 0, src.w, src.h), true);
    return PV_NOK;
}

static int bm_tostring(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)args;
    return pv_ret_obj(vm, ret, pv_str_cstr(vm, "(bitmap)"));
}

static int bm_width(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = pv_is_int(obj(args[0])->w[BW_W]) ? obj(args[0])->w[BW_W] : pv_int(0);
    return PV_NOK;
}

static int bm_height(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)vm;
    *ret = pv_is_int(obj(args[0])->w[BW_H]) ? obj(args[0])->w[BW_H] : pv_int(0);
    return PV_NOK;
}

static void show_background(pv_vm *vm, pv_value bmp)
{
    pu_raster r;
    if (vm->display && pv_obj_kind(obj(bmp)->w[BW_PIXELS]) == PV_K_BINARY) {
        struct pv_binary *px = pv_as_ptr(obj(bmp)->w[BW_PIXELS]);
        r = (pu_raster){px->bytes, pv_as_int(obj(bmp)->w[BW_W]), pv_as_int(obj(bmp)->w[BW_H])};
        pd_background(vm->display, r.px, r.w, r.h);
    }
}

/* The background is kept in the world (unlike the original, which lost it
 * at reboot): published under BACKGROUND_NAME, with the bitmap in the
 * restart list so that its restart hook shows it again. */
int pv_boot_set_background(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    pu_raster r;
    if (!pv_bitmap_raster(vm, args[1], "setScreenBackground", 1, &r))
        return PV_NTHROW;
    struct pv_string *k = pv_str_cstr(vm, BACKGROUND_NAME);
    if (!k || pv_dir_put(vm, vm->root->names, k, args[1]) < 0)
        return pv_throw_oom(vm);
    struct pv_array *l = vm->root->restart;
    bool listed = false;
    for (uint32_t i = 0; i < l->len && !listed; i++)
        listed = l->items[i] == args[1];
    if (!listed && pv_array_push(vm, l, args[1]) < 0)
        return pv_throw_oom(vm);
    show_background(vm, args[1]);
    return PV_NOK;
}

static int bm_restart(pv_vm *vm, pv_value *args, pv_value *ret)
{
    (void)ret;
    if (pv_dir_get_cstr(vm->root->names, BACKGROUND_NAME) == args[0])
        show_background(vm, args[0]);
    else
        pv_restart_list_remove(vm, args[0]);
    return PV_NOK;
}

static const pv_native_method bitmap_methods[] = {
    {"toString", "()*", 5, 0, bm_tostring},
    {"loadFromString", "(*)void", 8, 0, bm_load},
    {"paintTo", "(*,*,*)void", 9, 0, bm_paint},
    {"getWidth", "()*", PV_NO_ORDINAL, 0, bm_width},
    {"getHeight", "()*", PV_NO_ORDINAL, 0, bm_height},
    {"restart", "()void", PV_NO_ORDINAL, 0, bm_restart},
};

const pv_native_class pv_nc_bitmap = {
    ".internal.bitmap", NULL, PV_K_NATIVE, 0, NULL, bitmap_methods, PV_COUNTOF(bitmap_methods),
};
