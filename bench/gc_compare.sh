#!/usr/bin/env bash
# bench/gc_compare.sh - what the collectors cost and save (BENCHMARKS.md,
# "Garbage collection"):
#  1. binary-trees (bench/gc_binarytrees.ph and bench/vm/binarytrees.lua) at depth 16 and 20:
#     phantom with the collectors on, phantom with PHANTOM_GC=off, and
#     lua5.4, interleaved in each round; median wall time and peak RSS
#     (GNU time %M) of RUNS rounds (default 3), with ratios.  A PHANTOM_GC=off
#     run that would not fit in memory (its RSS grows like 2^depth: over half the available memory) is
#     skipped and said so; a run over TIMEOUT s (default 300) is killed
#     and reported as "timeout".
#  2. every bench/vm/*.pasm program of bench/vm_compare.sh with the
#     collectors on and off: median wall time and the ratio on / off.
# Prints a markdown section on stdout (progress on stderr); always exits 0.
#
#   bench/gc_compare.sh                 depths 16 and 20, 3 rounds
#   RUNS=1 DEPTHS=16 bench/gc_compare.sh
#   PHANTOM_BASE=/tmp/old/build/phantom bench/gc_compare.sh
# PHANTOM_BASE: another build's phantom, run in the same rounds on
# binary-trees with the collectors on, and compared in a table of its own.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-build}
PHANTOM=${PHANTOM:-$BUILD/phantom}
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then RUNS=${RUNS:-1}; else RUNS=${RUNS:-3}; fi
DEPTHS=${DEPTHS:-16 20}
SNAP_MS=${SNAP_MS:-1000}
TIMEOUT=${TIMEOUT:-300}
VMPROGS=${VMPROGS:-fib loop calls binarytrees nbody spectralnorm strings collections}
DIR=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-gccmp.XXXXXX") || exit 0
trap 'rm -rf "$DIR"' EXIT
trap 'exit 0' INT TERM
log() { echo "== $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
if ! [ -x /usr/bin/time ] || ! /usr/bin/time -f '%e %M' true 2>/dev/null; then
    echo "bench: GNU time (/usr/bin/time) missing: apt-get install time" >&2
    exit 0
fi
[ -x "$PHANTOM" ] || { echo "bench: $PHANTOM missing: run make" >&2; exit 0; }
LUA=lua5.4
have $LUA || LUA=

# one TAG CMD...: a timed run, "wall rss_kib output" appended to $DIR/TAG
# (a run over TIMEOUT seconds is killed and noted "timeout")
one() {
    local tag=$1; shift
    rm -f "$DIR/w.img" "$DIR/time"
    timeout -s KILL "$TIMEOUT" /usr/bin/time -f '%e %M' -o "$DIR/time" "$@" >"$DIR/out" 2>"$DIR/err"
    if [ $? = 137 ]; then
        echo "- - timeout" >>"$DIR/$tag"
        echo "bench: $tag: killed after $TIMEOUT s" >&2
    else
        [ -s "$DIR/err" ] && sed "s/^/bench: $tag: /" "$DIR/err" | head -3 >&2
        echo "$(tail -1 "$DIR/time") $(head -c 100 "$DIR/out" | tr -d '\n ')" >>"$DIR/$tag"
    fi
    rm -f "$DIR/w.img"
}
median() { # FILE COL ("timeout" if every run timed out)
    [ -f "$1" ] || { echo -; return; }
    grep -qv timeout "$1" || { echo "timeout"; return; }
    awk -v c="$2" '$c != "-" {print $c}' "$1" | sort -g |
        awk '{v[NR]=$1} END {if (!NR) print "-"; else print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a !~ /^[0-9.]+$/ || b !~ /^[0-9.]+$/ || b+0 <= 0) print "-"; else printf "%.2f", a/b }'; }
mib() { awk -v k="$1" 'BEGIN{ if (k !~ /^[0-9.]+$/) print k; else printf "%.0f", k/1024 }'; }
outs() { [ -f "$1" ] && awk '$3 != "timeout" {print $3}' "$1" | sort -u | tr '\n' ' '; }

avail_kib=$(awk '/^MemAvailable:/{print $2}' /proc/meminfo)
START=$(date +%s)
off16=850000    # KiB: PHANTOM_GC=off at depth 16 (measured below when 16 is run)
for d in $DEPTHS; do
    echo "class depthparam { static int depth() { return $d; } };" >"$DIR/depth.ph"
    skip_off=0
    if [ "$d" -gt 16 ]; then
        # without collection, RSS grows like 2^depth: skip what would not fit
        need=$(awk -v r="$off16" -v d=$d 'BEGIN{printf "%.0f", r * 2^(d-16) * 1.2}')
        [ "$need" -gt $((avail_kib / 2)) ] && skip_off=$need
    fi
    for r in $(seq "$RUNS"); do
        log "binary-trees depth $d, round $r of $RUNS"
        one "bt$d.on" "$PHANTOM" run --image "$DIR/w.img" --snapshot-interval "$SNAP_MS" "$HERE/gc_binarytrees.ph" "$DIR/depth.ph"
        [ $skip_off = 0 ] && PHANTOM_GC=off one "bt$d.off" "$PHANTOM" run --image "$DIR/w.img" --snapshot-interval "$SNAP_MS" "$HERE/gc_binarytrees.ph" "$DIR/depth.ph"
        [ -n "$LUA" ] && one "bt$d.lua" $LUA "$HERE/vm/binarytrees.lua" "$d"
        [ -n "${PHANTOM_BASE:-}" ] && one "bt$d.base" "$PHANTOM_BASE" run --image "$DIR/w.img" --snapshot-interval "$SNAP_MS" "$HERE/gc_binarytrees.ph" "$DIR/depth.ph"
    done
    m=$(median "$DIR/bt16.off" 2 | grep -E '^[0-9.]+$')
    [ "$d" = 16 ] && [ -n "$m" ] && off16=$m
    [ $skip_off != 0 ] && echo "$skip_off" >"$DIR/bt$d.skipped"
done
for p in $VMPROGS; do
    [ -f "$HERE/vm/$p.pasm" ] || continue
    for r in $(seq "$RUNS"); do
        log "bench/vm/$p.pasm collectors on and off, round $r of $RUNS"
        one "vm.$p.on" "$PHANTOM" run --image "$DIR/w.img" --snapshot-interval "$SNAP_MS" "$HERE/vm/$p.pasm"
        PHANTOM_GC=off one "vm.$p.off" "$PHANTOM" run --image "$DIR/w.img" --snapshot-interval "$SNAP_MS" "$HERE/vm/$p.pasm"
    done
done

echo "## Garbage collection: cost and benefit (bench/gc_compare.sh)"
echo
echo "- command: \`bench/gc_compare.sh\` ($RUNS round(s), configurations interleaved in each round)"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs, $(free -g | awk '/^Mem:/{print $2}') GiB"
echo "- phantom: \`$PHANTOM run --image (fresh) --snapshot-interval $SNAP_MS\`, collectors on, or with PHANTOM_GC=off; time includes creating the image and the final snapshot"
[ -n "$LUA" ] && echo "- lua5.4: $($LUA -v 2>&1 | head -1)" || echo "- lua5.4: MISSING (apt-get install lua5.4) - skipped"
echo
echo "### binary-trees"
echo
echo "Median wall seconds and peak RSS (MiB) over the rounds; ratios of medians."
echo
echo "| depth | on s | off s | lua5.4 s | on / off | on / lua5.4 | on MiB | off MiB | lua5.4 MiB | on / lua5.4 RSS | output |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for d in $DEPTHS; do
    ton=$(median "$DIR/bt$d.on" 1); toff=$(median "$DIR/bt$d.off" 1); tl=$(median "$DIR/bt$d.lua" 1)
    mon=$(median "$DIR/bt$d.on" 2); moff=$(median "$DIR/bt$d.off" 2); ml=$(median "$DIR/bt$d.lua" 2)
    if [ -f "$DIR/bt$d.skipped" ]; then toff="skipped (needs ~$(($(cat "$DIR/bt$d.skipped") / 1048576)) GiB)"; moff=-; fi
    echo "| $d | $ton | $toff | $tl | $(ratio "$ton" "$toff") | $(ratio "$ton" "$tl") | $(mib "$mon") | $(mib "$moff") | $(mib "$ml") | $(ratio "$mon" "$ml") | $(outs "$DIR/bt$d.on")$(outs "$DIR/bt$d.off")$(outs "$DIR/bt$d.lua")|"
done
if [ -n "${PHANTOM_BASE:-}" ]; then
    echo
    echo "Against the baseline build \`$PHANTOM_BASE\` (collectors on, same rounds):"
    echo
    echo "| depth | this s | baseline s | this / baseline | this MiB | baseline MiB | baseline / lua5.4 |"
    echo "|---|---|---|---|---|---|---|"
    for d in $DEPTHS; do
        ton=$(median "$DIR/bt$d.on" 1); tb=$(median "$DIR/bt$d.base" 1); tl=$(median "$DIR/bt$d.lua" 1)
        echo "| $d | $ton | $tb | $(ratio "$ton" "$tb") | $(mib "$(median "$DIR/bt$d.on" 2)") | $(mib "$(median "$DIR/bt$d.base" 2)") | $(ratio "$tb" "$tl") |"
    done
fi
echo
echo "### bench/vm programs, collectors on vs off"
echo
echo "| program | on s | off s | on / off | on MiB | off MiB |"
echo "|---|---|---|---|---|---|"
: >"$DIR/ratios"
for p in $VMPROGS; do
    [ -f "$DIR/vm.$p.on" ] || continue
    ton=$(median "$DIR/vm.$p.on" 1); toff=$(median "$DIR/vm.$p.off" 1)
    r=$(ratio "$ton" "$toff"); echo "$r" >>"$DIR/ratios"
    echo "| $p | $ton | $toff | $r | $(mib "$(median "$DIR/vm.$p.on" 2)") | $(mib "$(median "$DIR/vm.$p.off" 2)") |"
done
echo
echo "Geometric mean of on / off: $(awk '$1 != "-" && $1 > 0 {s += log($1); n++} END {if (n) printf "%.2f", exp(s/n); else print "-"}' "$DIR/ratios") (the aim: <= 1.10 each)."
echo
echo "Benchmark time: $(( $(date +%s) - START )) s"
exit 0
