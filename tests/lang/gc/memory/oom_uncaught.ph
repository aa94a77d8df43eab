// Run with --memory-limit 64M (tests/unit/gc_memory.c).  A thread
// allocates without bound and does not catch the exception: it dies with
// "Uncaught .phantom.OutOfMemoryException" on standard error, what it
// held becomes garbage, and the main thread goes on.
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
        println("the allocating thread ended: " + !t.isAlive());
        var again = new void[]();
        for (int i = 0; i < 100000; i++)
            again.add("allocating again " + i);
        println("allocated " + again.size() + " strings after it");
    }
};
