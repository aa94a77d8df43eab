// .phantom.sync.latch: threads wait in await() until the count reaches 0;
// await(ms) gives up after ms; countDown below 0 does nothing.
import .phantom.sync.latch;

class waiter
{
    var gate : latch;
    var log : void[];
    var name : string;
    void waiter(latch g, void[] l, string n) { gate = g; log = l; name = n; }
    void run()
    {
        gate.await();
        synchronized (log) { log.add(name); }
    }
};

class counter
{
    var gate : latch;
    var n : int;
    void counter(latch g, int k) { gate = g; n = k; }
    void run()
    {
        for (int i = 0; i < n; i++) {
            gate.countDown();
            .internal.thread.yield();
        }
    }
};

class latch_test
{
    static void main()
    {
        try { new latch(-1); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        latch open = new latch(0);
        open.await();
        println(open.await(0) + " " + open.getCount());

        latch gate = new latch(3);
        println(gate.getCount());
        println(gate.await(20) + " " + gate.getCount());    // nobody counts down: times out
        void[] log = new void[]();
        void[] threads = new void[]();
        for (int i = 0; i < 3; i++)
            threads.add(.internal.thread.start(new waiter(gate, log, "w" + i)));
        .internal.thread.yield();
        synchronized (log) { println("before: " + log.length); }
        gate.countDown();
        gate.countDown();
        println(gate.getCount());
        synchronized (log) { println("still waiting: " + log.length); }
        gate.countDown();
        foreach (t in threads) t.join();
        log.sort();
        println("after: " + log);
        gate.countDown();
        println(gate.getCount() + " " + gate.await(5));

        // counted down by other threads while main waits
        latch done = new latch(10);
        .internal.thread.start(new counter(done, 4));
        .internal.thread.start(new counter(done, 6));
        done.await();
        println("counted: " + done.getCount());
    }
};
