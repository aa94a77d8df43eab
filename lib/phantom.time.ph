// .phantom.time: the clocks and waiting.
package .phantom;

class time
{
    // Milliseconds since 1970-01-01 UTC (wall-clock time, which keeps its
    // meaning across restarts of the world).
    static long now()
    {
        return .internal.time.nowMillis();
    }

    // Nanoseconds of a monotonic clock, for measuring intervals within one
    // run; its origin changes when the world restarts.
    static long nanos()
    {
        return .internal.time.monoNanos();
    }

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
