# bench/compare_lib.sh - shell functions shared by the interleaved
# comparison scripts (vm_compare.sh, wasm_compare.sh); sourced, not run.
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
