// .phantom.stopwatch: measures elapsed time with the monotonic clock.
package .phantom;

class stopwatch
{
    var started : long;

    // A stopwatch that starts at once.
    void stopwatch()
    {
        started = time.nanos();
    }

    // Starts again from zero.
    void restart()
    {
        started = time.nanos();
    }

    // Milliseconds since the start (or the last restart).
    long elapsedMillis()
    {
        return (time.nanos() - started) / 1000000;
    }

    // Nanoseconds since the start (or the last restart).
    long elapsedNanos()
    {
        return time.nanos() - started;
    }
};
