#!/usr/bin/env bash
# Runs every test binary under $BUILD/tests (unit first, then crash tests).
#   tests/run-all.sh              the normal build
#   tests/run-all.sh --sanitized  the ASan+UBSan build (same tests)
#   tests/run-all.sh --torture    long runs (TORTURE=1)
# Prints one line per test and a summary; exits non-zero if any failed.
set -u
BUILD=${BUILD:-build}
label=plain
case "${1:-}" in
  --sanitized) label="asan+ubsan"
     export ASAN_OPTIONS=${ASAN_OPTIONS:-"detect_leaks=1:abort_on_error=0:handle_segv=1:allow_user_segv_handler=1"}
     export UBSAN_OPTIONS=${UBSAN_OPTIONS:-"print_stacktrace=1:halt_on_error=1"} ;;
  --torture) label=torture; export TORTURE=1 ;;
esac
pass=0; fail=0; failed=()
start=$(date +%s)
for t in "$BUILD"/tests/unit/* "$BUILD"/tests/crash/*; do
  [ -x "$t" ] && [ -f "$t" ] || continue
  case "$t" in *.d|*.o) continue ;; esac
  name=${t#"$BUILD"/tests/}
  t0=$(date +%s%N)
  if out=$("$t" 2>&1); then
    pass=$((pass+1)); status=ok
  else
    fail=$((fail+1)); failed+=("$name"); status=FAIL
    printf '%s\n' "$out" | tail -n 40 | sed 's/^/    /'
  fi
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  printf '[%s] %-28s %-4s %4d.%01ds\n' "$label" "$name" "$status" $((ms / 1000)) $((ms % 1000 / 100))
done
printf '[%s] %d passed, %d failed in %ds\n' "$label" "$pass" "$fail" "$(( $(date +%s) - start ))"
[ "$fail" -eq 0 ] || { printf 'failed: %s\n' "${failed[*]}"; exit 1; }
