/*
 * raster.h - drawing on 32-bit pixel buffers the way the original Phantom's
 * windows are laid out: pixels of 4 bytes B,G,R,A (an int 0xAARRGGBB
 * stored little-endian), rows bottom-up (row 0 is the bottom), so (0,0)
 * is the bottom-left corner and y grows upward.
 *
 * Every operation clips to the buffer: any coordinates, negative or huge,
 * are safe, and what falls outside is not drawn.  Each returns the
 * rectangle it changed (empty if none), for the caller's dirty tracking.
 */
#ifndef PHANTOM_RASTER_H
#define PHANTOM_RASTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pu_raster {
    uint8_t *px;
    int32_t w, h;
} pu_raster;

typedef struct pu_rect {
    int32_t x, y, w, h;   /* empty when w or h is 0 */
} pu_rect;

/* a grown to cover b too. */
void pu_rect_union(pu_rect *a, pu_rect b);
/* r cut to 0 <= x < w, 0 <= y < h (64-bit sums: no overflow). */
pu_rect pu_rect_clip(int64_t x, int64_t y, int64_t w, int64_t h, int32_t bw, int32_t bh);

/* pu_get and pu_put take a point inside the buffer (callers clip). */
static inline uint32_t pu_get(const pu_raster *r, int32_t x, int32_t y)
{
    const uint8_t *p = r->px + ((size_t)y * (size_t)r->w + (size_t)x) * 4;
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void pu_put(pu_raster *r, int32_t x, int32_t y, uint32_t c)
{
    uint8_t *p = r->px + ((size_t)y * (size_t)r->w + (size_t)x) * 4;
    p[0] = (uint8_t)c;
    p[1] = (uint8_t)(c >> 8);
    p[2] = (uint8_t)(c >> 16);
    p[3] = (uint8_t)(c >> 24);
}

pu_rect pu_fill(pu_raster *r, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t c);
/* The outline of the w x h box at (x,y), one pixel wide. */
pu_rect pu_box(pu_raster *r, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t c);
/* From (x0,y0) to (x1,y1), both ends drawn (Bresenham). */
pu_rect pu_line(pu_raster *r, int64_t x0, int64_t y0, int64_t x1, int64_t y1, uint32_t c);
/* The ellipse inscribed in the w x h box at (x,y), filled. */
pu_rect pu_fill_ellipse(pu_raster *r, int64_t x, int64_t y, int64_t w, int64_t h, uint32_t c);
/* Copies the sw x sh part of src at (sx,sy) to (dx,dy) of dst; pixels of
 * alpha 0 are skipped (the original's 1-bit mask, no blending). */
pu_rect pu_blit(pu_raster *dst, int64_t dx, int64_t dy, const pu_raster *src, int64_t sx, int64_t sy, int64_t sw,
                int64_t sh);
/* Moves the w x h rectangle at (x,y) by `steps` pixels horizontally
 * (negative: left), filling what it leaves with c.  False (nothing done)
 * unless the rectangle lies inside the buffer. */
bool pu_scroll_hor(pu_raster *r, int32_t x, int32_t y, int32_t w, int32_t h, int32_t steps, uint32_t c,
                   pu_rect *changed);

/* Text with the built-in 8x16 font (font.h).  The pen is the bottom-left
 * corner of the next character cell.  '\n' starts a new line at x0 one
 * cell lower, '\r' goes back to x0, '\t' to the next multiple of 8 cells
 * from x0, and ESC [ n ; ... m sets colours (0 reset, 30-37 and 90-97
 * foreground, 40-47 and 100-107 background, 39 and 49 their defaults).
 * Cells are painted fg on bg.  With scroll set (a text console), a line
 * below the bottom scrolls the whole buffer up one cell and a line
 * reaching the right edge wraps. */
typedef struct pu_pen {
    int64_t x, y, x0;
    uint32_t fg, bg;                 /* current colours */
    uint32_t fg_default, bg_default; /* what 39, 49 and 0 restore */
    bool scroll;
} pu_pen;
pu_rect pu_text(pu_raster *r, pu_pen *pen, const char *s, size_t n);

#endif
