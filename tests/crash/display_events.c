/*
 * display_events.c - input from the web display reaches the program:
 * tests/crash/display/events.ph under `phantom run --display`, driven with
 * POST /event as the page sends it, beside competing CPU load.
 *
 *  1. a click, a drag of the window and a key reach the handler in order,
 *     with the window's position changed by the drag; the click's mark is
 *     in GET /screen.png where the window now is;
 *  2. bad requests (garbage, an unknown path, a 10 MB body announced, an
 *     event for no window, an unknown event type) are answered or dropped
 *     and the display still serves;
 *  3. a flood of 3,000 mouse moves from 8 connections at once: no crash,
 *     memory bounded (peak resident under 200 MiB, 4 times that under the
 *     sanitizers), and a click after it
 *     still reaches the handler;
 *  4. tests/crash/display/console.ph: the console is a text window (its
 *     title, its background colour, text in it) and boot.setScreenBackground
 *     paints the desktop; after kill -9 and boot both are back, the same
 *     picture.
 * Skipped, saying so, when built without zlib.
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

static void flood(int port, unsigned long long id, int n)
{
    char form[160];
    for (int i = 0; i < n; i++) {
        int fd = hc_dial(port, 2000);
        if (fd < 0)
            return;   /* the display is gone: the checks after the flood fail */
        snprintf(form, sizeof form, "win=%llx&type=1&x=%d&y=%d", id, i % 300, i % 200);
        char req[400];
        snprintf(req, sizeof req, "POST /event HTTP/1.1\r\nHost: x\r\nContent-Length: %zu\r\n\r\n%s", strlen(form), form);
        hc_write_all(fd, req, strlen(req));
        close(fd);   /* not waiting for the answer: as fast as a client can */
    }
}

int main(void)
{
#ifndef PHANTOM_HAVE_ZLIB
    printf("display_events: built without zlib: skipped\n");
    return test_done("display_events");
#endif
    dc_env_init(&env, "display-events");
    const char *logpath = env.log;
    t_load_start(2);
    int port = hc_free_port();
    pid_t pid = dc_start(&env, "run", port, 0, "tests/crash/display/events.ph");
    REQUIRE(dc_wait_log(logpath, "ready", 20000));
    unsigned long long id = dc_window_id(port, "Events", 10000);
    REQUIRE(id != 0);

    /* 1. click, drag, key */
    char form[200];
    snprintf(form, sizeof form, "win=%llx&type=2&x=50&y=60&button=0", id);
    CHECK(dc_post_event(port, form) == 204);
    CHECK(dc_wait_log(logpath, "event mousedown x=50 y=60 button=0 char=null at 100,100", 10000));
    snprintf(form, sizeof form, "win=%llx&type=11&x=300&y=200", id);
    CHECK(dc_post_event(port, form) == 204);
    snprintf(form, sizeof form, "win=%llx&type=5&key=65&ch=97&mods=0", id);
    CHECK(dc_post_event(port, form) == 204);
    CHECK(dc_wait_log(logpath, "event keydown x=0 y=0 button=0 char=a at 300,200", 10000));
    usleep(200000);
    size_t n;
    char *png = dc_get(port, "/screen.png", &n, 5000);
    dc_image im = {0};
    CHECK(png && dc_png_decode((const uint8_t *)png, n, &im));
    if (im.rgba) {
        CHECK(im.w == 1024 && im.h == 768);
        /* the window is at (300,200) now: the click's mark at (350,260) */
        uint32_t mark = dc_pixel(&im, 350, 260), beside = dc_pixel(&im, 360, 260);
        if (mark != 0xFF0000 || beside != 0xFFFFFF)
            printf("display_events: the click's mark is %06x (want ff0000), beside it %06x (want ffffff)\n", mark,
                   beside);
        CHECK(mark == 0xFF0000);
        CHECK(beside == 0xFFFFFF);
        free(im.rgba);
    }
    free(png);

    /* 2. bad requests */
    int fd = hc_dial(port, 5000);
    hc_write_all(fd, "\x01\x02garbage\r\n\r\n", 13);
    close(fd);
    int st;
    free(dc_request(port, "GET", "/nothing", NULL, &n, &st, 5000));
    CHECK(st == 404);
    fd = hc_dial(port, 5000);
    const char *big = "POST /event HTTP/1.1\r\nContent-Length: 10000000\r\n\r\nwin=1";
    hc_write_all(fd, big, strlen(big));
    char reply[256] = "";
    struct pollfd pf = {fd, POLLIN, 0};
    if (poll(&pf, 1, 5000) > 0)
        reply[recv(fd, reply, sizeof reply - 1, 0) > 0 ? 255 : 0] = 0;
    CHECK(!strncmp(reply, "HTTP/1.1 413", 12));
    close(fd);
    CHECK(dc_post_event(port, "win=12345&type=2&x=1&y=1") == 204);
    snprintf(form, sizeof form, "win=%llx&type=99&x=1&y=1", id);
    CHECK(dc_post_event(port, form) == 204);

    /* 3. a flood from 8 connections at once */
    pid_t kids[8];
    for (int k = 0; k < 8; k++)
        if ((kids[k] = fork()) == 0) {
            flood(port, id, 375);
            _exit(0);
        }
    for (int k = 0; k < 8; k++)
        waitpid(kids[k], NULL, 0);
    snprintf(form, sizeof form, "win=%llx&type=3&x=7&y=8&button=2", id);
    CHECK(dc_post_event(port, form) == 204);
    CHECK(dc_wait_log(logpath, "event mouseup x=7 y=8 button=2", 20000));
    long hwm = hc_proc_kib(pid, "VmHWM");
    printf("display_events: peak resident memory after the flood: %ld KiB\n", hwm);
    long bound_kib = (strstr(t_build_dir(), "asan") ? 4 : 1) * 200 * 1024;   /* shadow memory, quarantine */
    CHECK(hwm > 0 && hwm < bound_kib);
    CHECK(kill(pid, 0) == 0);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);

    /* 4. the console's window and the background, across kill -9 */
    unlink(env.img);
    port = hc_free_port();
    pid = dc_start(&env, "run", port, 50, "tests/crash/display/console.ph");
    REQUIRE(dc_wait_log(logpath, "console ready", 20000));
    CHECK(dc_window_id(port, "Console", 10000) != 0);
    usleep(300000);   /* snapshots after it is drawn */
    size_t before_len = 0;
    char *before = dc_get(port, "/screen.png", &before_len, 5000);
    dc_image con = {0};
    CHECK(before && dc_png_decode((const uint8_t *)before, before_len, &con));
    if (con.rgba) {
        /* moveWindow(500, 400): 400x300, text from the top line down */
        CHECK(dc_pixel(&con, 0, 0) == 0x0AC81E);        /* the 1x1 background at the bottom left */
        CHECK(dc_pixel(&con, 890, 410) == 0xFFFF00);    /* setbgcolor, then clear */
        int ink = 0;
        for (uint32_t y = 668; y < 700; y++)
            for (uint32_t x = 500; x < 545; x++)
                ink += dc_pixel(&con, x, y) == 0x000000;
        if (ink < 40)
            printf("display_events: only %d black pixels where the console's \"hello\" should be\n", ink);
        CHECK(ink >= 40);
        free(con.rgba);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    pid = dc_start(&env, "boot", port, 50, NULL);
    size_t after_len = 0;
    char *after = NULL;
    for (int i = 0; i < 100 && !after; i++)
        if (!(after = dc_get(port, "/screen.png", &after_len, 5000)))
            usleep(50000);
    CHECK(after && before && after_len == before_len && !memcmp(after, before, after_len));
    free(before);
    free(after);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    t_load_stop();
    t_remove_dir(env.dir);
    return test_done("display_events");
}
