// .phantom.time: waiting.  (Reading the clock needs a VM native that does
// not exist yet: see docs/LIBRARY.md.)
package .phantom;

class time
{
    // Waits ms milliseconds of wall-clock time; the other threads run
    // meanwhile.  The deadline survives a restart of the world.  0 or less
    // returns at once.
    static void sleep(long ms)
    {
        if (ms > 0)
            .internal.thread.sleep(ms);
    }

    // Waits s seconds.
    static void sleepSeconds(long s)
    {
        sleep(s * 1000);
    }
};
