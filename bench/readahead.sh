#!/usr/bin/env bash
# bench/readahead.sh - issue 19 item 7: after `boot`, how long until every
# page of a world has been touched, with the engine's read-ahead
# (src/persist/readahead.c) and without it (pw_options.no_readahead), next
# to redis-server loading an RDB of the same size; and how soon code runs
# (open, read the root and one value, exit).  bench/resume.c does the work:
# `resume touch` reads word 0 of every data page after the open.
# Runs alternate (ra, nora) ROUNDS times; medians.  The page cache is warm
# for both (the image and the RDB were just written or read), as in
# BENCHMARKS.md item 4.  Prints a markdown section; always exits 0.
#
#   SIZES="64 1024" ROUNDS=5 STRATEGY=default bench/readahead.sh
set -u
BUILD=${BUILD:-build}
B=$BUILD/bench
SIZES=${SIZES:-64 1024}
ROUNDS=${ROUNDS:-5}
STRATEGY=${STRATEGY:-default}
REDIS_N=${REDIS_N:-3}
DIR=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-readahead.XXXXXX") || exit 0
RPID=
trap '[ -n "$RPID" ] && kill "$RPID" 2>/dev/null; rm -rf "$DIR"' EXIT
trap 'exit 0' INT TERM
log() { echo "== $*" >&2; }
median() { sort -g | awk '{v[NR]=$1} END {if (!NR) print "-"; else print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
RPORT=
for p in $(seq 16501 16599); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then RPORT=$p; break; fi
done
rargs() { echo --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$1" --dbfilename dump.rdb \
    --daemonize no --rdbcompression no --logfile "$1/redis.log"; }

echo "## Boot read-ahead: touching a whole world after boot (bench/readahead.sh)"
echo
echo "- command: \`SIZES=\"$SIZES\" ROUNDS=$ROUNDS STRATEGY=$STRATEGY bench/readahead.sh\`"
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs, $(free -g | awk '/^Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- phantom: \`resume touch IMAGE $STRATEGY ra|nora\`: ms from before pw_open until the first value was read, and until word 0 of every data page was read and checked; medians of $ROUNDS alternated runs. redis-server $(redis-server --version 2>/dev/null | sed -n 's/.*v=\([0-9.]*\).*/\1/p'): from fork until PING answers PONG with an RDB of \`DEBUG POPULATE\` keys of 4000 bytes, median of $REDIS_N"
echo
echo "| world | read-ahead: first value ms | read-ahead: all pages ms | pages it loaded | faults | no read-ahead: first value ms | no read-ahead: all pages ms | faults | redis-server load ms | all pages / redis |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for m in $SIZES; do
    log "readahead: creating a $m MiB world"
    "$B/resume" create "$m" "$DIR/w.img" || { echo "bench: resume create failed" >&2; continue; }
    : >"$DIR/ra"; : >"$DIR/nora"
    for r in $(seq "$ROUNDS"); do
        for mode in ra nora; do
            log "readahead: $m MiB, round $r, $mode"
            "$B/resume" touch "$DIR/w.img" "$STRATEGY" "$mode" >>"$DIR/$mode" || echo "bench: touch $mode failed" >&2
        done
    done
    rms=-
    if [ -n "$RPORT" ] && command -v redis-server >/dev/null; then
        mkdir -p "$DIR/rdb"
        log "readahead: redis RDB of $m MiB"
        redis-server $(rargs "$DIR/rdb") --enable-debug-command yes >/dev/null 2>&1 &
        RPID=$!
        for i in $(seq 100); do redis-cli -p "$RPORT" ping >/dev/null 2>&1 && break; sleep 0.05; done
        redis-cli -p "$RPORT" debug populate $((m * 256)) key 4000 >/dev/null
        redis-cli -p "$RPORT" save >/dev/null
        redis-cli -p "$RPORT" shutdown nosave >/dev/null 2>&1
        wait "$RPID" 2>/dev/null
        RPID=
        rms=$("$B/spawn_time" --redis "$REDIS_N" "$RPORT" redis-server $(rargs "$DIR/rdb") | awk '{print $1}')
        rm -rf "$DIR/rdb"
    fi
    c() { awk -v c="$2" '{print $c}' "$DIR/$1" | median; }
    all=$(c ra 2)
    echo "| $m MiB | $(c ra 1) | $all | $(c ra 3) | $(c ra 4) | $(c nora 1) | $(c nora 2) | $(c nora 4) | ${rms:--} | $(awk -v a="$all" -v b="$rms" 'BEGIN{ if (b+0 > 0) printf "%.2f", a/b; else print "-" }') |"
    rm -f "$DIR/w.img"
done
exit 0
