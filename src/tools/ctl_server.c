/*
 * ctl_server.c - the control socket's server (ctl.h): a listening host
 * thread beside a running world, and one host thread per attached shell.
 *
 * Invariants:
 *  - only the socket's owner gets an answer: the peer's user id is
 *    checked on every connection (the file's 0600 mode is the first
 *    wall, this the second);
 *  - the world is touched only through pvm_call and pvm_snapshot, which
 *    are safe from any host thread while it is served;
 *  - a session's socket is written under its lock (its own thread, and
 *    the VM's thread broadcasting program output);
 *  - tool_ctl_stop returns only when no session thread is left.
 * One server per process (the_ctl): program output reaches the sessions
 * through it.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../persist/pw.h"
#include "ctl.h"
#include "program.h"
#include "shell.h"
#include "tools.h"

#define SEND_TIMEOUT_MS 2000    /* a client that reads nothing for this long is dropped */
#define REQUEST_TIMEOUT_MS 5000 /* for the request line and an update's class files */

typedef struct session {
    struct tool_ctl *c;
    hal_sock s;
    hal_thread *t;
    hal_mutex wlock;
    char in[8192];          /* received, not yet taken as lines */
    size_t nin;
    bool eof;               /* the client's input ended (Ctrl-D), or it went away */
    bool broken;            /* a write failed: nothing more is sent */
    bool interrupt;         /* a CTL_INTERRUPT line came */
    atomic_bool ended;      /* its thread is done: join it */
    struct session *next;
} session;

struct tool_ctl {
    pv_vm *vm;
    char image[1024], path[1100];
    hal_sock l;
    hal_thread *t;
    void (*stop)(void *ctx);
    void *stop_ctx;
    atomic_bool closing;
    hal_mutex lock;         /* sessions */
    session *sessions;
};

static tool_ctl *_Atomic the_ctl;

void tool_ctl_path(const char *image, char *buf, size_t len) { snprintf(buf, len, "%s.ctl", image); }

/* ---- frames ------------------------------------------------------------------- */

static int send_frame(hal_sock s, char tag, const void *p, size_t n)
{
    unsigned char h[5] = {(unsigned char)tag, (unsigned char)(n >> 24), (unsigned char)(n >> 16),
                          (unsigned char)(n >> 8), (unsigned char)n};
    return tool_ctl_send_all(s, h, sizeof h, SEND_TIMEOUT_MS) < 0 || tool_ctl_send_all(s, p, n, SEND_TIMEOUT_MS) < 0
               ? -1
               : 0;
}

static void session_send(session *se, char tag, const void *p, size_t n)
{
    hal_mutex_lock(&se->wlock);
    if (!se->broken && send_frame(se->s, tag, p, n) < 0)
        se->broken = true;
    hal_mutex_unlock(&se->wlock);
}

static void reply(hal_sock s, char tag, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void reply(hal_sock s, char tag, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    send_frame(s, tag, buf, n < 0 ? 0 : (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void finish(hal_sock s, int status)
{
    unsigned char st = (unsigned char)status;
    send_frame(s, CTL_EXIT, &st, 1);
    hal_net_close(s);
}

/* ---- reading ------------------------------------------------------------------ */

/* More bytes into se->in, waiting up to timeout_ms: 1 got some, 0 none
 * yet, -1 end of input (or an error, or the buffer is full of one line). */
static int fill(session *se, int timeout_ms)
{
    if (se->eof)
        return -1;
    if (se->nin == sizeof se->in) {
        se->eof = true;   /* a line longer than the buffer: the client is not a shell client */
        return -1;
    }
    int r = hal_net_wait(se->s, HAL_POLL_IN, timeout_ms);
    if (r <= 0)
        return 0;
    long n = hal_net_recv(se->s, se->in + se->nin, sizeof se->in - se->nin);
    if (n == -EAGAIN)
        return 0;
    if (n <= 0) {
        se->eof = true;
        return -1;
    }
    se->nin += (size_t)n;
    return 1;
}

/* Takes a line out of se->in (without its newline) into a new string; a
 * line of CTL_INTERRUPT is recorded, not returned.  NULL if none whole. */
static char *take_line(session *se)
{
    for (;;) {
        char *nl = memchr(se->in, '\n', se->nin);
        if (!nl)
            return NULL;
        size_t len = (size_t)(nl - se->in);
        char *line = malloc(len + 1);
        if (!line)
            return NULL;
        memcpy(line, se->in, len);
        line[len] = 0;
        se->nin -= len + 1;
        memmove(se->in, nl + 1, se->nin);
        if (len && line[len - 1] == '\r')
            line[len - 1] = 0;
        if (line[0] == CTL_INTERRUPT && !line[1]) {
            se->interrupt = true;
            free(line);
            continue;
        }
        return line;
    }
}

/* Exactly n bytes (an update's class files), within the request's time. */
static int read_exact(session *se, void *p, size_t n)
{
    char *out = p;
    uint64_t end = hal_now_mono_ns() + (uint64_t)REQUEST_TIMEOUT_MS * 1000000u;
    while (n) {
        if (se->nin) {
            size_t k = se->nin < n ? se->nin : n;
            memcpy(out, se->in, k);
            memmove(se->in, se->in + k, se->nin - k);
            se->nin -= k;
            out += k;
            n -= k;
            continue;
        }
        if (fill(se, 200) < 0 || hal_now_mono_ns() > end)
            return -1;
    }
    return 0;
}

/* ---- an attached shell ---------------------------------------------------------- */

static int io_read_line(void *ctx, char **line)
{
    session *se = ctx;
    for (;;) {
        if ((*line = take_line(se)))
            return SH_LINE;
        if (atomic_load(&se->c->closing) || fill(se, 200) < 0)
            return SH_EOF;
    }
}

static void io_write(void *ctx, int stream, const char *s, size_t n)
{
    session_send(ctx, stream == 2 ? CTL_ERR : CTL_OUT, s, n);
}

static void io_prompt(void *ctx, const char *prompt) { session_send(ctx, CTL_PROMPT, prompt, strlen(prompt)); }

/* Removes the first CTL_INTERRUPT line from se->in (lines typed ahead
 * stay): whether there was one. */
static bool take_interrupt(session *se)
{
    for (size_t at = 0; at + 1 < se->nin;) {
        char *nl = memchr(se->in + at, '\n', se->nin - at);
        if (!nl)
            return false;
        size_t end = (size_t)(nl - se->in) + 1;
        if (end - at == 2 && se->in[at] == CTL_INTERRUPT) {
            memmove(se->in + at, se->in + end, se->nin - end);
            se->nin -= 2;
            return true;
        }
        at = end;
    }
    return false;
}

/* While an input runs: a Ctrl-C line, the client gone, or the world stopping. */
static bool io_interrupted(void *ctx)
{
    session *se = ctx;
    if (atomic_load(&se->c->closing))
        return true;
    fill(se, 0);
    bool yes = se->interrupt || take_interrupt(se) || (se->eof && !memchr(se->in, '\n', se->nin));
    se->interrupt = false;
    return yes;
}

static void session_main(void *arg)
{
    session *se = arg;
    tool_ctl *c = se->c;
    io_write(se, 1, "", 0);
    char banner[1400];
    snprintf(banner, sizeof banner,
             "phantom: attached to %s (process %d, %u threads); Ctrl-D detaches and the world goes on; "
             ":help for help\n",
             c->image, hal_getpid(), (unsigned)pvm_thread_count(c->vm));
    io_write(se, 2, banner, strlen(banner));
    sh_io io = {io_read_line, io_write, io_prompt, io_interrupted, se};
    sh_session(c->vm, c->image, &io);
    hal_mutex_lock(&c->lock);   /* no broadcast writes to it from now on */
    hal_mutex_lock(&se->wlock);
    finish(se->s, 0);
    se->broken = true;
    hal_mutex_unlock(&se->wlock);
    atomic_store(&se->ended, true);
    hal_mutex_unlock(&c->lock);
}

void tool_ctl_broadcast(int stream, const char *s, size_t n)
{
    tool_ctl *c = atomic_load(&the_ctl);
    if (!c)
        return;
    hal_mutex_lock(&c->lock);
    for (session *se = c->sessions; se; se = se->next)
        if (!atomic_load(&se->ended))
            io_write(se, stream, s, n);
    hal_mutex_unlock(&c->lock);
}

void tool_ctl_output_copy(void *ctx, int stream, const char *s, size_t n)
{
    (void)ctx;
    if (!atomic_load(&the_ctl))
        return;
    sh_buf b = {0};
    sh_ws_output_text(s, n, &b);
    if (b.oom)
        tool_ctl_broadcast(stream, s, n);
    else if (b.n)
        tool_ctl_broadcast(stream, b.p, b.n);
    free(b.p);
}

static void attach(tool_ctl *c, session *se)
{
    hal_mutex_lock(&c->lock);
    se->next = c->sessions;
    c->sessions = se;
    hal_mutex_unlock(&c->lock);
    if (hal_thread_start(&se->t, session_main, se, "ctl-session") != 0) {
        hal_mutex_lock(&c->lock);
        c->sessions = se->next;
        hal_mutex_unlock(&c->lock);
        reply(se->s, CTL_ERR, "phantom attach: the world cannot start another session (out of threads)\n");
        finish(se->s, 2);
        hal_mutex_destroy(&se->wlock);
        free(se);
    }
}

/* ---- one-shot requests ------------------------------------------------------------- */

typedef struct update_req { tool_program *p; char err[4000]; int ninits; } update_req;

static int install_update(pv_vm *vm, void *ctx)
{
    update_req *r = ctx;
    const char **inits = NULL;
    int rc = tool_program_install(vm, r->p, &inits, &r->ninits, r->err, sizeof r->err);
    free(inits);   /* nothing runs: as phantom update does */
    return rc;
}

/* "update N OLD=NEW...": N class files follow. */
static int update(tool_ctl *c, session *se, char *args)
{
    char *end;
    long n = strtol(args, &end, 10);
    if (n <= 0 || n > 100000) {
        reply(se->s, CTL_ERR, "phantom update: a bad request\n");
        return 2;
    }
    const char *renames[64];
    int nrenames = 0;
    for (char *tok = end; *tok && nrenames < 64;) {   /* " OLD=NEW" words */
        tok += strspn(tok, " ");
        char *sp = tok + strcspn(tok, " "), *eq = strchr(tok, '=');
        if (!*tok || !eq || eq > sp)
            break;
        bool last = !*sp;
        *sp = 0;
        *eq = 0;
        renames[nrenames++] = tok;
        renames[nrenames++] = eq + 1;
        tok = last ? sp : sp + 1;
    }
    tool_program p = {0};
    int status = 0;
    for (long i = 0; i < n && status == 0; i++) {
        unsigned char h[4];
        uint32_t len = 0;
        if (read_exact(se, h, 4) == 0)
            len = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
        uint8_t *bytes = len && len <= CTL_MAX_FRAME ? malloc(len) : NULL;
        pv_cf *cf = calloc(1, sizeof *cf);
        pv_cf_error cerr;
        if (!bytes || !cf || read_exact(se, bytes, len) < 0) {
            reply(se->s, CTL_ERR, "phantom update: the class files did not arrive whole\n");
            status = 2;
        } else if (pv_cf_read(bytes, len, NULL, cf, &cerr) < 0) {
            reply(se->s, CTL_ERR, "phantom update: %s\n", cerr.msg);
            status = 2;
        } else if (tool_program_add(&p, cf) < 0) {
            pv_cf_free(cf);
            reply(se->s, CTL_ERR, "phantom update: out of host memory\n");
            status = 2;
        } else {
            cf = NULL;
        }
        free(cf);
        free(bytes);
    }
    if (status == 0) {
        p.renames = renames;
        p.nrenames = nrenames / 2;
        update_req *r = calloc(1, sizeof *r);
        r->p = &p;
        int rc = r ? pvm_call(c->vm, install_update, r) : -1;
        if (rc < 0) {
            reply(se->s, CTL_ERR, "phantom update: %s: %s\n", c->image,
                  !r ? "out of host memory" : rc == PVM_E_NOT_SERVING ? "the world is stopping" : r->err);
            status = 2;
        } else if ((rc = pvm_snapshot(c->vm)) < 0) {   /* answered once durable: a kill -9 keeps it */
            reply(se->s, CTL_ERR, "phantom update: %s: installed, but the snapshot holding it failed: %s\n",
                  c->image, pw_strerror(rc));
            status = 1;
        } else {
            reply(se->s, CTL_OUT, "phantom update: %s (running): %d classes installed, %d new; durable\n", c->image,
                  p.n, r->ninits);
        }
        free(r);
    }
    tool_program_free(&p);
    return status;
}

static int snapshot(tool_ctl *c, hal_sock s)
{
    int rc = pvm_snapshot(c->vm);
    if (rc < 0) {
        reply(s, CTL_ERR, "phantom snapshot: %s: the snapshot failed: %s\n", c->image, pw_strerror(rc));
        return 1;
    }
    pw_stats st;
    pw_stats_get(pvm_world(c->vm), &st);
    reply(s, CTL_OUT, "phantom snapshot: %s (running): snapshot %llu is durable\n", c->image,
          (unsigned long long)st.generation);
    return 0;
}

/* unpin G: released with the next snapshot, taken now. */
static int unpin(tool_ctl *c, hal_sock s, const char *arg)
{
    char *end;
    unsigned long long g = strtoull(arg, &end, 10);
    int rc = *arg && !*end ? pw_unpin(pvm_world(c->vm), g) : -EINVAL;
    if (rc < 0) {
        reply(s, CTL_ERR, "phantom snapshots: %s: generation %s is not retained\n", c->image, arg);
        return 1;
    }
    if ((rc = pvm_snapshot(c->vm)) < 0) {
        reply(s, CTL_ERR, "phantom snapshots: %s: the snapshot failed: %s\n", c->image, pw_strerror(rc));
        return 1;
    }
    reply(s, CTL_OUT, "phantom snapshots: %s (running): generation %llu is unpinned\n", c->image, g);
    return 0;
}

/* A connection: its owner is checked, then its request is served. */
static void serve(tool_ctl *c, hal_sock s)
{
    uint32_t uid;
    if (hal_unix_peer_uid(s, &uid) < 0 || uid != hal_getuid()) {
        reply(s, CTL_ERR, "phantom: %s: refused: the world belongs to another user\n", c->image);
        finish(s, 2);
        return;
    }
    session *se = calloc(1, sizeof *se);
    if (!se) {
        hal_net_close(s);
        return;
    }
    se->c = c;
    se->s = s;
    hal_mutex_init(&se->wlock);
    char *line = NULL;
    uint64_t end = hal_now_mono_ns() + (uint64_t)REQUEST_TIMEOUT_MS * 1000000u;
    while (!(line = take_line(se)) && fill(se, 200) >= 0 && hal_now_mono_ns() < end)
        ;
    if (line && !strcmp(line, "attach")) {
        free(line);
        attach(c, se);
        return;
    }
    int status = 2;
    if (!line)
        ;   /* nothing asked: closed */
    else if (!strcmp(line, "snapshot"))
        status = snapshot(c, s);
    else if (!strcmp(line, "stop")) {
        reply(s, CTL_OUT, "phantom stop: %s: stopping; the world is saved as it stands\n", c->image);
        status = 0;
        c->stop(c->stop_ctx);
    } else if (!strncmp(line, "unpin ", 6))
        status = unpin(c, s, line + 6);
    else if (!strncmp(line, "update ", 7))
        status = update(c, se, line + 7);
    else
        reply(s, CTL_ERR, "phantom: %s: unknown request '%.40s'\n", c->image, line);
    free(line);
    finish(s, status);
    hal_mutex_destroy(&se->wlock);
    free(se);
}

/* Sessions whose thread ended are joined and freed. */
static void reap(tool_ctl *c)
{
    hal_mutex_lock(&c->lock);
    for (session **pp = &c->sessions; *pp;) {
        session *se = *pp;
        if (!atomic_load(&se->ended)) {
            pp = &se->next;
            continue;
        }
        *pp = se->next;
        hal_mutex_unlock(&c->lock);
        hal_thread_join(se->t);
        hal_mutex_destroy(&se->wlock);
        free(se);
        hal_mutex_lock(&c->lock);
    }
    hal_mutex_unlock(&c->lock);
}

static void listen_main(void *arg)
{
    tool_ctl *c = arg;
    while (!atomic_load(&c->closing)) {
        reap(c);
        if (hal_net_wait(c->l, HAL_POLL_IN, 200) <= 0 || atomic_load(&c->closing))
            continue;
        hal_sock s;
        if (hal_net_accept(c->l, &s, NULL) == 0)
            serve(c, s);
    }
}

tool_ctl *tool_ctl_start(pv_vm *vm, const char *image, void (*stop)(void *ctx), void *stop_ctx, char *err,
                         size_t errlen)
{
    tool_ctl *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of host memory: the world cannot be attached to");
        return NULL;
    }
    *c = (tool_ctl){.vm = vm, .stop = stop, .stop_ctx = stop_ctx};
    snprintf(c->image, sizeof c->image, "%s", image);
    tool_ctl_path(image, c->path, sizeof c->path);
    int rc = hal_unix_listen(c->path, &c->l);
    if (rc < 0) {
        snprintf(err, errlen, "%s: cannot listen for phantom attach: %s%s", c->path, hal_strerror(rc),
                 rc == -EADDRINUSE ? " (another process serves it)" : "");
        free(c);
        return NULL;
    }
    hal_mutex_init(&c->lock);
    sh_ws_init_lock();
    if (hal_thread_start(&c->t, listen_main, c, "ctl-listen") != 0) {
        snprintf(err, errlen, "%s: cannot start its thread", c->path);
        hal_net_close(c->l);
        hal_unix_remove(c->path);
        hal_mutex_destroy(&c->lock);
        free(c);
        return NULL;
    }
    atomic_store(&the_ctl, c);
    return c;
}

void tool_ctl_stop(tool_ctl *c)
{
    if (!c)
        return;
    atomic_store(&c->closing, true);
    /* A connection of our own wakes the listening thread at once, so a
     * world that ends does not wait out its poll (every run would end
     * 0 to 200 ms late). */
    hal_sock wake;
    if (hal_unix_connect(c->path, &wake) == 0)
        hal_net_close(wake);
    hal_thread_join(c->t);
    hal_net_close(c->l);
    hal_unix_remove(c->path);
    hal_mutex_lock(&c->lock);
    for (session *se = c->sessions; se; se = se->next)
        io_write(se, 2, "phantom: the world stops; detached\n", 35);
    hal_mutex_unlock(&c->lock);
    for (;;) {   /* every session sees `closing` within a wait step and ends */
        hal_mutex_lock(&c->lock);
        session *se = c->sessions;
        if (se)
            c->sessions = se->next;
        hal_mutex_unlock(&c->lock);
        if (!se)
            break;
        hal_thread_join(se->t);
        hal_mutex_destroy(&se->wlock);
        free(se);
    }
    atomic_store(&the_ctl, NULL);
    hal_mutex_destroy(&c->lock);
    free(c);
}
