/*
 * compile.c - the Phantom language compiler as the tools use it
 * (tool_compile, for `phantom run` and friends) and `phantom compile`,
 * which writes one class file per class.
 *
 * The compiler (src/compiler/pc_compile.h) learns the VM's internal
 * classes from src/vm/native_info.h and reads `import "file"` through the
 * host layer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compiler/pc_compile.h"
#include "../hal/hal.h"
#include "../vm/native_info.h"
#include "lib_embed.h"
#include "program.h"
#include "tools.h"

#define MAX_SOURCE (64u << 20)

static const pc_natives vm_natives = {pv_native_info_count, pv_native_info_class_at, pv_native_info_method_at};

static int read_file(void *ctx, const char *path, char **data, size_t *len, char *why, size_t why_len)
{
    (void)ctx;
    uint8_t *buf;
    int rc = hal_file_read_all(path, MAX_SOURCE, &buf, len);
    if (rc < 0) {
        snprintf(why, why_len, "%s", tool_read_error(rc));
        return -1;
    }
    *data = (char *)buf;
    return 0;
}

/* True if one of paths[0, n) has the file name `name` (lib/NAME.ph given
 * on the command line replaces the embedded copy). */
static bool given(char **paths, int n, const char *name)
{
    for (int i = 0; i < n; i++) {
        const char *b = strrchr(paths[i], '/');
        if (!strcmp(b ? b + 1 : paths[i], name))
            return true;
    }
    return false;
}

void tool_compile_options(pc_options *o)
{
    *o = (pc_options){.natives = &vm_natives, .read_file = read_file};
}

static int compile_with(char **paths, int n, const tool_stdlib_file *lib, unsigned nlib, pc_output *out,
                        char ***names_out)
{
    pc_diag d;
    pc_diag_init(&d, NULL, NULL);
    pc_options o;
    tool_compile_options(&o);
    pc_compiler *c = pc_compiler_new(&d, &o);
    char **names = calloc((size_t)(n ? n : 1), sizeof *names);
    if (!c || !names) {
        hal_console_printf(2, "phantom: out of memory\n");
        pc_compiler_free(c);
        free(names);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        uint8_t *buf;
        size_t len;
        int r = hal_file_read_all(paths[i], MAX_SOURCE, &buf, &len);
        size_t k = strlen(paths[i]) + 1;
        names[i] = malloc(k);
        if (names[i])
            memcpy(names[i], paths[i], k);
        if (r < 0) {
            hal_console_printf(2, "phantom: %s: cannot read: %s\n", paths[i], tool_read_error(r));
            rc = -1;
            continue;
        }
        /* the compiler keeps the name for messages and line tables: names[i] outlives it */
        pc_compiler_add_source(c, (const char *)buf, len, names[i] ? names[i] : paths[i]);
        free(buf);
    }
    /* The library's names live in the command's data; its files follow
     * the program's in the source order. */
    for (unsigned i = 0; rc == 0 && i < nlib; i++) {
        if (given(paths, n, lib[i].name))
            continue;
        if (lib == tool_stdlib)   /* the standard library: a program's class may replace one */
            pc_compiler_add_library_source(c, lib[i].text, lib[i].len, lib[i].path);
        else                      /* the Java runtime (javalib/): every class must compile */
            pc_compiler_add_source(c, lib[i].text, lib[i].len, lib[i].path);
    }
    if (rc == 0 && pc_compiler_run(c, out) < 0)
        rc = -1;
    pc_compiler_free(c);
    if (rc < 0) {
        for (int i = 0; i < n; i++)
            free(names[i]);
        free(names);
        return -1;
    }
    *names_out = names;
    return 0;
}

int tool_compile(char **paths, int n, bool with_lib, pc_output *out, char ***names_out)
{
    return compile_with(paths, n, tool_stdlib, with_lib ? tool_stdlib_count : 0, out, names_out);
}

int tool_compile_jvm_lib(pc_output *out)
{
    char **names;
    if (compile_with(NULL, 0, tool_jvmlib, tool_jvmlib_count, out, &names) < 0)
        return -1;
    tool_compile_free_names(names, 0);
    return 0;
}

void tool_compile_free_names(char **names, int n)
{
    for (int i = 0; names && i < n; i++)
        free(names[i]);
    free(names);
}

/* ---- phantom compile ------------------------------------------------------------------ */

void help_compile(void)
{
    hal_console_printf(1,
        "usage: phantom compile [-o DIR] SOURCE...\n"
        "\n"
        "Compiles a Phantom language program: every SOURCE (a .ph file, or a directory,\n"
        "meaning every .ph file under it) together, in any order.  Writes one class\n"
        "file per class into DIR (default: the current directory), named after the\n"
        "class's full name without the leading dot: class .demo.shop.basket becomes\n"
        "demo.shop.basket.phc.  `phantom run` takes the class files, or the sources\n"
        "directly; `phantom disasm` shows what a class file holds.\n"
        "\n"
        "  -o DIR   where to write the class files (created if missing)\n"
        "\n"
        "Errors and warnings go to standard error as file:line:col: error: message.\n"
        "Exit status: 0 compiled, 2 bad usage or a program with errors.\n");
}

int cmd_compile(int argc, char **argv)
{
    const char *dir = ".";
    char **files = NULL;
    int nfiles = 0;
    for (int i = 0; i < argc; i++) {
        int r = tool_option(argc, argv, &i, "-o", &dir, "compile");
        if (r < 0)
            return 2;
        if (r > 0)
            continue;
        if (!strcmp(argv[i], "--")) {
            files = argv + i + 1;
            nfiles = argc - i - 1;
            break;
        } else if (argv[i][0] == '-') {
            hal_console_printf(2, "phantom compile: unknown option '%s' (see phantom compile --help)\n", argv[i]);
            return 2;
        } else {
            if (!files)
                files = argv + i;
            nfiles++;
            if (files + nfiles != argv + i + 1) {
                hal_console_printf(2, "phantom compile: options must come before the source files\n");
                return 2;
            }
        }
    }
    if (!nfiles) {
        hal_console_printf(2, "phantom compile: no source given (see phantom compile --help)\n");
        return 2;
    }
    if (hal_path_exists(dir) && !hal_is_dir(dir)) {
        hal_console_printf(2, "phantom compile: %s: not a directory\n", dir);
        return 2;
    }
    char **paths;
    int n;
    static const char *const ph[] = {".ph", NULL};
    if (tool_collect_files(files, nfiles, ph, &paths, &n) < 0)
        return 2;
    if (!n) {
        hal_console_printf(2, "phantom compile: no .ph files in the sources given\n");
        tool_free_files(paths, n);
        return 2;
    }
    pc_output out;
    char **names;
    if (tool_compile(paths, n, false, &out, &names) < 0) {
        tool_free_files(paths, n);
        return 2;
    }
    int rc = 0, mk = hal_make_dirs(dir);
    if (mk < 0) {
        hal_console_printf(2, "phantom compile: %s: cannot create the directory: %s\n", dir, hal_strerror(mk));
        rc = 2;
    }
    for (int i = 0; i < out.n && rc == 0; i++) {
        size_t len;
        uint8_t *bytes = pv_cf_write(out.classes[i], &len);
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.phc", dir, out.names[i] + 1);
        int w = bytes ? hal_file_write_all(path, bytes, len) : -12;
        if (w < 0) {
            hal_console_printf(2, "phantom compile: %s: cannot write: %s\n", path, hal_strerror(w));
            rc = 2;
        }
        free(bytes);
    }
    pc_output_free(&out);
    tool_compile_free_names(names, n);
    tool_free_files(paths, n);
    return rc;
}
