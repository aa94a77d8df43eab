#!/usr/bin/env bash
# bench/robustness.sh OLD_PHANTOM [NEW_PHANTOM] - the memory the robustness
# work of issue 12 saved, side by side with an older build of phantom (for
# example one built from the commit before it), runs alternated, medians of
# ROUNDS (default 3), wall time and peak resident size from /usr/bin/time:
#   compile   200 methods x 1,000 statements (the compiler's memory per statement)
#   concat    a 40,000-character string built by repeated concatenation
#   temps     20,000 temporary 3 KB strings beside 20,000 live ones
# Prints a markdown table.  Measurements only: it never fails.
set -u
OLD=${1:?usage: bench/robustness.sh OLD_PHANTOM [NEW_PHANTOM]}
NEW=${2:-build/phantom}
ROUNDS=${ROUNDS:-3}
dir=$(mktemp -d /tmp/phantom-robust.XXXXXX)
trap 'rm -rf "$dir"' EXIT

{
    echo "class big {"
    for m in $(seq 1 200); do
        echo "    static int m$m(int a) {"
        for i in $(seq 1 1000); do echo "        a = a + $i;"; done
        echo "        return a;"
        echo "    }"
    done
    echo "    static void main() { println(m1(0)); }"
    echo "}"
} > "$dir/compile.ph"
cat > "$dir/concat.ph" <<'PH'
class concat {
    static void main() {
        var s = "";
        for (int i = 0; i < 40000; i++) s = s + "x";
        println(s.length());
    }
}
PH
cat > "$dir/temps.ph" <<'PH'
class temps {
    static void main() {
        var keep = new string[20000];
        var chunk = "";
        for (int i = 0; i < 3000; i++) chunk = chunk + "y";
        for (int i = 0; i < 20000; i++) {
            var t = chunk + i;
            keep[i] = "" + i;
        }
        println(keep[19999]);
    }
}
PH

# One measurement: "wall-seconds peak-kilobytes user-seconds system-seconds".
measure() {
    local bin=$1 what=$2
    rm -f "$dir/w.img"
    if [ "$what" = compile ]; then
        /usr/bin/time -o "$dir/t" -f "%e %M %U %S" "$bin" compile -o "$dir/out" "$dir/compile.ph" >/dev/null 2>&1
    else
        /usr/bin/time -o "$dir/t" -f "%e %M %U %S" "$bin" run --image "$dir/w.img" "$dir/$what.ph" >/dev/null 2>&1
    fi
    tail -1 "$dir/t"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| case | old: wall s | old: CPU s | old: peak MB | new: wall s | new: CPU s | new: peak MB | peak new/old | wall new/old |"
echo "|---|---|---|---|---|---|---|---|---|"
mkdir -p "$dir/out"
for what in compile concat temps; do
    : > "$dir/old"; : > "$dir/new"
    for r in $(seq 1 "$ROUNDS"); do
        measure "$OLD" $what >> "$dir/old"
        measure "$NEW" $what >> "$dir/new"
    done
    os=$(cut -d' ' -f1 "$dir/old" | median); ok=$(cut -d' ' -f2 "$dir/old" | median)
    oc=$(awk '{print $3 + $4}' "$dir/old" | median)
    ns=$(cut -d' ' -f1 "$dir/new" | median); nk=$(cut -d' ' -f2 "$dir/new" | median)
    nc=$(awk '{print $3 + $4}' "$dir/new" | median)
    awk -v w=$what -v os=$os -v ok=$ok -v oc=$oc -v ns=$ns -v nk=$nk -v nc=$nc 'BEGIN {
        printf "| %s | %.2f | %.2f | %.1f | %.2f | %.2f | %.1f | %.2f | %.2f |\n", w, os, oc, ok/1024, ns, nc, nk/1024, nk/ok, ns/os }'
done
