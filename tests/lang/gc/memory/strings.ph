// Large temporary strings (over 2 KiB each: each gets a span of its own)
// while the complete collector marks (tests/unit/gc_memory.c checks the
// process's peak memory and the numbers printed here):
//  - a 40,000-character string built by repeated concatenation;
//  - 20,000 temporaries of 3 KB made and dropped while 16 MB stay live.
// Each temporary must be given back (or reused) at once, in any phase.
class strings
{
    static void main()
    {
        var w = new .internal.world();
        var s = "";
        for (int i = 0; i < 40000; i++)
            s = s + "x";
        println("built a string of " + s.length() + " characters");
        s = null;
        var live = new void[]();
        for (int i = 0; i < 120000; i++)
            live.add("a live string, number " + i + " ......................................................");
        var t = "";
        for (int i = 0; i < 300; i++)
            t = t + "0123456789";
        long base = w.gcStats().get("heapPages"), most = base;
        for (int i = 0; i < 20000; i++) {
            var u = t + i;
            if (i % 100 == 0) {
                long p = w.gcStats().get("heapPages");
                if (p > most)
                    most = p;
            }
        }
        println("made 20000 temporaries of " + t.length() + " characters");
        var st = w.gcStats();
        println("heap growth MiB " + (most - base) * 4096 / 1048576);
        println("longest step ms " + st.get("stepMaxNs") / 1000000);
        println("longest step cpu ms " + st.get("stepMaxCpuNs") / 1000000);
        println("live strings " + live.size());
    }
};
