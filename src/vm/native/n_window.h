/*
 * n_window.h - what the window classes (n_window.c, n_bitmap.c) share
 * with each other, the console (n_tty.c, a text window when a display is
 * on), boot (setScreenBackground) and the scheduler (input delivery).
 */
#ifndef PHANTOM_VM_N_WINDOW_H
#define PHANTOM_VM_N_WINDOW_H

#include "../../util/raster.h"
#include "native.h"

/* A window's words (struct pv_native_obj); its state binary holds the
 * int32 fields WS_* (little-endian).  Everything that makes the window
 * what it is lives here, in the world: a restart needs no program code. */
enum { WW_STATE, WW_PIXELS, WW_TITLE, WW_HANDLER, WW_EVENTS, WW_BUSY, WW_COUNT };
enum {
    WS_X, WS_Y, WS_W, WS_H, WS_FG, WS_BG, WS_AUTO, WS_Z, WS_VISIBLE,
    WS_DX, WS_DY, WS_DW, WS_DH,   /* drawn but not yet shown (update) */
    WS_PENX, WS_PENY,             /* the text pen of a console window */
    WS_CLOSED, WS_COUNT
};

#define PV_WIN_MAX_PIXELS (1024 * 1024)    /* the original's PVM_MAX_WIN_PIXELS */
#define PV_BITMAP_MAX_PIXELS (16 * 1024 * 1024)

int32_t pv_win_get(pv_value win, int field);
void pv_win_put(pv_value win, int field, int32_t v);
/* Makes self a window (400x300 at (100,100), titled `title`) if it is not
 * one yet; false after raising OutOfMemoryException. */
bool pv_win_ensure(pv_vm *vm, pv_value self, const char *title);
/* The window's pixels as a raster (valid until it is resized). */
pu_raster pv_win_raster(pv_value win);
/* Records r as drawn, and shows what was drawn when `show` (or the
 * window's autoupdate is on and `autoupdate` says the operation obeys it). */
void pv_win_drawn(pv_vm *vm, pv_value win, pu_rect r, bool autoupdate);
void pv_win_show(pv_vm *vm, pv_value win);
/* The window's geometry and title to the display. */
void pv_win_publish(pv_vm *vm, pv_value win);
/* setTitle / moveWindow for the console's window too. */
int pv_win_set_title(pv_vm *vm, pv_value win, pv_value title, const char *fn);
int pv_win_move(pv_vm *vm, pv_value win, pv_value x, pv_value y, const char *fn);
/* Resizes: 0, -1 for a size out of range, -2 out of memory (no exception). */
int pv_win_resize(pv_vm *vm, pv_value win, int32_t w, int32_t h);
/* In front of every other window. */
void pv_win_to_front(pv_vm *vm, pv_value win);
/* The restart hook's work: the display is told everything again. */
void pv_win_restart(pv_vm *vm, pv_value win);

/* A bitmap's pixels (n_bitmap.c): false after raising TypeException if v
 * is not a loaded .internal.bitmap. */
bool pv_bitmap_raster(pv_vm *vm, pv_value v, const char *fn, int argno, pu_raster *out);

/* The window a console draws in when a display is on (made on first use),
 * else PV_NULL (n_tty.c). */
pv_value pv_tty_window(pv_vm *vm, pv_value tty);

/* Input from the display to the windows' handlers (the scheduler calls it
 * each round). */
void pv_win_deliver_input(pv_vm *vm);

/* .internal.boot setScreenBackground(bitmap) [20]. */
int pv_boot_set_background(pv_vm *vm, pv_value *args, pv_value *ret);

#endif
