#!/usr/bin/env bash
# bench/wasm_compare.sh - the WebAssembly benchmarks of bench/wasm/ (issue
# 17): each C program NAME.c compiled by clang -O2 for wasm32-wasi and run
# by `phantom run`, compiled by gcc -O2 and run natively, run by Node.js's
# WebAssembly (its baseline compiler alone: --liftoff --no-wasm-tier-up,
# and its default tiering), and the same algorithm in Lua 5.4 (NAME.lua).
# The tools run interleaved (one run of each in turn, RUNS rounds), so a
# busy machine slows all of them alike.
#
# Prints a markdown section on stdout (progress on stderr) and always exits
# 0: these are measurements, not tests.  Every run's output is compared
# with the native binary's; a difference is reported in the table.
#
#   bench/wasm_compare.sh                   5 rounds of every benchmark
#   QUICK=1 bench/wasm_compare.sh           1 round
#   RUNS=3 bench/wasm_compare.sh nbody sort 3 rounds of these two
#   PHANTOM_BASE=/tmp/base/build/phantom bench/wasm_compare.sh
#                                           a second Phantom build ("base",
#                                           e.g. before a change) alternated
#                                           with the others in every round
#
# Environment: BUILD (default build) and PHANTOM (default $BUILD/phantom);
# BENCH_DIR (default /tmp) for the builds and images, one fresh image per
# Phantom run, all deleted at the end; SNAP_MS (default 1000), the snapshot
# interval of the Phantom runs.  Wall time, CPU time (user + system, all
# threads) and peak RSS come from GNU time (/usr/bin/time; package `time`).
# Missing tools are named and skipped; SKIP="lua5.4 liftoff node" leaves
# those out on purpose (e.g. to compare two Phantom builds quickly; the
# native run always stays: its output is the expected one).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/compare_lib.sh
. "$HERE/compare_lib.sh"
SRC=$HERE/wasm
BUILD=${BUILD:-build}
PHANTOM=${PHANTOM:-$BUILD/phantom}
PHANTOM_BASE=${PHANTOM_BASE:-}
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then RUNS=${RUNS:-1}; else RUNS=${RUNS:-5}; fi
SNAP_MS=${SNAP_MS:-1000}
BASE_DIR=${BENCH_DIR:-/tmp}
ALL="nbody fannkuch hashtab sort interp lz77"
BENCHES=${*:-$ALL}

DIR=$(mktemp -d "$BASE_DIR/phantom-wasmcmp.XXXXXX") || exit 0
mkdir -p "$DIR/bin"
trap 'rm -rf "$DIR"' EXIT
trap 'exit 0' INT TERM

log() { echo "== $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---- tools ------------------------------------------------------------------------

TOOLS=()      # names, in table order; "native" first: its output is the expected one
missing=()
GNUTIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' true 2>/dev/null; then GNUTIME=/usr/bin/time; fi
if [ -z "$GNUTIME" ]; then
    echo "## WebAssembly engine vs native, Node.js and Lua (issue 17)"
    echo
    echo "- SKIPPED: GNU time is missing (apt-get install time); CPU time and peak RSS need it"
    exit 0
fi
if ! have gcc; then
    echo "bench: gcc is missing: no native baseline, nothing to compare" >&2
    exit 0
fi
TOOLS+=(native)
WASM_OK=0
echo 'int main(void){return 0;}' >"$DIR/probe.c"
if clang --target=wasm32-wasi --sysroot=/usr -O2 "$DIR/probe.c" -o "$DIR/probe.wasm" 2>/dev/null; then
    WASM_OK=1
else
    missing+=("clang for wasm32-wasi (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32): no Phantom or Node.js runs")
fi
if [ $WASM_OK = 1 ]; then
    if [ -x "$PHANTOM" ]; then TOOLS+=(phantom); else missing+=("phantom ($PHANTOM; run make)"); fi
    if [ -n "$PHANTOM_BASE" ]; then
        if [ -x "$PHANTOM_BASE" ]; then TOOLS+=(base); else missing+=("base ($PHANTOM_BASE)"); fi
    fi
    if have node && node --experimental-wasi-unstable-preview1 --no-warnings "$SRC/run_wasi.mjs" "$DIR/probe.wasm" 2>/dev/null; then
        TOOLS+=(liftoff node)
    else
        missing+=("node with WASI preview 1 (apt-get install nodejs)")
    fi
fi
if have lua5.4; then TOOLS+=(lua5.4); else missing+=("lua5.4 (apt-get install lua5.4)"); fi

KEEP=()
for t in "${TOOLS[@]}"; do [[ " ${SKIP:-} " == *" $t "* ]] || KEEP+=("$t"); done
TOOLS=("${KEEP[@]}")

# run TOOL BENCH: one timed run; appends "wall rss cpu output-ok" to $DIR/BENCH.TOOL
run() {
    local tool=$1 b=$2 d cmd
    d=$(mktemp -d "$DIR/run.XXXXXX")
    case $tool in
    native) cmd=("$DIR/bin/$b") ;;
    phantom) cmd=("$PHANTOM" run --image "$d/world.img" --snapshot-interval "$SNAP_MS" "$DIR/bin/$b.wasm") ;;
    base) cmd=("$PHANTOM_BASE" run --image "$d/world.img" --snapshot-interval "$SNAP_MS" "$DIR/bin/$b.wasm") ;;
    liftoff) cmd=(node --experimental-wasi-unstable-preview1 --no-warnings --liftoff --no-wasm-tier-up "$SRC/run_wasi.mjs" "$DIR/bin/$b.wasm") ;;
    node) cmd=(node --experimental-wasi-unstable-preview1 --no-warnings "$SRC/run_wasi.mjs" "$DIR/bin/$b.wasm") ;;
    lua5.4) cmd=(lua5.4 "$SRC/$b.lua") ;;
    esac
    timed_run "$DIR/$b.$tool" "$DIR/$b.expect" "$tool $b" native "$d" "${cmd[@]}"
}


# ---- builds and runs --------------------------------------------------------------

START=$(date +%s)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
RAN=()
for b in $BENCHES; do
    if [ ! -f "$SRC/$b.c" ]; then
        echo "bench: $SRC/$b.c missing; $b skipped" >&2
        continue
    fi
    if ! gcc -O2 "$SRC/$b.c" -o "$DIR/bin/$b" -lm; then
        echo "bench: gcc could not build $b; skipped" >&2
        continue
    fi
    if [ $WASM_OK = 1 ] && ! clang --target=wasm32-wasi --sysroot=/usr -O2 "$SRC/$b.c" -o "$DIR/bin/$b.wasm"; then
        echo "bench: clang could not build $b for wasm32-wasi; skipped" >&2
        continue
    fi
    RAN+=("$b")
    log "wasm compare: $b, $RUNS round(s) of ${TOOLS[*]}"
    for _ in $(seq "$RUNS"); do
        for tool in "${TOOLS[@]}"; do
            [ "$tool" = lua5.4 ] && [ ! -f "$SRC/$b.lua" ] && continue
            run "$tool" "$b"
        done
    done
done

# ---- table ------------------------------------------------------------------------

has() { [[ " ${TOOLS[*]} " == *" $1 "* ]]; }
echo "## WebAssembly engine vs native, Node.js and Lua (issue 17)"
echo
echo "- command: \`bench/wasm_compare.sh\` ($([ "$QUICK" = 1 ] && echo QUICK, || echo full,) $RUNS round(s), tools interleaved in each round)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; load average (1, 5, 15 min) at start: $LOAD0, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- native: $(gcc --version | head -1), -O2; wasm: $(clang --version 2>/dev/null | head -1), --target=wasm32-wasi -O2"
has phantom && echo "- phantom: $PHANTOM run --image (fresh per run) --snapshot-interval $SNAP_MS; the time includes creating the image, validating and translating the module and the final snapshot at exit"
has base && echo "- base: $PHANTOM_BASE, run the same way"
has node && echo "- node: $(node --version) with bench/wasm/run_wasi.mjs (node:wasi); liftoff: --liftoff --no-wasm-tier-up (baseline compiler only); node: default tiering"
has lua5.4 && echo "- lua5.4: $(lua5.4 -v 2>&1 | head -1), the same algorithm in bench/wasm/NAME.lua"
for m in "${missing[@]}"; do echo "- MISSING: $m - skipped"; done
echo
echo "Medians over the rounds.  **CPU time (user + system, all threads) is the primary metric**: on a"
echo "machine shared with other work, wall time also counts the waits for a CPU.  Ratios are of CPU"
echo "time: /native is the tool's over the native binary's, phantom/lua is Phantom's over Lua's (below 1:"
echo "Phantom is faster).  Wall seconds and peak RSS (MiB) follow."
echo
COLS=()
for t in "${TOOLS[@]}"; do COLS+=("$t"); done
hdr="| benchmark |"; sep="|---|"
for t in "${COLS[@]}"; do hdr+=" $t CPU s |"; sep+="---|"; done
for t in "${COLS[@]}"; do [ "$t" = native ] || { hdr+=" $t /native |"; sep+="---|"; }; done
has phantom && has lua5.4 && { hdr+=" phantom /lua |"; sep+="---|"; }
has base && { hdr+=" phantom /base |"; sep+="---|"; }
for t in "${COLS[@]}"; do hdr+=" $t wall s |"; sep+="---|"; done
for t in "${COLS[@]}"; do hdr+=" $t MiB |"; sep+="---|"; done
hdr+=" output |"; sep+="---|"
echo "$hdr"
echo "$sep"
: >"$DIR/ratios"     # one line per benchmark: name=ratio pairs
for b in "${RAN[@]}"; do
    declare -A T=() M=() C=()
    okall=1
    for t in "${COLS[@]}"; do
        read -r "T[$t]" "C[$t]" "M[$t]" <<<"$(medians "$DIR/$b.$t")"
        any_differs "$DIR/$b.$t" && okall=0
    done
    row="| $b |"; rl=""
    for t in "${COLS[@]}"; do row+=" $(sec "${C[$t]}") |"; done
    for t in "${COLS[@]}"; do
        [ "$t" = native ] && continue
        r=$(ratio "${C[$t]}" "${C[native]}"); row+=" $r |"; rl+=" $t=$r"
    done
    if has phantom && has lua5.4; then r=$(ratio "${C[phantom]}" "${C[lua5.4]}"); row+=" $r |"; rl+=" lua=$r"; fi
    if has base; then r=$(ratio "${C[phantom]}" "${C[base]}"); row+=" $r |"; rl+=" pbase=$r"; fi
    for t in "${COLS[@]}"; do row+=" $(sec "${T[$t]}") |"; done
    for t in "${COLS[@]}"; do row+=" ${M[$t]} |"; done
    if [ $okall = 1 ]; then row+=" $(head -1 "$DIR/$b.expect" | head -c 40) (all equal) |"; else row+=" **DIFFERS** (see stderr) |"; fi
    echo "$row"
    echo "$rl" >>"$DIR/ratios"
    unset T M C
done
geo() { # key -> geometric mean of that ratio over the benchmarks
    tr ' ' '\n' <"$DIR/ratios" | awk -F= -v k="$1" '$1 == k && $2 != "-" && $2 > 0 {s += log($2); n++}
        END {if (n) printf "%.2f (over %d)", exp(s/n), n; else print "-"}'
}
echo
line="Geometric means of the CPU time ratios:"
for t in "${COLS[@]}"; do [ "$t" = native ] || line+=" $t / native **$(geo "$t")**;"; done
has phantom && has lua5.4 && line+=" phantom / lua5.4 **$(geo lua)**;"
has base && line+=" phantom / base **$(geo pbase)**;"
echo "${line%;}."
echo
echo "Benchmark time: $(( $(date +%s) - START )) s"
exit 0
