#!/usr/bin/env bash
# bench/compile_speed.sh - compile speed of `phantom compile` on a generated
# program of LINES lines (default 100000): lines per second (median of RUNS,
# default 5; QUICK=1: 1) and peak memory (RSS).  Prints a markdown table.
#   BUILD=build bench/compile_speed.sh
set -u
BUILD=${BUILD:-build}
PHANTOM=${PHANTOM:-$BUILD/phantom}
LINES=${LINES:-100000}
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then RUNS=${RUNS:-1}; else RUNS=${RUNS:-5}; fi
DIR=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-compile.XXXXXX")
trap 'rm -rf "$DIR"' EXIT

# The program: classes of 20 methods; each method declares locals, loops,
# branches, calls another method and builds a string - the mix of a real
# program.  Each method is 21 lines.
awk -v lines="$LINES" -v dir="$DIR" 'BEGIN {
    per_method = 21; per_class = 20;
    nmethods = int(lines / per_method); nclasses = int((nmethods + per_class - 1) / per_class);
    m = 0;
    for (c = 0; c < nclasses; c++) {
        f = dir "/gen.c" c ".ph";
        print "package .gen;" > f;
        print "" > f;
        print "class c" c > f;
        print "{" > f;
        print "    var total : int;" > f;
        for (k = 0; k < per_class && m < nmethods; k++) {
            m++;
            print "    int m" k "( var n : int, var s : string )" > f;
            print "    {" > f;
            print "        var acc : int = 0;" > f;
            print "        var text : string = s;" > f;
            print "        for( var i = 0; i < n; i++ )" > f;
            print "        {" > f;
            print "            if( i % 3 == 0 )" > f;
            print "                acc += i * 2;" > f;
            print "            else if( i % 3 == 1 )" > f;
            print "                acc -= i;" > f;
            print "            else" > f;
            print "                acc = acc ^ i;" > f;
            print "        }" > f;
            print "        while( acc > 1000 )" > f;
            print "            acc = acc / 2;" > f;
            print "        text = text + \"-\" + acc;" > f;
            if (k > 0)
                print "        acc = acc + m" (k - 1) "( n - 1, text );" > f;
            else
                print "        acc = acc + text.length();" > f;
            print "        total = total + acc;" > f;
            print "        return acc;" > f;
            print "    }" > f;
            print "" > f;
        }
        print "};" > f;
        close(f);
    }
}'
actual=$(cat "$DIR"/*.ph | wc -l)
files=$(ls "$DIR"/*.ph | wc -l)
times=()
rss=()
for r in $(seq 1 "$RUNS"); do
    rm -rf "$DIR/out" && mkdir -p "$DIR/out"
    if ! /usr/bin/time -f "%e %M" -o "$DIR/time" "$PHANTOM" compile -o "$DIR/out" "$DIR"/*.ph > "$DIR/log" 2>&1; then
        echo "phantom compile failed:"; head -20 "$DIR/log"; exit 0
    fi
    read -r t m < "$DIR/time"
    times+=("$t"); rss+=("$m")
done
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t=$(med "${times[@]}"); m=$(med "${rss[@]}")
lps=$(awk -v l="$actual" -v t="$t" 'BEGIN { if (t > 0) printf "%.0f", l / t; else print "inf" }')
echo "| program | files | lines | runs | median s | lines/s | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
echo "| generated (bench/compile_speed.sh) | $files | $actual | $RUNS | $t | $lps | $(( m / 1024 )) |"
exit 0
