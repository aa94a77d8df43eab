/*
 * net_drop.c - sockets a program lets go of without close() are closed
 * for it (docs/TRANSIENT.md, "Dropped sockets"), as a user would see:
 *
 *  1. tests/crash/net/dropper.ph makes 2,000 connections to its own
 *     server and drops both ends of each; run with a limit of 128 open
 *     files, it would fail in about 60 rounds if dropped sockets stayed
 *     open (it did, before), and must finish;
 *  2. tests/crash/net/dropserver.ph answers each of three clients with a
 *     line and drops the connection: each client reads its line and then
 *     the end of the stream (the line, held for output commit, still
 *     leaves before the close), never a hang.
 */
#define _GNU_SOURCE
#include "runner.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static char phantom[512];

static void dropper(void)
{
    char img[600];
    snprintf(img, sizeof img, "%s/dropper.img", tmpdir);
    memcpy(cur_img, img, sizeof cur_img);
    struct rlimit old;
    need(getrlimit(RLIMIT_NOFILE, &old) == 0, "getrlimit");
    struct rlimit low = {old.rlim_max < 128 ? old.rlim_max : 128, old.rlim_max};   /* the soft limit only */
    need(setrlimit(RLIMIT_NOFILE, &low) == 0, "setrlimit");
    char *argv[] = {phantom, "run", "--image", img, "tests/crash/net/dropper.ph", NULL};
    result r = {0};
    run(argv, "/dev/null", NULL, &r);
    need(setrlimit(RLIMIT_NOFILE, &old) == 0, "setrlimit");
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    CHECK(strstr(r.out.p, "done 2000") != NULL);
    CHECK(strstr(r.out.p, "BAD") == NULL);
    if (t_failures)
        print_indented("standard error", &r.err, 20);
    printf("  dropper: 2000 rounds of dropped connections with 128 open files allowed: %s (%.1f s)\n",
           t_failures ? "FAILED" : "finished", r.ms / 1000.0);
    unlink(img);
    buf_free(&r.out);
    buf_free(&r.err);
}

/* Reads from fd until the end of the stream or 10 s: what came, and
 * whether the stream ended. */
static bool read_to_end(int fd, char *got, size_t cap)
{
    size_t n = 0;
    int64_t until = now_ms() + 10000;
    while (now_ms() < until) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 200) <= 0)
            continue;
        ssize_t k = read(fd, got + n, cap - 1 - n);
        if (k <= 0) {
            got[n] = 0;
            return k == 0;
        }
        n += (size_t)k;
    }
    got[n] = 0;
    return false;
}

static void dropserver(void)
{
    char img[600], port_line[64] = "";
    snprintf(img, sizeof img, "%s/dropserver.img", tmpdir);
    int po[2];
    need(pipe(po) == 0, "pipe");
    fflush(NULL);
    pid_t pid = fork();
    need(pid >= 0, "fork");
    if (pid == 0) {
        dup2(po[1], 1);
        close(po[0]);
        execl(phantom, phantom, "run", "--image", img, "tests/crash/net/dropserver.ph", (char *)NULL);
        _exit(127);
    }
    child_pid = pid;
    close(po[1]);
    FILE *out = fdopen(po[0], "r");
    need(out && fgets(port_line, sizeof port_line, out), "the server's port line");
    int port = 0;
    CHECK(sscanf(port_line, "port %d", &port) == 1 && port > 0);
    for (int i = 0; i < 3 && port > 0; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        need(fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) == 0, "connect");
        char got[256], want[32];
        bool ended = read_to_end(fd, got, sizeof got);
        snprintf(want, sizeof want, "bye %d\r\n", i);   /* writeLine ends lines with CRLF */
        if (strcmp(got, want))
            printf("  client %d: got %zu bytes: [%s]\n", i, strlen(got), got);
        CHECK(!strcmp(got, want));
        CHECK(ended);
        printf("  client %d read '%.*s' then %s\n", i, (int)strcspn(got, "\n"), got,
               ended ? "the end of the stream" : "nothing for 10 s");
        close(fd);
    }
    char last[64] = "";
    CHECK(fgets(last, sizeof last, out) && !strcmp(last, "served 3\n"));
    fclose(out);
    int st;
    waitpid(pid, &st, 0);
    child_pid = 0;
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    unlink(img);
}

int main(void)
{
    runner_start("net_drop", phantom, sizeof phantom);
    dropper();
    dropserver();
    t_remove_dir(tmpdir);
    tmpdir[0] = 0;
    return test_done("net_drop");
}
