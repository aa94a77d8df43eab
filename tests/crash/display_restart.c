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
#include "displayc.h"

#define CYCLES 3

static dc_env env;
static const char *scene = "tests/crash/display/scene.ph";

static bool served(int port)
{
    size_t n;
    char *png = dc_get(port, "/screen.png", &n, 1000);
    free(png);
    return png != NULL;
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
        char *png = dc_get(port, "/screen.png", &n, 5000);
        if (png && want && n == wantlen && !memcmp(png, want, n)) {
            free(last);
            *len = n;
            return png;
        }
        if (png && !want && last && n == lastlen && !memcmp(png, last, n)) {
            char log[65536];
            dc_read_log(env.log, log, sizeof log);
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
    dc_env_init(&env, "display-restart");
    uint64_t seed = t_seed("display_restart"), rng = seed;

    /* The picture of a run never killed. */
    int port = hc_free_port();
    pid_t pid = dc_start(&env, "run", port, 50, scene);
    size_t reflen = 0;
    char *ref = settle(port, NULL, 0, &reflen);
    stop(pid);
    if (!ref) {
        char log[4096];
        dc_read_log(env.log, log, sizeof log);
        if (strstr(log, "built without zlib")) {
            printf("display_restart: phantom was built without zlib: skipped\n");
            t_remove_dir(env.dir);
            return test_done("display_restart");
        }
        printf("display_restart: the scene never finished; its log:\n%s\n", log);
    }
    REQUIRE(ref);
    CHECK(reflen > 1000);

    t_load_start(2);
    for (int cycle = 0; cycle < CYCLES; cycle++) {
        unlink(env.img);
        port = hc_free_port();
        pid = dc_start(&env, "run", port, 50, scene);
        /* from the moment the world is open and drawing (a slow start, as
         * under the sanitizers, must not turn into "no image yet") */
        for (int i = 0; i < 600 && !served(port); i++)
            usleep(50000);
        uint64_t ms = t_rand(&rng) % 900;
        usleep((useconds_t)ms * 1000);
        stop(pid);
        pid = dc_start(&env, "boot", port, 50, NULL);
        size_t n;
        char *png = settle(port, ref, reflen, &n);
        if (!png)
            printf("display_restart: cycle %d (killed after %llu ms): after boot the desktop never became the "
                   "picture of the run never killed (SEED=%llu)\n",
                   cycle, (unsigned long long)ms, (unsigned long long)seed);
        fflush(stdout);
        CHECK(png != NULL);
        free(png);
        /* Finished and sleeping: kill again; the first picture served is it. */
        usleep(500000);   /* snapshots after the end */
        stop(pid);
        pid = dc_start(&env, "boot", port, 50, NULL);
        char *first = NULL;
        for (int i = 0; i < 100 && !first; i++) {
            first = dc_get(port, "/screen.png", &n, 5000);
            if (!first)
                usleep(50000);
        }
        bool same = first && n == reflen && !memcmp(first, ref, n);
        if (!same)
            printf("display_restart: cycle %d: the first desktop after a boot of the finished scene differs "
                   "(SEED=%llu)\n", cycle, (unsigned long long)seed);
        fflush(stdout);
        CHECK(same);
        free(first);
        stop(pid);
    }
    t_load_stop();
    free(ref);
    t_remove_dir(env.dir);
    return test_done("display_restart");
}
