/*
 * cmd_fsck.c - `phantom fsck IMAGE`: verify an image completely; with
 * --vm, the virtual machine's object graph in it too.
 */
#include "../persist/pw.h"
#include "../vm/pvm.h"
#include "tools.h"

#include <string.h>

void help_fsck(void)
{
    hal_console_printf(1,
                       "usage: phantom fsck [-q] [--vm] [IMAGE]\n"
                       "\n"
                       "Checks a Phantom image without changing it: the root slots, every checksum\n"
                       "of every data and metadata block of every retained snapshot (the newest,\n"
                       "its fallback, and the older ones the history keeps: phantom snapshots),\n"
                       "the page maps, and the free-space accounting (every block some retained\n"
                       "snapshot uses is marked, nothing else: no block leaked, none usable twice,\n"
                       "the older snapshots still protected).  Reports each problem found.\n"
                       "\n"
                       "  -q     print only problems and the summary lines\n"
                       "  --vm   then check the world's objects and threads as well, without\n"
                       "         booting it (nothing runs, nothing is written): every reference\n"
                       "         points at a live object (not outside the heap, not at a free\n"
                       "         slot), every object has a sound header and class and internal\n"
                       "         blocks of the right size, every thread a possible state and\n"
                       "         frames that run bytecode at a pc inside their method.  One line\n"
                       "         per problem (\"  dangling reference: ...\", \"  bad thread: ...\"),\n"
                       "         then \"vm: N objects ...: clean\" or \"...: DAMAGED: counts\".\n"
                       "\n"
                       "A check that takes more than a second reports its progress on standard\n"
                       "error, in place when that is a terminal.\n"
                       "\n"
                       "IMAGE defaults to $PHANTOM_IMAGE, else ./" TOOL_DEFAULT_IMAGE ".\n"
                       "Exit status: 0 clean, 1 problems found, 2 the image cannot be read at all\n"
                       "or bad usage.\n");
}

static bool progress_shown; /* a progress line waits to be cleared */

static void print_line(void *ctx, const char *line)
{
    bool quiet = *(bool *)ctx;
    if (!strncmp(line, "progress: ", 10)) { /* to stderr, in place on a terminal */
        if (hal_console_is_tty(2)) {
            hal_console_printf(2, "\r%s ", line);
            progress_shown = true;
        } else if (!quiet) {
            hal_console_printf(2, "%s\n", line);
        }
        return;
    }
    if (progress_shown) {
        hal_console_printf(2, "\r\033[K");
        progress_shown = false;
    }
    if (quiet && strncmp(line, "  ", 2) && !strstr(line, "DAMAGED") && !strstr(line, "clean"))
        return;
    hal_console_printf(1, "%s\n", line);
}

int cmd_fsck(int argc, char **argv)
{
    bool quiet = false, vm = false;
    const char *path = NULL;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "-q"))
            quiet = true;
        else if (!strcmp(argv[i], "--vm"))
            vm = true;
        else if (argv[i][0] == '-') {
            hal_console_printf(2, "phantom fsck: unknown option '%s'\n", argv[i]);
            return 2;
        } else if (path) {
            hal_console_printf(2, "phantom fsck: one image at a time\n");
            return 2;
        } else
            path = argv[i];
    }
    if (!path)
        path = tool_default_image(); /* the rule of every command */
    pw_fsck_result r;
    pw_error err = {0, ""};
    int rc = pw_fsck(path, NULL, &r, print_line, &quiet, &err);
    if (rc < 0 || (rc == 1 && err.msg[0])) {
        hal_console_printf(2, "phantom fsck: %s\n", err.msg);
        return rc < 0 ? 2 : 1;
    }
    if (!vm)
        return rc;
    pvm_check_result vr;
    char why[600];
    int vrc = pvm_check(path, &vr, print_line, &quiet, why, sizeof why);
    if (vrc < 0) {
        hal_console_printf(2, "phantom fsck: cannot open the world to check its objects: %s\n", why);
        return 2;
    }
    return rc > vrc ? rc : vrc;
}
