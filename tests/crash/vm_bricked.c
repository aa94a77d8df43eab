/*
 * vm_bricked.c - "a world can always be booted": damaged worlds are named
 * by `phantom fsck --vm`, and a world whose resume crashes the VM is
 * repaired with a paused boot.
 *
 *  1. A real program's world (tests/vm/persist/bricked.ph, killed with
 *     SIGKILL while its two threads run) is clean under fsck --vm.
 *  2. Copies of it, each damaged in one known way through the VM's own
 *     structures (a reference to a free slot, one outside the heap, an
 *     object whose class is not a class, a thread frame that runs a
 *     native method or no method at all), are reported with the right
 *     problem named, exit status 1; and worlds scribbled at random (300
 *     words of the heap, span headers included; 300 worlds under make
 *     torture) never make fsck --vm die of a signal.
 *  3. The bricked world: the victim thread's frame points at no method,
 *     so resuming it crashes the VM (a real segfault, in a subprocess).
 *     The next boot, the next run and the shell refuse and name --paused;
 *     `boot --paused` lists the threads without running any (no tick is
 *     printed) and names the damaged one; `--kill ID` ends it and saves;
 *     fsck --vm is clean again; a normal boot then finishes the program,
 *     its ticks going on from where they were.  The same repair through
 *     the paused shell (:threads, :kill ID) works too, with the crash
 *     under the mprotect strategy (whose own SIGSEGV handler must pass
 *     the crash on to the note).
 *  4. A kill -9 in the first moments of a boot is not a crash: the next
 *     boot resumes as always.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runner.h"

#include "killrun.h"

#include "../src/vm/gc/gc.h"
#include "../src/vm/pvm.h"

static char phantom[512], dir[256];

/* ---- running phantom -------------------------------------------------------------- */

static bool exited(const result *r, int code) { return WIFEXITED(r->status) && WEXITSTATUS(r->status) == code; }

static void phantom_run(result *r, const char *input, const char *a1, const char *a2, const char *a3,
                        const char *a4, const char *a5, const char *a6)
{
    char *argv[] = {phantom, (char *)a1, (char *)a2, (char *)a3, (char *)a4, (char *)a5, (char *)a6, NULL};
    *r = (result){0};
    run(argv, input ? input : "/dev/null", NULL, r);
}

/* The last tick a run printed. */
static void note_tick(void *ctx, const char *line)
{
    if (!strncmp(line, "tick ", 5))
        *(int *)ctx = atoi(line + 5);
}

/* `phantom run` (the program into a new world) or `phantom boot`, killed
 * with SIGKILL ms after its first output: the world keeps both threads.
 * Returns the last tick printed (0: none), *rc kr_run's status. */
static int run_killed(const char *img, bool boot, int ms, int *rc)
{
    char *run_argv[] = {phantom, "run", "--image", (char *)img, "--snapshot-interval", "20",
                        "tests/vm/persist/bricked.ph", NULL};
    char *boot_argv[] = {phantom, "boot", "--image", (char *)img, "--snapshot-interval", "20", NULL};
    int tick = 0;
    kr_run_opts o = {.kill_after_ms = ms, .line = note_tick, .ctx = &tick};
    *rc = kr_run(boot ? boot_argv : run_argv, &o);
    return tick;
}

/* The image and the boot note a killed boot leaves beside it. */
static void remove_world(const char *img)
{
    char note[600];
    snprintf(note, sizeof note, "%s.boot", img);
    remove(img);
    remove(note);
}

static void copy_file(const char *from, const char *to)
{
    buf b = {0};
    REQUIRE(read_file(from, &b));
    REQUIRE(write_file(to, &b));
    buf_free(&b);
}

/* ---- damaging a world through the VM's internals ---------------------------------- */

enum damage { D_FREE_SLOT, D_OUTSIDE, D_BAD_CLASS, D_NATIVE_FRAME, D_NO_METHOD, D_SCRIBBLE };

/* D_SCRIBBLE: 300 words anywhere in the heap's spans (headers, objects,
 * blocks, free slots) overwritten with random words, references and raw
 * pointers into the space, and small numbers. */
static uint64_t scribble_seed;

static void scribble(pv_vm *vm)
{
    /* the spans and their sizes first: a scribble may hit a span header */
    struct pv_span *spans[4096];
    uint64_t words[4096];
    size_t n = 0;
    for (struct pv_span *s = vm->gc->all; s && n < 4096; s = s->next) {
        words[n] = (uint64_t)s->npages * PV_PAGE / 8;
        spans[n++] = s;
    }
    REQUIRE(n > 0);
    uintptr_t base = (uintptr_t)pw_base(vm->w);
    uint64_t size = pw_size(vm->w);
    for (int i = 0; i < 300; i++) {
        size_t k = t_rand(&scribble_seed) % n;
        uint64_t *w = (uint64_t *)spans[k] + t_rand(&scribble_seed) % words[k];
        uint64_t r = t_rand(&scribble_seed);
        switch (r % 4) {
        case 0: *w = t_rand(&scribble_seed); break;
        case 1: *w = pv_from_ptr((void *)(base + t_rand(&scribble_seed) % size)); break;
        case 2: *w = base + (t_rand(&scribble_seed) % size & ~(uint64_t)15); break;
        default: *w = r >> 60; break;
        }
    }
}

static struct pv_thread *victim_thread(pv_vm *vm)
{
    struct pv_array *all = vm->root->threads;
    for (uint32_t i = 0; i < all->len; i++) {
        struct pv_thread *t = pv_as_ptr(all->items[i]);
        if (t->nframes && !strcmp(t->frames[0].m->owner->name->bytes, ".victim"))
            return t;
    }
    return NULL;
}

static struct pv_obj *free_slot(pv_vm *vm)
{
    for (struct pv_span *s = vm->gc->all; s; s = s->next)
        for (uint32_t i = 0; i < s->nslots; i++)
            if (!pv_gc_span_slot(s, i)->cls)
                return pv_gc_span_slot(s, i);
    return NULL;
}

/* Opens the world (nothing runs), damages it, and saves it so. */
static void damage(const char *img, enum damage d)
{
    pvm_options o = {.image = img};
    pv_vm *vm;
    char err[600];
    REQUIRE(pvm_open(&o, &vm, NULL, err, sizeof err) == 0);
    struct pv_thread *t = victim_thread(vm);
    REQUIRE(t && t->nframes == 1);
    struct pv_instance *victim = pv_as_ptr(t->target);
    REQUIRE(victim->nslots >= 1);
    struct pv_frame *f = &t->frames[t->nframes - 1];
    switch (d) {
    case D_FREE_SLOT: {
        struct pv_obj *o2 = free_slot(vm);
        REQUIRE(o2);
        victim->slot[0] = pv_from_ptr(o2);
        break;
    }
    case D_OUTSIDE:
        victim->slot[0] = pv_from_ptr((void *)(uintptr_t)0x123450);
        break;
    case D_BAD_CLASS:
        victim->h.cls = (struct pv_class *)(void *)victim->h.cls->name;   /* a string, not a class */
        break;
    case D_NATIVE_FRAME: {
        struct pv_method *sleep = pv_find_method(pv_find_class(vm, ".internal.thread"), "sleep", 1);
        REQUIRE(sleep && (sleep->flags & PV_MF_NATIVE));
        f->m = sleep;
        break;
    }
    case D_NO_METHOD:
        f->m = (struct pv_method *)(uintptr_t)0x10;   /* the interpreter faults on it */
        break;
    case D_SCRIBBLE:
        scribble(vm);
        break;
    }
    CHECK(pvm_close(vm, true) == 0);
}

static void fsck_names(const char *clean, enum damage d, const char *want, const char *detail)
{
    char img[512];
    snprintf(img, sizeof img, "%s/d%d.img", dir, (int)d);
    copy_file(clean, img);
    damage(img, d);
    result r;
    phantom_run(&r, NULL, "fsck", "-q", "--vm", img, NULL, NULL);
    bool ok = exited(&r, 1) && strstr(r.out.p, want) && strstr(r.out.p, detail) && strstr(r.out.p, "DAMAGED");
    CHECK(ok);
    if (!ok) {
        printf("vm_bricked: fsck --vm of damage %d (want \"%s\" ... \"%s\"), status %#x:\n", (int)d, want, detail,
               (unsigned)r.status);
        print_indented("stdout", &r.out, 40);
        print_indented("stderr", &r.err, 40);
    }
    buf_free(&r.out);
    buf_free(&r.err);
    remove_world(img);
}

/* fsck --vm of randomly scribbled worlds: any verdict but a crash. */
static void fsck_survives(const char *clean, int rounds)
{
    char img[512];
    snprintf(img, sizeof img, "%s/scribbled.img", dir);
    int damaged = 0;
    for (int i = 0; i < rounds; i++) {
        scribble_seed = 0x5eed0000u + (uint64_t)i;
        copy_file(clean, img);
        damage(img, D_SCRIBBLE);
        result r;
        phantom_run(&r, NULL, "fsck", "-q", "--vm", img, NULL, NULL);
        bool ok = exited(&r, 0) || exited(&r, 1);
        CHECK(ok);
        if (!ok) {
            printf("vm_bricked: fsck --vm of scribbled world %d: status %#x\n", i, (unsigned)r.status);
            print_indented("stderr", &r.err, 40);
        }
        damaged += exited(&r, 1);
        buf_free(&r.out);
        buf_free(&r.err);
        remove_world(img);
    }
    printf("vm_bricked: %d scribbled worlds checked without a crash, %d found damaged\n", rounds, damaged);
    CHECK(damaged > rounds / 2);
}

/* ---- the bricked world --------------------------------------------------------------- */

/* The id of the thread whose line says "damaged", or 0. */
static uint64_t damaged_id(const char *listing)
{
    for (const char *l = listing; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        const char *nl = strchr(l, '\n');
        const char *dm = strstr(l, "damaged frame");
        if (dm && (!nl || dm < nl))
            return strtoull(l, NULL, 10);
    }
    return 0;
}

static void refused(const char *img)
{
    result r;
    phantom_run(&r, NULL, "boot", "--image", img, NULL, NULL, NULL);
    CHECK(exited(&r, 2));
    CHECK(strstr(r.err.p, "crashed") && strstr(r.err.p, "--paused"));
    CHECK(!strstr(r.out.p, "tick"));
    buf_free(&r.out);
    buf_free(&r.err);
    phantom_run(&r, NULL, "run", "--image", img, "tests/vm/persist/bricked.ph", NULL, NULL);
    CHECK(exited(&r, 2) && strstr(r.err.p, "--paused"));
    buf_free(&r.out);
    buf_free(&r.err);
    phantom_run(&r, NULL, "--image", img, NULL, NULL, NULL, NULL);   /* the shell */
    CHECK(exited(&r, 2) && strstr(r.err.p, "--paused"));
    buf_free(&r.out);
    buf_free(&r.err);
}

/* strategy: NULL, or "mprotect", whose own SIGSEGV handler must pass the
 * crash on to the note (hal.h, crash evidence). */
static void crash_once(const char *img, const char *strategy)
{
    result r;
    if (strategy)
        phantom_run(&r, NULL, "boot", "--strategy", strategy, "--image", img, NULL);
    else
        phantom_run(&r, NULL, "boot", "--image", img, NULL, NULL, NULL);
    /* A segfault: death by the signal, or a sanitizer's report and exit. */
    CHECK(!exited(&r, 0) && !exited(&r, 2));
    buf_free(&r.out);
    buf_free(&r.err);
}

static void finishes(const char *img, int ticked)
{
    result r;
    phantom_run(&r, NULL, "boot", "--image", img, NULL, NULL, NULL);
    CHECK(exited(&r, 0));
    CHECK(strstr(r.out.p, "tick 40\ndone\n") != NULL);
    int first = 0;
    const char *p = strstr(r.out.p, "tick ");
    if (p)
        first = atoi(p + 5);
    /* the ticks go on: from the last snapshot, at most a tick or two back */
    CHECK(first >= ticked - 2 && first <= ticked + 2);
    if (!exited(&r, 0) || first < ticked - 2)
        printf("vm_bricked: repaired boot: status %#x, first tick %d (was %d)\n%s%s\n", (unsigned)r.status, first,
               ticked, r.out.p, r.err.p);
    buf_free(&r.out);
    buf_free(&r.err);
}

static void repair_by_boot(const char *clean, int ticked)
{
    char img[512], id[32];
    snprintf(img, sizeof img, "%s/brick.img", dir);
    copy_file(clean, img);
    damage(img, D_NO_METHOD);
    crash_once(img, NULL);
    refused(img);

    result r;
    phantom_run(&r, NULL, "boot", "--paused", "--image", img, NULL, NULL);
    CHECK(exited(&r, 0));
    CHECK(!strstr(r.out.p, "tick"));   /* nothing ran */
    CHECK(strstr(r.out.p, ".bricked.main") != NULL);
    uint64_t victim = damaged_id(r.out.p);
    CHECK(victim != 0);
    buf_free(&r.out);
    buf_free(&r.err);
    /* A paused boot that only looked cleared the refusal: the next boot
     * resumes the same threads, and crashes again, and is refused again. */
    crash_once(img, NULL);
    refused(img);

    snprintf(id, sizeof id, "%llu", (unsigned long long)victim);
    phantom_run(&r, NULL, "boot", "--paused", "--kill", id, "--image", img);
    CHECK(exited(&r, 0));
    CHECK(strstr(r.out.p, "killed thread") != NULL && !strstr(r.out.p, "tick"));
    buf_free(&r.out);
    buf_free(&r.err);
    phantom_run(&r, NULL, "fsck", "-q", "--vm", img, NULL, NULL);
    CHECK(exited(&r, 0) && strstr(r.out.p, "vm: ") && strstr(r.out.p, "clean"));
    buf_free(&r.out);
    buf_free(&r.err);
    finishes(img, ticked);
    remove_world(img);
}

static void repair_by_shell(const char *clean, int ticked)
{
    char img[512], script[512];
    snprintf(img, sizeof img, "%s/brick2.img", dir);
    snprintf(script, sizeof script, "%s/repair.txt", dir);
    copy_file(clean, img);
    damage(img, D_NO_METHOD);
    crash_once(img, "mprotect");
    refused(img);

    result r;
    buf in = {0};
    buf_addf(&in, ":threads\n");
    REQUIRE(write_file(script, &in));
    phantom_run(&r, script, "--paused", "--image", img, NULL, NULL, NULL);
    CHECK(exited(&r, 0));
    uint64_t victim = damaged_id(r.out.p);
    CHECK(victim != 0 && strstr(r.out.p, "paused, ") && !strstr(r.out.p, "tick"));
    buf_free(&r.out);
    buf_free(&r.err);

    crash_once(img, "mprotect");   /* looking cleared the refusal; the crash sets it again */
    in.n = 0;
    buf_addf(&in, ":kill %llu\nprintln(\"repaired\");\n", (unsigned long long)victim);
    REQUIRE(write_file(script, &in));
    phantom_run(&r, script, "--paused", "--image", img, NULL, NULL, NULL);
    CHECK(exited(&r, 0) && strstr(r.out.p, "killed thread") && strstr(r.out.p, "repaired\n"));
    CHECK(!strstr(r.out.p, "tick"));   /* inputs run; the world's threads do not */
    buf_free(&r.out);
    buf_free(&r.err);
    buf_free(&in);
    finishes(img, ticked);
    remove_world(img);
    remove(script);
}

/* kill -9 right after the boot begins: no crash, no refusal. */
static void killed_is_not_crashed(const char *clean)
{
    char img[512];
    snprintf(img, sizeof img, "%s/killed.img", dir);
    copy_file(clean, img);
    int rc;
    run_killed(img, true, 1, &rc);   /* killed in its first moments */
    CHECK(rc == -1);
    char note[600];
    snprintf(note, sizeof note, "%s.boot", img);
    CHECK(hal_path_exists(note));   /* the killed boot had not come up */
    CHECK(run_killed(img, true, 300, &rc) > 0 && rc == -1);   /* not refused: it ticks */
    remove_world(img);
}

int main(void)
{
    runner_name = "vm_bricked";
    const char *b = getenv("BUILD");
    snprintf(phantom, sizeof phantom, "%s/phantom", b && *b ? b : "build");
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    snprintf(dir, sizeof dir, "/tmp/phantom-bricked-XXXXXX");
    REQUIRE(mkdtemp(dir));
    snprintf(tmpdir, sizeof tmpdir, "%s", dir);
    char clean[512];
    snprintf(clean, sizeof clean, "%s/clean.img", dir);
    int rc;
    const int ticked = run_killed(clean, false, 450, &rc);
    CHECK(rc == -1 && ticked >= 2);

    result r;
    phantom_run(&r, NULL, "fsck", "--vm", clean, NULL, NULL, NULL);
    CHECK(exited(&r, 0) && strstr(r.out.p, "vm: ") && strstr(r.out.p, "clean"));
    buf_free(&r.out);
    buf_free(&r.err);

    fsck_names(clean, D_FREE_SLOT, "dangling reference", "a free slot");
    fsck_names(clean, D_OUTSIDE, "dangling reference", "outside the heap");
    fsck_names(clean, D_BAD_CLASS, "bad header", "is not a class");
    fsck_names(clean, D_NATIVE_FRAME, "bad thread", "is a native method");
    fsck_names(clean, D_NO_METHOD, "bad thread", "is not a method");
    printf("vm_bricked: fsck --vm names every damage\n");
    fsck_survives(clean, getenv("TORTURE") ? 300 : 12);   /* make torture: many more */

    repair_by_boot(clean, ticked);
    repair_by_shell(clean, ticked);
    printf("vm_bricked: a world that crashes the VM is refused, then repaired paused\n");
    killed_is_not_crashed(clean);

    remove_world(clean);
    rmdir(dir);
    return test_done("vm_bricked");
}
