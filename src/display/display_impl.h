/*
 * display_impl.h - the display's state, shared by its model (display.c)
 * and its HTTP server (server.c).  The model (windows, background, input
 * queue) is guarded by `lock`; the counters are atomic; the server's part
 * (clients, poller) is touched only by the server's thread once started.
 */
#ifndef PHANTOM_DISPLAY_IMPL_H
#define PHANTOM_DISPLAY_IMPL_H

#include "../hal/hal.h"
#include "display.h"
#include "../util/raster.h"

struct pd_win {
    uint64_t id;
    pd_win_info info;
    uint8_t *px;          /* w*h*4, as the world's (bottom-up B,G,R,A) */
    pu_rect dirty;        /* pixels the browsers have not been sent */
    bool geom_dirty;      /* geometry or title not sent */
};

struct pd_client;

struct pd_display {
    hal_mutex lock;
    struct pd_win *wins;
    size_t nwins, capwins;
    uint64_t *removed;    /* ids removed, not yet told */
    size_t nremoved, capremoved;
    uint8_t *bg;          /* background pixels, or NULL */
    int32_t bg_w, bg_h;
    bool bg_dirty;
    pd_event queue[PD_EVENT_QUEUE];
    size_t qhead, qlen;
    uint64_t dropped;
    uint64_t frames, bytes;   /* atomic: pushed updates, bytes queued to browsers */
    /* the server (server.c) */
    hal_thread *thread;
    hal_poller *poller;
    hal_sock listener;
    int port;
    bool stopping;
    bool ready;           /* pd_ready was called */
    bool wake_pending;    /* something changed since the last push */
    struct pd_client *clients;
};

struct pd_win *pd_find_win(pd_display *d, uint64_t id);
/* The desktop as R,G,B,A top row first (PD_DESKTOP_W x PD_DESKTOP_H), in a
 * malloc'd buffer; the caller holds the lock.  NULL on no memory. */
uint8_t *pd_compose(pd_display *d);
/* The part rect (window coordinates, bottom-up) of window w as a PNG. */
int pd_win_png(const struct pd_win *w, pu_rect r, uint8_t **png, size_t *len);
/* The background (or its default colour) as a PNG of the desktop's size. */
int pd_bg_png(pd_display *d, uint8_t **png, size_t *len);
/* Queues an input event (the server's side of pd_next_event). */
void pd_queue_event(pd_display *d, const pd_event *ev);

int pd_server_start(pd_display *d, const hal_netaddr *addr, char *err, size_t errlen);
void pd_server_stop(pd_display *d);
/* Tells the server there is something to send. */
void pd_server_wake(pd_display *d);

#endif
