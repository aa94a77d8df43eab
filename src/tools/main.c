/*
 * main.c - the `phantom` command: dispatches to a subcommand.
 */
#include "../hal/hal.h"
#include "tools.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/pvm.h"

static const tool_cmd commands[] = {
    {"shell", "the persistent shell (also: phantom with no command)", cmd_shell, help_shell},
    {"run", "install a program into the world and run it", cmd_run, help_run},
    {"compile", "compile Phantom language sources into class files", cmd_compile, help_compile},
    {"disasm", "print class files (or compiled sources) as assembly", cmd_disasm, help_disasm},
    {"boot", "resume the world: every thread continues (--paused: none runs)", cmd_boot, help_boot},
    {"fsck", "check an image: every checksum, the page maps, free space (--vm: objects)", cmd_fsck, help_fsck},
    {"info", "show an image's format, snapshots, generations and sizes", cmd_info, help_info},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

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

void tool_thread_heading(char *buf, size_t len)
{
    snprintf(buf, len, "%6s  %-24s %-28s %s", "ID", "STATE", "RUNNING", "WHERE");
}

void tool_thread_line(const pvm_thread_info *t, char *buf, size_t len)
{
    char state[64];
    snprintf(state, sizeof state, "%s%s", t->held ? "paused, " : "", t->state);
    snprintf(buf, len, "%6" PRIu64 "  %-24s %-28s %s", t->id, state, t->entry, t->where);
}

void tool_open_failed(const char *cmd, const char *image, int rc, const char *err)
{
    hal_console_printf(2, "phantom %s: %s\n", cmd, err);
    if (rc != PVM_E_LAST_BOOT_CRASHED)
        return;
    hal_console_printf(2,
                       "  To see its threads and where each one is, without running any:\n"
                       "      phantom boot --paused --image %s\n"
                       "  To end the thread at fault (ID from that list) and save the world:\n"
                       "      phantom boot --paused --kill ID --image %s\n"
                       "  (or in the shell: phantom --paused --image %s, then :threads, :kill ID, :quit)\n"
                       "  Then `phantom boot --image %s` resumes the other threads.  A paused boot that\n"
                       "  ends cleanly clears this refusal.  phantom fsck --vm %s checks the objects.\n",
                       image, image, image, image, image);
}

static void usage(int stream)
{
    hal_console_printf(stream,
                       "usage: phantom [--image PATH]      the persistent shell\n"
                       "       phantom COMMAND [ARGS...]\n"
                       "\n"
                       "Phantom is an orthogonally persistent runtime: everything a program keeps in\n"
                       "its world survives kill -9, crashes and power loss.  With no command, phantom\n"
                       "opens the world ./phantom.img (or $PHANTOM_IMAGE) in an interactive shell\n"
                       "whose variables, classes and threads survive restarts (man phantom,\n"
                       "docs/SHELL.md).\n"
                       "\n"
                       "commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        hal_console_printf(stream, "  %-8s %s\n", commands[i].name, commands[i].summary);
    hal_console_printf(stream,
                       "  help     show this text, or `phantom help COMMAND`\n"
                       "\n"
                       "`phantom COMMAND --help` describes each command.  Programs are Phantom\n"
                       "language sources (.ph, docs/LANGUAGE.md), class files (.phc) or assembly\n"
                       "sources (.pasm, docs/BYTECODE.md).\n");
}

int main(int argc, char **argv)
{
    /* no command, or only the shell's options: the shell */
    if (argc < 2 || !strcmp(argv[1], "--image") || !strcmp(argv[1], "--snapshot-interval") ||
        !strcmp(argv[1], "--memory-limit") || !strcmp(argv[1], "-v") || !strcmp(argv[1], "--paused"))
        return cmd_shell(argc - 1, argv + 1);
    const char *name = argv[1];
    if (!strcmp(name, "-h") || !strcmp(name, "--help") || !strcmp(name, "help")) {
        if (argc > 2)
            for (size_t i = 0; i < NCOMMANDS; i++)
                if (!strcmp(argv[2], commands[i].name)) {
                    commands[i].help();
                    return 0;
                }
        usage(1);
        return 0;
    }
    if (!strcmp(name, "--version") || !strcmp(name, "version")) {
        hal_console_printf(1, "phantom %s\n", PHANTOM_VERSION);
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(name, commands[i].name)) {
            if (tool_wants_help(argc - 2, argv + 2)) {
                commands[i].help();
                return 0;
            }
            return commands[i].run(argc - 2, argv + 2);
        }
    hal_console_printf(2, "phantom: unknown command '%s'\n\n", name);
    usage(2);
    return 2;
}
