/*
 * server.c - the display's HTTP server: one host thread waiting on a
 * poller for the listening socket and every browser's connection.
 *
 *   GET /            the page (page.c)
 *   GET /screen.png  the whole desktop, composed as the browser shows it
 *   GET /bg.png      the desktop's background
 *   GET /updates     server-sent events: the whole state at once, then
 *                    changes as they happen, at most PUSH_HZ times a second:
 *                    `win` (geometry, title, stacking), `px` (a dirty
 *                    rectangle as a PNG, base64), `del`, `bg`
 *   POST /event      one input event as a form (win, type, x, y, button,
 *                    key, ch, mods), queued for the VM (pd_next_event)
 *
 * Bounds: a request is at most REQ_MAX bytes; a browser that falls more
 * than OUT_MAX bytes behind is disconnected (its page reconnects and gets
 * the whole state again), so no client can make the process grow.
 */
#include "display_impl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page.h"

#define REQ_MAX 65536
#define OUT_MAX (32u << 20)
#define PUSH_NS (1000000000ull / 60)   /* PUSH_HZ = 60 */
#define MAX_CLIENTS 64

struct pd_client {
    struct pd_client *next;
    hal_sock s;
    char in[REQ_MAX];
    size_t inlen;
    char *out;
    size_t outlen, outcap, outoff;
    bool sse;          /* subscribed to /updates */
    bool closing;      /* close once the output is written */
    bool dead;
};

/* ---- output buffers ------------------------------------------------------------ */

static void out_add(struct pd_client *c, const void *p, size_t n)
{
    if (c->dead)
        return;
    if (c->outlen - c->outoff + n > OUT_MAX) {
        c->dead = true;
        return;
    }
    if (c->outlen + n > c->outcap) {
        if (c->outoff) {
            memmove(c->out, c->out + c->outoff, c->outlen - c->outoff);
            c->outlen -= c->outoff;
            c->outoff = 0;
        }
        size_t cap = c->outcap ? c->outcap : 4096;
        while (cap < c->outlen + n)
            cap *= 2;
        char *o = realloc(c->out, cap);
        if (!o) {
            c->dead = true;
            return;
        }
        c->out = o;
        c->outcap = cap;
    }
    memcpy(c->out + c->outlen, p, n);
    c->outlen += n;
}

static void out_str(struct pd_client *c, const char *s) { out_add(c, s, strlen(s)); }

static void reply(struct pd_client *c, const char *status, const char *type, const void *body, size_t n)
{
    char h[256];
    snprintf(h, sizeof h,
             "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nCache-Control: no-store\r\n"
             "Connection: close\r\n\r\n",
             status, type, n);
    out_str(c, h);
    out_add(c, body, n);
    c->closing = true;
}

/* ---- server-sent events ---------------------------------------------------------- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *base64(const uint8_t *p, size_t n)
{
    char *o = malloc((n + 2) / 3 * 4 + 1), *t = o;
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        *t++ = b64[v >> 18 & 63];
        *t++ = b64[v >> 12 & 63];
        *t++ = i + 1 < n ? b64[v >> 6 & 63] : '=';
        *t++ = i + 2 < n ? b64[v & 63] : '=';
    }
    *t = 0;
    return o;
}

/* A message for every subscriber (or only `to`), with the counters. */
static void send_event(pd_display *d, struct pd_client *to, const char *type, const char *data)
{
    size_t n = 0;
    for (struct pd_client *c = to ? to : d->clients; c; c = to ? NULL : c->next) {
        if (!c->sse)
            continue;
        out_str(c, "event: ");
        out_str(c, type);
        out_str(c, "\ndata: ");
        out_str(c, data);
        out_str(c, "\n\n");
        n += strlen(type) + strlen(data) + 16;
    }
    __atomic_add_fetch(&d->bytes, n, __ATOMIC_RELAXED);
}

static void json_title(char *out, size_t cap, const char *t)
{
    size_t j = 0;
    for (; *t && j + 7 < cap; t++) {
        unsigned char ch = (unsigned char)*t;
        if (ch == '"' || ch == '\\') {
            out[j++] = '\\';
            out[j++] = (char)ch;
        } else if (ch < 32) {
            j += (size_t)snprintf(out + j, cap - j, "\\u%04x", ch);
        } else {
            out[j++] = (char)ch;
        }
    }
    out[j] = 0;
}

static void send_geom(pd_display *d, struct pd_client *to, const struct pd_win *w)
{
    char title[800], msg[1024];
    json_title(title, sizeof title, w->info.title);
    snprintf(msg, sizeof msg, "{\"id\":\"%llx\",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"z\":%u,\"visible\":%s,\"title\":\"%s\"}",
             (unsigned long long)w->id, w->info.x, w->info.y, w->info.w, w->info.h, w->info.z,
             w->info.visible ? "true" : "false", title);
    send_event(d, to, "win", msg);
}

/* A dirty rectangle of a window, copied out of the model so that it is
 * encoded without holding the lock the VM draws under. */
struct part {
    uint64_t id;
    int32_t x, y;          /* in the page's terms: from the window's top left */
    struct pd_win px;      /* the rectangle's pixels, as a window of its size */
};

static bool part_of(const struct pd_win *w, pu_rect r, struct part *out)
{
    uint8_t *px = malloc((size_t)r.w * (size_t)r.h * 4);
    if (!px)
        return false;
    for (int32_t y = 0; y < r.h; y++)
        memcpy(px + (size_t)y * (size_t)r.w * 4, w->px + ((size_t)(r.y + y) * (size_t)w->info.w + (size_t)r.x) * 4,
               (size_t)r.w * 4);
    *out = (struct part){w->id, r.x, w->info.h - r.y - r.h, {.px = px, .info = {.w = r.w, .h = r.h}}};
    return true;
}

static void send_part(pd_display *d, struct pd_client *to, struct part *p)
{
    uint8_t *png;
    size_t len;
    char *text = NULL;
    if (!pd_win_png(&p->px, (pu_rect){0, 0, p->px.info.w, p->px.info.h}, &png, &len)) {
        text = base64(png, len);
        free(png);
    }
    size_t cap = text ? strlen(text) + 200 : 0;
    char *msg = text ? malloc(cap) : NULL;
    if (msg) {
        snprintf(msg, cap, "{\"id\":\"%llx\",\"x\":%d,\"y\":%d,\"w\":%d,\"h\":%d,\"png\":\"%s\"}",
                 (unsigned long long)p->id, p->x, p->y, p->px.info.w, p->px.info.h, text);
        send_event(d, to, "px", msg);
        __atomic_add_fetch(&d->frames, 1, __ATOMIC_RELAXED);
    }
    free(msg);
    free(text);
    free(p->px.px);
}

/* The whole state to one new subscriber. */
static void send_all(pd_display *d, struct pd_client *c)
{
    send_event(d, c, "reset", "{}");
    hal_mutex_lock(&d->lock);
    size_t n = d->nwins;
    struct part *parts = calloc(n ? n : 1, sizeof *parts);
    for (size_t i = 0; i < n; i++) {
        send_geom(d, c, &d->wins[i]);
        if (parts && !part_of(&d->wins[i], (pu_rect){0, 0, d->wins[i].info.w, d->wins[i].info.h}, &parts[i]))
            parts[i].px.px = NULL;
    }
    hal_mutex_unlock(&d->lock);
    for (size_t i = 0; parts && i < n; i++)
        if (parts[i].px.px)
            send_part(d, c, &parts[i]);
    free(parts);
}

static bool any_subscriber(pd_display *d)
{
    for (struct pd_client *c = d->clients; c; c = c->next)
        if (c->sse && !c->dead)
            return true;
    return false;
}

/* Sends what changed since the last push; with nobody watching, only
 * forgets it (a new subscriber gets everything).  The model is read under
 * the lock, the PNGs are made after. */
static void push_changes(pd_display *d)
{
    bool watch = any_subscriber(d);
    char msg[64];
    hal_mutex_lock(&d->lock);
    for (size_t i = 0; i < d->nremoved; i++) {
        snprintf(msg, sizeof msg, "{\"id\":\"%llx\"}", (unsigned long long)d->removed[i]);
        if (watch)
            send_event(d, NULL, "del", msg);
    }
    d->nremoved = 0;
    if (d->bg_dirty && watch)
        send_event(d, NULL, "bg", "{}");
    d->bg_dirty = false;
    size_t n = d->nwins, nparts = 0;
    struct part *parts = watch ? calloc(n ? n : 1, sizeof *parts) : NULL;
    for (size_t i = 0; i < n; i++) {
        struct pd_win *w = &d->wins[i];
        if (w->geom_dirty && watch)
            send_geom(d, NULL, w);
        if (w->dirty.w && w->dirty.h && parts && part_of(w, w->dirty, &parts[nparts]))
            nparts++;
        w->geom_dirty = false;
        w->dirty = (pu_rect){0, 0, 0, 0};
    }
    hal_mutex_unlock(&d->lock);
    for (size_t i = 0; i < nparts; i++)
        send_part(d, NULL, &parts[i]);
    free(parts);
}

/* ---- requests ----------------------------------------------------------------------- */

static long form_field(const char *body, const char *name, long dflt)
{
    size_t n = strlen(name);
    for (const char *p = body; p && *p; p = strchr(p, '&'), p = p ? p + 1 : NULL)
        if (!strncmp(p, name, n) && p[n] == '=')
            return strtol(p + n + 1, NULL, 10);
    return dflt;
}

static void post_event(pd_display *d, const char *body)
{
    pd_event ev = {0};
    const char *w = strstr(body, "win=");
    ev.win = w ? strtoull(w + 4, NULL, 16) : 0;
    ev.type = (int32_t)form_field(body, "type", 0);
    ev.x = (int32_t)form_field(body, "x", 0);
    ev.y = (int32_t)form_field(body, "y", 0);
    ev.button = (int32_t)form_field(body, "button", 0);
    ev.key = (int32_t)form_field(body, "key", 0);
    ev.ch = (uint32_t)form_field(body, "ch", 0);
    ev.mods = (int32_t)form_field(body, "mods", 0);
    if (ev.win && ev.type > 0 && ev.type < PD_EV_COUNT)
        pd_queue_event(d, &ev);
}

/* Handles the request in c->in once it is complete (and the display is
 * ready): true if it was. */
static bool handle(pd_display *d, struct pd_client *c)
{
    if (!__atomic_load_n(&d->ready, __ATOMIC_ACQUIRE))
        return false;
    c->in[c->inlen] = 0;
    char *end = strstr(c->in, "\r\n\r\n");
    if (!end)
        return false;
    size_t head = (size_t)(end + 4 - c->in);
    long clen = 0;
    for (char *line = strstr(c->in, "\r\n"); line && line < end; line = strstr(line + 2, "\r\n"))
        if (!strncasecmp(line + 2, "Content-Length:", 15))
            clen = strtol(line + 17, NULL, 10);
    if (clen < 0 || head + (size_t)clen > REQ_MAX - 1) {
        reply(c, "413 Payload Too Large", "text/plain", "too large\n", 10);
        return true;
    }
    if (c->inlen < head + (size_t)clen)
        return false;
    char method[8] = "", path[256] = "";
    sscanf(c->in, "%7s %255s", method, path);
    if (!strcmp(method, "GET") && (!strcmp(path, "/") || !strcmp(path, "/index.html"))) {
        reply(c, "200 OK", "text/html; charset=utf-8", pd_page_html, strlen(pd_page_html));
    } else if (!strcmp(method, "GET") && (!strcmp(path, "/screen.png") || !strcmp(path, "/bg.png"))) {
        uint8_t *png;
        size_t len;
        int r;
        if (path[1] == 's') {
            r = pd_screen_png(d, &png, &len);
        } else {
            hal_mutex_lock(&d->lock);
            r = pd_bg_png(d, &png, &len);
            hal_mutex_unlock(&d->lock);
        }
        if (r) {
            reply(c, "503 Service Unavailable", "text/plain", "out of memory\n", 14);
        } else {
            reply(c, "200 OK", "image/png", png, len);
            free(png);
        }
    } else if (!strcmp(method, "GET") && !strcmp(path, "/updates")) {
        out_str(c, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n");
        c->sse = true;
        send_all(d, c);
    } else if (!strcmp(method, "POST") && !strcmp(path, "/event")) {
        post_event(d, c->in + head);
        reply(c, "204 No Content", "text/plain", "", 0);
    } else {
        reply(c, "404 Not Found", "text/plain", "not found\n", 10);
    }
    return true;
}

/* ---- the loop ------------------------------------------------------------------------ */

static void client_flush(pd_display *d, struct pd_client *c)
{
    while (!c->dead && c->outoff < c->outlen) {
        long n = hal_net_send(c->s, c->out + c->outoff, c->outlen - c->outoff);
        if (n == -EAGAIN)
            break;
        if (n <= 0) {
            c->dead = true;
            break;
        }
        c->outoff += (size_t)n;
    }
    if (c->outoff == c->outlen) {
        c->outoff = c->outlen = 0;
        if (c->closing)
            c->dead = true;
    }
    if (!c->dead)
        hal_poller_set(d->poller, c->s, HAL_POLL_IN | (c->outlen ? HAL_POLL_OUT : 0), (uint64_t)(uintptr_t)c);
}

static void client_read(pd_display *d, struct pd_client *c)
{
    for (;;) {
        if (c->sse || c->closing) {   /* nothing more is read from these; drain */
            char sink[512];
            long n = hal_net_recv(c->s, sink, sizeof sink);
            if (n == 0 || (n < 0 && n != -EAGAIN))
                c->dead = true;
            if (n <= 0)
                return;
            continue;
        }
        if (c->inlen >= REQ_MAX - 1) {
            reply(c, "413 Payload Too Large", "text/plain", "too large\n", 10);
            return;
        }
        long n = hal_net_recv(c->s, c->in + c->inlen, REQ_MAX - 1 - c->inlen);
        if (n == -EAGAIN)
            return;
        if (n <= 0) {
            c->dead = true;
            return;
        }
        c->inlen += (size_t)n;
        if (handle(d, c))
            c->inlen = 0;
    }
}

static void accept_all(pd_display *d)
{
    for (;;) {
        hal_sock s;
        if (hal_net_accept(d->listener, &s, NULL))
            break;
        size_t n = 0;
        for (struct pd_client *c = d->clients; c; c = c->next)
            n++;
        struct pd_client *c = n < MAX_CLIENTS ? calloc(1, sizeof *c) : NULL;
        if (!c) {
            hal_net_close(s);
            continue;
        }
        c->s = s;
        c->next = d->clients;
        d->clients = c;
        hal_poller_add(d->poller, s, HAL_POLL_IN, (uint64_t)(uintptr_t)c);
    }
    hal_poller_set(d->poller, d->listener, HAL_POLL_IN, 0);
}

static void reap(pd_display *d)
{
    for (struct pd_client **p = &d->clients; *p;) {
        struct pd_client *c = *p;
        if (c->dead) {
            *p = c->next;
            hal_poller_remove(d->poller, c->s);
            hal_net_close(c->s);
            free(c->out);
            free(c);
        } else {
            p = &c->next;
        }
    }
}

static void serve(void *arg)
{
    pd_display *d = arg;
    uint64_t last_push = 0;
    while (!__atomic_load_n(&d->stopping, __ATOMIC_ACQUIRE)) {
        hal_poll_event ev[32];
        uint64_t now = hal_now_mono_ns();
        bool pending = __atomic_load_n(&d->wake_pending, __ATOMIC_ACQUIRE);
        int wait = !pending ? 1000 : now - last_push >= PUSH_NS ? 0 : (int)((PUSH_NS - (now - last_push)) / 1000000) + 1;
        int n = hal_poller_wait(d->poller, ev, 32, wait);
        for (int i = 0; i < n; i++) {
            if (!ev[i].token) {
                accept_all(d);
                continue;
            }
            struct pd_client *c = (struct pd_client *)(uintptr_t)ev[i].token;
            if (ev[i].events & (HAL_POLL_IN | HAL_POLL_ERR))
                client_read(d, c);
        }
        if (__atomic_load_n(&d->ready, __ATOMIC_ACQUIRE))   /* requests that came before */
            for (struct pd_client *c = d->clients; c; c = c->next)
                if (c->inlen && !c->sse && !c->closing && handle(d, c))
                    c->inlen = 0;
        now = hal_now_mono_ns();
        if (__atomic_load_n(&d->wake_pending, __ATOMIC_ACQUIRE) && now - last_push >= PUSH_NS) {
            __atomic_store_n(&d->wake_pending, false, __ATOMIC_RELEASE);
            push_changes(d);
            last_push = now;
        }
        for (struct pd_client *c = d->clients; c; c = c->next)
            client_flush(d, c);
        reap(d);
    }
}

int pd_server_start(pd_display *d, const hal_netaddr *addr, char *err, size_t errlen)
{
    char text[HAL_NETADDR_TEXT];
    hal_net_addr_text(addr, text, sizeof text);
    int r = hal_net_listen(addr, 64, &d->listener);
    if (r) {
        snprintf(err, errlen, "--display: cannot listen on %s port %u: %s", text, addr->port, hal_strerror(r));
        return PD_E_LISTEN;
    }
    hal_netaddr bound;
    d->port = hal_net_local_addr(d->listener, &bound) ? addr->port : bound.port;
    if (hal_poller_open(&d->poller) || hal_poller_add(d->poller, d->listener, HAL_POLL_IN, 0) ||
        hal_thread_start(&d->thread, serve, d, "display")) {
        if (d->poller)
            hal_poller_close(d->poller);
        hal_net_close(d->listener);
        snprintf(err, errlen, "--display: cannot start the display's thread");
        return PD_E_NOMEM;
    }
    return 0;
}

void pd_ready(pd_display *d)
{
    __atomic_store_n(&d->ready, true, __ATOMIC_RELEASE);
    hal_poller_wake(d->poller);
}

void pd_server_stop(pd_display *d)
{
    __atomic_store_n(&d->stopping, true, __ATOMIC_RELEASE);
    hal_poller_wake(d->poller);
    hal_thread_join(d->thread);
    for (struct pd_client *c = d->clients; c; c = c->next)
        c->dead = true;
    reap(d);
    hal_poller_close(d->poller);
    hal_net_close(d->listener);
}

/* Changes are pushed at most every PUSH_NS: a burst of drawing becomes
 * one message per window; the first change after a quiet time goes at once. */
void pd_server_wake(pd_display *d)
{
    if (!__atomic_exchange_n(&d->wake_pending, true, __ATOMIC_ACQ_REL))
        hal_poller_wake(d->poller);
}
