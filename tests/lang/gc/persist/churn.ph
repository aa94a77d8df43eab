// The program of tests/crash/gc_killloop.c: killed with SIGKILL at random
// moments and resumed with `phantom boot`, over and over, while it churns
// garbage cycles so that the complete collector is nearly always in the
// middle of a cycle when a snapshot is taken.
//
// It keeps a reference structure (gcref, ../common/gcref.ph) and a window
// of 64 live rings that it replaces one at a time (so live objects turn
// into garbage while marking runs: the write barrier's case), and checks
// both often.  Output, one line each:
//   resumed B R C     after a restart: boot B, round R, C complete cycles so far (then checked)
//   p R B C           progress: round R, boot B, C cycles
//   BAD ...           something was found broken
//   done R C          the end: R rounds, C cycles, everything checked
// It ends once the world has been booted churnparams.boots() times (the
// harness writes that class) and it has done 300 rounds more.
class ring
{
    var next : ring;
    var other;
    var v : int;
    var tag : long;
};

class churn
{
    static int check(ring r, long tag)
    {
        int n = 0;
        var x = r;
        do {
            if (x.tag != tag || x.v != n)
                return -1;
            x = x.next;
            n++;
        } while (!(x :== r) && n < 10000);
        return n;
    }

    static ring makeRing(int n, long tag)
    {
        var first = new ring();
        first.tag = tag;
        var x = first;
        for (int i = 1; i < n; i++) {
            var y = new ring();
            y.v = i;
            y.tag = tag;
            x.next = y;
            x = y;
        }
        x.next = first;
        return first;
    }

    static void main()
    {
        var w = new .internal.world();
        var ref = new gcref(2000);
        var window = new ring[64];
        for (int i = 0; i < 64; i++)
            window[i] = makeRing(50, i);
        long target = churnparams.boots();
        int lastBoot = w.boots();
        long round = 0;
        long endAt = -1;
        bool bad = false;
        while (endAt < 0 || round < endAt) {
            round++;
            // garbage: rings, self-loops, an array cycle, a directory cycle
            var g = makeRing(100, -1);
            if (check(g, -1) != 100) { println("BAD a new ring is broken in round " + round); bad = true; }
            for (int i = 0; i < 20; i++) {
                var s = new ring();
                s.next = s;
                var a = new void[]();
                a.add(a);
                a.add(s);
                s.other = a;
            }
            var d = new .internal.directory();
            d.put("d", d);
            d.put("g", g);
            g.other = d;
            // replace one live ring, after checking it
            int k = (int) (round % 64);
            long tag = window[k].tag;
            if (check(window[k], tag) != 50) { println("BAD live ring " + k + " broken in round " + round); bad = true; }
            window[k] = makeRing(50, round * 64 + k);
            int b = w.boots();
            if (b != lastBoot) {
                lastBoot = b;
                var st = w.gcStats();
                if (!ref.ok()) { println("BAD reference structure after restart: " + ref.broken); bad = true; }
                println("resumed " + b + " " + round + " " + st.get("cycles"));
            }
            if (endAt < 0 && b >= target)
                endAt = round + 300;
            if (round % 50 == 0) {
                if (!ref.ok()) { println("BAD reference structure: " + ref.broken); bad = true; }
                println("p " + round + " " + b + " " + w.gcStats().get("cycles"));
            }
        }
        for (int k = 0; k < 64; k++)
            if (check(window[k], window[k].tag) != 50) { println("BAD live ring " + k + " broken at the end"); bad = true; }
        w.collect();
        var st = w.gcStats();
        long live = st.get("liveBytes");
        if (live > 16777216L) { println("BAD liveBytes " + live + " after a complete collection"); bad = true; }
        if (!ref.ok()) { println("BAD reference structure at the end: " + ref.broken); bad = true; }
        if (!bad)
            println("done " + round + " " + st.get("cycles"));
    }
};
