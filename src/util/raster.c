/*
 * raster.c - clipped drawing on bottom-up 32-bit pixel buffers (raster.h).
 */
#include "raster.h"

#include <string.h>

#include "font.h"

void pu_rect_union(pu_rect *a, pu_rect b)
{
    if (!b.w || !b.h)
        return;
    if (!a->w || !a->h) {
        *a = b;
        return;
    }
    int32_t x1 = a->x + a->w > b.x + b.w ? a->x + a->w : b.x + b.w;
    int32_t y1 = a->y + a->h > b.y + b.h ? a->y + a->h : b.y + b.h;
    a->x = a->x < b.x ? a->x : b.x;
    a->y = a->y < b.y ? a->y : b.y;
    a->w = x1 - a->x;
    a->h = y1 - a->y;
}

pu_rect pu_rect_clip(int64_t x, int64_t y, int64_t w, int64_t h, int32_t bw, int32_t bh)
{
    pu_rect r = {0, 0, 0, 0};
    if (w <= 0 || h <= 0)
        return r;
    int64_t x1 = x + w, y1 = y + h;
    if (x < 0)
        x = 0;
    if (y < 0)
        y = 0;
    if (x1 > bw)
        x1 = bw;
    if (y1 > bh)
        y1 = bh;
    if (x >= x1 || y >= y1)
        return r;
    r = (pu_rect){(int32_t)x, (int32_t)y, (int32_t)(x1 - x), (int32_t)(y1 - y)};
    return r;
}

pu_rect pu_fill(pu_raster *r, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t c)
{
    pu_rect k = pu_rect_clip(x, y, w, h, r->w, r->h);
    for (int32_t j = 0; j < k.h; j++)
        for (int32_t i = 0; i < k.w; i++)
            pu_put(r, k.x + i, k.y + j, c);
    return k;
}

pu_rect pu_box(pu_raster *r, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t c)
{
    pu_rect k = {0, 0, 0, 0};
    if (w <= 0 || h <= 0)
        return k;
    pu_rect_union(&k, pu_fill(r, x, y, w, 1, c));
    pu_rect_union(&k, pu_fill(r, x, y + h - 1, w, 1, c));
    pu_rect_union(&k, pu_fill(r, x, y, 1, h, c));
    pu_rect_union(&k, pu_fill(r, x + w - 1, y, 1, h, c));
    return k;
}

/* A line is first cut to the buffer's box widened by one (Liang-Barsky),
 * so a line with ends far away costs no more than one across the buffer. */
static bool clip_line(double *x0, double *y0, double *x1, double *y1, double xmax, double ymax)
{
    double t0 = 0, t1 = 1, dx = *x1 - *x0, dy = *y1 - *y0;
    double p[4] = {-dx, dx, -dy, dy}, q[4] = {*x0 + 1, xmax - *x0, *y0 + 1, ymax - *y0};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0) {
            if (t > t1)
                return false;
            if (t > t0)
                t0 = t;
        } else {
            if (t < t0)
                return false;
            if (t < t1)
                t1 = t;
        }
    }
    double ax = *x0 + t0 * dx, ay = *y0 + t0 * dy;
    *x1 = *x0 + t1 * dx;
    *y1 = *y0 + t1 * dy;
    *x0 = ax;
    *y0 = ay;
    return true;
}

pu_rect pu_line(pu_raster *r, int64_t x0, int64_t y0, int64_t x1, int64_t y1, uint32_t c)
{
    pu_rect k = {0, 0, 0, 0};
    double fx0 = (double)x0, fy0 = (double)y0, fx1 = (double)x1, fy1 = (double)y1;
    if (!clip_line(&fx0, &fy0, &fx1, &fy1, r->w, r->h))
        return k;
    /* Ends inside the widened box: rounding keeps them within int range. */
    int64_t ax = (int64_t)(fx0 < 0 ? fx0 - 0.5 : fx0 + 0.5), ay = (int64_t)(fy0 < 0 ? fy0 - 0.5 : fy0 + 0.5);
    int64_t bx = (int64_t)(fx1 < 0 ? fx1 - 0.5 : fx1 + 0.5), by = (int64_t)(fy1 < 0 ? fy1 - 0.5 : fy1 + 0.5);
    int64_t dx = bx > ax ? bx - ax : ax - bx, dy = by > ay ? ay - by : by - ay;
    int64_t sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1, err = dx + dy;
    for (;;) {
        if (ax >= 0 && ay >= 0 && ax < r->w && ay < r->h) {
            pu_put(r, (int32_t)ax, (int32_t)ay, c);
            pu_rect_union(&k, (pu_rect){(int32_t)ax, (int32_t)ay, 1, 1});
        }
        if (ax == bx && ay == by)
            break;
        int64_t e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            ax += sx;
        }
        if (e2 <= dx) {
            err += dx;
            ay += sy;
        }
    }
    return k;
}

pu_rect pu_fill_ellipse(pu_raster *r, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t c)
{
    pu_rect k = {0, 0, 0, 0};
    pu_rect box = pu_rect_clip(x, y, w, h, r->w, r->h);
    if (!box.w || !box.h)
        return k;
    /* A pixel is in when its centre is inside: ((px+.5-cx)/a)^2 + ... <= 1. */
    double a = (double)w / 2, b = (double)h / 2, cx = (double)x + a, cy = (double)y + b;
    for (int32_t j = box.y; j < box.y + box.h; j++) {
        double dy = (j + 0.5 - cy) / b;
        double rest = 1 - dy * dy;
        if (rest < 0)
            continue;
        for (int32_t i = box.x; i < box.x + box.w; i++) {
            double dx = (i + 0.5 - cx) / a;
            if (dx * dx <= rest) {
                pu_put(r, i, j, c);
                pu_rect_union(&k, (pu_rect){i, j, 1, 1});
            }
        }
    }
    return k;
}

pu_rect pu_blit(pu_raster *dst, int64_t dx, int64_t dy, const pu_raster *src, int64_t sx, int64_t sy, int64_t sw,
                int64_t sh)
{
    /* The part of the source that exists, then of that what lands inside. */
    pu_rect s = pu_rect_clip(sx, sy, sw, sh, src->w, src->h);
    dx += s.x - sx;
    dy += s.y - sy;
    pu_rect d = pu_rect_clip(dx, dy, s.w, s.h, dst->w, dst->h);
    int32_t ox = (int32_t)(s.x + (d.x - dx)), oy = (int32_t)(s.y + (d.y - dy));
    pu_rect k = {0, 0, 0, 0};
    for (int32_t j = 0; j < d.h; j++)
        for (int32_t i = 0; i < d.w; i++) {
            uint32_t c = pu_get(src, ox + i, oy + j);
            if (c >> 24)
                pu_put(dst, d.x + i, d.y + j, c);
        }
    if (d.w && d.h)
        k = d;
    return k;
}

bool pu_scroll_hor(pu_raster *r, int32_t x, int32_t y, int32_t w, int32_t h, int32_t steps, uint32_t c,
                   pu_rect *changed)
{
    *changed = (pu_rect){0, 0, 0, 0};
    if (x < 0 || y < 0 || w <= 0 || h <= 0 || x > r->w - w || y > r->h - h)
        return false;
    int64_t n = steps < 0 ? -(int64_t)steps : steps;
    if (n > w)
        n = w;
    for (int32_t j = y; j < y + h; j++) {
        uint8_t *row = r->px + ((size_t)j * (size_t)r->w + (size_t)x) * 4;
        size_t keep = (size_t)(w - n) * 4;
        if (steps > 0)
            memmove(row + n * 4, row, keep);
        else if (steps < 0)
            memmove(row, row + n * 4, keep);
    }
    if (steps > 0)
        pu_fill(r, x, y, n, h, c);
    else if (steps < 0)
        pu_fill(r, x + w - n, y, n, h, c);
    if (steps)
        *changed = (pu_rect){x, y, w, h};
    return true;
}

/* The eight ANSI colours, then their bright forms, as 0xAARRGGBB. */
static const uint32_t ansi[16] = {
    0xFF000000, 0xFFAA0000, 0xFF00AA00, 0xFFAA5500, 0xFF0000AA, 0xFFAA00AA, 0xFF00AAAA, 0xFFAAAAAA,
    0xFF555555, 0xFFFF5555, 0xFF55FF55, 0xFFFFFF55, 0xFF5555FF, 0xFFFF55FF, 0xFF55FFFF, 0xFFFFFFFF,
};

static void sgr(pu_pen *p, int n)
{
    if (n == 0) {
        p->fg = p->fg_default;
        p->bg = p->bg_default;
    } else if (n >= 30 && n <= 37) {
        p->fg = ansi[n - 30];
    } else if (n >= 90 && n <= 97) {
        p->fg = ansi[n - 90 + 8];
    } else if (n >= 40 && n <= 47) {
        p->bg = ansi[n - 40];
    } else if (n >= 100 && n <= 107) {
        p->bg = ansi[n - 100 + 8];
    } else if (n == 39) {
        p->fg = p->fg_default;
    } else if (n == 49) {
        p->bg = p->bg_default;
    }
}

/* Moves the whole buffer up one text line, clearing the bottom one. */
static void scroll_up(pu_raster *r, uint32_t bg)
{
    if (r->h > PU_FONT_H)
        memmove(r->px + (size_t)PU_FONT_H * (size_t)r->w * 4, r->px, (size_t)(r->h - PU_FONT_H) * (size_t)r->w * 4);
    pu_fill(r, 0, 0, r->w, PU_FONT_H, bg);
}

static void newline(pu_raster *r, pu_pen *p, pu_rect *k)
{
    p->x = p->x0;
    p->y -= PU_FONT_H;
    if (p->scroll && p->y < 0) {
        scroll_up(r, p->bg);
        p->y = 0;
        *k = (pu_rect){0, 0, r->w, r->h};
    }
}

static void glyph(pu_raster *r, pu_pen *p, unsigned char ch, pu_rect *k)
{
    uint8_t cell[PU_FONT_H];
    pu_font_glyph(ch, cell);
    for (int row = 0; row < PU_FONT_H; row++) {
        int64_t y = p->y + PU_FONT_H - 1 - row;
        if (y < 0 || y >= r->h)
            continue;
        for (int col = 0; col < PU_FONT_W; col++) {
            int64_t x = p->x + col;
            if (x >= 0 && x < r->w)
                pu_put(r, (int32_t)x, (int32_t)y, (cell[row] << col) & 0x80 ? p->fg : p->bg);
        }
    }
    pu_rect_union(k, pu_rect_clip(p->x, p->y, PU_FONT_W, PU_FONT_H, r->w, r->h));
    p->x += PU_FONT_W;
}

pu_rect pu_text(pu_raster *r, pu_pen *p, const char *s, size_t n)
{
    pu_rect k = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\n') {
            newline(r, p, &k);
        } else if (ch == '\r') {
            p->x = p->x0;
        } else if (ch == '\t') {
            int64_t cells = (p->x - p->x0) / PU_FONT_W;
            p->x = p->x0 + (cells / 8 + 1) * 8 * PU_FONT_W;
        } else if (ch == 0x1b && i + 1 < n && s[i + 1] == '[') {
            /* ESC [ n ; n ... m: colours; any other final byte is skipped */
            size_t j = i + 2;
            int v = 0;
            bool any = false;
            for (; j < n; j++) {
                char c = s[j];
                if (c >= '0' && c <= '9') {
                    if (v < 1000)
                        v = v * 10 + (c - '0');
                    any = true;
                } else if (c == ';' || c == 'm') {
                    sgr(p, any ? v : 0);
                    v = 0;
                    any = false;
                    if (c == 'm')
                        break;
                } else {
                    break;
                }
            }
            i = j < n ? j : n - 1;
        } else {
            if (p->scroll && p->x + PU_FONT_W > r->w && p->x > p->x0)
                newline(r, p, &k);
            glyph(r, p, ch, &k);
        }
    }
    return k;
}
