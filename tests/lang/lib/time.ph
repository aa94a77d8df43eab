// .phantom.time: sleep and sleepSeconds.  Without a clock the test can
// only check the order in which sleepers wake: a shorter sleep started
// later still ends first.
import .phantom.time;

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
    }
};
