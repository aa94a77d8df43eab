#!/usr/bin/env bash
# bench/gc_soak.sh - a long-running world that churns garbage (rings,
# self-loops, array, directory and list cycles; tests/lang/gc/persist/soak.ph)
# for SOAK_SECONDS (default 180) with the normal snapshot interval, never
# calling world.collect(), and checks that the world stays bounded: the live
# bytes and heap pages the program reports every 5 s stay under fixed bounds
# (LIVE_MIB, default 64; the heap's pages likewise), the second half of the
# run holds no more than the first half's maximum times 1.5 (no slow
# growth), the image's file and the engine's pages in use do not keep
# growing, and phantom fsck is clean at the end.  Part of `make torture`.
# Exit status 0 when every check passes.
#
#   SOAK_SECONDS=300 BUILD=build bench/gc_soak.sh
set -u
BUILD=${BUILD:-build}
PHANTOM=${PHANTOM:-$BUILD/phantom}
SECS=${SOAK_SECONDS:-180}
LIVE_MIB=${LIVE_MIB:-64}
SNAP_MS=${SNAP_MS:-1000}
DIR=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-gcsoak.XXXXXX") || exit 1
trap 'rm -rf "$DIR"' EXIT
echo "class soakparams { static long seconds() { return ${SECS}L; } };" >"$DIR/soakparams.ph"
echo "gc_soak: ${SECS} s of garbage churn, snapshots every ${SNAP_MS} ms, bound ${LIVE_MIB} MiB" >&2
"$PHANTOM" run --image "$DIR/w.img" --snapshot-interval "$SNAP_MS" tests/lang/gc/persist/soak.ph \
    tests/lang/gc/common/gcref.ph "$DIR/soakparams.ph" >"$DIR/out" 2>"$DIR/err" &
pid=$!
# the image file's size every 5 s
: >"$DIR/sizes"
while kill -0 $pid 2>/dev/null; do
    sleep 5
    stat -c %s "$DIR/w.img" >>"$DIR/sizes" 2>/dev/null
done
wait $pid
rc=$?
fail=0
bad() { echo "gc_soak: FAIL: $*"; fail=1; }
[ $rc = 0 ] || bad "phantom exited with $rc: $(head -3 "$DIR/err")"
[ -s "$DIR/err" ] && bad "standard error: $(head -3 "$DIR/err")"
grep '^BAD' "$DIR/out" && bad "the program reported corruption"
grep -q '^done' "$DIR/out" || bad "the program did not finish"
awk -v lim=$((LIVE_MIB * 1048576)) -v plim=$((LIVE_MIB * 256)) '
    /^t / { n++; t[n] = $2; live[n] = $4; pages[n] = $6; cyc = $8; made = $10 }
    END {
        if (n < 4) { print "gc_soak: FAIL: only " n " samples"; exit 1 }
        h = int(n / 2); m1 = 0; m2 = 0; p1 = 0; p2 = 0; ml = 0; mp = 0
        for (i = 1; i <= n; i++) {
            if (live[i] > ml) ml = live[i]; if (pages[i] > mp) mp = pages[i]
            if (i <= h) { if (live[i] > m1) m1 = live[i]; if (pages[i] > p1) p1 = pages[i] }
            else { if (live[i] > m2) m2 = live[i]; if (pages[i] > p2) p2 = pages[i] }
        }
        printf "gc_soak: %d samples over %d s; %.0f M objects made; %d complete cycles\n", n, t[n], made / 1e6, cyc
        printf "gc_soak: live bytes max %.1f MiB (first half %.1f, second half %.1f); heap pages max %d (first half %d, second half %d)\n", ml / 1048576, m1 / 1048576, m2 / 1048576, mp, p1, p2
        f = 0
        if (ml > lim) { print "gc_soak: FAIL: live bytes over the bound"; f = 1 }
        if (mp > plim) { print "gc_soak: FAIL: heap pages over the bound"; f = 1 }
        if (m2 > m1 * 1.5 + 1048576) { print "gc_soak: FAIL: live bytes grew in the second half"; f = 1 }
        if (p2 > p1 * 1.5 + 256) { print "gc_soak: FAIL: heap pages grew in the second half"; f = 1 }
        if (cyc < 2) { print "gc_soak: FAIL: fewer than 2 complete cycles"; f = 1 }
        exit f
    }' "$DIR/out" || fail=1
# the image file: its size in the second half of the run against the first
awk '{ n++; s[n] = $1 } END {
        if (n < 4) exit 0
        h = int(n / 2); a = 0; b = 0
        for (i = 1; i <= n; i++) if (i <= h) { if (s[i] > a) a = s[i] } else { if (s[i] > b) b = s[i] }
        printf "gc_soak: image file max %.1f MiB in the first half, %.1f MiB in the second\n", a / 1048576, b / 1048576
        if (b > a * 1.5 + 16777216) { print "gc_soak: FAIL: the image file kept growing"; exit 1 }
    }' "$DIR/sizes" || fail=1
"$PHANTOM" info "$DIR/w.img" | grep -m1 -A1 'slot A' | tail -1 | sed 's/^ */gc_soak: last snapshot: /'
"$PHANTOM" fsck "$DIR/w.img" >/dev/null 2>&1 || bad "phantom fsck found errors"
[ $fail = 0 ] && echo "gc_soak: ok" || echo "gc_soak: FAIL"
exit $fail
