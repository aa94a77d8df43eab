/*
 * display.c - the display's model: the host copy of every window, the
 * desktop composed from it, and the input queue (display.h).
 */
#include "display_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/font.h"
#include "png.h"

#define DESKTOP_COLOR 0xFF2E4A62u   /* the default background, 0xAARRGGBB */
#define FRAME_COLOR 0xFF202020u
#define TITLE_COLOR 0xFF4A6FA5u     /* the front window's title bar */
#define TITLE_DIM 0xFF8A8A8Au       /* the others' */

bool pd_available(void)
{
#ifdef PHANTOM_HAVE_ZLIB
    return true;
#else
    return false;
#endif
}

static int parse_spec(const char *spec, hal_netaddr *a)
{
    char host[64] = "127.0.0.1";
    const char *colon = strrchr(spec, ':');
    const char *port = spec;
    if (colon) {
        size_t n = (size_t)(colon - spec);
        if (n >= sizeof host)
            return -1;
        if (n) {
            memcpy(host, spec, n);
            host[n] = 0;
        }
        port = colon + 1;
    }
    char *end;
    long p = strtol(port, &end, 10);
    if (!*port || *end || p < 0 || p > 65535)
        return -1;
    return hal_net_addr_parse(host, (uint16_t)p, a) ? -1 : 0;
}

int pd_open(const char *spec, pd_display **out, char *err, size_t errlen)
{
    if (!pd_available()) {
        snprintf(err, errlen, "--display: this phantom was built without zlib (apt-get install zlib1g-dev, then make)");
        return PD_E_UNAVAILABLE;
    }
    hal_netaddr a;
    if (parse_spec(spec, &a)) {
        snprintf(err, errlen, "--display: '%s' is not [ADDR:]PORT (a numeric address, a port from 0 to 65535)", spec);
        return PD_E_SPEC;
    }
    pd_display *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "--display: out of memory");
        return PD_E_NOMEM;
    }
    hal_mutex_init(&d->lock);
    d->listener = -1;
    int r = pd_server_start(d, &a, err, errlen);
    if (r) {
        hal_mutex_destroy(&d->lock);
        free(d);
        return r;
    }
    *out = d;
    return 0;
}

void pd_close(pd_display *d)
{
    if (!d)
        return;
    pd_server_stop(d);
    for (size_t i = 0; i < d->nwins; i++)
        free(d->wins[i].px);
    free(d->wins);
    free(d->removed);
    free(d->bg);
    hal_mutex_destroy(&d->lock);
    free(d);
}

int pd_port(const pd_display *d) { return d->port; }

struct pd_win *pd_find_win(pd_display *d, uint64_t id)
{
    for (size_t i = 0; i < d->nwins; i++)
        if (d->wins[i].id == id)
            return &d->wins[i];
    return NULL;
}

int pd_win_set(pd_display *d, uint64_t id, const pd_win_info *info)
{
    if (info->w <= 0 || info->h <= 0)
        return PD_E_SPEC;
    hal_mutex_lock(&d->lock);
    struct pd_win *w = pd_find_win(d, id);
    if (!w) {
        if (d->nwins == d->capwins) {
            size_t cap = d->capwins ? d->capwins * 2 : 16;
            struct pd_win *n = realloc(d->wins, cap * sizeof *n);
            if (!n) {
                hal_mutex_unlock(&d->lock);
                return PD_E_NOMEM;
            }
            d->wins = n;
            d->capwins = cap;
        }
        w = &d->wins[d->nwins++];
        memset(w, 0, sizeof *w);
        w->id = id;
    }
    if (!w->px || w->info.w != info->w || w->info.h != info->h) {
        uint8_t *px = calloc((size_t)info->w * (size_t)info->h, 4);
        if (!px) {
            hal_mutex_unlock(&d->lock);
            return PD_E_NOMEM;
        }
        free(w->px);
        w->px = px;
        w->dirty = (pu_rect){0, 0, info->w, info->h};
    }
    w->info = *info;
    w->info.title[sizeof w->info.title - 1] = 0;
    w->geom_dirty = true;
    hal_mutex_unlock(&d->lock);
    pd_server_wake(d);
    return 0;
}

void pd_win_pixels(pd_display *d, uint64_t id, const uint8_t *px, int32_t w, int32_t h, int32_t rx, int32_t ry,
                   int32_t rw, int32_t rh)
{
    hal_mutex_lock(&d->lock);
    struct pd_win *win = pd_find_win(d, id);
    pu_rect r = pu_rect_clip(rx, ry, rw, rh, w, h);
    if (win && win->info.w == w && win->info.h == h && r.w && r.h) {
        for (int32_t y = r.y; y < r.y + r.h; y++) {
            size_t off = ((size_t)y * (size_t)w + (size_t)r.x) * 4;
            memcpy(win->px + off, px + off, (size_t)r.w * 4);
        }
        pu_rect_union(&win->dirty, r);
    }
    hal_mutex_unlock(&d->lock);
    pd_server_wake(d);
}

void pd_win_remove(pd_display *d, uint64_t id)
{
    hal_mutex_lock(&d->lock);
    struct pd_win *w = pd_find_win(d, id);
    if (w) {
        free(w->px);
        *w = d->wins[--d->nwins];
        if (d->nremoved == d->capremoved) {
            size_t cap = d->capremoved ? d->capremoved * 2 : 8;
            uint64_t *n = realloc(d->removed, cap * sizeof *n);
            if (n) {
                d->removed = n;
                d->capremoved = cap;
            }
        }
        if (d->nremoved < d->capremoved)
            d->removed[d->nremoved++] = id;
    }
    hal_mutex_unlock(&d->lock);
    pd_server_wake(d);
}

int pd_background(pd_display *d, const uint8_t *px, int32_t w, int32_t h)
{
    uint8_t *copy = NULL;
    if (px) {
        if (w <= 0 || h <= 0)
            return PD_E_SPEC;
        copy = malloc((size_t)w * (size_t)h * 4);
        if (!copy)
            return PD_E_NOMEM;
        memcpy(copy, px, (size_t)w * (size_t)h * 4);
    }
    hal_mutex_lock(&d->lock);
    free(d->bg);
    d->bg = copy;
    d->bg_w = w;
    d->bg_h = h;
    d->bg_dirty = true;
    hal_mutex_unlock(&d->lock);
    pd_server_wake(d);
    return 0;
}

/* ---- composing ----------------------------------------------------------------- */

/* The desktop drawn bottom-up like a window, then turned into PNG order. */
static int zcmp(const void *a, const void *b)
{
    const struct pd_win *x = *(struct pd_win *const *)a, *y = *(struct pd_win *const *)b;
    return x->info.z < y->info.z ? -1 : x->info.z > y->info.z;
}

uint8_t *pd_compose(pd_display *d)
{
    pu_raster desk = {malloc((size_t)PD_DESKTOP_W * PD_DESKTOP_H * 4), PD_DESKTOP_W, PD_DESKTOP_H};
    struct pd_win **order = malloc((d->nwins + 1) * sizeof *order);
    if (!desk.px || !order) {
        free(desk.px);
        free(order);
        return NULL;
    }
    pu_fill(&desk, 0, 0, desk.w, desk.h, DESKTOP_COLOR);
    if (d->bg) {
        pu_raster bg = {d->bg, d->bg_w, d->bg_h};
        pu_blit(&desk, 0, 0, &bg, 0, 0, bg.w, bg.h);
    }
    size_t n = 0;
    for (size_t i = 0; i < d->nwins; i++)
        if (d->wins[i].info.visible)
            order[n++] = &d->wins[i];
    qsort(order, n, sizeof *order, zcmp);
    for (size_t i = 0; i < n; i++) {
        const pd_win_info *in = &order[i]->info;
        pu_raster src = {order[i]->px, in->w, in->h};
        int64_t x = in->x, y = in->y;
        pu_fill(&desk, x - 1, y - 1, (int64_t)in->w + 2, (int64_t)in->h + PD_TITLE_H + 2, FRAME_COLOR);
        pu_fill(&desk, x, y + in->h, in->w, PD_TITLE_H, i + 1 == n ? TITLE_COLOR : TITLE_DIM);
        pu_pen pen = {x + 4, y + in->h + 2, x + 4, 0xFFFFFFFFu, i + 1 == n ? TITLE_COLOR : TITLE_DIM, 0, 0, false};
        pen.fg_default = pen.fg;
        pen.bg_default = pen.bg;
        size_t tl = strlen(in->title), fit = in->w > 8 ? (size_t)(in->w - 8) / PU_FONT_W : 0;
        pu_text(&desk, &pen, in->title, tl < fit ? tl : fit);
        /* the content is opaque: a blit skips alpha 0, so paint it black first */
        pu_fill(&desk, x, y, in->w, in->h, 0xFF000000u);
        pu_blit(&desk, x, y, &src, 0, 0, in->w, in->h);
    }
    free(order);
    /* bottom-up B,G,R,A to top-down R,G,B,A, opaque */
    uint8_t *out = malloc((size_t)PD_DESKTOP_W * PD_DESKTOP_H * 4);
    if (out)
        for (int32_t y = 0; y < PD_DESKTOP_H; y++) {
            const uint8_t *s = desk.px + (size_t)y * PD_DESKTOP_W * 4;
            uint8_t *t = out + (size_t)(PD_DESKTOP_H - 1 - y) * PD_DESKTOP_W * 4;
            for (int32_t x = 0; x < PD_DESKTOP_W; x++, s += 4, t += 4) {
                t[0] = s[2];
                t[1] = s[1];
                t[2] = s[0];
                t[3] = 255;
            }
        }
    free(desk.px);
    return out;
}

int pd_screen_png(pd_display *d, uint8_t **png, size_t *len)
{
    hal_mutex_lock(&d->lock);
    uint8_t *rgba = pd_compose(d);
    hal_mutex_unlock(&d->lock);
    if (!rgba)
        return PD_E_NOMEM;
    int r = pd_png_encode(rgba, PD_DESKTOP_W, PD_DESKTOP_H, png, len);
    free(rgba);
    return r ? PD_E_NOMEM : 0;
}

/* Window pixels keep their alpha: the page shows alpha 0 as black, as the
 * composed desktop does, by drawing on a black canvas. */
int pd_win_png(const struct pd_win *w, pu_rect r, uint8_t **png, size_t *len)
{
    uint8_t *rgba = malloc((size_t)r.w * (size_t)r.h * 4);
    if (!rgba)
        return PD_E_NOMEM;
    for (int32_t j = 0; j < r.h; j++) {
        int32_t y = r.y + r.h - 1 - j;
        const uint8_t *s = w->px + ((size_t)y * (size_t)w->info.w + (size_t)r.x) * 4;
        uint8_t *t = rgba + (size_t)j * (size_t)r.w * 4;
        for (int32_t i = 0; i < r.w; i++, s += 4, t += 4) {
            t[0] = s[2];
            t[1] = s[1];
            t[2] = s[0];
            t[3] = 255;
        }
    }
    int e = pd_png_encode(rgba, r.w, r.h, png, len);
    free(rgba);
    return e ? PD_E_NOMEM : 0;
}

int pd_bg_png(pd_display *d, uint8_t **png, size_t *len)
{
    uint8_t *rgba = malloc((size_t)PD_DESKTOP_W * PD_DESKTOP_H * 4);
    if (!rgba)
        return PD_E_NOMEM;
    pu_raster desk = {rgba, PD_DESKTOP_W, PD_DESKTOP_H};
    pu_fill(&desk, 0, 0, desk.w, desk.h, DESKTOP_COLOR);
    if (d->bg) {
        pu_raster bg = {d->bg, d->bg_w, d->bg_h};
        pu_blit(&desk, 0, 0, &bg, 0, 0, bg.w, bg.h);
    }
    struct pd_win whole = {.px = rgba, .info = {.w = PD_DESKTOP_W, .h = PD_DESKTOP_H}};
    return pd_win_png(&whole, (pu_rect){0, 0, PD_DESKTOP_W, PD_DESKTOP_H}, png, len);
}

/* ---- input --------------------------------------------------------------------------- */

/* A full queue first drops the oldest mouse move (the next one says where
 * the mouse is), then the new event itself: memory stays bounded however
 * fast events come. */
void pd_queue_event(pd_display *d, const pd_event *ev)
{
    hal_mutex_lock(&d->lock);
    if (d->qlen == PD_EVENT_QUEUE) {
        size_t i;
        for (i = 0; i < d->qlen; i++)
            if (d->queue[(d->qhead + i) % PD_EVENT_QUEUE].type == PD_EV_MOUSE_MOVE)
                break;
        d->dropped++;
        if (i == d->qlen) {
            hal_mutex_unlock(&d->lock);
            return;
        }
        for (; i + 1 < d->qlen; i++)
            d->queue[(d->qhead + i) % PD_EVENT_QUEUE] = d->queue[(d->qhead + i + 1) % PD_EVENT_QUEUE];
        d->qlen--;
    }
    d->queue[(d->qhead + d->qlen++) % PD_EVENT_QUEUE] = *ev;
    hal_mutex_unlock(&d->lock);
}

bool pd_next_event(pd_display *d, pd_event *ev)
{
    hal_mutex_lock(&d->lock);
    bool any = d->qlen > 0;
    if (any) {
        *ev = d->queue[d->qhead];
        d->qhead = (d->qhead + 1) % PD_EVENT_QUEUE;
        d->qlen--;
    }
    hal_mutex_unlock(&d->lock);
    return any;
}

uint64_t pd_events_dropped(pd_display *d)
{
    hal_mutex_lock(&d->lock);
    uint64_t n = d->dropped;
    hal_mutex_unlock(&d->lock);
    return n;
}

void pd_stats(pd_display *d, uint64_t *frames, uint64_t *bytes)
{
    *frames = __atomic_load_n(&d->frames, __ATOMIC_RELAXED);
    *bytes = __atomic_load_n(&d->bytes, __ATOMIC_RELAXED);
}
