// Run with --memory-limit 64M (tests/unit/gc_memory.c).  The main thread
// allocates without bound until .phantom.OutOfMemoryException, catches
// it, lets its data go, waits for the collector to take it back and goes
// on allocating; a second thread keeps running all along.
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
        var world = new .internal.world();   // made while there is room
        var keep = new void[]();
        bool caught = false;
        string message = null;
        try {
            while (true)
                keep.add("a string that stays reachable, number " + keep.size());
        } catch (.phantom.OutOfMemoryException e) {
            // Nothing is allocated here: the heap is still full, and whether
            // a small allocation finds room is luck (docs/GC.md, "A
            // limitation"); the message is printed once the data is gone.
            caught = true;
            message = e.getMessage();
        }
        int kept = keep.size();
        keep = null;
        // The collector takes the strings back over its next steps, slowly
        // while the other thread wakes every millisecond: wait for that.
        bool back = false;
        for (int tries = 0; tries < 400 && !back; tries++) {
            .internal.thread.sleep(50);
            try {
                var live;
                live = world.gcStats().get("liveObjects");
                back = live < 100000;
            } catch (.phantom.OutOfMemoryException e) {
            }
        }
        if (caught)
            println("caught OutOfMemoryException: " + message);
        if (caught && kept > 100000)
            println("it came after more than 100000 strings");
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
