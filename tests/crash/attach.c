/*
 * attach.c - reaching a running world (issue 18, item 1): the control
 * socket IMAGE.ctl of `phantom run`, `boot` and the shell.
 *   socket         appears beside the image while the world runs, mode
 *                  0600, and is gone after it stops;
 *   two shells     attached one after the other, and two at the same
 *                  time, see each other's variables;
 *   detach         a thread started from an attached shell goes on after
 *                  Ctrl-D (end of input): its counter grows meanwhile;
 *   requests       `phantom snapshot`, `phantom update` (a class's new
 *                  version, in force in the running world; a refused one
 *                  reported by the command, the world unchanged) and
 *                  `phantom stop` (status 0, the world saved: boot goes
 *                  on counting) through the socket;
 *   stale          after kill -9 the socket file stays: attach says the
 *                  world is not running, stop says there is nothing to
 *                  stop, and the next boot replaces the file and serves;
 *   shell          the shell on the process's own input serves attach too,
 *                  and sees what the attached shell declared;
 *   other users    as root, a child that becomes `nobody` is refused even
 *                  when the socket's mode is widened to 0666 (the peer's
 *                  uid is checked); skipped with a line when not root.
 */
#define _GNU_SOURCE
#include "runner.h"

#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

static char phantom[512];
static char img[600], ctl[700];


static bool has(const buf *b, const char *text)
{
    if (b->p && strstr(b->p, text))
        return true;
    fprintf(stderr, "  no \"%s\" in:\n%s\n", text, b->p ? b->p : "");
    return false;
}

/* phantom with up to 4 arguments, input from `input` (NULL: none). */
static int cmd(result *r, const char *input, const char *a0, const char *a1, const char *a2, const char *a3)
{
    char in_path[600] = "/dev/null";
    if (input) {
        path_in(in_path, sizeof in_path, "stdin.txt");
        put("stdin.txt", input);
    }
    char *argv[] = {phantom, (char *)a0, (char *)a1, (char *)a2, (char *)a3, NULL};
    *r = (result){0};
    run(argv, in_path, tmpdir, r);
    return WIFEXITED(r->status) ? WEXITSTATUS(r->status) : -1;
}


/* The attached shell's standard output for `input`; its status must be 0. */
static void attached(const char *input, buf *out)
{
    result r;
    int rc = cmd(&r, input, "attach", "--image", img, NULL);
    CHECK(rc == 0);
    if (rc)
        fprintf(stderr, "  attach said: %s\n", r.err.p ? r.err.p : "");
    *out = r.out;
    buf_free(&r.err);
}

/* A world process in the background: phantom ARGS with stdin from a
 * pipe (*in_fd, -1: /dev/null), output to files. */
static pid_t start(char *const argv[], int *in_fd)
{
    int p[2] = {-1, -1};
    if (in_fd)
        need(pipe(p) == 0, "pipe");
    pid_t pid = fork();
    need(pid >= 0, "fork");
    if (pid == 0) {
        char o[700];
        snprintf(o, sizeof o, "%s/world.out", tmpdir);
        int out = open(o, O_WRONLY | O_CREAT | O_APPEND, 0600);
        int in = in_fd ? p[0] : open("/dev/null", O_RDONLY);
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
        if (in_fd)
            close(p[1]);
        if (chdir(tmpdir) != 0)
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    if (in_fd) {
        close(p[0]);
        *in_fd = p[1];
    }
    return pid;
}

static bool socket_up(void)
{
    for (int i = 0; i < 400; i++) {   /* up to 20 s: a loaded machine starts slowly */
        struct stat st;
        if (stat(ctl, &st) == 0 && S_ISSOCK(st.st_mode)) {
            int s = socket(AF_UNIX, SOCK_STREAM, 0);
            struct sockaddr_un sa = {.sun_family = AF_UNIX};
            snprintf(sa.sun_path, sizeof sa.sun_path, "%s", ctl);
            bool up = connect(s, (struct sockaddr *)&sa, sizeof sa) == 0;
            close(s);
            if (up)
                return true;
        }
        usleep(50 * 1000);
    }
    return false;
}

static int wait_exit(pid_t pid)
{
    int st;
    for (int i = 0; i < 600; i++) {
        if (waitpid(pid, &st, WNOHANG) == pid)
            return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
        usleep(50 * 1000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    return -1;
}

static long number_after(const buf *b, const char *prefix)
{
    const char *p = b->p ? strstr(b->p, prefix) : NULL;
    return p ? strtol(p + strlen(prefix), NULL, 10) : -1;
}

/* As root: a child that becomes nobody connects to the socket (made
 * 0666 and reachable, so only the server's check stands in the way) and
 * must read a refusal. */
static void other_user(void)
{
    if (geteuid() != 0) {
        printf("attach: other-user check skipped: not running as root (no second uid to switch to)\n");
        return;
    }
    struct passwd *pw = getpwnam("nobody");
    if (!pw) {
        printf("attach: other-user check skipped: no user 'nobody'\n");
        return;
    }
    CHECK(chmod(ctl, 0666) == 0);
    CHECK(chmod(tmpdir, 0755) == 0);
    int p[2];
    need(pipe(p) == 0, "pipe");
    pid_t pid = fork();
    need(pid >= 0, "fork");
    if (pid == 0) {
        close(p[0]);
        if (setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
            _exit(3);
        int s = socket(AF_UNIX, SOCK_STREAM, 0);
        struct sockaddr_un sa = {.sun_family = AF_UNIX};
        snprintf(sa.sun_path, sizeof sa.sun_path, "%s", ctl);
        if (connect(s, (struct sockaddr *)&sa, sizeof sa) != 0)
            _exit(4);
        signal(SIGPIPE, SIG_IGN);   /* the server may have answered and closed already */
        if (write(s, "attach\nvar stolen = 1;\n", 23) < 0 && errno != EPIPE && errno != ECONNRESET)
            _exit(5);
        char got[4096];
        size_t n = 0;
        ssize_t r;
        while (n < sizeof got && (r = read(s, got + n, sizeof got - n)) > 0)
            n += (size_t)r;
        if (write(p[1], got, n) < 0)
            _exit(6);
        _exit(0);
    }
    close(p[1]);
    char got[4096] = {0};
    size_t n = 0;
    ssize_t r;
    while (n < sizeof got - 1 && (r = read(p[0], got + n, sizeof got - 1 - n)) > 0)
        n += (size_t)r;
    close(p[0]);
    int st;
    waitpid(pid, &st, 0);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st))
        fprintf(stderr, "  the child as nobody: status %d, signal %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1,
                WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    bool refused = false;
    for (size_t i = 5; i + 7 <= n; i++)
        refused |= !memcmp(got + i, "refused", 7);
    CHECK(refused);
    CHECK(chmod(ctl, 0600) == 0);
    CHECK(chmod(tmpdir, 0700) == 0);
    buf out;
    attached("stolen\n", &out);   /* nothing of the other user's input ran */
    CHECK(!out.p || !strstr(out.p, "1\n"));
    buf_free(&out);
}

int main(void)
{
    runner_start("attach", phantom, sizeof phantom);
    path_in(img, sizeof img, "w.img");
    snprintf(ctl, sizeof ctl, "%s.ctl", img);
    put("ticker.ph", "class ticker { static int n; static void main() {"
                     " while (true) { n++; .internal.thread.sleep(20); } } };\n");
    put("step.ph", "class step { static int by() { return 1; } };\n");
    put("step2.ph", "class step { static int by() { return 1000; } };\n");
    put("step3.ph", "class step { static string by() { return \"x\"; } };\n");

    /* a running program's world */
    char *run_argv[] = {phantom, "run", "--image", img, "ticker.ph", NULL};
    pid_t world = start(run_argv, NULL);
    CHECK(socket_up());
    struct stat st;
    CHECK(stat(ctl, &st) == 0 && (st.st_mode & 0777) == 0600);

    buf out;
    attached("var shared = 41;\n:load step.ph\n"
             "class beat { static int n; void run() { while (true) { n += step.by(); .internal.thread.sleep(10); } } };\n"
             "var th = .internal.thread.start(new beat());\n",
             &out);
    buf_free(&out);
    attached("shared + 1\n\"n=\" + beat.n\n", &out);   /* a second shell sees the first's */
    CHECK(has(&out, "42\n"));
    long n1 = number_after(&out, "\"n=");
    buf_free(&out);
    usleep(300 * 1000);
    attached("\"n=\" + beat.n\n", &out);   /* the thread went on while nobody was attached */
    long n2 = number_after(&out, "\"n=");
    CHECK(n1 > 0 && n2 > n1);
    buf_free(&out);

    result r;
    CHECK(cmd(&r, NULL, "snapshot", "--image", img, NULL) == 0);
    CHECK(has(&r.out, "is durable"));
    result_free(&r);
    CHECK(cmd(&r, NULL, "update", "--image", img, "step2.ph") == 0);   /* the running world's */
    result_free(&r);
    attached("int a = beat.n; for (int i = 0; i < 500 && beat.n - a <= 1000; i++) .internal.thread.sleep(10);\n"
             "\"grew=\" + (beat.n - a > 1000)\n",
             &out);
    CHECK(has(&out, "\"grew=true\""));   /* the new step.by() is in force */
    buf_free(&out);
    CHECK(cmd(&r, NULL, "update", "--image", img, "step3.ph") == 2);   /* refused, said by the command */
    CHECK(has(&r.err, "class .beat calls .step.by()"));
    result_free(&r);
    attached("int b = beat.n; for (int i = 0; i < 500 && beat.n - b <= 1000; i++) .internal.thread.sleep(10);\n"
             "\"still=\" + (beat.n - b > 1000)\n",
             &out);
    CHECK(has(&out, "\"still=true\""));   /* nothing changed */
    buf_free(&out);

    /* two at once: the first waits while the second declares */
    int in1 = -1;
    char *att_argv[] = {phantom, "attach", "--image", img, NULL};
    pid_t first = start(att_argv, &in1);
    usleep(200 * 1000);
    attached("var both = \"from the second\";\n", &out);
    buf_free(&out);
    CHECK(write(in1, "println(both);\n", 15) == 15);
    close(in1);   /* Ctrl-D: detaches */
    CHECK(wait_exit(first) == 0);

    other_user();

    CHECK(cmd(&r, NULL, "stop", "--image", img, NULL) == 0);
    result_free(&r);
    CHECK(wait_exit(world) == 0);
    CHECK(access(ctl, F_OK) != 0);   /* removed at the end */
    buf wo = {0};
    char wpath[700];
    snprintf(wpath, sizeof wpath, "%s/world.out", tmpdir);
    CHECK(read_file(wpath, &wo) && has(&wo, "from the second"));
    buf_free(&wo);

    /* kill -9: the file stays, stale */
    char *boot_argv[] = {phantom, "boot", "--image", img, NULL};
    world = start(boot_argv, NULL);
    CHECK(socket_up());
    kill(world, SIGKILL);
    waitpid(world, NULL, 0);
    CHECK(access(ctl, F_OK) == 0);
    CHECK(cmd(&r, NULL, "attach", "--image", img, NULL) == 2);
    CHECK(has(&r.err, "not running"));
    result_free(&r);
    CHECK(cmd(&r, NULL, "stop", "--image", img, NULL) == 0);
    CHECK(has(&r.out, "not running"));
    result_free(&r);
    world = start(boot_argv, NULL);   /* replaces the stale file */
    CHECK(socket_up());
    attached("\"n=\" + beat.n\n", &out);
    CHECK(number_after(&out, "\"n=") > n2);   /* resumed, still counting */
    buf_free(&out);
    CHECK(cmd(&r, NULL, "stop", "--image", img, NULL) == 0);
    result_free(&r);
    CHECK(wait_exit(world) == 0);

    /* the shell serves too */
    unlink(wpath);
    int in = -1;
    char *sh_argv[] = {phantom, "--image", img, NULL};
    world = start(sh_argv, &in);
    CHECK(socket_up());
    attached("var fromattach = 7;\n", &out);
    buf_free(&out);
    CHECK(write(in, "fromattach * 6\n:quit\n", 21) == 21);
    close(in);
    CHECK(wait_exit(world) == 0);
    CHECK(read_file(wpath, &wo) && has(&wo, "42\n"));
    buf_free(&wo);

    unlink(img);
    t_remove_dir(tmpdir);
    return test_done("attach");
}
