#!/bin/sh
# nbd_compare.sh - snapshots of an image on an NBD export against the same
# on a local file, side by side in one run (issue 21 item 1): the write
# rate of a snapshot (bench/writerate: MIB of dirty pages rewritten) and
# the pause and request-to-durable time (bench/pause: 1% and 10% of MIB
# dirtied).  The NBD image is an nbdkit file-plugin export of a file in
# the same directory, over a Unix socket, so the difference is the NBD
# path alone (protocol, copies, the server's own fdatasync).  Rounds
# alternate which device goes first; the table gives medians over rounds.
#   bench/nbd_compare.sh [ROUNDS] [MIB]       (BUILD=build, BENCH_DIR=/tmp)
# Needs nbdkit and a build with libnbd; says so and exits 0 without.
set -e
ROUNDS=${1:-5} MIB=${2:-128}
B=${BUILD:-build}
command -v nbdkit >/dev/null || { echo "nbd_compare: nbdkit not installed; skipped"; exit 0; }
"$B/phantom" info 'nbd+unix:///?socket=/nonexistent' 2>&1 | grep -q 'without NBD support' &&
    { echo "nbd_compare: this build has no NBD support (libnbd-dev); skipped"; exit 0; }
TMP=$(mktemp -d "${BENCH_DIR:-/tmp}/phantom-nbdbench-XXXXXX")
NBDKIT=
trap '[ -n "$NBDKIT" ] && kill $NBDKIT 2>/dev/null; rm -rf "$TMP"' EXIT
ROWS=$TMP/rows

serve() { # a fresh export of a fresh sparse file; sets URI and NBDKIT
    rm -f "$TMP/export.img" "$TMP/nbd.sock"
    truncate -s 4G "$TMP/export.img"
    nbdkit --foreground --exit-with-parent --unix "$TMP/nbd.sock" file file="$TMP/export.img" &
    NBDKIT=$!
    while [ ! -S "$TMP/nbd.sock" ]; do sleep 0.05; done
    URI="nbd+unix:///?socket=$TMP/nbd.sock"
}
unserve() { kill $NBDKIT; wait $NBDKIT 2>/dev/null || true; NBDKIT=; }

one() { # device
    if [ "$1" = nbd ]; then serve; img=$URI; else img=$TMP/local.img; fi
    "$B/bench/writerate" uffd "$MIB" "$img" 5 2>/dev/null | sed "s/^@rate | phantom uffd, /@r | $1 | /" >>"$ROWS"
    [ "$1" = nbd ] && { unserve; serve; img=$URI; }
    "$B/bench/pause" uffd "$MIB" "$img" 20 10 0 2>/dev/null | grep '^@pause' |
        sed "s/^@pause | phantom uffd, /@p | $1 | /" >>"$ROWS"
    [ "$1" = nbd ] && unserve
    rm -f "$TMP/local.img"
}

echo "nbd_compare: $ROUNDS rounds, $MIB MiB, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cpus, $(uname -r), nbdkit $(nbdkit --version | cut -d' ' -f2)" >&2
i=0
while [ $i -lt "$ROUNDS" ]; do
    if [ $((i % 2)) = 0 ]; then one file; one nbd; else one nbd; one file; fi
    echo "  round $((i + 1)) done" >&2
    i=$((i + 1))
done

# Medians per (device, row): MB/s of data for writerate; pause p50 and
# request-to-durable p50 for pause.
echo "| device | measurement | median over $ROUNDS rounds |"
echo "|---|---|---|"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for dev in file nbd; do
    for what in "first snapshot (fresh image)" "rewrite of all pages"; do
        m=$(grep "^@r | $dev | $what" "$ROWS" | awk -F'|' '{ gsub(/ /, "", $7); print $7 }' | median)
        echo "| $dev | snapshot write rate, $what, $MIB MiB | $m MB/s |"
    done
    for pct in "1%" "10%"; do
        p=$(grep "^@p | $dev | parked | $MIB MiB | $pct" "$ROWS" | awk -F'|' '{ gsub(/ /, "", $7); print $7 }' | median)
        d=$(grep "^@p | $dev | parked | $MIB MiB | $pct" "$ROWS" | sed 's/.*request-to-durable p50 \([0-9.]*\) ms.*/\1/' | median)
        echo "| $dev | pause p50, $pct of $MIB MiB dirty | $p ms |"
        echo "| $dev | request to durable p50, $pct of $MIB MiB dirty | $d ms |"
    done
done
