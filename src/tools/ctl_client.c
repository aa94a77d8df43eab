/*
 * ctl_client.c - the control socket's client (ctl.h): `phantom attach`,
 * `phantom snapshot` and `phantom stop`, and the request `phantom update`
 * sends to a running world.  Each works on a running world through its
 * socket; snapshot and stop also on a stopped one (opening the image).
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../persist/pw.h"
#include "ctl.h"
#include "shell.h"
#include "tools.h"

#define CLIENT_SEND_TIMEOUT_MS 10000

int tool_ctl_connect(const char *image, hal_sock *s)
{
    char path[1100];
    tool_ctl_path(image, path, sizeof path);
    return hal_unix_connect(path, s);
}

int tool_ctl_send_all(hal_sock s, const void *p, size_t n, int timeout_ms)
{
    const char *b = p;
    while (n) {
        long w = hal_net_send(s, b, n);
        if (w == -EAGAIN) {
            if (hal_net_wait(s, HAL_POLL_OUT, timeout_ms) <= 0)
                return -1;
            continue;
        }
        if (w <= 0)
            return -1;
        b += w;
        n -= (size_t)w;
    }
    return 0;
}

static atomic_bool ctrl_c;

static void on_interrupt(void *ctx)
{
    (void)ctx;
    atomic_store(&ctrl_c, true);
}

int tool_ctl_receive(hal_sock s, tool_ctl_inbox *in, int timeout_ms, tool_ctl_take_fn *take, void *ctx)
{
    if (hal_net_wait(s, HAL_POLL_IN, timeout_ms) <= 0)
        return TOOL_CTL_MORE;
    if (in->n + 65536 > in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 131072;
        unsigned char *p = cap <= 2 * (size_t)CTL_MAX_FRAME ? realloc(in->p, cap) : NULL;
        if (!p)
            return TOOL_CTL_GONE;
        in->p = p;
        in->cap = cap;
    }
    long r = hal_net_recv(s, in->p + in->n, in->cap - in->n);
    if (r == -EAGAIN)
        return TOOL_CTL_MORE;
    if (r <= 0)
        return TOOL_CTL_GONE;
    in->n += (size_t)r;
    size_t at = 0;
    int status = TOOL_CTL_MORE;
    while (status == TOOL_CTL_MORE && in->n - at >= 5) {
        const unsigned char *f = in->p + at;
        size_t len = (size_t)f[1] << 24 | (size_t)f[2] << 16 | (size_t)f[3] << 8 | f[4];
        if (in->n - at - 5 < len)
            break;
        const char *d = (const char *)f + 5;
        if (f[0] == CTL_EXIT)
            status = len ? (unsigned char)d[0] : 2;
        else
            take(ctx, f[0], d, len);
        at += 5 + len;
    }
    memmove(in->p, in->p + at, in->n - at);
    in->n -= at;
    return status;
}

void tool_ctl_inbox_free(tool_ctl_inbox *in)
{
    free(in->p);
    *in = (tool_ctl_inbox){0};
}

/* A frame for the terminal or a script: prompts only on a terminal. */
static void show_frame(void *ctx, int tag, const char *d, size_t len)
{
    bool tty = *(const bool *)ctx;
    if (tag == CTL_OUT || (tag == CTL_PROMPT && tty))
        hal_console_write(1, d, len);
    else if (tag == CTL_ERR)
        hal_console_write(2, d, len);
}

int tool_ctl_request(hal_sock s, const char *line, const void *body, size_t body_len, bool attach)
{
    const int t = CLIENT_SEND_TIMEOUT_MS;
    if (tool_ctl_send_all(s, line, strlen(line), t) < 0 || tool_ctl_send_all(s, "\n", 1, t) < 0 ||
        (body && tool_ctl_send_all(s, body, body_len, t) < 0)) {
        hal_console_printf(2, "phantom: the world's control socket closed the connection\n");
        hal_net_close(s);
        return 2;
    }
    bool tty = hal_console_is_tty(0) && hal_console_is_tty(1), in_eof = !attach;
    if (attach && tty && hal_lineedit_has_editing())
        return tool_ctl_attach_edited(s);
    if (attach)
        hal_on_interrupt(on_interrupt, NULL);
    tool_ctl_inbox in = {0};
    int status = TOOL_CTL_MORE;
    while (status == TOOL_CTL_MORE) {
        if (!in_eof && atomic_exchange(&ctrl_c, false)) {
            hal_on_interrupt(on_interrupt, NULL);   /* re-armed: a second Ctrl-C is not fatal */
            tool_ctl_send_all(s, "\003\n", 2, t);
        }
        if (!in_eof && hal_console_wait_input(0) > 0) {
            char *l;
            long n = hal_console_read_whole_line(&l, CTL_MAX_FRAME);
            if (n > 0) {
                tool_ctl_send_all(s, l, (size_t)n, t);
                if (l[n - 1] != '\n')
                    tool_ctl_send_all(s, "\n", 1, t);
                free(l);
            } else {   /* Ctrl-D: detach */
                hal_net_shutdown_write(s);
                in_eof = true;
            }
        }
        status = tool_ctl_receive(s, &in, in_eof ? 1000 : 50, show_frame, &tty);
    }
    if (attach)
        hal_on_interrupt(NULL, NULL);
    tool_ctl_inbox_free(&in);
    hal_net_close(s);
    if (status < 0) {
        hal_console_printf(2, "phantom: the world's process went away\n");
        return 2;
    }
    return status;
}

/* --image PATH only; `cmd` names the command in messages. */
static int image_arg(int argc, char **argv, const char **image, const char *cmd)
{
    *image = tool_default_image();
    for (int i = 0; i < argc; i++) {
        const char *v;
        int r = tool_option(argc, argv, &i, "--image", &v, cmd);
        if (r < 0)
            return -1;
        if (r > 0) {
            *image = v;
            continue;
        }
        hal_console_printf(2, "phantom %s: %s '%s' (see phantom %s --help)\n", cmd,
                           argv[i][0] == '-' ? "unknown option" : "unexpected argument", argv[i], cmd);
        return -1;
    }
    return 0;
}

static bool not_running(int rc) { return rc == -ENOENT || rc == -ECONNREFUSED; }

void help_attach(void)
{
    hal_console_printf(1,
        "usage: phantom attach [--image PATH] [--snapshot G]\n"
        "\n"
        "Opens the persistent shell inside the running world (--image PATH, else\n"
        "$PHANTOM_IMAGE, else ./" TOOL_DEFAULT_IMAGE "): the process of `phantom run`, `phantom boot`\n"
        "or the shell that has it open listens on PATH.ctl, a socket only its owner\n"
        "can use.  Several shells may attach at once; they share the workspace\n"
        "(variables and classes declared in one are seen by the others) and see the\n"
        "output of the world's threads.  On a terminal, lines are edited as in the\n"
        "shell (history shared with it; no Tab completion).  Ctrl-C stops the\n"
        "evaluation in progress, or abandons the line being typed;\n"
        "Ctrl-D (or :quit) detaches: the world and its threads go on.  phantom stop\n"
        "stops the world.\n"
        "\n"
        "\n"
        "--snapshot G: the shell on the retained generation G of a stopped world\n"
        "(phantom snapshots lists them), read-only: its threads stay held, code\n"
        "typed runs on a copy of that state in memory, and nothing of it is kept:\n"
        "the image is not written.  phantom boot --snapshot G resumes from it.\n"
        "\n"
        "Exit status: 0 detached, 2 the world is not running or refused.\n");
}

int cmd_attach(int argc, char **argv)
{
    const char *image = tool_default_image(), *v;
    uint64_t snapshot = 0;
    for (int i = 0; i < argc; i++) {
        int r = tool_option(argc, argv, &i, "--image", &v, "attach");
        if (r > 0) {
            image = v;
            continue;
        }
        if (r == 0 && (r = tool_option(argc, argv, &i, "--snapshot", &v, "attach")) > 0) {
            if (tool_parse_generation("attach", "--snapshot", v, &snapshot) < 0)
                return 2;
            continue;
        }
        if (r == 0)
            hal_console_printf(2, "phantom attach: %s '%s' (see phantom attach --help)\n",
                               argv[i][0] == '-' ? "unknown option" : "unexpected argument", argv[i]);
        return 2;
    }
    if (snapshot) {
        hal_sock probe;
        if (tool_ctl_connect(image, &probe) == 0) {
            hal_net_close(probe);
            hal_console_printf(2, "phantom attach: %s: the world is running; --snapshot looks at a stopped world "
                                  "(phantom stop first; phantom info --snapshot G works meanwhile)\n", image);
            return 2;
        }
        return sh_view(image, snapshot);
    }
    hal_sock s;
    int rc = tool_ctl_connect(image, &s);
    if (rc < 0) {
        hal_console_printf(2, "phantom attach: %s: %s\n", image,
                           not_running(rc) ? "the world is not running (phantom boot runs it, phantom opens it in "
                                             "the shell)"
                                           : hal_strerror(rc));
        return 2;
    }
    return tool_ctl_request(s, "attach", NULL, 0, true);
}

void help_snapshot(void)
{
    hal_console_printf(1,
        "usage: phantom snapshot [--image PATH]\n"
        "\n"
        "Takes a snapshot of the world and waits until it is durable: of the running\n"
        "world through its control socket (phantom attach --help), else by opening\n"
        "the image (nothing runs).\n"
        "\n"
        "Exit status: 0 durable, 1 the snapshot failed, 2 no such world.\n");
}

int cmd_snapshot(int argc, char **argv)
{
    const char *image;
    if (image_arg(argc, argv, &image, "snapshot") < 0)
        return 2;
    hal_sock s;
    int rc = tool_ctl_connect(image, &s);
    if (rc == 0)
        return tool_ctl_request(s, "snapshot", NULL, 0, false);
    if (!hal_path_exists(image)) {
        hal_console_printf(2, "phantom snapshot: %s: no such image\n", image);
        return 2;
    }
    pvm_options o = {.image = image};
    pv_vm *vm;
    char err[600];
    int orc = pvm_open(&o, &vm, NULL, err, sizeof err);
    if (orc < 0) {
        tool_open_failed("snapshot", image, orc, err);
        return 2;
    }
    int crc = pvm_close(vm, true);
    if (crc < 0) {
        hal_console_printf(2, "phantom snapshot: %s: the snapshot failed: %s\n", image, pw_strerror(crc));
        return 1;
    }
    hal_console_printf(1, "phantom snapshot: %s (stopped): the snapshot is durable\n", image);
    return 0;
}

void help_stop(void)
{
    hal_console_printf(1,
        "usage: phantom stop [--image PATH]\n"
        "\n"
        "Stops the running world as Ctrl-C does where it runs: every thread stops at\n"
        "its next instruction and a last snapshot saves it (phantom boot continues\n"
        "it).  Sent through the world's control socket (phantom attach --help); a\n"
        "world that is not running is left as it is.\n"
        "\n"
        "Exit status: 0 stopping (or not running), 2 no such world or refused.\n");
}

int cmd_stop(int argc, char **argv)
{
    const char *image;
    if (image_arg(argc, argv, &image, "stop") < 0)
        return 2;
    hal_sock s;
    int rc = tool_ctl_connect(image, &s);
    if (rc == 0)
        return tool_ctl_request(s, "stop", NULL, 0, false);
    if (!not_running(rc) || !hal_path_exists(image)) {
        hal_console_printf(2, "phantom stop: %s: %s\n", image, !hal_path_exists(image) ? "no such image"
                                                                                      : hal_strerror(rc));
        return 2;
    }
    hal_console_printf(1, "phantom stop: %s is not running; nothing to stop\n", image);
    return 0;
}
