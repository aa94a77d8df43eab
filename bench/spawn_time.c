/*
 * spawn_time.c - wall time of whole processes: fork, exec, wait; repeated.
 *
 *   spawn_time RUNS WARMUP COMMAND [ARGS...]
 *       Runs COMMAND WARMUP times untimed, then RUNS times timed (fork to
 *       reaped exit).  Prints "median_ms p90_ms min_ms max_ms"; exits 1 if
 *       any run failed.
 *
 *   spawn_time --redis RUNS PORT COMMAND [ARGS...]
 *       Starts COMMAND (a redis-server listening on 127.0.0.1:PORT) RUNS
 *       times; each time measures from fork until the server answers PING
 *       with +PONG (while it loads its RDB it answers -LOADING or refuses
 *       connections; polled every 0.2 ms), then sends SHUTDOWN NOSAVE and
 *       reaps it.  Same output.
 */
#define _GNU_SOURCE
#include "bench_util.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t spawn(char **argv, bool quiet)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (quiet) {
            int fd = open("/dev/null", O_WRONLY);
            if (fd >= 0) {
                dup2(fd, 1);
                dup2(fd, 2);
            }
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    return pid;
}

/* One PING on a fresh connection: 1 PONG, 0 not yet, -1 no connection. */
static int ping(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
        close(fd);
        return -1;
    }
    char buf[256];
    int ok = 0;
    if (write(fd, "PING\r\n", 6) == 6) {
        ssize_t n = read(fd, buf, sizeof buf - 1);
        ok = n >= 5 && !memcmp(buf, "+PONG", 5);
    }
    close(fd);
    return ok;
}

static void shutdown_server(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && !connect(fd, (struct sockaddr *)&a, sizeof a)) {
        if (write(fd, "SHUTDOWN NOSAVE\r\n", 17) < 0) {
            /* the kill below still stops it */
        }
    }
    if (fd >= 0)
        close(fd);
}

int main(int argc, char **argv)
{
    bool redis = argc > 1 && !strcmp(argv[1], "--redis");
    if (argc < (redis ? 5 : 4)) {
        fprintf(stderr, "usage: %s RUNS WARMUP CMD... | --redis RUNS PORT CMD...\n", argv[0]);
        return 2;
    }
    int runs = atoi(argv[redis ? 2 : 1]);
    int warm = redis ? 0 : atoi(argv[2]);
    int port = redis ? atoi(argv[3]) : 0;
    char **cmd = argv + (redis ? 4 : 3);
    uint64_t *t = calloc((size_t)runs + 1, sizeof *t);
    int failed = 0;
    for (int r = -warm; r < runs; r++) {
        uint64_t t0 = bu_now_ns(), t1 = 0;
        pid_t pid = spawn(cmd, redis);
        if (pid < 0)
            bu_die("fork failed");
        int st = 0;
        if (redis) {
            uint64_t deadline = t0 + 120000000000ull;
            while (ping(port) != 1) {
                if (waitpid(pid, &st, WNOHANG) == pid || bu_now_ns() > deadline) {
                    fprintf(stderr, "spawn_time: the server exited or never answered\n");
                    kill(pid, SIGKILL);
                    waitpid(pid, &st, 0);
                    return 1;
                }
                struct timespec ts = {0, 200000};
                nanosleep(&ts, NULL);
            }
            t1 = bu_now_ns();
            shutdown_server(port);
            uint64_t until = bu_now_ns() + 10000000000ull;
            while (waitpid(pid, &st, WNOHANG) != pid) {
                if (bu_now_ns() > until) {
                    kill(pid, SIGKILL);
                    waitpid(pid, &st, 0);
                    break;
                }
                struct timespec ts = {0, 1000000};
                nanosleep(&ts, NULL);
            }
        } else {
            waitpid(pid, &st, 0);
            t1 = bu_now_ns();
            if (!WIFEXITED(st) || WEXITSTATUS(st))
                failed++;
        }
        if (r >= 0)
            t[r] = t1 - t0;
    }
    uint64_t p50 = bu_pct(t, (size_t)runs, 50), p90 = bu_pct(t, (size_t)runs, 90),
             mn = bu_pct(t, (size_t)runs, 0), mx = bu_pct(t, (size_t)runs, 100);
    printf("%.2f %.2f %.2f %.2f\n", bu_ms(p50), bu_ms(p90), bu_ms(mn), bu_ms(mx));
    if (failed)
        fprintf(stderr, "spawn_time: %d runs failed\n", failed);
    return failed ? 1 : 0;
}
