// Run with --memory-limit 64M (tests/unit/gc_memory.c).  A thread
// allocates without bound and does not catch the exception: it dies with
// "Uncaught .phantom.OutOfMemoryException" on standard error, what it
// held becomes garbage, and the main thread goes on.  It lets the
// collector catch up first (a short sleep: an idle VM finishes its
// collection work): memory dropped at the limit comes back over the next
// collector steps, and an allocation that comes first may still fail
// (docs/GC.md, "The memory limit").
class hog
{
    void run()
    {
        var kept = new void[]();
        while (true)
            kept.add(new void[16]);
    }
};

class oom_uncaught
{
    static void main()
    {
        var t = .internal.thread.start(new hog());
        t.join();
        .internal.thread.sleep(50);
        println("the allocating thread ended: " + !t.isAlive());
        var again = new void[]();
        for (int i = 0; i < 100000; i++)
            again.add("allocating again " + i);
        println("allocated " + again.size() + " strings after it");
    }
};
