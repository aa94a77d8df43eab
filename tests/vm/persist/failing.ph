// failing.ph - the world of tests/crash/vm_failing.c: a world whose
// threads fail right after every boot.  The main thread counts (its count
// must go on across every boot, paused or killed) and, each time it finds
// the world booted again, starts a worker that checks the world; this
// version of .checker throws at once, so every boot fails within moments.
// The test repairs it paused with failing_fixed.ph (:update), then :resume.
class checker
{
    void run()
    {
        throw new .phantom.Exception("the world's check fails");
    }
};

class failing
{
    static void main()
    {
        var w = new .internal.world();
        var seen : long = w.boots();
        var n : int = 0;
        while (true)
        {
            if (w.boots() != seen)
            {
                seen = w.boots();
                println("boot seen at count " + n);
                .internal.thread.start(new checker());
            }
            n++;
            if (n % 10 == 0)
                println("count " + n);
            .internal.thread.sleep(20);
        }
    }
};
