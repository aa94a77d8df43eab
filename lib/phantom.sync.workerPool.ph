// .phantom.sync.workerPool: a fixed number of threads that run tasks.
// A task is any object with a run() method.  Tasks run in the order they
// were submitted, several at a time.  What a task throws is caught and
// kept (failures()); the worker goes on with the next task.
//     var pool = new workerPool(4);
//     pool.submit(job);           // job.run() runs on one of the threads
//     pool.waitIdle();            // every task submitted so far has run
//     pool.shutdown();            // the threads end once the tasks are done
//     pool.join();
// The program does not end while a pool's threads run: shut it down.
package .phantom.sync;

class workerPool
{
    var tasks : blockingQueue;
    var threads : void[];
    var lock : .internal.mutex;
    var idle : .internal.cond;    // broadcast when pending reaches 0
    var pending : int;            // submitted, not yet finished
    var done : int;               // finished (normally or not)
    var errors : void[];          // what the tasks threw

    void workerPool(int n)
    {
        if (n < 1)
            throw new .phantom.ArgumentException("workerPool: " + n + " threads is not at least 1");
        tasks = new blockingQueue();
        lock = new .internal.mutex();
        idle = new .internal.cond();
        pending = 0;
        done = 0;
        errors = new void[]();
        threads = new void[]();
        for (int i = 0; i < n; i++)
            threads.add(.internal.thread.start(new worker(this)));
    }

    // The number of threads.
    int size()
    {
        return threads.length;
    }

    // Queues task (an object with run()) for a thread.
    // IllegalStateException after shutdown(); ArgumentException for null.
    void submit(var task)
    {
        if (task == null)
            throw new .phantom.ArgumentException("submit: the task is null");
        lock.lock();
        pending++;
        lock.unlock();
        try {
            tasks.put(task);
        } catch (.phantom.IllegalStateException e) {
            lock.lock();
            pending--;
            if (pending == 0)
                idle.broadcast();
            lock.unlock();
            throw new .phantom.IllegalStateException("submit: the pool is shut down");
        }
    }

    // Waits until every task submitted so far has finished.
    void waitIdle()
    {
        lock.lock();
        while (pending > 0)
            idle.wait(lock);
        lock.unlock();
    }

    // Accepts no more tasks; the threads end once the queued ones are done.
    void shutdown()
    {
        tasks.close();
    }

    bool isShutdown()
    {
        return tasks.isClosed();
    }

    // Shuts down (if not yet) and waits until every thread has ended.
    void join()
    {
        shutdown();
        foreach (t in threads)
            t.join();
    }

    // The number of tasks finished so far, failed ones included.
    int completed()
    {
        lock.lock();
        int n = done;
        lock.unlock();
        return n;
    }

    // A new array of what the failed tasks threw, in the order they failed.
    void[] failures()
    {
        lock.lock();
        void[] r = errors.slice(0, errors.length);
        lock.unlock();
        return r;
    }

    // Called by a worker when a task threw e.
    void failed(var e)
    {
        lock.lock();
        errors.add(e);
        lock.unlock();
    }

    // Called by a worker when a task has finished.
    void finished()
    {
        lock.lock();
        pending--;
        done++;
        if (pending == 0)
            idle.broadcast();
        lock.unlock();
    }
};
