/*
 * shell_inspect.c - the shell's :inspect and :vars show containers by
 * what they hold (issue 13: ":inspect of a 30-entry map dumps about 190
 * lines of buckets"), driven with piped input as a script would:
 *   - a map of 30 entries is one line: its first 20 entries in the order
 *     they were put, then "... 10 more";
 *   - lists, sets, queues (a ring that has wrapped), stacks, arrays and
 *     directories likewise; an empty one; containers inside containers and
 *     in an object's fields;
 *   - :vars shows a container's kind and size;
 *   - :inspect --raw shows the fields a container is made of, as before;
 *   - the strings are quoted, nothing of the program runs (a class's own
 *     toString is not called).
 */
#define _GNU_SOURCE
#include "runner.h"

static char phantom[512];

/* The shell's standard output for `input`, in a fresh world. */
static void shell(const char *input, buf *out)
{
    char in_path[600], img[600];
    snprintf(in_path, sizeof in_path, "%s/in.txt", tmpdir);
    snprintf(img, sizeof img, "%s/shell.img", tmpdir);
    buf b = {0};
    buf_add(&b, input, strlen(input));
    need(write_file(in_path, &b), "write the input");
    buf_free(&b);
    char *argv[] = {phantom, "--image", img, NULL};
    result r = {0};
    snprintf(cur_img, sizeof cur_img, "%s", img);
    run(argv, in_path, tmpdir, &r);
    CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
    if (r.err.n)
        fprintf(stderr, "  standard error: %s\n", r.err.p);
    CHECK(r.err.n == 0);
    *out = r.out;
    buf_free(&r.err);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -f %s*", img);
    if (system(cmd)) {
    }
}

/* Line `want` is in out, whole. */
static bool has_line(const buf *out, const char *want)
{
    size_t n = strlen(want);
    for (const char *p = out->p; p && (p = strstr(p, want)) != NULL; p++)
        if ((p == out->p || p[-1] == '\n') && (p[n] == '\n' || p[n] == 0))
            return true;
    fprintf(stderr, "  no line \"%s\" in:\n%s\n", want, out->p ? out->p : "");
    return false;
}

static void contents(void)
{
    buf out = {0};
    shell("util.map m = new util.map();\n"
          "for (int i = 0; i < 30; i++) m.put(\"k\" + i, i);\n"
          ":inspect m\n"
          "class shy { string toString() { println(\"ran\"); return \"shy\"; } };\n"
          "util.list l = new util.list(); l.add(1); l.add(\"two\"); l.add(null); l.add(new int[2]); l.add(new shy());\n"
          ":inspect l\n"
          "util.set s = util.set.fromArray(\"b,a,c\".split(\",\"));\n"
          ":inspect s\n"
          "util.queue q = new util.queue();\n"
          "for (int i = 0; i < 6; i++) q.enqueue(i);\n"
          "for (int i = 0; i < 5; i++) q.dequeue();\n"
          "for (int i = 6; i < 11; i++) q.enqueue(i);\n"
          ":inspect q\n"
          "util.stack k = new util.stack(); k.push(\"bottom\"); k.push(\"top\");\n"
          ":inspect k\n"
          "var d = new .internal.directory(); d.put(\"b\", 2); d.put(\"a\", l);\n"
          ":inspect d\n"
          ":inspect new int[1]\n"
          ":inspect new util.map()\n"
          "class holder { var m; var n; };\n"
          "var h = new holder(); h.m = s; h.n = 5;\n"
          ":inspect h\n"
          ":vars\n",
          &out);
    CHECK(has_line(&out, "map (30 entries) {\"k0\": 0, \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, "
                         "\"k7\": 7, \"k8\": 8, \"k9\": 9, \"k10\": 10, \"k11\": 11, \"k12\": 12, \"k13\": 13, "
                         "\"k14\": 14, \"k15\": 15, \"k16\": 16, \"k17\": 17, \"k18\": 18, \"k19\": 19, ... 10 more}"));
    CHECK(strstr(out.p, "list (5 elements) [1, \"two\", null, array (2 elements) [0, 0], .shy@") != NULL);
    CHECK(!strstr(out.p, "ran"));   /* toString was not called */
    CHECK(has_line(&out, "set (3 elements) {\"b\", \"a\", \"c\"}"));
    CHECK(has_line(&out, "queue (6 elements) [5, 6, 7, 8, 9, 10]"));
    CHECK(has_line(&out, "stack (2 elements) [\"bottom\", \"top\"]"));
    CHECK(strstr(out.p, "directory (2 entries) {\"a\": list (5 elements) [1, \"two\", null, array (2 elements) [0, 0], "
                        ".shy@") != NULL);
    CHECK(has_line(&out, "array (1 element) [0]"));
    CHECK(has_line(&out, "map (0 entries) {}"));
    CHECK(has_line(&out, "  m = set (3 elements) {\"b\", \"a\", \"c\"}"));
    CHECK(has_line(&out, "  n = 5"));
    CHECK(has_line(&out, "m                util.map         map (30 entries)"));
    CHECK(has_line(&out, "q                util.queue       queue (6 elements)"));
    int nlines = 0;
    for (const char *p = out.p; p && *p; p++)
        nlines += *p == '\n';
    CHECK(nlines < 40);
    printf("contents: ok (%d lines)\n", nlines);
    buf_free(&out);
}

static void raw(void)
{
    buf out = {0};
    shell("util.stack k = new util.stack(); k.push(1); k.push(2);\n"
          ":inspect --raw k\n"
          ":inspect --raw new int[2]\n",
          &out);
    CHECK(strstr(out.p, ".phantom.util.stack@") != NULL);
    CHECK(has_line(&out, "  items = array of 2"));
    CHECK(has_line(&out, "    [1] = 2"));
    CHECK(has_line(&out, "array of 2"));
    CHECK(has_line(&out, "  [0] = 0"));
    buf_free(&out);
    printf("raw: ok\n");
}

int main(void)
{
    runner_start("shell_inspect", phantom, sizeof phantom);
    contents();
    raw();
    cur_img[0] = 0;
    rmdir(tmpdir);
    return test_done("shell_inspect");
}
