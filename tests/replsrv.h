/*
 * replsrv.h - `phantom replica-server` as a child of a test: started on a
 * free port (port 0, or the port it had before, for a restart the world
 * must find again), its "listening on ADDR:PORT" line read, killed with
 * SIGKILL.  Its standard error goes to a file the test may search.  Also
 * a key file for --replica-key.
 *
 * Include after testlib.h.
 */
#ifndef PHANTOM_TESTS_REPLSRV_H
#define PHANTOM_TESTS_REPLSRV_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct t_replsrv {
    pid_t pid;
    unsigned port;
    char uri[64];      /* tcp://127.0.0.1:PORT */
    char err[300];     /* its standard error */
} t_replsrv;

/* A key file of 32 random characters at path, mode mode (0600: usable). */
static inline void t_key_file(const char *path, unsigned mode, uint64_t *rng)
{
    char key[33];
    for (int i = 0; i < 32; i++)
        key[i] = "0123456789abcdef"[t_rand(rng) % 16];
    key[32] = '\n';
    FILE *f = fopen(path, "w");
    REQUIRE(f && fwrite(key, 1, sizeof key, f) == sizeof key && fclose(f) == 0);
    REQUIRE(chmod(path, mode) == 0);
}

/* Starts a server writing image, with key, on port (0: any free one).
 * Returns false if it could not listen there (a restart whose port was
 * taken meanwhile). */
static inline bool t_replsrv_start(t_replsrv *s, const char *image, const char *key, unsigned port,
                                   const char *errfile)
{
    char phantom[300], listen[32];
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(listen, sizeof listen, "127.0.0.1:%u", port);
    snprintf(s->err, sizeof s->err, "%s", errfile);
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    pid_t parent = getpid();
    s->pid = fork();
    REQUIRE(s->pid >= 0);
    if (s->pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(0);
        close(fds[0]);
        dup2(fds[1], 1);
        int e = open(errfile, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (e >= 0)
            dup2(e, 2);
        execl(phantom, phantom, "replica-server", "--listen", listen, "--image", image, "--replica-key", key, "-v",
              (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char line[128];
    size_t n = 0;
    for (;;) {
        ssize_t k = read(fds[0], line + n, 1);
        if (k < 0 && errno == EINTR)
            continue;
        if (k != 1 || line[n] == '\n' || ++n == sizeof line - 1)
            break;
    }
    line[n] = 0;
    close(fds[0]);
    const char *colon = strrchr(line, ':');
    if (strncmp(line, "listening on ", 13) || !colon) {
        uint8_t *msg;
        size_t len;
        if (hal_file_read_all(errfile, 1u << 20, &msg, &len) == 0) {
            fprintf(stderr, "replica-server did not start; its messages:\n%s\n",
                    (const char *)msg + (len > 2000 ? len - 2000 : 0));
            free(msg);
        }
        kill(s->pid, SIGKILL);
        waitpid(s->pid, NULL, 0);
        s->pid = 0;
        return false;
    }
    s->port = (unsigned)atoi(colon + 1);
    snprintf(s->uri, sizeof s->uri, "tcp://127.0.0.1:%u", s->port);
    return true;
}

static inline void t_replsrv_kill(t_replsrv *s)
{
    if (s->pid <= 0)
        return;
    kill(s->pid, SIGKILL);
    waitpid(s->pid, NULL, 0);
    s->pid = 0;
}

/* Whether the server's standard error so far holds text. */
static inline bool t_replsrv_said(const t_replsrv *s, const char *text)
{
    uint8_t *buf;
    size_t len;
    if (hal_file_read_all(s->err, 1u << 24, &buf, &len))
        return false;
    bool yes = strstr((const char *)buf, text) != NULL;
    free(buf);
    return yes;
}

#endif
