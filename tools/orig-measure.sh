#!/bin/sh
# tools/orig-measure.sh DIR [PHANTOM] - how many of the original Phantom
# programs under DIR compile and run with our compiler and VM.
#
# DIR holds the original's sources as they are (its plib/, apps/, ...:
# copy them there yourself; this script fetches nothing).  PHANTOM is the
# binary to measure (default build/phantom), so that two builds can be
# compared on the same sources.
#
# Compile: the .ph files are compiled together (as the original compiled
# a file against the classes of the others); files with errors of their
# own are set aside, with their first error, and the rest compiled again
# until what is left compiles.
#
# Run: each file declaring an entry point the original used (the boot
# class's startup(var boot) [8], a thread's run(var x) [8], the tests'
# run(var boot)) is run with
# `phantom run`, together with the files that compiled, for at most
# RUN_SECONDS (default 10) seconds, with standard input from /dev/null.
# "ran" is an exit status of 0; "running" a program still running at the
# end (the original shell and demos loop forever); otherwise the first
# line of standard error says why it failed.
#
# Run from the directory the original compiler ran in when its imports
# of files ("../resources/...") are relative to it.
set -u
dir=${1:?usage: tools/orig-measure.sh DIR [PHANTOM]}
phantom=${2:-build/phantom}
secs=${RUN_SECONDS:-10}
case $phantom in /*) ;; *) phantom=$(pwd)/$phantom ;; esac
[ -x "$phantom" ] || { echo "orig-measure: $phantom is not executable" >&2; exit 2; }
[ -d "$dir" ] || { echo "orig-measure: $dir is not a directory" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/orig-measure.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

find "$dir" -name '*.ph' | sort > "$tmp/all"
total=$(wc -l < "$tmp/all")

# ---- compile ---------------------------------------------------------------
echo "== compile ($total files)"
# Every file at once; the files with errors of their own are set aside and
# the rest compiled again, until what is left compiles (a file needing a
# class whose file failed then fails too, on its own import or use).
cp "$tmp/all" "$tmp/good"
: > "$tmp/bad"
while :; do
    xargs "$phantom" compile -o "$tmp/classes" < "$tmp/good" > /dev/null 2> "$tmp/diag"
    : > "$tmp/next"
    changed=0
    while read -r f; do
        err=$(grep -F "$f:" "$tmp/diag" | grep -F ': error: ' | head -1)
        if [ -n "$err" ]; then
            echo "$err" >> "$tmp/bad"
            changed=1
        else
            echo "$f" >> "$tmp/next"
        fi
    done < "$tmp/good"
    mv "$tmp/next" "$tmp/good"
    [ $changed -eq 1 ] && [ -s "$tmp/good" ] || break
done
if [ -s "$tmp/good" ] && grep -q ': error: ' "$tmp/diag"; then   # errors no file of ours is named in
    echo "  FAIL  (the rest): $(grep -F ': error: ' "$tmp/diag" | head -1)"
    : > "$tmp/good"
fi
ncomp=$(wc -l < "$tmp/good")
sed 's/^/  ok    /' "$tmp/good"
sed 's/^/  FAIL  /' "$tmp/bad"

# ---- run -------------------------------------------------------------------
nentry=0
nran=0
echo "== run (entry points: startup(var boot) [8], run(var x) with or without [8])"
while read -r f; do
    grep -Eq '(startup|run)[[:space:]]*\([[:space:]]*var[[:space:]]+[A-Za-z_0-9]+[^,)]*\)[[:space:]]*(\[[[:space:]]*8[[:space:]]*\])?[[:space:]]*(\{|//|$)' "$f" || continue
    nentry=$((nentry + 1))
    if ! grep -qxF "$f" "$tmp/good"; then
        echo "  FAIL  $f: does not compile"
        continue
    fi
    grep -vxF "$f" "$tmp/good" > "$tmp/others"
    rm -f "$tmp/w.img"
    # the entry file first: the first class with an entry point runs
    (
        # shellcheck disable=SC2046
        exec timeout -k 5 "$secs" "$phantom" run --image "$tmp/w.img" "$f" $(cat "$tmp/others")
    ) < /dev/null > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ $rc -eq 0 ]; then
        nran=$((nran + 1))
        echo "  ran      $f"
    elif [ $rc -eq 124 ]; then
        nran=$((nran + 1))
        echo "  running  $f (still running after $secs s; $(wc -l < "$tmp/out") lines of output)"
    else
        echo "  FAIL     $f (exit $rc): $(grep -E 'Uncaught|: error: |^phantom' "$tmp/err" | head -1)"
    fi
done < "$tmp/all"

echo "== $ncomp of $total files compile; $nran of $nentry entry points run"
