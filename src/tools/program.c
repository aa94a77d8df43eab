/*
 * program.c - reading a program's files (program.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "../vm/asm.h"
#include "../vm/object.h"
#include "../vm/pvm.h"
#include "../jvm/jvm.h"
#include "../wasm/wasm.h"
#include "program.h"

#define MAX_SOURCE (64u << 20)

/* Entry points by preference: level 0 main (static with 0 or 1 arguments,
 * or instance without), 1 the original entry, instance run(boot) or run(),
 * 2 the original boot convention, a method [8] taking the boot object. */
static bool has_entry(const pv_cf *cf, int level)
{
    for (uint32_t i = 0; i < cf->nmethods; i++) {
        const pv_cf_method *m = &cf->methods[i];
        const char *name = pv_cf_str(cf, m->name);
        bool is_static = m->flags & PV_MF_STATIC;
        if (!name)
            continue;
        if (level == 0 && !strcmp(name, "main") && m->nargs <= (is_static ? 1 : 0))
            return true;
        if (level == 1 && !strcmp(name, "run") && m->nargs <= 1 && !is_static)
            return true;
        if (level == 2 && m->ordinal == 8 && m->nargs == 1 && !is_static)
            return true;
    }
    return false;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

int tool_program_add(tool_program *p, pv_cf *cf)
{
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 16;
        pv_cf **nc = realloc(p->classes, (size_t)cap * sizeof *nc);
        char **nn = nc ? realloc(p->names, (size_t)cap * sizeof *nn) : NULL;
        if (nc)
            p->classes = nc;
        if (!nn)
            return -1;
        p->names = nn;
        p->cap = cap;
    }
    p->classes[p->n] = cf;
    p->names[p->n] = dup_str(pv_cf_class_name(cf, cf->this_class));
    if (!p->names[p->n])
        return -1;
    p->n++;
    return 0;
}

/* Adds the n classes an assembly gave (and frees the array). */
static int add_all(tool_program *p, pv_cf *cfs, int n)
{
    for (int i = 0; i < n; i++) {
        pv_cf *one = malloc(sizeof *one);
        if (one)
            *one = cfs[i];
        if (!one || tool_program_add(p, one) < 0) {
            free(one);
            hal_console_printf(2, "phantom: out of memory\n");
            for (int j = i; j < n; j++)
                pv_cf_free(&cfs[j]);
            free(cfs);
            return -1;
        }
    }
    free(cfs);
    return 0;
}

/* A WebAssembly module: validated here (so an invalid one is refused
 * before the world is touched), then run by the driver class the wasm
 * front end writes (src/wasm/wa_driver.c), in Phantom assembly. */
static char *wasm_driver(const char *path, uint8_t *buf, size_t len)
{
    uint8_t *image;
    size_t image_len;
    wa_error werr;
    if (wa_load(buf, len, &image, &image_len, &werr) < 0) {
        hal_console_printf(2, "phantom: %s: invalid module: %s\n", path, werr.msg);
        free(buf);
        return NULL;
    }
    free(image);
    const char *cls;
    char *text = wa_driver_source(buf, len, path, &cls);
    free(buf);
    if (!text)
        hal_console_printf(2, "phantom: out of memory\n");
    return text;
}

static int load_file(tool_program *p, const char *path)
{
    bool is_wasm = tool_ends_with(path, ".wasm");
    bool is_asm = is_wasm || tool_ends_with(path, ".pasm");
    if (!is_asm && !tool_ends_with(path, ".phc")) {
        hal_console_printf(2, "phantom: %s: not a program file (.ph source, .phc class file, .pasm assembly "
                              "or .wasm WebAssembly module)\n",
                           path);
        return -1;
    }
    uint8_t *buf;
    size_t len;
    int rc = hal_file_read_all(path, is_wasm ? WA_MAX_MODULE : MAX_SOURCE, &buf, &len);
    if (rc < 0) {
        hal_console_printf(2, "phantom: %s: cannot read: %s\n", path, tool_read_error(rc));
        return -1;
    }
    if (is_wasm) {
        buf = (uint8_t *)wasm_driver(path, buf, len);
        if (!buf)
            return -1;
        len = strlen((char *)buf);
    }
    pv_cf_error err;
    if (is_asm) {
        pv_cf *cfs = NULL;
        int n = 0;
        rc = pv_asm((const char *)buf, len, path, &cfs, &n, &err);
        free(buf);
        if (rc < 0) {
            hal_console_printf(2, "%s\n", err.msg);
            return -1;
        }
        return add_all(p, cfs, n);
    }
    pv_cf *cf = calloc(1, sizeof *cf);
    if (!cf) {
        free(buf);
        return -1;
    }
    rc = pv_cf_read(buf, len, path, cf, &err);
    free(buf);
    if (rc < 0) {
        hal_console_printf(2, "phantom: %s\n", err.msg);
        free(cf);
        return -1;
    }
    if (tool_program_add(p, cf) < 0) {
        pv_cf_free(cf);
        free(cf);
        return -1;
    }
    return 0;
}

static bool is_java(const char *path)
{
    return tool_ends_with(path, ".class") || tool_ends_with(path, ".jar");
}

/* A class a Java program refers to, from the directories of the class
 * files given, as java's class path would find it: DIR/NAME.class,
 * where DIR is a given file's directory less the class's package. */
typedef struct java_dirs {
    char **paths;
    int n;
} java_dirs;

static int load_java_dep(void *ctx, const char *name, jv_input *in)
{
    const java_dirs *d = ctx;
    const char *slash = strrchr(name, '/');
    size_t pkg = slash ? (size_t)(slash - name) : 0;
    for (int i = 0; i < d->n; i++) {
        if (!tool_ends_with(d->paths[i], ".class"))
            continue;
        /* the class path root: the file's directory less its own class's
         * package, which is taken to be the dependency's (or none) */
        const char *base = strrchr(d->paths[i], '/');
        size_t dlen = base ? (size_t)(base - d->paths[i]) : 0;
        const char *dir = d->paths[i];
        if (pkg && dlen >= pkg && !strncmp(dir + dlen - pkg, name, pkg) && (dlen == pkg || dir[dlen - pkg - 1] == '/'))
            dlen = dlen == pkg ? 0 : dlen - pkg - 1;
        char path[4096];
        snprintf(path, sizeof path, "%.*s%s%s.class", (int)dlen, dir, dlen ? "/" : "", name);
        if (!hal_path_exists(path))
            continue;
        uint8_t *buf;
        size_t len;
        int r = hal_file_read_all(path, JV_MAX_CLASS_BYTES, &buf, &len);
        in->name = dup_str(path);
        if (r < 0 || !in->name) {
            free(in->name);
            in->name = NULL;
            if (r == 0)
                free(buf);
            return -1;
        }
        in->bytes = buf;
        in->len = len;
        return 1;
    }
    return 0;
}

/* Java class files and jars (src/jvm): read, translated together into
 * Phantom assembly with a driver class, which becomes the entry point;
 * the Java class library's classes go to *lib, to follow the program's. */
static int load_java(tool_program *p, char **paths, int npaths, pc_output *lib, int *first, int *count)
{
    jv_input *in = NULL;
    int n = 0, rc = 0;
    char main_class[512] = "";
    jv_error jerr = {{0}};
    for (int i = 0; i < npaths && rc == 0; i++) {
        if (!is_java(paths[i]))
            continue;
        uint8_t *buf;
        size_t len;
        bool jar = tool_ends_with(paths[i], ".jar");
        int r = hal_file_read_all(paths[i], jar ? (256u << 20) : JV_MAX_CLASS_BYTES, &buf, &len);
        if (r < 0) {
            hal_console_printf(2, "phantom: %s: cannot read: %s\n", paths[i], tool_read_error(r));
            rc = -1;
            break;
        }
        jv_input *more = NULL;
        int nmore = 0;
        if (jar) {
            char mc[512] = "";
            r = jv_jar_read(buf, len, paths[i], &more, &nmore, mc, sizeof mc, &jerr);
            free(buf);
            if (r < 0) {
                hal_console_printf(2, "phantom: %s\n", jerr.msg);
                rc = -1;
                break;
            }
            if (!*main_class)
                snprintf(main_class, sizeof main_class, "%s", mc);
        } else {
            more = calloc(1, sizeof *more);
            char *name = dup_str(paths[i]);
            if (!more || !name) {
                free(more);
                free(name);
                free(buf);
                rc = -1;
                break;
            }
            more[0] = (jv_input){.name = name, .bytes = buf, .len = len};
            nmore = 1;
        }
        jv_input *ni = realloc(in, (size_t)(n + nmore) * sizeof *ni);
        if (!ni) {
            jv_inputs_free(more, nmore);
            rc = -1;
            break;
        }
        in = ni;
        memcpy(in + n, more, (size_t)nmore * sizeof *more);
        n += nmore;
        free(more);
    }
    char *text = NULL;
    size_t tlen = 0;
    char entry[1300];
    java_dirs dirs = {paths, npaths};
    if (rc == 0 && jv_program(in, n, main_class, load_java_dep, &dirs, &text, &tlen, entry, sizeof entry, &jerr) < 0) {
        hal_console_printf(2, "phantom: %s\n", jerr.msg);
        rc = -1;
    }
    jv_inputs_free(in, n);
    if (rc < 0)
        return -1;
    pv_cf_error err;
    pv_cf *cfs = NULL;
    int ncf = 0;
    if (pv_asm(text, tlen, "(translated Java)", &cfs, &ncf, &err) < 0) {
        hal_console_printf(2, "phantom: internal error translating Java: %s\n", err.msg);
        free(text);
        return -1;
    }
    free(text);
    *first = p->n;
    *count = ncf;
    if (add_all(p, cfs, ncf) < 0)
        return -1;
    return tool_compile_jvm_lib(lib);
}

int tool_program_load(tool_program *p, char **files, int nfiles)
{
    memset(p, 0, sizeof *p);
    static const char *const exts[] = {".ph", ".phc", ".pasm", ".wasm", ".class", ".jar", NULL};
    char **paths;
    int npaths;
    if (tool_collect_files(files, nfiles, exts, &paths, &npaths) < 0)
        return -1;
    /* the Phantom sources are compiled together, then take their places in the order */
    char **ph = calloc((size_t)(npaths ? npaths : 1), sizeof *ph);
    int nph = 0;
    for (int i = 0; ph && i < npaths; i++)
        if (tool_ends_with(paths[i], ".ph"))
            ph[nph++] = paths[i];
    pc_output out = {0};
    char **names = NULL;
    int rc = ph ? 0 : -1;
    if (rc == 0 && nph && tool_compile(ph, nph, true, &out, &names) < 0)
        rc = -1;
    bool java = false;
    for (int i = 0; i < npaths; i++)
        java |= is_java(paths[i]);
    for (int i = 0, k = 0; rc == 0 && i < npaths; i++) {
        if (is_java(paths[i]))
            continue;
        if (!tool_ends_with(paths[i], ".ph")) {
            rc = load_file(p, paths[i]);
            continue;
        }
        for (int j = 0; j < out.n && rc == 0; j++)
            if (out.source[j] == k) {
                if (tool_program_add(p, out.classes[j]) < 0)
                    rc = -1;
                else
                    out.classes[j] = NULL; /* now the program's */
            }
        k++;
    }
    pc_output jlib = {0};
    int jfirst = 0, jcount = 0;
    if (rc == 0 && java && load_java(p, paths, npaths, &jlib, &jfirst, &jcount) < 0)
        rc = -1;
    /* The standard library's classes come after the program's. */
    int nown = p->n;
    for (int j = 0; j < jlib.n && rc == 0; j++) {
        if (tool_program_add(p, jlib.classes[j]) < 0)
            rc = -1;
        else
            jlib.classes[j] = NULL;
    }
    pc_output_free(&jlib);
    jv_error jerr;
    if (rc == 0 && java && jv_check_refs(p->classes + jfirst, p->n - jfirst, jcount, &jerr) < 0) {
        hal_console_printf(2, "phantom: %s\n", jerr.msg);
        rc = -1;
    }
    for (int j = 0; j < out.n && rc == 0; j++)
        if (out.source[j] >= nph) {
            if (tool_program_add(p, out.classes[j]) < 0)
                rc = -1;
            else
                out.classes[j] = NULL;
        }
    pc_output_free(&out); /* the classes not taken (after an error) and the names */
    tool_compile_free_names(names, nph);
    free(ph);
    tool_free_files(paths, npaths);
    if (rc < 0) {
        tool_program_free(p);
        return -1;
    }
    /* Only the program's own classes: a library class with run() (a
     * worker) is no entry point of a program that has none. */
    for (int level = 0; level < 3 && !p->entry; level++)
        for (int i = 0; i < nown && !p->entry; i++)
            if (has_entry(p->classes[i], level))
                p->entry = p->names[i];
    return 0;
}

void tool_program_free(tool_program *p)
{
    for (int i = 0; i < p->n; i++) {
        pv_cf_free(p->classes[i]);
        free(p->classes[i]);
        free(p->names[i]);
    }
    free(p->classes);
    free(p->names);
    memset(p, 0, sizeof *p);
}

int tool_program_install(struct pv_vm *vm, const tool_program *p, const char ***inits, int *ninits, char *err,
                         size_t errlen)
{
    bool *reused = calloc((size_t)p->n + 1, sizeof *reused);
    const char **names = calloc((size_t)p->n + 1, sizeof *names);
    if (!reused || !names) {
        free(reused);
        free(names);
        snprintf(err, errlen, "out of host memory");
        return -1;
    }
    if (pvm_install_renaming(vm, p->classes, p->n, reused, p->renames, p->nrenames, err, errlen) < 0) {
        free(reused);
        free(names);
        return -1;
    }
    int n = 0;
    for (int i = 0; i < p->n; i++)
        if (!reused[i])
            names[n++] = p->names[i];
    free(reused);
    *inits = names;
    *ninits = n;
    return 0;
}
