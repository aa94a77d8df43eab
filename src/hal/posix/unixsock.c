/*
 * unixsock.c - local (Unix domain) stream sockets (hal.h, "local
 * sockets"): the control socket beside a running world's image.
 *
 * A listening socket's file is made owner-only (0600) right after bind;
 * until then the umask's mode applies, which never lets another user
 * write (connect) under the usual 022.  The peer's user id
 * (SO_PEERCRED) is what the server checks, so a socket file whose mode
 * was widened later still admits only its owner.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "../hal.h"

static int unix_addr(const char *path, struct sockaddr_un *sa)
{
    memset(sa, 0, sizeof *sa);
    sa->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof sa->sun_path)
        return -ENAMETOOLONG;
    strcpy(sa->sun_path, path);
    return 0;
}

static int unix_socket(hal_sock *out)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -errno;
    *out = fd;
    return 0;
}

int hal_unix_connect(const char *path, hal_sock *out)
{
    struct sockaddr_un sa;
    int rc = unix_addr(path, &sa);
    if (rc)
        return rc;
    hal_sock s = -1;
    if ((rc = unix_socket(&s)))
        return rc;
    if (connect(s, (struct sockaddr *)&sa, sizeof sa) < 0) {
        rc = errno == EWOULDBLOCK ? -EAGAIN : -errno;
        close(s);
        return rc;
    }
    *out = s;
    return 0;
}

int hal_unix_listen(const char *path, hal_sock *out)
{
    struct sockaddr_un sa;
    int rc = unix_addr(path, &sa);
    if (rc)
        return rc;
    for (int attempt = 0;; attempt++) {
        hal_sock s = -1;
        if ((rc = unix_socket(&s)))
            return rc;
        if (bind(s, (struct sockaddr *)&sa, sizeof sa) == 0) {
            if (chmod(path, 0600) < 0 || listen(s, 16) < 0) {
                rc = -errno;
                close(s);
                unlink(path);
                return rc;
            }
            *out = s;
            return 0;
        }
        rc = -errno;
        close(s);
        if (rc != -EADDRINUSE || attempt > 0)
            return rc;
        /* A file is there: a live server answers a connect; a stale one
         * (its process was killed) refuses, and is replaced. */
        hal_sock probe;
        int c = hal_unix_connect(path, &probe);
        if (c == 0 || c == -EAGAIN) {
            if (c == 0)
                close(probe);
            return -EADDRINUSE;
        }
        if (c != -ECONNREFUSED && c != -ENOENT)
            return c;
        struct stat st;
        if (lstat(path, &st) == 0 && !S_ISSOCK(st.st_mode))
            return -EEXIST;   /* never remove what is not a socket */
        if (unlink(path) < 0 && errno != ENOENT)
            return -errno;
    }
}

int hal_unix_peer_uid(hal_sock s, uint32_t *uid)
{
    struct ucred cr;
    socklen_t len = sizeof cr;
    if (getsockopt(s, SOL_SOCKET, SO_PEERCRED, &cr, &len) < 0)
        return -errno;
    *uid = (uint32_t)cr.uid;
    return 0;
}

int hal_unix_remove(const char *path)
{
    struct stat st;
    if (lstat(path, &st) < 0)
        return -errno;
    if (!S_ISSOCK(st.st_mode))
        return -EEXIST;
    return unlink(path) < 0 ? -errno : 0;
}

uint32_t hal_getuid(void) { return (uint32_t)getuid(); }
