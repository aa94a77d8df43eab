/*
 * replica_server.c - `phantom replica-server`: the receiving end of
 * `--replica tcp://HOST:PORT` (pw_replica_serve in pw.h; the protocol in
 * replica_proto.h).
 *
 * The server writes what arrives into its image with the commit protocol
 * of a local replica (pw_rimage): the blocks of snapshot G go to blocks
 * free in its G-1, then a flush, then G's root durably.  It checks before
 * it writes:
 *   - the peer holds the key (the handshake), and every frame's MAC;
 *   - a ship from scratch never overwrites another world's image, and a
 *     single step or a catch-up starts from exactly the root the server
 *     holds (base); after a catch-up every block of the new root is read
 *     back against its checksum before the root is written;
 *   - every block against the image's CRC-32C that came with it, and its
 *     number (never a root slot, never past the image): a damaged block is
 *     not written, and the client is asked for it again at COMMIT;
 *   - the root (signature, checksum, fields, generation, world).
 * So at every instant the image is a complete, valid image: the last root
 * it acknowledged, or the one before while the next is written.
 */
#include "replica_target.h"

#include "../util/crc32c.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERVE_POLL_MS 200

typedef struct server {
    const pw_replica_server_options *o;
    pw_rimage *img;
    hal_sock listener;
    pr_conn c;
    pr_frame *f;
    pw_rootslot cur;         /* the image's newest valid root */
    bool have_cur;
    /* the ship under way */
    bool shipping;
    pr_begin begin;
    pr_resend bad;           /* blocks refused, to ask for again */
    int rounds;
    uint64_t blocks;
} server;

static void slog(server *s, int level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void slog(server *s, int level, const char *fmt, ...)
{
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (s->o->log)
        s->o->log(s->o->log_ctx, level, msg);
    else if (level <= PW_LOG_WARN)
        hal_console_printf(2, "phantom replica-server: %s\n", msg);
}

static int load_state(server *s)
{
    pr_state st;
    int rc = pw_rimage_state(s->img, &st);
    if (!rc)
        s->have_cur = pw_rimage_newest(&st, &s->cur);
    return rc;
}

/* Refuses: tells the client why, logs it, and ends the connection. */
static int refuse(server *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(server *s, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pr_send_error(&s->c, msg);
    slog(s, PW_LOG_ERROR, "refused a ship: %s", msg);
    return -EPERM;
}

static int on_begin(server *s)
{
    const pr_begin *b = (const pr_begin *)(const void *)s->f->payload;
    if (s->f->len != sizeof *b)
        return refuse(s, "a malformed BEGIN");
    if (s->have_cur && memcmp(s->cur.world_id, b->world_id, sizeof b->world_id))
        return refuse(s, "this server's image %s holds another world's image (remove it to replicate a new world)",
                      s->o->image);
    if (b->image_blocks < PW_FIRST_DATA_BLOCK || b->image_blocks > (1ull << 40) || !b->generation)
        return refuse(s, "a BEGIN with impossible sizes");
    bool catchup = b->flags & PR_BEGIN_CATCHUP;
    if (b->base && (!s->have_cur || s->cur.generation != b->base || b->generation <= b->base ||
                    (!catchup && b->generation != b->base + 1)))
        return refuse(s, "this server's image is at generation %llu, not %llu: ship it from scratch",
                      (unsigned long long)(s->have_cur ? s->cur.generation : 0), (unsigned long long)b->base);
    int rc = pw_rimage_begin(s->img, b->image_blocks, !b->base || catchup);
    if (rc)
        return refuse(s, "%s: %s", s->o->image, hal_strerror(rc));
    if (!b->base || catchup)
        s->have_cur = false; /* both slots are empty now */
    s->begin = *b;
    s->shipping = true;
    s->bad.n = 0;
    s->rounds = 0;
    s->blocks = 0;
    return 0;
}

static int on_block(server *s)
{
    const pr_block_head *h = (const pr_block_head *)(const void *)s->f->payload;
    const uint8_t *data = s->f->payload + sizeof *h;
    if (s->f->len != sizeof *h + PW_BLOCK_SIZE)
        return refuse(s, "a malformed BLOCK");
    bool number_ok = h->block >= PW_FIRST_DATA_BLOCK && h->block < s->begin.image_blocks;
    if (s->f->mac_ok && !number_ok)
        return refuse(s, "block %llu is not in the image's data (%llu blocks)", (unsigned long long)h->block,
                      (unsigned long long)s->begin.image_blocks);
    if (!s->f->mac_ok || crc32c(0, data, PW_BLOCK_SIZE) != h->crc) {
        slog(s, PW_LOG_WARN, "block %llu arrived damaged (%s): refused, asked again", (unsigned long long)h->block,
             s->f->mac_ok ? "its CRC-32C does not match" : "its MAC does not match");
        if (s->bad.n == PR_RESEND_MAX)
            return refuse(s, "too many damaged blocks in one snapshot");
        s->bad.b[s->bad.n++] = *h;
        return 0;
    }
    int rc = pw_rimage_block(s->img, h->block, data);
    if (rc)
        return refuse(s, "%s: %s", s->o->image, hal_strerror(rc));
    s->blocks++;
    return 0;
}

static int on_commit(server *s)
{
    if (s->f->len != PW_ROOT_SECTOR)
        return refuse(s, "a malformed COMMIT");
    if (s->bad.n) {
        if (++s->rounds >= PR_RESEND_ROUNDS)
            return refuse(s, "blocks arrived damaged again and again");
        int rc = pr_send(&s->c, PR_RESEND, &s->bad, 8 + s->bad.n * sizeof s->bad.b[0], NULL, 0);
        s->bad.n = 0;
        return rc;
    }
    pw_rootslot r;
    if (!pw_rimage_decode(s->f->payload, s->img->dev_bytes, &r) || r.generation != s->begin.generation ||
        memcmp(r.world_id, s->begin.world_id, sizeof r.world_id) || r.image_blocks != s->begin.image_blocks)
        return refuse(s, "the root of generation %llu is not valid or not the one begun",
                      (unsigned long long)s->begin.generation);
    char why[200];
    int rc = 0;
    if ((s->begin.flags & PR_BEGIN_CATCHUP) && (rc = pw_rimage_verify(s->img, &r, why, sizeof why)))
        return refuse(s, "catching up from generation %llu: %s; ship it from scratch",
                      (unsigned long long)s->begin.base, why);
    if ((rc = pw_rimage_commit(s->img, s->f->payload, r.generation)))
        return refuse(s, "%s: %s", s->o->image, hal_strerror(rc));
    s->cur = r;
    s->have_cur = true;
    s->shipping = false;
    slog(s, PW_LOG_INFO, "generation %llu is durable (%llu blocks%s)", (unsigned long long)r.generation,
         (unsigned long long)s->blocks,
         !s->begin.base ? ", from scratch" : s->begin.flags & PR_BEGIN_CATCHUP ? ", caught up" : "");
    return pr_send(&s->c, PR_ACK, &r.generation, sizeof r.generation, NULL, 0);
}

static bool stopped(server *s) { return s->o->stop && atomic_load(s->o->stop); }

/* Serves one connection until it ends, fails, or a new one waits. */
static void serve(server *s, const uint8_t *key, size_t keylen, const char *peer)
{
    pw_error err = {0, ""};
    if (pr_server_handshake(&s->c, key, keylen, &err)) {
        slog(s, PW_LOG_WARN, "%s: %s", peer, err.msg);
        return;
    }
    pr_state st;
    int rc = pw_rimage_state(s->img, &st);
    if (rc) {
        refuse(s, "%s: %s", s->o->image, hal_strerror(rc));
        return;
    }
    s->have_cur = pw_rimage_newest(&st, &s->cur);
    if ((rc = pr_send(&s->c, PR_STATE, &st, sizeof st, NULL, 0)))
        return;
    slog(s, PW_LOG_INFO, "%s: connected; the image is at generation %llu", peer,
         (unsigned long long)(s->have_cur ? s->cur.generation : 0));
    s->shipping = false;
    while (!rc) {
        rc = pr_recv(&s->c, s->f, SERVE_POLL_MS);
        if (rc == -ETIMEDOUT) {
            if (stopped(s) || hal_net_wait(s->listener, HAL_POLL_IN, 0) > 0)
                break; /* a new client replaces this one (it may have lost us) */
            rc = 0;
            continue;
        }
        if (rc) {
            if (rc != -ECONNRESET || s->shipping)
                slog(s, PW_LOG_WARN, "%s: %s%s", peer, rc == -EPROTO ? "not the replication protocol, or a frame lost" : hal_strerror(rc),
                     s->shipping ? "; the unfinished snapshot is dropped" : "");
            break;
        }
        if (!s->f->mac_ok && s->f->type != PR_BLOCK) {
            refuse(s, "a frame whose MAC does not match");
            break;
        }
        if (s->f->type == PR_BEGIN && !s->shipping)
            rc = on_begin(s);
        else if (s->f->type == PR_BLOCK && s->shipping)
            rc = on_block(s);
        else if (s->f->type == PR_COMMIT && s->shipping)
            rc = on_commit(s);
        else
            rc = refuse(s, "a frame out of turn (type %u)", s->f->type);
    }
}

static int parse_listen(const char *text, hal_netaddr *a)
{
    char host[128] = "127.0.0.1";
    const char *colon = strrchr(text, ':'), *port = colon ? colon + 1 : text;
    if (colon) {
        size_t n = (size_t)(colon - text);
        if (n >= sizeof host)
            return -EINVAL;
        memcpy(host, text, n);
        host[n] = 0;
    }
    char *end;
    unsigned long p = strtoul(port, &end, 10);
    if (!*port || *end || p > 65535)
        return -EINVAL;
    return hal_net_addr_parse(host, (uint16_t)p, a);
}

int pw_replica_serve(const pw_replica_server_options *o, pw_error *err)
{
    server s = {.o = o, .listener = -1};
    uint8_t *key = NULL;
    size_t keylen = 0;
    hal_netaddr addr;
    int rc = pr_key_load(o->key_file, &key, &keylen, err);
    if (rc)
        return rc;
    if ((rc = parse_listen(o->listen, &addr))) {
        err->code = rc;
        snprintf(err->msg, sizeof err->msg, "--listen %s: not [ADDR:]PORT (ADDR numeric, such as 0.0.0.0 or [::])",
                 o->listen);
        goto out;
    }
    if ((rc = pw_rimage_open(o->image, &s.img))) {
        err->code = rc;
        if (rc == -EBUSY)
            snprintf(err->msg, sizeof err->msg, "%s: in use (a world or another server has it open)", o->image);
        else
            pw_open_error(o->image, rc, err);
        goto out;
    }
    if ((rc = load_state(&s))) {
        err->code = rc;
        snprintf(err->msg, sizeof err->msg, "%s: %s", o->image, hal_strerror(rc));
        goto out;
    }
    if (!(s.f = malloc(sizeof *s.f))) {
        rc = err->code = -ENOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        goto out;
    }
    if ((rc = hal_net_listen(&addr, 8, &s.listener))) {
        err->code = rc;
        snprintf(err->msg, sizeof err->msg, "--listen %s: %s", o->listen, hal_strerror(rc));
        goto out;
    }
    hal_netaddr bound;
    char text[HAL_NETADDR_TEXT];
    hal_net_local_addr(s.listener, &bound);
    hal_net_addr_text(&bound, text, sizeof text);
    if (o->ready)
        o->ready(o->log_ctx, text, bound.port);
    while (!stopped(&s)) {
        int ev = hal_net_wait(s.listener, HAL_POLL_IN, SERVE_POLL_MS);
        hal_netaddr peer;
        memset(&s.c, 0, sizeof s.c);
        s.c.server = true;
        if (ev <= 0 || hal_net_accept(s.listener, &s.c.s, &peer))
            continue;
        char who[HAL_NETADDR_TEXT + 8];
        hal_net_addr_text(&peer, text, sizeof text);
        snprintf(who, sizeof who, "%s:%u", text, (unsigned)peer.port);
        serve(&s, key, keylen, who);
        hal_net_close(s.c.s);
    }
    rc = 0;
out:
    if (s.listener >= 0)
        hal_net_close(s.listener);
    pr_wipe(&s.c.session, sizeof s.c.session);
    free(s.f);
    pw_rimage_close(s.img);
    if (key)
        pr_wipe(key, keylen);
    free(key);
    return rc;
}
