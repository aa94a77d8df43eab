#!/usr/bin/env bash
# The README's commands on a fresh copy of the repository, as a newcomer
# meets them: only the files git tracks (so a file someone forgot to add
# fails here, not on the newcomer's machine), built from nothing by the
# README's first command, `make run`, then the README's tour typed through
# a pseudo-terminal by the copy's own tests/crash/shell_pty (which reads
# the tour from the copy's README.md, kills the shell with -9 where the
# tour says `make run` again, and checks every value the tour shows).
#   tests/fresh-clone.sh          a copy of this working tree's tracked files
# Prints one line per step; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "fresh-clone: skipped: not a git work tree (the copy is made of the files git tracks)"
  exit 0
fi
tmp=$(mktemp -d /tmp/phantom-fresh-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
copy=$tmp/phantom
mkdir -p "$copy"
# Tracked files as they are in the working tree (uncommitted edits
# included; files deleted but not yet committed are left out).
git ls-files -z | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | xargs -0 cp --parents -t "$copy"
echo "fresh-clone: copied $(git ls-files | wc -l) tracked files to $copy"

t0=$(date +%s)
# `make run` builds everything, then opens the shell on phantom.img; piped
# input stands in for the keyboard here (the tour itself is typed through
# a terminal below).
out=$(printf 'int x = 41;\nx + 1\n' | make -C "$copy" -s run 2>&1) || {
  printf '%s\n' "$out" | tail -n 40
  echo "fresh-clone: FAIL: \`make run\` on a fresh copy failed"; exit 1; }
case "$out" in
  *$'\n42'*|42*) ;;
  *) printf '%s\n' "$out" | tail -n 20
     echo "fresh-clone: FAIL: \`make run\` did not answer x + 1 with 42"; exit 1 ;;
esac
[ -f "$copy/phantom.img" ] || { echo "fresh-clone: FAIL: \`make run\` left no world phantom.img"; exit 1; }
echo "fresh-clone: make run built the copy and answered at its prompt ($(( $(date +%s) - t0 )) s)"

# The tour, typed as README.md prints it, against the copy's build.
(cd "$copy" && BUILD=build build/tests/crash/shell_pty) >"$tmp/tour.log" 2>&1 || {
  tail -n 60 "$tmp/tour.log"
  echo "fresh-clone: FAIL: the README's tour on the fresh copy"; exit 1; }
echo "fresh-clone: the README's tour, typed through a terminal on the fresh copy, passed"
