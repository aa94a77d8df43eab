/*
 * durability.c - durability failures are loud, and signals save (issue 12).
 * Each case runs `phantom` as a user would and looks at what it says and
 * how it exits:
 *   ulimit -f    the image cannot grow: the failed snapshot is reported on
 *                stderr without -v, the run ends with status 3, and the
 *                process is not killed by SIGXFSZ;
 *   deleted      the image is deleted while the world runs: reported at the
 *                next snapshot, status 3, never "saved";
 *   truncated    likewise for an image cut short;
 *   SIGHUP       (the terminal closed) saves like SIGTERM: status 130,
 *                "saved", and `phantom boot` continues the program.
 */
#define _GNU_SOURCE
#include "testlib.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/phantom-durable-XXXXXX";
static char phantom[512], img[600], errpath[600], tick[600], big[600];

typedef struct child {
    pid_t pid;
    int out; /* its standard output */
} child;

/* Starts phantom with argv; fsize > 0 limits file size (ulimit -f). */
static child start(char *const argv[], rlim_t fsize)
{
    int p[2];
    REQUIRE(pipe(p) == 0);
    child c = {fork(), p[0]};
    REQUIRE(c.pid >= 0);
    if (c.pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        int e = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(e, 2);
        if (fsize) {
            struct rlimit rl = {fsize, fsize};
            setrlimit(RLIMIT_FSIZE, &rl);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    close(p[1]);
    return c;
}

/* Waits (at most 20 s) for a line of output equal to want. */
static bool wait_line(child *c, const char *want)
{
    char line[256];
    size_t n = 0;
    for (int waited = 0; waited < 20000;) {
        char ch;
        ssize_t r = read(c->out, &ch, 1);
        if (r <= 0)
            return false;
        if (ch != '\n') {
            if (n < sizeof line - 1)
                line[n++] = ch;
            continue;
        }
        line[n] = 0;
        if (!strcmp(line, want))
            return true;
        n = 0;
    }
    return false;
}

/* Exit status (128 + signal if killed), after at most 30 s. */
static int finish(child *c)
{
    int st = 0;
    for (int i = 0; i < 3000 && waitpid(c->pid, &st, WNOHANG) == 0; i++)
        usleep(10000);
    if (waitpid(c->pid, &st, WNOHANG) == 0) {
        kill(c->pid, SIGKILL);
        waitpid(c->pid, &st, 0);
        CHECK(!"phantom did not end within 30 s");
    }
    close(c->out);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static bool err_has(const char *text)
{
    FILE *f = fopen(errpath, "r");
    if (!f)
        return false;
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return strstr(buf, text) != NULL;
}

static void show_err(const char *what)
{
    fprintf(stderr, "--- %s: phantom said:\n", what);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "cat %s >&2", errpath);
    if (system(cmd)) {
    }
}

static void write_programs(void)
{
    FILE *f = fopen(tick, "w");
    REQUIRE(f);
    fputs("class tick {\n"
          "    static void main() {\n"
          "        int i = 0;\n"
          "        println(\"ready\");\n"
          "        while (i < 60) { .internal.thread.sleep(50); i++; }\n"
          "        println(\"done\");\n"
          "    }\n"
          "}\n",
          f);
    REQUIRE(fclose(f) == 0);
    f = fopen(big, "w");
    REQUIRE(f);
    fputs("class big {\n"
          "    static void main() {\n"
          "        var keep = new int[][32];\n"
          "        int i = 0;\n"
          "        while (i < 32) { keep[i] = new int[262144]; keep[i][7] = i; i++; }\n"
          "        println(\"done\");\n"
          "    }\n"
          "}\n",
          f);
    REQUIRE(fclose(f) == 0);
}

static void test_file_limit(void)
{
    unlink(img);
    char *argv[] = {phantom, "run", "--image", img, big, NULL};
    child c = start(argv, 24u << 20); /* the new image fits, the program's data not */
    int rc = finish(&c);
    CHECK(rc == 3);
    CHECK(err_has("snapshot failed: File too large"));
    CHECK(err_has("the final snapshot failed"));
    CHECK(!err_has("the world is saved"));
    if (rc != 3)
        show_err("ulimit -f");
    char *check[] = {phantom, "fsck", img, NULL};
    child f = start(check, 0);
    CHECK(finish(&f) == 0); /* the image holds its earlier snapshot, intact */
}

/* damage: 0 delete the image, 1 truncate it to two blocks. */
static void test_image_gone(int damage)
{
    unlink(img);
    char *argv[] = {phantom, "run", "--image", img, "--snapshot-interval", "50", tick, NULL};
    child c = start(argv, 0);
    CHECK(wait_line(&c, "ready"));
    if (damage == 0)
        CHECK(unlink(img) == 0);
    else
        CHECK(truncate(img, 8192) == 0);
    usleep(300000); /* a few snapshot intervals */
    kill(c.pid, SIGINT);
    int rc = finish(&c);
    CHECK(rc == 3);
    CHECK(err_has(damage == 0 ? "was deleted or replaced while the world ran" : "was truncated while the world ran"));
    CHECK(!err_has("the world is saved"));
    if (rc != 3)
        show_err(damage == 0 ? "deleted" : "truncated");
}

static void test_sighup(void)
{
    unlink(img);
    char *argv[] = {phantom, "run", "--image", img, tick, NULL};
    child c = start(argv, 0);
    CHECK(wait_line(&c, "ready"));
    kill(c.pid, SIGHUP);
    int rc = finish(&c);
    CHECK(rc == 130);
    CHECK(err_has("the world is saved"));
    char *again[] = {phantom, "boot", "--image", img, NULL};
    child b = start(again, 0);
    CHECK(wait_line(&b, "done")); /* the same program, continued */
    CHECK(finish(&b) == 0);
}

int main(void)
{
    REQUIRE(mkdtemp(dir));
    snprintf(phantom, sizeof phantom, "%s/phantom", t_build_dir());
    snprintf(img, sizeof img, "%s/w.img", dir);
    snprintf(errpath, sizeof errpath, "%s/stderr", dir);
    snprintf(tick, sizeof tick, "%s/tick.ph", dir);
    snprintf(big, sizeof big, "%s/big.ph", dir);
    write_programs();
    test_file_limit();
    test_image_gone(0);
    test_image_gone(1);
    test_sighup();
    t_remove_dir(dir);
    return test_done("durability");
}
