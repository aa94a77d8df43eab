/*
 * displayc.h - what the display's tests share (tests/crash/display_*.c):
 * a whole GET, a POST of one form, finding a window's id in the
 * /updates stream, reading the log of a phantom child, and decoding the
 * PNGs the display sends (8-bit RGBA, filters None and Sub: what
 * src/display/png.c writes) with zlib.
 *
 * Header-only; include after testlib.h and httpc.h (and sys/stat.h).
 */
#ifndef PHANTOM_TESTS_DISPLAYC_H
#define PHANTOM_TESTS_DISPLAYC_H

#ifdef PHANTOM_HAVE_ZLIB
#include <zlib.h>
#endif

/* The reply body of one request in a malloc'd buffer (*len), or NULL if
 * the status is not 200 (*status says which, -1 for no reply). */
static inline char *dc_request(int port, const char *method, const char *path, const char *body, size_t *len,
                               int *status, int ms)
{
    *status = -1;
    int fd = hc_dial(port, ms);
    if (fd < 0)
        return NULL;
    char req[1024];
    snprintf(req, sizeof req, "%s %s HTTP/1.1\r\nHost: x\r\nContent-Length: %zu\r\n\r\n%s", method, path,
             body ? strlen(body) : 0, body ? body : "");
    if (!hc_write_all(fd, req, strlen(req))) {
        close(fd);
        return NULL;
    }
    size_t cap = 1 << 20, n = 0;
    char *b = malloc(cap);
    uint64_t end = hc_now_us() + (uint64_t)ms * 1000;
    for (;;) {
        struct pollfd pf = {fd, POLLIN, 0};
        if (hc_now_us() >= end || poll(&pf, 1, 200) < 0)
            break;
        if (!(pf.revents & (POLLIN | POLLHUP)))
            continue;
        if (n == cap)
            b = realloc(b, cap *= 2);
        ssize_t r = recv(fd, b + n, cap - n, 0);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    char *head_end = memmem(b, n, "\r\n\r\n", 4);
    if (!head_end || n < 12 || strncmp(b, "HTTP/1.1 ", 9)) {
        free(b);
        return NULL;
    }
    *status = atoi(b + 9);
    if (*status != 200) {
        free(b);
        return NULL;
    }
    char *body0 = head_end + 4;
    *len = n - (size_t)(body0 - b);
    memmove(b, body0, *len);
    return b;
}

static inline char *dc_get(int port, const char *path, size_t *len, int ms)
{
    int st;
    return dc_request(port, "GET", path, NULL, len, &st, ms);
}

static inline int dc_post_event(int port, const char *form)
{
    int st;
    size_t n;
    free(dc_request(port, "POST", "/event", form, &n, &st, 5000));
    return st;
}

/* The id of the window titled `title`, from the state /updates sends
 * first; 0 if none within ms. */
static inline unsigned long long dc_window_id(int port, const char *title, int ms)
{
    int fd = hc_dial(port, ms);
    if (fd < 0)
        return 0;
    const char *req = "GET /updates HTTP/1.1\r\nHost: x\r\n\r\n";
    hc_write_all(fd, req, strlen(req));
    static char buf[1 << 20];
    size_t n = 0;
    char want[160];
    snprintf(want, sizeof want, "\"title\":\"%s\"", title);
    unsigned long long id = 0;
    uint64_t end = hc_now_us() + (uint64_t)ms * 1000;
    while (!id && hc_now_us() < end && n < sizeof buf - 1) {
        struct pollfd pf = {fd, POLLIN, 0};
        if (poll(&pf, 1, 200) <= 0)
            continue;
        ssize_t r = recv(fd, buf + n, sizeof buf - 1 - n, 0);
        if (r <= 0)
            break;
        n += (size_t)r;
        buf[n] = 0;
        for (char *line = strstr(buf, "event: win\ndata: "); line && !id; line = strstr(line + 1, "event: win\ndata: ")) {
            char *eol = strchr(line + 17, '\n');
            if (!eol)
                break;
            *eol = 0;
            if (strstr(line, want))
                id = strtoull(strstr(line, "\"id\":\"") + 6, NULL, 16);
            *eol = '\n';
        }
    }
    close(fd);
    return id;
}

/* The log file's text (at most cap - 1 bytes). */
static inline void dc_read_log(const char *path, char *out, size_t cap)
{
    out[0] = 0;
    FILE *f = fopen(path, "r");
    if (f) {
        out[fread(out, 1, cap - 1, f)] = 0;
        fclose(f);
    }
}

/* Waits until the log holds `text`: true if it came within ms. */
static inline bool dc_wait_log(const char *path, const char *text, int ms)
{
    static char log[1 << 20];
    uint64_t end = hc_now_us() + (uint64_t)ms * 1000;
    do {
        dc_read_log(path, log, sizeof log);
        if (strstr(log, text))
            return true;
        usleep(20000);
    } while (hc_now_us() < end);
    return false;
}

/* A test's scratch files: dir (made here, /tmp/phantom-NAME-PID), the
 * world img and the child's log in it, and the phantom command. */
typedef struct dc_env {
    char phantom[512], dir[128], img[192], log[192];
} dc_env;

static inline void dc_env_init(dc_env *e, const char *name)
{
    snprintf(e->phantom, sizeof e->phantom, "%s/phantom", t_build_dir());
    snprintf(e->dir, sizeof e->dir, "/tmp/phantom-%s-%d", name, (int)getpid());
    REQUIRE(mkdir(e->dir, 0700) == 0);
    snprintf(e->img, sizeof e->img, "%s/w.img", e->dir);
    snprintf(e->log, sizeof e->log, "%s/log", e->dir);
}

/* `phantom CMD --image IMG [--snapshot-interval MS] --display PORT
 * [PROGRAM]` (cmd "run" or "boot"; ms 0: the default), output to the
 * log; its pid. */
static inline pid_t dc_start(const dc_env *e, const char *cmd, int port, int ms, const char *program)
{
    char portarg[16], msarg[16];
    snprintf(portarg, sizeof portarg, "%d", port);
    snprintf(msarg, sizeof msarg, "%d", ms);
    char *argv[12];
    int n = 0;
    argv[n++] = (char *)e->phantom;
    argv[n++] = (char *)cmd;
    argv[n++] = "--image";
    argv[n++] = (char *)e->img;
    if (ms) {
        argv[n++] = "--snapshot-interval";
        argv[n++] = msarg;
    }
    argv[n++] = "--display";
    argv[n++] = portarg;
    if (program)
        argv[n++] = (char *)program;
    argv[n] = NULL;
    return hc_spawn(argv, e->log);
}

typedef struct dc_image {
    uint32_t w, h;
    uint8_t *rgba;   /* top row first */
} dc_image;

static inline uint32_t dc_be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

/* Decodes a PNG of the display's kind; false if it is not one (or the
 * tests were built without zlib). */
static inline bool dc_png_decode(const uint8_t *p, size_t n, dc_image *out)
{
#ifndef PHANTOM_HAVE_ZLIB
    (void)p, (void)n, (void)out;
    return false;
#else
    if (n < 33 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) || memcmp(p + 12, "IHDR", 4) || p[24] != 8 || p[25] != 6)
        return false;
    out->w = dc_be32(p + 16);
    out->h = dc_be32(p + 20);
    size_t zcap = 0, zn = 0;
    uint8_t *z = NULL;
    for (size_t at = 8; at + 12 <= n;) {
        uint32_t len = dc_be32(p + at);
        if (at + 12 + len > n)
            return false;
        if (!memcmp(p + at + 4, "IDAT", 4)) {
            if (zn + len > zcap)
                z = realloc(z, zcap = (zn + len) * 2);
            memcpy(z + zn, p + at + 8, len);
            zn += len;
        }
        at += 12 + len;
    }
    size_t stride = (size_t)out->w * 4;
    uLongf rawlen = (uLongf)((stride + 1) * out->h);
    uint8_t *raw = malloc(rawlen);
    bool ok = z && uncompress(raw, &rawlen, z, zn) == Z_OK && rawlen == (stride + 1) * out->h;
    free(z);
    out->rgba = ok ? malloc(stride * out->h) : NULL;
    for (uint32_t y = 0; ok && y < out->h; y++) {
        const uint8_t *s = raw + y * (stride + 1);
        uint8_t *d = out->rgba + y * stride;
        if (s[0] > 1) {
            ok = false;
            break;
        }
        for (size_t i = 0; i < stride; i++)
            d[i] = (uint8_t)(s[1 + i] + (s[0] == 1 && i >= 4 ? d[i - 4] : 0));
    }
    free(raw);
    if (!ok) {
        free(out->rgba);
        out->rgba = NULL;
    }
    return ok;
#endif
}

/* The pixel at desktop (x, y), y from the bottom as Phantom counts, as
 * 0xRRGGBB. */
static inline uint32_t dc_pixel(const dc_image *im, uint32_t x, uint32_t y)
{
    const uint8_t *p = im->rgba + ((size_t)(im->h - 1 - y) * im->w + x) * 4;
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

#endif
