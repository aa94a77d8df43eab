/*
 * cmd_info.c - `phantom info IMAGE [--replica PATH]`: what the root slots
 * say, and how far a replica is behind.
 */
#include "../persist/pw.h"
#include "../vm/pvm.h"
#include "tools.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void help_info(void)
{
    hal_console_printf(1,
                       "usage: phantom info [IMAGE] [--replica TARGET [--replica-key FILE]] [--snapshot G]\n"
                       "       (IMAGE: default $PHANTOM_IMAGE, else ./" TOOL_DEFAULT_IMAGE "; a path or an NBD URI)\n"
                       "\n"
                       "Shows an image's format version, world id, the persistent space's address\n"
                       "and size, the image size, and for each root slot its snapshot: generation,\n"
                       "time, pages, blocks used; then the world's objects, what its garbage\n"
                       "collectors freed, the classes updated with their versions, and the snapshot\n"
                       "strategy this host chooses (opening it only to look: nothing runs or is\n"
                       "written).\n"
                       "`phantom fsck` checks everything.  --replica TARGET: also how many\n"
                       "snapshots (and seconds) the replica TARGET (run/boot --replica) is behind\n"
                       "the image; for a replica-server (tcp://HOST:PORT) with --replica-key FILE.\n"
                       "Asking a replica-server takes its connection for a moment: the world\n"
                       "reconnects within seconds.\n"
                       "--snapshot G: the objects, collectors and classes of the world as it was\n"
                       "at the retained generation G (phantom snapshots lists them), without\n"
                       "resuming it.\n"
                       "\n"
                       "Exit status: 0 success, 2 the image cannot be read or has no usable root\n"
                       "(or generation G is not retained).\n");
}

typedef struct updated { pv_vm *vm; unsigned n; char list[512]; } updated;

static void note_version(void *ctx, const char *name)
{
    updated *u = ctx;
    uint32_t v = pvm_class_version(u->vm, name);
    if (v <= 1)
        return;
    size_t at = strlen(u->list);
    if (u->n++ < 8)
        snprintf(u->list + at, sizeof u->list - at, "%s%s v%u", at ? ", " : "", name, (unsigned)v);
}

/* The objects and collectors of the newest snapshot: the world is opened
 * to look only (nothing runs, nothing is written). */
static void print_objects(const char *image, uint64_t snapshot)
{
    pvm_options o = {.image = image, .inspect = true, .snapshot = snapshot};
    pv_vm *vm;
    char err[600];
    if (pvm_open(&o, &vm, NULL, err, sizeof err) < 0) {
        hal_console_printf(1, "objects:        unavailable: %s\n", err);
        return;
    }
    pvm_gc_stats g;
    pvm_gc_stats_get(vm, &g);
    char live[32], heap[32], rcb[32], cyb[32];
    tool_human_size(g.live_bytes + g.block_bytes, live, sizeof live);
    tool_human_size(g.heap_pages * 4096, heap, sizeof heap);
    tool_human_size(g.rc_freed_bytes, rcb, sizeof rcb);
    tool_human_size(g.cycle_freed_bytes, cyb, sizeof cyb);
    hal_console_printf(1,
                       "objects:        %llu live (%s) in a heap of %s; %u threads\n"
                       "collectors:     reference counting freed %llu (%s); %llu complete\n"
                       "                collections freed %llu (%s); the last one took %.1f ms\n"
                       "                (%.2f ms of work in steps); collector now %s\n",
                       (unsigned long long)g.live_objects, live, heap, (unsigned)pvm_thread_count(vm),
                       (unsigned long long)g.rc_freed_objects, rcb, (unsigned long long)g.cycles,
                       (unsigned long long)g.cycle_freed_objects, cyb, (double)g.last_cycle_ns / 1e6,
                       (double)g.last_cycle_work_ns / 1e6, g.phase);
    updated u = {vm, 0, ""};
    pvm_classes(vm, note_version, &u);
    hal_console_printf(1, "classes:        %u updated (hot code update)%s%s%s\n", u.n, u.n ? ": " : "", u.list,
                       u.n > 8 ? ", ..." : "");
    /* Chosen per open, best first (--strategy overrides): what a run here gets. */
    hal_console_printf(1, "strategy:       %s (how snapshots track writes on this host)\n",
                       pw_strategy(pvm_world(vm)));
    pvm_close(vm, false);
}

/* How far the replica is behind img (its newest snapshot and world id):
 * a local image read directly, a replica-server asked over the stream. */
static void print_replica(const char *replica, const char *key, const pw_image_info *img)
{
    pw_image_info in;
    pw_replica_state rs = {0};
    pw_error err = {0, ""};
    int rc;
    if (!strncmp(replica, "tcp://", 6)) {
        rc = pw_replica_probe(replica, key, &rs, &err);
    } else if (!(rc = pw_image_info_read(replica, &in, &err)) && in.newest >= 0) {
        rs = (pw_replica_state){true, in.slot[in.newest].generation, in.slot[in.newest].wall_ns,
                                {in.world_id[0], in.world_id[1]}};
    }
    uint64_t g = img->newest >= 0 ? img->slot[img->newest].generation : 0;
    if (rc && !strncmp(replica, "tcp://", 6)) {
        hal_console_printf(1, "replica:        %s: cannot ask it: %s\n", replica, err.msg);
    } else if (rc || !rs.valid) {
        hal_console_printf(1, "replica:        %s: no snapshot (%s): being built, or lost\n", replica,
                           rc ? err.msg : "no usable root");
    } else if (memcmp(rs.world_id, img->world_id, sizeof rs.world_id)) {
        hal_console_printf(1, "replica:        %s: another world's image\n", replica);
    } else {
        uint64_t r = rs.generation;
        double lag = (double)(int64_t)(img->slot[img->newest].wall_ns - rs.wall_ns) / 1e9;
        if (r == g)
            hal_console_printf(1, "replica:        %s: generation %llu, level with the image\n", replica,
                               (unsigned long long)r);
        else
            hal_console_printf(1, "replica:        %s: generation %llu, %lld snapshot%s (%.1f s) %s the image%s\n",
                               replica, (unsigned long long)r, (long long)(g > r ? g - r : r - g),
                               (g > r ? g - r : r - g) == 1 ? "" : "s", lag < 0 ? -lag : lag,
                               g > r ? "behind" : "ahead of", g > r ? "" : " (booted on its own: no longer a copy of it)");
    }
}

/* The retained generation g's line (phantom snapshots has them all). */
static int print_snapshot(const char *path, uint64_t g)
{
    pw_history h;
    pw_error err = {0, ""};
    if (pw_history_read(path, &h, &err)) {
        hal_console_printf(2, "phantom info: %s\n", err.msg);
        return -1;
    }
    const pw_snapinfo *s = NULL;
    for (size_t i = 0; i < h.n; i++)
        if (h.snap[i].generation == g)
            s = &h.snap[i];
    if (!s) {
        hal_console_printf(2, "phantom info: %s: generation %llu is not retained (phantom snapshots --image %s "
                              "lists those that are)\n", path, (unsigned long long)g, path);
        pw_history_free(&h);
        return -1;
    }
    char t[64] = "-", size[32];
    time_t sec = (time_t)(s->wall_ns / 1000000000u);
    const struct tm *tm = gmtime(&sec);
    if (tm)
        strftime(t, sizeof t, "%Y-%m-%d %H:%M:%S UTC", tm);
    tool_human_size(s->pages_present * 4096, size, sizeof size);
    hal_console_printf(1, "snapshot:       generation %llu, taken %s, %llu pages (%s)%s%s; as it was then:\n",
                       (unsigned long long)g, t, (unsigned long long)s->pages_present, size,
                       s->pinned ? ", pinned" : "", s->newest ? ", the newest" : "");
    pw_history_free(&h);
    return 0;
}

int cmd_info(int argc, char **argv)
{
    const char *replica = NULL, *path = NULL, *key = NULL;
    uint64_t snapshot = 0;
    for (int i = 0; i < argc; i++) {
        const char *v;
        int r = tool_option(argc, argv, &i, "--replica", &v, "info"), k = 0;
        if (r == 0 && (k = tool_option(argc, argv, &i, "--replica-key", &v, "info")) > 0)
            key = v;
        if (r < 0 || k < 0)
            return 2;
        if (r > 0)
            replica = v;
        else if (k > 0)
            continue;
        else if ((r = tool_option(argc, argv, &i, "--snapshot", &v, "info")) != 0) {
            if (r < 0 || tool_parse_generation("info", "--snapshot", v, &snapshot) < 0)
                return 2;
        }
        else if (argv[i][0] != '-' && !path)
            path = argv[i];
        else {
            hal_console_printf(2, "usage: phantom info [IMAGE] [--replica TARGET [--replica-key FILE]] [--snapshot G]\n");
            return 2;
        }
    }
    if (!path)
        path = tool_default_image(); /* the rule of every command */
    pw_image_info in;
    pw_error err = {0, ""};
    int rc = pw_image_info_read(path, &in, &err);
    if (rc && in.image_bytes == 0 && in.slots_valid == 0 && !strstr(err.msg, "no usable root")) {
        hal_console_printf(2, "phantom info: %s\n", err.msg);
        return 2;
    }
    char a[32], b[32];
    tool_human_size(in.image_bytes, a, sizeof a);
    hal_console_printf(1, "image:          %s (%s)\n", path, a);
    hal_console_printf(1, "format version: %u\n", in.version);
    if (in.newest >= 0) {
        tool_human_size(in.space_size, b, sizeof b);
        hal_console_printf(1, "world id:       %016llx%016llx\n", (unsigned long long)in.world_id[0],
                           (unsigned long long)in.world_id[1]);
        hal_console_printf(1, "space:          %s at 0x%llx\n", b, (unsigned long long)in.space_base);
        hal_console_printf(1, "image blocks:   %llu (4096 bytes each)\n",
                           (unsigned long long)in.image_blocks);
    }
    if (snapshot && print_snapshot(path, snapshot) < 0)
        return 2;
    uint64_t now = hal_now_wall_ns();
    for (int i = 0; i < 2; i++) {
        if (!(in.slots_valid & (1 << i))) {
            hal_console_printf(1, "slot %c:         unusable: %s\n", 'A' + i, in.slot[i].problem);
            continue;
        }
        char t[64] = "-";
        time_t s = (time_t)(in.slot[i].wall_ns / 1000000000u);
        const struct tm *tm = gmtime(&s);
        if (tm)
            strftime(t, sizeof t, "%Y-%m-%d %H:%M:%S UTC", tm);
        double age = now > in.slot[i].wall_ns ? (double)(now - in.slot[i].wall_ns) / 1e9 : 0;
        tool_human_size(in.slot[i].pages_present * 4096, a, sizeof a);
        tool_human_size(in.slot[i].blocks_used * 4096, b, sizeof b);
        hal_console_printf(1,
                           "slot %c:         generation %llu%s, taken %s (%.1f s ago)\n"
                           "                %llu pages (%s), %s of blocks in use, %llu superseded\n"
                           "                %llu snapshots in the world's life, %llu bytes written\n",
                           'A' + i, (unsigned long long)in.slot[i].generation,
                           i == in.newest ? " (newest)" : "", t, age,
                           (unsigned long long)in.slot[i].pages_present, a, b,
                           (unsigned long long)in.slot[i].slist_count,
                           (unsigned long long)in.slot[i].snapshots_total,
                           (unsigned long long)in.slot[i].bytes_written_total);
    }
    if (replica && in.newest >= 0)
        print_replica(replica, key, &in);
    if (rc) {
        hal_console_printf(2, "phantom info: %s\n", err.msg);
        return 2;
    }
    print_objects(path, snapshot);
    return 0;
}
