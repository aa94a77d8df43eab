// bricked.ph - the world of tests/crash/vm_bricked.c.  The main thread
// ticks 40 times and ends; a second thread (.victim) loops forever.  The
// test damages the victim's frame so that resuming the world crashes the
// VM, then repairs the world with `phantom boot --paused --kill ID`: the
// ticks must go on from where they were.
class victim
{
    var laps : int;
    void run()
    {
        while (true)
        {
            laps++;
            .internal.thread.sleep(20);
        }
    }
};

class bricked
{
    static void main()
    {
        .internal.thread.start(new victim());
        for (var i = 1; i <= 40; i++)
        {
            println("tick " + i);
            .internal.thread.sleep(100);
        }
        println("done");
    }
};
