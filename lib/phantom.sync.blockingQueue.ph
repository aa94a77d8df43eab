// .phantom.sync.blockingQueue: a first-in first-out queue that threads
// share.  take() waits for an element; put() on a bounded queue waits for
// room.  close() ends it: put() then fails, and once the elements left are
// taken, take() returns null, so consumers know to stop.  Null cannot be
// put (it means "closed" to take()).
package .phantom.sync;

class blockingQueue
{
    var items : .phantom.util.queue;
    var capacity : int;            // 0: unbounded
    var lock : .internal.mutex;    // guards items and closed
    var filled : .internal.sema;   // one permit per element (and one more once closed)
    var room : .internal.sema;     // one permit per free place (bounded queues)
    var closed : bool;

    void blockingQueue()
    {
        items = new .phantom.util.queue();
        capacity = 0;
        lock = new .internal.mutex();
        filled = new .internal.sema();
        closed = false;
    }

    // A queue of at most capacity elements.
    void blockingQueue(int capacity)
    {
        this.blockingQueue();
        if (capacity < 1)
            throw new .phantom.ArgumentException("blockingQueue: the capacity " + capacity + " is below 1");
        this.capacity = capacity;
        room = new .internal.sema();
        for (int i = 0; i < capacity; i++)
            room.release();
    }

    // Adds x at the back, waiting for room if the queue is bounded and
    // full.  ArgumentException for null; IllegalStateException once closed.
    void put(var x)
    {
        if (x == null)
            throw new .phantom.ArgumentException("put: null cannot be queued");
        if (capacity > 0)
            room.acquire();
        add(x, "put");
    }

    // Adds x if there is room now; false if the bounded queue is full.
    bool offer(var x)
    {
        if (x == null)
            throw new .phantom.ArgumentException("offer: null cannot be queued");
        if (capacity > 0 && !room.tacquire(0))
            return false;
        add(x, "offer");
        return true;
    }

    // Holding a place (if bounded): adds x and wakes a taker.
    private void add(var x, string method)
    {
        lock.lock();
        if (closed) {
            lock.unlock();
            if (capacity > 0)
                room.release();   // pass the place on: a closed queue has room for every waiting put
            throw new .phantom.IllegalStateException(method + ": the queue is closed");
        }
        items.enqueue(x);
        lock.unlock();
        filled.release();
    }

    // Removes and returns the front element, waiting until there is one.
    // Null once the queue is closed and empty.
    .internal.object take()
    {
        filled.acquire();
        return remove();
    }

    // The front element if there is one now, else null.
    .internal.object poll()
    {
        if (!filled.tacquire(0))
            return null;
        return remove();
    }

    // The front element, waiting ms milliseconds at most; null if none came.
    .internal.object poll(long ms)
    {
        if (!filled.tacquire(ms))
            return null;
        return remove();
    }

    // Holding a permit of filled: the front element, or null if closed and empty.
    private .internal.object remove()
    {
        lock.lock();
        if (items.isEmpty()) {     // only when closed: the closing permit
            lock.unlock();
            filled.release();       // for the next taker
            return null;
        }
        var x = items.dequeue();
        lock.unlock();
        if (capacity > 0)
            room.release();
        return x;
    }

    // Closes the queue: no more puts; takers get the elements left, then null.
    void close()
    {
        lock.lock();
        bool was = closed;
        closed = true;
        lock.unlock();
        if (!was) {
            filled.release();     // wakes a waiting taker, which passes it on
            if (capacity > 0)
                room.release();   // wakes a waiting put, which fails and passes it on
        }
    }

    bool isClosed()
    {
        lock.lock();
        bool c = closed;
        lock.unlock();
        return c;
    }

    int size()
    {
        lock.lock();
        int n = items.size();
        lock.unlock();
        return n;
    }

    bool isEmpty()
    {
        return size() == 0;
    }
};
