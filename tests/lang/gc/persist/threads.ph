// The program of tests/crash/gc_threads.c: 50,000 threads that each sleep
// 1 ms three times, all alive at once, so that the heap passes the
// collector's trigger and a complete cycle marks while threads end.  An
// ended thread stays reachable (the array below keeps it, and joiners
// do), and it must keep no reference the reference counts do not see: a
// thread whose `target` outlived its stack let the fast collector free
// the target, and marking then read the freed slot (a crash in every boot
// after).  The harness kills it with SIGKILL in mid-run and boots it again.
// Output: "started", "joined N" (N threads ended), "done C" (C complete
// cycles so far, at least one).
class sleeper
{
    void run()
    {
        for (int i = 0; i < 3; i++)
            .internal.thread.sleep(1);
    }
};

class threads
{
    static void main()
    {
        var w = new .internal.world();
        var all = new void[]();
        println("started");
        for (int i = 0; i < 50000; i++)
            all.add(.internal.thread.start(new sleeper()));
        int ended = 0;
        foreach (t in all) {
            t.join();
            if (!t.isAlive())
                ended++;
        }
        println("joined " + ended);
        all = null;
        w.collect();
        println("done " + w.gcStats().get("cycles"));
    }
};
