/*
 * shell_cmds.c - the shell's `:` commands (shell.h, docs/SHELL.md).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "../persist/pw.h"
#include "program.h"
#include "shell.h"
#include "tools.h"

#define MAX_THREADS_SHOWN 1000

const char *const sh_command_names[] = {
    ":help", ":threads", ":kill", ":inspect", ":vars", ":classes", ":forget", ":reset", ":load", ":update", ":run",
    ":snapshot", ":stats", ":resume", ":quit", NULL,
};

static int cmd_help(sh_ctx *c, const char *arg)
{
    (void)c;
    (void)arg;
    sh_printf(1,
        "Type Phantom statements, expressions and class declarations (docs/LANGUAGE.md).\n"
        "The value of an expression (or of a last statement that is one) is printed,\n"
        "strings quoted; variables and classes you declare stay in this world, as do\n"
        "threads you start: kill the process any way you like and run phantom again.\n"
        "Declaring a variable again replaces it; declaring a class again installs a new\n"
        "version of it: its objects are migrated, fields matched by name (docs/SHELL.md).\n"
        "Functions live in classes:\n"
        "class util { static int sq(int n) { return n * n; } }; then util.sq(3).\n"
        "An open brace continues the input on the next line.\n"
        "\n"
        "  :help              this text\n"
        "  :vars              the workspace's variables: name, type, value\n"
        "  :threads           every thread: id, state, what it runs, where it is\n"
        "  :kill ID           end thread ID now\n"
        "  :resume            in a world booted --paused: let every held thread run on\n"
        "  :inspect EXPR      an object's class and fields, a few levels deep; arrays,\n"
        "                     maps, lists, ... by their first items (--raw: by the\n"
        "                     fields they are made of)\n"
        "  :classes [all]     the classes declared here, and the version of those updated\n"
        "                     (all: every class in the world)\n"
        "  :forget NAME       forget workspace variable NAME\n"
        "  :reset             forget every variable and class of the workspace (asks;\n"
        "                     :reset! does not)\n"
        "  :load FILE.ph      compile FILE's classes into the workspace\n"
        "  :update FILE.ph    the same, installing new versions of the classes it\n"
        "                     declares again (their objects are migrated)\n"
        "  :run FILE.ph       start the program in FILE as a background thread\n"
        "  :snapshot          take a snapshot now and wait until it is durable\n"
        "  :stats             world size, threads, classes, snapshots and their pauses\n"
        "  :quit              take a last snapshot and leave (also Ctrl-D)\n"
        "\n"
        "Ctrl-C stops the evaluation in progress (the world goes on).  Keys (emacs's):\n"
        "arrows, Home/End, Ctrl-A/E, Alt-B/F by words, Ctrl-K/U/W, Up/Down for history,\n"
        "Ctrl-R searches it, Tab completes names, t.<Tab> members, .phantom.<Tab> classes.\n");
    return 0;
}

typedef struct threads_req { pvm_thread_info *t; int n; } threads_req;

static int list_threads(pv_vm *vm, void *ctx)
{
    threads_req *r = ctx;
    r->n = pvm_threads(vm, r->t, MAX_THREADS_SHOWN);
    return 0;
}

static int cmd_threads(sh_ctx *c, const char *arg)
{
    (void)arg;
    threads_req r = {calloc(MAX_THREADS_SHOWN, sizeof *r.t), 0};
    if (!r.t)
        return -1;
    pvm_call(c->vm, list_threads, &r);
    char line[512];
    tool_thread_heading(line, sizeof line);
    if (!r.n)
        sh_printf(1, "no threads\n");
    else
        sh_printf(1, "%s\n", line);
    for (int i = 0; i < r.n && i < MAX_THREADS_SHOWN; i++) {
        tool_thread_line(&r.t[i], line, sizeof line);
        sh_printf(1, "%s\n", line);
    }
    if (r.n > MAX_THREADS_SHOWN)
        sh_printf(1, "... and %d more\n", r.n - MAX_THREADS_SHOWN);
    free(r.t);
    return 0;
}

static int kill_req(pv_vm *vm, void *ctx) { return pvm_thread_kill(vm, *(uint64_t *)ctx); }

static int cmd_kill(sh_ctx *c, const char *arg)
{
    char *end;
    uint64_t id = strtoull(arg, &end, 10);
    if (!*arg || *end || !id) {
        sh_printf(2, "phantom: :kill needs a thread id (see :threads)\n");
        return -1;
    }
    if (pvm_call(c->vm, kill_req, &id) < 0) {
        sh_printf(2, "phantom: no thread %" PRIu64 " (see :threads)\n", id);
        return -1;
    }
    sh_printf(1, "killed thread %" PRIu64 "\n", id);
    return 0;
}

static int resume_req(pv_vm *vm, void *ctx)
{
    (void)ctx;
    return pvm_resume(vm);
}

/* :resume - the end of a repair: the world runs on as a normal boot. */
static int cmd_resume(sh_ctx *c, const char *arg)
{
    (void)arg;
    int rc = pvm_call(c->vm, resume_req, NULL);
    if (rc == PVM_E_VIEW) {
        sh_printf(2, "phantom: :resume: this is a read-only view of an old snapshot: its threads stay held "
                     "(phantom boot --snapshot G resumes the world from it)\n");
        return -1;
    }
    if (rc == PVM_E_NOT_PAUSED) {
        sh_printf(2, "phantom: :resume: the world is not paused: its threads already run\n");
        return -1;
    }
    if (rc < 0) {
        sh_printf(2, "phantom: :resume: %s\n", rc == -12 ? "out of host memory; the threads stay held"
                                                          : "the world has ended");
        return -1;
    }
    sh_printf(1, "resumed: the world's threads run on from where they stood\n");
    return 0;
}

static int cmd_inspect(sh_ctx *c, const char *arg)
{
    size_t flag = strlen("--raw");
    bool raw = !strncmp(arg, "--raw", flag) && (arg[flag] == 0 || arg[flag] == ' ' || arg[flag] == '\t');
    if (raw)
        arg += flag + strspn(arg + flag, " \t");
    if (!*arg) {
        sh_printf(2, "phantom: :inspect needs an expression (:inspect [--raw] EXPR)\n");
        return -1;
    }
    return sh_ws_inspect(c->ws, arg, raw, c->interrupted);
}

static void add_ws_class(void *ctx, const char *name, bool is_class)
{
    if (is_class)
        sh_list_add(ctx, name);
}

static int all_classes(pv_vm *vm, void *ctx)
{
    pvm_classes(vm, sh_list_add, ctx);
    return 0;
}

typedef struct versions_req { sh_list *l; uint32_t *v; } versions_req;

static int class_versions(pv_vm *vm, void *ctx)
{
    versions_req *r = ctx;
    for (int i = 0; i < r->l->n; i++)
        r->v[i] = pvm_class_version(vm, r->l->v[i]);
    return 0;
}

static int cmd_classes(sh_ctx *c, const char *arg)
{
    sh_list l = {0};
    if (!strcmp(arg, "all"))
        pvm_call(c->vm, all_classes, &l);
    else if (!*arg)
        sh_ws_names(c->ws, add_ws_class, &l);
    else {
        sh_printf(2, "phantom: :classes takes nothing or 'all'\n");
        return -1;
    }
    sh_list_sort(&l);
    versions_req r = {&l, calloc((size_t)l.n + 1, sizeof *r.v)};
    if (r.v)
        pvm_call(c->vm, class_versions, &r);
    for (int i = 0; i < l.n; i++)
        if (!strcmp(arg, "all") || strncmp(l.v[i], ".shell.", 7))
            sh_printf(1, r.v && r.v[i] > 1 ? "%s (version %u)\n" : "%s\n", l.v[i], r.v ? (unsigned)r.v[i] : 1u);
    free(r.v);
    if (!l.n)
        sh_printf(1, "no classes declared here yet (:classes all lists the world's)\n");
    sh_list_free(&l);
    return 0;
}

static int cmd_load(sh_ctx *c, const char *arg)
{
    if (!*arg) {
        sh_printf(2, "phantom: :load needs a file (FILE.ph)\n");
        return -1;
    }
    return sh_ws_load(c->ws, arg, false, c->interrupted);
}

static int cmd_update_file(sh_ctx *c, const char *arg)
{
    if (!*arg) {
        sh_printf(2, "phantom: :update needs a file (FILE.ph)\n");
        return -1;
    }
    return sh_ws_load(c->ws, arg, true, c->interrupted);
}

typedef struct run_req { tool_program *p; uint64_t id; char err[600]; } run_req;

static int start_program(pv_vm *vm, void *ctx)
{
    run_req *r = ctx;
    const char **inits;
    int ninits;
    if (tool_program_install(vm, r->p, &inits, &ninits, r->err, sizeof r->err) < 0)
        return -1;
    int rc = pvm_start_thread(vm, r->p->entry, inits, ninits, &r->id, r->err, sizeof r->err);
    free(inits);
    return rc;
}

static int cmd_run_program(sh_ctx *c, const char *arg)
{
    if (!*arg) {
        sh_printf(2, "phantom: :run needs a program (FILE.ph)\n");
        return -1;
    }
    tool_program p;
    char *files[1] = {(char *)arg};
    if (tool_program_load(&p, files, 1) < 0)
        return -1;   /* the errors are printed */
    run_req r = {.p = &p};
    int rc = -1;
    if (!p.entry)
        sh_printf(2, "phantom: %s: no class declares main() or run(boot)\n", arg);
    else if (pvm_call(c->vm, start_program, &r) < 0)
        sh_printf(2, "phantom: %s: %s\n", arg, r.err);
    else {
        sh_printf(1, "thread %" PRIu64 " runs %s (:threads, :kill %" PRIu64 ")\n", r.id, p.entry, r.id);
        rc = 0;
    }
    tool_program_free(&p);
    return rc;
}

static int cmd_snapshot_now(sh_ctx *c, const char *arg)
{
    (void)arg;
    uint64_t t0 = hal_now_mono_ns();
    int rc = pvm_snapshot(c->vm);
    if (rc < 0) {
        sh_printf(2, "phantom: %s: the snapshot failed: %s\n", c->image, hal_strerror(rc));
        return -1;
    }
    pw_stats st;
    pw_stats_get(pvm_world(c->vm), &st);
    sh_printf(1, "snapshot %" PRIu64 " is durable (%.1f ms)\n", st.generation, (hal_now_mono_ns() - t0) / 1e6);
    return 0;
}

static int get_stats(pv_vm *vm, void *ctx)
{
    pvm_stats_get(vm, ctx);
    return 0;
}

static int cmd_stats(sh_ctx *c, const char *arg)
{
    (void)arg;
    pvm_stats vs;
    pw_stats st;
    pvm_call(c->vm, get_stats, &vs);
    pw_stats_get(pvm_world(c->vm), &st);
    uint64_t now = hal_now_wall_ns();
    sh_printf(1, "world       %s: %.1f MiB held in the image, %.1f MiB resident\n", c->image,
              st.pages_present * 4096.0 / 1048576.0, st.mem.resident_pages * 4096.0 / 1048576.0);
    sh_printf(1, "strategy    %s (how snapshots track writes)\n", pw_strategy(pvm_world(c->vm)));
    sh_printf(1, "threads     %u (%u runnable)\n", vs.threads, vs.runnable);
    sh_printf(1, "classes     %u\n", vs.classes);
    sh_printf(1, "objects     %" PRIu64 " live (%.1f MiB) in a heap of %.1f MiB\n", vs.gc.live_objects,
              (vs.gc.live_bytes + vs.gc.block_bytes) / 1048576.0, vs.gc.heap_pages * 4096.0 / 1048576.0);
    sh_printf(1, "boots       %" PRIu64 "\n", vs.boots);
    sh_printf(1, "snapshots   newest %" PRIu64 " (%.1f s ago); %" PRIu64 " taken since boot, %" PRIu64 " failed, %.1f MiB written\n",
              st.generation, st.last_durable_wall_ns && now > st.last_durable_wall_ns ? (now - st.last_durable_wall_ns) / 1e9 : 0.0,
              st.snapshots, st.snapshots_failed, st.bytes_written / 1048576.0);
    if (st.interval_ms)
        sh_printf(1, "            %.2f a second over the last %.0f s, asked for %.2f (every %u ms)%s%s\n",
                  st.rate_achieved, st.rate_window_ms / 1e3, 1000.0 / st.interval_ms, st.interval_ms,
                  st.behind ? "; BEHIND: " : "", st.behind ? st.behind_why : "");
    if (st.failing)
        sh_printf(1, "            FAILING: the last %" PRIu64 " snapshot%s failed (%s); nothing newer "
                     "than snapshot %" PRIu64 " is durable\n",
                  st.failing, st.failing == 1 ? "" : "s", pw_strerror(st.last_error), st.generation);
    if (st.replica_on) {
        uint64_t behind = st.generation - st.replica_generation;
        double secs = st.replica_wall_ns && st.last_durable_wall_ns > st.replica_wall_ns
                          ? (st.last_durable_wall_ns - st.replica_wall_ns) / 1e9
                          : 0.0;
        if (!st.replica_generation)
            sh_printf(1, "replica     being built (no snapshot yet)");
        else if (!behind)
            sh_printf(1, "replica     level with the image (snapshot %" PRIu64 ")", st.replica_generation);
        else
            sh_printf(1, "replica     snapshot %" PRIu64 ": %" PRIu64 " behind (%.1f s)%s", st.replica_generation,
                      behind, secs, st.replica_synced ? "" : ", catching up");
        sh_printf(1, "; %.1f MiB shipped, %" PRIu64 " blocks sent again, %" PRIu64 " rebuilds, %" PRIu64
                     " catch-ups\n",
                  st.replica_bytes_shipped / 1048576.0, st.replica_resent, st.replica_rebuilds, st.replica_catchups);
    }
    sh_printf(1, "pauses      %" PRIu64 ": p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", st.pause_count,
              st.pause_p50_ns / 1e6, st.pause_p99_ns / 1e6, st.pause_max_ns / 1e6);
    if (vs.gc.disabled)
        sh_printf(1, "collectors  off (PHANTOM_GC=off)\n");
    else
        sh_printf(1,
                  "collectors  reference counting freed %" PRIu64 " objects (%.1f MiB); %" PRIu64
                  " complete cycles freed %" PRIu64 " (%.1f MiB), now %s\n"
                  "            %" PRIu64 " steps this boot: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                  vs.gc.rc_freed_objects, vs.gc.rc_freed_bytes / 1048576.0, vs.gc.cycles,
                  vs.gc.cycle_freed_objects, vs.gc.cycle_freed_bytes / 1048576.0, vs.gc.phase, vs.gc.steps,
                  vs.gc.step_p50_ns / 1e6, vs.gc.step_p99_ns / 1e6, vs.gc.step_max_ns / 1e6);
    return 0;
}

static int cmd_vars(sh_ctx *c, const char *arg)
{
    if (*arg) {
        sh_printf(2, "phantom: :vars takes nothing\n");
        return -1;
    }
    sh_ws_vars(c->ws);
    return 0;
}

static int cmd_forget(sh_ctx *c, const char *arg)
{
    if (!*arg || strpbrk(arg, " \t")) {
        sh_printf(2, "phantom: :forget needs one variable's name (see :vars)\n");
        return -1;
    }
    return sh_ws_forget(c->ws, arg);
}

static int reset(sh_ctx *c, const char *arg, bool ask)
{
    if (*arg) {
        sh_printf(2, "phantom: :reset takes nothing\n");
        return -1;
    }
    if (ask && !c->confirm) {
        sh_printf(2, "phantom: :reset asks first, and this is not a terminal: :reset! resets without asking\n");
        return -1;
    }
    if (ask && !c->confirm(c->confirm_ctx, "Forget every variable and class of the workspace? (y/N) ")) {
        sh_printf(1, "nothing forgotten\n");
        return 0;
    }
    return sh_ws_reset(c->ws);
}

static int cmd_reset(sh_ctx *c, const char *arg) { return reset(c, arg, true); }
static int cmd_reset_now(sh_ctx *c, const char *arg) { return reset(c, arg, false); }

static int cmd_quit(sh_ctx *c, const char *arg)
{
    (void)arg;
    c->quit = true;
    return 0;
}

static const struct {
    const char *name;
    int (*fn)(sh_ctx *c, const char *arg);
} commands[] = {
    {"help", cmd_help}, {"threads", cmd_threads}, {"kill", cmd_kill}, {"resume", cmd_resume},
    {"inspect", cmd_inspect},
    {"classes", cmd_classes}, {"load", cmd_load}, {"update", cmd_update_file}, {"run", cmd_run_program}, {"snapshot", cmd_snapshot_now},
    {"stats", cmd_stats}, {"vars", cmd_vars}, {"forget", cmd_forget}, {"reset", cmd_reset},
    {"reset!", cmd_reset_now}, {"quit", cmd_quit}, {"q", cmd_quit}, {"exit", cmd_quit}, {"h", cmd_help},
};

int sh_command(sh_ctx *c, const char *line)
{
    const char *p = line + 1;   /* after ':' */
    size_t n = strcspn(p, " \t");
    const char *arg = p + n;
    while (*arg == ' ' || *arg == '\t')
        arg++;
    char a[4096];
    snprintf(a, sizeof a, "%s", arg);
    for (size_t k = strlen(a); k > 0 && (a[k - 1] == ' ' || a[k - 1] == '\t' || a[k - 1] == '\n'); k--)
        a[k - 1] = 0;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strlen(commands[i].name) == n && !strncmp(commands[i].name, p, n))
            return commands[i].fn(c, a);
    sh_printf(2, "phantom: unknown command ':%.*s' (:help lists them)\n", (int)n, p);
    return -1;
}
