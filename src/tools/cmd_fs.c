/*
 * cmd_fs.c - `phantom fs`: see and copy the files of a world's file
 * system (the one WebAssembly programs see as "/", src/vm/wfs.h).  Host
 * files are touched only by an explicit put or get.
 *
 * ls, cat and get open the world only to look (nothing runs, nothing is
 * written); put, rm and mkdir open it with every thread held, change the
 * files, and save the world with a last snapshot.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "../vm/pvm.h"
#include "../vm/pvm_fs.h"
#include "tools.h"

void help_fs(void)
{
    hal_console_printf(1,
                       "usage: phantom fs [--image PATH] ls [PATH]\n"
                       "       phantom fs [--image PATH] cat PATH\n"
                       "       phantom fs [--image PATH] get PATH HOST-FILE\n"
                       "       phantom fs [--image PATH] put PATH HOST-FILE\n"
                       "       phantom fs [--image PATH] rm PATH\n"
                       "       phantom fs [--image PATH] mkdir PATH\n"
                       "\n"
                       "The world's file system: the files and directories WebAssembly programs\n"
                       "see as \"/\" (docs/WASM.md).  They live in the world like its other objects,\n"
                       "so they are always consistent with the programs' memory after a crash.\n"
                       "\n"
                       "  ls      list a directory (default /): type, size, name; or show one file\n"
                       "  cat     write a file's bytes to standard output\n"
                       "  get     copy a file of the world to HOST-FILE\n"
                       "  put     copy HOST-FILE into the world as PATH (made, or replaced)\n"
                       "  rm      remove a file or an empty directory\n"
                       "  mkdir   make a directory\n"
                       "\n"
                       "PATH is from the root (/a/b and a/b are the same).  --image: the world\n"
                       "(default: $PHANTOM_IMAGE, else ./" TOOL_DEFAULT_IMAGE "); ls, cat and get only look at it,\n"
                       "put, rm and mkdir hold its threads, change it and save it (a new world is\n"
                       "made if there is none).\n"
                       "\n"
                       "Exit status: 0 success, 1 the world or the host refused (a missing file,\n"
                       "a directory not empty, ...), 2 bad usage.\n");
}

typedef struct fs_args {
    const char *image, *op, *path, *host;
} fs_args;

static const struct {
    const char *name;
    int nargs;         /* after the operation: PATH, HOST-FILE */
    bool writes;
} ops[] = {
    {"ls", 0, false}, {"cat", 1, false}, {"get", 2, false}, {"put", 2, true}, {"rm", 1, true}, {"mkdir", 1, true},
};

static int parse(int argc, char **argv, fs_args *a, bool *writes)
{
    const char *pos[4];
    int npos = 0;
    a->image = tool_default_image();
    for (int i = 0; i < argc; i++) {
        int r = tool_option(argc, argv, &i, "--image", &a->image, "fs");
        if (r < 0)
            return -1;
        if (r)
            continue;
        if (argv[i][0] == '-' && argv[i][1]) {
            hal_console_printf(2, "phantom fs: unknown option %s (phantom fs --help)\n", argv[i]);
            return -1;
        }
        if (npos == 4) {
            hal_console_printf(2, "phantom fs: too many arguments (phantom fs --help)\n");
            return -1;
        }
        pos[npos++] = argv[i];
    }
    if (!npos) {
        hal_console_printf(2, "phantom fs: which operation? ls, cat, get, put, rm or mkdir (phantom fs --help)\n");
        return -1;
    }
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        if (strcmp(pos[0], ops[k].name))
            continue;
        bool optional_path = ops[k].nargs == 0;
        if (npos - 1 != ops[k].nargs && !(optional_path && npos <= 2)) {
            hal_console_printf(2, "phantom fs %s: %s (phantom fs --help)\n", pos[0],
                               npos - 1 < ops[k].nargs ? "missing arguments" : "too many arguments");
            return -1;
        }
        a->op = pos[0];
        a->path = npos > 1 ? pos[1] : "/";
        a->host = npos > 2 ? pos[2] : NULL;
        *writes = ops[k].writes;
        return 0;
    }
    hal_console_printf(2, "phantom fs: unknown operation '%s': ls, cat, get, put, rm or mkdir\n", pos[0]);
    return -1;
}

static void print_entry(void *ctx, const pvm_fs_entry *e)
{
    (void)ctx;
    hal_console_printf(1, "%-4s %12" PRIu64 "  %s%s\n", e->dir ? "dir" : "file", e->size, e->name, e->dir ? "/" : "");
}

static int failed(const fs_args *a, int rc)
{
    hal_console_printf(2, "phantom fs %s: %s: %s\n", a->op, a->path, pvm_fs_strerror(rc));
    return 1;
}

static int look(pv_vm *vm, const fs_args *a)
{
    if (!strcmp(a->op, "ls")) {
        int rc = pvm_fs_list(vm, a->path, print_entry, NULL);
        return rc ? failed(a, rc) : 0;
    }
    uint8_t *bytes;
    size_t len;
    int rc = pvm_fs_read(vm, a->path, &bytes, &len);
    if (rc)
        return failed(a, rc);
    int status = 0;
    if (!strcmp(a->op, "cat")) {
        hal_console_write(1, (const char *)bytes, len);
    } else if ((rc = hal_file_write_all(a->host, bytes, len)) < 0) {
        hal_console_printf(2, "phantom fs get: %s: %s\n", a->host, strerror(-rc));
        status = 1;
    }
    free(bytes);
    return status;
}

static int change(pv_vm *vm, const fs_args *a)
{
    int rc;
    if (!strcmp(a->op, "put")) {
        uint8_t *bytes;
        size_t len;
        rc = hal_file_read_all(a->host, SIZE_MAX, &bytes, &len);
        if (rc < 0) {
            hal_console_printf(2, "phantom fs put: %s: %s\n", a->host, strerror(-rc));
            return 1;
        }
        rc = pvm_fs_write(vm, a->path, bytes, len, false);
        free(bytes);
    } else if (!strcmp(a->op, "rm")) {
        rc = pvm_fs_remove(vm, a->path);
    } else {
        rc = pvm_fs_mkdir(vm, a->path);
    }
    return rc ? failed(a, rc) : 0;
}

int cmd_fs(int argc, char **argv)
{
    fs_args a = {0};
    bool writes = false;
    if (parse(argc, argv, &a, &writes) < 0)
        return 2;
    pvm_options o = {.image = a.image, .inspect = !writes, .create = writes, .paused = writes};
    pv_vm *vm;
    char err[600];
    int rc = pvm_open(&o, &vm, NULL, err, sizeof err);
    if (rc < 0) {
        tool_open_failed("fs", a.image, rc, err);
        return 1;
    }
    int status = writes ? change(vm, &a) : look(vm, &a);
    if (pvm_close(vm, writes) < 0 && writes) {
        hal_console_printf(2, "phantom fs %s: the world could not be saved\n", a.op);
        return 1;
    }
    return status;
}
