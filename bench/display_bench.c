/*
 * display_bench.c - the web display's cost and throughput (BENCHMARKS.md,
 * "Web display"): bench/display_anim.ph animates a 400x300 window, each
 * frame cleared and redrawn whole, run
 *   - without a display,
 *   - with --display and nobody watching,
 *   - with --display and one browser's worth of /updates read as fast as
 *     it comes (counting the frames pushed and the bytes).
 * Prints a markdown table: frames per second the program draws, frames
 * pushed to the watcher per second, bytes sent per second and per frame.
 *
 *   build/bench/display_bench [FRAMES]     (default 1500)
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/wait.h>

#include "../tests/testlib.h"
#include "../tests/httpc.h"

static char phantom[512];

/* Runs the animation; returns its milliseconds (-1 on failure).  With a
 * port, shows it there and, if watch, reads /updates meanwhile. */
static long run(const char *img, int port, bool watch, int frames, uint64_t *pushed, uint64_t *bytes)
{
    char log[256], portarg[16], nframes[16];
    snprintf(log, sizeof log, "%s.log", img);
    snprintf(portarg, sizeof portarg, "%d", port);
    snprintf(nframes, sizeof nframes, "%d", frames);
    unlink(img);
    unlink(log);
    char *with[] = {phantom, "run", "--image", (char *)img, "--display", portarg, "bench/display_anim.ph", "--", nframes, NULL};
    char *without[] = {phantom, "run", "--image", (char *)img, "bench/display_anim.ph", "--", nframes, NULL};
    pid_t pid = hc_spawn(port ? with : without, log);
    int fd = -1;
    if (watch) {
        fd = hc_dial(port, 20000);
        const char *req = "GET /updates HTTP/1.1\r\nHost: x\r\n\r\n";
        hc_write_all(fd, req, strlen(req));
    }
    *pushed = *bytes = 0;
    long ms = -1;
    char text[4096];
    uint64_t end = hc_now_us() + 300000000u;
    static char buf[1 << 20];
    const char *marker = "event: px\n";
    size_t carry = 0;
    while (hc_now_us() < end) {
        if (fd >= 0) {
            struct pollfd pf = {fd, POLLIN, 0};
            if (poll(&pf, 1, 20) > 0) {
                ssize_t r = recv(fd, buf + carry, sizeof buf - 1 - carry, 0);
                if (r > 0) {
                    *bytes += (uint64_t)r;
                    size_t n = carry + (size_t)r;
                    buf[n] = 0;
                    for (char *p = buf; (p = memmem(p, n - (size_t)(p - buf), marker, 10)); p += 10)
                        ++*pushed;
                    carry = n < 9 ? n : 9;   /* a marker split across reads */
                    memmove(buf, buf + n - carry, carry);
                }
            }
        } else {
            usleep(20000);
        }
        FILE *f = fopen(log, "r");
        if (f) {
            text[fread(text, 1, sizeof text - 1, f)] = 0;
            fclose(f);
            const char *fr = strstr(text, "frames ");
            if (fr && strstr(fr, " ms ") && strchr(fr, '\n')) {
                ms = atol(strstr(fr, " ms ") + 4);
                break;
            }
        }
    }
    if (fd >= 0)
        close(fd);
    kill(pid, port ? SIGKILL : SIGTERM);
    waitpid(pid, NULL, 0);
    unlink(img);
    unlink(log);
    return ms;
}

int main(int argc, char **argv)
{
    int frames = argc > 1 ? atoi(argv[1]) : 1500;
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    char img[128];
    snprintf(img, sizeof img, "/tmp/phantom-display-bench-%d.img", (int)getpid());
    uint64_t pushed, bytes;
    printf("| display | frames drawn/s | frames pushed/s | bytes sent/s | bytes per pushed frame |\n");
    printf("|---|---|---|---|---|\n");
    long off = run(img, 0, false, frames, &pushed, &bytes);
    printf("| off | %.0f | - | - | - |\n", off > 0 ? frames * 1000.0 / off : 0);
    long idle = run(img, hc_free_port(), false, frames, &pushed, &bytes);
    printf("| on, nobody watching | %.0f | - | - | - |\n", idle > 0 ? frames * 1000.0 / idle : 0);
    long watched = run(img, hc_free_port(), true, frames, &pushed, &bytes);
    double s = watched > 0 ? watched / 1000.0 : 1;
    printf("| on, one browser | %.0f | %.1f | %.0f | %.0f |\n", watched > 0 ? frames / s : 0, pushed / s, bytes / s,
           pushed ? (double)bytes / (double)pushed : 0);
    printf("\n(%d frames of a 400x300 window; display on vs off: %.1f%% of the drawing speed kept with nobody "
           "watching, %.1f%% with one browser)\n",
           frames, off > 0 && idle > 0 ? 100.0 * off / idle : 0, off > 0 && watched > 0 ? 100.0 * off / watched : 0);
    return 0;
}
