/*
 * options.c - the command line's shared parts: one way to read an option
 * with a value (--name VALUE or --name=VALUE), the options every command
 * that opens a world takes (the shell, run, boot), and which world that is
 * by default.
 */
#include "../hal/hal.h"
#include "tools.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../display/display.h"
#include "../vm/pvm.h"

const char *tool_default_image(void)
{
    const char *env = hal_getenv("PHANTOM_IMAGE");
    return env && *env ? env : TOOL_DEFAULT_IMAGE;
}

int tool_option(int argc, char **argv, int *i, const char *name, const char **value, const char *cmd)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n))
        return 0;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (arg[n])
        return 0;
    if (*i + 1 >= argc) {
        hal_console_printf(2, "phantom%s%s: %s needs a value (see phantom%s%s --help)\n", *cmd ? " " : "", cmd,
                           name, *cmd ? " " : "", cmd);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

bool tool_wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
            return true;
    return false;
}

bool tool_parse_memory_limit(const char *cmd, const char *text, uint64_t *bytes)
{
    static const char units[] = "KMGT";
    char *end;
    errno = 0;
    unsigned long long n = strtoull(text, &end, 10);
    unsigned shift = 0;
    if (end != text && *end) {
        const char *u = strchr(units, toupper((unsigned char)*end));
        if (u && *u) {
            shift = 10 * (unsigned)(u - units + 1);
            end++;
            if ((*end == 'i' || *end == 'I') && (end[1] == 'B' || end[1] == 'b'))
                end += 2;
            else if (*end == 'B' || *end == 'b')
                end++;
        }
    }
    bool ok = end != text && !*end && isdigit((unsigned char)*text) && !errno && (n << shift >> shift) == n;
    if (ok && (n << shift) < PVM_MIN_MEMORY_LIMIT) {
        hal_console_printf(2, "phantom %s: --memory-limit: %s is too small: a world needs at least %lluM\n", cmd, text,
                           PVM_MIN_MEMORY_LIMIT >> 20);
        return false;
    }
    if (!ok) {
        hal_console_printf(2, "phantom %s: --memory-limit: '%s' is not a size (bytes, or a number with K, M, G or T, "
                              "such as 512M or 2G)\n", cmd, text);
        return false;
    }
    *bytes = n << shift;
    return true;
}

void tool_human_size(uint64_t bytes, char *out, size_t n)
{
    const char *unit[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = (double)bytes;
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        u++;
    }
    snprintf(out, n, u ? "%.1f %s" : "%.0f %s", v, unit[u]);
}

int tool_parse_generation(const char *cmd, const char *opt, const char *text, uint64_t *g)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(text, &end, 10);
    if (!isdigit((unsigned char)*text) || *end || errno || !n) {
        hal_console_printf(2, "phantom %s: %s: '%s' is not a generation number (phantom snapshots lists "
                              "them)\n", cmd, opt, text);
        return -1;
    }
    *g = n;
    return 0;
}

int tool_world_option(int argc, char **argv, int *i, tool_world_opts *o, const char *cmd)
{
    const char *v;
    int r;
    if ((r = tool_option(argc, argv, i, "--image", &v, cmd)) != 0) {
        if (r > 0)
            o->image = v;
        return r;
    }
    if ((r = tool_option(argc, argv, i, "--replica", &v, cmd)) != 0) {
        if (r > 0)
            o->replica = v;
        return r;
    }
    if ((r = tool_option(argc, argv, i, "--replica-key", &v, cmd)) != 0) {
        if (r > 0)
            o->replica_key = v;
        return r;
    }
    if (!strcmp(argv[*i], "--replica-sync")) {
        o->replica_sync = true;
        return 1;
    }
    if ((r = tool_option(argc, argv, i, "--snapshot-interval", &v, cmd)) != 0) {
        if (r < 0)
            return r;
        char *end;
        errno = 0;
        unsigned long ms = strtoul(v, &end, 10);
        if (!*v || *end || errno || ms < 10 || ms > 86400000) {
            hal_console_printf(2, "phantom%s%s: --snapshot-interval: '%s' is not a number of milliseconds from 10 to 86400000\n",
                               *cmd ? " " : "", cmd, v);
            return -1;
        }
        o->interval = (uint32_t)ms;
        return 1;
    }
    if ((r = tool_option(argc, argv, i, "--strategy", &v, cmd)) != 0) {
        if (r < 0)
            return r;
        char why[200];
        if (hal_tmem_probe(v, why, sizeof why)) {
            hal_console_printf(2, "phantom%s%s: --strategy: %s\n", *cmd ? " " : "", cmd, why);
            return -1;
        }
        o->strategy = v;
        return 1;
    }
    if ((r = tool_option(argc, argv, i, "--memory-limit", &v, cmd)) != 0) {
        if (r < 0)
            return r;
        return tool_parse_memory_limit(*cmd ? cmd : "shell", v, &o->memory_limit) ? 1 : -1;
    }
    if ((r = tool_option(argc, argv, i, "--display", &v, cmd)) != 0) {
        if (r > 0)
            o->display = v;
        return r;
    }
    if ((r = tool_option(argc, argv, i, "--keep", &v, cmd)) != 0) {
        if (r < 0)
            return r;
        char why[300];
        if (!pw_keep_parse(v, &o->keep, why, sizeof why)) {
            hal_console_printf(2, "phantom%s%s: --keep: %s\n", *cmd ? " " : "", cmd, why);
            return -1;
        }
        o->keep_set = true;
        return 1;
    }
    if (!strcmp(argv[*i], "--commit-output")) {
        o->commit_output = true;
        return 1;
    }
    if (!strcmp(argv[*i], "-v")) {
        o->verbose++;
        return 1;
    }
    return 0;
}

int tool_open_display(const tool_world_opts *o, struct pd_display **out, const char *cmd)
{
    *out = NULL;
    if (!o->display)
        return 0;
    char err[300];
    if (pd_open(o->display, out, err, sizeof err)) {
        hal_console_printf(2, "phantom%s%s: %s\n", *cmd ? " " : "", cmd, err);
        return -1;
    }
    const char *colon = strrchr(o->display, ':');
    char host[64] = "127.0.0.1";
    if (colon && colon != o->display && (size_t)(colon - o->display) < sizeof host) {
        memcpy(host, o->display, (size_t)(colon - o->display));
        host[colon - o->display] = 0;
    }
    hal_console_printf(2, "phantom: display on http://%s:%d/\n", host, pd_port(*out));
    return 0;
}
