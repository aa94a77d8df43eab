#!/usr/bin/env bash
# bench/gc_dirty.sh - what one complete garbage-collection cycle costs the
# snapshots on a large world (bench/gc_dirty.c): the pages it dirties and
# the bytes the next snapshot writes, per snapshot strategy.  With
# BASELINE=DIR (the build directory of another tree, e.g. the commit before
# the mark bitmaps, holding DIR/bench/gc_dirty), both builds run
# alternately, ROUNDS times each, side by side in one table.
# Prints a markdown section on stdout; always exits 0.  Needs about
# 2 x MIB of memory and of disk.
#
#   MIB=1024 STRATEGIES="uffd uffd-async mprotect" BASELINE=/tmp/old/build bench/gc_dirty.sh
set -u
BUILD=${BUILD:-build}
MIB=${MIB:-1024}
ROUNDS=${ROUNDS:-1}
STRATEGIES=${STRATEGIES:-default}
BASELINE=${BASELINE:-}
DIR=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-gcdirty.XXXXXX") || exit 0
trap 'rm -rf "$DIR"' EXIT
trap 'exit 0' INT TERM
echo "## Garbage collection: pages one complete cycle dirties (bench/gc_dirty.sh)"
echo
echo "- command: \`MIB=$MIB ROUNDS=$ROUNDS STRATEGIES=\"$STRATEGIES\"${BASELINE:+ BASELINE=...} bench/gc_dirty.sh\`"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs, $(free -g | awk '/^Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- a world of $MIB MiB of live 128-byte objects and no garbage; one \`pv_gc_full\` with no program running, then one snapshot"
echo
echo "| build | strategy | live MiB | cycle s | pages the next snapshot wrote | MiB it wrote | pages dirty (HAL) | write faults | pages of a snapshot without a cycle |"
echo "|---|---|---|---|---|---|---|---|---|"
for r in $(seq "$ROUNDS"); do
    for s in $STRATEGIES; do
        arg=$s; [ "$s" = default ] && arg=
        for b in ${BASELINE:+baseline} this; do
            bin=$BUILD/bench/gc_dirty; [ "$b" = baseline ] && bin=$BASELINE/bench/gc_dirty
            echo "== gc_dirty: round $r, $b, ${s}" >&2
            out=$("$bin" "$DIR" "$MIB" $arg 2>"$DIR/err") || out="| failed: $(head -1 "$DIR/err") |"
            echo "| $b $out"
        done
    done
done
exit 0
