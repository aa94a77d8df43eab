/*
 * commands.c - the `phantom` command line as a newcomer meets it (issue
 * 13): each case runs the command the way a user types it and checks what
 * a user would notice.
 *   compile -o DIR       creates DIR (and its parents) when missing; a DIR
 *                        that is a file is refused;
 *   PHANTOM_IMAGE        one rule for every command: run, boot, fsck and
 *                        info use it like the shell when not given one;
 *   run ends with its    `phantom run` returns when the program it started
 *   program              (and the threads that program started) ends, even
 *                        when another thread of the world runs forever; that
 *                        thread is saved and goes on at the next start;
 *   options              --name=VALUE as well as --name VALUE; a missing
 *                        value is named; a typo of a command gets "did you
 *                        mean"; help of an unknown command fails; -V;
 *   run twice            a program run again in the same world finds the
 *                        objects it published last time and casts them to
 *                        its classes: unchanged classes are reused, not
 *                        installed a second time; a changed class is new;
 *   make install         puts the command, the man page and the editor
 *                        files under DESTDIR/PREFIX; make uninstall removes
 *                        them.
 */
#define _GNU_SOURCE
#include "runner.h"

#include <sys/stat.h>

static char phantom[512];

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}



static bool has(const buf *b, const char *text) { return b->p && strstr(b->p, text); }

static const char *HELLO = "class hello {\n"
                           "    static void main() {\n"
                           "        int s = 0;\n"
                           "        for (int i = 1; i <= 10; i++) s += i;\n"
                           "        println(\"sum=\" + s);\n"
                           "    }\n"
                           "}\n";

static void compile_creates_dir(void)
{
    char src[600], out[600], phc[700];
    path_in(src, sizeof src, "hello.ph");
    path_in(out, sizeof out, "out/deep");
    snprintf(phc, sizeof phc, "%s/hello.phc", out);
    char *argv[] = {phantom, "compile", "-o", out, src, NULL};
    result r = {0};
    run(argv, "/dev/null", NULL, &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    CHECK(exists(phc));
    result_free(&r);

    char *file_as_dir[] = {phantom, "compile", "-o", src, src, NULL};
    result f = {0};
    run(file_as_dir, "/dev/null", NULL, &f);
    CHECK(WIFEXITED(f.status) && WEXITSTATUS(f.status) == 2);
    CHECK(has(&f.err, "not a directory"));
    result_free(&f);
    unlink(phc);
    path_in(out, sizeof out, "out/deep");
    rmdir(out);
    path_in(out, sizeof out, "out");
    rmdir(out);
}

static void image_from_environment(void)
{
    char img[600], src[600];
    path_in(img, sizeof img, "env.img");
    path_in(src, sizeof src, "hello.ph");
    setenv("PHANTOM_IMAGE", img, 1);
    char *argv[] = {phantom, "run", src, NULL};
    result r = {0};
    run(argv, "/dev/null", tmpdir, &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    CHECK(exists(img));
    char dflt[600];
    path_in(dflt, sizeof dflt, "phantom.img");
    CHECK(!exists(dflt)); /* not the default world beside it */
    result_free(&r);
    char *boot[] = {phantom, "boot", NULL};
    result b = {0};
    run(boot, "/dev/null", tmpdir, &b);
    CHECK(WIFEXITED(b.status) && WEXITSTATUS(b.status) == 0); /* found it: no "no such image" */
    result_free(&b);
    char *fsck[] = {phantom, "fsck", NULL}, *info[] = {phantom, "info", NULL};
    result f = {0}, i = {0};
    run(fsck, "/dev/null", tmpdir, &f);
    CHECK(WIFEXITED(f.status) && WEXITSTATUS(f.status) == 0 && has(&f.out, "env.img"));
    run(info, "/dev/null", tmpdir, &i);
    CHECK(WIFEXITED(i.status) && WEXITSTATUS(i.status) == 0 && has(&i.out, "env.img"));
    result_free(&f);
    result_free(&i);
    unsetenv("PHANTOM_IMAGE");
    unlink(img);
}

static void run_ends_with_its_program(void)
{
    char img[600], src[600];
    path_in(img, sizeof img, "bg.img");
    path_in(src, sizeof src, "hello.ph");
    /* A thread that never ends, started from the shell and saved with it. */
    put("start_ticker.txt", "class ticker { var n : int; void run() { while (true) { n++; "
                            ".internal.thread.sleep(20); } } };\n"
                            "var t = new ticker();\n"
                            ".internal.thread.start(t);\n");
    char input[600];
    path_in(input, sizeof input, "start_ticker.txt");
    char *shell[] = {phantom, "--image", img, NULL};
    result s = {0};
    run(shell, input, NULL, &s);
    CHECK(WIFEXITED(s.status) && WEXITSTATUS(s.status) == 0);
    result_free(&s);

    char *argv[] = {phantom, "run", "--image", img, src, NULL};
    result r = {0};
    run(argv, "/dev/null", NULL, &r);
    CHECK(!r.timed_out); /* before: waited for the ticker forever */
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    CHECK(has(&r.out, "sum=55"));
    result_free(&r);

    put("read_ticker.txt", "t.n > 0\n");
    path_in(input, sizeof input, "read_ticker.txt");
    result q = {0};
    run(shell, input, NULL, &q);
    CHECK(has(&q.out, "true")); /* the ticker lived on, and kept counting */
    result_free(&q);
    unlink(img);
}

/* Runs phantom with args (NULL-terminated after phantom); returns status. */
static int phantom_says(result *r, const char *a1, const char *a2, const char *a3, const char *a4)
{
    char *argv[] = {phantom, (char *)a1, (char *)a2, (char *)a3, (char *)a4, NULL};
    memset(r, 0, sizeof *r);
    run(argv, "/dev/null", tmpdir, r);
    return WIFEXITED(r->status) ? WEXITSTATUS(r->status) : 128 + WTERMSIG(r->status);
}

static void options(void)
{
    char img[600], src[600], eq[700];
    path_in(img, sizeof img, "eq.img");
    path_in(src, sizeof src, "hello.ph");
    snprintf(eq, sizeof eq, "--image=%s", img);
    result r;
    CHECK(phantom_says(&r, "run", eq, src, NULL) == 0);
    CHECK(has(&r.out, "sum=55") && exists(img));
    result_free(&r);
    unlink(img);

    CHECK(phantom_says(&r, "run", "--image", NULL, NULL) == 2);
    CHECK(has(&r.err, "--image needs a value"));
    result_free(&r);

    CHECK(phantom_says(&r, "rnu", src, NULL, NULL) == 2);
    CHECK(has(&r.err, "unknown command 'rnu'; did you mean 'run'?"));
    CHECK(r.out.n == 0 && r.err.n < 200); /* one line, not the whole help */
    result_free(&r);

    CHECK(phantom_says(&r, "help", "nope", NULL, NULL) == 2);
    CHECK(has(&r.err, "unknown command 'nope'"));
    result_free(&r);

    /* One wording for one problem, whichever command meets it. */
    char shell_in[600];
    put("load_missing.txt", ":load nope.ph\n");
    path_in(shell_in, sizeof shell_in, "load_missing.txt");
    char *shell[] = {phantom, "--image", img, NULL};
    result l = {0};
    run(shell, shell_in, tmpdir, &l);
    CHECK(has(&l.err, "nope.ph: cannot read: no such file"));
    result_free(&l);
    unlink(img);
    CHECK(phantom_says(&r, "run", "--image", img, "nope.ph") == 2);
    CHECK(has(&r.err, "nope.ph: cannot read: no such file"));
    result_free(&r);
    CHECK(phantom_says(&r, "compile", "nope.ph", NULL, NULL) == 2);
    CHECK(has(&r.err, "nope.ph: cannot read: no such file"));
    result_free(&r);

    CHECK(phantom_says(&r, "-V", NULL, NULL, NULL) == 0);
    CHECK(has(&r.out, "phantom 0."));
    result_free(&r);
    CHECK(phantom_says(&r, "--help", NULL, NULL, NULL) == 0);
    CHECK(has(&r.out, "--version"));
    result_free(&r);
}

static const char *TODO = "class item {\n"
                          "    var text : string;\n"
                          "    void init(string t) { text = t; }\n"
                          "}\n"
                          "class todo {\n"
                          "    static int runs;\n"
                          "    static void main() {\n"
                          "        var w = new .internal.world();\n"
                          "        var items = (.phantom.util.list) w.lookup(\"todo.items\");\n"
                          "        if (items == null) {\n"
                          "            items = new .phantom.util.list();\n"
                          "            w.publish(\"todo.items\", items);\n"
                          "        }\n"
                          "        var it = new item();\n"
                          "        it.init(\"task \" + items.size());\n"
                          "        items.add(it);\n"
                          "        runs++;\n"
                          "        var first = (item) items.get(0);\n"
                          "        println(\"items \" + items.size() + \", first \" + first.text + \", runs \" + runs%s);\n"
                          "    }\n"
                          "}\n";

static void run_twice(void)
{
    char img[600], src[600], text[2000], want[100];
    path_in(img, sizeof img, "todo.img");
    path_in(src, sizeof src, "todo.ph");
    snprintf(text, sizeof text, TODO, "");
    put("todo.ph", text);
    char *argv[] = {phantom, "run", "--image", img, src, NULL};
    for (int i = 1; i <= 3; i++) {
        result r = {0};
        run(argv, "/dev/null", NULL, &r);
        snprintf(want, sizeof want, "items %d, first task 0, runs %d\n", i, i);
        CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
        CHECK(has(&r.out, want));
        if (!has(&r.out, want))
            fprintf(stderr, "run %d said: %s%s\n", i, r.out.p ? r.out.p : "", r.err.p ? r.err.p : "");
        result_free(&r);
    }
    /* todo changed: a new version of it (update.c), whose statics carry
     * over and whose initialiser does not run again; item did not, so
     * yesterday's items still cast to it. */
    snprintf(text, sizeof text, TODO, " + \" (v2)\"");
    put("todo.ph", text);
    result r = {0};
    run(argv, "/dev/null", NULL, &r);
    CHECK(has(&r.out, "items 4, first task 0, runs 4 (v2)"));
    result_free(&r);
    unlink(img);
}

/* Installs what this test's build holds: -o keeps make from rebuilding
 * the command (a sanitizer build must stay one). */
static void make_install(void)
{
    const char *b = getenv("BUILD");
    char dest[600], build[600], cmd[2400], file[800];
    path_in(dest, sizeof dest, "dest");
    snprintf(build, sizeof build, "%s", b && *b ? b : "build");
    const char *make = "env -u MAKEFLAGS -u MAKELEVEL make --no-print-directory -s";
    snprintf(cmd, sizeof cmd, "%s -o %s/phantom install BUILD=%s DESTDIR=%s PREFIX=/usr >/dev/null", make, build,
             build, dest);
    CHECK(system(cmd) == 0);
    const char *want[] = {"/usr/bin/phantom", "/usr/share/man/man1/phantom.1",
                          "/usr/share/phantom/editors/vim/syntax/phantom.vim"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        snprintf(file, sizeof file, "%s%s", dest, want[i]);
        CHECK(exists(file));
    }
    snprintf(cmd, sizeof cmd, "%s uninstall BUILD=%s DESTDIR=%s PREFIX=/usr >/dev/null", make, build, dest);
    CHECK(system(cmd) == 0);
    snprintf(file, sizeof file, "%s/usr/bin/phantom", dest);
    CHECK(!exists(file));
    t_remove_dir(dest);
}

int main(void)
{
    runner_start("commands", phantom, sizeof phantom);
    put("hello.ph", HELLO);
    compile_creates_dir();
    image_from_environment();
    run_ends_with_its_program();
    options();
    run_twice();
    make_install();
    t_remove_dir(tmpdir);
    return test_done("commands");
}
