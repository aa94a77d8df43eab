/*
 * cmd_replica.c - `phantom replica-server`: keeps an image a replica of a
 * world on another machine that runs with --replica tcp://HOST:PORT
 * (pw_replica_serve; docs/STORAGE.md, "Replicas over TCP").
 */
#include "../persist/pw.h"
#include "tools.h"

#include <stdatomic.h>
#include <string.h>

void help_replica_server(void)
{
    hal_console_printf(1,
        "usage: phantom replica-server --listen [ADDR:]PORT --image PATH --replica-key FILE [-v]\n"
        "\n"
        "Receives a world's snapshots from `phantom run|boot|shell --replica\n"
        "tcp://HOST:PORT --replica-key FILE` on another machine and writes them into\n"
        "the image PATH (created if missing) with the same commit protocol as a\n"
        "local image: PATH is always a complete, valid image at most one snapshot\n"
        "behind the world's, so if that machine is lost, stop this server and\n"
        "`phantom boot --image PATH` resumes the world here.\n"
        "\n"
        "  --listen [ADDR:]PORT  where to listen (ADDR default 127.0.0.1: this machine\n"
        "                        only; 0.0.0.0 or [::] for every interface; PORT 0:\n"
        "                        any free port, printed)\n"
        "  --image PATH          the replica image (a file, device or NBD URI); one\n"
        "                        holding another world's image is never overwritten\n"
        "  --replica-key FILE    the shared secret (16 to 4096 bytes, in a file only\n"
        "                        its owner may read: chmod 600), the same file as the\n"
        "                        world's; make one with\n"
        "                        head -c 32 /dev/urandom | base64 > FILE\n"
        "  -v                    say each snapshot as it becomes durable\n"
        "\n"
        "Each connection proves, both ways, that it holds the key (HMAC-SHA256\n"
        "challenge and response), and every frame carries a MAC: without the key no\n"
        "one can push a world into PATH or read one from it.  Every block is\n"
        "checked against the image's CRC-32C as it arrives; a damaged one is refused\n"
        "and sent again.  The stream is not encrypted: across networks you do not\n"
        "trust, carry it over a VPN or an SSH tunnel.\n"
        "\n"
        "Prints \"listening on ADDR:PORT\" once ready; Ctrl-C or SIGTERM stops it (the\n"
        "image keeps its last acknowledged snapshot).  Exit status: 0 stopped, 2 bad\n"
        "usage, a bad key file, or an image or address that cannot be used.\n");
}

static _Atomic bool stop_flag;

static void on_interrupt(void *ctx)
{
    (void)ctx;
    atomic_store(&stop_flag, true);
}

static int verbose;

static void on_log(void *ctx, int level, const char *msg)
{
    (void)ctx;
    if (level <= PW_LOG_WARN || verbose)
        hal_console_printf(2, "phantom replica-server: %s\n", msg);
}

static void on_ready(void *ctx, const char *addr, unsigned port)
{
    (void)ctx;
    hal_console_printf(1, "listening on %s%s%s:%u\n", strchr(addr, ':') ? "[" : "", addr,
                       strchr(addr, ':') ? "]" : "", port);
}

int cmd_replica_server(int argc, char **argv)
{
    pw_replica_server_options o = {.log = on_log, .ready = on_ready, .stop = &stop_flag};
    for (int i = 0; i < argc; i++) {
        const char *v;
        int r;
        if ((r = tool_option(argc, argv, &i, "--listen", &v, "replica-server")) != 0)
            o.listen = v;
        else if ((r = tool_option(argc, argv, &i, "--image", &v, "replica-server")) != 0)
            o.image = v;
        else if ((r = tool_option(argc, argv, &i, "--replica-key", &v, "replica-server")) != 0)
            o.key_file = v;
        else if (!strcmp(argv[i], "-v"))
            r = ++verbose;
        if (r < 0)
            return 2;
        if (r == 0) {
            hal_console_printf(2, "phantom replica-server: unknown argument '%s' (phantom replica-server --help)\n",
                               argv[i]);
            return 2;
        }
    }
    if (!o.listen || !o.image || !o.key_file) {
        hal_console_printf(2, "phantom replica-server: %s is required (phantom replica-server --help)\n",
                           !o.listen ? "--listen [ADDR:]PORT" : !o.image ? "--image PATH" : "--replica-key FILE");
        return 2;
    }
    hal_on_interrupt(on_interrupt, NULL);
    pw_error err = {0, ""};
    if (pw_replica_serve(&o, &err)) {
        hal_console_printf(2, "phantom replica-server: %s\n", err.msg);
        return 2;
    }
    return 0;
}
