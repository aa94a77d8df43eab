#!/bin/bash
# strategy_compare.sh - the snapshot strategies side by side in one run
# (issue 19): slowdown of a writer at 1/s and 10/s (256 MiB uniform, hot
# 16 MiB) and the pause at 256 MiB with 1% and 10% dirtied, every usable
# strategy, alternating strategy by strategy round after round so that a
# change of machine load touches them all alike.  Medians over ROUNDS; CPU
# time (user+system) of each process, summed per strategy.
#
#   BUILD=build ROUNDS=3 bench/strategy_compare.sh
#
# Slowdown: bench/slowdown.c, one round per process (it rotates off, 1/s,
# 10/s inside); pause: bench/pause.c (60 parked and 20 running snapshots
# at 1% and 10%).
set -u
B=${BUILD:-build}/bench
ROUNDS=${ROUNDS:-3}
SLOW_W=${SLOW_W:-100000000}
SLOW_HOT_W=${SLOW_HOT_W:-300000000}
CAP=${CAP:-6}
DIR=$(mktemp -d /tmp/phantom-stratcmp-XXXXXX)
trap 'rm -rf "$DIR"' EXIT
STRATS=$("$B/strategies" 2>/dev/null)
echo "# strategies: $(echo $STRATS); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg); $(uname -r); $(date -u '+%Y-%m-%d %H:%M UTC')"
cpu() { # LABEL CMD...: runs CMD, appends its rows, adds its CPU seconds to LABEL
    local label=$1; shift
    /usr/bin/time -f "%U %S" -o "$DIR/t" "$@" >>"$DIR/rows" 2>>"$DIR/err"
    awk -v l="$label" '{print l, $1 + $2}' "$DIR/t" >>"$DIR/cpu"
}
for r in $(seq "$ROUNDS"); do
    for s in $STRATS; do
        echo "round $r: $s" >&2
        cpu "$s" "$B/slowdown" "$s" 256 "$DIR/s.img" $SLOW_W 1 $CAP; rm -f "$DIR/s.img"
        cpu "$s" "$B/slowdown" "$s" 256 "$DIR/s.img" $SLOW_HOT_W 1 $CAP 16; rm -f "$DIR/s.img"
        [ "$r" = 1 ] && { cpu "$s" "$B/pause" "$s" 256 "$DIR/p.img" 60 20 15; rm -f "$DIR/p.img"; }
    done
done
echo
echo "| strategy | workload | rounds | off s | 1/s slowdown | 1/s achieved | 10/s slowdown | 10/s achieved |"
echo "|---|---|---|---|---|---|---|---|"
# @slow | strategy | what, N M writes | 1 | off | 1/s | +x% | rate | 10/s | +y% | rate |
grep '^@slow |' "$DIR/rows" | awk -F' *\\| *' '
    function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
        return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
    { k = $2 " | " $3; n[k]++; off[k, n[k]] = $5; s1[k, n[k]] = $6 + 0; s10[k, n[k]] = $9 + 0
      r1[k] += $8; r10[k] += $11; if (!(k in seen)) { seen[k] = 1; order[++m] = k } }
    END { for (i = 1; i <= m; i++) { k = order[i]; c = n[k]
        for (j = 1; j <= c; j++) { a[j] = off[k, j]; b[j] = s1[k, j]; d[j] = s10[k, j] }
        mo = med(a, c); m1 = med(b, c); m10 = med(d, c)
        printf "| %s | %d | %.3f | %+.1f%% | %.2f/s | %+.1f%% | %.2f/s |\n", k, c, mo, (m1/mo-1)*100, r1[k]/c, (m10/mo-1)*100, r10[k]/c } }'
echo
echo "| strategy | mode | resident | dirtied | pages | snapshots | p50 ms | p99 ms | max ms | note |"
echo "|---|---|---|---|---|---|---|---|---|---|"
grep '^@pause |' "$DIR/rows" | sed 's/^@pause //'
echo
echo "CPU seconds (user+system), all runs of each strategy:"
awk '{c[$1] += $2} END {for (s in c) printf "  %s %.1f\n", s, c[s]}' "$DIR/cpu"
grep -iE 'fatal|error' "$DIR/err" | head -5
