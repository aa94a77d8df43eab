/*
 * cmd_snapshots.c - `phantom snapshots [--image W] [--unpin G]`: the
 * snapshots a world retains (its history, docs/STORAGE.md), and releasing
 * a pinned one, on a running world through its control socket or on a
 * stopped one by opening the image.
 */
#include "../persist/pw.h"
#include "ctl.h"
#include "tools.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void help_snapshots(void)
{
    hal_console_printf(1,
        "usage: phantom snapshots [--image PATH] [--unpin G]\n"
        "\n"
        "Lists the snapshots the world keeps, oldest first, one line each:\n"
        "    GENERATION  TIME (UTC)  AGE  SIZE  PIN\n"
        "SIZE is the world's data at that snapshot; PIN is \"pinned\" for a snapshot\n"
        "kept until released (the one taken before every hot code update), \"newest\"\n"
        "for the one boot resumes.  A last line, starting \"kept:\", gives their number,\n"
        "the retention policy and the image's use.\n"
        "Any listed generation G can be booted (phantom boot --snapshot G: the world\n"
        "resumes as it was then; the newer ones stay listed, so that can be undone)\n"
        "or looked at (phantom info --snapshot G).\n"
        "\n"
        "Which snapshots are kept is set with --keep POLICY on run, boot and the\n"
        "shell, and stays with the image:\n"
        "    last=N       the N newest (default 10)\n"
        "    minutely=N   the first of each of the last N minutes (default 60)\n"
        "    hourly=N     the first of each of the last N hours (default 24)\n"
        "    daily=N      the first of each of the last N days (default 0)\n"
        "    budget=SIZE  drop the oldest unpinned ones while the image uses more\n"
        "                 (such as 512M or 2G; default 0: no budget)\n"
        "    none         only the snapshot before the newest (the fallback)\n"
        "separated by commas, such as --keep last=5,hourly=0,budget=1G; what is not\n"
        "given takes its default.\n"
        "\n"
        "  --unpin G    release generation G's pin: from the next snapshot on, the\n"
        "               policy decides whether it is kept\n"
        "\n"
        "Exit status: 0 success, 1 G is not retained, 2 bad usage or the image\n"
        "cannot be read.\n");
}

static void age_text(uint64_t ns, char *out, size_t n)
{
    uint64_t s = ns / 1000000000u;
    if (s < 120)
        snprintf(out, n, "%llus", (unsigned long long)s);
    else if (s < 7200)
        snprintf(out, n, "%llum", (unsigned long long)(s / 60));
    else if (s < 172800)
        snprintf(out, n, "%lluh", (unsigned long long)(s / 3600));
    else
        snprintf(out, n, "%llud", (unsigned long long)(s / 86400));
}

static int list(const char *image)
{
    pw_history h;
    pw_error err = {0, ""};
    if (pw_history_read(image, &h, &err)) {
        hal_console_printf(2, "phantom snapshots: %s\n", err.msg);
        return 2;
    }
    uint64_t now = hal_now_wall_ns();
    for (size_t i = 0; i < h.n; i++) {
        const pw_snapinfo *s = &h.snap[i];
        char t[32] = "-", age[16], size[16];
        time_t sec = (time_t)(s->wall_ns / 1000000000u);
        const struct tm *tm = gmtime(&sec); /* one thread */
        if (tm)
            strftime(t, sizeof t, "%Y-%m-%d %H:%M:%S", tm);
        age_text(now > s->wall_ns ? now - s->wall_ns : 0, age, sizeof age);
        tool_human_size(s->pages_present * 4096, size, sizeof size);
        hal_console_printf(1, "%10llu  %s  %6s  %10s  %s\n", (unsigned long long)s->generation, t, age, size,
                           s->pinned ? "pinned" : s->newest ? "newest" : "-");
    }
    char policy[128], used[16], budget[16];
    pw_keep_format(&h.keep, policy, sizeof policy);
    tool_human_size(h.blocks_used * 4096, used, sizeof used);
    tool_human_size(h.keep.budget_blocks * 4096, budget, sizeof budget);
    hal_console_printf(1, "kept: %zu snapshots; policy %s%s; image uses %s%s%s\n", h.n, policy,
                       h.keep_stored ? "" : " (the default)", used, h.keep.budget_blocks ? " of a budget of " : "",
                       h.keep.budget_blocks ? budget : "");
    pw_history_free(&h);
    return 0;
}

/* A stopped world: open the image (no VM), unpin, snapshot, close. */
static int unpin_stopped(const char *image, uint64_t g)
{
    pw_options o;
    pw_options_default(&o);
    o.snapshot_interval_ms = 0;
    pw_world *w;
    pw_error err = {0, ""};
    if (pw_open(image, &o, &w, &err) < 0) {
        hal_console_printf(2, "phantom snapshots: %s\n", err.msg);
        return 2;
    }
    int rc = pw_unpin(w, g);
    if (rc == -ENOENT) {
        hal_console_printf(2, "phantom snapshots: %s: generation %llu is not retained\n", image,
                           (unsigned long long)g);
        pw_close(w, false);
        return 1;
    }
    rc = pw_close(w, true);
    if (rc < 0) {
        hal_console_printf(2, "phantom snapshots: %s: the snapshot failed: %s\n", image, pw_strerror(rc));
        return 1;
    }
    hal_console_printf(1, "phantom snapshots: %s (stopped): generation %llu is unpinned\n", image,
                       (unsigned long long)g);
    return 0;
}

int cmd_snapshots(int argc, char **argv)
{
    const char *image = tool_default_image();
    uint64_t unpin = 0;
    for (int i = 0; i < argc; i++) {
        const char *v;
        int r = tool_option(argc, argv, &i, "--image", &v, "snapshots");
        if (r > 0) {
            image = v;
            continue;
        }
        if (!r && (r = tool_option(argc, argv, &i, "--unpin", &v, "snapshots")) > 0) {
            if (tool_parse_generation("snapshots", "--unpin", v, &unpin) < 0)
                return 2;
            continue;
        }
        if (r < 0)
            return 2;
        hal_console_printf(2, "phantom snapshots: %s '%s' (see phantom snapshots --help)\n",
                           argv[i][0] == '-' ? "unknown option" : "unexpected argument", argv[i]);
        return 2;
    }
    if (!unpin)
        return list(image);
    hal_sock s;
    if (tool_ctl_connect(image, &s) == 0) {
        char req[64];
        snprintf(req, sizeof req, "unpin %llu", (unsigned long long)unpin);
        return tool_ctl_request(s, req, NULL, 0, false);
    }
    if (!hal_path_exists(image)) {
        hal_console_printf(2, "phantom snapshots: %s: no such image\n", image);
        return 2;
    }
    return unpin_stopped(image, unpin);
}
