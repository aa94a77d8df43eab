/*
 * gc_bitmap.c - the complete collector's mark bits live in host memory
 * (docs/GC.md, "Mark bits"), which a user sees in two ways:
 *  - a complete cycle over a world of live objects makes the next
 *    snapshot write a few pages, not every live page (it wrote them all
 *    while the marks were in the objects' headers);
 *  - a cycle interrupted by a restart starts over at the next boot and
 *    still frees the garbage it was after (cyclic garbage that only the
 *    complete collector frees), with every live object kept and the world
 *    checked clean.
 * Under the sanitizer build the collector also asserts, at every cycle's
 * start, that the bitmap of its color is clear over every span.
 */
#define _GNU_SOURCE
#include "../../src/vm/asm.h"
#include "../../src/vm/gc/gc.h"
#include "../../src/vm/pvm.h"
#include "testlib.h"

#include <unistd.h>

#define LIVE_NODES 60000   /* 64-byte slots: about 940 pages */
#define GARBAGE_LOOPS 5000 /* self-loops: counts never fall to zero */

static const char program[] =
    ".class .gcb.node\n"
    ".field next\n.field a\n.field b\n.field c\n.field d\n"
    ".class .gcb.main\n"
    ".field static keep\n"
    ".method static main (*)void\n"
    "    .locals 3\n"
    "    pushint 0\n"
    "    store 1\n"
    "live:\n"
    "    new .gcb.node\n"
    "    store 2\n"
    "    load 2\n"
    "    getstatic .gcb.main keep\n"
    "    putfield .gcb.node next\n"
    "    load 2\n"
    "    putstatic .gcb.main keep\n"
    "    inclocal 1 1\n"
    "    load 1\n"
    "    pushint 60000\n"
    "    jlt live\n"
    "    pushint 0\n"
    "    store 1\n"
    "loops:\n"
    "    new .gcb.node\n"
    "    store 2\n"
    "    load 2\n"
    "    load 2\n"
    "    putfield .gcb.node next\n"
    "    inclocal 1 1\n"
    "    load 1\n"
    "    pushint 5000\n"
    "    jlt loops\n"
    "    retvoid\n"
    ".end\n";

static int full_cycle(pv_vm *vm, void *ctx)
{
    (void)ctx;
    pv_gc_full(vm);
    return 0;
}

/* Starts a complete cycle and does one piece of its marking. */
static int start_cycle(pv_vm *vm, void *ctx)
{
    (void)ctx;
    vm->gch->stress = true;   /* a cycle at once, one piece of work a step */
    pv_gc_step(vm);
    vm->gch->stress = false;
    return 0;
}

static pv_vm *open_world(const char *img, bool create)
{
    pvm_options o = {.image = img, .create = create, .snapshot_interval_ms = 3600000};
    pv_vm *vm;
    char err[600];
    if (pvm_open(&o, &vm, NULL, err, sizeof err) < 0) {
        fprintf(stderr, "gc_bitmap: %s\n", err);
        return NULL;
    }
    return vm;
}

static void quiet(void *ctx, const char *line)
{
    (void)ctx;
    (void)line;
}

int main(void)
{
    char dir[] = "/tmp/phantom-gcbitmap.XXXXXX";
    REQUIRE(mkdtemp(dir));
    char img[sizeof dir + 16];
    snprintf(img, sizeof img, "%s/w.img", dir);
    _Static_assert(LIVE_NODES == 60000 && GARBAGE_LOOPS == 5000, "the program's counts");

    pv_cf *cfs;
    int n;
    pv_cf_error cerr;
    REQUIRE(pv_asm(program, strlen(program), "gc_bitmap", &cfs, &n, &cerr) == 0 && n == 2);
    pv_vm *vm = open_world(img, true);
    REQUIRE(vm);
    char err[600];
    pv_cf *list[2] = {&cfs[0], &cfs[1]};
    REQUIRE(pvm_install(vm, list, 2, NULL, err, sizeof err) == 0);
    REQUIRE(pvm_start(vm, ".gcb.main", NULL, 0, err, sizeof err) == 0);
    pv_asm_free(cfs, n);
    CHECK(pvm_run_program(vm) == 0);
    pw_world *w = pvm_world(vm);

    /* 1. A cycle over live objects writes next to nothing of the world.
     * Settling first: a whole cycle, then snapshots until one is empty. */
    pvm_call(vm, full_cycle, NULL);
    for (int i = 0; i < 3; i++)
        REQUIRE(pvm_snapshot(vm) == 0);
    pvm_gc_stats g;
    pvm_gc_stats_get(vm, &g);
    CHECK(g.live_objects >= LIVE_NODES);
    CHECK(g.cycle_freed_objects >= GARBAGE_LOOPS);   /* the self-loops went */
    uint64_t live_pages = g.live_bytes / PV_PAGE;
    pw_stats s1, s2;
    pw_stats_get(w, &s1);
    pvm_call(vm, full_cycle, NULL);
    REQUIRE(pvm_snapshot(vm) == 0);
    pw_stats_get(w, &s2);
    uint64_t written = s2.pages_written - s1.pages_written;
    fprintf(stderr, "gc_bitmap: a cycle over %llu live pages; the next snapshot wrote %llu pages\n",
            (unsigned long long)live_pages, (unsigned long long)written);
    CHECK(live_pages > 500);
    CHECK(written < 16);

    /* 2. Cyclic garbage, a cycle started over it, a snapshot in mid-mark,
     * and the process gone without a last snapshot (as after kill -9). */
    uint64_t freed_before = g.cycle_freed_objects;
    /* The program again: a second list, in front of the first, and 5000
     * more self-loops (garbage only a complete cycle frees). */
    REQUIRE(pvm_start(vm, ".gcb.main", NULL, 0, err, sizeof err) == 0);
    CHECK(pvm_run_program(vm) == 0);
    pvm_call(vm, start_cycle, NULL);
    pvm_gc_stats_get(vm, &g);
    CHECK(!strcmp(g.phase, "mark"));
    REQUIRE(pvm_snapshot(vm) == 0);
    pvm_close(vm, false);

    vm = open_world(img, false);
    REQUIRE(vm);
    pvm_gc_stats_get(vm, &g);
    CHECK(!strcmp(g.phase, "idle"));   /* the marks went with the process: the cycle starts over */
    pvm_call(vm, full_cycle, NULL);
    pvm_gc_stats_get(vm, &g);
    CHECK(g.cycle_freed_objects - freed_before >= GARBAGE_LOOPS);
    CHECK(g.live_objects >= 2 * LIVE_NODES);
    CHECK(g.live_objects < 2 * LIVE_NODES + GARBAGE_LOOPS / 2);
    pvm_close(vm, true);

    pvm_check_result r;
    CHECK(pvm_check(img, &r, quiet, NULL, err, sizeof err) == 0);
    CHECK(r.objects >= 2 * LIVE_NODES);
    unlink(img);
    rmdir(dir);
    return test_done("gc_bitmap");
}
