/*
 * display.h - the web display: the world's windows served to browsers
 * (docs/DISPLAY.md).
 *
 * The display is transient, host-side state: a copy of every window
 * (geometry, title, stacking, pixels) that the VM's window classes keep up
 * to date, and an HTTP server on its own host thread that shows them:
 * GET / (the page), GET /screen.png (the whole desktop), GET /updates
 * (server-sent events carrying dirty rectangles as PNGs), POST /event
 * (input from the page).  Input is queued here until the VM takes it.
 * The world never depends on it: after a restart the windows' restart
 * hooks fill a fresh display from the world.
 *
 * Thread safety: every function may be called from any thread.
 * Coordinates are the original Phantom's: (0,0) is the bottom left of the
 * desktop and of each window, y grows upward.  Pixels are 4 bytes
 * B,G,R,A with rows bottom-up (raster.h).
 */
#ifndef PHANTOM_DISPLAY_H
#define PHANTOM_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pd_display pd_display;

#define PD_DESKTOP_W 1024
#define PD_DESKTOP_H 768
#define PD_TITLE_H 20          /* the title bar above each window */
#define PD_EVENT_QUEUE 1024    /* input events held for the VM at most */

/* Errors: negative codes. */
enum {
    PD_E_UNAVAILABLE = -1, /* built without zlib */
    PD_E_SPEC = -2,        /* "[ADDR:]PORT" malformed */
    PD_E_LISTEN = -3,      /* the address could not be bound */
    PD_E_NOMEM = -4,
};

/* True when the display was built (zlib found at build time). */
bool pd_available(void);
/* Starts serving on spec, "[ADDR:]PORT" (ADDR numeric, default
 * 127.0.0.1; PORT 0 picks a free one).  0 or a code with err set. */
int pd_open(const char *spec, pd_display **out, char *err, size_t errlen);
/* The world has shown its windows (after the boot's restart hooks): from
 * now on requests are answered.  Until then they wait, so that no browser
 * sees the desktop half restored. */
void pd_ready(pd_display *d);
/* Stops the server and frees everything. */
void pd_close(pd_display *d);
/* The port actually bound. */
int pd_port(const pd_display *d);

/* What the display knows of a window besides its pixels. */
typedef struct pd_win_info {
    int32_t x, y;         /* desktop position of the bottom-left corner */
    int32_t w, h;         /* pixels */
    uint32_t z;           /* stacking: higher is in front */
    bool visible;
    char title[128];
} pd_win_info;

/* Creates or changes window id (nonzero); a new size drops the pixels
 * (the caller sends them next). */
int pd_win_set(pd_display *d, uint64_t id, const pd_win_info *info);
/* Copies the rw x rh part at (rx,ry) of the window's pixels (the whole
 * buffer is w x h, laid out as above) and marks it for the browsers. */
void pd_win_pixels(pd_display *d, uint64_t id, const uint8_t *px, int32_t w, int32_t h, int32_t rx, int32_t ry,
                   int32_t rw, int32_t rh);
void pd_win_remove(pd_display *d, uint64_t id);
/* The desktop behind every window: a copy of w x h pixels placed at the
 * bottom left (NULL: the default colour). */
int pd_background(pd_display *d, const uint8_t *px, int32_t w, int32_t h);

/* The whole desktop as a PNG in a malloc'd buffer; 0 or a code. */
int pd_screen_png(pd_display *d, uint8_t **png, size_t *len);

/* Input from the browsers. */
enum pd_event_type {
    PD_EV_MOUSE_MOVE = 1,
    PD_EV_MOUSE_DOWN,
    PD_EV_MOUSE_UP,
    PD_EV_WHEEL,
    PD_EV_KEY_DOWN,
    PD_EV_KEY_UP,
    PD_EV_FOCUS,
    PD_EV_BLUR,
    PD_EV_RESIZE,
    PD_EV_CLOSE,
    PD_EV_MOVE,           /* the user dragged the window to (x,y) */
    PD_EV_COUNT
};
typedef struct pd_event {
    uint64_t win;
    int32_t type;          /* enum pd_event_type */
    int32_t x, y;          /* window pixels (move: desktop position; resize: new size) */
    int32_t button;        /* 0 left, 1 middle, 2 right; wheel: delta */
    int32_t key;           /* key code (the browser's keyCode) */
    uint32_t ch;           /* the character typed, 0 if none */
    int32_t mods;          /* 1 shift, 2 ctrl, 4 alt, 8 meta */
} pd_event;
/* Takes the oldest queued event: true if there was one. */
bool pd_next_event(pd_display *d, pd_event *ev);
/* How many events were dropped because the queue was full. */
uint64_t pd_events_dropped(pd_display *d);
/* Counters for the benchmark: frames (update messages) and bytes sent. */
void pd_stats(pd_display *d, uint64_t *frames, uint64_t *bytes);

#endif
