// An exception nothing catches ends only its thread: the trace goes to
// standard error, the main thread goes on (join returns) and the exit
// status stays 0.  Then the main thread's own uncaught exception, thrown
// from a constructor, ends the program with status 1 and a trace.
class failing
{
    void run() { helper(3); }
    void helper(int n)
    {
        if (n == 0) throw new .phantom.IllegalStateException("worker gave up");
        helper(n - 1);
    }
};

class fragile
{
    var size : int;
    fragile(int s)
    {
        if (s < 0) throw "negative size " + s;
        size = s;
    }
};

class exc_uncaught_thread
{
    static void main()
    {
        var t = .internal.thread.start(new failing());
        t.join();
        println("main goes on, worker alive: " + t.isAlive());
        var ok = new fragile(2);
        println("size " + ok.size);
        new fragile(-1);
        println("not reached");
    }
};
