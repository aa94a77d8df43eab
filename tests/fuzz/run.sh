#!/usr/bin/env bash
# tests/fuzz/run.sh DIR - runs every fuzz target in DIR for FUZZ_SECONDS
# (default 20) each, starting from its seed corpus in tests/fuzz/corpus/NAME
# (read only: new inputs go to a temporary directory).  A crash, leak,
# timeout or sanitizer report fails the run; the reproducer is kept under
# $FUZZ_ARTIFACTS (default /tmp) and named in the output.
set -u
DIR=${1:?usage: tests/fuzz/run.sh DIR}
SECONDS_EACH=${FUZZ_SECONDS:-20}
ART=${FUZZ_ARTIFACTS:-/tmp}
fail=0
for f in "$DIR"/fuzz_*; do
    [ -x "$f" ] || continue
    name=${f##*/fuzz_}
    seeds=tests/fuzz/corpus/$name
    work=$(mktemp -d /tmp/phantom-fuzz-$name.XXXXXX)
    dict=()
    [ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
    start=$(date +%s)
    if out=$("$f" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
             -artifact_prefix="$ART/phantom-fuzz-$name-" "${dict[@]}" "$work" "$seeds" 2>&1); then
        status=ok
    else
        status=FAIL
        fail=1
        printf '%s\n' "$out" | tail -n 40 | sed 's/^/    /'
    fi
    runs=$(printf '%s\n' "$out" | grep -o 'Done [0-9]* runs' | tail -1)
    printf '[fuzz] %-12s %-4s %3ds  %s\n' "$name" "$status" $(( $(date +%s) - start )) "${runs:-}"
    rm -rf "$work"
done
exit $fail
