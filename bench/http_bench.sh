#!/usr/bin/env bash
# bench/http_bench.sh - the key-value service of issue 14 over loopback:
# examples/kv_server.ph with output commit on and off, next to redis-server
# with appendfsync always and everysec, all driven by bench/http_load (the
# same closed-loop client: HTTP to Phantom, RESP to Redis; the protocols
# differ, see BENCHMARKS.md) at 1, 16 and 256 connections, workloads incr
# and set.  The four servers run side by side and the runs alternate
# between them; each cell is the median of REPS runs.  Then each server is
# killed with SIGKILL in the middle of an increment load, restarted, and
# the acknowledged increments it lost are counted.
#
#   BUILD=build bench/http_bench.sh           (bench/run-all.sh calls it)
#   QUICK=1 ...                               1 run of 2 s per cell
#   BEFORE=/path/to/phantom ...               also that build of phantom, with
#                                             output commit, as "phantom-before"
#                                             (an older build, side by side)
#
# Prints markdown on stdout, progress on stderr; always exits 0.
set -u
BUILD=${BUILD:-build}
QUICK=${QUICK:-0}
LOAD=$BUILD/bench/http_load
PHANTOM=$BUILD/phantom
DIR=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-http-bench.XXXXXX")
if [ "$QUICK" = 1 ]; then REPS=1; SECS=2; else REPS=3; SECS=4; fi
LEVELS="1 16 256"
PIDS=()

cleanup() {
    for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    rm -rf "$DIR"
}
trap cleanup EXIT
log() { echo "== $*" >&2; }

if [ ! -x "$LOAD" ] || [ ! -x "$PHANTOM" ]; then
    echo "http_bench: $LOAD or $PHANTOM not built; run 'make' first" >&2
    exit 0
fi
HAVE_REDIS=0
command -v redis-server >/dev/null && HAVE_REDIS=1

free_port() {
    for p in $(seq "$1" $(($1 + 200))); do
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
}
wait_port() {
    for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
    return 1
}

# start NAME PORT [boot]: starts server NAME on PORT (fresh, or resumed from
# its image/AOF with "boot"); sets SPID.
start() {
    local name=$1 port=$2 how=${3:-new}
    case $name in
    phantom-commit | phantom-nocommit | phantom-before)
        local img=$DIR/$name.img mode= bin=$PHANTOM
        [ "$name" = phantom-nocommit ] && mode=nocommit
        [ "$name" = phantom-before ] && bin=$BEFORE
        if [ "$how" = boot ]; then
            "$bin" boot --image "$img" >>"$DIR/$name.log" 2>&1 &
        else
            rm -f "$img"
            "$bin" run --image "$img" examples/kv_server.ph -- "$port" $mode >>"$DIR/$name.log" 2>&1 &
        fi ;;
    redis-always | redis-everysec)
        local d=$DIR/$name
        [ "$how" = boot ] || { rm -rf "$d"; mkdir -p "$d"; }
        redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync "${name#redis-}" \
            --dir "$d" --daemonize no --logfile "$d/redis.log" &
        ;;
    esac
    SPID=$!
    PIDS+=("$SPID")
    wait_port "$port" || echo "http_bench: $name did not start on port $port" >&2
}

SERVERS="phantom-commit phantom-nocommit"
[ -n "${BEFORE:-}" ] && SERVERS="phantom-before $SERVERS"
[ $HAVE_REDIS = 1 ] && SERVERS="$SERVERS redis-always redis-everysec"
declare -A PORT SPIDS
next=18400
for s in $SERVERS; do
    PORT[$s]=$(free_port $next)
    next=$((PORT[$s] + 1))
    start "$s" "${PORT[$s]}"
    SPIDS[$s]=$SPID
done
sleep 1

proto() { case $1 in redis-*) echo --resp ;; esac; }

ROWS=$DIR/rows
for rep in $(seq $REPS); do
    for n in $LEVELS; do
        for w in incr set; do
            for s in $SERVERS; do
                log "http: $s, $n connections, $w, run $rep of $REPS"
                flag=
                [ $w = set ] && flag=--set
                line=$("$LOAD" $(proto "$s") $flag --pid "${SPIDS[$s]}" "${PORT[$s]}" "$n" "$SECS")
                echo "$s $n $w $line" >>"$ROWS"
            done
        done
    done
done
for s in $SERVERS; do kill -9 "${SPIDS[$s]}" 2>/dev/null; wait "${SPIDS[$s]}" 2>/dev/null; done

echo "## HTTP key-value service: kv_server.ph next to Redis"
echo
echo "bench/http_load, closed loop (each connection sends a request, waits for its reply,"
echo "sends the next), over loopback, ${SECS} s per run, median of $REPS runs alternated between"
echo "the servers.  incr: POST /kv/k<i>/incr (Redis: INCR k<i>); set: PUT /kv/k<i> (SET k<i> v),"
echo "one key per connection.  Redis: appendonly yes; 'always' fsyncs the AOF before each reply,"
echo "'everysec' once a second.  The protocols differ: HTTP requests and replies are ~100 bytes"
echo "and parsed by Phantom-language code; RESP ~30 bytes parsed by C.  CPU: the server's"
echo "user+system time per request (the load generator shares the machine's cores)."
echo
echo "| server | connections | workload | requests/s | p50 ms | p99 ms | server CPU us/request | errors |"
echo "|---|---|---|---|---|---|---|---|"
for s in $SERVERS; do
    for n in $LEVELS; do
        for w in incr set; do
            awk -v s="$s" -v n="$n" -v w="$w" '
                $1 == s && $2 == n && $3 == w {
                    k++; rps[k] = $9; p50[k] = $11; p99[k] = $13; cpu[k] = ($15 >= 0 && $5 > 0) ? 1e6 * $15 / $5 : -1; err += $17 }
                function med(a, m,   i, j, t) { for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                    return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2 }
                END { if (k) printf "| %s | %d | %s | %.0f | %.2f | %.2f | %.0f | %d |\n", s, n, w, med(rps, k), med(p50, k) / 1000, med(p99, k) / 1000, med(cpu, k), err }' "$ROWS"
        done
    done
done
echo

echo "## Acknowledged writes lost to kill -9 in the middle of the load"
echo
echo "16 connections increment their own key; the server is killed with SIGKILL 2 s in;"
echo "replies that reached the client before the kill count as acknowledged.  The server is"
echo "restarted (phantom boot; redis-server on the same AOF) and each key read back."
echo
echo "| server | runs | acknowledged increments lost (per run) |"
echo "|---|---|---|"
for s in $SERVERS; do
    results=
    for rep in $(seq $REPS); do
        log "http: kill -9 of $s mid-load, run $rep"
        port=$(free_port 18700)
        start "$s" "$port"
        "$LOAD" $(proto "$s") --kill-after 2 --acked "$DIR/acked" --pid "$SPID" "$port" 16 4 >/dev/null
        wait "$SPID" 2>/dev/null
        start "$s" "$port" boot
        r=$("$LOAD" $(proto "$s") --verify "$DIR/acked" "$port")
        kill -9 "$SPID" 2>/dev/null
        wait "$SPID" 2>/dev/null
        results="$results${results:+; }$(echo "$r" | awk '{print $2 " of " $4}')"
    done
    echo "| $s | $REPS | $results |"
done
[ $HAVE_REDIS = 1 ] || echo "| redis | - | NOT INSTALLED (apt-get install redis-server): Redis rows skipped |"
echo
exit 0
