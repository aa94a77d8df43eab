/*
 * vm_restart.c - host calls across kill -9, the Phantom way.
 *
 *  1. A thread waiting for console input is killed while it waits; the
 *     resumed world issues the read again, gets the line that arrives
 *     after the restart, and the other thread (ticking) kept running
 *     meanwhile, before and after.
 *  2. A thread in a 3 s sleep is killed 1.5 s in; the resumed sleep keeps
 *     its wall-clock deadline, so it wakes well before 3 s after the
 *     restart (a sleep restarted from zero would take 3 s).  The same with
 *     the original's ways to wait (orig_sleeper.ph: boot.sleep, a tmr:
 *     connection's block, and an armed tmr: timer whose callback runs
 *     after the restart).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"

static char phantom[512];

static uint64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Starts phantom with argv; its stdin and stdout become pipes. */
static pid_t spawn(char *const argv[], int *in_fd, int *out_fd)
{
    int in[2], out[2];
    REQUIRE(pipe(in) == 0 && pipe(out) == 0);
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    *in_fd = in[1];
    *out_fd = out[0];
    return pid;
}

/* Reads from fd until `want` appears in what was read (returns true) or
 * the process's output ends or ms pass. */
static bool read_until(int fd, const char *want, char *buf, size_t cap, size_t *len, int ms)
{
    uint64_t end = now_ms() + (uint64_t)ms;
    while (now_ms() < end) {
        if (*len < cap - 1) {
            fd_set s;
            FD_ZERO(&s);
            FD_SET(fd, &s);
            struct timeval tv = {0, 50000};
            if (select(fd + 1, &s, NULL, NULL, &tv) > 0) {
                ssize_t n = read(fd, buf + *len, cap - 1 - *len);
                if (n <= 0)
                    return strstr(buf, want) != NULL;
                *len += (size_t)n;
                buf[*len] = 0;
            }
        }
        if (strstr(buf, want))
            return true;
    }
    return false;
}

static int count(const char *s, const char *word)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, word)); p += strlen(word))
        n++;
    return n;
}

static void reissued_read(const char *img)
{
    char *run[] = {phantom, "run", "--image", (char *)img, "--snapshot-interval", "20",
                   "tests/vm/persist/reader.pasm", NULL};
    char *boot[] = {phantom, "boot", "--image", (char *)img, "--snapshot-interval", "20", NULL};
    char buf[65536] = "";
    size_t len = 0;
    int in, out;
    pid_t pid = spawn(run, &in, &out);
    /* Several ticks while the main thread waits for input: snapshots
     * happen meanwhile. */
    CHECK(read_until(out, "tick\ntick\ntick\ntick\ntick\n", buf, sizeof buf, &len, 20000));
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    close(in);
    close(out);

    len = 0;
    buf[0] = 0;
    pid = spawn(boot, &in, &out);
    CHECK(read_until(out, "tick\ntick\n", buf, sizeof buf, &len, 20000));   /* the ticker resumed */
    CHECK(write(in, "after restart\n", 14) == 14);
    close(in);   /* then end of input */
    CHECK(read_until(out, "eof\n", buf, sizeof buf, &len, 20000));
    CHECK(strstr(buf, "got: after restart\n") != NULL);
    CHECK(count(buf, "got: ") == 1);
    int st;
    waitpid(pid, &st, 0);
    close(out);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static void kept_deadline(const char *img, const char *program)
{
    char *run[] = {phantom, "run", "--image", (char *)img, "--snapshot-interval", "20", (char *)program, NULL};
    char *boot[] = {phantom, "boot", "--image", (char *)img, NULL};
    char buf[4096] = "";
    size_t len = 0;
    int in, out;
    pid_t pid = spawn(run, &in, &out);
    CHECK(read_until(out, "sleeping\n", buf, sizeof buf, &len, 20000));
    usleep(1500000);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    close(in);
    close(out);

    len = 0;
    buf[0] = 0;
    uint64_t t0 = now_ms();
    pid = spawn(boot, &in, &out);
    close(in);
    CHECK(read_until(out, "woke\n", buf, sizeof buf, &len, 20000));
    uint64_t took = now_ms() - t0;
    printf("vm_restart: %s: the 3 s sleep, killed 1.5 s in, woke %llu ms after the restart\n", program,
           (unsigned long long)took);
    CHECK(took < 2700);
    CHECK(strstr(buf, "sleeping") == NULL);   /* the print before the sleep is not repeated */
    if (strstr(program, "orig_"))
        CHECK(strstr(buf, "tick\n") != NULL);   /* the timer armed before the kill fired after it */
    int st;
    waitpid(pid, &st, 0);
    close(out);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

int main(void)
{
    const char *b = getenv("BUILD");
    snprintf(phantom, sizeof phantom, "%s/phantom", b && *b ? b : "build");
    signal(SIGPIPE, SIG_IGN);
    char dir[] = "/tmp/phantom-vmrestart-XXXXXX";
    REQUIRE(mkdtemp(dir));
    char img[600];
    snprintf(img, sizeof img, "%s/r.img", dir);
    reissued_read(img);
    remove(img);
    kept_deadline(img, "tests/vm/persist/sleeper.pasm");
    remove(img);
    kept_deadline(img, "tests/vm/persist/orig_sleeper.ph");
    remove(img);
    rmdir(dir);
    return test_done("vm_restart");
}
