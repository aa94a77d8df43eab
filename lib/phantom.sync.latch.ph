// .phantom.sync.latch: a count-down latch.  Threads wait in await() until
// countDown() has been called count times; then they all go on, and every
// later await() returns at once.  It cannot be reset.
package .phantom.sync;

class latch
{
    var count : int;
    var lock : .internal.mutex;
    var zero : .internal.cond;   // broadcast when count reaches 0

    void latch(int n)
    {
        if (n < 0)
            throw new .phantom.ArgumentException("latch: the count " + n + " is negative");
        count = n;
        lock = new .internal.mutex();
        zero = new .internal.cond();
    }

    // One less to wait for; at 0 the waiting threads go on.  Does nothing
    // once the count is 0.
    void countDown()
    {
        lock.lock();
        if (count > 0) {
            count--;
            if (count == 0)
                zero.broadcast();
        }
        lock.unlock();
    }

    // Waits until the count is 0.
    void await()
    {
        lock.lock();
        while (count > 0)
            zero.wait(lock);
        lock.unlock();
    }

    // Waits until the count is 0, or ms milliseconds at most; true if the
    // count is 0.
    bool await(long ms)
    {
        lock.lock();
        if (count > 0 && ms > 0)
            zero.twait(lock, ms);
        bool done = count == 0;
        lock.unlock();
        return done;
    }

    int getCount()
    {
        lock.lock();
        int n = count;
        lock.unlock();
        return n;
    }
};
