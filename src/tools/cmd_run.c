/*
 * cmd_run.c - `phantom run` (install a program into a world and run it)
 * and `phantom boot` (resume a world: every thread continues).
 */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../hal/hal.h"
#include "../persist/pw.h"
#include "../display/display.h"
#include "../vm/pvm.h"
#include "ctl.h"
#include "program.h"
#include "shell.h"
#include "tools.h"


void help_run(void)
{
    hal_console_printf(1,
        "usage: phantom run [--image PATH] [--replica TARGET [--replica-key FILE] [--replica-sync]]\n"
        "                   [--snapshot-interval MS]\n"
        "                   [--memory-limit SIZE] [--commit-output] [--display [ADDR:]PORT]\n"
        "                   [--strategy NAME] [--keep POLICY] [-v]\n"
        "                   PROGRAM... [-- ARGS...]\n"
        "\n"
        "Installs a program into the world and runs it in a new thread until it ends,\n"
        "with every non-daemon thread it started.  Other threads of the world run\n"
        "meanwhile, and are saved with it to continue at the next boot.  The world\n"
        "(--image PATH, else $PHANTOM_IMAGE, else ./" TOOL_DEFAULT_IMAGE "; created if missing)\n"
        "keeps everything: kill the process at any moment and `phantom boot` continues\n"
        "from the last snapshot, threads included.\n"
        "\n"
        "PROGRAM is one or more Phantom language sources (.ph), class files (.phc),\n"
        "assembly sources (.pasm), WebAssembly WASI command modules (.wasm: a C\n"
        "program built with clang --target=wasm32-wasi; docs/WASM.md), Java class\n"
        "files (.class, with the classes they name from the same class path\n"
        "directory) or jars (.jar; docs/JAVA.md), or directories of them.  A .wasm\n"
        "module is validated first (an invalid one is refused, exit status 2); it\n"
        "runs with its memory in the world, its exit status is proc_exit's, and a\n"
        "trap ends it with status 1.  Java classes are translated at install time (a\n"
        "malformed or unsupported one is refused, exit status 2); main(String[]) of\n"
        "the jar's Main-Class, else of the first class given that has one, runs;\n"
        "an uncaught exception prints Java's report and exits with status 1.  The\n"
        ".ph sources are compiled together (errors: file:line:col: error: ...,\n"
        "exit status 2).  The\n"
        "entry point is the first class, in command-line order, with static main(),\n"
        "main(args), an instance main(), the original run(boot) / run(), or the\n"
        "original boot class's startup(var boot) [8]; the standard library's\n"
        "classes are never the entry point (a program class named like one\n"
        "replaces it).  ARGS, after `--`, are the strings main(args) receives.\n"
        "\n"
        "While it runs, the world can be reached through PATH.ctl, an owner-only\n"
        "socket: phantom attach opens the shell inside it, phantom snapshot, update\n"
        "and stop act on it (phantom attach --help).\n"
        "\n"
        TOOL_IMAGE_HELP
        "  --snapshot-interval MS   take a snapshot every MS milliseconds (default 1000)\n"
        TOOL_KEEP_HELP
        TOOL_MEMORY_LIMIT_HELP
        TOOL_COMMIT_OUTPUT_HELP
        TOOL_DISPLAY_HELP
        "  --strategy NAME          how snapshots track writes: uffd-async, uffd or mprotect\n"
        "                           (default: the best this host offers; a world made\n"
        "                           under one opens under the other)\n"
        "  -v                       say which world and snapshot (and the memory limit);\n"
        "                           -v -v says more\n"
        "\n"
        "Program output goes to standard output, Phantom's own messages to standard\n"
        "error.  Ctrl-C (also SIGTERM, or SIGHUP when the terminal closes) stops every\n"
        "thread at its next instruction and saves the world: `phantom boot` continues\n"
        "it.  A snapshot that cannot be written (full disk, `ulimit -f`, the image\n"
        "deleted) is reported at once on standard error.  Exit status: 0 normal end\n"
        "(or what the program set with .internal.process.setExitStatus), 1 uncaught\n"
        "exception, 2 bad usage or input, 3 the final snapshot failed (the image\n"
        "holds an earlier one), 130 interrupted (and saved).\n");
}

void help_boot(void)
{
    hal_console_printf(1,
        "usage: phantom boot [--image PATH] [--replica TARGET [--replica-key FILE] [--replica-sync]]\n"
        "                    [--snapshot-interval MS]\n"
        "                    [--memory-limit SIZE] [--commit-output] [--display [ADDR:]PORT]\n"
        "                    [--strategy NAME] [--keep POLICY] [-v]\n"
        "                    [--snapshot G] [--paused [--kill ID]... [--wait]]\n"
        "\n"
        "Resumes the world from its last snapshot: every thread continues where it\n"
        "was, sleeps keep their deadlines, and runs until no non-daemon thread is\n"
        "left.  A missing or unusable image is an error, never a new world.  While\n"
        "it runs, phantom attach, snapshot, update and stop reach it (as for run).\n"
        "Options as for phantom run (see phantom run --help), and:\n"
        "\n"
        "  --snapshot G go back: resume the world as it was at generation G, one of\n"
        "               those phantom snapshots lists.  That state becomes the newest\n"
        "               snapshot (a new generation); the newer ones stay listed until\n"
        "               the retention policy drops them, so boot --snapshot of one of\n"
        "               them undoes the rollback\n"
        "  --paused     resume with every thread held: nothing of the world runs.\n"
        "               Lists the threads (id, state, what each runs, where it is),\n"
        "               ends those given with --kill, saves the world and exits.\n"
        "  --kill ID    (with --paused) end thread ID where it stands, as :kill does\n"
        "  --wait       (with --paused) after the list, keep the world paused and\n"
        "               reachable: phantom attach to it, repair it (:threads, :kill ID,\n"
        "               :update FILE.ph), then :resume lets every thread run on and\n"
        "               the boot goes on as a normal one; Ctrl-C or phantom stop saves\n"
        "               and exits instead\n"
        "\n"
        "If the last boot of the world crashed the VM (a fatal fault within a few\n"
        "seconds of resuming its threads), boot refuses to resume them blindly\n"
        "again (exit status 2) and says how to repair the world: boot it --paused,\n"
        "--kill the thread at fault, then boot normally.  A paused boot that ends\n"
        "cleanly clears the refusal.  A kill -9 or power cut is not a crash: the\n"
        "next boot resumes as always.\n"
        "\n"
        "If the last 3 boots each failed within seconds (a thread the world brought\n"
        "with it ended by an uncaught exception; recorded in IMAGE.boot-errors), boot\n"
        "warns, names the last exception, and says how to repair the world: boot\n"
        "--paused --wait, phantom attach to it (or the shell: phantom --paused), then\n"
        ":threads, :kill ID or :update FILE.ph, and :resume, which lets every held\n"
        "thread run on from where it stood.  Or go back to a snapshot from before the\n"
        "trouble: phantom snapshots lists them, boot --snapshot G resumes one.\n"
        "\n"
        "Ctrl-C (or SIGTERM, SIGHUP) stops and saves the world again.  Exit status: 0\n"
        "normal end, 1 the program's main thread ended by an uncaught exception, 2 bad\n"
        "usage or an unusable image, 3 the final snapshot failed, 130 interrupted.\n");
}

typedef struct run_args {
    tool_world_opts w;
    bool paused;          /* boot --paused */
    bool wait;            /* boot --paused --wait: stay up until :resume or stop */
    uint64_t snapshot;    /* boot --snapshot G: resume as at generation G */
    uint64_t kills[64];   /* boot --paused --kill ID... */
    int nkills;
    char **files;
    int nfiles;
    char **prog_args;   /* after the files' `--`: main(args) receives them */
    int nprog_args;
    char rename_names[32][2][256];   /* update --rename OLD=NEW, full names */
    const char *renames[64];         /* pairs OLD, NEW into rename_names */
    int nrenames;
} run_args;

/* --rename OLD=NEW: two class names, made full (`shape` is `.shape`). */
static int add_rename(run_args *a, const char *v)
{
    const char *eq = strchr(v, '=');
    int k = a->nrenames;
    if (!eq || eq == v || !eq[1] || strchr(eq + 1, '=') || k == 32) {
        hal_console_printf(2, "phantom update: --rename: '%s' is not OLD=NEW (two class names; at most 32)\n", v);
        return -1;
    }
    snprintf(a->rename_names[k][0], sizeof a->rename_names[k][0], "%s%.*s", v[0] == '.' ? "" : ".", (int)(eq - v), v);
    snprintf(a->rename_names[k][1], sizeof a->rename_names[k][1], "%s%s", eq[1] == '.' ? "" : ".", eq + 1);
    a->renames[2 * k] = a->rename_names[k][0];
    a->renames[2 * k + 1] = a->rename_names[k][1];
    a->nrenames++;
    return 0;
}

/* Files from argv[from], up to a second `--` that starts the program's
 * arguments. */
static int files_then_args(int argc, char **argv, int from, run_args *a)
{
    a->files = argv + from;
    for (int i = from; i < argc; i++)
        if (!strcmp(argv[i], "--")) {
            a->prog_args = argv + i + 1;
            a->nprog_args = argc - i - 1;
            break;
        } else {
            a->nfiles++;
        }
    return 0;
}

static int parse(int argc, char **argv, run_args *a, bool want_files, const char *cmd)
{
    *a = (run_args){.w = {.image = tool_default_image()}};
    for (int i = 0; i < argc; i++) {
        int r = tool_world_option(argc, argv, &i, &a->w, cmd);
        if (r < 0)
            return -1;
        if (r > 0)
            continue;
        const char *v;
        if (!strcmp(cmd, "update") && (r = tool_option(argc, argv, &i, "--rename", &v, cmd)) != 0) {
            if (r < 0 || add_rename(a, v) < 0)
                return -1;
            continue;
        }
        if (!want_files && !strcmp(argv[i], "--paused")) {
            a->paused = true;
            continue;
        }
        if (!want_files && !strcmp(argv[i], "--wait")) {
            a->wait = true;
            continue;
        }
        if (!want_files && (r = tool_option(argc, argv, &i, "--snapshot", &v, cmd)) != 0) {
            if (r < 0 || tool_parse_generation(cmd, "--snapshot", v, &a->snapshot) < 0)
                return -1;
            continue;
        }
        if (!want_files && (r = tool_option(argc, argv, &i, "--kill", &v, cmd)) != 0) {
            if (r < 0)
                return -1;
            char *end;
            unsigned long long id = strtoull(v, &end, 10);
            if (!*v || *end || !id || a->nkills == (int)(sizeof a->kills / sizeof a->kills[0])) {
                hal_console_printf(2, "phantom %s: --kill: '%s' is not a thread id (or too many --kill)\n", cmd, v);
                return -1;
            }
            a->kills[a->nkills++] = id;
            continue;
        }
        if (!strcmp(argv[i], "--")) {
            /* Before the files, `--` ends the options (files may start
             * with '-'); after them, the program's arguments follow. */
            if (want_files && !a->files)
                return files_then_args(argc, argv, i + 1, a);
            if (want_files) {
                a->prog_args = argv + i + 1;
                a->nprog_args = argc - i - 1;
                return 0;
            }
            hal_console_printf(2, "phantom %s: unexpected argument '--'\n", cmd);
            return -1;
        }
        if (argv[i][0] == '-') {
            hal_console_printf(2, "phantom %s: unknown option '%s' (see phantom %s --help)\n", cmd, argv[i], cmd);
            return -1;
        }
        if (!want_files) {
            hal_console_printf(2, "phantom %s: unexpected argument '%s'\n", cmd, argv[i]);
            return -1;
        }
        if (!a->files)
            a->files = argv + i;
        a->nfiles++;
        if (a->files + a->nfiles != argv + i + 1) {
            hal_console_printf(2, "phantom %s: options must come before the program files\n", cmd);
            return -1;
        }
    }
    return 0;
}

/* The display of this command (--display), closed after the world. */
static struct pd_display *display;

/* A world whose threads fail at every boot: say so, and the ways out,
 * before it fails again (the boot goes on: the failure may be gone). */
static void warn_failed_boots(const char *image, const pvm_boot_info *bi, const char *cmd)
{
    hal_console_printf(2,
        "phantom %s: warning: the last %u boots of %s each failed within seconds of resuming:\n"
        "a thread of the world ended by an uncaught exception.  The last time:\n"
        "    %s\n"
        "Resuming it as it is will likely fail the same way.  To repair it, boot it with every\n"
        "thread held and attach to it:\n"
        "    phantom boot --paused --wait --image %s      (then, in another terminal:)\n"
        "    phantom attach --image %s\n"
        "(or both in one: phantom --paused --image %s), look with :threads, end the thread at\n"
        "fault with :kill ID or install fixed code with :update FILE.ph, then :resume: every\n"
        "thread runs on from where it stood.  Or go back to a snapshot from before the trouble:\n"
        "    phantom snapshots --image %s      (then:)  phantom boot --snapshot G --image %s\n",
        cmd, bi->failed_boots, image, bi->last_failure, image, image, image, image, image);
}

static int open_world(const run_args *a, bool create, pv_vm **vm, const char *cmd)
{
    if (!a->paused && tool_open_display(&a->w, &display, cmd) < 0)
        return -1;
    pvm_options o = {.image = a->w.image, .create = create, .snapshot_interval_ms = a->w.interval,
                     .strategy = a->w.strategy, .verbose = a->w.verbose, .memory_limit = a->w.memory_limit,
                     .paused = a->paused, .commit_output = a->w.commit_output, .display = display,
                     .replica = a->w.replica, .keep = a->w.keep_set ? &a->w.keep : NULL,
                     .snapshot = a->snapshot, .replica_key = a->w.replica_key,
                     .replica_sync = a->w.replica_sync};
    pvm_boot_info bi;
    char err[600];
    int rc = pvm_open(&o, vm, &bi, err, sizeof err);
    if (rc < 0) {
        tool_open_failed(cmd, a->w.image, rc, err);
        pd_close(display);
        display = NULL;
        return -1;
    }
    if (display)
        pd_ready(display);
    if (!a->paused && bi.failed_boots >= PVM_FAILED_BOOTS_WARN)
        warn_failed_boots(a->w.image, &bi, cmd);
    if (a->w.verbose) {
        if (bi.is_new)
            hal_console_printf(2, "phantom: new world %s\n", a->w.image);
        else
            hal_console_printf(2, "phantom: resumed %s from snapshot %llu (%llu ms old), boot %llu, %u thread%s, %u classes\n",
                               a->w.image, (unsigned long long)bi.generation, (unsigned long long)bi.snapshot_age_ms,
                               (unsigned long long)bi.boots, bi.threads, bi.threads == 1 ? "" : "s", bi.classes);
        hal_console_printf(2, "phantom: memory limit %llu MiB\n", (unsigned long long)(bi.memory_limit >> 20));
    }
    return 0;
}

static atomic_bool interrupted, stopped;

static void on_interrupt(void *vm)
{
    atomic_store(&interrupted, true);
    pvm_request_stop(vm);
}

static void on_stop(void *vm)   /* phantom stop, through the control socket */
{
    atomic_store(&stopped, true);
    pvm_request_stop(vm);
}

/* Runs the world until no non-daemon thread is left, or until Ctrl-C,
 * SIGTERM, SIGHUP or phantom stop: then the threads stop at their next
 * instruction boundary and the final snapshot (close_world) keeps them
 * there, to continue at the next boot.  Meanwhile the world can be
 * attached to (ctl.h): its requests are served between time slices.
 * boot.reboot() ends the run too: the world is snapshotted, closed and
 * opened again as `phantom boot` would, and runs on. */
static int run_world(pv_vm **vm, const run_args *a, bool program_only, const char *cmd)
{
    for (;;) {
        hal_on_interrupt(on_interrupt, *vm);
        tool_ctl *ctl = NULL;
        char err[1400];
        if (pvm_requests_open(*vm) == 0) {
            pvm_set_output_copy(*vm, tool_ctl_output_copy, NULL);
            if (!(ctl = tool_ctl_start(*vm, a->w.image, on_stop, *vm, err, sizeof err)))
                hal_console_printf(2, "phantom: warning: %s\n", err);
        }
        int rc = program_only ? pvm_run_program(*vm) : pvm_run(*vm);
        pvm_requests_close(*vm);
        tool_ctl_stop(ctl);
        pvm_requests_free(*vm);
        pvm_set_output_copy(*vm, NULL, NULL);
        hal_on_interrupt(NULL, NULL);
        if (!pvm_reboot_requested(*vm) || atomic_load(&interrupted))
            return rc;
        /* boot.reboot(): snapshot, then boot the world again as `phantom
         * boot` would: every thread goes on, the program's and the others */
        pvm_flush(*vm);
        int crc = pvm_close(*vm, true);
        *vm = NULL;
        if (crc < 0) {
            hal_console_printf(2, "phantom %s: reboot: the snapshot failed: %s\n", cmd, pw_strerror(crc));
            return 3;
        }
        if (open_world(a, false, vm, cmd) < 0)
            return 2;
        program_only = false;
    }
}

/* Closes the world with a final snapshot, and says "saved" only if it is.
 * Exit status: 3 if the final snapshot failed (the image holds an earlier
 * one), else 130 after an interrupt, else rc. */
static int close_world(pv_vm *vm, const run_args *a, int rc, const char *cmd)
{
    if (!vm)
        return rc;   /* a reboot that failed, reported */
    pvm_flush(vm);
    int crc = pvm_close(vm, true);
    pd_close(display);
    display = NULL;
    if (crc < 0) {
        bool gone = crc == PW_E_IMAGE_GONE || crc == PW_E_IMAGE_TRUNCATED;
        hal_console_printf(2, "phantom %s: the final snapshot failed: %s; %s\n", cmd, pw_strerror(crc),
                           gone ? "what the world did since its last snapshot is lost"
                                : "the image holds an earlier snapshot, and the work since then is lost");
        return 3;
    }
    if (atomic_load(&stopped) && !atomic_load(&interrupted)) {
        hal_console_printf(2, "phantom: stopped (phantom stop); the world is saved in %s (phantom boot continues it)\n",
                           a->w.image);
        return 0;
    }
    if (atomic_load(&interrupted)) {
        hal_console_printf(2, "phantom: interrupted; the world is saved in %s (phantom boot continues it)\n",
                           a->w.image);
        return 130;
    }
    return rc;
}

int cmd_run(int argc, char **argv)
{
    run_args a;
    if (parse(argc, argv, &a, true, "run") < 0)
        return 2;
    if (!a.nfiles) {
        hal_console_printf(2, "phantom run: no program given (see phantom run --help)\n");
        return 2;
    }
    tool_program p;
    if (tool_program_load(&p, a.files, a.nfiles) < 0)
        return 2;   /* tool_program_load printed the errors */
    if (!p.entry) {   /* before the world is touched: nothing is installed */
        hal_console_printf(2, "phantom run: %s%s: no class declares main() or run(boot)\n", a.files[0],
                           a.nfiles > 1 ? " ..." : "");
        tool_program_free(&p);
        return 2;
    }
    pv_vm *vm;
    if (open_world(&a, true, &vm, "run") < 0) {
        tool_program_free(&p);
        return 2;
    }
    char err[600];
    int rc = 2, ninits = 0;
    const char **inits = NULL;
    if (tool_program_install(vm, &p, &inits, &ninits, err, sizeof err) < 0)
        hal_console_printf(2, "phantom run: %s\n", err);
    else if (pvm_start_args(vm, p.entry, inits, ninits, (const char *const *)a.prog_args, a.nprog_args, err,
                            sizeof err) < 0)
        hal_console_printf(2, "phantom run: %s\n", err);
    else if (pvm_snapshot(vm) < 0)   /* the installed program is durable before it runs */
        hal_console_printf(2, "phantom run: %s: cannot save the installed program\n", a.w.image);
    else
        rc = run_world(&vm, &a, true, "run");
    free(inits);
    tool_program_free(&p);
    return close_world(vm, &a, rc, "run");
}

/* phantom boot --paused: lists the threads, ends those of --kill, saves.
 * Nothing of the world runs (the threads are held, pvm_options.paused). */
static int boot_paused(pv_vm *vm, const run_args *a)
{
    int n = pvm_threads(vm, NULL, 0), rc = 0;
    pvm_thread_info *t = calloc((size_t)n + 1, sizeof *t);
    if (!t) {
        hal_console_printf(2, "phantom boot: out of host memory\n");
        pvm_close(vm, false);
        return 2;
    }
    n = pvm_threads(vm, t, n);
    hal_console_printf(2, "phantom boot: %s resumed paused: none of its %d thread%s runs\n", a->w.image, n,
                       n == 1 ? "" : "s");
    char line[512];
    tool_thread_heading(line, sizeof line);
    hal_console_printf(1, "%s\n", n ? line : "no threads");
    for (int i = 0; i < n; i++) {
        tool_thread_line(&t[i], line, sizeof line);
        hal_console_printf(1, "%s\n", line);
    }
    free(t);
    if (a->wait && !a->nkills) {   /* the repair happens through phantom attach */
        hal_console_printf(2, "phantom boot: waiting, paused: phantom attach --image %s reaches it (:threads, :kill ID, "
                           ":update FILE.ph, then :resume); Ctrl-C or phantom stop saves and exits\n", a->w.image);
        int wrc = run_world(&vm, a, false, "boot");
        return close_world(vm, a, wrc, "boot");
    }
    int killed = 0;
    for (int i = 0; i < a->nkills; i++) {
        if (pvm_thread_kill(vm, a->kills[i]) < 0) {
            hal_console_printf(2, "phantom boot: no thread %" PRIu64 " (see the list above)\n", a->kills[i]);
            rc = 2;
        } else {
            hal_console_printf(1, "killed thread %" PRIu64 "\n", a->kills[i]);
            killed++;
        }
    }
    uint32_t left = pvm_thread_count(vm);
    int crc = close_world(vm, a, rc, "boot");
    if (crc == 0)
        hal_console_printf(2, "phantom boot: %s is saved%s; phantom boot --image %s resumes its %u thread%s\n",
                           a->w.image, killed ? "" : " (nothing was changed)", a->w.image, (unsigned)left,
                           left == 1 ? "" : "s");
    return crc;
}

int cmd_boot(int argc, char **argv)
{
    run_args a;
    if (parse(argc, argv, &a, false, "boot") < 0)
        return 2;
    if ((a.nkills || a.wait) && !a.paused) {
        hal_console_printf(2, "phantom boot: %s needs --paused\n", a.nkills ? "--kill" : "--wait");
        return 2;
    }
    if (a.nkills && a.wait) {
        hal_console_printf(2, "phantom boot: --kill and --wait do not go together (--kill ends threads, saves and exits)\n");
        return 2;
    }
    if (!hal_blockdev_exists(a.w.image)) {
        hal_console_printf(2, "phantom boot: %s: no such image (phantom run creates one)\n", a.w.image);
        return 2;
    }
    pv_vm *vm;
    if (open_world(&a, false, &vm, "boot") < 0)
        return 2;
    if (a.paused)
        return boot_paused(vm, &a);
    if (!pvm_thread_count(vm) && a.w.verbose)
        hal_console_printf(2, "phantom boot: the world has no threads to run\n");
    int rc = run_world(&vm, &a, false, "boot");
    return close_world(vm, &a, rc, "boot");
}

void help_update(void)
{
    hal_console_printf(1,
        "usage: phantom update [--image PATH] [--rename OLD=NEW]... [--strategy NAME] [-v]\n"
        "                      PROGRAM...\n"
        "\n"
        "Installs new versions of a program's classes into the world without running\n"
        "anything (docs/VM.md, \"Updating classes\"); a world that runs gets them\n"
        "through its control socket (phantom attach --help), installed by its own\n"
        "process between two time slices.  A class whose name the\n"
        "world has and whose class file changed gets a new version: every live\n"
        "object of it (and of its subclasses, wherever they were declared) is\n"
        "migrated, fields matched by name, new fields at their type's zero, removed\n"
        "ones dropped; static fields carry over by name and initialisers do not run\n"
        "again; threads running the old code finish it, new calls run the new code.\n"
        "If the new version has a method upgrade() (no arguments), it runs on each\n"
        "migrated object, in a thread of its own, when the world next runs; an\n"
        "exception there is reported and ends only that object's upgrade().\n"
        "Unchanged classes are kept, new ones added.  `phantom run` of a changed\n"
        "program does the same before it runs.  The whole update is one step: a\n"
        "snapshot, or kill -9, sees the world before or after it.\n"
        "\n"
        "Refused, with the image left byte-for-byte as it was (exit status 2), when a\n"
        "class the update leaves alone uses a field or method the new version drops,\n"
        "a running frame of old code uses a field the new version drops, carried-over\n"
        "values do not fit a field's new type, or a rename does not fit; the message\n"
        "lists each fault and how many objects.\n"
        "\n"
        "  --image PATH       the world's image file (must exist)\n"
        "  --rename OLD=NEW   the program's class NEW is the new version of the world's\n"
        "                     class OLD (renamed: its objects become NEW's, the name OLD\n"
        "                     is gone); without it a class of a new name is a new class\n"
        "  --strategy NAME, -v   as for phantom run\n"
        "\n"
        "Exit status: 0 updated, 2 refused or the program or image could not be read.\n");
}

/* The update of a running world: the program's class files go through
 * its control socket (ctl.h), and its process installs them. */
static int update_running(hal_sock s, const run_args *a, const tool_program *p)
{
    sh_buf line = {0}, body = {0};
    sh_buf_fmt(&line, "update %d", p->n);
    for (int r = 0; r < a->nrenames; r++)
        sh_buf_fmt(&line, " %s=%s", a->renames[2 * r], a->renames[2 * r + 1]);
    for (int i = 0; i < p->n && !body.oom; i++) {
        size_t len;
        uint8_t *bytes = pv_cf_write(p->classes[i], &len);
        if (!bytes) {
            body.oom = true;
            break;
        }
        unsigned char h[4] = {(unsigned char)(len >> 24), (unsigned char)(len >> 16), (unsigned char)(len >> 8),
                              (unsigned char)len};
        sh_buf_add(&body, (const char *)h, 4);
        sh_buf_add(&body, (const char *)bytes, len);
        free(bytes);
    }
    int rc = 2;
    if (line.oom || body.oom || !line.p) {
        hal_console_printf(2, "phantom update: out of host memory\n");
        hal_net_close(s);
    } else {
        rc = tool_ctl_request(s, line.p, body.p, body.n, false);
    }
    free(line.p);
    free(body.p);
    return rc;
}

int cmd_update(int argc, char **argv)
{
    run_args a;
    if (parse(argc, argv, &a, true, "update") < 0)
        return 2;
    if (!a.nfiles || a.nprog_args) {
        hal_console_printf(2, "phantom update: %s (see phantom update --help)\n",
                           a.nfiles ? "a program is not run by an update: no arguments after --"
                                    : "no program given");
        return 2;
    }
    tool_program p;
    if (tool_program_load(&p, a.files, a.nfiles) < 0)
        return 2;
    p.renames = a.renames;
    p.nrenames = a.nrenames;
    hal_sock s;
    if (tool_ctl_connect(a.w.image, &s) == 0) {   /* the world runs: its process installs the update */
        int rc = update_running(s, &a, &p);
        tool_program_free(&p);
        return rc;
    }
    pv_vm *vm;
    if (open_world(&a, false, &vm, "update") < 0) {
        tool_program_free(&p);
        return 2;
    }
    char err[4000];
    int ninits = 0;
    const char **inits = NULL;
    if (tool_program_install(vm, &p, &inits, &ninits, err, sizeof err) < 0) {
        hal_console_printf(2, "phantom update: %s: %s\n", a.w.image, err);
        tool_program_free(&p);
        pvm_close(vm, false);   /* no snapshot: the image stays as it was */
        return 2;
    }
    hal_console_printf(1, "phantom update: %s: %d classes installed, %d new\n", a.w.image, p.n, ninits);
    free(inits);
    tool_program_free(&p);
    return close_world(vm, &a, 0, "update");
}
