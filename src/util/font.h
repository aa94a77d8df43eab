/*
 * font.h - the built-in 8x16 text font (window.drawString, io.tty text
 * windows, the display's window titles).
 *
 * The glyphs are this project's own: printable ASCII drawn on a 5x7 grid
 * in font.c, placed in an 8x16 cell (one column of space on the left, two
 * on the right; each design row two pixel rows high, rows 1 to 14).  Any
 * other byte shows as a hollow box.
 */
#ifndef PHANTOM_FONT_H
#define PHANTOM_FONT_H

#include <stdint.h>

#define PU_FONT_W 8
#define PU_FONT_H 16

/* The 16 rows of character c into cell, top row first; bit 7 is the
 * leftmost pixel. */
void pu_font_glyph(unsigned char c, uint8_t cell[PU_FONT_H]);

#endif
