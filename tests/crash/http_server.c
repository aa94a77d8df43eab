/*
 * http_server.c - examples/kv_server.ph (over .phantom.net.http) against
 * real clients, abuse and load, beside competing CPU load:
 *
 *  1. curl, as a user would drive it: PUT, GET, 404, the key count, incr,
 *     a chunked upload, a large upload (curl asks "Expect: 100-continue"),
 *     two requests on one kept-alive connection (skipped, in one line, if
 *     curl is not installed);
 *  2. abuse from raw sockets: a 1 MiB header line (431), 200 header fields
 *     (431), a 50 MB Content-Length never sent (413), 64 KiB of binary
 *     garbage (400), a request cut off and the connection dropped: each
 *     answered or dropped without harm, and the server still serves;
 *  3. load: 1,000 keep-alive connections held open (each has made a
 *     request) while 16 others send increments for 3 s; then every one of
 *     the 1,000 still answers.  The server's peak resident memory (VmHWM)
 *     must stay under 64 MiB (measured: about 15 MiB, 5 KiB per idle
 *     connection; docs/LIBRARY.md); under the sanitizers, whose shadow
 *     memory and quarantine multiply it, under 4 times that.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "testlib.h"
#include "killrun.h"
#include "httpc.h"

#define IDLE_CONNECTIONS 1000
#define ACTIVE_CONNECTIONS 16
#define HTTP_LOAD_BOUND_MIB 64

static char phantom[512], dir[64], base[64];
static int port;

/* Runs a shell command; its standard output (cut to cap) in out. */
static void sh(const char *cmd, char *out, size_t cap)
{
    FILE *p = popen(cmd, "r");
    REQUIRE(p);
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = 0;
    pclose(p);
}

static void expect_sh(const char *cmd, const char *want)
{
    char out[4096];
    sh(cmd, out, sizeof out);
    if (strcmp(out, want))
        printf("http_server: `%s` printed \"%s\", not \"%s\"\n", cmd, out, want);
    CHECK(!strcmp(out, want));
}

static void with_curl(void)
{
    if (system("command -v curl >/dev/null 2>&1") != 0) {
        printf("http_server: curl is not installed (apt-get install curl): the curl checks are skipped\n");
        return;
    }
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "curl -s -X PUT --data-binary 'hello world' %s/kv/greeting", base);
    expect_sh(cmd, "ok");
    snprintf(cmd, sizeof cmd, "curl -s %s/kv/greeting", base);
    expect_sh(cmd, "hello world");
    snprintf(cmd, sizeof cmd, "curl -s -o /dev/null -w '%%{http_code}' %s/kv/absent", base);
    expect_sh(cmd, "404");
    snprintf(cmd, sizeof cmd, "curl -s -X POST %s/kv/n/incr; curl -s -X POST %s/kv/n/incr", base, base);
    expect_sh(cmd, "12");
    snprintf(cmd, sizeof cmd, "curl -s %s/kv", base);
    expect_sh(cmd, "2");
    snprintf(cmd, sizeof cmd, "printf 'sent in chunks' | curl -s -X PUT -H 'Transfer-Encoding: chunked' -T - %s/kv/chunked && curl -s %s/kv/chunked", base, base);
    expect_sh(cmd, "oksent in chunks");
    /* 600,000 bytes: curl sends "Expect: 100-continue" and waits for it */
    snprintf(cmd, sizeof cmd, "head -c 600000 /dev/zero | tr '\\0' x > %s/big && curl -s -X PUT --data-binary @%s/big %s/kv/big && "
             "curl -s %s/kv/big | cmp -s - %s/big && echo same", dir, dir, base, base, dir);
    expect_sh(cmd, "oksame\n");
    /* two URLs in one curl: the second reuses the kept-alive connection */
    snprintf(cmd, sizeof cmd, "curl -s -w ' %%{num_connects};' %s/kv/greeting %s/kv/greeting", base, base);
    expect_sh(cmd, "hello world 1;hello world 0;");
    snprintf(cmd, sizeof cmd, "curl -s -o /dev/null -w '%%{http_code}' -X DELETE %s/kv/greeting", base);
    expect_sh(cmd, "405");
    printf("http_server: curl: PUT, GET, 404, count, incr, chunked and 600 KB uploads, keep-alive, 405 as expected\n");
}

/* Sends what it can of p (the server may answer and stop reading first)
 * and returns the status of the answer, or -1 if there is none. */
static int abuse(const char *p, size_t n)
{
    hc_conn *c = calloc(1, sizeof *c);
    REQUIRE(c);
    c->fd = hc_dial(port, 20000);
    REQUIRE(c->fd >= 0);
    size_t sent = 0;
    while (sent < n) {
        ssize_t w = send(c->fd, p + sent, n - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) {
            sent += (size_t)w;
            continue;
        }
        struct pollfd pf = {c->fd, POLLOUT | POLLIN, 0};
        if (w < 0 && errno != EAGAIN)
            break;
        if (poll(&pf, 1, 5000) <= 0 || (pf.revents & POLLIN))
            break;   /* answered (or stuck): read the answer */
    }
    hc_reply r;
    char body[256];
    int status = hc_read(c, 20000, &r, body, sizeof body) ? r.status : -1;
    close(c->fd);
    free(c);
    return status;
}

static void still_serves(void)
{
    hc_conn c = {.fd = hc_dial(port, 20000)};
    char body[64];
    CHECK(hc_call(&c, "GET", "/kv", NULL, body, sizeof body, 20000) == 200);
    close(c.fd);
}

static void with_abuse(void)
{
    size_t big = 1 << 20;
    char *p = malloc(big + 256);
    REQUIRE(p);
    int n = sprintf(p, "GET /kv/n HTTP/1.1\r\nX-Long: ");
    memset(p + n, 'a', big);
    memcpy(p + n + big, "\r\n\r\n", 4);
    CHECK(abuse(p, (size_t)n + big + 4) == 431);
    still_serves();
    n = sprintf(p, "GET /kv/n HTTP/1.1\r\n");
    for (int i = 0; i < 200; i++)
        n += sprintf(p + n, "X-%d: v\r\n", i);
    n += sprintf(p + n, "\r\n");
    CHECK(abuse(p, (size_t)n) == 431);
    n = sprintf(p, "PUT /kv/huge HTTP/1.1\r\nContent-Length: 50000000\r\n\r\n");
    CHECK(abuse(p, (size_t)n) == 413);
    still_serves();
    uint64_t rng = 12345;
    for (size_t i = 0; i < 65536; i++)
        p[i] = (char)(t_rand(&rng) | 1);   /* no NUL, no stray empty line */
    p[0] = 'X';
    memcpy(p + 65536, "\r\n\r\n", 4);
    int st = abuse(p, 65540);
    CHECK(st == 400 || st == 414 || st == 431);
    /* a request cut off: the client goes away in the middle */
    int fd = hc_dial(port, 20000);
    CHECK(hc_write_all(fd, "PUT /kv/cut HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc", 47));
    close(fd);
    still_serves();
    free(p);
    printf("http_server: a 1 MiB header line (431), 200 fields (431), a 50 MB body announced (413), binary garbage "
           "(%d), a cut request: the server still serves\n", st);
}

static void with_load(pid_t server)
{
    static hc_conn idle[IDLE_CONNECTIONS], active[ACTIVE_CONNECTIONS];
    char body[64];
    long rss_before = hc_proc_kib(server, "VmRSS");
    uint64_t t0 = hc_now_us();
    int opened = 0;
    for (int i = 0; i < IDLE_CONNECTIONS; i++) {   /* all asked at once: their replies share snapshots */
        idle[i].fd = hc_dial(port, 20000);
        REQUIRE(idle[i].fd >= 0);
        idle[i].len = 0;
        CHECK(hc_send(idle[i].fd, "GET", "/kv", NULL));
    }
    for (int i = 0; i < IDLE_CONNECTIONS; i++) {
        hc_reply r;
        opened += hc_read(&idle[i], 60000, &r, body, sizeof body) && r.status == 200;
    }
    CHECK(opened == IDLE_CONNECTIONS);
    double open_s = (double)(hc_now_us() - t0) / 1e6;
    long rss_idle = hc_proc_kib(server, "VmRSS");
    for (int i = 0; i < ACTIVE_CONNECTIONS; i++) {
        active[i].fd = hc_dial(port, 20000);
        REQUIRE(active[i].fd >= 0);
        active[i].len = 0;
        CHECK(hc_send(active[i].fd, "POST", "/kv/load/incr", ""));
    }
    long done = 0, failed = 0;
    uint64_t end = hc_now_us() + 3000000u;
    while (hc_now_us() < end) {
        struct pollfd pf[ACTIVE_CONNECTIONS];
        for (int i = 0; i < ACTIVE_CONNECTIONS; i++)
            pf[i] = (struct pollfd){active[i].fd, POLLIN, 0};
        if (poll(pf, ACTIVE_CONNECTIONS, 100) <= 0)
            continue;
        for (int i = 0; i < ACTIVE_CONNECTIONS; i++) {
            if (!pf[i].revents)
                continue;
            hc_reply r;
            if (hc_read(&active[i], 20000, &r, body, sizeof body) && r.status == 200) {
                done++;
                if (!hc_send(active[i].fd, "POST", "/kv/load/incr", ""))
                    failed++;
            } else {
                failed++;
            }
        }
    }
    for (int i = 0; i < ACTIVE_CONNECTIONS; i++) {   /* the last replies */
        hc_reply r;
        done += hc_read(&active[i], 20000, &r, body, sizeof body) && r.status == 200;
        close(active[i].fd);
    }
    CHECK(failed == 0);
    hc_conn check = {.fd = hc_dial(port, 20000)};
    CHECK(hc_call(&check, "GET", "/kv/load", NULL, body, sizeof body, 20000) == 200 && atol(body) == done);
    close(check.fd);
    int answered = 0;
    for (int i = 0; i < IDLE_CONNECTIONS; i++)
        CHECK(hc_send(idle[i].fd, "GET", "/kv", NULL));
    for (int i = 0; i < IDLE_CONNECTIONS; i++) {
        hc_reply r;
        answered += hc_read(&idle[i], 60000, &r, body, sizeof body) && r.status == 200;
        close(idle[i].fd);
    }
    CHECK(answered == IDLE_CONNECTIONS);
    long hwm = hc_proc_kib(server, "VmHWM");
    long bound_mib = strstr(t_build_dir(), "asan") ? 4 * HTTP_LOAD_BOUND_MIB : HTTP_LOAD_BOUND_MIB;
    CHECK(hwm > 0 && hwm < bound_mib * 1024L);
    printf("http_server: %d idle keep-alive connections opened in %.1f s (resident %ld -> %ld KiB, %.1f KiB each); "
           "%ld increments on %d others in 3 s beside them; all %d answered after; VmHWM %ld KiB (bound %ld MiB)\n",
           IDLE_CONNECTIONS, open_s, rss_before, rss_idle, (double)(rss_idle - rss_before) / IDLE_CONNECTIONS, done,
           ACTIVE_CONNECTIONS, answered, hwm, bound_mib);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 4096) {
        rl.rlim_cur = rl.rlim_max < 4096 ? rl.rlim_max : 4096;
        setrlimit(RLIMIT_NOFILE, &rl);   /* the server inherits it */
    }
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(dir, sizeof dir, "/tmp/phantom-http-XXXXXX");
    REQUIRE(mkdtemp(dir));
    char img[128], portarg[16];
    snprintf(img, sizeof img, "%s/kv.img", dir);
    port = hc_free_port();
    snprintf(portarg, sizeof portarg, "%d", port);
    snprintf(base, sizeof base, "http://127.0.0.1:%d", port);
    t_load_start(2);
    char *run[] = {phantom, "run", "--image", img, "examples/kv_server.ph", "--", portarg, NULL};
    pid_t server = hc_spawn(run, NULL);
    REQUIRE(server > 0);
    int fd = hc_dial(port, 60000);
    REQUIRE(fd >= 0);
    close(fd);
    with_curl();
    with_abuse();
    with_load(server);
    int st = 0;
    CHECK(waitpid(server, &st, WNOHANG) == 0);   /* still running: nothing crashed it */
    kill(server, SIGKILL);
    waitpid(server, NULL, 0);
    t_load_stop();
    t_remove_dir(dir);
    return test_done("http_server");
}
