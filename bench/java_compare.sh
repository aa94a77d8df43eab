#!/usr/bin/env bash
# bench/java_compare.sh - the Java benchmarks of bench/java/ (issue 16):
# each NAME.java compiled once by javac and run by `phantom run` (a fresh
# image each run), by OpenJDK's interpreter alone (java -Xint) and by the
# JVM as it comes (java: interpreter and JIT compilers).  The tools run
# interleaved (one run of each in turn, RUNS rounds), so a busy machine
# slows all of them alike.
#
# Prints a markdown section on stdout (progress on stderr) and always exits
# 0: these are measurements, not tests.  Every run's output is compared
# with the JVM's; a difference is reported in the table.
#
#   bench/java_compare.sh                   5 rounds of every benchmark
#   QUICK=1 bench/java_compare.sh           1 round
#   RUNS=3 bench/java_compare.sh NBody Bfs  3 rounds of these two
#
# Environment: BUILD (default build) and PHANTOM (default $BUILD/phantom);
# BENCH_DIR (default /tmp) for the classes and images, deleted at the end;
# SNAP_MS (default 1000), the snapshot interval of the Phantom runs.  Wall
# time, CPU time (user + system, all threads) and peak RSS come from GNU
# time (/usr/bin/time; package `time`).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/compare_lib.sh
. "$HERE/compare_lib.sh"
SRC=$HERE/java
BUILD=${BUILD:-build}
PHANTOM=${PHANTOM:-$BUILD/phantom}
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then RUNS=${RUNS:-1}; else RUNS=${RUNS:-5}; fi
SNAP_MS=${SNAP_MS:-1000}
BASE_DIR=${BENCH_DIR:-/tmp}
ALL="NBody Fannkuch Trees Words Strings Bfs"
BENCHES=${*:-$ALL}
TITLE="## Java on Phantom vs OpenJDK (issue 16)"

DIR=$(mktemp -d "$BASE_DIR/phantom-javacmp.XXXXXX") || exit 0
trap 'rm -rf "$DIR"' EXIT
trap 'exit 0' INT TERM

log() { echo "== $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

GNUTIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' true 2>/dev/null; then GNUTIME=/usr/bin/time; fi
for need in GNUTIME:time javac:openjdk-17-jdk-headless java:openjdk-17-jdk-headless; do
    tool=${need%%:*}
    if { [ "$tool" = GNUTIME ] && [ -z "$GNUTIME" ]; } || { [ "$tool" != GNUTIME ] && ! have "$tool"; }; then
        echo "$TITLE"
        echo
        echo "- SKIPPED: ${tool#GNU} is missing (apt-get install ${need#*:})"
        exit 0
    fi
done
if [ ! -x "$PHANTOM" ]; then
    echo "bench: $PHANTOM not built; run make" >&2
    exit 0
fi
TOOLS=(java phantom java-Xint)

# run TOOL BENCH: one timed run; appends "wall rss cpu output-ok" to $DIR/BENCH.TOOL
run() {
    local tool=$1 b=$2 d cmd
    d=$(mktemp -d "$DIR/run.XXXXXX")
    case $tool in
    java) cmd=(java -cp "$DIR/classes" "$b") ;;
    java-Xint) cmd=(java -Xint -cp "$DIR/classes" "$b") ;;
    phantom) cmd=("$PHANTOM" run --image "$d/world.img" --snapshot-interval "$SNAP_MS" "$DIR/classes/$b.class") ;;
    esac
    timed_run "$DIR/$b.$tool" "$DIR/$b.expect" "$tool $b" java "$d" "${cmd[@]}"
}

START=$(date +%s)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
RAN=()
mkdir -p "$DIR/classes"
for b in $BENCHES; do
    if [ ! -f "$SRC/$b.java" ] || ! javac -d "$DIR/classes" "$SRC/$b.java"; then
        echo "bench: $SRC/$b.java missing or not compiled; $b skipped" >&2
        continue
    fi
    RAN+=("$b")
    log "java compare: $b, $RUNS round(s) of ${TOOLS[*]}"
    for _ in $(seq "$RUNS"); do
        for tool in "${TOOLS[@]}"; do run "$tool" "$b"; done
    done
done

echo "$TITLE"
echo
echo "- command: \`bench/java_compare.sh\` ($([ "$QUICK" = 1 ] && echo QUICK, || echo full,) $RUNS round(s), tools interleaved in each round)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; load average (1, 5, 15 min) at start: $LOAD0, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: $(java -version 2>&1 | head -1); java-Xint: the same JVM with -Xint (its bytecode interpreter alone, no JIT)"
echo "- phantom: $PHANTOM run --image (fresh per run) --snapshot-interval $SNAP_MS; the time includes creating the image, installing the class library, translating the classes and the final snapshot at exit"
echo
echo "Medians over the rounds.  **CPU time (user + system, all threads) is the primary metric.**"
echo "/Xint is Phantom's CPU time over java -Xint's (below 1: Phantom is faster), /java over the"
echo "default JVM's.  Wall seconds and peak RSS (MiB) follow."
echo
echo "| benchmark | phantom CPU s | java -Xint CPU s | java CPU s | phantom /Xint | phantom /java | phantom wall s | Xint wall s | java wall s | phantom MiB | Xint MiB | java MiB | output |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
: >"$DIR/ratios"
for b in "${RAN[@]}"; do
    read -r pw pc pm <<<"$(medians "$DIR/$b.phantom")"
    read -r xw xc xm <<<"$(medians "$DIR/$b.java-Xint")"
    read -r jw jc jm <<<"$(medians "$DIR/$b.java")"
    rx=$(ratio "$pc" "$xc")
    rj=$(ratio "$pc" "$jc")
    echo "xint=$rx java=$rj" >>"$DIR/ratios"
    out="$(head -1 "$DIR/$b.expect" | head -c 40) (all equal)"
    for t in "${TOOLS[@]}"; do any_differs "$DIR/$b.$t" && out="**DIFFERS** (see stderr)"; done
    echo "| $b | $(sec "$pc") | $(sec "$xc") | $(sec "$jc") | $rx | $rj | $(sec "$pw") | $(sec "$xw") | $(sec "$jw") | $pm | $xm | $jm | $out |"
done
geo() {
    tr ' ' '\n' <"$DIR/ratios" | awk -F= -v k="$1" '$1 == k && $2 != "-" && $2 > 0 {s += log($2); n++}
        END {if (n) printf "%.2f (over %d)", exp(s/n), n; else print "-"}'
}
echo
echo "Geometric means of the CPU time ratios: phantom / java -Xint **$(geo xint)**; phantom / java **$(geo java)**."
echo
echo "Benchmark time: $(( $(date +%s) - START )) s"
exit 0
