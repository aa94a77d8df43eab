// .phantom.sync.workerPool (and .phantom.sync.worker, its threads): tasks
// run on several threads, waitIdle, completed, failures, shutdown, join,
// and the errors.
import .phantom.sync.workerPool;

class square
{
    var n : int;
    var out : void[];
    void square(int k, void[] o) { n = k; out = o; }
    void run()
    {
        if (n % 10 == 7)
            throw new .phantom.ArgumentException("no squares ending in 7: " + n);
        synchronized (out) { out.add(n * n); }
    }
};

class slow
{
    var log : void[];
    void slow(void[] l) { log = l; }
    void run()
    {
        .phantom.time.sleep(20);
        synchronized (log) { log.add("slow done"); }
    }
};

class workerPool_test
{
    static void main()
    {
        try { new workerPool(0); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        workerPool pool = new workerPool(4);
        println(pool.size() + " " + pool.completed() + " " + pool.isShutdown() + " " + pool.failures());
        pool.waitIdle();
        void[] out = new void[]();
        for (int i = 0; i < 30; i++)
            pool.submit(new square(i, out));
        pool.waitIdle();
        out.sort();
        println(out.length + " " + out);
        println(pool.completed());
        void[] messages = new void[]();
        foreach (e in pool.failures())
            messages.add(e.getClass().getName() + ": " + e.getMessage());
        messages.sort();
        println(messages.length + " " + messages);
        try { pool.submit(null); } catch (.phantom.ArgumentException e) { println(e.getMessage()); }

        // tasks queued before shutdown still run; join waits for them
        void[] log = new void[]();
        pool.submit(new slow(log));
        pool.submit(new slow(log));
        pool.shutdown();
        println(pool.isShutdown());
        try { pool.submit(new slow(log)); } catch (.phantom.IllegalStateException e) { println(e.getMessage()); }
        pool.join();
        println(log + " " + pool.completed());
        pool.waitIdle();
        pool.join();

        // join without shutdown shuts down first
        workerPool one = new workerPool(1);
        one.submit(new square(3, out));
        one.join();
        println(one.isShutdown() + " " + one.completed() + " " + out[out.length - 1]);
    }
};
