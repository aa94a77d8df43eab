/*
 * display_restart.c - windows survive kill -9 with their pixels: the scene
 * of tests/crash/display/scene.ph, shown with --display, is killed with
 * SIGKILL at random moments while it is drawn (SEED= repeats a run), beside
 * competing CPU load; each time `phantom boot --display` resumes it, and
 * once it has finished, GET /screen.png must equal the picture of a run
 * never killed.  Then, with the program only sleeping, one more kill and
 * boot: the first /screen.png the new process serves is already that
 * picture (the windows came back from the world, no program code drew
 * them again).  Skipped, saying so, when built without zlib.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "testlib.h"
#include "killrun.h"
#include "httpc.h"

#define CYCLES 3

static char phantom[512], dir[128], img[192], logpath[192];
static const char *scene = "tests/crash/display/scene.ph";

/* GET path: the body in a malloc'd buffer (*len), or NULL. */
static char *get(int port, const char *path, size_t *len, int ms)
{
    int fd = hc_dial(port, ms);
    if (fd < 0)
        return NULL;
    char req[256];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\n\r\n", path);
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
    char *body = memmem(b, n, "\r\n\r\n", 4);
    if (!body || strncmp(b, "HTTP/1.1 200", 12)) {
        free(b);
        return NULL;
    }
    body += 4;
    *len = n - (size_t)(body - b);
    memmove(b, body, *len);
    return b;
}

static pid_t start(const char *cmd, int port)
{
    char portarg[16];
    snprintf(portarg, sizeof portarg, "%d", port);
    char *run_argv[] = {phantom, "run", "--image", img, "--snapshot-interval", "50", "--display", portarg,
                        (char *)scene, NULL};
    char *boot_argv[] = {phantom, "boot", "--image", img, "--snapshot-interval", "50", "--display", portarg, NULL};
    return hc_spawn(strcmp(cmd, "run") ? boot_argv : run_argv, logpath);
}

static void stop(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

/* Polls /screen.png until it equals want (or, with want NULL, until the
 * log says the scene is done and two pictures in a row agree): the last
 * picture, or NULL after 30 s. */
static char *settle(int port, const char *want, size_t wantlen, size_t *len)
{
    char *last = NULL;
    size_t lastlen = 0;
    uint64_t end = hc_now_us() + 30000000u;
    while (hc_now_us() < end) {
        size_t n;
        char *png = get(port, "/screen.png", &n, 5000);
        if (png && want && n == wantlen && !memcmp(png, want, n)) {
            free(last);
            *len = n;
            return png;
        }
        if (png && !want && last && n == lastlen && !memcmp(png, last, n)) {
            char log[65536] = "";
            FILE *f = fopen(logpath, "r");
            if (f) {
                log[fread(log, 1, sizeof log - 1, f)] = 0;
                fclose(f);
            }
            if (strstr(log, "done\n")) {
                free(last);
                *len = n;
                return png;
            }
        }
        if (png) {
            free(last);
            last = png;
            lastlen = n;
        }
        usleep(100000);
    }
    free(last);
    return NULL;
}

int main(void)
{
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(dir, sizeof dir, "/tmp/phantom-display-%d", (int)getpid());
    REQUIRE(mkdir(dir, 0700) == 0);
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(logpath, sizeof logpath, "%s/log", dir);
    uint64_t seed = t_seed("display_restart"), rng = seed;

    /* The picture of a run never killed. */
    int port = hc_free_port();
    pid_t pid = start("run", port);
    size_t reflen = 0;
    char *ref = settle(port, NULL, 0, &reflen);
    stop(pid);
    if (!ref) {
        char log[4096] = "";
        FILE *f = fopen(logpath, "r");
        if (f) {
            log[fread(log, 1, sizeof log - 1, f)] = 0;
            fclose(f);
        }
        if (strstr(log, "built without zlib")) {
            printf("display_restart: phantom was built without zlib: skipped\n");
            t_remove_dir(dir);
            return test_done("display_restart");
        }
        printf("display_restart: the scene never finished; its log:\n%s\n", log);
    }
    REQUIRE(ref);
    CHECK(reflen > 1000);

    t_load_start(2);
    for (int cycle = 0; cycle < CYCLES; cycle++) {
        unlink(img);
        port = hc_free_port();
        pid = start("run", port);
        uint64_t ms = 150 + t_rand(&rng) % 900;
        usleep((useconds_t)ms * 1000);
        stop(pid);
        pid = start("boot", port);
        size_t n;
        char *png = settle(port, ref, reflen, &n);
        if (!png)
            printf("display_restart: cycle %d (killed after %llu ms): after boot the desktop never became the "
                   "picture of the run never killed (SEED=%llu)\n",
                   cycle, (unsigned long long)ms, (unsigned long long)seed);
        CHECK(png != NULL);
        free(png);
        /* Finished and sleeping: kill again; the first picture served is it. */
        usleep(500000);   /* snapshots after the end */
        stop(pid);
        pid = start("boot", port);
        char *first = NULL;
        for (int i = 0; i < 100 && !first; i++) {
            first = get(port, "/screen.png", &n, 5000);
            if (!first)
                usleep(50000);
        }
        bool same = first && n == reflen && !memcmp(first, ref, n);
        if (!same)
            printf("display_restart: cycle %d: the first desktop after a boot of the finished scene differs "
                   "(SEED=%llu)\n", cycle, (unsigned long long)seed);
        CHECK(same);
        free(first);
        stop(pid);
    }
    t_load_stop();
    free(ref);
    t_remove_dir(dir);
    return test_done("display_restart");
}
