// Run with --memory-limit 64M (tests/unit/gc_memory.c).  The main thread
// allocates without bound until .phantom.OutOfMemoryException, catches
// it, lets its data go and goes on allocating; a second thread keeps
// running all along.
class worker
{
    var rounds : int;
    var stop : bool;

    void run()
    {
        while (!stop) {
            var s = "worker round " + rounds;   // allocates too
            rounds++;
            .internal.thread.sleep(1);
        }
    }
};

class oom_caught
{
    static void main()
    {
        var w = new worker();
        var wt = .internal.thread.start(w);
        var keep = new void[]();
        bool caught = false;
        try {
            while (true)
                keep.add("a string that stays reachable, number " + keep.size());
        } catch (.phantom.OutOfMemoryException e) {
            caught = true;
            println("caught OutOfMemoryException: " + e.getMessage());
        }
        if (caught && keep.size() > 100000)
            println("it came after more than 100000 strings");
        keep = null;
        int before = w.rounds;
        .internal.thread.sleep(50);
        if (w.rounds > before)
            println("the other thread kept running");
        var again = new void[]();
        for (int i = 0; i < 100000; i++)
            again.add("allocating again " + i);
        println("allocated " + again.size() + " strings after the exception");
        w.stop = true;
        wt.join();
        println("done");
    }
};
