/*
 * world.c - opening and closing worlds, mutators and safepoints, the
 * snapshot thread, lazy page loading, statistics.
 *
 * Opening never reads more than the two root slots and the top blocks of
 * the newest snapshot's trees: pages are loaded when first touched (fill()),
 * so opening costs the same for any world size.  Nothing is written to an
 * existing image until the first snapshot, and that writes only blocks free
 * in the committed bitmap: a failed or refused open leaves the image as it
 * was.
 */
#include "pw_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BACKOFF_MS 30000u
/* Group commit (snapshot_thread says why): the longest a commit snapshot
 * waits after the previous one for output to gather, and the quiet time
 * after the newest ticket that ends the wait early. */
#define COMMIT_GATHER_MAX_NS 1000000u
#define COMMIT_QUIET_MAX_NS 100000u

/* The world this thread is attached to, and whether it is parked. */
static _Thread_local pw_world *tls_world;
static _Thread_local int tls_blocking;

void pw_options_default(pw_options *o)
{
    memset(o, 0, sizeof *o);
    o->snapshot_interval_ms = 1000;
    o->log_level = PW_LOG_WARN;
}

void pw_log(pw_world *w, int level, const char *fmt, ...)
{
    if (level > w->opt.log_level)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (w->opt.log)
        w->opt.log(w->opt.log_ctx, level, msg);
    else
        hal_console_printf(2, "phantom: %s%s\n", pw_log_prefix(level), msg);
}

const char *pw_log_prefix(int level)
{
    return level == PW_LOG_ERROR ? "error: " : level == PW_LOG_WARN ? "warning: " : "";
}

const char *pw_strerror(int code)
{
    if (code == PW_E_IMAGE_GONE)
        return "the image file was deleted or replaced";
    if (code == PW_E_IMAGE_TRUNCATED)
        return "the image file was truncated";
    return hal_strerror(code);
}

static void set_err(pw_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_err(pw_error *err, int code, const char *fmt, ...)
{
    if (!err)
        return;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

/* ---- lazy loading --------------------------------------------------------------- */

static int fill(void *ctx, uint64_t pg, void *dst)
{
    pw_world *w = ctx;
    pw_entry e;
    hal_mutex_lock(&w->map_lock);
    int rc = pw_tree_get(&w->map, pg, &e);
    hal_mutex_unlock(&w->map_lock);
    if (rc)
        return rc;
    if (!e.block) {
        memset(dst, 0, PW_BLOCK_SIZE);
        return 0;
    }
    return pw_store_read_checked(&w->store, &e, dst);
}

static void fatal(void *ctx, int kind, const char *msg)
{
    pw_world *w = ctx;
    if (kind == HAL_FATAL_FILL)
        hal_console_printf(2,
                           "phantom: fatal: %s: %s\n"
                           "phantom: the image is damaged or unreadable; nothing more was written "
                           "to it.\nphantom: run 'phantom fsck %s' to see what is wrong.\n",
                           w->path, msg, w->path);
    else
        hal_console_printf(2,
                           "phantom: fatal: %s: %s\n"
                           "phantom: the image is intact: it resumes from its last snapshot.\n",
                           w->path, msg);
    hal_exit_now(3);
}

/* ---- mutators ------------------------------------------------------------------- */

void pw_thread_attach(pw_world *w)
{
    hal_mutex_lock(&w->sp_lock);
    while (atomic_load(&w->head.stop_flag))
        hal_cond_wait(&w->sp_resume, &w->sp_lock);
    w->attached++;
    hal_mutex_unlock(&w->sp_lock);
    tls_world = w;
    tls_blocking = 0;
}

void pw_thread_detach(pw_world *w)
{
    hal_mutex_lock(&w->sp_lock);
    w->attached--;
    if (tls_blocking)
        w->parked--;
    hal_cond_broadcast(&w->sp_parked);
    hal_mutex_unlock(&w->sp_lock);
    tls_world = NULL;
    tls_blocking = 0;
}

void pw_safepoint_slow(pw_world *w)
{
    hal_mutex_lock(&w->sp_lock);
    w->parked++;
    hal_cond_broadcast(&w->sp_parked);
    while (atomic_load(&w->head.stop_flag))
        hal_cond_wait(&w->sp_resume, &w->sp_lock);
    w->parked--;
    hal_mutex_unlock(&w->sp_lock);
}

void pw_blocking_begin(pw_world *w)
{
    if (tls_world != w || tls_blocking++)
        return;
    hal_mutex_lock(&w->sp_lock);
    w->parked++;
    hal_cond_broadcast(&w->sp_parked);
    hal_mutex_unlock(&w->sp_lock);
}

void pw_blocking_end(pw_world *w)
{
    if (tls_world != w || --tls_blocking)
        return;
    hal_mutex_lock(&w->sp_lock);
    while (atomic_load(&w->head.stop_flag))
        hal_cond_wait(&w->sp_resume, &w->sp_lock);
    w->parked--;
    hal_mutex_unlock(&w->sp_lock);
}

void pw_world_stop(pw_world *w)
{
    hal_mutex_lock(&w->sp_lock);
    atomic_store(&w->head.stop_flag, 1);
    uint64_t start = hal_now_mono_ns(), warn_after = 1000000000ull;
    while (w->parked < w->attached) {
        if (hal_cond_wait_until(&w->sp_parked, &w->sp_lock, start + warn_after))
            continue;
        /* A thread that never reaches a safepoint holds every snapshot. */
        pw_log(w, PW_LOG_WARN,
               "%s: snapshot waiting %.0f s for %d of %d attached threads to reach a safepoint "
               "(call pw_safepoint, or pw_blocking_begin before blocking)",
               w->path, (double)warn_after / 1e9, w->attached - w->parked, w->attached);
        warn_after *= 4;
    }
}

void pw_world_resume(pw_world *w)
{
    atomic_store(&w->head.stop_flag, 0);
    hal_cond_broadcast(&w->sp_resume);
    hal_mutex_unlock(&w->sp_lock);
}

/* ---- the snapshot thread -------------------------------------------------------- */

static void budget(pw_world *w)
{
    if (!w->opt.memory_budget)
        return;
    uint64_t limit = w->opt.memory_budget / PW_BLOCK_SIZE;
    hal_tmem_stats ms;
    hal_tmem_stats_get(w->mem, &ms);
    if (ms.resident_pages > limit)
        hal_tmem_evict(w->mem, limit - limit / 8);
}

/* Dirty pages cannot be dropped before a snapshot saves them. */
static bool budget_needs_snapshot(pw_world *w)
{
    if (!w->opt.memory_budget)
        return false;
    hal_tmem_stats ms;
    hal_tmem_stats_get(w->mem, &ms);
    return ms.dirty_pages > w->opt.memory_budget / PW_BLOCK_SIZE / 2;
}

/* ---- the interval kept: the achieved rate ------------------------------------ */

/* The window the achieved rate is counted over (ns), under snap_lock:
 * full_window once the world has been open that long. */
static uint64_t full_window(pw_world *w)
{
    uint64_t ms = w->interval_ms ? (uint64_t)w->interval_ms * PW_RATE_INTERVALS : PW_RATE_MAX_MS;
    ms = ms < PW_RATE_MIN_MS ? PW_RATE_MIN_MS : ms > PW_RATE_MAX_MS ? PW_RATE_MAX_MS : ms;
    return ms * 1000000u;
}

static uint64_t rate_window(pw_world *w, uint64_t now)
{
    uint64_t open_for = now - w->opened_ns;
    return full_window(w) < open_for ? full_window(w) : open_for;
}

typedef struct rate_seen {
    uint64_t window_ns;
    uint64_t count;        /* durable snapshots started within the window */
    uint64_t took_ns;      /* their total duration */
    uint64_t bytes;        /* their total bytes written */
} rate_seen;

static rate_seen rate_measure(pw_world *w, uint64_t now)
{
    rate_seen r = {rate_window(w, now), 0, 0, 0};
    uint64_t n = w->rate_count < PW_RATE_RING ? w->rate_count : PW_RATE_RING;
    for (uint64_t k = 1; k <= n; k++) { /* newest first */
        uint64_t i = (w->rate_count - k) % PW_RATE_RING;
        if (now - w->rate_start[i] > r.window_ns)
            break;
        r.count++;
        r.took_ns += w->rate_took[i];
        r.bytes += w->rate_bytes[i];
    }
    return r;
}

static double rate_per_s(const rate_seen *r)
{
    return r->window_ns ? (double)r->count * 1e9 / (double)r->window_ns : 0.0;
}

/* After each snapshot (under snap_lock): is the asked rate kept?  Judged
 * only once a whole window has passed since the open (the first snapshots
 * of a world write what it did before, and are slower), and said once per
 * open, at a level every user sees: a world that falls behind may lose more
 * than one interval in a crash. */
static void rate_check(pw_world *w, uint64_t now)
{
    if (!w->interval_ms)
        return;
    rate_seen r = rate_measure(w, now);
    double asked = 1000.0 / w->interval_ms, got = rate_per_s(&r);
    w->st.behind = r.window_ns >= full_window(w) && got < 0.9 * asked;
    if (!w->st.behind)
        return;
    double took_ms = r.count ? (double)r.took_ns / (double)r.count / 1e6 : 0.0;
    if (w->fail_streak)
        snprintf(w->st.behind_why, sizeof w->st.behind_why, "snapshots are failing (%s)",
                 pw_strerror(w->st.last_error));
    else if (took_ms * 2 > w->interval_ms)
        snprintf(w->st.behind_why, sizeof w->st.behind_why,
                 "a snapshot takes %.0f ms (%.1f MiB written each), and the program is given as "
                 "long again between two",
                 took_ms, r.count ? (double)r.bytes / (double)r.count / 1048576.0 : 0.0);
    else
        snprintf(w->st.behind_why, sizeof w->st.behind_why,
                 "the snapshot thread did not get the CPU in time (a snapshot takes %.0f ms; the "
                 "machine is busy)",
                 took_ms);
    if (w->behind_said)
        return;
    w->behind_said = true;
    pw_log(w, PW_LOG_ERROR,
           "%s: snapshots cannot keep up: %.2f a second over the last %.0f s, asked for %.2f "
           "(every %u ms): %s; a crash may lose more than one interval",
           w->path, got, (double)r.window_ns / 1e9, asked, w->interval_ms, w->st.behind_why);
}

/* A ticket waits for a generation not yet durable, and no failure's
 * backoff holds snapshots back now (under snap_lock). */
static bool commit_due(pw_world *w, uint64_t next)
{
    return w->commit_want > w->st.generation && (!w->fail_streak || hal_now_mono_ns() >= next);
}

static void snapshot_thread(void *arg)
{
    pw_world *w = arg;
    uint64_t next = hal_now_mono_ns() + (uint64_t)w->interval_ms * 1000000u;
    uint64_t gather_until = 0, quiet = 0;
    hal_mutex_lock(&w->snap_lock);
    for (;;) {
        while (!w->stopping && w->requested == w->done_seq && !commit_due(w, next)) {
            uint64_t now = hal_now_mono_ns();
            if (w->interval_changed) { /* a new interval counts from now */
                w->interval_changed = false;
                next = now + (uint64_t)w->interval_ms * 1000000u;
            }
            if (w->interval_ms && now >= next)
                break;
            uint64_t wake = w->interval_ms ? next : now + 1000000000ull;
            if (w->opt.memory_budget && wake > now + 20000000u)
                wake = now + 20000000u; /* check the budget every 20 ms */
            hal_cond_wait_until(&w->snap_wake, &w->snap_lock, wake);
            /* The budget may force a snapshot early, but not past the
             * backoff after a failure (a full disk is not retried every
             * 20 ms). */
            if (w->opt.memory_budget && (!w->fail_streak || hal_now_mono_ns() >= next) &&
                budget_needs_snapshot(w))
                break;
        }
        /* Group commit.  A snapshot that releases output lets its clients
         * send their next requests, which arrive a loopback round trip and
         * a little work later; a commit snapshot started at once would
         * miss them, and they would wait for the one after it: clients
         * split into two halves, each waiting two snapshots.  So a commit
         * snapshot (nothing else asked for one) waits while tickets keep
         * coming (each gives quiet more time), but no later than half the
         * previous snapshot's duration after it ended (at most
         * COMMIT_GATHER_MAX_NS), and carries everything sent meanwhile.
         * A lone client costs one quiet time. */
        for (;;) {
            uint64_t now = hal_now_mono_ns(), until = w->last_ticket_ns + quiet;
            if (until > gather_until)
                until = gather_until;
            if (w->stopping || w->requested != w->done_seq || !commit_due(w, next) || now >= until)
                break;
            hal_cond_wait_until(&w->snap_wake, &w->snap_lock, until);
        }
        if (w->stopping)
            break;
        uint64_t seq = w->requested, bytes0 = w->st.bytes_written;
        hal_mutex_unlock(&w->snap_lock);
        uint64_t started = hal_now_mono_ns();
        int rc = pw_snapshot_take(w);
        if (!rc)
            budget(w);
        hal_mutex_lock(&w->snap_lock);
        w->last_result = rc;
        w->done_seq = seq;
        uint64_t now = hal_now_mono_ns();
        if (rc) {
            /* Retry with backoff; the retained snapshots are untouched. */
            uint64_t backoff = 100u << (w->fail_streak < 9 ? w->fail_streak : 9);
            if (backoff > MAX_BACKOFF_MS)
                backoff = MAX_BACKOFF_MS;
            /* Durability lost is never quiet: errors show at every log
             * level.  A gone image said why itself (snapshot.c). */
            uint64_t dev_bytes = 0;
            if (rc == -ENOSPC && w->store.dev->ops->size(w->store.dev, &dev_bytes) == 0)
                pw_log(w, PW_LOG_ERROR,
                       "%s: snapshot failed: the image is full (its device holds %llu MiB and "
                       "cannot grow, or the disk is full); the newest durable snapshot (%llu) is "
                       "intact, retrying in %llu ms",
                       w->path, (unsigned long long)(dev_bytes >> 20),
                       (unsigned long long)w->committed.generation, (unsigned long long)backoff);
            else if (rc != PW_E_IMAGE_GONE && rc != PW_E_IMAGE_TRUNCATED)
                pw_log(w, PW_LOG_ERROR,
                       "%s: snapshot failed: %s; the newest durable snapshot (%llu) is intact, "
                       "retrying in %llu ms",
                       w->path, pw_strerror(rc), (unsigned long long)w->committed.generation,
                       (unsigned long long)backoff);
            w->fail_streak++;
            w->st.failing = w->fail_streak;
            w->st.last_error = rc;
            next = now + backoff * 1000000u;
        } else {
            if (w->fail_streak)
                pw_log(w, PW_LOG_ERROR, "%s: snapshots work again (snapshot %llu is durable)", w->path,
                       (unsigned long long)w->committed.generation);
            w->fail_streak = 0;
            w->st.failing = 0;
            uint64_t took = now - started, i = w->rate_count++ % PW_RATE_RING;
            w->rate_start[i] = started;
            w->rate_took[i] = took;
            w->rate_bytes[i] = w->st.bytes_written - bytes0;
            gather_until = now + (took / 2 < COMMIT_GATHER_MAX_NS ? took / 2 : COMMIT_GATHER_MAX_NS);
            quiet = took / 4 < COMMIT_QUIET_MAX_NS ? took / 4 : COMMIT_QUIET_MAX_NS;
            /* The asked rate: the next snapshot starts one interval after
             * this one started.  The program also gets, between two
             * snapshots, at least as long as one took: each snapshot makes
             * it fault once on every page it writes next, and snapshots
             * back to back would starve it.  A snapshot held back for that
             * is late; rate_check says when the rate falls behind. */
            next = started + (uint64_t)w->interval_ms * 1000000u;
            if (w->interval_ms && next < now + took) {
                next = now + took;
                w->st.snapshots_late++;
            }
            rate_check(w, now);
        }
        hal_cond_broadcast(&w->snap_done);
    }
    hal_mutex_unlock(&w->snap_lock);
}

int pw_snapshot(pw_world *w, bool wait)
{
    if (w->readonly) /* an older generation, opened to look at */
        return -EROFS;
    pw_blocking_begin(w);
    hal_mutex_lock(&w->snap_lock);
    uint64_t my = ++w->requested;
    hal_cond_signal(&w->snap_wake);
    int rc = 0;
    if (wait) {
        while (w->done_seq < my && !w->stopping)
            hal_cond_wait(&w->snap_done, &w->snap_lock);
        rc = w->done_seq >= my ? w->last_result : -ECANCELED;
    }
    hal_mutex_unlock(&w->snap_lock);
    pw_blocking_end(w);
    return rc;
}

int pw_sync(pw_world *w) { return pw_snapshot(w, true); }

uint64_t pw_commit_ticket(pw_world *w)
{
    hal_mutex_lock(&w->snap_lock);
    uint64_t g = w->st.generation + 1 + (w->snapshotting ? 1 : 0);
    w->last_ticket_ns = hal_now_mono_ns();
    if (g > w->commit_want) {
        w->commit_want = g;
        hal_cond_signal(&w->snap_wake);
    }
    hal_mutex_unlock(&w->snap_lock);
    return g;
}

/* Output commit's durable generation (under snap_lock): the image's, and
 * with replica_sync also the replica's (whichever is older). */
static uint64_t durable_locked(pw_world *w)
{
    uint64_t g = w->st.generation;
    if (w->opt.replica_sync && w->st.replica_generation < g)
        g = w->st.replica_generation;
    return g;
}

void pw_durable_tell_locked(pw_world *w)
{
    uint64_t g = durable_locked(w);
    if (g > w->durable_told) {
        w->durable_told = g;
        if (w->on_commit)
            w->on_commit(w->on_commit_ctx, g);
    }
}

void pw_durable_changed(pw_world *w)
{
    hal_mutex_lock(&w->snap_lock);
    pw_durable_tell_locked(w);
    hal_cond_broadcast(&w->snap_done);
    hal_mutex_unlock(&w->snap_lock);
}

uint64_t pw_durable_generation(pw_world *w)
{
    hal_mutex_lock(&w->snap_lock);
    uint64_t g = durable_locked(w);
    hal_mutex_unlock(&w->snap_lock);
    return g;
}

int pw_wait_durable(pw_world *w, uint64_t g)
{
    pw_blocking_begin(w);
    hal_mutex_lock(&w->snap_lock);
    /* snap_done is broadcast after every snapshot the engine takes, and
     * at close (stopping). */
    while (durable_locked(w) < g && !w->stopping)
        hal_cond_wait(&w->snap_done, &w->snap_lock);
    int rc = durable_locked(w) >= g ? 0 : -ECANCELED;
    hal_mutex_unlock(&w->snap_lock);
    pw_blocking_end(w);
    return rc;
}

void pw_on_commit(pw_world *w, void (*fn)(void *ctx, uint64_t generation), void *ctx)
{
    hal_mutex_lock(&w->snap_lock);
    w->on_commit = fn;
    w->on_commit_ctx = ctx;
    hal_mutex_unlock(&w->snap_lock);
}

void pw_set_interval(pw_world *w, uint32_t ms)
{
    hal_mutex_lock(&w->snap_lock);
    w->interval_ms = ms && ms < PW_MIN_INTERVAL_MS ? PW_MIN_INTERVAL_MS : ms;
    w->interval_changed = true;
    hal_cond_signal(&w->snap_wake);
    hal_mutex_unlock(&w->snap_lock);
}

/* ---- statistics -------------------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Sorts v (n > 0) and returns its median and 99th percentile. */
static void percentiles(uint64_t *v, size_t n, uint64_t *p50, uint64_t *p99)
{
    qsort(v, n, sizeof *v, cmp_u64);
    *p50 = v[n / 2];
    *p99 = v[(n * 99) / 100 < n ? (n * 99) / 100 : n - 1];
}

void pw_stats_get(pw_world *w, pw_stats *s)
{
    hal_mutex_lock(&w->snap_lock);
    *s = w->st;
    s->interval_ms = w->interval_ms;
    rate_seen r = rate_measure(w, hal_now_mono_ns());
    s->rate_achieved = rate_per_s(&r);
    s->rate_window_ms = r.window_ns / 1000000u;
    size_t n = s->pause_count < PW_PAUSE_WINDOW ? s->pause_count : PW_PAUSE_WINDOW;
    uint64_t *tmp = n ? malloc(2 * n * sizeof *tmp) : NULL;
    if (tmp) {
        memcpy(tmp, w->pauses, n * sizeof *tmp);
        memcpy(tmp + n, w->pauses + PW_PAUSE_WINDOW, n * sizeof *tmp);
    }
    hal_mutex_unlock(&w->snap_lock);
    if (tmp) {
        percentiles(tmp, n, &s->pause_p50_ns, &s->pause_p99_ns);
        percentiles(tmp + n, n, &s->stop_p50_ns, &s->stop_p99_ns);
        free(tmp);
    }
    hal_mutex_lock(&w->map_lock);
    s->image_blocks = w->committed.image_blocks;
    s->blocks_used = w->committed.blocks_used;
    s->pages_present = w->committed.pages_present;
    hal_mutex_unlock(&w->map_lock);
    hal_tmem_stats_get(w->mem, &s->mem);
}

bool pw_is_new(const pw_world *w) { return w->is_new; }
void *pw_base(const pw_world *w) { return w->base; }
uint64_t pw_size(const pw_world *w) { return w->size; }
const char *pw_strategy(const pw_world *w) { return hal_tmem_name(w->mem); }

/* ---- open and close ---------------------------------------------------------------- */

static int read_slot(pw_store *s, int slot, pw_rootslot *r, char *why, size_t whylen)
{
    uint8_t blk[PW_BLOCK_SIZE];
    int rc = pw_store_read(s, (uint64_t)slot, blk);
    if (rc) {
        snprintf(why, whylen, "unreadable: %s", hal_strerror(rc));
        return rc;
    }
    if (!pw_root_decode(blk, s->dev_blocks, r, why, whylen))
        return -EBADMSG;
    if (r->generation % 2 != (uint64_t)slot) {
        snprintf(why, whylen, "generation %llu does not belong in this slot",
                 (unsigned long long)r->generation);
        return -EBADMSG;
    }
    return 0;
}

/* The top blocks of a snapshot's trees, and its history chain, must check
 * out before it is used. */
static int check_tops(pw_store *s, const pw_rootslot *r, char *why, size_t whylen)
{
    const pw_entry *tops[4] = {&r->map_root, &r->bitmap_root, &r->slist_head, &r->history_head};
    const char *names[4] = {"page map", "allocation bitmap", "superseded list", "history"};
    uint8_t blk[PW_BLOCK_SIZE];
    for (int i = 0; i < 4; i++) {
        if (!tops[i]->block)
            continue;
        int rc = tops[i]->block >= r->image_blocks ? -EBADMSG : pw_store_read_checked(s, tops[i], blk);
        if (rc) {
            snprintf(why, whylen, "%s root block %llu: %s", names[i],
                     (unsigned long long)tops[i]->block,
                     rc == -EBADMSG ? "checksum mismatch" : hal_strerror(rc));
            return rc;
        }
    }
    /* The history chain is a few blocks: all of it must check out, so that
     * damage there falls back like damage to a top block. */
    pw_hist_rec *h;
    size_t n;
    char hw[160];
    int rc = pw_history_load(s, r, &h, &n, NULL, hw, sizeof hw);
    if (rc) {
        snprintf(why, whylen, "history: %s", hw);
        return rc;
    }
    free(h);
    return 0;
}

/* Picks the newest usable root; *prev gets the other slot's root if it is
 * the retained predecessor (zeroes otherwise).  Returns 0, or fills err. */
static int choose_root(pw_world *w, pw_rootslot *out, pw_rootslot *prev, pw_error *err)
{
    pw_rootslot r[2];
    char why[2][200];
    int ok[2];
    memset(prev, 0, sizeof *prev);
    for (int i = 0; i < 2; i++)
        ok[i] = read_slot(&w->store, i, &r[i], why[i], sizeof why[i]) == 0;
    for (int i = 0; i < 2; i++)
        if (!ok[i] && strstr(why[i], "format version")) {
            /* Never open beside a newer format: our next commit would
             * overwrite what a newer build wrote. */
            set_err(err, -EBADMSG, "%s: unsupported image format (slot %c: %s)", w->path, 'A' + i,
                    why[i]);
            return -EBADMSG;
        }
    if (ok[0] && ok[1] &&
        (r[0].world_id[0] != r[1].world_id[0] || r[0].world_id[1] != r[1].world_id[1])) {
        int older = r[0].generation < r[1].generation ? 0 : 1;
        ok[older] = 0;
        snprintf(why[older], sizeof why[older], "belongs to a different world");
    }
    int order[2] = {0, 1};
    if (!ok[0] || (ok[1] && r[1].generation > r[0].generation)) {
        order[0] = 1;
        order[1] = 0;
    }
    for (int k = 0; k < 2; k++) {
        int i = order[k], other = 1 - i;
        if (!ok[i])
            continue;
        char tw[150];
        if (check_tops(&w->store, &r[i], tw, sizeof tw)) {
            snprintf(why[i], sizeof why[i], "generation %llu is damaged: %s",
                     (unsigned long long)r[i].generation, tw);
            ok[i] = 0;
            continue;
        }
        if (k == 1)
            pw_log(w, PW_LOG_ERROR,
                   "%s: the newest snapshot is unusable (%s); FALLING BACK to generation %llu: "
                   "work since then is lost; run phantom fsck for details",
                   w->path, why[other], (unsigned long long)r[i].generation);
        else if (!ok[other] && !strstr(why[other], "empty (never written)"))
            pw_log(w, PW_LOG_WARN,
                   "%s: slot %c holds no usable root (%s): a snapshot interrupted while "
                   "committing, or damage; resuming generation %llu",
                   w->path, 'A' + other, why[other], (unsigned long long)r[i].generation);
        if (ok[other] && r[other].generation + 1 == r[i].generation)
            *prev = r[other];
        *out = r[i];
        return 0;
    }
    bool zero = strstr(why[0], "empty") && strstr(why[1], "empty");
    int rc = zero ? -ENODATA : -EBADMSG;
    set_err(err, rc, "%s: %s (slot A: %s; slot B: %s)", w->path,
            zero ? "not a Phantom image (no root written)" : "no usable snapshot", why[0], why[1]);
    return rc;
}

static void world_free(pw_world *w)
{
    if (!w)
        return;
    hal_tmem_close(w->mem);
    pw_replica_close(w);
    pw_tree_fini(&w->map);
    pw_balloc_fini(&w->balloc);
    pw_history_close(w);
    if (w->store.dev) {
        pw_store_fini(&w->store);
        w->store.dev->ops->close(w->store.dev);
    }
    hal_pages_free(w->stage, PW_BLOCK_SIZE);
    free(w->pauses);
    hal_mutex_destroy(&w->map_lock);
    hal_mutex_destroy(&w->sp_lock);
    hal_mutex_destroy(&w->snap_lock);
    hal_mutex_destroy(&w->heap_lock);
    hal_mutex_destroy(&w->pin_lock);
    hal_cond_destroy(&w->sp_resume);
    hal_cond_destroy(&w->sp_parked);
    hal_cond_destroy(&w->snap_wake);
    hal_cond_destroy(&w->snap_done);
    free(w);
}

/* A new image is built under a temporary name and renamed into place only
 * once its first snapshot is durable, so a crash during creation never
 * leaves a file at the image's path that cannot be opened. */
static void creating_name(const char *path, char *out, size_t n)
{
    snprintf(out, n, "%s.creating", path);
}

static int open_dev(pw_world *w, const char *path, bool *created, hal_blockdev **dev, pw_error *err)
{
    *created = false;
    if (w->opt.dev) {
        *dev = w->opt.dev;
        return 0;
    }
    int rc = hal_blockdev_open(path, HAL_BD_EXCLUSIVE, dev);
    if (rc == -ENOENT && w->opt.create) {
        char tmp[sizeof w->path + 16];
        creating_name(path, tmp, sizeof tmp);
        /* A leftover from a creation that crashed is unlocked: remove it. */
        hal_blockdev *stale;
        int src = hal_blockdev_open(tmp, HAL_BD_EXCLUSIVE, &stale);
        if (src == 0) {
            stale->ops->close(stale);
            hal_remove(tmp);
        }
        rc = src == -EBUSY ? -EBUSY : hal_blockdev_open(tmp, HAL_BD_EXCLUSIVE | HAL_BD_CREATE, dev);
        *created = rc == 0;
    }
    if (rc == -EBUSY)
        set_err(err, rc, "%s: the world is already open (in this or another process)", path);
    else if (rc)
        pw_open_error(path, rc, err);
    return rc;
}

/* A new image: generation 1, an empty page map. */
static void new_root(const pw_options *o, pw_rootslot *r)
{
    memset(r, 0, sizeof *r);
    r->world_id[0] = hal_random_u64();
    r->world_id[1] = hal_random_u64();
    r->space_base = o->space_base ? o->space_base : PW_DEFAULT_SPACE_BASE;
    r->space_size = o->space_size ? o->space_size : PW_DEFAULT_SPACE_SIZE;
    r->space_size = (r->space_size + PW_BLOCK_SIZE - 1) / PW_BLOCK_SIZE * PW_BLOCK_SIZE;
    r->map_levels = (uint8_t)pw_levels_for(r->space_size / PW_BLOCK_SIZE);
    r->bitmap_levels = 1;
}

int pw_open(const char *path, const pw_options *o_in, pw_world **out, pw_error *err)
{
    pw_options defaults;
    if (!o_in) {
        pw_options_default(&defaults);
        o_in = &defaults;
    }
    *out = NULL;
    if (err) {
        err->code = 0;
        err->msg[0] = 0;
    }
    pw_world *w = calloc(1, sizeof *w);
    if (!w) {
        set_err(err, -ENOMEM, "%s: out of memory", path);
        return -ENOMEM;
    }
    w->opt = *o_in;
    snprintf(w->path, sizeof w->path, "%s", path);
    hal_mutex_init(&w->map_lock);
    hal_mutex_init(&w->sp_lock);
    hal_mutex_init(&w->snap_lock);
    hal_mutex_init(&w->heap_lock);
    hal_mutex_init(&w->pin_lock);
    hal_cond_init(&w->sp_resume);
    hal_cond_init(&w->sp_parked);
    hal_cond_init(&w->snap_wake);
    hal_cond_init(&w->snap_done);
    w->pauses = calloc(2 * PW_PAUSE_WINDOW, sizeof *w->pauses);
    w->stage = hal_pages_alloc(PW_BLOCK_SIZE);
    if (!w->pauses || !w->stage) {
        world_free(w);
        set_err(err, -ENOMEM, "%s: out of memory", path);
        return -ENOMEM;
    }

    bool created;
    hal_blockdev *dev;
    int rc = open_dev(w, path, &created, &dev, err);
    if (rc) {
        if (w->opt.dev)
            w->opt.dev = NULL;
        world_free(w);
        return rc;
    }
    if ((rc = pw_store_init(&w->store, dev))) {
        set_err(err, rc, "%s: cannot read: %s", path, hal_strerror(rc));
        goto fail;
    }
    pw_rootslot r;
    if (w->store.dev_blocks == 0 && (created || (w->opt.dev && w->opt.create))) {
        new_root(&w->opt, &r);
        w->is_new = true;
    } else if (w->store.dev_blocks < PW_FIRST_DATA_BLOCK) {
        uint64_t bytes = w->store.dev_blocks * PW_BLOCK_SIZE;
        w->store.dev->ops->size(w->store.dev, &bytes);
        rc = -EBADMSG;
        set_err(err, rc, "%s: %s", path,
                bytes ? "too short to be a Phantom image (truncated or not an image)"
                      : "empty file, not a Phantom image");
        goto fail;
    } else if ((rc = choose_root(w, &r, &w->prev_root, err))) {
        if (rc != -ENODATA || !w->opt.create)
            goto fail;
        /* Both root slots are zero: a fresh raw device (or a zeroed file)
         * that the caller asked to create a world on. */
        new_root(&w->opt, &r);
        w->is_new = true;
        rc = 0;
    }

    w->base = (uint8_t *)(uintptr_t)r.space_base;
    w->size = r.space_size;
    w->committed = r;
    if (w->opt.replica_sync && !w->opt.replica) {
        rc = -EINVAL;
        set_err(err, rc, "%s: --replica-sync without a replica (--replica TARGET)", path);
        goto fail;
    }
    if (w->opt.replica && (rc = pw_replica_open(w, w->opt.replica, err)))
        goto fail;
    pw_tree_init(&w->map, &w->store, r.map_root, r.map_levels);
    if ((rc = pw_balloc_init(&w->balloc, &w->store, &r))) {
        set_err(err, rc, "%s: cannot load the allocation bitmap: %s", path, hal_strerror(rc));
        goto fail;
    }
    char hwhy[300];
    if ((rc = pw_history_open(w, hwhy, sizeof hwhy))) {
        set_err(err, rc, "%s: %s", path, hwhy);
        goto fail;
    }
    w->st.generation = w->st.resumed_generation = r.generation;
    w->st.resumed_wall_ns = w->st.last_durable_wall_ns = r.wall_ns;

    hal_tmem_config cfg = {
        .base = w->base,
        .size = w->size,
        .fill = fill,
        .fatal = fatal,
        .ctx = w,
        .cow_limit = w->opt.cow_limit,
        .bounded = w->opt.memory_budget || w->opt.cow_limit,
        .fault_hook = w->opt.fault_hook,
        .hook_ctx = w->opt.hook_ctx,
    };
    char why[256] = "";
    if ((rc = hal_tmem_open(w->opt.strategy, &cfg, &w->mem, why, sizeof why))) {
        set_err(err, rc, "%s: %s", path, why);
        goto fail;
    }
    w->interval_ms = w->opt.snapshot_interval_ms && w->opt.snapshot_interval_ms < PW_MIN_INTERVAL_MS
                         ? PW_MIN_INTERVAL_MS
                         : w->opt.snapshot_interval_ms;
    w->opened_ns = hal_now_mono_ns();

    pw_thread_attach(w);
    if ((rc = pw_history_rollback(w, hwhy, sizeof hwhy))) {
        set_err(err, rc, "%s: %s", path, hwhy);
        goto fail_detach;
    }
    if ((rc = pw_heap_init(w))) {
        set_err(err, rc, "%s: the space's header is not a Phantom world header", path);
        goto fail_detach;
    }
    if (w->is_new || (w->opt.rollback_to && w->opt.rollback_to != r.generation)) {
        /* A new world: the committed root is generation 0 in memory only;
         * this makes the image valid before open returns.  Going back: the
         * older content is durable as the newest snapshot. */
        pw_blocking_begin(w);
        rc = pw_snapshot_take(w);
        pw_blocking_end(w);
        if (rc) {
            set_err(err, rc, "%s: cannot write the %s: %s", path,
                    w->is_new ? "new image" : "snapshot going back", hal_strerror(rc));
            goto fail_detach;
        }
        w->st.resumed_generation = w->committed.generation;
        if (created) {
            char tmp[sizeof w->path + 16];
            creating_name(path, tmp, sizeof tmp);
            if ((rc = hal_rename_durable(tmp, path))) {
                set_err(err, rc, "%s: cannot put the new image in place: %s", path,
                        rc == -EEXIST ? "another process created it meanwhile" : hal_strerror(rc));
                goto fail_detach;
            }
            created = false; /* it is the real image now */
            snprintf(w->store.dev->name, sizeof w->store.dev->name, "%s", path);
        }
    }
    pw_replica_ship(w); /* a replica one snapshot behind catches up now */
    if ((rc = hal_thread_start(&w->snap_thread, snapshot_thread, w, "pw-snapshot"))) {
        set_err(err, rc, "%s: cannot start the snapshot thread: %s", path, hal_strerror(rc));
        goto fail_detach;
    }
    pw_log(w, PW_LOG_INFO, "%s: %s world, generation %llu, strategy %s", path,
           w->is_new ? "new" : "resumed", (unsigned long long)w->committed.generation,
           hal_tmem_name(w->mem));
    /* Only a speed-up: without it every page still loads when touched. */
    if (!w->is_new && !w->opt.no_readahead && (rc = pw_readahead_start(w)))
        pw_log(w, PW_LOG_WARN, "%s: no read-ahead: %s", path, hal_strerror(rc));
    *out = w;
    return 0;

fail_detach:
    pw_thread_detach(w);
fail:
    world_free(w);
    if (created) { /* a half-made new image is not worth keeping */
        char tmp[sizeof w->path + 16];
        creating_name(path, tmp, sizeof tmp);
        hal_remove(tmp);
    }
    return rc;
}

int pw_close(pw_world *w, bool final_snapshot)
{
    if (!w)
        return 0;
    int rc = 0;
    pw_readahead_stop(w);
    if (final_snapshot)
        rc = pw_snapshot(w, true);
    hal_mutex_lock(&w->snap_lock);
    w->stopping = true;
    hal_cond_broadcast(&w->snap_wake);
    hal_cond_broadcast(&w->snap_done);
    hal_mutex_unlock(&w->snap_lock);
    pw_blocking_begin(w); /* the snapshot thread may be mid-snapshot */
    hal_thread_join(w->snap_thread);
    pw_blocking_end(w);
    if (tls_world == w)
        pw_thread_detach(w);
    world_free(w);
    return rc;
}
