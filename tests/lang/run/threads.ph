// Threads: .internal.thread.start(obj) runs obj's run() (the original
// method 8) in a new thread; join waits for it; a shared counter is
// updated under synchronized.
class worker
{
    var id : int;
    var shared : total;
    void worker(int i, total t) { id = i; shared = t; }
    void run() { for (int k = 0; k < 100; k++) shared.add(1); }
};

class total
{
    var n : int;
    void add(int d) { synchronized (this) { n += d; } }
};

class threads
{
    static void main()
    {
        var t = new total();
        var all = new void[]();
        for (int i = 0; i < 4; i++)
            all[i] = .internal.thread.start(new worker(i, t));
        foreach (th in all) th.join();
        println(t.n);
    }
};
