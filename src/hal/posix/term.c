/*
 * term.c - the terminal for interactive tools (hal.h): raw mode, reading
 * standard input with a timeout, the window's width, the environment.
 */
#define _GNU_SOURCE
#include "../hal.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved;
static bool have_saved, is_raw;

int hal_term_raw(bool on)
{
    if (on == is_raw)
        return 0;
    if (!have_saved) {
        if (tcgetattr(STDIN_FILENO, &saved) < 0)
            return -errno;
        have_saved = true;
    }
    struct termios t = saved;
    if (on) {
        t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
        t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
        t.c_cflag |= CS8;
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
    }
    if (tcsetattr(STDIN_FILENO, TCSADRAIN, &t) < 0)
        return -errno;
    is_raw = on;
    return 0;
}

long hal_console_read(char *buf, size_t cap, int timeout_ms)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    int r = poll(&p, 1, timeout_ms);
    if (r < 0)
        return -errno;
    if (r == 0)
        return -EAGAIN;
    ssize_t n = read(STDIN_FILENO, buf, cap);
    return n < 0 ? -errno : (long)n;
}

int hal_term_columns(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

const char *hal_getenv(const char *name)
{
    return getenv(name);
}
