/*
 * update_cmds.c - hot code update as a user meets it (issue 18, item 2),
 * through `phantom update`, `phantom run` and the shell (piped input):
 *   subclasses     a class declared by another program, extending a class
 *                  an update replaces, is migrated too: its objects keep
 *                  their fields, its overrides still win, the parent's new
 *                  methods reach them;
 *   refusals       each refused update (a value that does not fit a
 *                  field's new type, a method another class calls removed,
 *                  a rename of a class the world lacks or onto one it
 *                  has) exits 2 and leaves the image byte-for-byte the
 *                  same, fsck clean;
 *   rename         --rename OLD=NEW: OLD's objects become NEW's, statics
 *                  carry over, upgrade() runs on each at the next boot;
 *   shell          declaring a class again updates it (values by name,
 *                  "updated .point to version 2"), :classes and :inspect
 *                  show the version, a subclass declared in another input
 *                  is migrated, :load of a declared class is refused with
 *                  a pointer to :update, :update FILE updates and keeps
 *                  statics; upgrade() runs on each migrated object and an
 *                  exception in one is reported without stopping the
 *                  others; after a restart the workspace has the new
 *                  version;
 *   info           lists the updated classes with their versions.
 */
#define _GNU_SOURCE
#include "runner.h"

static char phantom[512];


static bool has(const buf *b, const char *text)
{
    if (b->p && strstr(b->p, text))
        return true;
    fprintf(stderr, "  no \"%s\" in:\n%s\n", text, b->p ? b->p : "");
    return false;
}

/* phantom ARGS... (up to 8) in tmpdir, stdin from `input` (NULL: none);
 * returns the exit status, output in *r. */
static int cmd(result *r, const char *input, const char *a0, const char *a1, const char *a2, const char *a3,
               const char *a4, const char *a5)
{
    char in_path[600] = "/dev/null";
    if (input) {
        path_in(in_path, sizeof in_path, "stdin.txt");
        put("stdin.txt", input);
    }
    char *argv[] = {phantom, (char *)a0, (char *)a1, (char *)a2, (char *)a3, (char *)a4, (char *)a5, NULL};
    *r = (result){0};
    run(argv, in_path, tmpdir, r);
    return WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1;
}


static bool same_file(const char *a, const char *b)
{
    buf x = {0}, y = {0};
    bool same = read_file(a, &x) && read_file(b, &y) && x.n == y.n && !memcmp(x.p, y.p, x.n);
    buf_free(&x);
    buf_free(&y);
    return same;
}

/* An update that must be refused: status 2, message, image unchanged, fsck clean. */
static void refused(const char *img, const char *why, const char *a0, const char *a1, const char *a2)
{
    char before[700], cmdline[1600];
    snprintf(before, sizeof before, "%s.before", img);
    snprintf(cmdline, sizeof cmdline, "cp %s %s", img, before);
    CHECK(system(cmdline) == 0);
    result r;
    CHECK(cmd(&r, NULL, "update", "--image", img, a0, a1, a2) == 2);
    CHECK(has(&r.err, why));
    result_free(&r);
    CHECK(same_file(img, before));
    CHECK(cmd(&r, NULL, "fsck", "--vm", img, NULL, NULL, NULL) == 0);
    result_free(&r);
    unlink(before);
}

static void subclasses_and_refusals(void)
{
    put("shape1.ph", "class shape { int x; int area() { return x; } };\n");
    put("square.ph", "class square extends shape { int side; int area() { return side * side + x; } };\n"
                     "class keep { static var s; static void main() { var q = new square(); q.x = 1; q.side = 3;"
                     " s = q; println(q.area()); } };\n");
    put("shape2.ph", "class shape { string name; int x; int area() { return x + 100; }"
                     " string describe() { return \"shape \" + name + \" \" + area(); } };\n");
    put("show.ph", "class show { static void main() { shape q = keep.s; println(q.describe());"
                   " println(q instanceof square); } };\n");
    put("shape3.ph", "class shape { string name; string x; int area() { return 0; }"
                     " string describe() { return \"\"; } };\n");
    put("shape4.ph", "class shape { string name; int x; int area() { return x; } };\n");
    put("ren.ph", "class shape2 { int x; };\n");
    char img[600];
    path_in(img, sizeof img, "sub.img");
    result r;
    CHECK(cmd(&r, NULL, "run", "--image", img, "shape1.ph", "square.ph", NULL) == 0);
    CHECK(has(&r.out, "10\n"));
    result_free(&r);
    CHECK(cmd(&r, NULL, "update", "--image", img, "shape2.ph", NULL, NULL) == 0);   /* was refused */
    result_free(&r);
    CHECK(cmd(&r, NULL, "run", "--image", img, "show.ph", "shape2.ph", "square.ph") == 0);
    CHECK(has(&r.out, "shape null 10\ntrue\n"));   /* square's override, shape's new method */
    result_free(&r);

    refused(img, "field x of .square is now declared .internal.string, which 1 of its objects' values do not fit",
            "shape3.ph", NULL, NULL);
    refused(img, "class .show calls .shape.describe()", "shape4.ph", NULL, NULL);
    refused(img, "the world has no class .nosuch", "--rename", "nosuch=shape2", "ren.ph");
    put("ren2.ph", "class square { int x; };\n");
    refused(img, "the world already has a class .square", "--rename", "shape=square", "ren2.ph");
    unlink(img);
}

static void rename_and_upgrade(void)
{
    put("r1.ph", "class holder { static var a; };\n"
                 "class acct { int bal; static int opened; };\n"
                 "class mk { static void main() { var x = new acct(); x.bal = 42; acct.opened = 7; holder.a = x; } };\n");
    put("r2.ph", "class account { int bal; string owner; static int opened;"
                 " void upgrade() { owner = \"unknown\"; } };\n"
                 "class holder { static var a; };\n");
    put("r3.ph", "class check { static void main() { account x = holder.a;"
                 " println(x.bal + \" \" + x.owner + \" \" + account.opened); } };\n"
                 "class account { int bal; string owner; static int opened;"
                 " void upgrade() { owner = \"unknown\"; } };\n"
                 "class holder { static var a; };\n");
    char img[600];
    path_in(img, sizeof img, "ren.img");
    result r;
    CHECK(cmd(&r, NULL, "run", "--image", img, "r1.ph", NULL, NULL) == 0);
    result_free(&r);
    CHECK(cmd(&r, NULL, "update", "--image", img, "--rename", "acct=account", "r2.ph") == 0);
    result_free(&r);
    CHECK(cmd(&r, NULL, "boot", "--image", img, NULL, NULL, NULL) == 0);   /* upgrade() runs */
    result_free(&r);
    CHECK(cmd(&r, NULL, "run", "--image", img, "r3.ph", NULL, NULL) == 0);
    CHECK(has(&r.out, "42 unknown 7\n"));
    result_free(&r);
    CHECK(cmd(&r, NULL, "info", img, NULL, NULL, NULL, NULL) == 0);
    CHECK(has(&r.out, ".account v"));
    result_free(&r);
    unlink(img);
}

static void shell(void)
{
    put("counter1.ph", "class counter { static int total; int n; void bump() { n++; total++; } };\n");
    put("counter2.ph", "class counter { static int total; int n; int extra;"
                       " void bump() { n += 2; total++; } };\n");
    char img[600];
    path_in(img, sizeof img, "shell.img");
    result r;
    int rc = cmd(&r,
                 "class point { int x; int y; int sum() { return x + y; } };\n"
                 "var p = new point(); p.x = 3; p.y = 4;\n"
                 "class point3 extends point { int z; };\n"
                 "var q = new point3(); q.x = 1; q.z = 5;\n"
                 "class point { int y; string label; int x; int sum() { return 10 * (x + y); } };\n"
                 "p.sum()\n"
                 "q.sum() + q.z\n"
                 ":classes\n"
                 ":inspect p\n"
                 ":load counter1.ph\n"
                 "var c = new counter(); c.bump(); c.bump();\n"
                 ":update counter2.ph\n"
                 "c.bump();\n"
                 "\"n=\" + c.n + \" total=\" + counter.total\n"
                 "class temp { double c; };\n"
                 "var a = new temp(); a.c = 20.0;\n"
                 "var b = new temp(); b.c = 30.0;\n"
                 "class temp { double c; double f; void upgrade() { f = c * 9 / 5 + 32;"
                 " if (c > 25) throw new .phantom.FormatException(\"too hot: \" + c); } };\n"
                 "for (int i = 0; i < 500 && (a.f == 0.0 || b.f == 0.0); i++) .internal.thread.sleep(10);\n"
                 "a.f + \" \" + b.f\n",
                 "--image", img, NULL, NULL, NULL, NULL);
    CHECK(rc == 0);
    CHECK(has(&r.out, "updated .point to version 2\n70\n15\n"));   /* values by name; the subclass too */
    CHECK(has(&r.out, ".point (version 2)\n.point3 (version 2)\n"));
    CHECK(has(&r.out, "(version 2)\n  y = 4\n  label = null\n  x = 3\n"));
    CHECK(has(&r.out, "updated .counter to version 2\n"));
    CHECK(has(&r.out, "\"n=4 total=3\"\n"));   /* the new bump, the static kept */
    CHECK(has(&r.out, "\"68.0 86.0\"\n"));
    CHECK(has(&r.err, "Uncaught .phantom.FormatException: too hot: 30.0"));
    result_free(&r);

    rc = cmd(&r, ":load counter1.ph\n", "--image", img, NULL, NULL, NULL, NULL);
    CHECK(rc == 1);
    CHECK(has(&r.err, ":update counter1.ph installs the new version"));
    result_free(&r);
    rc = cmd(&r, "p.sum()\nnew point().label\n", "--image", img, NULL, NULL, NULL, NULL);   /* after a restart */
    CHECK(rc == 0);
    CHECK(has(&r.out, "70\nnull\n"));
    result_free(&r);
    unlink(img);
}

/* An interface call site that alternates between two classes (the calls
 * the interpreter's host-side call cache serves) runs the new method once
 * one class is updated, in the same session and after a restart. */
static void polymorphic_site(void)
{
    char img[600];
    path_in(img, sizeof img, "poly.img");
    result r;
    int rc = cmd(&r,
                 "interface sh { int f(); };\n"
                 "class a1 implements sh { int f() { return 1; } };\n"
                 "class a2 implements sh { int f() { return 2; } };\n"
                 "class runner { static int go(sh[] xs) { int s = 0;"
                 " foreach (x in xs) s = s * 10 + x.f(); return s; } };\n"
                 "sh[] xs = new sh[4]; xs[0] = new a1(); xs[1] = new a2(); xs[2] = new a1(); xs[3] = new a2();\n"
                 "runner.go(xs)\n"
                 "class a2 implements sh { int f() { return 7; } };\n"
                 "runner.go(xs)\n",
                 "--image", img, NULL, NULL, NULL, NULL);
    CHECK(rc == 0);
    CHECK(has(&r.out, "1212\nupdated .a2 to version 2\n1717\n"));
    result_free(&r);
    rc = cmd(&r, "runner.go(xs)\n", "--image", img, NULL, NULL, NULL, NULL);
    CHECK(rc == 0);
    CHECK(has(&r.out, "1717\n"));
    result_free(&r);
    unlink(img);
}

int main(void)
{
    runner_start("update_cmds", phantom, sizeof phantom);
    subclasses_and_refusals();
    rename_and_upgrade();
    shell();
    polymorphic_site();
    t_remove_dir(tmpdir);
    return test_done("update_cmds");
}
