# bench/compare_lib.sh - shell functions shared by the interleaved
# comparison scripts (vm_compare.sh, wasm_compare.sh, java_compare.sh);
# sourced, not run.
# Result files hold one line per run: "wall rss cpu output-ok".

# median FILE COL: the median of column COL of FILE ("-" if none)
median() {
    awk -v c="$2" '$c != "-" {print $c}' "$1" 2>/dev/null | sort -g |
        awk '{v[NR]=$1} END {if (!NR) print "-"; else print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

# sec S: seconds with two decimals ("-" stays "-")
sec() { awk -v s="$1" 'BEGIN{ if (s == "-") print "-"; else printf "%.2f", s }'; }

# ratio A B: A / B with two decimals, "-" when either is unknown
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a == "-" || b == "-" || b+0 <= 0) print "-"; else printf "%.2f", a/b }'; }

# medians FILE: "wall cpu MiB", the medians of a result file ("- - -" if
# there is none)
medians() {
    if [ -f "$1" ]; then
        echo "$(median "$1" 1) $(median "$1" 3) $(median "$1" 2 | awk '$1 == "-" {print "-"; next} {printf "%.0f", $1/1024}')"
    else
        echo "- - -"
    fi
}

# any_differs FILE: true when a run in FILE printed other than the expected output
any_differs() { grep -q ' 0$' "$1" 2>/dev/null; }

# timed_run RESULTS EXPECT LABEL WHO D CMD...: runs CMD (D a fresh
# directory for its files) under $GNUTIME, appends "wall rss cpu ok" to
# RESULTS; ok is 1 when its output equals the file EXPECT (which the
# first run writes), WHO naming whose output that is in the message;
# standard error lines go to ours, after LABEL.  Removes D.
timed_run() {
    local results=$1 expect=$2 label=$3 who=$4 d=$5 t ok=1
    shift 5
    "$GNUTIME" -f '%e %M %U %S' -o "$d/time" "$@" >"$d/out" 2>"$d/err"
    # the last line: GNU time may put "Command exited with non-zero status N" first
    t=$(tail -1 "$d/time" | awk '{printf "%s %s %.2f", $1, $2, $3 + $4}')
    [ -s "$d/err" ] && sed "s/^/bench: $label: /" "$d/err" | head -5 >&2
    [ -f "$expect" ] || cp "$d/out" "$expect"
    if ! cmp -s "$d/out" "$expect" || [ ! -s "$d/out" ]; then
        ok=0
        echo "bench: $label printed '$(head -c 200 "$d/out" | tr '\n' ' ')', $who printed '$(head -c 200 "$expect" | tr '\n' ' ')'" >&2
    fi
    echo "$t $ok" >>"$results"
    rm -rf "$d"
}
