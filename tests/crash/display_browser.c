/*
 * display_browser.c - the web display in a real browser: headless
 * Chromium (Debian's `chromium`) opens the page of `phantom run
 * --display` running tests/crash/display/events.ph, driven through the
 * DevTools protocol over a pipe (--remote-debugging-pipe: JSON messages
 * ended by NUL on its descriptors 3 and 4).  It checks that
 *   - the page shows the window: its title, and its canvas holds the
 *     pixels GET /screen.png shows;
 *   - a click in the window and a key typed reach the program's handler
 *     (its log), and the click's mark comes back to the page;
 *   - dragging the title bar moves the window: the page, the world (the
 *     handler sees the new position) and /screen.png agree.
 * Skipped, saying so, when chromium is not installed or zlib was not
 * found at build time.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "testlib.h"
#include "killrun.h"
#include "httpc.h"
#include "displayc.h"

static dc_env env;
static int to_cr = -1, from_cr = -1, next_id = 1;
static char sess[128];

/* Sends one command (params: a JSON object's text) on the page's session
 * (or the browser's when sess is empty) and returns its reply, a static
 * buffer, or NULL after 20 s. */
static const char *cdp(const char *method, const char *params)
{
    static char msg[1 << 16], in[1 << 22];
    static size_t inlen;
    int id = next_id++;
    int n = snprintf(msg, sizeof msg, "{\"id\":%d,%s%s%s\"method\":\"%s\",\"params\":%s}", id, *sess ? "\"sessionId\":\"" : "",
                     sess, *sess ? "\"," : "", method, params ? params : "{}");
    for (size_t off = 0; off < (size_t)n + 1;) {   /* a pipe: write, not send */
        ssize_t w = write(to_cr, msg + off, (size_t)n + 1 - off);
        if (w <= 0)
            return NULL;
        off += (size_t)w;
    }
    char want[32];
    snprintf(want, sizeof want, "{\"id\":%d,", id);
    uint64_t end = hc_now_us() + 20000000u;
    for (;;) {
        char *z;
        while ((z = memchr(in, 0, inlen))) {   /* one whole message at the front */
            size_t len = (size_t)(z - in) + 1;
            static char one[1 << 22];
            memcpy(one, in, len);
            memmove(in, in + len, inlen - len);
            inlen -= len;
            if (!strncmp(one, want, strlen(want)))
                return one;
        }
        struct pollfd pf = {from_cr, POLLIN, 0};
        if (hc_now_us() >= end || poll(&pf, 1, 500) < 0)
            return NULL;
        if (!(pf.revents & (POLLIN | POLLHUP)))
            continue;
        ssize_t r = read(from_cr, in + inlen, sizeof in - inlen);
        if (r <= 0)
            return NULL;
        inlen += (size_t)r;
    }
}

/* The text after "key":" in a reply, up to the next quote. */
static bool field(const char *reply, const char *key, char *out, size_t cap)
{
    char k[64];
    snprintf(k, sizeof k, "\"%s\":", key);
    const char *p = reply ? strstr(reply, k) : NULL;
    if (!p)
        return false;
    p += strlen(k);
    bool quoted = *p == '"';
    p += quoted;
    size_t i = 0;
    while (*p && *p != '"' && (quoted || (*p != ',' && *p != '}')) && i + 1 < cap)
        out[i++] = *p++;
    out[i] = 0;
    return true;
}

/* Evaluates a JavaScript expression in the page: its value as text. */
static bool eval(const char *expr, char *out, size_t cap)
{
    char params[4096];
    snprintf(params, sizeof params, "{\"expression\":\"%s\",\"returnByValue\":true,\"awaitPromise\":true}", expr);
    return field(cdp("Runtime.evaluate", params), "value", out, cap);
}

static void mouse(const char *type, int x, int y)
{
    char p[200];
    snprintf(p, sizeof p, "{\"type\":\"%s\",\"x\":%d,\"y\":%d,\"button\":\"left\",\"clickCount\":1}", type, x, y);
    cdp("Input.dispatchMouseEvent", p);
}

/* Waits until expr evaluates to want. */
static bool eval_until(const char *expr, const char *want, int ms)
{
    char v[256] = "";
    uint64_t end = hc_now_us() + (uint64_t)ms * 1000;
    while (hc_now_us() < end) {
        if (eval(expr, v, sizeof v) && !strcmp(v, want))
            return true;
        usleep(50000);
    }
    printf("display_browser: `%s` is \"%s\", not \"%s\"\n", expr, v, want);
    return false;
}

int main(void)
{
#ifndef PHANTOM_HAVE_ZLIB
    printf("display_browser: built without zlib: skipped\n");
    return test_done("display_browser");
#endif
    if (system("command -v chromium >/dev/null 2>&1") != 0) {
        printf("display_browser: chromium is not installed (apt-get install chromium): skipped\n");
        return test_done("display_browser");
    }
    dc_env_init(&env, "display-browser");
    const char *logpath = env.log, *dir = env.dir;
    int port = hc_free_port();
    pid_t pid = dc_start(&env, "run", port, 0, "tests/crash/display/events.ph");
    REQUIRE(dc_wait_log(logpath, "ready", 20000));

    /* chromium with the DevTools pipe on its descriptors 3 (in) and 4 (out) */
    int down[2], up[2];
    REQUIRE(pipe(down) == 0 && pipe(up) == 0);
    char profile[200];
    snprintf(profile, sizeof profile, "--user-data-dir=%s/profile", dir);
    pid_t cr = fork();
    if (cr == 0) {
        dup2(down[0], 3);
        dup2(up[1], 4);
        char crlog[200];
        snprintf(crlog, sizeof crlog, "%s/chromium.log", dir);
        int log = open(crlog, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(log, 1);
        dup2(log, 2);
        execlp("chromium", "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--remote-debugging-pipe", "--window-size=1280,900", profile, "about:blank", (char *)NULL);
        _exit(127);
    }
    close(down[0]);
    close(up[1]);
    to_cr = down[1];
    from_cr = up[0];
    char url[200], params[400], target[128] = "", v[256];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
    snprintf(params, sizeof params, "{\"url\":\"%s\"}", url);
    REQUIRE(field(cdp("Target.createTarget", params), "targetId", target, sizeof target));
    snprintf(params, sizeof params, "{\"targetId\":\"%s\",\"flatten\":true}", target);
    REQUIRE(field(cdp("Target.attachToTarget", params), "sessionId", sess, sizeof sess));
    cdp("Emulation.setDeviceMetricsOverride", "{\"width\":1280,\"height\":900,\"deviceScaleFactor\":1,\"mobile\":false}");

    /* the window is on the page, with its title and pixels */
    CHECK(eval_until("document.querySelectorAll('.win').length", "1", 20000));
    CHECK(eval_until("document.querySelector('.bar span').textContent", "Events", 5000));
    CHECK(eval_until("(()=>{const c=document.querySelector('canvas');return c.width+'x'+c.height})()", "320x200", 5000));
    /* the canvas's top-left pixel is the window's white */
    CHECK(eval_until("Array.from(document.querySelector('canvas').getContext('2d').getImageData(5,5,1,1).data).join()",
                     "255,255,255,255", 10000));

    /* a click at canvas (40, 150) from its top-left: window (40, 49) */
    REQUIRE(eval("(()=>{const r=document.querySelector('canvas').getBoundingClientRect();return r.left+','+r.top})()", v,
                 sizeof v));
    int cx = 0, cy = 0;
    sscanf(v, "%d,%d", &cx, &cy);
    mouse("mousePressed", cx + 40, cy + 150);
    mouse("mouseReleased", cx + 40, cy + 150);
    CHECK(dc_wait_log(logpath, "event mousedown x=40 y=49 button=0", 10000));
    CHECK(dc_wait_log(logpath, "event mouseup x=40 y=49 button=0", 10000));
    /* the handler's red mark comes back to the page */
    CHECK(eval_until("Array.from(document.querySelector('canvas').getContext('2d').getImageData(40,150,1,1).data).join()",
                     "255,0,0,255", 10000));
    /* a key */
    cdp("Input.dispatchKeyEvent", "{\"type\":\"keyDown\",\"key\":\"z\",\"text\":\"z\",\"windowsVirtualKeyCode\":90}");
    cdp("Input.dispatchKeyEvent", "{\"type\":\"keyUp\",\"key\":\"z\",\"windowsVirtualKeyCode\":90}");
    CHECK(dc_wait_log(logpath, "event keydown x=0 y=0 button=0 char=z at 100,100", 10000));

    /* a drag of the title bar by (+150, +40): the window goes right 150
     * and, as Phantom counts from the bottom, down 40 */
    REQUIRE(eval("(()=>{const r=document.querySelector('.bar').getBoundingClientRect();return r.left+','+r.top})()", v,
                 sizeof v));
    int bx = 0, by = 0;
    sscanf(v, "%d,%d", &bx, &by);
    mouse("mousePressed", bx + 30, by + 8);
    for (int i = 1; i <= 5; i++)
        mouse("mouseMoved", bx + 30 + 30 * i, by + 8 + 8 * i);
    mouse("mouseReleased", bx + 180, by + 48);
    cdp("Input.dispatchKeyEvent", "{\"type\":\"keyDown\",\"key\":\"q\",\"text\":\"q\",\"windowsVirtualKeyCode\":81}");
    CHECK(dc_wait_log(logpath, "char=q at 250,60", 10000));
    size_t n;
    char *png = dc_get(port, "/screen.png", &n, 5000);
    dc_image im = {0};
    CHECK(png && dc_png_decode((const uint8_t *)png, n, &im));
    if (im.rgba) {   /* the mark at window (40, 49) is now at desktop (290, 109) */
        uint32_t mark = dc_pixel(&im, 290, 109);
        if (mark != 0xFF0000)
            printf("display_browser: /screen.png at the moved mark: %06x, not ff0000\n", mark);
        CHECK(mark == 0xFF0000);
        free(im.rgba);
    }
    free(png);
    CHECK(eval_until("document.querySelector('.win').style.left", "249px", 5000));

    cdp("Browser.close", NULL);
    close(to_cr);
    close(from_cr);
    kill(cr, SIGKILL);
    waitpid(cr, NULL, 0);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    t_remove_dir(dir);
    return test_done("display_browser");
}
