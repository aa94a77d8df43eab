#!/usr/bin/env bash
# bench/gc_pause.sh - the pauses a mutator sees while the complete collector
# runs on a large world (bench/gc_pause.ph): MIB (default 1024) MiB of live
# objects, then PAUSE_SECONDS (default 30) of allocation and mutation, every
# iteration timed.  Also a short PHANTOM_GC=off run on the same world size
# (OFF_SECONDS, default 5: without collection the heap grows ~0.5 GiB/s) for
# the mutator's own jitter: snapshots, the scheduler, the host.
# Prints a markdown section on stdout; always exits 0.  Not part of `make
# test` (it needs a few GiB of memory and of disk): `make bench` runs it.
#
#   MIB=256 PAUSE_SECONDS=10 bench/gc_pause.sh
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-build}
PHANTOM=${PHANTOM:-$BUILD/phantom}
MIB=${MIB:-1024}
SECS=${PAUSE_SECONDS:-30}
OFF_SECS=${OFF_SECONDS:-5}
SNAP_MS=${SNAP_MS:-1000}
[ "${QUICK:-0}" = 1 ] && { MIB=256; SECS=10; OFF_SECS=3; }
DIR=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-gcpause.XXXXXX") || exit 0
trap 'rm -rf "$DIR"' EXIT
trap 'exit 0' INT TERM
run() { # LABEL SECONDS [env...]
    local label=$1 s=$2; shift 2
    echo "class pauseparams { static long mib() { return ${MIB}L; } static long seconds() { return ${s}L; } };" >"$DIR/p.ph"
    echo "== gc pause: $label, $MIB MiB, $s s" >&2
    rm -f "$DIR/w.img"
    env "$@" /usr/bin/time -f '%e %M' -o "$DIR/time" "$PHANTOM" run --image "$DIR/w.img" --snapshot-interval "$SNAP_MS" \
        "$HERE/gc_pause.ph" "$DIR/p.ph" >"$DIR/out" 2>"$DIR/err"
    echo "**$label** (wall $(awk '{print $1}' "$DIR/time") s, peak RSS $(awk '{printf "%.0f", $2/1024}' "$DIR/time") MiB):"
    echo
    sed 's/^/    /' "$DIR/out"
    [ -s "$DIR/err" ] && sed 's/^/    stderr: /' "$DIR/err" | head -5
    echo
    rm -f "$DIR/w.img"
}
echo "## Garbage collection: mutator pauses on a ${MIB} MiB world (bench/gc_pause.sh)"
echo
echo "- command: \`MIB=$MIB PAUSE_SECONDS=$SECS bench/gc_pause.sh\`; snapshots every $SNAP_MS ms"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs, $(free -g | awk '/^Mem:/{print $2}') GiB"
echo
run "collectors on" "$SECS" PHANTOM_GC=
run "PHANTOM_GC=off (baseline jitter)" "$OFF_SECS" PHANTOM_GC=off
exit 0
