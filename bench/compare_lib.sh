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
