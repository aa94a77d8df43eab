// gc_pause.ph - pauses the mutator sees while the complete collector works
// on a large world (bench/gc_pause.sh).  Builds pauseparams.mib() MiB of
// live objects (in liveBytes), then for pauseparams.seconds() seconds
// allocates garbage (self-loops, pairs) and overwrites random slots of the
// live structure, timing every iteration with the monotonic clock: an
// iteration normally takes well under a microsecond, so a long one is a
// pause (a collector step, a snapshot, the scheduler).  Prints the
// distribution of iteration times and the collector's counters.
class obj
{
    var next;
    var a : long; var b : long; var c : long; var d : long;
    var e : long; var f : long; var g : long;
};

class gc_pause
{
    static void main()
    {
        var w = new .internal.world();
        long target = pauseparams.mib() * 1048576L;
        long secs = pauseparams.seconds();
        var chunks = new void[]();
        long n = 0;
        long t0 = .internal.time.monoNanos();
        var s0 = w.gcStats();
        long base = s0.get("liveBytes");
        bool full = false;
        while (!full) {
            var chunk = new obj[1024];
            for (int i = 0; i < 1024; i++) {
                var o = new obj();
                o.a = n;
                chunk[i] = o;
                n++;
            }
            chunks.add(chunk);
            if (chunks.size() % 256 == 0)
                full = (long) w.gcStats().get("liveBytes") - base >= target;
        }
        var s1 = w.gcStats();
        println("built " + n + " objects, liveBytes " + (long) s1.get("liveBytes") / 1048576 + " MiB in " +
                (.internal.time.monoNanos() - t0) / 1000000 + " ms; cycles so far " + s1.get("cycles"));
        const int NB = 1000000;           // 1 us buckets up to 1 s
        var hist = new long[NB + 1];
        long iters = 0;
        long maxGap = 0;
        long over1 = 0, over10 = 0;
        long nchunks = chunks.size();
        long rnd = 12345;
        long start = .internal.time.monoNanos();
        long end = start + secs * 1000000000L;
        long last = start;
        long cyclesStart = s1.get("cycles");
        for (;;) {
            // garbage: a self-loop and a pair
            var x = new obj();
            x.next = x;
            var y = new obj();
            var z = new obj();
            y.next = z; z.next = y;
            // overwrite a random live slot
            rnd = rnd * 6364136223846793005L + 1442695040888963407L;
            long r = (rnd >>> 20) & 0x7fffffffffffL;
            obj[] ch = chunks[(int) (r % nchunks)];
            var o = new obj();
            o.a = r;
            ch[(int) ((r >>> 16) % 1024)] = o;
            long now = .internal.time.monoNanos();
            long gap = now - last;
            last = now;
            iters++;
            long us = gap / 1000;
            if (us > NB)
                us = NB;
            hist[(int) us]++;
            if (gap > maxGap)
                maxGap = gap;
            if (gap > 1000000L)
                over1++;
            if (gap > 10000000L)
                over10++;
            if (now >= end)
                break;
        }
        var s2 = w.gcStats();
        long p50 = -1, p99 = -1, p999 = -1, p9999 = -1, acc = 0;
        for (int i = 0; i <= NB; i++) {
            acc += hist[i];
            if (p50 < 0 && acc * 2 >= iters) p50 = i;
            if (p99 < 0 && acc * 100 >= iters * 99) p99 = i;
            if (p999 < 0 && acc * 1000 >= iters * 999) p999 = i;
            if (p9999 < 0 && acc * 10000 >= iters * 9999) p9999 = i;
        }
        println("measured " + secs + " s: " + iters + " iterations (4 allocations each)");
        println("iteration time us (1 us buckets, upper bound): p50 < " + (p50 + 1) + ", p99 < " + (p99 + 1) +
                ", p99.9 < " + (p999 + 1) + ", p99.99 < " + (p9999 + 1) + ", max " + maxGap / 1000);
        println("iterations over 1 ms: " + over1 + ", over 10 ms: " + over10);
        println("complete cycles during the run: " + ((long) s2.get("cycles") - cyclesStart) +
                "; liveBytes at the end " + (long) s2.get("liveBytes") / 1048576 + " MiB; heapPages " + s2.get("heapPages") +
                "; cycle-freed objects " + ((long) s2.get("cycleFreedObjects") - (long) s1.get("cycleFreedObjects")) +
                ", rc-freed " + ((long) s2.get("rcFreedObjects") - (long) s1.get("rcFreedObjects")));
        println("collector steps (the last 4096): " + s2.get("steps") + " in all; p50 " +
                (long) s2.get("stepP50Ns") / 1000 + " us, p99 " + (long) s2.get("stepP99Ns") / 1000 +
                " us, max " + (long) s2.get("stepMaxNs") / 1000 + " us");
    }
};
