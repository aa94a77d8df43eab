/*
 * main.c - the `phantom` command: dispatches to a subcommand.
 */
#include "../hal/hal.h"
#include "tools.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/pvm.h"

static const tool_cmd commands[] = {
    {"shell", "the persistent shell (also: phantom with no command)", cmd_shell, help_shell},
    {"run", "install a program into the world and run it", cmd_run, help_run},
    {"update", "install new versions of a program's classes into the world (running or not)", cmd_update,
     help_update},
    {"attach", "open the shell inside the running world (Ctrl-D detaches; it goes on)", cmd_attach, help_attach},
    {"snapshot", "take a snapshot of the world now (running or not)", cmd_snapshot, help_snapshot},
    {"snapshots", "list the snapshots the world keeps (its history); --unpin G releases one", cmd_snapshots,
     help_snapshots},
    {"stop", "stop the running world and save it (as Ctrl-C where it runs)", cmd_stop, help_stop},
    {"compile", "compile Phantom language sources into class files", cmd_compile, help_compile},
    {"disasm", "print class files (or compiled sources) as assembly", cmd_disasm, help_disasm},
    {"boot", "resume the world: every thread continues (--paused: none runs)", cmd_boot, help_boot},
    {"fsck", "check an image: every checksum, the page maps, free space (--vm: objects)", cmd_fsck, help_fsck},
    {"info", "show an image's format, snapshots, generations and sizes", cmd_info, help_info},
    {"replica-server", "keep an image a replica of a world on another machine (--replica tcp://)",
     cmd_replica_server, help_replica_server},
    {"fs", "see and copy the files of a world's file system (ls, cat, get, put, rm, mkdir)", cmd_fs, help_fs},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

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
                       "  (or in the shell: phantom --paused --image %s, then :threads, :kill ID, :resume)\n"
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
        hal_console_printf(stream, "  %-9s %s\n", commands[i].name, commands[i].summary);
    hal_console_printf(stream,
                       "  help      show this text, or `phantom help COMMAND`\n"
                       "\n"
                       "  -h, --help      this text\n"
                       "  -V, --version   the version\n"
                       "\n"
                       "`phantom COMMAND --help` describes each command.  Programs are Phantom\n"
                       "language sources (.ph, docs/LANGUAGE.md), class files (.phc) or assembly\n"
                       "sources (.pasm, docs/BYTECODE.md).\n");
}

/* Edit distance of two short words (for "did you mean"). */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), row[32];
    if (la >= 31 || lb >= 31)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static const tool_cmd *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (!strcmp(name, commands[i].name))
            return &commands[i];
    return NULL;
}

/* "unknown command 'rnu'; did you mean 'run'?" and status 2. */
static int unknown_command(const char *who, const char *name)
{
    const char *near = NULL;
    size_t best = 3;
    for (size_t i = 0; i < NCOMMANDS; i++) {
        size_t d = distance(name, commands[i].name);
        if (d < best) {
            best = d;
            near = commands[i].name;
        }
    }
    if (near)
        hal_console_printf(2, "%s: unknown command '%s'; did you mean '%s'? (phantom --help lists them)\n", who, name,
                           near);
    else
        hal_console_printf(2, "%s: unknown command '%s' (phantom --help lists the commands)\n", who, name);
    return 2;
}

int main(int argc, char **argv)
{
    const char *name = argc < 2 ? NULL : argv[1];
    if (name && (!strcmp(name, "-h") || !strcmp(name, "--help") || !strcmp(name, "help"))) {
        if (argc > 2) {
            const tool_cmd *c = find_command(argv[2]);
            if (!c)
                return unknown_command("phantom help", argv[2]);
            c->help();
            return 0;
        }
        usage(1);
        return 0;
    }
    if (name && (!strcmp(name, "-V") || !strcmp(name, "--version") || !strcmp(name, "version"))) {
        hal_console_printf(1, "phantom %s\n", PHANTOM_VERSION);
        return 0;
    }
    /* no command, or options only (the shell's): the shell */
    if (!name || name[0] == '-')
        return cmd_shell(argc - 1, argv + 1);
    const tool_cmd *c = find_command(name);
    if (!c)
        return unknown_command("phantom", name);
    if (tool_wants_help(argc - 2, argv + 2)) {
        c->help();
        return 0;
    }
    return c->run(argc - 2, argv + 2);
}
