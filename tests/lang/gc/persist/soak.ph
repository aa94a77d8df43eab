// The soak of bench/gc_soak.sh (`make torture`): churns garbage of every
// shape for soakparams.seconds() seconds of wall-clock time, never calling
// world.collect(): the collectors must keep the world bounded by
// themselves.  Every 5 s it prints
//   t SECONDS live LIVEBYTES pages HEAPPAGES cycles CYCLES made OBJECTS
// and "BAD ..." if the reference structure breaks; "done" at the end.
import .phantom.util.list;

class snode { var next; var other; var v : long; };

class soak
{
    static void main()
    {
        var w = new .internal.world();
        var ref = new gcref(5000);
        long seconds = soakparams.seconds();
        long t0 = .internal.time.nowMillis();
        long next = 5000;
        long made = 0;
        var window = new void[256];
        int round = 0;
        for (;;) {
            round++;
            var first = new snode();
            var x = first;
            for (int i = 0; i < 30; i++) {
                var y = new snode();
                x.next = y;
                x = y;
            }
            x.next = first;
            var a = new void[]();
            a.add(a);
            a.add(first);
            var d = new .internal.directory();
            d.put("d", d);
            first.other = d;
            var l = new list();
            l.add(l);
            var s = new snode();
            s.next = s;
            s.v = round;
            window[round % 256] = first;     // live for a while, then garbage
            made += 36;
            if (round % 256 != 0)
                continue;
            long t = .internal.time.nowMillis() - t0;
            if (t < next)
                continue;
            next += 5000;
            if (!ref.ok())
                println("BAD reference structure: " + ref.broken);
            var st = w.gcStats();
            println("t " + t / 1000 + " live " + st.get("liveBytes") + " pages " + st.get("heapPages") +
                    " cycles " + st.get("cycles") + " made " + made);
            if (t >= seconds * 1000)
                break;
        }
        println("done");
    }
};
