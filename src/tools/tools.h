/*
 * tools.h - the subcommands of the `phantom` command.  Each takes the
 * arguments after its name and returns the process exit status:
 * 0 success, 1 the check or program found a problem, 2 bad usage or input.
 */
#ifndef PHANTOM_TOOLS_H
#define PHANTOM_TOOLS_H

#include <stdbool.h>
#include <stdint.h>

#include "../persist/pw.h"

#define PHANTOM_VERSION "0.1.0"

typedef struct tool_cmd {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
    void (*help)(void);
} tool_cmd;

int cmd_shell(int argc, char **argv);
void help_shell(void);
int cmd_fsck(int argc, char **argv);
void help_fsck(void);
int cmd_info(int argc, char **argv);
void help_info(void);
int cmd_replica_server(int argc, char **argv);
void help_replica_server(void);
int cmd_run(int argc, char **argv);
void help_run(void);
int cmd_boot(int argc, char **argv);
int cmd_update(int argc, char **argv);
void help_update(void);
void help_boot(void);
int cmd_compile(int argc, char **argv);
void help_compile(void);
int cmd_disasm(int argc, char **argv);
void help_disasm(void);
int cmd_fs(int argc, char **argv);
void help_fs(void);
int cmd_attach(int argc, char **argv);
void help_attach(void);
int cmd_snapshot(int argc, char **argv);
void help_snapshot(void);
int cmd_stop(int argc, char **argv);
void help_stop(void);
int cmd_snapshots(int argc, char **argv);
void help_snapshots(void);

/* The world a command opens when not given --image: $PHANTOM_IMAGE if set,
 * else ./phantom.img.  One rule for the shell, run and boot. */
#define TOOL_DEFAULT_IMAGE "phantom.img"
const char *tool_default_image(void);

/* One way to read an option that takes a value, for every command:
 * "--name VALUE" or "--name=VALUE".  Returns 1 and sets *value (advancing
 * *i past a separate value) if argv[*i] is that option, 0 if it is not,
 * -1 after saying "phantom CMD: --name needs a value" if the value is
 * missing. */
int tool_option(int argc, char **argv, int *i, const char *name, const char **value, const char *cmd);

/* bytes as "123 B", "1.5 KiB", "2.0 MiB" ... */
void tool_human_size(uint64_t bytes, char *out, size_t n);

/* A generation number (a positive integer) given to option opt of cmd:
 * 0, or -1 after saying what is wrong. */
int tool_parse_generation(const char *cmd, const char *opt, const char *text, uint64_t *g);

/* The options of every command that opens a world (the shell, run, boot):
 * --image, --replica, --snapshot-interval, --strategy, --memory-limit, -v. */
typedef struct tool_world_opts {
    const char *image;        /* tool_default_image() unless given */
    const char *replica;      /* --replica: NULL, or the replica's image */
    const char *replica_key;  /* --replica-key FILE */
    bool replica_sync;        /* --replica-sync */
    const char *strategy;     /* NULL: the best the host offers */
    uint32_t interval;        /* 0: the default */
    uint64_t memory_limit;    /* 0: the default */
    bool commit_output;       /* --commit-output */
    const char *display;      /* --display [ADDR:]PORT, or NULL */
    int verbose;
    bool keep_set;            /* --keep POLICY given: keep holds it */
    struct pw_keep keep;
} tool_world_opts;
/* Like tool_option, for all of them at once: 1 consumed argv[*i] (and its
 * value), 0 not one of them, -1 a bad value (said why, naming cmd; "" is
 * the shell). */
int tool_world_option(int argc, char **argv, int *i, tool_world_opts *o, const char *cmd);

struct pvm_thread_info;
/* The table of a world's threads (the shell's :threads, phantom boot
 * --paused): its heading line and one thread's line, without newline. */
void tool_thread_heading(char *buf, size_t len);
void tool_thread_line(const struct pvm_thread_info *t, char *buf, size_t len);

/* Reports on standard error why pvm_open failed (rc, err); when the last
 * boot of the world crashed the VM, also how to look at its threads and
 * repair it with a paused boot. */
void tool_open_failed(const char *cmd, const char *image, int rc, const char *err);

/* True if argv holds -h or --help. */
bool tool_wants_help(int argc, char **argv);

/* --memory-limit SIZE: bytes, or a number with K, M, G or T (powers of
 * 1024; KiB, MiB, ... and KB, MB, ... mean the same).  Returns false, with
 * a message naming cmd, for anything else or a size below the minimum. */
bool tool_parse_memory_limit(const char *cmd, const char *text, uint64_t *bytes);

/* The option's line in each command's --help (docs/GC.md, "The memory limit"). */
#define TOOL_DISPLAY_HELP \
    "  --display [ADDR:]PORT    show the world's windows in a browser at\n" \
    "                           http://ADDR:PORT/ (ADDR default 127.0.0.1, only this\n" \
    "                           machine; try --display 8080); keeps running after\n" \
    "                           the program ends, until Ctrl-C (docs/DISPLAY.md)\n"

struct pd_display;
/* Starts the display --display asked for (NULL if none): 0, or -1 after
 * saying why on standard error. */
int tool_open_display(const tool_world_opts *o, struct pd_display **out, const char *cmd);

#define TOOL_COMMIT_OUTPUT_HELP \
    "  --commit-output          hold console output until the snapshot holding the\n" \
    "                           state that produced it is durable, as socket output\n" \
    "                           is (docs/TRANSIENT.md); adds about one snapshot's\n" \
    "                           write time to what the program prints\n"

#define TOOL_IMAGE_HELP \
    "  --image PATH             the world's image: a file, a block device, or an\n" \
    "                           export on an NBD server: nbd://HOST[:PORT]/EXPORT,\n" \
    "                           nbd+unix:///EXPORT?socket=SOCKET (docs/STORAGE.md)\n" \
    "  --replica PATH           keep PATH (a file, device or NBD URI; created if\n" \
    "                           missing) a copy of the image at most one snapshot\n" \
    "                           behind: `phantom boot --image PATH` resumes the world\n" \
    "                           from it (phantom info IMAGE --replica PATH: the lag);\n" \
    "                           or tcp://HOST:PORT of a `phantom replica-server` on\n" \
    "                           another machine (docs/STORAGE.md, \"Replicas\")\n" \
    "  --replica-key FILE       the secret shared with the replica-server (a private\n" \
    "                           file of 16 to 4096 bytes); needed for tcp://\n" \
    "  --replica-sync           output commit (--commit-output, sockets) waits for\n" \
    "                           the replica as well: nothing acknowledged is lost\n" \
    "                           even if this machine is destroyed\n"

#define TOOL_KEEP_HELP \
    "  --keep POLICY            which older snapshots the world keeps, such as\n" \
    "                           last=5,hourly=48,budget=2G (default last=10,\n" \
    "                           minutely=60,hourly=24; stays with the image;\n" \
    "                           phantom snapshots --help)\n"

#define TOOL_MEMORY_LIMIT_HELP \
    "  --memory-limit SIZE      memory the world may use, such as 512M or 2G (default:\n" \
    "                           3/4 of physical memory, at most the image's size plus\n" \
    "                           half the free disk space); beyond it allocation raises\n" \
    "                           .phantom.OutOfMemoryException\n"

#endif
