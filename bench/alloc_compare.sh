#!/bin/sh
# alloc_compare.sh - an allocation-heavy engine-API program (alloc_heavy)
# and a string-heavy Phantom program (wordcount.ph, 1M strings) with two
# builds, side by side in one run, idle and beside one busy loop (issue 19
# item 2).  Runs alternate between the builds; each line is one run:
#   @ac | load | build | program | wall s | user s | sys s | minor faults | vcs | ivcs |
# For medians: sort by the first four fields and take the middle row.
#   bench/alloc_compare.sh OLD_BUILD_DIR NEW_BUILD_DIR [ROUNDS]
set -e
OLD=$1 NEW=$2 ROUNDS=${3:-5}
TMP=$(mktemp -d)
HERE=$(cd "$(dirname "$0")" && pwd)
trap 'kill $BUSY 2>/dev/null; rm -rf "$TMP"' EXIT
BUSY=
one() { # load build-label build-dir
    for s in uffd mprotect; do
        "$3/bench/alloc_heavy" $s "$TMP/a.img" 256 | sed "s/^@alloc | /@ac | $1 | $2 | alloc_heavy /"
    done
    rm -f "$TMP"/w.img*
    /usr/bin/time -f "%e | %U | %S | %R | %w | %c |" -o "$TMP/t" "$3/phantom" run --image "$TMP/w.img" \
        "$HERE/wordcount.ph" >/dev/null
    echo "@ac | $1 | $2 | wordcount uffd | $(cat "$TMP/t")"
}
for load in idle busy; do
    if [ $load = busy ]; then
        sh -c 'while :; do :; done' &
        BUSY=$!
    fi
    i=0
    while [ $i -lt "$ROUNDS" ]; do
        if [ $((i % 2)) = 0 ]; then one $load old "$OLD"; one $load new "$NEW"; else one $load new "$NEW"; one $load old "$OLD"; fi
        i=$((i + 1))
    done
done
