#!/usr/bin/env bash
# bench/run-all.sh - every benchmark of BENCHMARKS.md, each next to its
# baseline measured in the same run.  `make bench` runs it with BUILD=build.
#
# Prints markdown tables on stdout (progress on stderr) and always exits 0:
# these are measurements, not tests.  Images go to a fresh directory under
# BENCH_DIR (default /tmp) and are deleted at the end.
#
#   BUILD=build bench/run-all.sh            the full set (about 25 minutes)
#   QUICK=1 BUILD=build bench/run-all.sh    fewer samples, for a smoke run
#
# Optional tools: redis-server + redis-cli (Redis baselines) and hyperfine
# (cross-check of process timings).  Missing ones are reported and their
# baselines skipped.
set -u
BUILD=${BUILD:-build}
B=$BUILD/bench
QUICK=${QUICK:-0}
BASE_DIR=${BENCH_DIR:-/tmp}
DIR=$(mktemp -d "$BASE_DIR/phantom-bench.XXXXXX")
ROWS=$DIR/rows
REDIS_PID=

cleanup() {
    if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
        kill "$REDIS_PID" 2>/dev/null
        wait "$REDIS_PID" 2>/dev/null
    fi
    rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

log() { echo "== $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }

if [ ! -x "$B/pause" ]; then
    echo "bench: $B/pause not built; run 'make' (or 'make bench') first" >&2
    exit 0
fi

if [ "$QUICK" = 1 ]; then
    P256="60 20 15"; P1G="30 8 6"; FORKN=20; SLOW_W=100000000; SLOW_HOT_W=500000000
    SLOW_R=1; SLOW_HOT_R=1; SLOW_CAP=4
    RATE_N=2; SPAWN_N=10; REDIS_BG=2; REDIS_START_N=2
else
    P256="200 60 40"; P1G="100 25 15"; FORKN=50; SLOW_W=300000000; SLOW_HOT_W=1000000000
    SLOW_R=3; SLOW_HOT_R=5; SLOW_CAP=12
    RATE_N=7; SPAWN_N=30; REDIS_BG=5; REDIS_START_N=5
fi

START=$(date +%s)
STRATS=$("$B/strategies" 2>"$DIR/strat.err")
[ -s "$DIR/strat.err" ] && sed 's/^/bench: strategy unavailable: /' "$DIR/strat.err" >&2

echo "# Phantom benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- kernel: $(uname -srm)"
echo "- cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) CPUs; memory: $(free -g | awk '/^Mem:/{print $2}') GiB"
echo "- image directory: $DIR ($(df -T "$DIR" | awk 'NR==2{print $2 " on " $1}'))"
if [ -n "${ENGINE_REV:-}" ]; then
    echo "- engine: $ENGINE_REV"
elif git rev-parse --git-dir >/dev/null 2>&1; then
    echo "- engine: commit $(git rev-parse --short HEAD), $(git status --porcelain -- src | wc -l) files under src/ differ from it"
fi
echo "- strategies: $(echo $STRATS)"
echo "- transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)"
echo "- mode: $([ "$QUICK" = 1 ] && echo 'QUICK (few samples)' || echo full)"
if have redis-server && have redis-cli; then
    echo "- redis: $(redis-server --version | awk '{print $3}')"
    REDIS=1
else
    echo "- redis: NOT INSTALLED - Redis baselines skipped (apt-get install redis-server)"
    REDIS=0
fi
if have hyperfine; then
    echo "- hyperfine: $(hyperfine --version | awk '{print $2}') (cross-check of process times)"
    HYPERFINE=1
else
    echo "- hyperfine: NOT INSTALLED - process times from bench/spawn_time only"
    HYPERFINE=0
fi
echo

# ---- Redis helpers --------------------------------------------------------------

RPORT=
RCLI() { redis-cli -p "$RPORT" "$@"; }
redis_pick_port() {
    for p in $(seq 16391 16499); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            RPORT=$p
            return 0
        fi
    done
    return 1
}
RARGS=()
redis_args() { # DIR: sets RARGS
    RARGS=(--port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$1"
        --dbfilename dump.rdb --daemonize no --rdbcompression no --logfile "$1/redis.log")
}
redis_wait_bgsave() {
    sleep 0.05
    while RCLI info persistence | grep -q '^rdb_bgsave_in_progress:1'; do sleep 0.05; done
}
# keys of 4000 bytes: each takes one 4 KiB jemalloc slot, so MiB * 256 keys
# make a dataset of about MiB resident.
redis_populate() { # MIB
    RCLI flushall >/dev/null
    RCLI debug populate $(($1 * 256)) key 4000 >/dev/null
}

# ---- 1 + 5: pause per snapshot, bytes per snapshot --------------------------------

for s in $STRATS; do
    for m in 256 1024; do
        args=$P256
        [ $m = 1024 ] && args=$P1G
        log "pause: $s, $m MiB resident ($args snapshots: 1%, 10%, running)"
        "$B/pause" "$s" "$m" "$DIR/pause.img" $args >>"$ROWS" 2> >(tee "$DIR/pause.err" >&2)
        rc=$?
        sleep 0.2 # let tee finish
        if [ $rc != 0 ]; then
            why=$(grep -m1 -E 'fatal|error|bench:' "$DIR/pause.err" | tr '|' '/')
            echo "bench: pause $s $m exited with $rc" >&2
            echo "@pause | phantom $s: the run after the rows above DIED (exit $rc) | $m MiB | - | - | - | - | - | ${why:-no message} |" >>"$ROWS"
        fi
        rm -f "$DIR/pause.img" "$DIR/pause.err"
    done
done
for m in 256 1024; do
    log "fork() baseline: $m MiB"
    "$B/fork_pause" $m $FORKN >>"$ROWS"
    "$B/fork_pause" $m $FORKN thp >>"$ROWS"
done

if [ $REDIS = 1 ] && redis_pick_port; then
    RDIR=$DIR/redis
    mkdir -p "$RDIR" "$DIR/rdb64" "$DIR/rdb1024"
    log "redis baseline: server on 127.0.0.1:$RPORT"
    redis_args "$RDIR"
    redis-server "${RARGS[@]}" --enable-debug-command yes &
    REDIS_PID=$!
    for i in $(seq 100); do RCLI ping >/dev/null 2>&1 && break; sleep 0.05; done
    for m in 256 1024; do
        log "redis BGSAVE fork time: ${m} MiB dataset"
        redis_populate $m
        rss=$(RCLI info memory | sed -n 's/^used_memory_rss:\([0-9]*\).*/\1/p')
        forks=""
        for i in $(seq $REDIS_BG); do
            RCLI bgsave >/dev/null
            redis_wait_bgsave
            forks="$forks $(RCLI info stats | sed -n 's/^latest_fork_usec:\([0-9]*\).*/\1/p')"
        done
        echo "$forks" | tr ' ' '\n' | grep . | sort -n | awk -v m=$m -v rss=$rss '
            {v[NR]=$1} END {n=NR; med=(n%2)?v[(n+1)/2]:(v[n/2]+v[n/2+1])/2;
            printf "@pause | baseline: redis BGSAVE latest_fork_usec | %d MiB (rss %.0f MiB) | - | %d | %.3f | - | %.3f | fork() inside BGSAVE, median and max |\n",
            m, rss/1048576, n, med/1000, v[n]/1000}' >>"$ROWS"
        if [ $m = 1024 ]; then
            RCLI save >/dev/null && mv "$RDIR/dump.rdb" "$DIR/rdb1024/dump.rdb"
        fi
    done
    redis_populate 64
    RCLI save >/dev/null && mv "$RDIR/dump.rdb" "$DIR/rdb64/dump.rdb"
    RCLI shutdown nosave >/dev/null 2>&1
    wait "$REDIS_PID" 2>/dev/null
    REDIS_PID=
elif [ $REDIS = 1 ]; then
    echo "bench: no free local port for redis; Redis baselines skipped" >&2
    REDIS=0
fi

# ---- 4: process start to resumed work -------------------------------------------------

for m in 64 1024; do
    log "resume: creating a $m MiB world"
    "$B/resume" create $m "$DIR/world$m.img" || echo "bench: resume create $m failed" >&2
    size=$(stat -c %s "$DIR/world$m.img" 2>/dev/null || echo 0)
    for s in $STRATS; do
        log "resume: open $m MiB world ($s), $SPAWN_N runs"
        r=$("$B/spawn_time" $SPAWN_N 3 "$B/resume" open "$DIR/world$m.img" "$s")
        hf=-
        if [ $HYPERFINE = 1 ]; then
            hyperfine -N --warmup 3 --runs $SPAWN_N --export-csv "$DIR/hf.csv" \
                "$B/resume open $DIR/world$m.img $s" >/dev/null 2>&1 &&
                hf=$(awk -F, 'NR==2{printf "%.2f", $4*1000}' "$DIR/hf.csv")
        fi
        echo "$r" | awk -v m=$m -v s=$s -v sz=$size -v hf=$hf '{
            printf "@resume | phantom %s: open, read root + 1 value, exit | %d MiB (image %.0f MiB) | %d | %s | %s | %s | %s |\n",
            s, m, sz/1048576, '$SPAWN_N', $1, $2, $4, hf}' >>"$ROWS"
    done
    rm -f "$DIR/world$m.img"
    if [ $REDIS = 1 ] && [ -f "$DIR/rdb$m/dump.rdb" ]; then
        n=$SPAWN_N
        [ $m = 1024 ] && n=$REDIS_START_N
        size=$(stat -c %s "$DIR/rdb$m/dump.rdb")
        log "resume baseline: redis-server loading a $m MiB RDB, $n runs"
        redis_args "$DIR/rdb$m"
        r=$("$B/spawn_time" --redis $n "$RPORT" redis-server "${RARGS[@]}")
        echo "$r" | awk -v m=$m -v sz=$size -v n=$n '{
            printf "@resume | baseline: redis-server start until PING answers PONG | %d MiB (RDB %.0f MiB) | %d | %s | %s | %s | - |\n",
            m, sz/1048576, n, $1, $2, $4}' >>"$ROWS"
    fi
done

# ---- 3: snapshot write rate vs dd ------------------------------------------------------

dd_run() {
    dd if=/dev/zero of="$DIR/dd.img" bs=1M count=512 conv=fdatasync 2>&1 |
        awk '/copied/{printf "%.0f\n", $1 / $(NF-3) / 1e6}'
    rm -f "$DIR/dd.img"
}
# Let writeback of the files deleted above settle: it otherwise slows the
# first writer of this section.
sync
sleep 2
log "write rate: dd baseline (3 runs)"
DDR=""
for i in 1 2 3; do DDR="$DDR $(dd_run)"; done
for s in $STRATS; do
    log "write rate: phantom $s, 512 MiB dirty, $RATE_N rewrites"
    "$B/writerate" "$s" 512 "$DIR/rate.img" $RATE_N >>"$ROWS"
    rm -f "$DIR/rate.img"
    sync
done
log "write rate: dd baseline (3 more runs)"
for i in 1 2 3; do DDR="$DDR $(dd_run)"; done
DD_MED=$(echo $DDR | tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END{print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}')
echo "@rate | baseline: dd bs=1M count=512 conv=fdatasync | 512 MiB | 6 | - | $DD_MED | - | runs (MB/s):$DDR |" >>"$ROWS"

# ---- 2: slowdown of a writing workload ------------------------------------------------

for s in $STRATS; do
    log "slowdown: $s, 256 MiB working set, $((SLOW_W / 1000000)) M writes, $SLOW_R rounds"
    "$B/slowdown" "$s" 256 "$DIR/slow.img" $SLOW_W $SLOW_R $SLOW_CAP >>"$ROWS"
    rm -f "$DIR/slow.img"
    log "slowdown: $s, 256 MiB working set, writes in a hot 16 MiB, $((SLOW_HOT_W / 1000000)) M writes, $SLOW_HOT_R rounds"
    "$B/slowdown" "$s" 256 "$DIR/slow.img" $SLOW_HOT_W $SLOW_HOT_R $SLOW_CAP 16 >>"$ROWS"
    rm -f "$DIR/slow.img"
done

# ---- diagnostics: unit costs of the tracked-memory layer ---------------------------------

for s in $STRATS; do
    log "tmem unit costs: $s"
    "$B/tmem_costs" "$s" >>"$ROWS" || echo "bench: tmem_costs $s failed" >&2
    if have taskset; then
        taskset -c 0 "$B/tmem_costs" "$s" "all threads on CPU 0" >>"$ROWS" ||
            echo "bench: tmem_costs $s (pinned) failed" >&2
    fi
done

# ---- tables ----------------------------------------------------------------------------

rows() { grep "^@$1 " "$ROWS" | sed "s/^@$1 //"; }

echo "## 1. Pause per snapshot"
echo
echo "Phantom: pw_stats.pause_last_ns of every snapshot; 'parked' = the mutator waits in"
echo "pw_snapshot (time to safepoint excluded); 'running' = the mutator keeps writing into"
echo "the pages it dirtied, pw_safepoint every 1000 writes, while another thread requests"
echo "(time to safepoint included, and writes during the engine's prepare step)."
echo
echo "| what | resident | dirtied per snapshot | samples | p50 ms | p99 ms | max ms | notes |"
echo "|---|---|---|---|---|---|---|---|"
for m in 256 1024; do rows pause | awk -F'|' -v m="$m MiB" 'index($3, m) == 2' | sort -s -t'|' -k2,2 | awk '/baseline/' ; rows pause | awk -F'|' -v m="$m MiB" 'index($3, m) == 2 && !/baseline/'; done
echo
echo "## 5. Bytes written per snapshot (parked runs above)"
echo
echo "| strategy | resident | dirty | dirty MiB/snap | data MiB/snap | metadata MiB/snap | data / dirty | (data+meta) / dirty | pages written = pages dirtied |"
echo "|---|---|---|---|---|---|---|---|---|"
rows bytes
echo
echo "## 2. Slowdown of random 8-byte writes (pw_safepoint every 1000 writes)"
echo
echo "Median wall time of a fixed amount of work; ratio to snapshots off; snapshots/s achieved."
echo "A 10/s run still going after ${SLOW_CAP} s is stopped and its time extrapolated from the writes done."
echo "The engine counts an interval from the end of the previous snapshot, and spaces snapshots"
echo "4x a snapshot's duration apart when one takes over a quarter of the interval, so the rate"
echo "achieved can be well below the setting."
echo
echo "| strategy | workload | rounds | off s | 1/s s | 1/s slowdown | 1/s achieved | 10/s s | 10/s slowdown | 10/s achieved |"
echo "|---|---|---|---|---|---|---|---|---|---|"
rows slow
echo
echo "| strategy | workload | setting | time per run, min - max s | snapshots per run | write faults per run | copy-on-write copies per run |"
echo "|---|---|---|---|---|---|---|"
rows slowx
echo
echo "## 3. Snapshot write rate (data bytes durable per second of the write phase)"
echo
echo "| what | dirty set | runs | median s | data MB/s | total MB/s (with metadata) | vs dd |"
echo "|---|---|---|---|---|---|---|"
rows rate | awk -F'|' -v dd="$DD_MED" 'BEGIN{OFS="|"} /baseline/{print; next} {r=$6+0; pct=(dd > 0) ? 100*r/dd : 0; sub(/ *$/,"",$0); printf "%s %.0f%% of dd |\n", $0, pct}'
echo
echo "## 4. Process start to resumed work"
echo
echo "| what | world | runs | median ms | p90 ms | max ms | hyperfine median ms |"
echo "|---|---|---|---|---|---|---|"
rows resume
echo
echo "## Diagnostics: unit costs of the tracked-memory layer (256 MiB region, HAL only)"
echo
echo "| strategy | operation | size | median | cost |"
echo "|---|---|---|---|---|"
rows tmem
echo

# ---- VM threads to an instruction boundary --------------------------------------------

log "VM safepoint with 1,000 runnable threads (bench/vm_safepoint)"
echo "## 5. VM: bringing every VM thread to an instruction boundary"
echo
echo "1,000 VM threads spin in a loop that writes a field; snapshots every 10 ms for"
echo "3 s.  'stop' is from the snapshot's request until every mutator is parked"
echo "(all VM threads at an instruction boundary); 'pause' adds the freeze."
echo
echo "| threads | snapshots | stop p50 ms | stop p99 ms | pause p50 ms | pause p99 ms |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 $([ "$QUICK" = 1 ] && echo 1 || echo 3)); do
    "$B/vm_safepoint" "$DIR" 1000 3
done
echo

# ---- compiler: lines per second on a generated 100,000-line program -----------------

log "compile speed (bench/compile_speed.sh)"
echo "## 6. Compiler: lines per second and peak memory"
echo
BUILD="$BUILD" QUICK="$QUICK" BENCH_DIR="$DIR" "$(dirname "$0")/compile_speed.sh"
echo

# ---- interpreter vs Lua: bench/vm/*.pasm next to lua5.4 and luajit -joff -----------

log "interpreter vs lua5.4 and luajit -joff (bench/vm_compare.sh)"
BUILD="$BUILD" QUICK="$QUICK" BENCH_DIR="$DIR" "$(dirname "$0")/vm_compare.sh"
echo

# ---- an image on an NBD export next to a local file (issue 21) ---------------------

log "NBD image vs local file (bench/nbd_compare.sh)"
echo "## Images on an NBD server"
echo
BUILD="$BUILD" BENCH_DIR="$DIR" "$(dirname "$0")/nbd_compare.sh" "$([ -n "$QUICK" ] && echo 2 || echo 5)" 128
echo

# ---- continuous replicas: a file and a replica-server over TCP (issue 21) ----------

log "replication lag and bytes shipped (bench/replication)"
echo "## Replication"
echo
"$B/replication" "$DIR" 64 "$([ -n "$QUICK" ] && echo 5 || echo 10)" "$([ -n "$QUICK" ] && echo 1 || echo 3)"
echo

# ---- WebAssembly: bench/wasm/*.c under Phantom, native, Node.js; same in Lua ---------

log "WebAssembly engine vs native, node and lua5.4 (bench/wasm_compare.sh)"
BUILD="$BUILD" QUICK="$QUICK" BENCH_DIR="$DIR" "$(dirname "$0")/wasm_compare.sh"
echo

# ---- Java: bench/java/*.java under Phantom, java -Xint and java (issue 16) ----------

log "Java on Phantom vs java -Xint and java (bench/java_compare.sh)"
BUILD="$BUILD" QUICK="$QUICK" BENCH_DIR="$DIR" "$(dirname "$0")/java_compare.sh"
echo

# ---- the HTTP key-value service next to Redis (issue 14) ----------------------------

log "kv_server.ph vs redis-server (bench/http_bench.sh)"
BUILD="$BUILD" QUICK="$QUICK" BENCH_DIR="$DIR" "$(dirname "$0")/http_bench.sh"
echo
# ---- the web display (issue 15) ------------------------------------------------------

log "web display: an animated 400x300 window, display off and on (bench/display_bench.c)"
echo "## Web display: frames and bytes of an animated window"
echo
(cd "$(dirname "$0")/.." && BUILD="$BUILD" "$B/display_bench" "$([ "$QUICK" = 1 ] && echo 500 || echo 1500)")
echo
echo "Total benchmark time: $(( $(date +%s) - START )) s"
exit 0
