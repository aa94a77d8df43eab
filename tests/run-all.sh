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
     export TEST_TIMEOUT_MS=${TEST_TIMEOUT_MS:-60000}
     export ASAN_OPTIONS=${ASAN_OPTIONS:-"detect_leaks=1:abort_on_error=0:handle_segv=1:allow_user_segv_handler=1"}
     export UBSAN_OPTIONS=${UBSAN_OPTIONS:-"print_stacktrace=1:halt_on_error=1"} ;;
  --torture) label=torture; export TORTURE=1 ;;
esac
pass=0; fail=0; failed=()
start=$(date +%s)
# Under the sanitizers the programs also run with the collectors in stress
# mode (docs/GC.md): a collector step every 4 KiB of allocation and complete
# cycles back to back, with freed slots poisoned, so a missing barrier or
# root shows up as a crash or a wrong output.
stress=()
[ "$label" = "asan+ubsan" ] && stress=(vm_run lib_run lang_run)
for t in "$BUILD"/tests/unit/* "$BUILD"/tests/crash/* "${stress[@]/#/gc-stress:}"; do
  env=()
  case "$t" in
    gc-stress:*) env=(PHANTOM_GC=stress); name=$t; t="$BUILD/tests/unit/${t#gc-stress:}" ;;
    *) name=${t#"$BUILD"/tests/} ;;
  esac
  [ -x "$t" ] && [ -f "$t" ] || continue
  case "$t" in *.d|*.o) continue ;; esac
  t0=$(date +%s%N)
  if out=$(env "${env[@]}" "$t" 2>&1); then
    pass=$((pass+1)); status=ok
  else
    fail=$((fail+1)); failed+=("$name"); status=FAIL
    printf '%s\n' "$out" | grep -v '^ *ok ' | tail -n 60 | sed 's/^/    /'
  fi
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  printf '[%s] %-28s %-4s %4d.%01ds\n' "$label" "$name" "$status" $((ms / 1000)) $((ms % 1000 / 100))
done
printf '[%s] %d passed, %d failed in %ds\n' "$label" "$pass" "$fail" "$(( $(date +%s) - start ))"
[ "$fail" -eq 0 ] || { printf 'failed: %s\n' "${failed[*]}"; exit 1; }
