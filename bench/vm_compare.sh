#!/usr/bin/env bash
# bench/vm_compare.sh - the interpreter benchmarks of bench/vm/, each run by
# Phantom, lua5.4 and luajit -joff (the LuaJIT interpreter, JIT off) in the
# same run, interleaved (one run of each tool in turn, RUNS rounds), so that
# a busy machine slows all three alike.  A benchmark is NAME.lua and either
# NAME.pasm (hand-written assembly) or NAME.ph (Phantom source: its time
# includes compiling it).
#
# Prints a markdown section on stdout (progress on stderr) and always exits
# 0: these are measurements, not tests.  Every run's output is compared
# with the first Phantom run's; a difference is reported in the table.
#
#   bench/vm_compare.sh                    5 rounds of every benchmark
#   QUICK=1 bench/vm_compare.sh            1 round
#   RUNS=3 bench/vm_compare.sh fib nbody   3 rounds of these two
#   PHANTOM_BASE=/tmp/base/build/phantom bench/vm_compare.sh
#                                          a second Phantom build ("base",
#                                          e.g. before a change) alternated
#                                          with the others in every round
#
# Environment: BUILD (default build) and PHANTOM (default $BUILD/phantom);
# BENCH_DIR (default /tmp) for the images, one fresh image per Phantom run
# in a temporary directory, deleted at the end; SNAP_MS (default 1000), the
# snapshot interval of the Phantom runs.  Wall time, peak RSS and CPU time
# (user + system, all threads) come from GNU time (/usr/bin/time; package
# `time`).  The CPU ratio is the steadier one on a machine shared with
# other work.  Missing tools are named and skipped.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=bench/compare_lib.sh
. "$HERE/compare_lib.sh"
SRC=$HERE/vm
BUILD=${BUILD:-build}
PHANTOM=${PHANTOM:-$BUILD/phantom}
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then RUNS=${RUNS:-1}; else RUNS=${RUNS:-5}; fi
SNAP_MS=${SNAP_MS:-1000}
BASE_DIR=${BENCH_DIR:-/tmp}
ALL="fib loop calls binarytrees nbody spectralnorm strings collections
     wordcount quicksort objects csv records dynarray callbacks interp"
BENCHES=${*:-$ALL}

DIR=$(mktemp -d "$BASE_DIR/phantom-vmcmp.XXXXXX") || exit 0
trap 'rm -rf "$DIR"' EXIT
trap 'exit 0' INT TERM

log() { echo "== $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---- tools ------------------------------------------------------------------------

TOOLS=()      # names, in table order
missing=()
if [ -x "$PHANTOM" ]; then TOOLS+=(phantom); else missing+=("phantom ($PHANTOM; run make)"); fi
PHANTOM_BASE=${PHANTOM_BASE:-}
if [ -n "$PHANTOM_BASE" ]; then
    if [ -x "$PHANTOM_BASE" ]; then TOOLS+=(base); else missing+=("base ($PHANTOM_BASE)"); fi
fi
if have lua5.4; then TOOLS+=(lua5.4); else missing+=("lua5.4 (apt-get install lua5.4)"); fi
if have luajit; then TOOLS+=(luajit); else missing+=("luajit (apt-get install luajit)"); fi
GNUTIME=
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' true 2>/dev/null; then
    GNUTIME=/usr/bin/time
else
    missing+=("GNU time (apt-get install time): wall time from bash, no peak RSS")
fi

# The Phantom program of benchmark B: its assembly, else its source.
program() { if [ -f "$SRC/$1.pasm" ]; then echo "$SRC/$1.pasm"; else echo "$SRC/$1.ph"; fi; }

# run TOOL BENCH: one timed run; appends "wall rss cpu output-ok" to $DIR/BENCH.TOOL
run() {
    local tool=$1 b=$2 d out t
    d=$(mktemp -d "$DIR/run.XXXXXX")
    local cmd
    case $tool in
    phantom) cmd=("$PHANTOM" run --image "$d/world.img" --snapshot-interval "$SNAP_MS" "$(program "$b")") ;;
    base) cmd=("$PHANTOM_BASE" run --image "$d/world.img" --snapshot-interval "$SNAP_MS" "$(program "$b")") ;;
    lua5.4) cmd=(lua5.4 "$SRC/$b.lua") ;;
    luajit) cmd=(luajit -joff "$SRC/$b.lua") ;;
    esac
    if [ -n "$GNUTIME" ]; then
        "$GNUTIME" -f '%e %M %U %S' -o "$d/time" "${cmd[@]}" >"$d/out" 2>"$d/err"
        # the last line: GNU time may put "Command exited with non-zero status N" first
        t=$(tail -1 "$d/time" | awk '{printf "%s %s %.2f", $1, $2, $3 + $4}')
    else
        local s0 s1
        s0=$(date +%s%N)
        "${cmd[@]}" >"$d/out" 2>"$d/err"
        s1=$(date +%s%N)
        t="$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.2f", (b-a)/1e9}') - -"
    fi
    out=$(head -c 200 "$d/out" | tr -d '\n')
    [ -s "$d/err" ] && sed "s/^/bench: $tool $b: /" "$d/err" | head -5 >&2
    [ -f "$DIR/$b.expect" ] || echo "$out" >"$DIR/$b.expect"
    local ok=1
    [ "$out" = "$(cat "$DIR/$b.expect")" ] || { ok=0; echo "bench: $tool $b printed '$out', expected '$(cat "$DIR/$b.expect")'" >&2; }
    [ -z "$out" ] && ok=0
    if [ "$tool" = phantom ] && [ -f "$d/world.img" ]; then
        stat -c %s "$d/world.img" >"$DIR/$b.image"
    fi
    echo "$t $ok" >>"$DIR/$b.$tool"
    rm -rf "$d"
}


# ---- runs -------------------------------------------------------------------------

START=$(date +%s)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
for b in $BENCHES; do
    if [ ! -f "$(program "$b")" ] || [ ! -f "$SRC/$b.lua" ]; then
        echo "bench: $SRC/$b.pasm (or .ph) or .lua missing; $b skipped" >&2
        continue
    fi
    log "vm compare: $b, $RUNS round(s) of ${TOOLS[*]:-nothing}"
    for _ in $(seq "$RUNS"); do
        for tool in "${TOOLS[@]}"; do
            run "$tool" "$b"
        done
    done
done

# ---- table ------------------------------------------------------------------------

echo "## Interpreter vs Lua (issues 3 and 20)"
echo
echo "- command: \`bench/vm_compare.sh\` ($([ "$QUICK" = 1 ] && echo QUICK, || echo full,) $RUNS round(s), tools interleaved in each round)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; load average (1, 5, 15 min) at start: $LOAD0, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- phantom: $PHANTOM run --image (fresh per run) --snapshot-interval $SNAP_MS; the time includes creating the image, compiling a .ph program and the final snapshot at exit"
[ -n "$PHANTOM_BASE" ] && echo "- base: $PHANTOM_BASE, run the same way"
have lua5.4 && echo "- lua5.4: $(lua5.4 -v 2>&1 | head -1)"
have luajit && echo "- luajit -joff: $(luajit -v 2>&1 | head -1)"
for m in "${missing[@]}"; do echo "- MISSING: $m - skipped"; done
echo
echo "Medians over the rounds: wall seconds, CPU seconds (user + system, all threads: Phantom's"
echo "snapshot and fault threads included), peak RSS in MiB. A ratio is Phantom's median over the"
echo "other's: /lua and /jit of wall time, the CPU ones of CPU time (the steadier on a shared machine)."
echo
B=0; [[ " ${TOOLS[*]} " == *" base "* ]] && B=1
hdr="| benchmark | phantom s | phantom CPU s |"; sep="|---|---|---|"
[ $B = 1 ] && { hdr+=" base s | base CPU s |"; sep+="---|---|"; }
hdr+=" lua5.4 s | lua5.4 CPU s | luajit -joff s | luajit CPU s | /lua | /jit | /lua CPU | /jit CPU |"; sep+="---|---|---|---|---|---|---|---|"
[ $B = 1 ] && { hdr+=" base /lua CPU | base /jit CPU | phantom / base CPU |"; sep+="---|---|---|"; }
hdr+=" phantom MiB |"; sep+="---|"
[ $B = 1 ] && { hdr+=" base MiB |"; sep+="---|"; }
hdr+=" lua5.4 MiB | luajit MiB | image MiB | output |"; sep+="---|---|---|---|"
echo "$hdr"
echo "$sep"
: >"$DIR/ratios"
for b in $BENCHES; do
    [ -f "$DIR/$b.expect" ] || continue
    declare -A T=() M=() C=()
    okall=1
    for tool in phantom base lua5.4 luajit; do
        read -r "T[$tool]" "C[$tool]" "M[$tool]" <<<"$(medians "$DIR/$b.$tool")"
        any_differs "$DIR/$b.$tool" && okall=0
    done
    # ratios file columns: /lua /jit /lua-CPU /jit-CPU base/lua-CPU base/jit-CPU phantom/base-CPU
    r="$(ratio "${T[phantom]}" "${T[lua5.4]}") $(ratio "${T[phantom]}" "${T[luajit]}") $(ratio "${C[phantom]}" "${C[lua5.4]}") $(ratio "${C[phantom]}" "${C[luajit]}")"
    rb="$(ratio "${C[base]}" "${C[lua5.4]}") $(ratio "${C[base]}" "${C[luajit]}") $(ratio "${C[phantom]}" "${C[base]}")"
    echo "$r $rb" >>"$DIR/ratios"
    img=-
    [ -f "$DIR/$b.image" ] && img=$(awk '{printf "%.0f", $1/1048576}' "$DIR/$b.image")
    if [ $okall = 1 ]; then outcol="$(cat "$DIR/$b.expect") (all equal)"; else outcol="**DIFFERS** (see stderr)"; fi
    row="| $b | $(sec "${T[phantom]}") | $(sec "${C[phantom]}") |"
    [ $B = 1 ] && row+=" $(sec "${T[base]}") | $(sec "${C[base]}") |"
    row+=" $(sec "${T[lua5.4]}") | $(sec "${C[lua5.4]}") | $(sec "${T[luajit]}") | $(sec "${C[luajit]}") | ${r// / | } |"
    [ $B = 1 ] && row+=" ${rb// / | } |"
    row+=" ${M[phantom]} |"
    [ $B = 1 ] && row+=" ${M[base]} |"
    row+=" ${M[lua5.4]} | ${M[luajit]} | $img | $outcol |"
    echo "$row"
    unset T M C
done
geo() { # column -> geometric mean of the numeric entries
    awk -v c="$1" '$c != "-" && $c > 0 {s += log($c); n++} END {if (n) printf "%.2f (over %d benchmarks)", exp(s/n), n; else print "-"}' "$DIR/ratios"
}
echo
echo "Geometric means of phantom / lua5.4: **$(geo 1)**, in CPU time $(geo 3);"
echo "of phantom / luajit -joff: **$(geo 2)**, in CPU time $(geo 4)."
if [ $B = 1 ]; then
    echo "base, in CPU time: / lua5.4 $(geo 5); / luajit -joff $(geo 6). phantom / base in CPU time: **$(geo 7)**."
fi
echo
echo "Benchmark time: $(( $(date +%s) - START )) s"
exit 0
