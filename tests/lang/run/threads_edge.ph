// Threads with .internal.thread: start runs run() in a new thread; join,
// isAlive, getId (unique), current; sleep and yield let the others run;
// a producer and a consumer handing values over through a monitor with
// .internal.cond (wait releases the mutex); a latch and a blocking queue
// of the standard library; a thread that starts another.
import .phantom.sync.*;

class slot
{
    var m : .internal.mutex = new .internal.mutex();
    var c : .internal.cond = new .internal.cond();
    var full : bool;
    var value : int;

    void put(int v)
    {
        m.lock();
        while (full) c.wait(m);
        value = v;
        full = true;
        c.broadcast();
        m.unlock();
    }

    int take()
    {
        m.lock();
        while (!full) c.wait(m);
        int v = value;
        full = false;
        c.broadcast();
        m.unlock();
        return v;
    }
};

class producer
{
    var s : slot;
    void producer(slot x) { s = x; }
    void run() { for (int i = 1; i <= 5; i++) s.put(i * i); s.put(-1); }
};

class starter
{
    var child;
    void run() { child = .internal.thread.start(new sleeper(5)); child.join(); }
};

class sleeper
{
    var ms : int;
    void sleeper(int m) { ms = m; }
    void run() { .internal.thread.sleep(ms); }
};

class gated
{
    var gate : .internal.sema = new .internal.sema();
    void run() { gate.acquire(); }
};

class counterTask
{
    var done : latch;
    var q : blockingQueue;
    var id : int;
    void counterTask(latch l, blockingQueue bq, int i) { done = l; q = bq; id = i; }
    void run() { q.put(id * 100); done.countDown(); }
};

class threads_edge
{
    static void main()
    {
        var s = new slot();
        var p = .internal.thread.start(new producer(s));
        int total = 0;
        for (int v = s.take(); v >= 0; v = s.take()) { print(v + " "); total += v; }
        println("= " + total);
        p.join();
        println(p.isAlive());

        var g = new gated();
        var t = .internal.thread.start(g);
        println(t.isAlive());                  // it waits until released
        g.gate.release();
        t.join();
        println(t.isAlive());
        println(t.getId() != p.getId());
        println(.internal.thread.current().isAlive());
        .internal.thread.yield();

        var st = new starter();
        var th = .internal.thread.start(st);
        th.join();
        println(st.child.isAlive());

        latch l = new latch(3);
        blockingQueue q = new blockingQueue();
        for (int i = 1; i <= 3; i++) .internal.thread.start(new counterTask(l, q, i));
        l.await();
        println(l.getCount() + " " + q.size());
        int sum = 0;
        for (int i = 0; i < 3; i++) sum += (int)q.take();
        println(sum);
        q.close();
        println(q.take());
    }
};
