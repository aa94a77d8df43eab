/*
 * png.h - PNG encoding through zlib (the only codec the display needs).
 */
#ifndef PHANTOM_DISPLAY_PNG_H
#define PHANTOM_DISPLAY_PNG_H

#include <stddef.h>
#include <stdint.h>

/* Encodes w x h pixels given as R,G,B,A bytes, top row first, into a
 * malloc'd PNG.  0, or -1 (no memory, or built without zlib). */
int pd_png_encode(const uint8_t *rgba, int32_t w, int32_t h, uint8_t **out, size_t *len);

#endif
