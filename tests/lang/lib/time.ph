// .phantom.time and .phantom.stopwatch: the clocks, sleep and
// sleepSeconds; sleepers wake in the order of their deadlines.
import .phantom.time;
import .phantom.stopwatch;

class sleeper
{
    var ms : long;
    var name : string;
    var log : void[];
    var lock : .internal.mutex;
    void sleeper(long m, string n, void[] l, .internal.mutex k) { ms = m; name = n; log = l; lock = k; }
    void run()
    {
        time.sleep(ms);
        lock.lock();
        log.add(name);
        lock.unlock();
    }
};

class time_test
{
    static void main()
    {
        time.sleep(0);
        time.sleep(-5);
        time.sleep(10);
        time.sleepSeconds(0);
        println("slept");
        void[] log = new void[]();
        var lock = new .internal.mutex();
        var a = .internal.thread.start(new sleeper(300, "slow", log, lock));
        var b = .internal.thread.start(new sleeper(150, "middle", log, lock));
        var c = .internal.thread.start(new sleeper(1, "fast", log, lock));
        a.join();
        b.join();
        c.join();
        println(log);

        long t0 = time.now();
        println(t0 > 1700000000000L);          // after November 2023
        var w = new stopwatch();
        time.sleep(50);
        long e = w.elapsedMillis();
        println(e >= 50 && e < 5000);
        println(w.elapsedNanos() >= e * 1000000);
        w.restart();
        println(w.elapsedMillis() < 50);
        println(time.now() - t0 >= 50);
        long n0 = time.nanos();
        println(time.nanos() >= n0);
    }
};
