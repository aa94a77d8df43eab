/*
 * nbdkit.h - an nbdkit server for the tests of images on NBD exports: a
 * child process serving one export on a Unix socket in a scratch
 * directory, started and killed by PID (never by name).  It dies with the
 * test (--exit-with-parent), and outlives any Phantom child the test kills.
 *
 * Include after testlib.h.
 */
#ifndef PHANTOM_TESTS_NBDKIT_H
#define PHANTOM_TESTS_NBDKIT_H

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct t_nbdkit {
    pid_t pid;          /* 0: not running */
    char sock[256];     /* the Unix socket */
    char uri[320];      /* nbd+unix:///?socket=... */
    char dir[256];
    char args[8][320];  /* what follows the socket on nbdkit's command line */
    int nargs;
} t_nbdkit;

/* Whether the NBD tests can run: this build has libnbd and nbdkit is
 * installed.  If not, says why in one line, as a skipped test does. */
static inline bool t_nbdkit_usable(const char *test)
{
    if (!hal_blockdev_nbd_supported()) {
        printf("%s: skipped: this build has no NBD support (libnbd-dev)\n", test);
        return false;
    }
    if (system("command -v nbdkit >/dev/null 2>&1") != 0) {
        printf("%s: skipped: nbdkit is not installed (apt-get install nbdkit)\n", test);
        return false;
    }
    return true;
}

/* Starts `nbdkit PLUGIN ARGS...` (args NULL terminated) serving on
 * dir/nbd.sock; returns once the socket accepts, or fails the test. */
static inline void t_nbdkit_start(t_nbdkit *k, const char *dir, const char *const *args)
{
    snprintf(k->dir, sizeof k->dir, "%s", dir);
    for (k->nargs = 0; args[k->nargs] && k->nargs < 8; k->nargs++)
        snprintf(k->args[k->nargs], sizeof k->args[0], "%s", args[k->nargs]);
    snprintf(k->sock, sizeof k->sock, "%s/nbd.sock", k->dir);
    snprintf(k->uri, sizeof k->uri, "nbd+unix:///?socket=%s", k->sock);
    unlink(k->sock); /* a server killed with SIGKILL leaves its socket */
    const char *argv[32] = {"nbdkit", "--foreground", "--exit-with-parent", "--unix", k->sock};
    int n = 5;
    for (int i = 0; i < k->nargs; i++)
        argv[n++] = k->args[i];
    argv[n] = NULL;
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        execvp("nbdkit", (char *const *)argv);
        _exit(127);
    }
    k->pid = pid;
    for (int i = 0; i < 500; i++) { /* up to 10 s on a loaded machine */
        hal_blockdev *d;
        if (access(k->sock, F_OK) == 0 && hal_blockdev_open(k->uri, HAL_BD_READONLY, &d) == 0) {
            d->ops->close(d);
            return;
        }
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            fprintf(stderr, "nbdkit exited before serving (status %d)\n", status);
            k->pid = 0;
            REQUIRE(!"nbdkit starts");
        }
        usleep(20000);
    }
    REQUIRE(!"nbdkit serves within 10 s");
}

/* Starts the server again as it was started last (after t_nbdkit_kill). */
static inline void t_nbdkit_serve_again(t_nbdkit *k)
{
    t_nbdkit last = *k; /* t_nbdkit_start rewrites k */
    const char *args[9];
    for (int i = 0; i < last.nargs; i++)
        args[i] = last.args[i];
    args[last.nargs] = NULL;
    t_nbdkit_start(k, last.dir, args);
}

/* Kills the server (SIGKILL: as if its machine went away) and reaps it. */
static inline void t_nbdkit_kill(t_nbdkit *k)
{
    if (!k->pid)
        return;
    kill(k->pid, SIGKILL);
    waitpid(k->pid, NULL, 0);
    k->pid = 0;
}

/* Serves dir/world.img, a new sparse file of size bytes, with nbdkit's
 * file plugin (quiet: --log=null, for tests whose killed clients make the
 * server complain). */
static inline void t_nbdkit_serve_file(t_nbdkit *k, const char *dir, uint64_t size, bool quiet)
{
    char file[300], arg[320];
    snprintf(file, sizeof file, "%s/world.img", dir);
    snprintf(arg, sizeof arg, "file=%s", file);
    FILE *f = fopen(file, "w");
    REQUIRE(f != NULL);
    REQUIRE(ftruncate(fileno(f), (off_t)size) == 0);
    fclose(f);
    const char *loud[] = {"file", arg, NULL}, *silent[] = {"--log=null", "file", arg, NULL};
    t_nbdkit_start(k, dir, quiet ? silent : loud);
}

#endif
