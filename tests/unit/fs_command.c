/*
 * fs_command.c - `phantom fs` (docs/phantom.1, docs/WASM.md "Files"):
 * put and get round trips of a file with every byte value, ls and cat,
 * directories, every refusal with its exit status and message, a wasm
 * program that reads a file put in and writes one got out (when clang
 * builds for wasm32-wasi), and a world that fsck --vm finds clean after.
 *
 *   BUILD=build build/tests/unit/fs_command
 */
#define _GNU_SOURCE
#include "runner.h"

#include <sys/stat.h>

static char phantom[512], img[600];

static int status_of(const result *r) { return WIFEXITED(r->status) ? WEXITSTATUS(r->status) : 128 + WTERMSIG(r->status); }

/* Runs `phantom fs --image IMG ARGS...` (NULL-ended); fills r. */
static void fs(result *r, ...)
{
    char *argv[16] = {phantom, "fs", "--image", img};
    int n = 4;
    va_list ap;
    va_start(ap, r);
    for (char *a; n < 15 && (a = va_arg(ap, char *)) != NULL;)
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    buf_free(&r->out);
    buf_free(&r->err);
    *r = (result){0};
    run(argv, "/dev/null", NULL, r);
}

static bool has(const buf *b, const char *text) { return b->p && strstr(b->p, text); }

/* A refusal: exit status and a message on standard error. */
static void refused(result *r, int status, const char *message)
{
    CHECK(status_of(r) == status);
    CHECK(has(&r->err, message));
    if (status_of(r) != status || !has(&r->err, message))
        fprintf(stderr, "  wanted status %d and \"%s\"; got %d: %s\n", status, message, status_of(r),
                r->err.p ? r->err.p : "");
}

static void round_trip(const char *dir)
{
    char in[600], out[600];
    snprintf(in, sizeof in, "%s/bytes.bin", dir);
    snprintf(out, sizeof out, "%s/back.bin", dir);
    buf data = {0};
    for (int i = 0; i < 300000; i++) {
        char c = (char)(i * 7 + i / 256);
        buf_add(&data, &c, 1);
    }
    need(write_file(in, &data), in);
    result r = {0};
    fs(&r, "mkdir", "/data", NULL);
    CHECK(status_of(&r) == 0);
    fs(&r, "put", "/data/bytes.bin", in, NULL);
    CHECK(status_of(&r) == 0);
    fs(&r, "get", "data/bytes.bin", out, NULL);
    CHECK(status_of(&r) == 0);
    buf back = {0};
    CHECK(read_file(out, &back) && back.n == data.n && !memcmp(back.p, data.p, data.n));
    fs(&r, "ls", NULL);
    CHECK(status_of(&r) == 0 && has(&r.out, "dir             1  data/"));
    fs(&r, "ls", "/data", NULL);
    CHECK(has(&r.out, "file       300000  bytes.bin"));
    fs(&r, "ls", "/data/bytes.bin", NULL);
    CHECK(has(&r.out, "file       300000  bytes.bin"));
    /* put again replaces the contents */
    buf small = {0};
    buf_add(&small, "small\n", 6);
    need(write_file(in, &small), in);
    fs(&r, "put", "data/bytes.bin", in, NULL);
    fs(&r, "cat", "/data/bytes.bin", NULL);
    CHECK(status_of(&r) == 0 && r.out.n == 6 && !memcmp(r.out.p, "small\n", 6));
    buf_free(&data);
    buf_free(&back);
    buf_free(&small);
    buf_free(&r.out);
    buf_free(&r.err);
}

static void refusals(const char *dir)
{
    char missing[600];
    snprintf(missing, sizeof missing, "%s/no-such-host-file", dir);
    result r = {0};
    fs(&r, "cat", "/nothing", NULL);
    refused(&r, 1, "phantom fs cat: /nothing: no such file or directory");
    fs(&r, "rm", "/data", NULL);
    refused(&r, 1, "directory not empty");
    fs(&r, "mkdir", "/data", NULL);
    refused(&r, 1, "file exists");
    fs(&r, "mkdir", "/a/b", NULL);
    refused(&r, 1, "no such file or directory");
    fs(&r, "put", "/data/bytes.bin/x", missing, NULL);
    refused(&r, 1, missing);
    fs(&r, "get", "/data", missing, NULL);
    refused(&r, 1, "is a directory");
    fs(&r, "cat", "/data/bytes.bin/x", NULL);
    refused(&r, 1, "not a directory");
    fs(&r, "rm", "/", NULL);
    refused(&r, 1, "cannot be removed");
    fs(&r, "frob", NULL);
    refused(&r, 2, "unknown operation 'frob'");
    fs(&r, "put", "/x", NULL);
    refused(&r, 2, "missing arguments");
    fs(&r, "cat", NULL);
    refused(&r, 2, "missing arguments");
    fs(&r, "ls", "/", "extra", NULL);
    refused(&r, 2, "too many arguments");
    fs(&r, "--bogus", "ls", NULL);
    refused(&r, 2, "unknown option --bogus");
    fs(&r, NULL);
    refused(&r, 2, "which operation?");
    char *argv[] = {phantom, "fs", "--image", missing, "ls", NULL};
    result m = {0};
    run(argv, "/dev/null", NULL, &m);
    refused(&m, 1, "no such image");
    buf_free(&m.out);
    buf_free(&m.err);
    buf_free(&r.out);
    buf_free(&r.err);
}

/* A wasm program reads what `put` brought in and writes what `get` takes out. */
static void with_a_program(const char *dir)
{
    char src[600], wasm[600], in[600], out[600], cmd[2400];
    snprintf(src, sizeof src, "%s/upper.c", dir);
    snprintf(wasm, sizeof wasm, "%s/upper.wasm", dir);
    snprintf(in, sizeof in, "%s/in.txt", dir);
    snprintf(out, sizeof out, "%s/out.txt", dir);
    buf prog = {0};
    buf_addf(&prog, "#include <stdio.h>\n#include <ctype.h>\n"
                    "int main(void) { FILE *i = fopen(\"/data/in.txt\", \"r\"), *o = fopen(\"out.txt\", \"w\");\n"
                    "  if (!i || !o) return 1; int c; while ((c = fgetc(i)) != EOF) fputc(toupper(c), o);\n"
                    "  fclose(o); return 0; }\n");
    need(write_file(src, &prog), src);
    snprintf(cmd, sizeof cmd, "clang --target=wasm32-wasi --sysroot=/usr -O2 %s -o %s >/dev/null 2>&1", src, wasm);
    if (system(cmd) != 0) {
        printf("fs_command: skipped the wasm program: clang cannot build for wasm32-wasi\n");
        buf_free(&prog);
        return;
    }
    buf text = {0};
    buf_add(&text, "files live in the world\n", 24);
    need(write_file(in, &text), in);
    result r = {0};
    fs(&r, "put", "/data/in.txt", in, NULL);
    CHECK(status_of(&r) == 0);
    char *argv[] = {phantom, "run", "--image", img, wasm, NULL};
    result p = {0};
    run(argv, "/dev/null", NULL, &p);
    CHECK(status_of(&p) == 0);
    fs(&r, "get", "/out.txt", out, NULL);
    buf back = {0};
    CHECK(status_of(&r) == 0 && read_file(out, &back) && back.n == 24 && !memcmp(back.p, "FILES LIVE IN THE WORLD\n", 24));
    buf_free(&prog);
    buf_free(&text);
    buf_free(&back);
    buf_free(&p.out);
    buf_free(&p.err);
    buf_free(&r.out);
    buf_free(&r.err);
}

int main(void)
{
    runner_start("fs_command", phantom, sizeof phantom);
    snprintf(img, sizeof img, "%s/w.img", tmpdir);
    memcpy(cur_img, img, sizeof cur_img);
    result r = {0};
    fs(&r, "ls", NULL);   /* no world yet */
    refused(&r, 1, "no such image");
    fs(&r, "mkdir", "/made", NULL);   /* a write makes the world */
    CHECK(status_of(&r) == 0);
    fs(&r, "ls", "/", NULL);
    CHECK(status_of(&r) == 0 && has(&r.out, "dir             0  made/"));
    fs(&r, "rm", "/made", NULL);
    CHECK(status_of(&r) == 0);
    round_trip(tmpdir);
    refusals(tmpdir);
    with_a_program(tmpdir);
    char *argv[] = {phantom, "fsck", "--vm", img, NULL};
    run(argv, "/dev/null", NULL, &r);
    CHECK(status_of(&r) == 0 && has(&r.out, "clean"));
    t_remove_dir(tmpdir);
    tmpdir[0] = 0;
    buf_free(&r.out);
    buf_free(&r.err);
    return test_done("fs_command");
}
